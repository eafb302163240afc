"""The opportunity dialog: edit, quote sent, won, lost (and reopened), overview.

Title, customer, contact person, stage, value (typed the German way, "12.500,00"),
probability (following the stage until changed by hand), expected month, owner and
source. *Quote sent* starts the quote follow-ups, *Won* turns the opportunity into a
project, *Lost…* asks for a reason from the configurable list (refused without one)
and a note, *Reopen* brings a lost one back. The *Overview* tab shows everything of
the opportunity in one place; a double-click opens the record. Every action is one
undoable change (Edit → Undo)."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, to_local
from crm_desktop.data.models import OpportunityStatus
from crm_desktop.data.store import Store
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ValidationError
from crm_desktop.services import lookups
from crm_desktop.services import pipeline as svc
from crm_desktop.services import settings as cfg
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.format import format_date, format_datetime, format_money
from crm_desktop.ui.forms import (
    ERROR_COLOR,
    FORM_STYLE,
    Badge,
    Banner,
    ErrorRouter,
    FormPage,
    LinkLabel,
    collect,
    record_link,
    save_with_errors,
    shortcut,
)
from crm_desktop.ui.i18n import (
    activity_kind_label,
    direction_label,
    enum_label,
)
from crm_desktop.ui.pipeline import LostDialog
from crm_desktop.ui.sales.customers import (
    CustomerPicker,
    _completer,
)
from crm_desktop.ui.sales.numbers import (
    CENT,
    MUTED_COLOR,
    OK_COLOR,
    ZERO,
    MoneyEdit,
    MonthCombo,
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
        def read(s: Session) -> tuple[Any, ...]:  # seeds the stages and loss reasons
            cid, pid = company_id, person_id
            stages = svc.ensure_stages(s)
            svc.ensure_loss_reasons(s)
            self._stage_probs = {st.id: st.probability for st in stages}
            stage_items = [(st.id, st.name, st.probability) for st in stages]
            owners = lookups.owner_names(s)
            sources = lookups.opportunity_sources(s)
            opp = svc.get_opportunity(s, self.opportunity_id) if self.opportunity_id else None
            data: dict[str, Any] = {}
            if opp is not None:
                cid, pid = opp.company_id, opp.person_id
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
            elif cid is not None:
                owner = lookups.company_owner(s, cid)
                if owner:
                    data["owner"] = owner
            return cid, pid, stage_items, owners, sources, data

        found = ops.write(self.store, read)
        company_id, person_id, stage_items, owners, sources, data = found
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
        opp_id = self.opportunity_id

        def fill(s: Session) -> None:
            ov = svc.opportunity_overview(s, opp_id)
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

        ops.read(self.store, fill)
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
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "An opportunity needs a company or a person."),
                    field="company_id",
                )
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
        reasons = ops.read(self.store, lambda s: [(r.id, r.name) for r in svc.loss_reasons(s)])
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
