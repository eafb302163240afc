"""Duplicate detection for people and companies: on entry and in bulk.

Names are compared through a *skeleton*: lower case, ``ß`` → ``ss``, accents and
umlauts stripped and the transliterations ``ae``/``oe``/``ue`` folded, so that
Müller = Mueller = Muller, Weiß = Weiss and Jürgen = Juergen; academic titles
(Dr., Prof., Dipl.-Ing.) and name particles (von, van, de) are dropped. Given and
family names are matched separately (exact, umlaut spelling, typo, nickname, initial,
a missing part of a double name, sounding alike by the Cologne phonetics) and also
crosswise, for swapped fields.

The evidence besides the name (birth date, e-mail, phone in E.164, postcode and
street, company, salutation) adds or takes points. The score runs from 0 to 100; a
pair with ``score >= DEFAULT_MIN_SCORE`` is reported, with human reasons (English
source texts; the GUI translates them in the Qt context ``"dedup"``).

Rules that keep false alarms away: different given names (siblings, spouses) never
make a duplicate, whatever else they share; different birth dates, salutations
(Herr/Frau) or generations (jun./sen.) cap the score below the threshold.

The bulk search (:func:`find_duplicates`) loads every table with one query, puts each
record into small *blocks* (phonetic family name + given initial, the unordered pair
of name codes for swaps, birth date, e-mail, e-mail name, phone, address) and scores
only pairs that share a block; big blocks are pre-filtered in C with rapidfuzz. With
numpy the candidate pairs are arrays, big blocks go through ``rapidfuzz.process.cdist``
and a vectorised upper bound of the score leaves only the pairs that may reach the
minimum score to the exact scoring (same result, a fraction of the time); without
numpy every candidate pair is scored. :func:`check_new_person` answers the entry
dialog with a handful of indexed look-ups.

The package's rooms: ``results`` (reasons, pair types), ``keys`` (normalisation),
``names`` (known given names), ``people`` and ``companies`` (records and scoring),
``loading``, ``ignored``, ``bulk`` (the bulk search), ``entry`` (the warning on entry),
``review`` (a pair for the review window).
"""

from crm_desktop.services.dedup.bulk import (
    MAX_BLOCK,
    SMALL_BLOCK,
    STRONG_SCORE,
    duplicate_groups,
    find_company_duplicates,
    find_duplicates,
    find_people_duplicates,
)
from crm_desktop.services.dedup.common import (
    DEFAULT_MIN_SCORE,
    ENTRY_MIN_SCORE,
    IGNORED_KEY,
    Entity,
    ProgressFn,
)
from crm_desktop.services.dedup.companies import (
    CompanyKey,
    CompanyRec,
    company_key,
    make_company_rec,
    score_companies,
)
from crm_desktop.services.dedup.entry import (
    check_new_person,
    spelling_variants,
)
from crm_desktop.services.dedup.ignored import (
    ignore_pair,
    ignored_pairs,
    unignore_pair,
)
from crm_desktop.services.dedup.keys import (
    FREEMAIL,
    GENERATION,
    GENERIC_LOCALS,
    PARTICLES,
    TITLES,
    NameKey,
    ascii_fold,
    fold_token,
    name_key,
    phonetic,
    street_key,
    website_domain,
)
from crm_desktop.services.dedup.loading import (
    load_companies,
    load_people,
)
from crm_desktop.services.dedup.names import (
    KNOWN_GIVEN,
)
from crm_desktop.services.dedup.people import (
    PersonRec,
    make_person_rec,
    part_level,
    score_people,
)
from crm_desktop.services.dedup.results import (
    ALL_REASONS,
    R_COMMON_NAME,
    R_COMPANY_ORDER,
    R_COMPANY_PART,
    R_COMPANY_TYPO,
    R_EMAIL_LOCAL,
    R_EMAIL_SIMILAR,
    R_FAMILY_MISSING,
    R_FAMILY_OTHER,
    R_FAMILY_PART,
    R_GIVEN_MISSING,
    R_GIVEN_PART,
    R_INITIAL,
    R_LEGAL_FORM,
    R_NEAR_BIRTH,
    R_NICKNAME,
    R_ONE_GENERATION,
    R_OTHER_ADDRESS,
    R_OTHER_BIRTH,
    R_OTHER_GENERATION,
    R_OTHER_LEGAL_FORM,
    R_OTHER_PHONE,
    R_OTHER_SALUTATION,
    R_OTHER_VAT,
    R_PHONETIC,
    R_SAME_ADDRESS,
    R_SAME_BIRTH,
    R_SAME_COMPANY,
    R_SAME_COMPANY_NAME,
    R_SAME_DOMAIN,
    R_SAME_EMAIL,
    R_SAME_NAME,
    R_SAME_PHONE,
    R_SAME_POSTCODE,
    R_SAME_VAT,
    R_SAME_WEBSITE,
    R_SPELLING,
    R_SPLIT,
    R_SWAPPED,
    R_TYPO,
    R_UMLAUT,
    R_VARIANT,
    Candidate,
    DuplicatePair,
)
from crm_desktop.services.dedup.review import (
    REFERENCE_FIELDS,
    CompanyPair,
    PersonPair,
    company_pair,
    person_pair,
)

