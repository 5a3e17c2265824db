"""The container of an nndesk model file, read without trusting it: a zip archive of .npy
members (`np.savez`), as `modelfile` writes it.

In order, before any member is decompressed: the file's size and first bytes (a README or a
CSV is named as such), the zip directory's size, every member's name against the pattern the
format gives (`modelfile`), the sizes the members declare (total capped, and at most
`MAX_INFLATION` bytes more than the file itself: a zip bomb is refused unread), each array's
.npy header (dtype and shape; no object arrays). Only then is a member read (`read`, `json`:
the JSON members' text capped together, parsed with nesting limits). Which members a model
file has and what they hold is `modelfile`'s; this module knows zip and .npy, and the limits
on what a file may ask of this computer.
"""

from __future__ import annotations

import math
import re
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from nndesk.fileio import HEAD_BYTES, describe_file, loads_json, printable

__all__ = ["ModelFileError", "ArchiveReader", "Entry", "MAX_FILE_BYTES", "MAX_INFLATION",
           "MAX_JSON_BYTES", "MAX_ENTRIES"]

# Limits on what a model file may ask of this computer (the largest preset, DigitNet, is a
# 3.4 MB model and a 14 MB checkpoint).
MAX_FILE_BYTES = 256 << 20   # a larger file is refused before it is opened
MAX_INFLATION = 16 << 20     # decompressed bytes beyond the file's own size (nndesk stores
#                              entries uncompressed; 16 MB leaves room for a re-compressed file)
MAX_JSON_BYTES = 2 << 20     # all JSON entries together (2 MB of "[{},{},...]" parse to
#                              48 MB of Python objects; a 1,000-epoch history is 250 kB)
MAX_ENTRIES = 4096
_MAX_DIRECTORY = 1 << 20     # bytes of zip central directory (about 10,000 entries)


class ModelFileError(Exception):
    """A model file that cannot be read; the message names the file once and says why, then
    what to do when the reader knows it (`advice`, after "; "). `problem` and `advice` are
    kept apart too, so that the window says each once (it gave its own advice after the
    message's own: the same advice twice)."""

    def __init__(self, problem: str, advice: str = "") -> None:
        super().__init__(f"{problem}; {advice}" if advice else problem)
        self.problem, self.advice = problem, advice


@dataclass
class Entry:
    """One archive member whose .npy header has been read (its data not yet)."""

    name: str
    info: zipfile.ZipInfo
    dtype: np.dtype
    shape: tuple[int, ...]
    fortran: bool
    offset: int  # bytes of .npy header before the data


