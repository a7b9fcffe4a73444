"""The public site in a real browser: browse by partner and by date in Arabic and French,
follow a citation to its source, audit accessibility, and take screenshots to look at."""

from __future__ import annotations

import json

import pytest

from agreements.models import Citation
from tests.browser.conftest import save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ("ar", "fr")
MISTRAL = "ministry-mistral-ai-mou-2025"
ELM_2023 = "elm-digital-development-agency-mou-2023"
ELM_2025 = "ministry-elm-digital-development-agency-mou-2025"


def only_the_site(page, site) -> None:
    """Nothing the page loaded came from anywhere but the site itself."""
    foreign = [url for url in page.requests if not url.startswith((site.url, "data:"))]
    assert foreign == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_browse_by_partner(new_page, site, language):
    page = new_page()
    page.goto(f"{site.url}/{language}/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    page.locator(f'.site-nav a[href="/{language}/partners/"]').click()
    page.wait_for_url(f"**/{language}/partners/")
    page.locator(f'main a[href="/{language}/partners/elm/"]').first.click()
    page.wait_for_url(f"**/{language}/partners/elm/")
    # Its agreements on a timeline, oldest first.
    titles = page.locator(".cards .card h3 a")
    assert titles.count() == 2
    assert titles.nth(0).get_attribute("href") == f"/{language}/agreements/{ELM_2023}/"
    # On to the list filtered by this partner, then narrowed with the form.
    page.locator(f'main a[href="/{language}/agreements/?partner=elm"]').first.click()
    assert page.locator(".cards .card").count() == 2
    page.locator("#id_year").fill("2023")
    page.locator("#filters form button[type=submit]").click()
    page.wait_for_url("**/agreements/?*year=2023*")
    assert "partner=elm" in page.url
    assert page.locator(".cards .card").count() == 1
    page.locator(f'.card a[href="/{language}/agreements/{ELM_2023}/"]').click()
    # A date known to the month is shown to the month.
    assert page.locator('time[datetime="2023-06"]').count() >= 1
    only_the_site(page, site)


@pytest.mark.parametrize("language", LANGUAGES)
def test_browse_by_date(new_page, site, language):
    page = new_page()
    page.goto(f"{site.url}/{language}/")
    page.locator(f'.chart a[href="/{language}/dates/2025/"]').click()
    page.wait_for_url(f"**/{language}/dates/2025/")
    assert page.locator(f'a[href="/{language}/agreements/{ELM_2025}/"]').count() == 1
    page.locator(f'main a[href="/{language}/dates/2025/09/"]').first.click()
    page.wait_for_url(f"**/{language}/dates/2025/09/")
    assert page.locator(f'.card a[href="/{language}/agreements/{MISTRAL}/"]').count() == 1
    # Known only to the year, the 2025 memorandum is not claimed for September.
    assert page.locator(f'a[href="/{language}/agreements/{ELM_2025}/"]').count() == 0
    # The timeline of everything, from the main navigation.
    page.locator(f'.site-nav a[href="/{language}/dates/"]').click()
    assert page.locator(".timeline li.event").count() >= 1
    assert page.locator(".timeline li.agreement").count() >= 1
    only_the_site(page, site)


@pytest.mark.parametrize("language", LANGUAGES)
def test_follow_a_citation_to_its_source(new_page, site, language):
    page = new_page()
    page.goto(f"{site.url}/{language}/agreements/{MISTRAL}/")
    # The signing date's evidence: its number links to the quoted passage...
    page.locator("dl.facts sup.cite a").first.click()
    page.wait_for_url("**#citation-*", timeout=5000)
    passage = page.locator(":target")
    quote = passage.locator("blockquote").inner_text().strip()
    assert quote
    # ...which links to its place in the full text of the source.
    passage.locator('a[href*="#quote-"]').click()
    page.wait_for_url("**/sources/**#quote-*")
    anchor = page.url.rsplit("#", 1)[1]
    citation = Citation.objects.get(pk=int(anchor.removeprefix("quote-")))
    assert citation.quote.strip() == quote
    target = page.locator(f"#{anchor}")
    assert target.is_visible()
    marked = page.locator(".source-text mark").all_inner_texts()
    assert any(citation.quote.strip() in text or text in citation.quote for text in marked)
    only_the_site(page, site)


AUDITED = [
    "/",
    "/agreements/",
    "/agreements/?partner=elm&year=abc",
    f"/agreements/{ELM_2025}/",
    "/partners/elm/",
    "/sources/daily8-elm-mou-gitex-africa-2025/",
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_accessibility_violation(new_page, site, axe_source, language):
    page = new_page(bypass_csp=True)  # to inject axe-core; the site itself needs no exception
    problems = {}
    for path in AUDITED:
        page.goto(f"{site.url}/{language}{path}")
        page.evaluate(axe_source)
        result = page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
            })"""
        )
        serious = [
            {
                "rule": violation["id"],
                "impact": violation["impact"],
                "nodes": [node["target"] for node in violation["nodes"]][:5],
            }
            for violation in result["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        if serious:
            problems[path] = serious
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)


def test_keyboard_first_stop_is_the_skip_link_and_focus_shows(new_page, site):
    page = new_page()
    page.goto(f"{site.url}/ar/agreements/{ELM_2025}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    background = page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert background == "rgb(255, 221, 0)"  # the focus colour
    page.keyboard.press("Enter")
    # Following a fragment link updates the address after the key event returns.
    page.wait_for_url("**#main", timeout=5000)


def test_pages_work_without_javascript(new_page, site):
    page = new_page(javascript=False)
    page.goto(f"{site.url}/fr/agreements/")
    page.locator("#id_q").fill("علم")
    page.locator("#filters form button[type=submit]").click()
    page.wait_for_url("**/fr/agreements/?*q=*")
    assert page.locator(".cards .card").count() == 2
    # The language switcher keeps the page and the search.
    page.locator('.languages a[hreflang="ar"]').click()
    page.wait_for_url("**/ar/agreements/?*q=*")
    assert page.locator(".cards .card").count() == 2


def open_filters(page) -> None:
    """On a narrow screen the filters fold away; on a wide one they are always shown."""
    if not page.locator("#id_q").is_visible():
        page.locator("#filters > summary").click()


def test_filter_by_a_partners_name_without_javascript(new_page, site):
    page = new_page(javascript=False)
    page.goto(f"{site.url}/fr/agreements/")
    open_filters(page)
    page.locator("#id_partner").fill("Mistral")
    page.locator("#filters form button[type=submit]").click()
    # The name becomes the slug the API takes.
    page.wait_for_url("**/fr/agreements/?partner=mistral-ai")
    assert page.locator(".cards .card").count() == 1
    # The partner chosen stays visible, a ticked box: unticking it removes it.
    open_filters(page)
    box = page.locator("#filters input[type=checkbox][name=partner][value=mistral-ai]")
    assert box.is_checked()
    box.uncheck()
    page.locator("#filters form button[type=submit]").click()
    # The address before the click matched any list address: wait for the one without it.
    page.wait_for_url(lambda url: "/fr/agreements/" in url and "mistral-ai" not in url)
    assert page.locator(".cards .card").count() == 6
    # A name that matches several is the visitor's to correct, in their language.
    open_filters(page)
    page.locator("#id_partner").fill("Minist")
    page.locator("#filters form button[type=submit]").click()
    assert page.locator(".error-summary").is_visible()
    assert "plusieurs noms" in page.locator(".error-summary").inner_text()
    only_the_site(page, site)


SCREENS = [
    ("home", "/"),
    ("list", "/agreements/?partner=ministry-digital-transition"),
    ("agreement", f"/agreements/{ELM_2025}/"),
    ("partner", "/partners/elm/"),
    ("source", "/sources/mistral-ai-mou-rabat/"),
    ("dates", "/dates/2025/"),
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_screenshots(new_page, site, language):
    for width in (1280, 390):
        page = new_page(width)
        for name, path in SCREENS:
            if width == 390 and name not in ("home", "list", "agreement"):
                continue
            page.goto(f"{site.url}/{language}{path}")
            page.wait_for_load_state("networkidle")
            # Fonts are the site's own; wait for them so the picture shows them.
            page.evaluate("document.fonts.ready.then(() => true)")
            save_screenshot(page, f"{name}-{language}-{width}")
            # Nothing is wider than the screen: no sideways scrolling on a phone.
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{name} {language} {width}px scrolls sideways by {overflow}px"
        only_the_site(page, site)
