"""The source form: what a journalist needs to trace a source, the file name optional."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from core.models import SourceDocument
from core.records import DatePrecision
from tests.admin.conftest import form_data, submit

ADD = "admin:core_sourcedocument_add"
ARTICLE = "وقعت الوزارة اليوم الجمعة 12 شتنبر 2025 بالرباط مذكرة تفاهم."


def new_source(client, **changes):
    values = {
        "title_ar": "مذكرة تفاهم بالرباط",
        "title_fr": "Mémorandum signé à Rabat",
        "title_en": "",
        "slug": "",
        "language": "ar",
        "url": "https://bawabapress.com/index.php/article/567",
        "publisher": "Bawaba Press",
        "author": "يوسف وفقير",
        "dateline": "الرباط",
        "credits": "تصوير: عبد الرفيع لقصيصر",
        "published_on_day": "",
        "published_on_month": "9",
        "published_on_year": "2025",
        "text": ARTICLE,
        "file_name": "",
        **changes,
    }
    return submit(client, reverse(ADD), "sourcedocument_form", values, HTTP_ACCEPT_LANGUAGE="fr")


def test_a_source_saves_with_no_file_name(seeded, publisher_client):
    response = new_source(publisher_client)
    assert response.status_code == 302, response.content.decode()[-3000:]
    source = SourceDocument.objects.get(title_fr="Mémorandum signé à Rabat")
    assert source.file_name == ""
    assert source.slug == "memorandum-signe-a-rabat"
    assert (source.published_on, source.published_on_precision) == (
        dt.date(2025, 9, 1),
        DatePrecision.MONTH,
    )
    assert (source.publisher, source.author, source.dateline, source.credits) == (
        "Bawaba Press",
        "يوسف وفقير",
        "الرباط",
        "تصوير: عبد الرفيع لقصيصر",
    )
    assert source.url == "https://bawabapress.com/index.php/article/567"
    # A second pasted source has no file either: the file name is unique only when given.
    response = new_source(publisher_client, title_fr="Autre article", published_on_month="")
    assert response.status_code == 302
    second = SourceDocument.objects.get(title_fr="Autre article")
    assert second.file_name == "" and second.published_on_precision == DatePrecision.YEAR


def test_the_language_is_a_choice_not_a_code_to_type(seeded, publisher_client):
    html = publisher_client.get(reverse(ADD), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<select name="language"' in html
    assert '<option value="fr">الفرنسية</option>' in html or 'value="fr"' in html
    response = new_source(publisher_client, language="arabic")
    assert response.status_code == 200
    assert not SourceDocument.objects.filter(title_fr="Mémorandum signé à Rabat").exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"url": "bawabapress dot com"}, "url"),
        ({"published_on_day": "31", "published_on_month": "9"}, "published_on"),
        ({"published_on_day": "12", "published_on_month": ""}, "published_on"),
    ],
)
def test_bad_metadata_is_refused_on_the_form(seeded, publisher_client, changes, field):
    response = new_source(publisher_client, **changes)
    assert response.status_code == 200
    html = response.content.decode()
    # The error is shown on the field at fault.
    assert f'<ul class="errorlist" id="id_{field}_error">' in html
    assert not SourceDocument.objects.filter(title_fr="Mémorandum signé à Rabat").exists()


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_form_renders_in_arabic_and_french(seeded, publisher_client, language):
    source = SourceDocument.objects.get(slug="mistral-ai-mou-rabat")
    url = reverse("admin:core_sourcedocument_change", args=[source.pk])
    html = publisher_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}"' in html
    data = form_data(html, "sourcedocument_form")
    assert data["url"] == [source.url]
    assert data["publisher"] == ["Bawaba Press"]
    assert data["language"] == ["ar"]
    assert (data["published_on_day"], data["published_on_month"], data["published_on_year"]) == (
        ["12"],
        ["9"],
        ["2025"],
    )
    assert "published_on_precision" not in data
    month = "شتنبر" if language == "ar" else "septembre"
    assert f'<option value="9" selected>{month}</option>' in html


def test_the_list_shows_how_to_trace_each_source(seeded, editor_client):
    url = reverse("admin:core_sourcedocument_changelist")
    html = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Bawaba Press" in html
    assert "12 septembre 2025" in html
    assert 'href="https://bawabapress.com/index.php/article/567"' in html
    assert ">bawabapress.com</a>" in html
    assert ">www.mmsp.gov.ma</a>" in html
