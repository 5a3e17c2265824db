"""Atomic writes: a file appears whole or not at all, readable by others, no temp file left."""

from __future__ import annotations

import stat

import pytest

from nndesk.fileio import atomic_write, atomic_write_text


def test_write_replaces_the_file_whole_and_readable(tmp_path):
    path = tmp_path / "sub" / "a.txt"
    atomic_write_text(path, "first")
    atomic_write(path, lambda f: f.write(b"second"), durable=True)
    assert path.read_text() == "second"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in path.parent.iterdir()] == ["a.txt"]


def test_a_failing_write_leaves_the_old_file_and_no_temp(tmp_path):
    path = tmp_path / "a.txt"
    atomic_write_text(path, "old")

    def half_then_fail(f):
        f.write(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, half_then_fail)
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


@pytest.mark.parametrize(("text", "words"), [
    (b"[" * 100_000 + b"]" * 100_000, "nested more than 64 levels"),   # RecursionError inside
    (b"[" * 65 + b"]" * 65, "nested more than 64 levels"),              # parses, still refused
    (b'{"a": [1, 2,]}', "not valid JSON (Expecting value, line 1 column 13)"),
    (b'{"a": "\xff"}', "not UTF-8"),
    (b"\xff\xfe", "not UTF-8"),                          # not taken for UTF-16
])
def test_json_from_a_file_fails_with_one_sentence(text, words):
    from nndesk.fileio import loads_json

    with pytest.raises(ValueError) as err:
        loads_json(text)
    assert words in str(err.value) and type(err.value) is ValueError


def test_json_as_deep_as_allowed_reads():
    from nndesk.fileio import json_depth, loads_json

    assert json_depth(loads_json("[" * 64 + "]" * 64)) == 64
    assert loads_json('{"layers": [{"type": "Dense"}]}') == {"layers": [{"type": "Dense"}]}
    assert loads_json(b'\xef\xbb\xbf{"layers": []}') == {"layers": []}      # Notepad's BOM
