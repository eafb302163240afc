"""Icons drawn for this program (``resources/icons/*.svg``), loaded once and cached."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from crm_desktop.resources import icon_path

# one icon per node type and per activity kind (ActivityKind values)
NODE_ICONS = ("company", "branch", "department", "person", "no_company")
KIND_ICONS = (
    "call",
    "meeting",
    "email",
    "letter",
    "visit",
    "complaint",
    "service_call",
    "note",
)


@cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (file stem below resources/icons); an empty icon when missing."""
    path = icon_path(name)
    if not path.exists():
        return QIcon()
    return QIcon(str(path))


def kind_icon(kind: str) -> QIcon:
    return icon(kind if kind in KIND_ICONS else "note")


def app_icon() -> QIcon:
    return icon("app")
