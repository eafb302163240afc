"""The backups dialog, offscreen with pytest-qt, on a real store in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.config import AppPaths, resolve_paths
from crm_desktop.data.models import Person
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import backup as bk
from crm_desktop.services.contacts import CompanyInput, PersonInput, create_company, create_person
from crm_desktop.ui.backup_dialog import BackupDialog

SHOTS = Path("/tmp/shots")


class Holder:
    """What the main window does: owns the store and closes/reopens it for a restore."""

    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        self.store: Store | None = open_store(data_dir=paths.data_dir)
        self.events: list[str] = []

    def close(self) -> None:
        assert self.store is not None
        self.store.dispose()
        self.store = None
        self.events.append("closed")

    def reopen(self) -> None:
        self.store = open_store(data_dir=self.paths.data_dir)
        self.events.append("reopened")


@pytest.fixture
def holder(tmp_path: Path, clock: FixedClock) -> Holder:
    h = Holder(resolve_paths(tmp_path / "data"))
    assert h.store is not None
    with h.store.session() as s:
        create_company(s, CompanyInput(name="Bäckerei Kühn"))
        for i in range(3):
            create_person(s, PersonInput(given_name=f"P{i}", family_name="Dialog"), clock=clock)
    bk.make_backup(h.paths, "daily", clock=clock)
    clock.advance(days=1)
    return h


def _idle(qtbot: QtBot, dialog: BackupDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def test_list_preview_backup_now_and_restore(
    qtbot: QtBot, holder: Holder, clock: FixedClock
) -> None:
    dialog = BackupDialog(
        holder.paths, clock=clock, close_store=holder.close, reopen_store=holder.reopen
    )
    qtbot.addWidget(dialog)
    dialog.show()
    _idle(qtbot, dialog)
    assert dialog.model.rowCount() == 1
    assert "3 people" in dialog.preview.text() and "1 companies" in dialog.preview.text()
    assert dialog.restore_button.isEnabled()
    # back up now (on the worker thread)
    assert holder.store is not None
    with holder.store.session() as s:
        create_person(s, PersonInput(given_name="Neu", family_name="Hinzu"), clock=clock)
    dialog.backup_button.click()
    _idle(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)
    newest = dialog.model.backup(0)
    assert newest.kind == "manual" and newest.counts is not None
    assert newest.counts["people"] == 4
    assert dialog.model.index(0, 3).data() == "4"
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "backup.png"))
    # restore the older daily backup, confirmed
    dialog.view.selectRow(1)
    assert "3 people" in dialog.preview.text()
    dialog.confirm_restore = lambda info: True  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.restored, timeout=10_000):
        dialog.restore_button.click()
    _idle(qtbot, dialog)
    assert holder.events == ["closed", "reopened"]
    assert holder.store is not None
    with holder.store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 3
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=10_000)
    assert {dialog.model.backup(r).kind for r in range(3)} == {"daily", "manual", "pre-restore"}
    assert "previous data was kept" in dialog.status.text()


def test_restore_cancelled_changes_nothing(qtbot: QtBot, holder: Holder, clock: FixedClock) -> None:
    dialog = BackupDialog(holder.paths, clock=clock, close_store=holder.close)
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    dialog.confirm_restore = lambda info: False  # type: ignore[method-assign]
    dialog.restore_button.click()
    assert holder.events == []
    assert not dialog.busy
    assert len(bk.list_backups(holder.paths)) == 1


def test_errors_show_in_the_dialog(qtbot: QtBot, holder: Holder, clock: FixedClock) -> None:
    dialog = BackupDialog(holder.paths, clock=clock)
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    broken = holder.paths.backup_dir / "crm-20260101T000000Z-manual.sqlite3"
    broken.write_bytes(b"not a database at all" * 100)
    dialog.refresh()
    _idle(qtbot, dialog)
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.backup(r).path == broken)
    assert dialog.model.index(row, 3).data() == "–"
    dialog.view.selectRow(row)
    assert "cannot be read" in dialog.preview.text()
    dialog.restore(broken)
    _idle(qtbot, dialog)
    assert "damaged" in dialog.status.text()
    assert holder.store is not None
    with holder.store.reader() as s:  # the store was not touched
        assert s.scalar(select(func.count()).select_from(Person)) == 3
