"""The public site's pages about partners (organizations) and people."""

from __future__ import annotations

from collections import OrderedDict, defaultdict

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django_countries import countries

from agreements import selectors as agreement_selectors
from agreements.models import Agreement, Signatory
from agreements.selectors import agreement_cards
from core.filtersets import translated
from core.visibility import visible
from events import selectors as event_selectors
from partners import selectors
from partners.models import Organization, OrganizationKind, Person, Position
from website.evidence import Evidence
from website.jsonld import organization_ld, person_ld
from website.public import may_preview, not_found, public_page, shared


@require_safe
@public_page
def organization_list(request: HttpRequest) -> HttpResponse:
    """Partners grouped by country (Morocco first, international bodies last), then kind.

    The same for every visitor until the next write: built once per language and dataset
    version, and shared by every process through the cache.
    """
    language = get_language()
    index = shared(request, f"organization-index|{language}", _organization_index)
    context = {"section": "partners", **index}
    return render(request, "partners/organization_list.html", context)


def _organization_index() -> dict:
    """Every published partner as a line of HTML (name, acronym, its agreements), grouped.

    Thousands of partners: rows are read as tuples (no model instances), each address is
    built from one prefix (no `reverse()` per partner) and the lines are joined in Python
    rather than by a template loop.
    """
    rows = (
        visible(Organization)
        .annotate(label=translated("name"), short=translated("acronym"))
        .order_by("label", "pk")
        .values_list("pk", "slug", "kind", "country", "label", "short")
    )
    counts = agreement_selectors.agreement_counts()
    detail_prefix = reverse("organization-detail", args=["-"])[:-2]
    list_url = reverse("agreement-list")
    none = _("no agreement recorded")
    count_labels: dict[int, str] = {}
    kind_order = {kind.value: index for index, kind in enumerate(OrganizationKind)}
    by_country: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    total = 0
    for pk, slug, kind, country, label, short in rows:
        total += 1
        agreements = counts.get(pk, 0)
        if agreements and agreements not in count_labels:
            count_labels[agreements] = ngettext(
                "%(counter)s agreement", "%(counter)s agreements", agreements
            ) % {"counter": agreements}
        by_country[country or ""][kind].append(
            (
                f"{detail_prefix}{slug}/",
                label or "",
                format_html(' <span class="muted">({})</span>', short) if short else "",
                format_html(
                    '<a href="{}?partner={}">{}</a>', list_url, slug, count_labels[agreements]
                )
                if agreements
                else none,
            )
        )
    codes = sorted(
        by_country,
        key=lambda code: (code != "MA", code == "", str(countries.name(code)) if code else ""),
    )
    groups = []
    for code in codes:
        kinds = by_country[code]
        groups.append(
            {
                "anchor": f"country-{code.lower() or 'international'}",
                "code": code,
                "name": str(countries.name(code)) if code else _("International bodies"),
                "count": sum(len(items) for items in kinds.values()),
                "kinds": [
                    {
                        "label": str(OrganizationKind(kind).label),
                        "items": format_html_join(
                            "\n",
                            '<li><a href="{}"><strong>{}</strong></a>{} <span class="meta">{}'
                            "</span></li>",
                            kinds[kind],
                        ),
                    }
                    for kind in sorted(kinds, key=lambda k: kind_order.get(k, 99))
                ],
            }
        )
    return {"groups": groups, "total": total}


@require_safe
@public_page
def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    preview = may_preview(request, Organization)
    organization = selectors.organization_detail(slug=slug, include_drafts=preview)
    if organization is None:
        return not_found(request, Organization, slug)
    agreements = list(
        agreement_cards(agreement_selectors.agreements_of(organization)).order_by("signed_on", "id")
    )
    children = list(selectors.organization_children(organization).order_by(translated("name")))
    positions = list(selectors.organization_positions(organization))
    signatures = list(agreement_selectors.organization_signatures(organization))
    events = list(event_selectors.organization_events(organization))
    initiatives = list(
        agreement_selectors.organization_initiatives(organization).order_by(translated("name"))
    )
    people = _people_of(positions, signatures)
    context = {
        "section": "partners",
        "organization": organization,
        "preview": preview and organization.status != "published",
        "timeline": _by_year(agreements),
        "agreement_count": len(agreements),
        "children": children,
        "people": people,
        "events": events,
        "initiatives": initiatives,
        "evidence": Evidence.of(organization.citations.all(), Organization),
        "structured_data": organization_ld(request, organization, children=children),
    }
    return render(request, "partners/organization_detail.html", context)


def _by_year(agreements: list[Agreement]) -> list[dict]:
    """Agreements on a timeline, oldest first; those with an unknown date at the end."""
    years: OrderedDict = OrderedDict()
    undated = []
    for agreement in agreements:
        signed = agreement.signed_partial
        if signed.is_known:
            years.setdefault(signed.year, []).append(agreement)
        else:
            undated.append(agreement)
    groups = [{"year": year, "agreements": items} for year, items in years.items()]
    if undated:
        groups.append({"year": None, "agreements": undated})
    return groups


def _people_of(positions: list[Position], signatures: list[Signatory]) -> list[dict]:
    """The people who act for an organization: titles held there, agreements signed for it."""
    people: OrderedDict = OrderedDict()
    for position in positions:
        entry = people.setdefault(
            position.person_id, {"person": position.person, "positions": [], "signed": []}
        )
        entry["positions"].append(position)
    for signature in signatures:
        entry = people.setdefault(
            signature.person_id, {"person": signature.person, "positions": [], "signed": []}
        )
        entry["signed"].append(signature)
    return sorted(people.values(), key=lambda entry: str(entry["person"]))


@require_safe
@public_page
def person_list(request: HttpRequest) -> HttpResponse:
    people = list(selectors.person_index().order_by(translated("name"), "pk"))
    return render(request, "partners/person_list.html", {"section": "people", "people": people})


@require_safe
@public_page
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    preview = may_preview(request, Person)
    person = selectors.person_detail(slug=slug, include_drafts=preview)
    if person is None:
        return not_found(request, Person, slug)
    positions = list(selectors.person_positions(person))
    signatures = list(agreement_selectors.person_signatures(person))
    attendances = list(agreement_selectors.person_attendances(person))
    participations = list(event_selectors.person_participations(person))
    # A person's evidence: quotes about them, then quotes about the positions they held.
    citations = list(person.citations.all())
    for position in positions:
        citations.extend(position.citations.all())
    evidence = Evidence.of(citations)
    number_of = {passage.citation.pk: passage.number for passage in evidence}
    context = {
        "section": "people",
        "person": person,
        "preview": preview and person.status != "published",
        "positions": positions,
        "signatures": signatures,
        "attendances": attendances,
        "participations": participations,
        "evidence": evidence,
        "position_evidence": {
            position.pk: [number_of[citation.pk] for citation in position.citations.all()]
            for position in positions
        },
        "structured_data": person_ld(request, person, positions=positions),
    }
    return render(request, "partners/person_detail.html", context)
