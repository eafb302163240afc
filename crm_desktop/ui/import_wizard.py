"""The import wizard: file → (CSV) column mapping → dry run / import → report.

- File: a vCard or CSV file; the format is recognised by name and content.
- Mapping (CSV only): the detected encoding and delimiter (both changeable), the
  preset (Outlook English/German, Google, other), one combo per source column
  choosing the contact field, and a preview of the first rows *as they will be
  imported* (read with exactly these settings).
- Import: the duplicate policy (create / skip / merge), a dry run that shows the
  would-be report, and the import itself off the GUI thread with a progress bar and
  a working Cancel: the whole file is one transaction, a cancel rolls it back.
- Report: imported / updated / unchanged / skipped / rejected (with reasons) /
  flagged for review; "Show imported records" emits :attr:`ImportWizard.showLastImport`.
"""

from __future__ import annotations

import csv
import io
import itertools
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError, ImportFileError
from crm_desktop.interop import csv_contacts
from crm_desktop.interop.records import ContactRecord, RowError, clean_text, decode_text
from crm_desktop.services import importer
from crm_desktop.services.changes import Changes
from crm_desktop.services.importer import ImportCancelled, ImportReport
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.format import format_date, format_phone, phone_region
from crm_desktop.ui.forms import ERROR_COLOR
from crm_desktop.ui.i18n import (
    QT_TRANSLATE_NOOP,
    import_reason_text,
    import_record_text,
    translate_error,
)
from crm_desktop.ui.tasks import Progress, Task, runner

CTX = "ImportWizard"
PAGE_FILE, PAGE_MAPPING, PAGE_RUN, PAGE_REPORT = range(4)
PREVIEW_ROWS = 5


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


# ---------------------------------------------------------------- target fields

