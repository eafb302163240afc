"""The user's time zone: ``--tz``, else $CRM_DESKTOP_TZ (read once at start), else the
saved setting, else Europe/Berlin; changed while running through ``LocalZone.set``."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from crm_desktop import clock
from crm_desktop.clock import DEFAULT_TZ, ENV_TZ, LocalZone, start_zone


@pytest.mark.parametrize(
    ("option", "env", "saved", "expected"),
    [
        ("Asia/Tokyo", "America/New_York", "Europe/Vienna", "Asia/Tokyo"),
        (None, "America/New_York", "Europe/Vienna", "America/New_York"),
        (None, None, "Europe/Vienna", "Europe/Vienna"),
        (None, None, None, DEFAULT_TZ),
        (None, "Mars/Olympus", "Europe/Vienna", "Europe/Vienna"),  # unknown: passed over
        (None, None, "Nowhere", DEFAULT_TZ),
    ],
)
def test_the_order_of_the_sources(
    option: str | None, env: str | None, saved: str | None, expected: str
) -> None:
    zone = LocalZone()
    start_zone(option, {ENV_TZ: env} if env else {}, zone=zone)
    zone.apply_saved(saved)
    assert zone.name == expected


def test_set_changes_the_zone_and_tells_listeners() -> None:
    zone = LocalZone("Europe/Berlin")
    seen: list[str] = []
    stop = zone.on_change(lambda z: seen.append(z.key))
    zone.set("America/New_York")
    zone.set("America/New_York")  # no change, no call
    with pytest.raises(ValueError):
        zone.set("Atlantis/Capital")
    assert zone.name == "America/New_York" and seen == ["America/New_York"]
    stop()
    zone.set("Europe/Berlin")
    assert seen == ["America/New_York"]


def test_local_zone_follows_the_running_zone_not_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = clock.USER_ZONE.name
    monkeypatch.setenv(ENV_TZ, "Asia/Tokyo")  # after the start: no effect any more
    try:
        clock.USER_ZONE.set("America/New_York")
        assert clock.local_zone().key == "America/New_York"
        moment = dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.UTC)
        assert clock.to_local(moment).hour == 8
        assert clock.local_zone("Europe/Berlin").key == "Europe/Berlin"
    finally:
        clock.USER_ZONE.set(before)
    assert os.environ[ENV_TZ] == "Asia/Tokyo"


def test_the_command_line_reads_tz(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from crm_desktop.cli.main import build_parser, main, wants_command

    monkeypatch.delenv(ENV_TZ, raising=False)
    before = clock.USER_ZONE.name
    try:
        assert main(["--data-dir", str(tmp_path), "--tz", "Asia/Tokyo", "due", "--json"]) == 0
        assert clock.USER_ZONE.name == "Asia/Tokyo"
        assert main(["--data-dir", str(tmp_path), "due", "--json"]) == 0
        assert clock.USER_ZONE.name == DEFAULT_TZ  # no --tz, no $CRM_DESKTOP_TZ
    finally:
        clock.USER_ZONE.set(before)
    capsys.readouterr()
    assert not wants_command(["--tz", "Europe/Vienna", "--phone-region", "AT"])
    args = build_parser(with_commands=False).parse_args(["--tz", "Europe/Vienna"])
    assert args.tz == "Europe/Vienna"
    with pytest.raises(SystemExit):
        build_parser(with_commands=False).parse_args(["--tz", "Nowhere/Land"])
    assert ENV_TZ not in os.environ


# Qt picks its platform plugin from the environment before any window exists; these two
# only fill in "offscreen" for a headless PDF / self-test run (not settings).
ENVIRON_WRITERS_ALLOWED = {
    ("crm_desktop/ui/reports.py", "QT_QPA_PLATFORM"),
    ("crm_desktop/selftest.py", "QT_QPA_PLATFORM"),
}


def _environ_writes(path: Path) -> list[tuple[int, str]]:
    """(line, variable) of each ``os.environ[...] = …``, ``os.environ.setdefault/update/
    pop(...)``, ``del os.environ[...]`` and ``os.putenv(...)`` in ``path``."""
    import ast

    def is_environ(node: ast.AST) -> bool:
        return isinstance(node, ast.Attribute) and node.attr == "environ"

    def key(node: ast.AST | None) -> str:
        return str(node.value) if isinstance(node, ast.Constant) else "?"

    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[ast.AST] = []
        if isinstance(node, ast.Assign | ast.AugAssign | ast.Delete):
            targets = list(node.targets) if not isinstance(node, ast.AugAssign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Subscript) and is_environ(target.value):
                found.append((node.lineno, key(target.slice)))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            func = node.func
            first = node.args[0] if node.args else None
            mutates = is_environ(func.value) and func.attr in ("setdefault", "update", "pop")
            if mutates or func.attr in ("putenv", "unsetenv"):
                found.append((node.lineno, key(first)))
    return found


def test_no_module_writes_the_environment() -> None:
    import crm_desktop

    root = Path(crm_desktop.__file__).parent.parent
    writes = [
        (path.relative_to(root).as_posix(), line, name)
        for path in sorted((root / "crm_desktop").rglob("*.py"))
        for line, name in _environ_writes(path)
    ]
    assert [w for w in writes if (w[0], w[2]) not in ENVIRON_WRITERS_ALLOWED] == []


def test_the_environment_check_sees_writes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import os\n"
        "os.environ['CRM_DESKTOP_TZ'] = 'UTC'\n"
        "os.environ.setdefault('A', 'b')\n"
        "del os.environ['B']\n"
        "os.putenv('C', 'd')\n"
        "x = os.environ.get('D')\n",
        encoding="utf-8",
    )
    assert sorted(_environ_writes(bad)) == [(2, "CRM_DESKTOP_TZ"), (3, "A"), (4, "B"), (5, "C")]
