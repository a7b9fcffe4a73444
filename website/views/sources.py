"""Sources: each article's full text, its quotes highlighted, and what they support."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from agreements.models import (
    Agreement,
    Citation,
    Initiative,
    SourceDocument,
)
from agreements.selectors import (
    sources_with_quote_counts,
    visible_citations,
)
from events.models import Event
from indicators.models import Indicator
from partners.models import Organization, Person, Position
from website.evidence import field_label, quoted_segments
from website.public import (
    not_found,
    public_page,
)

# -- sources ---------------------------------------------------------------------------


@require_safe
@public_page
def source_list(request: HttpRequest) -> HttpResponse:
    sources = sources_with_quote_counts().order_by("-published_on", "file_name")
    return render(
        request, "agreements/source_list.html", {"section": "sources", "sources": sources}
    )


SUPPORTED_MODELS = (
    (Agreement, "agreement-detail"),
    (Organization, "organization-detail"),
    (Person, "person-detail"),
    (Event, "event-detail"),
    (Initiative, "initiative-detail"),
    (Indicator, "country-detail"),
)


@require_safe
@public_page
def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    source = SourceDocument.objects.filter(slug=slug).first()
    if source is None:
        return not_found(request, SourceDocument, slug)
    # Quotes about records the public cannot see are neither marked nor listed.
    citations = list(visible_citations().filter(source=source).order_by("id"))
    supported = supported_records(citations)
    # Passages quoting records the public cannot see are neither marked nor listed.
    passages = [
        {
            "citation": citation,
            "record": supported["by_key"][(citation.content_type_id, citation.object_id)],
            "labels": [
                field_label(
                    ContentType.objects.get_for_id(citation.content_type_id).model_class(), name
                )
                for name in citation.fields or []
            ],
        }
        for citation in citations
        if (citation.content_type_id, citation.object_id) in supported["by_key"]
    ]
    context = {
        "section": "sources",
        "source": source,
        "segments": quoted_segments(source.text, [p["citation"] for p in passages]),
        "groups": supported["groups"],
        "passages": passages,
        "numbers": {p["citation"].pk: number for number, p in enumerate(passages, start=1)},
    }
    return render(request, "agreements/source_detail.html", context)


def supported_records(citations: list[Citation]) -> dict:
    """The published records a source's quotes back, grouped by kind: one query per kind.

    A position (a person's title at an organization) is shown as its person.
    """

    wanted: dict[int, set[int]] = defaultdict(set)
    for citation in citations:
        wanted[citation.content_type_id].add(citation.object_id)
    types = ContentType.objects.get_for_models(*(m for m, _n in SUPPORTED_MODELS), Position)
    position_type = types[Position]
    position_people: dict[int, int] = {}
    if wanted.get(position_type.pk):
        position_people = dict(
            Position.objects.filter(pk__in=wanted[position_type.pk]).values_list("pk", "person_id")
        )
    groups = []
    by_key: dict[tuple[int, int], object] = {}
    for model, _url_name in SUPPORTED_MODELS:
        content_type = types[model]
        ids = set(wanted.get(content_type.pk, ()))
        if model is Person:
            ids |= set(position_people.values())
        if not ids:
            continue
        records = sorted(model.objects.published().filter(pk__in=ids), key=str)
        by_id = {record.pk: record for record in records}
        for pk in wanted.get(content_type.pk, ()):
            if pk in by_id:
                by_key[(content_type.pk, pk)] = by_id[pk]
        if model is Person:
            for position, person in position_people.items():
                if person in by_id:
                    by_key[(position_type.pk, position)] = by_id[person]
        if records:
            groups.append({"label": model._meta.verbose_name_plural, "records": records})
    return {"groups": groups, "by_key": by_key}
