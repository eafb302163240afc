"""Form building blocks shared by the dialogs and the detail panes, one room each.

- :mod:`~crm_desktop.ui.forms.style`: the red frame of a field with an error.
- :mod:`~crm_desktop.ui.forms.widgets`: small widgets (:class:`ErrorLabel`, :class:`Banner`,
  :class:`EnumCombo`, :class:`DateEdit`, :class:`LinkLabel`, :class:`Badge`) and links.
- :mod:`~crm_desktop.ui.forms.record_combo`: :class:`RecordCombo` and its record sources.
- :mod:`~crm_desktop.ui.forms.routing`: :class:`FormPage`, :class:`ErrorRouter` and
  :func:`save_with_errors` (one unit of work, every error collected, all rolled back on failure).
- :mod:`~crm_desktop.ui.forms.editors`: list editors for phones, e-mails, addresses, bank
  accounts and free profile fields.
- :mod:`~crm_desktop.ui.forms.helpers`: small constructors.

Every public name is re-exported here, so ``from crm_desktop.ui.forms import X`` keeps working.
"""

from __future__ import annotations

from crm_desktop.ui.forms.editors import (
    KIND_WIDTH,
    AddressListEditor,
    BankListEditor,
    EmailListEditor,
    ListEditor,
    PhoneListEditor,
    ProfileFieldsEditor,
)
from crm_desktop.ui.forms.helpers import plain_text, scrolled, text_or_none
from crm_desktop.ui.forms.record_combo import (
    RecordCombo,
    RecordFetch,
    company_choice,
    company_source,
    people_source,
    person_choice,
)
from crm_desktop.ui.forms.routing import (
    ErrorRouter,
    ErrorTarget,
    FormPage,
    card_errors,
    collect,
    multiple,
    save_with_errors,
)
from crm_desktop.ui.forms.style import ERROR_COLOR, FORM_STYLE, set_invalid
from crm_desktop.ui.forms.widgets import (
    Badge,
    Banner,
    DateEdit,
    EnumCombo,
    ErrorLabel,
    LinkLabel,
    link,
    mailto_link,
    record_link,
    shortcut,
    tel_link,
    web_link,
)

__all__ = [
    "ERROR_COLOR",
    "FORM_STYLE",
    "KIND_WIDTH",
    "AddressListEditor",
    "Badge",
    "BankListEditor",
    "Banner",
    "DateEdit",
    "EmailListEditor",
    "EnumCombo",
    "ErrorLabel",
    "ErrorRouter",
    "ErrorTarget",
    "FormPage",
    "LinkLabel",
    "ListEditor",
    "PhoneListEditor",
    "ProfileFieldsEditor",
    "RecordCombo",
    "RecordFetch",
    "card_errors",
    "collect",
    "company_choice",
    "company_source",
    "link",
    "mailto_link",
    "multiple",
    "people_source",
    "person_choice",
    "plain_text",
    "record_link",
    "save_with_errors",
    "scrolled",
    "set_invalid",
    "shortcut",
    "tel_link",
    "text_or_none",
    "web_link",
]
