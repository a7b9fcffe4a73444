"""On PostgreSQL the list of agreements is assembled by the database as JSON: it must be
exactly what the reference serializer builds, for every reader, language and page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.utils import translation

from agreements.models import Agreement, Citation, SourceDocument
from agreements.selectors import agreement_rows, attach_agreement_relations
from api.agreements import assembled
from api.agreements.serializers import AgreementSerializer
from tests import factories
from tests.api.test_query_counts import grow_the_dataset

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the JSON assembly is PostgreSQL's"
    ),
]


def hidden_and_odd_relations() -> None:
    """Drafts on every relation, renewals, witnesses for a hidden organization, a title
    only in French, dates at every precision: what each visibility rule and fallback sees."""
    draft_org = factories.organization(status="draft", name_fr="Brouillon")
    french_only = factories.organization(name_ar="", name_fr="Seulement français")
    draft_person = factories.person(status="draft")
    signer = factories.person(name_ar="", name_en="Only English")
    hidden_signer = factories.person()
    draft_event = factories.event(status="draft")
    theme = factories.theme(name_fr="Thème")
    draft_initiative = factories.initiative(status="draft")
    initiative = factories.initiative()
    old = factories.agreement(
        parties=(french_only, draft_org),
        signatories=(
            (signer, french_only),
            (hidden_signer, draft_org),
            (draft_person, french_only),
        ),
        themes=(theme,),
        initiatives=(initiative, draft_initiative),
        event=draft_event,
        signed=(dt.date(2021, 3, 31), "day"),
        duration_months=11,
        place_city_fr="Rabat",
        place_country="MA",
        summary_en="English summary",
    )
    old.attendees.create(person=factories.person(), organization=draft_org)
    old.attendees.create(person=draft_person, organization=french_only)
    factories.agreement(renews=old, signed=(dt.date(2024, 1, 1), "year"), duration_months=24)
    factories.agreement(renews=old, status="draft", signed=(dt.date(2023, 5, 1), "month"))
    source = SourceDocument.objects.first()
    Citation.objects.create(record=old, source=source, quote=source.text[:12], fields=[])


def reference(agreements: list[Agreement], request, *, include_drafts: bool) -> list[dict]:
    serializer = AgreementSerializer(context={"request": request})
    completed = attach_agreement_relations(agreements, include_drafts=include_drafts)
    return [serializer.represent(agreement) for agreement in completed]


@pytest.mark.parametrize("include_drafts", [False, True])
@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_the_database_builds_what_the_serializer_builds(seeded, language, include_drafts):
    grow_the_dataset(15)
    hidden_and_odd_relations()
    request = RequestFactory().get("/api/v1/agreements/")
    with translation.override(language):
        queryset = agreement_rows(include_drafts=include_drafts).order_by("-signed_on", "id")
        agreements = list(queryset)
        ids = [agreement.pk for agreement in agreements]
        built = assembled.represent_rows(
            assembled.read_rows(ids, include_drafts=include_drafts), request
        )
        expected = reference(agreements, request, include_drafts=include_drafts)
    assert len(built) == len(expected) > 20
    for mine, theirs in zip(built, expected, strict=True):
        assert mine == theirs
        assert list(mine) == list(theirs)  # the same keys in the same order
    drafts = Agreement.objects.filter(status="draft").count()
    assert (len(built) == Agreement.objects.count()) is include_drafts and drafts


def test_the_api_answers_with_the_assembled_rows(seeded, client: Client):
    grow_the_dataset(5)
    hidden_and_odd_relations()
    body = client.get("/api/v1/agreements/", {"page_size": 7, "lang": "fr"}).json()
    slugs = [row["slug"] for row in body["results"]]
    request = RequestFactory().get("/api/v1/agreements/")
    by_slug = {a.slug: a for a in agreement_rows().filter(slug__in=slugs)}
    with translation.override("fr"):
        expected = reference([by_slug[slug] for slug in slugs], request, include_drafts=False)
    # Absolute links name the test client's host either way.
    assert body["results"] == expected
