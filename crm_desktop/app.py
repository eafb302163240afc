"""Start the window: logging, crash dialog, QApplication, translations, store, main window.

Importing this module has no side effects; :func:`run_gui` does the work. The pieces
(:func:`create_application`, :func:`install_translators`, :func:`install_excepthook`)
are reused by the screenshot command and the self-test.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from crm_desktop import APP_ID, APP_NAME, ORG_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from crm_desktop.cli.context import CliContext
    from crm_desktop.services.changes import Changes
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.settings_dialog import AppSettings

log = logging.getLogger("crm_desktop.app")

SUPPORTED_LANGUAGES = ("de", "en")


def choose_language(requested: str | None, saved: str | None = None) -> str:
    """``--lang`` wins, then the saved preference, then the system language (German
    for German systems, else English)."""
    for candidate in (requested, saved):
        if candidate in SUPPORTED_LANGUAGES:
            return str(candidate)
    from PySide6.QtCore import QLocale

    system = QLocale.system().name()[:2]
    return system if system in SUPPORTED_LANGUAGES else "en"


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Load this program's and Qt's own translations for ``lang``; set the locale.

    Returns the installed translators (kept alive by the caller and the app).
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from crm_desktop.resources import translation_path

    system = QLocale.system()
    if system.name()[:2] == lang:
        locale = system
    elif lang == "de":
        locale = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    else:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    if lang == "en":
        return installed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for path in (translation_path(lang), Path(qt_dir) / f"qtbase_{lang}.qm"):
        if not path.is_file():
            log.info("no translation file %s", path.name)
            continue
        translator = QTranslator(app)
        if translator.load(str(path)) and app.installTranslator(translator):
            installed.append(translator)
    return installed


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with name, organisation and icon (reused when one exists)."""
    from PySide6.QtWidgets import QApplication

    from crm_desktop.ui.icons import app_icon

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [APP_ID])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORG_NAME)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_ID)
    return app


def _crash_text(exc: BaseException, log_file: Path | None) -> str:
    from crm_desktop.ui.errors import crash_text

    return crash_text(exc, log_file)


def install_excepthook(log_file: Path | None = None, paths: Any = None) -> Callable[..., Any]:
    """Bugs (not expected errors) end in the log and in a crash dialog; returns the
    previous hook. With ``paths`` (a local store), a DatabaseError that a query met on a
    damaged page says what ``crm-desktop check`` says instead."""
    previous = sys.excepthook
    showing = {"now": False}
    from crm_desktop.ui.errors import set_log_file

    set_log_file(log_file)

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        log.error("unhandled %s", exc_type.__name__, exc_info=(exc_type, exc, tb))
        from PySide6.QtWidgets import QApplication, QMessageBox

        from crm_desktop.errors import CrmError

        app = QApplication.instance()
        if app is None or showing["now"]:
            previous(exc_type, exc, tb)
            return
        showing["now"] = True
        try:
            if paths is not None and isinstance(exc, Exception):
                from crm_desktop.services import storecheck

                if storecheck.is_database_error(exc):
                    exc = storecheck.error_for(paths, exc)
            if isinstance(exc, CrmError):  # an expected error that nobody caught
                from crm_desktop.ui.main_window import error_text

                QMessageBox.warning(None, APP_NAME, error_text(exc))
                return
            box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, _crash_text(exc, log_file))
            box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
            box.exec()
        finally:
            showing["now"] = False

    sys.excepthook = hook
    return previous


def app_settings(data_dir: Path) -> AppSettings:
    from crm_desktop.ui.settings_dialog import AppSettings

    data_dir.mkdir(parents=True, exist_ok=True)
    return AppSettings(data_dir / "settings.ini")


def _hand_over(server: str) -> bool:
    """Ask the running instance to show its window; True when it answered."""
    from PySide6.QtNetwork import QLocalSocket

    sock = QLocalSocket()
    sock.connectToServer(server)
    if not sock.waitForConnected(1000):
        return False
    sock.write(b"activate\n")
    sock.flush()
    sock.waitForBytesWritten(1000)
    sock.disconnectFromServer()
    return True


def _listen(server_name: str, window: MainWindow) -> Any:
    from PySide6.QtCore import Qt
    from PySide6.QtNetwork import QLocalServer

    server = QLocalServer(window)
    QLocalServer.removeServer(server_name)
    if not server.listen(server_name):
        return None

    def activate() -> None:
        conn = server.nextPendingConnection()
        if conn is not None:
            conn.disconnected.connect(conn.deleteLater)
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()

    server.newConnection.connect(activate)
    return server


