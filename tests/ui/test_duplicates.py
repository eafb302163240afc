"""The duplicate review window: search off the GUI thread, merge with a right-side
field, check the database, undo; "Not a duplicate" is remembered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Person
from crm_desktop.data.store import Store
from crm_desktop.services import contacts as c
from crm_desktop.services import dedup
from crm_desktop.ui.duplicates import DuplicateReviewDialog

SHOTS = Path("/tmp/shots")


def _fill(store: Store, clock: FixedClock) -> dict[str, int]:
    with store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="Gößling Haustechnik GmbH & Co. KG"))
        a = c.create_person(
            s,
            c.PersonInput(
                salutation="Herr",
                given_name="Jürgen",
                family_name="Weiß",
                company_id=comp.id,
                emails=[c.EmailInput("j.weiss@goessling-haustechnik.de")],
                phones=[c.PhoneInput("0171 1234567")],
            ),
            clock=clock,
        )
        b = c.create_person(
            s,
            c.PersonInput(
                given_name="Juergen",
                family_name="Weiss",
                birth_date=dt.date(1968, 2, 29),
                position="Geschäftsführender Gesellschafter",
                phones=[c.PhoneInput("+49 171 1234567")],
                addresses=[c.AddressInput("Lindenallee 7", "80331", "München")],
            ),
            clock=clock,
        )
        x = c.create_person(
            s,
            c.PersonInput(
                title="Prof. Dr.",
                given_name="Anna-Katharina",
                family_name="Müller-Lüdenscheidt",
                birth_date=dt.date(1975, 8, 1),
            ),
            clock=clock,
        )
        y = c.create_person(
            s,
            c.PersonInput(
                given_name="Anna-Katharina",
                family_name="Mueller-Luedenscheidt",
                birth_date=dt.date(1975, 8, 1),
            ),
            clock=clock,
        )
        m1 = c.create_person(
            s,
            c.PersonInput(
                given_name="Sören", family_name="Düsterhöft", emails=[c.EmailInput("soeren@web.de")]
            ),
            clock=clock,
        )
        m2 = c.create_person(
            s,
            c.PersonInput(
                given_name="Düsterhöft", family_name="Sören", emails=[c.EmailInput("soeren@web.de")]
            ),
            clock=clock,
        )
        # siblings: must not show up
        c.create_person(
            s,
            c.PersonInput(given_name="Paul", family_name="Weiß", birth_date=dt.date(1999, 1, 1)),
            clock=clock,
        )
        return {
            "a": a.id,
            "b": b.id,
            "x": x.id,
            "y": y.id,
            "m1": m1.id,
            "m2": m2.id,
            "company": comp.id,
        }


def _search(qtbot: QtBot, dialog: DuplicateReviewDialog) -> None:
    with qtbot.waitSignal(dialog.search_finished, timeout=20_000):
        dialog.start_search()
    assert not dialog.searching


def test_review_merge_choose_right_side_and_undo(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    ids = _fill(sqlite_store, clock)
    dialog = DuplicateReviewDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    _search(qtbot, dialog)
    pairs = {(p.a, p.b) for p in dialog.model.pairs}
    assert pairs == {(ids["a"], ids["b"]), (ids["x"], ids["y"]), (ids["m1"], ids["m2"])}
    assert dialog.model.rowCount() == 3
    assert "umlaut" in dialog.model.data(dialog.model.index(0, 3))

    SHOTS.mkdir(parents=True, exist_ok=True)
    row = next(i for i, p in enumerate(dialog.model.pairs) if p.a == ids["a"])
    dialog.table.selectRow(row)
    qtbot.waitUntil(lambda: "given_name" in dialog.compare.groups)
    dialog.resize(1100, 760)
    qtbot.wait(50)
    assert dialog.grab().save(str(SHOTS / "duplicates.png"))

    # the given name from the right side ("Juergen"); empty left fields default to the right
    dialog.compare.choose("given_name", "right")
    right = dialog.findChild(QRadioButton, "right:birth_date")
    assert right is not None and right.isChecked()
    choices = dialog.compare.choices()
    assert choices["given_name"] == "drop" and choices["family_name"] == "keep"
    undo_id = dialog.merge_selected()
    assert undo_id is not None
    assert dialog.model.rowCount() == 2
    with sqlite_store.reader() as s:
        kept = s.get_one(Person, ids["a"])
        assert kept.given_name == "Juergen"
        assert kept.family_name == "Weiß"
        assert kept.birth_date == dt.date(1968, 2, 29)
        assert kept.company_id == ids["company"]
        assert [p.number for p in kept.phones] == ["+491711234567"]
        assert len(kept.addresses) == 1
        assert s.get_one(Person, ids["b"]).deleted_at is not None

    assert dialog.undo_button.isEnabled()
    with qtbot.waitSignal(dialog.search_finished, timeout=20_000):
        dialog.undo_last_merge()
    with sqlite_store.reader() as s:
        assert s.get_one(Person, ids["a"]).given_name == "Jürgen"
        assert s.get_one(Person, ids["a"]).birth_date is None
        assert s.get_one(Person, ids["b"]).deleted_at is None
    assert dialog.model.rowCount() == 3
    assert not dialog.undo_button.isEnabled()


def test_undo_merge_and_edit_undo_share_one_history(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    from crm_desktop.services import undo as registry
    from crm_desktop.ui.undo import UndoManager

    ids = _fill(sqlite_store, clock)
    dialog = DuplicateReviewDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dialog)
    _search(qtbot, dialog)
    dialog.table.selectRow(next(i for i, p in enumerate(dialog.model.pairs) if p.a == ids["a"]))
    undo_id = dialog.merge_selected()
    manager = UndoManager(sqlite_store, clock)
    manager.sync()
    with sqlite_store.reader() as s:
        assert registry.stack(s, 10)[0].id == undo_id  # the entry Edit → Undo offers
    assert manager.undo()  # Edit → Undo takes the merge back ...
    with sqlite_store.reader() as s:
        assert s.get_one(Person, ids["b"]).deleted_at is None
    dialog.undo_last_merge()  # ... and the dialog's button does not undo it twice
    assert "already been undone" in dialog.status.text()


def test_not_a_duplicate_is_remembered_and_skip_moves_on(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    ids = _fill(sqlite_store, clock)
    dialog = DuplicateReviewDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dialog)
    _search(qtbot, dialog)
    first = dialog.current_pair()
    dialog.skip()
    assert dialog.current_pair() is not first
    dialog.table.selectRow(next(i for i, p in enumerate(dialog.model.pairs) if p.a == ids["m1"]))
    dialog.ignore_selected()
    assert dialog.model.rowCount() == 2
    with sqlite_store.reader() as s:
        assert ("person", ids["m1"], ids["m2"]) in dedup.ignored_pairs(s)
    _search(qtbot, dialog)
    assert (ids["m1"], ids["m2"]) not in {(p.a, p.b) for p in dialog.model.pairs}
    assert dialog.model.rowCount() == 2


def test_companies_compare_and_merge(qtbot: QtBot, sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        a = c.create_company(
            s, c.CompanyInput(name="Bäckerei Schulz e.K.", website="baeckerei-schulz.de")
        )
        b = c.create_company(
            s,
            c.CompanyInput(
                name="Baeckerei Schulz", website="www.baeckerei-schulz.de", vat_id="DE136695976"
            ),
        )
        ids = (a.id, b.id)
    dialog = DuplicateReviewDialog(sqlite_store, clock=clock, entity="companies")
    qtbot.addWidget(dialog)
    _search(qtbot, dialog)
    assert [(p.a, p.b) for p in dialog.model.pairs] == [ids]
    qtbot.waitUntil(lambda: "name" in dialog.compare.groups)
    dialog.compare.choose("name", "right")
    assert dialog.merge_selected() is not None
    with sqlite_store.reader() as s:
        from crm_desktop.data.models import Company

        kept = s.get_one(Company, ids[0])
        assert kept.name == "Baeckerei Schulz" and kept.vat_id == "DE136695976"
    assert dialog.model.rowCount() == 0


def test_every_reason_is_marked_for_translation() -> None:
    from crm_desktop.ui import duplicates as ui

    assert set(dedup.ALL_REASONS) == set(ui._REASONS)
    assert len(dedup.ALL_REASONS) >= 35
