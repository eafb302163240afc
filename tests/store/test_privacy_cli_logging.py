"""``crm-desktop privacy ...`` and the log file that keeps personal data out."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from crm_desktop.cli.main import main
from crm_desktop.config import resolve_paths
from crm_desktop.data.store import open_store
from crm_desktop.logging_setup import (
    PersonalDataFilter,
    get_logger,
    redact,
    setup_logging,
    shutdown_logging,
)
from crm_desktop.services.contacts import EmailInput, PersonInput, create_person


def _person(tmp_path: Path) -> tuple[Path, int]:
    data_dir = tmp_path / "data"
    store = open_store(data_dir=data_dir)
    with store.session() as s:
        pid = create_person(
            s,
            PersonInput(
                given_name="Jörg",
                family_name="<Weiß>",
                emails=[EmailInput(address="joerg@example.de")],
                consent_marketing=True,
            ),
        ).id
    store.dispose()
    return data_dir, pid


def test_privacy_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir, pid = _person(tmp_path)
    d = ["--data-dir", str(data_dir)]
    out_json = tmp_path / "out" / "joerg.json"
    assert main([*d, "privacy", "export", "--person", str(pid), "--out", str(out_json)]) == 0
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["person"]["given_name"] == "Jörg"
    assert data["emails"][0]["address"] == "joerg@example.de"
    out_html = tmp_path / "joerg.html"
    assert main([*d, "privacy", "export", "--person", str(pid), "--out", str(out_html)]) == 0
    page = out_html.read_text(encoding="utf-8")
    assert "&lt;Weiß&gt;" in page and "<Weiß>" not in page
    assert main([*d, "privacy", "export", "--person", str(pid), "--out", "x.pdf"]) == 1
    assert main([*d, "privacy", "export", "--person", "999", "--out", str(out_json)]) == 1
    capsys.readouterr()
    assert main([*d, "privacy", "withdraw", "--person", str(pid), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["consent_withdrawn_at"]
    assert main([*d, "privacy", "anonymise", "--person", str(pid)]) == 1
    assert "--yes" in capsys.readouterr().err
    assert main([*d, "privacy", "anonymise", "--person", str(pid), "--yes", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["anonymised"] is True
    assert main([*d, "privacy", "anonymise", "--person", str(pid), "--yes"]) == 1
    assert "already" in capsys.readouterr().err
    assert main([*d, "privacy", "retention", "--years", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # anonymised people are not listed
    assert main([*d, "privacy", "retention", "--years", "0"]) == 1


def test_redact_patterns() -> None:
    text = (
        "mail anna.kuehn+x@example.co.uk tel +49 (30) 123 45 67 "
        "iban DE89 3704 0044 0532 0130 00 card 4111-1111-1111-1111 person 4711"
    )
    out = redact(text)
    for secret in ("anna.kuehn", "123 45 67", "DE89", "4111"):
        assert secret not in out
    assert "person 4711" in out  # ids stay
    assert redact("file crm-20261123T090000Z-daily.sqlite3") == (
        "file crm-20261123T090000Z-daily.sqlite3"
    )


@pytest.mark.logs_errors
def test_log_file_rotates_and_keeps_personal_data_out(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    target = setup_logging(paths, max_bytes=2000, backup_count=2)
    try:
        log = get_logger("privacy")
        assert log.name == "crm_desktop.privacy"
        log.info("exported person %s to %s", 17, "anna@example.de")
        try:
            raise ValueError("bad phone 0171 2345678")
        except ValueError:
            log.exception("import failed for row %s", 3)
        first = target.read_text(encoding="utf-8")
        assert "exported person 17 to <email>" in first
        assert "crm_desktop.privacy" in first
        assert "ValueError: bad phone <number>" in first  # tracebacks are filtered too
        assert "anna@example.de" not in first and "2345678" not in first
        for i in range(100):
            get_logger("backup").info("backup %s written", i)
        setup_logging(paths, max_bytes=2000, backup_count=2)  # idempotent: one handler
        ours = [h for h in logging.getLogger("crm_desktop").handlers if h.filters]
        assert len(ours) == 1
        assert isinstance(ours[0].filters[0], PersonalDataFilter)
    finally:
        shutdown_logging()
    assert target.parent == paths.log_dir
    files = sorted(p.name for p in paths.log_dir.iterdir())
    assert files == ["crm-desktop.log", "crm-desktop.log.1", "crm-desktop.log.2"]
    everything = "".join(p.read_text(encoding="utf-8") for p in paths.log_dir.iterdir())
    assert "anna@example.de" not in everything and "2345678" not in everything
    assert "backup 99 written" in everything
