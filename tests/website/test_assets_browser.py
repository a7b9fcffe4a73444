"""The public site's assets in Chromium (Debian's, driven by Playwright, as in
tests/browser/): the Arabic font only where Arabic text is set in it, no layout shift when
the fonts arrive, citation markers big enough to tap (24 × 24 px, WCAG 2.2 2.5.8)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import CHROMIUM, browser, new_page, site  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="`make browser` installs Debian's chromium"),
]

ELM_2025 = "ministry-elm-digital-development-agency-mou-2025"
ARABIC_SUBSETS = ("noto-sans-arabic-arabic-", "noto-naskh-arabic-arabic-")

# The cumulative layout shift of the page up to now, as Chrome reports it.
LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  document.fonts.ready.then(() => requestAnimationFrame(() => setTimeout(() => resolve(total), 100)));
})"""


def fonts_fetched(page) -> list[str]:
    return [url.rsplit("/", 1)[-1] for url in page.requests if ".woff2" in url]


@pytest.mark.parametrize("path", ["/fr/", "/fr/agreements/", "/en/"])
def test_a_page_without_arabic_text_fetches_no_arabic_font(new_page, site, path):  # noqa: F811
    """«العربيّة» in the language switcher (and Arabic in the search's placeholder) is set
    in the system's font on French and English pages: it no longer pulls 50 KB of font."""
    page = new_page()
    page.goto(f"{site.url}{path}")
    page.wait_for_load_state("networkidle")
    fetched = fonts_fetched(page)
    assert any("-latin-400-" in name for name in fetched), fetched
    assert [name for name in fetched if name.startswith(ARABIC_SUBSETS)] == []


def test_an_arabic_page_fetches_the_arabic_font(new_page, site):  # noqa: F811
    page = new_page()
    page.goto(f"{site.url}/ar/")
    page.wait_for_load_state("networkidle")
    assert any(name.startswith("noto-sans-arabic-arabic-400") for name in fonts_fetched(page))


@pytest.mark.parametrize("path", ["/ar/", "/fr/", "/ar/agreements/", "/fr/agreements/"])
@pytest.mark.parametrize("width", [1280, 390])
def test_nothing_moves_when_the_fonts_arrive(new_page, site, path, width):  # noqa: F811
    page = new_page(width)
    page.goto(f"{site.url}{path}")
    assert page.evaluate(LAYOUT_SHIFT) < 0.02


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_citation_markers_are_big_enough_to_tap(new_page, site, language):  # noqa: F811
    page = new_page(390)
    for path, selector in [
        (f"/agreements/{ELM_2025}/", "sup.cite a"),
        ("/sources/daily8-elm-mou-gitex-africa-2025/", ".source-text a.anchor"),
    ]:
        page.goto(f"{site.url}/{language}{path}")
        boxes = [link.bounding_box() for link in page.locator(selector).all()]
        assert boxes, (path, selector)
        small = [box for box in boxes if box["width"] < 24 or box["height"] < 24]
        assert small == [], (path, small[:3])
