"""The overview sections of the detail panes as HTML (communication, reach, addresses,
bank), with the colours and small helpers they share.
"""

from __future__ import annotations

import html
import urllib.parse
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from crm_desktop.data.models import (
    Address,
    BankAccount,
    CompanyStatus,
    Email,
    Phone,
    Priority,
)
from crm_desktop.ui.format import (
    format_iban,
)
from crm_desktop.ui.forms import (
    mailto_link,
    tel_link,
    web_link,
)
from crm_desktop.ui.i18n import (
    address_kind_label,
    email_kind_label,
    phone_kind_label,
)

STATUS_COLORS = {
    CompanyStatus.PROSPECT: "#1a73e8",
    CompanyStatus.CUSTOMER: "#188038",
    CompanyStatus.FORMER: "#70757a",
}
PRIORITY_COLORS = {Priority.A: "#c5221f", Priority.B: "#e37400", Priority.C: "#70757a"}
REVIEW_COLOR = "#a15c00"

_MUTED = "color: #6b6b6b;"


def _esc(text: str | None) -> str:
    return html.escape(text or "")


def _muted(text: str) -> str:
    return f'<span style="{_MUTED}">{_esc(text)}</span>'


def _country_name(code: str) -> str:
    from PySide6.QtCore import QLocale

    if not code or code.upper() == "DE":
        return ""
    loc = QLocale(QLocale.Language.AnyLanguage, QLocale.codeToTerritory(code.upper()))
    territory = loc.territory()
    if territory == QLocale.Country.AnyCountry:
        return code.upper()
    return QLocale.territoryToString(territory)


def _map_href(addr: Address) -> str:
    query = ", ".join(
        p for p in (addr.street, f"{addr.postcode} {addr.city}".strip(), addr.country_text) if p
    )
    return "https://www.openstreetmap.org/search?query=" + urllib.parse.quote(query)


def _section(title: str, first: bool = False) -> str:
    space = "" if first else '<p style="font-size:4pt;">&nbsp;</p>'
    return f"{space}<p><b>{_esc(title)}</b></p>"


def _table(rows: list[tuple[str, str, str]]) -> str:
    cells = "".join(
        f'<tr><td style="{_MUTED} padding-right:14px;">{_esc(a)}</td>'
        f'<td style="padding-right:14px;">{b}</td><td style="{_MUTED}">{c}</td></tr>'
        for a, b, c in rows
    )
    return f'<table cellspacing="0" cellpadding="3">{cells}</table>'


def communication_html(
    phones: Sequence[Phone], emails: Sequence[Email], website: str | None = None
) -> str:
    out = [_section(QCoreApplication.translate("DetailPane", "Phone numbers"), first=True)]
    if phones:
        out.append(
            _table([(phone_kind_label(p.kind), tel_link(p.number), _esc(p.label)) for p in phones])
        )
    else:
        out.append(
            _muted(
                QCoreApplication.translate(
                    "DetailPane", "No phone number yet. Press F2 (Edit) to add one."
                )
            )
        )
    out.append(_section(QCoreApplication.translate("DetailPane", "E-mail addresses")))
    if emails:
        out.append(_table([(email_kind_label(e.kind), mailto_link(e.address), "") for e in emails]))
    else:
        out.append(
            _muted(
                QCoreApplication.translate(
                    "DetailPane", "No e-mail address yet. Press F2 (Edit) to add one."
                )
            )
        )
    if website is not None:
        out.append(_section(QCoreApplication.translate("DetailPane", "Website")))
        out.append(web_link(website) if website else _muted("—"))
    return "".join(out)


def reach_html(
    phones: Sequence[Phone],
    emails: Sequence[Email],
    address: Address | None,
    website: str | None,
) -> str:
    """Every way to reach someone, compact, for the overview."""
    rows = [(phone_kind_label(p.kind), tel_link(p.number), _esc(p.label)) for p in phones]
    rows += [(email_kind_label(e.kind), mailto_link(e.address), "") for e in emails]
    if website:
        rows.append((QCoreApplication.translate("DetailPane", "Web"), web_link(website), ""))
    if address is not None:
        rows.append((address_kind_label(address.kind), _esc(address.one_line()), ""))
    if not rows:
        return _muted(
            QCoreApplication.translate(
                "DetailPane", "No phone, e-mail or address yet. Press F2 (Edit)."
            )
        )
    return _table(rows)


def addresses_html(addresses: Sequence[Address]) -> str:
    if not addresses:
        return _muted(
            QCoreApplication.translate("DetailPane", "No address yet. Press F2 (Edit) to add one.")
        )
    blocks = []
    for a in addresses:
        lines = [_esc(a.street)]
        if a.extra:
            lines.append(_esc(a.extra))
        lines.append(_esc(f"{a.postcode} {a.city}".strip()))
        # a country no table knew stays as it was typed ("Südtirol")
        country = _country_name(a.country) if a.country else (a.country_as_typed or "")
        if country:
            lines.append(_esc(country))
        show_on_map = QCoreApplication.translate("DetailPane", "Show on map")
        map_link = f'<a href="{_esc(_map_href(a))}">{_esc(show_on_map)}</a>'
        blocks.append(
            f'<td valign="top" width="260"><b>{_esc(address_kind_label(a.kind))}</b><br>'
            f"{'<br>'.join(lines)}<br><small>{map_link}</small></td>"
        )
    per_row = 3
    rows = [
        "<tr>" + "".join(blocks[i : i + per_row]) + "</tr>" for i in range(0, len(blocks), per_row)
    ]
    return f'<table cellspacing="0" cellpadding="6">{"".join(rows)}</table>'


def bank_html(accounts: Sequence[BankAccount], payment_terms: str | None) -> str:
    out = [_section(QCoreApplication.translate("DetailPane", "Bank accounts"), first=True)]
    if not accounts:
        out.append(
            _muted(
                QCoreApplication.translate(
                    "DetailPane", "No bank account yet. Press F2 (Edit) to add one."
                )
            )
        )
    for acc in accounts:
        rows = [
            (
                QCoreApplication.translate("DetailPane", "IBAN"),
                f"<tt>{_esc(format_iban(acc.iban))}</tt>",
                "",
            ),
            (QCoreApplication.translate("DetailPane", "BIC"), _esc(acc.bic) or _muted("—"), ""),
            (
                QCoreApplication.translate("DetailPane", "Account holder"),
                _esc(acc.holder) or _muted("—"),
                "",
            ),
        ]
        if acc.bank_name:
            rows.append((QCoreApplication.translate("DetailPane", "Bank"), _esc(acc.bank_name), ""))
        out.append(_table(rows))
    out.append(_section(QCoreApplication.translate("DetailPane", "Payment terms")))
    out.append(
        _esc(payment_terms)
        if payment_terms
        else _muted(QCoreApplication.translate("DetailPane", "Not agreed yet."))
    )
    return "".join(out)
