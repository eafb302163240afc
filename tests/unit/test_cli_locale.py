"""The command line speaks the window's language (issue #20): ``--lang``, else the
language saved in the window's settings, else the system's; dates in its format."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings

from crm_desktop.cli.context import CliContext, saved_language
from crm_desktop.cli.main import error_line
from crm_desktop.errors import ValidationError
from crm_desktop.services import validation


@pytest.fixture(autouse=True)
def keep_locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def _ctx(tmp_path: Path, lang: str | None) -> CliContext:
    return CliContext(args=argparse.Namespace(data_dir=str(tmp_path), lang=lang, database_url=None))


def _save_language(tmp_path: Path, lang: str) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", lang)
    settings.sync()


def test_lang_wins_then_the_saved_setting(tmp_path: Path) -> None:
    assert saved_language(tmp_path) is None  # no settings file: nothing created
    assert not (tmp_path / "settings.ini").exists()
    _save_language(tmp_path, "de")
    assert saved_language(tmp_path) == "de"
    assert _ctx(tmp_path, None).language == "de"
    assert _ctx(tmp_path, "en").language == "en"


def test_errors_say_dates_in_the_users_format(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as info:
        validation.check_birth_date(dt.date(2030, 1, 1), dt.date(2026, 3, 10))
    _save_language(tmp_path, "de")
    ctx = _ctx(tmp_path, None)
    translator = ctx.apply_language()
    assert translator.active
    assert error_line(info.value, translator) == (
        "Das Geburtsdatum 01.01.2030 liegt in der Zukunft."
    )
    assert ctx.tr("import", "card {n}") in ("card {n}", "Karte {n}")  # until lupdate runs
    english = _ctx(tmp_path, "en").apply_language()
    assert not english.active
    assert error_line(info.value, english) == "The birth date 1/1/2030 lies in the future."
