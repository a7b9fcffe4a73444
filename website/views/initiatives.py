"""Initiatives: the index and an initiative's page."""

from __future__ import annotations

from collections import defaultdict

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from agreements.models import (
    Agreement,
    Initiative,
)
from agreements.selectors import (
    agreement_cards,
    initiative_index,
)
from agreements.selectors import (
    initiative_detail as select_initiative,
)
from core.filtersets import translated
from core.visibility import visible
from partners.models import Organization
from website.evidence import Evidence
from website.public import (
    may_preview,
    not_found,
    public_page,
)

# -- initiatives -----------------------------------------------------------------------


@require_safe
@public_page
def initiative_list(request: HttpRequest) -> HttpResponse:
    initiatives = list(initiative_index().order_by(translated("name"), "pk"))
    by_id = {initiative.pk: initiative for initiative in initiatives}
    children = defaultdict(list)
    roots = []
    for initiative in initiatives:
        if initiative.parent_id in by_id:
            children[initiative.parent_id].append(initiative)
        else:
            roots.append(initiative)
    for initiative in initiatives:
        initiative.child_list = children[initiative.pk]
    context = {"section": "initiatives", "roots": roots, "total": len(initiatives)}
    return render(request, "agreements/initiative_list.html", context)


@require_safe
@public_page
def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    preview = may_preview(request, Initiative)
    initiative = select_initiative(slug=slug, include_drafts=preview)
    if initiative is None:
        return not_found(request, Initiative, slug)
    children = list(visible(Initiative).filter(parent=initiative).order_by(translated("name")))
    partners = list(
        visible(Organization).filter(partner_initiatives=initiative).order_by(translated("name"))
    )
    agreements = agreement_cards(visible(Agreement).filter(initiatives=initiative))
    context = {
        "section": "initiatives",
        "initiative": initiative,
        "preview": preview and initiative.status != "published",
        "children": children,
        "partners": partners,
        "agreements": agreements,
        "evidence": Evidence.of(initiative.citations.all(), Initiative),
    }
    return render(request, "agreements/initiative_detail.html", context)
