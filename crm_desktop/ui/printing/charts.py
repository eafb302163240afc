"""Vector charts drawn for the page: grouped or stacked bars, lines, axis labels and a
legend, all as drawn text (selectable in the PDF)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from crm_desktop.ui.printing.engine import INK, MUTED, RULE, Device, Layout, draw_lines

PALETTE = ["#1d4e89", "#f4a259", "#5b8e7d", "#bc4b51", "#8cb369", "#7a6c9d", "#d4a373", "#457b9d"]


@dataclass
class Series:
    name: str
    values: list[float]
    color: str = PALETTE[0]
    line: bool = False  # drawn as a line over the bars


@dataclass
class Chart:
    title: str
    categories: list[str]
    series: list[Series]
    stacked: bool = False
    y_label: str = ""
    x_label: str = ""
    empty_text: str = ""
    height_mm: float = 66.0
    tick_format: Callable[[float], str] = field(default=lambda v: f"{v:g}")

    @property
    def empty(self) -> bool:
        return not self.categories or not any(any(s.values) for s in self.series)


def _nice_step(top: float, ticks: int = 5) -> float:
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    for mult in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= mult * power:
            return max(mult * power, 1.0)
    return 10.0 * power


def place(layout: Layout, block: object) -> None:
    assert isinstance(block, Chart)
    dev, width = layout.dev, layout.width
    title_lines = dev.wrap(block.title, width, 10.0, True)
    title_h = len(title_lines) * dev.metrics(10.0, True).lineSpacing() + 1.0 * dev.mm
    if block.empty:
        lines = dev.wrap(block.empty_text, width, 9.0)
        h = title_h + len(lines) * dev.metrics(9.0).lineSpacing() + 3 * dev.mm

        def paint_empty(p: QPainter, x: float, y: float) -> None:
            used = draw_lines(p, dev, title_lines, x, y, width, 10.0, True)
            draw_lines(p, dev, lines, x, y + used + dev.mm, width, 9.0, color=MUTED)

        layout.pages.gap(3 * dev.mm)
        layout.pages.place(h, paint_empty)
        return
    h = title_h + block.height_mm * dev.mm

    def paint(p: QPainter, x: float, y: float) -> None:
        used = draw_lines(p, dev, title_lines, x, y, width, 10.0, True)
        _draw(p, dev, block, QRectF(x, y + used + dev.mm, width, h - used - dev.mm))

    layout.pages.gap(3 * dev.mm)
    layout.pages.place(min(h, layout.pages.height), paint)


def _legend(p: QPainter, dev: Device, chart: Chart, rect: QRectF, draw: bool) -> float:
    """Legend entries in rows from the top of ``rect``; returns the height used."""
    fm = dev.metrics(8.0)
    box = 3.0 * dev.mm
    x, y = rect.left(), rect.top()
    for s in chart.series:
        w = box + 1.5 * dev.mm + fm.horizontalAdvance(s.name) + 5 * dev.mm
        if x + w > rect.right() and x > rect.left():
            x, y = rect.left(), y + fm.lineSpacing() + dev.mm
        if draw:
            color = QColor(s.color)
            mid = y + fm.lineSpacing() / 2
            if s.line:
                p.setPen(QPen(color, 0.6 * dev.mm))
                p.drawLine(QPointF(x, mid), QPointF(x + box, mid))
            else:
                p.fillRect(QRectF(x, mid - box / 2, box, box), color)
            draw_lines(p, dev, [s.name], x + box + 1.5 * dev.mm, y, w, 8.0)
        x += w
    return y - rect.top() + fm.lineSpacing() + 2.5 * dev.mm


Label = tuple[str, float, float, float]  # text, centre x, bar top, bar width


def _value_label(p: QPainter, dev: Device, label: Label) -> None:
    """The value above a bar (on white, over the lines), when it fits the bar's width."""
    text, cx, top, room = label
    fm = dev.metrics(6.5)
    w = fm.horizontalAdvance(text)
    if w <= room + 1.5 * dev.mm:
        box = QRectF(
            cx - w / 2 - 0.4 * dev.mm, top - fm.lineSpacing(), w + 0.8 * dev.mm, fm.lineSpacing()
        )
        p.fillRect(box, QColor("#ffffff"))
        draw_lines(p, dev, [text], cx - w / 2, top - fm.lineSpacing(), w, 6.5, color=INK)


