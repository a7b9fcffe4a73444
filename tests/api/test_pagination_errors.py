"""Huge or malformed `page` and `page_size` values: a 400 naming the parameter, a 404 for a
well-formed page past the end, never a 500; the public list pages fall back to a page."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

RESOURCES = ["agreements", "partners", "people", "events", "initiatives", "sources"]
HUGE = "9" * 5000  # more digits than int() converts (4,300)


@pytest.fixture
def client() -> Client:
    # An unexpected exception is answered as the visitor would see it (a 500), not raised.
    return Client(raise_request_exception=False)


def get(client: Client, resource: str, **params):
    path = f"/api/v1/{resource}/"
    if resource == "agreements.csv":
        path, params = "/api/v1/agreements/", {**params, "format": "csv"}
    return client.get(path, params)


@pytest.mark.parametrize("resource", [*RESOURCES, "agreements.csv"])
@pytest.mark.parametrize(
    ("page", "shown"),
    [("2", "2"), ("1000000000", "1000000000"), ("0" * 4000 + "7", "7")],
    ids=["2", "a-billion", "4000-zeros-then-7"],
)
def test_a_page_past_the_end_is_a_404_saying_which_is_last(
    seeded, client: Client, resource, page, shown
):
    response = get(client, resource, page=page, lang="en")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": f"There is no page {shown}: the last page is 1."}


MALFORMED = ["1e3", "-1", "0", "00", "٣", "", " 2", "2 ", "+2", "2.0", "abc", "0x10", "1_000", "²", "1\x00"]  # fmt: skip
TOO_LARGE = {
    "page": ["1000000001", "1" + "0" * 18, "99999999999999999999", HUGE],
    "page_size": ["201", "99999999999999999999", HUGE],
}


@pytest.mark.parametrize("resource", [*RESOURCES, "agreements.csv"])
@pytest.mark.parametrize(
    ("param", "value"),
    [(param, value) for param in ("page", "page_size") for value in MALFORMED]
    + [(param, value) for param, values in TOO_LARGE.items() for value in values],
    ids=lambda value: value if len(value) < 30 else f"{len(value)}-digits",
)
def test_a_malformed_or_too_large_number_is_a_400_naming_the_parameter(
    seeded, client: Client, resource, param, value
):
    response = get(client, resource, **{param: value})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == [param]
    assert all(isinstance(message, str) for message in response.json()[param])


def test_the_messages_say_what_is_expected(seeded, client: Client):
    page = get(client, "agreements", page=HUGE, lang="en").json()
    assert page == {"page": ["Enter a whole number from 1 to 1000000000."]}
    size = get(client, "agreements", page_size="٣", lang="fr").json()
    assert size == {"page_size": ["Saisissez un nombre entier de 1 à 200."]}
    arabic = get(client, "agreements", page="-1").json()
    assert arabic == {"page": ["أدخِل عددًا صحيحًا من 1 إلى 1000000000."]}


def test_leading_zeros_are_still_the_number(seeded, client: Client):
    response = get(client, "agreements", page="0002", page_size="0004", ordering="signed_on")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 6
    assert len(body["results"]) == 2
    assert body["previous"]


LIST_PAGES = [
    "/ar/agreements/",
    "/fr/agreements/",
    "/en/agreements/",
    "/ar/partners/",
    "/ar/people/",
    "/ar/events/",
    "/ar/initiatives/",
    "/ar/sources/",
    "/ar/dates/",
]


@pytest.mark.parametrize("path", LIST_PAGES)
@pytest.mark.parametrize(
    "page",
    [*MALFORMED, *TOO_LARGE["page"], "0" * 4000 + "7"],
    ids=lambda value: value if len(value) < 30 else f"{len(value)}-digits",
)
def test_the_public_list_pages_fall_back_to_a_page_never_a_500(seeded, client: Client, path, page):
    # An empty value is dropped from the agreements list's address (a redirect), then the
    # first page is shown.
    response = client.get(path, {"page": page}, follow=True)

    assert response.status_code == 200
    assert "text/html" in response["Content-Type"]
