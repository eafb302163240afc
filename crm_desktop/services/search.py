"""Global search over people, companies, activity texts, tickets, orders and projects.

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
- Orders: an order number ("A-2026-00017", any case, "a-2026-17" without the leading
  zeros) returns that order first, half a number ("A-2026-00") the orders starting so;
  a customer's name lists its orders after the customer (kind "order").

How: names come from an in-memory vocabulary of folded name words (per engine, read
once from ``search_documents`` and then brought up to date with the rows added since,
before every search); each word's people and companies are kept as sorted id arrays,
so that the thousands a short prefix matches are intersected and scored in numpy and
only the best of each kind (as many as the ranking looks at) are ranked and described.
Project names are matched in memory too, order numbers and customers in ``orders``
(through its indexes). Everything else is found with the full-text index:
``search_documents`` (kept in sync by :mod:`crm_desktop.data.search_sync`), mirrored
on SQLite by the FTS5 table ``search_fts`` (``unicode61 remove_diacritics 2``, rowid =
``search_documents.id``), on PostgreSQL by a GIN index on
``to_tsvector('simple', title || ' ' || body)`` with ILIKE as the fallback.

A search is reads only, through the session's connection (Core statements built once,
the FTS5 match through the driver): the ORM's per-statement work was most of the time
at 100,000 people. The fields bonus of a hit found through its fields is worked out
only while the hit can still reach the page, and the "why" of a hit (address, phone,
note) only for the hits shown. See the README (Performance) for the figures.
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

import numpy as np
from rapidfuzz import fuzz, process
from sqlalchemy import Connection, bindparam, func, literal, select, text
from sqlalchemy.orm import Session

from crm_desktop.clock import to_local
from crm_desktop.data.models import (
    Activity,
    Address,
    AddressKind,
    Company,
    Order,
    Person,
    Phone,
    Project,
    SearchDocument,
    Ticket,
    display_name,
)
from crm_desktop.data.search_sync import phone_forms
from crm_desktop.services import textmatch

KINDS = ("person", "company", "ticket", "order", "project", "activity")
# the kinds with a document in search_documents (orders are looked up in their table)
DOCUMENT_KINDS = ("person", "company", "ticket", "project", "activity")
NAME_KINDS = ("person", "company")
KIND_BASE = {
    "company": 300.0,
    "person": 298.0,
    "ticket": 200.0,
    "order": 195.0,
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

_NO_IDS = np.zeros(0, dtype=np.int64)


@dataclass
class _Vocabulary:
    """Folded name words of people and companies -> the records that carry them, and
    the project names (id -> name as last indexed).

    Records renamed or deleted after they were read are caught when the hits are
    described: only current rows are returned, and their current name must match.
    """

    last_id: int = 0
    tokens: dict[str, set[tuple[str, int]]] = field(default_factory=dict)
    token_list: list[str] = field(default_factory=list)
    sorted_tokens: list[str] = field(default_factory=list)
    projects: dict[int, tuple[str, str, str]] = field(default_factory=dict)  # name, folds
    # token -> kind -> its ids, sorted (numpy), built on first use and dropped by add()
    arrays: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _project_index: tuple[list[int], tuple[tuple[list[int], str], ...]] | None = None

    def add(self, kind: str, ref_id: int, title: str) -> None:
        if kind == "project":
            self._project_index = None
            self.projects[ref_id] = (
                title,
                textmatch.fold_letters_uncached(title),
                textmatch.fold_uncached(title),
            )
            return
        for word in _WORD.findall(title):
            token = _fold_word(word)
            refs = self.tokens.get(token)
            if refs is None:
                refs = self.tokens[token] = set()
                self.token_list.append(token)
            refs.add((kind, ref_id))
            self.arrays.pop(token, None)

    def project_index(self) -> tuple[list[int], tuple[tuple[list[int], str], ...]]:
        """Project ids newest first, and for both folded forms of their names (letters,
        loose) one string of all of them (a name per line) with where each one starts."""
        if self._project_index is None:
            ids = sorted(self.projects, reverse=True)
            forms = []
            for form in (1, 2):
                starts, pos = [], 0
                for pid in ids:
                    starts.append(pos)
                    pos += len(self.projects[pid][form]) + 1
                forms.append((starts, "\n".join(self.projects[pid][form] for pid in ids)))
            self._project_index = (ids, tuple(forms))
        return self._project_index

    def ids(self, token: str, kind: str) -> np.ndarray:
        """The sorted ids of ``kind`` whose name has the word ``token``."""
        got = self.arrays.get(token)
        if got is None:
            split: dict[str, list[int]] = {k: [] for k in NAME_KINDS}
            for k, i in self.tokens.get(token, set()):
                split[k].append(i)
            got = {k: np.sort(np.array(v, dtype=np.int64)) for k, v in split.items()}
            self.arrays[token] = got
        return got[kind]

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
VOCAB_KINDS = (*NAME_KINDS, "project")
_TOP_ID = text("SELECT max(id) FROM search_documents")
_ALL_NAMES = text(
    "SELECT kind, ref_id, title FROM search_documents "
    "WHERE kind IN ('person', 'company', 'project') AND id <= :top"
)
_NEWER = text("SELECT id, kind, ref_id, title FROM search_documents WHERE id > :after ORDER BY id")


def _vocabulary(session: Session) -> _Vocabulary:
    conn = session.connection()
    key = conn.engine.pool
    with _VOCAB_GUARD:
        vocab = _VOCABULARIES.get(key)
        if vocab is None:
            vocab = _VOCABULARIES[key] = _Vocabulary()
    with vocab.lock:
        top = int(conn.execute(_TOP_ID).scalar() or 0)
        if top < vocab.last_id - _REREAD:  # another database behind the same engine
            vocab.last_id = 0
            vocab.tokens.clear()
            vocab.token_list.clear()
            vocab.sorted_tokens = []
            vocab.projects.clear()
            vocab.arrays.clear()
        known = len(vocab.token_list)
        if vocab.last_id == 0:
            # first read: every name (by kind), then follow the ids of all documents
            for kind, ref_id, title in conn.execute(_ALL_NAMES, {"top": top}):
                vocab.add(kind, int(ref_id), title or "")
            vocab.last_id = max(top, 1)
            for token in vocab.token_list:  # the id arrays too (else built on first use)
                vocab.ids(token, NAME_KINDS[0])
        else:
            # later: only what was written since (a primary-key range read)
            for row_id, kind, ref_id, title in conn.execute(
                _NEWER, {"after": vocab.last_id - _REREAD}
            ):
                if kind in VOCAB_KINDS:
                    vocab.add(kind, int(ref_id), title or "")
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


@dataclass
class _KindHits:
    """The records of one kind found by name, with their score bonus (same order)."""

    ids: np.ndarray
    bonus: np.ndarray

    def top(self, kind: str, base: float, n: int) -> list[tuple[tuple[str, int], float]]:
        """The best ``n`` as ((kind, id), score): highest score first, then lowest id
        (the order of the final ranking)."""
        if not self.ids.size:
            return []
        order = np.lexsort((self.ids, -self.bonus))[:n]
        return [((kind, int(self.ids[i])), base + float(self.bonus[i])) for i in order]


def _union(arrays: list[np.ndarray]) -> np.ndarray:
    if not arrays:
        return _NO_IDS
    if len(arrays) == 1:
        return arrays[0]
    return np.unique(np.concatenate(arrays))


def _name_refs(
    vocab: _Vocabulary, query_words: list[str], kinds: Sequence[str]
) -> dict[str, _KindHits]:
    """People/companies with a name word starting with every query word -> bonus
    (20 per word that is a whole name word, 12 per word that is its beginning), per
    kind. Sets of thousands are intersected and scored as sorted numpy arrays."""
    tokens = [_fold_word(w) for w in query_words]
    out: dict[str, _KindHits] = {}
    if len(tokens) == 1 and len(tokens[0]) <= 2:
        # one or two letters match a large part of a big store: as-you-type only
        # needs the first page, so stop collecting once there is plenty to rank
        token = tokens[0]
        found_set = set(vocab.tokens.get(token, set()))
        for t in vocab.with_prefix(token):
            found_set |= vocab.tokens[t]
            if len(found_set) >= SHORT_PREFIX_CAP:
                break
        for kind in kinds:
            ids = np.array(sorted(i for k, i in found_set if k == kind), dtype=np.int64)
            exact = vocab.ids(token, kind) if token in vocab.tokens else _NO_IDS
            bonus = np.where(np.isin(ids, exact, assume_unique=True), 20.0, 12.0)
            out[kind] = _KindHits(ids, bonus)
        return out
    prefixed = [vocab.with_prefix(t) for t in tokens]
    for kind in kinds:
        result: np.ndarray | None = None
        exacts: list[np.ndarray] = []
        for token, matching in zip(tokens, prefixed, strict=True):
            found = _union([vocab.ids(t, kind) for t in matching])
            exacts.append(vocab.ids(token, kind) if token in vocab.tokens else _NO_IDS)
            result = found if result is None else np.intersect1d(result, found, assume_unique=True)
            if not result.size:
                break
        if result is None or not result.size:
            continue
        bonus = np.zeros(result.size)
        for exact in exacts:
            bonus += np.where(np.isin(result, exact, assume_unique=True), 20.0, 12.0)
        out[kind] = _KindHits(result, bonus)
    return out


def _token_score(query: str, candidate: str, **_kwargs: Any) -> float:
    """Similarity of a (maybe half typed) query word with a name word."""
    full = float(fuzz.ratio(query, candidate))
    if len(candidate) > len(query) + 1:
        head = float(fuzz.ratio(query, candidate[: len(query) + 1])) - 5.0
        return max(full, head)
    return full


def _max_per_id(ids: list[np.ndarray], scores: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(unique ids, sorted; the highest of their scores) over arrays of ids and scores."""
    if not ids:
        return _NO_IDS, np.zeros(0)
    all_ids = np.concatenate(ids)
    all_scores = np.concatenate(scores)
    order = np.lexsort((-all_scores, all_ids))
    all_ids, all_scores = all_ids[order], all_scores[order]
    first = np.ones(all_ids.size, dtype=bool)
    first[1:] = all_ids[1:] != all_ids[:-1]
    return all_ids[first], all_scores[first]


