"""LiveTexts: the texts a panel builds from pieces (numbers, names, several tr() phrases),
kept as the functions that write them, so View ▸ Language writes them anew.

The window's live switch (retranslate.py) reads each text back from the screen to its English
source; a text joined from pieces matches no one source, and came out mixed ("全体の 10 轮训练 ·
saved to 测试准确率 94.92%"). A panel shows such a text through `show(where, write)`; its
`changeEvent` calls `refresh()` on QEvent.LanguageChange (Qt posts it to every widget after
the switch, so these texts are written last)."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["LiveTexts"]


class LiveTexts:
    """Named places for text (a label's setText, a progress bar's setFormat, ...) and the
    function last shown in each."""

    def __init__(self, **setters: Callable[[str], None]) -> None:
        self._setters = setters
        self._writers: dict[str, Callable[[], str]] = {}

    def show(self, where: str, write: Callable[[], str]) -> str:
        """Show write() at `where` now and again at each refresh(); returns the text."""
        self._writers[where] = write
        text = write()
        self._setters[where](text)
        return text

    def forget(self, where: str) -> None:
        """A plain text took the place over (the live switch reads it back as before)."""
        self._writers.pop(where, None)

    def writer(self, where: str) -> Callable[[], str] | None:
        """The function last shown at `where`, if any."""
        return self._writers.get(where)

    def refresh(self) -> None:
        """Write every place anew in the current language."""
        for where, write in list(self._writers.items()):
            self.show(where, write)
