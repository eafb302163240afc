"""Issue #22: anonymise reaches every copy the program controls.

One person with a merged-in duplicate (in the trash), trashed records, tickets,
appointments (attendees, one only by name), opportunities named after her, a company
she manages, a mention in another person's activity, undo entries and search entries
is erased through the real CLI; then the raw database file, its WAL, the search
index's shadow tables, the calendar file and the log files are scanned for her name,
e-mail addresses and phone digits (E.164 and national spellings).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from crm_desktop.cli.main import main
from crm_desktop.clock import FixedClock
from crm_desktop.config import AppPaths, resolve_paths
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Appointment,
    Company,
    Document,
    ImportBatch,
    Opportunity,
    Person,
    UndoEntry,
    appointment_attendees,
)
from crm_desktop.data.store import Store, open_store
from crm_desktop.errors import ConflictError, NotFoundError
from crm_desktop.interop.ical import Participant
from crm_desktop.logging_setup import get_logger, setup_logging, shutdown_logging
from crm_desktop.services import bulk, merge, privacy
from crm_desktop.services.activities import ActivityInput, delete_activity, log_activity
from crm_desktop.services.backup import make_backup
from crm_desktop.services.calendar import create_appointment, write_subscription
from crm_desktop.services.contacts import (
    CompanyInput,
    EmailInput,
    PersonInput,
    PhoneInput,
    create_company,
    create_person,
)
from crm_desktop.services.pipeline import OpportunityInput, create_opportunity
from crm_desktop.services.tickets import delete_ticket, open_ticket

GIVEN, FAMILY = "Xaveria", "Quennell"
MAIL, MAIL2, MAIL3 = (
    "xaveria.quennell@example.org",
    "x.quennell@example.net",
    "xq.private@example.com",
)
MOBILE, LANDLINE = "0176 24681357", "089 3141592"
# every spelling of her that must be gone: names (as written and as the search index
# folds them), addresses, phone digits in E.164 and national form and in groups
SECRETS = (
    GIVEN,
    FAMILY,
    GIVEN.lower(),
    FAMILY.lower(),
    MAIL,
    MAIL2,
    MAIL3,
    "+4917624681357",
    "017624681357",
    "17624681357",
    "24681357",
    "2468 1357",
    "+49893141592",
    "0893141592",
    "893141592",
    "3141592",
)


def _setup(store: Store, clock: FixedClock) -> dict[str, int]:
    ids: dict[str, int] = {}
    with store.session() as s:
        firm = create_company(
            s,
            CompanyInput(name="Nordlicht Technik GmbH", managing_directors="Bruno Boss"),
        )
        her = create_person(
            s,
            PersonInput(
                given_name=GIVEN,
                family_name=FAMILY,
                company_id=firm.id,
                notes="Mag Lakritz",
                phones=[PhoneInput(number=MOBILE)],
                emails=[EmailInput(address=MAIL)],
            ),
            clock=clock,
        )
        dup = create_person(
            s,
            PersonInput(
                given_name=GIVEN,
                family_name=FAMILY,
                notes="Zweitakte: Geheimtipp Lakritz",
                phones=[PhoneInput(number=LANDLINE)],
                emails=[EmailInput(address=MAIL2)],
            ),
            clock=clock,
        )
        boss = create_person(
            s,
            PersonInput(given_name="Bruno", family_name="Boss", company_id=firm.id),
            clock=clock,
        )
        firm_row = s.get_one(Company, firm.id)
        firm_row.managing_directors = f"{GIVEN} {FAMILY}, Bruno Boss"
        ids.update(her=her.id, dup=dup.id, boss=boss.id, firm=firm.id)
    with store.session() as s:
        result = merge.merge_people(s, her.id, dup.id, clock=clock)
        ids["merge_undo"] = result.undo_id
    with store.session() as s:
        # her activities, one in the trash
        act = log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.CALL,
                subject=f"Anruf {FAMILY}",
                text=f"Rückruf unter {MOBILE}",
                person_id=her.id,
            ),
            clock=clock,
        )
        delete_activity(s, act.id, clock)
        # another person's activity mentions her (and one in the trash)
        log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.MEETING,
                subject=f"Empfehlung von {GIVEN} {FAMILY}",
                text=f"{FAMILY}, {GIVEN} ({MAIL}, +49 176 2468 1357) empfahl uns; "
                f"Festnetz {LANDLINE}. Bruno bleibt Ansprechpartner.",
                person_id=boss.id,
            ),
            clock=clock,
        )
        other = log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.NOTE,
                subject="Notiz",
                text=f"Frau {FAMILY} anrufen: 0049 89 314 1592",
                person_id=boss.id,
            ),
            clock=clock,
        )
        delete_activity(s, other.id, clock)
        # tickets: hers (one in the trash), and one of the company naming her
        open_ticket(s, f"{FAMILY} reklamiert", person_id=her.id, description=MAIL, clock=clock)
        gone = open_ticket(s, "Alt", person_id=her.id, description=f"{GIVEN}", clock=clock)
        delete_ticket(s, gone.id, clock=clock)
        open_ticket(
            s,
            "Lieferung",
            company_id=firm.id,
            description=f"Ansprechpartnerin {GIVEN} {FAMILY}",
            clock=clock,
        )
        # appointments: hers, and Bruno's with her as an unlinked attendee by name only
        start = clock.now() + dt.timedelta(days=2)
        create_appointment(
            s,
            title=f"Termin mit {GIVEN} {FAMILY}",
            start_at=start,
            end_at=start + dt.timedelta(hours=1),
            person_id=her.id,
            location="Büro Quennell",
            attendees=[Participant(MAIL, f"{GIVEN} {FAMILY}"), Participant("bb@nordlicht.de")],
        )
        ids["bruno_meeting"] = create_appointment(
            s,
            title="Planung",
            start_at=start + dt.timedelta(days=1),
            end_at=start + dt.timedelta(days=1, hours=1),
            person_id=boss.id,
            description=f"Mit {GIVEN} {FAMILY} abstimmen",
            attendees=[
                Participant(MAIL3, f"{FAMILY}, {GIVEN}"),
                Participant("bb@nordlicht.de", "Bruno Boss"),
            ],
        ).id
        # opportunities named after her
        create_opportunity(
            s, OpportunityInput(title=f"Relaunch {FAMILY}", person_id=her.id), clock=clock
        )
        create_opportunity(
            s,
            OpportunityInput(title=f"Angebot für {GIVEN} {FAMILY}", company_id=firm.id),
            clock=clock,
        )
        # a document of hers (the file is outside the store) and an import of her card
        s.add(Document(title="Angebot", path=f"/home/u/Angebot {FAMILY}.pdf", person_id=her.id))
        s.add(ImportBatch(source=f"/home/u/{GIVEN}-{FAMILY}.vcf", file_format="vcard"))
        # an undo entry of an old delete, labelled with her name
        s.add(
            UndoEntry(
                at=clock.now(),
                label=f"{GIVEN} {FAMILY} löschen",
                action="delete",
                payload={"kind": "person", "id": her.id},
            )
        )
    return ids


def _scan(blob: bytes) -> list[str]:
    low = blob.lower()
    return [s for s in SECRETS if s.encode("utf-8").lower() in low]


def _fts_terms(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'search_fts', 'row')")
        terms = [str(r[0]) for r in conn.execute("SELECT term FROM temp.v")]
        shadow = b"".join(
            value if isinstance(value, bytes) else str(value).encode()
            for name in ("search_fts_data", "search_fts_idx", "search_fts_docsize")
            for row in conn.execute(f"SELECT * FROM {name}")
            for value in row
            if value is not None
        )
        assert shadow  # the shadow tables were read
    finally:
        conn.close()
    return [t for t in terms if any(s.lower() in t for s in SECRETS)] + _scan(shadow)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "data")


def test_anonymise_reaches_every_copy(
    paths: AppPaths,
    clock: FixedClock,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = open_store(data_dir=paths.data_dir)
    ids = _setup(store, clock)
    write_subscription(store, paths.calendar_path, clock=clock)
    invitations = paths.data_dir / "invitations"
    invitations.mkdir()
    (invitations / "abc.ics").write_text(
        f"BEGIN:VCALENDAR\r\nATTENDEE;CN={GIVEN} {FAMILY}:mailto:\r\n {MAIL}\r\nEND:VCALENDAR\r\n"
    )
    (invitations / "other.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    backup = make_backup(paths, clock=clock)
    store.dispose()
    setup_logging(paths)
    try:  # a line that slipped through the filter: the erasure must clean it
        get_logger("ui").info("opened %s %s", GIVEN, FAMILY)
        everything = b"".join(
            p.read_bytes() for p in (paths.calendar_path, paths.log_dir / "crm-desktop.log")
        )
        assert _scan(everything)  # she is there before
        assert _fts_terms(paths.db_path)

        d = ["--data-dir", str(paths.data_dir)]
        capsys.readouterr()
        caplog.clear()
        caplog.set_level(logging.DEBUG, logger="crm_desktop")
        assert (
            main([*d, "privacy", "anonymise", "--person", str(ids["her"]), "--yes", "--json"]) == 0
        )
        out = json.loads(capsys.readouterr().out)
    finally:
        shutdown_logging()
    # the erasure itself logs ids only
    assert caplog.records
    assert [r.getMessage() for r in caplog.records if _scan(r.getMessage().encode())] == []
    # the existing fields stay, the new ones say what was reached
    assert out["anonymised"] is True and out["person"] == ids["her"]
    assert out["activities_blanked"] == 1 and out["tickets_blanked"] == 2
    assert out["duplicates_anonymised"] == [ids["dup"]]
    assert out["attendees_anonymised"] == 2
    assert out["undo_entries_removed"] == 2
    assert out["mentions_scrubbed"]["activities"] == 2
    assert out["mentions_scrubbed"]["companies"] == 1
    assert out["mentions_scrubbed"]["opportunities"] == 2
    assert out["search_index_optimized"] and out["database_compacted"]
    assert out["wal_truncated"] and out["calendar_rewritten"]
    assert out["invitations_removed"] == 1 and out["log_files_scrubbed"] == 1
    backups = [u for u in out["not_reached"] if u["kind"] == "backup"]
    assert [b["path"] for b in backups] == [str(backup)]
    assert backups[0]["created"]
    files_of_hers = [u["path"] for u in out["not_reached"] if u["kind"] == "document-file"]
    assert files_of_hers == [f"/home/u/Angebot {FAMILY}.pdf"]
    assert not (invitations / "abc.ics").exists() and (invitations / "other.ics").exists()

    # the raw bytes of every file the program keeps
    files = [paths.db_path, paths.calendar_path, *sorted(paths.log_dir.iterdir())]
    wal = paths.db_path.with_name(paths.db_path.name + "-wal")
    if wal.exists():
        files.append(wal)
    for path in files:
        assert _scan(path.read_bytes()) == [], path
    assert _fts_terms(paths.db_path) == []

    store = open_store(data_dir=paths.data_dir)
    try:
        with store.reader() as s:
            firm = s.get_one(Company, ids["firm"])
            assert firm.managing_directors == f"{privacy.REDACTED}, Bruno Boss"
            dup = s.get_one(Person, ids["dup"])
            assert dup.deleted_at is not None and dup.anonymized_at is not None
            assert dup.notes == "" and dup.family_name == privacy.ANONYMISED_NAME
            text = s.scalars(select(Activity.text).where(Activity.person_id == ids["boss"])).all()
            assert any("Bruno bleibt Ansprechpartner" in t for t in text)  # the rest stays
            rows = s.execute(
                select(appointment_attendees.c.name, appointment_attendees.c.email).where(
                    appointment_attendees.c.appointment_id == ids["bruno_meeting"]
                )
            ).all()
            assert sorted(rows) == [("Anonymisiert", ""), ("Bruno Boss", "bb@nordlicht.de")]
            meeting = s.get_one(Appointment, ids["bruno_meeting"])
            assert meeting.description == f"Mit {privacy.REDACTED} abstimmen"
            titles = sorted(s.scalars(select(Opportunity.title)))
            assert titles == [f"Angebot für {privacy.REDACTED}", f"Relaunch {privacy.REDACTED}"]
            assert merge.last_merge(s) is None
    finally:
        store.dispose()
    # the backup is left as it was: the report names it
    assert _scan(backup.read_bytes())


def test_undo_merge_after_anonymise_cannot_bring_her_back(store: Store, clock: FixedClock) -> None:
    """On both backends: the merge's undo entry is gone, the duplicate stays erased in
    the trash, and the records that named her name her no more."""
    ids = _setup(store, clock)
    with store.session() as s:
        result = privacy.anonymise_person(s, ids["her"], clock)
    assert result.duplicates == (ids["dup"],)
    with store.session() as s:
        assert s.get(UndoEntry, ids["merge_undo"]) is None
        assert merge.last_merge(s) is None
        with pytest.raises(NotFoundError):
            merge.undo_merge(s, ids["merge_undo"], clock)
        with pytest.raises(NotFoundError):
            bulk.undo(s, ids["merge_undo"], clock)
    with store.reader() as s:
        dup = s.get_one(Person, ids["dup"])
        assert dup.deleted_at is not None and dup.full_name == privacy.ANONYMISED_NAME
        assert dup.notes == "" and dup.phones == [] and dup.emails == []
        trash = [t.label for t in bulk.trash(s)]
        assert trash and not any(GIVEN in t or FAMILY in t for t in trash)
        firm = s.get_one(Company, ids["firm"])
        assert firm.managing_directors == f"{privacy.REDACTED}, Bruno Boss"
        names = s.scalars(select(appointment_attendees.c.name)).all()
        assert not any(GIVEN in n or FAMILY in n for n in names)
        texts = " ".join(
            f"{a.subject} {a.text}" for a in s.scalars(select(Activity)).all()
        ) + " ".join(f"{u.label} {u.payload}" for u in s.scalars(select(UndoEntry)).all())
        assert _scan(texts.encode()) == []


def test_undo_merge_refuses_an_anonymised_person(sqlite_store: Store, clock: FixedClock) -> None:
    """A merge entry that survived (an older version's erasure) cannot restore her."""
    with sqlite_store.session() as s:
        keep = create_person(s, PersonInput(given_name="A", family_name="Keep"), clock=clock)
        drop = create_person(s, PersonInput(given_name="A", family_name="Keep"), clock=clock)
    with sqlite_store.session() as s:
        undo_id = merge.merge_people(s, keep.id, drop.id, clock=clock).undo_id
    with sqlite_store.session() as s:
        s.get_one(Person, drop.id).anonymized_at = clock.now()
    with sqlite_store.session() as s, pytest.raises(ConflictError):
        merge.undo_merge(s, undo_id, clock)
    with sqlite_store.reader() as s:
        assert s.get_one(Person, drop.id).deleted_at is not None


def test_mentions_recognise_every_spelling() -> None:
    m = privacy.Mentions(["Jörg Weiß", "Weiß, Jörg"], ["joerg@example.de"], ["+4917624681357"])
    text = (
        "Jörg  Weiß, JOERG WEISS, weiß, jörg, joerg@example.de, +49 176 2468 1357, "
        "0176/24681357, 0049 (0)176 24681357, (0176) 246 813 57; Jörgen Weißmann 1762468135799"
    )
    assert m.scrub(text) == (
        "[anonymisiert], [anonymisiert], [anonymisiert], [anonymisiert], [anonymisiert], "
        "[anonymisiert], [anonymisiert], [anonymisiert]; Jörgen Weißmann 1762468135799"
    )
    assert m.scrub("/home/u/jörg_weiß.vcf, joerg.weiss.pdf") == (
        "/home/u/[anonymisiert].vcf, [anonymisiert].pdf"
    )
    assert not m.found("Jörg Weißenberger, +49 176 2468 13570, 2468 1357")
    assert m.scrub_json({"Jörg Weiß": ["x joerg@example.de"]}) == {
        "[anonymisiert]": ["x [anonymisiert]"]
    }


def test_the_search_forgets_her_name_words(sqlite_store: Store, clock: FixedClock) -> None:
    """The running program's name vocabulary (memory) held her words too."""
    from crm_desktop.services import search

    ids = _setup(sqlite_store, clock)
    hers = {search._fold_word(GIVEN), search._fold_word(FAMILY)}
    with sqlite_store.reader() as s:
        search.warm_up(s)
        assert hers <= set(search._vocabulary(s).tokens)
    report = privacy.erase_person(sqlite_store, ids["her"], clock)
    assert report.result.person_id == ids["her"] and report.database_compacted
    with sqlite_store.reader() as s:
        assert not hers & set(search._vocabulary(s).tokens)
        assert "bruno" in search._vocabulary(s).tokens  # the others are read again


def test_cli_lists_the_backups_it_could_not_reach(
    paths: AppPaths, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(data_dir=paths.data_dir)
    with store.session() as s:
        pid = create_person(
            s, PersonInput(given_name="Ida", family_name="Ostermeyer"), clock=clock
        ).id
    store.dispose()
    backup = make_backup(paths, clock=clock)
    capsys.readouterr()
    d = ["--data-dir", str(paths.data_dir)]
    assert main([*d, "privacy", "anonymise", "--person", str(pid), "--yes"]) == 0
    text = capsys.readouterr().out
    assert f"Person {pid} anonymised" in text
    assert f"  - backup of 2026-11-23 10:00: {backup}" in text
    assert "files exported earlier" in text
    assert "Ostermeyer" not in text
