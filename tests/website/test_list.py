"""The agreements list: the shared FilterSet as a form, with the API's own query parameters."""

from __future__ import annotations

import pytest
from django.test import Client

from agreements.models import Agreement
from tests.website.conftest import LANGUAGES, page

pytestmark = pytest.mark.usefixtures("seeded")

ALL = 6

# Each filter with a value that selects some of the seeded agreements.
FILTERS = [
    ("partner=elm", 2),
    ("partner=elm&partner=ministry-digital-transition", 1),
    ("country=SA", 2),
    ("country=fr", 2),  # Mistral AI, Onepoint: the code in either case
    ("kind=mou", 3),
    ("kind=protocol&kind=other", 2),
    ("signed_after=2025-09", 2),
    ("signed_before=2023", 1),
    ("signed_after=2023-06&signed_before=2023-06", 1),
    ("year=2025", 3),
    ("event=gitex-africa-2025", 1),
    ("initiative=d4sd-hub", 2),
    ("theme=artificial-intelligence", None),
    ("signatory=amal-el-fallah-seghrouchni", None),
    ("q=علم", 2),
    ("q=Mistral", 1),
    ("q=mémorandum", None),
    ("ordering=title", ALL),
    ("ordering=-signed_on", ALL),
]


def api_slugs(client: Client, query: str, language: str) -> list[str]:
    response = client.get(f"/api/v1/agreements/?{query}", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("query", "expected"), FILTERS)
def test_each_filter_shows_what_the_api_returns(client: Client, language, query, expected):
    response = client.get(f"/{language}/agreements/?{query}")
    assert response.status_code == 200
    shown = page(response).agreement_slugs(language)
    if query.startswith("q="):
        # The same agreements; on PostgreSQL the page puts the best matches first.
        assert sorted(shown) == sorted(api_slugs(client, query, language))
    else:
        assert shown == api_slugs(client, query, language)
    if expected is not None:
        assert len(shown) == expected
    assert shown, "every example selects something"


def test_no_filter_lists_every_published_agreement_newest_first(client: Client):
    shown = page(client.get("/en/agreements/")).agreement_slugs("en")
    assert len(shown) == ALL
    assert shown[0] == "ministry-mistral-ai-mou-2025"


def test_count_filters_in_force_and_links_to_remove_them(client: Client):
    parsed = page(client.get("/fr/agreements/?partner=elm&year=2025"))
    assert "1 accord" in parsed.html
    # Each filter in force can be removed on its own, keeping the other.
    assert "/fr/agreements/?year=2025" in parsed.links
    assert "/fr/agreements/?partner=elm" in parsed.links
    assert "Elm" in parsed.html  # the partner's name, not its slug


def test_downloads_link_to_the_api_with_the_same_query(client: Client):
    parsed = page(client.get("/fr/agreements/?partner=elm&year=2025&page=1"))
    # In the page's language: an /fr/ page downloads French.
    assert "/api/v1/agreements/?lang=fr&partner=elm&year=2025" in parsed.links
    assert "/api/v1/agreements/?lang=fr&partner=elm&year=2025&format=csv" in parsed.links
    csv = client.get("/api/v1/agreements/?partner=elm&year=2025&format=csv")
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    as_json = client.get("/api/v1/agreements/?partner=elm&year=2025").json()
    assert [item["slug"] for item in as_json["results"]] == [
        "ministry-elm-digital-development-agency-mou-2025"
    ]


def test_sorting_links_keep_the_filters(client: Client):
    parsed = page(client.get("/en/agreements/?kind=mou&page=1"))
    assert "?kind=mou&ordering=title" in parsed.links
    assert "?kind=mou&ordering=signed_on" in parsed.links


def test_pagination(client: Client):
    source = Agreement.objects.get(slug="elm-digital-development-agency-mou-2023")
    for number in range(25):
        copy = Agreement.objects.create(
            slug=f"copy-{number:02d}", title_ar=f"نسخة {number}", kind="mou", status="published"
        )
        copy.parties.create(organization=source.parties.first().organization)
    first = page(client.get("/en/agreements/"))
    assert len(first.agreement_slugs("en")) == 20
    assert "?page=2" in first.links
    second = page(client.get("/en/agreements/?page=2"))
    assert len(second.agreement_slugs("en")) == ALL + 25 - 20
    # A page number that is not one shows the first page rather than an error.
    assert client.get("/en/agreements/?page=abc").status_code == 200
    assert client.get("/en/agreements/?page=999").status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("year=abc", "year"),
        ("year=20255", "year"),
        ("partner=no-such-partner", "partner"),
        ("kind=treaty", "kind"),
        ("country=ZZZ", "country"),
        ("signed_after=June", "signed_after"),
        ("signed_after=2025-13", "signed_after"),
        ("signed_after=2025&signed_before=2023", "signed_before"),
        ("event=nope", "event"),
        ("ordering=price", "ordering"),
    ],
)
def test_malformed_values_show_the_forms_error_not_a_server_error(
    client: Client, language, query, field
):
    response = client.get(f"/{language}/agreements/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert 'class="error-summary" role="alert"' in html
    assert 'class="errorlist' in html or field == "ordering"
    # The reader can start again.
    assert f'href="/{language}/agreements/"' in html


def test_drafts_are_never_listed(client: Client):
    Agreement.objects.filter(slug="ministry-mistral-ai-mou-2025").update(status="draft")
    shown = page(client.get("/en/agreements/?q=Mistral")).agreement_slugs("en")
    assert shown == []
    assert "ministry-mistral-ai-mou-2025" not in page(client.get("/en/agreements/")).html
