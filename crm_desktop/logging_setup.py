"""Logging: one rotating log file in the log folder, one named logger per area.

The rule: **logs hold ids and events, never personal data.** Write
``log.info("person %s merged into %s", loser_id, winner_id)``, never a name, an
e-mail address, a phone number, an address, a note or an activity text. Errors are
logged by their type and record id; a :class:`~crm_desktop.errors.CrmError` is
logged with its message *template* (``exc.message``), not the filled-in text.

As a safety net, :class:`PersonalDataFilter` (attached to the file handler)
replaces what it can recognise in every message and traceback before it is
written: e-mail addresses, IBANs, payment card numbers, phone numbers and long
digit runs. It cannot recognise names or free text: those must simply not be
logged.

Areas are the first level below ``crm_desktop``: ``get_logger("backup")`` is
``crm_desktop.backup``; a module may also use ``logging.getLogger(__name__)``
(``crm_desktop.services.x``), which ends up in the same file.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import re
from pathlib import Path

from crm_desktop.config import AppPaths

ROOT = "crm_desktop"
LOG_FILENAME = "crm-desktop.log"
AREAS = (
    "app",
    "ui",
    "data",
    "services",
    "interop",
    "cli",
    "backup",
    "privacy",
    "calendar",
    "sales",
    "dedup",
    "reports",
)
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(process)d] %(message)s"

_HANDLER_MARK = "_crm_desktop_file_handler"

_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b")
# long digit runs, optionally grouped by spaces, dashes, dots or slashes: card numbers,
# phone numbers (with an optional leading + or 0)
_DIGITS = re.compile(r"(?<![\w])\+?(?:\d[ \-./()]{0,2}){6,}\d(?![\w])")


def redact(text: str) -> str:
    """Replace e-mail addresses, IBANs and long numbers (phones, cards) in ``text``."""
    if not text:
        return text
    text = _EMAIL.sub("<email>", text)
    text = _IBAN.sub("<iban>", text)
    return _DIGITS.sub("<number>", text)


class PersonalDataFilter(logging.Filter):
    """Redacts recognisable personal data from a record before it is written."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the template only
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """The log file (and its rotated copies) readable by its owner only (0600)."""

    def _open(self):  # type: ignore[no-untyped-def]
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.close(os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
                os.chmod(self.baseFilename, 0o600)
        return super()._open()


def _private_log_dir(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
        for child in folder.glob(LOG_FILENAME + "*"):
            os.chmod(child, 0o600)


def get_logger(area: str) -> logging.Logger:
    """The logger of one area (``"backup"`` → ``crm_desktop.backup``)."""
    return logging.getLogger(f"{ROOT}.{area}" if area else ROOT)


def log_path(paths: AppPaths) -> Path:
    return paths.log_dir / LOG_FILENAME


def setup_logging(
    paths: AppPaths,
    level: int = logging.INFO,
    *,
    max_bytes: int = 1_000_000,
    backup_count: int = 5,
    console: bool = False,
) -> Path:
    """Attach the rotating file handler (idempotent) and return the log file's path.

    When the log folder cannot be written, logging goes to stderr only and the
    program runs on.
    """
    root = logging.getLogger(ROOT)
    root.setLevel(level)
    shutdown_logging()
    target = log_path(paths)
    handler: logging.Handler
    try:
        _private_log_dir(target.parent)
        handler = _PrivateFileHandler(
            target, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8", delay=True
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(PersonalDataFilter())
    setattr(handler, _HANDLER_MARK, True)
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream.addFilter(PersonalDataFilter())
        setattr(stream, _HANDLER_MARK, True)
        root.addHandler(stream)
    return target


def shutdown_logging() -> None:
    """Detach and close the handlers added by :func:`setup_logging`."""
    root = logging.getLogger(ROOT)
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_MARK, False):
            root.removeHandler(handler)
            handler.close()
