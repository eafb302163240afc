"""A damaged store, tried as SQLite's own tests would: every command says what ``check``
says (one line, the newest good backup, how to restore), exits non-zero and never
shows a traceback."""

from __future__ import annotations

import contextlib
import io
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from crm_desktop.config import resolve_paths
from crm_desktop.data.store import open_store
from crm_desktop.services import backup as bk
from crm_desktop.services import contacts as c
from crm_desktop.services import storecheck

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = [sys.executable, "-m", "crm_desktop"]
PAGE = 4096


def env(**extra: str) -> dict[str, str]:
    out = dict(os.environ, CRM_DESKTOP_NO_BACKUP="1", QT_QPA_PLATFORM="offscreen", **extra)
    for name in ("CRM_DESKTOP_DATABASE_URL", "CRM_DESKTOP_PASSPHRASE", "CRM_TEST_KILL_AT"):
        if name not in extra:
            out.pop(name, None)
    out["PYTHONPATH"] = str(ROOT) + os.pathsep + out.get("PYTHONPATH", "")
    return out


def run(data: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PROGRAM, "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=env(**extra),
        cwd=ROOT,
        timeout=120,
    )


_ENV_NAMES = ("CRM_DESKTOP_PASSPHRASE", "CRM_TEST_KILL_AT", "CRM_DESKTOP_DATABASE_URL")


