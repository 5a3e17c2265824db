"""Everything that brings digits in: MNIST files, the user's images, the canvas, augmentation.

Never imports Qt or `nndesk.nn`.
"""
