"""E-mails into the timeline: matching by address, direction, tickets, attachments,
duplicates, refusals, one undoable change; the ``import-mail`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from crm_desktop.cli.main import main
from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity, ActivityKind, Direction, Document
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import mailimport, undo
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.contacts import (
    CompanyInput,
    EmailInput,
    PersonInput,
    create_company,
    create_person,
)

FIXTURES = Path(__file__).resolve().parents[1] / "interop" / "fixtures" / "mail"
ME = ["max@example.org"]


def _people(store: Store, clock: FixedClock) -> dict[str, int]:
    with store.session() as s:
        bakery = create_company(s, CompanyInput(name="Bäckerei Größl KG"))
        lena = create_person(
            s,
            PersonInput(
                given_name="Lena",
                family_name="Größl",
                company_id=bakery.id,
                emails=[EmailInput("lena.groessl@baeckerei-groessl.de")],
            ),
        )
        oemer = create_person(
            s,
            PersonInput(
                given_name="Ömer",
                family_name="Yıldız",
                emails=[EmailInput("Oemer@Yildiz-Bau.de")],  # stored as typed
            ),
        )
        complaint = log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.COMPLAINT, subject="Ofen heizt nicht", person_id=lena.id
            ),
            clock=clock,
        )
        assert complaint.ticket is not None and complaint.ticket.number == "T-2026-00001"
        return {
            "lena": lena.id,
            "oemer": oemer.id,
            "bakery": bakery.id,
            "ticket": complaint.ticket.id,
        }


def test_mails_become_activities_matched_by_address(store: Store, clock: FixedClock) -> None:
    ids = _people(store, clock)
    with store.session() as s:
        report = mailimport.import_paths(s, [FIXTURES], clock=clock, own_addresses=ME, owner="Max")
    assert len(report.imported) == 3  # Lena's reply, the offer to Ömer, Ömer's question
    assert [u[0] for u in report.unmatched] == [
        "outlook_html.eml",  # Stadtwerke: nobody stored has the address
        "thunderbird_folder.mbox #2",
    ]
    assert report.unmatched[0][2] == ["j.weber@stadtwerke-goerlitz.de"]  # not the user's own
    assert report.attachments == 1 and report.rejected == []
    with store.reader() as s:
        acts = {
            a.subject: a
            for a in s.scalars(select(Activity).where(Activity.kind == ActivityKind.EMAIL))
        }
        reply = acts["Re: T-2026-00001 Ofen heizt nicht – Termin für den Techniker"]
        assert reply.direction is Direction.INBOUND and reply.person_id == ids["lena"]
        assert reply.company_id == ids["bakery"]  # the person's company
        assert reply.ticket_id == ids["ticket"]  # the number in the subject
        assert reply.occurred_at.isoformat() == "2026-12-01T13:07:33+00:00"
        assert reply.owner == "Max" and "Donnerstag um 9 Uhr" in reply.text
        offer = acts["Angebot Wartungsvertrag"]
        assert offer.direction is Direction.OUTBOUND and offer.person_id == ids["oemer"]
        (doc,) = s.scalars(select(Document).where(Document.activity_id == offer.id))
        assert doc.title == "Angebot Wartung 2026.pdf" and doc.kind == "attachment"
        assert doc.size == 78 and doc.data is not None and doc.data.startswith(b"%PDF")
        assert doc.person_id == ids["oemer"] and len(doc.sha256 or "") == 64
        question = acts["Frage zur Rechnung"]
        assert question.direction is Direction.INBOUND and question.person_id == ids["oemer"]
    changes = report.changes()
    assert changes.touches_record("person", ids["lena"]) and changes.touches("tickets")


def test_reading_again_adds_nothing_and_undo_takes_the_import_back(
    store: Store, clock: FixedClock
) -> None:
    _people(store, clock)
    with store.session() as s:
        first = mailimport.import_paths(s, [FIXTURES], clock=clock, own_addresses=ME)
    with store.session() as s:
        again = mailimport.import_paths(s, [FIXTURES], clock=clock, own_addresses=ME)
    assert again.imported == [] and len(again.duplicates) == 3
    assert again.undo_id is None  # nothing happened: nothing to undo
    with store.session() as s:
        (item,) = undo.stack(s, limit=1)
        assert item.label == "Read 3 e-mails into the timeline"
        undo.undo(s, item.id, clock)
    with store.reader() as s:
        live = s.scalars(
            select(Activity.id).where(
                Activity.kind == ActivityKind.EMAIL, Activity.deleted_at.is_(None)
            )
        ).all()
        assert live == []
    with store.session() as s:
        # undone, the same mails may be read again
        assert (
            len(mailimport.import_paths(s, [FIXTURES], clock=clock, own_addresses=ME).imported) == 3
        )
    with store.session() as s:
        undo.undo_last(s, clock)
        undo.redo_last(s, clock)
    with store.reader() as s:
        live = s.scalars(
            select(Activity.id).where(
                Activity.kind == ActivityKind.EMAIL, Activity.deleted_at.is_(None)
            )
        ).all()
        assert len(live) == 3 and not set(live) & set(first.imported)  # redone: back again


def test_dropped_on_a_person_links_there_and_refusals_keep_the_rest(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    ids = _people(store, clock)
    card = tmp_path / "karte.eml"
    card.write_bytes(
        b"From: neu@unbekannt.example\r\nTo: max@example.org\r\n"
        b"Date: Fri, 4 Dec 2026 12:00:00 +0100\r\nSubject: Zahlung\r\n\r\n"
        b"Meine Karte: 4111 1111 1111 1111\r\n"
    )
    nodate = tmp_path / "ohne-datum.eml"
    nodate.write_bytes(b"From: neu@unbekannt.example\r\nSubject: Hallo\r\n\r\nText\r\n")
    junk = tmp_path / "bild.png"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    with store.session() as s:
        report = mailimport.import_paths(
            s,
            [FIXTURES / "thunderbird_folder.mbox", card, nodate, junk],
            clock=clock,
            target=mailimport.Target(person_id=ids["oemer"]),
            own_addresses=ME,
        )
    assert len(report.imported) == 2 and report.unmatched == []
    reasons = {r["source"]: r["reason"] for r in report.to_dict()["rejected"]}
    assert set(reasons) == {"karte.eml", "ohne-datum.eml", "bild.png"}
    assert "card" in reasons["karte.eml"].lower()
    assert "no valid date" in reasons["ohne-datum.eml"]
    assert "not an e-mail" in reasons["bild.png"]
    with store.reader() as s:
        people = set(
            s.scalars(select(Activity.person_id).where(Activity.kind == ActivityKind.EMAIL))
        )
        assert people == {ids["oemer"]}
        texts = " ".join(s.scalars(select(Activity.text)))
        assert "4111" not in texts  # the refused mail left nothing behind


def test_cli_import_mail(
    tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir=data_dir)
    try:
        _people(store, clock)
    finally:
        store.dispose()
    base = ["--data-dir", str(data_dir)]
    args = [*base, "import-mail", str(FIXTURES), "--me", "max@example.org", "--json"]
    assert main([*args, "--dry-run"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["imported"] == 3 and data["dry_run"] is True
    assert main(args) == 0  # the dry run stored nothing: all three are new
    data = json.loads(capsys.readouterr().out)
    assert data["imported"] == 3 and data["attachments"] == 1
    assert [u["source"] for u in data["unmatched"]] == [
        "outlook_html.eml",
        "thunderbird_folder.mbox #2",
    ]
    stadtwerke = str(FIXTURES / "outlook_html.eml")
    assert main([*base, "import-mail", stadtwerke, "--ticket", "T-2026-1"]) == 0
    assert "1 e-mails read into the timeline" in capsys.readouterr().out
    assert main([*base, "import-mail", str(FIXTURES), "--me", "max@example.org"]) == 0
    assert "0 e-mails read into the timeline" in capsys.readouterr().out
