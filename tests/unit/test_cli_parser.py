"""Starting the window does not import the command modules; commands still parse."""

from __future__ import annotations

import pytest

from crm_desktop.cli.main import build_parser, wants_command


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], False),
        (["--data-dir", "/tmp/x"], False),
        (["--data-dir=/tmp/x", "--lang", "de"], False),
        (["--database-url", "postgresql://h/db"], False),
        (["--selftest"], False),
        (["--data-dir", "/tmp/x", "check"], True),
        (["duplicates", "--json"], True),
        (["--help"], True),
        (["-h"], True),
    ],
)
def test_wants_command(argv: list[str], expected: bool) -> None:
    assert wants_command(argv) is expected


def test_light_parser_reads_the_global_options() -> None:
    args = build_parser(with_commands=False).parse_args(["--data-dir", "/tmp/x", "--lang", "de"])
    assert (args.command, args.data_dir, args.lang, args.selftest) == (None, "/tmp/x", "de", False)
    full = build_parser().parse_args(["--data-dir", "/tmp/x", "duplicates", "--json"])
    assert full.command == "duplicates" and callable(full.func)
