"""The fields a citation backs: ticked from the record kind's fields, labelled in the
editor's language, stored as the codes; a field the kind does not have is refused."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from agreements.models import Agreement
from core.models import Citation
from partners.models import Organization
from tests.admin.conftest import form_data, submit

PREFIX = "core-citation-content_type-object_id"


def change_url(record) -> str:
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])


def checkbox(html: str, index: int | str, code: str) -> str:
    name = f'name="{PREFIX}-{index}-fields" value="{code}"'
    assert name in html, name
    start = html.rindex("<label", 0, html.index(name))
    return html[start : html.index("</label>", start)]


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("ar", {"signed_on": "تاريخ التوقيع", "parties": "الأطراف", "place": "المكان"}),
        ("fr", {"signed_on": "Signé le", "parties": "Parties", "place": "Lieu"}),
    ],
)
def test_checkboxes_for_the_kinds_fields_with_translated_labels(
    seeded, editor_client, language, labels
):
    agreement = Agreement.objects.get(slug="ministry-mistral-ai-mou-2025")
    html = editor_client.get(change_url(agreement), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    for code in Agreement.cited_fields:
        # The empty form "Add another" copies has them too.
        assert 'type="checkbox"' in checkbox(html, "__prefix__", code)
    for code, label in labels.items():
        assert label in checkbox(html, 0, code), (code, checkbox(html, 0, code))
    # No field of another kind, no comma-separated text box.
    assert f'name="{PREFIX}-0-fields" value="acronym"' not in html
    assert f'<input type="text" name="{PREFIX}-0-fields"' not in html


def test_the_stored_codes_are_ticked(seeded, editor_client):
    citation = (
        Citation.objects.filter(content_type=ContentType.objects.get_for_model(Agreement))
        .exclude(fields=[])
        .order_by("pk")
        .first()
    )
    agreement = citation.record
    html = editor_client.get(change_url(agreement)).content.decode()
    data = form_data(html, "agreement_form")
    ids = {key: value for key, value in data.items() if key.endswith("-id") and PREFIX in key}
    row = next(key for key, value in ids.items() if value == [str(citation.pk)])
    ticked = data.get(row.removesuffix("-id") + "-fields", [])
    assert sorted(ticked) == sorted(citation.fields)


def test_ticking_saves_the_codes(seeded, publisher_client):
    agreement = Agreement.objects.get(slug="ministry-mistral-ai-mou-2025")
    citation = agreement.citations.order_by("pk").first()
    html = publisher_client.get(change_url(agreement)).content.decode()
    data = form_data(html, "agreement_form")
    row = next(
        key.removesuffix("-id")
        for key, value in data.items()
        if key.startswith(PREFIX) and key.endswith("-id") and value == [str(citation.pk)]
    )
    response = submit(
        publisher_client,
        change_url(agreement),
        "agreement_form",
        {f"{row}-fields": ["signed_on", "parties", "place"]},
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    citation.refresh_from_db()
    assert citation.fields == ["signed_on", "place", "parties"]  # in the kind's order


def test_a_field_the_kind_does_not_have_is_refused(seeded, publisher_client):
    organization = Organization.objects.filter(citations__isnull=False).order_by("pk").first()
    citation = organization.citations.order_by("pk").first()
    before = list(citation.fields)
    html = publisher_client.get(change_url(organization)).content.decode()
    data = form_data(html, "organization_form")
    row = next(
        key.removesuffix("-id")
        for key, value in data.items()
        if key.startswith(PREFIX) and key.endswith("-id") and value == [str(citation.pk)]
    )
    response = submit(
        publisher_client,
        change_url(organization),
        "organization_form",
        {f"{row}-fields": ["name", "signed_on"]},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 200
    assert "« signed_on » n’est pas un champ de ce type de fiche." in response.content.decode()
    citation.refresh_from_db()
    assert citation.fields == before


def test_the_citation_page_offers_its_records_fields(seeded, editor_client):
    citation = Citation.objects.filter(
        content_type=ContentType.objects.get_for_model(Organization)
    ).first()
    url = reverse("admin:core_citation_change", args=[citation.pk])
    html = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert 'name="fields" value="acronym"' in html
    assert 'name="fields" value="signed_on"' not in html
