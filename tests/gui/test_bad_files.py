"""Every way of opening a file says what is actually wrong with a bad one (QA: a 13-byte
`{"layers": [` opened as a design or a model was "too short"): a table of bad files (empty,
1 byte, truncated JSON, JSON of another shape, binary junk, a PNG renamed, text, a folder,
one without read permission) opened as a model, a design (File ▸ Open…, the real dialogs'
code), an image (Canvas ▸ Open image…), a digit folder's image and an MNIST file. One clear
error each, naming the kind of file, nothing changed; in zh_CN and ja with no English left."""

from __future__ import annotations

import os
import re
import struct
import zlib

import pytest
from gui_helpers import english_runs

from nndesk.gui import i18n


def _png() -> bytes:
    """A real 28x28 white PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    rows = b"".join(b"\x00" + b"\xff" * 28 for _ in range(28))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 28, 28, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _jpeg_cut() -> bytes:
    """A real JPEG of a dark stroke on paper, cut after 60% of its bytes (a copy broken off)."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("L", (120, 120), 255)
    ImageDraw.Draw(image).line([(60, 20), (60, 100)], fill=0, width=12)
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=90)
    data = buf.getvalue()
    return data[:len(data) * 6 // 10]


JSON = "a JSON text file"
EMPTY, TEXT, FOLDER = "empty or all zero bytes", "a text file", "a folder"
OPENERS = ("model", "design", "image", "folder", "idx")
# name: (content, None for a folder; the words each opener's message holds, in OPENERS'
# order: a model file, a design, an image, a digit folder holding it as 3/x.png, an MNIST
# file)
BAD_FILES = {
    "empty": (b"", [EMPTY] * 5),
    "one byte": (b"{", [JSON, "truncated JSON", JSON, JSON, JSON]),
    "truncated JSON": (b'{"layers": [', [JSON, "truncated JSON", JSON, JSON, JSON]),
    "JSON of another shape": (b"[1, 2, 3]", [JSON, 'no "layers" list', JSON, JSON, JSON]),
    "binary junk": (bytes(range(256)) * 4,
                    ["a binary file of an unknown kind"] * 4 + ["not an IDX file (magic"]),
    "a PNG renamed": (_png(), ["a PNG image", "a PNG image", "looks empty (no ink)",
                               "no digit found", "a PNG image"]),  # white: opens, no ink
    "text": (b"hello world\n", [TEXT] * 5),
    # QA: "not a picture nndesk can read", then JPEG listed as read; the CLI said truncated
    "a JPEG cut short": (_jpeg_cut(), ["a JPEG image", "a JPEG image",
                                       "is a JPEG image, but the file is damaged (cut short",
                                       "JPEG", "a JPEG image"]),
    "a folder": (None, [FOLDER, FOLDER, FOLDER, "hold no images", FOLDER]),  # 3/x.png/ skipped
}
# what a message never says of these files (the misleading reasons QA met)
WRONG = re.compile(r"too short|not valid JSON|no such file|cannot identify|Errno")


def _write(folder, name: str, suffix: str, content: bytes | None, locked: bool = False):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (re.sub(r"\W", "_", name) + suffix)
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    if locked:
        path.chmod(0)
    return path


def _messages(qtbot, tmp_path, monkeypatch, name, content, locked: bool = False,
              language: str = "en") -> dict[str, str | None]:
    """What each opener shows for the file (None: it opened), each checked to be one error
    that changes nothing."""
    from PySide6.QtWidgets import QFileDialog

    from nndesk.data.folder import FolderError, load_folder
    from nndesk.data.idx import IdxError, read_idx
    from nndesk.gui.digit_panel import DigitPanel
    from nndesk.gui.engine_text import translate_engine
    from nndesk.gui.main_window import MainWindow
    from nndesk.gui.state import AppState

    w = MainWindow()
    qtbot.addWidget(w)
    i18n.set_language(language)  # the window set the saved one
    shown: list[tuple[str, str]] = []
    w.files.show_error = lambda title, body: shown.append((title, body))
    spec, network = w.state.spec, w.state.network
    out: dict[str, str | None] = {}
    for opener, suffix, act in (("model", ".npz", w.files.open_model_dialog),
                                ("design", ".json", w.files.open_design_dialog)):
        path = _write(tmp_path / opener, name, suffix, content, locked)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, p=path, **k: (str(p), ""))
        shown.clear()
        act()
        assert len(shown) == 1, (opener, shown)  # one error...
        assert w.state.spec == spec and w.state.network is network  # ...nothing changed
        out[opener] = shown[0][1]
    panel = DigitPanel(AppState())
    qtbot.addWidget(panel)
    errors: list[str] = []
    panel.error.connect(lambda title, body: errors.append(body))
    panel.open_image(str(_write(tmp_path / "image", name, ".png", content, locked)))
    assert len(errors) <= 1, errors
    assert errors or panel.state.digit is not None or panel.canvas.shows_image()
    out["image"] = errors[0] if errors else None
    _write(tmp_path / "digits" / "3", name, ".png", content, locked)
    try:
        load_folder(tmp_path / "digits")
        out["folder"] = None
    except FolderError as err:
        out["folder"] = translate_engine(err)
    try:
        read_idx(_write(tmp_path / "idx", name, "-images-idx3-ubyte", content, locked))
        out["idx"] = None
    except IdxError as err:
        out["idx"] = translate_engine(err)
    return out


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_each_opener_names_what_is_wrong_with_a_bad_file(qtbot, tmp_path, monkeypatch, name):
    content, words = BAD_FILES[name]
    out = _messages(qtbot, tmp_path, monkeypatch, name, content)
    for opener, want in zip(OPENERS, words, strict=True):
        message = out[opener]
        assert message is not None and want in message, (opener, message)
        assert not WRONG.search(message), (opener, message)


def test_a_file_without_read_permission_is_said_so(qtbot, tmp_path, monkeypatch):
    """chmod 000: "permission denied" for a user (root reads it: what the file is, then)."""
    out = _messages(qtbot, tmp_path, monkeypatch, "locked", b'{"layers": [', locked=True)
    for opener, message in out.items():
        assert message is not None and not WRONG.search(message), (opener, message)
        if os.geteuid() != 0:
            assert "permission denied" in message.lower(), (opener, message)
        else:
            assert JSON in message or "truncated JSON" in message, (opener, message)


@pytest.mark.parametrize("language", ["zh_CN", "ja"])
def test_the_bad_files_messages_are_in_the_windows_language(qtbot, tmp_path, monkeypatch,
                                                            language):
    for name, (content, _words) in BAD_FILES.items():
        where = tmp_path / re.sub(r"\W", "_", name)
        for opener, message in _messages(qtbot, where, monkeypatch, name, content,
                                         language=language).items():
            assert message is None or not english_runs(message), (name, opener, message)
