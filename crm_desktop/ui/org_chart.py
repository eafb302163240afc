"""The org chart of a company group: the top company, its branches, their departments
(sub-departments beside their parent) and people as boxes (name and position), with
a line from each person to the one she reports to. Drawn on a QGraphicsScene; scroll
and zoom (Ctrl+wheel, the buttons), print, save as PDF (vector) or PNG."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPainter,
    QPainterPath,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.data.store import Store
from crm_desktop.services import departments as svc
from crm_desktop.ui import ops
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.printing.engine import Layout

BOX_W, BOX_H = 190.0, 46.0
GAP = 12.0
COLUMN_GAP = 24.0
PAD = 14.0
TITLE_H = 26.0
ROW_GAP = 34.0
ROLE = 0  # item data: "person" / "line" / "department" / "company"
REF = 1  # item data: the record id


Column = tuple[str, "svc.OrgDepartment | None", "list[svc.OrgPerson]"]


def _elide(text: str, font: QFont, width: float) -> str:
    return QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, width)


@dataclass
class _SceneSlice:
    """A part of the chart's scene as a block of the page engine."""

    scene: QGraphicsScene
    source: QRectF


def _place_slice(layout: Layout, block: object) -> None:
    assert isinstance(block, _SceneSlice)
    src = block.source
    scale = min(layout.width / src.width(), layout.pages.height / src.height())
    w, h = src.width() * scale, src.height() * scale

    def paint(p: QPainter, x: float, y: float) -> None:
        block.scene.render(p, QRectF(x, y, w, h), src, Qt.AspectRatioMode.KeepAspectRatio)

    layout.pages.gap(2 * layout.dev.mm)
    layout.pages.place(h, paint)


