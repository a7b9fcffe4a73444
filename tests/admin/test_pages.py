"""Every admin page an editor uses renders, in Arabic and in English, in bounded queries."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from agreements.models import Agreement, AgreementParty
from partners.models import Organization

CURATED_APPS = {"core", "agreements", "partners", "events"}
MODELS = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    # The review queue has no add, change or history page: tests/admin/test_review.py.
    if model._meta.app_label in CURATED_APPS and model._meta.model_name != "revision"
)


def test_every_curated_model_has_an_admin():
    assert MODELS == [
        ("agreements", "agreement"),
        ("agreements", "initiative"),
        ("agreements", "theme"),
        ("core", "citation"),
        ("core", "sourcedocument"),
        ("events", "event"),
        ("partners", "organization"),
        ("partners", "person"),
        ("partners", "position"),
    ]


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize(("app_label", "model_name"), MODELS)
def test_changelist_add_change_and_history_render(
    seeded, editor_client, language, app_label, model_name
):
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    base = f"admin:{app_label}_{model_name}"
    changelist = editor_client.get(reverse(f"{base}_changelist"), **headers)
    assert changelist.status_code == 200
    assert changelist.headers["Content-Language"] == language
    assert editor_client.get(reverse(f"{base}_add"), **headers).status_code == 200
    model = next(m for m in admin.site._registry if m._meta.model_name == model_name)
    obj = model.objects.order_by("pk").first()
    change = editor_client.get(reverse(f"{base}_change", args=[obj.pk]), **headers)
    assert change.status_code == 200
    history = editor_client.get(reverse(f"{base}_history", args=[obj.pk]), **headers)
    assert history.status_code == 200


def test_arabic_admin_is_right_to_left_and_inputs_carry_their_direction(seeded, editor_client):
    agreement = Agreement.objects.get(slug="ministry-mistral-ai-mou-2025")
    url = reverse("admin:agreements_agreement_change", args=[agreement.pk])
    html = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert 'name="title_ar"' in html
    assert 'dir="rtl" lang="ar"' in html or 'lang="ar" dir="rtl"' in html
    french = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<html lang="fr" dir="ltr"' in french
    # The tabbed translation widgets load jQuery UI from our own static files, not a CDN.
    assert "vendor/jquery-ui/jquery-ui.min.js" in french
    assert "googleapis" not in french


def test_agreement_changelist_shows_dates_at_their_precision(seeded, editor_client):
    html = editor_client.get(
        reverse("admin:agreements_agreement_changelist"), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "June 2023" in html
    assert "June 1, 2023" not in html
    assert "Mistral AI" in html  # parties column


def test_agreement_search_covers_party_names_in_every_language(seeded, editor_client):
    url = reverse("admin:agreements_agreement_changelist")
    expected = {
        "Onepoint": {"casablanca-settat-data-ai-centre-protocol"},
        "عِلم": {
            "elm-digital-development-agency-mou-2023",
            "ministry-elm-digital-development-agency-mou-2025",
        },
        # Every word, as the public search reads them: the protocol names an agency, a
        # development and digital too.
        "Agence de Développement du Digital": {
            "elm-digital-development-agency-mou-2023",
            "ministry-elm-digital-development-agency-mou-2025",
            "casablanca-settat-data-ai-centre-protocol",
        },
        "ميسترال": {"ministry-mistral-ai-mou-2025"},  # another spelling (alias)
        "علم": {  # typed without the kasra of عِلم
            "elm-digital-development-agency-mou-2023",
            "ministry-elm-digital-development-agency-mou-2025",
        },
        "PNUD": {
            "ministry-undp-d4sd-declaration-of-intent",
            "ministry-undp-d4sd-establishment-2025",
        },
    }
    for term, slugs in expected.items():
        changelist = editor_client.get(url, {"q": term}).context["cl"]
        assert {a.slug for a in changelist.result_list} == slugs, term


def test_each_organization_page_lists_its_agreements(seeded, editor_client):
    elm = Organization.objects.get(slug="elm")
    html = editor_client.get(
        reverse("admin:partners_organization_change", args=[elm.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    for agreement in Agreement.objects.filter(parties__organization=elm):
        assert reverse("admin:agreements_agreement_change", args=[agreement.pk]) in html


def test_filters_do_not_fail_on_bad_values(seeded, editor_client):
    url = reverse("admin:agreements_agreement_changelist")
    for params in ({"year": "20x5"}, {"country": "ZZ"}, {"year": "2025"}, {"country": "FR"}):
        assert editor_client.get(url, params).status_code == 200


def add_rows(model_name: str, count: int = 15) -> None:
    """More rows of one kind, each with the relations its changelist shows."""
    from agreements.models import Citation, Initiative, SourceDocument, Theme
    from events.models import Event
    from partners.models import Person, Position

    ministry = Organization.objects.get(slug="ministry-digital-transition")
    source = SourceDocument.objects.order_by("pk").first()
    for i in range(count):
        if model_name == "agreement":
            org = Organization.objects.create(
                slug=f"extra-{i}", name_ar=f"منظمة {i}", kind="company", country="FR"
            )
            agreement = Agreement.objects.create(
                slug=f"extra-{i}", title_ar=f"اتفاق {i}", kind="mou", status="published"
            )
            AgreementParty.objects.bulk_create(
                [
                    AgreementParty(agreement=agreement, organization=org),
                    AgreementParty(agreement=agreement, organization=ministry),
                ]
            )
        elif model_name == "organization":
            Organization.objects.create(
                slug=f"extra-{i}", name_ar=f"منظمة {i}", kind="company", parent=ministry
            )
        elif model_name == "person":
            Person.objects.create(slug=f"extra-{i}", name_ar=f"شخص {i}")
        elif model_name == "position":
            person = Person.objects.create(slug=f"extra-{i}", name_ar=f"شخص {i}")
            Position.objects.create(
                slug=f"extra-{i}", person=person, organization=ministry, title_ar="مدير"
            )
        elif model_name == "event":
            Event.objects.create(
                slug=f"extra-{i}",
                name_ar=f"حدث {i}",
                kind="forum",
                parent=Event.objects.order_by("pk").first(),
            )
        elif model_name == "initiative":
            Initiative.objects.create(
                slug=f"extra-{i}",
                name_ar=f"مبادرة {i}",
                kind="programme",
                lead=ministry,
                parent=Initiative.objects.order_by("pk").first(),
            )
        elif model_name == "citation":
            Citation.objects.create(record=ministry, source=source, quote=source.text[i : i + 20])
        elif model_name == "sourcedocument":
            SourceDocument.objects.create(
                slug=f"extra-{i}", title_ar="مقال", file_name=f"extra-{i}.txt", text="نص"
            )
        elif model_name == "theme":
            Theme.objects.create(slug=f"extra-{i}", name_ar=f"موضوع {i}")


@pytest.mark.parametrize(("app_label", "model_name"), MODELS)
def test_changelist_query_count_does_not_grow_with_rows(
    seeded, editor_client, django_assert_num_queries, app_label, model_name
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    editor_client.get(url)  # warm caches (content types, session)
    with CaptureQueriesContext(connection) as before:
        editor_client.get(url)
    add_rows(model_name)
    with django_assert_num_queries(len(before.captured_queries)):
        response = editor_client.get(url)
    assert response.context["cl"].result_count >= 15
