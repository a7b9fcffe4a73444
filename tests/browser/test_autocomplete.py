"""The agreements list's record filters as comboboxes, in a real browser: keyboard only,
screen-reader names (axe and the accessibility tree), a 390 px phone, right to left and
left to right, and the same filters without JavaScript."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ("ar", "fr")
LONG_NAME = "Agence Marocaine de Développement des Investissements et des Exportations"


def open_filters(page) -> None:
    """On a narrow screen the filters fold away; on a wide one they are always shown."""
    if not page.locator("#id_partner").is_visible():
        page.locator("#filters > summary").click()


def tab_to(page, element_id: str, limit: int = 80) -> None:
    """Reach a control with the Tab key alone, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} is not reachable with Tab")


def listbox_of(page, box_id: str):
    combobox = page.locator(f"#{box_id}")
    return page.locator(f"#{combobox.get_attribute('aria-controls')}")


def only_the_site(page, site) -> None:
    foreign = [url for url in page.requests if not url.startswith((site.url, "data:"))]
    assert foreign == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_choose_a_partner_with_the_keyboard_only(new_page, site, language):
    page = new_page()
    page.goto(f"{site.url}/{language}/agreements/")
    tab_to(page, "id_partner")
    box = page.locator("#id_partner")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    page.keyboard.type("minist", delay=40)
    listbox = listbox_of(page, "id_partner")
    listbox.locator("[role=option]").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.locator("[role=option]")
    assert options.count() == 3  # the three ministries with a published agreement
    # The count is said, politely, in the page's language.
    status = page.locator("[role=status][aria-live=polite]")
    expected = {"ar": "3 اقتراحات", "fr": "3 suggestions"}[language]
    page.wait_for_function(
        "text => document.querySelector('[role=status]').textContent.startsWith(text)",
        arg=expected,
    )
    # Down to the first, up wraps round to the last, down again to the first.
    page.keyboard.press("ArrowDown")
    first = options.nth(0)
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") == options.nth(2).get_attribute("id")
    # Another word: the ministry of digital transition, chosen with Down and Enter.
    page.keyboard.press("Escape")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type({"ar": "الانتقال الرقمي", "fr": "Transition Num"}[language], delay=40)
    listbox.locator("[role=option][data-value=ministry-digital-transition]").wait_for()
    assert options.count() == 1
    page.keyboard.press("ArrowDown")
    chosen_name = options.nth(0).locator(".combobox-name").inner_text()
    assert page.evaluate("document.activeElement.id") == "id_partner"  # focus stays in the box
    page.keyboard.press("Enter")
    # Chosen: a ticked box with its name, the box emptied and closed, the choice said.
    ticked = page.locator(
        "#filters input[type=checkbox][name=partner][value=ministry-digital-transition]"
    )
    assert ticked.is_checked()
    assert box.input_value() == ""
    assert box.get_attribute("aria-expanded") == "false"
    assert listbox.is_hidden()
    page.wait_for_function(
        "name => document.querySelector('[role=status]').textContent.includes(name)",
        arg=chosen_name,
    )
    assert status.count() == 1
    # A second partner, then Escape closes the list without choosing.
    page.keyboard.type("mistr", delay=40)
    listbox.locator("[role=option]").first.wait_for()
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert listbox.is_hidden()
    page.keyboard.press("ArrowDown")  # opens it again, on the first
    listbox.locator("[role=option][aria-selected=true]").wait_for()
    page.keyboard.press("Enter")
    assert page.locator("#filters input[name=partner][value=mistral-ai]").is_checked()
    # Enter in the emptied box sends the form: the agreements binding both partners.
    page.keyboard.press("Enter")
    # The address is the API's: the two slugs, no empty field.
    page.wait_for_url(
        f"{site.url}/{language}/agreements/?partner=ministry-digital-transition&partner=mistral-ai"
    )
    assert page.locator(".cards .card").count() == 1
    only_the_site(page, site)


def test_enter_without_a_suggestion_chosen_sends_what_was_typed(new_page, site):
    page = new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{site.url}/fr/agreements/")
    box = page.locator("#id_partner")
    box.press_sequentially("Mistral", delay=40)
    listbox_of(page, "id_partner").locator("[role=option]").first.wait_for()
    page.keyboard.press("Enter")  # the list is open, no option reached: the form is sent
    page.wait_for_url(f"{site.url}/fr/agreements/?partner=mistral-ai")
    assert page.locator(".cards .card").count() == 1
    assert errors == []  # nothing refused by the security policy, no script error


