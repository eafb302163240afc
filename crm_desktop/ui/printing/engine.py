"""A small page-layout engine: QPainter on QPdfWriter, A4 portrait, margins in mm.

A printout is a :class:`Document` (title, period line, blocks). :func:`render` lays the
blocks out first — every page's content is known before anything is painted — then
paints each page with the header (title, period, print date) and the footer
("Page x of y"). Text is drawn as text (selectable, searchable); tables take their
column widths from their content, wrap cell text and continue across pages with
their header row repeated; a row, a chart or a KPI block is never cut by a page break.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)

RESOLUTION = 300  # dots per inch of the PDF's coordinate system
MARGINS_MM = (18.0, 14.0, 16.0, 14.0)  # left, top, right, bottom
FONT_FAMILY = "DejaVu Sans"
INK = QColor("#222222")
MUTED = QColor("#666666")
ACCENT = QColor("#1d4e89")
HEAD_FILL = QColor("#e8eef6")
BAND_FILL = QColor("#f0f0f0")
RULE = QColor("#c8c8c8")
BOLD = "\x01"  # marks a table line drawn in bold (a subject above its text)


# -- blocks


@dataclass
class Heading:
    text: str


@dataclass
class Paragraph:
    text: str
    muted: bool = False


@dataclass
class Kpis:
    """Key figures as text: label above, value below, several in a row."""

    items: list[tuple[str, str]]


@dataclass
class Band:
    """A table row spanning all columns (a day, a stage)."""

    text: str


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str] | Band]
    align: str = ""  # one letter per column: "l" or "r" (default "l")
    header: bool = True
    bold_first: bool = False  # the first column in bold (fact sheets)
    total: list[str] | None = None  # a last row in bold
    lead: int | None = None  # a column whose first line (a subject) is in bold


@dataclass
class Spacer:
    mm: float


class PageBreak:
    pass


@dataclass
class Document:
    title: str
    period: str = ""
    printed: str = ""
    blocks: list[object] = field(default_factory=list)

    def add(self, *blocks: object) -> Document:
        self.blocks.extend(blocks)
        return self


# -- measuring


class Device:
    """Fonts and metrics for the paint device (a PDF at RESOLUTION dpi)."""

    def __init__(self, device: QPaintDevice) -> None:
        self.device = device
        self.mm = RESOLUTION / 25.4
        self._metrics: dict[tuple[float, bool], QFontMetricsF] = {}

    def font(self, size: float = 9.0, bold: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(size)
        font.setBold(bold)
        # no ligatures: "fi" stays two letters when the text is copied or searched
        for tag in ("liga", "clig"):
            font.setFeature(QFont.Tag(tag), 0)
        return font

    def metrics(self, size: float = 9.0, bold: bool = False) -> QFontMetricsF:
        key = (size, bold)
        if key not in self._metrics:
            self._metrics[key] = QFontMetricsF(self.font(size, bold), self.device)
        return self._metrics[key]

    def width(self, text: str, size: float = 9.0, bold: bool = False) -> float:
        return self.metrics(size, bold).horizontalAdvance(text)

    def wrap(self, text: str, width: float, size: float = 9.0, bold: bool = False) -> list[str]:
        """``text`` broken into lines of at most ``width`` (at word boundaries, or
        anywhere when one word is wider than the line)."""
        font = self.font(size, bold)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        out: list[str] = []
        for para in text.split("\n"):
            if not para.strip():
                out.append("")
                continue
            layout = QTextLayout(para, font, self.device)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(max(width, 1.0) + 2.0)  # 2 dots: rounding, not a letter
                out.append(para[line.textStart() : line.textStart() + line.textLength()].rstrip())
            layout.endLayout()
        while len(out) > 1 and out[-1] == "":
            out.pop()
        return out or [""]


def draw_lines(
    painter: QPainter,
    dev: Device,
    lines: list[str],
    x: float,
    y: float,
    width: float,
    size: float = 9.0,
    bold: bool = False,
    align: str = "l",
    color: QColor = INK,
) -> float:
    """Draw ``lines`` from top ``y``; returns the height used."""
    fm = dev.metrics(size, bold)
    painter.setFont(dev.font(size, bold))
    painter.setPen(color)
    top = y
    for line in lines:
        lx = x + width - fm.horizontalAdvance(line) if align == "r" else x
        painter.drawText(QPointF(lx, top + fm.ascent()), line)
        top += fm.lineSpacing()
    return top - y


# -- layout

Paint = Callable[[QPainter, float, float], None]  # painter, x, y (top of the item)


class _Pages:
    def __init__(self, height: float) -> None:
        self.height = height
        self.pages: list[list[tuple[float, Paint]]] = [[]]
        self.y = 0.0

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0.0

    def fits(self, h: float) -> bool:
        return self.y + h <= self.height

    def place(self, h: float, paint: Paint, keep: float = 0.0) -> None:
        """Put an item of height ``h`` on the page (a new one when it does not fit,
        counting ``keep`` more for what must follow it on the same page)."""
        if not self.fits(h + keep) and self.y > 0:
            self.new_page()
        self.pages[-1].append((self.y, paint))
        self.y += h

    def gap(self, h: float) -> None:
        if self.y > 0:
            self.y = min(self.y + h, self.height)


class Layout:
    def __init__(self, dev: Device, width: float, height: float) -> None:
        self.dev = dev
        self.width = width
        self.pages = _Pages(height)

    # each block type
    def heading(self, block: Heading) -> None:
        dev, width = self.dev, self.width
        lines = dev.wrap(block.text, width, 11.5, True)
        fm = dev.metrics(11.5, True)
        h = len(lines) * fm.lineSpacing() + 2.2 * dev.mm

        def paint(p: QPainter, x: float, y: float) -> None:
            used = draw_lines(p, dev, lines, x, y, width, 11.5, True, color=ACCENT)
            p.setPen(QPen(ACCENT, 0.3 * dev.mm))
            p.drawLine(
                QPointF(x, y + used + 0.6 * dev.mm), QPointF(x + width, y + used + 0.6 * dev.mm)
            )

        self.pages.gap(4 * dev.mm)
        self.pages.place(h, paint, keep=22 * dev.mm)  # never alone at the foot of a page

    def paragraph(self, block: Paragraph) -> None:
        dev, width = self.dev, self.width
        fm = dev.metrics(9.0)
        color = MUTED if block.muted else INK
        for line in dev.wrap(block.text, width):

            def paint(p: QPainter, x: float, y: float, line: str = line) -> None:
                draw_lines(p, dev, [line], x, y, width, color=color)

            self.pages.place(fm.lineSpacing(), paint)
        self.pages.gap(1.5 * dev.mm)

    def kpis(self, block: Kpis) -> None:
        dev, width = self.dev, self.width
        per_row = 3
        col_w = width / per_row
        pad = 2.0 * dev.mm
        rows = [block.items[i : i + per_row] for i in range(0, len(block.items), per_row)]
        lab_fm, val_fm = dev.metrics(8.0), dev.metrics(13.0, True)
        for row in rows:
            cells = [
                (
                    dev.wrap(label, col_w - 2 * pad, 8.0),
                    dev.wrap(value, col_w - 2 * pad, 13.0, True),
                )
                for label, value in row
            ]
            h = (
                max(
                    len(lab) * lab_fm.lineSpacing() + len(val) * val_fm.lineSpacing()
                    for lab, val in cells
                )
                + 2 * pad
            )

            def paint(
                p: QPainter,
                x: float,
                y: float,
                cells: list[tuple[list[str], list[str]]] = cells,
                h: float = h,
            ) -> None:
                for i, (lab, val) in enumerate(cells):
                    cx = x + i * col_w
                    p.fillRect(QRectF(cx + 0.5 * dev.mm, y, col_w - dev.mm, h - dev.mm), HEAD_FILL)
                    used = draw_lines(
                        p, dev, lab, cx + pad, y + pad * 0.7, col_w - 2 * pad, 8.0, color=MUTED
                    )
                    draw_lines(
                        p,
                        dev,
                        val,
                        cx + pad,
                        y + pad * 0.7 + used,
                        col_w - 2 * pad,
                        13.0,
                        True,
                        color=ACCENT,
                    )

            self.pages.place(h, paint)
        self.pages.gap(2 * dev.mm)

    def table(self, block: Table) -> None:
        dev, width = self.dev, self.width
        ncol = len(block.columns)
        pad = 1.3 * dev.mm
        align = (block.align + "l" * ncol)[:ncol]
        rows: list[list[str] | Band] = list(block.rows)
        widths = self._column_widths(block, width, pad)
        lh = dev.metrics(8.5).lineSpacing()

        def cell_lines(texts: list[str], bold_cols: set[int], size: float = 8.5) -> list[list[str]]:
            out = []
            for i, t in enumerate(texts):
                room = widths[i] - 2 * pad
                if i == block.lead and i not in bold_cols and t.strip():
                    first, _nl, rest = t.partition("\n")
                    lines = (
                        [BOLD + line for line in dev.wrap(first, room, size, True)]
                        if first.strip()
                        else []
                    )
                    out.append(lines + (dev.wrap(rest, room, size) if rest.strip() else []))
                else:
                    out.append(dev.wrap(t, room, size, i in bold_cols))
            return out

        head = cell_lines(block.columns, set(range(ncol)), 8.0) if block.header else []
        head_h = (
            (max(len(c) for c in head) * dev.metrics(8.0, True).lineSpacing() + 2 * pad)
            if head
            else 0.0
        )

        def paint_head(p: QPainter, x: float, y: float) -> None:
            p.fillRect(QRectF(x, y, width, head_h), HEAD_FILL)
            cx = x
            for i, lines in enumerate(head):
                draw_lines(
                    p, dev, lines, cx + pad, y + pad, widths[i] - 2 * pad, 8.0, True, align[i]
                )
                cx += widths[i]

        def row_painter(lines: list[list[str]], h: float, bold: set[int], rule: bool) -> Paint:
            def paint(p: QPainter, x: float, y: float) -> None:
                cx = x
                for i, cell in enumerate(lines):
                    top = y + pad
                    for line in cell:
                        strong = i in bold or line.startswith(BOLD)
                        top += draw_lines(
                            p,
                            dev,
                            [line.removeprefix(BOLD)],
                            cx + pad,
                            top,
                            widths[i] - 2 * pad,
                            8.5,
                            strong,
                            align[i],
                        )
                    cx += widths[i]
                if rule:
                    p.setPen(QPen(RULE, 0.15 * dev.mm))
                    p.drawLine(QPointF(x, y + h), QPointF(x + width, y + h))

            return paint

        def band_painter(lines: list[str], h: float) -> Paint:
            def paint(p: QPainter, x: float, y: float) -> None:
                p.fillRect(QRectF(x, y + 0.4 * dev.mm, width, h - 0.4 * dev.mm), BAND_FILL)
                draw_lines(p, dev, lines, x + pad, y + pad, width - 2 * pad, 8.5, True)

            return paint

        pages = self.pages
        bold_first = {0} if block.bold_first else set()
        items: list[tuple[float, Paint]] = []
        for row in rows:
            if isinstance(row, Band):
                lines = dev.wrap(row.text, width - 2 * pad, 8.5, True)
                h = len(lines) * dev.metrics(8.5, True).lineSpacing() + 2 * pad
                items.append((-h, band_painter(lines, h)))  # negative: kept with the next
                continue
            cells = cell_lines([*row, *[""] * (ncol - len(row))][:ncol], bold_first)
            items.extend(
                self._split_row(cells, lh, pad, pages.height - head_h, row_painter, bold_first)
            )
        if block.total is not None:
            cells = cell_lines(block.total, set(range(ncol)))
            h = max(len(c) for c in cells) * dev.metrics(8.5, True).lineSpacing() + 2 * pad
            items.append((h, row_painter(cells, h, set(range(ncol)), False)))
        if not items:
            if head:
                pages.place(head_h, paint_head)
            return

        # the header row goes with the first row; on a new page it is repeated
        def keep_height(i: int) -> float:
            h = abs(items[i][0])
            return h + abs(items[i + 1][0]) if items[i][0] < 0 and i + 1 < len(items) else h

        if head:
            pages.place(head_h, paint_head, keep=keep_height(0))
        band: tuple[float, Paint] | None = None  # the group the rows belong to
        for i, (signed_h, paint) in enumerate(items):
            h = abs(signed_h)
            if not pages.fits(keep_height(i)) and pages.y > 0:
                pages.new_page()
                if head:
                    pages.place(head_h, paint_head)
                is_total = block.total is not None and i == len(items) - 1
                if band is not None and signed_h > 0 and not is_total:
                    pages.place(band[0], band[1])  # the group's band again on the new page
            if signed_h < 0:
                band = (h, paint)
            pages.place(h, paint)
        pages.gap(2 * dev.mm)

    def _split_row(
        self,
        cells: list[list[str]],
        lh: float,
        pad: float,
        room: float,
        row_painter: Callable[[list[list[str]], float, set[int], bool], Paint],
        bold: set[int],
    ) -> list[tuple[float, Paint]]:
        """A row as one item; a row taller than a whole page is cut into page-high
        parts (the only case where a row is split)."""
        n = max(len(c) for c in cells)
        fit = max(int((room - 2 * pad) // lh), 1)
        out: list[tuple[float, Paint]] = []
        for start in range(0, n, fit):
            part = [c[start : start + fit] for c in cells]
            h = max(len(c) for c in part) * lh + 2 * pad
            out.append((h, row_painter(part, h, bold, start + fit >= n)))
        return out

    def _column_widths(self, block: Table, width: float, pad: float) -> list[float]:
        dev = self.dev
        ncol = len(block.columns)
        natural = [0.0] * ncol
        minimum = [0.0] * ncol
        texts: list[list[str]] = [list(block.columns)] if block.header else []
        texts += [r for r in block.rows if not isinstance(r, Band)]
        if block.total:
            texts.append(block.total)
        short = 30 * dev.mm  # a cell this narrow is never wrapped (times, dates, numbers)
        last = len(texts) - 1
        for r_i, row in enumerate(texts):
            bold = (block.header and r_i == 0) or (block.total is not None and r_i == last)
            size = 8.0 if block.header and r_i == 0 else 8.5
            for i, text in enumerate(row[:ncol]):
                strong = bold or (block.bold_first and i == 0) or i == block.lead
                for para in text.split("\n"):
                    w = dev.width(para, size, strong) + 2 * pad
                    natural[i] = max(natural[i], w)
                    if w <= short:
                        minimum[i] = max(minimum[i], w)
                    for word in para.split():
                        minimum[i] = max(minimum[i], dev.width(word, size, strong) + 2 * pad)
        cap = width * 0.45
        minimum = [min(m, cap, n) for m, n in zip(minimum, natural, strict=True)]
        minimum = [
            max(m, 8 * dev.mm if n > 8 * dev.mm else n)
            for m, n in zip(minimum, natural, strict=True)
        ]
        total_nat = sum(natural)
        if total_nat <= width:
            # room to spare: it goes to the columns whose text wraps at some width (the
            # longer texts), not to labels, times or amounts
            spare = width - total_nat
            weight = [n - m for n, m in zip(natural, minimum, strict=True)]
            if not any(weight):
                weight = [
                    n if (block.align + "l" * ncol)[i] == "l" else 0.0
                    for i, n in enumerate(natural)
                ]
            wsum = sum(weight) or 1.0
            return [n + spare * w / wsum for n, w in zip(natural, weight, strict=True)]
        total_min = sum(minimum)
        if total_min >= width:
            return [m * width / total_min for m in minimum]
        flex = total_nat - total_min
        room = width - total_min
        return [m + (n - m) * room / flex for m, n in zip(minimum, natural, strict=True)]


# -- rendering


def _page_text(page: int, pages: int) -> str:
    return QCoreApplication.translate("Printout", "Page {page} of {pages}").format(
        page=page, pages=pages
    )


def render(
    doc: Document, path: Path, extra: dict[type, Callable[[Layout, object], None]] | None = None
) -> int:
    """Write ``doc`` to ``path`` as PDF; returns the number of pages."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    left, top, right, bottom = MARGINS_MM
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(left, top, right, bottom),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(doc.title)
    writer.setCreator("CRM Desktop")
    dev = Device(writer)
    paint_rect = writer.pageLayout().paintRectPixels(RESOLUTION)
    width, height = float(paint_rect.width()), float(paint_rect.height())
    title_fm, small_fm = dev.metrics(14.0, True), dev.metrics(8.0)
    header_h = title_fm.lineSpacing() + small_fm.lineSpacing() + 2.5 * dev.mm
    footer_h = small_fm.lineSpacing() + 2.0 * dev.mm
    body_top = header_h + 4 * dev.mm
    layout = Layout(dev, width, height - body_top - footer_h - 2 * dev.mm)
    handlers: dict[type, Callable[[Layout, object], None]] = {
        Heading: lambda lay, b: lay.heading(b),  # type: ignore[arg-type]
        Paragraph: lambda lay, b: lay.paragraph(b),  # type: ignore[arg-type]
        Kpis: lambda lay, b: lay.kpis(b),  # type: ignore[arg-type]
        Table: lambda lay, b: lay.table(b),  # type: ignore[arg-type]
        Spacer: lambda lay, b: lay.pages.gap(b.mm * dev.mm),  # type: ignore[attr-defined]
        PageBreak: lambda lay, _b: lay.pages.new_page() if lay.pages.y > 0 else None,
        **(extra or {}),
    }
    for block in doc.blocks:
        handlers[type(block)](layout, block)
    pages = layout.pages.pages
    total = len(pages)
    painter = QPainter(writer)
    try:
        for number, items in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            _paint_frame(painter, dev, doc, number, total, width, height, header_h)
            for y, paint in items:
                paint(painter, 0.0, body_top + y)
    finally:
        painter.end()
    return total


