"""`manage.py synthesize`: realistic rows that hold to the same rules as real ones."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from agreements.models import Agreement, Citation
from agreements.search import refresh_search_documents

pytestmark = pytest.mark.django_db


def test_synthetic_agreements_are_realistic_and_consistent(client: Client):
    out = io.StringIO()
    call_command("synthesize", agreements=120, seed=3, stdout=out)
    assert "Added 120 agreements" in out.getvalue()

    agreements = Agreement.objects.filter(slug__startswith="syn-")
    assert agreements.count() == 120
    assert 100 <= agreements.filter(status="published").count() < 120
    assert {a.signed_on_precision for a in agreements} >= {"day", "month", "year"}
    for agreement in agreements.prefetch_related("parties", "signatories__organization"):
        assert 2 <= len(agreement.parties.all()) <= 3
        party_ids = {party.organization_id for party in agreement.parties.all()}
        assert all(s.organization_id in party_ids for s in agreement.signatories.all())
        assert agreement.title_ar and agreement.title_fr and agreement.title_en
        agreement.full_clean()  # every model rule holds, partial dates included
    for citation in Citation.objects.select_related("source"):
        assert citation.quote in citation.source.text
    # The stored search documents are the ones the search module computes.
    assert refresh_search_documents(agreements.values_list("pk", flat=True)) == 0

    listed = client.get("/api/v1/agreements/", {"page_size": 200}).json()
    assert listed["count"] == agreements.filter(status="published").count()
    assert client.get("/api/v1/agreements/", {"q": "مذكرة تفاهم"}).status_code == 200


def test_a_positive_count_is_required():
    with pytest.raises(CommandError):
        call_command("synthesize", agreements=0)
