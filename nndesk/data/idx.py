"""IDX files (the MNIST format): read and write, gzip or raw, every header field checked."""

from __future__ import annotations

import gzip
import math
import os
import zlib
from pathlib import Path
from typing import BinaryIO

import numpy as np

from nndesk.fileio import atomic_write

__all__ = ["IdxError", "read_idx", "write_idx"]

# IDX type code -> big-endian dtype (the format's table)
_DTYPES = {0x08: np.dtype(">u1"), 0x09: np.dtype(">i1"), 0x0B: np.dtype(">i2"),
           0x0C: np.dtype(">i4"), 0x0D: np.dtype(">f4"), 0x0E: np.dtype(">f8")}
_CODES = {dt.newbyteorder("=").str[1:]: code for code, dt in _DTYPES.items()}
_GZIP_MAGIC = b"\x1f\x8b"


class IdxError(ValueError):
    """A file that is not a well-formed IDX file; the message names the file and the problem."""

    def __init__(self, path: str | os.PathLike, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def _open(path: Path) -> BinaryIO:
    """Open raw or gzip, chosen by the file's first bytes (the suffix may lie)."""
    with open(path, "rb") as f:
        head = f.read(2)
    return gzip.open(path, "rb") if head == _GZIP_MAGIC else open(path, "rb")


def _read_exact(f: BinaryIO, n: int, path: Path, what: str) -> bytes:
    try:
        data = f.read(n)
    except (OSError, EOFError, zlib.error) as e:  # gzip: bad CRC, truncated stream, not gzip
        raise IdxError(path, f"corrupt or truncated gzip data while reading {what} ({e})") from e
    if len(data) < n:
        raise IdxError(path, f"truncated: {what} needs {n} bytes, the file has only {len(data)}")
    return data


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read an IDX file into a native-endian array of the shape its header gives.

    Reads only as many bytes as the header promises (a gzip bomb cannot fill memory), then
    checks that nothing follows.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    with _open(path) as f:
        magic = _read_exact(f, 4, path, "the magic number")
        if magic[0] != 0 or magic[1] != 0 or magic[2] not in _DTYPES or not 1 <= magic[3] <= 8:
            raise IdxError(path, f"not an IDX file (magic number bytes {magic.hex()}, "
                                 "expected 0x0000 then a type code and 1-8 dimensions)")
        dtype, ndim = _DTYPES[magic[2]], magic[3]
        dims = tuple(int(d) for d in np.frombuffer(
            _read_exact(f, 4 * ndim, path, f"{ndim} dimension sizes"), dtype=">u4"))
        size = math.prod(dims) * dtype.itemsize
        if size > 2**34:
            raise IdxError(path, f"header claims dimensions {dims}: too large to be real")
        data = _read_exact(f, size, path, f"data for dimensions {dims}")
        extra = _peek(f, path)
        if extra:
            raise IdxError(path, f"{len(data) + 4 + 4 * ndim}+ bytes: more data than the "
                                 f"header's dimensions {dims} hold")
    return np.frombuffer(bytearray(data), dtype=dtype).reshape(dims).astype(
        dtype.newbyteorder("="), copy=False)


def _peek(f: BinaryIO, path: Path) -> bytes:
    """One more byte, if any (gzip also checks its CRC and length at the end here)."""
    try:
        return f.read(1)
    except (OSError, EOFError, zlib.error) as e:
        raise IdxError(path, f"corrupt or truncated gzip data at the end ({e})") from e


def write_idx(path: str | os.PathLike, array: np.ndarray) -> None:
    """Write `array` as IDX (gzip when the name ends in .gz), atomically."""
    path = Path(path)
    array = np.asarray(array)
    code = _CODES.get(array.dtype.newbyteorder("=").str[1:])
    if code is None:
        raise ValueError(f"IDX cannot hold dtype {array.dtype}")
    if not 1 <= array.ndim <= 8:
        raise ValueError(f"IDX holds 1 to 8 dimensions, not {array.ndim}")
    header = bytes([0, 0, code, array.ndim]) + np.asarray(array.shape, ">u4").tobytes()
    body = np.ascontiguousarray(array, dtype=_DTYPES[code]).tobytes()

    def write(f: BinaryIO) -> None:
        if path.suffix == ".gz":
            with gzip.GzipFile(filename="", fileobj=f, mode="wb", mtime=0) as gz:
                gz.write(header + body)
        else:
            f.write(header + body)

    atomic_write(path, write)
