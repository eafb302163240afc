"""The printouts: contact sheet, agenda of a day, dashboard, target/actual and the
pipeline list, laid out by :mod:`crm_desktop.ui.printing.engine`.

Dates and money follow the printout's language (its QLocale): German 07.12.2026 and
1.234,56 €, English 7 Dec 2026 and €1,234.56.
"""

from __future__ import annotations

import datetime as dt
import decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from crm_desktop.clock import local_zone
from crm_desktop.services import analytics, sheets
from crm_desktop.services.targets import TargetRow
from crm_desktop.ui.printing import charts
from crm_desktop.ui.printing.charts import PALETTE, Chart, Series
from crm_desktop.ui.printing.engine import (
    Band,
    Document,
    Heading,
    Kpis,
    Paragraph,
    Table,
    render,
)


def locale_for(lang: str | None) -> QLocale:
    """The QLocale of a printout's language (the default locale when none is given)."""
    if lang == "de":
        return QLocale(QLocale.Language.German, QLocale.Country.Germany)
    if lang == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale()


class Fmt:
    """Dates, times, numbers and money in the locale of the printout."""

    def __init__(self, locale: QLocale, zone: str | None = None) -> None:
        self.locale = locale
        self.zone = zone
        self.german = locale.language() == QLocale.Language.German

    def date(self, day: dt.date | None) -> str:
        if day is None:
            return ""
        fmt = "dd.MM.yyyy" if self.german else "d MMM yyyy"
        return self.locale.toString(QDate(day.year, day.month, day.day), fmt)

    def local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(local_zone(self.zone))

    def time(self, moment: dt.datetime) -> str:
        t = self.local(moment)
        fmt = "HH:mm" if self.german else "h:mm AP"
        return self.locale.toString(QTime(t.hour, t.minute), fmt)

    def datetime(self, moment: dt.datetime) -> str:
        return f"{self.date(self.local(moment).date())} {self.time(moment)}"

    def money(self, value: decimal.Decimal | float, digits: int = 2) -> str:
        text = self.locale.toCurrencyString(abs(float(value)), "€", digits)
        return f"-{text}" if value < 0 else text

    def number(self, value: float, digits: int = 0) -> str:
        return self.locale.toString(float(value), "f", digits)

    def percent(self, value: float) -> str:
        return f"{self.number(value)} %" if self.german else f"{self.number(value)}%"

    def month(self, key: str) -> str:
        year, month = key.split("-")
        return f"{self.locale.monthName(int(month), QLocale.FormatType.ShortFormat)} {year[2:]}"

    def month_long(self, year: int, month: int) -> str:
        return f"{self.locale.monthName(month, QLocale.FormatType.LongFormat)} {year}"


def _printed(fmt: Fmt, now: dt.datetime) -> str:
    return QCoreApplication.translate("Printout", "Printed on {date}").format(
        date=fmt.datetime(now)
    )


def _save(doc: Document, path: Path) -> int:
    return render(doc, path, extra={Chart: charts.place})


# -- contact sheets


def _kind_label(kind: str) -> str:
    labels = {
        "call": QCoreApplication.translate("Printout", "Call"),
        "meeting": QCoreApplication.translate("Printout", "Meeting"),
        "email": QCoreApplication.translate("Printout", "E-mail"),
        "letter": QCoreApplication.translate("Printout", "Letter"),
        "visit": QCoreApplication.translate("Printout", "Visit"),
        "complaint": QCoreApplication.translate("Printout", "Complaint"),
        "service_call": QCoreApplication.translate("Printout", "Service call"),
        "note": QCoreApplication.translate("Printout", "Note"),
        "appointment": QCoreApplication.translate("Printout", "Appointment"),
        "task": QCoreApplication.translate("Printout", "Task"),
    }
    return labels.get(kind, kind.replace("_", " ").capitalize())


