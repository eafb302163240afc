"""Contact details companies and people share: names, phone numbers, e-mail and
postal addresses, priority histories, slugs, VAT ids and IBANs."""

from __future__ import annotations

import datetime as dt
import random

from stdnum.iso7064 import mod_11_10

from crm_desktop.data import models as m
from crm_desktop.services.demo.common import (
    _tb,
)
from crm_desktop.services.demo.words import (
    GIVEN_NAMES,
    STREET_NAMES,
)
from crm_desktop.services.demo.writer import (
    _Writer,
)

_TRANSLIT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "ë": "e", "ı": "i",
     "ş": "s", "ć": "c", "ç": "c", "ğ": "g", " ": "", "'": "", "&": "", ".": "", "(": "",
     ")": "", ",": ""}
)  # fmt: skip


def _slug(text_: str) -> str:
    out = text_.lower().translate(_TRANSLIT)
    return "".join(ch for ch in out if ch.isascii() and (ch.isalnum() or ch == "-"))


def _vat_id(rng: random.Random) -> str:
    body = str(rng.randint(10_000_000, 99_999_999))
    return "DE" + body + mod_11_10.calc_check_digit(body)


def _iban(rng: random.Random) -> str:
    bban = f"{rng.randint(10_000_000, 87_099_999):08d}{rng.randint(0, 9_999_999_999):010d}"
    check = 98 - int(bban + "131400") % 97  # "DE00" -> D=13 E=14
    return f"DE{check:02d}{bban}"


class _Contacts(_Writer):
    """Phones, e-mails, addresses and priorities of companies and people."""

    def digits(self, n: int) -> str:
        return f"{int(self.rng.random() * 10**n):0{n}d}"

    def phone_base(self, area: str) -> str:
        digits = 8 - len(area)
        first = str(self.rng.randint(2, 9))
        return f"+49{area}{first}{self.digits(digits - 1)}"

    def mobile(self) -> str:
        prefix = self.pick(("151", "152", "157", "160", "170", "171", "172", "175", "176", "177"))
        length = 8 if prefix.startswith("15") else 7
        return "+49" + prefix + self.digits(length)

    def street(self) -> str:
        number = self.rng.randint(1, 140)
        suffix = self.pick(("", "", "", "", "", "a", "b")) if number < 60 else ""
        return f"{self.pick(STREET_NAMES)} {number}{suffix}"

    def add_address(
        self, kind: str, city: tuple[str, tuple[str, ...], str, str], *, company_id: int | None = None,
        person_id: int | None = None, extra: str | None = None,
    ) -> None:  # fmt: skip
        t = _tb(m.Address)
        self.add(
            t,
            {
                "id": self.new_id(t),
                "company_id": company_id,
                "person_id": person_id,
                "kind": kind,
                "street": self.street(),
                "extra": extra,
                "postcode": self.pick(city[1]),
                "city": city[0],
                "region": city[3],
                "country": "DE",
            },
        )

    def add_phone(self, number: str, kind: str, *, company_id: int | None = None,
                  person_id: int | None = None, label: str | None = None) -> None:  # fmt: skip
        t = _tb(m.Phone)
        row = {"id": self.new_id(t), "company_id": company_id, "person_id": person_id,
               "kind": kind, "number": number, "label": label}  # fmt: skip
        self.add(t, row)

    def add_email(self, address: str, kind: str, *, company_id: int | None = None,
                  person_id: int | None = None) -> None:  # fmt: skip
        t = _tb(m.Email)
        row = {"id": self.new_id(t), "company_id": company_id, "person_id": person_id,
               "kind": kind, "address": address}  # fmt: skip
        self.add(t, row)

    def priority_history(self, final: str, created: dt.datetime, *, company_id: int | None = None,
                         person_id: int | None = None) -> None:  # fmt: skip
        t = _tb(m.PriorityChange)
        lt = self.light
        first = final
        changed = self.rng.random() < 0.35
        if changed:
            first = self.pick([p for p in ("A", "B", "C") if p != final])
        self.add(t, {"id": self.new_id(t), "company_id": company_id, "person_id": person_id,
                     "old": None, "new": first, "changed_at": lt.ts(created),
                     "reason": "Ersteinstufung"})  # fmt: skip
        if changed:
            span = max(1, int((self.now_naive - created).days))
            at = created + dt.timedelta(days=self.rng.randint(1, span))
            better = "ABC".index(final) < "ABC".index(first)
            reason = self.pick(
                ("Umsatz gestiegen", "strategischer Kunde", "Rahmenvertrag abgeschlossen")
                if better
                else (
                    "Umsatz rückläufig",
                    "seit Monaten keine Bestellung",
                    "Ansprechpartner gewechselt",
                )
            )
            self.add(t, {"id": self.new_id(t), "company_id": company_id, "person_id": person_id,
                         "old": first, "new": final, "changed_at": lt.ts(min(at, self.now_naive)),
                         "reason": reason})  # fmt: skip

    def draw_name(self) -> tuple[str, bool, str]:
        given, female = self.pick(GIVEN_NAMES)
        return given, female, self.pick(self.family_pool)
