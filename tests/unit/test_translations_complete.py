"""lupdate sees every translatable text, and the German .ts translates all of them.

``make translations`` is lupdate (``-no-obsolete``) plus lrelease and nothing else, so the .ts
must agree with what lupdate finds in the sources:

- a text of the sources that the .ts lacks, or has without German, is named (add the German);
- an entry of the .ts that lupdate no longer finds ("vanished": the text changed, or the call
  site hides it behind a variable context or an f-string) is named, since the next
  ``make translations`` would drop its German;
- every message the domain raises and every printout label is marked with
  ``QT_TRANSLATE_NOOP(context, "...")`` (the domain has no Qt; lupdate only sees marked texts)
  and has its German in that context.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import crm_desktop

PACKAGE = Path(crm_desktop.__file__).parent
ROOT = PACKAGE.parent
TS = ROOT / "resources" / "translations" / "crm_desktop_de.ts"
DOMAIN = ("services", "interop", "data", "domain")
MARK = "QT_TRANSLATE_NOOP"


def _lupdate() -> str:
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(exe) if exe.exists() else shutil.which("pyside6-lupdate")
    if found is None:
        pytest.skip("pyside6-lupdate is not installed")
    return found


def _sources() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts]


def _entries(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> the translation's type ("unfinished", "vanished", …; None: done)."""
    out: dict[tuple[str, str], str | None] = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type") if tr is not None else "unfinished"
            if kind is None and tr is not None:
                forms = [f.text for f in tr.iter("numerusform")] or [tr.text]
                if not all((f or "").strip() for f in forms):
                    kind = "unfinished"
            out[(name, msg.findtext("source") or "")] = kind
    return out


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str | None]:
    """The .ts as lupdate would leave it (obsolete entries kept, so that they can be named)."""
    copy = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copy(TS, copy)
    subprocess.run(
        [_lupdate(), "-locations", "none", *map(str, _sources()), "-ts", str(copy)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return _entries(copy)


def _listing(keys: list[tuple[str, str]]) -> str:
    return "\n".join(f"  [{ctx}] {text!r}" for ctx, text in sorted(keys))


def test_every_source_text_has_its_german(updated: dict[tuple[str, str], str | None]) -> None:
    missing = [k for k, kind in updated.items() if kind == "unfinished"]
    assert not missing, (
        "texts of the sources without German in crm_desktop_de.ts (run `make translations` "
        "and translate them):\n" + _listing(missing)
    )


def test_no_entry_of_the_ts_vanished(updated: dict[tuple[str, str], str | None]) -> None:
    gone = [k for k, kind in updated.items() if kind in ("vanished", "obsolete")]
    assert not gone, (
        "entries of crm_desktop_de.ts lupdate no longer finds in the sources (a changed text, a "
        "context passed through a variable, a call inside an f-string; or a dead string: "
        "`make translations` drops them):\n" + _listing(gone)
    )


def _domain_messages() -> tuple[list[tuple[str, str]], list[str]]:
    """(context, text) of every marked text; and the error messages that are not marked."""
    marked: list[tuple[str, str]] = []
    unmarked: list[str] = []
    for path in _sources():
        rel = path.relative_to(PACKAGE).as_posix()
        domain = rel.split("/", 1)[0] in DOMAIN or rel == "errors.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.args[0]
            if name == MARK and len(node.args) == 2:
                ctx, text = node.args
                if not (isinstance(ctx, ast.Constant) and isinstance(text, ast.Constant)):
                    unmarked.append(f"{rel}:{node.lineno}: {MARK} needs literal arguments")
                else:
                    marked.append((ctx.value, text.value))
            elif (
                isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and (
                    (domain and name.endswith("Error"))
                    or (rel == "services/sheets.py" and name == "tr")
                )
            ):
                unmarked.append(f"{rel}:{node.lineno}: {first.value!r}")
    return marked, unmarked


def test_domain_messages_are_marked_and_translated() -> None:
    marked, unmarked = _domain_messages()
    assert not unmarked, (
        'domain texts lupdate cannot see; write them as QT_TRANSLATE_NOOP("errors", "...") '
        '(printout labels: "Sheets"), e.g. with /tmp/tr_codemod.py:\n' + "\n".join(unmarked)
    )
    entries = _entries(TS)
    untranslated = sorted({k for k in marked if entries.get(k, "unfinished") is not None})
    assert not untranslated, "marked texts without German in crm_desktop_de.ts:\n" + _listing(
        untranslated
    )
    assert len({k for k in marked if k[0] == "errors"}) > 200  # the domain's messages are seen