def _fact_label(key: str) -> str:
    labels = {
        "company": QCoreApplication.translate("Printout", "Company"),
        "department": QCoreApplication.translate("Printout", "Department"),
        "position": QCoreApplication.translate("Printout", "Position"),
        "reports_to": QCoreApplication.translate("Printout", "Reports to"),
        "birth_date": QCoreApplication.translate("Printout", "Birth date"),
        "phone": QCoreApplication.translate("Printout", "Phone"),
        "email": QCoreApplication.translate("Printout", "E-mail"),
        "address": QCoreApplication.translate("Printout", "Address"),
        "notes": QCoreApplication.translate("Printout", "Notes"),
        "legal_form": QCoreApplication.translate("Printout", "Legal form"),
        "parent": QCoreApplication.translate("Printout", "Parent company"),
        "status": QCoreApplication.translate("Printout", "Status"),
        "priority": QCoreApplication.translate("Printout", "Priority"),
        "website": QCoreApplication.translate("Printout", "Website"),
        "vat_id": QCoreApplication.translate("Printout", "VAT id"),
        "contacts": QCoreApplication.translate("Printout", "Contacts"),
        "title": QCoreApplication.translate("Printout", "Title"),
        "opened": QCoreApplication.translate("Printout", "Opened"),
        "closed": QCoreApplication.translate("Printout", "Closed"),
        "person": QCoreApplication.translate("Printout", "Person"),
        "description": QCoreApplication.translate("Printout", "Description"),
        "start": QCoreApplication.translate("Printout", "Start"),
        "end": QCoreApplication.translate("Printout", "End"),
        "members": QCoreApplication.translate("Printout", "Members"),
    }
    return labels.get(key, key)


def _status_label(value: str) -> str:
    labels = {
        "prospect": QCoreApplication.translate("Printout", "prospect"),
        "customer": QCoreApplication.translate("Printout", "customer"),
        "former": QCoreApplication.translate("Printout", "former customer"),
        "open": QCoreApplication.translate("Printout", "open"),
        "waiting": QCoreApplication.translate("Printout", "waiting"),
        "solved": QCoreApplication.translate("Printout", "solved"),
        "closed": QCoreApplication.translate("Printout", "closed"),
        "reopened": QCoreApplication.translate("Printout", "reopened"),
        "planned": QCoreApplication.translate("Printout", "planned"),
        "active": QCoreApplication.translate("Printout", "active"),
        "on_hold": QCoreApplication.translate("Printout", "on hold"),
        "done": QCoreApplication.translate("Printout", "done"),
        "cancelled": QCoreApplication.translate("Printout", "cancelled"),
    }
    return labels.get(value, value)


def _fact_text(fmt: Fmt, value: sheets.FactValue) -> str:
    if isinstance(value, dt.datetime):
        return fmt.datetime(value)
    if isinstance(value, dt.date):
        return fmt.date(value)
    return value