def run_gui(ctx: CliContext) -> int:
    """Open the main window on the store of ``ctx``; returns the exit code."""
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.errors import CrmError
    from crm_desktop.ui.main_window import MainWindow, error_text

    paths = ctx.paths
    log_file: Path | None = None
    try:
        from crm_desktop.logging_setup import setup_logging

        log_file = setup_logging(paths)
    except ImportError:  # pragma: no cover - logging setup not installed
        logging.basicConfig(level=logging.INFO)
    log.info("starting %s %s", APP_ID, __version__)
    app = create_application(sys.argv[:1])
    settings = app_settings(paths.data_dir)
    settings.apply_time_zone()
    settings.apply_phone_region()
    translators = install_translators(app, choose_language(ctx.args.lang, settings.language))
    install_excepthook(log_file, None if ctx.database_url else paths)

    lock = None
    if not ctx.database_url:
        from crm_desktop.services import instance

        try:
            lock = instance.acquire(paths)
        except instance.AlreadyRunning as exc:
            choice = _ask_second_instance(error_text(exc))
            if choice == "show":
                if _hand_over(instance.server_name(paths)):
                    log.info("handed over to the running instance")
                return 0
            if choice != "read-only":
                return 1
            ctx.read_only = True  # never two writers: this window only reads
    try:
        checked_now = False
        if not ctx.database_url:
            # interrupted work finished or rolled back, damage offered a way back, the
            # passphrase asked for (again when wrong): before anything opens the store
            refused = _prepare_store_on_start(paths, ctx, locked=lock is not None)
            if refused is not None:
                return refused
            checked_now = _small_store(paths)
        # the frame paints first; the store opens (SQLAlchemy, models, migrations) in a
        # worker thread meanwhile, and the window fills itself when it is open
        window = MainWindow(None, settings, clock=ctx.clock, data_dir=paths.data_dir)
        bench = bool(os.environ.get("CRM_DESKTOP_EXIT_AFTER_PAINT"))  # bench/run_bench.py
        if bench:
            _report_first_paint(window)
        # the data layer loads while Qt paints the frame (painting runs without the GIL)
        _start_preload()
        window.show()

        failure: list[BaseException] = []

        def opened(store: Any) -> None:
            try:
                window.attach(store)
            except CrmError as exc:  # e.g. the server went away between open and query
                failed(exc)
                return
            if lock is not None:
                from crm_desktop.services import instance

                window.setProperty("localServer", _listen(instance.server_name(paths), window))
                # Settings → Encryption (needs this process to hold the data folder)
                window.setProperty("encryption", WindowEncryption(paths, ctx))
            if bench:
                _exit_when_filled(app, window)
            else:
                _after_first_paint(store, window, paths, ctx)
            _show_store_notes(store, window)
            if not ctx.database_url and not ctx.read_only and not store.read_only:
                # the daily backup (and, for a large file, the quick check) run behind
                # the open window: a 1 GB store would otherwise keep it from opening
                _background_start_checks(paths, ctx, settings, window, check=not checked_now)

        def failed(exc: BaseException) -> None:
            failure.append(exc)
            if isinstance(exc, CrmError) and exc.params.get("backup"):
                _offer_restore(paths, ctx, exc, window, restart=True)
            elif isinstance(exc, CrmError):
                QMessageBox.critical(window, APP_NAME, error_text(exc))
            else:
                log.error("the store did not open", exc_info=exc)
                QMessageBox.critical(window, APP_NAME, _crash_text(exc, log_file))
            app.exit(1)

        opener = _open_store_in_background(ctx, window, opened, failed)
        code = int(app.exec())
        if not window.attached:
            if failure:  # the store did not open
                return code or 1
            # closed while the store was opening: let an upgrade under way finish
            opener.wait(int(STORE_OPEN_GRACE_S * 1000))
            ctx.close()
            return code
        writer = window.property("calendarWriter")
        if writer is not None and hasattr(writer, "close"):
            writer.close()  # a write that is under way finishes (temp file, then rename)
            writer.wait(10.0)
        if not ctx.database_url and not ctx.read_only:
            ctx.close()
            _auto_backup(paths, ctx, settings, "quit")
        log.info("quit with %s", code)
        del translators
        return code
    finally:
        if lock is not None:
            lock.release()


