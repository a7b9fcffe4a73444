"""The export's `version`: a fingerprint of the published data, named by `cite_as`, the
X-Dataset-Version header, the file name and every record page's citation. It changes when
something the public may read changes, and not when only a draft does."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from agreements.models import Agreement, Theme
from agreements.services import update_agreement
from core.dataset import dataset_version
from core.models import SourceDocument
from core.published import compute_published_version, published_version
from core.services import set_status
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")

MISTRAL = "ministry-mistral-ai-mou-2025"


def export(client: Client, **params) -> tuple[dict, dict]:
    response = client.get("/api/v1/export/", params)
    assert response.status_code == 200
    return json.loads(b"".join(response.streaming_content)), response.headers


def test_the_export_names_its_version(client: Client):
    document, headers = export(client, lang="fr")
    version = document["version"]
    assert len(version) == 12 and int(version, 16) >= 0
    assert version == compute_published_version() == headers["X-Dataset-Version"]
    assert f"version des données {version}" in document["cite_as"]
    assert f"-{version}-fr.json" in headers["Content-Disposition"]
    assert document["codebook"]["conventions"]["version"]
    # Read twice, the same data gives the same version.
    assert export(client, lang="ar")[0]["version"] == version


def test_the_version_is_documented_in_the_openapi_schema(client: Client):
    schema = client.get("/api/schema/", {"format": "json"}, HTTP_ACCEPT_LANGUAGE="en").json()
    fields = schema["components"]["schemas"]["Dataset"]["properties"]
    assert "fingerprint" in fields["version"]["description"]
    assert "version" in fields["cite_as"]["description"]


def draft() -> Agreement:
    return factories.agreement(
        "zz-draft-agreement",
        status="draft",
        parties=(factories.organization(status="draft"),),
    )


def test_writes_to_drafts_leave_the_version(client: Client):
    before = compute_published_version()
    record = draft()  # a new draft, its party (a draft organization) and its history
    assert compute_published_version() == before
    record.title_ar = "مسودة معدلة"
    record.save()
    assert compute_published_version() == before
    update_agreement(actor=factories.publisher(), agreement=record, title={"fr": "Brouillon"})
    assert compute_published_version() == before
    # Evidence quoted for a draft, from a source already public (a new source is public).
    factories.citation(record, source=SourceDocument.objects.first())
    assert compute_published_version() == before
    record.themes.add(Theme.objects.first())
    assert compute_published_version() == before
    record.delete()
    assert compute_published_version() == before


def test_a_publication_an_edit_or_a_withdrawal_changes_the_version(client: Client):
    versions = [compute_published_version()]
    mistral = Agreement.objects.get(slug=MISTRAL)
    update_agreement(actor=factories.publisher(), agreement=mistral, title={"fr": "Nouveau titre"})
    versions.append(compute_published_version())
    set_status(actor=factories.publisher(), record=mistral, status="draft")
    versions.append(compute_published_version())
    set_status(actor=factories.publisher(), record=mistral, status="published")
    versions.append(compute_published_version())
    assert len(set(versions)) == len(versions), versions


@pytest.mark.parametrize(
    "change",
    [
        "party added",
        "signatory's title edited",
        "citation deleted",
        "theme renamed",
        "theme linked",
        "source edited",
        "published agreement deleted",
    ],
)
def test_a_change_to_a_published_records_parts_changes_the_version(change):
    before = compute_published_version()
    mistral = Agreement.objects.get(slug=MISTRAL)
    if change == "party added":
        mistral.parties.create(organization=factories.organization(status="published"))
    elif change == "signatory's title edited":
        signatory = mistral.signatories.first()
        signatory.title_fr = "Ministre déléguée"
        signatory.save()
    elif change == "citation deleted":
        mistral.citations.first().delete()
    elif change == "theme renamed":
        theme = Theme.objects.first()
        theme.name_fr = "Autre nom"
        theme.save()
    elif change == "theme linked":
        mistral.themes.add(Theme.objects.exclude(agreements=mistral).first())
    elif change == "source edited":
        source = mistral.citations.first().source
        source.title_fr = "Autre titre"
        source.save()
    else:
        mistral.citations.all().delete()
        mistral.delete()
    assert compute_published_version() != before


def test_the_version_is_kept_under_the_dataset_token(django_assert_num_queries):
    version = published_version()
    token = dataset_version()[0]
    with django_assert_num_queries(1):  # the token; the fingerprint comes from the cache
        assert published_version() == version
    with django_assert_num_queries(0):  # a token the request has read already
        assert published_version(token) == version