def sheet_document(sheet: sheets.Sheet, fmt: Fmt, now: dt.datetime) -> Document:
    subtitle = {
        "person": QCoreApplication.translate("Printout", "Contact sheet"),
        "company": QCoreApplication.translate("Printout", "Company sheet"),
        "ticket": QCoreApplication.translate("Printout", "Ticket sheet"),
        "project": QCoreApplication.translate("Printout", "Project sheet"),
    }[sheet.kind]
    period = " · ".join(x for x in [subtitle, sheet.subtitle] if x)
    doc = Document(sheet.title, period, _printed(fmt, now))
    doc.add(Heading(QCoreApplication.translate("Printout", "Details")))
    if sheet.facts:
        doc.add(
            Table(
                ["", ""],
                [
                    [_fact_label(k), _status_label(str(v)) if k == "status" else _fact_text(fmt, v)]
                    for k, v in sheet.facts
                ],
                header=False,
                bold_first=True,
            )
        )
    if sheet.status_history:
        doc.add(Heading(QCoreApplication.translate("Printout", "Status history")))
        doc.add(
            Table(
                [
                    QCoreApplication.translate("Printout", "When"),
                    QCoreApplication.translate("Printout", "Change"),
                    QCoreApplication.translate("Printout", "By"),
                    QCoreApplication.translate("Printout", "Note"),
                ],
                [
                    [
                        fmt.datetime(h.at),
                        f"{_status_label(h.old)} → {_status_label(h.new)}"
                        if h.old
                        else _status_label(h.new),
                        h.by,
                        h.note,
                    ]
                    for h in sheet.status_history
                ],
            )
        )
    heading = (
        QCoreApplication.translate("Printout", "Activity history")
        if sheet.kind in ("person", "company")
        else QCoreApplication.translate("Printout", "Conversations")
    )
    doc.add(Heading(heading))
    if not sheet.activities:
        doc.add(Paragraph(QCoreApplication.translate("Printout", "No activities recorded."), True))
        return doc
    # on a person's sheet every row is that person: the column is left out
    with_who = sheet.kind != "person"
    rows: list[list[str] | Band] = []
    day: dt.date | None = None
    for act in sheet.activities:
        local = fmt.local(act.at).date()
        if local != day:
            day = local
            rows.append(Band(fmt.date(day)))
        kind = _kind_label(act.kind) + (f" · {act.ticket}" if act.ticket else "")
        text = f"{act.subject}\n{act.text}"  # the subject (bold) above the text
        rows.append(
            [fmt.time(act.at), kind, act.who, text] if with_who else [fmt.time(act.at), kind, text]
        )
    columns = [
        QCoreApplication.translate("Printout", "Time"),
        QCoreApplication.translate("Printout", "Kind"),
        QCoreApplication.translate("Printout", "Who"),
        QCoreApplication.translate("Printout", "Subject and text"),
    ]
    if not with_who:
        del columns[2]
    doc.add(Table(columns, rows, lead=len(columns) - 1))
    doc.add(
        Paragraph(
            QCoreApplication.translate("Printout", "{n} activities").format(
                n=fmt.number(len(sheet.activities))
            ),
            True,
        )
    )
    return doc


# -- agenda


def agenda_document(
    entries: list[sheets.AgendaEntry], day: dt.date, fmt: Fmt, now: dt.datetime
) -> Document:
    title = QCoreApplication.translate("Printout", "Agenda for {date}").format(date=fmt.date(day))
    weekday = fmt.locale.dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
    doc = Document(title, weekday, _printed(fmt, now))
    if not entries:
        doc.add(Paragraph(QCoreApplication.translate("Printout", "Nothing is due on this day.")))
        return doc
    overdue = QCoreApplication.translate("Printout", "overdue")
    rows: list[list[str] | Band] = []
    for e in entries:
        when = (
            fmt.time(e.at) if not e.overdue else f"{fmt.date(fmt.local(e.at).date())}\n({overdue})"
        )
        rows.append([when, _kind_label(e.kind), e.who, e.subject, e.extra])
    doc.add(
        Table(
            [
                QCoreApplication.translate("Printout", "Time"),
                QCoreApplication.translate("Printout", "Kind"),
                QCoreApplication.translate("Printout", "Who"),
                QCoreApplication.translate("Printout", "Subject"),
                QCoreApplication.translate("Printout", "Place / phone"),
            ],
            rows,
        )
    )
    n_app = sum(1 for e in entries if e.kind == "appointment")
    doc.add(
        Paragraph(
            QCoreApplication.translate(
                "Printout",
                "{appointments} appointments, {followups} follow-ups ({overdue} overdue)",
            ).format(
                appointments=n_app,
                followups=len(entries) - n_app,
                overdue=sum(1 for e in entries if e.overdue),
            ),
            True,
        )
    )
    return doc


# -- dashboard


def _channel_label(key: str) -> str:
    labels = {
        "phone": QCoreApplication.translate("Printout", "Phone"),
        "email": QCoreApplication.translate("Printout", "E-mail"),
        "visit": QCoreApplication.translate("Printout", "Visit"),
        "letter": QCoreApplication.translate("Printout", "Letter"),
        "other": QCoreApplication.translate("Printout", "Other"),
    }
    return labels.get(key, key)


