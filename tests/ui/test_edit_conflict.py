"""Two users edit one record (issue #15): the second save shows "Changed by X at 14:02"
with Reload / Overwrite / Compare instead of silently blanking the first user's change.
The colleague is a second Store on the same data (SQLite file, or PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from crm_desktop.app import install_translators
from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Company, Person
from crm_desktop.data.store import Store, open_store
from crm_desktop.errors import ConcurrentEditError
from crm_desktop.services import contacts
from crm_desktop.services.contacts import CompanyInput, PersonInput
from crm_desktop.ui.conflict import ConflictDialog
from crm_desktop.ui.detail import CompanyDetailPane
from crm_desktop.ui.dialogs import EntityForm, PersonDialog
from crm_desktop.ui.i18n import translate_error

ANNA_AT = dt.datetime(2026, 11, 23, 13, 2, tzinfo=dt.UTC)  # 14:02 in Berlin


@pytest.fixture
def colleague(store: Store) -> Iterator[Store]:
    other = (
        open_store(data_dir=store.path.parent)
        if store.path is not None
        else open_store(database_url=store.url)
    )
    yield other
    other.dispose()


def _anna_saves(
    monkeypatch: pytest.MonkeyPatch, colleague: Store, save: Callable[[object], None]
) -> None:
    monkeypatch.setenv("CRM_DESKTOP_USER", "anna")
    with colleague.session() as s:
        save(s)
    monkeypatch.setenv("CRM_DESKTOP_USER", "ben")


def _answer(qtbot: QtBot, form: EntityForm, act: Callable[[ConflictDialog], None]) -> list[str]:
    """Act on the conflict dialog once it is open (it runs modally)."""
    seen: list[str] = []

    def poll() -> None:
        dialog = form.conflict_dialog
        if isinstance(dialog, ConflictDialog) and dialog.isVisible():
            seen.append(dialog.message.text())
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def test_person_second_save_compare_then_overwrite(
    qtbot: QtBot,
    store: Store,
    colleague: Store,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with store.session() as s:
        pid = contacts.create_person(s, PersonInput("Jürgen", "Weiß", position="Einkauf")).id
    dlg = PersonDialog(store, person_id=pid, clock=clock)
    qtbot.addWidget(dlg)
    form = dlg.form
    form.position.setText("Einkauf Süd")  # ben's edit

    clock.set(ANNA_AT)
    _anna_saves(
        monkeypatch,
        colleague,
        lambda s: contacts.update_person(s, pid, {"position": "Leitung Einkauf"}, clock=clock),  # type: ignore[arg-type]
    )
    compared: list[list[tuple[str, str, str]]] = []

    def compare_then_overwrite(dialog: ConflictDialog) -> None:
        dialog.compare_button.click()
        assert dialog.table.isVisible()
        compared.append(dialog.rows())
        dialog.overwrite_button.click()

    seen = _answer(qtbot, form, compare_then_overwrite)
    dlg.save()
    assert seen == ["Changed by anna at 2:02 PM"]  # the English window: US time
    assert compared == [[("Position", "Leitung Einkauf", "Einkauf Süd")]]
    assert dlg.result_id == pid
    with store.reader() as s:
        p = s.get(Person, pid)
        assert p is not None
        assert (p.position, p.updated_by, p.version) == ("Einkauf Süd", "ben", 3)


def test_person_second_save_reload_keeps_theirs(
    qtbot: QtBot,
    store: Store,
    colleague: Store,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with store.session() as s:
        pid = contacts.create_person(s, PersonInput("Jürgen", "Weiß", position="Einkauf")).id
    dlg = PersonDialog(store, person_id=pid, clock=clock)
    qtbot.addWidget(dlg)
    form = dlg.form
    form.notes.setPlainText("ben's note")
    _anna_saves(
        monkeypatch,
        colleague,
        lambda s: contacts.update_person(s, pid, {"position": "Leitung Einkauf"}, clock=clock),  # type: ignore[arg-type]
    )
    seen = _answer(qtbot, form, lambda dialog: dialog.reload_button.click())
    dlg.save()
    assert seen and seen[0].startswith("Changed by anna")
    assert dlg.result_id is None  # nothing saved, the dialog stays open
    assert form.position.text() == "Leitung Einkauf"  # theirs, reloaded
    assert form.notes.toPlainText() == ""  # the local edit is discarded
    assert form.banner.text() == ""
    with store.reader() as s:
        p = s.get(Person, pid)
        assert p is not None and (p.position, p.notes, p.version) == ("Leitung Einkauf", "", 2)
    # the reloaded form saves on the new version without a question
    form.notes.setPlainText("nach Rücksprache")
    dlg.save()
    assert dlg.result_id == pid
    with store.reader() as s:
        p = s.get(Person, pid)
        assert p is not None and (p.position, p.notes) == ("Leitung Einkauf", "nach Rücksprache")


def test_company_edit_in_place_closing_the_dialog_keeps_the_edit(
    qtbot: QtBot,
    sqlite_store: Store,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = sqlite_store
    colleague = open_store(data_dir=store.path.parent)  # type: ignore[union-attr]
    try:
        with store.session() as s:
            cid = contacts.create_company(s, CompanyInput(name="Bäckerei Müller")).id
        pane = CompanyDetailPane(store, clock=clock)
        qtbot.addWidget(pane)
        pane.show_company(cid)
        pane.edit()
        form = pane.form
        assert form is not None
        form.name.setText("Bäckerei Müller GmbH")
        _anna_saves(
            monkeypatch,
            colleague,
            lambda s: contacts.update_company(s, cid, {"notes": "Anna war da"}, clock=clock),  # type: ignore[arg-type]
        )
        seen = _answer(qtbot, form, lambda dialog: dialog.reject())  # closed: keep editing
        assert not pane.save_edit()
        assert seen and seen[0].startswith("Changed by anna")
        assert pane.editing and form.name.text() == "Bäckerei Müller GmbH"
        assert "anna changed this record" in form.banner.text()
        with store.reader() as s:
            comp = s.get(Company, cid)
            assert comp is not None and comp.name == "Bäckerei Müller"
        # now overwrite: the name is saved, anna's notes are overwritten by the form's
        _answer(qtbot, form, lambda dialog: dialog.overwrite_button.click())
        assert pane.save_edit()
        assert not pane.editing
        with store.reader() as s:
            comp = s.get(Company, cid)
            assert comp is not None and comp.name == "Bäckerei Müller GmbH"
            assert comp.updated_by == "ben"
    finally:
        colleague.dispose()


@pytest.fixture
def german_app(qapp: QApplication) -> Iterator[list[QTranslator]]:
    before = QLocale()
    installed = install_translators(qapp, "de")
    yield installed
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def test_the_dialog_and_the_message_read_in_german(
    qtbot: QtBot, german_app: list[QTranslator]
) -> None:
    error = ConcurrentEditError("person", 1, changed_by="anna", changed_at=ANNA_AT, version=2)
    dialog = ConflictDialog(error, [("Position", "Leitung", "Einkauf")], now=ANNA_AT)
    qtbot.addWidget(dialog)
    assert dialog.message.text() == "Geändert von anna um 14:02"
    assert dialog.overwrite_button.text() == "Ü&berschreiben"
    assert dialog.reload_button.text() == "&Neu laden"
    assert translate_error(error).startswith("anna hat diesen Datensatz um 2026-11-23 13:02")
    dialog.show_compare(True)
    assert dialog.rows() == [("Position", "Leitung", "Einkauf")]


def test_an_order_saved_meanwhile_is_not_overwritten(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm_desktop.data.models import Order
    from crm_desktop.services import orders as order_svc
    from crm_desktop.ui.sales import OrderDialog
    from tests.ui.test_orders_view import _orders

    ids = _orders(sqlite_store, clock)
    dlg = OrderDialog(sqlite_store, order_id=ids["köhler_order"], clock=clock)
    qtbot.addWidget(dlg)
    dlg.notes.setPlainText("ben: Lieferung Montag")
    monkeypatch.setenv("CRM_DESKTOP_USER", "anna")
    with sqlite_store.session() as s:
        order = order_svc.get_order(s, ids["köhler_order"])
        order.notes = "anna: Lieferung Freitag"
    dlg.save()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "anna changed this record" in dlg.banner.text()
    with sqlite_store.reader() as s:
        saved = s.get(Order, ids["köhler_order"])
        assert saved is not None and saved.notes == "anna: Lieferung Freitag"