_SIMPLE_TARGETS: list[tuple[str, str]] = [
    ("given_name", QT_TRANSLATE_NOOP("ImportWizard", "Given name")),
    ("additional_names", QT_TRANSLATE_NOOP("ImportWizard", "Middle names")),
    ("family_name", QT_TRANSLATE_NOOP("ImportWizard", "Family name")),
    ("full_name", QT_TRANSLATE_NOOP("ImportWizard", "Full name (split into parts)")),
    ("prefix", QT_TRANSLATE_NOOP("ImportWizard", "Salutation and title (“Herr Dr.”)")),
    ("salutation", QT_TRANSLATE_NOOP("ImportWizard", "Salutation")),
    ("title", QT_TRANSLATE_NOOP("ImportWizard", "Title")),
    ("name_suffix", QT_TRANSLATE_NOOP("ImportWizard", "Name suffix")),
    ("nickname", QT_TRANSLATE_NOOP("ImportWizard", "Nickname")),
    ("company", QT_TRANSLATE_NOOP("ImportWizard", "Company")),
    ("department", QT_TRANSLATE_NOOP("ImportWizard", "Department")),
    ("position", QT_TRANSLATE_NOOP("ImportWizard", "Position")),
    ("occupation", QT_TRANSLATE_NOOP("ImportWizard", "Occupation")),
    ("birth_date", QT_TRANSLATE_NOOP("ImportWizard", "Birthday")),
    ("notes", QT_TRANSLATE_NOOP("ImportWizard", "Notes")),
    ("website", QT_TRANSLATE_NOOP("ImportWizard", "Website")),
    ("tags", QT_TRANSLATE_NOOP("ImportWizard", "Tags (categories)")),
    ("vcard_uid", QT_TRANSLATE_NOOP("ImportWizard", "vCard UID")),
    ("email.work", QT_TRANSLATE_NOOP("ImportWizard", "E-mail (work)")),
    ("email.home", QT_TRANSLATE_NOOP("ImportWizard", "E-mail (private)")),
    ("email.other", QT_TRANSLATE_NOOP("ImportWizard", "E-mail (other)")),
    ("phone.work", QT_TRANSLATE_NOOP("ImportWizard", "Phone (work)")),
    ("phone.mobile", QT_TRANSLATE_NOOP("ImportWizard", "Mobile phone")),
    ("phone.home", QT_TRANSLATE_NOOP("ImportWizard", "Phone (private)")),
    ("phone.fax", QT_TRANSLATE_NOOP("ImportWizard", "Fax")),
    ("phone.other", QT_TRANSLATE_NOOP("ImportWizard", "Phone (other)")),
]
_ADDRESS_KINDS: list[tuple[str, str]] = [
    ("main", QT_TRANSLATE_NOOP("ImportWizard", "Business address")),
    ("home", QT_TRANSLATE_NOOP("ImportWizard", "Home address")),
    ("other", QT_TRANSLATE_NOOP("ImportWizard", "Other address")),
    ("billing", QT_TRANSLATE_NOOP("ImportWizard", "Billing address")),
    ("delivery", QT_TRANSLATE_NOOP("ImportWizard", "Delivery address")),
]
_ADDRESS_PARTS: list[tuple[str, str]] = [
    ("street", QT_TRANSLATE_NOOP("ImportWizard", "street")),
    ("street2", QT_TRANSLATE_NOOP("ImportWizard", "street, line 2")),
    ("street3", QT_TRANSLATE_NOOP("ImportWizard", "street, line 3")),
    ("extra", QT_TRANSLATE_NOOP("ImportWizard", "address line 2")),
    ("pobox", QT_TRANSLATE_NOOP("ImportWizard", "PO box")),
    ("postcode", QT_TRANSLATE_NOOP("ImportWizard", "postcode")),
    ("city", QT_TRANSLATE_NOOP("ImportWizard", "city")),
    ("region", QT_TRANSLATE_NOOP("ImportWizard", "region")),
    ("country", QT_TRANSLATE_NOOP("ImportWizard", "country")),
    ("formatted", QT_TRANSLATE_NOOP("ImportWizard", "whole address in one field")),
    ("type", QT_TRANSLATE_NOOP("ImportWizard", "kind")),
]
_INDEXED_HEADS = {
    "email": QT_TRANSLATE_NOOP("ImportWizard", "E-mail {n}"),
    "phone": QT_TRANSLATE_NOOP("ImportWizard", "Phone {n}"),
    "address": QT_TRANSLATE_NOOP("ImportWizard", "Address {n}"),
}
_INDEXED_PARTS = {
    "type": QT_TRANSLATE_NOOP("ImportWizard", "kind"),
    "value": QT_TRANSLATE_NOOP("ImportWizard", "value"),
}
PRESET_LABELS: list[tuple[str, str]] = [
    ("outlook-en", QT_TRANSLATE_NOOP("ImportWizard", "Outlook (English)")),
    ("outlook-de", QT_TRANSLATE_NOOP("ImportWizard", "Outlook (German)")),
    ("google", QT_TRANSLATE_NOOP("ImportWizard", "Google Contacts")),
    ("thunderbird", QT_TRANSLATE_NOOP("ImportWizard", "Thunderbird")),
    ("full", QT_TRANSLATE_NOOP("ImportWizard", "CRM Desktop (full export)")),
    ("generic", QT_TRANSLATE_NOOP("ImportWizard", "Other (guessed from the column names)")),
]
DELIMITERS: list[tuple[str, str]] = [
    (",", QT_TRANSLATE_NOOP("ImportWizard", "Comma (,)")),
    (";", QT_TRANSLATE_NOOP("ImportWizard", "Semicolon (;)")),
    ("\t", QT_TRANSLATE_NOOP("ImportWizard", "Tab")),
    ("|", QT_TRANSLATE_NOOP("ImportWizard", "Vertical bar (|)")),
]
ENCODINGS = ["utf-8", "cp1252", "iso-8859-15", "utf-16", "mac_roman"]


def target_label(key: str) -> str:
    """A human label for a mapping target ("address.main.city" → "Business address: city")."""
    if not key:
        return QCoreApplication.translate("ImportWizard", "— not imported —")
    for k, label in _SIMPLE_TARGETS:
        if k == key:
            return _t(label)
    head, _, rest = key.partition(".")
    if head == "address":
        kind, _, part = rest.partition(".")
        parts = dict(_ADDRESS_PARTS)
        kinds = dict(_ADDRESS_KINDS)
        if kind.isdigit():
            kind_text = _t(_INDEXED_HEADS["address"]).format(n=kind)
        else:
            kind_text = _t(kinds.get(kind, kind))
        return f"{kind_text}: {_t(parts[part]) if part in parts else part}"
    if head in ("email", "phone"):
        index, _, part = rest.partition(".")
        if index.isdigit():
            part_text = _t(_INDEXED_PARTS[part]) if part in _INDEXED_PARTS else part
            return f"{_t(_INDEXED_HEADS[head]).format(n=index)}: {part_text}"
    return key


