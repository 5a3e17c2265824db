"""Texts that never break inside a name: a quoted button or setting name ("Save as my digit"
in quotes, 「全時刻を出力」) or a `key=value` token (`kernel_size=5`) stays on one line when a
label wraps (QA, zh_CN: the "no digits" line wrapped inside the quoted button's name: Chinese
and Japanese may break between any two characters). The text shown gets word joiners (U+2060,
no width, no break) between the characters of each such span and no-break spaces inside it;
the text given is kept for everyone who reads it back (`WrapLabel.text()`, the live language
switch, tests)."""

from __future__ import annotations

import re

from PySide6.QtGui import Qt
from PySide6.QtWidgets import QLabel

__all__ = ["WrapLabel", "TitleLabel", "glued", "title_glued", "phrase_glued", "spans", "shown",
           "WJ", "NBSP"]

WJ, NBSP = "\u2060", "\u00a0"
# a quoted name (at most 40 characters: a longer quote, a file's path, may break) or key=value
_QUOTED = r"“[^“”<>\n]{1,40}”|「[^「」<>\n]{1,40}」|『[^『』<>\n]{1,40}』"
_TOKEN = r"\b[A-Za-z_]\w*=[^\s,;)）<>'\"]+"
_SPANS = re.compile(f"{_QUOTED}|{_TOKEN}")
_QUOTES = re.compile(_QUOTED)
_TAG = re.compile(r"(<[^>]*>)")
# a Chinese or Japanese word of a title: the characters between its separators (spaces, ・、：)
_CJK_WORD = re.compile(r"[0-9A-Za-z〜～々\u3040-\u30fa\u30fc-\u30ff\u3400-\u9fff\uff10-\uff5a]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
TITLE_WORD = 12  # longer runs may break inside (a narrow list), never before their last two


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each span of `text` that must not break: quoted names, key=value."""
    return [m.span() for m in _SPANS.finditer(text)]


def _glue(span: str) -> str:
    return WJ.join(span.replace(" ", NBSP))


def glued(text: str) -> str:
    """`text` with each quoted name and key=value token joined so no line breaks inside it;
    in rich text, quoted names outside the tags only."""
    if not Qt.mightBeRichText(text):
        return _SPANS.sub(lambda m: _glue(m.group()), text)
    parts = _TAG.split(text)
    return "".join(part if i % 2 else _QUOTES.sub(lambda m: _glue(m.group()), part)
                   for i, part in enumerate(parts))


def title_glued(text: str) -> str:
    """A title that breaks only between its words: each run of Chinese or Japanese characters
    between separators (spaces, ・, 、, ：) joined, up to TITLE_WORD characters; a longer one
    keeps its last two together, so a wrapped title never leaves one character alone on its
    last line (QA, ja: 「…ソフトマックス・形」 then 「状」). Latin words are left to Qt."""
    def glue(m: re.Match) -> str:
        word = m.group()
        return _kept_together(word) if _CJK.search(word) else word
    return glued(_CJK_WORD.sub(glue, text))


def _kept_together(word: str) -> str:
    """`word` on one line (word joiners between its characters) up to TITLE_WORD characters;
    a longer one may break inside, never before its last two."""
    if len(word) <= TITLE_WORD:
        return WJ.join(word)
    return word[:-2] + WJ.join(word[-2:])


# a phrase of a Chinese or Japanese sentence: kanji (or a katakana word) with the kana after
# it (数字では…, フィルター), a run of kana alone, or a number with the counter after it (32 枚)
_PHRASE = re.compile(r"[\u3400-\u9fff々〆]+[\u3041-\u309f]*|[\u30a1-\u30fa\u30fc-\u30ff]+"
                     r"[\u3041-\u309f]*|[\u3041-\u309f]+|\d[\d.,]*%?[ \u00a0]?(?=[\u3400-\u9fff])"
                     r"[\u3400-\u9fff]")


_PARTICLES = ("では", "には", "とは", "から", "まで", "より", "を", "が", "は", "に", "で", "と",
              "も", "へ")  # a Japanese phrase may break after one (数字では / ありません)


def _after_particles(word: str) -> list[str]:
    """`word` cut after each particle of its kana that 3+ kana follow: 「数字では」「ありません」"""
    parts, start, i = [], 0, 1
    while i < len(word):
        hit = next((p for p in _PARTICLES if word.startswith(p, i)
                    and len(word) - (i + len(p)) >= 3 and "\u3041" <= word[i] <= "\u309f"), None)
        if hit is None:
            i += 1
            continue
        parts.append(word[start:i + len(hit)])
        start = i = i + len(hit)
    return parts + [word[start:]] if start < len(word) else parts


def phrase_glued(text: str) -> str:
    """`glued(text)`, and each short phrase of Chinese or Japanese kept on one line: a word
    (kanji or katakana) with the kana after it, up to TITLE_WORD characters (a longer one
    keeps its last two together), and a number with its counter, so a wrapped sentence
    breaks between phrases, never one character from its end (QA, ja: 「数字ではありま」 /
    「せん」, 「ここに数字を描いてくださ」 / 「い」, 「フィルター 8」 / 「枚」). Chinese has no
    kana: its runs of up to TITLE_WORD characters between punctuation stay whole."""
    def phrase(m: re.Match) -> str:
        return "".join(_kept_together(part)
                       for part in _after_particles(m.group().replace(" ", NBSP)))

    def plain(part: str) -> str:
        return _PHRASE.sub(phrase, part) if _CJK.search(part) else part

    if not Qt.mightBeRichText(text):
        return glued(plain(text))
    parts = _TAG.split(text)
    return glued("".join(part if i % 2 else plain(part) for i, part in enumerate(parts)))


def shown(text: str) -> str:
    """A glued text as read (word joiners out, no-break spaces as spaces)."""
    return text.replace(WJ, "").replace(NBSP, " ")


class WrapLabel(QLabel):
    """A word-wrapped QLabel that never breaks inside a name or a short Chinese or Japanese
    phrase (`phrase_glued`); `text()` and `setText()` speak the text as given."""

    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(parent)
        self._given = ""
        self.setWordWrap(True)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        self._given = text
        super().setText(phrase_glued(text))

    def text(self) -> str:
        return self._given


class TitleLabel(WrapLabel):
    """A WrapLabel for a title: it breaks between words only (`title_glued`)."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        self._given = text
        QLabel.setText(self, title_glued(text))
