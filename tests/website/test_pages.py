"""Every public page, in each language: it answers, says what it should, and links to the evidence."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.utils import translation

from agreements.models import Agreement, Citation
from tests.website.conftest import LANGUAGES, page

pytestmark = pytest.mark.usefixtures("seeded")

MISTRAL = "ministry-mistral-ai-mou-2025"
ELM_2023 = "elm-digital-development-agency-mou-2023"
ELM_2025 = "ministry-elm-digital-development-agency-mou-2025"
D4SD_2025 = "ministry-undp-d4sd-establishment-2025"

PAGES = [
    "/",
    "/agreements/",
    f"/agreements/{MISTRAL}/",
    f"/agreements/{ELM_2023}/",
    f"/agreements/{ELM_2025}/",
    "/partners/",
    "/partners/ministry-digital-transition/",
    "/partners/elm/",
    "/people/",
    "/people/amal-el-fallah-seghrouchni/",
    "/events/",
    "/events/gitex-africa-2025/",
    "/events/morocco-qatar-digital-ministers-meeting-2026/",
    "/initiatives/",
    "/initiatives/jazari-root/",
    "/sources/",
    "/sources/daily8-elm-mou-gitex-africa-2025/",
    "/dates/",
    "/dates/2025/",
    "/dates/2025/09/",
    "/dates/due-for-renewal/",
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_answers_in_every_language(client: Client, language: str, path: str):
    response = client.get(f"/{language}{path}")
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    parsed = page(response)
    assert parsed.headings.count(1) == 1, "one h1 a page"
    # Headings never skip a level going down (h2 after h1, h3 after h2...).
    for previous, current in zip(parsed.headings, parsed.headings[1:], strict=False):
        assert current <= previous + 1, parsed.headings
    assert 'class="skip-link" href="#main"' in html and 'id="main"' in html
    # The same page in the three languages, for readers and for search engines.
    for other in LANGUAGES:
        assert f'hreflang="{other}" href="http://testserver/{other}{path}"' in html
    assert f'<link rel="canonical" href="http://testserver/{language}{path}">' in html
    # Every asset is the site's own.
    assert not re.search(r'(src|href)="https?://(?!testserver)[^"]*\.(css|js|woff2?)', html)
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_root_redirects_to_the_readers_language(client: Client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/fr/"
    assert client.get("/")["Location"] == "/ar/"


def test_the_language_switcher_keeps_the_page_and_the_query(client: Client):
    parsed = page(client.get("/ar/agreements/?partner=elm&year=2025"))
    assert "/fr/agreements/?partner=elm&year=2025" in parsed.links
    assert "/en/agreements/?partner=elm&year=2025" in parsed.links


@pytest.mark.parametrize(
    ("language", "month", "day"),
    [
        ("ar", "يونيو 2023", "12 شتنبر 2025"),
        ("fr", "juin 2023", "12 septembre 2025"),
        ("en", "June 2023", "Sept. 12, 2025"),
    ],
)
def test_dates_are_shown_at_their_precision(client: Client, language, month, day):
    elm = page(client.get(f"/{language}/agreements/{ELM_2023}/"))
    assert ("2023-06", month) in elm.times
    assert "2023-06-01" not in elm.html
    mistral = page(client.get(f"/{language}/agreements/{MISTRAL}/"))
    assert ("2025-09-12", day) in mistral.times
    year_only = page(client.get(f"/{language}/agreements/{ELM_2025}/"))
    assert ("2025", "2025") in year_only.times
    assert "2025-01-01" not in year_only.html


def test_agreement_page_shows_every_fact_with_its_evidence(client: Client):
    response = client.get(f"/fr/agreements/{ELM_2025}/")
    parsed = page(response)
    html = parsed.html
    # Parties, the people present with the titles the source prints, event, place.
    for text in (
        "Elm",
        "Agence de Développement du Digital",
        "Ministre de la Transition Numérique et de la Réforme de l&#x27;Administration",
        "Hakim Al-Rashid",
        "Mohammed Drissi Melyani",
        "GITEX Africa Morocco 2025",
        "Marrakech",
    ):
        assert text in html, text
    # The article names no one who put pen to paper: all three were present, and the
    # page says it, with the title marked as the editors' wording.
    assert "Présents à la signature" in html
    assert "Signataires" not in html
    assert "ne dit pas qui a apposé sa signature" in html
    assert "Titre rédigé par la rédaction" in html
    # Duration and the end it implies, at the signing date's precision: the year.
    assert ("2027", "2027") in parsed.times
    # The chain of the partnership: the 2023 memorandum it renews.
    assert f"/fr/agreements/{ELM_2023}/" in parsed.links
    # Each fact's number links to a quoted passage, and each passage to its source.
    cite_links = [link for link in parsed.links if link.startswith("#citation-")]
    assert cite_links and all(link[1:] in parsed.ids for link in cite_links)
    agreement = Agreement.objects.get(slug=ELM_2025)
    for citation in Citation.objects.filter(
        object_id=agreement.pk, content_type__model="agreement"
    ):
        assert f"/fr/sources/{citation.source.slug}/#quote-{citation.pk}" in parsed.links
    assert f"/api/v1/agreements/{ELM_2025}/?lang=fr" in parsed.links  # in the page's language
    # A translation says so and links to the original wording.
    assert f"/ar/agreements/{ELM_2025}/" in parsed.links
    assert 'lang="ar" dir="rtl"' in html  # quotes stay in the source's language


def test_the_renewal_is_shown_from_both_ends(client: Client):
    older = page(client.get(f"/en/agreements/{ELM_2023}/"))
    assert f"/en/agreements/{ELM_2025}/" in older.links


def test_json_ld_describes_the_records(client: Client):
    def blocks(path: str) -> list[dict]:
        html = client.get(path).content.decode()
        found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        return [json.loads(block) for block in found]

    (agreement,) = blocks(f"/en/agreements/{ELM_2023}/")
    assert agreement["@type"] == "CreativeWork"
    assert agreement["dateCreated"] == "2023-06"
    assert {party["name"] for party in agreement["contributor"]} == {
        "Elm",
        "Digital Development Agency",
    }
    assert agreement["citation"][0]["url"].startswith("http://testserver/en/sources/")
    (organization,) = blocks("/fr/partners/elm/")
    assert (
        organization["@type"] == "Organization"
        and organization["address"]["addressCountry"] == "SA"
    )
    (person,) = blocks("/ar/people/amal-el-fallah-seghrouchni/")
    assert person["@type"] == "Person" and person["name"] == "أمل الفلاح السغروشني"
    (event,) = blocks("/en/events/web-summit-qatar-2026/")
    assert event["@type"] == "Event"
    assert event["startDate"] == "2026-02-01" and event["endDate"] == "2026-02-04"


def test_open_graph_tags(client: Client):
    html = client.get(f"/fr/agreements/{MISTRAL}/").content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:locale" content="fr_MA">' in html
    assert '<meta property="og:locale:alternate" content="ar_MA">' in html
    assert f'<meta property="og:url" content="http://testserver/fr/agreements/{MISTRAL}/">' in html


def test_home_counts_chart_and_countries(client: Client):
    response = client.get("/en/")
    parsed = page(response)
    html = parsed.html
    assert re.search(r"<dt>Agreements</dt><dd><a [^>]*>6</a></dd>", html)
    # The chart: one bar a year, the undated ones last, numbers in text.
    assert "/en/dates/2025/" in parsed.links and "/en/dates/2023/" in parsed.links
    assert 'aria-label="Memorandum of understanding: 2, Other: 1"' in html
    # Partners' countries, Morocco first, each a filtered list.
    countries = [link for link in parsed.links if link.startswith("/en/agreements/?country=")]
    assert countries[0] == "/en/agreements/?country=MA"
    assert "/en/agreements/?country=SA" in countries


def test_partner_index_groups_by_country_then_kind(client: Client):
    html = client.get("/en/partners/").content.decode()
    morocco = html.index('id="country-ma"')
    saudi = html.index('id="country-sa"')
    international = html.index('id="country-international"')
    assert morocco < saudi < international
    assert html.index("Ministry", morocco) < saudi


def test_partner_page_timeline_people_feed(client: Client):
    parsed = page(client.get("/en/partners/elm/"))
    html = parsed.html
    # Its agreements, oldest first, on a timeline by year.
    assert html.index(f"/en/agreements/{ELM_2023}/") < html.index(f"/en/agreements/{ELM_2025}/")
    assert "/en/people/hakim-al-rashid/" in parsed.links
    assert "/en/feeds/partners/elm/" in parsed.links
    assert "/en/agreements/?partner=elm" in parsed.links


def test_person_page_positions_and_agreements(client: Client):
    parsed = page(client.get("/fr/people/amal-el-fallah-seghrouchni/"))
    assert f"/fr/agreements/{MISTRAL}/" in parsed.links
    assert f"/fr/agreements/{ELM_2025}/" in parsed.links
    assert "/fr/partners/ministry-digital-transition/" in parsed.links
    assert any(link.startswith("#citation-") for link in parsed.links)


def test_initiative_page_shows_parent_and_children(client: Client):
    root = page(client.get("/en/initiatives/jazari-root/"))
    assert "/en/initiatives/jazari-institutes-network/" in root.links
    network = page(client.get("/en/initiatives/jazari-institutes-network/"))
    assert "/en/initiatives/jazari-root/" in network.links
    index = client.get("/en/initiatives/").content.decode()
    # The tree: Jazari Root is listed inside its network's entry.
    network_at = index.index("/en/initiatives/jazari-institutes-network/")
    assert index.index("/en/initiatives/jazari-root/") > network_at


def test_event_page(client: Client):
    parsed = page(client.get("/en/events/gitex-africa-2025/"))
    assert f"/en/agreements/{ELM_2025}/" in parsed.links
    child = page(client.get("/en/events/morocco-qatar-digital-ministers-meeting-2026/"))
    assert "/en/events/web-summit-qatar-2026/" in child.links  # on the sidelines of


def test_source_page_marks_every_quote_and_links_back(client: Client):
    source = "daily8-elm-mou-gitex-africa-2025"
    parsed = page(client.get(f"/ar/sources/{source}/"))
    citations = Citation.objects.filter(source__slug=source)
    for citation in citations:
        assert f"quote-{citation.pk}" in parsed.ids
    assert parsed.html.count("<mark>") >= 1
    assert f"/ar/agreements/{ELM_2025}/" in parsed.links
    assert "/ar/partners/elm/" in parsed.links
    assert "/ar/people/hakim-al-rashid/" in parsed.links


def test_year_and_month_archives_keep_precision(client: Client):
    year = page(client.get("/en/dates/2025/"))
    for slug in (MISTRAL, D4SD_2025, ELM_2025):
        assert f"/en/agreements/{slug}/" in year.links
    assert "/en/dates/2025/09/" in year.links
    # Month by month through the year; what is dated only to the year comes last.
    html = year.html
    assert html.index("/en/dates/2025/07/") < html.index("/en/dates/2025/09/")
    assert html.index(f"/en/agreements/{MISTRAL}/") < html.index(f"/en/agreements/{ELM_2025}/")
    month = page(client.get("/en/dates/2025/09/"))
    assert f"/en/agreements/{MISTRAL}/" in month.links  # known to the day
    assert f"/en/agreements/{D4SD_2025}/" in month.links  # known to the month
    assert f"/en/agreements/{ELM_2025}/" not in month.links  # known only to the year
    empty = client.get("/en/dates/1999/")
    assert empty.status_code == 200 and "No published agreement or event" in empty.content.decode()


def test_timeline_lists_agreements_and_events_undated_last(client: Client):
    html = client.get("/en/dates/").content.decode()
    assert html.index("/en/events/web-summit-qatar-2026/") < html.index(
        f"/en/agreements/{MISTRAL}/"
    )
    undated = html.index('id="undated"')
    assert html.index("/en/agreements/ministry-undp-d4sd-declaration-of-intent/") > undated


def test_due_for_renewal_lists_what_ends_within_a_year(client: Client):
    import datetime as dt

    from django.utils import timezone

    today = timezone.localdate()
    signed = dt.date(today.year - 1, today.month, 1)
    ending = Agreement.objects.create(
        slug="ending-soon",
        title_ar="اتفاقية تنتهي قريبا",
        title_en="Ending soon",
        kind="agreement",
        status="published",
        signed_on=signed,
        signed_on_precision="month",
        duration_months=18,
    )
    Agreement.objects.create(
        slug="ended-long-ago",
        title_ar="اتفاقية منتهية",
        kind="agreement",
        status="published",
        signed_on=dt.date(2001, 1, 1),
        signed_on_precision="month",
        duration_months=12,
    )
    parsed = page(client.get("/en/dates/due-for-renewal/"))
    assert f"/en/agreements/{ending.slug}/" in parsed.links
    assert "/en/agreements/ended-long-ago/" not in parsed.links
    expected = ending.expires_partial
    assert (expected.isoformat(), "") not in parsed.times
    assert any(iso == expected.isoformat() for iso, _text in parsed.times)


def test_the_500_page_speaks_the_readers_language(rf):
    from website.views.errors import server_error

    with translation.override("fr"):
        response = server_error(rf.get("/fr/"))
    assert response.status_code == 500
    assert '<html lang="fr" dir="ltr">' in response.content.decode()
    with translation.override("ar"):
        assert '<html lang="ar" dir="rtl">' in server_error(rf.get("/ar/")).content.decode()


def test_robots_and_sitemap(client: Client):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    for language in LANGUAGES:
        assert f"http://testserver/{language}/agreements/{MISTRAL}/" in sitemap
    assert 'hreflang="x-default"' in sitemap
    assert "http://testserver/fr/partners/elm/" in sitemap
    assert "http://testserver/en/dates/2023/" in sitemap


def test_atom_feeds(client: Client):
    feed = client.get("/fr/feeds/agreements/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert body.count("<entry>") == 6
    assert f"http://testserver/fr/agreements/{MISTRAL}/" in body
    partner = client.get("/en/feeds/partners/elm/").content.decode()
    assert partner.count("<entry>") == 2
    assert client.get("/en/feeds/partners/no-such-partner/").status_code == 404


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_authors_name_stays_as_printed_on_latin_pages(client: Client, language: str):
    """The byline is the article's, in Arabic, isolated so that it keeps its direction in a
    left-to-right page."""
    html = client.get(f"/{language}/agreements/{MISTRAL}/").content.decode()
    assert '<bdi lang="ar" dir="auto">يوسف وفقير</bdi>' in html
