"""Quick entry (Ctrl+L): type one line, see what it means, Enter saves it.

"morgen 14 Uhr Müller anrufen wegen Angebot" → a call follow-up tomorrow at 14:00
with Müller about "Angebot". While the user types (debounced) the dialog shows the
kind, the moment in local time, the person or company it matched (other candidates
in the combo), the subject and whether it becomes a follow-up (a moment ahead) or a
logged activity. Enter saves through :func:`crm_desktop.services.quickentry.commit`.

A name nobody matches is never saved without a person: the dialog offers
"Create contact “Schäfer”…", opens the person dialog prefilled with the typed name
and, once the person is saved, saves the entry for them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import lookups, quickentry
from crm_desktop.services.changes import Changes
from crm_desktop.services.quickentry import Match, Proposal
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.dialogs import PersonDialog
from crm_desktop.ui.format import format_datetime, format_relative
from crm_desktop.ui.forms import ERROR_COLOR
from crm_desktop.ui.i18n import activity_kind_label, translate_error


class QuickEntryDialog(QDialog):
    """One line in, an activity or follow-up out."""

    changed = Signal(object)  # the Changes of the saved entry
    saved = Signal(str, int)  # "followup" | "activity", id
    personActivated = Signal(int)

    def __init__(self, store: Store, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.proposal: Proposal | None = None
        self._interpreted = ""
        self.saved_kind: str | None = None
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Quick entry"))
        self.setMinimumWidth(560)

        self.line = QLineEdit(self)
        self.line.setObjectName("quickLine")
        self.line.setPlaceholderText(self.tr("e.g. morgen 14 Uhr Müller anrufen wegen Angebot"))
        self.line.setClearButtonEnabled(True)
        font = self.line.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.line.setFont(font)
        hint = QLabel(
            self.tr(
                "Who, what and when in your own words – e.g. “call Anna Schäfer next "
                "Tuesday 9:30” or “Besuch Köhler 3.12. 10:00”. Enter saves."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")

        self.kind_label = QLabel(self)
        self.when_label = QLabel(self)
        self.target = QComboBox(self)
        self.target.setObjectName("quickTarget")
        self.target.setMinimumContentsLength(30)
        self.subject_label = QLabel(self)
        self.subject_label.setWordWrap(True)
        self.becomes_label = QLabel(self)
        self.becomes_label.setObjectName("quickBecomes")
        bold = self.becomes_label.font()
        bold.setBold(True)
        self.becomes_label.setFont(bold)
        form = QFormLayout()
        form.addRow(self.tr("Kind:"), self.kind_label)
        form.addRow(self.tr("When:"), self.when_label)
        form.addRow(self.tr("&With:"), self.target)
        form.addRow(self.tr("Subject:"), self.subject_label)
        form.addRow(self.tr("Becomes:"), self.becomes_label)
        self.preview = QWidget(self)
        self.preview.setLayout(form)

        self.message = QLabel(self)
        self.message.setObjectName("quickMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.hide()
        self.create_button = QPushButton(self)
        self.create_button.setObjectName("quickCreateContact")
        self.create_button.setAutoDefault(False)
        self.create_button.clicked.connect(self.create_contact)
        self.create_button.hide()
        self.person_dialog: PersonDialog | None = None

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        # Enter is handled once, by save(): no default button that would save again
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(self.line)
        lay.addWidget(hint)
        lay.addWidget(self.preview)
        lay.addWidget(self.message)
        lay.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.interpret)
        self.line.textChanged.connect(lambda _t: self._timer.start())
        self.line.returnPressed.connect(self.save)
        self.show_proposal(None)

    # ------------------------------------------------------------ understanding

    def interpret(self) -> Proposal | None:
        """Read the line now (the timer does this while typing)."""
        self._timer.stop()
        text = self.line.text().strip()
        self._interpreted = text
        if not text:
            self.proposal = None
            self.show_proposal(None)
            return None

        def read(s: Session) -> tuple[Proposal, dict[int, str]]:
            proposal = quickentry.interpret(s, text, self.clock)
            return proposal, self._company_names(s, proposal)

        proposal, companies = ops.read(self.store, read)
        self.proposal = proposal
        self.show_proposal(proposal, companies)
        return proposal

    @staticmethod
    def _company_names(s: Session, proposal: Proposal) -> dict[int, str]:
        ids = {
            m.company_id
            for m in ([proposal.match] if proposal.match else []) + proposal.alternatives
            if m.kind == "person" and m.company_id is not None
        }
        if not ids:
            return {}
        return lookups.company_names(s, ids)

    def _match_text(self, m: Match, companies: dict[int, str]) -> str:
        if m.kind == "company":
            return self.tr("{name} (company)").format(name=m.label)
        company = companies.get(m.company_id or -1)
        return f"{m.label} – {company}" if company else m.label

    def show_proposal(self, p: Proposal | None, companies: dict[int, str] | None = None) -> None:
        self.target.clear()
        if p is None:
            for label in (self.kind_label, self.when_label, self.subject_label):
                label.setText("–")
            self.becomes_label.setText("")
            self.message.hide()
            self.create_button.hide()
            self.save_button.setEnabled(False)
            return
        self.kind_label.setText(activity_kind_label(p.kind))
        relative = format_relative(p.when, self.clock.now())
        self.when_label.setText(f"{relative}  ({format_datetime(p.when)})")
        self.subject_label.setText(p.subject or "–")
        for m in [p.match, *p.alternatives] if p.match else []:
            self.target.addItem(self._match_text(m, companies or {}), m)
        self.target.setEnabled(self.target.count() > 1)
        if p.is_followup:
            self.becomes_label.setText(
                self.tr("A follow-up ({kind}) due {when}").format(
                    kind=activity_kind_label(p.kind), when=relative
                )
            )
        else:
            self.becomes_label.setText(
                self.tr("A logged activity ({kind})").format(kind=activity_kind_label(p.kind))
            )
        if p.match is None:
            name = p.entry.target.strip()
            self.message.setText(
                self.tr("No person or company matches “{name}”.").format(name=name)
                if name
                else self.tr("Whom is it about? Type a name, e.g. “Müller anrufen”.")
            )
            self.message.show()
            self.target.addItem(self.tr("(nobody found)"), None)
            self.target.setEnabled(False)
            if name:
                self.create_button.setText(self.tr("Create contact “{name}”…").format(name=name))
            self.create_button.setVisible(bool(name))
        else:
            self.message.hide()
            self.create_button.hide()
        self.save_button.setEnabled(p.match is not None)

    def chosen_match(self) -> Match | None:
        data = self.target.currentData()
        return data if isinstance(data, Match) else None

    # ------------------------------------------------------------ saving

    def save(self) -> bool:
        if self.saved_id is not None:
            return True
        if self.line.text().strip() != self._interpreted or self._timer.isActive():
            self.interpret()
        p = self.proposal
        if p is None:
            return False
        chosen = self.chosen_match()
        if chosen is None:  # never saved without a person: offer to create one
            self.message.show()
            if self.create_button.isVisible():
                self.create_button.setFocus()
            return False
        if chosen is not p.match:
            p.alternatives = [m for m in [p.match, *p.alternatives] if m and m is not chosen]
            p.match = chosen
        kind = "followup" if p.is_followup else "activity"
        try:
            self.saved_id = ops.write(
                self.store,
                lambda s: int(quickentry.commit(s, p, self.clock, owner=self.store.owner).id),
                sender=self,
                changes=lambda saved_id: Changes.of(kind, saved_id, structure=True),
            )
        except CrmError as exc:
            self.message.setText(translate_error(exc))
            self.message.show()
            return False
        self.saved_kind = kind
        self.saved.emit(self.saved_kind, self.saved_id)
        self.accept()
        return True

    # ------------------------------------------------------------ a new contact

    def create_contact(self) -> PersonDialog | None:
        """Open the person dialog prefilled with the typed name; when the person is
        saved, the entry is saved for them (the dialog is returned, shown window-modal)."""
        if self.line.text().strip() != self._interpreted or self._timer.isActive():
            self.interpret()
        p = self.proposal
        if p is None or p.match is not None or not p.entry.target.strip():
            return None
        parts = quickentry.name_parts(p.entry.target)
        dialog = PersonDialog(self.store, parent=self, clock=self.clock)
        dialog.form.title.setText(parts.title)
        dialog.form.given.setText(parts.given_name)
        dialog.form.family.setText(parts.family_name)
        dialog.accepted.connect(lambda: self._contact_created(dialog, p))
        self.person_dialog = dialog
        dialog.open()
        return dialog

    def _contact_created(self, dialog: PersonDialog, p: Proposal) -> None:
        person_id = dialog.result_id
        if person_id is None or self.saved_id is not None:
            return
        kind = "followup" if p.is_followup else "activity"

        def commit(s: Session) -> int:
            quickentry.for_person(s, p, person_id)
            return int(quickentry.commit(s, p, self.clock, owner=self.store.owner).id)

        try:
            self.saved_id = ops.write(
                self.store,
                commit,
                sender=self,
                changes=lambda saved_id: (
                    Changes.of("person", person_id, structure=True)
                    | Changes.of(kind, saved_id, structure=True)
                ),
            )
        except CrmError as exc:
            self.interpret()  # the person exists now: the preview shows them
            self.message.setText(translate_error(exc))
            self.message.show()
            return
        self.saved_kind = kind
        self.saved.emit(self.saved_kind, self.saved_id)
        self.accept()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        # Enter saves from anywhere; in the line it already did (returnPressed)
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.line.hasFocus():
            self.save()
            return
        super().keyPressEvent(e)
