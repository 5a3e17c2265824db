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

__all__ = ["IdxError", "read_idx", "write_idx", "MAX_IDX_BYTES"]

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


# The largest IDX file read: MNIST's training images are 47 MB; anything past this is refused
# from its header, before a byte of data is read or allocated.
MAX_IDX_BYTES = 256 << 20
# A gzip file may unpack to at most this many times its own size (MNIST's: about 5x).
MAX_GZIP_RATIO = 100
_CHUNK = 1 << 20


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read an IDX file into a native-endian array of the shape its header gives.

    The header is checked before anything is allocated: a size past `MAX_IDX_BYTES`, more data
    than a raw file holds, or (gzip) more than `MAX_GZIP_RATIO` times the compressed size,
    raise `IdxError`. Data are then read in 1 MB chunks
    into one buffer, and nothing may follow them. Raises FileNotFoundError for a missing file.
    """
    path = Path(path)
    if path.is_dir():
        raise IdxError(path, "a folder, not an IDX file")
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    file_size = path.stat().st_size
    _check_kind(path)
    with _open(path) as f:
        gz = isinstance(f, gzip.GzipFile)
        magic = _read_exact(f, 4, path, "the magic number")
        if magic[0] != 0 or magic[1] != 0 or magic[2] not in _DTYPES or not 1 <= magic[3] <= 8:
            raise IdxError(path, f"not an IDX file (magic number bytes {magic.hex()}, "
                                 "expected 0x0000 then a type code and 1-8 dimensions)")
        dtype, ndim = _DTYPES[magic[2]], magic[3]
        dims = tuple(int(d) for d in np.frombuffer(
            _read_exact(f, 4 * ndim, path, f"{ndim} dimension sizes"), dtype=">u4"))
        size = math.prod(dims) * dtype.itemsize
        total = 4 + 4 * ndim + size
        if size > MAX_IDX_BYTES:
            raise IdxError(path, f"header claims dimensions {dims} ({size / 2**20:,.0f} MB): "
                                 f"too large for any data set nndesk reads "
                                 f"({MAX_IDX_BYTES >> 20} MB)")
        if not gz and total > file_size:
            raise IdxError(path, f"truncated: the header's dimensions {dims} need {total:,} "
                                 f"bytes, the file has {file_size:,}")
        if gz:
            _check_gzip_size(path, file_size, total)
        data = bytearray(size)
        view, got = memoryview(data), 0
        while got < size:
            try:
                n = f.readinto(view[got:got + _CHUNK])
            except (OSError, EOFError, zlib.error) as e:
                raise IdxError(path, f"corrupt or truncated gzip data while reading the data "
                                     f"for dimensions {dims} ({e})") from e
            if not n:
                raise IdxError(path, f"truncated: data for dimensions {dims} needs {size} "
                                     f"bytes, the file has only {got}")
            got += n
        extra = _peek(f, path)
        if extra:
            raise IdxError(path, f"{total}+ bytes: more data than the header's dimensions "
                                 f"{dims} hold")
    return np.frombuffer(data, dtype=dtype).reshape(dims).astype(
        dtype.newbyteorder("="), copy=False)


def _check_kind(path: Path) -> None:
    """Refuse a file that is plainly something else, named as what it is (empty, a JSON or
    text file, an image: `fileio.describe_file`), before its bytes are read as a header."""
    from nndesk.fileio import describe_path

    with open(path, "rb") as f:
        head = f.read(4)
    if head.startswith(_GZIP_MAGIC) or (len(head) >= 4 and head[:2] == b"\0\0"
                                       and head[2] in _DTYPES):
        return  # gzip or an IDX header: read on
    what = describe_path(path)[0]
    if what != "a binary file of an unknown kind":
        raise IdxError(path, f"{what}, not an IDX file")


def _check_gzip_size(path: Path, file_size: int, total: int) -> None:
    """A gzip bomb, refused from sizes alone: more than MAX_GZIP_RATIO times the file."""
    if total > MAX_GZIP_RATIO * file_size + (1 << 20):
        raise IdxError(path, f"a {file_size:,}-byte gzip file whose header claims "
                             f"{total:,} bytes: refused unread (not real image data)")


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
