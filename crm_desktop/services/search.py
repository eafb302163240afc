"""Global search over people, companies, activity texts, tickets and projects.

- As you type: every word is a prefix ("mül" finds Müller).
- Diacritics and German transliterations do not matter: "Mueller", "muller" and
  "Müller" find the same people; "Strauss" finds Strauß.
- Typos: when (almost) no name matches, a rapidfuzz fallback compares the words with
  the vocabulary of person and company names ("Muler" finds Müller).
- A ticket number (``T-2026-00042``, ``t-2026-42``, ``2026-00042``) returns that ticket
  first.
- Companies and people rank before tickets and projects, those before activities.
- Any input is safe: words are extracted and quoted, never passed on as query syntax.
- Addresses (street, postcode, city), notes, profile field values and phone numbers
  in their national forms are found too (the documents' ``fields``): "Görlitz" lists
  the people and companies in Görlitz, "02826" those at that postcode, "0171 987" or
  "9876543" the owner of +491719876543. Such hits say why they matched in their
  subtitle ("Obermarkt 5, 02826 Görlitz") and in ``matched`` ("address", "phone",
  "notes", "profile").
- The typo fallback runs only when no person or company matches exactly.

How: names come from an in-memory vocabulary of folded name words (per engine, read
once from ``search_documents`` and then brought up to date with the rows added since,
before every search). Everything else is found with the full-text index:
``search_documents`` (kept in sync by :mod:`crm_desktop.data.search_sync`), mirrored
on SQLite by the FTS5 table ``search_fts`` (``unicode61 remove_diacritics 2``, rowid =
``search_documents.id``), on PostgreSQL by a GIN index on
``to_tsvector('simple', title || ' ' || body)`` with ILIKE as the fallback.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import itertools
import re
import threading
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import Engine, func, literal, select, text
from sqlalchemy.orm import Session

from crm_desktop.clock import to_local
from crm_desktop.data.models import (
    Activity,
    Address,
    AddressKind,
    Company,
    Person,
    Phone,
    Project,
    SearchDocument,
    Ticket,
)
from crm_desktop.data.search_sync import phone_forms
from crm_desktop.services import textmatch

KINDS = ("person", "company", "ticket", "project", "activity")
NAME_KINDS = ("person", "company")
KIND_BASE = {
    "company": 300.0,
    "person": 298.0,
    "ticket": 200.0,
    "project": 190.0,
    "activity": 100.0,
}
TICKET_HIT_SCORE = 1000.0
FUZZY_PENALTY = 100.0  # typo hits: below exact names, above tickets and activities
FIELD_PENALTY = 10.0  # address/phone/note hits: below name hits, above typo hits
PROJECT_CANDIDATES = 20
CANDIDATES = 300  # full-text matches looked at per query and pass (newest first)
FUZZY_CUTOFF = 75.0
MAX_WORDS = 8

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_TICKET = re.compile(
    r"(?<![\w-])t\s*-?\s*((?:19|20|21)\d\d)\s*-\s*(\d{1,6})(?![\w-])", re.IGNORECASE
)
_BARE_TICKET = re.compile(r"\s*((?:19|20|21)\d\d)\s*-\s*(\d{1,6})\s*")


@dataclass(frozen=True)
class SearchHit:
    kind: str  # person, company, ticket, project, activity
    ref_id: int
    title: str
    subtitle: str
    score: float
    matched: str = ""  # why a person/company matched besides its name: address, phone, ...

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "id": self.ref_id,
            "title": self.title,
            "subtitle": self.subtitle,
            "score": round(self.score, 2),
        }
        if self.matched:  # only for hits not explained by their name
            out["matched"] = self.matched
        return out


# ---------------------------------------------------------------- text helpers


def find_ticket_number(text_: str) -> str | None:
    """The ticket number in ``text_`` in its canonical form ``T-YYYY-NNNNN``, or None.

    Accepts any case and a number without its leading zeros; without the "T" only
    when the number is all that was typed ("2026-42", not "Angebot 2026-42").
    """
    found = _TICKET.search(text_ or "") or _BARE_TICKET.fullmatch(text_ or "")
    if found is None:
        return None
    year, number = found.groups()
    return f"T-{year}-{int(number):05d}"


def words(text_: str) -> list[str]:
    """The words of ``text_`` (letters and digits), lower-case, at most ``MAX_WORDS``."""
    return [w.lower() for w in _WORD.findall(text_ or "")][:MAX_WORDS]


def fold(text_: str) -> str:
    """Lower-case, without diacritics, German transliterations collapsed:
    "Müller", "Mueller" and "MULLER" all become "muller"; "Strauß" becomes "strauss"
    (:func:`crm_desktop.services.textmatch.fold`)."""
    return textmatch.fold_uncached(text_)


_FOLDED: dict[str, str] = {}


def _fold_word(word: str) -> str:
    folded = _FOLDED.get(word)
    if folded is None:
        folded = fold(word)
        if len(_FOLDED) < 500_000:
            _FOLDED[word] = folded
    return folded


def _variants(word: str) -> list[str]:
    """The word and the German spellings the index may hold instead."""
    out = [word]
    collapsed = word.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    umlauts = word.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü")
    for alt in (collapsed, umlauts, word.replace("ss", "ß")):
        if alt != word and alt not in out:
            out.append(alt)
    return out


_PHONE_LIKE = re.compile(r"\s*\+?[\d\s()/.\-]+")


def phone_digits(text_: str) -> str | None:
    """The digits of a typed phone number or its fragment ("0171 987" -> "0171987",
    "+49 171" and "0049 171" -> "49171"), None unless ``text_`` is digits and phone
    separators only with at least three digits in two or more groups (one group is
    a plain word already)."""
    if not _PHONE_LIKE.fullmatch(text_ or ""):
        return None
    groups = re.findall(r"\d+", text_)
    digits = "".join(groups)
    if len(digits) < 3 or (len(groups) < 2 and not text_.strip().startswith(("+", "00"))):
        return None
    if text_.strip().startswith("00"):
        digits = digits[2:]
    return digits or None


def fts5_query(text_: str) -> str | None:
    """An FTS5 MATCH expression: all words required, each quoted; the last one (still
    being typed) as a prefix. Earlier words are whole words: a prefix of a frequent
    word would make FTS5 merge huge lists. A phone number typed in groups also
    matches as one digit string."""
    expr = _fts5_words(text_)
    digits = phone_digits(text_)
    if expr is not None and digits is not None and len(words(text_)) > 1:
        return f'({expr}) OR "{digits}"*'
    if expr is None and digits is not None:
        return f'"{digits}"*'
    return expr


def _fts5_words(text_: str) -> str | None:
    parts = []
    all_words = words(text_)
    for pos, word in enumerate(all_words):
        star = "*" if pos == len(all_words) - 1 else ""
        alts = [f'"{w}"{star}' for w in _variants(word)]
        parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
    return " AND ".join(parts) or None


def tsquery(text_: str) -> str | None:
    """A PostgreSQL ``to_tsquery('simple', ...)`` expression, the last word a prefix."""
    expr = _ts_words(text_)
    digits = phone_digits(text_)
    if expr is not None and digits is not None and len(words(text_)) > 1:
        return f"({expr}) | {digits}:*"
    if expr is None and digits is not None:
        return f"{digits}:*"
    return expr


def _ts_words(text_: str) -> str | None:
    parts = []
    all_words = words(text_)
    for pos, word in enumerate(all_words):
        star = ":*" if pos == len(all_words) - 1 else ""
        alts = [f"{w}{star}" for w in _variants(word)]
        parts.append(alts[0] if len(alts) == 1 else "(" + " | ".join(alts) + ")")
    return " & ".join(parts) or None


# ---------------------------------------------------------------- name vocabulary


@dataclass
class _Vocabulary:
    """Folded name words of people and companies -> the records that carry them.

    Records renamed or deleted after they were read are caught when the hits are
    described: only current rows are returned, and their current name must match.
    """

    last_id: int = 0
    tokens: dict[str, set[tuple[str, int]]] = field(default_factory=dict)
    token_list: list[str] = field(default_factory=list)
    sorted_tokens: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, ref_id: int, title: str) -> None:
        for word in _WORD.findall(title):
            token = _fold_word(word)
            refs = self.tokens.get(token)
            if refs is None:
                refs = self.tokens[token] = set()
                self.token_list.append(token)
            refs.add((kind, ref_id))

    def with_prefix(self, prefix: str) -> list[str]:
        start = bisect.bisect_left(self.sorted_tokens, prefix)
        out = []
        for token in itertools.islice(self.sorted_tokens, start, None):
            if not token.startswith(prefix):
                break
            out.append(token)
        return out


# keyed by the connection pool: every engine view of one database (the writer and the
# read-only option engine of Store.reader) shares it
_VOCABULARIES: weakref.WeakKeyDictionary[Any, _Vocabulary] = weakref.WeakKeyDictionary()
_VOCAB_GUARD = threading.Lock()
_REREAD = 64  # SQLite hands out a deleted top id again: reread the last few rows


def _vocabulary(session: Session) -> _Vocabulary:
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    key = engine.pool
    with _VOCAB_GUARD:
        vocab = _VOCABULARIES.get(key)
        if vocab is None:
            vocab = _VOCABULARIES[key] = _Vocabulary()
    with vocab.lock:
        doc = SearchDocument.__table__.c
        top = int(session.execute(select(func.max(doc.id))).scalar() or 0)
        if top < vocab.last_id - _REREAD:  # another database behind the same engine
            vocab.last_id = 0
            vocab.tokens.clear()
            vocab.token_list.clear()
            vocab.sorted_tokens = []
        known = len(vocab.token_list)
        if vocab.last_id == 0:
            # first read: every name (by kind), then follow the ids of all documents
            names = session.execute(
                select(doc.kind, doc.ref_id, doc.title).where(
                    doc.kind.in_(NAME_KINDS), doc.id <= top
                )
            ).all()
            for kind, ref_id, title in names:
                vocab.add(kind, ref_id, title)
            vocab.last_id = max(top, 1)
        else:
            # later: only what was written since (a primary-key range read)
            rows = session.execute(
                select(doc.id, doc.kind, doc.ref_id, doc.title)
                .where(doc.id > vocab.last_id - _REREAD)
                .order_by(doc.id)
            ).all()
            for row_id, kind, ref_id, title in rows:
                if kind in NAME_KINDS:
                    vocab.add(kind, ref_id, title)
                vocab.last_id = max(vocab.last_id, int(row_id))
        if len(vocab.token_list) != known:
            vocab.sorted_tokens = sorted(vocab.token_list)
    return vocab


def warm_up(session: Session) -> None:
    """Read the name vocabulary now (e.g. in a worker thread at start-up) so that the
    first search does not pay for it."""
    _vocabulary(session)


def forget_vocabulary() -> None:
    """Drop the cached name vocabularies (after restoring a backup, in tests)."""
    with _VOCAB_GUARD:
        _VOCABULARIES.clear()


SHORT_PREFIX_CAP = 600


def _name_refs(
    vocab: _Vocabulary, query_words: list[str], kinds: Sequence[str]
) -> dict[tuple[str, int], float]:
    """People/companies with a name word starting with every query word -> bonus
    (20 per word that is a whole name word, 12 per word that is its beginning)."""
    result: set[tuple[str, int]] | None = None
    exact_sets: list[set[tuple[str, int]]] = []
    for word in query_words:
        token = _fold_word(word)
        exact = vocab.tokens.get(token, set())
        if len(query_words) == 1 and len(token) <= 2:
            # one or two letters match a large part of a big store: as-you-type only
            # needs the first page, so stop collecting once there is plenty to rank
            found = set(exact)
            for t in vocab.with_prefix(token):
                found |= vocab.tokens[t]
                if len(found) >= SHORT_PREFIX_CAP:
                    break
        else:
            found = set().union(*(vocab.tokens[t] for t in vocab.with_prefix(token)))
        exact_sets.append(exact)
        result = found if result is None else result & found
        if not result:
            return {}
    if not result:
        return {}
    if len(kinds) < len(NAME_KINDS):
        result = {ref for ref in result if ref[0] in kinds}
    return {ref: sum(20.0 if ref in ex else 12.0 for ex in exact_sets) for ref in result}


def _token_score(query: str, candidate: str, **_kwargs: Any) -> float:
    """Similarity of a (maybe half typed) query word with a name word."""
    full = float(fuzz.ratio(query, candidate))
    if len(candidate) > len(query) + 1:
        head = float(fuzz.ratio(query, candidate[: len(query) + 1])) - 5.0
        return max(full, head)
    return full


def _fuzzy_refs(vocab: _Vocabulary, query_words: list[str]) -> dict[tuple[str, int], float]:
    """(kind, id) -> similarity for people/companies whose name words resemble the query."""
    per_word: list[dict[tuple[str, int], float]] = []
    for word in query_words:
        token = _fold_word(word)
        if len(token) < 3:
            continue
        choices: Sequence[str] = vocab.token_list
        if len(choices) > 20_000:  # large stores: compare within the same first letter
            choices = vocab.with_prefix(token[:1])
        found: dict[tuple[str, int], float] = {}
        matches = process.extract(
            token, choices, scorer=_token_score, score_cutoff=FUZZY_CUTOFF, limit=25
        )
        for candidate, score, _idx in matches:
            for ref in vocab.tokens.get(candidate, ()):
                if score > found.get(ref, 0.0):
                    found[ref] = float(score)
        per_word.append(found)
    if not per_word:
        return {}
    common = set(per_word[0]).intersection(*per_word[1:])
    if common:
        return {ref: sum(p[ref] for p in per_word) / len(per_word) for ref in common}
    merged: dict[tuple[str, int], float] = {}
    for found in per_word:
        for ref, score in found.items():
            merged[ref] = max(score * 0.9, merged.get(ref, 0.0))
    return merged


def _still_similar(title: str, query_words: list[str]) -> bool:
    title_words = [_fold_word(w) for w in _WORD.findall(title)]
    return any(
        _token_score(_fold_word(word), t) >= FUZZY_CUTOFF
        for word in query_words
        if len(_fold_word(word)) >= 3
        for t in title_words
    )


def _still_prefixed(title: str, query_words: list[str]) -> bool:
    title_words = [_fold_word(w) for w in _WORD.findall(title)]
    return all(any(t.startswith(_fold_word(w)) for t in title_words) for w in query_words)


# ---------------------------------------------------------------- the search


def search(
    session: Session,
    text_: str,
    *,
    limit: int = 50,
    kinds: Iterable[str] | None = None,
) -> list[SearchHit]:
    """Find records for what the user typed; best first, at most ``limit``."""
    wanted = tuple(k for k in (kinds or KINDS) if k in KINDS)
    query_words = words(text_)
    number = find_ticket_number(text_)
    if limit <= 0 or not wanted or not (query_words or number):
        return []
    scored: dict[tuple[str, int], float] = {}
    if number is not None and "ticket" in wanted:
        ticket_id = session.execute(
            select(Ticket.id).where(
                func.upper(Ticket.number) == number, Ticket.deleted_at.is_(None)
            )
        ).scalar()
        if ticket_id is not None:
            scored[("ticket", ticket_id)] = TICKET_HIT_SCORE

    # 1. names of companies and people: prefix match in the vocabulary
    name_kinds = [k for k in NAME_KINDS if k in wanted]
    vocab_hits: set[tuple[str, int]] = set()
    fuzzy_hits: set[tuple[str, int]] = set()
    vocab: _Vocabulary | None = None
    if name_kinds and query_words:
        vocab = _vocabulary(session)
        for ref, bonus in _name_refs(vocab, query_words, name_kinds).items():
            scored[ref] = KIND_BASE[ref[0]] + bonus
            vocab_hits.add(ref)

    # 2. full text of every kind (titles, bodies and fields) while the page is not full
    folded = [_fold_word(w) for w in query_words]
    digits = phone_digits(text_)
    exact_names = bool(vocab_hits)
    if query_words and len(vocab_hits) < limit:
        for kind, ref_id, title, fields, rank in _full_text(session, text_, wanted):
            key = (kind, ref_id)
            if key not in scored:
                bonus = _title_bonus(title, folded)
                if not bonus and kind in NAME_KINDS:
                    # found through an address, a phone, a note: after the names
                    bonus = _fields_bonus(fields, folded, digits) - FIELD_PENALTY
                scored[key] = KIND_BASE[kind] + bonus + rank
                exact_names = exact_names or kind in NAME_KINDS

    # project names: few rows, matched directly, so that a name word shared by many
    # people (whose hits fill the page before the full text runs) still finds them
    if "project" in wanted and query_words:
        found = textmatch.contains_all([Project.name], text_)
        if found is not None:
            for pid, name in session.execute(
                select(Project.id, Project.name)
                .where(found, Project.deleted_at.is_(None))
                .order_by(Project.id.desc())
                .limit(PROJECT_CANDIDATES)
            ).all():
                key = ("project", int(pid))
                if key not in scored:
                    scored[key] = KIND_BASE["project"] + _title_bonus(str(name), folded)

    # 3. typos: similar name words, only when no person or company matched exactly
    if vocab is not None and not exact_names and any(len(t) >= 3 for t in folded):
        for ref, similarity in _fuzzy_refs(vocab, query_words).items():
            if ref[0] in name_kinds and ref not in scored:
                scored[ref] = KIND_BASE[ref[0]] - FUZZY_PENALTY + similarity
                fuzzy_hits.add(ref)

    best = heapq.nsmallest(limit + 40, scored.items(), key=lambda item: (-item[1], item[0]))
    hits: list[SearchHit] = []
    for hit in _describe(session, best, limit + 20, (folded, digits)):
        key = (hit.kind, hit.ref_id)
        # the vocabulary may still hold the old name of a renamed record
        if key in vocab_hits and not _still_prefixed(hit.title, query_words):
            continue
        if key in fuzzy_hits and not _still_similar(hit.title, query_words):
            continue
        hits.append(hit)
    return hits[:limit]


def _title_bonus(title: str, folded_words: list[str]) -> float:
    title_words = [_fold_word(w) for w in _WORD.findall(title)]
    bonus = 0.0
    for word in folded_words:
        if word in title_words:
            bonus += 20.0
        elif any(t.startswith(word) for t in title_words):
            bonus += 12.0
    return bonus


def _fields_bonus(fields: str | None, folded_words: list[str], digits: str | None) -> float:
    """8 per query word that is a whole word of the fields (a city, a postcode), 5 per
    word that begins one; a phone number typed in groups counts as one word."""
    if not fields:
        return 0.0
    field_words = {_fold_word(w) for w in _WORD.findall(fields)}
    if digits is not None and len(folded_words) > 1:
        if digits in field_words:
            return 8.0
        return 5.0 if any(w.startswith(digits) for w in field_words) else 0.0
    bonus = 0.0
    for word in folded_words:
        if word in field_words:
            bonus += 8.0
        elif any(t.startswith(word) for t in field_words):
            bonus += 5.0
    return bonus


Row = tuple[str, int, str, str | None]  # kind, ref_id, title, fields


def _full_text(
    session: Session, text_: str, wanted: tuple[str, ...]
) -> list[tuple[str, int, str, str | None, float]]:
    """Matching documents (kind, ref_id, title, fields, recency bonus 0..10), newest
    first; the people and companies whose fields match come in a pass of their own, so
    that a city named in thousands of newer activities still finds them."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    match = _sqlite_match if sqlite else _pg_match
    rows = match(session, text_, wanted, fields_only=False)
    if any(k in NAME_KINDS for k in wanted):
        seen = {(r[0], r[1]) for r in rows}
        rows += [
            r for r in match(session, text_, wanted, fields_only=True) if (r[0], r[1]) not in seen
        ]
    total = max(1, len(rows))
    return [
        (kind, ref_id, title, fields, 10.0 * (total - pos) / total)
        for pos, (kind, ref_id, title, fields) in enumerate(rows)
    ]


