"""Company records and how two companies are scored."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import OSA

from crm_desktop.services.dedup.keys import (
    _NON_WORD,
    FREEMAIL,
    _email_parts,
    ascii_fold,
    fold_token,
    street_key,
    website_domain,
)
from crm_desktop.services.dedup.people import (
    _umlautish,
)
from crm_desktop.services.dedup.results import (
    R_COMPANY_ORDER,
    R_COMPANY_PART,
    R_COMPANY_TYPO,
    R_LEGAL_FORM,
    R_OTHER_ADDRESS,
    R_OTHER_LEGAL_FORM,
    R_OTHER_VAT,
    R_SAME_ADDRESS,
    R_SAME_COMPANY_NAME,
    R_SAME_DOMAIN,
    R_SAME_EMAIL,
    R_SAME_PHONE,
    R_SAME_VAT,
    R_SAME_WEBSITE,
    R_SPELLING,
    R_UMLAUT,
)

# ---------------------------------------------------------------- companies

_LEGAL_FORMS = re.compile(
    r"""(?x)
    \b(?:gmbh|ag|ug|se|ltd|limited|inc|llc|corp|plc)\s*(?:&|und|and|\+)\s*co\.?\s*(?:kgaa|kg|ohg)?
    | \bug\s*\(?\s*haftungsbeschrankt\s*\)?
    | \be\.\s*(?:kfm|kfr|k)\b\.?
    | \be\.\s*v\b\.?
    | \b(?:gmbh|mbh|ag|kgaa|kg|ohg|gbr|ug|partg(?:mbb)?|ltd|limited|inc|incorporated|llc|corp
        |corporation|plc|sarl|s\.a\.r\.l|sa|bv|b\.v|nv|n\.v|srl|spa|oy|ab|as|aps|sas|eg|ek
        |gesmbh|co)\b\.?
    """
)
_AND_WORDS = re.compile(r"\s*(?:&|\+|\bund\b|\band\b)\s*")


class CompanyKey(NamedTuple):
    plain: str
    core: str  # tokens joined by a space, legal form removed
    toks: tuple[str, ...]
    legal: str  # the legal form found ("gmbh", "ag"...)


_LEGAL_NORMAL = re.compile(r"[^a-z&]+")


@lru_cache(maxsize=100_000)
def company_key(name: str | None, legal_form: str | None = None) -> CompanyKey:
    raw = " ".join((name or "").split())
    folded = ascii_fold(raw)
    found = [m.group(0) for m in _LEGAL_FORMS.finditer(folded)]
    core_text = _LEGAL_FORMS.sub(" ", folded)
    core_text = _AND_WORDS.sub(" ", core_text)
    toks = tuple(fold_token(t) for t in _NON_WORD.split(core_text) if t)
    if not toks:  # a name that is nothing but a legal form
        toks = tuple(fold_token(t) for t in _NON_WORD.split(folded) if t)
    legal_src = legal_form or (found[-1] if found else "")
    legal = _LEGAL_NORMAL.sub("", ascii_fold(legal_src))
    return CompanyKey(plain=raw.lower(), core=" ".join(toks), toks=toks, legal=legal)


@dataclass(slots=True)
class CompanyRec:
    id: int
    name: CompanyKey
    parent_id: int | None
    vat: str
    domain: str
    phones: frozenset[str]
    emails: frozenset[str]
    domains: frozenset[str]  # e-mail domains that are not freemail
    addresses: frozenset[tuple[str, str]]
    postcodes: frozenset[str]
    cities: frozenset[str]
    display: str = ""


def make_company_rec(
    company_id: int,
    name: str,
    *,
    legal_form: str | None = None,
    parent_id: int | None = None,
    vat_id: str | None = None,
    website: str | None = None,
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    addresses: Iterable[tuple[str, str, str]] = (),
) -> CompanyRec:
    email_set = frozenset(e.strip().lower() for e in emails if e and "@" in e)
    domains = frozenset(
        d for d in (_email_parts(e)[1] for e in email_set) if d and d not in FREEMAIL
    )
    addr_set, postcodes, cities = set(), set(), set()
    for postcode, street, city in addresses:
        pc = (postcode or "").strip().upper().replace(" ", "")
        if pc:
            postcodes.add(pc)
        if city:
            cities.add(_NON_WORD.sub("", ascii_fold(city)))
        sk = street_key(street)
        if pc and sk:
            addr_set.add((pc, sk))
    vat = re.sub(r"[^A-Z0-9]", "", (vat_id or "").upper())
    return CompanyRec(
        id=company_id,
        name=company_key(name, legal_form),
        parent_id=parent_id,
        vat=vat,
        domain=website_domain(website),
        phones=frozenset(p for p in phones if p),
        emails=email_set,
        domains=domains,
        addresses=frozenset(addr_set),
        postcodes=frozenset(postcodes),
        cities=frozenset(cities),
        display=name,
    )


def _company_name_score(a: CompanyKey, b: CompanyKey) -> tuple[int, str | None]:
    if not a.core or not b.core:
        return 0, None
    if a.core == b.core:
        if a.plain == b.plain:
            return 60, R_SAME_COMPANY_NAME
        if a.legal != b.legal:
            return 60, R_LEGAL_FORM
        if _umlautish(a.plain, b.plain):
            return 60, R_UMLAUT
        return 60, R_SAME_COMPANY_NAME
    ka, kb = a.core.replace(" ", ""), b.core.replace(" ", "")
    if ka == kb:
        return 58, R_SPELLING
    if sorted(a.toks) == sorted(b.toks):
        return 55, R_COMPANY_ORDER
    short = min(len(ka), len(kb))
    dist = OSA.distance(ka, kb, score_cutoff=3)
    if short >= 5 and (dist <= 1 or (dist <= 2 and short >= 10)):
        return 50, R_COMPANY_TYPO
    sa, sb = set(a.toks), set(b.toks)
    small = sa if len(sa) <= len(sb) else sb
    if (sa <= sb or sb <= sa) and any(len(t) >= 4 for t in small):
        return 35, R_COMPANY_PART
    return 0, None


def score_companies(a: CompanyRec, b: CompanyRec) -> tuple[int, tuple[str, ...]]:
    """Score 0..100 that two companies are the same, with the reasons."""
    if a.parent_id == b.id or b.parent_id == a.id:
        return 0, ()  # a branch is not a duplicate of its parent
    base, reason = _company_name_score(a.name, b.name)
    same_vat = bool(a.vat) and a.vat == b.vat
    if base == 0 and not same_vat and not (a.domain and a.domain == b.domain):
        return 0, ()
    reasons: list[str] = [reason] if reason else []
    negatives: list[str] = []
    score = base or 20
    cap = 100
    if same_vat:
        score += 40
        reasons.append(R_SAME_VAT)
    elif a.vat and b.vat:
        score -= 60
        cap = 30
        negatives.append(R_OTHER_VAT)
    if a.domain and a.domain == b.domain:
        score += 30
        reasons.append(R_SAME_WEBSITE)
    elif a.emails & b.emails:
        score += 20
        reasons.append(R_SAME_EMAIL)
    elif a.domains & b.domains:
        score += 15
        reasons.append(R_SAME_DOMAIN)
    if a.phones & b.phones:
        score += 20
        reasons.append(R_SAME_PHONE)
    if a.addresses & b.addresses:
        score += 15
        reasons.append(R_SAME_ADDRESS)
    elif (
        a.postcodes
        and b.postcodes
        and not (a.postcodes & b.postcodes)
        and not (a.cities & b.cities)
    ):
        score -= 12
        negatives.append(R_OTHER_ADDRESS)
    if a.name.legal and b.name.legal and a.name.legal != b.name.legal and reason != R_LEGAL_FORM:
        score -= 5
        negatives.append(R_OTHER_LEGAL_FORM)
    score = max(0, min(score, cap, 100))
    return score, tuple(reasons + negatives)
