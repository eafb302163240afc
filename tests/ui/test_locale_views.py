"""One language and one locale per window: the main views rendered in English and in
German (the shipped translation) show no word, date, number or money of the other one."""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QChart, QPieSeries
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from crm_desktop.app import install_translators
from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind, CompanyStatus
from crm_desktop.data.store import Store
from crm_desktop.errors import ValidationError
from crm_desktop.services import contacts as c
from crm_desktop.services import followups, pipeline, validation
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.importer.report import ImportReport
from crm_desktop.ui import format as fmt
from crm_desktop.ui.agenda import AgendaWidget
from crm_desktop.ui.dashboard import DashboardWidget
from crm_desktop.ui.detail.company import CompanyDetailPane
from crm_desktop.ui.detail.person import PersonDetailPane
from crm_desktop.ui.i18n import import_record_text, translate_error
from crm_desktop.ui.people_list import PeopleListView
from crm_desktop.ui.search import SearchField
from crm_desktop.ui.today import TodayView
from tests.store.test_analytics import build_fixture

# Tuesday 10 March 2026, 10:00 in Berlin (the dashboard fixture's day)
CLOCK = FixedClock(dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC))

# texts new on this branch, until the integrator's lupdate puts them into the .qm file
PENDING_GERMAN = {
    ("TodayView", "{nth} birthday"): "{nth} Geburtstag",
    ("import", "card {n}"): "Karte {n}",
    ("import", "line {n}"): "Zeile {n}",
    ("import", "{n} imported"): "{n} importiert",
    ("import", "rejected {record}: {reason}"): "abgelehnt {record}: {reason}",
}


class PendingGerman(QTranslator):
    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return PENDING_GERMAN.get((context, source))

    def isEmpty(self) -> bool:
        return False


_WEEKDAYS_EN = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri Sat Sun"
)
_MONTHS_EN = "January February March June July October December"  # not the shared ones
_MONTHS_EN_SHORT = "Mar May Oct Dec"  # the others are German too
_WEEKDAYS_DE = "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag"
_MONTHS_DE = "Januar Februar März Mai Juni Juli Oktober Dezember Mär Okt Dez"

# what must not appear in a window of the language (the other language's words and forms)
FOREIGN: dict[str, list[re.Pattern[str]]] = {
    "de": [
        re.compile(rf"\b(?:{'|'.join((_WEEKDAYS_EN + ' ' + _MONTHS_EN).split())})\b"),
        re.compile(rf"\b(?:{'|'.join(_MONTHS_EN_SHORT.split())}) \d\d\b"),
        re.compile(r"\b(?:[Pp]rospect|[Cc]all|[Bb]irthday|[Cc]ustomer since)\b"),
        re.compile(r"€\s?-?\d"),  # English: the symbol before the amount
        re.compile(r"\d,\d{3}(?:\D|$)"),  # English thousands separator
        re.compile(r"\d\.\d{2}\s?€"),  # English decimal point before the symbol
        re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{4})?\b"),  # US dates
        re.compile(r"\d (?:AM|PM)\b"),
        re.compile(r"\b\d+(?:st|nd|rd|th)\b"),
        re.compile(r"\bas of\b"),
    ],
    "en": [
        re.compile(rf"\b(?:{'|'.join((_WEEKDAYS_DE + ' ' + _MONTHS_DE).split())})\b"),
        re.compile(r"\b(?:Mo|Di|Mi|Do|Fr|Sa|So)\.? \d"),  # German short weekdays
        re.compile(r"\b(?:Interessent\w*|Anruf\w*|Geburtstag\w*|Kunde seit|Wiedervorlage\w*)\b"),
        re.compile(r"\d\s?€"),  # German: the symbol after the amount
        re.compile(r"\d\.\d{3}(?:,\d|\s?€)"),  # German thousands separator in money
        re.compile(r"\d,\d{2}\s?(?:€|$)"),  # German decimal comma
        re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:\d{4})?"),  # German dates
        re.compile(r"\b\d+\. (?:birthday|Geburtstag)"),
        re.compile(r"\bStand\b"),
        re.compile(r"\bUhr\b"),
    ],
}