def _fuzzy_refs(vocab: _Vocabulary, query_words: list[str]) -> dict[str, _KindHits]:
    """Per kind: people/companies whose name words resemble the query -> similarity."""
    per_word: list[dict[str, tuple[np.ndarray, np.ndarray]]] = []
    for word in query_words:
        token = _fold_word(word)
        if len(token) < 3:
            continue
        choices: Sequence[str] = vocab.token_list
        if len(choices) > 20_000:  # large stores: compare within the same first letter
            choices = vocab.with_prefix(token[:1])
        matches = process.extract(
            token, choices, scorer=_token_score, score_cutoff=FUZZY_CUTOFF, limit=25
        )
        per_word.append(
            {
                kind: _max_per_id(
                    [vocab.ids(candidate, kind) for candidate, _s, _i in matches],
                    [
                        np.full(vocab.ids(candidate, kind).size, float(score))
                        for candidate, score, _i in matches
                    ],
                )
                for kind in NAME_KINDS
            }
        )
    if not per_word:
        return {}
    out: dict[str, _KindHits] = {}
    for kind in NAME_KINDS:
        common = per_word[0][kind][0]
        for found in per_word[1:]:
            common = np.intersect1d(common, found[kind][0], assume_unique=True)
        if common.size:
            total = np.zeros(common.size)
            for ids, scores in (found[kind] for found in per_word):
                total = total + scores[np.searchsorted(ids, common)]
            out[kind] = _KindHits(common, total / len(per_word))
    if out:
        return out
    for kind in NAME_KINDS:  # no record resembles every word: the best of any word
        ids, best = _max_per_id(
            [found[kind][0] for found in per_word], [found[kind][1] * 0.9 for found in per_word]
        )
        if ids.size:
            out[kind] = _KindHits(ids, best)
    return out


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
    conn = session.connection()  # Core statements: the ORM adds nothing to these reads
    scored: dict[tuple[str, int], float] = {}
    if number is not None and "ticket" in wanted:
        ticket_id = conn.execute(_TICKET_BY_NUMBER, {"number": number}).scalar()
        if ticket_id is None:
            ticket_id = conn.execute(_TICKET_BY_UPPER_NUMBER, {"number": number}).scalar()
        if ticket_id is not None:
            scored[("ticket", int(ticket_id))] = TICKET_HIT_SCORE
    if "order" in wanted:
        scored.update(_order_numbers(conn, text_))
    top = limit + 40  # the ranking looks at this many; more of one kind cannot show

    # 1. names of companies and people: prefix match in the vocabulary
    name_kinds = [k for k in NAME_KINDS if k in wanted]
    vocab_hits: set[tuple[str, int]] = set()
    fuzzy_hits: set[tuple[str, int]] = set()
    vocab: _Vocabulary | None = None
    name_count = 0
    # the customers of orders are looked up by name even when only orders are wanted
    lookup_kinds = NAME_KINDS if "order" in wanted else tuple(name_kinds)
    customers: list[tuple[float, tuple[str, int]]] = []
    if (lookup_kinds or "project" in wanted) and query_words:
        vocab = _vocabulary(session)
    if vocab is not None and lookup_kinds:
        for kind, found in _name_refs(vocab, query_words, lookup_kinds).items():
            best_of_kind = found.top(kind, KIND_BASE[kind], top)
            customers += [(score, ref) for ref, score in best_of_kind[:ORDER_CUSTOMERS]]
            if kind not in name_kinds:
                continue
            name_count += int(found.ids.size)
            for ref, score in best_of_kind:
                scored[ref] = score
                vocab_hits.add(ref)

    # 2. full text of every kind (titles, bodies and fields) while the page is not full
    folded = [_fold_word(w) for w in query_words]
    digits = phone_digits(text_)
    exact_names = name_count > 0
    field_hits: set[tuple[str, int]] = set()
    if query_words and name_count < limit:
        # found through an address, a phone, a note (no title bonus): after the names;
        # their fields bonus is worked out best first and only while it can still matter
        by_fields: list[tuple[float, float, tuple[str, int], str | None]] = []
        most = 8.0 * (1 if digits is not None and len(folded) > 1 else len(folded))
        for kind, ref_id, title, fields, rank in _full_text(conn, text_, wanted):
            key = (kind, ref_id)
            if key not in scored:
                bonus = _title_bonus(title, folded)
                if kind in NAME_KINDS:
                    field_hits.add(key)  # its name may not explain it: _why looks
                    exact_names = True
                    if not bonus:
                        at_least = KIND_BASE[kind] - FIELD_PENALTY + rank
                        by_fields.append((at_least + most, at_least, key, fields))
                        continue
                scored[key] = KIND_BASE[kind] + bonus + rank
        _score_by_fields(scored, by_fields, folded, digits, top)
        # the orders of the customers found by name (a full page of names hides them)
        if "order" in wanted and customers:
            best_customers = heapq.nsmallest(
                ORDER_CUSTOMERS, customers, key=lambda item: (-item[0], item[1])
            )
            for key, score in _customer_orders(conn, best_customers).items():
                scored.setdefault(key, score)

    # project names: few rows, matched in memory, so that a name word shared by many
    # people (whose hits fill the page before the full text runs) still finds them
    if "project" in wanted and vocab is not None:
        for pid, name in _project_names(vocab, text_):
            key = ("project", pid)
            if key not in scored:
                scored[key] = KIND_BASE["project"] + _title_bonus(name, folded)

    # 3. typos: similar name words, only when no person or company matched exactly
    if vocab is not None and not exact_names and any(len(t) >= 3 for t in folded):
        for kind, found in _fuzzy_refs(vocab, query_words).items():
            if kind not in name_kinds:
                continue
            taken = [ref_id for k, ref_id in scored if k == kind]
            if taken:
                keep = ~np.isin(found.ids, np.array(taken, dtype=np.int64))
                found = _KindHits(found.ids[keep], found.bonus[keep])
            for ref, score in found.top(kind, KIND_BASE[kind] - FUZZY_PENALTY, top):
                scored[ref] = score
                fuzzy_hits.add(ref)

    best = heapq.nsmallest(top, scored.items(), key=lambda item: (-item[1], item[0]))
    hits: list[SearchHit] = []
    for hit in _describe(conn, best, limit + 20, (folded, digits), field_hits):
        key = (hit.kind, hit.ref_id)
        # the vocabulary may still hold the old name of a renamed record
        if key in vocab_hits and not _still_prefixed(hit.title, query_words):
            continue
        if key in fuzzy_hits and not _still_similar(hit.title, query_words):
            continue
        hits.append(hit)
    return hits[:limit]


