"""The two pictures: who signs with whom (the partner network) and when (the timeline).

Both are the same for every visitor until the next write: drawn once per language and
dataset version and shared by every process (`shared_fragment`), so a visit costs the one
query that reads the dataset's version, however many agreements there are.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.dates import MONTHS_AP
from django.utils.formats import number_format
from django.utils.translation import (
    get_language,
    get_language_bidi,
    gettext_lazy,
    ngettext,
    pgettext,
)
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from agreements.graph_selectors import partner_network as network_rows
from agreements.graph_selectors import timeline_counts
from core.records import MONTH_NAMES, PartialDate, format_partial_date
from partners.models import OrganizationKind
from website import graphs
from website.public import public_page, shared_fragment

# At 2,500 partners a picture of all of them is a blot: it shows the partners with the
# most agreements, and says so; the partner index lists them all.
NETWORK_SIZE = 40
# How many partners a line of the network's table names as sharing agreements with one.
TABLE_LINKS = 8

FAMILY_LABELS = {
    "government": gettext_lazy("Government"),
    "public": gettext_lazy("Public bodies"),
    "company": gettext_lazy("Companies and funds"),
    "international": gettext_lazy("International bodies"),
    "society": gettext_lazy("Associations and media"),
    "other": gettext_lazy("Other"),
}


def _count(number: int) -> str:
    return number_format(number, force_grouping=True)


def _agreements(number: int) -> str:
    return ngettext("%(counter)s agreement", "%(counter)s agreements", number) % {
        "counter": _count(number)
    }


def _events(number: int) -> str:
    return ngettext("%(counter)s event", "%(counter)s events", number) % {"counter": _count(number)}


def _partners(number: int) -> str:
    return ngettext("%(counter)s partner", "%(counter)s partners", number) % {
        "counter": _count(number)
    }


# -- partner network ---------------------------------------------------------------------


@require_safe
@public_page
def partner_network(request: HttpRequest) -> HttpResponse:
    body = shared_fragment(
        request,
        f"partner-network|{NETWORK_SIZE}",
        "includes/partner_network.html",
        _network_context,
    )
    return render(request, "partners/network.html", {"section": "partners", "body": body})


def _network_context() -> dict:
    network = network_rows(limit=NETWORK_SIZE)
    detail_prefix = reverse("organization-detail", args=["-"])[:-2]
    kind_labels = {kind.value: str(kind.label) for kind in OrganizationKind}
    nodes = []
    for index, row in enumerate(network.nodes):
        name = f"{row.name} ({row.acronym})" if row.acronym else row.name
        hub = index == 0  # in the centre, written across on two lines
        nodes.append(
            graphs.Node(
                key=row.pk,
                label=row.acronym or graphs.shorten(row.name, 48 if hub else 26),
                short_label=row.acronym or graphs.shorten(row.name, 32 if hub else 14),
                title=_("%(name)s — %(kind)s, %(agreements)s")
                % {
                    "name": name,
                    "kind": kind_labels.get(row.kind, row.kind),
                    "agreements": _agreements(row.agreements),
                },
                href=f"{detail_prefix}{row.slug}/",
                weight=row.agreements,
                kind=row.kind,
            )
        )
    by_key = {row.pk: row for row in network.nodes}
    links: dict[int, list[tuple[int, int]]] = {row.pk: [] for row in network.nodes}
    for a, b, weight in network.edges:
        links[a].append((weight, b))
        links[b].append((weight, a))
    rank = {row.pk: index for index, row in enumerate(network.nodes)}
    rows = []
    for row in network.nodes:
        partners = sorted(links[row.pk], key=lambda link: (-link[0], rank[link[1]]))
        rows.append(
            {
                "name": row.name,
                "acronym": row.acronym,
                "href": f"{detail_prefix}{row.slug}/",
                "kind": kind_labels.get(row.kind, row.kind),
                "family": graphs.family_of(row.kind),
                "colour": graphs.colour_of(row.kind),
                "agreements": row.agreements,
                "links": [
                    {"name": by_key[other].name, "weight": weight}
                    for weight, other in partners[:TABLE_LINKS]
                ],
                "more_links": max(0, len(partners) - TABLE_LINKS),
            }
        )
    present = {graphs.family_of(row.kind) for row in network.nodes}
    legend = [
        {
            "family": family,
            "colour": colour,
            "label": FAMILY_LABELS[family],
            "kinds": [kind_labels[kind] for kind in kinds if kind in kind_labels],
        }
        for family, colour, kinds in graphs.KIND_FAMILIES
        if family in present
    ]
    return {
        "svg": graphs.network_svg(
            nodes, network.edges, rtl=get_language_bidi(), labelledby="network-caption"
        )
        if nodes
        else "",
        "legend": legend,
        "rows": rows,
        "shown": len(nodes),
        "total": network.partner_total,
        "summary": _network_summary(network),
    }


def _network_summary(network) -> list[str]:
    """What the picture shows, in sentences: how much of the whole, who leads, the
    strongest tie."""
    nodes = network.nodes
    if not nodes:
        return []
    sentences = []
    if len(nodes) < network.partner_total:
        sentences.append(
            _(
                "The %(shown)s partners with the most published agreements, of %(total)s "
                "partners party to one; the partner index lists them all."
            )
            % {"shown": _count(len(nodes)), "total": _count(network.partner_total)}
        )
    else:
        sentences.append(
            _("Every partner party to a published agreement: %(partners)s.")
            % {"partners": _partners(network.partner_total)}
        )
    hub, *others = nodes
    sentences.append(
        _("%(name)s is party to the most: %(agreements)s.")
        % {"name": hub.name, "agreements": _agreements(hub.agreements)}
    )
    if others:
        sentences.append(
            _("Then: %(list)s.")
            % {
                "list": pgettext("separator in a list", "; ").join(
                    f"{node.name} ({_count(node.agreements)})" for node in others[:3]
                )
            }
        )
    names = {node.pk: node.name for node in nodes}
    between_partners = [edge for edge in network.edges if hub.pk not in edge[:2]]
    if between_partners:
        a, b, weight = max(between_partners, key=lambda edge: (edge[2], -edge[0], -edge[1]))
        sentences.append(
            _(
                "Without %(hub)s, the two partners that sign together most often are "
                "%(first)s and %(second)s: %(agreements)s."
            )
            % {
                "hub": hub.name,
                "first": names[a],
                "second": names[b],
                "agreements": _agreements(weight),
            }
        )
    return sentences


# -- timeline ------------------------------------------------------------------------------


@require_safe
@public_page
def timeline_chart(request: HttpRequest) -> HttpResponse:
    body = shared_fragment(
        request, "timeline-chart", "includes/timeline_chart.html", _timeline_context
    )
    return render(request, "agreements/timeline_chart.html", {"section": "dates", "body": body})


def month_labels() -> list[str]:
    """What heads each month's column: Morocco's month names in Arabic (يناير … دجنبر,
    short enough), Django's abbreviations elsewhere ("sept.", "Sept.")."""
    if get_language() == "ar":
        return [str(MONTH_NAMES[month]) for month in range(1, 13)]
    return [str(MONTHS_AP[month]) for month in range(1, 13)]