def _show_store_notes(store: Any, window: Any) -> None:
    """What the store says on opening (a read-only folder, a WAL set aside), in a
    message that does not block the window."""
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.ui.main_window import error_text

    notes = list(getattr(store, "notes", None) or [])
    if not notes:
        return
    box = QMessageBox(
        QMessageBox.Icon.Information,
        APP_NAME,
        "\n\n".join(error_text(n) for n in notes),
        parent=window,
    )
    box.setModal(False)
    window.setProperty("storeNotes", box)
    box.show()


def _ask_second_instance(text: str) -> str:
    """Another window has this data folder open: show it, open read-only, or stop."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    def tr(t: str) -> str:
        return QCoreApplication.translate("App", t)

    box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text)
    show = box.addButton(
        QCoreApplication.translate("App", "Show the open window"), QMessageBox.ButtonRole.AcceptRole
    )
    read_only = box.addButton(
        QCoreApplication.translate("App", "Open read-only"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is show:
        return "show"
    if box.clickedButton() is read_only:
        return "read-only"
    return "cancel"


class WindowEncryption:
    """Encrypt, decrypt or re-key the open store from Settings → Encryption. The store
    is closed first; the program then quits (it opens again with the passphrase)."""

    def __init__(self, paths: Any, ctx: CliContext) -> None:
        self.paths = paths
        self.ctx = ctx

    def passphrase(self) -> str | None:
        return self.ctx.passphrase

    def encrypted(self) -> bool | None:
        if self.ctx.database_url or self.ctx.read_only:
            return None
        from crm_desktop.services import crypto, storecheck

        if not crypto.sqlcipher_available():
            return None
        return not storecheck.has_sqlite_header(self.paths.db_path)

    def done(self) -> None:
        """After the change was told: quit (the store is closed)."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        QTimer.singleShot(0, QApplication.quit)

    def encrypt(self, passphrase: str) -> None:
        from crm_desktop.services import crypto

        self.ctx.close()
        crypto.encrypt_store(self.paths, passphrase)
        self.ctx.passphrase = passphrase  # the backup on quit is encrypted

    def decrypt(self, passphrase: str) -> None:
        from crm_desktop.services import crypto

        crypto.connect(self.paths.db_path, passphrase).close()  # a wrong one: nothing closes
        self.ctx.close()
        crypto.decrypt_store(self.paths, passphrase)
        self.ctx.passphrase = None

    def change(self, old: str, new: str) -> None:
        from crm_desktop.services import crypto

        crypto.connect(self.paths.db_path, old).close()
        self.ctx.close()
        crypto.change_passphrase(self.paths, old, new)
        self.ctx.passphrase = new
        with contextlib.suppress(crypto.KeyringUnavailable):
            if crypto.load_passphrase(self.paths) == old:
                crypto.save_passphrase(self.paths, new)


def _prepare_store_on_start(paths: Any, ctx: CliContext, *, locked: bool) -> int | None:
    """What :func:`storecheck.prepare` finds, told in the window: notes on interrupted
    work, damage with a "Restore from backup…" offer, the passphrase prompt. Returns
    the exit code when the window must not open (None: go on)."""
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.errors import StoreError
    from crm_desktop.services import storecheck
    from crm_desktop.ui.main_window import error_text

    for _attempt in range(3):  # after a restore: check the restored file
        try:
            health, notes = storecheck.prepare(
                paths, locked=locked, integrity=None if _small_store(paths) else False
            )
        except StoreError as exc:
            log.error("the store is damaged: %s", exc.text())
            if _offer_restore(paths, ctx, exc, None) is None:
                return 1
            continue
        if notes:
            QMessageBox.information(None, APP_NAME, "\n".join(error_text(n) for n in notes))
        if health.state in ("encrypted", "unreadable") and not ctx.passphrase:
            known = ctx._encryption_passphrase(paths)  # $CRM_DESKTOP_PASSPHRASE, keyring
            if known and _opens(paths.db_path, known):
                ctx.passphrase = known
        if health.state == "unreadable" and not ctx.passphrase:
            choice = _offer_restore(paths, ctx, storecheck.unreadable_error(paths), None)
            if choice is None:
                return 1
            if choice == "restored":
                continue
        if health.state in ("encrypted", "unreadable") and not ctx.passphrase:
            passphrase = ask_passphrase(lambda p: _opens(paths.db_path, p))
            if passphrase is None:
                return 0  # the user chose not to open it: a clean exit
            ctx.passphrase = passphrase
        if health.state == "unreadable":  # it opens with the passphrase: encrypted
            storecheck.write_marker(paths.db_path)
            health = storecheck.Health("encrypted")
        ctx.prepared = health
        ctx.print_notes = False
        return None
    return 1


