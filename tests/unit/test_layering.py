"""The domain, data and interop layers import no Qt (checked in a clean interpreter)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import crm_desktop.data
import crm_desktop.domain
import crm_desktop.interop
import crm_desktop.services


def _modules() -> list[str]:
    names = []
    for pkg in (crm_desktop.domain, crm_desktop.data, crm_desktop.services, crm_desktop.interop):
        for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            if ".migrations" not in info.name:
                names.append(info.name)
    return names


def test_no_qt_below_the_ui() -> None:
    modules = _modules()
    assert "crm_desktop.services.contacts" in modules
    assert "crm_desktop.domain.cardguard" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt imported by the domain layers: {out.stdout}"