@pytest.fixture(params=["en", "de"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = QLocale()
    installed = install_translators(qapp, request.param)
    pending = PendingGerman()
    if request.param == "de":
        assert installed, "the German translation is shipped"
        QCoreApplication.installTranslator(pending)
    yield request.param
    QCoreApplication.removeTranslator(pending)
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


@pytest.fixture
def data(sqlite_store: Store) -> Store:
    """The dashboard's figures and, beside them, people with a birthday, follow-ups, a
    call and an opportunity; every name and note is neutral (no word of either list)."""
    store = build_fixture(sqlite_store)
    with store.session() as s:
        comp = c.create_company(
            s,
            c.CompanyInput(
                name="Zeta Works",
                status=CompanyStatus.PROSPECT,
                customer_since=dt.date(2016, 3, 13),
            ),
        )
        anna = c.create_person(
            s,
            c.PersonInput(
                given_name="Anna",
                family_name="Berg",
                company_id=comp.id,
                birth_date=dt.date(1983, 3, 12),  # Thursday: the 43rd
                contact_interval_days=30,
                phones=[c.PhoneInput("0711 123456")],
            ),
            clock=CLOCK,
        )
        log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.CALL,
                person_id=anna.id,
                occurred_at=CLOCK.now() - dt.timedelta(days=40),
                subject="Zebra quota",
            ),
            clock=CLOCK,
        )
        followups.create_followup(
            s, due_at=CLOCK.now() - dt.timedelta(days=2), note="Zebra", person_id=anna.id
        )
        followups.create_followup(
            s, due_at=CLOCK.now() + dt.timedelta(hours=5), note="Zebra two", person_id=anna.id
        )
        pipeline.create_opportunity(
            s,
            pipeline.OpportunityInput(
                title="Zebra deal",
                company_id=comp.id,
                value=decimal.Decimal("12500"),
                expected_close=dt.date(2026, 3, 20),
            ),
            clock=CLOCK,
        )
        ids = {"anna": anna.id, "company": comp.id}
    store.ids = ids  # type: ignore[attr-defined]
    return store


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    out: list[str] = []
    for col in range(model.columnCount()):
        out.append(str(model.headerData(col, view_orientation()) or ""))

    def walk(parent: QModelIndex) -> None:
        for row in range(min(model.rowCount(parent), 200)):
            for col in range(model.columnCount(parent)):
                index = model.index(row, col, parent)
                value = index.data()
                if value is not None:
                    out.append(str(value))
            first = model.index(row, 0, parent)
            if model.rowCount(first) > 0:
                walk(first)

    walk(QModelIndex())
    return out


def view_orientation():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _chart_texts(chart: QChart) -> list[str]:
    out = [chart.title()]
    for axis in chart.axes():
        out.append(axis.titleText())
        if isinstance(axis, QBarCategoryAxis):
            out.extend(axis.categories())
    for series in chart.series():
        out.append(series.name())
        if isinstance(series, QBarSeries):
            out.extend(s.label() for s in series.barSets())
        if isinstance(series, QPieSeries):
            out.extend(s.label() for s in series.slices())
    return out


def texts_of(widget: QWidget) -> list[str]:
    """What the widget shows: labels, buttons, tabs, group titles, every cell and chart."""
    out: list[str] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, (QLabel, QAbstractButton)):
            out.append(child.text())
        elif isinstance(child, QGroupBox):
            out.append(child.title())
        elif isinstance(child, QTabWidget):
            out.extend(child.tabText(i) for i in range(child.count()))
        if isinstance(child, QAbstractItemView):
            out.extend(_model_texts(child))
        chart = getattr(child, "chart", None)
        if callable(chart):
            maybe = chart()
            if isinstance(maybe, QChart):
                out.extend(_chart_texts(maybe))
    return [t for t in out if t]