__all__ = [
    "ALL_REASONS",
    "DEFAULT_MIN_SCORE",
    "ENTRY_MIN_SCORE",
    "FREEMAIL",
    "GENERATION",
    "GENERIC_LOCALS",
    "IGNORED_KEY",
    "KNOWN_GIVEN",
    "MAX_BLOCK",
    "PARTICLES",
    "REFERENCE_FIELDS",
    "R_COMMON_NAME",
    "R_COMPANY_ORDER",
    "R_COMPANY_PART",
    "R_COMPANY_TYPO",
    "R_EMAIL_LOCAL",
    "R_EMAIL_SIMILAR",
    "R_FAMILY_MISSING",
    "R_FAMILY_OTHER",
    "R_FAMILY_PART",
    "R_GIVEN_MISSING",
    "R_GIVEN_PART",
    "R_INITIAL",
    "R_LEGAL_FORM",
    "R_NEAR_BIRTH",
    "R_NICKNAME",
    "R_ONE_GENERATION",
    "R_OTHER_ADDRESS",
    "R_OTHER_BIRTH",
    "R_OTHER_GENERATION",
    "R_OTHER_LEGAL_FORM",
    "R_OTHER_PHONE",
    "R_OTHER_SALUTATION",
    "R_OTHER_VAT",
    "R_PHONETIC",
    "R_SAME_ADDRESS",
    "R_SAME_BIRTH",
    "R_SAME_COMPANY",
    "R_SAME_COMPANY_NAME",
    "R_SAME_DOMAIN",
    "R_SAME_EMAIL",
    "R_SAME_NAME",
    "R_SAME_PHONE",
    "R_SAME_POSTCODE",
    "R_SAME_VAT",
    "R_SAME_WEBSITE",
    "R_SPELLING",
    "R_SPLIT",
    "R_SWAPPED",
    "R_TYPO",
    "R_UMLAUT",
    "R_VARIANT",
    "SMALL_BLOCK",
    "STRONG_SCORE",
    "TITLES",
    "Candidate",
    "CompanyKey",
    "CompanyPair",
    "CompanyRec",
    "DuplicatePair",
    "Entity",
    "NameKey",
    "PersonPair",
    "PersonRec",
    "ProgressFn",
    "ascii_fold",
    "check_new_person",
    "company_key",
    "company_pair",
    "duplicate_groups",
    "find_company_duplicates",
    "find_duplicates",
    "find_people_duplicates",
    "fold_token",
    "ignore_pair",
    "ignored_pairs",
    "load_companies",
    "load_people",
    "make_company_rec",
    "make_person_rec",
    "name_key",
    "part_level",
    "person_pair",
    "phonetic",
    "score_companies",
    "score_people",
    "spelling_variants",
    "street_key",
    "unignore_pair",
    "website_domain",
]
