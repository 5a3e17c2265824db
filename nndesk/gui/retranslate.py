"""Switch the window's language live: find each visible text's English source, show it anew.

Panels set their texts once with tr() and keep no record of the English; rather than each
panel re-building itself, `retranslate_widgets` walks every widget (labels, buttons, group
boxes, combo box items, spin box texts, tabs, table cells and headers, actions, menus, dock
titles, tooltips, pyqtgraph titles and axis labels) and maps each text back through the
texts tr() gave out in the old language (`i18n.seen_sources`): exact texts, then templates
("Layer {n}: {type}": the values are kept, themselves retranslated), then a template at the
end of a longer text (" · test accuracy {acc}%"). Texts that are not ours (numbers, file names,
layer types) match nothing and stay. The translations of one language are unique (a test
checks), so the way back is never ambiguous. Training is not touched: it goes on meanwhile.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Callable, Iterable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMenuBar,
    QProgressBar,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from nndesk.gui import i18n

__all__ = ["Retranslator", "retranslate_widgets", "visible_texts"]


def _text_in(code: str, source: str, n: int | None = None) -> str:
    if n is None:
        return i18n.translate_in(code, source) or source
    return (i18n.translate_in(code, source, n) or source).replace("%n", str(n))


def _pattern(template: str, numerus: bool) -> tuple[re.Pattern, int] | None:
    """A regex reading a translated template back: fields become named groups."""
    parts, names, literal = [], {}, 0
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return None
    for text, name, _, _ in parsed:
        chunks = text.split("%n") if numerus else [text]
        for i, chunk in enumerate(chunks):
            if i:
                parts.append(r"(?P<_n>\d+)" if "_n" not in names else r"(?P=_n)")
                names["_n"] = 1
            parts.append(re.escape(chunk))
            literal += len(chunk.strip())
        if name is not None:
            if not name.isidentifier():
                return None
            parts.append(f"(?P={name})" if name in names else f"(?P<{name}>.+?)")
            names[name] = 1
    if literal < 2:
        return None  # "{error}" alone would match anything
    return re.compile("".join(parts), re.DOTALL), literal


class Retranslator:
    """Maps texts shown in language `old` to the same texts in language `new`."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        self.exact: dict[str, tuple[str, int | None]] = {}
        self.templates: list[tuple[re.Pattern, int, str, bool]] = []
        for source, numerus in i18n.seen_sources().items():
            has_fields = bool(_pattern(source, False) and "{" in source)
            if numerus or has_fields:
                for form in self._forms(source, numerus):
                    compiled = _pattern(form, numerus)
                    if compiled:
                        self.templates.append((compiled[0], compiled[1], source, numerus))
            else:
                self.exact.setdefault(_text_in(old, source), (source, None))
        self.templates.sort(key=lambda t: -t[1])  # the most specific template first

    def _forms(self, source: str, numerus: bool) -> list[str]:
        if not numerus:
            return [_text_in(self.old, source)]
        forms = {i18n.translate_in(self.old, source, n) or source for n in (0, 1, 2, 5, 11, 21)}
        return sorted(forms)

    def convert(self, text: str, depth: int = 0) -> str:
        """`text` in the new language, or unchanged when it is not one of ours."""
        if not text or depth > 3 or self.old == self.new:
            return text
        if text.startswith("<qt>") and text.endswith("</qt>"):  # a word-wrapped tooltip
            inner = self.convert(html.unescape(text[4:-5]), depth + 1)
            return f"<qt>{html.escape(inner, quote=False)}</qt>"
        hit = self.exact.get(text)
        if hit is not None:
            return _text_in(self.new, hit[0])
        for pattern, _, source, numerus in self.templates:
            m = pattern.fullmatch(text)
            if m:
                return self._fill(source, numerus, m, depth)
        for pattern, _, source, numerus in self.templates:  # a template closing a longer text
            for m in re.finditer(pattern.pattern + r"\Z", text, re.DOTALL):
                if m.start() > 0:
                    head = self.convert(text[:m.start()], depth + 1)
                    return head + self._fill(source, numerus, m, depth)
        return text

    def _fill(self, source: str, numerus: bool, m: re.Match, depth: int) -> str:
        values = {k: self.convert(v, depth + 1) for k, v in m.groupdict().items() if k != "_n"}
        n = int(m.group("_n")) if numerus and "_n" in m.groupdict() else None
        out = _text_in(self.new, source, n) if numerus else _text_in(self.new, source)
        try:
            return out.format(**values) if values else out
        except (KeyError, IndexError, ValueError):
            return m.group(0)


