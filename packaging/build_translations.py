"""Extract and compile the translations.

1. ``pyside6-lupdate -no-obsolete -locations none`` collects every translatable string of
   crm_desktop/ into resources/translations/crm_desktop_de.ts (existing translations are kept):
   ``self.tr("...")``, ``QCoreApplication.translate("Context", "...")`` and, for texts that are
   translated later (the domain's error messages, printout labels, label tables),
   ``QT_TRANSLATE_NOOP("Context", "...")`` from :mod:`crm_desktop.domain.i18n`.
2. ``pyside6-lrelease`` compiles the .ts into the .qm the app loads.

Run with ``make translations``. English is the source language, so English needs no file.
tests/unit/test_translations_complete.py fails when the sources and the .ts disagree.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "crm_desktop"
TS = ROOT / "resources" / "translations" / "crm_desktop_de.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    """The Python files lupdate reads (the migrations hold no user-visible text)."""
    return [str(p) for p in sorted(PKG.rglob("*.py")) if "migrations" not in p.parts]


def lupdate(ts: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_tool("pyside6-lupdate"), *options, "-locations", "none", *sources(), "-ts", str(ts)],
        check=True,
        capture_output=True,
        text=True,
    )


def main() -> int:
    TS.parent.mkdir(parents=True, exist_ok=True)
    print(lupdate(TS, "-no-obsolete").stdout, end="")
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    missing = sum(t.get("type") == "unfinished" for t in ET.parse(TS).getroot().iter("translation"))
    print(f"{TS.name}: {missing} strings still untranslated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
