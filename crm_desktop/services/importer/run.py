"""One import run: matching, deciding and writing together."""

from __future__ import annotations

from crm_desktop.services.importer.deciding import (
    _Deciding,
)
from crm_desktop.services.importer.writing import (
    _Writing,
)


class _Run(_Deciding, _Writing):
    """One import run (see the package docstring): :meth:`preload`, then per chunk
    :meth:`prepare`, :meth:`handle` for each record, :meth:`write`,
    :meth:`finish_chunk`."""