# -- where texts live -------------------------------------------------------------------------
def _each_text(w: QWidget) -> Iterable[tuple[str, Callable[[str], None]]]:
    """(text, setter) for every text a widget shows, its tooltip included."""
    yield w.windowTitle(), w.setWindowTitle
    yield w.toolTip(), w.setToolTip
    yield w.statusTip(), w.setStatusTip
    if isinstance(w, (QLabel, QAbstractButton)):
        yield w.text(), w.setText
    if isinstance(w, QGroupBox):
        yield w.title(), w.setTitle
    if isinstance(w, QLineEdit):
        yield w.placeholderText(), w.setPlaceholderText
    if isinstance(w, QMenu):
        yield w.title(), w.setTitle
    if isinstance(w, QProgressBar):
        yield w.format(), w.setFormat
    if isinstance(w, QAbstractSpinBox):
        yield w.specialValueText(), w.setSpecialValueText
        if hasattr(w, "suffix"):
            yield w.suffix(), w.setSuffix
            yield w.prefix(), w.setPrefix
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            yield w.itemText(i), lambda t, i=i, w=w: w.setItemText(i, t)
    if isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield w.tabText(i), lambda t, i=i, w=w: w.setTabText(i, t)
            yield w.tabToolTip(i), lambda t, i=i, w=w: w.setTabToolTip(i, t)
    if isinstance(w, QTableWidget):
        for col in range(w.columnCount()):
            item = w.horizontalHeaderItem(col)
            if item is not None:
                yield item.text(), item.setText
        for row in range(w.rowCount()):
            for col in range(w.columnCount()):
                item = w.item(row, col)
                if item is not None:
                    yield item.text(), item.setText
                    yield item.toolTip(), item.setToolTip
    if isinstance(w, QListWidget):
        for i in range(w.count()):
            item = w.item(i)
            yield item.text(), item.setText
            yield item.toolTip(), item.setToolTip
    if isinstance(w, QTreeWidget):
        header = w.headerItem()
        for col in range(w.columnCount()):
            yield header.text(col), lambda t, c=col, h=header: h.setText(c, t)
    yield from _graphics_texts(w)


def _graphics_texts(w: QWidget) -> Iterable[tuple[str, Callable[[str], None]]]:
    """pyqtgraph's titles, axis labels, legend entries and text items (a GraphicsView)."""
    import sys

    pg = sys.modules.get("pyqtgraph")
    if pg is None or not isinstance(w, pg.GraphicsView):  # its subclasses too (LossPlot, ...)
        return
    for item in w.scene().items():
        if isinstance(item, pg.LabelItem):
            yield str(item.text), item.setText
        elif isinstance(item, pg.AxisItem) and getattr(item, "labelText", ""):
            yield item.labelText, lambda t, a=item: a.setLabel(text=t)
        elif isinstance(item, pg.TextItem):
            yield item.toPlainText(), item.setText


def _actions(root: QWidget) -> list[QAction]:
    return [a for a in root.findChildren(QAction) if not a.isSeparator()]


def _widgets(roots: Iterable[QWidget]) -> list[QWidget]:
    out: list[QWidget] = []
    for root in roots:
        out.append(root)
        out.extend(root.findChildren(QWidget))
    return out


def retranslate_widgets(roots: Iterable[QWidget], old: str, new: str) -> int:
    """Put every text of `roots` and their children from language `old` into `new`.

    Each widget's signals are blocked while its texts change: a new language is not an edit
    (a layer table's itemChanged, a preset box's currentTextChanged made the design
    "custom" and the health view start over). Returns how many texts changed.
    """
    roots = list(roots)
    conv = Retranslator(old, new)
    changed = 0
    for w in _widgets(roots):
        blocked = w.blockSignals(True)
        try:
            for text, setter in list(_each_text(w)):
                new_text = conv.convert(text) if text else text
                if new_text != text:
                    setter(new_text)
                    changed += 1
        finally:
            w.blockSignals(blocked)
    for root in roots:
        for action in _actions(root):
            for text, setter in ((action.text(), action.setText),
                                 (action.toolTip() if action.toolTip() != action.text().replace(
                                     "&", "") else "", action.setToolTip),
                                 (action.statusTip(), action.setStatusTip)):
                new_text = conv.convert(text) if text else text
                if new_text != text:
                    setter(new_text)
                    changed += 1
    return changed


def visible_texts(roots: Iterable[QWidget]) -> list[tuple[str, str]]:
    """(where, text) for every text a user can see: visible widgets, their tooltips, the menus.

    For the test that no English is left in another language.
    """
    out = []
    for w in _widgets(roots):
        if not w.isVisibleTo(w.window()) and not isinstance(w, QMenu):
            continue
        for text, _ in _each_text(w):
            if text and text.strip():
                out.append((f"{type(w).__name__} {w.objectName()}", text))
    for root in roots:
        for bar in root.findChildren(QMenuBar):
            stack = list(bar.actions())
            while stack:
                action = stack.pop()
                if action.isVisible() and action.text():
                    out.append((f"QAction {action.objectName()}", action.text()))
                if action.menu() is not None:
                    stack.extend(action.menu().actions())
    return out
