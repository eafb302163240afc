"""The dashboard: charts a person would rather look at than read.

Every figure comes from services/analytics.py (SQL aggregates), loaded off the GUI
thread. Each chart card has a menu to export PNG, PDF or CSV, and a click on a bar
or slice opens the list behind it.
"""

from __future__ import annotations

import datetime as dt
import decimal
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.interop import csvsafe
from crm_desktop.services import analytics as an
from crm_desktop.services.changes import Changes
from crm_desktop.ui import format as fmt
from crm_desktop.ui import ops
from crm_desktop.ui.errors import error_label_text
from crm_desktop.ui.tasks import Progress, Task, runner

log = logging.getLogger("crm_desktop.ui.dashboard")

PALETTE = ["#1d4e89", "#f4a259", "#5b8e7d", "#bc4b51", "#8cb369", "#7a6c9d", "#d4a373", "#457b9d"]


def money(value: decimal.Decimal | float) -> str:
    """A whole amount in the window's format: "1.250 €" (German), "€1,250" (English)."""
    return fmt.format_money(value, digits=0)


@dataclass
class ChartData:
    """What a card shows, kept for CSV export and drill-down."""

    headers: list[str]
    rows: list[list[Any]]


class ChartCard(QFrame):
    """A titled chart with an export menu."""

    drill = Signal(str, str)  # chart key, category

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.data = ChartData([], [])
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("chartCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        head = QHBoxLayout()
        self.title = QLabel(f"<b>{title}</b>")
        head.addWidget(self.title)
        head.addStretch(1)
        self.menu_button = QToolButton()
        self.menu_button.setText(self.tr("Export"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.menu_button)
        menu.addAction(self.tr("Save as PNG…"), self.export_png)
        menu.addAction(self.tr("Save as PDF…"), self.export_pdf)
        menu.addAction(self.tr("Save as CSV…"), self.export_csv)
        self.menu_button.setMenu(menu)
        head.addWidget(self.menu_button)
        layout.addLayout(head)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(2, 2, 2, 2))
        # axis labels in the user's number format: 30.000.000 in German, not 30000000
        self.chart.setLocale(QLocale())
        self.chart.setLocalizeNumbers(True)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(230)
        layout.addWidget(self.view, 1)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout.addWidget(self.empty)

    def reset(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def show_empty(self, text: str) -> None:
        self.view.hide()
        self.empty.setText(text)
        self.empty.show()

    def show_chart(self) -> None:
        self.empty.hide()
        self.view.show()

    # -- export
    def _ask(self, caption: str, suffix: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, caption, f"{self.key}.{suffix}", f"*.{suffix}")
        return Path(name) if name else None

    def export_png(self, path: Path | None = None) -> None:
        path = path or self._ask(self.tr("Save chart as PNG"), "png")
        if path:
            self.view.grab().save(str(path), "PNG")

    def export_pdf(self, path: Path | None = None) -> None:
        path = path or self._ask(self.tr("Save chart as PDF"), "pdf")
        if not path:
            return
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        writer.setResolution(150)
        painter = QPainter(writer)
        target = painter.viewport()
        self.view.render(painter, target)
        painter.end()

    def export_csv(self, path: Path | None = None) -> None:
        path = path or self._ask(self.tr("Save data as CSV"), "csv")
        if not path:
            return
        with path.open("w", newline="", encoding="utf-8-sig") as fh:
            writer = csvsafe.writer(fh, delimiter=";")
            writer.writerow(self.data.headers)
            writer.writerows(self.data.rows)


def _bar_axes(chart: QChart, series: Any, categories: list[str], value_label: str = "") -> None:
    axis_x = QBarCategoryAxis()
    axis_x.append(categories)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%.0f")
    if value_label:
        axis_y.setTitleText(value_label)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    axis_y.applyNiceNumbers()


def _bar_set(label: str, values: list[float], color: str) -> QBarSet:
    bar_set = QBarSet(label)
    bar_set.append(values)
    bar_set.setColor(QColor(color))
    bar_set.setBorderColor(QColor(color))
    return bar_set


def month_label(key: str) -> str:
    """ "2026-03" on a chart's axis: "Mär 26" (German), "Mar 26" (English)."""
    year, month = key.split("-")
    return fmt.month_short(int(year), int(month))


class DashboardWidget(QWidget):
    """Filters for period and owner, and a grid of chart cards."""

    loaded = Signal()

    def __init__(
        self, store: Store, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        self.board: an.Dashboard | None = None
        self._loading: Task[an.Dashboard] | None = None
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:")))
        self.period_box = QComboBox()
        year = self.clock.now().year
        self.period_box.addItem(self.tr("This year ({year})").format(year=year), ("year", year))
        self.period_box.addItem(
            self.tr("Last year ({year})").format(year=year - 1), ("year", year - 1)
        )
        self.period_box.addItem(self.tr("Last 12 months"), ("last12", 0))
        bar.addWidget(self.period_box)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("Owner:")))
        self.owner_box = QComboBox()
        self.owner_box.addItem(self.tr("Everyone"), None)
        bar.addWidget(self.owner_box)
        bar.addStretch(1)
        self.status = QLabel()
        bar.addWidget(self.status)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        bar.addWidget(refresh)
        outer.addLayout(bar)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.grid = QGridLayout(inner)
        self.grid.setSpacing(10)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        specs = [
            ("revenue", self.tr("Revenue vs target per month")),
            ("pipeline", self.tr("Pipeline value by stage")),
            ("pipeline_months", self.tr("Pipeline by expected closing month")),
            ("won_lost", self.tr("Won and lost")),
            ("loss_reasons", self.tr("Why opportunities were lost")),
            ("activities", self.tr("Activities per month by channel")),
            ("channels", self.tr("Which channels lead to orders")),
            ("tickets", self.tr("Tickets opened and closed")),
            ("former", self.tr("Why customers left")),
        ]
        self.cards: dict[str, ChartCard] = {}
        for i, (key, title) in enumerate(specs):
            card = ChartCard(key, title)
            card.drill.connect(self.open_drill)
            self.cards[key] = card
            if key == "revenue":
                self.grid.addWidget(card, 0, 0, 1, 2)
            else:
                self.grid.addWidget(card, 1 + (i - 1) // 2, (i - 1) % 2)
        self.overdue = QTableWidget(0, 4)
        self.overdue.setHorizontalHeaderLabels(
            [
                self.tr("Person"),
                self.tr("Company"),
                self.tr("Interval (days)"),
                self.tr("Days since contact"),
            ]
        )
        self.overdue.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.overdue.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.overdue.setMinimumHeight(220)
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        bl = QVBoxLayout(box)
        bl.addWidget(QLabel("<b>" + self.tr("People overdue for contact") + "</b>"))
        bl.addWidget(self.overdue)
        self.grid.addWidget(box, 5, 0, 1, 2)
        self.period_box.currentIndexChanged.connect(self.refresh)
        self.owner_box.currentIndexChanged.connect(self.refresh)
        self._fill_owners()

    def _fill_owners(self) -> None:
        owners = ops.read(self.store, an.owners)
        for owner in owners:
            self.owner_box.addItem(owner, owner)

    def period(self) -> an.Period:
        kind, year = self.period_box.currentData()
        if kind == "year":
            return an.Period.year(int(year))
        today = self.clock.now().date()
        # the last 12 months: from the 1st of the month 11 months back, whole months
        first = today.year * 12 + today.month - 1 - 11
        return an.Period(dt.date(first // 12, first % 12 + 1, 1), today)

    def compute(self) -> an.Dashboard:
        period = self.period()
        owner = self.owner_box.currentData()
        return ops.read(self.store, lambda s: an.dashboard(s, period, self.clock, owner))

    def apply_changes(self, changes: Changes) -> None:
        """Figures over activities, deals, orders and tickets.
        Hidden, it loads when it is shown next."""
        if self.isVisible() and changes.touches(
            "activities", "opportunities", "orders", "people", "companies", "tickets", "settings"
        ):
            self.refresh()

    def refresh(self) -> None:
        self.status.setText(self.tr("Loading…"))
        # the choices are read here, on the GUI thread: the worker touches no widget
        period, owner = self.period(), self.owner_box.currentData()
        store, clock = self.store, self.clock

        def work(_progress: Progress) -> an.Dashboard:
            return ops.read(store, lambda s: an.dashboard(s, period, clock, owner))

        # a widget closed while it loads gets no answer (the runner drops it)
        self._loading = runner().submit(
            work, receiver=self, on_done=self._show, on_error=self._failed, name="dashboard"
        )

    def load_now(self) -> None:
        """Synchronous load (printing and tests)."""
        self._show(self.compute())

    def _failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        if isinstance(exc, CrmError):
            log.warning("dashboard: %s (%s)", type(exc).__name__, exc.message)
        self.status.setText(
            self.tr("Could not load the figures: {msg}").format(msg=error_label_text(exc))
        )

    def _show(self, board: an.Dashboard) -> None:
        self.board = board
        self._revenue(board)
        self._pipeline(board)
        self._pipeline_months(board)
        self._won_lost(board)
        self._loss_reasons(board)
        self._activities(board)
        self._channels(board)
        self._tickets(board)
        self._former(board)
        self._overdue(board)
        self.status.setText(
            self.tr("{n} months · as of {time}").format(
                n=len(board.period.months()), time=fmt.format_clock(self.clock.now())
            )
        )
        self.loaded.emit()

    # -- the charts
    def _revenue(self, board: an.Dashboard) -> None:
        card = self.cards["revenue"]
        card.reset()
        cats = [month_label(r.month) for r in board.revenue]
        existing = _bar_set(
            self.tr("Existing customers"), [float(r.existing) for r in board.revenue], PALETTE[0]
        )
        new = _bar_set(self.tr("New customers"), [float(r.new) for r in board.revenue], PALETTE[1])
        series = QStackedBarSeries()
        series.append(existing)
        series.append(new)
        series.clicked.connect(lambda i, _s: card.drill.emit("revenue", board.revenue[i].month))
        card.chart.addSeries(series)
        target = QLineSeries()
        target.setName(self.tr("Target"))
        target.setColor(QColor(PALETTE[3]))
        for i, r in enumerate(board.revenue):
            target.append(i, float(r.target))
        card.chart.addSeries(target)
        _bar_axes(card.chart, series, cats, "€")
        for axis in card.chart.axes():
            target.attachAxis(axis)
        card.data = ChartData(
            [
                self.tr("Month"),
                self.tr("Existing customers"),
                self.tr("New customers"),
                self.tr("Target"),
            ],
            [[r.month, r.existing, r.new, r.target] for r in board.revenue],
        )
        total = sum((r.total for r in board.revenue), decimal.Decimal(0))
        goal = sum((r.target for r in board.revenue), decimal.Decimal(0))
        card.title.setText(
            "<b>"
            + self.tr("Revenue vs target per month")
            + "</b> — "
            + self.tr("{actual} of {target}").format(actual=money(total), target=money(goal))
        )
        card.show_chart()

    def _pipeline(self, board: an.Dashboard) -> None:
        card = self.cards["pipeline"]
        card.reset()
        if not any(x.count for x in board.pipeline):
            card.show_empty(
                self.tr("No open opportunities. Create one under Sales ▸ New opportunity.")
            )
            return
        cats = [x.stage for x in board.pipeline]
        series = QBarSeries()
        series.append(
            _bar_set(self.tr("Value"), [float(x.value) for x in board.pipeline], PALETTE[0])
        )
        series.append(
            _bar_set(self.tr("Weighted"), [float(x.weighted) for x in board.pipeline], PALETTE[2])
        )
        series.clicked.connect(lambda i, _s: card.drill.emit("pipeline", board.pipeline[i].stage))
        card.chart.addSeries(series)
        _bar_axes(card.chart, series, cats, "€")
        card.data = ChartData(
            [self.tr("Stage"), self.tr("Count"), self.tr("Value"), self.tr("Weighted")],
            [[x.stage, x.count, x.value, x.weighted] for x in board.pipeline],
        )
        card.show_chart()

    def _pipeline_months(self, board: an.Dashboard) -> None:
        card = self.cards["pipeline_months"]
        card.reset()
        rows = board.pipeline_months[-12:]
        if not rows:
            card.show_empty(self.tr("No open opportunity has an expected closing month yet."))
            return
        series = QBarSeries()
        series.append(_bar_set(self.tr("Value"), [float(v) for _m, v, _n in rows], PALETTE[5]))
        series.clicked.connect(lambda i, _s: card.drill.emit("pipeline_months", rows[i][0]))
        card.chart.addSeries(series)
        _bar_axes(card.chart, series, [month_label(m) for m, _v, _n in rows], "€")
        card.chart.legend().hide()
        card.data = ChartData(
            [self.tr("Month"), self.tr("Value"), self.tr("Count")], [list(r) for r in rows]
        )
        card.show_chart()

    def _won_lost(self, board: an.Dashboard) -> None:
        card = self.cards["won_lost"]
        card.reset()
        wl = board.won_lost
        if wl.won + wl.lost == 0:
            card.show_empty(self.tr("No opportunity was won or lost in this period."))
            return
        pie = QPieSeries()
        won = pie.append(
            self.tr("Won: {n} ({value})").format(n=wl.won, value=money(wl.won_value)), wl.won
        )
        lost = pie.append(
            self.tr("Lost: {n} ({value})").format(n=wl.lost, value=money(wl.lost_value)), wl.lost
        )
        won.setColor(QColor(PALETTE[4]))
        lost.setColor(QColor(PALETTE[3]))
        pie.setHoleSize(0.45)
        pie.clicked.connect(lambda sl: card.drill.emit("won_lost", "won" if sl is won else "lost"))
        card.chart.addSeries(pie)
        card.chart.setTitle(self.tr("Win rate {rate:.0f} %").format(rate=wl.win_rate * 100))
        card.data = ChartData(
            [self.tr("Result"), self.tr("Count"), self.tr("Value")],
            [["won", wl.won, wl.won_value], ["lost", wl.lost, wl.lost_value]],
        )
        card.show_chart()

    def _loss_reasons(self, board: an.Dashboard) -> None:
        card = self.cards["loss_reasons"]
        card.reset()
        reasons = board.won_lost.reasons
        if not reasons:
            card.show_empty(self.tr("No lost opportunities in this period."))
            return
        series = QHorizontalBarSeries()
        series.append(_bar_set(self.tr("Lost"), [float(n) for _r, n in reasons], PALETTE[3]))
        card.chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append([r for r, _n in reasons])
        axis_x = QValueAxis()
        axis_x.setLabelFormat("%.0f")
        card.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        card.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        top = max(n for _r, n in reasons)
        axis_x.setRange(0, top)
        axis_x.setTickCount(top + 1 if top < 6 else 6)
        if top >= 6:
            axis_x.applyNiceNumbers()
        card.chart.legend().hide()
        series.clicked.connect(lambda i, _s: card.drill.emit("loss_reasons", reasons[i][0]))
        card.data = ChartData([self.tr("Reason"), self.tr("Count")], [list(r) for r in reasons])
        card.show_chart()

    def _activities(self, board: an.Dashboard) -> None:
        card = self.cards["activities"]
        card.reset()
        months = list(board.activities)
        channels = [
            ("phone", self.tr("Phone")),
            ("email", self.tr("E-mail")),
            ("visit", self.tr("Visit")),
            ("letter", self.tr("Letter")),
            ("other", self.tr("Other")),
        ]
        series = QStackedBarSeries()
        for i, (key, label) in enumerate(channels):
            series.append(
                _bar_set(
                    label, [float(board.activities[m].get(key, 0)) for m in months], PALETTE[i]
                )
            )
        series.clicked.connect(lambda i, _s: card.drill.emit("activities", months[i]))
        card.chart.addSeries(series)
        _bar_axes(card.chart, series, [month_label(m) for m in months])
        card.data = ChartData(
            [self.tr("Month")] + [label for _k, label in channels],
            [[m] + [board.activities[m].get(k, 0) for k, _l in channels] for m in months],
        )
        if not any(sum(v.values()) for v in board.activities.values()):
            card.show_empty(self.tr("No activities in this period."))
        else:
            card.show_chart()

    def _channels(self, board: an.Dashboard) -> None:
        card = self.cards["channels"]
        card.reset()
        rows = board.channels
        if not rows:
            card.show_empty(self.tr("No contacts or orders in this period."))
            return
        names = {
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "visit": self.tr("Visit"),
            "letter": self.tr("Letter"),
            "other": self.tr("Other"),
        }
        series = QBarSeries()
        series.append(
            _bar_set(
                self.tr("Orders after such a contact"), [float(r[1]) for r in rows], PALETTE[2]
            )
        )
        card.chart.addSeries(series)
        _bar_axes(card.chart, series, [names.get(r[0], r[0]) for r in rows])
        card.data = ChartData(
            [self.tr("Channel"), self.tr("Orders within 90 days"), self.tr("Contacts")],
            [list(r) for r in rows],
        )
        card.show_chart()

    def _tickets(self, board: an.Dashboard) -> None:
        card = self.cards["tickets"]
        card.reset()
        rows = board.tickets
        series = QBarSeries()
        series.append(_bar_set(self.tr("Opened"), [float(r.opened) for r in rows], PALETTE[1]))
        series.append(_bar_set(self.tr("Closed"), [float(r.closed) for r in rows], PALETTE[4]))
        card.chart.addSeries(series)
        _bar_axes(card.chart, series, [month_label(r.month) for r in rows])
        avg = [r.avg_days_to_close for r in rows if r.avg_days_to_close is not None]
        if avg:
            card.chart.setTitle(
                self.tr("Average time to close: {days:.1f} days").format(days=sum(avg) / len(avg))
            )
        card.data = ChartData(
            [
                self.tr("Month"),
                self.tr("Opened"),
                self.tr("Closed"),
                self.tr("Average days to close"),
            ],
            [[r.month, r.opened, r.closed, r.avg_days_to_close] for r in rows],
        )
        if not any(r.opened or r.closed for r in rows):
            card.show_empty(self.tr("No tickets in this period."))
        else:
            card.show_chart()

    def _former(self, board: an.Dashboard) -> None:
        card = self.cards["former"]
        card.reset()
        rows = board.former_reasons
        if not rows:
            card.show_empty(self.tr("No former customers — nobody has left."))
            return
        pie = QPieSeries()
        for i, (reason, n) in enumerate(rows):
            sl = pie.append(f"{reason} ({n})", n)
            sl.setColor(QColor(PALETTE[i % len(PALETTE)]))
        card.chart.addSeries(pie)
        card.chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        card.data = ChartData([self.tr("Reason"), self.tr("Companies")], [list(r) for r in rows])
        card.show_chart()

    def _overdue(self, board: an.Dashboard) -> None:
        self.overdue.setRowCount(len(board.overdue))
        for row, item in enumerate(board.overdue):
            days = "—" if item.days_since is None else str(item.days_since)
            for col, value in enumerate([item.name, item.company, str(item.interval_days), days]):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, item.person_id)
                self.overdue.setItem(row, col, cell)

    # -- drill-down: the list behind a chart
    def drill_rows(self, key: str, category: str) -> ChartData:
        if key == "revenue":
            orders = ops.read(self.store, lambda s: an.orders_in_month(s, category))
            return ChartData(
                [self.tr("Order"), self.tr("Date"), self.tr("Company"), self.tr("Net")],
                [
                    [o.number, fmt.format_date(o.order_date), o.company, money(o.net)]
                    for o in orders
                ],
            )
        if key in ("pipeline", "pipeline_months", "won_lost", "loss_reasons"):
            period = self.period()
            opps = ops.read(self.store, lambda s: an.opportunities_behind(s, key, category, period))
            return ChartData(
                [
                    self.tr("Opportunity"),
                    self.tr("Company"),
                    self.tr("Value"),
                    self.tr("Expected close"),
                ],
                [
                    [
                        o.title,
                        o.company,
                        money(o.value),
                        fmt.format_month_year(o.expected_close),
                    ]
                    for o in opps
                ],
            )
        if key == "activities":
            acts = ops.read(self.store, lambda s: an.activities_in_month(s, category))
            return ChartData(
                [self.tr("When"), self.tr("Kind"), self.tr("Person"), self.tr("Subject")],
                [
                    [
                        fmt.format_datetime(a.occurred_at),
                        a.kind,
                        a.person,
                        a.subject,
                    ]
                    for a in acts
                ],
            )
        card = self.cards.get(key)
        return card.data if card else ChartData([], [])

    def open_drill(self, key: str, category: str) -> None:
        data = self.drill_rows(key, category)
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Details: {what}").format(what=category))
        layout = QVBoxLayout(dialog)
        table = QTableWidget(len(data.rows), len(data.headers))
        table.setHorizontalHeaderLabels(data.headers)
        for r, row in enumerate(data.rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(str(value)))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(QLabel(self.tr("{n} records").format(n=len(data.rows))))
        layout.addWidget(table)
        dialog.resize(QSize(800, 500))
        self.last_drill = dialog
        dialog.show()
