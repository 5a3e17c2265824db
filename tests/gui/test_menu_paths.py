"""QA: an error named "File ▸ Save design", a menu item the window does not have (it is
"Save design as…"). Every "Menu ▸ Item" a text of the window names is a real item of that
menu (read from the catalogue of every translated text, so texts in any file are checked)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "zh_CN.ts"
MENU_PATH = re.compile(r"\b(File|Training|Canvas|Lessons|View|Help) ▸ ([^.,;:()'\"\n]+)")


def _items(window) -> dict[str, list[str]]:
    """Each top menu's name -> its items' texts, without '&' and the trailing '…'."""
    menus = {}
    for top in window.menuBar().actions():
        if top.menu() is not None:
            menus[top.text().replace("&", "")] = [
                a.text().replace("&", "").rstrip("…") for a in top.menu().actions()
                if a.text() and not a.isSeparator()]
    return menus


def test_every_menu_path_a_text_names_is_a_real_item(window):
    menus = _items(window)
    sources = [m.findtext("source") or "" for m in ET.parse(CATALOGUE).iter("message")]
    named = {(menu, rest) for text in sources for menu, rest in MENU_PATH.findall(text)}
    assert ("File", "Save model as…") in named  # the pattern reads the texts
    wrong = [f"{menu} ▸ {rest}" for menu, rest in sorted(named)
             if not any(rest.startswith(item) for item in menus.get(menu, []))]
    assert not wrong, wrong
