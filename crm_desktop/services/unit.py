"""The unit of work the ui hands to services.

The ui does not open it itself: ``crm_desktop.ui.ops.read`` (a quick read on the GUI
thread), ``crm_desktop.ui.ops.write`` (a write that commits, then publishes its change
record) and the background runner (``crm_desktop.ui.tasks.TaskRunner``) open it and
pass the session to the ui's function, which hands it on to a service function; the
ui never queries it itself (``tests/ui/test_layers_ui.py``). This module only names
the session type for the ui's annotations, so the ui imports nothing from SQLAlchemy.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

__all__ = ["Session"]