def _score_by_fields(
    scored: dict[tuple[str, int], float],
    rows: list[tuple[float, float, tuple[str, int], str | None]],
    folded: list[str],
    digits: str | None,
    top: int,
) -> None:
    """Score the (best possible score, score without the fields bonus, key, fields)
    rows into ``scored``, highest possible first, until one could no longer reach the
    ``top`` best scores (the ranking looks at no more): those stay out, unread."""
    best = heapq.nlargest(top, scored.values())
    heapq.heapify(best)
    rows.sort(key=lambda row: -row[0])
    for most, least, key, fields in rows:
        if len(best) >= top and most < best[0]:
            break
        score = least + _fields_bonus(fields, folded, digits)
        scored[key] = score
        if len(best) < top:
            heapq.heappush(best, score)
        elif score > best[0]:
            heapq.heapreplace(best, score)


_TICKET_BY_NUMBER = (
    select(Ticket.id)
    .where(Ticket.number == bindparam("number"), Ticket.deleted_at.is_(None))
    .limit(1)
)
# a number stored in another case (an import): the slow way, only when the fast one fails
_TICKET_BY_UPPER_NUMBER = (
    select(Ticket.id)
    .where(func.upper(Ticket.number) == bindparam("number"), Ticket.deleted_at.is_(None))
    .limit(1)
)