def _sqlite_match(
    session: Session, text_: str, wanted: tuple[str, ...], *, fields_only: bool
) -> list[Row]:
    match = fts5_query(text_)
    if match is None:
        return []
    if fields_only:
        match = f"{{fields}} : ({match})"
    kinds_sql = ", ".join(f"'{k}'" for k in wanted)  # only names from the fixed KINDS
    result = session.execute(
        text(
            "SELECT d.kind, d.ref_id, d.title, d.fields FROM "
            "(SELECT rowid AS rid FROM search_fts WHERE search_fts MATCH :q "
            " ORDER BY rowid DESC LIMIT :cap) AS m "
            "JOIN search_documents AS d ON d.id = m.rid "
            f"WHERE d.kind IN ({kinds_sql}) ORDER BY d.id DESC"
        ),
        {"q": match, "cap": CANDIDATES},
    )
    return [(r[0], int(r[1]), r[2], r[3]) for r in result]


def _pg_match(
    session: Session, text_: str, wanted: tuple[str, ...], *, fields_only: bool
) -> list[Row]:
    doc = SearchDocument.__table__.c
    rows: list[Row] = []
    query = tsquery(text_)
    columns = (doc.title, doc.body, doc.fields)
    if query is not None:
        if fields_only:
            vector = func.to_tsvector(text("'simple'"), func.coalesce(doc.fields, ""))
        else:  # the expression of the GIN index (migration 0007)
            vector = func.to_tsvector(
                text("'simple'"),
                func.coalesce(doc.title, "")
                + " "
                + func.coalesce(doc.body, "")
                + " "
                + func.coalesce(doc.fields, ""),
            )
        result = session.execute(
            select(doc.kind, doc.ref_id, doc.title, doc.fields)
            .where(vector.op("@@")(func.to_tsquery(text("'simple'"), query)))
            .where(doc.kind.in_(wanted))
            .order_by(doc.id.desc())
            .limit(CANDIDATES)
        )
        rows = [(r[0], int(r[1]), r[2], r[3]) for r in result]
    if not rows and not fields_only:
        # substring fallback (the middle of a word, digits inside a phone number)
        found = textmatch.contains_all(list(columns), " ".join(words(text_)))
        if found is not None:
            result = session.execute(
                select(doc.kind, doc.ref_id, doc.title, doc.fields)
                .where(found)
                .where(doc.kind.in_(wanted))
                .order_by(doc.id.desc())
                .limit(CANDIDATES)
            )
            rows = [(r[0], int(r[1]), r[2], r[3]) for r in result]
    return rows


