"""Non-EU VAT ids (GB, CH, NO) are checked by python-stdnum and do not block saving."""

from __future__ import annotations

import pytest

from crm_desktop.errors import ValidationError
from crm_desktop.services import validation as v


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("GB 980 7806 84", "GB980780684"),
        ("GB980780684001", "GB980780684001"),
        ("CHE-116.281.710 MWST", "CHE-116.281.710 MWST"),
        ("CHE116281710TVA", "CHE-116.281.710 TVA"),
        ("CHE-116.281.710 IVA", "CHE-116.281.710 IVA"),
        ("NO 995 525 828 MVA", "NO995525828MVA"),
        ("DE 136,695 976", "DE136695976"),
        ("ATU13585627", "ATU13585627"),
    ],
)
def test_valid_vat_ids(raw: str, stored: str) -> None:
    assert v.normalize_vat_id(raw) == stored


@pytest.mark.parametrize(
    "raw", ["GB123456789", "CHE-116.281.711 MWST", "NO 995 525 829 MVA", "XX1", "DE136695977"]
)
def test_invalid_vat_ids_say_so(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        v.normalize_vat_id(raw)
    assert raw in str(info.value)
    assert "VAT id" in str(info.value)
    assert info.value.field == "vat_id"
