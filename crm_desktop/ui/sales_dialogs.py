"""Sales dialogs: an opportunity (edit, quote sent, won, lost, overview) and an order.

- :class:`OpportunityDialog`: title, customer, contact person, stage, value (typed the
  German way, "12.500,00"), probability (following the stage until changed by hand),
  expected month, owner and source. *Quote sent* starts the quote follow-ups, *Won*
  turns the opportunity into a project, *Lost…* asks for a reason from the
  configurable list (refused without one) and a note. The *Overview* tab shows
  everything of the opportunity in one place: contact people, documents,
  correspondence and follow-ups with their dates; a double-click opens the record.
- :class:`OrderDialog`: customer, date, status, lines (SKU, description, quantity,
  unit, unit price, VAT) with the net per line and the totals, the new-customer flag
  (automatic by default) and notes; saved through :func:`services.orders.create_order`
  with the errors shown at the field or line they belong to. With ``order_id`` it
  changes an existing order (:func:`services.orders.update_order`); an invoiced order
  opens read-only except its status.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, to_local
from crm_desktop.data.models import OpportunityStatus
from crm_desktop.data.store import Store
from crm_desktop.errors import ValidationError
from crm_desktop.services import lookups, pickers
from crm_desktop.services import orders as order_svc
from crm_desktop.services import pipeline as svc
from crm_desktop.services import settings as cfg
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui.format import format_date, format_datetime, format_money, ui_locale
from crm_desktop.ui.forms import (
    ERROR_COLOR,
    FORM_STYLE,
    Badge,
    Banner,
    DateEdit,
    ErrorLabel,
    ErrorRouter,
    FormPage,
    LinkLabel,
    RecordCombo,
    collect,
    company_choice,
    company_source,
    people_source,
    plain_text,
    record_link,
    save_with_errors,
    set_invalid,
    shortcut,
)
from crm_desktop.ui.i18n import (
    QT_TRANSLATE_NOOP,
    activity_kind_label,
    direction_label,
    enum_label,
)
from crm_desktop.ui.pipeline import LostDialog

CENT = decimal.Decimal("0.01")
ZERO = decimal.Decimal(0)
OK_COLOR = "#1b5e20"
MUTED_COLOR = "#666666"

# ---------------------------------------------------------------- numbers typed the German way

_GROUPED = re.compile(r"^\d{1,3}([.,' ]\d{3})+$")


def parse_decimal(
    text: str, field: str = "value", locale_decimal: str | None = None
) -> decimal.Decimal:
    """A number as people type it: "1.250,50", "1250,5", "1,250.50", "€ 1.250" or
    "1250.50". With only one kind of separator it is the decimal point, unless it
    groups thousands ("12.500" is twelve thousand five hundred in German)."""
    raw = (text or "").strip()
    clean = raw.replace("€", "").replace("EUR", "").replace("%", "")
    clean = clean.replace("\xa0", "").replace("\u202f", "").replace(" ", "").replace("'", "")
    if not clean:
        return ZERO
    point = locale_decimal or ui_locale().decimalPoint() or "."
    if "," in clean and "." in clean:
        dec = "," if clean.rfind(",") > clean.rfind(".") else "."
        clean = clean.replace("." if dec == "," else ",", "").replace(dec, ".")
    elif "," in clean or "." in clean:
        sep = "," if "," in clean else "."
        body = clean.lstrip("+-")
        if (sep != point and _GROUPED.match(body)) or (
            clean.count(sep) > 1 and _GROUPED.match(body)
        ):
            clean = clean.replace(sep, "")
        else:
            clean = clean.replace(sep, ".")
    try:
        value = decimal.Decimal(clean)
    except decimal.InvalidOperation:
        value = decimal.Decimal("NaN")
    if not value.is_finite():
        raise ValidationError("“{value}” is not a number.", field=field, value=raw)
    return value


def format_number(value: decimal.Decimal | int | None, decimals: int = 2) -> str:
    """ "12.500,00" in German, "12,500.00" in English (no currency sign)."""
    if value is None:
        return ""
    return ui_locale().toString(float(value), "f", decimals)


def format_quantity(value: decimal.Decimal) -> str:
    """A quantity without needless zeros: "2", "1,5", "0,125"."""
    text = format(decimal.Decimal(value).normalize(), "f")
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    return format_number(value, decimals)


class MoneyEdit(QLineEdit):
    """An amount in euros, typed as "12.500" or "12.500,00"; shown formatted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(format_number(ZERO))
        self.setMaxLength(24)
        self.editingFinished.connect(self._reformat)

    def amount(self, field: str = "value") -> decimal.Decimal:
        """The amount (0 when empty); a ValidationError naming ``field`` when unreadable."""
        return parse_decimal(self.text(), field).quantize(CENT)

    def set_amount(self, value: decimal.Decimal | None) -> None:
        self.setText(format_number(value) if value is not None else "")

    def _reformat(self) -> None:
        if not self.text().strip():
            return
        with contextlib.suppress(ValidationError):
            self.set_amount(self.amount())


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


