"""The engine's English sentences (nn, train, data, insight, export, the design files) as
patterns with their values as {fields}, and the pieces and words inside them: the data that
`engine_text.py` matches a message against and translates. A new engine message that a learner
may see gets its pattern here (tests/gui/test_engine_text.py drives the real cases)."""

from __future__ import annotations

from nndesk.gui.i18n import N_

__all__ = ["CARRIERS", "COUNTED_PATTERNS", "ENGINE_PATTERNS", "LIBRARY_REASONS", "PIECE_FIELDS",
           "PIECES", "VALUE_WORDS"]

# The engine's sentences (nn/, train/, data/, insight/), values as fields. A field named in
# PIECE_FIELDS holds a piece of sentence itself and is translated by PIECES (or, for a layer's
# reason, by these patterns); a setting's name in a sentence is the field {name}, shown by its
# form's label ("return_sequences": "return sequences", 全時刻を出力). tests/gui/
# test_engine_text.py drives the real cases.
ENGINE_PATTERNS = [
    # nn/spec.py, nn/base.py, nn/conv.py, nn/pool.py, nn/recurrent.py, nn/batchnorm.py
    N_("layer {n} ({type}): {reason}"),
    N_("a {k}x{k} kernel does not fit a {h}x{w} input padded by {p}"),
    N_("a {k}x{k} kernel does not fit a {h}x{w} input"),
    N_("a {p}x{p} window does not fit a {h}x{w} input"),
    N_("needs an image (channels x height x width), but its input is {size} numbers in a row; "
       "put {layer} before any Dense or Flatten"),
    N_("needs an image (channels x height x width), but its input is a sequence ({steps} x "
       "{f} features); {layer} reads images, RNN, GRU and LSTM read sequences"),
    N_("needs a fixed number of inputs, but its input is a sequence of any number of steps "
       "(x {f}); turn {name} off on the recurrent layer before it, so that only its "
       "last state comes out"),
    N_("needs a sequence (steps x features), but its input is {what}; a recurrent layer reads "
       "the input sequence or the output of another recurrent layer with {name} on"),
    N_("BatchNorm needs a vector or an image, not shape {shape}"),
    N_("the last layer must give one score per class (e.g. Dense with 10 units), but it gives "
       "a {size} map"),
    N_("the last layer must give one score per class (e.g. Dense with 10 units), but it gives "
       "a sequence ({steps} x {f}); turn {name} off on the last recurrent layer"),
    N_("init must be at most {high} (the std of the weights), not {value}"),
    N_("{name} must be a whole number, not {value}"),
    N_("{name} must be a number, not {value}"),
    N_("{name} must be true or false, not {value}"),
    N_("{name} must be a finite number, not {value}"),
    N_("{name} is far too large ({value})"),
    N_("the learning rate must be above 0, not {value}"),
    N_("{name} must be above {low}, not {value}"),
    N_("{name} must be at least {low}, not {value}"),
    N_("{name} must be at most {high}, not {value}"),
    N_("{name} must be one of {choices} or a number (the std of a normal distribution), "
       "not {value}"),
    N_("unknown setting {name} (settings: {known})"),
    N_("unknown layer type; did you mean {close}? known types: {known}"),
    N_("unknown layer type; known types: {known}"),
    N_("a layer must be a dict with a \"type\", e.g. {example}"),
    N_("a network needs a non-empty list of \"layers\""),
    N_("a network spec must be a dict with \"input_shape\" and \"layers\""),
    N_("input_shape must be [features], [steps, features] (steps may be null: any length) or "
       "[channels, height, width] of positive whole numbers, e.g. [1, 28, 28]; got {value}"),
    N_("unknown loss {loss}; choose one of {known}"),
    N_("name must be text, not {value}"),
    N_("has {params} parameters; nndesk trains at most {limit} ({size} for the weights "
       "alone)"),
    N_("needs {size} for the weights; this computer has {have}"),
    N_("needs {size} to train on a batch of {batch} (weights, gradients, optimizer state and "
       "each layer's outputs); this computer has {have}"),
    N_("labels must be in 0..{high}; got {low}..{top}"),
    # train/trainer.py: how a run ended
    N_("stopped in epoch {epoch} after batch {batch} of {batches}"),
    N_("stopped early: no better validation accuracy for {n} epochs (best: epoch {best}, "
       "{acc}); weights of epoch {restored} restored"),
    N_("stopped early: no better validation accuracy for {n} epochs (best: epoch {best}, "
       "{acc})"),
    N_("{what} at step {step}: the learning rate {lr} is probably too high; try {suggest} "
       "({kept})"),
    N_("cannot write {path}: {reason}; {kept}"),
    N_("the network expects images shaped {want}, the training data is {have}"),
    # train/config.py, nn/optimizers.py: training settings (the panel's boxes keep them sane;
    # a settings file or a session may not). "epochs ...", "batch_size ..." are the patterns
    # of the layer settings above, named by the training panel's labels.
    N_("{name} cannot be negative ({value})"),
    N_("unknown schedule {value}; choose one of {known}"),
    N_("unknown optimizer {value}; choose one of {known}"),
    N_("elastic distortion needs alpha >= 0 and sigma > 0, not {alpha} and {sigma}"),
    N_("early_stop, val_split and train_limit cannot be negative"),
    # data/folder.py, data/preprocess.py, insight/handwriting.py: a folder of digit images
    N_("{path}: not a folder"),
    N_("{path}: no digit sub-folders; put each digit's images in {first}, {second}, ... "
       "{last}"),
    N_("{path}: the digit sub-folders hold no images ({suffixes})"),
    N_("{path}: no readable digit images in 0/ ... 9/"),
    N_("{path}: no digit found in the image (blank?)"),
    N_("{path}: not a regular file (a pipe or a device?)"),
    N_("{path}: not a regular file"),
    N_("{path}: a folder, not a file"),
    N_("{path}: {what}, not an image"),
    N_("{path}: not a readable image ({reason})"),
    N_("{path}: a damaged {format} image, cut short or corrupted ({reason})"),
    N_("{path}: cannot open ({reason})"),
    N_("{path}: {w}x{h} pixels is too large (limit {limit} pixels)"),
    N_("{path}: refused as a possible decompression bomb ({reason})"),
    N_("no digits to fine-tune on: save some digits first (all were held out to measure)"),
    N_("no digits to fine-tune on"),
    N_("nothing drawn: the bitmap is empty"),
    N_("the label must be a digit 0-9, not {label}"),
    N_("this network has no hidden layer: its features are the pixels"),
    N_("pen digits not found at {path}"),
    # data/mnist.py, data/idx.py: the data set's files
    N_("{title} files missing in {folder}: {files}. Put them in that folder (from {url}), set "
       "{env} to a folder that has them, or download them (`download=True`).\n{detail}"),
    N_("{title} files missing in {folder}: {files}. Put them in that folder (from {url}), set "
       "{env} to a folder that has them, or download them (`download=True`)."),
    N_("{path}: a folder, not an IDX file"),
    N_("{path}: {what}, not an IDX file"),
    N_("{path}: truncated: {part} needs {n} bytes, the file has only {size}"),
    N_("{path}: truncated: the header's dimensions {dims} need {n} bytes, the file has {size}"),
    N_("{path}: not an IDX file (magic number bytes {magic}, expected 0x0000 then a type code "
       "and 1-8 dimensions)"),
    N_("{path}: corrupt or truncated gzip data at the end ({reason})"),
    N_("{path}: corrupt or truncated gzip data while reading the data for dimensions {dims} "
       "({reason})"),
    N_("{path}: corrupt or truncated gzip data while reading {part} ({reason})"),
    N_("{path}: truncated: data for dimensions {dims} needs {n} bytes, the file has only "
       "{size}"),
    N_("{path}: holds 0 images: nothing to train or measure on"),
    N_("{path}: labels must be 0-9, found {low}..{high}"),
    N_("{path}: {n} labels for the {images} images in {name}"),
    # train/model_archive.py, train/model_checks.py: a file opened as a model (the common cases)
    N_("{path}: no such model file"),
    N_("{path}: not a file"),
    N_("{path}: too short to be a model file ({n} bytes)"),
    N_("{path}: too short to be a model file (1 byte)"),
    N_("{path}: cannot be opened ({reason})"),
    N_("{path}: {what}, not an nndesk model file; {advice}"),
    N_("{path}: {what}, not an nndesk model file"),   # its advice apart (translate_piece)
    N_("{path}: damaged or truncated (no zip directory at its end)"),
    N_("{path}: damaged or truncated (not a readable .npz archive: {reason})"),
    N_("{path}: its network spec does not build: {reason}"),
    # export/: why a target cannot express the network, or where it cannot write
    N_("layer {n} ({type}) cannot be exported as book-style NumPy; export it to pytorch or "
       "onnx"),
    N_("layer {n} ({type}) cannot be exported yet; supported: {known}"),
    N_("layer {n} (BatchNorm) on a sequence cannot be exported yet"),
    N_("the network does not build: {reason}"),
    N_("loss {loss} has no exported equivalent ({known})"),
    N_("{path} exists and is not a folder"),
    N_("{path} exists and is not empty (use --force to replace it)"),
    N_("{path} exists (use --force to replace it)"),
    N_("{path} is a folder, not a file an export writes"),
    N_("no file name given: an {kind} export is one file, e.g. {example}"),
    N_("no folder name given: a {kind} export is a folder, e.g. {example}"),
    N_("{path} is a folder: an {kind} export is one file — try {better}"),
    N_("{path}: give the file a name before {suffix}, e.g. {example}"),
    N_("{path}: an {kind} file ends in {suffix} — try {better}"),
    N_("{path}: a {kind} export is a folder, not a {suffix} file — try {better}"),
    # gui/files.py with fileio.loads_json: a file opened as a design
    N_("{name} is too large to be a design file"),
    N_("cannot read {path}: {reason}"),
    N_("{name} is not UTF-8 text"),
    N_("{name} is not valid JSON ({reason}, line {line} column {column})"),
    N_("{name} is truncated JSON: the text ends before it is complete (line {line} column "
       "{column})"),
    N_("{name} is a folder, not a file"),
    N_("{name} is {what}, not a network design"),
    N_("{name} is nested more than {n} levels deep: not something nndesk writes"),
    N_("{name} has no \"layers\" list: it is not a network design"),
]
# A file's name before a sentence of the patterns above ("my.json: input_shape must be ..."):
# used only when the sentence after it is one of ours.
CARRIERS = [N_("{path}: {reason}")]
# Pieces of sentences, in the fields of PIECE_FIELDS only (never a whole message).
PIECES = [
    N_("an image"), N_("{size} numbers in a row"),
    N_("any number of steps"), N_("1 step"), N_("{n} steps"),
    N_("the loss exploded (running mean {ema}; it started at {start})"),
    N_("accuracy fell to chance while the loss rose above its start"),
    N_("the loss became {kind}"),
    N_("the last good weights (step {step}) were put back (writing them to {path} failed: "
       "{reason})"),
    N_("the last good weights (step {step}) were put back"),
    N_("the last good weights (step {step}) were kept in {path}"),
    N_("the last good checkpoint (epoch {epoch}) is kept"),
    N_("no checkpoint was saved before"),
    N_("the magic number"), N_("{n} dimension sizes"),
    # fileio.describe_file: what a file that is no model file looks like, and what to do
    N_("a single NumPy array (.npy)"), N_("a PNG image"), N_("a JPEG image"), N_("a GIF image"),
    N_("a BMP image"), N_("a gzip file (MNIST's IDX data are gzip files)"),
    N_("an IDX data file (MNIST images or labels)"), N_("a Python pickle"),
    N_("a PDF document"), N_("empty or all zero bytes"), N_("a binary file of an unknown kind"),
    N_("a JSON text file (a network spec?)"), N_("a CSV text file (curves an experiment "
                                                  "wrote?)"),
    N_("a text file (Markdown)"), N_("a text file"), N_("a zip archive (an nndesk model file?)"),
    N_("a model file is an .npz archive written by 'nndesk train' or the window's File ▸ Save "
       "model as…"),
    N_("to recognize the digit in it: nndesk predict IMAGE"),
    N_("data files go in the data folder (--data-dir); a model file is an .npz"),
    N_("nndesk never loads pickles (they can run code); a model file is an .npz written by "
       "nndesk"),
    N_("a model file is an .npz written by 'nndesk train'"),
    N_("a model file is an .npz written by 'nndesk train' or the window's File ▸ Save model "
       "as…"),
    N_("a spec is trained with 'nndesk train --spec FILE.json' or opened in the designer; a "
       "model file is an .npz"),
    N_("curves are plotted with 'nndesk experiment'; a model file is an .npz written by "
       "'nndesk train' or the window's File ▸ Save model as…"),
]
PIECE_FIELDS = {"what", "kept", "steps", "part", "advice"}
# Sentences with a count: (the engine's English as a regex, the counted text for tr_n).
COUNTED_PATTERNS = [
    (r"finished (?P<n>\d+) epochs?", N_("Finished %n epoch(s)")),
]
# Sentences whose {reason} is a library's English (PIL, zlib): a translation ends with
# {reason}, given as "" (the file's name and what is wrong with it are what a learner can act
# on; the English sentence keeps the library's words).
LIBRARY_REASONS = {
    "{path}: not a readable image ({reason})",
    "{path}: a damaged {format} image, cut short or corrupted ({reason})",
    "{path}: refused as a possible decompression bomb ({reason})",
    "{path}: corrupt or truncated gzip data at the end ({reason})",
    "{path}: corrupt or truncated gzip data while reading the data for dimensions {dims} "
    "({reason})",
    "{path}: corrupt or truncated gzip data while reading {part} ({reason})",
    "{path}: damaged or truncated (not a readable .npz archive: {reason})",
    "{name} is not valid JSON ({reason}, line {line} column {column})",
}
# Words the engine puts into its sentences that the window also translates: its own, and the
# system's reasons a file could not be written or read (strerror, English on every system).
VALUE_WORDS = {"infinite": N_("infinite"), "No space left on device": N_("the disk is full"),
               "Permission denied": N_("permission denied"),
               "Read-only file system": N_("the file system is read-only"),
               "No such file or directory": N_("no such file or folder")}