def test_a_single_valued_filter_replaces_its_choice(new_page, site):
    page = new_page()
    page.goto(f"{site.url}/fr/agreements/?event=unga-80")
    assert page.locator("#filters input[name=event][value=unga-80]").is_checked()
    page.locator("#id_event").press_sequentially("gitex", delay=40)
    listbox = listbox_of(page, "id_event")
    option = listbox.get_by_role("option", name=re.compile("GITEX Africa Morocco 2025"))
    option.click()  # a pointer works as well as the keyboard
    assert page.locator("#filters input[name=event]").count() == 2  # the ticked one, the box
    assert page.locator("#filters input[name=event][value=gitex-africa-2025]").is_checked()
    page.locator("#filters form button[type=submit]").click()
    page.wait_for_url(f"{site.url}/fr/agreements/?event=gitex-africa-2025")
    assert page.locator(".cards .card").count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_screen_reader_names_and_axe_with_the_list_open(new_page, site, axe_source, language):
    page = new_page(bypass_csp=True)  # to inject axe-core; the site itself needs no exception
    page.goto(f"{site.url}/{language}/agreements/?partner=elm")
    label = {"ar": "الشريك", "fr": "Partenaire"}[language]
    combobox = page.get_by_role("combobox", name=label)
    assert combobox.count() == 1
    combobox.press_sequentially("agen" if language == "fr" else "وكالة", delay=40)
    listbox = page.get_by_role("listbox", name=label)
    listbox.get_by_role("option").first.wait_for()
    # Each option is named by its text: the whole name, then what tells it apart.
    for option in listbox.get_by_role("option").all():
        name = option.locator(".combobox-name").inner_text()
        detail = option.locator(".combobox-detail").inner_text()
        expect(option).to_have_accessible_name(f"{name} {detail}")
    expect(combobox).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    page.evaluate(axe_source)
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
        })"""
    )
    serious = [
        {"rule": violation["id"], "nodes": [node["target"] for node in violation["nodes"]][:5]}
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == [], json.dumps(serious, indent=1, ensure_ascii=False)
    # axe looked at the open list: the combobox and its options were on the page.
    checked = {rule["id"] for rule in result["passes"]}
    assert {"aria-allowed-role", "aria-required-attr", "aria-valid-attr-value"} <= checked
    assert {"label", "color-contrast"} <= checked  # the named box, the highlighted option


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_names_wrap_and_nothing_scrolls_sideways(new_page, site, language):
    page = new_page(390)
    page.goto(f"{site.url}/{language}/agreements/")
    open_filters(page)
    typed = {"ar": "الوكالة المغربية", "fr": "Agence Marocaine"}[language]
    page.locator("#id_partner").press_sequentially(typed, delay=40)
    listbox = listbox_of(page, "id_partner")
    option = listbox.locator("[role=option]").first
    option.wait_for()
    page.evaluate("document.fonts.ready.then(() => true)")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    box = page.locator("#id_partner").bounding_box()
    shown = listbox.bounding_box()
    # The list lies under the box, as wide, inside the screen.
    assert abs(shown["x"] - box["x"]) < 2 and abs(shown["width"] - box["width"]) < 2
    assert shown["x"] >= 0 and shown["x"] + shown["width"] <= 390
    # The whole name, on as many lines as it needs, never cut off; a finger-sized row.
    name = option.locator(".combobox-name")
    assert name.evaluate("n => n.scrollWidth <= n.clientWidth")
    line = float(name.evaluate("n => parseFloat(getComputedStyle(n).lineHeight)"))
    assert name.bounding_box()["height"] > 1.5 * line  # wrapped: more than one line
    if language == "fr":
        assert name.inner_text() == LONG_NAME
    assert option.bounding_box()["height"] >= 44
    # Right to left in Arabic: the list starts at the box's right edge, its text too.
    direction = page.evaluate(
        "getComputedStyle(document.querySelector('[role=listbox]')).direction"
    )
    assert direction == ("rtl" if language == "ar" else "ltr")
    option.click()  # a tap chooses it
    assert page.locator("#filters input[name=partner][value=amdie]").is_checked()


def test_without_javascript_a_typed_name_filters_the_list(new_page, site):
    page = new_page(390, javascript=False)
    page.goto(f"{site.url}/fr/agreements/")
    open_filters(page)
    box = page.locator("#id_partner")
    assert box.get_attribute("role") is None  # a plain search box
    box.fill("Agence de Développement du Digital")
    page.locator("#filters form button[type=submit]").click()
    page.wait_for_url("**/fr/agreements/?partner=digital-development-agency")
    assert page.locator(".cards .card").count() == 2
    open_filters(page)
    assert page.locator(
        "#filters input[name=partner][value=digital-development-agency]"
    ).is_checked()
    # A partner with no published agreement is not read from its name.
    page.locator("#id_partner").fill("Caisse de Dépôt")
    page.locator("#filters form button[type=submit]").click()
    assert page.locator(".error-summary").is_visible()
    only_the_site(page, site)


@pytest.mark.parametrize("language", LANGUAGES)
def test_screenshots_with_the_list_open(new_page, site, language):
    typed = {"ar": "وزارة", "fr": "Minist"}[language]
    for width in (1280, 390):
        page = new_page(width)
        page.goto(f"{site.url}/{language}/agreements/?partner=elm")
        open_filters(page)
        page.locator("#id_partner").press_sequentially(typed, delay=40)
        listbox_of(page, "id_partner").locator("[role=option]").first.wait_for()
        page.keyboard.press("ArrowDown")
        page.evaluate("document.fonts.ready.then(() => true)")
        save_screenshot(page, f"autocomplete-{language}-{width}")
        # The filters alone, at the size a person sees them.
        page.locator("#filters").screenshot(
            path=str(SCREENSHOTS / f"autocomplete-{language}-{width}-filters.png")
        )