def _project_names(vocab: _Vocabulary, text_: str) -> list[tuple[int, str]]:
    """The newest projects whose name holds every word typed (:func:`textmatch.matches`:
    in the folded letters or the loose form), found in one string of all their names."""
    typed = [(textmatch.fold_letters(w), textmatch.fold(w)) for w in textmatch.words(text_)]
    if not typed:
        return []
    ids, indexes = vocab.project_index()
    found: set[int] | None = None
    for forms in typed:
        at: set[int] = set()
        for word, (starts, joined) in zip(forms, indexes, strict=True):
            pos = joined.find(word)
            while pos >= 0:
                row = bisect.bisect_right(starts, pos) - 1
                at.add(row)
                pos = joined.find(word, starts[row + 1] if row + 1 < len(starts) else len(joined))
        found = at if found is None else found & at
        if not found:
            return []
    rows = sorted(found or ())[:PROJECT_CANDIDATES]  # rows are newest first
    return [(ids[row], vocab.projects[ids[row]][0]) for row in rows]


# ---------------------------------------------------------------- orders

ORDER_CUSTOMERS = 20  # the best name hits whose orders are listed
ORDER_CANDIDATES = 30
_ORDER_NUMBER = re.compile(r"[A-Z0-9][A-Z0-9/_.\-]*")
_PADDED = re.compile(r"([A-Z]+-\d{4}-)(\d{1,4})")