class MonthCombo(QComboBox):
    """A month ("März 2027") or none; ``value()`` is the first day of it."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today.replace(day=1)
        self.set_value(None)

    @staticmethod
    def label(day: dt.date) -> str:
        loc = ui_locale()
        return f"{loc.standaloneMonthName(day.month)} {day.year}"

    def _fill(self, keep: dt.date | None) -> None:
        months = [_add_months(self._today, n) for n in range(-12, 37)]
        if keep is not None and keep.replace(day=1) not in months:
            months.append(keep.replace(day=1))
            months.sort()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("(not set)"), None)
        for month in months:
            self.addItem(self.label(month), month.isoformat())
        self.blockSignals(False)

    def value(self) -> dt.date | None:
        data = self.currentData()
        return dt.date.fromisoformat(str(data)) if data else None

    def set_value(self, day: dt.date | None) -> None:
        self._fill(day)
        idx = self.findData(day.replace(day=1).isoformat()) if day is not None else 0
        self.setCurrentIndex(max(idx, 0))


# ---------------------------------------------------------------- record lists


def _completer(edit: QLineEdit, words: list[str]) -> None:
    completer = QCompleter(words, edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)


class CustomerPicker(QWidget):
    """A company and a contact person; the person list follows the company."""

    def __init__(self, page: FormPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.company = RecordCombo(self.tr("(no company)"), self)
        self.person = RecordCombo(self.tr("(no contact person)"), self)
        self.company.setAccessibleName(self.tr("Company"))
        self.person.setAccessibleName(self.tr("Contact person"))
        self.store: Store | None = None
        self._company_for_people: int | None = -1
        self.company.currentIndexChanged.connect(lambda _i: self.refill_people())
        line = self.company.lineEdit()
        if line is not None:
            line.editingFinished.connect(self.refill_people)

    def load(self, store: Store, company_id: int | None, person_id: int | None) -> None:
        self.store = store
        with store.reader() as s:
            if company_id is None and person_id is not None:
                found = pickers.person(s, person_id)
                company_id = found.company_id if found is not None else None
            self.company.set_source(company_source(store), company_choice(s, company_id))
        self.refill_people(person_id)

    def refill_people(self, keep: int | None = None) -> None:
        """The people of the chosen company (everyone without one), searched as typed."""
        if self.store is None:
            return
        cid = self.company.current_id()
        if cid == self._company_for_people and keep is None:
            return
        current = keep if keep is not None else self.person.current_id()
        self._company_for_people = cid
        with self.store.reader() as s:
            found = pickers.person(s, current)
        if found is not None and cid is not None and found.company_id != cid:
            found = None
        self.person.set_source(
            people_source(self.store, company_id=cid, with_company=cid is None),
            (found.id, found.label if cid is None else found.name) if found else None,
        )

    def ids(self, errors: list[ValidationError]) -> tuple[int | None, int | None]:
        """The chosen ids; a typed text that matches no record is an error."""
        if self.company.is_unmatched():
            errors.append(ValidationError("Choose a company from the list.", field="company_id"))
        if self.person.is_unmatched():
            errors.append(ValidationError("Choose a person from the list.", field="person_id"))
        return self.company.current_id(), self.person.current_id()


_MARKED = (
    QT_TRANSLATE_NOOP("errors", "Choose a company from the list."),
    QT_TRANSLATE_NOOP("errors", "Choose a person from the list."),
    QT_TRANSLATE_NOOP("errors", "Line {pos}: “{value}” is not a number."),
    QT_TRANSLATE_NOOP("errors", "“{value}” is not a number."),
)


# ---------------------------------------------------------------- opportunity


ROLE_KIND = Qt.ItemDataRole.UserRole + 1
ROLE_ID = Qt.ItemDataRole.UserRole + 2
ROLE_PATH = Qt.ItemDataRole.UserRole + 3


class OpportunityDialog(QDialog):
    """Create or edit an opportunity; close it as won or lost; see all of it at once."""

    personActivated = Signal(int)
    companyActivated = Signal(int)
    activityActivated = Signal(int)
    projectActivated = Signal(int)
    changed = Signal(object)  # the Changes of a save

    def __init__(
        self,
        store: Store,
        opportunity_id: int | None = None,
        company_id: int | None = None,
        person_id: int | None = None,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.opportunity_id = opportunity_id
        self.result_id: int | None = opportunity_id
        self.project_id: int | None = None
        self.status = OpportunityStatus.OPEN
        self._stage_probs: dict[int, int] = {}
        self._stage_prob: int | None = None
        self.setStyleSheet(FORM_STYLE)
        today = to_local(self.clock.now()).date()

        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        head.addWidget(self.heading, 1)
        self.badge = Badge("", "#1565c0", self)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setStyleSheet(f"color: {MUTED_COLOR};")
        layout.addWidget(self.state)
        self.banner = Banner(self)
        layout.addWidget(self.banner)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        # details
        self.page = FormPage()
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.page.add_field("title", self.tr("&Title:"), self.title_edit)
        self.customer = CustomerPicker(self.page, self)
        self.page.add_field("company_id", self.tr("&Company:"), self.customer.company)
        self.page.add_field("person_id", self.tr("Contact &person:"), self.customer.person)
        self.stage = QComboBox()
        self.page.add_field("stage_id", self.tr("&Stage:"), self.stage)
        self.value = MoneyEdit()
        self.page.add_field(
            "value", self.tr("&Value (€):"), self.value, self.tr("Net, e.g. 12.500 or 12.500,00")
        )
        self.probability = QSpinBox()
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self.probability.setSingleStep(5)
        prob_box = QWidget()
        pl_ = QHBoxLayout(prob_box)
        pl_.setContentsMargins(0, 0, 0, 0)
        self.probability.setMinimumWidth(90)
        pl_.addWidget(self.probability)
        self.weighted = QLabel()
        self.weighted.setStyleSheet(f"color: {MUTED_COLOR};")
        pl_.addSpacing(8)
        pl_.addWidget(self.weighted, 1)
        prob_box.setFocusProxy(self.probability)
        self.page.add_field("probability", self.tr("P&robability:"), prob_box)
        self.probability.valueChanged.connect(lambda _v: self._update_weighted())
        self.value.textChanged.connect(lambda _t: self._update_weighted())
        self.expected = MonthCombo(today)
        self.page.add_field("expected_close", self.tr("E&xpected close:"), self.expected)
        self.owner = QLineEdit()
        self.owner.setMaxLength(80)
        self.page.add_field("owner", self.tr("&Owner:"), self.owner)
        self.source = QLineEdit()
        self.source.setMaxLength(120)
        self.source.setPlaceholderText(self.tr("e.g. trade fair, website, recommendation"))
        self.page.add_field("source", self.tr("So&urce:"), self.source)
        self.tabs.addTab(self.page, self.tr("&Details"))
        self.stage.currentIndexChanged.connect(self._stage_changed)

        # overview
        over = QWidget()
        ol = QVBoxLayout(over)
        ol.setContentsMargins(4, 4, 4, 4)
        self.summary = LinkLabel()
        self.summary.internalLink.connect(self._internal_link)
        ol.addWidget(self.summary)
        self.overview_model = QStandardItemModel(0, 4, self)
        self.overview = QTreeView()
        self.overview.setModel(self.overview_model)
        self.overview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overview.setAlternatingRowColors(True)
        self.overview.setUniformRowHeights(True)
        self.overview.doubleClicked.connect(self._overview_activated)
        self.overview.activated.connect(self._overview_activated)
        ol.addWidget(self.overview, 1)
        hint = QLabel(self.tr("Double-click an entry to open it."))
        hint.setStyleSheet(f"color: {MUTED_COLOR};")
        ol.addWidget(hint)
        self.tabs.addTab(over, self.tr("O&verview"))

        # actions and buttons
        row = QHBoxLayout()
        self.quote_button = QPushButton(self.tr("&Quote sent"))
        self.quote_button.setToolTip(
            self.tr("Record that the quote went out today: reminders follow automatically.")
        )
        self.won_button = QPushButton(self.tr("&Won"))
        self.won_button.setStyleSheet(f"QPushButton {{ color: {OK_COLOR}; font-weight: bold; }}")
        self.lost_button = QPushButton(self.tr("&Lost…"))
        self.lost_button.setStyleSheet("QPushButton { color: #b71c1c; font-weight: bold; }")
        self.reopen_button = QPushButton(self.tr("Re&open"))
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.setToolTip(self.tr("Bring the lost opportunity back into the pipeline."))
        self.quote_button.clicked.connect(lambda: self.mark_quote_sent())
        self.won_button.clicked.connect(lambda: self.mark_won())
        self.lost_button.clicked.connect(lambda: self.mark_lost())
        self.reopen_button.clicked.connect(lambda: self.reopen())
        for b in (self.quote_button, self.won_button, self.lost_button, self.reopen_button):
            b.setAutoDefault(False)
            row.addWidget(b)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save"))
        save.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Close"))
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.hide()
        layout.addWidget(self.info)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut(seq, self, self.save)

        self.router = ErrorRouter(self.banner, self.tabs)
        self.router.add(self.page)
        self.load(company_id=company_id, person_id=person_id)
        self.resize(760, 560)
        self.title_edit.setFocus()

    # ------------------------------------------------------------ loading

    def load(self, company_id: int | None = None, person_id: int | None = None) -> None:
        with self.store.session() as s:  # seeds the stages and loss reasons when empty
            stages = svc.ensure_stages(s)
            svc.ensure_loss_reasons(s)
            self._stage_probs = {st.id: st.probability for st in stages}
            stage_items = [(st.id, st.name, st.probability) for st in stages]
            owners = lookups.owner_names(s)
            sources = lookups.opportunity_sources(s)
            opp = svc.get_opportunity(s, self.opportunity_id) if self.opportunity_id else None
            data: dict[str, Any] = {}
            if opp is not None:
                company_id, person_id = opp.company_id, opp.person_id
                data = {
                    "title": opp.title,
                    "stage_id": opp.stage_id,
                    "stage_name": opp.stage.name if opp.stage else "",
                    "value": opp.value,
                    "probability": opp.probability,
                    "expected_close": opp.expected_close,
                    "owner": opp.owner or "",
                    "source": opp.source or "",
                    "status": opp.status,
                    "quote_sent_at": opp.quote_sent_at,
                    "closed_at": opp.closed_at,
                    "loss_reason": opp.loss_reason.name if opp.loss_reason else None,
                    "loss_note": opp.loss_note,
                    "project_id": opp.project_id,
                }
            elif company_id is not None:
                owner = lookups.company_owner(s, company_id)
                if owner:
                    data["owner"] = owner
        self.stage.blockSignals(True)
        self.stage.clear()
        for sid, name, prob in stage_items:
            self.stage.addItem(f"{name} ({prob} %)", sid)
        stage_id = data.get("stage_id")
        if stage_id is not None and self.stage.findData(stage_id) < 0:
            self.stage.addItem(str(data.get("stage_name") or stage_id), stage_id)
        self.stage.setCurrentIndex(max(self.stage.findData(stage_id), 0) if stage_id else 0)
        self.stage.blockSignals(False)
        self._stage_prob = self._stage_probs.get(self.stage.currentData())
        _completer(self.owner, sorted(set(owners)))
        _completer(self.source, sources)
        self.customer.load(self.store, company_id, person_id)
        self.title_edit.setText(str(data.get("title", "")))
        self.value.set_amount(data.get("value"))
        initial: int | None = data.get("probability", self._stage_prob)
        self.probability.setValue(int(initial if initial is not None else 10))
        self.expected.set_value(data.get("expected_close"))
        self.owner.setText(str(data.get("owner", "")))
        self.source.setText(str(data.get("source", "")))
        self.status = data.get("status", OpportunityStatus.OPEN)
        self.project_id = data.get("project_id")
        self._show_state(data)
        self.load_overview()

    def _show_state(self, data: dict[str, Any]) -> None:
        new = self.opportunity_id is None
        self.setWindowTitle(self.tr("New opportunity") if new else self.tr("Opportunity"))
        self.heading.setText(self.tr("New opportunity") if new else str(data.get("title") or ""))
        colors = {
            OpportunityStatus.OPEN: "#1565c0",
            OpportunityStatus.WON: "#2e7d32",
            OpportunityStatus.LOST: "#c62828",
        }
        self.badge.set_badge("" if new else enum_label(self.status), colors[self.status])
        parts: list[str] = []
        if self.status == OpportunityStatus.OPEN and data.get("quote_sent_at"):
            parts.append(
                self.tr("Quote sent on {date}.").format(
                    date=format_date(to_local(data["quote_sent_at"]).date())
                )
            )
        if self.status == OpportunityStatus.WON and data.get("closed_at"):
            parts.append(
                self.tr("Won on {date}; it goes on as a project.").format(
                    date=format_date(to_local(data["closed_at"]).date())
                )
            )
        if self.status == OpportunityStatus.LOST:
            text = self.tr("Lost on {date}: {reason}").format(
                date=format_date(to_local(data["closed_at"]).date())
                if data.get("closed_at")
                else "",
                reason=data.get("loss_reason") or "",
            )
            if data.get("loss_note"):
                text += f" – {data['loss_note']}"
            parts.append(text)
        if new:
            parts.append(self.tr("Save first to send a quote or close it as won or lost."))
        self.state.setText(" ".join(parts))
        self.state.setVisible(bool(parts))
        is_open = not new and self.status == OpportunityStatus.OPEN
        for b in (self.quote_button, self.won_button, self.lost_button):
            b.setEnabled(is_open)
        self.reopen_button.setVisible(not new and self.status == OpportunityStatus.LOST)
        self.stage.setEnabled(new or self.status == OpportunityStatus.OPEN)
        self.tabs.setTabEnabled(1, not new)

    def _update_weighted(self) -> None:
        try:
            amount = self.value.amount()
        except ValidationError:
            self.weighted.setText("")
            return
        weighted = (amount * self.probability.value() / 100).quantize(CENT)
        self.weighted.setText(
            self.tr("weighted value {value}").format(value=format_money(weighted))
        )

    def _stage_changed(self, _index: int) -> None:
        new_prob = self._stage_probs.get(self.stage.currentData())
        if new_prob is None:
            return
        if self._stage_prob is None or self.probability.value() == self._stage_prob:
            self.probability.setValue(new_prob)
        self._stage_prob = new_prob

    # ------------------------------------------------------------ overview

    def load_overview(self) -> None:
        m = self.overview_model
        m.clear()
        m.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Type"), self.tr("What"), self.tr("Who / details")]
        )
        if self.opportunity_id is None:
            self.summary.setText("")
            return
        with self.store.reader() as s:
            ov = svc.opportunity_overview(s, self.opportunity_id)
            self._fill_summary(ov)
            bold = QFont(self.overview.font())
            bold.setBold(True)

            def section(title: str, count: int) -> QStandardItem:
                head = QStandardItem(f"{title} ({count})")
                head.setFont(bold)
                m.appendRow([head, QStandardItem(""), QStandardItem(""), QStandardItem("")])
                return head

            def child(
                head: QStandardItem, cells: list[str], kind: str, rid: int | None
            ) -> list[QStandardItem]:
                items = [QStandardItem(c) for c in cells]
                for item in items:
                    item.setData(kind, ROLE_KIND)
                    item.setData(rid, ROLE_ID)
                    item.setToolTip(item.text())
                head.appendRow(items)
                return items

            people = section(self.tr("Contact people"), len(ov.contact_people))
            for p in ov.contact_people:
                reach = [e.address for e in p.emails[:1]] + [ph.number for ph in p.phones[:1]]
                child(
                    people,
                    [
                        "",
                        self.tr("Person"),
                        p.full_name,
                        " · ".join([p.position or "", *reach]).strip(" ·"),
                    ],
                    "person",
                    p.id,
                )
            docs = section(self.tr("Documents"), len(ov.documents))
            doc_kinds = {
                "quote": self.tr("Quote"),
                "order": self.tr("Order confirmation"),
                "contract": self.tr("Contract"),
                "document": self.tr("Document"),
            }
            doc_states = {
                "open": self.tr("open"),
                "accepted": self.tr("accepted"),
                "closed": self.tr("closed"),
            }
            for d in ov.documents:
                items = child(
                    docs,
                    [
                        format_date(to_local(d.created_at).date()) if d.created_at else "",
                        doc_kinds.get(d.kind, d.kind),
                        d.title,
                        doc_states.get(d.status, d.status)
                        + (f" · {Path(d.path).name}" if d.path else ""),
                    ],
                    "document",
                    d.id,
                )
                items[0].setData(d.path, ROLE_PATH)
            acts = section(self.tr("Correspondence and activities"), len(ov.activities))
            for a in ov.activities:
                who = a.person.full_name if a.person is not None else ""
                kind = activity_kind_label(a.kind)
                if a.direction is not None:
                    kind = f"{kind} ({direction_label(a.direction)})"
                child(
                    acts,
                    [format_datetime(a.occurred_at), kind, a.subject or a.text[:80], who],
                    "activity",
                    a.id,
                )
            fus = section(self.tr("Follow-ups"), len(ov.followups))
            for f in ov.followups:
                if f.done_at is not None:
                    state = self.tr("done")
                elif f.cancelled_at is not None:
                    state = self.tr("cancelled")
                else:
                    state = self.tr("open")
                who = f.person.full_name if f.person is not None else ""
                child(
                    fus,
                    [
                        format_datetime(f.due_at),
                        activity_kind_label(f.kind),
                        f.note,
                        state + (f" · {who}" if who else ""),
                    ],
                    "followup",
                    f.id,
                )
            if ov.project is not None:
                proj = section(self.tr("Project"), 1)
                child(
                    proj,
                    [
                        format_date(ov.project.start_date),
                        self.tr("Project"),
                        ov.project.name,
                        enum_label(ov.project.status),
                    ],
                    "project",
                    ov.project.id,
                )
        self.overview.expandAll()
        for row in range(m.rowCount()):  # section titles use the whole width
            self.overview.setFirstColumnSpanned(row, QModelIndex(), True)
        fm = self.overview.fontMetrics()
        stamp = fm.horizontalAdvance(format_datetime(dt.datetime(2026, 12, 28, 23, 58)))
        self.overview.setColumnWidth(0, stamp + 48)
        self.overview.setColumnWidth(1, 150)
        self.overview.setColumnWidth(2, 260)

    def _fill_summary(self, ov: svc.OpportunityOverview) -> None:
        opp = ov.opportunity
        parts: list[str] = []
        if ov.company is not None:
            parts.append(record_link("company", ov.company.id, ov.company.name))
        if opp.person is not None:
            parts.append(record_link("person", opp.person.id, opp.person.full_name))
        line1 = " · ".join(parts)
        stage = ov.stage.name if ov.stage is not None else ""
        facts = [
            format_money(opp.value, opp.currency),
            f"{opp.probability} %",
            stage if opp.status == OpportunityStatus.OPEN else enum_label(opp.status),
        ]
        if opp.expected_close:
            facts.append(
                self.tr("expected {month}").format(month=MonthCombo.label(opp.expected_close))
            )
        if opp.owner:
            facts.append(self.tr("owner {owner}").format(owner=opp.owner))
        if ov.loss_reason:
            facts.append(self.tr("lost: {reason}").format(reason=ov.loss_reason))
        self.summary.setText(
            (f"{line1}<br>" if line1 else "") + html.escape(" · ".join(f for f in facts if f))
        )

    def _internal_link(self, kind: str, rid: int) -> None:
        if kind == "company":
            self.companyActivated.emit(rid)
        elif kind == "person":
            self.personActivated.emit(rid)
        else:
            return
        self.reject()

    def _overview_activated(self, index: QModelIndex) -> None:
        first = index.sibling(index.row(), 0)
        kind = first.data(ROLE_KIND)
        rid = first.data(ROLE_ID)
        if kind is None or rid is None:
            return
        if kind == "document":
            path = first.data(ROLE_PATH)
            if path:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            return
        signal = {
            "person": self.personActivated,
            "activity": self.activityActivated,
            "project": self.projectActivated,
        }.get(str(kind))
        if signal is None:
            return
        signal.emit(int(rid))
        self.reject()

    # ------------------------------------------------------------ saving

    def _save_work(self, session: Session, errors: list[ValidationError]) -> int:
        value = collect(errors, self.value.amount, "value")
        company_id, person_id = self.customer.ids(errors)
        stage_id = self.stage.currentData()
        fields: dict[str, Any] = {
            "title": self.title_edit.text(),
            "company_id": company_id,
            "person_id": person_id,
            "value": value if value is not None else ZERO,
            "probability": self.probability.value(),
            "expected_close": self.expected.value(),
            "owner": self.owner.text().strip() or None,
            "source": self.source.text().strip() or None,
        }
        if errors:
            return -1
        if self.opportunity_id is None:
            opp = collect(
                errors,
                svc.new_opportunity,
                session,
                svc.OpportunityInput(
                    stage_id=int(stage_id) if stage_id is not None else None, **fields
                ),
                clock=self.clock,
            )
            return opp.id if opp is not None else -1
        if company_id is None and person_id is None:
            errors.append(
                ValidationError("An opportunity needs a company or a person.", field="company_id")
            )
            return -1
        collect(
            errors,
            svc.edit_opportunity,
            session,
            self.opportunity_id,
            fields,
            self.clock,
            stage_id=int(stage_id) if stage_id is not None else None,
        )
        return self.opportunity_id

    def save(self) -> None:
        """Save and close."""
        rid = save_with_errors(self.store, self.router, self._save_work)
        if rid is None or rid < 0:
            return
        self.result_id = rid
        self.opportunity_id = rid
        self.changed.emit(Changes.of("opportunity", rid, structure=True))
        self.accept()

    def _act(self, action: Any) -> Any:
        """Save what was typed and run ``action(session, opp_id)`` in one unit of work."""

        def work(session: Session, errors: list[ValidationError]) -> Any:
            rid = self._save_work(session, errors)
            if errors or rid < 0:
                return None
            return action(session, rid)

        result = save_with_errors(self.store, self.router, work)
        if result is not None:
            self.load()
            # won (a project), lost, a quote or an order from it
            self.changed.emit(Changes.of("opportunity", self.opportunity_id, structure=True))
        return result

    def _message(self, text: str, ok: bool = True) -> None:
        self.info.setStyleSheet(f"color: {OK_COLOR if ok else ERROR_COLOR};")
        self.info.setText(text)
        self.info.setVisible(bool(text))

    def mark_quote_sent(self) -> bool:
        if self.opportunity_id is None:
            return False

        def action(session: Session, rid: int) -> tuple[dt.datetime, tuple[int, ...]]:
            opp = svc.record_quote_sent(session, rid, self.clock)
            sent = opp.quote_sent_at
            assert sent is not None
            return sent, cfg.quote_stages(session).reminder_days

        result = self._act(action)
        if result is None:
            return False
        sent, days = result
        self._message(
            self.tr("Quote sent on {date}; reminders follow after {days} days.").format(
                date=format_date(to_local(sent).date()),
                days=", ".join(str(d) for d in days) or "–",
            )
        )
        return True

    def mark_won(self) -> int | None:
        """Close as won; returns the new project's id."""
        if self.opportunity_id is None:
            return None

        def action(session: Session, rid: int) -> tuple[int, str]:
            project = svc.mark_won(session, rid, self.clock)
            return project.id, project.name

        result = self._act(action)
        if result is None:
            return None
        pid, name = result
        self._message(
            self.tr("Won! The project “{name}” now carries the whole sales history.").format(
                name=name
            )
        )
        return int(pid)

    def lost_dialog(self) -> LostDialog:
        with self.store.reader() as s:
            reasons = [(r.id, r.name) for r in svc.loss_reasons(s)]
        return LostDialog(self.title_edit.text().strip(), reasons, self)

    def mark_lost(self, dialog: LostDialog | None = None) -> bool:
        """Ask for the reason and close as lost. Without a reason the dialog stays open
        (and the service refuses it too); False when cancelled or refused."""
        if self.opportunity_id is None:
            return False
        dlg = dialog or self.lost_dialog()
        if dialog is None and dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        if dialog is not None and dlg.result() != QDialog.DialogCode.Accepted:
            return False
        reason_id, note = dlg.reason_id, dlg.note_text

        def action(session: Session, rid: int) -> str:
            return svc.mark_lost(session, rid, reason_id, note, self.clock).title

        title = self._act(action)
        if title is None:
            return False
        self._message(self.tr("“{title}” marked as lost.").format(title=title))
        return True

    def reopen(self) -> bool:
        """Bring a lost opportunity back into the pipeline (undoable); False when it is
        not lost."""
        if self.opportunity_id is None or self.status != OpportunityStatus.LOST:
            return False
        rid = self.opportunity_id

        def work(session: Session, errors: list[ValidationError]) -> str | None:
            opp = collect(errors, svc.take_back_loss, session, rid, self.clock)
            return None if opp is None else opp.title

        title = save_with_errors(self.store, self.router, work)
        if title is None:
            return False
        self.load()
        self.changed.emit(Changes.of("opportunity", rid, structure=True))
        self._message(self.tr("“{title}” is open again.").format(title=title))
        return True


