"""Translation upkeep, one re-runnable command: `python -m nndesk.gui.i18n_tools update`.

update  1. collects every literal passed to tr(), tr_n() or N_() in nndesk/ (Python's own
           parser, so implicit concatenation and escapes read exactly as Python reads them);
        2. refreshes resources/translations/<code>.ts (Qt Linguist files, TS 2.1, one context
           "nndesk"): new texts are added "unfinished", translations of texts still in the
           code are kept, texts gone from the code are dropped (git keeps them);
           en.ts holds only the counted (%n) texts, for English singular and plural forms;
        3. with `--import CODE=FILE.json` (repeatable), takes translations from a JSON file
           {english: translation} (a list of forms for a %n text); what it names that the
           code no longer has is listed and skipped;
        4. compiles each .ts to .qm with PySide6's lrelease (the .qm files are committed:
           `check` and the tests verify they match the .ts).
check   exits 1 when a .ts misses a text of the code or a .qm differs from its .ts.
stats   prints, per language, how many texts are translated.

Edit translations in Qt Linguist (`pyside6-linguist resources/translations/ja.ts`), then run
update again to compile.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from nndesk.gui.i18n import CONTEXT, DEFAULT, LANGUAGE_NAMES, translations_dir

__all__ = ["Message", "extract", "read_ts", "write_ts", "merge", "import_json", "lrelease",
           "check_entry", "main"]

PACKAGE = Path(__file__).resolve().parent.parent  # nndesk/
MARKERS = {"tr": False, "N_": False, "tr_n": True}  # name -> counted (%n, plural forms)


@dataclass
class Message:
    """One text of the code: its English source, whether it is counted, where it is used."""

    source: str
    numerus: bool = False
    files: list[str] = field(default_factory=list)


@dataclass
class Entry:
    """A translation in a .ts: one string, or the plural forms of a counted text."""

    forms: list[str]
    finished: bool
    numerus: bool = False


def extract(package: Path = PACKAGE) -> dict[str, Message]:
    """Every literal passed to tr()/tr_n()/N_() in `package`'s .py files, by source text."""
    found: dict[str, Message] = {}
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package.parent).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in MARKERS and node.args):
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                msg = found.setdefault(arg.value, Message(arg.value))
                msg.numerus |= MARKERS[node.func.id] or "%n" in arg.value
                if rel not in msg.files:
                    msg.files.append(rel)
    return found


