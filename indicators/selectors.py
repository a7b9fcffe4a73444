"""Reads of indicators for the public pages, the API and the export.

Every read starts from `core.visibility.visible`: a draft indicator does not exist for the
public.
"""

from __future__ import annotations

from django.db.models import QuerySet

from core.selectors import citations_prefetch
from core.visibility import visible
from indicators.models import Indicator


def indicator_list(*, include_drafts: bool = False) -> QuerySet[Indicator]:
    """Indicators a reader may see, with their citations and sources (two queries more)."""
    return visible(Indicator, include_drafts=include_drafts).prefetch_related(citations_prefetch())


def indicator_detail(*, slug: str, include_drafts: bool = False) -> Indicator | None:
    return indicator_list(include_drafts=include_drafts).filter(slug=slug).first()


def country_indicators(country: str, *, include_drafts: bool = False) -> list[Indicator]:
    """A country's indicators, the country's own first, then its cities' by name."""
    return list(indicator_list(include_drafts=include_drafts).filter(country=country.upper()))


def countries_with_indicators() -> list[str]:
    """ISO codes of the countries with at least one published indicator."""
    return sorted(set(visible(Indicator).values_list("country", flat=True)))