def _text(head: bytes) -> bool:
    """True for an empty head or one that reads as UTF-8 text."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class ArchiveReader:
    """The archive of one model file, opened and checked entry by entry (see the module doc):
    `names` is the pattern every member's name must match (without ".npy"), `json_entries`
    the members holding JSON (their text is capped together)."""

    def __init__(self, path: Path, names: re.Pattern, json_entries: tuple[str, ...]) -> None:
        self.path = path
        self.where = printable(str(path))
        self.names, self.json_entries = names, json_entries

    def fail(self, problem: str, advice: str = "") -> ModelFileError:
        """The error to raise: the file named once, then `problem`, then `advice` if any."""
        return ModelFileError(f"{self.where}: {problem}", advice)

    def open(self) -> None:
        """Open the file and its zip directory, refusing a missing, short, huge or other kind
        of file (named) and a damaged archive; `close` it after."""
        path = self.path
        if not path.exists():
            raise self.fail("no such model file")
        if path.is_dir():
            raise self.fail("a folder, not a file")
        if not path.is_file():
            raise self.fail("not a file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise self.fail(f"{size / 2**20:,.0f} MB: larger than any model file nndesk "
                            f"reads (at most {MAX_FILE_BYTES >> 20} MB)")
        try:
            self.fh = open(path, "rb")  # we own the handle; zipfile does not close it for us
        except OSError as err:
            raise self.fail(f"cannot be opened ({err.strerror or err})") from err
        self.size = size
        try:
            head = self.fh.read(8)
            zipped = head.startswith((b"PK\x03\x04", b"PK\x05\x06"))
            if not zipped and (size >= 22 or _text(head)):
                # what the file is, a short text too (QA: a 13-byte JSON was "too short");
                # a few bytes of binary are too few to tell (b"\x80" is no pickle)
                what, advice = describe_file(path, head + self.fh.read(HEAD_BYTES - len(head)))
                raise self.fail(f"{what}, not an nndesk model file", advice)
            if size < 22:  # the smallest zip archive (an empty one) has 22 bytes
                raise self.fail(f"too short to be a model file ({size} byte"
                                f"{'s' * (size != 1)})")
            self._check_directory()
            self.zip = zipfile.ZipFile(self.fh)
        except ModelFileError:
            self.fh.close()
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
                NotImplementedError, struct.error) as err:
            self.fh.close()
            raise self.fail(f"damaged or truncated (not a readable .npz archive: "
                            f"{printable(str(err))})") from err

    def close(self) -> None:
        """Close the file (the reader owns its handle)."""
        self.fh.close()

    def _check_directory(self) -> None:
        """The zip directory at the end: refuse one too large to be a model's, unread."""
        tail = min(self.size, 65557)
        self.fh.seek(self.size - tail)
        data = self.fh.read(tail)
        at = data.rfind(b"PK\x05\x06")
        if at < 0 or at + 22 > len(data):
            raise self.fail("damaged or truncated (no zip directory at its end)")
        entries, dir_size = struct.unpack("<xxxxxxxxxxHI", data[at:at + 16])
        if entries == 0xFFFF or dir_size == 0xFFFFFFFF:
            raise self.fail("a ZIP64 archive: far larger than any model file nndesk writes")
        if entries > MAX_ENTRIES or dir_size > _MAX_DIRECTORY:
            raise self.fail(f"{entries:,} entries in the archive: not a model file "
                            f"(at most {MAX_ENTRIES:,})")
        self.fh.seek(0)

    def entries(self) -> dict[str, Entry]:
        """Every member checked by name and declared size, and its .npy header read."""
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise self.fail(f"{len(infos):,} entries: not a model file")
        names: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename[:-4] if info.filename.endswith(".npy") else info.filename
            if not self.names.fullmatch(name):
                raise self.fail(f"unexpected entry {printable(info.filename)!r} (not part of "
                                f"an nndesk model file)")
            if name in names:
                raise self.fail(f"entry {name!r} appears twice")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self.fail(f"entry {name!r} uses a compression nndesk does not read")
            if info.flag_bits & 0x1:
                raise self.fail(f"entry {name!r} is encrypted")
            total += info.file_size
            names[name] = info
        if total > self.size + MAX_INFLATION:
            raise self.fail(f"its entries unpack to {total / 2**20:,.0f} MB from a "
                            f"{self.size:,}-byte file: refused unread (a model "
                            f"file is stored uncompressed; this looks like a zip bomb)")
        return {name: self._header(name, info) for name, info in names.items()}

    def _header(self, name: str, info: zipfile.ZipInfo) -> Entry:
        """The .npy header of one member: dtype and shape, checked against its declared size."""
        fmt = np.lib.format
        try:
            with self.zip.open(info) as f:
                version = fmt.read_magic(f)
                if version == (1, 0):
                    shape, fortran, dtype = fmt.read_array_header_1_0(f, max_header_size=4096)
                elif version in ((2, 0), (3, 0)):
                    shape, fortran, dtype = fmt.read_array_header_2_0(f, max_header_size=4096)
                else:
                    raise ValueError(f".npy version {version}")
                offset = f.tell()
        except (ValueError, OSError, EOFError, zipfile.BadZipFile, SyntaxError, TypeError,
                RecursionError) as err:
            raise self.fail(f"entry {name!r} is damaged ({printable(str(err))})") from err
        except Exception as err:  # zlib.error and kin: a corrupt compressed member
            raise self.fail(f"entry {name!r} is damaged or the file is truncated "
                            f"({printable(str(err))})") from err
        if dtype.hasobject:
            raise self.fail(f"entry {name!r} is an object array, which nndesk never writes; "
                            f"refusing to read it")
        if any(d < 0 for d in shape):
            raise self.fail(f"entry {name!r} is damaged (negative shape {shape})")
        needs = offset + math.prod(shape) * dtype.itemsize
        if needs != info.file_size:
            raise self.fail(f"entry {name!r} is damaged (its header promises {needs:,} bytes, "
                            f"the archive holds {info.file_size:,})")
        return Entry(name, info, dtype, tuple(shape), fortran, offset)

    def read(self, entry: Entry) -> np.ndarray:
        """The array of one checked member (CRC checked by zipfile at the end)."""
        try:
            with self.zip.open(entry.info) as f:
                data = f.read()
        except Exception as err:  # zlib, CRC, EOF: damaged or truncated
            raise self.fail(f"entry {entry.name!r} is damaged or the file is truncated "
                            f"({printable(str(err))})") from err
        if len(data) != entry.info.file_size:
            raise self.fail(f"entry {entry.name!r} is damaged or the file is truncated")
        arr = np.frombuffer(data, dtype=entry.dtype, offset=entry.offset)
        return arr.reshape(entry.shape, order="F" if entry.fortran else "C")

    def json(self, entries: dict[str, Entry], name: str) -> Any:
        """A JSON entry, parsed with size and nesting limits."""
        if name not in entries:
            raise self.fail(f"the {name!r} entry is missing")
        entry = entries[name]
        kind_ok = ((entry.dtype == np.uint8 and len(entry.shape) == 1)
                   or (entry.dtype.kind == "U" and entry.shape == ()))
        if not kind_ok:
            raise self.fail(f"the {name!r} entry is not valid JSON (dtype {entry.dtype}, "
                            f"shape {entry.shape})")
        text_bytes = sum(entries[n].info.file_size for n in self.json_entries if n in entries)
        if text_bytes > MAX_JSON_BYTES:
            raise self.fail(f"its JSON entries hold {text_bytes / 2**20:,.1f} MB of text: more "
                            f"than nndesk reads ({MAX_JSON_BYTES >> 20} MB)")
        raw = self.read(entry)
        try:
            return loads_json(raw.tobytes() if raw.dtype == np.uint8 else str(raw))
        except ValueError as err:
            raise self.fail(f"the {name!r} entry is {printable(str(err))}") from err