def period_text(fmt: Fmt, period: analytics.Period) -> str:
    return QCoreApplication.translate("Printout", "Period {start} – {end}").format(
        start=fmt.date(period.start), end=fmt.date(period.end)
    )


def dashboard_document(board: analytics.Dashboard, fmt: Fmt, now: dt.datetime) -> Document:
    doc = Document(
        QCoreApplication.translate("Printout", "Dashboard"),
        period_text(fmt, board.period),
        _printed(fmt, now),
    )
    money_axis = QCoreApplication.translate("Printout", "Euro")
    revenue = sum((r.existing + r.new for r in board.revenue), decimal.Decimal(0))
    target = sum((r.target_existing + r.target_new for r in board.revenue), decimal.Decimal(0))
    wl = board.won_lost
    open_value = sum((s.value for s in board.pipeline), decimal.Decimal(0))
    weighted = sum((s.weighted for s in board.pipeline), decimal.Decimal(0))
    n_acts = sum(sum(v.values()) for v in board.activities.values())
    opened = sum(t.opened for t in board.tickets)
    closed = sum(t.closed for t in board.tickets)
    doc.add(Heading(QCoreApplication.translate("Printout", "Key figures")))
    doc.add(
        Kpis(
            [
                (QCoreApplication.translate("Printout", "Revenue"), fmt.money(revenue)),
                (QCoreApplication.translate("Printout", "Target"), fmt.money(target)),
                (
                    QCoreApplication.translate("Printout", "Target reached"),
                    fmt.percent(float(revenue / target * 100)) if target else "—",
                ),
                (QCoreApplication.translate("Printout", "Open pipeline"), fmt.money(open_value)),
                (QCoreApplication.translate("Printout", "Weighted pipeline"), fmt.money(weighted)),
                (
                    QCoreApplication.translate("Printout", "Win rate"),
                    fmt.percent(wl.win_rate * 100),
                ),
                (
                    QCoreApplication.translate("Printout", "Won"),
                    QCoreApplication.translate("Printout", "{n} ({value})").format(
                        n=wl.won, value=fmt.money(wl.won_value, 0)
                    ),
                ),
                (
                    QCoreApplication.translate("Printout", "Lost"),
                    QCoreApplication.translate("Printout", "{n} ({value})").format(
                        n=wl.lost, value=fmt.money(wl.lost_value, 0)
                    ),
                ),
                (QCoreApplication.translate("Printout", "Activities"), fmt.number(n_acts)),
                (QCoreApplication.translate("Printout", "Tickets opened"), fmt.number(opened)),
                (QCoreApplication.translate("Printout", "Tickets closed"), fmt.number(closed)),
                (
                    QCoreApplication.translate("Printout", "People overdue for contact"),
                    fmt.number(len(board.overdue)),
                ),
            ]
        )
    )
    ticks = fmt.number
    months = [r.month for r in board.revenue]
    doc.add(
        Chart(
            QCoreApplication.translate("Printout", "Revenue vs target per month"),
            [fmt.month(m) for m in months],
            [
                Series(
                    QCoreApplication.translate("Printout", "Existing customers"),
                    [float(r.existing) for r in board.revenue],
                    PALETTE[0],
                ),
                Series(
                    QCoreApplication.translate("Printout", "New customers"),
                    [float(r.new) for r in board.revenue],
                    PALETTE[1],
                ),
                Series(
                    QCoreApplication.translate("Printout", "Target"),
                    [float(r.target_existing + r.target_new) for r in board.revenue],
                    PALETTE[3],
                    line=True,
                ),
            ],
            stacked=True,
            y_label=money_axis,
            x_label=QCoreApplication.translate("Printout", "Month"),
            tick_format=ticks,
        )
    )
    doc.add(
        Table(
            [
                QCoreApplication.translate("Printout", "Month"),
                QCoreApplication.translate("Printout", "Existing customers"),
                QCoreApplication.translate("Printout", "New customers"),
                QCoreApplication.translate("Printout", "Target"),
                QCoreApplication.translate("Printout", "Difference"),
            ],
            [
                [
                    fmt.month(r.month),
                    fmt.money(r.existing),
                    fmt.money(r.new),
                    fmt.money(r.target_existing + r.target_new),
                    fmt.money(r.existing + r.new - r.target_existing - r.target_new),
                ]
                for r in board.revenue
            ],
            align="lrrrr",
            total=[
                QCoreApplication.translate("Printout", "Total"),
                fmt.money(sum((r.existing for r in board.revenue), decimal.Decimal(0))),
                fmt.money(sum((r.new for r in board.revenue), decimal.Decimal(0))),
                fmt.money(target),
                fmt.money(revenue - target),
            ],
        )
    )
    doc.add(
        Chart(
            QCoreApplication.translate("Printout", "Pipeline value by stage"),
            [s.stage for s in board.pipeline],
            [
                Series(
                    QCoreApplication.translate("Printout", "Value"),
                    [float(s.value) for s in board.pipeline],
                    PALETTE[0],
                ),
                Series(
                    QCoreApplication.translate("Printout", "Weighted"),
                    [float(s.weighted) for s in board.pipeline],
                    PALETTE[2],
                ),
            ],
            y_label=money_axis,
            empty_text=QCoreApplication.translate("Printout", "No open opportunities."),
            tick_format=ticks,
        )
    )
    if board.pipeline:
        doc.add(
            Table(
                [
                    QCoreApplication.translate("Printout", "Stage"),
                    QCoreApplication.translate("Printout", "Count"),
                    QCoreApplication.translate("Printout", "Value"),
                    QCoreApplication.translate("Printout", "Weighted"),
                ],
                [
                    [s.stage, fmt.number(s.count), fmt.money(s.value), fmt.money(s.weighted)]
                    for s in board.pipeline
                ],
                align="lrrr",
            )
        )
    doc.add(
        Chart(
            QCoreApplication.translate("Printout", "Pipeline by expected closing month"),
            [fmt.month(m) for m, _v, _n in board.pipeline_months],
            [
                Series(
                    QCoreApplication.translate("Printout", "Value"),
                    [float(v) for _m, v, _n in board.pipeline_months],
                    PALETTE[5],
                )
            ],
            y_label=money_axis,
            empty_text=QCoreApplication.translate(
                "Printout", "No open opportunity has an expected closing month yet."
            ),
            tick_format=ticks,
        )
    )
    doc.add(
        Chart(
            QCoreApplication.translate("Printout", "Why opportunities were lost"),
            [r for r, _n in wl.reasons],
            [
                Series(
                    QCoreApplication.translate("Printout", "Lost"),
                    [float(n) for _r, n in wl.reasons],
                    PALETTE[3],
                )
            ],
            y_label=QCoreApplication.translate("Printout", "Opportunities"),
            empty_text=QCoreApplication.translate(
                "Printout", "No lost opportunities in this period."
            ),
            tick_format=ticks,
        )
    )
    channels = ["phone", "email", "visit", "letter", "other"]
    act_months = list(board.activities)
    doc.add(
        Chart(
            QCoreApplication.translate("Printout", "Activities per month by channel"),
            [fmt.month(m) for m in act_months],
            [
                Series(
                    _channel_label(key),
                    [float(board.activities[m].get(key, 0)) for m in act_months],
                    PALETTE[i],
                )
                for i, key in enumerate(channels)
            ],
            stacked=True,
            y_label=QCoreApplication.translate("Printout", "Activities"),
            x_label=QCoreApplication.translate("Printout", "Month"),
            empty_text=QCoreApplication.translate("Printout", "No activities in this period."),
            tick_format=ticks,
        )
    )
    doc.add(
        Chart(
            QCoreApplication.translate("Printout", "Which channels lead to orders"),
            [_channel_label(c) for c, _o, _n in board.channels],
            [
                Series(
                    QCoreApplication.translate("Printout", "Contacts"),
                    [float(n) for _c, _o, n in board.channels],
                    PALETTE[0],
                ),
                Series(
                    QCoreApplication.translate("Printout", "Orders within 90 days"),
                    [float(o) for _c, o, _n in board.channels],
                    PALETTE[2],
                ),
            ],
            empty_text=QCoreApplication.translate(
                "Printout", "No contacts or orders in this period."
            ),
            tick_format=ticks,
        )
    )
    doc.add(
        Chart(
            QCoreApplication.translate("Printout", "Tickets opened and closed"),
            [fmt.month(t.month) for t in board.tickets],
            [
                Series(
                    QCoreApplication.translate("Printout", "Opened"),
                    [float(t.opened) for t in board.tickets],
                    PALETTE[1],
                ),
                Series(
                    QCoreApplication.translate("Printout", "Closed"),
                    [float(t.closed) for t in board.tickets],
                    PALETTE[4],
                ),
            ],
            y_label=QCoreApplication.translate("Printout", "Tickets"),
            x_label=QCoreApplication.translate("Printout", "Month"),
            empty_text=QCoreApplication.translate("Printout", "No tickets in this period."),
            tick_format=ticks,
        )
    )
    doc.add(
        Chart(
            QCoreApplication.translate("Printout", "Why customers left"),
            [r for r, _n in board.former_reasons],
            [
                Series(
                    QCoreApplication.translate("Printout", "Companies"),
                    [float(n) for _r, n in board.former_reasons],
                    PALETTE[5],
                )
            ],
            y_label=QCoreApplication.translate("Printout", "Companies"),
            empty_text=QCoreApplication.translate(
                "Printout", "No former customers — nobody has left."
            ),
            tick_format=ticks,
        )
    )
    doc.add(Heading(QCoreApplication.translate("Printout", "People overdue for contact")))
    if board.overdue:
        doc.add(
            Table(
                [
                    QCoreApplication.translate("Printout", "Person"),
                    QCoreApplication.translate("Printout", "Company"),
                    QCoreApplication.translate("Printout", "Interval (days)"),
                    QCoreApplication.translate("Printout", "Days since contact"),
                ],
                [
                    [
                        o.name,
                        o.company,
                        fmt.number(o.interval_days),
                        "—" if o.days_since is None else fmt.number(o.days_since),
                    ]
                    for o in board.overdue
                ],
                align="llrr",
            )
        )
    else:
        doc.add(
            Paragraph(
                QCoreApplication.translate("Printout", "Nobody is overdue for contact."), True
            )
        )
    return doc