_ORDER = Order.__table__.c
# the deleted flag is read, not filtered: a filter on it makes SQLite walk its index
_ORDERS_FROM_NUMBER = (
    select(_ORDER.id, _ORDER.number, _ORDER.deleted_at)
    .where(_ORDER.number >= bindparam("low"), _ORDER.number < bindparam("high"))
    .order_by(_ORDER.number.desc())
    .limit(ORDER_CANDIDATES * 4)
)
_ORDERS_BY_NUMBER = select(_ORDER.id, _ORDER.number, _ORDER.deleted_at).where(
    _ORDER.number.in_(bindparam("numbers", expanding=True))
)
_ORDERS_OF = {
    kind: select(_ORDER.id, column, _ORDER.deleted_at)
    .where(column.in_(bindparam("ids", expanding=True)))
    .order_by(_ORDER.id.desc())
    .limit(ORDER_CANDIDATES * 4)
    for kind, column in (("company", _ORDER.company_id), ("person", _ORDER.person_id))
}


def _order_numbers(conn: Connection, text_: str) -> dict[tuple[str, int], float]:
    """Orders whose number is what was typed (first, like a ticket number) or begins
    with it (a number typed half, at least one digit); spaces and case do not matter."""
    typed = "".join((text_ or "").split()).upper()
    if not typed or not any(ch.isdigit() for ch in typed) or not _ORDER_NUMBER.fullmatch(typed):
        return {}
    exact = {typed}
    padded = _PADDED.fullmatch(typed)
    if padded is not None:  # "A-2026-17" is A-2026-00017
        exact.add(padded.group(1) + padded.group(2).zfill(5))
    rows = list(conn.execute(_ORDERS_FROM_NUMBER, {"low": typed, "high": typed + "\uffff"}))
    rows += conn.execute(_ORDERS_BY_NUMBER, {"numbers": sorted(exact - {typed})}).all()
    found = {int(oid): str(num) for oid, num, deleted in rows if deleted is None}
    newest = sorted(found, reverse=True)[:ORDER_CANDIDATES]
    return {
        ("order", oid): TICKET_HIT_SCORE
        if found[oid] in exact
        else KIND_BASE["order"] + 20.0 + _recency(pos, len(newest))
        for pos, oid in enumerate(newest)
    }