# ---------------------------------------------------------------- order lines


@dataclass
class LineRow:
    sku: str = ""
    description: str = ""
    quantity: str = "1"
    unit: str = "Stk"
    unit_price: str = ""
    vat: str = "19"
    error: str = ""
    bad: set[str] = field(default_factory=set)

    def is_empty(self) -> bool:
        return not (self.sku.strip() or self.description.strip() or self.unit_price.strip())


COLUMNS = ("sku", "description", "quantity", "unit", "unit_price", "vat", "net")
NUMERIC = {"quantity", "unit_price", "vat", "net"}


class OrderLinesModel(QAbstractTableModel):
    """The lines of an order being typed: editable texts, parsed the German way."""

    totalsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[LineRow] = []
        self.locked = False  # an invoiced order: the lines are shown, not edited
        self._headers = [
            self.tr("SKU"),
            self.tr("Description"),
            self.tr("Quantity"),
            self.tr("Unit"),
            self.tr("Unit price (€)"),
            self.tr("VAT %"),
            self.tr("Net (€)"),
        ]

    # numbers
    @staticmethod
    def number(row: LineRow, key: str) -> decimal.Decimal | None:
        text = getattr(row, key)
        if key in ("unit_price",) and not text.strip():
            return ZERO
        try:
            return parse_decimal(text, key)
        except ValidationError:
            return None

    def net(self, row: LineRow) -> decimal.Decimal | None:
        qty, price = self.number(row, "quantity"), self.number(row, "unit_price")
        if qty is None or price is None:
            return None
        return (qty.quantize(decimal.Decimal("0.001")) * price.quantize(CENT)).quantize(CENT)

    def totals(self) -> tuple[decimal.Decimal, decimal.Decimal]:
        """(net, VAT) of the readable, non-empty lines."""
        net_total, vat_total = ZERO, ZERO
        for row in self.rows:
            if row.is_empty():
                continue
            net, vat = self.net(row), self.number(row, "vat")
            if net is None:
                continue
            net_total += net
            if vat is not None:
                vat_total += (net * vat / 100).quantize(CENT, rounding=decimal.ROUND_HALF_UP)
        return net_total, vat_total

    # Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return str(section + 1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()] != "net" and not self.locked:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "net":
                if row.is_empty():
                    return ""
                net = self.net(row)
                return format_number(net) if net is not None else "?"
            text = getattr(row, key)
            if key in NUMERIC and text.strip():
                num = self.number(row, key)
                if num is not None:
                    return format_quantity(num) if key != "unit_price" else format_number(num)
            return text
        if role == Qt.ItemDataRole.EditRole:
            return getattr(row, key) if key != "net" else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if key in row.bad or (key in NUMERIC and key != "net" and self._unreadable(row, key)):
                return QBrush(QColor("#fdecea"))
            if key == "net":
                return QBrush(QColor("#f3f3f3"))
        if role == Qt.ItemDataRole.ToolTipRole and row.error:
            return row.error
        return None

    def _unreadable(self, row: LineRow, key: str) -> bool:
        return bool(getattr(row, key).strip()) and self.number(row, key) is None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.locked:
            return False
        key = COLUMNS[index.column()]
        if key == "net":
            return False
        row = self.rows[index.row()]
        text = "" if value is None else str(value)
        if key in NUMERIC and text.strip():
            num = None
            with contextlib.suppress(ValidationError):
                num = parse_decimal(text, key)
            if num is not None:  # keep it the way it is shown
                text = format_number(num) if key == "unit_price" else format_quantity(num)
        setattr(row, key, text)
        row.bad.discard(key)
        row.error = ""
        last = self.index(index.row(), len(COLUMNS) - 1)
        self.dataChanged.emit(self.index(index.row(), 0), last)
        self.totalsChanged.emit()
        return True

    def add_row(self, row: LineRow | None = None) -> int:
        pos = len(self.rows)
        self.beginInsertRows(QModelIndex(), pos, pos)
        self.rows.append(row or LineRow())
        self.endInsertRows()
        self.totalsChanged.emit()
        return pos

    def remove_row(self, pos: int) -> None:
        if not 0 <= pos < len(self.rows):
            return
        self.beginRemoveRows(QModelIndex(), pos, pos)
        del self.rows[pos]
        self.endRemoveRows()
        self.totalsChanged.emit()

    def drop_empty(self) -> None:
        for pos in reversed(range(len(self.rows))):
            if self.rows[pos].is_empty() and len(self.rows) > 1:
                self.remove_row(pos)

    def mark(self, pos: int, text: str, keys: set[str] | None = None) -> None:
        if not 0 <= pos < len(self.rows):
            return
        row = self.rows[pos]
        row.error = f"{row.error}\n{text}".strip() if row.error else text
        row.bad |= keys or {"description"}
        self.dataChanged.emit(self.index(pos, 0), self.index(pos, len(COLUMNS) - 1))

    def clear_marks(self) -> None:
        for row in self.rows:
            row.error, row.bad = "", set()
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            )

    def inputs(self) -> tuple[list[order_svc.OrderLineInput], list[ValidationError]]:
        """The lines for the service, and the numbers that could not be read."""
        out: list[order_svc.OrderLineInput] = []
        errors: list[ValidationError] = []
        for i, row in enumerate(self.rows):
            values: dict[str, decimal.Decimal] = {}
            for key in ("quantity", "unit_price", "vat"):
                text = getattr(row, key)
                try:
                    values[key] = parse_decimal(text, key) if text.strip() else ZERO
                except ValidationError:
                    errors.append(
                        ValidationError(
                            "Line {pos}: “{value}” is not a number.",
                            field=f"lines.{i}.{key}",
                            pos=i + 1,
                            value=text,
                        )
                    )
            if not row.quantity.strip():
                values["quantity"] = ZERO
            out.append(
                order_svc.OrderLineInput(
                    description=row.description,
                    quantity=values.get("quantity", ZERO),
                    unit_price=values.get("unit_price", ZERO),
                    unit=row.unit.strip() or "Stk",
                    sku=row.sku.strip() or None,
                    vat_rate=values.get("vat", ZERO),
                )
            )
        return out, errors


