"""The former god modules are packages of rooms (issue #16): the old import paths keep
working, the window is joined from all its rooms, and a string moved into a room keeps
its German translation (now and after the next lupdate run)."""

from __future__ import annotations

import ast
import importlib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.app import install_translators
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.main_window.base import WindowRoom
from crm_desktop.ui.settings_dialog import AppSettings

UI = Path(__file__).resolve().parents[2] / "crm_desktop" / "ui"
TS = UI.parents[1] / "resources" / "translations" / "crm_desktop_de.ts"
PACKAGES = ("main_window", "dialogs", "detail", "forms")


@pytest.mark.parametrize("name", PACKAGES)
def test_the_old_module_path_exports_what_its_rooms_define(name: str) -> None:
    package = importlib.import_module(f"crm_desktop.ui.{name}")
    assert (UI / name / "__init__.py").is_file()
    assert not (UI / f"{name}.py").exists()  # one place per name
    for exported in package.__all__:
        value = getattr(package, exported)
        home = getattr(value, "__module__", None)
        if home is not None and home.startswith(f"crm_desktop.ui.{name}."):
            room = importlib.import_module(home)
            assert getattr(room, exported) is value, f"{name}.{exported}"


def test_old_names_still_import() -> None:
    from crm_desktop.ui.detail import DetailStack, RecordList, addresses_html
    from crm_desktop.ui.dialogs import TAB_PROFILE, EntityForm, PersonDialog
    from crm_desktop.ui.forms import ERROR_COLOR, ListEditor, save_with_errors
    from crm_desktop.ui.main_window import FRAME_ACTIONS, Location, error_text, native_keys

    assert DetailStack and RecordList and addresses_html
    assert TAB_PROFILE == 4 and EntityForm and PersonDialog
    assert ERROR_COLOR and ListEditor and save_with_errors
    assert "quit" in FRAME_ACTIONS and Location("person", 1).ref_id == 1
    assert error_text and native_keys("Ctrl+F")


def _rooms() -> dict[str, set[str]]:
    """Room class name -> the literal ``self.tr`` texts in it."""
    rooms: dict[str, set[str]] = {}
    for path in sorted((UI / "main_window").glob("*.py")):
        for cls in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(cls, ast.ClassDef) or not cls.name.endswith("Room"):
                continue
            if cls.name == "WindowRoom":
                continue
            texts = rooms.setdefault(cls.name, set())
            for node in ast.walk(cls):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "tr"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    texts.add(str(node.args[0].value))
    return rooms


def test_the_window_joins_every_room() -> None:
    rooms = _rooms()
    assert set(rooms) == {
        "ActionsRoom",
        "CommandsRoom",
        "MailRoom",
        "FilesRoom",
        "NavigationRoom",
        "RecordsRoom",
        "ToolsRoom",
    }
    joined = {cls.__name__ for cls in MainWindow.__mro__}
    assert set(rooms) <= joined
    assert all(
        issubclass(cls, WindowRoom) for cls in MainWindow.__mro__[1:] if cls.__name__ in rooms
    )
    assert MainWindow.__mro__[0] is MainWindow  # "MainWindow" is the first context tr tries


def test_every_room_string_is_translated_under_its_room_context() -> None:
    """lupdate files a room's ``self.tr`` strings under the room's class name."""
    root = ET.parse(TS).getroot()
    translated: dict[str, set[str]] = {}
    for ctx in root.findall("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.findall("message"):
            tr = msg.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete")
            if done and tr is not None and ((tr.text or "").strip() or tr.findall("numerusform")):
                translated.setdefault(name, set()).add(msg.findtext("source") or "")
    for room, texts in _rooms().items():
        missing = sorted(texts - translated.get(room, set()))
        assert missing == [], f"{room}: {missing}"


@pytest.fixture
def german_app(qapp: QApplication) -> Iterator[list[QTranslator]]:
    before = QLocale()
    installed = install_translators(qapp, "de")
    yield installed
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def test_a_room_string_is_german_at_run_time(
    german_app: list[QTranslator], qtbot: QtBot, tmp_path: Path
) -> None:
    """``self.tr`` tries every class of the window's MRO, "MainWindow" first."""
    window = MainWindow(None, AppSettings(tmp_path / "settings.ini"))  # the frame only
    qtbot.addWidget(window)
    assert window.actions_by_name["import"].text() == "&Importieren…"  # built in ActionsRoom
    assert window.tr("&Import…") == "&Importieren…"
