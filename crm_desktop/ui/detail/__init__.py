"""Detail panes for a company and a person, and the stack that holds them.

A pane shows a header (name, legal form or position, company link, status and
priority badges) and tabs: overview, communication (tel:/mailto: links),
addresses, bank & payment, profile (people), relations, tickets, projects,
opportunities and marketing consent (people).

"Edit" (F2) turns the pane into the same form the dialogs use; Enter saves
everything in one unit of work, Esc cancels. Validation errors appear under the
fields, and nothing is saved while anything is wrong.

- :mod:`~crm_desktop.ui.detail.sections`: the overview sections (HTML) and colours
- :mod:`~crm_desktop.ui.detail.widgets`: shared widgets (:class:`RecordList`, :class:`InfoForm`)
- :mod:`~crm_desktop.ui.detail.pane`: the pane base (header, tabs, edit in place)
- :mod:`~crm_desktop.ui.detail.company`, :mod:`~crm_desktop.ui.detail.person`: the panes
- :mod:`~crm_desktop.ui.detail.stack`: the stack that shows one of them
"""

from __future__ import annotations

from crm_desktop.ui.detail.company import CompanyDetailPane
from crm_desktop.ui.detail.person import PersonDetailPane
from crm_desktop.ui.detail.sections import (
    PRIORITY_COLORS,
    REVIEW_COLOR,
    STATUS_COLORS,
    addresses_html,
    bank_html,
    communication_html,
    reach_html,
)
from crm_desktop.ui.detail.stack import DetailStack
from crm_desktop.ui.detail.widgets import InfoForm, RecordList

__all__ = [
    "PRIORITY_COLORS",
    "REVIEW_COLOR",
    "STATUS_COLORS",
    "CompanyDetailPane",
    "DetailStack",
    "InfoForm",
    "PersonDetailPane",
    "RecordList",
    "addresses_html",
    "bank_html",
    "communication_html",
    "reach_html",
]
