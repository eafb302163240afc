"""A Fellegi–Sunter model of "same person", fitted on the user's own data.

Each candidate pair of people gets a *comparison vector*: one level per field

=========  ===================================================================
given      missing · different · initial fits · sounds alike (Cologne phonetics)
           or Jaro–Winkler ≥ 0.8 · Jaro–Winkler ≥ 0.92 / two edits / a part ·
           one edit (Damerau) / nickname · equal
family     missing · different · sounds alike / a part / JW ≥ 0.8 · JW ≥ 0.92 /
           two edits · one edit · equal
swapped    given and family name compared straight · crosswise
birth      missing · different · same year · one digit off, two digits
           transposed, day and month swapped, a year off · equal
address    missing · other place · same city · same postcode or street · equal
e-mail     missing · different · same local part · equal
phone      missing · different · equal
salutation missing · different · equal
=========  ===================================================================

(levels are numbered from 0 = missing, which weighs nothing). For every level the
model has ``m`` (how often a true duplicate shows it) and ``u`` (how often two
different people do); the match weight of a pair is ``Σ log2(m/u)`` plus the prior
log-odds. ``u`` starts from random pairs of the store, then ``m``, ``u`` and the
share of duplicates among the candidates are estimated by expectation–maximisation
on the candidate pairs themselves (the distinct comparison vectors with their counts,
so a million pairs cost a few thousand rows). Hand-set starting values act as a weak
prior, so a store with few records stays near them instead of fitting noise.

An equal name weighs by its frequency (term-frequency adjustment): "Müller" agrees
by chance far more often than "Quappendorf", so an equal name adds
``log2(Σp² / p_name)`` on top of the level's weight.

The probability ``1 / (1 + 2^-weight)`` is the model's posterior; pairs at or above
:data:`MATCH_PROBABILITY` are matches. Pure numpy and rapidfuzz, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import OSA, JaroWinkler

from crm_desktop.services.dedup.keys import NameKey
from crm_desktop.services.dedup.people import PersonRec, _gender_variant

FIELDS = ("given", "family", "swapped", "birth", "address", "email", "phone", "salutation")
LEVELS = (7, 6, 3, 5, 5, 4, 3, 3)  # levels per field, 0 = missing
MATCH_PROBABILITY = 0.5
EM_ITERATIONS = 40
PRIOR_PAIRS = 50.0  # weight of the hand-set starting values, in pairs
RANDOM_PAIRS = 20_000  # random pairs for the starting ``u``
MIN_FIT_PAIRS = 200  # fewer candidate pairs: the starting values are kept as they are

# hand-set starting m per level (level 0 is unused)
_M0 = (
    (0, 0.05, 0.04, 0.03, 0.06, 0.12, 0.70),
    (0, 0.03, 0.04, 0.07, 0.16, 0.70),
    (0, 0.95, 0.05),
    (0, 0.04, 0.02, 0.14, 0.80),
    (0, 0.15, 0.05, 0.05, 0.75),
    (0, 0.30, 0.10, 0.60),
    (0, 0.30, 0.70),
    (0, 0.02, 0.98),
)
_U_FLOOR = 1e-6


# ---------------------------------------------------------------- comparison levels


@lru_cache(maxsize=300_000)
def given_level(a: NameKey, b: NameKey) -> int:
    """The level of two given names (see the module docstring)."""
    if not a.key or not b.key:
        return 0
    if a.key == b.key:
        return 6
    if a.initials or b.initials:
        short, long_ = (a, b) if len(a.key) <= len(b.key) else (b, a)
        letters = "".join(t[0] for t in long_.toks)
        return 2 if letters.startswith(short.key) or short.key[0] == long_.key[0] else 1
    if _gender_variant(a.key, b.key) or _gender_variant(a.toks[0], b.toks[0]):
        return 1  # Daniel and Daniela are two people
    if a.canon and a.canon == b.canon:
        return 5
    dist = min(OSA.distance(a.key, b.key, score_cutoff=3), OSA.distance(a.flat, b.flat))
    if dist <= 1 and min(len(a.key), len(b.key)) >= 3:
        return 5
    sa, sb = set(a.toks), set(b.toks)
    jw = JaroWinkler.similarity(a.key, b.key)
    if sa <= sb or sb <= sa or jw >= 0.92 or (dist <= 2 and min(len(a.key), len(b.key)) >= 6):
        return 4
    if (a.phon and a.phon == b.phon) or jw >= 0.8:
        return 3
    return 1


@lru_cache(maxsize=300_000)
def family_level(a: NameKey, b: NameKey) -> int:
    """The level of two family names (see the module docstring)."""
    if not a.key or not b.key:
        return 0
    if a.key == b.key:
        return 5
    dist = min(OSA.distance(a.key, b.key, score_cutoff=3), OSA.distance(a.flat, b.flat))
    if dist <= 1 and min(len(a.key), len(b.key)) >= 3:
        return 4
    jw = JaroWinkler.similarity(a.key, b.key)
    if jw >= 0.92 or (dist <= 2 and min(len(a.key), len(b.key)) >= 6):
        return 3
    sa, sb = set(a.toks), set(b.toks)
    if (a.phon and a.phon == b.phon) or (sa & sb) or jw >= 0.8:
        return 2
    return 1


def birth_level(a: dt.date | None, b: dt.date | None) -> int:
    if a is None or b is None:
        return 0
    if a == b:
        return 4
    sa, sb = a.strftime("%Y%m%d"), b.strftime("%Y%m%d")
    diff = [k for k in range(8) if sa[k] != sb[k]]
    if len(diff) == 1:
        return 3
    if (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and sa[diff[0]] == sb[diff[1]]
        and sa[diff[1]] == sb[diff[0]]
    ):
        return 3  # two digits transposed
    if a.year == b.year and a.day == b.month and a.month == b.day:
        return 3
    if (a.month, a.day) == (b.month, b.day) and abs(a.year - b.year) == 1:
        return 3
    if a.year == b.year:
        return 2
    return 1


def _address_level(a: PersonRec, b: PersonRec) -> int:
    if not (a.postcodes or a.cities) or not (b.postcodes or b.cities):
        return 0
    if any(x in b.addresses for x in a.addresses):
        return 4
    if any(x in b.postcodes for x in a.postcodes):
        return 3
    streets = {s for _pc, s in b.addresses}
    if any(s in streets for _pc, s in a.addresses):
        return 3
    if any(x in b.cities for x in a.cities):
        return 2
    return 1


def _email_level(a: PersonRec, b: PersonRec) -> int:
    if not a.emails or not b.emails:
        return 0
    if any(v in b.emails for v in a.emails):
        return 3
    if any(v in b.locals for v in a.locals):
        return 2
    return 1


def compare(a: PersonRec, b: PersonRec) -> tuple[int, ...]:
    """The comparison vector of two people (one level per field of :data:`FIELDS`)."""
    g, f = given_level(a.given, b.given), family_level(a.family, b.family)
    swapped = 1
    if a.given.key and a.family.key and b.given.key and b.family.key:
        sg, sf = family_level(a.given, b.family), family_level(a.family, b.given)
        if sg >= 3 and sf >= 3 and sg + sf > g + f:
            g, f, swapped = min(6, sg + 1), sf, 2
    email = _email_level(a, b)
    phone = (
        0 if not a.phones or not b.phones else (2 if any(p in b.phones for p in a.phones) else 1)
    )
    gender = 0 if not a.gender or not b.gender else (2 if a.gender == b.gender else 1)
    return (
        g,
        f,
        swapped,
        birth_level(a.birth, b.birth),
        _address_level(a, b),
        email,
        phone,
        gender,
    )


def compare_pairs(
    records: Sequence[PersonRec], i: npt.NDArray[np.int64], j: npt.NDArray[np.int64]
) -> npt.NDArray[np.int8]:
    """The comparison vectors of the pairs (``i[k]``, ``j[k]``), one row each: what
    :func:`compare` gives, with arrays: the names are compared once per distinct pair
    of names, the rest with per-record columns."""
    return _Columns.of(records).compare(i, j)


class _Columns:
    """Per-record arrays for :func:`compare_pairs`."""

    def __init__(self, records: Sequence[PersonRec]) -> None:
        from crm_desktop.services.dedup.bulk import _date_digits, _values

        n = len(records)
        names: dict[NameKey, int] = {}
        self.given = np.fromiter(
            (names.setdefault(r.given, len(names)) for r in records), np.int64, n
        )
        self.family = np.fromiter(
            (names.setdefault(r.family, len(names)) for r in records), np.int64, n
        )
        self.names = list(names)
        self.has_given = np.fromiter((bool(r.given.key) for r in records), bool, n)
        self.has_family = np.fromiter((bool(r.family.key) for r in records), bool, n)
        birth = np.fromiter((_date_digits(r.birth) for r in records), np.int64, n)
        self.birth = birth
        self.digits = np.stack([(birth // 10**k) % 10 for k in range(7, -1, -1)], axis=1).astype(
            np.int8
        )
        self.has_place = np.fromiter((bool(r.postcodes or r.cities) for r in records), bool, n)
        self.addresses = _values([r.addresses for r in records])
        self.postcodes = _values([r.postcodes for r in records])
        self.streets = _values([tuple(s for _pc, s in r.addresses) for r in records])
        self.cities = _values([r.cities for r in records])
        self.emails = _values([r.emails for r in records])
        self.locals_ = _values([r.locals for r in records])
        self.phones = _values([r.phones for r in records])
        genders = {"m": 1, "f": 2}
        self.gender = np.fromiter((genders.get(r.gender, 0) for r in records), np.int8, n)

    @classmethod
    def of(cls, records: Sequence[PersonRec]) -> _Columns:
        return cls(records)

    def _names(
        self, x: npt.NDArray[np.int64], y: npt.NDArray[np.int64], given: bool
    ) -> npt.NDArray[np.int8]:
        """The level of the name pairs (``x[k]``, ``y[k]``), each distinct pair once."""
        size = len(self.names)
        codes = x * size + y
        uniq, inv = np.unique(codes, return_inverse=True)
        level = given_level if given else family_level
        names = self.names
        levels = np.fromiter(
            (level(names[c // size], names[c % size]) for c in uniq.tolist()), np.int8, len(uniq)
        )
        out: npt.NDArray[np.int8] = levels[inv.reshape(-1)]
        return out

    def compare(self, i: npt.NDArray[np.int64], j: npt.NDArray[np.int64]) -> npt.NDArray[np.int8]:
        from crm_desktop.services.dedup.bulk import _both, _shared

        out = np.zeros((len(i), len(FIELDS)), dtype=np.int8)
        if not len(i):
            return out
        g = self._names(self.given[i], self.given[j], True)
        f = self._names(self.family[i], self.family[j], False)
        swapped = np.ones(len(i), dtype=np.int8)
        full = self.has_given[i] & self.has_family[i] & self.has_given[j] & self.has_family[j]
        cand = np.nonzero(full & ((g < 6) | (f < 5)))[0]
        if cand.size:
            ci, cj = i[cand], j[cand]
            sg = self._names(self.given[ci], self.family[cj], False)
            sf = self._names(self.family[ci], self.given[cj], False)
            better = (
                (sg >= 3)
                & (sf >= 3)
                & (sg.astype(np.int16) + sf > g[cand].astype(np.int16) + f[cand])
            )
            rows = cand[better]
            g[rows] = np.minimum(6, sg[better] + 1)
            f[rows] = sf[better]
            swapped[rows] = 2
        out[:, 0], out[:, 1], out[:, 2] = g, f, swapped
        out[:, 3] = self._birth(i, j)
        # address: the same · same postcode or street · same city · another place
        place = self.has_place[i] & self.has_place[j]
        address = np.where(
            _shared(self.addresses, i, j),
            4,
            np.where(
                _shared(self.postcodes, i, j) | _shared(self.streets, i, j),
                3,
                np.where(_shared(self.cities, i, j), 2, 1),
            ),
        )
        out[:, 4] = np.where(place, address, 0)
        emails = _both(self.emails, i, j)
        email = np.where(_shared(self.emails, i, j), 3, np.where(_shared(self.locals_, i, j), 2, 1))
        out[:, 5] = np.where(emails, email, 0)
        out[:, 6] = np.where(
            _both(self.phones, i, j), np.where(_shared(self.phones, i, j), 2, 1), 0
        )
        gi, gj = self.gender[i], self.gender[j]
        out[:, 7] = np.where((gi > 0) & (gj > 0), np.where(gi == gj, 2, 1), 0)
        return out

    def _birth(self, i: npt.NDArray[np.int64], j: npt.NDArray[np.int64]) -> npt.NDArray[np.int8]:
        bi, bj = self.birth[i], self.birth[j]
        known = (bi >= 0) & (bj >= 0)
        out = np.where(known, 1, 0).astype(np.int8)
        out[known & (bi == bj)] = 4
        rows = np.nonzero(known & (bi != bj))[0]
        if rows.size:
            di, dj = self.digits[i[rows]], self.digits[j[rows]]
            diff = di != dj
            count = diff.sum(axis=1)
            near = count == 1
            # two neighbouring digits transposed
            swap = (
                (di[:, :-1] == dj[:, 1:]) & (di[:, 1:] == dj[:, :-1]) & diff[:, :-1] & diff[:, 1:]
            )
            near |= (count == 2) & swap.any(axis=1)
            yi, yj = bi[rows] // 10_000, bj[rows] // 10_000
            mi, mj = (bi[rows] // 100) % 100, (bj[rows] // 100) % 100
            ddi, ddj = bi[rows] % 100, bj[rows] % 100
            near |= (yi == yj) & (ddi == mj) & (mi == ddj)
            near |= (mi == mj) & (ddi == ddj) & (np.abs(yi - yj) == 1)
            out[rows] = np.where(near, 3, np.where(yi == yj, 2, 1))
        return out


# ---------------------------------------------------------------- the model


@dataclass
class Model:
    """Fitted ``m`` and ``u`` per field and level, the duplicate share among the
    candidates (``prior``) and the name frequencies for the term-frequency adjustment."""

    m: list[npt.NDArray[np.float64]]
    u: list[npt.NDArray[np.float64]]
    prior: float
    given_tf: dict[str, float]
    family_tf: dict[str, float]
    given_sq: float  # Σ p² of the given names: the chance two random people agree
    family_sq: float
    iterations: int = 0

    def weights(self) -> list[npt.NDArray[np.float64]]:
        """log2(m/u) per field and level (0 for the level "missing")."""
        out = []
        for m, u in zip(self.m, self.u, strict=True):
            w = np.log2(np.maximum(m, _U_FLOOR) / np.maximum(u, _U_FLOOR))
            w[0] = 0.0
            out.append(w)
        return out

    def match_weight(
        self, vectors: npt.NDArray[np.int8], tf: npt.NDArray[np.float64] | None = None
    ) -> npt.NDArray[np.float64]:
        total = np.full(len(vectors), np.log2(self.prior / (1 - self.prior)))
        for k, w in enumerate(self.weights()):
            total += w[vectors[:, k]]
        if tf is not None:
            total += tf
        return total

    def probability(
        self, vectors: npt.NDArray[np.int8], tf: npt.NDArray[np.float64] | None = None
    ) -> npt.NDArray[np.float64]:
        weight = self.match_weight(vectors, tf)
        return 1.0 / (1.0 + np.exp2(-np.clip(weight, -60, 60)))

    def tf_adjustment(
        self,
        records: Sequence[PersonRec],
        i: npt.NDArray[np.int64],
        j: npt.NDArray[np.int64],
        vectors: npt.NDArray[np.int8],
    ) -> npt.NDArray[np.float64]:
        """log2(Σp² / p_name) for each equal given or family name (straight pairs)."""
        out = np.zeros(len(i))
        straight = vectors[:, 2] == 1
        for col, level, tf, sq, attr in (
            (0, 6, self.given_tf, self.given_sq, "given"),
            (1, 5, self.family_tf, self.family_sq, "family"),
        ):
            rows = np.nonzero((vectors[:, col] == level) & straight)[0]
            if rows.size and sq > 0:
                vals = [tf.get(getattr(records[x], attr).key, 0.0) for x in i[rows].tolist()]
                p = np.maximum(np.asarray(vals, dtype=np.float64), 1e-9)
                out[rows] += np.clip(np.log2(sq / p), -6.0, 6.0)
        return out


def _frequencies(records: Sequence[PersonRec], attr: str) -> tuple[dict[str, float], float]:
    counts = Counter(getattr(r, attr).key for r in records if getattr(r, attr).key)
    total = sum(counts.values())
    if not total:
        return {}, 0.0
    tf = {k: c / total for k, c in counts.items()}
    return tf, float(sum(p * p for p in tf.values()))


def _random_u(records: Sequence[PersonRec], seed: int) -> list[npt.NDArray[np.float64]]:
    """``u`` from random pairs (almost all of them two different people), smoothed."""
    n = len(records)
    counts = [np.ones(levels) for levels in LEVELS]
    if n >= 2:
        rng = np.random.default_rng(seed)
        size = min(RANDOM_PAIRS, n * (n - 1) // 2)
        i = rng.integers(0, n, size)
        j = rng.integers(0, n, size)
        keep = i != j
        vectors = compare_pairs(records, i[keep], j[keep])
        for k, levels in enumerate(LEVELS):
            counts[k] += np.bincount(vectors[:, k], minlength=levels)[:levels]
    out = []
    for c in counts:
        c[0] = 0.0
        out.append(c / c.sum())
    return out


def fit(
    records: Sequence[PersonRec],
    vectors: npt.NDArray[np.int8],
    *,
    seed: int = 0,
    iterations: int = EM_ITERATIONS,
) -> Model:
    """The model fitted by EM on the candidate pairs' comparison vectors."""
    u0 = _random_u(records, seed)
    m0 = [np.asarray(m, dtype=np.float64) for m in _M0]
    given_tf, given_sq = _frequencies(records, "given")
    family_tf, family_sq = _frequencies(records, "family")
    model = Model(m0, u0, 0.2, given_tf, family_tf, given_sq, family_sq)
    if len(vectors) < MIN_FIT_PAIRS:
        return model
    # the distinct vectors with their counts (one mixed-radix number per vector: far
    # faster than np.unique over rows)
    radix = np.cumprod((1, *LEVELS[:-1])).astype(np.int64)
    codes, counts = np.unique(vectors.astype(np.int64) @ radix, return_counts=True)
    patterns = ((codes[:, None] // radix) % np.asarray(LEVELS)).astype(np.int64)
    counts = counts.astype(np.float64)
    m = [x.copy() for x in m0]
    u = [x.copy() for x in u0]
    prior = 0.2
    for it in range(iterations):
        # E: the posterior that each distinct vector is a duplicate
        lm = np.full(len(patterns), np.log(prior))
        lu = np.full(len(patterns), np.log(1 - prior))
        for k in range(len(FIELDS)):
            col = patterns[:, k]
            known = col > 0
            lm += np.where(known, np.log(np.maximum(m[k][col], _U_FLOOR)), 0.0)
            lu += np.where(known, np.log(np.maximum(u[k][col], _U_FLOOR)), 0.0)
        g = 1.0 / (1.0 + np.exp(np.clip(lu - lm, -500, 500)))
        gm, gu = g * counts, (1 - g) * counts
        # M: level shares among duplicates and non-duplicates, with the prior pairs
        new_prior = float(gm.sum() / counts.sum())
        changed = abs(new_prior - prior)
        prior = min(max(new_prior, 1e-6), 1 - 1e-6)
        for k, levels in enumerate(LEVELS):
            col = patterns[:, k]
            cm = np.bincount(col, weights=gm, minlength=levels)[:levels] + PRIOR_PAIRS * m0[k]
            cu = np.bincount(col, weights=gu, minlength=levels)[:levels] + PRIOR_PAIRS * u0[k]
            cm[0] = cu[0] = 0.0
            m[k], u[k] = cm / cm.sum(), cu / cu.sum()
        model.iterations = it + 1
        if changed < 1e-6:
            break
    model.m, model.u, model.prior = m, u, prior
    return model


def match_probabilities(
    records: Sequence[PersonRec],
    i: npt.NDArray[np.int64],
    j: npt.NDArray[np.int64],
    *,
    seed: int = 0,
) -> tuple[npt.NDArray[np.float64], Model]:
    """Fit the model on the candidate pairs (``i[k]``, ``j[k]``) and return each pair's
    match probability with the model."""
    vectors = compare_pairs(records, i, j)
    model = fit(records, vectors, seed=seed)
    tf = model.tf_adjustment(records, i, j, vectors)
    prob = model.probability(vectors, tf)
    prob[vetoed(vectors)] = 0.0
    return prob, model


def vetoed(vectors: npt.NDArray[np.int8]) -> npt.NDArray[np.bool_]:
    """Pairs the model may not match, whatever their weight: the rules of the hand-set
    score (two different given names, family names, birth dates or salutations:
    siblings, twins, spouses, namesakes) and pairs that share nothing but a name (whether two bare
    "Thomas Müller" are one person is unknowable)."""
    given, family, birth, address, email, phone, salutation = (
        vectors[:, k] for k in (0, 1, 3, 4, 5, 6, 7)
    )
    # the same postcode or e-mail name says little: a town has thousands of people,
    # "max.mueller" is at every mail provider
    evidence = (birth >= 3) | (address >= 4) | (email >= 3) | (phone >= 2)
    out: npt.NDArray[np.bool_] = (
        (given == 1) | (family == 1) | (birth == 1) | (salutation == 1) | ~evidence
    )
    return out


# ---------------------------------------------------------------- groups


def group_pairs(
    pairs: Sequence[tuple[int, int]], strong: Sequence[bool] | None = None
) -> list[list[int]]:
    """Pairs grouped into connected components (each group sorted, groups by their
    smallest id). Against chaining (A~B~C where A and C have nothing in common), only
    ``strong`` pairs (all when not given) join groups; a member is kept only when it
    has a strong pair inside its group."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for k, (a, b) in enumerate(pairs):
        if strong is not None and not strong[k]:
            continue
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])
