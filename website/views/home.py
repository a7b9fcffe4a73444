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
    shared,
)

# -- home ------------------------------------------------------------------------------


@require_safe
@public_page
def home(request: HttpRequest) -> HttpResponse:
    agreements = visible(Agreement)
    # Figures over the whole dataset: read once per write, shared by every process.
    counts = shared(
        request,
        "home-counts",
        lambda: {
            "agreements": agreements.count(),
            "partners": partners_of_published_agreements().count(),
            "events": visible(Event).count(),
            "initiatives": visible(Initiative).count(),
        },
    )
    context = {
        "section": "home",
        "latest": agreement_cards(agreements)[:6],
        "counts": counts,
        "chart": yearly_chart(shared(request, "yearly-chart", lambda: yearly_rows(agreements))),
        "countries": partner_countries(
            shared(request, "partner-country-counts", partner_country_rows)
        ),
        "structured_data": website_ld(request),
    }
    return render(request, "home.html", context)


@dataclass
class ChartRow:
    year: int | None
    total: int
    segments: list[dict]


def yearly_rows(agreements) -> list[dict]:
    """Agreements per year of signing and kind: one grouped query."""
    return list(
        agreements.annotate(year=ExtractYear("signed_on"))
        .values("year", "kind")
        .annotate(total=Count("id"))
        .order_by()
    )


def yearly_chart(rows: list[dict]) -> dict:
    """Agreements per year of signing, by kind, as bars."""
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


def partner_country_rows() -> list[dict]:
    """How many partners bound by published agreements each country has: one query."""
    return list(
        partners_of_published_agreements()
        .values("country")
        .annotate(partners=Count("id"))
        .order_by()
    )


def partner_countries(rows: list[dict]) -> list[dict]:
    """Countries of the partners bound by published agreements, with how many partners."""
    from django_countries import countries

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
