"""``crm-desktop backup / restore / check`` through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm_desktop.cli.main import main
from crm_desktop.config import resolve_paths
from crm_desktop.data.store import open_store
from crm_desktop.services import backup as bk
from crm_desktop.services.contacts import PersonInput, create_person


def _data(tmp_path: Path, people: int = 3) -> Path:
    data_dir = tmp_path / "data"
    store = open_store(data_dir=data_dir)
    with store.session() as s:
        for i in range(people):
            create_person(s, PersonInput(given_name=f"P{i}", family_name="Cli"))
    store.dispose()
    return data_dir


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_prints_the_path_last_and_lists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = _data(tmp_path)
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "backup")
    assert code == 0
    last = Path(out.strip().splitlines()[-1])
    assert last.is_file() and last.parent == data_dir / "backups"
    assert bk.integrity_check(last) == "ok"
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "backup", "--list")
    assert code == 0 and "3 people" in out and str(last) in out
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "backup", "--list", "--json")
    listed = json.loads(out)
    assert listed[0]["path"] == str(last)
    assert listed[0]["counts"] == {"people": 3, "companies": 0, "activities": 0}
    assert listed[0]["kind"] == "manual"


def test_backup_in_an_empty_folder_creates_the_store_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "new"), "backup")
    assert code == 0 and Path(out.strip().splitlines()[-1]).is_file()


def test_restore_needs_yes_and_then_restores(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = _data(tmp_path, people=2)
    paths = resolve_paths(data_dir)
    _, out, _ = run(capsys, "--data-dir", str(data_dir), "backup")
    saved = out.strip().splitlines()[-1]
    store = open_store(data_dir=data_dir)
    with store.session() as s:
        create_person(s, PersonInput(given_name="Später", family_name="Dazu"))
    store.dispose()
    code, out, err = run(capsys, "--data-dir", str(data_dir), "restore", saved)
    assert code == 1
    assert "2 people" in out  # the preview
    assert "--yes" in err
    assert [b.kind for b in bk.list_backups(paths)] == ["manual"]  # nothing done
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "restore", saved, "--yes", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["restored"] is True
    aside = Path(result["kept_aside"])
    assert aside.is_file() and bk.backup_info(aside).counts == {
        "people": 3,
        "companies": 0,
        "activities": 0,
    }
    code, out, _ = run(
        capsys, "--data-dir", str(data_dir), "privacy", "retention", "--years", "1", "--json"
    )
    assert code == 0
    # by file name inside the backup folder works too
    code, _, _ = run(capsys, "--data-dir", str(data_dir), "restore", Path(saved).name, "--yes")
    assert code == 0


def test_check_ok_and_damaged_names_the_newest_good_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = _data(tmp_path, people=300)
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "check", "--json")
    assert code == 0 and json.loads(out)["integrity"] == "ok"
    _, out, _ = run(capsys, "--data-dir", str(data_dir), "backup")
    good = out.strip().splitlines()[-1]
    db = data_dir / "crm.sqlite3"
    size = db.stat().st_size
    with open(db, "r+b") as fh:
        for offset in range(8192, size - 4096, 4096 * 2):
            fh.seek(offset + 64)
            fh.write(b"\x00\xff" * 300)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "check")
    assert code == 1
    assert "damaged" in err
    assert good in err and "restore" in err
    code, _, _ = run(capsys, "--data-dir", str(data_dir), "restore", good, "--yes")
    assert code == 0
    assert run(capsys, "--data-dir", str(data_dir), "check")[0] == 0


def test_check_without_store_and_postgres_backup_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "none"), "check")
    assert code == 1 and "no store" in err
    code, _, err = run(capsys, "--database-url", "postgresql://nobody@127.0.0.1:1/x", "backup")
    assert code == 1 and "pg_dump" in err


@pytest.mark.pg
def test_check_on_postgres(pg_store: object, capsys: pytest.CaptureFixture[str]) -> None:
    url = pg_store.url  # type: ignore[attr-defined]
    code, out, _ = run(capsys, "--database-url", url, "check", "--json")
    assert code == 0
    assert json.loads(out)["kind"] == "PostgreSQL"
