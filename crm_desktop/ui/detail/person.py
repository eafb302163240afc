"""The person detail pane."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock
from crm_desktop.data.models import (
    Person,
)
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import contacts
from crm_desktop.services import detail as pane_data
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.detail.pane import _DetailPane
from crm_desktop.ui.detail.sections import (
    _MUTED,
    _esc,
    _muted,
    _section,
    _table,
    addresses_html,
    bank_html,
    communication_html,
    reach_html,
)
from crm_desktop.ui.detail.widgets import RecordList
from crm_desktop.ui.dialogs import (
    ActivityDialog,
    EntityForm,
    PersonForm,
)
from crm_desktop.ui.format import (
    age_on,
    format_date,
    format_datetime,
)
from crm_desktop.ui.forms import (
    ErrorLabel,
    LinkLabel,
    card_errors,
    record_link,
)
from crm_desktop.ui.i18n import (
    import_reason_text,
    translate_error,
)

# ---------------------------------------------------------------- person


class PersonDetailPane(_DetailPane):
    ICON = "person"

    def __init__(self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None):
        super().__init__(store, parent, clock=clock)
        o = self.overview
        o.add("name", self.tr("Name"))
        o.add("nickname", self.tr("Nickname"))
        o.add("birth_date", self.tr("Birth date"))
        o.add("company", self.tr("Company"))
        o.add("department", self.tr("Department"))
        o.add("position", self.tr("Position"))
        o.add("reports_to", self.tr("Reports to"))
        o.add("priority", self.tr("Priority"))
        o.add("interval", self.tr("Contact rhythm"))
        o.add("last_contact", self.tr("Last contact"))
        o.add("next_followup", self.tr("Next follow-up"))
        o.add("owner", self.tr("Owner"))
        o.add("tags", self.tr("Tags"))
        o.add("changed", self.tr("Last change"))

        self.profile = self._html_tab(self.tr("Profile"))

        rel = QWidget(self)
        rl = QVBoxLayout(rel)
        rl.setContentsMargins(4, 8, 4, 4)
        self.boss_label = LinkLabel("", rel)
        self.boss_label.internalLink.connect(self._internal_link)
        rl.addWidget(self.boss_label)
        rl.addWidget(self._heading(self.tr("Reports to this person"), rel))
        self.subordinates = RecordList(
            [self.tr("Name"), self.tr("Position")],
            self.tr("Nobody reports to this person."),
            rel,
            compact=True,
            max_rows=5,
        )
        self.subordinates.recordActivated.connect(self._internal_link)
        rl.addWidget(self.subordinates)
        rl.addWidget(self._heading(self.tr("Colleagues"), rel))
        self.colleagues = RecordList(
            [self.tr("Name"), self.tr("Position"), self.tr("Department")],
            self.tr("No colleagues in the same company."),
            rel,
        )
        self.colleagues.recordActivated.connect(self._internal_link)
        rl.addWidget(self.colleagues, 1)
        self.relations_page = rel
        self.tabs.addTab(rel, self.tr("Relations"))

        self.tickets = self._list_tab(
            self.tr("Tickets"),
            [self.tr("Title"), self.tr("Number"), self.tr("Status"), self.tr("Opened")],
            self.tr("No tickets for this person."),
        )
        self.projects = self._list_tab(
            self.tr("Projects"),
            [self.tr("Project"), self.tr("Status"), self.tr("Start"), self.tr("End")],
            self.tr("Not a member of any project."),
        )
        self.opportunities = self._list_tab(
            self.tr("Opportunities"),
            [
                self.tr("Opportunity"),
                self.tr("Stage"),
                self.tr("Status"),
                self.tr("Value"),
                self.tr("Expected close"),
            ],
            self.tr("No opportunities with this person."),
        )

        # consent
        cons = QWidget(self)
        cl = QVBoxLayout(cons)
        cl.setContentsMargins(8, 10, 8, 8)
        self.consent_status = QLabel(cons)
        self.consent_status.setWordWrap(True)
        self.consent_status.setTextFormat(Qt.TextFormat.RichText)
        cl.addWidget(self.consent_status)
        form = QFormLayout()
        self.consent_source = QLineEdit(cons)
        self.consent_source.setPlaceholderText(self.tr("e.g. signed form at the trade fair"))
        src_box = QVBoxLayout()
        src_box.setSpacing(2)
        src_box.addWidget(self.consent_source)
        self.consent_error = ErrorLabel(cons)
        src_box.addWidget(self.consent_error)
        source_label = QLabel(self.tr("&Source of the consent:"), cons)
        source_label.setBuddy(self.consent_source)
        form.addRow(source_label, src_box)
        cl.addLayout(form)
        buttons = QHBoxLayout()
        self.give_consent_button = QPushButton(self.tr("Record consent"), cons)
        self.give_consent_button.clicked.connect(lambda: self.set_consent(True))
        self.withdraw_consent_button = QPushButton(self.tr("Withdraw consent"), cons)
        self.withdraw_consent_button.clicked.connect(lambda: self.set_consent(False))
        buttons.addWidget(self.give_consent_button)
        buttons.addWidget(self.withdraw_consent_button)
        buttons.addStretch(1)
        cl.addLayout(buttons)
        note = QLabel(
            self.tr(
                "Marketing (newsletters, offers) needs the person's consent. Its date and "
                "source are kept as proof; a withdrawal is recorded with its date."
            ),
            cons,
        )
        note.setWordWrap(True)
        note.setStyleSheet(_MUTED)
        cl.addWidget(note)
        cl.addStretch(1)
        self.consent_page = cons
        self.tabs.addTab(cons, self.tr("Consent"))

    def show_person(self, person_id: int) -> None:
        self._show(person_id)

    def _new_form(self) -> EntityForm:
        return PersonForm(self.store, self.clock, self.edit_page)

    def _fill(self, s: Session, pid: int) -> None:
        p = contacts.get_person(s, pid)
        name = " ".join(x for x in (p.salutation or "", p.full_name) if x)
        self.title.setText(name or self.tr("(no name)"))
        sub = []
        if p.position:
            sub.append(_esc(p.position))
        company = p.company if p.company is not None and p.company.deleted_at is None else None
        if company is not None:
            sub.append(record_link("company", company.id, company.name))
        if p.department is not None:
            sub.append(_esc(p.department.name))
        self.subtitle.setText(" · ".join(sub))
        self._badges(
            None,
            p.priority,
            import_reason_text(p.review_reason or "") if p.needs_review else None,
        )

        o = self.overview
        o.set("name", _esc(name))
        o.set("nickname", _esc(p.nickname), hide_empty=True)
        if p.birth_date is not None:
            today = self.clock.now().date()
            o.set(
                "birth_date",
                _esc(format_date(p.birth_date))
                + " "
                + _muted(self.tr("({age} years)").format(age=age_on(p.birth_date, today))),
            )
        else:
            o.set("birth_date", "")
        o.set("company", record_link("company", company.id, company.name) if company else "")
        o.set("department", _esc(p.department.name) if p.department else "", hide_empty=True)
        o.set("position", _esc(p.position))
        boss = (
            p.reports_to if p.reports_to is not None and p.reports_to.deleted_at is None else None
        )
        o.set(
            "reports_to",
            record_link("person", boss.id, boss.full_name) if boss else "",
            hide_empty=True,
        )
        o.set("priority", self._priority_html(s, "person", p.id, p.priority))
        o.set(
            "interval",
            _esc(
                self.tr("every day")
                if p.contact_interval_days == 1
                else self.tr("every %n days", "", p.contact_interval_days)
            )
            if p.contact_interval_days
            else "",
            hide_empty=True,
        )
        last, nxt = self._fill_activity(s, person_id=pid)
        o.set("last_contact", last)
        o.set("next_followup", nxt)
        o.set("owner", _esc(p.owner), hide_empty=True)
        o.set("tags", _esc(", ".join(t.name for t in p.tags)), hide_empty=True)
        o.set("changed", _esc(format_datetime(p.updated_at)))
        self.reach.setText(
            reach_html(p.phones, p.emails, p.addresses[0] if p.addresses else None, None)
        )
        self._set_notes(p.notes)

        self.communication.setText(communication_html(p.phones, p.emails))
        self.addresses.setText(addresses_html(p.addresses))
        self.bank.setText(bank_html(p.bank_accounts, p.payment_terms))
        self.profile.setText(self._profile_html(p))

        # relations
        rel = pane_data.person_relations(s, pid)
        if rel.boss is not None:
            self.boss_label.setText(
                self.tr("Reports to {person}").format(person=record_link("person", *rel.boss))
            )
        else:
            self.boss_label.setText(_muted(self.tr("Reports to nobody recorded.")))
        subs = rel.subordinates
        self.subordinates.set_rows("person", [(x.id, [x.full_name, x.position]) for x in subs])
        colleagues = rel.colleagues
        self.colleagues.set_rows(
            "person", [(x.id, [x.full_name, x.position, x.department]) for x in colleagues]
        )
        self._set_tab_count(self.relations_page, self.tr("Relations"), len(subs) + len(colleagues))

        self._fill_related(pane_data.person_related(s, pid))

        self._fill_consent(p)

    def _profile_html(self, p: Person) -> str:
        rows = [
            (self.tr("Occupation"), _esc(p.occupation) or _muted("—"), ""),
            (self.tr("Marital status"), _esc(p.marital_status) or _muted("—"), ""),
            (self.tr("Hobbies"), _esc(p.hobbies) or _muted("—"), ""),
        ]
        for key, value in (p.profile_fields or {}).items():
            rows.append((key, _esc(value), ""))
        out = _section(self.tr("Profile")) + _table(rows)
        if not p.profile_fields:
            out += (
                "<p>"
                + _muted(
                    self.tr(
                        "Free fields (favourite wine, children's names …) can be added with F2 (Edit)."
                    )
                )
                + "</p>"
            )
        return out

    def _fill_consent(self, p: Person) -> None:
        if p.consent_marketing and p.consent_at is not None:
            text = self.tr("Marketing consent given on {date}.").format(
                date=format_datetime(p.consent_at)
            )
            if p.consent_source:
                text += " " + self.tr("Source: {source}.").format(source=p.consent_source)
            color = "#188038"
        elif p.consent_withdrawn_at is not None:
            text = self.tr("Marketing consent withdrawn on {date}.").format(
                date=format_datetime(p.consent_withdrawn_at)
            )
            color = "#c5221f"
        else:
            text = self.tr("No marketing consent recorded. Do not send newsletters or offers.")
            color = "#6b6b6b"
        self.consent_status.setText(f'<b style="color:{color}">{_esc(text)}</b>')
        self.consent_source.setText(p.consent_source or "" if p.consent_marketing else "")
        self.consent_error.set_error(None)
        self.give_consent_button.setEnabled(not p.consent_marketing)
        self.withdraw_consent_button.setEnabled(p.consent_marketing)
        self.consent_given = p.consent_marketing
        self.consent_at: dt.datetime | None = p.consent_at

    def set_consent(self, given: bool) -> bool:
        """Record an opt-in (with date and the source typed) or its withdrawal."""
        if self.record_id is None:
            return False
        source = self.consent_source.text().strip() or None
        problems = card_errors({"consent_source": source})
        if problems:
            self.consent_error.set_error(translate_error(problems[0]))
            return False
        rid = self.record_id
        try:
            ops.write(
                self.store,
                lambda s: contacts.set_consent(s, rid, given, source=source, clock=self.clock),
            )
        except CrmError as exc:
            self.consent_error.set_error(translate_error(exc))
            return False
        self._show(self.record_id)
        self.tabs.setCurrentWidget(self.consent_page)
        self.changed.emit(Changes.of("person", self.record_id))
        return True

    def log_activity(self) -> None:
        if self.record_id is not None:
            self._run(
                ActivityDialog(self.store, person_id=self.record_id, parent=self, clock=self.clock)
            )