def _opens(db: Path, passphrase: str) -> bool:
    from crm_desktop.errors import StoreError
    from crm_desktop.services import crypto

    try:
        crypto.connect(db, passphrase).close()
    except StoreError:
        return False
    return True


def ask_passphrase(
    check: Callable[[str], bool], parent: Any = None, prompt: str | None = None
) -> str | None:
    """Ask for the passphrase until ``check`` accepts it; None when the user cancels."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit

    label = prompt or QCoreApplication.translate("App", "This data file is encrypted. Passphrase:")
    while True:
        dialog = QInputDialog(parent)
        dialog.setObjectName("passphraseDialog")
        dialog.setWindowTitle(APP_NAME)
        dialog.setLabelText(label)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.textValue()
        dialog.deleteLater()
        if not accepted:
            return None
        if text and check(text):
            return str(text)
        label = QCoreApplication.translate(
            "App", "Wrong passphrase. Try again (or Cancel to quit):"
        )


def _offer_restore(
    paths: Any, ctx: CliContext, exc: Any, parent: Any, *, restart: bool = False
) -> str | None:
    """The damage message with "Restore from backup…" (when there is a good backup) and,
    for a file that may be encrypted, "Enter passphrase…". Returns "restored",
    "passphrase" or None (the user closed it, or the restore failed)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.errors import CrmError
    from crm_desktop.ui.main_window import error_text

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, error_text(exc), parent=parent)
    box.setObjectName("storeDamaged")
    backup = exc.params.get("backup")
    restore = (
        box.addButton(
            QCoreApplication.translate("App", "Restore from backup…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        if backup
        else None
    )
    passphrase = (
        box.addButton(
            QCoreApplication.translate("App", "Enter passphrase…"),
            QMessageBox.ButtonRole.ActionRole,
        )
        if exc.params.get("reason") == "unreadable"
        else None
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    clicked = box.clickedButton()
    if passphrase is not None and clicked is passphrase:
        return "passphrase"
    if restore is None or clicked is not restore:
        return None
    try:
        aside = _restore_backup(paths, ctx, Path(str(backup)))
    except CrmError as error:
        QMessageBox.critical(parent, APP_NAME, error_text(error))
        return None
    if aside is None:
        return None
    text = QCoreApplication.translate(
        "App", "The backup was restored. The previous data file was kept as {path}."
    ).format(path=str(aside))
    if restart:
        text += "\n" + QCoreApplication.translate("App", "Start CRM Desktop again to work with it.")
    QMessageBox.information(parent, APP_NAME, text)
    return "restored"


def _restore_backup(paths: Any, ctx: CliContext, source: Path) -> Path | None:
    """Restore ``source`` (an encrypted backup asks for its passphrase)."""
    from PySide6.QtCore import QCoreApplication

    from crm_desktop.services import backup, crypto, storecheck

    ctx.close()
    if storecheck.has_sqlite_header(source):
        aside = backup.restore(paths, source, clock=ctx.clock)
        ctx.passphrase = None
        return aside or paths.db_path

    def opens(passphrase: str) -> bool:
        from crm_desktop.errors import StoreError

        try:
            crypto.connect(source, passphrase).close()
        except StoreError:
            return False
        return True

    passphrase = ctx.passphrase if ctx.passphrase and opens(ctx.passphrase) else None
    passphrase = passphrase or ask_passphrase(
        opens, prompt=QCoreApplication.translate("App", "The backup is encrypted. Passphrase:")
    )
    if passphrase is None:
        return None
    aside = crypto.restore_encrypted(paths, source, passphrase, clock=ctx.clock)
    ctx.passphrase = passphrase
    return aside or paths.db_path


def _daily_jobs(store: Any, ctx: CliContext) -> Changes:
    """Rules that run on every start: quote follow-up stages, contact-interval
    follow-ups, and the nightly priority recomputation (once a day). Returns what they
    changed."""
    from PySide6.QtCore import QCoreApplication

    from crm_desktop.errors import CrmError
    from crm_desktop.services import followups, pipeline, priority
    from crm_desktop.services.changes import Changes

    texts = pipeline.QuoteTexts(  # stored as data: in the window's language
        followup=QCoreApplication.translate("App", "Quote follow-up {n}: {title}"),
        lost=QCoreApplication.translate("App", "{days} days after the quote without an answer"),
    )

    def quote_stages(s: Any) -> Changes:
        result = pipeline.run_quote_stages(s, ctx.clock, texts)
        return Changes(followups=frozenset(result.followups), opportunities=frozenset(result.lost))

    def interval_followups(s: Any) -> Changes:
        made = followups.ensure_interval_followups(s, ctx.clock)
        return Changes(followups=frozenset(f.id for f in made))  # ids read in the session

    jobs: list[tuple[str, Callable[[Any], Changes]]] = [
        ("quote stages", quote_stages),
        ("interval follow-ups", interval_followups),
    ]
    changed = Changes()
    for name, job in jobs:
        try:
            with store.session() as s:
                changed |= job(s)
        except CrmError as exc:
            log.warning("start job %s failed: %s", name, exc.message)
    try:  # in steps: a save in the window never waits for the whole run
        updates = priority.nightly_in_steps(store, ctx.clock) or []
    except CrmError as exc:
        log.warning("start job priorities failed: %s", exc.message)
        updates = []
    changed |= Changes(
        people=frozenset(u.id for u in updates if u.entity == "person"),
        companies=frozenset(u.id for u in updates if u.entity == "company"),
    )
    return changed


def _after_first_paint(store: Any, window: Any, paths: Any, ctx: CliContext) -> None:
    """The daily rules run off the GUI thread once the window is on screen (on a large
    store the first run of a day takes seconds); then the calendar file, the search
    warm-up and the startup agenda follow, and the window shows what the rules added
    (one published change record)."""
    from PySide6.QtCore import QTimer

    from crm_desktop.services.changes import Changes
    from crm_desktop.ui.tasks import runner

    window.hold_reminders(True)

    def done(changes: Changes) -> None:
        window.hold_reminders(False)
        _start_extras(store, window, paths, ctx)
        window.hub.publish(changes)  # the pages (and the tree) follow what was added
        window.refresh_status()

    def failed(exc: BaseException) -> None:  # logged; the window goes on without them
        log.error("start jobs failed", exc_info=exc)
        done(Changes())

    def start() -> None:
        runner().submit(
            lambda _progress: _daily_jobs(store, ctx),
            receiver=window,
            on_done=done,
            on_error=failed,
            name="start jobs",
        )

    QTimer.singleShot(AFTER_PAINT_MS, window, start)


AFTER_PAINT_MS = 100


class _NoFeed(Exception):
    """The calendar feed is not written (encrypted store)."""


def _start_extras(store: Any, window: Any, paths: Any, ctx: CliContext) -> None:
    """The calendar subscription file and the startup agenda."""
    try:
        from PySide6.QtCore import QCoreApplication

        from crm_desktop.services.calendar import install_subscription
        from crm_desktop.services.storecheck import looks_encrypted

        if not getattr(ctx, "database_url", None) and looks_encrypted(paths.db_path):
            # the feed is plaintext (names, companies, phones): none for an encrypted store
            paths.calendar_path.unlink(missing_ok=True)
            raise _NoFeed

        window.setProperty(
            "calendarWriter",
            install_subscription(
                store,
                paths.calendar_path,
                background=True,
                # the feed's texts ("Call …", "Company:") in the window's language
                translate=lambda text: QCoreApplication.translate("ical", text),
            ),
        )
    except _NoFeed:
        log.info("no calendar subscription file for an encrypted store")
    except Exception:  # a calendar file must never keep the window from opening
        log.exception("calendar subscription not written")
    from crm_desktop.ui.tasks import runner

    def warm_search(_progress: Any) -> None:  # the search's name index, off the GUI thread
        from crm_desktop.services.search import warm_up

        with store.reader() as s:
            warm_up(s)

    runner().submit(
        warm_search,
        on_error=lambda exc: log.error("search warm-up failed", exc_info=exc),
        name="search warm-up",
    )
    from crm_desktop.ui.agenda import show_startup_agenda

    window.setProperty("startupAgenda", show_startup_agenda(store, window, clock=ctx.clock))


def _preload_data_layer() -> None:
    """SQLAlchemy, the models (mappers configured) and the services the window asks
    first: imported in a worker thread while the GUI thread builds and paints the frame.
    None of them imports Qt."""
    from sqlalchemy.orm import configure_mappers

    import crm_desktop.data.store
    import crm_desktop.services.contacts
    import crm_desktop.services.timeline
    import crm_desktop.services.today
    import crm_desktop.services.tree  # noqa: F401

    configure_mappers()


START_LANE = "start"  # the preload, then the store's opening: one after the other


def _start_preload() -> Any:
    """The data layer imported off the GUI thread (the store opens after it)."""
    from crm_desktop.ui.tasks import runner

    return runner().submit(
        lambda _progress: _preload_data_layer(),
        lane=START_LANE,
        # the store opener imports again and reports the error
        on_error=lambda exc: log.error("preloading the data layer failed", exc_info=exc),
        name="preload",
    )


def _warm_up(store: Any, clock: Any) -> None:
    """The window's first queries, once, off the GUI thread: SQLAlchemy compiles each
    statement on first use (tens of ms each) and caches it for the GUI thread."""
    from crm_desktop.services import tree

    with store.reader() as s:
        tree.is_empty(s)
        tree.tree_counts(s, now=clock.now())
        tree.children_page(s, None)


def _open_store_in_background(
    ctx: CliContext,
    window: Any,
    opened: Callable[[Any], None],
    failed: Callable[[BaseException], None],
) -> Any:
    """Open the store off the GUI thread (after the preload: both on the start lane);
    ``opened(store)`` or ``failed(exc)`` then run on the GUI thread. The window stays
    responsive meanwhile. Returns the task (``wait(ms)`` for its end)."""
    from crm_desktop.ui.tasks import runner

    def work(_progress: Any) -> Any:
        try:
            store = ctx.store()
        except BaseException as exc:  # handed to the GUI thread, shown there
            error = _as_store_error(ctx, exc)
            if error is exc:
                raise
            raise error from exc
        try:
            _warm_up(store, ctx.clock)
        except Exception:  # the window's own queries report what is wrong
            log.exception("warming up the first queries failed")
        return store

    return runner().submit(
        work, receiver=window, lane=START_LANE, on_done=opened, on_error=failed, name="open store"
    )


def _as_store_error(ctx: CliContext, exc: BaseException) -> BaseException:
    """A DatabaseError while the store opens: the message of ``check``."""
    if not isinstance(exc, Exception):
        return exc
    try:
        from crm_desktop.services import storecheck
    except ImportError:  # pragma: no cover
        return exc
    if not storecheck.is_database_error(exc) or ctx.database_url:
        return exc
    return storecheck.error_for(ctx.paths, exc, passphrase=ctx.passphrase)


STORE_OPEN_GRACE_S = 60.0  # a schema upgrade of a big store takes seconds


def _report_first_paint(window: Any) -> None:
    """For the start-time benchmark: print PAINTED once the window's first paint event
    has been handled (bench/bare_window.py does the same for a bare Qt window)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                QTimer.singleShot(0, lambda: print("PAINTED", flush=True))
            return False

    watcher = _FirstPaint(window)
    window.installEventFilter(watcher)


def _exit_when_filled(app: QApplication, window: Any) -> None:
    """For the start-time benchmark: the window shows its data (tree, counts and the
    start page, which loads in the background); report memory, quit."""
    from PySide6.QtCore import QTimer

    def done() -> None:
        print("FILLED", flush=True)
        print("MAXRSS_KB", _peak_rss_kb(), flush=True)
        window.close()
        # exit(), not quit(): Qt 6 cancels quit() when any window refuses to close,
        # and then the benchmark (or a test) would wait for ever
        app.exit(0)

    page = window.center.currentWidget()
    loaded = getattr(page, "loaded", None)
    if page is window.pages.get("today") and loaded is not None:
        loaded.connect(lambda *_: QTimer.singleShot(0, done))
    else:
        QTimer.singleShot(0, done)


def _peak_rss_kb() -> int:
    """Peak resident memory of this program in KiB. Linux's VmHWM starts afresh at exec;
    getrusage's maximum also counts the parent's memory copied at fork (a large
    benchmark process would be charged to the app)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for row in fh:
                if row.startswith("VmHWM:"):
                    return int(row.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


SMALL_STORE_BYTES = 64 * 2**20


def _small_store(paths: Any) -> bool:
    try:
        return bool(paths.db_path.stat().st_size < SMALL_STORE_BYTES)
    except OSError:
        return True


def _background_start_checks(
    paths: Any, ctx: CliContext, settings: AppSettings, window: Any, *, check: bool
) -> None:
    """The quick check of a large file and the daily backup, behind the open window."""
    from crm_desktop.ui.tasks import runner

    def work(_progress: Any) -> tuple[str, Any] | None:
        if check:
            from crm_desktop.data.filecheck import quick_check

            try:
                from crm_desktop.services import crypto

                encrypted = crypto.is_encrypted(paths.db_path)
            except ImportError:  # pragma: no cover
                encrypted = False
            result = "ok" if encrypted else quick_check(paths.db_path)
            if result != "ok":
                return ("damaged", result)
        problem = _auto_backup(paths, ctx, settings, "start")
        return ("backup failed", problem) if problem is not None else None

    def done(outcome: tuple[str, Any] | None) -> None:
        if outcome is None:
            return
        what, detail = outcome
        if what == "damaged":
            _offer_restore_after_start(paths, ctx, window, detail)
        else:
            show_backup_failure(window, detail)

    runner().submit(work, receiver=window, on_done=done, name="start checks")


def _offer_restore_after_start(paths: Any, ctx: CliContext, window: Any, detail: str) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.services import backup

    def tr(t: str) -> str:
        return QCoreApplication.translate("App", t)

    good = backup.newest_good_backup(paths)
    if good is None:
        QMessageBox.critical(
            window,
            APP_NAME,
            QCoreApplication.translate(
                "App", "The data file is damaged ({detail}) and there is no good backup."
            ).format(detail=detail),
        )
        return
    answer = QMessageBox.question(
        window,
        APP_NAME,
        QCoreApplication.translate(
            "App",
            "The data file is damaged ({detail}). The newest good backup is from {date}. "
            "Restore it? The damaged file is kept aside.",
        ).format(detail=detail, date=good.created.astimezone().strftime("%d.%m.%Y %H:%M")),
    )
    if answer == QMessageBox.StandardButton.Yes:
        store = ctx.store()
        store.dispose()
        backup.restore(paths, good.path, clock=ctx.clock)
        store.dispose()
        reload_everything = getattr(window, "reload_everything", None)
        if callable(reload_everything):  # a window that has its store attached
            reload_everything()


def _changed_since_last_backup(paths: Any) -> bool:
    """Whether the data file was written after the newest backup (file times)."""
    try:
        backups = [p.stat().st_mtime for p in paths.backup_dir.glob("*.sqlite3")]
        if not backups:
            return True
        written = max(
            p.stat().st_mtime
            for p in (paths.db_path, paths.db_path.with_name(paths.db_path.name + "-wal"))
            if p.exists()
        )
    except (OSError, ValueError):
        return True
    return bool(written > max(backups))


def _auto_backup(
    paths: Any, ctx: CliContext, settings: AppSettings, when: str
) -> BaseException | None:
    """The automatic backup (an encrypted store: encrypted, with its passphrase).
    Returns what went wrong (logged too), None when it worked or was not due."""
    if os.environ.get("CRM_DESKTOP_NO_BACKUP"):  # benchmarks and scripted checks
        return None
    if when == "quit" and (
        os.environ.get("CRM_DESKTOP_EXIT_AFTER_PAINT") or not _changed_since_last_backup(paths)
    ):
        return None  # nothing new to keep: quitting stays instant
    try:
        from crm_desktop.services.backup import auto_backup

        auto_backup(
            paths,
            ctx.clock,
            when,  # type: ignore[arg-type]
            policy=settings.retention_policy(),
            passphrase=ctx.passphrase,
        )
    except ImportError:  # pragma: no cover
        return None
    except Exception as exc:  # a failed backup must not stop the program; it is shown
        log.exception("automatic backup (%s) failed", when)
        return exc
    return None


def show_backup_failure(window: Any, exc: BaseException) -> None:
    """The automatic backup failed: said in the status bar (and kept in the log)."""
    from PySide6.QtCore import QCoreApplication

    from crm_desktop.errors import CrmError
    from crm_desktop.ui.errors import error_text, unexpected_text

    # a bug's text is never shown (_auto_backup logged it with its traceback)
    detail = error_text(exc) if isinstance(exc, CrmError) else unexpected_text()
    text = QCoreApplication.translate("App", "The automatic backup failed: {detail}").format(
        detail=detail
    )
    window.setProperty("backupFailure", text)
    window.statusBar().showMessage(text, 60000)