def cli(data: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """The command in this process (what ``run`` does, without the interpreter start):
    an exception that escaped ``main`` would fail the test, as a traceback would."""
    from crm_desktop.cli.main import main

    saved = {name: os.environ.get(name) for name in (*_ENV_NAMES, "CRM_DESKTOP_NO_BACKUP")}
    for name in _ENV_NAMES:
        os.environ.pop(name, None)
    os.environ.update(extra, CRM_DESKTOP_NO_BACKUP="1")
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--data-dir", str(data), *args])
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def make_store(data: Path, people: int = 400) -> None:
    """A real store with data and one good backup."""
    store = open_store(data_dir=data)
    with store.session() as s:
        for i in range(people):
            c.create_person(
                s,
                c.PersonInput(given_name=f"Jürgen{i}", family_name="Müller", notes="Notiz " * 40),
            )
    store.dispose()
    bk.make_backup(resolve_paths(data), "manual")


@pytest.fixture(scope="module")
def good_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("good") / "data"
    make_store(data)
    con = sqlite3.connect(data / "crm.sqlite3")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return data


def _half(db: Path) -> None:
    raw = db.read_bytes()
    db.write_bytes(raw[: len(raw) // 2])


def _zero_header(db: Path) -> None:
    raw = db.read_bytes()
    db.write_bytes(b"\0" * PAGE + raw[PAGE:])


def _flip_pages(db: Path) -> None:
    raw = bytearray(db.read_bytes())
    for page in range(2, len(raw) // PAGE, 9):
        for i in range(24):
            raw[page * PAGE + i] ^= 0xFF
    db.write_bytes(bytes(raw))


def _header_only(db: Path) -> None:
    db.write_bytes(db.read_bytes()[:PAGE])


def _random_bytes(db: Path) -> None:
    db.write_bytes(random.Random(7).randbytes(db.stat().st_size))


def _foreign_wal(db: Path) -> None:
    other = db.with_name("other.sqlite3")
    con = sqlite3.connect(other)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("CREATE TABLE x (a)")
    con.executemany("INSERT INTO x VALUES (?)", [(i,) for i in range(2000)])
    con.commit()
    wal = Path(str(other) + "-wal").read_bytes()
    con.close()
    other.unlink()
    Path(str(other) + "-wal").unlink(missing_ok=True)
    Path(str(other) + "-shm").unlink(missing_ok=True)
    Path(str(db) + "-wal").write_bytes(wal)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "half": _half,
    "header-zeroed": _zero_header,
    "pages-flipped": _flip_pages,
    "header-only": _header_only,
    "random-bytes": _random_bytes,
    "foreign-wal": _foreign_wal,
}


def damaged_copy(good: Path, tmp_path: Path, kind: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(good, data)
    DAMAGE[kind](data / "crm.sqlite3")
    return data


def _args(cmd: str, tmp_path: Path) -> list[str]:
    if cmd == "search":
        return ["search", "Müller"]
    if cmd == "export":
        return ["export", "--format", "json", "--out", str(tmp_path / "out.json")]
    if cmd == "import":
        card = tmp_path / "card.vcf"
        card.write_text(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Neu\r\nN:Neu;Anna;;;\r\nEND:VCARD\r\n"
        )
        return ["import", str(card)]
    return [cmd]


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_every_command_says_what_check_says(good_store: Path, tmp_path: Path, kind: str) -> None:
    data = damaged_copy(good_store, tmp_path, kind)
    backup = next((data / "backups").glob("crm-*.sqlite3"))
    messages = {}
    for cmd in ("check", "search", "export", "import", "backup"):
        # two as the user runs them (a traceback would show on stderr), three in-process
        out = (run if cmd in ("check", "search") else cli)(data, *_args(cmd, tmp_path))
        assert out.returncode == 1, (cmd, out.stdout, out.stderr)
        assert "Traceback" not in out.stderr, out.stderr
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1, out.stderr
        messages[cmd] = lines[0]
    assert len(set(messages.values())) == 1, messages  # the very same message
    message = messages["check"]
    assert f"crm-desktop restore {backup} --yes" in message
    if kind == "random-bytes":  # no header, no marker: we cannot tell
        assert "either encrypted" in message and "or damaged" in message
    elif kind == "foreign-wal":  # the file alone is sound: the WAL is named
        assert "crm.sqlite3-wal beside it does not belong to it" in message
    else:
        assert "The store is damaged" in message
    assert not (tmp_path / "out.json").exists()


def test_the_message_in_german(good_store: Path, tmp_path: Path) -> None:
    data = damaged_copy(good_store, tmp_path, "half")
    for cmd in (["check"], ["search", "Müller"]):
        out = run(data, "--lang", "de", *cmd)
        assert out.returncode == 1
        assert "Traceback" not in out.stderr
        assert "Die Datenbank ist beschädigt (die Datei ist fehlerhaft)" in out.stderr, out.stderr
        assert "crm-desktop restore" in out.stderr
    out = run(
        damaged_copy(good_store, tmp_path / "r", "random-bytes"), "--lang", "de", "search", "x"
    )
    assert "keine lesbare Datenbank" in out.stderr, out.stderr


def test_the_restore_it_names_works(good_store: Path, tmp_path: Path) -> None:
    data = damaged_copy(good_store, tmp_path, "header-only")
    backup = next((data / "backups").glob("crm-*.sqlite3"))
    out = cli(data, "restore", str(backup), "--yes")
    assert out.returncode == 0, out.stderr
    out = cli(data, "search", "Jürgen399", "--json")
    assert out.returncode == 0, out.stderr
    assert "Jürgen399 Müller" in out.stdout
    assert cli(data, "check").returncode == 0


def test_a_damaged_page_met_later_gives_the_same_message(
    good_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large store is not quick-checked at start: the query that reaches the damaged
    page ends in the message of ``check``, not in a traceback."""
    from crm_desktop.cli.main import main

    data = damaged_copy(good_store, tmp_path, "pages-flipped")
    monkeypatch.setattr(storecheck, "QUICK_CHECK_LIMIT", 0)  # as if the file were large
    err = tmp_path / "err.txt"
    with open(err, "w", encoding="utf-8") as fh:
        monkeypatch.setattr(sys, "stderr", fh)
        code = main(["--data-dir", str(data), "export", "--format", "json", "--out", "x.json"])
    assert code == 1
    text = err.read_text("utf-8")
    assert "The store is damaged" in text and "crm-desktop restore" in text, text


def test_no_backup_says_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = open_store(data_dir=data)
    with store.session() as s:
        c.create_person(s, c.PersonInput(given_name="A", family_name="B"))
    store.dispose()
    _zero_header(data / "crm.sqlite3")
    out = cli(data, "search", "B")
    assert out.returncode == 1
    assert "There is no good backup" in out.stderr
    assert "Traceback" not in out.stderr


def test_an_interrupted_first_creation_is_created_again(tmp_path: Path) -> None:
    """Killed during the very first start: next time the store is simply made."""
    data = tmp_path / "data"
    out = run(data, "search", "x", CRM_TEST_KILL_AT="first-create")
    assert out.returncode < 0  # killed
    check = cli(data, "check")
    assert "damaged" not in check.stderr, check.stderr
    assert check.returncode == 0
    out = cli(data, "search", "x")
    assert out.returncode == 0, out.stderr
    assert cli(data, "check").returncode == 0


def test_tables_without_revision_and_without_rows_are_created_again(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    con = sqlite3.connect(data / "crm.sqlite3")
    con.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, given_name TEXT)")
    con.execute("CREATE TABLE companies (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    out = cli(data, "search", "x")
    assert out.returncode == 0, out.stderr
    assert "created again" in out.stderr
    assert cli(data, "check").returncode == 0
    # with data in it, it is damage, not emptiness
    data2 = tmp_path / "data2"
    data2.mkdir()
    con = sqlite3.connect(data2 / "crm.sqlite3")
    con.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, given_name TEXT)")
    con.execute("INSERT INTO people (given_name) VALUES ('Anna')")
    con.commit()
    con.close()
    out = cli(data2, "search", "x")
    assert out.returncode == 1
    assert "no schema revision recorded" in out.stderr
    assert (data2 / "crm.sqlite3").stat().st_size > 0


def test_a_broken_constraint_is_not_called_damage(tmp_path: Path) -> None:
    """Only what a damaged or unreadable file (or a busy one) raises is turned into a
    message; a bug's IntegrityError stays a bug (it reaches the crash report)."""
    con = sqlite3.connect(tmp_path / "x.sqlite3")
    con.execute("CREATE TABLE t (a UNIQUE)")
    con.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(sqlite3.IntegrityError) as integrity:
        con.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(sqlite3.OperationalError) as wrong_sql:
        con.execute("SELECT nothing FROM nowhere")
    con.close()
    (tmp_path / "y.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4080)
    with pytest.raises(sqlite3.DatabaseError) as damaged:
        sqlite3.connect(tmp_path / "y.sqlite3").execute("SELECT * FROM sqlite_master")
    assert not storecheck.is_database_error(integrity.value)
    assert storecheck.is_database_error(damaged.value)
    assert storecheck.is_database_error(wrong_sql.value)  # checked first, then told as it is
