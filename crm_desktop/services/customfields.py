"""Custom fields defined once for everyone (issue #17).

A definition names a field, its type (text, number, date, yes/no, a pick-list with
its values) and where it is shown; a person's value lives in ``Person.profile_fields``
under the field's name, as text in a fixed form (a number "12.5", a date ISO
"2026-12-07", yes/no "yes"/"no", a pick-list one of its values). Fields that no
definition names stay what they were: free profile fields.

Every change (define, change, rename, delete) is one undo entry ("custom-field"); a
rename moves the values, a delete keeps them as free fields or removes them (the
caller asks the user which), and the undo brings both the definition and the values
back. The save of a person form checks the values by type (:func:`value_errors`).
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock
from crm_desktop.data.models import CustomFieldDef, Person
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, NotFoundError, ValidationError
from crm_desktop.services import textmatch, undo
from crm_desktop.services.changes import Changes

ENTITIES = ("person",)
# the types as stored (the window shows them translated, the CLI takes aliases)
KINDS = ("text", "number", "date", "yesno", "choice")
YES, NO = "yes", "no"
_YES = {"yes", "y", "ja", "j", "true", "1", "x", "wahr"}
_NO = {"no", "n", "nein", "false", "0", "", "falsch"}


@dataclass(frozen=True)
class FieldDef:
    id: int
    name: str
    kind: str
    options: tuple[str, ...] = ()
    entity: str = "person"
    position: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "entity": self.entity,
            "name": self.name,
            "kind": self.kind,
            "options": list(self.options),
            "position": self.position,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FieldDef:
        kind = str(data["kind"])
        if kind not in KINDS:
            raise ValueError(f"unknown field type {kind!r}")
        return cls(
            id=int(data["id"]),
            name=str(data["name"]),
            kind=kind,
            options=tuple(str(o) for o in data.get("options") or ()),
            entity=str(data.get("entity", "person")),
            position=int(data.get("position", 0)),
        )


def _of(row: CustomFieldDef) -> FieldDef:
    return FieldDef(
        row.id, row.name, row.kind, tuple(row.options or ()), row.entity, row.position or 0
    )


# ---------------------------------------------------------------- reading


def list_fields(session: Session, entity: str = "person") -> list[FieldDef]:
    """The defined fields of ``entity``, in their order."""
    rows = session.scalars(
        select(CustomFieldDef)
        .where(CustomFieldDef.entity == entity)
        .order_by(CustomFieldDef.position, CustomFieldDef.id)
    )
    return [_of(r) for r in rows]


def find_field(session: Session, name: str, entity: str = "person") -> FieldDef | None:
    row = _row_named(session, name, entity)
    return None if row is None else _of(row)


def get_field(session: Session, name: str, entity: str = "person") -> FieldDef:
    found = find_field(session, name, entity)
    if found is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no custom field “{name}”."), name=name
        )
    return found


def _row_named(session: Session, name: str, entity: str) -> CustomFieldDef | None:
    return session.scalar(
        select(CustomFieldDef).where(
            CustomFieldDef.entity == entity, CustomFieldDef.name == name.strip()
        )
    )


def kind_of(text: str) -> str:
    """A type as typed ("number", "yes/no", "Auswahl", "pick-list") → the stored word."""
    word = text.strip().lower().replace("-", "").replace("/", "").replace(" ", "")
    aliases = {
        "text": "text",
        "number": "number",
        "zahl": "number",
        "date": "date",
        "datum": "date",
        "yesno": "yesno",
        "janein": "yesno",
        "bool": "yesno",
        "choice": "choice",
        "picklist": "choice",
        "auswahl": "choice",
        "auswahlliste": "choice",
        "list": "choice",
    }
    if word not in aliases:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "“{kind}” is not a field type (possible: text, number, date, yesno, choice).",
            ),
            field="kind",
            kind=text,
        )
    return aliases[word]


# ---------------------------------------------------------------- values


def normalise(defn: FieldDef, text: str | None) -> str:
    """``text`` in the stored form of the field's type ("" for empty); raises a
    :class:`ValidationError` naming the field when the value does not fit."""
    value = (text or "").strip()
    if not value:
        return ""
    if defn.kind == "number":
        cleaned = value.replace(" ", "").replace("\u00a0", "")
        if "," in cleaned:  # German "1.234,5"
            cleaned = cleaned.replace(".", "").replace(",", ".")
        try:
            number = decimal.Decimal(cleaned)
        except decimal.InvalidOperation:
            number = decimal.Decimal("NaN")
        if not number.is_finite():
            raise _bad(
                defn, value, QT_TRANSLATE_NOOP("errors", "“{name}” takes a number, not “{value}”.")
            )
        text_ = format(number.normalize(), "f")
        return text_ if "." not in text_ else text_.rstrip("0").rstrip(".")
    if defn.kind == "date":
        parsed = _date(value)
        if parsed is None:
            raise _bad(
                defn,
                value,
                QT_TRANSLATE_NOOP(
                    "errors", "“{name}” takes a date (e.g. 24.12.2026), not “{value}”."
                ),
            )
        return parsed.isoformat()
    if defn.kind == "yesno":
        word = value.lower()
        if word in _YES:
            return YES
        if word in _NO:
            return NO
        raise _bad(
            defn, value, QT_TRANSLATE_NOOP("errors", "“{name}” takes yes or no, not “{value}”.")
        )
    if defn.kind == "choice":
        for option in defn.options:
            if textmatch.fold(option) == textmatch.fold(value):
                return option
        raise _bad(
            defn,
            value,
            QT_TRANSLATE_NOOP("errors", "“{name}” takes one of: {options}; not “{value}”."),
            options=", ".join(defn.options),
        )
    return value


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})", value)
    if m is None:
        return None
    day, month, year = int(m[1]), int(m[2]), int(m[3])
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _bad(defn: FieldDef, value: str, message: str, **params: Any) -> ValidationError:
    return ValidationError(
        message, field=f"profile.{defn.name}", name=defn.name, value=value, **params
    )


def value_errors(
    session: Session, values: Mapping[str, Any] | None, entity: str = "person"
) -> list[ValidationError]:
    """One error per defined field whose value in ``values`` does not fit its type (the
    save of a person checks this; free fields are never checked)."""
    if not values:
        return []
    errors: list[ValidationError] = []
    for defn in list_fields(session, entity):
        if defn.name in values:
            try:
                normalise(defn, str(values[defn.name] or ""))
            except ValidationError as exc:
                errors.append(exc)
    return errors


def normalised_values(
    session: Session, values: Mapping[str, str], entity: str = "person"
) -> dict[str, str]:
    """``values`` with each defined field in its stored form, empty ones left out;
    raises the first ValidationError."""
    defs = {d.name: d for d in list_fields(session, entity)}
    out: dict[str, str] = {}
    for key, value in values.items():
        text_ = normalise(defs[key], value) if key in defs else str(value or "").strip()
        if text_:
            out[key] = text_
    return out


def value_condition(name: str, value: str) -> ColumnElement[bool]:
    """SQL on :class:`Person`: the profile field ``name`` equals ``value`` (case and
    umlauts ignored, as the text filters; same on SQLite and PostgreSQL)."""
    column = Person.profile_fields[name.strip()].as_string()
    typed = value.strip()
    return and_(
        column.is_not(None),
        func.coalesce(textmatch.folded_letters(column), "") == textmatch.fold_letters(typed),
    )


def normalise_terms(defs: Sequence[FieldDef], terms: Mapping[str, str]) -> dict[str, str]:
    """Filter terms with a defined field's value in its stored form ("ja" → "yes",
    "24.12.2026" → "2026-12-24"), so a filter matches what a save stored; a value
    that does not fit stays as typed (it then matches nothing)."""
    by_name = {textmatch.fold(d.name): d for d in defs}
    out: dict[str, str] = {}
    for name, value in terms.items():
        defn = by_name.get(textmatch.fold(name))
        if defn is None:
            out[name] = value
            continue
        try:
            out[defn.name] = normalise(defn, value) or value
        except ValidationError:
            out[defn.name] = value
    return out


FIELD_TERM = re.compile(r"^\s*([^=;]+?)\s*=\s*([^;]*?)\s*$")


def split_terms(text: str) -> tuple[str, dict[str, str]]:
    """A filter line → (the plain words, {field: value}): ``Branche = Bau; Müller``
    filters people whose field "Branche" is "Bau" and whose name has "Müller"."""
    words: list[str] = []
    terms: dict[str, str] = {}
    for part in text.split(";"):
        m = FIELD_TERM.match(part)
        if m is not None and m[1]:
            terms[m[1]] = m[2]
        elif part.strip():
            words.append(part.strip())
    return " ".join(words), terms


def parse_assignments(items: Sequence[str]) -> dict[str, str]:
    """``["Branche=Bau", "Messe = ja"]`` (the CLI's --field) → {name: value}."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "“{item}” is not NAME=VALUE."),
                field="fields",
                item=item,
            )
        out[name.strip()] = value.strip()
    return out


