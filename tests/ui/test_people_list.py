"""The people list driven through its widgets: paging, filters, whole-filter selection,
bulk tag / set field / delete with confirmation and undo, merge, and the trash."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, insert, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Company,
    CompanyStatus,
    ImportBatch,
    Person,
    Priority,
    Tag,
    person_tags,
)
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import contacts
from crm_desktop.services.contacts import (
    AddressInput,
    CompanyInput,
    EmailInput,
    PersonInput,
    PhoneInput,
)
from crm_desktop.ui.people_list import PAGE_SIZE, PeopleListView, SetFieldDialog
from crm_desktop.ui.trash import TrashDialog

GIVEN = ["Jürgen", "Birgit", "Anna", "Hans", "Petra", "Özlem", "Klaus", "Sabine", "Ute", "Lars"]
FAMILY = ["Müller", "Weiß-Köhler", "Schäfer", "Becker", "Hoffmann", "Yılmaz", "Wagner", "Groß"]


@pytest.fixture(scope="session")
def people_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("people_template")
    store = open_store(data_dir=folder)
    store.dispose()
    return folder / "crm.sqlite3"


@pytest.fixture
def fast_store(people_template: Path, tmp_path: Path) -> Iterator[Store]:
    """A real SQLite store (a copy of a migrated template: quick)."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(people_template, folder / "crm.sqlite3")
    store = open_store(data_dir=folder)
    yield store
    store.dispose()


@pytest.fixture(autouse=True)
def german_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def make_people(store: Store, clock: FixedClock, n_small: int = 6) -> dict[str, int]:
    """A few realistic people with companies, e-mails, phones and addresses."""
    ids: dict[str, int] = {}
    with store.session() as s:
        mb = contacts.create_company(
            s,
            CompanyInput(
                name="Müller Maschinenbau GmbH",
                status=CompanyStatus.CUSTOMER,
                addresses=[AddressInput("Industriestraße 5", "70565", "Stuttgart")],
            ),
        )
        kp = contacts.create_company(s, CompanyInput(name="Köhler & Partner"))
        people = [
            ("Jürgen", "Müller", mb.id, "Vertriebsleiter", "j.mueller@mueller-mb.example"),
            ("Birgit", "Weiß-Köhler", kp.id, "Steuerberaterin", "b.weiss@koehler.example"),
            ("Anna", "Schäfer", mb.id, "Einkauf", "anna.schaefer@mueller-mb.example"),
            ("Hans", "Becker", None, "Architekt", "hans@becker-architekt.example"),
            ("Petra", "Hoffmann", kp.id, "Assistenz", "p.hoffmann@koehler.example"),
            ("Özlem", "Yılmaz", mb.id, "Technik", "oezlem.yilmaz@mueller-mb.example"),
        ][:n_small]
        for given, family, company, position, email in people:
            p = contacts.create_person(
                s,
                PersonInput(
                    given_name=given,
                    family_name=family,
                    company_id=company,
                    position=position,
                    emails=[EmailInput(email)],
                    phones=[PhoneInput("0711 123456")],
                ),
                clock=clock,
            )
            ids[family] = p.id
    return ids


def bulk_people(store: Store, n: int) -> None:
    """Many plain people at once (bulk INSERT: a long list in no time)."""
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    rows = [
        {
            "given_name": GIVEN[i % len(GIVEN)],
            "family_name": f"{FAMILY[i % len(FAMILY)]} {i:04d}",
            "notes": "",
            "profile_fields": {},
            "consent_marketing": False,
            "needs_review": False,
            "created_at": now,
            "updated_at": now,
        }
        for i in range(n)
    ]
    with store.session() as s:
        s.execute(insert(Person), rows)


def tagged(store: Store, name: str) -> set[int]:
    with store.reader() as s:
        return set(
            s.execute(
                select(person_tags.c.person_id)
                .join(Tag, Tag.id == person_tags.c.tag_id)
                .where(Tag.name == name)
            ).scalars()
        )


