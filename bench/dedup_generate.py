"""A corruption generator for measuring the duplicate search on data it was not tuned on.

    python bench/dedup_generate.py --seed 4711 --people 5000 --out set.json
    python bench/dedup_generate.py --seed 4711 --people 5000 --vcf set.vcf

Originals get German and international names (German, Turkish, Polish, Italian,
Russian, Greek, Arabic, Vietnamese, English, Spanish given and family names with
their real frequency skew), a birth date and a German address. Each original has
0–4 duplicates, each made with one to three corruptions: typos (keyboard neighbours,
OCR confusions, dropped/doubled/transposed letters), umlaut spellings (ü → ue / u),
given and family name swapped, an initial, a missing given name, a transposed or
wrong birth-date digit, day and month swapped, a missing birth date or address, a
moved address (other street or other city). Hard negatives: siblings (same family
name, address, other given name and birth date), twins (same birth date and
address, other given name) and namesakes (same name, other birth date and city).

By default the records carry what a vCard export of an address book often has:
name, birth date and address only (``--contacts`` adds e-mail and phone).
The output is the JSON of ``tests/data/dedup_labelled.json`` (people, duplicates as
pairs of keys, negatives) or, with ``--vcf``, vCards with the key in ``UID``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.dedup_quality import CITIES, FAMILY, FEMALE, MALE, STREETS  # noqa: E402

# (male given, female given, family) per origin; German names dominate like in a German CRM
ORIGINS: dict[str, tuple[list[str], list[str], list[str]]] = {
    "de": (MALE, FEMALE, FAMILY),
    "tr": (
        [
            "Mehmet",
            "Mustafa",
            "Ahmet",
            "Ali",
            "Hüseyin",
            "Hasan",
            "İbrahim",
            "Murat",
            "Emre",
            "Burak",
            "Can",
            "Yusuf",
            "Ömer",
            "Kemal",
            "Serkan",
        ],
        [
            "Ayşe",
            "Fatma",
            "Emine",
            "Hatice",
            "Zeynep",
            "Elif",
            "Merve",
            "Büşra",
            "Özlem",
            "Derya",
            "Esra",
            "Gül",
            "Selin",
            "Aylin",
            "Şeyma",
        ],
        [
            "Yılmaz",
            "Kaya",
            "Demir",
            "Şahin",
            "Çelik",
            "Yıldız",
            "Yıldırım",
            "Öztürk",
            "Aydın",
            "Özdemir",
            "Arslan",
            "Doğan",
            "Kılıç",
            "Aslan",
            "Çetin",
            "Kara",
            "Koç",
            "Kurt",
            "Özkan",
            "Şimşek",
        ],
    ),
    "pl": (
        [
            "Piotr",
            "Krzysztof",
            "Andrzej",
            "Tomasz",
            "Paweł",
            "Michał",
            "Marcin",
            "Łukasz",
            "Grzegorz",
            "Jakub",
            "Wojciech",
        ],
        [
            "Anna",
            "Katarzyna",
            "Małgorzata",
            "Agnieszka",
            "Magdalena",
            "Joanna",
            "Monika",
            "Ewa",
            "Karolina",
            "Aleksandra",
        ],
        [
            "Nowak",
            "Kowalski",
            "Wiśniewski",
            "Wójcik",
            "Kowalczyk",
            "Kamiński",
            "Lewandowski",
            "Zieliński",
            "Szymański",
            "Woźniak",
            "Dąbrowski",
            "Kozłowski",
            "Jankowski",
            "Mazur",
        ],
    ),
    "it": (
        [
            "Giuseppe",
            "Giovanni",
            "Antonio",
            "Mario",
            "Luigi",
            "Francesco",
            "Alessandro",
            "Marco",
            "Andrea",
            "Matteo",
            "Lorenzo",
        ],
        [
            "Giulia",
            "Francesca",
            "Chiara",
            "Sara",
            "Martina",
            "Valentina",
            "Alessandra",
            "Federica",
            "Elena",
            "Silvia",
        ],
        [
            "Rossi",
            "Russo",
            "Ferrari",
            "Esposito",
            "Bianchi",
            "Romano",
            "Colombo",
            "Ricci",
            "Marino",
            "Greco",
            "Bruno",
            "Gallo",
            "Conti",
            "De",
            "Luca",
            "Costa",
        ],
    ),
    "ru": (
        [
            "Sergej",
            "Alexej",
            "Dmitrij",
            "Wladimir",
            "Andrej",
            "Igor",
            "Juri",
            "Nikolaj",
            "Oleg",
            "Pawel",
            "Viktor",
        ],
        [
            "Olga",
            "Natalja",
            "Jelena",
            "Swetlana",
            "Tatjana",
            "Irina",
            "Ljudmila",
            "Galina",
            "Oksana",
            "Jekaterina",
        ],
        [
            "Iwanow",
            "Smirnow",
            "Kusnezow",
            "Popow",
            "Wassiljew",
            "Petrow",
            "Sokolow",
            "Michailow",
            "Nowikow",
            "Fjodorow",
            "Morosow",
            "Wolkow",
        ],
    ),
    "gr": (
        [
            "Georgios",
            "Dimitrios",
            "Konstantinos",
            "Ioannis",
            "Nikolaos",
            "Christos",
            "Panagiotis",
            "Vasileios",
        ],
        ["Maria", "Eleni", "Aikaterini", "Vasiliki", "Sofia", "Angeliki", "Georgia", "Dimitra"],
        [
            "Papadopoulos",
            "Papadakis",
            "Georgiou",
            "Oikonomou",
            "Dimitriou",
            "Nikolaidis",
            "Konstantinidis",
            "Vlachos",
            "Angelopoulos",
        ],
    ),
    "ar": (
        [
            "Mohammed",
            "Ahmad",
            "Mahmoud",
            "Omar",
            "Khaled",
            "Youssef",
            "Hassan",
            "Karim",
            "Tarek",
            "Samir",
        ],
        ["Fatima", "Aisha", "Mariam", "Leila", "Nour", "Rana", "Yasmin", "Samira", "Huda", "Amira"],
        [
            "Al-Sayed",
            "Haddad",
            "Khalil",
            "Nasser",
            "Saleh",
            "Mansour",
            "Hamdan",
            "Aziz",
            "Ibrahim",
            "Darwish",
            "Abbas",
        ],
    ),
    "vn": (
        ["Minh", "Duc", "Tuan", "Hung", "Long", "Quang", "Thanh", "Hai", "Nam"],
        ["Linh", "Lan", "Huong", "Mai", "Thao", "Trang", "Ngoc", "Hoa", "Anh"],
        ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do"],
    ),
    "en": (
        [
            "James",
            "John",
            "Robert",
            "Michael",
            "William",
            "David",
            "Richard",
            "Joseph",
            "Charles",
            "George",
        ],
        [
            "Mary",
            "Patricia",
            "Jennifer",
            "Linda",
            "Elizabeth",
            "Susan",
            "Jessica",
            "Sarah",
            "Karen",
            "Emily",
        ],
        [
            "Smith",
            "Johnson",
            "Williams",
            "Brown",
            "Jones",
            "Miller",
            "Davis",
            "Wilson",
            "Taylor",
            "Anderson",
            "Thompson",
        ],
    ),
    "es": (
        [
            "José",
            "Antonio",
            "Manuel",
            "Francisco",
            "Juan",
            "David",
            "Javier",
            "Carlos",
            "Miguel",
            "Pedro",
        ],
        [
            "María",
            "Carmen",
            "Ana",
            "Isabel",
            "Laura",
            "Lucía",
            "Cristina",
            "Marta",
            "Pilar",
            "Elena",
        ],
        [
            "García",
            "Fernández",
            "González",
            "Rodríguez",
            "López",
            "Martínez",
            "Sánchez",
            "Pérez",
            "Gómez",
            "Martín",
            "Jiménez",
        ],
    ),
}
ORIGIN_SHARE = {
    "de": 0.70,
    "tr": 0.07,
    "pl": 0.05,
    "it": 0.04,
    "ru": 0.04,
    "gr": 0.02,
    "ar": 0.03,
    "vn": 0.01,
    "en": 0.02,
    "es": 0.02,
}
# keyboard neighbours (QWERTZ) and OCR confusions
KEYS = "qwertzuiopü asdfghjklöä yxcvbnm"
OCR = [
    ("rn", "m"),
    ("m", "rn"),
    ("cl", "d"),
    ("l", "1"),
    ("o", "0"),
    ("i", "l"),
    ("e", "c"),
    ("u", "ii"),
    ("h", "b"),
    ("n", "h"),
]
UMLAUT_TRANS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
UMLAUT_PLAIN = {"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "Ä": "A", "Ö": "O", "Ü": "U"}
DIACRITICS = str.maketrans(
    "İıŞşÇçĞğŁłŚśŹźŻżĄąĘęŃńÓóĆćÁáÉéÍíÚúÑñ", "IiSsCcGgLlSsZzZzAaEeNnOoCcAaEeIiUuNn"
)


def _neighbours(ch: str) -> str:
    low = ch.lower()
    for row in KEYS.split(" "):
        k = row.find(low)
        if k >= 0:
            near = row[max(0, k - 1) : k] + row[k + 1 : k + 2]
            if near:
                pick = near
                return pick.upper() if ch.isupper() else pick
    return "e"


class Corruptor:
    """Builds originals and their corrupted duplicates from one seeded random source."""

    def __init__(self, seed: int, *, contacts: bool = False) -> None:
        self.r = random.Random(seed)
        self.contacts = contacts
        self.counter = 0
        self.origins = list(ORIGIN_SHARE)
        self.origin_weights = list(itertools.accumulate(ORIGIN_SHARE.values()))
        self.used: set[str] = set()

    # ------------------------------------------------------------ originals

    def key(self) -> str:
        self.counter += 1
        return f"p{self.counter}"

    def zipf(self, pool: list[str]) -> str:
        """Names by a Zipf-like frequency: the first of a list are the common ones."""
        weights = list(itertools.accumulate(1 / (k + 3) for k in range(len(pool))))
        return self.r.choices(pool, cum_weights=weights)[0]

    def name(self, gender: str, origin: str | None = None) -> tuple[str, str, str]:
        origin = origin or self.r.choices(self.origins, cum_weights=self.origin_weights)[0]
        male, female, family = ORIGINS[origin]
        given = self.zipf(male if gender == "m" else female)
        if self.r.random() < 0.06:  # a second given name
            given += " " + self.zipf(male if gender == "m" else female)
        fam = self.zipf(family)
        if self.r.random() < 0.03:  # a double family name
            fam += "-" + self.zipf(family)
        return given, fam, origin

    def birth(self) -> str:
        d = dt.date(1935, 1, 1) + dt.timedelta(days=self.r.randrange(0, 365 * 70))
        return d.isoformat()

    def address(self) -> dict[str, str]:
        pc, city = self.r.choice(CITIES)
        pc = pc[:3] + f"{self.r.randrange(0, 100):02d}"
        return {
            "street": f"{self.r.choice(STREETS)} {self.r.randrange(1, 160)}",
            "postcode": pc,
            "city": city,
        }

    def email(self, given: str, family: str) -> str:
        fold = str.maketrans({**UMLAUT_TRANS, " ": "", "-": ""})
        local = f"{given.split()[0].translate(fold).translate(DIACRITICS).lower()}.{family.translate(fold).translate(DIACRITICS).lower()}"
        address = f"{local}@example.de"
        while address in self.used:
            address = f"{local}{self.r.randrange(1, 999)}@example.de"
        self.used.add(address)
        return address

    def person(self, **fixed: Any) -> dict[str, Any]:
        r = self.r
        gender = fixed.pop("_gender", None) or r.choice("mf")
        given, family, origin = self.name(gender, fixed.pop("_origin", None))
        p: dict[str, Any] = {
            "key": self.key(),
            "salutation": None,
            "title": None,
            "given": given,
            "family": family,
            "birth_date": self.birth() if r.random() < 0.9 else None,
            "emails": [],
            "phones": [],
            "addresses": [self.address()] if r.random() < 0.9 else [],
            "_gender": gender,
            "_origin": origin,
        }
        if self.contacts:
            if r.random() < 0.6:
                p["emails"] = [self.email(given, family)]
            if r.random() < 0.4:
                p["phones"] = ["+49151" + str(r.randrange(10_000_000, 99_999_999))]
        p.update(fixed)
        return p

    # ------------------------------------------------------------ corruptions

    def typo(self, word: str) -> str:
        r = self.r
        if len(word) < 3:
            return word
        i = r.randrange(1, len(word) - 1)
        kind = r.choice(["transpose", "drop", "double", "keyboard", "keyboard"])
        if kind == "transpose":
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if kind == "drop":
            return word[:i] + word[i + 1 :]
        if kind == "double":
            return word[:i] + word[i] + word[i:]
        if kind == "ocr":
            return self.ocr(word)
        return word[:i] + _neighbours(word[i]) + word[i + 1 :]

    def spelling(self, word: str) -> str:
        if any(c in word for c in UMLAUT_TRANS):
            table = UMLAUT_TRANS if self.r.random() < 0.7 else UMLAUT_PLAIN
            return "".join(table.get(c, c) for c in word)
        if word.translate(DIACRITICS) != word:
            return word.translate(DIACRITICS)
        return word

    def ocr(self, word: str) -> str:
        hits = [(a, b) for a, b in OCR if a in word[1:]]
        if not hits:
            return self.typo(word)
        a, b = self.r.choice(hits)
        k = word.find(a, 1)
        return word[:k] + b + word[k + len(a) :]

    def date_error(self, iso: str) -> str:
        r = self.r
        y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
        kind = r.choice(["transpose", "digit", "daymonth", "year"])
        for _ in range(20):
            if kind == "daymonth" and d <= 12 and d != m:
                y2, m2, d2 = y, d, m
            elif kind == "transpose":
                digits = list(f"{y:04d}{m:02d}{d:02d}")
                k = r.choice([2, 4, 6])
                digits[k], digits[k + 1] = digits[k + 1], digits[k]
                s = "".join(digits)
                y2, m2, d2 = int(s[:4]), int(s[4:6]), int(s[6:])
            elif kind == "year":
                y2, m2, d2 = y + r.choice([-1, 1]), m, d
            else:
                digits = list(f"{y:04d}{m:02d}{d:02d}")
                k = r.choice([3, 5, 6, 7])
                digits[k] = str((int(digits[k]) + r.choice([1, 9])) % 10)
                s = "".join(digits)
                y2, m2, d2 = int(s[:4]), int(s[4:6]), int(s[6:])
            try:
                out = dt.date(y2, m2, d2).isoformat()
            except ValueError:
                kind = "digit"
                continue
            if out != iso:
                return out
            kind = "digit"
        return iso

    def duplicate_of(self, base: dict[str, Any]) -> dict[str, Any]:
        r = self.r
        d = json.loads(json.dumps(base))
        d["key"] = self.key()
        # one change of the name at most (or none), then up to two of the other fields;
        # a duplicate keeps its birth date or its address (else nobody could tell)
        name_op = r.choice(
            [
                "typo_given",
                "typo_family",
                "typo_family",
                "spelling",
                "spelling",
                "swap",
                "initial",
                "missing_given",
                "upper",
                "ocr",
                "none",
                "none",
                "none",
            ]
        )
        data_ops = r.sample(
            ["birth_error", "birth_error", "drop_birth", "drop_address", "move", "move_street"],
            k=r.choice([0, 1, 1, 2]),
        )
        if "drop_birth" in data_ops and ("drop_address" in data_ops or "move" in data_ops):
            data_ops.remove("drop_birth")
        ops = [name_op, *data_ops]
        for op in ops:
            if op == "typo_given" and d["given"]:
                d["given"] = self.typo(d["given"])
            elif op == "typo_family":
                d["family"] = self.typo(d["family"])
            elif op == "spelling":
                given, family = self.spelling(d["given"]), self.spelling(d["family"])
                if (given, family) == (d["given"], d["family"]):
                    family = self.typo(family)  # nothing to spell otherwise
                d["given"], d["family"] = given, family
            elif op == "swap":
                d["given"], d["family"] = d["family"], d["given"]
            elif op == "initial" and d["given"]:
                d["given"] = d["given"][0] + "."
            elif op == "missing_given":
                d["given"] = ""
            elif op == "birth_error" and d["birth_date"]:
                d["birth_date"] = self.date_error(d["birth_date"])
            elif op == "drop_birth":
                d["birth_date"] = None
            elif op == "drop_address":
                d["addresses"] = []
            elif op == "move":
                d["addresses"] = [self.address()]
            elif op == "move_street" and d["addresses"]:
                a = dict(d["addresses"][0])
                a["street"] = f"{r.choice(STREETS)} {r.randrange(1, 160)}"
                d["addresses"] = [a]
            elif op == "ocr":
                d["family"] = self.ocr(d["family"])
            elif op == "upper":
                d["family"] = d["family"].upper()
        return d

    # ------------------------------------------------------------ the set

    def build(self, people: int) -> dict[str, Any]:
        r = self.r
        out: list[dict[str, Any]] = []
        duplicates: list[tuple[str, str]] = []
        negatives: list[tuple[str, str, str]] = []
        while len(out) < people:
            roll = r.random()
            if roll < 0.03:  # siblings: same family and address, other given name and birth
                a = self.person()
                b = self.person(
                    family=a["family"], addresses=list(a["addresses"]), _origin=a["_origin"]
                )
                if b["given"] != a["given"]:
                    out += [a, b]
                    negatives.append((a["key"], b["key"], "siblings"))
                continue
            if roll < 0.04:  # twins: same birth date, family and address
                a = self.person()
                b = self.person(
                    family=a["family"],
                    birth_date=a["birth_date"] or self.birth(),
                    addresses=list(a["addresses"]),
                    _origin=a["_origin"],
                )
                a["birth_date"] = b["birth_date"]
                if b["given"].split()[0] != a["given"].split()[0]:
                    out += [a, b]
                    negatives.append((a["key"], b["key"], "twins"))
                continue
            if roll < 0.06:  # namesakes: same name, other birth date and city
                a = self.person()
                b = self.person(given=a["given"], family=a["family"], _gender=a["_gender"])
                if a["birth_date"] and b["birth_date"] == a["birth_date"]:
                    b["birth_date"] = self.birth()
                out += [a, b]
                negatives.append((a["key"], b["key"], "namesakes"))
                continue
            base = self.person()
            out.append(base)
            count = r.choices([0, 1, 2, 3, 4], weights=[40, 30, 15, 10, 5])[0]
            family = [base["key"]]
            for _ in range(count):
                d = self.duplicate_of(base)
                out.append(d)
                family.append(d["key"])
            duplicates += [(x, y) for x, y in itertools.combinations(family, 2)]
        return {
            "description": "Generated by bench/dedup_generate.py",
            "people": out,
            "duplicates": [list(p) for p in duplicates],
            "negatives": [list(n) for n in negatives],
        }


def generate(seed: int, people: int = 5000, *, contacts: bool = False) -> dict[str, Any]:
    """A labelled set of about ``people`` records (originals, duplicates, hard negatives)."""
    return Corruptor(seed, contacts=contacts).build(people)


def to_vcards(data: dict[str, Any]) -> str:
    """The people as vCards 3.0 (the key in UID, for the labels)."""

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")

    cards = []
    for p in data["people"]:
        lines = ["BEGIN:VCARD", "VERSION:3.0", f"UID:{p['key']}"]
        lines.append(f"N:{esc(p['family'])};{esc(p['given'])};;;")
        lines.append(f"FN:{esc(' '.join(x for x in (p['given'], p['family']) if x))}")
        if p["birth_date"]:
            lines.append(f"BDAY:{p['birth_date']}")
        for a in p["addresses"]:
            lines.append(
                f"ADR;TYPE=HOME:;;{esc(a['street'])};{esc(a['city'])};;{a['postcode']};Germany"
            )
        lines += [f"EMAIL:{e}" for e in p["emails"]] + [f"TEL:{n}" for n in p["phones"]]
        lines.append("END:VCARD")
        cards.append("\r\n".join(lines))
    return "\r\n".join(cards) + "\r\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--contacts", action="store_true", help="also e-mail addresses and phones")
    parser.add_argument("--out", type=Path, help="write the labelled JSON here")
    parser.add_argument("--vcf", type=Path, help="write vCards here")
    args = parser.parse_args(argv)
    data = generate(args.seed, args.people, contacts=args.contacts)
    if args.out:
        args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.vcf:
        args.vcf.write_text(to_vcards(data), encoding="utf-8")
    print(
        f"{len(data['people'])} people, {len(data['duplicates'])} duplicate pairs, {len(data['negatives'])} hard negatives"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
