"""The partner network and the timeline in a real browser: keyboard only, axe, a phone's
width, JavaScript off, and screenshots in Arabic and French to look at."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ("ar", "fr")
PICTURES = {"network": "/network/", "timeline": "/dates/chart/"}


def focus_path(page, stops: int) -> list[str]:
    """The addresses of the links the keyboard reaches, Tab after Tab, from the top."""
    reached = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "(() => { const a = document.activeElement;"
            " return a && a.closest('svg') ? a.getAttribute('href') : null; })()"
        )
        if href:
            reached.append(href)
    return reached


@pytest.mark.parametrize("language", LANGUAGES)
def test_keyboard_reaches_every_partner_in_rank_order(new_page, site, language):
    page = new_page()
    page.goto(f"{site.url}/{language}{PICTURES['network']}")
    expected = page.eval_on_selector_all(
        ".network a", "links => links.map(link => link.getAttribute('href'))"
    )
    assert len(expected) >= 5
    # The table lists the same partners in the same order.
    table = page.eval_on_selector_all(
        ".graph-table tbody th a", "links => links.map(link => link.getAttribute('href'))"
    )
    assert table == expected
    assert focus_path(page, 40 + len(expected)) == expected
    # The Ministry first; a node's link is named by its title.
    assert expected[0] == f"/{language}/partners/ministry-digital-transition/"
    page.focus(".network a >> nth=1")
    name = page.evaluate(
        "(() => { const a = document.activeElement; return a.querySelector('title').textContent; })()"
    )
    assert name.strip()
    # Focus shows: the circle is ringed.
    stroke = page.evaluate(
        "getComputedStyle(document.activeElement.querySelector('circle')).strokeWidth"
    )
    assert stroke == "4px"
    # Enter follows the link.
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{expected[1]}")


def test_keyboard_reaches_every_year_of_the_timeline_in_order(new_page, site):
    page = new_page()
    page.goto(f"{site.url}/ar{PICTURES['timeline']}")
    expected = page.eval_on_selector_all(
        ".timeline-chart a", "links => links.map(link => link.getAttribute('href'))"
    )
    assert expected and expected == sorted(expected)  # oldest first, like lines of text
    assert focus_path(page, 40 + len(expected)) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_accessibility_violation(new_page, site, axe_source, language):
    page = new_page(bypass_csp=True)  # to inject axe-core; the site itself needs no exception
    problems = {}
    for name, path in PICTURES.items():
        page.goto(f"{site.url}/{language}{path}")
        for summary in page.locator("details.graph-table:not([open]) > summary").all():
            summary.click()  # audit the tables too
        page.evaluate(axe_source)
        result = page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
            })"""
        )
        serious = [
            {"rule": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            problems[name] = serious
        # Every link in the pictures has a name a screen reader reads.
        names = page.evaluate(
            """() => [...document.querySelectorAll('figure.graph svg a')].map(a => {
                const title = a.querySelector('title');
                return title ? title.textContent.trim() : '';
            })"""
        )
        assert names and all(names)
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pictures_fit_a_phone_and_the_table_scrolls_in_its_box(new_page, site, language):
    for width in (1280, 390):
        page = new_page(width)
        for name, path in PICTURES.items():
            page.goto(f"{site.url}/{language}{path}")
            page.evaluate("document.fonts.ready.then(() => true)")
            for summary in page.locator("details.graph-table:not([open]) > summary").all():
                summary.click()
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{name} {language} {width}px scrolls sideways by {overflow}px"
            box = page.locator("figure.graph svg").first.bounding_box()
            assert box["width"] <= width
            if width == 390:
                # The wide table scrolls in its own box, not the page.
                scroller = page.locator(".table-scroll").first
                inner = scroller.evaluate("el => el.scrollWidth")
                outer = scroller.evaluate("el => el.clientWidth")
                assert outer <= width
                if name == "timeline":
                    assert inner > outer
                # Labels a phone keeps are at least 9 px (their size times the scale).
                smallest = page.evaluate(
                    """() => Math.min(...[...document.querySelectorAll('figure.graph svg')]
                        .flatMap(svg => {
                            const scale = svg.getBoundingClientRect().width
                                / svg.viewBox.baseVal.width;
                            return [...svg.querySelectorAll('text')]
                                .filter(t => getComputedStyle(t).display !== 'none')
                                .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
                        }))"""
                )
                assert smallest >= 9, f"{name} {language}: a label {smallest:.1f}px high"
            save_screenshot(page, f"graph-{name}-{language}-{width}")


def test_without_javascript_the_pictures_are_the_same(new_page, site):
    markup = {}
    for javascript in (True, False):
        page = new_page(javascript=javascript)
        for name, path in PICTURES.items():
            page.goto(f"{site.url}/fr{path}")
            markup[(javascript, name)] = page.locator("figure.graph").inner_html()
            assert page.locator("figure.graph svg a").count() > 0
    for name in PICTURES:
        assert markup[(True, name)] == markup[(False, name)]
