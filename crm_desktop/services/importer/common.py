"""Names the rooms share: the duplicate policies, the progress callback, the
person fields a record sets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

OnDuplicate = Literal["create", "skip", "merge"]
Progress = Callable[[int, int], bool]
ON_DUPLICATE = ("create", "skip", "merge")


_SCALARS = (
    "salutation",
    "title",
    "given_name",
    "family_name",
    "nickname",
    "position",
    "occupation",
    "notes",
    "vcard_uid",
)
_PROFILE = ("additional_names", "name_suffix", "website")
