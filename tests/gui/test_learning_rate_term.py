"""One word for the learning rate in each language (QA, ja: the resume dialog said 学習係数
where everywhere else says 学習率): every text naming the learning rate ("learning rate",
"lr") uses the term, and no other word for it appears."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from nndesk.gui.i18n import ts_path

TERM = {"ja": "学習率", "zh_CN": "学习率"}
OTHERS = {"ja": ("学習係数", "学習レート"), "zh_CN": ("学习系数", "学习速率", "学習率")}


def _messages(code: str):
    for message in ET.parse(ts_path(code)).getroot().iter("message"):
        translation = message.find("translation")
        forms = translation.findall("numerusform") if translation is not None else []
        text = " ".join(f.text or "" for f in forms) if forms else (
            translation.text or "" if translation is not None else "")
        yield message.findtext("source") or "", text


@pytest.mark.parametrize("code", sorted(TERM))
def test_the_learning_rate_has_one_name(code):
    naming = [(s, t) for s, t in _messages(code)
              if re.search(r"learning rate|\blr\b", s, re.IGNORECASE)]
    assert len(naming) > 10
    assert [s for s, t in naming if TERM[code] not in t] == []
    assert [s for s, t in _messages(code) if any(w in t for w in OTHERS[code])] == []
