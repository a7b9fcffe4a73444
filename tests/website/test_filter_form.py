"""The agreements list's filter form at any scale: search boxes that take a name or a slug,
never every option (the suggestions they get: test_suggestions.py); the count kept per
version."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.website.conftest import LANGUAGES, page
from website import filters

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.mark.parametrize(
    ("typed", "slugs"),
    [
        ("Mistral", "partner=mistral-ai"),  # part of a name
        ("mistral ai", "partner=mistral-ai"),  # a whole name, case aside
        ("عِلم", "partner=elm"),  # the Arabic name
        ("elm", "partner=elm"),  # a slug, as the API takes it
    ],
)
def test_a_partner_is_found_by_name_and_the_address_becomes_the_apis(client: Client, typed, slugs):
    response = client.get("/fr/agreements/", {"partner": typed, "q": "", "year": ""})
    assert response.status_code == 302
    # Slugs where names were typed, the empty fields of the form dropped.
    assert response["Location"] == f"/fr/agreements/?{slugs}"


def test_the_apis_address_is_kept_as_it_is(client: Client):
    assert client.get("/fr/agreements/?partner=elm&year=2025").status_code == 200
    # The form sends every field: the empty ones leave the address.
    response = client.get("/fr/agreements/?partner=elm&partner=&country=&kind=mou&q=+")
    assert response.status_code == 302
    assert response["Location"] == "/fr/agreements/?partner=elm&kind=mou"


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
    # ...and a search box to add one more, which the script makes a combobox.
    box = control(html, "partner")
    assert 'type="search"' in box and 'name="partner"' in box
    assert 'data-suggest="/fr/agreements/suggestions/partner/"' in box
    assert "data-multiple" in box and "data-multiple" not in control(html, "signatory")
    assert 'aria-describedby="id_partner_helptext"' in box
    # No <datalist>: the script's listbox shows whole names, a datalist cuts them off.
    assert "<datalist" not in html


def test_the_box_says_in_the_pages_language_what_choosing_does(client: Client):
    html = client.get("/ar/agreements/").content.decode()
    assert 'data-chosen="تم اختيار: %(name)s.' in control(html, "partner")
    html = client.get("/fr/agreements/").content.decode()
    assert 'data-chosen="Choisi\u00a0: %(name)s.' in control(html, "partner")


def test_nothing_chosen_no_empty_group_shown(client: Client):
    html = client.get("/fr/agreements/").content.decode()
    # The script fills this group when a suggestion is chosen; hidden while empty.
    assert '<fieldset class="chosen" aria-label="Partenaire" hidden></fieldset>' in html


def test_a_name_is_read_among_partners_with_a_published_agreement(client: Client):
    # The CDG is published but party to no agreement: its name finds nothing to show...
    response = client.get("/fr/agreements/", {"partner": "Caisse de Dépôt"})
    assert response.status_code == 400
    # ...while its slug, the API's own value, is still a valid (empty) filter.
    assert client.get("/fr/agreements/?partner=cdg").status_code == 200


def test_short_lists_offer_only_values_with_a_published_agreement(client: Client):
    html = client.get("/fr/agreements/").content.decode()
    themes = control(html, "theme")
    listed = html[html.index(themes) : html.index("</select>", html.index(themes))]
    assert 'value="artificial-intelligence"' in listed
    assert 'value="smart-cities"' not in listed  # no agreement is tagged with it
    initiatives = control(html, "initiative")
    listed = html[html.index(initiatives) : html.index("</select>", html.index(initiatives))]
    assert 'value="d4sd-hub"' in listed and 'value="moroccotech"' not in listed


def test_the_country_list_names_the_partners_countries(client: Client):
    html = client.get("/fr/agreements/").content.decode()
    select = control(html, "country")
    listed = html[html.index(select) : html.index("</select>", html.index(select))]
    for code in ("MA", "FR", "SA"):
        assert f'value="{code}"' in listed
    assert 'value="CM"' not in listed  # the Cameroonian partners signed nothing published
    shown = page(client.get("/fr/agreements/?country=FR"))
    assert len(shown.agreement_slugs("fr")) == 2
    # A country given in the address stays selected even when no partner has it.
    html = client.get("/fr/agreements/?country=JP").content.decode()
    assert '<option value="JP" selected>' in html


def test_a_typed_signatory_replaces_the_ticked_one(client: Client):
    response = client.get(
        "/fr/agreements/?signatory=amal-el-fallah-seghrouchni&signatory=zzzz-nobody"
    )
    assert response.status_code == 400  # the typed one was read, not the ticked one


def test_the_page_loads_its_script_from_the_site(client: Client):
    html = client.get("/fr/agreements/").content.decode()
    assert '<script src="/static/website/autocomplete.js" defer></script>' in html
    assert '<link rel="stylesheet" href="/static/css/autocomplete.css">' in html


def test_the_results_heading_is_not_a_live_region(client: Client):
    html = client.get("/fr/agreements/").content.decode()
    assert 'role="status"' not in html
    assert "6 accords" in html