def standard_targets() -> list[str]:
    out = ["", *(k for k, _ in _SIMPLE_TARGETS)]
    for kind, _ in _ADDRESS_KINDS:
        out += [f"address.{kind}.{part}" for part, _ in _ADDRESS_PARTS if part != "type"]
    return out


# ---------------------------------------------------------------- reading and running (no Qt)


@dataclass
class CsvSettings:
    path: Path
    encoding: str
    delimiter: str
    preset: str
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # the first data rows, raw
    mapping: dict[str, str] = field(default_factory=dict)


def read_head(
    path: Path, encoding: str, delimiter: str, rows: int = PREVIEW_ROWS
) -> tuple[list[str], list[list[str]]]:
    """Headers and the first data rows of a CSV file read with these settings."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The file {path} cannot be read: {detail}"),
            path=str(path),
            detail=exc.strerror,
        ) from exc
    text, _enc = decode_text(data, f"CSV file {path.name}", encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] = []
    out: list[list[str]] = []
    try:
        for row in reader:
            if not headers:
                headers = [clean_text(h).strip() for h in row]
                continue
            if any(c.strip() for c in row):
                out.append(row)
            if len(out) >= rows:
                break
    except csv.Error as exc:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The CSV file cannot be read ({detail})."), detail=str(exc)
        ) from exc
    return headers, out


def preview_records(settings: CsvSettings, n: int = PREVIEW_ROWS) -> list[ContactRecord | RowError]:
    """The first records exactly as the import will read them."""
    reader = csv_contacts.read_csv(
        settings.path,
        settings.mapping,
        encoding=settings.encoding,
        delimiter=settings.delimiter,
        preset=settings.preset,
    )
    return list(itertools.islice(reader, n))


class _DryRun(Exception):
    pass


def run_import(
    store: Store,
    path: Path,
    *,
    csv_settings: CsvSettings | None,
    dry_run: bool,
    on_duplicate: str,
    clock: Clock,
    progress: importer.Progress | None = None,
    region: str | None = None,
) -> ImportReport:
    """Import one file in one transaction; dry run and cancel store nothing.
    ``region`` is the country of numbers without a code (default: the settings').

    vCards go through :func:`importer.import_file`; a CSV file is read with the
    wizard's encoding, delimiter, preset and mapping, then imported the same way.
    """
    region = region or phone_region()
    if csv_settings is None:
        return importer.import_file(
            store,
            path,
            dry_run=dry_run,
            on_duplicate=on_duplicate,
            clock=clock,
            progress=progress,
            region=region,
        )
    total, records = csv_contacts.open_csv(
        path,
        csv_settings.mapping,
        encoding=csv_settings.encoding,
        delimiter=csv_settings.delimiter,
        preset=csv_settings.preset,
    )
    report: ImportReport | None = None

    def run(session: Session) -> ImportReport:
        nonlocal report
        report = importer.import_records(
            session,
            records,
            source=path.name,
            file_format="csv",
            on_duplicate=on_duplicate,
            clock=clock,
            progress=progress,
            total=total,
            region=region,
        )
        if dry_run:
            raise _DryRun  # the unit of work rolls back
        return report

    try:
        report = ops.write(store, run)
    except _DryRun:
        assert report is not None
        report.dry_run = True
        report.batch_id = None
        report.created_ids = []
        report.created_company_ids = []
    except ImportCancelled as exc:
        report = exc.report
        report.cancelled = True
        report.batch_id = None
        report.created_ids = []
        report.created_company_ids = []
    assert report is not None
    return report


def _record_cells(rec: ContactRecord | RowError) -> list[str]:
    if isinstance(rec, RowError):
        return [rec.label(), "", "", "", "", "", "", "", import_reason_text(rec.reason)]
    name = (
        " ".join(p for p in (rec.salutation, rec.title, rec.given_name, rec.family_name) if p)
        or rec.formatted_name
    )
    addr = rec.addresses[0] if rec.addresses else None
    address = ""
    if addr is not None:
        place = " ".join(p for p in (addr.postcode, addr.city) if p)
        address = ", ".join(p for p in (addr.street, place, addr.country) if p)
    phone = rec.phones[0][1] if rec.phones else ""
    return [
        name,
        rec.company,
        rec.position,
        ", ".join(e for _k, e in rec.emails),
        format_phone(phone) if phone.startswith("+") else phone,
        address,
        format_date(rec.birth_date) if rec.birth_date else "",
        ", ".join(rec.tags),
        "; ".join(rec.problems),
    ]


# ---------------------------------------------------------------- pages


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(
            self.tr("vCard (.vcf) from Outlook, Apple, Google or Android, or a CSV export.")
        )
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(self.tr("Path of the file to import"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self.browse)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.info)
        lay.addStretch(1)
        self.path_edit.textChanged.connect(lambda _t: self.wiz.set_file(self.path_edit.text()))

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import contacts"),
            str(Path.home()),
            self.tr(
                "Contacts (*.vcf *.vcard *.csv *.tsv);;vCard (*.vcf *.vcard);;CSV (*.csv);;"
                "All files (*)"
            ),
        )
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:
        return self.wiz.file_format is not None

    def nextId(self) -> int:
        return PAGE_MAPPING if self.wiz.file_format == "csv" else PAGE_RUN


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(
            self.tr("Check which column becomes which field; the preview shows the result.")
        )
        self.encoding = QComboBox(self)
        self.encoding.setObjectName("importEncoding")
        self.encoding.setEditable(True)
        self.delimiter = QComboBox(self)
        self.delimiter.setObjectName("importDelimiter")
        for value, label in DELIMITERS:
            self.delimiter.addItem(_t(label), value)
        self.preset = QComboBox(self)
        self.preset.setObjectName("importPreset")
        for value, label in PRESET_LABELS:
            self.preset.addItem(_t(label), value)
        for combo in (self.encoding, self.delimiter, self.preset):
            combo.setMinimumWidth(220)
            combo.setMaximumWidth(320)
        settings = QFormLayout()
        settings.addRow(self.tr("&Encoding:"), self.encoding)
        settings.addRow(self.tr("&Delimiter:"), self.delimiter)
        settings.addRow(self.tr("&Source:"), self.preset)
        self.detected = QLabel(self)
        self.detected.setWordWrap(True)
        self.detected.setObjectName("importDetected")
        top = QHBoxLayout()
        top.addLayout(settings)
        top.addSpacing(24)
        top.addWidget(self.detected, 1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.map_model = QStandardItemModel(0, 3, self)
        self.map_model.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First value"), self.tr("Import as")]
        )
        self.map_view = QTableView(self)
        self.map_view.setObjectName("importMapping")
        self.map_view.setModel(self.map_model)
        self.map_view.verticalHeader().hide()
        self.map_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.map_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.map_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 200)
        header.resizeSection(1, 200)
        self.combos: list[QComboBox] = []

        self.preview_model = QStandardItemModel(0, 9, self)
        self.preview_model.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Company"),
                self.tr("Position"),
                self.tr("E-mail"),
                self.tr("Phone"),
                self.tr("Address"),
                self.tr("Birthday"),
                self.tr("Tags"),
                self.tr("Remarks"),
            ]
        )
        self.preview_view = QTableView(self)
        self.preview_view.setObjectName("importPreview")
        self.preview_view.setModel(self.preview_model)
        self.preview_view.verticalHeader().hide()
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.setWordWrap(False)
        self.preview_message = QLabel(self)
        self.preview_message.setWordWrap(True)
        self.preview_message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.preview_message.hide()

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.map_view, 3)
        lay.addWidget(QLabel(self.tr("Preview – the first rows as they will be imported:"), self))
        lay.addWidget(self.preview_view, 2)
        lay.addWidget(self.preview_message)
        self._filling = False
        self.encoding.activated.connect(lambda _i: self._settings_changed())
        enc_line = self.encoding.lineEdit()
        if enc_line is not None:
            enc_line.editingFinished.connect(self._settings_changed)
        self.delimiter.currentIndexChanged.connect(lambda _i: self._settings_changed())
        self.preset.currentIndexChanged.connect(lambda _i: self._preset_changed())

    # -- filling

    def initializePage(self) -> None:
        s = self.wiz.csv
        if s is None:
            return
        self._filling = True
        self.encoding.clear()
        for enc in [s.encoding, *(e for e in ENCODINGS if e != s.encoding)]:
            self.encoding.addItem(enc)
        self.encoding.setCurrentIndex(0)
        self.delimiter.setCurrentIndex(max(self.delimiter.findData(s.delimiter), 0))
        self.preset.setCurrentIndex(max(self.preset.findData(s.preset), 0))
        self._filling = False
        self.detected.setText(
            self.tr("Detected: {preset}, encoding {encoding}, delimiter “{delimiter}”.").format(
                preset=self.preset.currentText(),
                encoding=s.encoding,
                delimiter="Tab" if s.delimiter == "\t" else s.delimiter,
            )
        )
        self.fill_mapping()

    def fill_mapping(self) -> None:
        s = self.wiz.csv
        assert s is not None
        self.map_model.removeRows(0, self.map_model.rowCount())
        self.combos = []
        targets = standard_targets()
        extra = [t for t in dict.fromkeys(s.mapping.values()) if t and t not in targets]
        first = s.rows[0] if s.rows else []
        for col, header in enumerate(s.headers):
            value = first[col] if col < len(first) else ""
            self.map_model.appendRow(
                [
                    QStandardItem(header),
                    QStandardItem(" ".join(value.split())[:80]),
                    QStandardItem(),
                ]
            )
        for col, header in enumerate(s.headers):
            combo = QComboBox(self.map_view)
            combo.setMaxVisibleItems(20)
            for key in [*targets, *extra]:
                combo.addItem(target_label(key), key)
            combo.setCurrentIndex(max(combo.findData(s.mapping.get(header, "")), 0))
            combo.setAccessibleName(self.tr("Field for the column “{name}”").format(name=header))
            combo.currentIndexChanged.connect(lambda _i, h=header, c=combo: self._mapped(h, c))
            self.map_view.setIndexWidget(self.map_model.index(col, 2), combo)
            self.combos.append(combo)
        self.update_preview()

    def combo_for(self, header: str) -> QComboBox:
        return self.combos[self.wiz.csv.headers.index(header)]  # type: ignore[union-attr]

    # -- changes

    def _mapped(self, header: str, combo: QComboBox) -> None:
        s = self.wiz.csv
        assert s is not None
        key = str(combo.currentData() or "")
        if key:
            s.mapping[header] = key
        else:
            s.mapping.pop(header, None)
        self.update_preview()

    def _settings_changed(self) -> None:
        if self._filling or self.wiz.csv is None:
            return
        s = self.wiz.csv
        encoding = self.encoding.currentText().strip() or s.encoding
        delimiter = str(self.delimiter.currentData())
        try:
            headers, rows = read_head(s.path, encoding, delimiter)
        except ImportFileError as exc:
            self.show_problem(translate_error(exc))
            return
        s.encoding, s.delimiter, s.headers, s.rows = encoding, delimiter, headers, rows
        preset = csv_contacts.detect_preset(headers)
        self._filling = True
        self.preset.setCurrentIndex(max(self.preset.findData(preset), 0))
        self._filling = False
        s.preset = preset
        s.mapping = csv_contacts.mapping_for(preset, headers)
        self.fill_mapping()

    def _preset_changed(self) -> None:
        if self._filling or self.wiz.csv is None:
            return
        s = self.wiz.csv
        s.preset = str(self.preset.currentData())
        s.mapping = csv_contacts.mapping_for(s.preset, s.headers)
        self.fill_mapping()

    def show_problem(self, text: str | None) -> None:
        self.preview_message.setText(text or "")
        self.preview_message.setVisible(bool(text))

    def update_preview(self) -> None:
        s = self.wiz.csv
        assert s is not None
        self.preview_model.removeRows(0, self.preview_model.rowCount())
        if not any(s.mapping.values()):
            self.show_problem(self.tr("No column is imported yet: choose at least one field."))
            self.completeChanged.emit()
            return
        try:
            records = preview_records(s)
        except ImportFileError as exc:
            self.show_problem(translate_error(exc))
            self.completeChanged.emit()
            return
        self.show_problem(None)
        for rec in records:
            self.preview_model.appendRow([QStandardItem(c) for c in _record_cells(rec)])
        self.preview_view.resizeColumnsToContents()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        s = self.wiz.csv
        return s is not None and any(s.mapping.values())


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Import"))
        self.setSubTitle(
            self.tr("The whole file is imported in one go: all of it or – on cancel – nothing.")
        )
        box = QGroupBox(
            self.tr("When a contact is already stored (same e-mail, phone or UID)"), self
        )
        self.policy = QButtonGroup(self)
        self.policy_buttons: dict[str, QRadioButton] = {}
        box_lay = QVBoxLayout(box)
        for key, text in (
            ("merge", self.tr("&Merge: add what is new to the stored contact")),
            ("skip", self.tr("&Skip the row, leave the stored contact as it is")),
            ("create", self.tr("&Create a new contact anyway")),
        ):
            button = QRadioButton(text, box)
            button.setObjectName(f"policy_{key}")
            self.policy.addButton(button)
            self.policy_buttons[key] = button
            box_lay.addWidget(button)
        self.policy_buttons["merge"].setChecked(True)
        self.dry_button = QPushButton(self.tr("&Dry run"), self)
        self.dry_button.setObjectName("importDryRun")
        self.dry_button.setToolTip(
            self.tr("Show what the import would do, without storing anything")
        )
        self.import_button = QPushButton(self.tr("&Import now"), self)
        self.import_button.setObjectName("importStart")
        self.cancel_button = QPushButton(self.tr("Cancel import"), self)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.setEnabled(False)
        for b in (self.dry_button, self.import_button, self.cancel_button):
            b.setAutoDefault(False)
        self.dry_button.clicked.connect(lambda: self.wiz.start_import(dry_run=True))
        self.import_button.clicked.connect(lambda: self.wiz.start_import(dry_run=False))
        self.cancel_button.clicked.connect(self.wiz.cancel_import)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("importStatus")
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("importDrySummary")
        self.summary.setReadOnly(True)
        self.summary.setPlaceholderText(self.tr("A dry run shows here what the import would do."))
        row = QHBoxLayout()
        row.addWidget(self.dry_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.addWidget(box)
        lay.addLayout(row)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.summary, 1)

    def on_duplicate(self) -> str:
        for key, button in self.policy_buttons.items():
            if button.isChecked():
                return key
        return "merge"

    def initializePage(self) -> None:
        self.progress.setValue(0)
        self.status.setText(
            self.tr("File: {name}").format(name=self.wiz.path.name if self.wiz.path else "")
        )
        self.summary.clear()

    def set_running(self, running: bool) -> None:
        self.dry_button.setEnabled(not running)
        self.import_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        for b in self.policy_buttons.values():
            b.setEnabled(not running)

    def isComplete(self) -> bool:
        r = self.wiz.report
        return r is not None and not r.dry_run and not r.cancelled

    def nextId(self) -> int:
        return PAGE_REPORT


class ReportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Report"))
        grid = QGridLayout()
        self.counts: dict[str, QLabel] = {}
        names = [
            ("imported", self.tr("Imported (new)")),
            ("updated", self.tr("Updated")),
            ("unchanged", self.tr("Unchanged")),
            ("skipped", self.tr("Skipped")),
            ("rejected", self.tr("Rejected")),
            ("flagged", self.tr("Flagged for review")),
        ]
        for i, (key, text) in enumerate(names):
            value = QLabel("0", self)
            value.setObjectName(f"count_{key}")
            font = value.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.3)
            value.setFont(font)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(value, i // 3, (i % 3) * 3)
            grid.addWidget(QLabel(text, self), i // 3, (i % 3) * 3 + 1)
            grid.setColumnMinimumWidth((i % 3) * 3 + 2, 40)
            self.counts[key] = value
        grid.setColumnStretch(9, 1)
        self.issues_heading = QLabel(self)
        self.issues_heading.setWordWrap(True)
        self.issue_model = QStandardItemModel(0, 3, self)
        self.issue_model.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("Record"), self.tr("Reason")]
        )
        self.issues = QTableView(self)
        self.issues.setObjectName("importIssues")
        self.issues.setModel(self.issue_model)
        self.issues.verticalHeader().hide()
        self.issues.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issues.horizontalHeader().setStretchLastSection(True)
        self.issues.setWordWrap(False)
        self.show_button = QPushButton(self.tr("&Show imported records"), self)
        self.show_button.setObjectName("importShow")
        self.show_button.setAutoDefault(False)
        self.show_button.clicked.connect(self.wiz.show_imported)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.show_button)
        lay = QVBoxLayout(self)
        lay.addLayout(grid)
        lay.addSpacing(8)
        lay.addWidget(self.issues_heading)
        lay.addWidget(self.issues, 1)
        lay.addLayout(row)

    def initializePage(self) -> None:
        r = self.wiz.report
        if r is None:
            return
        self.setSubTitle(self.tr("{file}: {n} records read.").format(file=r.source, n=r.total))
        values = {
            "imported": r.imported,
            "updated": r.updated,
            "unchanged": r.unchanged,
            "skipped": r.skipped,
            "rejected": r.rejected_total,
            "flagged": r.flagged_total,
        }
        for key, value in values.items():
            self.counts[key].setText(str(value))
        self.issue_model.removeRows(0, self.issue_model.rowCount())
        for record, why in r.rejected:
            self.issue_model.appendRow(
                [
                    QStandardItem(self.tr("Rejected")),
                    QStandardItem(import_record_text(record)),
                    QStandardItem(why),
                ]
            )
        for record, why in r.flagged:
            self.issue_model.appendRow(
                [
                    QStandardItem(self.tr("Review")),
                    QStandardItem(import_record_text(record)),
                    QStandardItem(why),
                ]
            )
        for change in r.changes:
            self.issue_model.appendRow(
                [
                    QStandardItem(self.tr("Updated")),
                    QStandardItem(import_record_text(change.label)),
                    QStandardItem(", ".join(change.fields)),
                ]
            )
        for column, n in r.unused_columns.items():
            self.issue_model.appendRow(
                [
                    QStandardItem(self.tr("Column not imported")),
                    QStandardItem(column),
                    QStandardItem(self.tr("{n} values").format(n=n)),
                ]
            )
        for record, what in r.dropped:
            self.issue_model.appendRow(
                [
                    QStandardItem(self.tr("Dropped")),
                    QStandardItem(import_record_text(record)),
                    QStandardItem(what),
                ]
            )
        self.issues.resizeColumnToContents(0)
        self.issues.resizeColumnToContents(1)
        has_issues = self.issue_model.rowCount() > 0
        self.issues.setVisible(has_issues)
        self.issues_heading.setText(
            self.tr("Rejected rows, records to check and changed contacts:")
            if has_issues
            else self.tr("Every record was imported without remarks.")
        )
        self.show_button.setEnabled(bool(r.created_ids))


# ---------------------------------------------------------------- the wizard


class ImportWizard(QWizard):
    """Import contacts from a vCard or CSV file (see the module docstring)."""

    showLastImport = Signal()
    changed = Signal(object)  # the Changes of an import
    finishedImport = Signal(object)  # the ImportReport (also after a dry run or cancel)

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.tasks = runner().for_store(store, self)
        self.path: Path | None = None
        self.file_format: str | None = None
        self.csv: CsvSettings | None = None
        self.report: ImportReport | None = None
        self.task: Task[ImportReport] | None = None
        self.setWindowTitle(self.tr("Import contacts"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(1040, 760)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.run_page = RunPage(self)
        self.report_page = ReportPage(self)
        self.setPage(PAGE_FILE, self.file_page)
        self.setPage(PAGE_MAPPING, self.mapping_page)
        self.setPage(PAGE_RUN, self.run_page)
        self.setPage(PAGE_REPORT, self.report_page)
        self.setStartId(PAGE_FILE)

    # ------------------------------------------------------------ file

    def set_file(self, path: str | Path) -> None:
        """Choose the file (the path field does this as the user types)."""
        text = str(path).strip()
        if self.file_page.path_edit.text() != text:
            self.file_page.path_edit.setText(text)  # comes back here through textChanged
            return
        self.path, self.file_format, self.csv, self.report = None, None, None, None
        info = self.file_page.info
        info.setStyleSheet("")
        p = Path(text).expanduser() if text else None
        if p is None:
            info.setText("")
        elif not p.is_file():
            info.setText(self.tr("There is no such file."))
        else:
            try:
                fmt = importer.detect_format(p)
                if fmt == "csv":
                    sniffed = csv_contacts.sniff(p)
                    self.csv = CsvSettings(
                        path=p,
                        encoding=sniffed.encoding,
                        delimiter=sniffed.delimiter,
                        preset=sniffed.preset,
                        headers=list(sniffed.headers),
                        rows=[list(r) for r in sniffed.preview],
                        mapping=dict(sniffed.mapping),
                    )
                    label = dict(PRESET_LABELS)[sniffed.preset]
                    info.setText(
                        self.tr("CSV file, {n} columns; looks like: {preset}.").format(
                            n=len(sniffed.headers), preset=_t(label)
                        )
                    )
                else:
                    info.setText(self.tr("vCard file."))
                self.path, self.file_format = p, fmt
            except CrmError as exc:
                info.setStyleSheet(f"color: {ERROR_COLOR};")
                info.setText(translate_error(exc))
        self.file_page.completeChanged.emit()

    def mapping(self) -> dict[str, str]:
        return dict(self.csv.mapping) if self.csv else {}

    # ------------------------------------------------------------ running

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.finished

    def start_import(self, dry_run: bool = False) -> Task[ImportReport] | None:
        if self.path is None or self.running:
            return None
        path = self.path
        settings = CsvSettings(**self.csv.__dict__) if self.csv else None
        if settings is not None:
            settings.mapping = dict(settings.mapping)
        on_duplicate = self.run_page.on_duplicate()
        clock = self.clock
        region = phone_region()

        def work(store: Store, progress: Progress) -> ImportReport:
            def report_progress(done: int, total: int) -> bool:
                progress(done, total)
                return not progress.cancelled

            return run_import(
                store,
                path,
                csv_settings=settings,
                dry_run=dry_run,
                on_duplicate=on_duplicate,
                clock=clock,
                progress=report_progress,
                region=region,
            )

        self.report = None
        self.run_page.set_running(True)
        self.run_page.progress.setRange(0, 0)  # busy until the first count arrives
        self.run_page.status.setText(
            self.tr("Dry run of {file}…") if dry_run else self.tr("Importing {file}…")
        )
        self.run_page.status.setText(self.run_page.status.text().format(file=path.name))
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.task = self.tasks.run_with_store(
            work, on_done=self._done, on_error=self._failed, on_progress=self._progress
        )
        return self.task

    def cancel_import(self) -> None:
        if self.task is not None and self.running:
            self.task.cancel()
            self.run_page.status.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int, _text: str) -> None:
        page = self.run_page
        if total:
            page.progress.setRange(0, total)
            page.progress.setValue(done)

    def _finish_run(self) -> None:
        self.run_page.set_running(False)
        self.run_page.progress.setRange(0, 100)
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)

    def _done(self, report: ImportReport) -> None:
        self._finish_run()
        self.report = report
        page = self.run_page
        page.progress.setValue(100)
        self.finishedImport.emit(report)
        if report.cancelled:
            page.progress.setValue(0)
            page.status.setText(self.tr("The import was cancelled; nothing was changed."))
        elif report.dry_run:
            page.status.setText(self.tr("Dry run finished: nothing was stored."))
            page.summary.setPlainText(self.report_text(report))
        else:
            self.changed.emit(Changes.all())  # an import may touch anything
            page.completeChanged.emit()
            self.next()
            return
        page.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self._finish_run()
        self.run_page.progress.setValue(0)
        if isinstance(exc, CrmError):
            self.run_page.status.setText(translate_error(exc))
            self.run_page.status.setStyleSheet(f"color: {ERROR_COLOR};")
            return
        sys.excepthook(type(exc), exc, exc.__traceback__)

    def report_text(self, r: ImportReport) -> str:
        """The would-be (dry run) or actual result as lines of text."""
        lines = [
            self.tr("{n} would be imported as new contacts").format(n=r.imported)
            if r.dry_run
            else self.tr("{n} imported as new contacts").format(n=r.imported),
            self.tr("{n} stored contacts updated").format(n=r.updated),
            self.tr("{n} unchanged").format(n=r.unchanged),
            self.tr("{n} skipped").format(n=r.skipped),
            self.tr("{n} rejected").format(n=r.rejected_total),
            self.tr("{n} flagged for review").format(n=r.flagged_total),
        ]
        lines += [
            self.tr("Rejected {record}: {reason}").format(
                record=import_record_text(rec), reason=import_reason_text(why)
            )
            for rec, why in r.rejected
        ]
        lines += [
            self.tr("Review {record}: {reason}").format(
                record=import_record_text(rec), reason=import_reason_text(why)
            )
            for rec, why in r.flagged
        ]
        lines += [
            self.tr("Column not imported: {column} ({n} values)").format(column=column, n=n)
            for column, n in r.unused_columns.items()
        ]
        lines += [
            self.tr("Dropped from {record}: {value}").format(
                record=import_record_text(rec), value=what
            )
            for rec, what in r.dropped
        ]
        return "\n".join(lines)

    # ------------------------------------------------------------ the end

    def show_imported(self) -> None:
        self.showLastImport.emit()
        self.accept()

    def reject(self) -> None:
        if self.running:
            self.cancel_import()
            self.tasks.wait()
        super().reject()

    def wait(self, msecs: int = 30_000) -> bool:
        return self.tasks.wait(msecs)
