"""Bad addresses get a clear answer in the reader's language, never a server error."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.website.conftest import LANGUAGES, page

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "/agreements/no-such-agreement/",
        "/partners/no-such-partner/",
        "/people/nobody/",
        "/events/no-such-event/",
        "/initiatives/no-such-initiative/",
        "/sources/no-such-source/",
        "/no-such-page/",
        "/agreement/ministry-mistral-ai-mou-2025/",
        "/dates/2025/13/",
        "/dates/25/",
        "/feeds/partners/nobody/",
    ],
)
def test_unknown_addresses_are_404s_in_the_readers_language(client: Client, language, path):
    response = client.get(f"/{language}{path}")
    assert response.status_code == 404
    html = response.content.decode()
    if path.startswith("/feeds/"):
        return
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert f'action="/{language}/agreements/"' in html  # a way on: search


def test_a_typo_in_a_slug_suggests_the_record(client: Client):
    response = client.get("/fr/agreements/ministry-mistral-ai-mou-2024/")
    assert response.status_code == 404
    assert "/fr/agreements/ministry-mistral-ai-mou-2025/" in page(response).links
    assert "ministry-mistral-ai-mou-2024" in response.content.decode()
    partner = client.get("/en/partners/mistral/")
    assert "/en/partners/mistral-ai/" in page(partner).links


def test_no_language_prefix_redirects_to_the_prefixed_page(client: Client):
    response = client.get("/agreements/ministry-mistral-ai-mou-2025/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/agreements/ministry-mistral-ai-mou-2025/"


def test_only_safe_methods(client: Client):
    assert client.post("/en/agreements/").status_code in (403, 405)