def _recency(pos: int, total: int) -> float:
    """0..10 for the ``pos``-th of ``total`` hits, newest first (as in the full text)."""
    return 10.0 * (total - pos) / max(1, total)


def _customer_orders(
    conn: Connection, customers: list[tuple[float, tuple[str, int]]]
) -> dict[tuple[str, int], float]:
    """The newest orders of the customers found by name; they rank by their customer."""
    by_kind: dict[str, dict[int, float]] = {"company": {}, "person": {}}
    for score, (kind, ref_id) in customers:
        by_kind[kind][ref_id] = score - KIND_BASE[kind]
    bonus: dict[int, float] = {}
    for kind, refs in by_kind.items():
        if not refs:
            continue
        for oid, owner, deleted in conn.execute(_ORDERS_OF[kind], {"ids": sorted(refs)}):
            if deleted is None:
                bonus[int(oid)] = max(bonus.get(int(oid), 0.0), refs.get(int(owner), 0.0))
    newest = sorted(bonus, reverse=True)[:ORDER_CANDIDATES]
    return {
        ("order", oid): KIND_BASE["order"] + bonus[oid] + _recency(pos, len(newest))
        for pos, oid in enumerate(newest)
    }


def _title_bonus(title: str, folded_words: list[str]) -> float:
    get = _FOLDED.get
    title_words = [get(w) or _fold_word(w) for w in _WORD.findall(title)]
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
    get = _FOLDED.get  # most words were folded before: a dict lookup each
    field_words = {get(w) or _fold_word(w) for w in set(_WORD.findall(fields))}
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
    conn: Connection, text_: str, wanted: tuple[str, ...]
) -> list[tuple[str, int, str, str | None, float]]:
    """Matching documents (kind, ref_id, title, fields, recency bonus 0..10), newest
    first; the people and companies whose fields match come in a pass of their own, so
    that a city named in thousands of newer activities still finds them."""
    sqlite = conn.dialect.name == "sqlite"
    match = _sqlite_match if sqlite else _pg_match
    doc_kinds = tuple(k for k in wanted if k in DOCUMENT_KINDS)
    if not doc_kinds:
        return []
    rows = match(conn, text_, doc_kinds, fields_only=False)
    # fewer than CANDIDATES of all kinds: every match is there, the fields' ones too
    complete = len(rows) < CANDIDATES and set(doc_kinds) == set(DOCUMENT_KINDS)
    if not complete and any(k in NAME_KINDS for k in doc_kinds):
        seen = {(r[0], r[1]) for r in rows}
        rows += [
            r for r in match(conn, text_, doc_kinds, fields_only=True) if (r[0], r[1]) not in seen
        ]
    total = max(1, len(rows))
    return [
        (kind, ref_id, title, fields, 10.0 * (total - pos) / total)
        for pos, (kind, ref_id, title, fields) in enumerate(rows)
    ]


_FTS_SQL: dict[tuple[str, ...], str] = {}


def _sqlite_match(
    conn: Connection, text_: str, wanted: tuple[str, ...], *, fields_only: bool
) -> list[Row]:
    """The newest documents matching (up to ``CANDIDATES``), read through the driver:
    hundreds of rows with their fields are most of a search's work otherwise."""
    match = fts5_query(text_)
    if match is None:
        return []
    if fields_only:
        match = f"{{fields}} : ({match})"
    statement = _FTS_SQL.get(wanted)
    if statement is None:
        kinds_sql = ", ".join(f"'{k}'" for k in wanted)  # only names from the fixed KINDS
        statement = _FTS_SQL[wanted] = (
            "SELECT d.kind, d.ref_id, d.title, d.fields FROM "
            "(SELECT rowid AS rid FROM search_fts WHERE search_fts MATCH ? "
            " ORDER BY rowid DESC LIMIT ?) AS m "
            "JOIN search_documents AS d ON d.id = m.rid "
            f"WHERE d.kind IN ({kinds_sql}) ORDER BY d.id DESC"
        )
    raw = conn.connection.driver_connection
    assert raw is not None
    return [(r[0], int(r[1]), r[2], r[3]) for r in raw.execute(statement, (match, CANDIDATES))]


