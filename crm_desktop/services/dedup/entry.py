"""The warning while a new person is typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from crm_desktop.data.models import Email, Person, Phone
from crm_desktop.errors import ValidationError
from crm_desktop.services import validation as v
from crm_desktop.services.dedup.common import (
    ENTRY_MIN_SCORE,
)
from crm_desktop.services.dedup.keys import (
    GENERIC_LOCALS,
    _email_parts,
)
from crm_desktop.services.dedup.loading import (
    load_people,
)
from crm_desktop.services.dedup.people import (
    PersonRec,
    make_person_rec,
    score_people,
)
from crm_desktop.services.dedup.results import (
    Candidate,
)

# ---------------------------------------------------------------- on entry


def _case_variants(text: str) -> set[str]:
    t = " ".join(text.split())
    if not t:
        return set()
    out = {t, t.lower(), t.title(), t[:1].upper() + t[1:]}
    return out


def spelling_variants(text: str) -> set[str]:
    """The ways a name may be stored: as typed, with umlauts, with ae/oe/ue, without."""
    base = " ".join(text.split())
    forms = {base}
    for src, alts in (
        ("ä", ("ae", "a")),
        ("ö", ("oe", "o")),
        ("ü", ("ue", "u")),
        ("Ä", ("Ae", "A")),
        ("Ö", ("Oe", "O")),
        ("Ü", ("Ue", "U")),
        ("ß", ("ss",)),
    ):
        for form in list(forms):
            if src in form:
                for alt in alts:
                    forms.add(form.replace(src, alt))
    for form in list(forms):
        for pair, uml in (
            ("ae", "ä"),
            ("oe", "ö"),
            ("ue", "ü"),
            ("Ae", "Ä"),
            ("Oe", "Ö"),
            ("Ue", "Ü"),
        ):
            if pair in form:
                forms.add(form.replace(pair, uml))
        if "ss" in form:
            forms.add(form.replace("ss", "ß"))
    out: set[str] = set()
    for form in forms:
        out |= _case_variants(form)
    return out


def _prefix_range(col: Any, prefix: str) -> Any:
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(col >= prefix, col < upper)


def check_new_person(
    session: Session,
    given: str,
    family: str,
    birth_date: dt.date | None = None,
    emails: Sequence[str] = (),
    phones: Sequence[str] = (),
    limit: int = 5,
    *,
    exclude_id: int | None = None,
    min_score: int = ENTRY_MIN_SCORE,
    region: str = v.DEFAULT_REGION,
) -> list[Candidate]:
    """Possible duplicates of a person being entered, best first.

    Only indexed look-ups: family name (spelling variants, and a range on its first
    letters for typos), swapped names, birth date, e-mail addresses (and the same
    e-mail name at another domain) and phone numbers."""
    given = (given or "").strip()
    family = (family or "").strip()
    e164: list[str] = []
    for raw in phones:
        try:
            e164.append(v.normalize_phone(raw, region))
        except ValidationError:
            continue
    mails = [e.strip().lower() for e in emails if e and "@" in e]
    ids: set[int] = set()
    conds: list[Any] = []
    fam_forms = spelling_variants(family) if family else set()
    giv_forms = spelling_variants(given) if given else set()
    if fam_forms:
        conds.append(Person.family_name.in_(sorted(fam_forms)))
        prefixes = {f[:3] for f in fam_forms if len(f) >= 3}
        for prefix in sorted(prefixes):
            conds.append(_prefix_range(Person.family_name, prefix))
        if giv_forms:
            initials = {g[:1] for g in giv_forms}
            for letter in sorted({f[:1] for f in fam_forms}):
                # sounds alike (Meier/Mayer): same given name, family name with same letter
                conds.append(
                    and_(
                        _prefix_range(Person.family_name, letter),
                        Person.given_name.in_(
                            sorted(giv_forms | initials | {i + "." for i in initials})
                        ),
                    )
                )
    if giv_forms:
        conds.append(Person.family_name.in_(sorted(giv_forms)))  # swapped fields
    if birth_date is not None:
        conds.append(Person.birth_date == birth_date)
    live = and_(Person.deleted_at.is_(None), Person.anonymized_at.is_(None))
    for cond in conds:
        ids.update(session.scalars(select(Person.id).where(cond, live).limit(2000)))
    if mails:
        ids.update(
            pid
            for pid in session.scalars(select(Email.person_id).where(Email.address.in_(mails)))
            if pid is not None
        )
        locals_ = {_email_parts(m)[0] for m in mails}
        for local in sorted(locals_):
            if len(local) >= 4 and local not in GENERIC_LOCALS:
                ids.update(
                    pid
                    for pid in session.scalars(
                        select(Email.person_id).where(_prefix_range(Email.address, local + "@"))
                    )
                    if pid is not None
                )
    if e164:
        ids.update(
            pid
            for pid in session.scalars(select(Phone.person_id).where(Phone.number.in_(e164)))
            if pid is not None
        )
    ids.discard(exclude_id)  # type: ignore[arg-type]
    if not ids:
        return []
    new = make_person_rec(0, given, family, birth_date=birth_date, emails=mails, phones=e164)
    found: list[tuple[int, PersonRec, tuple[str, ...]]] = []
    id_list = sorted(ids)
    for start in range(0, len(id_list), 900):
        for rec in load_people(session, id_list[start : start + 900]):
            score, reasons = score_people(new, rec)
            if score >= min_score:
                found.append((score, rec, reasons))
    found.sort(key=lambda t: (-t[0], t[1].id))
    found = found[:limit]
    if not found:
        return []
    people = {
        p.id: p
        for p in session.scalars(select(Person).where(Person.id.in_([r.id for _s, r, _x in found])))
    }
    out = []
    for score, rec, reasons in found:
        person = people[rec.id]
        out.append(
            Candidate(
                person_id=rec.id,
                full_name=person.full_name,
                company=person.company.name if person.company is not None else None,
                birth_date=person.birth_date,
                score=score,
                reasons=reasons,
            )
        )
    return out
