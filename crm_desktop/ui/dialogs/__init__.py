"""Edit dialogs for companies, people, departments and activities, one room each.

Each dialog is a :class:`QDialog`: ``exec()``, then ``result_id`` holds the id of
the new or edited record (None when cancelled). The person and company editors
(:class:`PersonForm`, :class:`CompanyForm`) are widgets of their own, so the
detail panes can edit in place with exactly the same fields and checks.

Saving runs one unit of work (:func:`crm_desktop.ui.ops.write`); every validation error
is shown inline under its field, and nothing is saved when anything fails.

- :mod:`~crm_desktop.ui.dialogs.fields`: tab indices, legal forms, field widths, tags
- :mod:`~crm_desktop.ui.dialogs.entity_form`, :mod:`~crm_desktop.ui.dialogs.person_form`,
  :mod:`~crm_desktop.ui.dialogs.company_form`: the editors
- :mod:`~crm_desktop.ui.dialogs.base`: the dialog base
- :mod:`~crm_desktop.ui.dialogs.company`, :mod:`~crm_desktop.ui.dialogs.person` (with the
  duplicate bar), :mod:`~crm_desktop.ui.dialogs.department`,
  :mod:`~crm_desktop.ui.dialogs.activity`: the dialogs
"""

from __future__ import annotations

from crm_desktop.ui.dialogs.activity import ActivityDialog
from crm_desktop.ui.dialogs.company import CompanyDialog
from crm_desktop.ui.dialogs.company_form import CompanyForm
from crm_desktop.ui.dialogs.department import DepartmentDialog
from crm_desktop.ui.dialogs.entity_form import EntityForm
from crm_desktop.ui.dialogs.fields import (
    TAB_ADDRESSES,
    TAB_BANK,
    TAB_COMMUNICATION,
    TAB_OVERVIEW,
    TAB_PROFILE,
)
from crm_desktop.ui.dialogs.person import DuplicateBar, PersonDialog
from crm_desktop.ui.dialogs.person_form import PersonForm

__all__ = [
    "TAB_ADDRESSES",
    "TAB_BANK",
    "TAB_COMMUNICATION",
    "TAB_OVERVIEW",
    "TAB_PROFILE",
    "ActivityDialog",
    "CompanyDialog",
    "CompanyForm",
    "DepartmentDialog",
    "DuplicateBar",
    "EntityForm",
    "PersonDialog",
    "PersonForm",
]