def _pg_match(
    conn: Connection, text_: str, wanted: tuple[str, ...], *, fields_only: bool
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
        result = conn.execute(
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
            result = conn.execute(
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
    conn: Connection,
    ranked: list[tuple[tuple[str, int], float]],
    limit: int,
    terms: Terms = ([], None),
    field_hits: set[tuple[str, int]] | None = None,
) -> list[SearchHit]:
    """Current titles and subtitles for the best hits; records gone meanwhile drop out.
    A person or company found through its fields (not its name; ``field_hits``) says
    which one."""
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
            info.update(_DESCRIBERS[kind](conn, ids))
        why = _why(conn, info, terms, field_hits or set())
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


def _address_line(
    street: str | None, extra: str | None, postcode: str | None, city: str | None
) -> str:
    """:meth:`Address.one_line` of the columns."""
    place = " ".join(p for p in (postcode, city) if p)
    return ", ".join(p for p in (street, extra or "", place) if p)


def _may_begin_a_form(number: str, typed: list[str]) -> bool:
    """False when no form of ``number`` (:func:`phone_forms`: the digits, the national
    form with a trunk prefix of up to three digits, its tail) can begin with every word
    of ``typed``: each form is a piece of the digits, maybe after the trunk prefix. Saves
    parsing the numbers that cannot match."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return all(any(w[k:] in digits for k in range(4)) for w in typed)


def _why_statements(kind: str) -> tuple[Any, Any, Any]:
    ids: Any = bindparam("ids", expanding=True)
    owner = Address.person_id if kind == "person" else Address.company_id
    phone_owner = Phone.person_id if kind == "person" else Phone.company_id
    model: Any = Person if kind == "person" else Company
    profile = Person.profile_fields if kind == "person" else literal(None)
    return (
        select(owner, Address.street, Address.extra, Address.postcode, Address.city)
        .where(owner.in_(ids))
        .order_by(Address.id),
        select(phone_owner, Phone.number).where(phone_owner.in_(ids)).order_by(Phone.id),
        select(model.id, model.notes, profile).where(model.id.in_(ids)),
    )


_WHY = {kind: _why_statements(kind) for kind in NAME_KINDS}


def _why(
    conn: Connection,
    info: dict[tuple[str, int], tuple[str, str]],
    terms: Terms,
    field_hits: set[tuple[str, int]],
) -> dict[tuple[str, int], tuple[str, str]]:
    """(matched, subtitle) for people and companies whose name does not explain the hit:
    the address, phone number, profile field or note that does. Only hits of the full
    text can be such (a name or typo hit is explained by its name)."""
    folded_words, digits = terms
    if not folded_words or not field_hits:
        return {}
    todo = [
        key
        for key, (title, _sub) in info.items()
        if key in field_hits and not _begins(title, folded_words)
    ]
    if not todo:
        return {}
    out: dict[tuple[str, int], tuple[str, str]] = {}
    for kind in NAME_KINDS:
        ids = [ref_id for k, ref_id in todo if k == kind]
        if not ids:
            continue
        addresses, phones, details = _WHY[kind]
        for owner_id, street, extra, postcode, city in conn.execute(addresses, {"ids": ids}):
            key = (kind, int(owner_id or 0))
            if key in out:
                continue
            line = _address_line(street, extra, postcode, city)
            if _begins(line, folded_words):
                out[key] = ("address", line)
        rest = [i for i in ids if (kind, i) not in out]
        if not rest:
            continue
        # phone numbers are digits: a word with a letter cannot begin one
        digits_only = digits is not None or all(w.isdigit() for w in folded_words)
        for owner_id, number in conn.execute(phones, {"ids": rest}) if digits_only else ():
            key = (kind, int(owner_id or 0))
            if key in out or not _may_begin_a_form(number, [digits] if digits else folded_words):
                continue
            forms = [number.lstrip("+"), *phone_forms(number)]
            wanted = [digits] if digits else folded_words
            if all(any(f.startswith(w) for f in forms) for w in wanted):
                out[key] = ("phone", _national(number))
        rest = [i for i in rest if (kind, i) not in out]
        if not rest:
            continue
        for rid, notes, fields in conn.execute(details, {"ids": rest}):
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


_PEOPLE = (
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
    .where(Person.id.in_(bindparam("ids", expanding=True)), Person.deleted_at.is_(None))
)

_COMPANIES = select(Company.id, Company.name, Company.status).where(
    Company.id.in_(bindparam("ids", expanding=True)), Company.deleted_at.is_(None)
)

_COMPANY_CITIES = (
    select(Address.company_id, func.min(Address.city))
    .where(
        Address.company_id.in_(bindparam("ids", expanding=True)), Address.kind == AddressKind.MAIN
    )
    .group_by(Address.company_id)
)

_ACTIVITIES = (
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
    .where(Activity.id.in_(bindparam("ids", expanding=True)), Activity.deleted_at.is_(None))
)

_TICKETS = (
    select(Ticket.id, Ticket.number, Ticket.title, Ticket.status, Company.name)
    .outerjoin(Company, Company.id == Ticket.company_id)
    .where(Ticket.id.in_(bindparam("ids", expanding=True)), Ticket.deleted_at.is_(None))
)

_PROJECTS = (
    select(Project.id, Project.name, Project.status, Company.name)
    .outerjoin(Company, Company.id == Project.company_id)
    .where(Project.id.in_(bindparam("ids", expanding=True)), Project.deleted_at.is_(None))
)

_ORDERS = (
    select(
        Order.id,
        Order.number,
        Order.order_date,
        Order.status,
        Company.name,
        Person.title,
        Person.given_name,
        Person.family_name,
        Person.nickname,
    )
    .outerjoin(Company, Company.id == Order.company_id)
    .outerjoin(Person, Person.id == Order.person_id)
    .where(Order.id.in_(bindparam("ids", expanding=True)), Order.deleted_at.is_(None))
)


def _people(conn: Connection, ids: list[int]) -> dict[tuple[str, int], tuple[str, str]]:
    rows = conn.execute(_PEOPLE, {"ids": ids}).all()
    out = {}
    for pid, title, given, family, nick, position, company in rows:
        name = " ".join(p for p in (title, given, family) if p) or (nick or "")
        out[("person", pid)] = (name, _join(company, position))
    return out


def _companies(conn: Connection, ids: list[int]) -> dict[tuple[str, int], tuple[str, str]]:
    rows = conn.execute(_COMPANIES, {"ids": ids}).all()
    cities: dict[int, str] = {}
    for cid, city in conn.execute(_COMPANY_CITIES, {"ids": ids}).all():
        if cid is not None and city:
            cities[cid] = str(city)
    return {
        ("company", cid): (name, _join(cities.get(cid), str(status.value)))
        for cid, name, status in rows
    }


def _activities(conn: Connection, ids: list[int]) -> dict[tuple[str, int], tuple[str, str]]:
    rows = conn.execute(_ACTIVITIES, {"ids": ids}).all()
    out = {}
    for aid, kind, subject, body, at, given, family, company in rows:
        who = " ".join(p for p in (given, family) if p) or company or ""
        when = to_local(at).date().isoformat() if isinstance(at, dt.datetime) else ""
        title = subject or (body or "")[:80] or str(kind.value)
        out[("activity", aid)] = (title, _join(when, str(kind.value), who))
    return out


def _tickets(conn: Connection, ids: list[int]) -> dict[tuple[str, int], tuple[str, str]]:
    rows = conn.execute(_TICKETS, {"ids": ids}).all()
    return {
        ("ticket", tid): (f"{number} {title}", _join(str(status.value), company))
        for tid, number, title, status, company in rows
    }


def _projects(conn: Connection, ids: list[int]) -> dict[tuple[str, int], tuple[str, str]]:
    rows = conn.execute(_PROJECTS, {"ids": ids}).all()
    return {
        ("project", pid): (name, _join(str(status.value), company))
        for pid, name, status, company in rows
    }


def _orders(conn: Connection, ids: list[int]) -> dict[tuple[str, int], tuple[str, str]]:
    rows = conn.execute(_ORDERS, {"ids": ids}).all()
    out = {}
    for oid, number, day, status, company, title, given, family, nick in rows:
        customer = company or display_name(title, given, family, nick)
        when = day.isoformat() if isinstance(day, dt.date) else ""
        out[("order", int(oid))] = (str(number), _join(customer, when, str(status)))
    return out


_DESCRIBERS = {
    "person": _people,
    "company": _companies,
    "activity": _activities,
    "ticket": _tickets,
    "order": _orders,
    "project": _projects,
}