def live_people(store: Store) -> int:
    with store.reader() as s:
        return int(
            s.scalar(select(func.count()).select_from(Person).where(Person.deleted_at.is_(None)))
            or 0
        )


class Answers:
    """Stands in for the user at the confirmation and input dialogs (the view's own
    overridable ask methods, never the database)."""

    def __init__(self, view: PeopleListView, confirm: bool = True) -> None:
        self.questions: list[str] = []
        self.answer = confirm
        self.tag = "Messe 2026"
        self.field: tuple[str, Any, str] | None = None
        view.confirm = self.confirm  # type: ignore[method-assign]
        view.ask_tag = lambda *_a: self.tag  # type: ignore[method-assign]
        view.ask_field = lambda _n: self.field  # type: ignore[method-assign]
        view.show_error = self.error  # type: ignore[method-assign]
        self.errors: list[str] = []

    def confirm(self, _title: str, text: str) -> bool:
        self.questions.append(text)
        return self.answer

    def error(self, text: str) -> None:
        self.errors.append(text)


def row_of(view: PeopleListView, person_id: int) -> int:
    return next(i for i, r in enumerate(view.model.rows) if r.id == person_id)


def test_rows_show_the_columns_and_filters_narrow_them(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    ids = make_people(fast_store, clock)
    view = PeopleListView(fast_store, clock=clock)
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() == 6
    assert view.count_label.text() == "6 people"
    r = row_of(view, ids["Müller"])
    cells = [model.index(r, c).data() for c in range(model.columnCount())]
    assert cells[0] == "Müller, Jürgen"
    assert cells[1] == "Müller Maschinenbau GmbH"
    assert cells[2] == "Vertriebsleiter"
    assert cells[3] == "j.mueller@mueller-mb.example"
    assert cells[4] == "0711 123456"
    assert cells[5] == "Stuttgart"  # the company's address when the person has none
    # text filter: words must all match; umlauts may be typed either way
    view.filter_edit.setText("Mueller vertrieb")
    view.apply_filter()
    assert [row.id for row in model.rows] == [ids["Müller"]]
    view.filter_edit.setText("köhler")
    view.apply_filter()
    assert {row.id for row in model.rows} == {ids["Weiß-Köhler"], ids["Hoffmann"]}
    assert view.count_label.text() == "2 matches"
    view.filter_edit.setText("")
    view.apply_filter()
    assert model.rowCount() == 6


def test_paging_and_ctrl_a_select_the_whole_filter(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    bulk_people(fast_store, 2 * PAGE_SIZE + 50)
    view = PeopleListView(fast_store, clock=clock)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    model = view.model
    assert model.total == 450
    assert model.rowCount() == PAGE_SIZE  # only the first page is loaded
    assert model.canFetchMore()
    # Ctrl+A in the table selects all 450, though only 200 rows are loaded
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert view.table.whole_filter
    assert view.selection_count() == 450
    assert model.rowCount() == PAGE_SIZE
    assert "450" in view.selection_label.text()
    # scrolling fetches the next page, and the new rows join the selection
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    assert view.table.whole_filter
    assert len(view.table.selected_rows()) == 2 * PAGE_SIZE
    # the selection resolves to every matching id through SQL
    assert len(set(view.selected_ids())) == 450
    answers = Answers(view)
    with qtbot.waitSignal(view.changed, timeout=20_000):
        view.tag_selected()
    assert answers.questions == ["Tag 450 people with “Messe 2026”?"]
    assert len(tagged(fast_store, "Messe 2026")) == 450
    # a click on one row ends the whole-filter state
    qtbot.mouseClick(
        view.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.table.visualRect(model.index(0, 0)).center(),
    )
    assert not view.table.whole_filter
    assert view.selection_count() == 1
    # undo takes the 450 tags back in one step
    assert view.undo_last() is not None
    assert tagged(fast_store, "Messe 2026") == set()


def test_bulk_tag_set_field_delete_undo_and_trash_restore(
    qtbot: QtBot, store: Store, clock: FixedClock
) -> None:
    ids = make_people(store, clock)
    view = PeopleListView(store, clock=clock)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    answers = Answers(view)
    chosen = [ids["Müller"], ids["Schäfer"], ids["Becker"]]
    view.select_rows([row_of(view, i) for i in chosen])
    assert view.selection_count() == 3
    assert not view.act_merge.isEnabled()  # merge wants exactly two

    # tag
    with qtbot.waitSignal(view.changed, timeout=10_000):
        view.act_tag.trigger()
    assert answers.questions[-1] == "Tag 3 people with “Messe 2026”?"
    assert tagged(store, "Messe 2026") == set(chosen)
    view.set_tag_filter("Messe 2026")
    assert {r.id for r in view.model.rows} == set(chosen)
    assert all(r.tags == ["Messe 2026"] for r in view.model.rows)
    view.set_tag_filter(None)

    # set field: priority A on the same three
    view.select_rows([row_of(view, i) for i in chosen])
    answers.field = ("priority", "A", "A (key account)")
    with qtbot.waitSignal(view.changed, timeout=10_000):
        view.act_set.trigger()
    assert answers.questions[-1] == "Set “Priority” to “A (key account)” for 3 people?"
    with store.reader() as s:
        prios = dict(s.execute(select(Person.id, Person.priority)).all())
    assert [prios[i] for i in chosen] == [Priority.A] * 3
    assert prios[ids["Hoffmann"]] is None
    # undo the priority change
    assert view.undo_last() is not None
    with store.reader() as s:
        assert s.scalar(select(func.count()).where(Person.priority.is_not(None))) == 0

    # Delete key asks first; cancelling keeps everything
    view.select_rows([row_of(view, ids["Becker"]), row_of(view, ids["Hoffmann"])])
    view.table.setFocus()
    answers.answer = False
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert answers.questions[-1].startswith("Move 2 people to the trash?")
    assert live_people(store) == 6
    # ... confirming moves them to the trash, in the background
    answers.answer = True
    with qtbot.waitSignal(view.changed, timeout=10_000):
        qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert live_people(store) == 4
    assert view.model.rowCount() == 4
    # undo brings both back
    view.undo_last()
    assert live_people(store) == 6
    assert view.model.rowCount() == 6

    # delete once more, then restore one from the trash dialog
    view.select_rows([row_of(view, ids["Becker"]), row_of(view, ids["Hoffmann"])])
    with qtbot.waitSignal(view.changed, timeout=10_000):
        view.act_delete.trigger()
    trash = TrashDialog(store, clock=clock)
    qtbot.addWidget(trash)
    labels = [label for _e, _i, label in trash.items()]
    assert sorted(labels) == ["Hans Becker", "Petra Hoffmann"]
    assert trash.info.text() == "2 records in the trash."
    trash.select_rows([labels.index("Hans Becker")])
    with qtbot.waitSignal(trash.changed):
        trash.restore_button.click()
    assert [label for _e, _i, label in trash.items()] == ["Petra Hoffmann"]
    assert live_people(store) == 5
    view.refresh()
    assert ids["Becker"] in {r.id for r in view.model.rows}
    # empty trash asks, then removes Petra Hoffmann for good
    asked: list[str] = []
    trash.confirm = lambda _t, text: asked.append(text) or True  # type: ignore[method-assign]
    with qtbot.waitSignal(trash.changed):
        trash.empty_button.click()
    assert asked == ["Delete 1 record for good? This cannot be undone."]
    assert trash.items() == []
    assert trash.info.text() == "The trash is empty."
    with store.reader() as s:
        assert s.get(Person, ids["Hoffmann"]) is None


def test_set_company_status_changes_the_companies(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    ids = make_people(fast_store, clock)
    view = PeopleListView(fast_store, clock=clock)
    qtbot.addWidget(view)
    answers = Answers(view)
    view.select_rows([row_of(view, ids["Weiß-Köhler"])])
    answers.field = ("status", CompanyStatus.CUSTOMER, "Customer")
    with qtbot.waitSignal(view.changed, timeout=10_000):
        view.set_field_selected()
    with fast_store.reader() as s:
        status = s.scalar(select(Company.status).where(Company.name == "Köhler & Partner"))
    assert status is CompanyStatus.CUSTOMER


def test_set_field_dialog_values(qtbot: QtBot) -> None:
    dialog = SetFieldDialog(1234, ["anna", "uwe"])
    qtbot.addWidget(dialog)
    dialog.set_field("priority")
    dialog.priority.set_value(Priority.B)
    assert dialog.value() == ("priority", "B")
    dialog.set_field("contact_interval_days")
    dialog.interval.setValue(30)
    assert dialog.value() == ("contact_interval_days", 30)
    dialog.set_field("owner")
    dialog.owner.setCurrentText("uwe")
    assert dialog.value() == ("owner", "uwe")
    dialog.set_field("consent_marketing")
    assert dialog.value() == ("consent_marketing", True)
    assert dialog.head.text() == "Change one field of 1.234 selected people."


def test_merge_two_and_undo(qtbot: QtBot, fast_store: Store, clock: FixedClock) -> None:
    ids = make_people(fast_store, clock)
    with fast_store.session() as s:
        dup = contacts.create_person(
            s,
            PersonInput(given_name="Jürgen", family_name="Müller", position="Vertrieb"),
            clock=clock,
        )
        dup_id = dup.id
    view = PeopleListView(fast_store, clock=clock)
    qtbot.addWidget(view)
    Answers(view)
    view.select_rows([row_of(view, ids["Müller"])])
    assert not view.act_merge.isEnabled()
    view.select_rows([row_of(view, ids["Müller"]), row_of(view, dup_id)])
    assert view.act_merge.isEnabled()
    view.ask_merge_keep = lambda a, b: 0  # type: ignore[method-assign]
    with qtbot.waitSignal(view.changed):
        view.act_merge.trigger()
    assert live_people(fast_store) == 6
    assert view.model.rowCount() == 6
    view.undo_last()
    assert live_people(fast_store) == 7


def test_last_import_toggle_and_export(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    ids = make_people(fast_store, clock)
    with fast_store.session() as s:
        batch = ImportBatch(source="kontakte.vcf", file_format="vcard", started_at=clock.now())
        s.add(batch)
        s.flush()
        for key in ("Schäfer", "Yılmaz"):
            s.get(Person, ids[key]).import_batch_id = batch.id  # type: ignore[union-attr]
    view = PeopleListView(fast_store, clock=clock)
    qtbot.addWidget(view)
    view.show_last_import()
    assert view.last_import_box.isChecked()
    assert {r.id for r in view.model.rows} == {ids["Schäfer"], ids["Yılmaz"]}
    # export the two as a mail-merge CSV
    view.select_all()
    out = tmp_path / "auswahl.csv"
    view.ask_export_path = lambda: out  # type: ignore[method-assign]
    view.export_selected()
    text = out.read_text(encoding="utf-8-sig")
    assert "Schäfer" in text and "Yılmaz" in text and "Becker" not in text
    assert view.status.text() == "2 people exported to auswahl.csv."
    view.last_import_box.setChecked(False)
    assert view.model.rowCount() == 6


def test_activation_emits_person(qtbot: QtBot, fast_store: Store, clock: FixedClock) -> None:
    ids = make_people(fast_store, clock)
    view = PeopleListView(fast_store, clock=clock)
    qtbot.addWidget(view)
    view.show()
    index = view.model.index(row_of(view, ids["Becker"]), 0)
    center = view.table.visualRect(index).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    with qtbot.waitSignal(view.personActivated) as sig:
        qtbot.mouseDClick(
            view.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=view.table.visualRect(index).center(),
        )
    assert sig.args == [ids["Becker"]]


def test_the_undo_button_names_what_it_takes_back(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    ids = make_people(fast_store, clock)
    view = PeopleListView(fast_store, clock=clock)
    qtbot.addWidget(view)
    view.show()
    Answers(view)
    assert view.act_undo.toolTip() == "There is nothing to undo."
    assert not view.act_undo.isEnabled()
    view.select_rows([row_of(view, ids["Müller"]), row_of(view, ids["Becker"])])
    with qtbot.waitSignal(view.changed, timeout=10_000):
        view.act_tag.trigger()
    assert view.act_undo.isEnabled()
    assert view.act_undo.toolTip() == "Undo: Tag “Messe 2026” added to 2"
    view.act_undo.trigger()
    assert tagged(fast_store, "Messe 2026") == set()
    assert view.status.text() == "Undone: Tag “Messe 2026” added to 2"
    assert view.act_undo.toolTip() == "There is nothing to undo."


def test_the_undo_button_and_edit_undo_are_one_history(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    """In the window the people list's Undo is the window's: a ticket deleted on the
    tickets page is what its tooltip names and what it brings back."""
    from crm_desktop.data.models import Ticket
    from crm_desktop.services.tickets import open_ticket
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.settings_dialog import AppSettings

    ids = make_people(fast_store, clock)
    with fast_store.session() as s:
        ticket = open_ticket(s, "Heizung defekt", person_id=ids["Becker"], clock=clock)
        tid, number = ticket.id, ticket.number
    win = MainWindow(
        fast_store, AppSettings(tmp_path / "settings.ini"), data_dir=tmp_path, clock=clock
    )
    qtbot.addWidget(win)
    win.show()
    win.confirm = lambda _title, _text: True  # type: ignore[method-assign]
    win.show_view("people")
    people = win.pages["people"]
    assert isinstance(people, PeopleListView)
    assert people.undo_manager is win.undo
    assert win.delete_listed("ticket", tid)
    what = f"Delete ticket {number} “Heizung defekt”"
    assert people.act_undo.toolTip() == f"Undo: {what}"
    assert win.actions_by_name["undo"].text() == f"&Undo: {what}"
    assert people.undo_last() == what
    with fast_store.reader() as s:
        assert s.get_one(Ticket, tid).deleted_at is None
    assert people.act_undo.toolTip() == "There is nothing to undo."
    assert win.actions_by_name["undo"].text() == "&Undo"
    # Edit → Redo does it again: the same history
    win.actions_by_name["redo"].trigger()
    with fast_store.reader() as s:
        assert s.get_one(Ticket, tid).deleted_at is not None
    assert people.act_undo.toolTip() == f"Undo: {what}"
    win.tasks.wait(5000)
    people.wait()


def test_filter_line_takes_field_equals_value(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    from crm_desktop.services import contacts, customfields

    ids = make_people(fast_store, clock)
    with fast_store.session() as s:
        customfields.define_field(s, "Messebesuch", "yesno", clock=clock)
        customfields.define_field(s, "Branche", "choice", ["Maschinenbau", "Handel"], clock=clock)
        for name, branche in (("Müller", "Maschinenbau"), ("Hoffmann", "Handel")):
            person = contacts.get_person(s, ids[name])
            person.profile_fields = {"Branche": branche, "Messebesuch": "yes"}
    view = PeopleListView(fast_store, clock=clock)
    qtbot.addWidget(view)
    view.filter_edit.setText("Branche = maschinenbau")
    view.apply_filter()
    assert [row.id for row in view.model.rows] == [ids["Müller"]]
    view.filter_edit.setText("messebesuch = ja")  # typed in German, stored "yes"
    view.apply_filter()
    assert {row.id for row in view.model.rows} == {ids["Müller"], ids["Hoffmann"]}
    view.filter_edit.setText("Messebesuch = ja; köhler")  # with words
    view.apply_filter()
    assert [row.id for row in view.model.rows] == [ids["Hoffmann"]]
    view.filter_edit.setText("Branche = Bergbau")
    view.apply_filter()
    assert view.model.rowCount() == 0
