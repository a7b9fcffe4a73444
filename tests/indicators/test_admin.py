"""Editors curate indicators in the admin, in Arabic and French: the three-part date
input, the rules of the services (no publishing without a citation), the roles."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from indicators.models import Indicator

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]


def staff(username: str, group: str) -> User:
    user = User.objects.create_user(username, password="a-long-editor-password", is_staff=True)
    user.groups.set(Group.objects.filter(name=group))
    return user


def test_the_roles_take_the_indicator_permissions():
    editor, publisher = staff("amina", "Editors"), staff("karim", "Publishers")
    assert editor.has_perm("indicators.change_indicator")
    assert not editor.has_perm("indicators.publish_indicator")
    assert publisher.has_perm("indicators.publish_indicator")


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("ar", ["المؤشرات", "التاريخ", "السنة", "الشهر", "المرتبة", "شمال أفريقيا", "أكثر من"]),
        ("fr", ["Indicateurs", "Année", "Mois", "Rang", "Afrique du Nord", "Plus de"]),
    ],
)
def test_the_change_form_reads_in_arabic_and_french_with_the_date_in_three_parts(
    client, language, labels
):
    client.force_login(staff("amina", "Editors"))
    indicator = Indicator.objects.get(slug="startupblink-2025-morocco-growth")
    url = reverse("admin:indicators_indicator_change", args=[indicator.pk])
    html = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert 'name="as_of_year" value="2025"' in html or 'name="as_of_year"' in html
    assert 'name="as_of_precision"' not in html
    assert [label for label in labels if label not in html] == []
    assert client.get(reverse("admin:indicators_indicator_changelist"),
                      HTTP_ACCEPT_LANGUAGE=language).status_code == 200  # fmt: skip


def test_a_publisher_cannot_publish_an_indicator_without_a_citation(client):
    client.force_login(staff("karim", "Publishers"))
    response = client.post(
        reverse("admin:indicators_indicator_add"),
        {
            "measure_ar": "مؤشر تجريبي", "country": "MA", "kind": "rank", "scope": "world",
            "comparison": "exact", "value": "5", "as_of_year": "2025", "status": "published",
            "core-citation-content_type-object_id-TOTAL_FORMS": "0",
            "core-citation-content_type-object_id-INITIAL_FORMS": "0",
        },
        HTTP_ACCEPT_LANGUAGE="fr",
    )  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    assert "citer au moins une source" in page
    assert not Indicator.objects.filter(measure_ar="مؤشر تجريبي").exists()


def test_an_editor_adds_a_draft_with_its_date_to_the_month_and_a_slug_made_for_it(client):
    client.force_login(staff("amina", "Editors"))
    response = client.post(
        reverse("admin:indicators_indicator_add"),
        {
            "measure_ar": "مؤشر تجريبي", "measure_en": "Test index 2025", "country": "MA",
            "kind": "score", "scope": "africa", "comparison": "exact", "value": "0.5",
            "as_of_month": "9", "as_of_year": "2025",
            "core-citation-content_type-object_id-TOTAL_FORMS": "0",
            "core-citation-content_type-object_id-INITIAL_FORMS": "0",
        },
        HTTP_ACCEPT_LANGUAGE="ar",
    )  # fmt: skip
    assert response.status_code == 302
    indicator = Indicator.objects.get(measure_en="Test index 2025")
    assert indicator.slug == "test-index-2025"
    assert indicator.status == "draft"
    assert indicator.as_of_partial.isoformat() == "2025-09"
