"""The marker for texts that are translated later (no Qt here).

``QT_TRANSLATE_NOOP("errors", "The name is missing.")`` returns the text unchanged; its only
job is that ``pyside6-lupdate`` (which recognises the name, like Qt's macro) puts the text into
the .ts file under that context.  The ui translates it when it shows it (errors through
:func:`crm_desktop.ui.i18n.translate_error`, printout labels through the ``tr`` callable of
:mod:`crm_desktop.services.sheets`).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate under ``context`` and returns it unchanged."""
    return text
