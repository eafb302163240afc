"""Constants and type aliases shared by the duplicate search."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Literal, TypeVar

DEFAULT_MIN_SCORE = 60
ENTRY_MIN_SCORE = 40
IGNORED_KEY = "dedup.ignored"

Entity = Literal["people", "companies", "both"]
_V = TypeVar("_V", bound=Hashable)
_R = TypeVar("_R")
ProgressFn = Callable[[int, int], object]
