"""Extract, merge and compile the translations.

1. ``pyside6-lupdate`` collects every ``tr()``/``translate()`` string of crm_desktop/ into
   resources/translations/crm_desktop_de.ts (existing translations are kept).
2. The domain's error messages (first string argument of ``...Error(...)`` calls in
   services/, interop/, data/, domain/ and errors.py) are added under the context "errors", since
   the domain does not import Qt and lupdate cannot see them.
3. ``pyside6-lrelease`` compiles the .ts into the .qm the app loads.

Run with ``make translations``. English is the source language, so English needs no file.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "crm_desktop"
TS = ROOT / "resources" / "translations" / "crm_desktop_de.ts"
# messages lupdate cannot see (the domain's errors, printout labels) live in their own
# file, so that lupdate never marks them obsolete
TS_DOMAIN = ROOT / "resources" / "translations" / "crm_desktop_domain_de.ts"
QM = TS.with_suffix(".qm")
EMPTY_TS = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    '<TS version="2.1" language="de_DE" sourcelanguage="en"></TS>\n'
)


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def error_messages() -> list[str]:
    found: list[str] = []
    files = [PKG / "errors.py", *sorted((PKG / "services").rglob("*.py"))]
    files += sorted((PKG / "interop").rglob("*.py")) + sorted((PKG / "data").glob("*.py"))
    files += sorted((PKG / "domain").rglob("*.py"))
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.args[0]
            if (
                name.endswith("Error")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and first.value not in found
            ):
                found.append(first.value)
    return found


def sheet_labels() -> list[str]:
    """Labels of the printouts (services/sheets.py passes them through ``tr``)."""
    from crm_desktop.data import models

    path = PKG / "services" / "sheets.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "tr"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append(node.args[0].value)
    from crm_desktop.services.sheets import KIND_LABELS

    found += list(KIND_LABELS.values())
    for enum_cls in (models.CompanyStatus, models.TicketStatus, models.ProjectStatus):
        found += [m.value for m in enum_cls]
    found += ["Contact sheet", "Agenda", "Dashboard {start} – {end}"]
    return list(dict.fromkeys(found))


def add_error_context(ts: Path, messages: list[str], context: str = "errors") -> int:
    tree = ET.parse(ts)
    root = tree.getroot()
    ctx = next((c for c in root.findall("context") if c.findtext("name") == context), None)
    if ctx is None:
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
    have = {m.findtext("source") for m in ctx.findall("message")}
    added = 0
    for text in messages:
        if text in have:
            continue
        msg = ET.SubElement(ctx, "message")
        ET.SubElement(msg, "source").text = text
        ET.SubElement(msg, "translation", {"type": "unfinished"})
        added += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return added


def main() -> int:
    TS.parent.mkdir(parents=True, exist_ok=True)
    sources = [str(p) for p in sorted(PKG.rglob("*.py")) if "migrations" not in p.parts]
    subprocess.run(
        [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(TS)],
        check=True,
    )
    sys.path.insert(0, str(ROOT))
    if not TS_DOMAIN.exists():
        TS_DOMAIN.write_text(EMPTY_TS, encoding="utf-8")
    added = add_error_context(TS_DOMAIN, error_messages())
    added += add_error_context(TS_DOMAIN, sheet_labels(), "Sheets")
    subprocess.run([_tool("pyside6-lrelease"), str(TS), str(TS_DOMAIN), "-qm", str(QM)], check=True)
    missing = 0
    for ts in (TS, TS_DOMAIN):
        for t in ET.parse(ts).getroot().iter("translation"):
            missing += t.get("type") == "unfinished"
    print(f"{TS.name}: {added} error messages added, {missing} strings still untranslated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
