"""The agreements list's filter form at any scale: search boxes that take a name or a slug,
never every option; suggestions from a small JSON endpoint; the count kept per version."""

from __future__ import annotations

import pytest
from django.test import Client

from partners.models import Organization
from tests.website.conftest import LANGUAGES, page
from website import filters

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.mark.parametrize(
    ("typed", "slugs"),
    [
        ("Mistral", "partner=mistral-ai"),  # part of a name
        ("mistral ai", "partner=mistral-ai"),  # a whole name, case aside
        ("عِلم", "partner=elm"),  # the Arabic name
        ("elm", "partner=elm"),  # a slug, as the API takes it: no redirect
    ],
)
def test_a_partner_is_found_by_name_and_the_address_becomes_the_apis(client: Client, typed, slugs):
    response = client.get("/fr/agreements/", {"partner": typed, "q": "", "year": ""})
    if typed == "elm":
        assert response.status_code == 200
        return
    assert response.status_code == 302
    # Slugs where names were typed, the empty fields of the form dropped.
    assert response["Location"] == f"/fr/agreements/?{slugs}"


def test_several_partners_by_name_and_slug(client: Client):
    response = client.get("/fr/agreements/?partner=elm&partner=Ministère+de+la+Transition")
    assert response.status_code == 302
    assert response["Location"] == (
        "/fr/agreements/?partner=elm&partner=ministry-digital-transition"
    )
    shown = page(client.get(response["Location"]))
    assert len(shown.agreement_slugs("fr")) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_name_that_matches_nothing_or_several_is_the_visitors_to_correct(
    client: Client, language
):
    nothing = client.get(f"/{language}/agreements/?partner=zzzz")
    assert nothing.status_code == 400
    html = nothing.content.decode()
    assert 'class="error-summary" role="alert"' in html
    assert "zzzz" in html and 'value="zzzz"' in html  # kept in the box, to be corrected
    several = client.get(f"/{language}/agreements/?partner=Minist")
    assert several.status_code == 400
    html = several.content.decode()
    assert 'class="errorlist' in html
    messages = {
        "fr": "correspond à plusieurs noms",
        "en": "matches several names",
        "ar": "يطابق عدة أسماء",
    }
    assert messages[language] in html


def control(html: str, name: str) -> str:
    """The start tag of the form control with this id."""
    start = html.rindex("<", 0, html.index(f'id="id_{name}"'))
    return html[start : html.index(">", start) + 1]


def test_the_form_never_lists_every_partner_person_or_event(client: Client):
    html = client.get("/fr/agreements/").content.decode()
    for name in ("partner", "signatory", "event"):
        assert control(html, name).startswith("<input")
        assert 'type="search"' in control(html, name)
    assert "<option" not in html[html.index('id="id_partner"') : html.index('id="id_country"')]
    # Short vocabularies stay a list.
    assert control(html, "theme").startswith("<select")


def test_a_short_vocabulary_becomes_a_search_box_when_it_grows(client: Client, monkeypatch):
    monkeypatch.setattr(filters, "LIST_LIMIT", 1)
    monkeypatch.setattr("website.views.agreements.LIST_LIMIT", 1)
    html = client.get("/fr/agreements/").content.decode()
    assert control(html, "theme").startswith("<input")
    assert 'data-suggest="/fr/agreements/suggestions/theme/"' in html


def test_chosen_records_stay_visible_and_removable(client: Client):
    parsed = page(client.get("/fr/agreements/?partner=elm&signatory=amal-el-fallah-seghrouchni"))
    html = parsed.html
    # Each chosen record: a ticked box with its name; unticking it removes it.
    assert '<input type="checkbox" name="partner" value="elm" checked>' in html
    assert (
        '<input type="checkbox" name="signatory" value="amal-el-fallah-seghrouchni" checked>'
        in html
    )
    assert "<bdi>Elm</bdi>" in html
    # ...and a search box to add one more.
    assert 'id="id_partner"' in html and 'list="id_partner_suggestions"' in html


def test_a_typed_signatory_replaces_the_ticked_one(client: Client):
    response = client.get(
        "/fr/agreements/?signatory=amal-el-fallah-seghrouchni&signatory=zzzz-nobody"
    )
    assert response.status_code == 400  # the typed one was read, not the ticked one


def test_suggestions(client: Client):
    found = client.get("/fr/agreements/suggestions/partner/?q=mistr").json()
    assert found == {"results": [{"value": "mistral-ai", "label": "Mistral AI"}]}
    arabic = client.get("/ar/agreements/suggestions/partner/", {"q": "عِلم"}).json()
    assert arabic["results"][0]["value"] == "elm"
    assert client.get("/fr/agreements/suggestions/partner/?q=").json() == {"results": []}
    assert client.get("/fr/agreements/suggestions/kind/?q=mou").status_code == 404
    many = client.get("/fr/agreements/suggestions/partner/?q=a").json()["results"]
    assert 1 < len(many) <= filters.SUGGESTIONS


def test_suggestions_never_name_drafts(client: Client):
    Organization.objects.filter(slug="mistral-ai").update(status="draft")
    assert client.get("/fr/agreements/suggestions/partner/?q=mistr").json() == {"results": []}
    assert client.get("/fr/agreements/?partner=Mistral").status_code == 400


def test_the_page_loads_its_script_from_the_site(client: Client):
    html = client.get("/fr/agreements/").content.decode()
    assert '<script src="/static/website/picker.js" defer></script>' in html


def test_the_results_heading_is_not_a_live_region(client: Client):
    html = client.get("/fr/agreements/").content.decode()
    assert 'role="status"' not in html
    assert "6 accords" in html
