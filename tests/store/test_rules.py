"""The rules the user sets (issue #17): one list, checked values, undoable changes,
CLI ``rules show|set|reset``; the code that uses a rule follows the new value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm_desktop.cli.main import main
from crm_desktop.clock import FixedClock
from crm_desktop.data.store import Store
from crm_desktop.errors import ConflictError, NotFoundError, ValidationError
from crm_desktop.services import rules, settings, undo


def test_show_lists_every_rule_with_its_default(sqlite_store: Store) -> None:
    with sqlite_store.reader() as s:
        data = rules.show(s)
    assert set(data) == set(rules.RULES)
    assert data["pipeline-stages"][0] == {"name": "Kontakt", "probability": 10}
    assert "Preis zu hoch" in data["loss-reasons"]
    assert data["quote-stages"] == {
        "reminder_days": [7, 14],
        "lost_after_days": 30,
        "lost_reason": "keine Rückmeldung",
    }
    assert data["required-person-fields"] == [] and data["ticket-scheme"] == "T-{year}-{seq:05d}"
    json.dumps(data)  # JSON all through


def test_set_is_checked_stored_and_used(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        change = rules.set_rule(
            s, "pipeline-stages", ["Erstgespräch 5", "Angebot:40", "Zusage 90"], clock
        )
        assert change.undo_id is not None and change.changes.settings
        assert [st.name for st in settings.pipeline_stages(s)] == [
            "Erstgespräch",
            "Angebot",
            "Zusage",
        ]
        assert settings.pipeline_stages(s)[1].probability == 40
        for bad in (
            [],
            [{"name": "A", "probability": 120}],
            ["A 10", "A 20"],
            {"name": "x"},
            ["Angebot viel"],
        ):
            with pytest.raises(ValidationError):
                rules.set_rule(s, "pipeline-stages", bad, clock)
        with pytest.raises(ValidationError):
            rules.set_rule(s, "quote-stages", {"reminder_days": [14, 7]}, clock)
        with pytest.raises(ValidationError):
            rules.set_rule(s, "priority-criteria", {"a_revenue": "100", "b_revenue": "900"}, clock)
        with pytest.raises(ValidationError):
            rules.set_rule(s, "new-customer-opportunity", {"title": "Auftrag {firma}"}, clock)
        with pytest.raises(ValidationError):
            rules.set_rule(s, "ticket-scheme", "T-{year}", clock)
        with pytest.raises(ValidationError):
            rules.set_rule(s, "required-person-fields", ["shoe_size"], clock)
        with pytest.raises(NotFoundError):
            rules.set_rule(s, "colour", "blue", clock)
        rules.set_rule(s, "priority-criteria", {"a_revenue": "50.000,00".replace(".", "")}, clock)
        assert str(settings.priority_criteria(s).a_revenue) == "50000.00"
        rules.set_rule(s, "ticket-scheme", "SR-{year}-{seq:04d}", clock)
        assert settings.ticket_scheme(s) == "SR-{year}-{seq:04d}"


def test_the_same_value_is_no_change(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        rules.set_rule(s, "loss-reasons", ["Preis zu hoch", "Kein Budget"], clock)
        again = rules.set_rule(s, "loss-reasons", ["Preis zu hoch", "Kein Budget"], clock)
    assert again.undo_id is None and again.changes.empty


def test_a_rule_change_is_undone_and_redone(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        rules.set_rule(s, "loss-reasons", ["Zu teuer"], clock)
        rules.set_rule(s, "loss-reasons", ["Zu teuer", "Zu spät"], clock)
    with sqlite_store.session() as s:
        top = undo.stack(s)[0]
        assert top.action == "rule" and "Loss reasons" in top.label
        result = undo.undo_last(s, clock)
        assert result is not None and result.changes.settings
        assert settings.loss_reasons(s) == ["Zu teuer"]
        undo.undo_last(s, clock)  # back to the built-in default
        assert settings.loss_reasons(s) == list(settings.DEFAULT_LOSS_REASONS)
        undo.redo_last(s, clock)
        assert settings.loss_reasons(s) == ["Zu teuer"]


def test_undo_refuses_when_the_rule_was_changed_outside(
    sqlite_store: Store, clock: FixedClock
) -> None:
    with sqlite_store.session() as s:
        change = rules.set_rule(s, "order-scheme", "B-{seq}", clock)
        settings.set_order_scheme(s, "C-{seq}")  # not through the rules list
        assert change.undo_id is not None
        with pytest.raises(ConflictError):
            undo.undo(s, change.undo_id, clock)
        assert settings.order_scheme(s) == "C-{seq}"


def test_reset_goes_back_to_the_default_and_is_undoable(
    sqlite_store: Store, clock: FixedClock
) -> None:
    with sqlite_store.session() as s:
        rules.set_rule(s, "required-company-fields", ["vat_id", "email"], clock)
        assert rules.required_fields(s, "company") == ["vat_id", "email"]
        reset = rules.reset_rule(s, "required-company-fields", clock)
        assert reset.undo_id is not None and rules.required_fields(s, "company") == []
        undo.undo_last(s, clock)
        assert rules.required_fields(s, "company") == ["vat_id", "email"]


def test_required_fields_name_the_first_missing(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        rules.set_rule(s, "required-person-fields", ["email", "phone"], clock)
        assert rules.missing_required(s, "person", {"email": ["a@b.de"], "phone": [" "]}) == [
            "phone"
        ]
        with pytest.raises(ValidationError) as info:
            rules.check_required(s, "person", {"email": [], "phone": ["0171 1"]})
        assert info.value.field == "email"
        rules.check_required(s, "person", {"email": ["a@b.de"], "phone": ["0171 1"]})


def test_cli_rules_show_set_reset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(tmp_path / "d")]
    assert main([*base, "rules", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert set(shown) == set(rules.RULES)
    assert main([*base, "rules", "set", "loss-reasons", "Preis zu hoch; Kein Budget"]) == 0
    assert "→" in capsys.readouterr().out
    assert (
        main(
            [
                *base,
                "rules",
                "set",
                "pipeline-stages",
                '[{"name": "A", "probability": 30}]',
                "--json",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["rule"] == "pipeline-stages" and out["changed"] is True
    assert out["after"] == [{"name": "A", "probability": 30}]
    assert main([*base, "rules", "show", "loss-reasons", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"loss-reasons": ["Preis zu hoch", "Kein Budget"]}
    assert main([*base, "rules", "set", "quote-stages", '{"reminder_days": [0]}']) != 0
    capsys.readouterr()
    assert main([*base, "rules", "reset", "loss-reasons", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["after"] == list(settings.DEFAULT_LOSS_REASONS)


def test_a_page_save_of_several_rules_is_one_undo_step(
    sqlite_store: Store, clock: FixedClock
) -> None:
    with sqlite_store.session() as s:
        changes = rules.set_rules(
            s,
            {
                "loss-reasons": ["Zu teuer"],
                "ticket-scheme": "T-{year}-{seq:05d}",  # unchanged
                "order-scheme": "AU-{seq:06d}",
            },
            clock,
        )
        assert [c.undo_id is not None for c in changes] == [True, False, True]
        assert changes[0].undo_id == changes[2].undo_id
        assert undo.stack(s)[0].label == "Change rules: Loss reasons, Order numbers"
        undo.undo_last(s, clock)
        assert settings.loss_reasons(s) == list(settings.DEFAULT_LOSS_REASONS)
        assert settings.order_scheme(s) == settings.DEFAULT_ORDER_SCHEME
    with sqlite_store.session() as s, pytest.raises(ValidationError):
        rules.set_rules(s, {"loss-reasons": ["X"], "order-scheme": "kaputt"}, clock)
    with sqlite_store.reader() as s:
        assert settings.loss_reasons(s) == list(settings.DEFAULT_LOSS_REASONS)  # rolled back


def test_required_fields_are_enforced_when_saving(sqlite_store: Store, clock: FixedClock) -> None:
    """The rule is kept: a person or company without a required field is not saved,
    each missing field named at its place in the form; with it, saving works."""
    from crm_desktop.services import contacts, editing
    from crm_desktop.services.contacts import EmailInput, PhoneInput
    from crm_desktop.services.editing import CompanyEdit, PersonEdit

    with sqlite_store.session() as s:
        rules.set_rules(
            s,
            {
                "required-person-fields": ["email", "position"],
                "required-company-fields": ["vat_id"],
            },
            clock,
        )
    bare = PersonEdit(values={"given_name": "Anna", "family_name": "Schäfer"})
    with pytest.raises(Exception) as info, sqlite_store.session() as s:
        editing.save_person(s, None, bare, clock=clock)
    errors = getattr(info.value, "errors", [info.value])
    assert {e.field for e in errors} == {"emails", "position"}
    full = PersonEdit(
        values={"given_name": "Anna", "family_name": "Schäfer", "position": "Einkauf"},
        emails=[EmailInput("anna@example.de")],
        phones=[PhoneInput("0711 123456")],
    )
    with sqlite_store.session() as s:
        pid = editing.save_person(s, None, full, clock=clock).record_id
    full.emails = []
    with pytest.raises(ValidationError), sqlite_store.session() as s:
        editing.save_person(s, pid, full, clock=clock)
    with sqlite_store.reader() as s:
        assert [e.address for e in contacts.get_person(s, pid).emails] == ["anna@example.de"]
    with pytest.raises(ValidationError) as one, sqlite_store.session() as s:
        editing.save_company(s, None, CompanyEdit(values={"name": "Bäckerei Özdemir"}), clock=clock)
    assert one.value.field == "vat_id"


def test_a_company_created_as_customer_gets_the_new_customer_opportunity(
    sqlite_store: Store, clock: FixedClock
) -> None:
    from crm_desktop.data.models import CompanyStatus
    from crm_desktop.services import editing, pipeline
    from crm_desktop.services.editing import CompanyEdit

    with sqlite_store.session() as s:
        rules.set_rule(
            s,
            "new-customer-opportunity",
            {"value": "12000", "probability": 30, "title": "Erstauftrag {company}"},
            clock,
        )
        saved = editing.save_company(
            s,
            None,
            CompanyEdit(values={"name": "Bäckerei Özdemir", "status": CompanyStatus.CUSTOMER}),
            clock=clock,
        )
        assert saved.changes.opportunities
        opp = pipeline.get_opportunity(s, next(iter(saved.changes.opportunities)))
        assert opp.title == "Erstauftrag Bäckerei Özdemir" and opp.probability == 30
        assert str(opp.value) in ("12000", "12000.00")
        prospect = editing.save_company(
            s, None, CompanyEdit(values={"name": "Interessent GmbH"}), clock=clock
        )
        assert not prospect.changes.opportunities
