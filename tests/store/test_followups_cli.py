"""``crm-desktop due`` and ``crm-desktop calendar export|import`` through the real CLI."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import icalendar
import pytest

from crm_desktop.cli.main import main
from crm_desktop.data.store import open_store
from crm_desktop.services import contacts as c
from crm_desktop.services import followups as fus
from tests.conftest import SAMPLES, needs_samples


@pytest.fixture(scope="module")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store with data per module; each test works on a copy."""
    folder = tmp_path_factory.mktemp("cli") / "data"
    store = open_store(data_dir=folder)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    with store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="Müller GmbH"))
        max_ = c.create_person(
            s,
            c.PersonInput(
                given_name="Max",
                family_name="Müller",
                company_id=comp.id,
                phones=[c.PhoneInput("0171 1234567")],
                emails=[c.EmailInput("adm-acme@mydomain.de")],
            ),
        )
        fus.create_followup(
            s,
            due_at=now - dt.timedelta(hours=2),
            kind="call",
            note="Angebot 2026-17",
            person_id=max_.id,
        )
        fus.create_followup(
            s, due_at=now - dt.timedelta(hours=1), kind="email", note="bernd", owner="bernd"
        )
        fus.create_followup(s, due_at=now + dt.timedelta(days=2), kind="call", note="later")
    store.dispose()
    return folder


@pytest.fixture
def data_dir(template_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CRM_DESKTOP_USER", "anna")
    monkeypatch.delenv("CRM_DESKTOP_DATABASE_URL", raising=False)
    folder = tmp_path / "data"
    shutil.copytree(template_dir, folder)
    return folder


def test_due_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "due", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    # a local file has one user: bernd's follow-up (bernd is a name of the team, not a
    # login) is due for the user too (issue #17); the later one is not due
    assert [r["note"] for r in rows] == ["Angebot 2026-17", "bernd"]
    row = rows[0]
    assert set(row) == {"id", "due_at", "kind", "note", "person_id", "person", "company", "phone"}
    assert row["person"] == "Max Müller" and row["company"] == "Müller GmbH"
    assert row["phone"] == "+491711234567" and row["kind"] == "call"
    due = dt.datetime.fromisoformat(row["due_at"])
    assert due.utcoffset() is not None and due < dt.datetime.now(dt.UTC)

    assert main(["--data-dir", str(data_dir), "due", "--all-owners", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main(["--data-dir", str(data_dir), "due"]) == 0
    out = capsys.readouterr().out
    assert "Max Müller (Müller GmbH)" in out and "Angebot 2026-17" in out


@needs_samples
def test_calendar_export_and_import(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "f.ics"
    assert (
        main(["--data-dir", str(data_dir), "calendar", "export", "--out", str(out), "--json"]) == 0
    )
    assert json.loads(capsys.readouterr().out) == {"path": str(out), "events": 2}
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert len(events) == 2
    today = dt.date.today()
    window = [
        "--from",
        (today + dt.timedelta(days=1)).isoformat(),
        "--to",
        (today + dt.timedelta(days=3)).isoformat(),
    ]
    assert (
        main(["--data-dir", str(data_dir), "calendar", "export", "--out", str(out), *window]) == 0
    )
    assert "1 events written" in capsys.readouterr().out

    sample = SAMPLES / "ics" / "issue_101_icalendar_chokes_on_umlauts_in_organizer.ics"
    assert main(["--data-dir", str(data_dir), "calendar", "import", str(sample), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["created"] == 1 and report["linked"] == 1
    assert main(["--data-dir", str(data_dir), "calendar", "import", str(sample)]) == 0
    assert "0 created, 0 updated, 0 cancelled, 1 skipped" in capsys.readouterr().out


def test_cli_errors(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.ics"
    bad.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:cut off\n", encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "calendar", "import", str(bad)]) == 1
    assert "incomplete" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(
            [
                "--data-dir",
                str(data_dir),
                "calendar",
                "export",
                "--out",
                "x.ics",
                "--from",
                "24.11.2026",
            ]
        )
    assert exc.value.code == 2


def test_calendar_export_in_the_language_of_lang(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The events' texts ("Company:", "Call") go through the "ical" translations of --lang."""
    from crm_desktop.cli import cmd_calendar

    asked: list[tuple[str | None, str]] = []
    german = {"Company": "Firma", "Person": "Person", "Call": "Anruf", "Phone": "Telefon"}

    def fake(lang: str | None, context: str = "errors") -> Callable[[str], str]:
        asked.append((lang, context))
        return lambda text: german.get(text, text)

    monkeypatch.setattr(cmd_calendar, "make_translator", fake)
    out = tmp_path / "de.ics"
    args = ["--lang", "de", "--data-dir", str(data_dir), "calendar", "export", "--out", str(out)]
    assert main(args) == 0
    assert ("de", "ical") in asked
    text = out.read_bytes().decode()
    unfolded = text.replace("\r\n ", "")
    assert "Firma: Müller GmbH" in unfolded and "Company:" not in unfolded
    assert "SUMMARY:Anruf Max Müller" in unfolded
    assert "METHOD:" not in text  # no organizer: no METHOD
