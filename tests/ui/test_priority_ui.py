"""A priority picked by hand in the dialog is kept against the automatic run; the
detail pane shows it as kept, with the latest changes and why they happened."""

from __future__ import annotations

import datetime as dt
import decimal
from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Priority
from crm_desktop.data.store import Store
from crm_desktop.services import contacts
from crm_desktop.services import priority as svc
from crm_desktop.services.orders import OrderInput, OrderLineInput, create_order
from crm_desktop.ui.detail import CompanyDetailPane
from crm_desktop.ui.dialogs import CompanyDialog, PersonDialog
from tests.ui.test_detail_panes import activate, save_shot


def test_priority_kept_by_hand_survives_the_run_and_the_pane_says_why(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    store = sqlite_store
    with store.session() as s:
        cid = contacts.create_company(s, contacts.CompanyInput(name="Großhandel Öztürk GmbH")).id
        create_order(
            s,
            OrderInput(
                company_id=cid,
                order_date=dt.date(2026, 11, 1),
                lines=[OrderLineInput("Ware", decimal.Decimal("1"), decimal.Decimal("25000"))],
            ),
            clock=clock,
        )
    with store.session() as s:
        svc.recompute_priorities(s, clock)  # 25.000 € in the period: A, automatically

    later = FixedClock(clock.now() + dt.timedelta(days=1))
    dlg = CompanyDialog(store, company_id=cid, clock=later)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    form = dlg.form
    assert form.priority.value() is Priority.A and not form.priority_keep.isChecked()
    form.priority.setCurrentIndex(form.priority.findData(Priority.C))
    form.priority.activated.emit(form.priority.currentIndex())  # as a user's pick does
    assert form.priority_keep.isChecked()  # picked by hand: kept unless unticked
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted

    with store.session() as s:
        assert (
            svc.recompute_priorities(s, FixedClock(later.now() + dt.timedelta(days=1))) == []
        )  # the run leaves it alone
        assert contacts.get_company(s, cid).priority is Priority.C

    pane = CompanyDetailPane(store, clock=clock)
    qtbot.addWidget(pane)
    pane.resize(980, 720)
    pane.show()
    pane.show_company(cid)
    text = pane.overview.text("priority")
    assert text.startswith("C ") and "(kept by hand)" in text
    assert "11/24/2026: A → C, kept by hand" in text  # the dialog's clock, newest first
    assert "11/23/2026: – → A, automatic: 1 order, €25,000.00 in 12 months" in text
    save_shot(pane, "priority_history.png", tmp_path)


def test_person_dialog_unticked_keep_hands_back_to_the_run(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    with sqlite_store.session() as s:
        pid = contacts.create_person(
            s,
            contacts.PersonInput(
                given_name="Jörg", family_name="Weiß", priority=Priority.B, priority_locked=True
            ),
        ).id
    dlg = PersonDialog(sqlite_store, person_id=pid, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    assert dlg.form.priority_keep.isChecked()
    dlg.form.priority_keep.setChecked(False)
    dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted
    with sqlite_store.reader() as s:
        assert not svc.is_locked(s, "person", pid)