# ---------------------------------------------------------------- changing


@dataclass(frozen=True)
class FieldChange:
    before: FieldDef | None
    after: FieldDef | None
    people: int  # whose values moved or were removed
    undo_id: int | None  # None: nothing changed
    changes: Changes


def _check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A custom field needs a name."), field="name"
        )
    if "=" in name or ";" in name or len(name) > 100:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "“{name}” cannot be a field name (no = or ;, at most 100 characters)."
            ),
            field="name",
            name=name,
        )
    return name


def _check_options(kind: str, options: Sequence[str]) -> tuple[str, ...]:
    cleaned: list[str] = []
    for option in options:
        option = option.strip()
        if option and option not in cleaned:
            cleaned.append(option)
    if kind == "choice" and not cleaned:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A pick-list needs at least one value."), field="options"
        )
    return tuple(cleaned) if kind == "choice" else ()


def define_field(
    session: Session,
    name: str,
    kind: str,
    options: Sequence[str] = (),
    *,
    clock: Clock,
    entity: str = "person",
) -> FieldChange:
    """Define a new field, or change the type/values of the field of that name."""
    if entity not in ENTITIES:
        raise ValueError(f"no custom fields for {entity!r}")
    name = _check_name(name)
    if kind not in KINDS:
        kind = kind_of(kind)
    opts = _check_options(kind, options)
    row = _row_named(session, name, entity)
    before = None if row is None else _of(row)
    if row is None:
        last = session.scalar(
            select(func.max(CustomFieldDef.position)).where(CustomFieldDef.entity == entity)
        )
        row = CustomFieldDef(
            entity=entity, name=name, kind=kind, options=list(opts), position=(last or 0) + 1
        )
        session.add(row)
    else:
        if row.kind == kind and tuple(row.options or ()) == opts:
            return FieldChange(before, before, 0, None, Changes())
        row.kind, row.options = kind, list(opts)
    session.flush()
    after = _of(row)
    verb = "Define" if before is None else "Change"
    entry = _record(session, f"{verb} custom field “{name}”", before, after, {}, clock)
    return FieldChange(before, after, 0, entry, Changes(settings=True))


