"""The card guard's precision and recall, on generated data (issues #15 and #22).

- no valid German, Austrian or Swiss phone number (mobile and landline, in every usual
  spelling) and no valid IBAN (DE/AT/CH, compact, in groups of four, lower case) is
  taken for a card number: > 100,000 generated values, each really valid
  (``phonenumbers.is_valid_number``, the IBAN checksum);
- every standard test card number of the main schemes is found, with every separator
  users and files put between the groups, and shown masked (last four digits only).
"""

from __future__ import annotations

import random
import time

import phonenumbers
import pytest
from stdnum import iban as stdnum_iban

from crm_desktop.domain import cardguard
from crm_desktop.errors import CardNumberError

# ---------------------------------------------------------------- phone numbers

# (country code, [(area code / mobile prefix, subscriber digit counts)])
_PLANS: dict[int, list[tuple[str, tuple[int, ...]]]] = {
    49: [
        *((p, (7,)) for p in ("1511", "1512", "1514", "1515", "1516", "1517", "1520", "1522")),
        *((p, (7,)) for p in ("1523", "1525", "1570", "1573", "1575", "1577", "1578", "1590")),
        *((p, (7, 8)) for p in ("160", "162", "163", "170", "171", "172", "173", "174")),
        *((p, (7, 8)) for p in ("175", "176", "177", "178", "179")),
        *((p, (6, 7, 8)) for p in ("30", "40", "69", "89")),
        *((p, (5, 6, 7, 8)) for p in ("211", "221", "228", "231", "341", "351", "511", "621")),
        *((p, (5, 6, 7, 8)) for p in ("711", "721", "731", "761", "911")),
        *((p, (4, 5, 6, 7)) for p in ("2151", "6221", "7071", "7531", "8031", "3361")),
    ],
    43: [
        *((p, (6, 7, 8)) for p in ("650", "660", "664", "676", "680", "681", "688", "699")),
        *((p, (4, 5, 6, 7)) for p in ("1", "316", "512", "662", "732")),
        *((p, (3, 4, 5, 6)) for p in ("2236", "5574", "3842")),
    ],
    41: [
        *((p, (7,)) for p in ("75", "76", "77", "78", "79")),
        *((p, (7,)) for p in ("21", "22", "24", "26", "31", "32", "41", "43", "44", "52")),
        *((p, (7,)) for p in ("56", "61", "62", "71", "81", "91")),
    ],
}


def _valid_phones(rng: random.Random, count: int) -> list[tuple[int, str, str]]:
    """``count`` (country code, area, subscriber) that phonenumbers calls valid."""
    out: list[tuple[int, str, str]] = []
    plans = [(cc, area, sizes) for cc, items in _PLANS.items() for area, sizes in items]
    while len(out) < count:
        cc, area, sizes = rng.choice(plans)
        size = rng.choice(sizes)
        sub = str(rng.randrange(1, 10)) + "".join(rng.choices("0123456789", k=size - 1))
        number = phonenumbers.PhoneNumber(country_code=cc, national_number=int(area + sub))
        if phonenumbers.is_valid_number(number):
            out.append((cc, area, sub))
    return out


def _spellings(cc: int, area: str, sub: str) -> list[str]:
    half = len(sub) // 2
    grouped = f"{sub[:half]} {sub[half:]}"
    return [
        f"+{cc}{area}{sub}",  # E.164
        f"+{cc} {area} {sub}",
        f"+{cc} {area} {grouped}",
        f"+{cc}-{area}-{sub}",
        f"+{cc}.{area}.{sub}",
        f"+{cc} (0){area} {sub}",
        f"+{cc}/{area}/{sub}",
        f"00{cc} {area} {sub}",
        f"00{cc}{area}{sub}",
        f"0{area}/{sub}",
        f"0{area} / {sub}",
        f"(0{area}) {sub}",
        f"0{area}-{sub}",
        f"0{area}.{sub}",
        f"0{area} {grouped}",
        f"Tel. +{cc} {area} {sub}, Fax +{cc} {area} {sub[:-1]}9",
    ]


# the numbers of the issue, refused before
KNOWN = ["+49 151 98400017", "+49 160 60189555", "+4973117546691"]


def test_no_phone_number_is_a_card() -> None:
    rng = random.Random(15)
    numbers = _valid_phones(rng, 7000)
    values = [s for n in numbers for s in _spellings(*n)] + KNOWN
    assert len(values) >= 100_000
    assert {cc for cc, _a, _s in numbers} == {49, 43, 41}
    started = time.perf_counter()
    found = [v for v in values if cardguard.find_card_number(v) is not None]
    assert found == []
    assert time.perf_counter() - started < 30  # a few seconds normally


# ---------------------------------------------------------------- IBANs


def _iban(country: str, bban: str) -> str:
    digits = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    return f"{country}{98 - int(digits) % 97:02d}{bban}"


def _valid_ibans(rng: random.Random, count: int) -> list[str]:
    sizes = {"DE": 18, "AT": 16, "CH": 17}
    out = []
    for i in range(count):
        country = ("DE", "AT", "CH")[i % 3]
        bban = "".join(rng.choices("0123456789", k=sizes[country]))
        out.append(_iban(country, bban))
    return out


