""" "Cite this record" in Chromium: reached and copied with the keyboard alone, announced,
readable by axe, whole at 390 px, and plain selectable text without JavaScript."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import save_screenshot

pytestmark = pytest.mark.django_db(transaction=True)

AGREEMENT = "/agreements/ministry-elm-digital-development-agency-mou-2025/"
PAGES = [
    AGREEMENT,
    "/partners/elm/",
    "/people/amal-el-fallah-seghrouchni/",
    "/events/gitex-africa-2025/",
    "/initiatives/jazari-institutes-network/",
    "/sources/daily8-elm-mou-gitex-africa-2025/",
    "/countries/ma/",
]
COPIED = {"ar": "نُسخت الإحالة.", "fr": "Référence copiée."}


def tab_to(page, selector: str, limit: int = 1000) -> int:
    """Press Tab until `selector` has the focus; the number of presses."""
    page.locator(selector).wait_for(state="visible")
    seen = []
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "(s) => [document.activeElement.matches(s), document.activeElement.outerHTML.slice(0, 80)]",
            selector,
        )
        if focused[0]:
            return presses
        seen.append(focused[1])
    raise AssertionError(f"{selector} never got the focus in {limit} presses of Tab: {seen[-40:]}")


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_copy_the_citation_with_the_keyboard(new_page, site, language):
    page = new_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url)
    page.goto(f"{site.url}/{language}{AGREEMENT}")
    button = page.locator("button.copy-citation")
    assert button.is_visible()
    tab_to(page, "button.copy-citation")
    # The focus is visible where it lands (the site's focus ring), and the button is named.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    status = page.locator("#cite-status")
    status.wait_for(state="visible")
    page.wait_for_function(
        "(text) => document.getElementById('cite-status').textContent === text",
        arg=COPIED[language],
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    shown = " ".join(page.locator("#cite-text").inner_text().split())
    assert " ".join(copied.split()) == shown
    assert f"/{language}{AGREEMENT}" in copied
    # Space works as well, and the downloads come next in the keyboard's order.
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith(".bib")


def test_without_a_clipboard_the_button_selects_the_text(new_page, site):
    page = new_page()
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.goto(f"{site.url}/fr{AGREEMENT}")
    tab_to(page, "button.copy-citation")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.getElementById('cite-status').textContent.includes('Ctrl+C')"
    )
    selected = page.evaluate("window.getSelection().toString()")
    assert "/fr" + AGREEMENT in selected


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_no_serious_accessibility_violation_in_the_block(new_page, site, axe_source, language):
    page = new_page(bypass_csp=True)  # to inject axe-core; the site itself needs no exception
    problems = {}
    for path in PAGES:
        page.goto(f"{site.url}/{language}{path}")
        page.locator("button.copy-citation").wait_for(state="visible")
        page.evaluate(axe_source)
        result = page.evaluate(
            """async () => await axe.run('.cite-record', {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
            })"""
        )
        serious = [
            {"rule": violation["id"], "nodes": [node["target"] for node in violation["nodes"]]}
            for violation in result["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        if serious:
            problems[path] = serious
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_nothing_overflows_at_390_px(new_page, site, language):
    """The block and everything in it (the address, the version, the links) stay within
    the screen, and so does the whole page (a source's long original address wraps)."""
    page = new_page(390)
    for path in PAGES:
        page.goto(f"{site.url}/{language}{path}")
        outside = page.evaluate(
            """() => {
                const width = document.documentElement.clientWidth;
                const block = document.querySelector('.cite-record');
                return [block, ...block.querySelectorAll('*')]
                    .filter((e) => {
                        const box = e.getBoundingClientRect();
                        return box.width && (box.left < 0 || box.right > width);
                    })
                    .map((e) => e.tagName + ' ' + e.textContent.slice(0, 40));
            }"""
        )
        assert outside == [], (path, outside)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (path, overflow)


def test_without_javascript_the_citation_is_text_and_no_button(new_page, site):
    page = new_page(javascript=False)
    page.goto(f"{site.url}/fr{AGREEMENT}")
    text = page.locator("#cite-text")
    assert text.is_visible()
    assert "Observatoire des accords numériques du Maroc" in text.inner_text()
    assert page.locator("button.copy-citation").is_hidden()
    # The downloads are plain links and work without a script.
    link = page.locator(".cite-downloads a[href$='.bib']")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith("-fr.bib")


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots(new_page, site, language, width):
    page = new_page(width)
    page.goto(f"{site.url}/{language}{AGREEMENT}")
    block = page.locator(".cite-record")
    block.scroll_into_view_if_needed()
    page.locator("button.copy-citation").wait_for(state="visible")
    save_screenshot(page, f"cite-agreement-{language}-{width}")
    path = save_screenshot.__globals__["SCREENSHOTS"] / f"cite-block-{language}-{width}.png"
    block.screenshot(path=str(path))
