"""Line plots as PNG with Pillow alone (matplotlib is not a dependency): axes, lines, legend.

Drawn at twice the size and scaled down, which gives smooth lines without an antialiasing
library.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

__all__ = ["Line", "Panel", "render", "nice_ticks", "PALETTE"]

PALETTE = ((31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
           (140, 86, 75), (227, 119, 194), (127, 127, 127))
_SS = 2  # supersampling factor
_GRID, _AXIS, _TEXT = (228, 228, 228), (60, 60, 60), (30, 30, 30)


@dataclass
class Line:
    label: str
    x: Sequence[float]
    y: Sequence[float]
    color: tuple[int, int, int] = PALETTE[0]
    dashed: bool = False


@dataclass
class Panel:
    title: str
    xlabel: str
    ylabel: str
    lines: list[Line] = field(default_factory=list)
    ylim: tuple[float, float] | None = None  # None: from the data


def nice_ticks(lo: float, hi: float, count: int = 5, cover: bool = False) -> list[float]:
    """Round tick values (1, 2, 5 x 10^k apart) within [lo, hi], or around it when `cover`."""
    if not hi > lo:
        hi = lo + 1.0
    raw = (hi - lo) / max(1, count)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = (math.floor if cover else math.ceil)(lo / step + (1e-9 if cover else -1e-9)) * step
    last = hi + step * (1 - 1e-9) if cover else hi + step * 1e-9
    ticks, value = [], first
    while value <= last:
        ticks.append(round(value, 10))
        if value >= hi - step * 1e-9:
            break
        value += step
    return ticks


def _label(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e5 else f"{value:.0e}"


def _dashes(points: list[tuple[float, float]], on: float, off: float):
    """Split a polyline into the pieces of a dashed line."""
    pieces, current, drawing, left = [], [points[0]], True, on
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        seg = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while seg - pos > left:
            pos += left
            point = (x0 + (x1 - x0) * pos / seg, y0 + (y1 - y0) * pos / seg)
            if drawing:
                pieces.append(current + [point])
            current, drawing = [point], not drawing
            left = on if drawing else off
        left -= seg - pos
        current.append((x1, y1))
    if drawing and len(current) > 1:
        pieces.append(current)
    return pieces


def _finite_runs(line: Line):
    """Consecutive finite points: NaN or infinite values break the line."""
    run: list[tuple[float, float]] = []
    for x, y in zip(line.x, line.y, strict=True):
        if math.isfinite(x) and math.isfinite(y):
            run.append((x, y))
        elif run:
            yield run
            run = []
    if run:
        yield run


def _limits(panel: Panel) -> tuple[float, float, float, float]:
    xs = [x for line in panel.lines for x in line.x if math.isfinite(x)] or [0.0, 1.0]
    ys = [y for line in panel.lines for y in line.y if math.isfinite(y)] or [0.0, 1.0]
    y0, y1 = panel.ylim or (min(ys), max(ys))
    return min(xs), max(xs), y0, y1


def _draw_panel(image: Image.Image, panel: Panel, box: tuple[int, int, int, int],
                fonts: dict) -> None:
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = box
    s = _SS
    plot = (left + 58 * s, top + 28 * s, right - 12 * s, bottom - 44 * s)
    px0, py0, px1, py1 = plot
    x0, x1, y0, y1 = _limits(panel)
    xticks, yticks = nice_ticks(x0, x1), nice_ticks(y0, y1, cover=panel.ylim is None)
    if panel.ylim is None:
        y0, y1 = min(y0, yticks[0]), max(y1, yticks[-1])
    x1 = x1 if x1 > x0 else x0 + 1
    y1 = y1 if y1 > y0 else y0 + 1

    def to_px(x: float, y: float) -> tuple[float, float]:
        y = min(max(y, y0), y1)  # clip what leaves the axes to its edge
        return (px0 + (x - x0) / (x1 - x0) * (px1 - px0),
                py1 - (y - y0) / (y1 - y0) * (py1 - py0))

    for tick in yticks:
        if y0 <= tick <= y1:
            _, y = to_px(x0, tick)
            draw.line([(px0, y), (px1, y)], fill=_GRID, width=s)
            draw.text((px0 - 6 * s, y), _label(tick), fill=_TEXT, font=fonts["small"],
                      anchor="rm")
    for tick in xticks:
        if x0 <= tick <= x1:
            x, _ = to_px(tick, y0)
            draw.line([(x, py0), (x, py1)], fill=_GRID, width=s)
            draw.text((x, py1 + 5 * s), _label(tick), fill=_TEXT, font=fonts["small"],
                      anchor="mt")
    draw.rectangle(plot, outline=_AXIS, width=s)
    draw.text(((px0 + px1) / 2, top + 8 * s), panel.title, fill=_TEXT, font=fonts["title"],
              anchor="mt")
    draw.text(((px0 + px1) / 2, bottom - 8 * s), panel.xlabel, fill=_TEXT, font=fonts["small"],
              anchor="mb")
    ylabel = Image.new("L", (int(draw.textlength(panel.ylabel, font=fonts["small"])) + 4,
                             16 * s), 0)
    ImageDraw.Draw(ylabel).text((2, 0), panel.ylabel, fill=255, font=fonts["small"])
    ylabel = ylabel.rotate(90, expand=True)
    image.paste(_TEXT, (left + 4 * s, int((py0 + py1 - ylabel.height) / 2)), ylabel)
    for line in panel.lines:
        for run in _finite_runs(line):
            points = [to_px(x, y) for x, y in run]
            if len(points) == 1:
                points = points * 2
            pieces = _dashes(points, 7 * s, 4 * s) if line.dashed else [points]
            for piece in pieces:
                draw.line(piece, fill=line.color, width=2 * s, joint="curve")
    points = [to_px(x, y) for line in panel.lines for x, y in _finite_points(line)]
    _legend(draw, panel.lines, (px0 + 8 * s, py0 + 8 * s, px1 - 8 * s, py1 - 8 * s), points,
            fonts["small"])


def _finite_points(line: Line):
    return [p for run in _finite_runs(line) for p in run]


def _legend(draw: ImageDraw.ImageDraw, lines: list[Line], inner: tuple[float, ...],
            points: list[tuple[float, float]], font) -> None:
    """The legend box in the corner of the plot that hides the fewest data points."""
    if not lines:
        return
    s = _SS
    row = 16 * s
    width = max(draw.textlength(line.label, font=font) for line in lines) + 34 * s
    height = row * len(lines) + 6 * s
    left_x, top_y, right_x, bottom_y = inner
    corners = [(right_x - width, top_y), (right_x - width, bottom_y - height),
               (left_x, top_y), (left_x, bottom_y - height)]

    def hidden(corner: tuple[float, float]) -> int:
        x, y = corner
        return sum(x <= px <= x + width and y <= py <= y + height for px, py in points)

    x, top = min(corners, key=hidden)  # ties: the first, top right
    box = (x, top, x + width, top + height)
    draw.rectangle(box, fill=(255, 255, 255), outline=(190, 190, 190), width=s)
    for i, line in enumerate(lines):
        y = top + 3 * s + row * i + row / 2
        x = box[0] + 6 * s
        points = [(x, y), (x + 20 * s, y)]
        for piece in (_dashes(points, 6 * s, 3 * s) if line.dashed else [points]):
            draw.line(piece, fill=line.color, width=2 * s)
        draw.text((x + 26 * s, y), line.label, fill=_TEXT, font=font, anchor="lm")


def render(panels: list[Panel], path: str | Path, title: str = "",
           panel_size: tuple[int, int] = (440, 310), columns: int | None = None) -> Path:
    """Draw `panels` in a grid (2 columns when more than 3) and save them as a PNG."""
    columns = columns or (len(panels) if len(panels) <= 3 else 2)
    rows = math.ceil(len(panels) / columns)
    head = 30 if title else 0
    width, height = panel_size[0] * columns, panel_size[1] * rows + head
    image = Image.new("RGB", (width * _SS, height * _SS), "white")
    draw = ImageDraw.Draw(image)
    fonts = {"small": ImageFont.load_default(size=11 * _SS),
             "title": ImageFont.load_default(size=13 * _SS),
             "head": ImageFont.load_default(size=15 * _SS)}
    if title:
        draw.text((width * _SS / 2, 8 * _SS), title, fill=_TEXT, font=fonts["head"],
                  anchor="mt")
    for i, panel in enumerate(panels):
        r, c = divmod(i, columns)
        left, top = c * panel_size[0] * _SS, (head + r * panel_size[1]) * _SS
        _draw_panel(image, panel, (left, top, left + panel_size[0] * _SS,
                                  top + panel_size[1] * _SS), fonts)
    image = image.resize((width, height), Image.Resampling.LANCZOS)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    image.save(tmp, format="PNG", optimize=True)
    tmp.replace(path)
    return path
