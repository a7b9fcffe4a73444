"""The representation of indicators; field names are a contract."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.agreements.serializers import kind_label
from api.fields import (
    CitationSerializer,
    PartialDateField,
    ReadSerializer,
    api_url,
    country_code,
    fallback_order,
    partial,
    precision_field,
    text,
    tr,
)
from indicators.models import Comparison, Indicator, IndicatorKind, IndicatorScope

_datetime = serializers.DateTimeField()


def figure(number: Decimal | None) -> int | float | None:
    """A figure as a JSON number, as the source gives it: 88, 0.687."""
    if number is None:
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def indicator_citation(citation, order) -> dict:
    return {
        "source": {"slug": citation.source.slug, "title": tr(citation.source, "title", order)},
        "quote": citation.quote,
        "fields": list(citation.fields or []),
    }


class IndicatorSerializer(ReadSerializer):
    slug = serializers.SlugField(read_only=True, help_text=_("Stable identifier."))
    url = serializers.URLField(
        read_only=True, help_text=_("The country's public page, where the indicator is shown.")
    )
    api_url = serializers.URLField(read_only=True, help_text=_("This record in the API."))
    measure = text(
        _("The index or ranking and its edition, in the requested language."), required=True
    )
    publisher = text(_("Who publishes the index, if the source names them."))
    country = serializers.CharField(
        read_only=True, help_text=_("ISO 3166-1 alpha-2 code of the country measured.")
    )
    city = text(_("The city measured, in the requested language; null for the whole country."))
    kind = serializers.ChoiceField(
        choices=IndicatorKind.choices,
        read_only=True,
        help_text=_("rank (a place), score (index points) or growth (a percentage)."),
    )
    kind_label = serializers.CharField(
        read_only=True, help_text=_("Kind, in the requested language.")
    )
    scope = serializers.ChoiceField(
        choices=IndicatorScope.choices,
        read_only=True,
        help_text=_("Among whom the rank or comparison is counted."),
    )
    value = serializers.FloatField(
        read_only=True,
        allow_null=True,
        help_text=_(
            "The rank, score or percentage as the source gives it; null when it gives only the change."
        ),
    )
    comparison = serializers.ChoiceField(
        choices=Comparison.choices,
        read_only=True,
        help_text=_("exact, or more_than / less_than when the source gives a bound."),
    )
    previous_value = serializers.FloatField(
        read_only=True,
        allow_null=True,
        help_text=_("The previous edition's rank or score, when the source gives it."),
    )
    change = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text=_("Places gained (positive) or lost (negative), when the source gives it."),
    )
    as_of = PartialDateField(help_text=_("The date of the figure at its known precision."))
    as_of_precision = precision_field(_("How much of the date the sources give."))
    note = text(_("What else the source says of the figure, in the requested language."))
    citations = CitationSerializer(
        many=True, read_only=True, help_text=_("The passages that state the figure.")
    )
    updated_at = serializers.DateTimeField(read_only=True, help_text=_("Last change."))

    def represent(self, indicator: Indicator) -> dict:
        order = fallback_order()
        request = self.context.get("request")
        code = country_code(indicator.country)
        return {
            "slug": indicator.slug,
            "url": country_url(request, code),
            "api_url": api_url(request, "indicator-detail", indicator.slug),
            "measure": tr(indicator, "measure", order),
            "publisher": tr(indicator, "publisher", order),
            "country": code,
            "city": tr(indicator, "city", order),
            "kind": indicator.kind,
            "kind_label": kind_label(IndicatorKind, indicator.kind),
            "scope": indicator.scope,
            "value": figure(indicator.value),
            "comparison": indicator.comparison,
            "previous_value": figure(indicator.previous_value),
            "change": indicator.change,
            "as_of": partial(indicator.as_of, indicator.as_of_precision),
            "as_of_precision": indicator.as_of_precision,
            "note": tr(indicator, "note", order),
            "citations": [
                indicator_citation(citation, order) for citation in indicator.citations.all()
            ],
            "updated_at": _datetime.to_representation(indicator.updated_at),
        }


def country_url(request, code: str) -> str:
    path = reverse("country-detail", kwargs={"code": code.lower()})
    return request.build_absolute_uri(path) if request is not None else path