class LinesErrors:
    """Error target for "lines" and "lines.N…": a message under the table, the line red."""

    def __init__(self, view: QTableView, model: OrderLinesModel, label: ErrorLabel) -> None:
        self.view, self.model, self.label = view, model, label

    def show_field_error(self, key: str, text: str) -> QWidget | None:
        if key != "lines" and not key.startswith("lines."):
            return None
        parts = key.split(".")
        if len(parts) >= 2 and parts[1].isdigit():
            sub = {parts[2]} if len(parts) > 2 else None
            self.model.mark(int(parts[1]), text, sub)
        self.label.add_error(text)
        set_invalid(self.view, True)
        return self.view

    def clear_errors(self) -> None:
        self.label.set_error(None)
        self.model.clear_marks()
        set_invalid(self.view, False)


ORDER_STATUS_LABELS = {
    "open": QT_TRANSLATE_NOOP("OrderDialog", "Open"),
    "delivered": QT_TRANSLATE_NOOP("OrderDialog", "Delivered"),
    "invoiced": QT_TRANSLATE_NOOP("OrderDialog", "Invoiced"),
    "cancelled": QT_TRANSLATE_NOOP("OrderDialog", "Cancelled"),
}


NOTICE_STYLE = (
    "QFrame#banner { background: #fff8e1; border: 1px solid #ffe082; border-radius: 4px; }"
    " QLabel { color: #5d4200; }"
)


