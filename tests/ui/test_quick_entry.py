"""Quick entry: typing a line shows what it means; Enter saves a follow-up or activity."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity, ActivityKind, FollowUp
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import contacts
from crm_desktop.services.changes import Changes
from crm_desktop.services.contacts import CompanyInput, PersonInput
from crm_desktop.ui.quick_entry import QuickEntryDialog


@pytest.fixture(scope="session")
def qe_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("qe_template")
    store = open_store(data_dir=folder)
    store.dispose()
    return folder / "crm.sqlite3"


@pytest.fixture
def fast_store(qe_template: Path, tmp_path: Path) -> Iterator[Store]:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(qe_template, folder / "crm.sqlite3")
    store = open_store(data_dir=folder)
    yield store
    store.dispose()


@pytest.fixture(autouse=True)
def german_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def people(fast_store: Store, clock: FixedClock) -> dict[str, int]:
    with fast_store.session() as s:
        mb = contacts.create_company(s, CompanyInput(name="Müller Maschinenbau GmbH"))
        ids = {"company": mb.id}
        for given, family, company in (
            ("Jürgen", "Müller", mb.id),
            ("Sabine", "Müller-Lang", None),
            ("Anna", "Schäfer", None),
        ):
            p = contacts.create_person(
                s,
                PersonInput(given_name=given, family_name=family, company_id=company),
                clock=clock,
            )
            ids[family] = p.id
    return ids


def type_line(qtbot: QtBot, dlg: QuickEntryDialog, text: str) -> None:
    """Type like a user (umlauts arrive as key events with their text)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(dlg.line, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(dlg.line, event)


def test_morgen_14_uhr_mueller_anrufen_becomes_a_follow_up(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, people: dict[str, int]
) -> None:
    dlg = QuickEntryDialog(fast_store, clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.line.setFocus()
    type_line(qtbot, dlg, "morgen 14 Uhr Müller anrufen wegen Angebot")
    # the preview follows the typing after a short pause
    qtbot.waitUntil(lambda: dlg.proposal is not None and dlg.proposal.subject == "Angebot")
    assert dlg.kind_label.text() == "Call"
    # 23 Nov 2026 09:00 UTC is 10:00 in Berlin: tomorrow 14:00 local
    assert dlg.when_label.text() == "Tomorrow 14:00  (24.11.2026 14:00)"
    assert dlg.subject_label.text() == "Angebot"
    assert dlg.becomes_label.text() == "A follow-up (Call) due Tomorrow 14:00"
    assert dlg.target.currentText() == "Jürgen Müller – Müller Maschinenbau GmbH"
    assert dlg.target.count() >= 2  # the other Müllers are offered as well
    assert dlg.save_button.isEnabled()
    with qtbot.waitSignal(dlg.saved) as sig:
        qtbot.keyClick(dlg.line, Qt.Key.Key_Return)
    assert sig.args[0] == "followup"
    with fast_store.reader() as s:
        follow = s.execute(select(FollowUp)).scalar_one()
        assert follow.person_id == people["Müller"]
        assert follow.kind is ActivityKind.CALL
        assert follow.due_at == dt.datetime(2026, 11, 24, 13, 0, tzinfo=dt.UTC)
        assert follow.note == "Angebot"
        assert s.scalar(select(func.count()).select_from(Activity)) == 0
    assert dlg.result() == QuickEntryDialog.DialogCode.Accepted


def test_alternative_match_and_logged_activity(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, people: dict[str, int]
) -> None:
    dlg = QuickEntryDialog(fast_store, clock)
    qtbot.addWidget(dlg)
    dlg.line.setText("Schäfer angerufen wegen Liefertermin")
    dlg.interpret()
    assert dlg.becomes_label.text() == "A logged activity (Call)"
    assert dlg.target.currentText() == "Anna Schäfer"
    assert dlg.save()
    with fast_store.reader() as s:
        act = s.execute(select(Activity)).scalar_one()
        assert act.person_id == people["Schäfer"]
        assert act.kind is ActivityKind.CALL
        assert act.occurred_at <= clock.now()
    # choosing another candidate in the combo saves it for that one
    dlg2 = QuickEntryDialog(fast_store, clock)
    qtbot.addWidget(dlg2)
    dlg2.line.setText("morgen Müller anrufen")
    dlg2.interpret()
    labels = [dlg2.target.itemText(i) for i in range(dlg2.target.count())]
    wanted = next(i for i, text in enumerate(labels) if "Sabine" in text)
    dlg2.target.setCurrentIndex(wanted)
    assert dlg2.save()
    with fast_store.reader() as s:
        follow = s.execute(select(FollowUp)).scalar_one()
        assert follow.person_id == people["Müller-Lang"]


def test_nothing_matches_says_so_and_saves_nothing(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, people: dict[str, int]
) -> None:
    dlg = QuickEntryDialog(fast_store, clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.line.setText("morgen Zimmermann anrufen")
    dlg.interpret()
    assert not dlg.message.isHidden()
    assert dlg.message.text() == "No person or company matches “Zimmermann”."
    assert not dlg.save_button.isEnabled()
    assert not dlg.save()
    with fast_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(FollowUp)) == 0
    # clearing the line resets the preview
    dlg.line.clear()
    dlg.interpret()
    assert dlg.message.isHidden()
    assert dlg.kind_label.text() == "–"


# ---------------------------------------------------------------- an unknown name


def test_unknown_name_offers_create_contact_and_saves_for_the_new_person(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, people: dict[str, int]
) -> None:
    from crm_desktop.data.models import Person

    dlg = QuickEntryDialog(fast_store, clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.line.setText("in 2 Stunden Frau Dr. Petra Zimmermann anrufen wegen Angebot")
    dlg.interpret()
    assert dlg.becomes_label.text() == "A follow-up (Call) due Today 12:00"
    assert dlg.message.isVisible() and "Zimmermann" in dlg.message.text()
    assert dlg.create_button.isVisible()
    assert dlg.create_button.text() == "Create contact “Dr. Petra Zimmermann”…"
    assert not dlg.save_button.isEnabled()
    # Enter never saves without a person: it points at the button instead
    assert not dlg.save()
    assert dlg.focusWidget() is dlg.create_button
    with fast_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(FollowUp)) == 0

    qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    person_dialog = dlg.person_dialog
    assert person_dialog is not None and person_dialog.isVisible()
    form = person_dialog.form
    assert (form.title.text(), form.given.text(), form.family.text()) == (
        "Dr.",
        "Petra",
        "Zimmermann",
    )
    published: list[object] = []
    dlg.changed.connect(published.append)
    with qtbot.waitSignal(dlg.saved):
        person_dialog.save()
    assert dlg.saved_kind == "followup"
    (changes,) = published
    assert isinstance(changes, Changes)
    assert changes.touches("person") and changes.touches("followup")
    with fast_store.reader() as s:
        person = s.execute(select(Person).where(Person.family_name == "Zimmermann")).scalar_one()
        assert person.given_name == "Petra" and person.title == "Dr."
        follow = s.execute(select(FollowUp)).scalar_one()
        assert follow.person_id == person.id and follow.note == "Angebot"
        assert follow.kind is ActivityKind.CALL
        assert follow.due_at == dt.datetime(2026, 11, 23, 11, 0, tzinfo=dt.UTC)
        assert s.scalar(select(func.count()).select_from(Activity)) == 0
    assert dlg.result() == QuickEntryDialog.DialogCode.Accepted


def test_create_contact_cancelled_saves_nothing(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, people: dict[str, int]
) -> None:
    dlg = QuickEntryDialog(fast_store, clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.line.setText("Zyxwvu angerufen, Angebot passt")
    dlg.interpret()
    assert dlg.becomes_label.text() == "A logged activity (Call)"
    person_dialog = dlg.create_contact()
    assert person_dialog is not None
    assert person_dialog.form.family.text() == "Zyxwvu" and person_dialog.form.given.text() == ""
    person_dialog.reject()
    assert dlg.saved_id is None and dlg.isVisible()
    with fast_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Activity)) == 0


def test_known_name_hides_create_contact_and_keeps_the_subject(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, people: dict[str, int]
) -> None:
    dlg = QuickEntryDialog(fast_store, clock)
    qtbot.addWidget(dlg)
    dlg.line.setText("Zyxwvu anrufen")
    dlg.interpret()
    assert not dlg.create_button.isHidden()
    dlg.line.setText("Freitag halb drei Schäfer anrufen, Angebot passt")
    dlg.interpret()
    assert dlg.create_button.isHidden()
    assert dlg.create_contact() is None
    assert dlg.target.currentText() == "Anna Schäfer"
    assert dlg.subject_label.text() == "Angebot passt"
    assert dlg.when_label.text() == "Freitag 14:30  (27.11.2026 14:30)"
    assert dlg.save()
    with fast_store.reader() as s:
        follow = s.execute(select(FollowUp)).scalar_one()
        assert follow.person_id == people["Schäfer"] and follow.note == "Angebot passt"
        assert follow.due_at == dt.datetime(2026, 11, 27, 13, 30, tzinfo=dt.UTC)


def test_timeline_quick_bar_ticks_the_follow_up_for_a_moment_ahead(
    qtbot: QtBot, clock: FixedClock
) -> None:
    from crm_desktop.ui.timeline import QuickEntry as QuickBar

    bar = QuickBar(clock=clock)
    qtbot.addWidget(bar)
    qtbot.keyClicks(bar.text, "morgen 14 Uhr anrufen")
    assert bar.follow.isChecked()
    # 14:00 Berlin tomorrow
    assert bar.due_at() == dt.datetime(2026, 11, 24, 13, 0, tzinfo=dt.UTC)
    bar.text.clear()
    qtbot.keyClicks(bar.text, "Angerufen wegen Wartung")
    assert not bar.follow.isChecked()
    # a box the user ticked stays as it is
    bar.follow.setChecked(True)
    qtbot.keyClicks(bar.text, ", passt")
    assert bar.follow.isChecked()
