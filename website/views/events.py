"""The public site's pages about events: fairs, summits, assemblies and meetings."""

from __future__ import annotations

from collections import OrderedDict

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from agreements import selectors as agreement_selectors
from agreements.selectors import agreement_cards
from core.filtersets import translated
from events import selectors
from events.models import Event
from website.evidence import Evidence
from website.jsonld import event_ld
from website.public import may_preview, not_found, public_page


@require_safe
@public_page
def event_list(request: HttpRequest) -> HttpResponse:
    """Events by year, newest first; those the sources do not date at the end."""
    events = selectors.event_index()
    years: OrderedDict = OrderedDict()
    undated = []
    for event in events:
        start = event.start_partial
        if start.is_known:
            years.setdefault(start.year, []).append(event)
        else:
            undated.append(event)
    undated.sort(key=str)
    groups = [{"year": year, "events": items} for year, items in years.items()]
    context = {"section": "events", "groups": groups, "undated": undated}
    return render(request, "events/event_list.html", context)


@require_safe
@public_page
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    preview = may_preview(request, Event)
    event = selectors.event_detail(slug=slug, include_drafts=preview)
    if event is None:
        return not_found(request, Event, slug)
    children = list(selectors.event_children(event))
    organizations = list(selectors.event_organizations(event).order_by(translated("name")))
    agreements = agreement_cards(agreement_selectors.agreements_signed_at(event))
    context = {
        "section": "events",
        "event": event,
        "preview": preview and event.status != "published",
        "children": children,
        "organizations": organizations,
        "agreements": agreements,
        "evidence": Evidence.of(event.citations.all(), Event),
        "structured_data": event_ld(request, event, organizations=organizations, children=children),
    }
    return render(request, "events/event_detail.html", context)