def read_ts(path: Path) -> dict[str, Entry]:
    """The translations of a .ts file (source -> Entry); {} when the file does not exist."""
    if not path.is_file():
        return {}
    out: dict[str, Entry] = {}
    for msg in ET.parse(path).getroot().iter("message"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        numerus = msg.get("numerus") == "yes"
        if tr is None:
            continue
        forms = ([f.text or "" for f in tr.findall("numerusform")] if numerus
                 else [tr.text or ""])
        finished = tr.get("type") not in ("unfinished", "vanished", "obsolete")
        out[source] = Entry(forms, finished and any(forms), numerus)
    return out


def write_ts(path: Path, code: str, messages: dict[str, Message],
             entries: dict[str, Entry]) -> None:
    """Write a TS 2.1 file of `messages` (sorted by source) with their `entries`."""
    rel_root = Path("../..")  # resources/translations/ -> the repository
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{code}" sourcelanguage="en">',
             "<context>", f"    <name>{CONTEXT}</name>"]
    for source in sorted(messages):
        m = messages[source]
        entry = entries.get(source)
        lines.append('    <message numerus="yes">' if m.numerus else "    <message>")
        for f in m.files:
            lines.append(f'        <location filename="{escape((rel_root / f).as_posix())}"/>')
        lines.append(f"        <source>{escape(source)}</source>")
        state = "" if entry is not None and entry.finished else ' type="unfinished"'
        if m.numerus:
            lines.append(f"        <translation{state}>")
            for form in (entry.forms if entry is not None else [""]):
                lines.append(f"            <numerusform>{escape(form)}</numerusform>")
            lines.append("        </translation>")
        else:
            text = entry.forms[0] if entry is not None and entry.forms else ""
            lines.append(f"        <translation{state}>{escape(text)}</translation>")
        lines.append("    </message>")
    lines += ["</context>", "</TS>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _fields(text: str) -> set[str]:
    try:
        return {n for _, n, _, _ in string.Formatter().parse(text) if n is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def check_entry(source: str, entry: Entry) -> str | None:
    """Why a finished translation is wrong (placeholders, %n, the menu mnemonic), or None."""
    for form in entry.forms:
        if _fields(form) != _fields(source):
            return f"placeholders {sorted(_fields(form))} differ from {sorted(_fields(source))}"
        if "%n" in source and "%n" not in form:
            return "a plural form lacks %n"
        if re.search(r"&\w", source) and "&" not in form:
            return "the menu mnemonic (&) is missing"
    return None


def merge(messages: dict[str, Message], old: dict[str, Entry], code: str) -> dict[str, Entry]:
    """Keep the old translations of texts still in the code; English keeps only %n texts."""
    keep = {s: m for s, m in messages.items() if code != DEFAULT or m.numerus}
    return {s: old[s] for s in keep if s in old}


def import_json(path: Path, messages: dict[str, Message],
                entries: dict[str, Entry]) -> tuple[int, list[str]]:
    """Fold a {english: translation} JSON file into `entries`; (count taken, skipped texts)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object {{english: translation}}")
    taken, skipped = 0, []
    for source, text in data.items():
        m = messages.get(source)
        forms = text if isinstance(text, list) else [text]
        if m is None or not all(isinstance(f, str) and f for f in forms):
            skipped.append(source)
            continue
        entry = Entry([str(f) for f in forms], True, m.numerus)
        problem = check_entry(source, entry)
        if problem:
            skipped.append(f"{source} ({problem})")
            continue
        entries[source] = entry
        taken += 1
    return taken, skipped


def _lrelease_exe() -> list[str]:
    import PySide6

    exe = Path(PySide6.__file__).parent / "lrelease"
    if exe.is_file():
        return [str(exe)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise RuntimeError("lrelease not found: install PySide6-Essentials (it ships lrelease)")
    return [found]


def lrelease(ts: Path, qm: Path) -> None:
    """Compile `ts` to `qm` with PySide6's lrelease (unfinished texts are left out)."""
    subprocess.run([*_lrelease_exe(), "-silent", str(ts), "-qm", str(qm)], check=True)


def languages() -> list[str]:
    """Every language with a .ts file: English (plural forms) and the translations."""
    return list(LANGUAGE_NAMES)


def update(imports: dict[str, list[Path]] | None = None, compile_qm: bool = True,
           folder: Path | None = None) -> int:
    """The `update` command; returns the number of problems found (0 = all good)."""
    folder = folder or translations_dir()
    messages = extract()
    problems = 0
    for code in languages():
        ts = folder / f"{code}.ts"
        entries = merge(messages, read_ts(ts), code)
        for path in (imports or {}).get(code, []):
            taken, skipped = import_json(path, messages, entries)
            print(f"{code}: {taken} translations taken from {path}")
            for s in skipped:
                print(f"  skipped (not in the code, empty or malformed): {s!r}")
        for source, entry in entries.items():
            if entry.finished and (problem := check_entry(source, entry)):
                print(f"{code}: {source!r}: {problem}; marked unfinished")
                entry.finished = False
                problems += 1
        wanted = {s: m for s, m in messages.items() if code != DEFAULT or m.numerus}
        write_ts(ts, code, wanted, entries)
        done = sum(1 for s in wanted if s in entries and entries[s].finished)
        print(f"{code}: {done}/{len(wanted)} translated -> {ts}")
        if compile_qm:
            lrelease(ts, folder / f"{code}.qm")
    return problems


def check(folder: Path | None = None) -> list[str]:
    """What is out of date: texts of the code missing from a .ts, .qm not matching its .ts."""
    folder = folder or translations_dir()
    messages = extract()
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for code in languages():
            ts = folder / f"{code}.ts"
            entries = read_ts(ts)
            wanted = {s for s, m in messages.items() if code != DEFAULT or m.numerus}
            missing = sorted(s for s in wanted if s not in entries or not entries[s].finished)
            extra = sorted(set(entries) - wanted)
            if missing:
                out.append(f"{ts.name}: untranslated: {missing}")
            if extra:
                out.append(f"{ts.name}: no longer in the code: {extra}")
            fresh = Path(tmp) / f"{code}.qm"
            lrelease(ts, fresh)
            qm = folder / f"{code}.qm"
            if not qm.is_file() or (qm.read_bytes() != fresh.read_bytes()
                                    and not _same_translations(qm, fresh, entries)):
                out.append(f"{qm.name} is not compiled from {ts.name}: run update")
    return out


def _same_translations(a: Path, b: Path, entries: dict[str, Entry]) -> bool:
    """Both .qm give the same text for every entry (another lrelease may order bytes
    differently: compare what the window would show)."""
    from PySide6.QtCore import QTranslator

    ta, tb = QTranslator(), QTranslator()
    if not (ta.load(str(a)) and tb.load(str(b))):
        return False
    for source, entry in entries.items():
        for n in ((0, 1, 2, 5, 21) if entry.numerus else (-1,)):
            if ta.translate(CONTEXT, source, None, n) != tb.translate(CONTEXT, source, None, n):
                return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nndesk.gui.i18n_tools",
                                     description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update", help="refresh the .ts from the code, import, compile .qm")
    up.add_argument("--import", dest="imports", action="append", default=[],
                    metavar="CODE=FILE.json", help="take translations from a JSON file")
    up.add_argument("--no-compile", action="store_true", help="leave the .qm files alone")
    sub.add_parser("check", help="exit 1 if a .ts or .qm is out of date")
    sub.add_parser("stats", help="translated texts per language")
    args = parser.parse_args(argv)
    if args.command == "update":
        imports: dict[str, list[Path]] = {}
        for item in args.imports:
            code, _, file = item.partition("=")
            if code not in LANGUAGE_NAMES or not file:
                parser.error(f"--import {item}: expected CODE=FILE.json, CODE one of "
                             f"{', '.join(LANGUAGE_NAMES)}")
            imports.setdefault(code, []).append(Path(file))
        return 1 if update(imports, compile_qm=not args.no_compile) else 0
    if args.command == "check":
        problems = check()
        for p in problems:
            print(p)
        return 1 if problems else 0
    messages = extract()
    for code in languages():
        entries = read_ts(translations_dir() / f"{code}.ts")
        wanted = [s for s, m in messages.items() if code != DEFAULT or m.numerus]
        done = sum(1 for s in wanted if s in entries and entries[s].finished)
        print(f"{code}: {done}/{len(wanted)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
