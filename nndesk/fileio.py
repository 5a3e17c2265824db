"""Files: the one atomic write, temp-file sweeping, and text from files made safe to show.

Every file nndesk writes goes through `atomic_write` (temp file + rename). A temp file left by
a killed write (`.NAME.PID-XXXX.tmp`) is swept by the next write of the same file, and by
`sweep_temp` when a run starts. `printable` is the one function that escapes text read from a
file (metadata, spec and layer names, a recorded command, a file name) before it reaches a
terminal or a Qt label. `loads_json` is the one parser of JSON that nndesk did not write
itself in this process (specs, designs, strokes, settings, a model file's entries).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_write", "atomic_write_text", "sweep_temp", "printable", "describe_file",
           "describe_path", "HEAD_BYTES", "loads_json", "json_depth", "MAX_JSON_DEPTH"]

MAX_JSON_DEPTH = 64     # nesting of lists/objects; nndesk writes at most ~6

# Temp files of an older nndesk (no PID in the name) are swept once this old.
_ORPHAN_AGE_S = 3600.0


def atomic_write(path: str | os.PathLike, write: Callable[[IO[bytes]], object], *,
                 durable: bool = False) -> Path:
    """Call `write(binary_file)` on a temp file beside `path`, then rename it into place.

    On any error (or Ctrl-C) the temp file is removed and `path` is untouched; the error
    (`OSError` for a full disk or a folder that cannot be written) propagates. `durable` also
    fsyncs the file and the folder, so the rename survives a power cut (checkpoints). Temp
    files of earlier writes of `path` by processes that no longer run are removed first.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_temp(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}-",
                               suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; our files are for reading
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        _fsync_dir(path.parent)
    return path


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    """`text` as UTF-8, written atomically."""
    return atomic_write(path, lambda f: f.write(text.encode("utf-8")))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # another thread of ours may be writing this very file
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's live process
    return True


def sweep_temp(path: str | os.PathLike) -> list[Path]:
    """Remove the temp files that killed writes of `path` left beside it; returns them.

    A temp file is `.NAME.PID-XXXXXX.tmp`: removed when process PID no longer runs. One of an
    older nndesk (`.NAME.XXXXXX.tmp`, no PID) is removed when over an hour old. Errors (a
    read-only folder) are ignored: sweeping is housekeeping, never a reason to fail.
    """
    path = Path(path)
    pattern = re.compile(re.escape(f".{path.name}.") + r"(?:(\d+)-)?[A-Za-z0-9_]+\.tmp")
    removed = []
    try:
        candidates = list(path.parent.glob(f".{glob_escape(path.name)}.*.tmp"))
    except OSError:
        return removed
    for tmp in candidates:
        m = pattern.fullmatch(tmp.name)
        if not m:
            continue
        try:
            if m.group(1) is not None:
                stale = not _alive(int(m.group(1)))
            else:
                stale = time.time() - tmp.stat().st_mtime > _ORPHAN_AGE_S
            if stale:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue
    return removed


def glob_escape(name: str) -> str:
    """`name` with glob's special characters taken literally."""
    return re.sub(r"([*?\[])", r"[\1]", name)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def printable(text: Any, limit: int | None = None) -> str:
    """`text` (any value; str() of it) safe for a terminal or a Qt label: one line, inert.

    Control characters (C0, DEL, C1: ANSI/OSC escapes, `\\r`, `\\n`), format characters
    (right-to-left overrides and isolates, zero-width joiners), line/paragraph separators,
    surrogates and private-use characters become visible escapes (`\\x1b`, `\\u202e`); a
    backslash is doubled so an escape cannot be forged. Letters of every script, CJK and
    emoji pass unchanged. `limit` cuts the result to that many characters, ending in "...".
    """
    text = text if isinstance(text, str) else str(text)
    out = []
    for ch in text:
        if ch in _NAMED:
            out.append(_NAMED[ch])
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp"):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else
                       f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    result = "".join(out)
    if limit is not None and len(result) > limit:
        result = result[:max(0, limit - 3)] + "..."
    return result


