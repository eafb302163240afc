"""Find bundled resources (icons, translations) from the source tree or a frozen build.

Resources live in ``resources/`` at the top of the source tree. A PyInstaller bundle
unpacks them below ``sys._MEIPASS`` (the spec adds ``resources`` as a data folder),
so one helper serves both; ``$CRM_DESKTOP_RESOURCES`` overrides both (packagers).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_RESOURCES = "CRM_DESKTOP_RESOURCES"


def resources_root() -> Path:
    """The folder that holds ``icons/`` and ``translations/``."""
    override = os.environ.get(ENV_RESOURCES)
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of one resource, e.g. ``resource_path("icons", "person.svg")``.

    The path is returned even when the file is missing; callers decide whether a
    missing resource is fatal (it rarely is: a missing icon shows no icon).
    """
    return resources_root().joinpath(*parts)


def icon_path(name: str) -> Path:
    return resource_path("icons", f"{name}.svg")


def translation_path(lang: str) -> Path:
    return resource_path("translations", f"crm_desktop_{lang}.qm")
