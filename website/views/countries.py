"""A country's page: the dated indicators (rankings, scores) the sources give it and its
cities, each with the passages that state it."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe
from django_countries import countries

from core.visibility import visible
from indicators.models import Comparison, Indicator, IndicatorKind
from indicators.selectors import country_indicators
from partners.models import Organization
from website.evidence import Evidence
from website.public import public_page


def figure_text(indicator: Indicator) -> str:
    """The figure as a reader says it: "88", "more than 23%", "rank not given"."""
    value = Indicator.plain(indicator.value)
    if not value:
        return _("rank not given")
    if indicator.kind == IndicatorKind.GROWTH:
        value = _("%(value)s%%") % {"value": value}
    if indicator.comparison == Comparison.MORE_THAN:
        return _("more than %(value)s") % {"value": value}
    if indicator.comparison == Comparison.LESS_THAN:
        return _("less than %(value)s") % {"value": value}
    return value


def movement_text(indicator: Indicator) -> str:
    """ "up 4 places, from 92": what the source says of the previous edition."""
    parts = []
    if indicator.change:
        places = abs(indicator.change)
        if indicator.change > 0:
            parts.append(
                ngettext("up %(count)d place", "up %(count)d places", places) % {"count": places}
            )
        else:
            parts.append(
                ngettext("down %(count)d place", "down %(count)d places", places)
                % {"count": places}
            )
    if indicator.previous_value is not None:
        parts.append(
            _("previously %(value)s") % {"value": Indicator.plain(indicator.previous_value)}
        )
    return _(", ").join(parts)


@require_safe
@public_page
def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    code = code.upper()
    if code not in countries:
        raise Http404
    indicators = country_indicators(code)
    if not indicators and not visible(Organization).filter(country=code).exists():
        raise Http404
    citations = [citation for indicator in indicators for citation in indicator.citations.all()]
    evidence = Evidence.of(citations, Indicator)
    number_of = {passage.citation.pk: passage.number for passage in evidence.passages}
    national, by_city = [], {}
    for indicator in indicators:
        indicator.figure_text = figure_text(indicator)
        indicator.movement_text = movement_text(indicator)
        indicator.cite_numbers = sorted(number_of[c.pk] for c in indicator.citations.all())
        if indicator.city:
            by_city.setdefault(indicator.city, []).append(indicator)
        else:
            national.append(indicator)
    context = {
        "section": "partners",
        "country_code": code,
        "country_name": countries.name(code),
        "national": national,
        "cities": [{"name": name, "indicators": items} for name, items in by_city.items()],
        "evidence": evidence,
    }
    return render(request, "countries/country_detail.html", context)