def _describe(kind: str, year: int, month: int | None, count: int) -> str:
    """A mark's tooltip: "3 agreements in September 2025"."""
    records = _agreements(count) if kind == "agreement" else _events(count)
    if month is None:
        return _("%(records)s in %(period)s, month not given") % {
            "records": records,
            "period": year,
        }
    period = format_partial_date(PartialDate(year, month))
    return _("%(records)s in %(period)s") % {"records": records, "period": period}


def _timeline_context() -> dict:
    counts = timeline_counts()
    dated_years = (
        {year for year, _month in counts.agreement_months}
        | {year for year, _month in counts.event_months}
        | set(counts.agreement_years)
        | set(counts.event_years)
    )
    context: dict = {
        "undated_agreements": counts.undated_agreements,
        "undated_events": counts.undated_events,
        "month_names": [str(MONTH_NAMES[month]) for month in range(1, 13)],
    }
    if not dated_years:
        return {**context, "svg": "", "rows": [], "summary": []}
    # Every year from the first to the last, empty ones too: a gap is part of the story.
    span = range(min(dated_years), max(dated_years) + 1)
    years = []
    rows = []
    for year in span:
        agreements = tuple(counts.agreement_months.get((year, m), 0) for m in range(1, 13))
        events = tuple(counts.event_months.get((year, m), 0) for m in range(1, 13))
        in_year = counts.agreement_years.get(year, 0)
        events_in_year = counts.event_years.get(year, 0)
        agreement_total, event_total = sum(agreements) + in_year, sum(events) + events_in_year
        href = reverse("year-archive", kwargs={"year": year})
        years.append(
            graphs.TimelineYear(
                year=year,
                href=href,
                title=_("%(year)s: %(agreements)s, %(events)s")
                % {
                    "year": year,
                    "agreements": _agreements(agreement_total),
                    "events": _events(event_total),
                },
                agreement_months=agreements,
                event_months=events,
                agreements_in_year=in_year,
                events_in_year=events_in_year,
            )
        )
        rows.append(
            {
                "year": year,
                "href": href,
                "agreements": agreements,
                "agreements_in_year": in_year,
                "agreement_total": agreement_total,
                "events": events,
                "events_in_year": events_in_year,
                "event_total": event_total,
            }
        )
    svg = graphs.timeline_svg(
        years,
        month_labels=month_labels(),
        rtl=get_language_bidi(),
        labelledby="timeline-caption",
        describe=_describe,
    )
    return {**context, "svg": svg, "rows": rows, "summary": _timeline_summary(counts, span)}


def _timeline_summary(counts, span: range) -> list[str]:
    agreements = sum(counts.agreement_months.values()) + sum(counts.agreement_years.values())
    events = sum(counts.event_months.values()) + sum(counts.event_years.values())
    sentences = [
        _("From %(first)s to %(last)s: %(agreements)s and %(events)s dated by the sources.")
        % {
            "first": span.start,
            "last": span.stop - 1,
            "agreements": _agreements(agreements),
            "events": _events(events),
        }
    ]
    if counts.agreement_months:
        (year, month), most = max(
            counts.agreement_months.items(), key=lambda item: (item[1], item[0])
        )
        sentences.append(
            _("The month with the most agreements: %(period)s, %(agreements)s.")
            % {
                "period": format_partial_date(PartialDate(year, month)),
                "agreements": _agreements(most),
            }
        )
    year_only = sum(counts.agreement_years.values())
    if year_only:
        sentences.append(
            _("Dated only to the year: %(agreements)s, each drawn as a bracket across its year.")
            % {"agreements": _agreements(year_only)}
        )
    if counts.undated_agreements or counts.undated_events:
        sentences.append(
            _("Not drawn, for want of a date in the sources: %(agreements)s, %(events)s.")
            % {
                "agreements": _agreements(counts.undated_agreements),
                "events": _events(counts.undated_events),
            }
        )
    return sentences