def rename_field(
    session: Session, name: str, new_name: str, *, clock: Clock, entity: str = "person"
) -> FieldChange:
    """Rename a field; every person's value moves to the new name."""
    row = _row_named(session, name, entity)
    if row is None:
        get_field(session, name, entity)
        raise AssertionError
    new_name = _check_name(new_name)
    before = _of(row)
    if new_name == row.name:
        return FieldChange(before, before, 0, None, Changes())
    if _row_named(session, new_name, entity) is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "There is a custom field “{name}” already."),
            field="name",
            name=new_name,
        )
    old = row.name
    row.name = new_name
    session.flush()
    moved: dict[int, tuple[dict[str, str], dict[str, str]]] = {}
    for person in _people_with(session, [old, new_name]):
        prof = dict(person.profile_fields or {})
        was = {k: prof[k] for k in (old, new_name) if k in prof}
        if old not in prof:
            continue
        prof[new_name] = prof.pop(old)
        person.profile_fields = prof
        moved[person.id] = (was, {k: prof[k] for k in (old, new_name) if k in prof})
    session.flush()
    after = _of(row)
    entry = _record(
        session, f"Rename custom field “{old}” to “{new_name}”", before, after, moved, clock
    )
    return FieldChange(before, after, len(moved), entry, _changes(moved))


def delete_field(
    session: Session,
    name: str,
    *,
    keep_values: bool,
    clock: Clock,
    entity: str = "person",
) -> FieldChange:
    """Delete the definition. ``keep_values``: the values stay as free profile fields;
    otherwise they are removed from every person (the undo brings them back)."""
    row = _row_named(session, name, entity)
    if row is None:
        get_field(session, name, entity)
        raise AssertionError
    before = _of(row)
    moved: dict[int, tuple[dict[str, str], dict[str, str]]] = {}
    if not keep_values:
        for person in _people_with(session, [before.name]):
            prof = dict(person.profile_fields or {})
            if before.name not in prof:
                continue
            was = {before.name: prof.pop(before.name)}
            person.profile_fields = prof
            moved[person.id] = (was, {})
    session.delete(row)
    session.flush()
    label = f"Delete custom field “{before.name}”"
    entry = _record(session, label, before, None, moved, clock)
    return FieldChange(before, None, len(moved), entry, _changes(moved))


