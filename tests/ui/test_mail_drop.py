"""E-mail files dropped onto the window land in the timeline of the record shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity, ActivityKind
from crm_desktop.data.store import Store
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.main_window.mail import mail_paths
from crm_desktop.ui.settings_dialog import AppSettings
from tests.ui.test_main_window import build_org

FIXTURES = Path(__file__).resolve().parents[1] / "interop" / "fixtures" / "mail"


@pytest.fixture
def window(qtbot: QtBot, sqlite_store: Store, tmp_path: Path) -> Iterator[MainWindow]:
    # a week after the sample mails were written
    later = FixedClock(dt.datetime(2026, 12, 10, 9, tzinfo=dt.UTC))
    win = MainWindow(
        sqlite_store, AppSettings(tmp_path / "settings.ini"), clock=later, data_dir=tmp_path
    )
    qtbot.addWidget(win)
    yield win
    win.tasks.wait(5000)


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_only_mail_files_are_taken(tmp_path: Path) -> None:
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8")
    eml = FIXTURES / "outlook_html.eml"
    assert mail_paths(_mime(photo, eml, FIXTURES)) == [eml, FIXTURES]
    assert mail_paths(_mime(photo)) == []


def test_mail_dropped_on_a_person_is_filed_there_and_undoable(
    qtbot: QtBot, window: MainWindow, sqlite_store: Store, clock: FixedClock
) -> None:
    org = build_org(sqlite_store, clock)
    win = window
    messages: list[tuple[str, str]] = []
    win.show_message = lambda title, text: messages.append((title, text))  # type: ignore[method-assign]
    win.show()
    win.open_record("person", org["mate"])
    pane = win.detail.person_pane  # type: ignore[attr-defined]
    before = pane.overview.text("last_contact")

    mime = _mime(FIXTURES / "outlook_html.eml")
    enter = QDragEnterEvent(
        QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    win.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    with qtbot.waitSignal(win.hub.changed, timeout=10_000):
        win.dropEvent(drop)
    assert messages and messages[0][1].startswith("1 e-mail read into the timeline.")
    with sqlite_store.reader() as s:
        (mail,) = s.scalars(select(Activity).where(Activity.kind == ActivityKind.EMAIL))
        assert mail.person_id == org["mate"]  # nobody has the sender's address: filed here
        assert mail.subject == "AW: Zaehlerwechsel am Obermarkt"
    assert pane.overview.text("last_contact") != before  # the pane followed the change
    # Edit → Undo names it and takes it back
    undo_action = win.actions_by_name["undo"]
    assert undo_action.text().endswith("Read 1 e-mail into the timeline")
    undo_action.trigger()
    with sqlite_store.reader() as s:
        assert (
            s.scalars(
                select(Activity.id).where(
                    Activity.kind == ActivityKind.EMAIL, Activity.deleted_at.is_(None)
                )
            ).all()
            == []
        )


def test_menu_reads_mails_matched_by_address(
    qtbot: QtBot,
    window: MainWindow,
    sqlite_store: Store,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build_org(sqlite_store, clock)
    win = window
    messages: list[str] = []
    win.show_message = lambda _title, text: messages.append(text)  # type: ignore[method-assign]
    monkeypatch.setattr(
        "crm_desktop.ui.main_window.mail.QFileDialog.getOpenFileNames",
        lambda *a, **k: ([str(FIXTURES / "thunderbird_folder.mbox")], ""),
    )
    win.actions_by_name["read_mail"].trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    text = messages[0]
    assert text.startswith("0 e-mails read into the timeline.")
    assert "Nobody stored has these addresses" in text
    assert "oemer@yildiz-bau.de" in text and "neu@unbekannt.example" in text