# ---------------------------------------------------------------- titles and subtitles


Terms = tuple[list[str], str | None]  # folded query words, phone digits


def _describe(
    session: Session,
    ranked: list[tuple[tuple[str, int], float]],
    limit: int,
    terms: Terms = ([], None),
) -> list[SearchHit]:
    """Current titles and subtitles for the best hits; records gone meanwhile drop out.
    A person or company found through its fields (not its name) says which one."""
    hits: list[SearchHit] = []
    pos = 0
    while len(hits) < limit and pos < len(ranked):
        chunk = ranked[pos : pos + limit - len(hits) + 10]
        pos += len(chunk)
        by_kind: dict[str, list[int]] = {}
        for (kind, ref_id), _score in chunk:
            by_kind.setdefault(kind, []).append(ref_id)
        info: dict[tuple[str, int], tuple[str, str]] = {}
        for kind, ids in by_kind.items():
            info.update(_DESCRIBERS[kind](session, ids))
        why = _why(session, info, terms)
        for key, score in chunk:
            if key in info and len(hits) < limit:
                title, subtitle = info[key]
                matched = ""
                if key in why:
                    matched, subtitle = why[key]
                hits.append(SearchHit(key[0], key[1], title, subtitle, score, matched))
    return hits


def _begins(text_: str, folded_words: list[str]) -> bool:
    """Every query word begins a word of ``text_``."""
    own = [_fold_word(w) for w in _WORD.findall(text_)]
    return bool(folded_words) and all(any(t.startswith(w) for t in own) for w in folded_words)


