""" "Cite this record": the citation on every record page, its BibTeX and CSL-JSON files,
drafts kept out, and the download links that keep the page's language and filters."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.utils import timezone

from agreements.models import Agreement
from core.models import SourceDocument
from core.published import compute_published_version
from tests.website.conftest import LANGUAGES, Page

pytestmark = pytest.mark.usefixtures("seeded")

AGREEMENT = "ministry-elm-digital-development-agency-mou-2025"
RECORDS = {
    # kind in the citation's address: (page path, slug)
    "agreement": (f"/agreements/{AGREEMENT}/", AGREEMENT),
    "partner": ("/partners/elm/", "elm"),
    "person": ("/people/amal-el-fallah-seghrouchni/", "amal-el-fallah-seghrouchni"),
    "event": ("/events/gitex-africa-2025/", "gitex-africa-2025"),
    "initiative": ("/initiatives/jazari-institutes-network/", "jazari-institutes-network"),
    "source": (
        "/sources/daily8-elm-mou-gitex-africa-2025/",
        "daily8-elm-mou-gitex-africa-2025",
    ),
    "country": ("/countries/ma/", "ma"),
}
SITE_NAMES = {
    "ar": "مرصد اتفاقيات التحول الرقمي بالمغرب",
    "fr": "Observatoire des accords numériques du Maroc",
    "en": "Morocco digital agreements tracker",
}
BLOCK = re.compile(r'<section class="cite-record".*?</section>', re.S)


def citation_block(body: str) -> str:
    found = BLOCK.search(body)
    assert found, "no citation block"
    return found.group(0)


def citation_text(block: str) -> str:
    paragraph = re.search(r'<p class="citation" id="cite-text">(.*?)</p>', block, re.S).group(1)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", paragraph)).split())


@pytest.fixture
def on_a_known_day(monkeypatch):
    """The agreement last changed on 12 September 2025; read on 2 December 2026."""
    changed = dt.datetime(2025, 9, 12, 10, 0, tzinfo=dt.UTC)
    Agreement.objects.filter(slug=AGREEMENT).update(updated_at=changed)
    monkeypatch.setattr("website.citation.today", lambda: dt.date(2026, 12, 2))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", RECORDS)
def test_every_record_page_cites_itself(client: Client, kind, language):
    path, slug = RECORDS[kind]
    response = client.get(f"/{language}{path}")
    assert response.status_code == 200
    block = citation_block(response.content.decode())
    text = citation_text(block)
    assert SITE_NAMES[language] in text
    assert f"http://testserver/{language}{path}" in text  # the page's own address
    assert compute_published_version() in text
    assert timezone.localdate().strftime("%Y") in text
    page = Page(block)
    assert f"/{language}/cite/{kind}/{slug}.bib" in page.links
    assert f"/{language}/cite/{kind}/{slug}.json" in page.links
    # Without JavaScript the button stays hidden; the script is a file, never inline.
    assert re.search(r"<button[^>]*data-copy=\"cite-text\"[^>]*hidden", block)
    assert '<script src="/static/js/cite.js" defer></script>' in response.content.decode()
    assert 'role="status"' in block


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ar",
            "«مذكرة تفاهم ثلاثية بين وزارة الانتقال الرقمي وإصلاح الإدارة وشركة عِلم ووكالة "
            "التنمية الرقمية». مرصد اتفاقيات التحول الرقمي بالمغرب، إصدار البيانات {version}. "
            "آخر تعديل في 12 شتنبر 2025. "
            f"http://testserver/ar/agreements/{AGREEMENT}/ (تاريخ الاطلاع: 2 دجنبر 2026).",
        ),
        (
            "fr",
            "« Mémorandum d'entente tripartite entre le Ministère de la Transition Numérique et "
            "de la Réforme de l'Administration, Elm et l'Agence de Développement du Digital ». "
            "Observatoire des accords numériques du Maroc, version des données {version}. "
            "Dernière modification le 12 septembre 2025. "
            f"http://testserver/fr/agreements/{AGREEMENT}/ (consulté le 2 décembre 2026).",
        ),
        (
            "en",
            "“Trilateral memorandum of understanding between the Ministry of Digital Transition "
            "and Administrative Reform, Elm and the Digital Development Agency”. Morocco "
            "digital agreements tracker, dataset version {version}. Last changed on "
            f"Sept. 12, 2025. http://testserver/en/agreements/{AGREEMENT}/ (accessed on "
            "Dec. 2, 2026).",
        ),
    ],
)
def test_the_citation_reads_in_the_pages_language(client, on_a_known_day, language, expected):
    body = client.get(f"/{language}/agreements/{AGREEMENT}/").content.decode()
    text = citation_text(citation_block(body))
    assert text == expected.format(version=compute_published_version())
    if language == "ar":
        assert "سبتمبر" not in text and "ديسمبر" not in text  # Moroccan month names only


def bibtex_fields(text: str) -> tuple[str, str, dict[str, str]]:
    """A one-entry BibTeX file: type, key and fields (values without their outer braces)."""
    match = re.fullmatch(r"@(\w+)\{([^,\s]+),\n(.*)\n\}\n", text, re.S)
    assert match, text
    kind, key, body = match.groups()
    fields: dict[str, str] = {}
    position = 0
    while position < len(body):
        field = re.compile(r"\s*(\w+) = \{").match(body, position)
        assert field, body[position:]
        depth, index = 1, field.end()
        while depth:
            char = body[index]
            if char == "\\":
                index += 2
                continue
            depth += {"{": 1, "}": -1}.get(char, 0)
            index += 1
        fields[field.group(1)] = body[field.end() : index - 1]
        position = index + 1 if body[index : index + 1] == "," else index
        position += 1 if body[position : position + 1] == "\n" else 0
    return kind, key, fields


@pytest.mark.parametrize("language", LANGUAGES)
def test_bibtex_file(client, on_a_known_day, language):
    response = client.get(f"/{language}/cite/agreement/{AGREEMENT}.bib")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="morocco-digital-agreements-agreement-{AGREEMENT}-{language}.bib"'
    )
    kind, key, fields = bibtex_fields(response.content.decode())
    assert kind == "misc"
    assert key == f"morocco-digital-agreements-agreement-{AGREEMENT}"
    assert fields["author"] == "{" + SITE_NAMES[language] + "}"  # a body, not a person
    assert fields["url"] == f"http://testserver/{language}/agreements/{AGREEMENT}/"
    assert fields["version"] == compute_published_version()
    assert fields["urldate"] == "2026-12-02"
    assert fields["date"] == "2025-09-12" and fields["year"] == "2025"
    assert fields["language"] == {"ar": "arabic", "fr": "french", "en": "english"}[language]
    assert fields["title"].startswith("{") and fields["title"].endswith("}")


def test_bibtex_escapes_what_tex_would_read_as_commands(client):
    source = SourceDocument.objects.get(slug="daily8-elm-mou-gitex-africa-2025")
    SourceDocument.objects.filter(pk=source.pk).update(title="R&D: 100% {open}_data #1 $5 ~x^2")
    body = client.get("/en/cite/source/daily8-elm-mou-gitex-africa-2025.bib").content.decode()
    _kind, _key, fields = bibtex_fields(body)
    assert fields["title"] == r"{R\&D: 100\% \{open\}\_data \#1 \$5 \~{}x\^{}2}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_csl_json_file(client, on_a_known_day, language):
    response = client.get(f"/{language}/cite/agreement/{AGREEMENT}.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith(f'-{language}.json"')
    items = json.loads(response.content)
    assert isinstance(items, list) and len(items) == 1
    item = items[0]
    assert item["type"] == "dataset"
    assert item["id"] == f"morocco-digital-agreements-agreement-{AGREEMENT}"
    assert item["URL"] == f"http://testserver/{language}/agreements/{AGREEMENT}/"
    assert item["version"] == compute_published_version()
    assert item["container-title"] == SITE_NAMES[language]
    assert item["issued"] == {"date-parts": [[2025, 9, 12]]}
    assert item["accessed"] == {"date-parts": [[2026, 12, 2]]}
    assert item["language"] == language
    page = client.get(f"/{language}/agreements/{AGREEMENT}/").content.decode()
    assert html.escape(item["title"], quote=False) in page.replace("&#x27;", "'")


def test_a_source_title_keeps_its_own_language(client):
    """An Arabic article cited from the French page: its headline is marked as Arabic."""
    body = client.get("/fr/sources/daily8-elm-mou-gitex-africa-2025/").content.decode()
    source = SourceDocument.objects.get(slug="daily8-elm-mou-gitex-africa-2025")
    block = citation_block(body)
    if source.language == "fr":
        assert "<cite>" in block
    else:
        assert f'<cite lang="{source.language}"' in block
        item = json.loads(
            client.get("/fr/cite/source/daily8-elm-mou-gitex-africa-2025.json").content
        )[0]
        assert item["language"] == source.language


@pytest.mark.parametrize("extension", ["bib", "json"])
def test_a_draft_has_no_citation(client, editor_client, extension):
    Agreement.objects.filter(slug=AGREEMENT).update(status="draft")
    assert client.get(f"/fr/agreements/{AGREEMENT}/").status_code == 404
    assert client.get(f"/fr/cite/agreement/{AGREEMENT}.{extension}").status_code == 404
    # An editor previews the page, but a draft is not to be cited: no block, no file.
    preview = editor_client.get(f"/fr/agreements/{AGREEMENT}/")
    assert preview.status_code == 200
    assert 'class="cite-record"' not in preview.content.decode()
    assert editor_client.get(f"/fr/cite/agreement/{AGREEMENT}.{extension}").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/fr/cite/treaty/elm.bib",  # no such kind
        "/fr/cite/partner/no-such-partner.json",
        "/fr/cite/country/zz.json",  # not a country
        "/fr/cite/country/MA.json",  # the page's address is lowercase
        "/fr/cite/country/aq.bib",  # a country with no published partner nor indicator
    ],
)
def test_no_citation_of_what_has_no_page(client, path):
    assert client.get(path).status_code == 404


def test_the_version_is_the_exports(client):
    """The citation names the version the export carries at the same moment."""
    body = client.get(f"/en/agreements/{AGREEMENT}/").content.decode()
    export = client.get("/api/v1/export/", {"lang": "en"})
    assert export["X-Dataset-Version"] in citation_text(citation_block(body))


# -- download links --------------------------------------------------------------------------


def downloads(body: str) -> list[str]:
    section = re.search(r'<ul class="downloads">(.*?)</ul>', body, re.S).group(1)
    return [html.unescape(href) for href in re.findall(r'href="([^"]+)"', section)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_list_downloads_keep_the_language_and_the_filters(client, language):
    response = client.get(f"/{language}/agreements/", {"partner": "elm", "kind": "mou"})
    assert response.status_code == 200
    links = [link for link in downloads(response.content.decode()) if "/api/" in link]
    json_link, csv_link, export_link = links
    for link in (json_link, csv_link):
        query = parse_qs(urlsplit(link).query)
        assert query["lang"] == [language]
        assert query["partner"] == ["elm"] and query["kind"] == ["mou"]
    assert parse_qs(urlsplit(csv_link).query)["format"] == ["csv"]
    assert export_link == f"/api/v1/export/?lang={language}"
    # What the link downloads is in the page's language.
    answer = client.get(json_link).json()
    assert answer["count"] >= 1
    kinds = {"ar": "مذكرة تفاهم", "fr": "Mémorandum d’entente", "en": "Memorandum"}
    assert all(kinds[language].lower() in item["kind_label"].lower() for item in answer["results"])
    csv = b"".join(client.get(csv_link).streaming_content).decode()
    assert "elm" in csv


@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_links_the_export_in_the_pages_language(client, language):
    body = client.get(f"/{language}/").content.decode()
    footer = re.search(r'<footer class="site-footer">.*?</footer>', body, re.S).group(0)
    links = [html.unescape(href) for href in re.findall(r'href="([^"]+)"', footer)]
    assert f"/api/v1/export/?lang={language}" in links
    assert f"/api/v1/agreements/?lang={language}" in links
    document = b"".join(client.get(f"/api/v1/export/?lang={language}").streaming_content).decode()
    assert json.loads(document)["language"] == language


def test_the_long_agreement_page_links_its_citation_from_the_top(client: Client):
    body = client.get("/fr/agreements/ministry-mistral-ai-mou-2025/").content.decode()
    link = body.index('href="#cite-heading"')
    assert link < body.index("<h2") < body.index('id="cite-heading"')