def _draw(p: QPainter, dev: Device, chart: Chart, rect: QRectF) -> None:
    fm = dev.metrics(7.5)
    n = len(chart.categories)
    bars = [s for s in chart.series if not s.line]
    lines = [s for s in chart.series if s.line]
    legend_h = _legend(p, dev, chart, rect, draw=True)
    # the scale
    if chart.stacked:
        tops = [sum(max(s.values[i], 0.0) for s in bars) for i in range(n)]
    else:
        tops = [max((s.values[i] for s in bars), default=0.0) for i in range(n)]
    top = max([*tops, *(v for s in lines for v in s.values), 0.0])
    step = _nice_step(top)
    ticks = max(1, math.ceil(top / step)) if top > 0 else 5
    if top <= 4 and step == 1.0:
        ticks = 4  # small counts: a readable scale 0..4
    if top > 0 and step * ticks < top * 1.1:
        ticks += 1  # room above the highest bar for its value
    vmax = step * ticks
    tick_texts = [chart.tick_format(step * i) for i in range(ticks + 1)]
    axis_w = max(fm.horizontalAdvance(t) for t in tick_texts) + 1.5 * dev.mm
    ylab_w = fm.lineSpacing() + dev.mm if chart.y_label else 0.0
    left = rect.left() + ylab_w + axis_w
    right = rect.right() - dev.mm
    slot = (right - left) / max(n, 1)
    widest = max(fm.horizontalAdvance(c) for c in chart.categories)
    rotate = widest > slot - dev.mm
    cat_h = (widest * 0.72 + fm.lineSpacing() if rotate else fm.lineSpacing()) + dev.mm
    xlab_h = fm.lineSpacing() + dev.mm if chart.x_label else 0.0
    plot = QRectF(
        left,
        rect.top() + legend_h,
        right - left,
        rect.height() - legend_h - cat_h - xlab_h,
    )

    def y_of(value: float) -> float:
        return plot.bottom() - plot.height() * value / vmax

    # grid and value axis
    for i, text in enumerate(tick_texts):
        ty = y_of(step * i)
        p.setPen(QPen(RULE if i else INK, 0.15 * dev.mm))
        p.drawLine(QPointF(plot.left(), ty), QPointF(plot.right(), ty))
        draw_lines(
            p,
            dev,
            [text],
            plot.left() - axis_w,
            ty - fm.lineSpacing() / 2,
            axis_w - dev.mm,
            7.5,
            align="r",
            color=MUTED,
        )
    p.setPen(QPen(INK, 0.2 * dev.mm))
    p.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))
    if chart.y_label:
        p.save()
        p.translate(rect.left(), plot.center().y() + dev.width(chart.y_label, 7.5) / 2)
        p.rotate(-90)
        draw_lines(p, dev, [chart.y_label], 0, 0, plot.height(), 7.5, color=MUTED)
        p.restore()
    # bars
    group = min(slot * 0.72, (1 if chart.stacked else max(len(bars), 1)) * 22 * dev.mm)
    each = group if chart.stacked or not bars else group / len(bars)
    labels: list[Label] = []
    for i in range(n):
        gx = plot.left() + slot * i + (slot - group) / 2
        base = 0.0
        for k, s in enumerate(bars):
            v = max(s.values[i], 0.0)
            if v <= 0:
                continue
            if chart.stacked:
                r = QRectF(gx, y_of(base + v), each, y_of(base) - y_of(base + v))
                base += v
            else:
                r = QRectF(gx + k * each, y_of(v), each * 0.92, plot.bottom() - y_of(v))
            p.fillRect(r, QColor(s.color))
            if not chart.stacked:
                labels.append((chart.tick_format(v), r.center().x(), r.top(), each))
        if chart.stacked and base > 0:
            labels.append((chart.tick_format(base), gx + each / 2, y_of(base), each))
    # lines
    for s in lines:
        p.setPen(QPen(QColor(s.color), 0.6 * dev.mm))
        pts = [QPointF(plot.left() + slot * (i + 0.5), y_of(v)) for i, v in enumerate(s.values)]
        for a, b in itertools.pairwise(pts):
            p.drawLine(a, b)
        for pt in pts:
            p.setBrush(QColor(s.color))
            p.drawEllipse(pt, 0.8 * dev.mm, 0.8 * dev.mm)
    for label in labels:
        _value_label(p, dev, label)
    # category axis
    for i, cat in enumerate(chart.categories):
        cx = plot.left() + slot * (i + 0.5)
        if rotate:
            p.save()
            p.translate(cx, plot.bottom() + dev.mm)
            p.rotate(-40)
            cw = fm.horizontalAdvance(cat)
            draw_lines(p, dev, [cat], -cw, 0, cw, 7.5)
            p.restore()
        else:
            cw = fm.horizontalAdvance(cat)
            draw_lines(p, dev, [cat], cx - cw / 2, plot.bottom() + dev.mm, cw, 7.5)
    if chart.x_label:
        xw = dev.width(chart.x_label, 7.5)
        draw_lines(
            p,
            dev,
            [chart.x_label],
            plot.center().x() - xw / 2,
            rect.bottom() - fm.lineSpacing(),
            xw,
            7.5,
            color=MUTED,
        )
