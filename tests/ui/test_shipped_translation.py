"""The German .qm that ships: plural forms and key names as a German desktop shows them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from crm_desktop.app import install_translators
from crm_desktop.ui.main_window import native_keys


@pytest.fixture
def german_app(qapp: QApplication) -> Iterator[list[QTranslator]]:
    before = QLocale()
    installed = install_translators(qapp, "de")
    yield installed
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def test_plural_forms(german_app: list[QTranslator]) -> None:
    assert len(german_app) == 2  # ours and Qt's own
    tr = QCoreApplication.translate
    assert tr("TodayView", "1 day ago") == "vor 1 Tag"
    assert tr("TodayView", "%n days ago", "", 5) == "vor 5 Tagen"
    assert tr("TodayView", "%n days", "", 14) == "14 Tage"
    assert tr("PersonDetailPane", "every day") == "täglich"
    assert tr("PersonDetailPane", "every %n days", "", 30) == "alle 30 Tage"


def test_shortcut_names_are_the_desktops(german_app: list[QTranslator]) -> None:
    assert native_keys("Ctrl+F") == "Strg+F"
    assert native_keys("Ctrl+1 / 2 / 3") == "Strg+1 / 2 / 3"
    assert native_keys("F5") == "F5"
