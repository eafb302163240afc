"""Quick entry (Ctrl+L): turn one typed line into a proposed activity or follow-up.

:func:`interpret` parses the line (interop.quickentry), finds the person or company the
name part means (exact, prefix and fuzzy matching with rapidfuzz, umlaut spellings
folded), and returns a :class:`Proposal` the UI shows before anything is saved.
:func:`commit` then writes it: a follow-up for a future moment, an activity otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock, local_zone
from crm_desktop.data.models import Activity, ActivityKind, Company, FollowUp, Person
from crm_desktop.domain import cardguard
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ValidationError
from crm_desktop.interop.quickentry import FILLER, QuickEntry, parse
from crm_desktop.services import textmatch
from crm_desktop.services.activities import ActivityInput, log, new_followup_uid


def fold(text: str) -> str:
    """Case, accents, umlauts and their spellings folded (:mod:`.textmatch`)."""
    return textmatch.fold(text)


@dataclass
class Match:
    kind: str  # "person" | "company"
    id: int
    label: str
    score: float
    company_id: int | None = None


@dataclass
class Proposal:
    entry: QuickEntry
    kind: ActivityKind
    when: dt.datetime  # aware, UTC
    is_followup: bool
    match: Match | None
    alternatives: list[Match] = field(default_factory=list)
    subject: str = ""

    @property
    def person_id(self) -> int | None:
        return self.match.id if self.match and self.match.kind == "person" else None

    @property
    def company_id(self) -> int | None:
        if self.match is None:
            return None
        return self.match.id if self.match.kind == "company" else self.match.company_id


def _candidates(session: Session, target: str, limit: int = 400) -> list[Match]:
    words = [w for w in target.replace(",", " ").split() if len(w) >= 2]
    if not words:
        return []
    # rough prefilter in SQL (a name beginning like a typed word), fine ranking in Python
    stems = sorted({w[:3] for w in words})
    person_conds = [
        textmatch.starts_with(column, stem)
        for stem in stems
        for column in (Person.family_name, Person.given_name)
    ]
    company_conds = [textmatch.contains(Company.name, stem) for stem in stems]
    people = session.execute(
        select(Person.id, Person.title, Person.given_name, Person.family_name, Person.company_id)
        .where(Person.deleted_at.is_(None), or_(*person_conds))
        .limit(limit)
    ).all()
    companies = session.execute(
        select(Company.id, Company.name)
        .where(Company.deleted_at.is_(None), or_(*company_conds))
        .limit(limit)
    ).all()
    out: list[Match] = []
    for pid, title, given, family, company_id in people:
        label = " ".join(x for x in (title, given, family) if x)
        out.append(Match("person", pid, label, 0.0, company_id))
    for cid, name in companies:
        out.append(Match("company", cid, name, 0.0, cid))
    return out


def _score(target: str, match: Match) -> float:
    t = fold(target)
    label = fold(match.label)
    best = max(
        fuzz.token_set_ratio(t, label),
        fuzz.WRatio(t, label),
    )
    if match.kind == "person":
        family = fold(match.label.split()[-1]) if match.label.split() else ""
        if t == family:
            best = max(best, 95.0)
    if label.startswith(t):
        best = max(best, 92.0)
    return float(best)


def find_target(session: Session, target: str, limit: int = 5) -> list[Match]:
    """People and companies the name part may mean, best first."""
    if not target.strip():
        return []
    scored = []
    for cand in _candidates(session, target):
        cand.score = _score(target, cand)
        if cand.score >= 70:
            scored.append(cand)
    scored.sort(key=lambda m: (-m.score, m.kind != "person", m.label))
    return scored[:limit]


def interpret(session: Session, text: str, clock: Clock, zone_name: str | None = None) -> Proposal:
    zone = local_zone(zone_name)
    now_local = clock.now().astimezone(zone)
    entry = parse(text, now_local.replace(tzinfo=None))
    matches = find_target(session, entry.target)
    # a match that covers only part of the name: try the longest leading part
    if not matches and " " in entry.target:
        words = entry.target.split()
        for n in range(len(words) - 1, 0, -1):
            matches = find_target(session, " ".join(words[:n]))
            if matches:
                break
    if matches:
        _split_subject(entry, matches[0])
    moment = entry.when(now_local) or now_local
    kind = entry.kind or ActivityKind.CALL
    return Proposal(
        entry=entry,
        kind=kind,
        when=moment.astimezone(dt.UTC),
        is_followup=entry.is_followup(now_local),
        match=matches[0] if matches else None,
        alternatives=matches[1:],
        subject=entry.subject,
    )


_TITLES = {"dr.", "dr", "prof.", "prof", "dipl.-ing.", "ing."}
_NAME_FILLER = {"frau", "herr", "herrn", "fa.", "firma", "mr", "mr.", "mrs", "mrs.", "ms", "ms."}


def _name_tokens(label: str) -> list[str]:
    return [fold(t) for t in re.split(r"[\s,;:&/()\-]+", label) if t]


def _is_name_word(word: str, tokens: list[str]) -> bool | None:
    """True when ``word`` spells a part of the matched name, None for bare punctuation."""
    folded = fold(word.strip(".,;:!?\"'()"))
    if not folded or not any(ch.isalnum() for ch in folded):
        return None
    for token in tokens:
        if folded == token or fuzz.ratio(folded, token) >= 80:
            return True
        if len(folded) >= 3 and token.startswith(folded):
            return True
        if "-" in word and all(_is_name_word(part, tokens) for part in word.split("-") if part):
            return True
    return False


def _trim_filler(words: list[str]) -> list[str]:
    """Without the small words at either end ("Angebot an" → "Angebot")."""
    out = list(words)
    while out and out[-1].lower().strip(".,;:") in FILLER:
        out.pop()
    while out and out[0].lower().strip(".,;:") in FILLER:
        out.pop(0)
    return out


def _split_subject(entry: QuickEntry, match: Match) -> None:
    """Keep in ``entry.target`` only the words that spell the matched name; the other
    words ("Schäfer Angebot passt", "Müller: möchte Katalog") join the subject."""
    words = entry.target.split()
    tokens = _name_tokens(match.label)
    flags = [_is_name_word(w, tokens) for w in words]
    hits = [i for i, f in enumerate(flags) if f]
    if not hits:
        return
    first, last = hits[0], hits[-1]
    while first > 0 and (
        flags[first - 1] is None or words[first - 1].lower() in _TITLES | _NAME_FILLER
    ):
        first -= 1
    before = _trim_filler(words[:first])
    after = _trim_filler(words[last + 1 :])
    extra = " ".join([*before, *after]).strip(" ,;:-–")
    if not extra:
        return
    entry.target = " ".join(words[first : last + 1]).strip(" ,;:-")
    entry.subject = f"{extra}, {entry.subject}" if entry.subject else extra


@dataclass(frozen=True)
class NameParts:
    """A typed name split for a new person: "Dr. Anna Schäfer" → Dr. / Anna / Schäfer."""

    title: str = ""
    given_name: str = ""
    family_name: str = ""


def name_parts(target: str) -> NameParts:
    """How to prefill a new person from the name part the user typed."""
    words = [w.strip(",;:") for w in target.split() if w.strip(",;:")]
    while words and words[0].lower() in _NAME_FILLER:
        words.pop(0)
    titles: list[str] = []
    while words and words[0].lower() in _TITLES:
        titles.append(words.pop(0))
    if not words:
        return NameParts(title=" ".join(titles))
    return NameParts(title=" ".join(titles), given_name=" ".join(words[:-1]), family_name=words[-1])


def for_person(session: Session, proposal: Proposal, person_id: int) -> Proposal:
    """The proposal aimed at ``person_id`` (e.g. the contact just created for it)."""
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "This record no longer exists."), field="person_id"
        )
    label = " ".join(x for x in (person.title, person.given_name, person.family_name) if x)
    match = Match("person", person.id, label, 100.0, person.company_id)
    others = [m for m in ([proposal.match] if proposal.match else []) + proposal.alternatives]
    proposal.match = match
    proposal.alternatives = [m for m in others if not (m.kind == "person" and m.id == person_id)]
    return proposal


def commit(
    session: Session, proposal: Proposal, clock: Clock, owner: str | None = None
) -> Activity | FollowUp:
    """Save the proposal: a follow-up when it lies ahead, else a logged activity."""
    if proposal.match is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "No person or company matches “{name}”."),
            field="target",
            name=proposal.entry.target,
        )
    cardguard.guard(proposal.entry.text, "text")
    if proposal.is_followup:
        follow = FollowUp(
            uid=new_followup_uid(),
            due_at=proposal.when,
            kind=proposal.kind,
            note=proposal.subject or proposal.entry.text,
            person_id=proposal.person_id,
            company_id=proposal.company_id,
            owner=owner,
        )
        session.add(follow)
        session.flush()
        return follow
    activity = log(
        session,
        ActivityInput(
            kind=proposal.kind,
            occurred_at=min(proposal.when, clock.now()),
            subject=proposal.subject,
            text=proposal.entry.text,
            person_id=proposal.person_id,
            company_id=proposal.company_id,
            owner=owner,
        ),
        clock=clock,
    )
    session.flush()  # the caller gets the stored id
    return activity
