"""nndesk: design, train, look inside and draw for a NumPy neural network."""

__version__ = "0.1.0"
__all__ = ["__version__"]
