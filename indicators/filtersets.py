"""Filters over indicators, shared by the public pages and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filtersets import CountryFilter, TextSearchFilter, TranslatedOrderingFilter, YearFilter
from indicators.models import Indicator, IndicatorKind, IndicatorScope


class IndicatorFilterSet(django_filters.FilterSet):
    country = CountryFilter(
        label=_("Country"), help_text=_("ISO 3166-1 alpha-2 code, e.g. MA."), field_name="country"
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"),
        help_text=_("rank, score or growth; repeat the parameter for any of several kinds."),
        choices=IndicatorKind.choices,
        distinct=False,
        error_messages={"invalid_choice": _("“%(value)s” is not a kind of indicator.")},
    )
    scope = django_filters.ChoiceFilter(
        label=_("Scope"),
        help_text=_("Among whom the rank is counted: world, africa, north_africa, arab_world."),
        choices=IndicatorScope.choices,
        error_messages={"invalid_choice": _("“%(value)s” is not a scope.")},
    )
    year = YearFilter(
        label=_("Year"),
        help_text=_("Indicators dated in that year."),
        field_name="as_of",
        lookup_expr="year",
    )
    q = TextSearchFilter(fields=("measure", "publisher", "city"))
    ordering = TranslatedOrderingFilter(
        label=_("Order by"),
        help_text=_("as_of, measure or slug; prefix with - for descending order."),
        fields=(("as_of", "as_of"), ("measure", "measure"), ("slug", "slug")),
        translated_fields=("measure",),
        nulls_last=("as_of",),
    )

    class Meta:
        model = Indicator
        fields = ["country", "kind", "scope", "year", "q", "ordering"]
