"""The shipped model records how it was made without any path of the machine that made it."""

from __future__ import annotations

import re

from nndesk.paths import default_model_path
from nndesk.train import load_model


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def test_shipped_metadata_holds_no_absolute_path_and_names_its_data_by_checksum():
    meta = load_model(default_model_path()).metadata
    for text in _strings(meta):
        for word in text.split():
            assert not word.startswith(("/", "~")), word
            assert not re.match(r"^[A-Za-z]:[\\/]", word), word
    assert "--extra-data pen_w01-20" in meta["command"]
    extra = meta["data"]["extra"]
    assert extra["name"] == "pen_w01-20" and re.fullmatch(r"[0-9a-f]{64}",
                                                          extra["source"]["sha256"])
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in meta["data"]["sha256"].values())