def _snippet(text_: str, folded_words: list[str], width: int = 60) -> str:
    line = " ".join(text_.split())
    folded_line = fold(line)
    at = min((i for w in folded_words if (i := folded_line.find(w)) >= 0), default=0)
    start = max(0, at - 15)
    piece = line[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(line) else "")


def _why(
    session: Session, info: dict[tuple[str, int], tuple[str, str]], terms: Terms
) -> dict[tuple[str, int], tuple[str, str]]:
    """(matched, subtitle) for people and companies whose name does not explain the hit:
    the address, phone number, profile field or note that does."""
    folded_words, digits = terms
    if not folded_words:
        return {}
    todo = [
        key
        for key, (title, _sub) in info.items()
        if key[0] in NAME_KINDS and not _begins(title, folded_words)
    ]
    if not todo:
        return {}
    out: dict[tuple[str, int], tuple[str, str]] = {}
    for kind in NAME_KINDS:
        ids = [ref_id for k, ref_id in todo if k == kind]
        if not ids:
            continue
        owner = Address.person_id if kind == "person" else Address.company_id
        for address in session.execute(
            select(Address).where(owner.in_(ids)).order_by(Address.id)
        ).scalars():
            key = (kind, int(address.person_id or address.company_id or 0))
            line = address.one_line()
            if key not in out and _begins(line, folded_words):
                out[key] = ("address", line)
        phone_owner = Phone.person_id if kind == "person" else Phone.company_id
        for pid, cid, number in session.execute(
            select(Phone.person_id, Phone.company_id, Phone.number)
            .where(phone_owner.in_(ids))
            .order_by(Phone.id)
        ).all():
            key = (kind, int(pid or cid or 0))
            if key in out:
                continue
            forms = [number.lstrip("+"), *phone_forms(number)]
            wanted = [digits] if digits else folded_words
            if all(any(f.startswith(w) for f in forms) for w in wanted):
                out[key] = ("phone", _national(number))
        model = Person if kind == "person" else Company
        rest = [i for i in ids if (kind, i) not in out]
        if not rest:
            continue
        profile = Person.profile_fields if kind == "person" else literal(None)
        for rid, notes, fields in session.execute(
            select(model.id, model.notes, profile).where(model.id.in_(rest))
        ).all():
            key = (kind, int(rid))
            for name, value in (fields or {}).items() if isinstance(fields, dict) else ():
                if value and _begins(str(value), folded_words):
                    out[key] = ("profile", f"{name}: {value}")
                    break
            if key not in out and notes and _begins(notes, folded_words):
                out[key] = ("notes", _snippet(notes, folded_words))
    return out