def test_no_iban_is_a_card() -> None:
    ibans = _valid_ibans(random.Random(22), 26_000)
    assert all(stdnum_iban.is_valid(i) for i in ibans)
    values = []
    for compact in ibans:
        grouped = " ".join(compact[k : k + 4] for k in range(0, len(compact), 4))
        values += [compact, grouped, compact.lower(), grouped.lower()]
    values += ["DE73 2803 4063 4566 0090 41", "IBAN: DE73 2803 4063 4566 0090 41, BIC GENODEF1"]
    assert len(values) >= 100_000
    found = [v for v in values if cardguard.find_card_number(v) is not None]
    assert found == []


def test_card_numbers_next_to_phones_and_ibans_are_still_found() -> None:
    for text in (
        "+49 151 98400017 4111 1111 1111 1111",
        "DE73 2803 4063 4566 0090 41 / 5555 5555 5555 4444",
        "Karte 4111111111111111 Tel +4973117546691",
    ):
        assert cardguard.find_card_number(text) is not None, text


# ---------------------------------------------------------------- card numbers

CARDS = {
    "4111111111111111": "Visa",
    "4012888888881881": "Visa",
    "4222222222222": "Visa (13)",
    "5555555555554444": "Mastercard",
    "5105105105105100": "Mastercard",
    "2223003122003222": "Mastercard 2-series",
    "2720992720992729": "Mastercard 2-series",
    "378282246310005": "American Express",
    "371449635398431": "American Express",
    "6011111111111117": "Discover",
    "6011000990139424": "Discover",
    "3056930009020004": "Diners",
    "36227206271667": "Diners (14)",
    "30569309025904": "Diners (14)",
    "3566002020360505": "JCB",
    "3530111333300000": "JCB",
    "6200000000000005": "UnionPay",
    "6205500000000000004": "UnionPay (19)",
    "6759649826438453": "Maestro",
    "6304000000000000": "Maestro",
}

SEPARATORS = [
    " ",
    "-",
    ".",
    "/",
    "  ",
    "\u00a0",
    "\u202f",
    "\t",
    "\n",
    "\r\n",
    "\u2013",
    ",",
    " - ",
    "\u200b",
]

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _groups(card: str) -> list[str]:
    if len(card) == 15:
        sizes = [4, 6, 5]
    elif len(card) == 14:
        sizes = [4, 6, 4]
    else:
        sizes = [4] * (len(card) // 4) + ([len(card) % 4] if len(card) % 4 else [])
    out, pos = [], 0
    for size in sizes:
        out.append(card[pos : pos + size])
        pos += size
    return out


def written(card: str) -> list[str]:
    """``card`` as people and files write it."""
    groups = _groups(card)
    forms = [card, card.translate(FULL_WIDTH)]
    forms += [sep.join(groups) for sep in SEPARATORS]
    forms += [f"({groups[0]}) " + " ".join(groups[1:])]
    forms += [" ".join(groups).translate(FULL_WIDTH), "\u3000".join(groups)]
    return forms


@pytest.mark.parametrize("card", sorted(CARDS))
def test_every_test_card_is_found_and_masked(card: str) -> None:
    assert cardguard.is_card_number(card), CARDS[card]
    for form in written(card):
        for text in (form, f"Bitte {form} belasten.", f"Karte:{form}"):
            masked = cardguard.find_card_number(text)
            assert masked is not None, (CARDS[card], text)
            assert masked.endswith(card[-4:])
            assert sum(ch.isdigit() for ch in masked) == 4
            with pytest.raises(CardNumberError) as err:
                cardguard.guard(text, "notes")
            assert card not in "".join(ch for ch in err.value.text() if ch.isdigit())


def test_mask_shows_the_last_four_digits_only() -> None:
    assert cardguard.mask("4111111111111111") == "•••• •••• •••• 1111"
    assert cardguard.mask("378282246310005") == "•••• •••• ••• 0005"
    assert cardguard.redact("Anna 4111-1111-1111-1111 (Zeile 3)") == (
        "Anna •••• •••• •••• 1111 (Zeile 3)"
    )
    assert cardguard.redact("nichts hier +49 151 98400017") == "nichts hier +49 151 98400017"


@pytest.mark.parametrize(
    "digits",
    [
        "4111111111111112",  # Luhn fails
        "1234567812345670",  # Luhn passes, no issuer starts with 1
        "4111111111111",  # Visa prefix, Luhn passes? length 13 but not a Luhn number
        "41111111111111",  # 14 digits: no Visa length
        "9111111111111111",
    ],
)
def test_a_card_needs_luhn_issuer_and_length(digits: str) -> None:
    assert not cardguard.is_card_number(digits)


def test_identifiers_glued_to_hex_are_not_cards() -> None:
    uid = "crm-followup-ab4111111111111111cd"
    assert cardguard.find_card_number(uid, identifier=True) is None
    assert cardguard.find_card_number("4111111111111111@crm-desktop", identifier=True)
    assert cardguard.find_card_number("urn:uuid:4111-1111-1111-1111", identifier=True)
