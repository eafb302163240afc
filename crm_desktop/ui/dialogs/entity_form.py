"""The base of the person and company editors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.models import Priority
from crm_desktop.data.store import Store
from crm_desktop.errors import (
    ConcurrentEditError,
    CrmError,
    ValidationError,
)
from crm_desktop.services import lookups
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.dialogs.fields import _LINKS
from crm_desktop.ui.forms import (
    FORM_STYLE,
    Banner,
    EnumCombo,
    ErrorRouter,
    FormPage,
    ListEditor,
    scrolled,
)
from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP

# ---------------------------------------------------------------- entity forms


class EntityForm(QWidget):
    """A banner and tabs of form pages; the router puts errors under their fields."""

    submitted = Signal()

    def __init__(self, store: Store, clock: Clock | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.setStyleSheet(FORM_STYLE)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.banner = Banner(self)
        lay.addWidget(self.banner)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        lay.addWidget(self.tabs, 1)
        self.router = ErrorRouter(self.banner, self.tabs)
        self.pages: list[FormPage] = []
        self.loaded_version: int | None = None  # of the record being edited
        self.conflict: ConcurrentEditError | None = None  # the last save met a newer one
        self.conflict_dialog: QDialog | None = None

    def field_error(self, key: str) -> str:
        """The message shown under the field ``key`` ("" when none)."""
        for page in self.pages:
            if page.has_field(key):
                return page.error_label(key).text()
        return ""

    def _page(self, title: str) -> FormPage:
        page = FormPage()
        self.pages.append(page)
        page.submitted.connect(self.submitted)
        self.tabs.addTab(scrolled(page), title)
        self.router.add(page)
        return page

    def _priority_fields(self, page: FormPage) -> tuple[EnumCombo, QCheckBox]:
        """The priority and its "keep it" box (the automatic A/B/C run leaves a kept one)."""
        combo = EnumCombo(Priority, none_text=self.tr("No priority"), parent=page)
        page.add_field("priority", self.tr("Priorit&y:"), combo)
        keep = QCheckBox(self.tr("&Keep it (the automatic A/B/C run leaves it)"), page)
        keep.setToolTip(
            self.tr(
                "Without this, the nightly run sets the priority from revenue, orders and "
                "the last contact (Tools → Rules)."
            )
        )
        page.add_field("priority_locked", "", keep)
        # a priority picked by hand is meant to stay: keep it unless the user unticks it
        combo.activated.connect(lambda _i: keep.setChecked(True))
        return combo, keep

    def _editor(self, page: FormPage, editor: ListEditor, heading: str) -> None:
        page.add_heading(heading)
        page.add_wide(editor)
        editor.submitted.connect(self.submitted)
        self.router.add(editor)

    def show_error(self, exc: CrmError) -> None:
        self.router.show(exc)

    # -- saves that meet a colleague's newer save (optimistic concurrency)

    def field_label(self, key: str) -> str:
        for page in self.pages:
            label = page._labels.get(key)
            if label is not None:
                text = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
                return text.rstrip(":")
        return key

    def stored_values(self, session: Session) -> dict[str, Any]:
        """The record's fields as stored now (for Compare); keys of ``scalar_values``."""
        raise NotImplementedError

    def compare_rows(self) -> list[tuple[str, str, str]]:
        """Field, theirs (stored now), yours (in the form): only the fields that differ."""
        from crm_desktop.ui.conflict import show_value

        yours = self.scalar_values([])
        rows: list[tuple[str, str, str]] = []

        def compare(s: Session) -> None:
            theirs = self.stored_values(s)
            for key, mine in yours.items():
                other = theirs.get(key)
                if (other or None) == (mine or None):
                    continue
                shown = [
                    lookups.record_name(s, key, v)
                    if key in _LINKS and v is not None
                    else show_value(v)
                    for v in (other, mine)
                ]
                rows.append((self.field_label(key), shown[0], shown[1]))

        ops.read(self.store, compare)
        return rows

    def ask_conflict(self, error: ConcurrentEditError) -> str:
        """Reload, overwrite or keep editing (the real dialog; tests may replace it)."""
        from crm_desktop.ui.conflict import ConflictDialog

        try:
            rows = self.compare_rows()
        except CrmError:  # the record went away meanwhile: nothing to compare
            rows = []
        dialog = ConflictDialog(error, rows, self, now=self.clock.now())
        self.conflict_dialog = dialog
        dialog.exec()
        choice = dialog.choice
        self.conflict_dialog = None
        dialog.deleteLater()
        return choice

    def scalar_values(self, errors: list[ValidationError]) -> dict[str, Any]:
        raise NotImplementedError

    def edit_label(self, names: list[str], name: str) -> str:
        """ "Change phone number of Anna Schäfer" (one field) or "Edit Anna Schäfer"."""
        from PySide6.QtCore import QCoreApplication

        lists = {
            "phones": QT_TRANSLATE_NOOP("undo", "phone number"),
            "emails": QT_TRANSLATE_NOOP("undo", "e-mail address"),
            "addresses": QT_TRANSLATE_NOOP("undo", "address"),
            "bank_accounts": QT_TRANSLATE_NOOP("undo", "bank account"),
            "tags": QT_TRANSLATE_NOOP("undo", "tags"),
            "consent_marketing": QT_TRANSLATE_NOOP("undo", "consent"),
        }
        shown = [n for n in names if n not in ("consent_at", "consent_withdrawn_at")] or names
        if len(shown) == 1:
            key = shown[0]
            what = (
                QCoreApplication.translate("undo", lists[key])
                if key in lists
                else self.field_label(key)
            )
            return QCoreApplication.translate("undo", "Change {field} of {name}").format(
                field=what, name=name
            )
        return QCoreApplication.translate("undo", "Edit {name}").format(name=name)

    def _save_checked(self, attempt: Callable[[], int | None]) -> int | None:
        """Run one save; when a colleague saved meanwhile, ask and reload, overwrite
        (save again on their version) or keep the edit in the form."""
        from crm_desktop.ui.conflict import OVERWRITE, RELOAD

        while True:
            self.conflict = None
            result = attempt()
            error = self.conflict
            if result is not None or error is None:
                return result
            choice = self.ask_conflict(error)
            if choice == OVERWRITE:
                self.loaded_version = error.version
                continue
            if choice == RELOAD:
                self.router.clear()
                self.reload()
            return None

    def reload(self) -> None:
        raise NotImplementedError

    def _note_saved_version(self, kind: str, rid: int) -> None:
        """The version just saved is the one a next save of this form builds on."""
        self.loaded_version = ops.read(self.store, lambda s: lookups.stored_version(s, kind, rid))

    def load(self, record_id: int | None = None) -> None:
        raise NotImplementedError

    def save(self) -> int | None:
        raise NotImplementedError