def _national(number: str) -> str:
    """``number`` (E.164) as it is written at home ("0171 9876543")."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return number
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL))


def _join(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def _people(session: Session, ids: list[int]) -> dict[tuple[str, int], tuple[str, str]]:
    rows = session.execute(
        select(
            Person.id,
            Person.title,
            Person.given_name,
            Person.family_name,
            Person.nickname,
            Person.position,
            Company.name,
        )
        .outerjoin(Company, Company.id == Person.company_id)
        .where(Person.id.in_(ids), Person.deleted_at.is_(None))
    ).all()
    out = {}
    for pid, title, given, family, nick, position, company in rows:
        name = " ".join(p for p in (title, given, family) if p) or (nick or "")
        out[("person", pid)] = (name, _join(company, position))
    return out


def _companies(session: Session, ids: list[int]) -> dict[tuple[str, int], tuple[str, str]]:
    rows = session.execute(
        select(Company.id, Company.name, Company.status).where(
            Company.id.in_(ids), Company.deleted_at.is_(None)
        )
    ).all()
    cities: dict[int, str] = {}
    for cid, city in session.execute(
        select(Address.company_id, func.min(Address.city))
        .where(Address.company_id.in_(ids), Address.kind == AddressKind.MAIN)
        .group_by(Address.company_id)
    ).all():
        if cid is not None and city:
            cities[cid] = str(city)
    return {
        ("company", cid): (name, _join(cities.get(cid), str(status.value)))
        for cid, name, status in rows
    }


def _activities(session: Session, ids: list[int]) -> dict[tuple[str, int], tuple[str, str]]:
    rows = session.execute(
        select(
            Activity.id,
            Activity.kind,
            Activity.subject,
            Activity.text,
            Activity.occurred_at,
            Person.given_name,
            Person.family_name,
            Company.name,
        )
        .outerjoin(Person, Person.id == Activity.person_id)
        .outerjoin(Company, Company.id == Activity.company_id)
        .where(Activity.id.in_(ids), Activity.deleted_at.is_(None))
    ).all()
    out = {}
    for aid, kind, subject, body, at, given, family, company in rows:
        who = " ".join(p for p in (given, family) if p) or company or ""
        when = to_local(at).date().isoformat() if isinstance(at, dt.datetime) else ""
        title = subject or (body or "")[:80] or str(kind.value)
        out[("activity", aid)] = (title, _join(when, str(kind.value), who))
    return out


def _tickets(session: Session, ids: list[int]) -> dict[tuple[str, int], tuple[str, str]]:
    rows = session.execute(
        select(Ticket.id, Ticket.number, Ticket.title, Ticket.status, Company.name)
        .outerjoin(Company, Company.id == Ticket.company_id)
        .where(Ticket.id.in_(ids), Ticket.deleted_at.is_(None))
    ).all()
    return {
        ("ticket", tid): (f"{number} {title}", _join(str(status.value), company))
        for tid, number, title, status, company in rows
    }


def _projects(session: Session, ids: list[int]) -> dict[tuple[str, int], tuple[str, str]]:
    rows = session.execute(
        select(Project.id, Project.name, Project.status, Company.name)
        .outerjoin(Company, Company.id == Project.company_id)
        .where(Project.id.in_(ids), Project.deleted_at.is_(None))
    ).all()
    return {
        ("project", pid): (name, _join(str(status.value), company))
        for pid, name, status, company in rows
    }


_DESCRIBERS = {
    "person": _people,
    "company": _companies,
    "activity": _activities,
    "ticket": _tickets,
    "project": _projects,
}
