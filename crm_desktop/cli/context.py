"""What every sub-command gets: the parsed options, the paths and a lazily opened store."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.config import ENV_DATABASE_URL, AppPaths, resolve_paths
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import CrmError, StoreError

if TYPE_CHECKING:  # the data layer is imported when a store is opened, not at start
    from crm_desktop.data.store import Store
    from crm_desktop.services.storecheck import Health


def _identity(text: str) -> str:
    return text


class Translator:
    """The window's translations (its .qm file) for the command line: ``translate(text)``
    for the texts of one context (the domain's messages: "errors"; calendar files:
    "ical"), :meth:`in_context` for the others."""

    def __init__(self, translator: Any = None, context: str = "errors") -> None:
        self._translator = translator
        self.context = context

    def __call__(self, text: str) -> str:
        return self.in_context(self.context, text)

    @property
    def active(self) -> bool:
        """False for English (the source texts are English)."""
        return self._translator is not None

    def in_context(self, context: str, text: str) -> str:
        if self._translator is None:
            return text
        return str(self._translator.translate(context, text) or text)


def make_translator(lang: str | None, context: str = "errors") -> Translator:
    """The translation of the program's texts for ``lang`` (the window's .qm file),
    called with a text of ``context``; English needs none."""
    if not lang or lang == "en":
        return Translator(context=context)
    try:
        from PySide6.QtCore import QTranslator

        from crm_desktop.resources import translation_path
    except ImportError:  # pragma: no cover - Qt is a dependency
        return Translator(context=context)
    translator = QTranslator()
    if not translator.load(str(translation_path(lang))):
        return Translator(context=context)
    return Translator(translator, context)


def saved_language(data_dir: Path) -> str | None:
    """The language chosen in the window's settings (``ui/language`` of settings.ini)."""
    path = data_dir / "settings.ini"
    if not path.is_file():
        return None
    from PySide6.QtCore import QSettings

    value = QSettings(str(path), QSettings.Format.IniFormat).value("ui/language", "")
    return str(value or "") or None


def set_locale(lang: str) -> None:
    """Dates, times and money of ``lang`` for the formatting of this process (the
    window's :func:`crm_desktop.app.install_translators` sets the same)."""
    from PySide6.QtCore import QLocale

    system = QLocale.system()
    if system.name()[:2] == lang:
        locale = system
    elif lang == "de":
        locale = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    else:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)


@dataclass
class CliContext:
    args: argparse.Namespace
    clock: Clock = field(default_factory=SystemClock)
    read_only: bool = False
    passphrase: str | None = None
    locked: bool = False  # this process holds the instance lock (the window)
    prepared: Health | None = None  # the window checked the store already
    print_notes: bool = True
    notes: list[CrmError] = field(default_factory=list)
    translate: Callable[[str], str] = field(default=_identity)
    _store: Store | None = None

    @property
    def paths(self) -> AppPaths:
        return resolve_paths(self.args.data_dir)

    @property
    def database_url(self) -> str | None:
        import os

        return self.args.database_url or os.environ.get(ENV_DATABASE_URL) or None

    def store(self) -> Store:
        if self._store is None:
            from crm_desktop.data.store import open_store

            paths = self.paths
            url = self.database_url
            if not url:
                self._store = self._open_local(paths)
            else:
                self._store = open_store(
                    database_url=url, before_upgrade=None, read_only=self.read_only
                )
            for note in self._store.notes:  # e.g. "read-only: changes cannot be saved"
                sys.stderr.write(f"crm-desktop: note: {note.text(self.translate)}\n")
        return self._store

    def _open_local(self, paths: AppPaths) -> Store:
        """The SQLite store: interrupted work finished or rolled back, damage reported
        as ``check`` reports it, encrypted files opened with their passphrase."""
        from crm_desktop.data.store import open_store
        from crm_desktop.services import storecheck
        from crm_desktop.services.backup import backup_before_upgrade

        if self.prepared is None:
            health, notes = storecheck.prepare(paths, locked=self.locked)
            self.note(notes)
        else:
            health = self.prepared
        if health.state in ("encrypted", "unreadable"):
            return self._open_encrypted(paths, health.state)
        try:
            return open_store(
                data_dir=paths.data_dir,
                database_url=None,
                before_upgrade=backup_before_upgrade(paths),
                read_only=self.read_only,
            )
        except Exception as exc:
            if storecheck.is_database_error(exc):
                raise storecheck.error_for(paths, exc) from exc
            raise

    def _open_encrypted(self, paths: AppPaths, state: str) -> Store:
        from crm_desktop.services import crypto, storecheck

        passphrase = self._encryption_passphrase(paths)
        if not passphrase:
            if state == "unreadable":
                raise storecheck.unreadable_error(paths)
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The data file is encrypted. Give the passphrase in the window or in "
                    "CRM_DESKTOP_PASSPHRASE.",
                )
            )
        try:
            crypto.connect(paths.db_path, passphrase).close()
        except StoreError as exc:
            if state == "unreadable":
                raise StoreError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The data file is not a readable database: it is damaged, or "
                        "encrypted with another passphrase.",
                    ),
                    reason="unreadable",
                ) from exc
            raise storecheck.wrong_passphrase_error(paths) from exc
        if state == "unreadable":  # it opens with the passphrase: encrypted after all
            storecheck.write_marker(paths.db_path)
        self.passphrase = passphrase
        try:
            store: Store = crypto.open_encrypted_store(paths, passphrase)
        except Exception as exc:
            if storecheck.is_database_error(exc):
                raise storecheck.error_for(paths, exc, passphrase=passphrase) from exc
            raise
        return store

    @property
    def language(self) -> str:
        """``--lang``, else the language saved in the window's settings, else the
        system's (German for German systems, else English)."""
        from crm_desktop.app import choose_language

        requested = getattr(self.args, "lang", None)
        saved = None if requested else saved_language(self.paths.data_dir)
        return choose_language(requested, saved)

    def apply_language(self) -> Translator:
        """Translate and format in :attr:`language` from now on; the translator."""
        lang = self.language
        set_locale(lang)
        translator = make_translator(lang)
        self.translate = translator
        return translator

    def tr(self, context: str, text: str) -> str:
        """``text`` of ``context`` in the user's language (English without a .qm file)."""
        translate = self.translate
        if isinstance(translate, Translator):
            return translate.in_context(context, text)
        return text

    def note(self, notes: list[CrmError]) -> None:
        """What the start finished or rolled back, one line each on stderr."""
        self.notes.extend(notes)
        if self.print_notes:
            for item in notes:
                sys.stderr.write(f"crm-desktop: {item.text(self.translate)}\n")

    def _encryption_passphrase(self, paths: AppPaths) -> str | None:
        """The passphrase of an encrypted SQLite store (None: not given).

        From the window's passphrase prompt, $CRM_DESKTOP_PASSPHRASE, or the OS keyring."""
        import os

        passphrase = self.passphrase or os.environ.get("CRM_DESKTOP_PASSPHRASE")
        if not passphrase:
            try:
                from crm_desktop.services import crypto

                passphrase = crypto.load_passphrase(paths)
            except StoreError:
                passphrase = None
        return passphrase or None

    def close(self) -> None:
        if self._store is not None:
            self._store.dispose()
            self._store = None

    @property
    def phone_region(self) -> str:
        """``--phone-region``: the country of numbers without a country code (DE)."""
        return str(getattr(self.args, "phone_region", None) or "DE")

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def out(self, data: Any, human: str | None = None) -> None:
        """JSON with ``--json``, else the human text (or JSON when there is none)."""
        if self.json or human is None:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n")
        else:
            print(human)
