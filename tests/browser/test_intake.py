"""Article intake in a real browser, with the real extractor: an editor pastes an article
and ends with reviewed drafts and their citations, typing no slug, no field code and no
ISO date. In Arabic with a seed article, in French with a short article written here; the
French run on a 390 px wide screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission, User

from agreements.models import Agreement
from core.models import Citation, SourceDocument
from core.records import PartialDate
from events.models import Event
from intake.models import ArticleIntake
from partners.models import Organization, Person
from tests.browser.conftest import SCREENSHOTS, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-editor-password"
SEED_ARTICLE = Path(settings.SEEDS_DIR) / "articles" / "001_5ccb9bab0d6213d5.txt"

FRENCH_ARTICLE = (
    "Rabat – Le ministère de la Transition numérique et de la Réforme de l'administration "
    "et la société Orange Maroc ont signé, le 4 mars 2025 à Rabat, un mémorandum d'entente "
    "pour former des jeunes aux métiers du numérique.\n"
    "Le mémorandum a été signé par Mme Amal El Fallah Seghrouchni, ministre déléguée chargée "
    "de la Transition numérique et de la Réforme de l'administration, et M. Hatim Benjelloun, "
    "directeur général d'Orange Maroc.\n"
    "La cérémonie s'est déroulée en présence de M. Ryad Mezzour, ministre de l'Industrie "
    "et du Commerce.\n"
)


@pytest.fixture
def editor(transactional_db) -> User:
    # The roles come from a data migration, which a transactional test's flush empties:
    # made again by the migration's own function.
    editors, created = Group.objects.get_or_create(name="Editors")
    if created:
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        editors.permissions.set(
            Permission.objects.filter(
                content_type__app_label__in=["core", "partners", "events", "agreements"]
            ).exclude(codename__startswith="publish_")
        )
    user = User.objects.create_user("amina", password=PASSWORD, is_staff=True)
    user.groups.set([Group.objects.get(name="Editors")])
    return user


@pytest.fixture
def editor_page(live_server, browser, editor):
    contexts = []

    def open_page(language: str, width: int = 1280, *, bypass_csp: bool = False):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, locale=language, bypass_csp=bypass_csp
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.problems = []
        page.on(
            "console",
            lambda message: page.problems.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: page.problems.append(str(error)))
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", editor.username)
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        return page

    yield open_page
    for context in contexts:
        context.close()


def paste(page, live_server, *, language: str, title: str, text: str, url: str,
          publisher: str, author: str, day: str, month: str, year: str) -> None:  # fmt: skip
    """What the editor types: the article and its metadata, the date as day, month, year."""
    page.goto(f"{live_server.url}/admin/")
    page.locator('a[href="/admin/intake/articleintake/add/"]').first.click()
    page.wait_for_url("**/admin/intake/articleintake/add/")
    page.select_option("#id_language", language)
    page.fill("#id_title", title)
    page.fill("#id_text", text)
    page.fill("#id_url", url)
    page.fill("#id_publisher", publisher)
    page.fill("#id_author", author)
    page.fill('input[name="published_on_day"]', day)
    page.select_option('select[name="published_on_month"]', month)
    page.fill('input[name="published_on_year"]', year)
    # The form fits the screen, a phone's included.
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.click("#intake-article input[type=submit]")
    page.wait_for_url("**/admin/intake/articleintake/*/change/")


def assert_drafts_cited_from(source: SourceDocument) -> None:
    """Every record the intake wrote is a draft and rests on quotes of this article."""
    decisions = ArticleIntake.objects.get(source=source).decisions.all()
    written = [record for decision in decisions for record in decision.records]
    assert written
    models = {"organization": Organization, "person": Person, "event": Event,
              "agreement": Agreement}  # fmt: skip
    for entry in written:
        if entry["kind"] not in models:
            continue
        record = models[entry["kind"]].objects.get(pk=entry["pk"])
        if entry["created"]:
            assert record.status == "draft", record
        quotes = Citation.objects.filter(
            content_type__model=entry["kind"], object_id=record.pk, source=source
        )
        assert quotes.exists(), record
        assert all(quote.quote in source.text for quote in quotes)


def test_arabic_seed_article_to_reviewed_drafts(editor_page, live_server):
    page = editor_page("ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    paste(
        page, live_server, language="ar",
        title="الفلاح السغروشني توقع مذكرة تفاهم مع Mistral AI",
        text=SEED_ARTICLE.read_text(encoding="utf-8"),
        url="https://bawabapress.com/index.php/article/567",
        publisher="بوابة بريس", author="يوسف وفقير", day="12", month="9", year="2025",
    )  # fmt: skip
    review = page.url
    # The proposals, grouped, each quote highlighted in its sentence.
    assert page.locator("#group-agreements article.proposal").count() >= 1
    assert page.locator("#group-agreements mark").count() >= 1
    assert page.locator("#group-people article.proposal").count() >= 2
    save_screenshot(page, "intake-review-ar")
    # Accept everything as proposed, in one click.
    page.click('input[name="_accept_all"]')
    page.wait_for_url(review)
    assert page.locator(".messagelist .success").count() == 1
    assert page.locator(".errorlist").count() == 0
    assert page.locator("article.decided-accepted").count() >= 4
    # The decided page on a phone, right to left: nothing wider than the screen.
    page.set_viewport_size({"width": 390, "height": 900})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    save_screenshot(page, "intake-decided-ar-390")

    source = SourceDocument.objects.get(url="https://bawabapress.com/index.php/article/567")
    assert source.published_on_precision == "day" and str(source.published_on) == "2025-09-12"
    agreement = Agreement.objects.get()
    assert agreement.status == "draft" and agreement.kind == "mou"
    assert agreement.signed_partial == PartialDate(2025, 9, 12)
    assert agreement.parties.count() >= 2
    assert agreement.signatories.count() >= 2
    assert agreement.slug and agreement.slug.isascii()
    fields = {name for c in Citation.objects.filter(object_id=agreement.pk,
                                                    content_type__model="agreement")
              for name in c.fields}  # fmt: skip
    assert {"kind", "signed_on", "parties", "signatories"} <= fields
    assert_drafts_cited_from(source)
    assert page.problems == []


def test_french_article_edited_and_reviewed_on_a_phone(editor_page, live_server):
    page = editor_page("fr", width=390)
    paste(
        page, live_server, language="fr",
        title="Orange Maroc et le ministère signent un mémorandum",
        text=FRENCH_ARTICLE, url="https://example.ma/actualites/orange-memorandum",
        publisher="Le Journal d'essai", author="La rédaction", day="5", month="3", year="2025",
    )  # fmt: skip
    review = page.url
    assert page.locator("html").get_attribute("lang") == "fr"
    # Nothing wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    agreement_card = page.locator("#group-agreements article.proposal").first
    key = agreement_card.get_attribute("data-key")
    # Edit the agreement before accepting: a protocol, known to the month only.
    agreement_card.locator("details.edit summary").click()
    agreement_card.locator(f'select[name="{key}-kind"]').select_option("protocol")
    agreement_card.locator(f'input[name="{key}-signed_on_day"]').fill("")
    agreement_card.locator(f'input[name="{key}-decision"][value="accept"]').check()
    # Nobody listed as present without signing (the editor's choice), so that the
    # ministry of Industry, only present, can be rejected.
    for box in agreement_card.locator(f'input[name="{key}-attendees"]').all():
        box.uncheck()
    industry = page.locator("#group-organizations article.proposal", has_text="Industrie")
    industry_key = industry.get_attribute("data-key")
    industry.locator(f'input[name="{industry_key}-decision"][value="reject"]').check()
    industry.locator(f'input[name="{industry_key}-reason"]').fill("Présent, pas partie")
    # Everything else accepted as proposed.
    cards = page.locator("article.proposal")
    for index in range(cards.count()):
        card_key = cards.nth(index).get_attribute("data-key")
        if card_key not in (key, industry_key):
            cards.nth(index).locator(f'input[name="{card_key}-decision"][value="accept"]').check()
    save_screenshot(page, "intake-review-fr-390")
    page.click('input[name="_save"]')
    page.wait_for_url(review)
    assert page.locator(".errorlist").count() == 0, page.locator(".errorlist").all_inner_texts()
    assert page.locator(".messagelist .success").count() == 1

    agreement = Agreement.objects.get()
    assert agreement.status == "draft" and agreement.kind == "protocol"
    assert agreement.signed_partial == PartialDate(2025, 3)
    assert agreement.title_fr and agreement.title_ar  # Arabic falls back to the French
    names = {party.organization.name_fr for party in agreement.parties.all()}
    assert any("Orange" in name for name in names)
    source = SourceDocument.objects.get(url="https://example.ma/actualites/orange-memorandum")
    assert source.language == "fr" and source.published_on_precision == "day"
    assert_drafts_cited_from(source)
    decision = ArticleIntake.objects.get(source=source).decisions.get(proposal_key=industry_key)
    assert (decision.decision, decision.reason) == ("rejected", "Présent, pas partie")
    assert not Organization.objects.filter(name_fr__contains="Industrie").exists()
    signer = agreement.signatories.get(person__name_fr="Amal El Fallah Seghrouchni")
    assert signer.title_fr.startswith("ministre déléguée")
    assert page.problems == []


@pytest.fixture
def publisher(editor) -> User:
    publishers, created = Group.objects.get_or_create(name="Publishers")
    if created:
        publishers.permissions.set(
            Permission.objects.filter(
                content_type__app_label__in=["core", "partners", "events", "agreements"]
            )
        )
    editor.groups.add(publishers)
    return editor


def test_an_article_about_a_recorded_agreement_corroborates_it(
    site, editor_page, live_server, publisher
):
    """With the seed data: the Mistral memorandum is recorded; pasting an article about it
    proposes a corroborating citation, not a duplicate."""
    mistral = Agreement.objects.get(slug="ministry-mistral-ai-mou-2025")
    before = Agreement.objects.count()
    page = editor_page("fr")
    paste(
        page, live_server, language="ar", title="مذكرة تفاهم مع ميسترال (نسخة ثانية)",
        text=SEED_ARTICLE.read_text(encoding="utf-8"),
        url="https://example.ma/republished/mistral", publisher="موقع تجريبي",
        author="", day="12", month="9", year="2025",
    )  # fmt: skip
    card = page.locator("#group-agreements article.proposal").first
    assert card.locator(f'a[href="/admin/agreements/agreement/{mistral.pk}/change/"]').count()
    assert card.locator("table.facts").count() == 1
    save_screenshot(page, "intake-corroborate-fr")
    card.screenshot(path=str(SCREENSHOTS / "intake-corroborate-fr-card.png"))
    page.click('input[name="_accept_all"]')
    page.wait_for_url("**/change/")
    assert page.locator(".errorlist").count() == 0, page.locator(".errorlist").all_inner_texts()
    assert Agreement.objects.count() == before
    source = SourceDocument.objects.get(url="https://example.ma/republished/mistral")
    assert Citation.objects.filter(
        content_type__model="agreement", object_id=mistral.pk, source=source
    ).exists()
    mistral.refresh_from_db()
    assert mistral.status == "published"


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_intake_screens_have_no_serious_accessibility_violation(
    editor_page, live_server, axe_source, language
):
    page = editor_page(language, bypass_csp=True)  # to inject axe-core
    screens = {}
    page.goto(f"{live_server.url}/admin/intake/articleintake/add/")
    screens["paste"] = audit(page, axe_source)
    paste(
        page, live_server, language="fr", title="Orange Maroc et le ministère",
        text=FRENCH_ARTICLE, url="https://example.ma/a", publisher="Essai", author="",
        day="5", month="3", year="2025",
    )  # fmt: skip
    screens["review"] = audit(page, axe_source)
    assert screens == {"paste": [], "review": []}, json.dumps(screens, ensure_ascii=False)


def audit(page, axe_source) -> list[dict]:
    """Serious and critical axe-core findings in the intake's own part of the page."""
    page.evaluate(axe_source)
    result = page.evaluate(
        """async () => await axe.run({include: ['#content-main']}, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                            'best-practice']},
        })"""
    )
    return [
        {"rule": violation["id"], "nodes": [node["target"] for node in violation["nodes"]][:5]}
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
