"""The API documentation pages: their own files only (no CDN, no Google Fonts), no inline
script (their CSP allows 'self' only), a language, a title and a description; in Chromium,
the console and the reference render with nothing fetched from another host."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.conftest import CHROMIUM, browser, new_page, site  # noqa: F401 (fixtures)

PAGES = ("/api/docs/", "/api/docs/redoc/")
TEMPLATES = Path(settings.BASE_DIR) / "templates" / "drf_spectacular"
STATIC_JS = Path(settings.BASE_DIR) / "static" / "js"


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_docs_page_has_a_language_a_title_and_a_description(client: Client, path):
    html = client.get(path).content.decode()
    assert re.search(r'<html lang="en" dir="ltr">', html)
    assert re.search(r"<title>[^<]+API[^<]*</title>", html)
    assert re.search(r'<meta name="description" content="[^"]{50,}">', html)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_docs_page_runs_no_inline_script_and_loads_nothing_from_elsewhere(client: Client, path):
    html = client.get(path).content.decode()
    for tag in re.findall(r"<script[^>]*>", html):
        assert " src=" in tag or 'type="application/json"' in tag, tag
    # Every address the page loads (src, href of a stylesheet, preconnect, data-*) is ours.
    for url in re.findall(r'(?:src|href|data-[a-z-]+)="([^"]*)"', html):
        assert not re.match(r"(https?:)?//", url), url
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_docs_templates_and_scripts_name_no_other_host():
    """The overrides replace drf-spectacular's, which preconnect to Google Fonts."""
    for path in [
        *TEMPLATES.glob("*.html"),
        STATIC_JS / "swagger-console.js",
        STATIC_JS / "redoc-init.js",
    ]:
        assert not re.search(r"https?://", path.read_text(encoding="utf-8")), path


in_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="`make browser` installs Debian's chromium"
)
live_database = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def only_ours(page, site) -> None:  # noqa: F811 (a plain argument here)
    foreign = [url for url in page.requests if not url.startswith((site.url, "data:", "blob:"))]
    assert foreign == []


@in_chromium
@live_database
def test_swagger_console_loads_on_demand_and_renders(new_page, site):  # noqa: F811
    page = new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site.url}/api/docs/")
    page.wait_for_load_state("networkidle")
    assert not any("swagger-ui-bundle" in url for url in page.requests)
    page.get_by_role("button", name="Open the console").click()
    page.locator("#swagger-ui .opblock").first.wait_for()
    assert page.locator("#swagger-ui .opblock").count() > 10
    assert errors == []
    only_ours(page, site)


@in_chromium
@live_database
def test_a_deep_link_opens_the_console_at_once(new_page, site):  # noqa: F811
    page = new_page()
    page.goto(f"{site.url}/api/docs/#/agreements")
    page.locator("#swagger-ui .opblock").first.wait_for()


@in_chromium
@live_database
def test_redoc_renders_in_the_system_fonts(new_page, site):  # noqa: F811
    page = new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site.url}/api/docs/redoc/")
    page.locator("#redoc-container .api-content").wait_for()
    page.wait_for_load_state("networkidle")
    assert errors == []
    only_ours(page, site)
    assert not any(".woff" in url for url in page.requests)