def foreign(lang: str, texts: list[str]) -> list[tuple[str, str]]:
    """(text, what matched) for every text with a word or form of the other language."""
    found = []
    for text in texts:
        plain = re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ").replace("&amp;", "&")
        for pattern in FOREIGN[lang]:
            m = pattern.search(plain)
            if m:
                found.append((plain, m.group(0)))
    return found


def test_main_views_speak_one_language(qtbot: QtBot, data: Store, lang: str) -> None:
    ids = data.ids  # type: ignore[attr-defined]
    shown: dict[str, list[str]] = {}

    today = TodayView(data, CLOCK)
    qtbot.addWidget(today)
    today.refresh()
    shown["today"] = texts_of(today)
    occasions = [
        today.occasions.tree.topLevelItem(i).text(col)
        for i in range(today.occasions.tree.topLevelItemCount())
        for col in (0, 1)
    ]
    if lang == "de":
        assert "43. Geburtstag" in occasions and "Do 12.03." in occasions
        assert "12.500 €" in shown["today"]
    else:
        assert "43rd birthday" in occasions and "Thu 3/12" in occasions
        assert "€12,500" in shown["today"]

    agenda = AgendaWidget(data, clock=CLOCK, owner=None, zone=None, week=True)
    qtbot.addWidget(agenda)
    agenda.refresh()
    shown["agenda"] = texts_of(agenda)

    people = PeopleListView(data, clock=CLOCK)
    qtbot.addWidget(people)
    shown["people"] = texts_of(people)

    person = PersonDetailPane(data, clock=CLOCK)
    qtbot.addWidget(person)
    person.show_person(ids["anna"])
    shown["person"] = texts_of(person)
    assert ("12.03.1983" if lang == "de" else "3/12/1983") in " ".join(shown["person"])

    company = CompanyDetailPane(data, clock=CLOCK)
    qtbot.addWidget(company)
    company.show_company(ids["company"])
    shown["company"] = texts_of(company)

    board = DashboardWidget(data, CLOCK)
    qtbot.addWidget(board)
    board.load_now()
    shown["dashboard"] = texts_of(board)
    status = board.status.text()
    assert status.endswith("10:00" if lang == "de" else "10:00 AM")  # the app's zone

    search = SearchField(data)
    qtbot.addWidget(search)
    found: list[str] = []
    for query in ("Zeta", "Zebra"):
        search.setText(query)
        search.search_now()
        found.extend(search.popup.list.item(i).text() for i in range(search.popup.list.count()))
    shown["search"] = found
    subtitles = " ".join(found)
    if lang == "de":
        assert "Interessent" in subtitles and "Anruf" in subtitles
    else:
        assert "Prospect" in subtitles and "Call" in subtitles

    bad = {view: hits for view, texts in shown.items() if (hits := foreign(lang, texts))}
    assert not bad, f"{lang} window shows the other language: {bad}"


def test_messages_and_reports_speak_one_language(lang: str) -> None:
    with pytest.raises(ValidationError) as info:
        validation.check_birth_date(dt.date(2030, 1, 1), dt.date(2026, 3, 10))
    message = translate_error(info.value)
    assert ("01.01.2030" if lang == "de" else "1/1/2030") in message
    assert import_record_text("Anna Berg (card 3)") == (
        "Anna Berg (Karte 3)" if lang == "de" else "Anna Berg (card 3)"
    )
    assert import_record_text("line 4") == ("Zeile 4" if lang == "de" else "line 4")
    report = ImportReport("a.vcf", "vcard", imported=2)
    report.reject("Anna Berg (card 1)", "no name")
    text = report.summary_text(QCoreApplication.translate)
    if lang == "de":
        assert "2 importiert" in text and "abgelehnt Anna Berg (Karte 1)" in text
    else:
        assert "2 imported" in text and "rejected Anna Berg (card 1)" in text
    assert fmt.ordinal(43) == ("43." if lang == "de" else "43rd")
    assert fmt.format_money(decimal.Decimal("490696.5"), digits=0) == (
        "490.697 €" if lang == "de" else "€490,697"
    )
    assert fmt.month_short(2026, 3) == ("Mär 26" if lang == "de" else "Mar 26")
    assert foreign(lang, [message, text]) == []