# -- target / actual


def targets_document(rows: list[TargetRow], year: int, fmt: Fmt, now: dt.datetime) -> Document:
    doc = Document(
        QCoreApplication.translate("Printout", "Target and actual {year}").format(year=year),
        period_text(fmt, analytics.Period.year(year)),
        _printed(fmt, now),
    )
    zero = decimal.Decimal(0)
    t_total = sum((r.target.total for r in rows), zero)
    a_total = sum((r.actual.total for r in rows), zero)
    doc.add(
        Kpis(
            [
                (QCoreApplication.translate("Printout", "Target"), fmt.money(t_total)),
                (QCoreApplication.translate("Printout", "Actual"), fmt.money(a_total)),
                (
                    QCoreApplication.translate("Printout", "Difference"),
                    fmt.money(a_total - t_total),
                ),
            ]
        )
    )
    doc.add(
        Chart(
            QCoreApplication.translate("Printout", "Actual revenue and target per month"),
            [fmt.locale.monthName(r.month, QLocale.FormatType.ShortFormat) for r in rows],
            [
                Series(
                    QCoreApplication.translate("Printout", "Existing customers"),
                    [float(r.actual.existing) for r in rows],
                    PALETTE[0],
                ),
                Series(
                    QCoreApplication.translate("Printout", "New customers"),
                    [float(r.actual.new) for r in rows],
                    PALETTE[1],
                ),
                Series(
                    QCoreApplication.translate("Printout", "Target"),
                    [float(r.target.total) for r in rows],
                    PALETTE[3],
                    line=True,
                ),
            ],
            stacked=True,
            y_label=QCoreApplication.translate("Printout", "Euro"),
            x_label=QCoreApplication.translate("Printout", "Month"),
            tick_format=fmt.number,
        )
    )

    def pct(actual: decimal.Decimal, target: decimal.Decimal) -> str:
        return fmt.percent(float(actual / target * 100)) if target else "—"

    doc.add(
        Table(
            [
                QCoreApplication.translate("Printout", "Month"),
                QCoreApplication.translate("Printout", "Target existing"),
                QCoreApplication.translate("Printout", "Actual existing"),
                QCoreApplication.translate("Printout", "Target new"),
                QCoreApplication.translate("Printout", "Actual new"),
                QCoreApplication.translate("Printout", "Difference"),
                QCoreApplication.translate("Printout", "Reached"),
            ],
            [
                [
                    fmt.month_long(year, r.month),
                    fmt.money(r.target.existing),
                    fmt.money(r.actual.existing),
                    fmt.money(r.target.new),
                    fmt.money(r.actual.new),
                    fmt.money(r.gap),
                    pct(r.actual.total, r.target.total),
                ]
                for r in rows
            ],
            align="lrrrrrr",
            total=[
                QCoreApplication.translate("Printout", "Total"),
                fmt.money(sum((r.target.existing for r in rows), zero)),
                fmt.money(sum((r.actual.existing for r in rows), zero)),
                fmt.money(sum((r.target.new for r in rows), zero)),
                fmt.money(sum((r.actual.new for r in rows), zero)),
                fmt.money(a_total - t_total),
                pct(a_total, t_total),
            ],
        )
    )
    return doc


