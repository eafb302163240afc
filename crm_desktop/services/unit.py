"""The unit of work the ui hands to services.

The ui opens ``with store.session() as s`` (or ``store.reader()``) and passes ``s`` on
to a service function; it never queries it itself (``tests/ui/test_layers_ui.py``).
This module only names the session type for the ui's annotations, so the ui imports
nothing from SQLAlchemy.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

__all__ = ["Session"]
