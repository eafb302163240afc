"""The activity dialog: log or edit a call, visit, e-mail, meeting or note."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, local_to_utc, local_zone, to_local
from crm_desktop.data.models import ActivityKind, Direction
from crm_desktop.data.store import Store
from crm_desktop.errors import (
    NotFoundError,
    ValidationError,
)
from crm_desktop.services import lookups, pickers
from crm_desktop.services import projects as projects_svc
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.dialogs.base import _Dialog
from crm_desktop.ui.format import datetime_format
from crm_desktop.ui.forms import (
    FORM_STYLE,
    Banner,
    EnumCombo,
    ErrorRouter,
    FormPage,
    RecordCombo,
    card_errors,
    company_choice,
    company_source,
    people_source,
    plain_text,
    save_with_errors,
    text_or_none,
)
from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP, enum_label

# ---------------------------------------------------------------- activity


def _qdatetime(local: dt.datetime) -> QDateTime:
    """A wall-clock time for a QDateTimeEdit (kept in a neutral zone: no DST jumps of the
    machine's own zone interfere)."""
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute), QTimeZone.utc()
    )


def _wall_clock(edit: QDateTimeEdit) -> dt.datetime:
    d, t = edit.date(), edit.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class ActivityDialog(_Dialog):
    """Log a call, meeting, e-mail, letter, visit, complaint, service call or note."""

    TICKET_KINDS = (ActivityKind.COMPLAINT, ActivityKind.SERVICE_CALL)

    def __init__(
        self,
        store: Store,
        person_id: int | None = None,
        company_id: int | None = None,
        kind: ActivityKind = ActivityKind.CALL,
        ticket_number: str | None = None,
        project_id: int | None = None,
        opportunity_id: int | None = None,
        prefill_text: str = "",
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.zone = local_zone()
        self.linked_ticket_id: int | None = None
        self.setWindowTitle(self.tr("Log activity"))
        self.setStyleSheet(FORM_STYLE)
        lay = QVBoxLayout(self)
        self.banner = Banner(self)
        lay.addWidget(self.banner)
        p = self.page = FormPage(self)

        self.kind = EnumCombo(ActivityKind, parent=p)
        self.kind.set_value(kind)
        p.add_field("kind", self.tr("&Kind:"), self.kind)
        self.direction = EnumCombo(Direction, parent=p)
        self.direction.set_value(
            Direction.INBOUND if kind in self.TICKET_KINDS else Direction.OUTBOUND
        )
        p.add_field("direction", self.tr("Di&rection:"), self.direction)
        now_local = to_local(self.clock.now(), self.zone)
        self.when = QDateTimeEdit(p)
        self.when.setTimeZone(QTimeZone.utc())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(datetime_format())
        self.when.setDateTime(_qdatetime(now_local))
        p.add_field("occurred_at", self.tr("&When:"), self.when)
        self.duration = QSpinBox(p)
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSpecialValueText(self.tr("not recorded"))
        self.duration.setSuffix(self.tr(" min"))
        p.add_field("duration_minutes", self.tr("D&uration:"), self.duration)
        self.person = RecordCombo(self.tr("Type a name…"), p)
        p.add_field("person_id", self.tr("&Person:"), self.person)
        self.company = RecordCombo(self.tr("The person's company"), p)
        p.add_field("company_id", self.tr("Co&mpany:"), self.company)
        self.subject = QLineEdit(p)
        p.add_field("subject", self.tr("Su&bject:"), self.subject)
        self.text = plain_text(p, rows=5)
        self.text.setPlainText(prefill_text)
        p.add_field("text", self.tr("&Text:"), self.text)
        self.location = QLineEdit(p)
        p.add_field("location", self.tr("&Location:"), self.location)
        self.ticket = QLineEdit(p)
        self.ticket.setPlaceholderText(self.tr("e.g. T-2026-0042"))
        self.ticket.setText(ticket_number or "")
        p.add_field("ticket_number", self.tr("T&icket number:"), self.ticket)
        self.ticket_info = QLabel(p)
        self.ticket_info.setWordWrap(True)
        self.ticket_info.setStyleSheet("color: palette(mid);")
        p.add_row("", self.ticket_info)
        self.project = RecordCombo(self.tr("No project"), p)
        p.add_field("project_id", self.tr("Pro&ject:"), self.project)
        self.opportunity = RecordCombo(self.tr("No opportunity"), p)
        p.add_field("opportunity_id", self.tr("&Opportunity:"), self.opportunity)
        lay.addWidget(p)

        self.followup = QGroupBox(self.tr("Plan a &follow-up"), self)
        self.followup.setCheckable(True)
        self.followup.setChecked(False)
        self.followup_page = FormPage(self.followup)
        fl = QVBoxLayout(self.followup)
        fl.setContentsMargins(6, 6, 6, 6)
        fl.addWidget(self.followup_page)
        self.followup_when = QDateTimeEdit(self.followup_page)
        self.followup_when.setTimeZone(QTimeZone.utc())
        self.followup_when.setCalendarPopup(True)
        self.followup_when.setDisplayFormat(datetime_format())
        due = (now_local + dt.timedelta(days=3)).replace(hour=9, minute=0)
        self.followup_when.setDateTime(_qdatetime(due))
        self.followup_page.add_field("followup_due_at", self.tr("&Due:"), self.followup_when)
        self.followup_kind = EnumCombo(ActivityKind, parent=self.followup_page)
        self.followup_page.add_field("followup_kind", self.tr("&As:"), self.followup_kind)
        self.followup_note = QLineEdit(self.followup_page)
        self.followup_page.add_field("followup_note", self.tr("Not&e:"), self.followup_note)
        lay.addWidget(self.followup)
        lay.addStretch(1)
        lay.addWidget(self.buttons)

        self.router = ErrorRouter(self.banner)
        self.router.add(self.page, self.followup_page)

        self._projects: list[tuple[int, str, int | None]] = []
        self._opportunities: list[tuple[int, str, int | None]] = []
        self._load_choices(person_id, company_id, project_id, opportunity_id)
        self.person.currentIndexChanged.connect(self._person_changed)
        self.company.currentIndexChanged.connect(self._filter_links)
        self.ticket.textChanged.connect(self._ticket_changed)
        self.kind.currentIndexChanged.connect(self._ticket_changed)
        self._ticket_changed()
        self.resize(660, self.sizeHint().height())
        (self.subject if person_id or company_id else self.person).setFocus()

    def _load_choices(
        self,
        person_id: int | None,
        company_id: int | None,
        project_id: int | None,
        opportunity_id: int | None,
    ) -> None:
        def load_choices(s: Session) -> None:
            nonlocal company_id
            chosen = pickers.person(s, person_id)
            self.person.set_source(
                people_source(self.store), (chosen.id, chosen.label) if chosen else None
            )
            if company_id is None and chosen is not None:
                company_id = chosen.company_id
            self.company.set_source(company_source(self.store), company_choice(s, company_id))
            projects = lookups.open_projects(s, project_id)
            self._projects = [(r.id, r.name, r.company_id) for r in projects]
            opps = lookups.open_opportunities(s, opportunity_id)
            self._opportunities = [(r.id, r.name, r.company_id) for r in opps]

        ops.read(self.store, load_choices)
        self._filter_links()
        self.project.set_current_id(project_id)
        self.opportunity.set_current_id(opportunity_id)

    def _person_changed(self, *_args: Any) -> None:
        pid = self.person.current_id()
        if pid is not None:

            def company_of(s: Session) -> tuple[int, str] | None:
                found = pickers.person(s, pid)
                return company_choice(s, found.company_id if found else None)

            company = ops.read(self.store, company_of)
            if company is not None:
                self.company.select_record(*company)
        self._filter_links()

    def _filter_links(self, *_args: Any) -> None:
        cid = self.company.current_id()
        group: set[int] = set()
        if cid is not None:  # a project of any company of the group (parent, branches)
            group = ops.read(self.store, lambda s: set(projects_svc.group_company_ids(s, cid)))

        def fits(rec_cid: int | None) -> bool:
            return cid is None or rec_cid is None or rec_cid == cid

        def fits_group(rec_cid: int | None) -> bool:
            return cid is None or rec_cid is None or rec_cid in group

        self.project.set_records([(i, n) for i, n, c in self._projects if fits_group(c)])
        self.opportunity.set_records([(i, n) for i, n, c in self._opportunities if fits(c)])

    def _ticket_changed(self, *_args: Any) -> None:
        number = self.ticket.text().strip()
        self.linked_ticket_id = None
        if not number:
            if self.kind.value() in self.TICKET_KINDS:
                self.ticket_info.setText(self.tr("A new ticket is opened when you save."))
            else:
                self.ticket_info.setText(self.tr("Optional: links this activity to a ticket."))
            return
        from crm_desktop.services import tickets

        def show_ticket(s: Session) -> None:
            found = tickets.find_ticket(s, number)
            if found is None:
                self.ticket_info.setText(self.tr("There is no ticket with this number yet."))
                return
            self.linked_ticket_id = int(found.id)
            self.ticket_info.setText(
                self.tr("Linked to ticket {number} “{title}” ({status}).").format(
                    number=found.number, title=found.title, status=enum_label(found.status)
                )
            )

        ops.read(self.store, show_ticket)

    def typed_texts(self) -> dict[str, str | None]:
        return {
            "subject": self.subject.text(),
            "text": self.text.toPlainText(),
            "location": self.location.text(),
            "ticket_number": self.ticket.text(),
            "followup_note": self.followup_note.text(),
        }

    def save(self) -> None:
        from crm_desktop.services import activities

        pre = card_errors(self.typed_texts())
        if self.person.is_unmatched():
            pre.append(
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "There is no person “{name}”. Pick one from the list."
                    ),
                    field="person_id",
                    name=self.person.currentText().strip(),
                )
            )
        if self.company.is_unmatched():
            pre.append(
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "There is no company “{name}”. Pick one from the list or create it first.",
                    ),
                    field="company_id",
                    name=self.company.currentText().strip(),
                )
            )
        occurred = local_to_utc(_wall_clock(self.when), self.zone)
        followup_due = (
            local_to_utc(_wall_clock(self.followup_when), self.zone)
            if self.followup.isChecked()
            else None
        )
        number = self.ticket.text().strip() or None
        values: dict[str, Any] = {
            "kind": self.kind.value() or ActivityKind.NOTE,
            "subject": self.subject.text().strip(),
            "text": self.text.toPlainText().strip(),
            "occurred_at": occurred,
            "person_id": self.person.current_id(),
            "company_id": self.company.current_id(),
            "ticket_id": self.linked_ticket_id,
            "ticket_number": number,
            "project_id": self.project.current_id(),
            "opportunity_id": self.opportunity.current_id(),
            "direction": self.direction.value() or Direction.OUTBOUND,
            "duration_minutes": self.duration.value() or None,
            "location": text_or_none(self.location),
            "owner": self.store.owner or None,
            "followup_due_at": followup_due,
            "followup_kind": self.followup_kind.value() or ActivityKind.CALL,
            "followup_note": self.followup_note.text().strip(),
        }
        if followup_due is not None and followup_due <= occurred:
            pre.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The follow-up must be later than the activity."),
                    field="followup_due_at",
                )
            )
        names = {f.name for f in dataclasses.fields(activities.ActivityInput)}
        data = activities.ActivityInput(**{k: val for k, val in values.items() if k in names})

        def work(session: Session, errors: list[ValidationError]) -> int:
            if errors:
                return -1
            try:
                activity = activities.log(session, data, clock=self.clock)
            except NotFoundError as exc:
                if "number" in exc.params:
                    raise ValidationError(exc.message, field="ticket_number", **exc.params) from exc
                raise
            return int(activity.id)

        rid = save_with_errors(self.store, self.router, work, pre)
        if rid is not None:
            self.accept_with(rid)
