"""What a record is matched against: a stored person's comparable data or a person
made earlier in the same run, and what a record would change on it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from crm_desktop.interop.records import has_year
from crm_desktop.services.importer.common import (
    _PROFILE,
    _SCALARS,
)
from crm_desktop.services.importer.keys import (
    _address_key,
    _company_key,
)
from crm_desktop.services.importer.normalize import (
    _Norm,
)


@dataclass
class _Data:
    """A person's comparable data: stored (``person_id``) or created in this run."""

    person_id: int | None
    scalars: dict[str, str]
    profile: dict[str, str]
    birth_date: dt.date | None
    company_key: str
    department_key: str
    email_keys: set[str]
    phone_keys: set[str]
    address_keys: set[tuple[str, str, str]]
    tag_keys: set[str]
    has_photo: bool
    photo: bytes | None = None
    new: _NewPerson | None = None


@dataclass(eq=False)
class _NewPerson:
    norm: _Norm
    id: int = 0
    _data: _Data | None = None

    @property
    def data(self) -> _Data:
        """The comparable data, made when a later record first compares against it
        (most people made by an import never are; ``norm`` is unchanged till then)."""
        if self._data is None:
            self._data = _data_of_norm(self.norm)
            self._data.new = self
        return self._data


_Target = int | _NewPerson  # a stored person's id, or a person made in this run


def _add(index: dict[Any, list[_Target]], key: Any, target: _Target) -> None:
    targets = index.get(key)
    if targets is None:
        index[key] = [target]
        return
    if not any(t is target or t == target for t in targets):
        targets.append(target)


def _data_of_norm(norm: _Norm) -> _Data:
    return _Data(
        person_id=None,
        scalars=dict(norm.scalars),
        profile={k: val for k, val in norm.profile.items() if val},
        birth_date=norm.birth_date,
        company_key=_company_key(norm.company),
        department_key=norm.department.casefold(),
        email_keys=set(norm.email_keys()),
        phone_keys={n for _k, n in norm.phones},
        address_keys={_address_key(a) for a in norm.addresses},
        tag_keys={t.casefold() for t in norm.tags},
        has_photo=norm.photo is not None,
        photo=norm.photo,
    )


def _diff(norm: _Norm, data: _Data) -> dict[str, Any]:
    """What ``norm`` would change on ``data`` (empty: nothing new in the record)."""
    out: dict[str, Any] = {}
    for key in _SCALARS:
        new = norm.scalars.get(key, "")
        if not new:
            continue
        old = data.scalars.get(key) or ""
        if key == "vcard_uid":
            if not old:
                out[key] = new
        elif new != old:
            out[key] = new
    for key in _PROFILE:
        new = norm.profile.get(key, "")
        if new and new != data.profile.get(key, ""):
            out[f"profile.{key}"] = new
    if norm.birth_date is not None and norm.birth_date != data.birth_date:
        old_bd = data.birth_date
        same_day = old_bd is not None and (old_bd.month, old_bd.day) == (
            norm.birth_date.month,
            norm.birth_date.day,
        )
        if not (same_day and not has_year(norm.birth_date)):
            out["birth_date"] = norm.birth_date
    if norm.company and _company_key(norm.company) != data.company_key:
        out["company"] = norm.company
        if norm.department:
            out["department"] = norm.department
    elif norm.department and norm.department.casefold() != data.department_key:
        out["department"] = norm.department
    emails = [(k, e) for k, e in norm.emails if e.lower() not in data.email_keys]
    if emails:
        out["emails"] = emails
    phones = [(k, n) for k, n in norm.phones if n not in data.phone_keys]
    if phones:
        out["phones"] = phones
    addresses = [a for a in norm.addresses if _address_key(a) not in data.address_keys]
    if addresses:
        out["addresses"] = addresses
    tags = [t for t in norm.tags if t.casefold() not in data.tag_keys]
    if tags:
        out["tags"] = tags
    if norm.photo is not None and norm.photo != data.photo:
        out["photo"] = norm.photo
    return out


def _field_names(changes: dict[str, Any]) -> list[str]:
    return [k.removeprefix("profile.") for k in changes]