def count_values(session: Session, name: str) -> int:
    """How many people have a value in the field ``name`` (what a delete asks about)."""
    return sum(1 for p in _people_with(session, [name]) if (p.profile_fields or {}).get(name))


def _people_with(session: Session, names: Sequence[str]) -> list[Person]:
    """Every person (the trash included) with one of the profile keys ``names``."""
    conds = [Person.profile_fields[n].as_string().is_not(None) for n in names]
    return list(session.scalars(select(Person).where(or_(*conds)).order_by(Person.id)))


def _changes(moved: Mapping[int, Any]) -> Changes:
    return Changes(settings=True) | (Changes.of("person", *moved) if moved else Changes())


# ---------------------------------------------------------------- undo


@dataclass(frozen=True)
class FieldPayload:
    before: FieldDef | None
    after: FieldDef | None
    # person id → (their affected keys before, after)
    people: tuple[tuple[int, dict[str, str], dict[str, str]], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "before": None if self.before is None else self.before.to_json(),
            "after": None if self.after is None else self.after.to_json(),
            "people": [{"id": pid, "before": b, "after": a} for pid, b, a in self.people],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FieldPayload:
        def one(raw: Any) -> FieldDef | None:
            return None if raw is None else FieldDef.from_json(raw)

        people = tuple(
            (
                int(p["id"]),
                {str(k): str(v) for k, v in dict(p.get("before") or {}).items()},
                {str(k): str(v) for k, v in dict(p.get("after") or {}).items()},
            )
            for p in data.get("people") or []
        )
        return cls(one(data.get("before")), one(data.get("after")), people)

    @property
    def keys(self) -> set[str]:
        return {d.name for d in (self.before, self.after) if d is not None}


def _record(
    session: Session,
    label: str,
    before: FieldDef | None,
    after: FieldDef | None,
    moved: Mapping[int, tuple[dict[str, str], dict[str, str]]],
    clock: Clock,
) -> int:
    people = tuple((pid, b, a) for pid, (b, a) in sorted(moved.items()))
    return undo.record(
        session,
        action="custom-field",
        label=label,
        payload=FieldPayload(before, after, people),
        clock=clock,
    )


def _state(session: Session, defn: FieldDef) -> FieldDef | None:
    row = session.get(CustomFieldDef, defn.id)
    return None if row is None else _of(row)


def _put(session: Session, current: FieldDef | None, target: FieldDef | None) -> None:
    if target is None:
        if current is not None:
            row = session.get(CustomFieldDef, current.id)
            if row is not None:
                session.delete(row)
        session.flush()
        return
    row = session.get(CustomFieldDef, target.id)
    if row is None:
        row = CustomFieldDef(id=target.id, entity=target.entity)
        session.add(row)
    row.name, row.kind = target.name, target.kind
    row.options, row.position = list(target.options), target.position
    session.flush()


def _put_values(session: Session, p: FieldPayload, *, back: bool) -> None:
    keys = p.keys
    for pid, before, after in p.people:
        person = session.get(Person, pid)
        if person is None:
            continue
        want = before if back else after
        prof = {k: v for k, v in (person.profile_fields or {}).items() if k not in keys}
        prof.update(want)
        person.profile_fields = prof
    session.flush()


def _refuse_unless(session: Session, p: FieldPayload, expected: FieldDef | None) -> None:
    """An undo (redo) only while the field is what the change left (what the undo
    left): never over a later change of the field."""
    ref = p.after or p.before
    assert ref is not None
    if _state(session, ref) != expected:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "errors", "The custom field was changed again since; undo the later change first."
            )
        )
    target = p.before if expected is p.after else p.after
    taken = target is not None and _row_named(session, target.name, target.entity) is not None
    if expected is None and taken:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "errors", "A custom field of that name was defined again since; delete it first."
            )
        )


def _undo_field(session: Session, p: FieldPayload, clock: Clock) -> Changes:
    _refuse_unless(session, p, p.after)
    _put(session, p.after, p.before)
    _put_values(session, p, back=True)
    return _changes({pid: None for pid, _b, _a in p.people})


def _redo_field(session: Session, p: FieldPayload, clock: Clock) -> Changes:
    _refuse_unless(session, p, p.before)
    _put(session, p.before, p.after)
    _put_values(session, p, back=False)
    return _changes({pid: None for pid, _b, _a in p.people})


undo.register(
    "custom-field",
    parse=FieldPayload.from_dict,
    undo=_undo_field,
    redo=_redo_field,
)
