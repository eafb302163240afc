"""Start-up: the window's frame paints before the data layer is imported, the store
opens in a worker thread, and the window fills itself once it is open."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from crm_desktop.app import _open_store_in_background, _start_preload
from crm_desktop.data.store import Store
from crm_desktop.errors import StoreError
from crm_desktop.services import contacts
from crm_desktop.ui.main_window import FRAME_ACTIONS, MainWindow
from crm_desktop.ui.settings_dialog import AppSettings

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = [sys.executable, "-m", "crm_desktop"]


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CRM_DESKTOP_NO_BACKUP="1", **extra)
    env.pop("CRM_DESKTOP_DATABASE_URL", None)
    return env


def test_the_frame_is_built_without_the_data_layer(tmp_path: Path) -> None:
    """What paints first needs neither SQLAlchemy nor the models nor the panes."""
    script = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from crm_desktop.app import create_application
        from crm_desktop.ui.main_window import MainWindow
        from crm_desktop.ui.settings_dialog import AppSettings

        app = create_application(["crm"])
        win = MainWindow(None, AppSettings(Path({str(tmp_path)!r}) / "settings.ini"))
        win.show()
        app.processEvents()
        loaded = [m for m in ("sqlalchemy", "crm_desktop.data.models",
                  "crm_desktop.ui.tree_model", "crm_desktop.ui.detail") if m in sys.modules]
        enabled = sorted(n for n, a in win.actions_by_name.items() if a.isEnabled())
        print(json.dumps({{"loaded": loaded, "enabled": enabled,
                          "status": win.status_label.text(), "attached": win.attached}}))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    facts = json.loads(out.stdout.strip().splitlines()[-1])
    assert facts["loaded"] == []
    assert facts["enabled"] == sorted(FRAME_ACTIONS)  # quit, shortcuts, about
    assert facts["status"] == "Opening your data…"
    assert facts["attached"] is False


def test_attach_fills_the_frame(qtbot: QtBot, sqlite_store: Store, tmp_path: Path) -> None:
    with sqlite_store.session() as s:
        company = contacts.create_company(s, contacts.CompanyInput(name="Bäckerei Müller"))
        person = contacts.create_person(
            s, contacts.PersonInput(given_name="Jürgen", family_name="Weiß", company_id=company.id)
        )
        person_id = person.id
    settings = AppSettings(tmp_path / "settings.ini")
    win = MainWindow(None, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.actions_by_name["new_person"].isEnabled() is False
    placeholder = win.splitter.widget(1)
    assert placeholder is win.opening_page

    win.attach(sqlite_store)
    assert win.attached
    assert [win.splitter.widget(i) for i in range(3)] == [win.tree_panel, win.center, win.timeline]
    assert win.actions_by_name["new_person"].isEnabled()
    assert not win.actions_by_name["back"].isEnabled()
    assert not win.actions_by_name["redo"].isEnabled()
    toolbar_widgets = [win.toolbar.widgetForAction(a) for a in win.toolbar.actions()]
    assert win.search in toolbar_widgets
    assert "1 person" in win.status_label.text()
    assert win.open_record("person", person_id)
    assert win.center.currentWidget() is win.detail
    with pytest.raises(RuntimeError):
        win.attach(sqlite_store)

    # redo follows the undo stack once attached
    win.confirm = lambda _title, _text: True
    assert win.delete_record("person", person_id)
    win.undo_last_change()
    qtbot.waitUntil(lambda: win.actions_by_name["redo"].isEnabled(), timeout=5000)
    assert win.actions_by_name["redo"].text().startswith("&Redo")
    win.actions_by_name["redo"].trigger()
    assert not win.actions_by_name["redo"].isEnabled()
    win.tasks.wait(5000)


def test_the_store_opens_off_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    from crm_desktop.cli.context import CliContext

    ctx = CliContext(args=SimpleNamespace(data_dir=tmp_path / "data", database_url=None))  # type: ignore[arg-type]
    win = MainWindow(None, AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    got: dict[str, Any] = {}

    def opened(store: Any) -> None:
        got["store"] = store
        got["thread"] = threading.current_thread()

    _start_preload()  # the store opens after it: both on the start lane
    opener = _open_store_in_background(ctx, win, opened, lambda exc: got.setdefault("error", exc))
    qtbot.waitUntil(lambda: "store" in got or "error" in got, timeout=30000)
    try:
        assert "error" not in got
        assert isinstance(got["store"], Store)
        assert got["thread"] is threading.main_thread()  # handed over to the GUI thread
        assert opener.finished and opener.wait(0)
        win.attach(got["store"])
        assert win.attached
        win.tasks.wait(5000)
    finally:
        ctx.close()


def test_a_store_that_does_not_open_is_reported_on_the_gui_thread(
    qtbot: QtBot, tmp_path: Path
) -> None:
    class Failing:
        clock = None

        def store(self) -> Store:
            raise StoreError("The data file {path} is not a CRM Desktop store.", path="x")

    win = MainWindow(None, AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    got: list[tuple[BaseException, threading.Thread]] = []
    _open_store_in_background(
        Failing(),  # type: ignore[arg-type]
        win,
        lambda _store: None,
        lambda exc: got.append((exc, threading.current_thread())),
    )
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    exc, thread = got[0]
    assert isinstance(exc, StoreError)
    assert thread is threading.main_thread()
    assert not win.attached


def test_real_start_paints_then_fills(tmp_path: Path) -> None:
    """The program as users start it, on a store with data: the frame paints, then the
    window fills (tree, Today page) and the benchmark hook ends it with exit code 0."""
    data = tmp_path / "data"
    demo = subprocess.run(
        [*PROGRAM, "--data-dir", str(data), "demo-data", "--people", "60", "--json"],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=ROOT,
        timeout=300,
    )
    assert demo.returncode == 0, demo.stderr
    out = subprocess.run(
        [*PROGRAM, "--data-dir", str(data), "--lang", "de"],
        capture_output=True,
        text=True,
        env=_env(CRM_DESKTOP_EXIT_AFTER_PAINT="1"),
        cwd=ROOT,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    lines = [row.split()[0] for row in out.stdout.splitlines() if row.strip()]
    assert lines[:2] == ["PAINTED", "FILLED"], out.stdout
    assert "MAXRSS_KB" in lines
    assert "Traceback" not in out.stderr
