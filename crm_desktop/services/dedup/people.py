"""Person records and how two people are scored."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from crm_desktop.services.dedup.common import (
    _V,
)
from crm_desktop.services.dedup.keys import (
    _NON_WORD,
    _VOWELS,
    GENERIC_LOCALS,
    NameKey,
    _gender,
    _is_mobile,
    _local_key,
    ascii_fold,
    fold_token,
    name_key,
    street_key,
)
from crm_desktop.services.dedup.names import (
    KNOWN_GIVEN,
)
from crm_desktop.services.dedup.results import (
    R_COMMON_NAME,
    R_EMAIL_LOCAL,
    R_EMAIL_SIMILAR,
    R_FAMILY_MISSING,
    R_FAMILY_OTHER,
    R_FAMILY_PART,
    R_GIVEN_MISSING,
    R_GIVEN_PART,
    R_INITIAL,
    R_NEAR_BIRTH,
    R_NICKNAME,
    R_ONE_GENERATION,
    R_OTHER_ADDRESS,
    R_OTHER_BIRTH,
    R_OTHER_GENERATION,
    R_OTHER_PHONE,
    R_OTHER_SALUTATION,
    R_PHONETIC,
    R_SAME_ADDRESS,
    R_SAME_BIRTH,
    R_SAME_COMPANY,
    R_SAME_EMAIL,
    R_SAME_NAME,
    R_SAME_PHONE,
    R_SAME_POSTCODE,
    R_SPELLING,
    R_SPLIT,
    R_SWAPPED,
    R_TYPO,
    R_UMLAUT,
    R_VARIANT,
)

# ---------------------------------------------------------------- person records


@dataclass(slots=True)
class PersonRec:
    """A person prepared for scoring.

    The contact values are tuples of distinct values, not frozensets: the bulk search
    holds a record for every person, and a frozenset takes 216 bytes even with one
    value, a 1-tuple 56 (the empty tuple is a single shared object). Two records have
    only a handful of values each, so looking for a common one in tuples is as fast."""

    id: int
    given: NameKey
    family: NameKey
    gender: str
    birth: dt.date | None
    company_id: int | None
    emails: tuple[str, ...]
    locals: tuple[str, ...]
    phones: tuple[str, ...]
    addresses: tuple[tuple[str, str], ...]  # (postcode, street key)
    postcodes: tuple[str, ...]
    cities: tuple[str, ...]
    display: str = ""


def _distinct(values: Iterable[_V]) -> tuple[_V, ...]:
    """The values without repeats, in their first order."""
    return tuple(dict.fromkeys(values))


def _meet(x: tuple[Hashable, ...], y: tuple[Hashable, ...]) -> bool:
    """Whether two (short) tuples of values have one in common."""
    return any(value in y for value in x)


def make_person_rec(
    person_id: int,
    given: str | None,
    family: str | None,
    *,
    title: str | None = None,
    salutation: str | None = None,
    birth_date: dt.date | None = None,
    company_id: int | None = None,
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    addresses: Iterable[tuple[str, str, str]] = (),
    display: str = "",
) -> PersonRec:
    """A person prepared for scoring; ``addresses`` are (postcode, street, city)."""
    email_set = _distinct(e.strip().lower() for e in emails if e and "@" in e)
    locals_: tuple[str, ...] = ()
    if email_set:
        found = _distinct(_local_key(e.rpartition("@")[0]) for e in email_set)
        locals_ = tuple(x for x in found if len(x) >= 4 and x not in GENERIC_LOCALS)
    addr: dict[tuple[str, str], None] = {}
    pcs: dict[str, None] = {}
    towns: dict[str, None] = {}
    for postcode, street, city in addresses:
        pc = (postcode or "").strip().upper().replace(" ", "")
        sk = street_key(street)
        if pc:
            pcs[pc] = None
        if city:
            towns[_NON_WORD.sub("", ascii_fold(city))] = None
        if pc and sk:
            addr[(pc, sk)] = None
    gkey = name_key(given)
    fkey = name_key(family)
    if not gkey.generation and title:
        gen = name_key(title).generation
        if gen:
            gkey = gkey._replace(generation=gen)
    return PersonRec(
        person_id,
        gkey,
        fkey,
        _gender(salutation),
        birth_date,
        company_id,
        email_set,
        locals_,
        _distinct(filter(None, phones)),
        tuple(addr),
        tuple(pcs),
        tuple(towns),
        display or " ".join(x for x in (given or "", family or "") if x),
    )


# ---------------------------------------------------------------- name comparison

EXACT, CLOSE, WEAK, MISSING, DIFFERENT = 4, 3, 2, 1, 0


def _umlautish(a: str, b: str) -> bool:
    both = a + b
    return any(ch in both for ch in "äöüß") or any(p in both for p in ("ae", "oe", "ue", "ss"))


@lru_cache(maxsize=100_000)
def _gender_variant(x: str, y: str) -> bool:
    """Daniel/Daniela, Christian/Christiane, Mario/Maria, Alexander/Alexandra."""
    for fem, masc in ((x, y), (y, x)):
        for suffix, masc_suffixes in (
            ("a", ("", "o", "us", "e")),
            ("e", ("", "o", "us")),
            ("ie", ("", "o")),
            ("ine", ("", "o", "us")),
            ("ina", ("", "o", "us")),
            ("ia", ("", "o", "us")),
            ("ra", ("er",)),
        ):
            if fem.endswith(suffix) and len(fem) - len(suffix) >= 3:
                stem = fem[: -len(suffix)]
                if masc.startswith(stem) and masc[len(stem) :] in masc_suffixes and masc != fem:
                    return True
    return False


def _typo(a: NameKey, b: NameKey, *, strict: bool) -> bool:
    short = min(len(a.key), len(b.key))
    if short < 4:
        return False
    dist = min(
        OSA.distance(a.key, b.key, score_cutoff=2), OSA.distance(a.flat, b.flat, score_cutoff=2)
    )
    if dist <= 1:
        return True
    return not strict and dist <= 2 and short >= 8


def _vowels(text: str) -> str:
    return _VOWELS.sub("", text.replace("y", "i"))


def part_level(a: NameKey, b: NameKey, *, given: bool) -> tuple[int, str | None]:
    """How well two name fields match, and why."""
    return _part_level(a, b, given)


@lru_cache(maxsize=500_000)
def _part_level(a: NameKey, b: NameKey, given: bool) -> tuple[int, str | None]:
    if not a.key or not b.key:
        return MISSING, None
    if a.key == b.key:
        if a.plain == b.plain:
            return EXACT, None
        return EXACT, (R_UMLAUT if _umlautish(a.plain, b.plain) else R_SPELLING)
    if given:
        if a.initials or b.initials:
            short, long_ = (a, b) if len(a.key) <= len(b.key) else (b, a)
            letters = "".join(t[0] for t in long_.toks)
            if short.initials and letters.startswith(short.key):
                return WEAK, R_INITIAL
            return DIFFERENT, None
        if _gender_variant(a.key, b.key) or _gender_variant(a.toks[0], b.toks[0]):
            return DIFFERENT, None
        sa, sb = set(a.toks), set(b.toks)
        if sa <= sb or sb <= sa:
            return CLOSE, R_GIVEN_PART
        if a.canon == b.canon:
            return CLOSE, R_NICKNAME
        if a.phon == b.phon and _vowels(a.key) == _vowels(b.key):
            return CLOSE, R_VARIANT
        if _typo(a, b, strict=True) and not (a.key in KNOWN_GIVEN and b.key in KNOWN_GIVEN):
            return CLOSE, R_TYPO
        return DIFFERENT, None
    if _typo(a, b, strict=False):
        return CLOSE, R_TYPO
    sa, sb = set(a.toks), set(b.toks)
    if (sa & sb) and (sa <= sb or sb <= sa):
        return WEAK, R_FAMILY_PART
    if a.phon and a.phon == b.phon:
        return WEAK, R_PHONETIC
    return DIFFERENT, None


# base points for (given level, family level)
_BASE: dict[tuple[int, int], int] = {
    (EXACT, EXACT): 60,
    (CLOSE, EXACT): 52,
    (EXACT, CLOSE): 52,
    (CLOSE, CLOSE): 40,
    (WEAK, EXACT): 45,
    (WEAK, CLOSE): 35,
    (MISSING, EXACT): 45,
    (MISSING, CLOSE): 30,
    (EXACT, WEAK): 45,
    (CLOSE, WEAK): 35,
    (WEAK, WEAK): 25,
    (MISSING, WEAK): 20,
    (EXACT, MISSING): 30,
    (CLOSE, MISSING): 22,
    (WEAK, MISSING): 12,
    (EXACT, DIFFERENT): 20,
    (CLOSE, DIFFERENT): 10,
}


def _name_score(a: PersonRec, b: PersonRec) -> tuple[int, list[str]]:
    gl, gr = part_level(a.given, b.given, given=True)
    fl, fr = part_level(a.family, b.family, given=False)
    base = _BASE.get((gl, fl), 0)
    reasons: list[str] = []
    if gl == EXACT and fl == EXACT:
        reasons.append(gr or fr or R_SAME_NAME)
        if gr and fr and gr != fr:
            reasons.append(fr)
    else:
        for level, reason, missing in ((gl, gr, R_GIVEN_MISSING), (fl, fr, R_FAMILY_MISSING)):
            if reason and reason not in reasons:
                reasons.append(reason)
            elif level == MISSING and (a.given.key or a.family.key):
                reasons.append(missing)
        if fl == DIFFERENT and base:
            reasons.append(R_FAMILY_OTHER)
    if base < 60 and a.given.key and a.family.key and b.given.key and b.family.key:
        # swapped fields
        sg, sgr = part_level(a.given, b.family, given=False)
        sf, sfr = part_level(a.family, b.given, given=False)
        if sg >= CLOSE and sf >= CLOSE:
            swapped = _BASE.get((sf, sg), 0) - 5
            if swapped > base:
                base = swapped
                reasons = [R_SWAPPED] + [r for r in (sgr, sfr) if r and r != R_UMLAUT]
    if base < 52:
        # the whole name in one field, or split at another place
        ta = sorted(a.given.toks + a.family.toks)
        tb = sorted(b.given.toks + b.family.toks)
        if ta == tb and len(ta) >= 2:
            base, reasons = 52, [R_SPLIT]
    return base, reasons


def _name_locals(r: PersonRec) -> frozenset[str]:
    """E-mail names that just spell the person's name (max.mueller, m.mueller, muellermax)."""
    return _name_forms(r.given.key, r.family.key, r.family.plain)


