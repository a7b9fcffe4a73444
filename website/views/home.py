"""The home page: the latest agreements, counts and two charts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from agreements.models import (
    Agreement,
    AgreementKind,
    Initiative,
)
from agreements.selectors import (
    agreement_cards,
)
from core.visibility import visible
from events.models import Event
from website.jsonld import website_ld
from website.public import (
    partners_of_published_agreements,
    public_page,
)

# -- home ------------------------------------------------------------------------------


@require_safe
@public_page
def home(request: HttpRequest) -> HttpResponse:
    agreements = visible(Agreement)
    counts = {
        "agreements": agreements.count(),
        "partners": partners_of_published_agreements().count(),
        "events": visible(Event).count(),
        "initiatives": visible(Initiative).count(),
    }
    context = {
        "section": "home",
        "latest": agreement_cards(agreements)[:6],
        "counts": counts,
        "chart": yearly_chart(agreements),
        "countries": partner_countries(),
        "structured_data": website_ld(request),
    }
    return render(request, "home.html", context)


@dataclass
class ChartRow:
    year: int | None
    total: int
    segments: list[dict]


def yearly_chart(agreements) -> dict:
    """Agreements per year of signing, by kind: one grouped query."""
    rows = (
        agreements.annotate(year=ExtractYear("signed_on"))
        .values("year", "kind")
        .annotate(total=Count("id"))
        .order_by()
    )
    by_year: dict[int | None, dict[str, int]] = defaultdict(dict)
    for row in rows:
        by_year[row["year"]][row["kind"]] = row["total"]
    kinds = [kind for kind in AgreementKind if any(kind in counts for counts in by_year.values())]
    widest = max((sum(counts.values()) for counts in by_year.values()), default=0)
    years = sorted((year for year in by_year if year is not None), reverse=True)
    if None in by_year:
        years.append(None)
    chart_rows = []
    for year in years:
        counts = by_year[year]
        offset = 0.0
        segments = []
        for kind in kinds:
            if not counts.get(kind):
                continue
            width = 100 * counts[kind] / widest
            segments.append(
                {
                    "kind": kind.value,
                    "label": kind.label,
                    "count": counts[kind],
                    "x": offset,
                    "width": width,
                }
            )
            offset += width
        chart_rows.append(ChartRow(year, sum(counts.values()), segments))
    return {"rows": chart_rows, "kinds": kinds}


def partner_countries() -> list[dict]:
    """Countries of the partners bound by published agreements, with how many partners."""
    from django_countries import countries

    rows = (
        partners_of_published_agreements()
        .values("country")
        .annotate(partners=Count("id"))
        .order_by()
    )
    result = [
        {
            "code": row["country"],
            "name": countries.name(row["country"]) if row["country"] else _("International bodies"),
            "partners": row["partners"],
        }
        for row in rows
    ]
    # Morocco first, then by number of partners, then by name; international bodies last.
    result.sort(key=lambda c: (c["code"] != "MA", not c["code"], -c["partners"], str(c["name"])))
    return result
