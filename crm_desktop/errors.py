"""Typed, expected errors with human messages.

Every message is an English source text with ``{named}`` placeholders. The CLI
prints it as is; the GUI passes ``message`` through Qt's translation (context
``"errors"``) before formatting, so German users read German. Bugs are not
``CrmError``s: they reach the crash dialog instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP


def _identity(text: str) -> str:
    return text


class CrmError(Exception):
    """Base class of all expected errors."""

    def __init__(self, message: str, *, field: str | None = None, **params: Any) -> None:
        self.message = message
        self.field = field
        self.params = params
        super().__init__(self.text())

    def text(self, translate: Callable[[str], str] = _identity) -> str:
        try:
            return translate(self.message).format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.message


class ValidationError(CrmError):
    """A value does not pass the domain rules; ``field`` names the input."""


class CardNumberError(ValidationError):
    """A payment card number was found in a field or text; it is never stored."""


class NotFoundError(CrmError):
    pass


class ConflictError(CrmError):
    """The action cannot be done in the current state (e.g. closing a closed ticket)."""


class ImportFileError(CrmError):
    """A file cannot be read at all (wrong format, broken encoding, truncated)."""


class StoreError(CrmError):
    """The store cannot be opened or written (disk full, read-only, damaged, locked)."""


class MultipleErrors(ValidationError):
    """Several fields failed at once; ``errors`` lists them for inline display."""

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = errors
        first = errors[0]
        super().__init__(first.message, field=first.field, **first.params)

    def text(self, translate: Callable[[str], str] = _identity) -> str:
        errors = getattr(self, "errors", None)
        if not errors:
            return super().text(translate)
        return "\n".join(e.text(translate) for e in errors)


class ConcurrentEditError(ConflictError):
    """Someone saved the record after it was loaded for editing; nothing was saved.

    ``entity`` and ``record_id`` name the record, ``changed_by`` and ``changed_at``
    who saved it last and when (either may be unknown), ``version`` is the record's
    current version (saving again on it overwrites their change)."""

    def __init__(
        self,
        entity: str,
        record_id: int,
        *,
        changed_by: str | None,
        changed_at: Any,
        version: int,
    ) -> None:
        self.entity = entity
        self.record_id = record_id
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.version = version
        when = changed_at.strftime("%Y-%m-%d %H:%M") if changed_at is not None else "?"
        if changed_by:
            super().__init__(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{who} changed this record at {when} (UTC) after you opened it; "
                    "your changes were not saved.",
                ),
                who=changed_by,
                when=when,
            )
        else:
            super().__init__(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Someone changed this record at {when} (UTC) after you opened it; "
                    "your changes were not saved.",
                ),
                when=when,
            )
