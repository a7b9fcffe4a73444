"""Only published records exist for the public; editors preview drafts, marked as such."""

from __future__ import annotations

import pytest
from django.test import Client

from agreements.models import Agreement, Initiative
from events.models import Event
from partners.models import Organization, Person
from tests.website.conftest import page

pytestmark = pytest.mark.usefixtures("seeded")

DRAFTS = [
    (Agreement, "ministry-mistral-ai-mou-2025", "/en/agreements/{}/"),
    (Organization, "mistral-ai", "/en/partners/{}/"),
    (Person, "arthur-mensch", "/en/people/{}/"),
    (Event, "gitex-africa-2025", "/en/events/{}/"),
    (Initiative, "jazari-root", "/en/initiatives/{}/"),
]


@pytest.mark.parametrize(("model", "slug", "url"), DRAFTS)
def test_a_drafts_page_is_a_404_for_the_public(client: Client, model, slug, url):
    model.objects.filter(slug=slug).update(status="draft")
    response = client.get(url.format(slug))
    assert response.status_code == 404
    assert url.format(slug)[3:] not in client.get("/sitemap.xml").content.decode()


@pytest.mark.parametrize(("model", "slug", "url"), DRAFTS)
def test_editors_preview_a_draft_marked_as_such(editor_client: Client, model, slug, url):
    model.objects.filter(slug=slug).update(status="draft")
    response = editor_client.get(url.format(slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Draft preview:" in html
    assert '<meta name="robots" content="noindex">' in html
    # A published record is not marked.
    model.objects.filter(slug=slug).update(status="published")
    assert "Draft preview:" not in editor_client.get(url.format(slug)).content.decode()


def test_drafts_never_appear_in_lists_counts_or_feeds(client: Client):
    Agreement.objects.filter(slug="ministry-mistral-ai-mou-2025").update(status="draft")
    Organization.objects.filter(slug="onepoint").update(status="draft")
    home = client.get("/en/").content.decode()
    assert "<dt>Agreements</dt><dd>" in home and ">5</a></dd>" in home
    assert "ministry-mistral-ai-mou-2025" not in home
    for path in ("/en/dates/", "/en/dates/2025/", "/en/dates/2025/09/", "/en/partners/mistral-ai/"):
        assert "ministry-mistral-ai-mou-2025" not in client.get(path).content.decode(), path
    assert (
        "ministry-mistral-ai-mou-2025" not in client.get("/en/feeds/agreements/").content.decode()
    )
    assert client.get("/en/feeds/agreements/").content.decode().count("<entry>") == 5
    # A draft partner of a published agreement is no party for the public: neither linked
    # nor listed (the agreement's own summary, quoting its source, may still name it).
    protocol = page(client.get("/en/agreements/casablanca-settat-data-ai-centre-protocol/"))
    assert "/en/partners/onepoint/" not in protocol.links
    parties = protocol.html.split("<h2>Parties", 1)[1].split("<h2>", 1)[0]
    assert "Onepoint" not in parties and "Industry" in parties
    assert "/en/partners/onepoint/" not in page(client.get("/en/partners/")).links
    assert "/partners/onepoint/" not in client.get("/sitemap.xml").content.decode()


def test_drafts_are_not_in_an_editors_lists_either(editor_client: Client):
    Agreement.objects.filter(slug="ministry-mistral-ai-mou-2025").update(status="draft")
    listed = page(editor_client.get("/en/agreements/")).agreement_slugs("en")
    assert "ministry-mistral-ai-mou-2025" not in listed
