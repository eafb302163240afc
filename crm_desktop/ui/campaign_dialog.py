"""The campaign dialog: choose people by criteria, see how many, export, log it.

Criteria are those of :class:`crm_desktop.services.campaigns.Selection` (tags, company
status, priority, postcode range, not contacted since, opt-in required, e-mail
only); opened from the people list, the selection there can restrict the result.
The count updates as the criteria change and says how many people were left out
because they withdrew their consent (they are never exported). The result can be
saved as a mail-merge CSV or as vCards, and the campaign logged as a letter on each
person (:func:`~crm_desktop.services.campaigns.create_campaign`).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, local_to_utc, local_zone
from crm_desktop.data.models import CompanyStatus, Priority
from crm_desktop.data.store import Store
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import CrmError
from crm_desktop.services import campaigns, customfields, lookups
from crm_desktop.services.campaigns import Selection
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.format import date_format
from crm_desktop.ui.forms import plain_text
from crm_desktop.ui.i18n import company_status_label, priority_label, translate_error
from crm_desktop.ui.tasks import runner

CHUNK = 900  # preset ids per query (SQLite's bound parameter limit stays far away)


@dataclass
class CampaignCount:
    ids: list[int]
    withdrawn: int
    no_opt_in: int


def count_selection(
    session: Session, sel: Selection, preset: Sequence[int] | None
) -> CampaignCount:
    """The people of ``sel`` (within ``preset`` when given) and who was left out."""
    if preset is None:
        res = campaigns.select_people(session, sel)
        return CampaignCount(res.person_ids, res.excluded_withdrawn, res.excluded_no_opt_in)
    out = CampaignCount([], 0, 0)
    ids = list(preset)
    for start in range(0, len(ids), CHUNK):
        part = Selection(**{**sel.__dict__, "person_ids": ids[start : start + CHUNK]})
        res = campaigns.select_people(session, part)
        out.ids += res.person_ids
        out.withdrawn += res.excluded_withdrawn
        out.no_opt_in += res.excluded_no_opt_in
    return out


class CampaignDialog(QDialog):
    """Select, count, export and log a campaign."""

    changed = Signal(object)  # the Changes of logging the campaign

    def __init__(
        self,
        store: Store,
        clock: Clock | None = None,
        preset_ids: Sequence[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.preset_ids = list(preset_ids) if preset_ids is not None else None
        self.tasks = runner().for_store(store, self)
        self.result_count = CampaignCount([], 0, 0)
        self.logged = False
        self.busy = False
        self.setWindowTitle(self.tr("Campaign"))
        self.resize(760, 560)

        # -- criteria
        self.tags = QListWidget(self)
        self.tags.setObjectName("campaignTags")
        self.tags.setMaximumHeight(self.fontMetrics().height() * 7)
        for name in ops.read(store, lookups.tag_names):
            item = QListWidgetItem(name, self.tags)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.tags.itemChanged.connect(lambda _i: self.schedule_count())
        self.status_boxes: dict[CompanyStatus, QCheckBox] = {}
        status_row = QHBoxLayout()
        for status in CompanyStatus:
            box = QCheckBox(company_status_label(status), self)
            box.toggled.connect(lambda _on: self.schedule_count())
            self.status_boxes[status] = box
            status_row.addWidget(box)
        status_row.addStretch(1)
        self.priority_boxes: dict[Priority, QCheckBox] = {}
        prio_row = QHBoxLayout()
        for prio in Priority:
            box = QCheckBox(priority_label(prio), self)
            box.toggled.connect(lambda _on: self.schedule_count())
            self.priority_boxes[prio] = box
            prio_row.addWidget(box)
        prio_row.addStretch(1)
        self.postcode_from = QLineEdit(self)
        self.postcode_from.setPlaceholderText(self.tr("from, e.g. 70000"))
        self.postcode_to = QLineEdit(self)
        self.postcode_to.setPlaceholderText(self.tr("to, e.g. 79999"))
        for edit in (self.postcode_from, self.postcode_to):
            edit.setMaxLength(10)
            edit.setFixedWidth(130)
            edit.textChanged.connect(lambda _t: self.schedule_count())
        pc_row = QHBoxLayout()
        pc_row.addWidget(self.postcode_from)
        pc_row.addWidget(QLabel("–", self))
        pc_row.addWidget(self.postcode_to)
        pc_row.addStretch(1)
        # -- a custom field's value ("Branche = Bau")
        self.field_defs = ops.read(self.store, customfields.list_fields)
        self.field_combo = QComboBox(self)
        self.field_combo.setObjectName("campaignField")
        self.field_combo.addItem(self.tr("(any)"), "")
        for defn in self.field_defs:
            self.field_combo.addItem(defn.name, defn.name)
        self.field_value = QLineEdit(self)
        self.field_value.setObjectName("campaignFieldValue")
        self.field_value.setPlaceholderText(self.tr("value, e.g. Bau"))
        self.field_combo.currentIndexChanged.connect(lambda _i: self._field_chosen())
        self.field_value.textChanged.connect(lambda _t: self.schedule_count())
        field_row = QHBoxLayout()
        field_row.addWidget(self.field_combo)
        field_row.addWidget(QLabel("=", self))
        field_row.addWidget(self.field_value, 1)
        self.field_value.setEnabled(False)
        self.not_since_box = QCheckBox(self.tr("Not contacted since"), self)
        self.not_since = QDateEdit(self)
        self.not_since.setCalendarPopup(True)
        self.not_since.setDisplayFormat(date_format())
        today = self.clock.now().astimezone(local_zone()).date()
        start = today - dt.timedelta(days=90)
        self.not_since.setDate(QDate(start.year, start.month, start.day))
        self.not_since.setEnabled(False)
        self.not_since_box.toggled.connect(self.not_since.setEnabled)
        self.not_since_box.toggled.connect(lambda _on: self.schedule_count())
        self.not_since.dateChanged.connect(lambda _d: self.schedule_count())
        since_row = QHBoxLayout()
        since_row.addWidget(self.not_since_box)
        since_row.addWidget(self.not_since)
        since_row.addStretch(1)
        self.opt_in = QCheckBox(self.tr("Only people with a recorded opt-in"), self)
        self.opt_in.setToolTip(
            self.tr("Required for e-mail marketing; letters may also go to customers without it.")
        )
        self.opt_in.setChecked(True)  # the strict reading of the GDPR, unless the user says
        self.opt_in.toggled.connect(lambda _on: self.schedule_count())
        self.email_only = QCheckBox(self.tr("Only people with an e-mail address"), self)
        self.email_only.toggled.connect(lambda _on: self.schedule_count())
        self.preset_box = QCheckBox(self)
        self.preset_box.setChecked(self.preset_ids is not None)
        self.preset_box.setVisible(self.preset_ids is not None)
        if self.preset_ids is not None:
            n = len(self.preset_ids)
            self.preset_box.setText(
                self.tr("Only the selected person")
                if n == 1
                else self.tr("Only the %Ln selected people", "", n)
            )
        self.preset_box.toggled.connect(lambda _on: self.schedule_count())

        # -- saved selections (segments): pick one to fill the criteria, save the current
        self.company_ids: list[int] = []  # a saved selection's companies (CLI --company)
        self.segment_combo = QComboBox(self)
        self.segment_combo.setObjectName("campaignSegments")
        self.segment_combo.activated.connect(self._segment_chosen)
        self.save_segment_button = QPushButton(self.tr("Save selection…"), self)
        self.save_segment_button.clicked.connect(self.save_segment)
        segment_row = QHBoxLayout()
        segment_row.addWidget(self.segment_combo, 1)
        segment_row.addWidget(self.save_segment_button)
        self.reload_segments()

        criteria = QGroupBox(self.tr("Who"), self)
        form = QFormLayout(criteria)
        form.addRow(self.tr("Saved selection:"), segment_row)
        form.addRow(self.preset_box)
        form.addRow(self.tr("Tags (any of):"), self.tags)
        form.addRow(self.tr("Company status:"), status_row)
        form.addRow(self.tr("Priority:"), prio_row)
        form.addRow(self.tr("Postcode:"), pc_row)
        self.field_label = QLabel(self.tr("Custom field:"), self)
        self.field_label.setBuddy(self.field_combo)
        form.addRow(self.field_label, field_row)
        form.setRowVisible(self.field_label, bool(self.field_defs))
        form.addRow("", since_row)
        form.addRow("", self.opt_in)
        form.addRow("", self.email_only)

        # -- result
        self.count_label = QLabel(self)
        self.count_label.setObjectName("campaignCount")
        font = self.count_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.count_label.setFont(font)
        self.count_label.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("campaignMessage")

        # -- campaign
        what = QGroupBox(self.tr("Campaign"), self)
        what_form = QFormLayout(what)
        self.name = QLineEdit(self)
        self.name.setObjectName("campaignName")
        self.name.setPlaceholderText(self.tr("e.g. Einladung Hausmesse 2026"))
        self.description = plain_text(self, 2)
        self.description.setPlaceholderText(self.tr("Logged as the text of each letter (optional)"))
        what_form.addRow(self.tr("&Name:"), self.name)
        what_form.addRow(self.tr("&Description:"), self.description)

        self.csv_button = QPushButton(self.tr("Export &CSV (mail merge)…"), self)
        self.vcard_button = QPushButton(self.tr("Export &vCards…"), self)
        self.log_button = QPushButton(self.tr("&Log on each person"), self)
        self.log_button.setToolTip(
            self.tr("Record the campaign and a letter activity on every selected person")
        )
        for b in (self.csv_button, self.vcard_button, self.log_button):
            b.setAutoDefault(False)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.vcard_button.clicked.connect(lambda: self.export("vcard"))
        self.log_button.clicked.connect(self.log_campaign)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.csv_button)
        row.addWidget(self.vcard_button)
        row.addWidget(self.log_button)
        row.addStretch(1)
        row.addWidget(buttons)

        lay = QVBoxLayout(self)
        lay.addWidget(criteria)
        lay.addWidget(self.count_label)
        lay.addWidget(what)
        lay.addWidget(self.message)
        lay.addStretch(1)
        lay.addLayout(row)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.update_count)
        self.update_count()

    # ------------------------------------------------------------ criteria

    def set_tags(self, names: Sequence[str]) -> None:
        wanted = set(names)
        for i in range(self.tags.count()):
            item = self.tags.item(i)
            item.setCheckState(
                Qt.CheckState.Checked if item.text() in wanted else Qt.CheckState.Unchecked
            )

    def selection(self) -> Selection:
        tags = [
            self.tags.item(i).text()
            for i in range(self.tags.count())
            if self.tags.item(i).checkState() == Qt.CheckState.Checked
        ]
        before: dt.datetime | None = None
        if self.not_since_box.isChecked():
            d = self.not_since.date()
            before = local_to_utc(dt.datetime(d.year(), d.month(), d.day()))
        return Selection(
            tags=tags,
            statuses=[s for s, b in self.status_boxes.items() if b.isChecked()],
            priorities=[p for p, b in self.priority_boxes.items() if b.isChecked()],
            postcode_from=self.postcode_from.text().strip() or None,
            postcode_to=self.postcode_to.text().strip() or None,
            company_ids=list(self.company_ids),
            last_contact_before=before,
            require_opt_in=self.opt_in.isChecked(),
            with_email_only=self.email_only.isChecked(),
            fields=self.field_terms(),
        )

    def _field_chosen(self) -> None:
        name = str(self.field_combo.currentData() or "")
        defn = next((d for d in self.field_defs if d.name == name), None)
        self.field_value.setEnabled(bool(name))
        if defn is not None and defn.kind == "choice":
            self.field_value.setPlaceholderText(" | ".join(defn.options))
        elif defn is not None and defn.kind == "yesno":
            self.field_value.setPlaceholderText(self.tr("yes or no"))
        self.schedule_count()

    def field_terms(self) -> dict[str, str]:
        """The chosen custom field and value, in the stored form ("ja" → "yes")."""
        name = str(self.field_combo.currentData() or "")
        value = self.field_value.text().strip()
        if not name or not value:
            return {}
        return customfields.normalise_terms(self.field_defs, {name: value})

    # -- saved selections

    def reload_segments(self, current: str | None = None) -> None:
        names = [seg.name for seg in ops.read(self.store, campaigns.segments)]
        self.segment_combo.blockSignals(True)
        self.segment_combo.clear()
        self.segment_combo.addItem(
            self.tr("None (choose below)") if names else self.tr("None saved yet"), None
        )
        for name in names:
            self.segment_combo.addItem(name, name)
        index = self.segment_combo.findData(current) if current else 0
        self.segment_combo.setCurrentIndex(max(index, 0))
        self.segment_combo.blockSignals(False)

    def _segment_chosen(self, index: int) -> None:
        name = self.segment_combo.itemData(index)
        if not name:
            return
        try:
            segment = ops.read(self.store, lambda s: campaigns.load_segment(s, str(name)))
        except CrmError as exc:
            self.message.setText(translate_error(exc))
            return
        self.apply_selection(segment.selection)

    def apply_selection(self, sel: Selection) -> None:
        """Fill the criteria from a saved selection (one count afterwards)."""
        widgets: list[Any] = [
            self.tags,
            self.postcode_from,
            self.postcode_to,
            self.not_since_box,
            self.not_since,
            self.opt_in,
            self.email_only,
            self.field_combo,
            self.field_value,
            *self.status_boxes.values(),
            *self.priority_boxes.values(),
        ]
        for w in widgets:
            w.blockSignals(True)
        try:
            wanted = set(sel.tags)
            for i in range(self.tags.count()):
                item = self.tags.item(i)
                item.setCheckState(
                    Qt.CheckState.Checked if item.text() in wanted else Qt.CheckState.Unchecked
                )
            for status, box in self.status_boxes.items():
                box.setChecked(status in sel.statuses)
            for prio, box in self.priority_boxes.items():
                box.setChecked(prio in sel.priorities)
            self.postcode_from.setText(sel.postcode_from or "")
            self.postcode_to.setText(sel.postcode_to or "")
            before = sel.last_contact_before
            self.not_since_box.setChecked(before is not None)
            self.not_since.setEnabled(before is not None)
            if before is not None:
                day = before.astimezone(local_zone()).date()
                self.not_since.setDate(QDate(day.year, day.month, day.day))
            self.opt_in.setChecked(sel.require_opt_in)
            self.email_only.setChecked(sel.with_email_only)
            name, value = next(iter(sel.fields.items()), ("", ""))
            index = self.field_combo.findData(name)
            if name and index < 0:  # a field not defined (any more): still selected
                self.field_combo.addItem(name, name)
                index = self.field_combo.count() - 1
            self.field_combo.setCurrentIndex(max(index, 0))
            self.field_value.setText(value)
            self.field_value.setEnabled(bool(name))
            self.company_ids = list(sel.company_ids)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self.update_count()

    def ask_segment_name(self, current: str) -> str | None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save selection"), self.tr("Name of the selection:"), text=current
        )
        return name.strip() if ok and name.strip() else None

    def save_segment(self) -> None:
        current = self.segment_combo.currentData() or ""
        name = self.ask_segment_name(str(current))
        if not name:
            return
        sel = self.selection()
        try:
            saved = ops.write(
                self.store, lambda s: campaigns.save_segment(s, name, sel, self.clock)
            )
        except CrmError as exc:
            self.message.setText(translate_error(exc))
            return
        self.reload_segments(saved.name)
        self.message.setText(self.tr("Selection “{name}” saved.").format(name=saved.name))

    def _preset(self) -> list[int] | None:
        return self.preset_ids if self.preset_box.isChecked() else None

    def criteria(self) -> dict[str, Any]:
        sel = self.selection()
        out: dict[str, Any] = {
            "tags": sel.tags,
            "statuses": [s.value for s in sel.statuses],
            "priorities": [p.value for p in sel.priorities],
            "postcode_from": sel.postcode_from,
            "postcode_to": sel.postcode_to,
            "not_contacted_since": sel.last_contact_before.isoformat()
            if sel.last_contact_before
            else None,
            "require_opt_in": sel.require_opt_in,
            "with_email_only": sel.with_email_only,
            "fields": dict(sel.fields),
        }
        if self._preset() is not None:
            out["selected_people"] = len(self.preset_ids or [])
        return out

    def schedule_count(self) -> None:
        self._timer.start()

    def update_count(self) -> CampaignCount:
        self._timer.stop()
        selection, preset = self.selection(), self._preset()
        self.result_count = ops.read(self.store, lambda s: count_selection(s, selection, preset))
        self.count_label.setText(self.count_text(self.result_count))
        self._update_buttons()
        return self.result_count

    def count_text(self, c: CampaignCount) -> str:
        n = len(c.ids)
        text = self.tr("1 person") if n == 1 else self.tr("%Ln people", "", n)
        if c.withdrawn:
            text += "; " + (
                self.tr("1 left out because they withdrew consent")
                if c.withdrawn == 1
                else self.tr("%Ln left out because they withdrew consent", "", c.withdrawn)
            )
        if c.no_opt_in:
            text += "; " + (
                self.tr("1 left out without opt-in")
                if c.no_opt_in == 1
                else self.tr("%Ln left out without opt-in", "", c.no_opt_in)
            )
        return text

    def _update_buttons(self) -> None:
        has = bool(self.result_count.ids) and not self.busy
        for b in (self.csv_button, self.vcard_button, self.log_button):
            b.setEnabled(has)

    # ------------------------------------------------------------ asking (overridable)

    def ask_save_path(self, kind: str) -> Path | None:
        stem = self.name.text().strip() or self.tr("campaign")
        if kind == "vcard":
            title, filt, suffix = self.tr("Export vCards"), self.tr("vCard (*.vcf)"), ".vcf"
        else:
            title, filt, suffix = (
                self.tr("Export for a mail merge"),
                self.tr("CSV (*.csv)"),
                ".csv",
            )
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / (stem + suffix)), filt)
        if not path:
            return None
        p = Path(path)
        return p if p.suffix else p.with_suffix(suffix)

    def confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def show_error(self, text: str) -> None:
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setText(text)

    def show_info(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    # ------------------------------------------------------------ actions

    def export(self, kind: str) -> None:
        ids = list(self.update_count().ids)
        if not ids or self.busy:
            return
        path = self.ask_save_path(kind)
        if path is None:
            return

        def work(session: Session, _p: Any) -> int:
            try:
                if kind == "vcard":
                    return campaigns.export_vcards(session, ids, path)
                return campaigns.export_mail_merge(session, ids, path)
            except OSError as exc:
                raise CrmError(
                    QT_TRANSLATE_NOOP("errors", "The file {path} cannot be written: {detail}"),
                    path=str(path),
                    detail=exc.strerror or str(exc),
                ) from exc

        def done(n: int) -> None:
            self._set_busy(False)
            self.show_info(
                (
                    self.tr("1 person exported to {file}.")
                    if n == 1
                    else self.tr("%Ln people exported to {file}.", "", n)
                ).format(file=path.name)
            )

        self._set_busy(True)
        self.tasks.run(work, write=False, on_done=done, on_error=self._failed)

    def log_campaign(self) -> None:
        ids = list(self.update_count().ids)
        if not ids or self.busy:
            return
        name = self.name.text().strip()
        if not name:
            self.show_error(self.tr("Give the campaign a name first."))
            self.name.setFocus()
            return
        n = len(ids)
        question = (
            self.tr("Log “{name}” as a letter on 1 person?")
            if n == 1
            else self.tr("Log “{name}” as a letter on %Ln people?", "", n)
        ).format(name=name)
        if not self.confirm(self.tr("Log campaign"), question):
            return
        description = self.description.toPlainText().strip()
        criteria = self.criteria()
        owner = self.store.owner

        def work(session: Session, _p: Any) -> int:
            campaign = campaigns.create_campaign(
                session,
                name,
                ids,
                self.clock,
                description=description,
                criteria=criteria,
                owner=owner,
            )
            return int(campaign.id)

        def done(_campaign_id: int) -> None:
            self._set_busy(False)
            self.logged = True
            self.show_info(
                (
                    self.tr("“{name}” logged on 1 person.")
                    if n == 1
                    else self.tr("“{name}” logged on %Ln people.", "", n)
                ).format(name=name)
            )
            self.changed.emit(Changes.all())  # an activity on each of many people

        self._set_busy(True)
        self.tasks.run(work, on_done=done, on_error=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, CrmError):
            self.show_error(translate_error(exc))
            return
        sys.excepthook(type(exc), exc, exc.__traceback__)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.tasks.wait(msecs)

    def done(self, r: int) -> None:
        self.tasks.wait()
        super().done(r)