def _name_forms(given: str, family: str, family_plain: str) -> frozenset[str]:
    fam_all = "".join(fold_token(w) for w in _NON_WORD.split(ascii_fold(family_plain)) if w)
    out: set[str] = set()
    for f in {family, fam_all}:
        out |= {f, given + f, f + given}
        if given:
            out |= {given[0] + f, f + given[0]}
    return frozenset(out)


_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=200_000)
def _without_digits(local: str) -> str:
    return _DIGITS.sub("", local)


def _derived(local: str, forms: frozenset[str]) -> bool:
    return _without_digits(local) in forms


def _near_date(a: dt.date, b: dt.date) -> bool:
    sa, sb = a.strftime("%Y%m%d"), b.strftime("%Y%m%d")
    if sum(x != y for x, y in zip(sa, sb, strict=True)) == 1:
        return True
    return a.year == b.year and a.day == b.month and a.month == b.day


def score_people(a: PersonRec, b: PersonRec, *, name_count: int = 0) -> tuple[int, tuple[str, ...]]:
    """Score 0..100 that ``a`` and ``b`` are the same person, with the reasons.

    ``name_count`` is how many records carry this very name (bulk search): a name
    shared by three or more people says less than a rare one."""
    base, reasons = _name_score(a, b)
    if base <= 0:
        return 0, ()
    score = base
    cap = 100
    negatives: list[str] = []
    if name_count >= 3 and base >= 60:
        score -= 10
        negatives.append(R_COMMON_NAME)
    if a.birth is not None and b.birth is not None:
        if a.birth == b.birth:
            score += 30
            reasons.append(R_SAME_BIRTH)
        elif _near_date(a.birth, b.birth):
            reasons.append(R_NEAR_BIRTH)
        else:
            score -= 40
            cap = 45
            negatives.append(R_OTHER_BIRTH)
    if _meet(a.emails, b.emails):
        score += 30
        reasons.append(R_SAME_EMAIL)
    elif a.locals and b.locals:
        # "max.mueller" at two domains says little beyond the name; "maxi87" says more
        forms = _name_locals(a) | _name_locals(b)
        common = [x for x in a.locals if x in b.locals]
        if common:
            score += 4 if all(_derived(x, forms) for x in common) else 15
            reasons.append(R_EMAIL_LOCAL)
        elif any(
            fuzz.ratio(x, y, score_cutoff=85) and not (_derived(x, forms) and _derived(y, forms))
            for x in a.locals
            for y in b.locals
        ):
            score += 5
            reasons.append(R_EMAIL_SIMILAR)
        else:
            score -= 4
    elif a.emails and b.emails:
        score -= 4
    common_phones = [p for p in a.phones if p in b.phones]
    if common_phones:
        score += 30 if any(_is_mobile(p) for p in common_phones) else 22
        reasons.append(R_SAME_PHONE)
    elif a.phones and b.phones:
        score -= 6
        negatives.append(R_OTHER_PHONE)
    if _meet(a.addresses, b.addresses):
        score += 12
        reasons.append(R_SAME_ADDRESS)
    elif _meet(a.postcodes, b.postcodes):
        reasons.append(R_SAME_POSTCODE)
    elif a.postcodes and b.postcodes and not _meet(a.cities, b.cities):
        score -= 12
        negatives.append(R_OTHER_ADDRESS)
    if a.company_id is not None and a.company_id == b.company_id:
        score += 8
        reasons.append(R_SAME_COMPANY)
    if a.gender and b.gender and a.gender != b.gender:
        score -= 40
        cap = min(cap, 40)
        negatives.append(R_OTHER_SALUTATION)
    gens = {a.given.generation or a.family.generation, b.given.generation or b.family.generation}
    if gens == {"jun", "sen"}:
        cap = min(cap, 30)
        negatives.append(R_OTHER_GENERATION)
    elif len(gens) == 2:  # "jun." on one side only: father and son of the same name?
        cap = min(cap, 55)
        negatives.append(R_ONE_GENERATION)
    score = max(0, min(score, cap, 100))
    return score, tuple(reasons + negatives)