# -- pipeline list


def pipeline_document(
    stages: list[sheets.PipelineStageLines], fmt: Fmt, now: dt.datetime
) -> Document:
    doc = Document(
        QCoreApplication.translate("Printout", "Pipeline"),
        QCoreApplication.translate("Printout", "Open opportunities per stage"),
        _printed(fmt, now),
    )
    zero = decimal.Decimal(0)
    count = sum(len(s.lines) for s in stages)
    doc.add(
        Kpis(
            [
                (QCoreApplication.translate("Printout", "Open opportunities"), fmt.number(count)),
                (
                    QCoreApplication.translate("Printout", "Value"),
                    fmt.money(sum((s.total for s in stages), zero)),
                ),
                (
                    QCoreApplication.translate("Printout", "Weighted"),
                    fmt.money(sum((s.weighted for s in stages), zero)),
                ),
            ]
        )
    )
    rows: list[list[str] | Band] = []
    for s in stages:
        rows.append(
            Band(
                QCoreApplication.translate(
                    "Printout", "{stage} · {probability} % · opportunities: {n} · {value}"
                ).format(
                    stage=s.stage,
                    probability=s.probability,
                    n=len(s.lines),
                    value=fmt.money(s.total),
                )
            )
        )
        for o in s.lines:
            rows.append(
                [
                    o.title,
                    o.company,
                    fmt.money(o.value),
                    fmt.percent(o.probability),
                    o.owner,
                    fmt.date(o.expected_close),
                ]
            )
    doc.add(
        Table(
            [
                QCoreApplication.translate("Printout", "Opportunity"),
                QCoreApplication.translate("Printout", "Customer"),
                QCoreApplication.translate("Printout", "Value"),
                QCoreApplication.translate("Printout", "Probability"),
                QCoreApplication.translate("Printout", "Owner"),
                QCoreApplication.translate("Printout", "Expected close"),
            ],
            rows,
            align="llrrll",
        )
    )
    return doc


def save(doc: Document, path: Path) -> int:
    """Write ``doc`` as PDF; returns the page count."""
    return _save(doc, path)