def _paint_frame(
    p: QPainter,
    dev: Device,
    doc: Document,
    number: int,
    total: int,
    width: float,
    height: float,
    header_h: float,
) -> None:
    title_fm, small_fm = dev.metrics(14.0, True), dev.metrics(8.0)
    title = title_fm.elidedText(doc.title, Qt.TextElideMode.ElideRight, width)
    draw_lines(p, dev, [title], 0, 0, width, 14.0, True)
    y = title_fm.lineSpacing() + 0.5 * dev.mm
    printed_w = dev.width(doc.printed, 8.0)
    period = small_fm.elidedText(
        doc.period, Qt.TextElideMode.ElideRight, width - printed_w - 4 * dev.mm
    )
    draw_lines(p, dev, [period], 0, y, width, 8.0, color=MUTED)
    draw_lines(p, dev, [doc.printed], 0, y, width, 8.0, align="r", color=MUTED)
    p.setPen(QPen(ACCENT, 0.35 * dev.mm))
    p.drawLine(QPointF(0, header_h), QPointF(width, header_h))
    foot_y = height - small_fm.lineSpacing()
    p.setPen(QPen(RULE, 0.2 * dev.mm))
    p.drawLine(QPointF(0, foot_y - 1.2 * dev.mm), QPointF(width, foot_y - 1.2 * dev.mm))
    page = _page_text(number, total)
    left = small_fm.elidedText(
        "CRM Desktop · " + doc.title,
        Qt.TextElideMode.ElideRight,
        width - dev.width(page, 8.0) - 6 * dev.mm,
    )
    draw_lines(p, dev, [left], 0, foot_y, width, 8.0, color=MUTED)
    draw_lines(p, dev, [page], 0, foot_y, width, 8.0, align="r", color=MUTED)
