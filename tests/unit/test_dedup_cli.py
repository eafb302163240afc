"""``crm-desktop duplicates`` and ``crm-desktop merge`` on a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm_desktop.cli.main import main
from crm_desktop.data.models import Person
from crm_desktop.data.store import open_store
from crm_desktop.services import contacts as c


def _fill(data_dir: Path) -> tuple[int, int]:
    store = open_store(data_dir=data_dir)
    try:
        with store.session() as s:
            a = c.create_person(
                s,
                c.PersonInput(
                    given_name="Jürgen",
                    family_name="Weiß",
                    emails=[c.EmailInput("jw@example.de")],
                ),
            )
            b = c.create_person(
                s,
                c.PersonInput(
                    given_name="Juergen",
                    family_name="Weiss",
                    emails=[c.EmailInput("jw@example.de")],
                    position="Inhaber",
                ),
            )
            c.create_person(s, c.PersonInput(given_name="Anna", family_name="Weiß"))
            return a.id, b.id
    finally:
        store.dispose()


def test_duplicates_json_and_table_then_merge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    a, b = _fill(data_dir)
    assert main(["--data-dir", str(data_dir), "duplicates", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(p["a"], p["b"]) for p in out] == [(a, b)]
    assert out[0]["score"] >= 60
    assert "same e-mail" in out[0]["reasons"]
    assert "names differ only by umlaut spelling" in out[0]["reasons"]
    # every pair names its group (the records that look like one person)
    assert set(out[0]) >= {"a", "b", "score", "reasons", "entity", "a_name", "b_name", "group"}
    assert out[0]["group"] == sorted([a, b])

    assert main(["--data-dir", str(data_dir), "duplicates", "--entity", "both"]) == 0
    text = capsys.readouterr().out
    assert "Jürgen Weiß" in text and "Juergen Weiss" in text and "1 pair(s)." in text

    assert main(["--data-dir", str(data_dir), "duplicates", "--min-score", "101"]) == 1
    assert "between 0 and 100" in capsys.readouterr().err

    assert main(["--data-dir", str(data_dir), "merge", str(a), str(b), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["kept"] == a and result["dropped"] == b
    assert "position" in result["changed_fields"]

    store = open_store(data_dir=data_dir)
    try:
        with store.reader() as s:
            kept = s.get_one(Person, a)
            assert kept.given_name == "Jürgen"  # keep wins on conflicts
            assert kept.position == "Inhaber"  # empty fields filled from the other
            assert s.get_one(Person, b).deleted_at is not None
    finally:
        store.dispose()

    assert main(["--data-dir", str(data_dir), "duplicates", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--data-dir", str(data_dir), "merge", str(a), str(b)]) == 1
    assert "does not exist" in capsys.readouterr().err