# First bytes of files people mistake for model files: what each is, and what to do instead.
_SIGNATURES = (
    (b"\x93NUMPY", "a single NumPy array (.npy)",
     "a model file is an .npz archive written by 'nndesk train' or the window's "
     "File ▸ Save model as…"),
    (b"\x89PNG", "a PNG image", "to recognize the digit in it: nndesk predict IMAGE"),
    (b"\xff\xd8\xff", "a JPEG image", "to recognize the digit in it: nndesk predict IMAGE"),
    (b"GIF8", "a GIF image", "to recognize the digit in it: nndesk predict IMAGE"),
    (b"BM", "a BMP image", "to recognize the digit in it: nndesk predict IMAGE"),
    (b"\x1f\x8b", "a gzip file (MNIST's IDX data are gzip files)",
     "data files go in the data folder (--data-dir); a model file is an .npz"),
    (b"\x00\x00\x08", "an IDX data file (MNIST images or labels)",
     "data files go in the data folder (--data-dir); a model file is an .npz"),
    (b"\x80", "a Python pickle", "nndesk never loads pickles (they can run code); "
     "a model file is an .npz written by nndesk"),
    (b"%PDF", "a PDF document", "a model file is an .npz written by 'nndesk train'"),
    (b"PK\x03\x04", "a zip archive (an nndesk model file?)",
     "a model file is an .npz archive written by 'nndesk train' or the window's "
     "File ▸ Save model as…"),
)
HEAD_BYTES = 4096   # what describe_file is given: enough to tell a file's kind
_MODEL_ADVICE = ("a model file is an .npz written by 'nndesk train' or the window's "
                 "File ▸ Save model as…")


def describe_path(path: str | os.PathLike) -> tuple[str, str]:
    """`describe_file` from the file's first HEAD_BYTES bytes, read here. Raises OSError
    when the file cannot be read."""
    with open(path, "rb") as f:
        return describe_file(path, f.read(HEAD_BYTES))


def describe_file(path: str | os.PathLike, head: bytes) -> tuple[str, str]:
    """(what the file looks like, what to do) from its first bytes; for error messages.

    E.g. ("a text file (Markdown)", "a model file is an .npz ..."). Never raises.
    """
    for magic, what, advice in _SIGNATURES:
        if head.startswith(magic):
            return what, advice
    if not head.strip(b"\x00"):
        return "empty or all zero bytes", _MODEL_ADVICE
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(head) - 4:  # not merely a character cut at the end of the sample
            return "a binary file of an unknown kind", _MODEL_ADVICE
        text = head[:err.start].decode("utf-8")
    stripped = text.lstrip()
    suffix = Path(path).suffix.lower()
    if stripped.startswith(("{", "[")):
        return ("a JSON text file (a network spec?)",
                "a spec is trained with 'nndesk train --spec FILE.json' or opened in the "
                "designer; a model file is an .npz")
    lines = [line for line in text.splitlines()[:5] if line.strip()]
    if suffix == ".csv" or (len(lines) >= 2 and all(line.count(",") >= 1 for line in lines)
                            and len({line.count(",") for line in lines}) == 1):
        return ("a CSV text file (curves an experiment wrote?)",
                "curves are plotted with 'nndesk experiment'; " + _MODEL_ADVICE)
    if suffix in (".md", ".markdown") or stripped.startswith("#"):
        return "a text file (Markdown)", _MODEL_ADVICE
    return "a text file", _MODEL_ADVICE


def json_depth(value: Any, stop: int = MAX_JSON_DEPTH) -> int:
    """Nesting depth of lists and dicts in a parsed JSON value (a scalar: 0), counted without
    recursion; counting stops once it passes `stop`."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            deepest = max(deepest, depth)
            if depth > stop:
                return depth
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict)
                                                  else item))
    return deepest


def loads_json(text: str | bytes) -> Any:
    """`json.loads` for text from a file or setting: every way it fails is a ValueError with
    a sentence to show (no traceback): not UTF-8 (bytes are read as UTF-8, a leading BOM
    allowed, never guessed as UTF-16), not JSON (with line and column), or nested
    more than MAX_JSON_DEPTH levels (Python's parser raises RecursionError near 1,000 levels,
    and a value just below that would make later code recurse)."""
    try:
        value = json.loads(text.decode("utf-8-sig") if isinstance(text, bytes) else text)
    except RecursionError:
        raise ValueError(f"nested more than {MAX_JSON_DEPTH} levels deep: not something "
                         f"nndesk writes") from None
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    except json.JSONDecodeError as err:
        if err.pos >= len(err.doc.rstrip()) and err.doc.strip():  # the text stops mid-value
            raise ValueError(f"truncated JSON: the text ends before it is complete (line "
                             f"{err.lineno} column {err.colno})") from None
        raise ValueError(f"not valid JSON ({err.msg}, line {err.lineno} column {err.colno})"
                         ) from None
    if json_depth(value) > MAX_JSON_DEPTH:
        raise ValueError(f"nested more than {MAX_JSON_DEPTH} levels deep: not something "
                         f"nndesk writes")
    return value
