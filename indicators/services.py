"""Writes to indicators: typed, keyword-only, atomic, with history and the shared rules."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction

from core.records import PartialDate
from core.services import (
    UNSET,
    CitationInput,
    Translations,
    User,
    close_write,
    open_for_write,
    save_validated,
    set_partial_date,
    set_translations,
)
from indicators.models import Indicator


@transaction.atomic
def save_indicator(
    *,
    actor: User,
    indicator: Indicator | None = None,
    slug: str | Any = UNSET,
    measure: Translations | Any = UNSET,
    publisher: Translations | Any = UNSET,
    country: str | Any = UNSET,
    city: Translations | Any = UNSET,
    kind: str | Any = UNSET,
    scope: str | Any = UNSET,
    value: Decimal | Any | None = UNSET,
    comparison: str | Any = UNSET,
    previous_value: Decimal | Any | None = UNSET,
    change: int | Any | None = UNSET,
    as_of: PartialDate | str | Any | None = UNSET,
    note: Translations | Any = UNSET,
    citations: Sequence[CitationInput] | Any = UNSET,
    status: str | Any = UNSET,
) -> Indicator:
    """Create an indicator (no `indicator` given) or change the fields given."""
    indicator, previous_status = open_for_write(
        Indicator, indicator, actor=actor, slug=slug, status=status
    )
    for name, texts in (("measure", measure), ("publisher", publisher), ("city", city),
                        ("note", note)):  # fmt: skip
        if texts is not UNSET:
            set_translations(indicator, name, texts)
    for name, given in (
        ("country", country), ("kind", kind), ("scope", scope), ("value", value),
        ("comparison", comparison), ("previous_value", previous_value), ("change", change),
    ):  # fmt: skip
        if given is not UNSET:
            setattr(indicator, name, given)
    if as_of is not UNSET:
        set_partial_date(indicator, "as_of", "as_of_precision", as_of)
    save_validated(indicator, actor=actor, reason="api")
    close_write(indicator, actor=actor, citations=citations, previous_status=previous_status)
    return indicator
