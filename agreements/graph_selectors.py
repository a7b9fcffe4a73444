"""Reads behind the site's two pictures: who signs with whom, and when.

Plain rows (tuples and dictionaries), no model instances: the pictures are drawn from
figures over the whole dataset, read once per write and shared (`website.public.shared`).
Published agreements and published parties only: a draft partner of a published agreement
is neither a node nor the end of an edge, and a draft agreement links nobody.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef
from django.db.models.functions import ExtractMonth, ExtractYear

from agreements.models import Agreement, AgreementParty
from core.filtersets import translated
from core.records import DatePrecision
from core.visibility import status_is_visible, visible
from events.models import Event
from partners.models import Organization


@dataclass(frozen=True)
class PartnerNode:
    pk: int
    slug: str
    kind: str
    name: str
    acronym: str
    agreements: int


@dataclass
class PartnerNetwork:
    """The `limit` partners with the most published agreements and what they share."""

    nodes: list[PartnerNode]
    # (pk, pk, number of published agreements both are party to), smaller pk first
    edges: list[tuple[int, int, int]]
    partner_total: int  # published organizations party to at least one published agreement


def partner_network(*, limit: int) -> PartnerNetwork:
    """Four queries: the ranked partners, their names, how many partners there are, the
    agreements the ranked ones share.

    Ranked from the party rows (published agreement, published organization), grouped by
    organization: at 100,000 agreements a third of the time of counting from the
    organizations' side. Ties are broken by slug, never by the translated name, so that
    every language shows the same partners.
    """
    ranked = list(
        AgreementParty.objects.filter(
            status_is_visible("agreement__"), status_is_visible("organization__")
        )
        .values_list("organization_id")
        .annotate(agreement_count=Count("id"))
        .order_by("-agreement_count", "organization__slug")[:limit]
    )
    if not ranked:
        return PartnerNetwork([], [], 0)
    names = {
        pk: (slug, kind, label, short)
        for pk, slug, kind, label, short in visible(Organization)
        .filter(pk__in=[pk for pk, _count in ranked])
        .annotate(label=translated("name"), short=translated("acronym"))
        .values_list("pk", "slug", "kind", "label", "short")
    }
    nodes = []
    for pk, count in ranked:
        if pk not in names:  # unpublished between the two reads
            continue
        slug, kind, label, short = names[pk]
        nodes.append(PartnerNode(pk, slug, kind, label or slug, short or "", count))
    parties = AgreementParty.objects.filter(
        status_is_visible("agreement__"), organization=OuterRef("pk")
    )
    total = visible(Organization).filter(Exists(parties)).count()
    ids = [node.pk for node in nodes]
    # Each party row of a shown partner, joined to the other shown parties of the same
    # agreement with a larger key: one row per agreement and pair, counted per pair.
    pairs = (
        AgreementParty.objects.filter(
            status_is_visible("agreement__"),
            organization_id__in=ids,
            agreement__parties__organization_id__in=ids,
            agreement__parties__organization_id__gt=F("organization_id"),
        )
        .values_list("organization_id", "agreement__parties__organization_id")
        .annotate(weight=Count("agreement_id"))
        .order_by()
    )
    edges = sorted((a, b, weight) for a, b, weight in pairs)
    return PartnerNetwork(nodes, edges, total)


@dataclass
class TimelineCounts:
    """How many published agreements and events each month and year holds, by precision.

    `months[(year, month)]` counts what the sources date to the month or the day;
    `years[year]` what they date only to the year; `undated` what they do not date.
    """

    agreement_months: dict[tuple[int, int], int] = field(default_factory=dict)
    agreement_years: dict[int, int] = field(default_factory=dict)
    event_months: dict[tuple[int, int], int] = field(default_factory=dict)
    event_years: dict[int, int] = field(default_factory=dict)
    undated_agreements: int = 0
    undated_events: int = 0


def _counted(queryset, date: str, precision: str) -> list[tuple]:
    return list(
        queryset.annotate(year=ExtractYear(date), month=ExtractMonth(date))
        .values_list("year", "month", precision)
        .annotate(total=Count("id"))
        .order_by()
    )


def timeline_counts() -> TimelineCounts:
    """Two grouped queries: published agreements by signing month, events by first day."""
    counts = TimelineCounts()
    agreements = _counted(visible(Agreement), "signed_on", "signed_on_precision")
    events = _counted(visible(Event), "start_date", "date_precision")
    for rows, months, years, undated in (
        (agreements, counts.agreement_months, counts.agreement_years, "undated_agreements"),
        (events, counts.event_months, counts.event_years, "undated_events"),
    ):
        for year, month, precision, total in rows:
            if year is None or precision == DatePrecision.UNKNOWN:
                setattr(counts, undated, getattr(counts, undated) + total)
            elif precision == DatePrecision.YEAR:
                years[year] = years.get(year, 0) + total
            else:
                months[(year, month)] = months.get((year, month), 0) + total
    return counts
