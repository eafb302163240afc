"""The sales pipeline: stages, won → project with history, lost with reason, quote timers."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Company,
    CompanyStatus,
    Direction,
    Document,
    FollowUp,
    LossReason,
    Opportunity,
    OpportunityStatus,
    PipelineStage,
    Project,
)
from crm_desktop.data.store import Store
from crm_desktop.errors import ConflictError, ValidationError
from crm_desktop.services import pipeline as pl
from crm_desktop.services import settings as cfg
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.contacts import CompanyInput, PersonInput, create_company, create_person

D = decimal.Decimal


def _setup(store: Store) -> tuple[int, int, int, int]:
    with store.session() as s:
        comp = create_company(s, CompanyInput(name="Schreinerei Köhler GmbH", owner="kai"))
        other = create_company(s, CompanyInput(name="Architekturbüro Weiß"))
        a = create_person(
            s, PersonInput(given_name="Jürgen", family_name="Köhler", company_id=comp.id)
        )
        b = create_person(
            s, PersonInput(given_name="Sabine", family_name="Weiß", company_id=other.id)
        )
        return comp.id, other.id, a.id, b.id


def test_stages_seeded_from_settings_and_probability_follows(
    store: Store, clock: FixedClock
) -> None:
    comp, _, jürgen, _ = _setup(store)
    with store.session() as s:
        st = pl.ensure_stages(s)
        assert [(x.name, x.probability) for x in st] == [
            ("Kontakt", 10),
            ("Bedarfsanalyse", 25),
            ("Angebot", 50),
            ("Verhandlung", 75),
        ]
        assert len(pl.ensure_stages(s)) == 4  # idempotent
        reasons = [r.name for r in pl.ensure_loss_reasons(s)]
        assert "keine Rückmeldung" in reasons and len(reasons) == len(cfg.DEFAULT_LOSS_REASONS)
        opp = pl.create_opportunity(
            s,
            pl.OpportunityInput(
                title="Einbauküche Musterhaus",
                person_id=jürgen,
                value=D("18500"),
                expected_close=dt.date(2027, 2, 1),
                owner="kai",
                source="Messe",
            ),
            clock=clock,
        )
        assert (opp.company_id, opp.stage_id, opp.probability) == (comp, st[0].id, 10)
        pl.move_stage(s, opp.id, st[2].id)
        assert opp.probability == 50
        pl.update_opportunity(s, opp.id, {"probability": 60})
        pl.move_stage(s, opp.id, st[3].id)
        assert opp.probability == 60  # set by hand: stays
        with pytest.raises(ValidationError):
            pl.update_opportunity(s, opp.id, {"probability": 120})
        with pytest.raises(ValidationError):
            pl.create_opportunity(s, pl.OpportunityInput(title=" "), clock=clock)
        board = pl.board(s)
        assert [len(c.opportunities) for c in board] == [0, 0, 0, 1]
        assert board[3].total == D("18500.00") and board[3].weighted == D("11100.00")
    with store.session() as s:
        # configured stages for a fresh pipeline are used only when the table is empty
        cfg.set_pipeline_stages(s, [cfg.StageSpec("Lead", 5)])
        assert len(pl.ensure_stages(s)) == 4
        pl.add_stage(s, "Freigabe", 90)
        assert [x.name for x in pl.stages(s)][-1] == "Freigabe"


def test_win_turns_opportunity_into_project_with_history(store: Store, clock: FixedClock) -> None:
    comp, other, jürgen, sabine = _setup(store)
    with store.session() as s:
        opp = pl.create_opportunity(
            s,
            pl.OpportunityInput(title="Ladenbau Filiale Ulm", company_id=comp, person_id=jürgen),
            clock=clock,
        )
        s.get(Company, comp).status = CompanyStatus.PROSPECT  # type: ignore[union-attr]
        for who, subj in ((jürgen, "Erstgespräch"), (sabine, "Abstimmung Architektin")):
            log_activity(
                s,
                ActivityInput(
                    kind=ActivityKind.MEETING, subject=subj, person_id=who, opportunity_id=opp.id
                ),
                clock=clock,
            )
        s.add(Document(title="Angebot 4711", kind="quote", opportunity_id=opp.id))
        pl.mark_quote_sent(s, opp.id, clock=clock)
        opp_id = opp.id
    clock.advance(days=8)
    with store.session() as s:
        assert len(pl.run_quote_stages(s, clock).followups) == 1  # meetings were before the quote
        project = pl.win(s, opp_id, clock)
        pid = project.id
    with store.reader() as s:
        opp2 = s.get(Opportunity, opp_id)
        proj = s.get(Project, pid)
        assert opp2 is not None and proj is not None
        assert (opp2.status, opp2.closed_at, opp2.project_id) == (
            OpportunityStatus.WON,
            clock.now(),
            pid,
        )
        assert (proj.name, proj.company_id, proj.opportunity_id) == (
            "Ladenbau Filiale Ulm",
            comp,
            opp_id,
        )
        assert proj.start_date == dt.date(2026, 12, 1)
        assert {p.id for p in proj.members} == {jürgen, sabine}  # two companies
        acts = s.scalars(select(Activity).where(Activity.project_id == pid)).all()
        assert sorted(a.subject for a in acts) == ["Abstimmung Architektin", "Erstgespräch"]
        doc = s.scalars(select(Document)).one()
        assert (doc.project_id, doc.status) == (pid, "accepted")
        reminder = s.scalars(select(FollowUp)).one()
        assert reminder.cancelled_at == clock.now()  # the quote reminder is not needed any more
        company = s.get(Company, comp)
        assert company is not None and company.status == CompanyStatus.CUSTOMER
        assert company.customer_since == dt.date(2026, 12, 1)
    with store.session() as s, pytest.raises(ConflictError):
        pl.win(s, opp_id, clock)
    from crm_desktop.services.projects import project_timeline

    with store.reader() as s:
        assert [a.subject for a in project_timeline(s, pid)] == [
            "Abstimmung Architektin",
            "Erstgespräch",
        ]


def test_lose_requires_reason_and_closes_quotes_and_followups(
    store: Store, clock: FixedClock
) -> None:
    comp, _, jürgen, _ = _setup(store)
    with store.session() as s:
        opp = pl.create_opportunity(
            s, pl.OpportunityInput(title="Treppe Altbau", company_id=comp), clock=clock
        )
        log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.CALL,
                person_id=jürgen,
                opportunity_id=opp.id,
                followup_due_at=clock.now() + dt.timedelta(days=3),
            ),
            clock=clock,
        )
        s.add(Document(title="Angebot Treppe", kind="quote", opportunity_id=opp.id))
        s.add(Document(title="Aufmaß", kind="document", opportunity_id=opp.id))
        reason = next(r for r in pl.ensure_loss_reasons(s) if r.name == "Preis zu hoch")
        opp_id, reason_id = opp.id, reason.id
    for bad in (None, 99999):
        with store.session() as s, pytest.raises(ValidationError) as err:
            pl.lose(s, opp_id, bad, "", clock)
        assert err.value.field == "reason_id"
    with store.session() as s:
        pl.lose(s, opp_id, reason_id, "  Mitbewerber 20 % billiger ", clock)
    with store.reader() as s:
        opp2 = s.get(Opportunity, opp_id)
        assert opp2 is not None
        assert opp2.status == OpportunityStatus.LOST and opp2.closed_at == clock.now()
        assert opp2.loss_reason is not None and opp2.loss_reason.name == "Preis zu hoch"
        assert opp2.loss_note == "Mitbewerber 20 % billiger"
        docs = {d.title: d.status for d in s.scalars(select(Document))}
        assert docs == {"Angebot Treppe": "closed", "Aufmaß": "open"}
        fu = s.scalars(select(FollowUp)).one()
        assert fu.cancelled_at == clock.now()
        overview = pl.opportunity_overview(s, opp_id)
        assert overview.loss_reason == "Preis zu hoch"
        assert [p.id for p in overview.contact_people] == [jürgen]
        assert len(overview.documents) == 2 and len(overview.activities) == 1
    with store.session() as s, pytest.raises(ConflictError):
        pl.lose(s, opp_id, reason_id, "", clock)
    with store.session() as s:
        assert pl.reopen(s, opp_id).status == OpportunityStatus.OPEN


def test_quote_stages_remind_then_lose_idempotently(store: Store, clock: FixedClock) -> None:
    comp, _, jürgen, _ = _setup(store)
    with store.session() as s:
        quiet = pl.create_opportunity(
            s,
            pl.OpportunityInput(
                title="Schrankwand", company_id=comp, person_id=jürgen, owner="kai"
            ),
            clock=clock,
        )
        talks = pl.create_opportunity(
            s, pl.OpportunityInput(title="Wintergarten", company_id=comp), clock=clock
        )
        s.add(Document(title="Angebot Schrankwand", kind="quote", opportunity_id=quiet.id))
        pl.mark_quote_sent(s, quiet.id, clock=clock)
        pl.mark_quote_sent(s, talks.id, clock=clock)
        sent = clock.now()
        quiet_id, talks_id = quiet.id, talks.id

    german = pl.QuoteTexts(  # what the German window passes
        followup="Angebot nachfassen ({n}): {title}",
        lost="{days} Tage nach dem Angebot ohne Antwort",
    )

    def run() -> pl.QuoteRunResult:
        with store.session() as s:
            return pl.run_quote_stages(s, clock, german)

    clock.advance(days=3)
    with store.session() as s:  # the customer of "Wintergarten" calls back
        log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.CALL,
                company_id=comp,
                opportunity_id=talks_id,
                direction=Direction.INBOUND,
            ),
            clock=clock,
        )
    clock.advance(days=3, hours=23)
    assert run().followups == []
    clock.advance(hours=1)  # day 7
    first = run()
    assert len(first.followups) == 1 and first.lost == []
    assert run().followups == []  # idempotent
    clock.advance(days=7)  # day 14
    second = run()
    assert len(second.followups) == 1 and run().followups == []
    with store.reader() as s:
        fus = s.scalars(select(FollowUp).order_by(FollowUp.due_at)).all()
        assert [(f.opportunity_id, f.auto_reason, f.due_at) for f in fus] == [
            (quiet_id, "quote-stage-1", sent + dt.timedelta(days=7)),
            (quiet_id, "quote-stage-2", sent + dt.timedelta(days=14)),
        ]
        assert fus[0].owner == "kai" and fus[0].person_id == jürgen
        assert [f.note for f in fus] == [
            "Angebot nachfassen (1): Schrankwand",
            "Angebot nachfassen (2): Schrankwand",
        ]
    clock.advance(days=15, hours=23)  # day 29
    assert run().lost == []
    clock.advance(hours=1)  # day 30
    third = run()
    assert third.lost == [quiet_id] and third.followups == []
    assert run().lost == []
    with store.reader() as s:
        q = s.get(Opportunity, quiet_id)
        t = s.get(Opportunity, talks_id)
        assert q is not None and t is not None
        assert q.status == OpportunityStatus.LOST
        assert q.loss_reason is not None and q.loss_reason.name == "keine Rückmeldung"
        assert q.loss_note == "30 Tage nach dem Angebot ohne Antwort"
        assert t.status == OpportunityStatus.OPEN
        assert all(f.cancelled_at == clock.now() for f in s.scalars(select(FollowUp)))
        assert s.scalars(select(Document)).one().status == "closed"
    # configurable stages: one reminder after 3 days, lost after 10
    with store.session() as s:
        cfg.set_quote_stages(s, cfg.QuoteStages(reminder_days=(3,), lost_after_days=10))
        opp = pl.create_opportunity(
            s, pl.OpportunityInput(title="Tür", company_id=comp), clock=clock
        )
        pl.mark_quote_sent(s, opp.id, clock=clock)
    clock.advance(days=3)
    assert len(run().followups) == 1
    clock.advance(days=7)
    assert run().lost == [opp.id]
    with store.session() as s, pytest.raises(ValidationError):
        cfg.set_quote_stages(s, cfg.QuoteStages(reminder_days=(14, 7), lost_after_days=30))


def test_new_customer_opportunity_and_grouping(store: Store, clock: FixedClock) -> None:
    comp, other, jürgen, _ = _setup(store)
    with store.session() as s:
        auto = pl.auto_opportunity_for_new_customer(s, comp, clock)
        assert auto is not None
        assert (auto.title, auto.value, auto.probability, auto.expected_close, auto.owner) == (
            "Erstauftrag Schreinerei Köhler GmbH",
            D("5000.00"),
            10,
            dt.date(2027, 2, 1),
            "kai",
        )
        assert pl.auto_opportunity_for_new_customer(s, comp, clock) is None  # one is open
        cfg.set_opportunity_defaults(
            s, cfg.OpportunityDefaults(enabled=False, value=D("100"), probability=5)
        )
        assert pl.auto_opportunity_for_new_customer(s, other, clock) is None
        cfg.set_opportunity_defaults(
            s,
            cfg.OpportunityDefaults(
                value=D("2500"), probability=20, months_to_close=1, title="Neukunde {company}"
            ),
        )
        auto2 = pl.auto_opportunity_for_new_customer(s, other, clock)
        assert auto2 is not None
        assert (auto2.title, auto2.value, auto2.probability, auto2.expected_close) == (
            "Neukunde Architekturbüro Weiß",
            D("2500.00"),
            20,
            dt.date(2026, 12, 1),
        )
        lost = pl.create_opportunity(
            s, pl.OpportunityInput(title="Alt", company_id=other, value=D("1")), clock=clock
        )
        pl.lose(s, lost.id, pl.ensure_loss_reasons(s)[0].id, "", clock)
        by_owner = pl.grouped(s, "owner")
        assert [(g.key, len(g.opportunities)) for g in by_owner] == [("kai", 1), ("", 1)]
        by_month = pl.grouped(s, "month")
        assert [(g.key, g.total, g.weighted) for g in by_month] == [
            ("2026-12", D("2500.00"), D("500.00")),
            ("2027-02", D("5000.00"), D("500.00")),
        ]
        by_status = pl.grouped(s, "status")
        assert [(g.key, len(g.opportunities)) for g in by_status] == [("open", 2), ("lost", 1)]
        assert s.scalar(select(PipelineStage).limit(1)) is not None
        assert s.scalar(select(LossReason).where(LossReason.name == "Kein Budget")) is not None


def test_quote_texts_fall_back_to_english_when_a_translation_is_broken() -> None:
    assert pl.QuoteTexts().followup_note(2, "Dach") == "Quote follow-up 2: Dach"
    broken = pl.QuoteTexts(followup="Nachfassen {nummer}: {title}", lost="{tage} Tage")
    assert broken.followup_note(1, "Dach") == "Quote follow-up 1: Dach"
    assert broken.lost_note(30) == "30 days after the quote without an answer"
