"""Markdown tables, and RESULTS.md written section by section (atomically)."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

__all__ = ["fmt", "markdown_table", "write_section"]


def fmt(value: float | None, digits: int = 3) -> str:
    """A number with `digits` significant figures, '-' for missing."""
    if value is None:
        return "-"
    if abs(value) >= 10 ** digits:
        return f"{value:,.0f}"
    return f"{value:.{digits}g}"


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """A GitHub markdown table, columns padded so it also reads as plain text."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells):
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), sep, *(line(r) for r in rows)])


def _marker(name: str) -> tuple[str, str]:
    return f"<!-- begin {name} -->", f"<!-- end {name} -->"


def write_section(path: Path, name: str, body: str, title: str = "# nndesk benchmarks") -> None:
    """Replace (or append) section `name` of the markdown file at `path`, keeping the others."""
    begin, end = _marker(name)
    block = f"{begin}\n{body.rstrip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else f"{title}\n"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".results-", suffix=".md")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