@dataclass
class _LoadedOrder:
    """An order as the dialog opened it (what an invoiced order sends back unchanged)."""

    number: str
    company_id: int | None
    person_id: int | None
    order_date: dt.date
    status: str
    currency: str
    notes: str
    is_new_customer: bool
    lines: list[order_svc.OrderLineInput]
    version: int | None = None  # a save on an older version is refused (a colleague saved)


class OrderDialog(QDialog):
    """Enter an order with its lines, or change one (``order_id``)."""

    changed = Signal(object)  # the Changes of a save

    def __init__(
        self,
        store: Store,
        company_id: int | None = None,
        person_id: int | None = None,
        clock: Clock | None = None,
        parent: QWidget | None = None,
        *,
        order_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.order_id = order_id
        self.loaded: _LoadedOrder | None = None
        self.result_id: int | None = None
        self.result_number: str | None = None
        self.setWindowTitle(self.tr("New order"))
        self.setStyleSheet(
            FORM_STYLE + f' QTableView[invalid="true"] {{ border: 1px solid {ERROR_COLOR}; }}'
        )
        today = to_local(self.clock.now()).date()
        layout = QVBoxLayout(self)
        self.banner = Banner(self)
        layout.addWidget(self.banner)

        self.page = FormPage()
        self.customer = CustomerPicker(self.page, self)
        self.page.add_field(
            "company_id",
            self.tr("&Customer:"),
            self.customer.company,
            self.tr("A company, or leave it empty and choose a private customer below."),
        )
        self.page.add_field("person_id", self.tr("Contact &person:"), self.customer.person)
        top = QWidget()
        tl = QHBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        self.date = DateEdit()
        self.date.set_date(today)
        self.date.setMaximumWidth(140)
        tl.addWidget(self.date)
        status_label = QLabel(self.tr("S&tatus:"))
        self.status = QComboBox()
        for key in order_svc.ORDER_STATUSES:
            self.status.addItem(self.tr(ORDER_STATUS_LABELS[key]), key)
        status_label.setBuddy(self.status)
        tl.addSpacing(12)
        tl.addWidget(status_label)
        tl.addWidget(self.status)
        new_label = QLabel(self.tr("New c&ustomer:"))
        self.new_customer = QComboBox()
        self.new_customer.addItem(self.tr("Automatic"), None)
        self.new_customer.addItem(self.tr("Yes"), True)
        self.new_customer.addItem(self.tr("No"), False)
        new_label.setBuddy(self.new_customer)
        tl.addSpacing(12)
        tl.addWidget(new_label)
        tl.addWidget(self.new_customer)
        tl.addStretch(1)
        top.setFocusProxy(self.date)
        self.page.add_field("order_date", self.tr("&Date:"), top)
        layout.addWidget(self.page)

        # lines
        head = QHBoxLayout()
        lines_label = QLabel(self.tr("<b>Lines</b>"))
        head.addWidget(lines_label)
        head.addStretch(1)
        self.add_button = QPushButton(self.tr("&Add line"))
        self.remove_button = QPushButton(self.tr("&Remove line"))
        for b in (self.add_button, self.remove_button):
            b.setAutoDefault(False)
            head.addWidget(b)
        layout.addLayout(head)
        self.lines = OrderLinesModel(self)
        self.table = QTableView()
        self.table.setModel(self.lines)
        lines_label.setBuddy(self.table)
        self.table.setAccessibleName(self.tr("Order lines"))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 90), (2, 80), (3, 60), (4, 110), (5, 60), (6, 110)):
            self.table.setColumnWidth(col, width)
        self.table.verticalHeader().setDefaultSectionSize(26)
        layout.addWidget(self.table, 1)
        self.lines_error = ErrorLabel(self)
        layout.addWidget(self.lines_error)
        self.totals = QLabel()
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.totals)

        notes_page = FormPage()
        self.notes = plain_text(self, 3)
        notes_page.add_field("notes", self.tr("&Notes:"), self.notes)
        layout.addWidget(notes_page)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save order"))
        save.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut(seq, self, self.save)

        self.router = ErrorRouter(self.banner)
        self.router.add(
            self.page, notes_page, LinesErrors(self.table, self.lines, self.lines_error)
        )
        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_line)
        self.lines.totalsChanged.connect(self._update_totals)
        self.customer.company.currentIndexChanged.connect(lambda _i: self._update_auto())
        self.customer.person.currentIndexChanged.connect(lambda _i: self._update_auto())
        self.date.editingFinished.connect(self._update_auto)
        if order_id is not None:
            self._load(order_id)
        else:
            self.customer.load(store, company_id, person_id)
            self.lines.add_row()
        self._update_totals()
        self._update_auto()
        self.resize(880, 640)
        if self.locked:
            self.status.setFocus()
        else:
            self.customer.company.setFocus()

    # ------------------------------------------------------------ an existing order

    @property
    def locked(self) -> bool:
        """An invoiced order: only its status can change."""
        return self.loaded is not None and self.loaded.status == "invoiced"

    def _load(self, order_id: int) -> None:
        with self.store.reader() as s:
            order = order_svc.get_order(s, order_id)
            self.loaded = _LoadedOrder(
                number=order.number,
                company_id=order.company_id,
                person_id=order.person_id,
                order_date=order.order_date,
                status=order.status,
                currency=order.currency,
                notes=order.notes or "",
                is_new_customer=bool(order.is_new_customer),
                lines=[
                    order_svc.OrderLineInput(
                        description=ln.description,
                        quantity=decimal.Decimal(ln.quantity),
                        unit_price=decimal.Decimal(ln.unit_price),
                        unit=ln.unit,
                        sku=ln.sku,
                        vat_rate=decimal.Decimal(ln.vat_rate),
                    )
                    for ln in order.lines
                ],
                version=order.version,
            )
        loaded = self.loaded
        self.setWindowTitle(self.tr("Order {number}").format(number=loaded.number))
        self.customer.load(self.store, loaded.company_id, loaded.person_id)
        self.date.set_date(loaded.order_date)
        idx = self.status.findData(loaded.status)
        if idx >= 0:
            self.status.setCurrentIndex(idx)
        self.new_customer.setCurrentIndex(self.new_customer.findData(loaded.is_new_customer))
        self.notes.setPlainText(loaded.notes)
        for line in loaded.lines:
            self.lines.add_row(
                LineRow(
                    sku=line.sku or "",
                    description=line.description,
                    quantity=format_quantity(line.quantity),
                    unit=line.unit,
                    unit_price=format_number(line.unit_price),
                    vat=format_quantity(line.vat_rate),
                )
            )
        if not self.lines.rows:
            self.lines.add_row()
        if self.locked:
            self._lock()

    def _lock(self) -> None:
        """Show an invoiced order read-only, except its status."""
        self.lines.locked = True
        self.customer.company.setEnabled(False)
        self.customer.person.setEnabled(False)
        self.date.setEnabled(False)
        self.new_customer.setEnabled(False)
        self.notes.setReadOnly(True)
        self.notes.setStyleSheet("QPlainTextEdit { background: palette(window); }")
        self.add_button.setEnabled(False)
        self.remove_button.setEnabled(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._show_lock_note()

    def _show_lock_note(self) -> None:
        self.banner.setStyleSheet(NOTICE_STYLE)
        self.banner.set_message(
            self.tr(
                "This order is invoiced, so only its status can change. To correct"
                " anything else, set the status back, save, and open the order again."
            )
        )

    # ------------------------------------------------------------ lines

    def add_line(self) -> int:
        pos = self.lines.add_row()
        self.table.setCurrentIndex(self.lines.index(pos, 1))
        self.table.setFocus()
        return pos

    def remove_line(self) -> None:
        idx = self.table.currentIndex()
        pos = idx.row() if idx.isValid() else len(self.lines.rows) - 1
        self.lines.remove_row(pos)
        if not self.lines.rows:
            self.lines.add_row()

    def set_line(self, pos: int, **values: str) -> None:
        """Type into line ``pos`` (used by tests and the quick paths)."""
        while len(self.lines.rows) <= pos:
            self.lines.add_row()
        for key, text in values.items():
            self.lines.setData(self.lines.index(pos, COLUMNS.index(key)), text)

    def _update_totals(self) -> None:
        net, vat = self.lines.totals()
        self.totals.setText(
            self.tr("Net {net} · VAT {vat} · <b>Total {gross}</b>").format(
                net=format_money(net), vat=format_money(vat), gross=format_money(net + vat)
            )
        )

    def _update_auto(self) -> None:
        """Show what "Automatic" means for the customer and date chosen."""
        company_id = self.customer.company.current_id()
        person_id = self.customer.person.current_id()
        text = self.tr("Automatic")
        if company_id is not None or person_id is not None:
            try:
                day = self.date.date_value("order_date")
            except ValidationError:
                day = None
            day = day or to_local(self.clock.now()).date()
            with self.store.reader() as s:
                cid = company_id
                if cid is None and person_id is not None:
                    cid = lookups.person_company(s, person_id)
                earlier = order_svc.has_earlier_order(s, cid, person_id, day)
            text = (
                self.tr("Automatic (no: ordered before)")
                if earlier
                else self.tr("Automatic (yes: first order)")
            )
        self.new_customer.setItemText(0, text)

    # ------------------------------------------------------------ saving

    def save(self) -> None:
        self.table.setCurrentIndex(QModelIndex())  # commit an open cell editor
        rid = self._save_status() if self.locked else self._save_all()
        if rid is None or rid < 0:
            if self.locked and not self.banner.text():
                self._show_lock_note()
            return
        self.result_id = rid
        self.changed.emit(Changes.of("order", rid, structure=True))
        self.accept()

    def _save_all(self) -> int | None:
        self.lines.drop_empty()
        items, parse_errors = self.lines.inputs()
        if len(self.lines.rows) == 1 and self.lines.rows[0].is_empty():
            items = []

        def work(session: Session, errors: list[ValidationError]) -> int:
            company_id, person_id = self.customer.ids(errors)
            order_date = collect(errors, self.date.date_value, "order_date")
            if errors:
                return -1
            data = order_svc.OrderInput(
                company_id=company_id,
                person_id=person_id,
                lines=items,
                order_date=order_date,
                status=str(self.status.currentData()),
                notes=self.notes.toPlainText().strip(),
                is_new_customer=self.new_customer.currentData(),
            )
            if self.order_id is None:
                order = collect(errors, order_svc.new_order, session, data, clock=self.clock)
            else:
                data.currency = self.loaded.currency if self.loaded is not None else "EUR"
                order = collect(
                    errors,
                    order_svc.save_order,
                    session,
                    self.order_id,
                    data,
                    clock=self.clock,
                    expected_version=self.loaded.version if self.loaded is not None else None,
                )
            if order is None:
                return -1
            self.result_number = order.number
            return int(order.id)

        return save_with_errors(self.store, self.router, work, parse_errors)

    def _save_status(self) -> int | None:
        """An invoiced order: the order as loaded, with the status chosen."""
        loaded = self.loaded
        assert loaded is not None and self.order_id is not None
        order_id = self.order_id

        def work(session: Session, errors: list[ValidationError]) -> int:
            data = order_svc.OrderInput(
                company_id=loaded.company_id,
                person_id=loaded.person_id,
                lines=list(loaded.lines),
                order_date=loaded.order_date,
                status=str(self.status.currentData()),
                currency=loaded.currency,
                notes=loaded.notes,
                is_new_customer=loaded.is_new_customer,
            )
            order = collect(
                errors,
                order_svc.save_order,
                session,
                order_id,
                data,
                clock=self.clock,
                expected_version=loaded.version,
            )
            if order is None:
                return -1
            self.result_number = order.number
            return int(order.id)

        return save_with_errors(self.store, self.router, work)
