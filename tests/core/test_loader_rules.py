"""The seed loader, the write path without a user: it refuses any load that breaks a rule,
and leaves the database as it was."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from agreements.models import (
    Agreement,
    AgreementParty,
    Attendee,
    Citation,
    Signatory,
    SourceDocument,
)
from core import services
from partners.models import Organization
from seeding.records import SeedError

NOT_IN_SOURCE = "جملة لا ترد في أي مصدر"


@pytest.fixture
def loaded(load, seed_folder, db):
    load()
    return seed_folder


def _mou(folder) -> dict:
    return folder.data["agreements.yaml"][0]


@pytest.mark.parametrize(
    ("case", "says"),
    [
        ("signatory as attendee", "already a signatory"),
        ("someone else's position", "not one held by|no longer be theirs"),
        ("position at another organization", "another organization"),
        ("signs for a non-party", "not one of the parties"),
        ("one party", "at least two parties"),
        ("quote not in the source", "does not occur verbatim"),
        ("renewal loop", "comes back to"),
        ("parent loop", "comes back to"),
    ],
)
def test_the_loader_refuses_a_broken_rule(loaded, load, case, says):
    mou = _mou(loaded)
    if case == "signatory as attendee":
        mou["attendees"].append({"person": "arthur", "organization": "mistral"})
    elif case == "someone else's position":
        mou["signatories"][1]["position"] = "amal-minister"
    elif case == "position at another organization":
        mou["parties"].append("industry-ministry")
        mou["signatories"][0]["organization"] = "industry-ministry"
    elif case == "signs for a non-party":
        mou["signatories"][1]["organization"] = "industry-ministry"
    elif case == "one party":
        mou["parties"] = ["ministry"]
        mou["signatories"] = mou["signatories"][:1]
    elif case == "quote not in the source":
        mou["citations"][0]["quote"] = NOT_IN_SOURCE
    elif case == "renewal loop":
        other = {**mou, "slug": "mistral-mou-renewal", "renews": "mistral-mou"}
        mou["renews"] = "mistral-mou-renewal"
        loaded.data["agreements.yaml"].append(other)
    else:
        organizations = loaded.data["organizations.yaml"]
        organizations[0]["parent"], organizations[1]["parent"] = "mistral", "ministry"
    before = _snapshot()
    with pytest.raises(SeedError, match=says):
        load()
    assert _snapshot() == before


def test_the_loader_keeps_an_editors_quote_when_the_article_changes(loaded, load):
    mistral = Organization.objects.get(slug="mistral")
    cite_in_test_article(mistral, "وتمتد المذكرة لمدة عامين")
    article = loaded.root / "articles" / "test_article.txt"
    text = article.read_text(encoding="utf-8").replace("وتمتد المذكرة لمدة عامين", "")
    # The seed's own citation of that passage goes too: only the editor's still needs it.
    _mou(loaded)["citations"].pop()
    article.write_text(text, encoding="utf-8")
    before = _snapshot()
    with pytest.raises(SeedError, match="no longer contains"):
        load()
    assert _snapshot() == before


def test_the_loader_refuses_a_published_agreement_with_a_party_an_editor_unpublished(loaded, load):
    admin = User.objects.create_superuser("admin", password="x")
    services.set_status(
        actor=admin, record=Agreement.objects.get(slug="mistral-mou"), status="draft"
    )
    industry = Organization.objects.get(slug="industry-ministry")
    services.set_status(actor=admin, record=industry, status="draft")
    loaded.data["agreements.yaml"].append(
        {**_mou(loaded), "slug": "industry-mou", "parties": ["ministry", "industry-ministry"],
         "signatories": [], "attendees": []}
    )  # fmt: skip
    before = _snapshot()
    with pytest.raises(SeedError, match="are drafts"):
        load()
    assert _snapshot() == before


def cite_in_test_article(record: Model, quote: str) -> Citation:
    return Citation.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        source=SourceDocument.objects.get(slug="test-article"),
        quote=quote,
    )


def _snapshot() -> dict:
    return {
        "agreements": sorted(Agreement.objects.values_list("slug", "status", "renews_id")),
        "organizations": sorted(Organization.objects.values_list("slug", "status", "parent_id")),
        "texts": sorted(SourceDocument.objects.values_list("slug", "text")),
        "citations": Citation.objects.count(),
        "signatories": sorted(
            Signatory.objects.values_list(
                "agreement_id", "person_id", "organization_id", "position_id"
            )
        ),
        "attendees": sorted(Attendee.objects.values_list("agreement_id", "person_id")),
        "parties": sorted(AgreementParty.objects.values_list("agreement_id", "organization_id")),
    }