class OrgChartView(QGraphicsView):
    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)

    def zoom(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        if 0.15 <= scale <= 4.0:
            self.scale(factor, factor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
        else:
            super().wheelEvent(event)


class OrgChartDialog(QDialog):
    def __init__(self, store: Store, company_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.company_id = company_id
        self.setWindowTitle(self.tr("Org chart"))
        self.scene = QGraphicsScene(self)
        self.view = OrgChartView(self.scene, self)
        self.boxes: dict[int, QGraphicsRectItem] = {}
        self.lines: list[QGraphicsPathItem] = []
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Zoom &in"), lambda: self.view.zoom(1.25)),
            (self.tr("Zoom &out"), lambda: self.view.zoom(0.8)),
            (self.tr("&Fit"), self.fit),
            (self.tr("&Print…"), self.print_chart),
            (self.tr("Save as P&DF…"), self.ask_pdf),
            (self.tr("Save as PN&G…"), self.ask_png),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        lay.addLayout(row)
        self.resize(1100, 720)
        self.load()

    # ------------------------------------------------------------ drawing

    def load(self) -> None:
        chart = ops.read(self.store, lambda s: svc.org_chart(s, self.company_id))
        self.chart = chart
        self.scene.clear()
        self.boxes.clear()
        self.lines.clear()
        self._where: dict[int, tuple[int, int, float]] = {}  # person: company, row, channel x
        self._buses: dict[tuple[int, int], float] = {}  # (company, row): y of its bus
        self._right = 0.0
        self._depth = self._depths(chart)
        names = {c.id: c.name for c in chart.companies}
        y = 0.0
        for company in chart.companies:
            y = self._company(company, names.get(company.parent_id or 0), y) + COLUMN_GAP
        self._trunks: dict[int, float] = {}
        for person_id, boss_id in chart.lines:
            self._line(person_id, boss_id)
        self.scene.setSceneRect(
            self.scene.itemsBoundingRect().marginsAdded(QMarginsF(20, 20, 20, 20))
        )

    @staticmethod
    def _depths(chart: svc.OrgChart) -> dict[int, int]:
        """How many reporting steps each person is below the top (cycles end it)."""
        boss = {p.id: p.reports_to_id for p in chart.people}
        out: dict[int, int] = {}
        for pid in boss:
            seen, current, steps = {pid}, boss.get(pid), 0
            while current is not None and current in boss and current not in seen:
                seen.add(current)
                steps += 1
                current = boss.get(current)
            out[pid] = steps
        return out

    def _columns(self, company: svc.OrgCompany) -> list[list[Column]]:
        """The columns of a company in rows: the top departments (the management: the
        people highest up), then the others; sub-departments follow their parent."""
        depts = [d for d in self.chart.departments if d.company_id == company.id]
        by_parent: dict[int | None, list[svc.OrgDepartment]] = {}
        known = {d.id for d in depts}
        for d in depts:
            by_parent.setdefault(d.parent_id if d.parent_id in known else None, []).append(d)
        staff = [p for p in self.chart.people if p.company_id == company.id]
        depth = self._depth

        def rank(members: list[svc.OrgPerson]) -> int:
            return min((depth.get(p.id, 0) for p in members), default=1_000)

        def members_of(dept_id: int | None, head: int | None) -> list[svc.OrgPerson]:
            found = [
                p
                for p in staff
                if (
                    p.department_id == dept_id
                    if dept_id is not None
                    else p.department_id not in known
                )
            ]
            return sorted(found, key=lambda p: (p.id != head, depth.get(p.id, 0)))

        def subtree_rank(d: svc.OrgDepartment) -> int:
            return min(
                [rank(members_of(d.id, d.head_id))]
                + [subtree_rank(c) for c in by_parent.get(d.id, [])]
            )

        ordered: list[Column] = []

        def walk(parent: int | None, path: str) -> None:
            for d in sorted(by_parent.get(parent, []), key=lambda d: (subtree_rank(d), d.name)):
                title = f"{path} › {d.name}" if path else d.name
                ordered.append((title, d, members_of(d.id, d.head_id)))
                walk(d.id, title)

        walk(None, "")
        loose = members_of(None, None)
        if loose or not ordered:
            ordered.append((self.tr("Without department"), None, loose))
        top = min((rank(m) for _t, _d, m in ordered), default=0)
        first = [c for c in ordered if rank(c[2]) == top and c[2]]
        rest = [c for c in ordered if c not in first]
        return [row for row in (first, rest) if row]

    def _company(self, company: svc.OrgCompany, parent: str | None, top: float) -> float:
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        bold = QFont(self.font())
        bold.setBold(True)
        right = PAD
        y = top + TITLE_H + PAD
        for row_no, row in enumerate(self._columns(company)):
            if row_no:
                y += ROW_GAP
            self._buses[(company.id, row_no)] = y - (ROW_GAP if row_no else PAD) / 2
            x = PAD
            row_bottom = y
            for title, dept, people in row:
                height = TITLE_H + max(len(people), 1) * (BOX_H + GAP) + GAP
                frame = QGraphicsRectItem(x, y, BOX_W + 2 * GAP, height)
                frame.setBrush(QBrush(QColor("#eef3f9") if dept is not None else QColor("#f7f7f7")))
                frame.setPen(QPen(QColor("#c5cfdb"), 1))
                frame.setZValue(-2)
                frame.setData(ROLE, "department")
                frame.setData(REF, dept.id if dept is not None else 0)
                self.scene.addItem(frame)
                head = QGraphicsSimpleTextItem(_elide(title, bold, BOX_W + GAP), frame)
                head.setFont(bold)
                head.setBrush(QBrush(QColor("#33475e")))
                head.setPos(x + GAP, y + 6)
                frame.setToolTip(title)
                box_y = y + TITLE_H
                channel = x + BOX_W + 2 * GAP + COLUMN_GAP / 2
                for person in people:
                    is_head = dept is not None and person.id == dept.head_id
                    self._box(person, QRectF(x + GAP, box_y, BOX_W, BOX_H), head=is_head)
                    self._where[person.id] = (company.id, row_no, channel)
                    box_y += BOX_H + GAP
                row_bottom = max(row_bottom, y + height)
                x += BOX_W + 2 * GAP + COLUMN_GAP
            right = max(right, x)  # the gap beside the last column stays inside
            y = row_bottom
        bottom = y + PAD
        title_w = QFontMetricsF(title_font).horizontalAdvance(company.name) + 2 * PAD
        if parent:
            title_w += 12 + QFontMetricsF(self.font()).horizontalAdvance(
                self.tr("branch of {company}").format(company=parent)
            )
        right = max(right, title_w)
        outer = QGraphicsRectItem(0, top, right, bottom - top)
        outer.setPen(QPen(QColor("#7a8ca3"), 1.5))
        outer.setBrush(QBrush(QColor("#ffffff")))
        outer.setZValue(-3)
        outer.setData(ROLE, "company")
        outer.setData(REF, company.id)
        self.scene.addItem(outer)
        name = QGraphicsSimpleTextItem(company.name, outer)
        name.setFont(title_font)
        name.setPos(PAD, top + 5)
        if parent:
            note = QGraphicsSimpleTextItem(
                self.tr("branch of {company}").format(company=parent), outer
            )
            note.setBrush(QBrush(QColor("#6b7785")))
            note.setPos(PAD + name.boundingRect().width() + 12, top + 8)
        self._right = max(self._right, right)
        return bottom

    def _box(self, person: svc.OrgPerson, rect: QRectF, *, head: bool) -> None:
        box = QGraphicsRectItem(rect)
        box.setBrush(QBrush(QColor("#fff4d6") if head else QColor("#ffffff")))
        box.setPen(QPen(QColor("#44607f") if head else QColor("#8a9bb0"), 1.5 if head else 1))
        box.setData(ROLE, "person")
        box.setData(REF, person.id)
        box.setToolTip(f"{person.name}\n{person.position}".strip())
        self.scene.addItem(box)
        bold = QFont(self.font())
        bold.setBold(True)
        name = QGraphicsSimpleTextItem(_elide(person.name, bold, BOX_W - 12), box)
        name.setFont(bold)
        name.setPos(rect.x() + 6, rect.y() + 5)
        role = QGraphicsSimpleTextItem(_elide(person.position, self.font(), BOX_W - 12), box)
        role.setBrush(QBrush(QColor("#555555")))
        role.setPos(rect.x() + 6, rect.y() + 24)
        self.boxes[person.id] = box

    def _line(self, person_id: int, boss_id: int) -> None:
        """Lines run in the free space only: within a column along its left edge, else
        out of the right edge into the gap beside the column, along the bus above the
        rows, and into the boss's right edge; to another company of the group along a
        trunk right of all companies."""
        a, b = self.boxes.get(person_id), self.boxes.get(boss_id)
        if a is None or b is None:
            return
        ra, rb = a.rect(), b.rect()
        pa, pb = self._where[person_id], self._where[boss_id]
        path = QPainterPath()
        if abs(ra.left() - rb.left()) < 1 and pa[:2] == pb[:2]:  # same column
            bend = ra.left() - GAP * 0.6
            path.moveTo(ra.left(), ra.center().y())
            path.lineTo(bend, ra.center().y())
            path.lineTo(bend, rb.center().y())
            path.lineTo(rb.left(), rb.center().y())
        else:
            (ca, row_a, xa), (cb, row_b, xb) = pa, pb
            path.moveTo(ra.right(), ra.center().y())
            path.lineTo(xa, ra.center().y())
            if ca == cb:
                bus = self._buses[(ca, max(row_a, row_b))]
                path.lineTo(xa, bus)
                path.lineTo(xb, bus)
            else:
                trunk = self._trunks.setdefault(
                    boss_id, self._right + COLUMN_GAP + 6 * len(self._trunks)
                )
                bus_a = self._buses[(ca, row_a)]
                bus_b = self._buses[(cb, row_b)]
                path.lineTo(xa, bus_a)
                path.lineTo(trunk, bus_a)
                path.lineTo(trunk, bus_b)
                path.lineTo(xb, bus_b)
            path.lineTo(xb, rb.center().y())
            path.lineTo(rb.right(), rb.center().y())
        line = QGraphicsPathItem(path)
        line.setPen(QPen(QColor("#2f6db5"), 1.2))
        line.setZValue(-1)
        line.setData(ROLE, "line")
        line.setData(REF, person_id)
        self.scene.addItem(line)
        self.lines.append(line)

    # ------------------------------------------------------------ view, output

    def fit(self) -> None:
        self.view.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def render_png(self, path: str) -> bool:
        rect = self.scene.sceneRect()
        scale = 2.0
        image = QImage(
            int(rect.width() * scale), int(rect.height() * scale), QImage.Format.Format_ARGB32
        )
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.scene.render(painter, QRectF(image.rect()), rect)
        painter.end()
        return bool(image.save(path))  # the format follows the .png name

    def save_pdf(self, path: str) -> int:
        """The chart as a vector PDF through the page engine (header, footer, pages): one
        company of the group after the other, each scaled to the page; returns pages."""
        from crm_desktop.ui.printing import Document
        from crm_desktop.ui.printing import render as render_document

        frames = sorted(
            (i for i in self.scene.items() if i.data(ROLE) == "company"),
            key=lambda i: i.sceneBoundingRect().top(),
        )
        names = {c.id: c.name for c in self.chart.companies}
        top = names.get(self.chart.companies[0].id, "") if self.chart.companies else ""
        doc = Document(self.tr("Org chart"), top)
        width = self.scene.sceneRect().width()
        for frame in frames:
            rect = frame.sceneBoundingRect()
            doc.add(_SceneSlice(self.scene, QRectF(0, rect.top() - 4, width, rect.height() + 8)))
        return render_document(doc, Path(path), extra={_SceneSlice: _place_slice})

    def print_chart(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        self.scene.render(painter, QRectF(), self.scene.sceneRect())
        painter.end()

    def ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save org chart"), "organigramm.pdf", self.tr("PDF (*.pdf)")
        )
        if path:
            try:
                self.save_pdf(path)
            except OSError as exc:
                show_error(self, exc)

    def ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save org chart"), "organigramm.png", self.tr("PNG image (*.png)")
        )
        if path and not self.render_png(path):
            show_error(self, OSError(path))
