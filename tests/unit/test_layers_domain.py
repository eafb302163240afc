"""The layers below the services: interop reads and writes files from plain data, the
domain holds rules every layer shares.

- ``crm_desktop.interop`` imports nothing of ``crm_desktop.data``, ``.services`` or
  ``.ui`` (only ``crm_desktop.domain``, the top-level ``errors`` and ``clock``
  modules, itself, the standard library and third-party packages);
- ``crm_desktop.domain`` imports nothing of the program but ``crm_desktop.errors``
  and itself: no data, services, interop, ui, Qt or SQLAlchemy.

Checked twice: every import statement in the sources (also those inside functions and
``if TYPE_CHECKING:``), and what importing the modules really loads, in a clean
interpreter.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import crm_desktop

PACKAGE = Path(crm_desktop.__file__).parent

INTEROP_MAY = (
    "crm_desktop.domain",
    "crm_desktop.interop",
    "crm_desktop.errors",
    "crm_desktop.clock",
)
DOMAIN_MAY = ("crm_desktop.domain", "crm_desktop.errors")
DOMAIN_NEVER = ("PySide6", "shiboken6", "sqlalchemy", "alembic")


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every absolute import in ``path``, also inside functions and ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "crm_desktop":  # ``from crm_desktop import x``
                found += [(node.lineno, f"crm_desktop.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, node.module))
    return found


def _offences(package: str, allowed: tuple[str, ...], never: tuple[str, ...] = ()) -> list[str]:
    bad: list[str] = []
    for path in sorted((PACKAGE / package).rglob("*.py")):
        for line, name in _imports(path):
            own = name == "crm_desktop" or name.startswith("crm_desktop.")
            if name == "crm_desktop.__version__":
                continue
            if own and not name.startswith(allowed):
                bad.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}")
            if name.startswith(never):
                bad.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}")
    return bad


def test_interop_imports_no_data_services_or_ui() -> None:
    assert _offences("interop", INTEROP_MAY) == []


def test_domain_imports_only_itself_and_errors() -> None:
    assert (PACKAGE / "domain" / "kinds.py").exists()
    assert _offences("domain", DOMAIN_MAY, DOMAIN_NEVER) == []


def test_the_check_sees_a_bad_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from crm_desktop.data.models import Person\n"
        "def f():\n"
        "    from crm_desktop.services import calendar\n",
        encoding="utf-8",
    )
    assert sorted(_imports(bad)) == [
        (1, "typing"),
        (3, "crm_desktop.data.models"),
        (5, "crm_desktop.services"),
    ]


def test_importing_interop_and_domain_loads_no_lower_layer() -> None:
    modules = sorted(
        "crm_desktop." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for package in ("interop", "domain")
        for p in (PACKAGE / package).rglob("*.py")
        if p.name != "__init__.py"
    )
    assert "crm_desktop.interop.ical" in modules and "crm_desktop.domain.cardguard" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(("
        "'crm_desktop.data', 'crm_desktop.services', 'crm_desktop.ui', 'PySide6', "
        "'sqlalchemy')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"loaded below the services: {out.stdout}"
