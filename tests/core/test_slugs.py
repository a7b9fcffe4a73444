"""Slugs made when the editor leaves them empty, on the write path every writer shares."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from agreements.models import Theme
from agreements.services import save_source
from core.models import SourceDocument
from core.slugs import SLUG, slug_base
from partners.models import Organization, Person, Position
from partners.services import save_organization
from tests import factories
from tests.admin.conftest import form_data, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return factories.publisher()


def new_organization(actor, **names):
    return save_organization(actor=actor, name=names, kind="company")


def test_a_latin_title_gives_the_slug(actor):
    organization = new_organization(actor, ar="شركة عِلم", fr="Société Élm", en="Elm Company")
    assert organization.slug == "elm-company"


def test_french_when_there_is_no_english(actor):
    organization = new_organization(actor, ar="شركة عِلم", fr="Société Élm d’Arabie")
    assert organization.slug == "societe-elm-darabie"


def test_an_arabic_only_title_is_transliterated(actor):
    organization = new_organization(actor, ar="شركة عِلم")
    assert organization.slug == "shrkh-ilm"
    assert SLUG.match(organization.slug)


def test_collisions_are_numbered(actor):
    slugs = [new_organization(actor, ar="عِلم", en="Elm").slug for _ in range(3)]
    assert slugs == ["elm", "elm-2", "elm-3"]


def test_a_typed_slug_is_kept(actor):
    organization = save_organization(
        actor=actor, slug="elm-sa", name={"ar": "عِلم", "en": "Elm"}, kind="company"
    )
    assert organization.slug == "elm-sa"


def test_an_update_keeps_the_slug(actor):
    organization = new_organization(actor, ar="عِلم", en="Elm")
    organization = save_organization(actor=actor, organization=organization, name={"en": "Elm Co"})
    assert organization.slug == "elm"


def test_the_slug_fits_the_field_cut_at_a_word(actor):
    title = " ".join(["Memorandum of understanding on digital cooperation"] * 5)
    source = save_source(actor=actor, title={"ar": "مذكرة", "en": title}, text="نص")
    limit = SourceDocument._meta.get_field("slug").max_length
    assert len(source.slug) <= limit
    assert title.lower().replace(" ", "-").startswith(source.slug)
    assert not source.slug.endswith("-")
    again = save_source(actor=actor, title={"ar": "مذكرة", "en": title}, text="نص")
    assert len(again.slug) <= limit and again.slug.endswith("-2")


def test_slug_base_makes_lowercase_ascii_with_hyphens():
    assert slug_base("Mistral AI — Mémorandum   d'entente_2025", 120) == (
        "mistral-ai-memorandum-dentente-2025"
    )
    assert slug_base("مذكرة تفاهم", 120) == "mdhkrh-tfhm"
    assert slug_base("a" * 50 + " bbb", 52) == "a" * 50


@pytest.mark.parametrize("typed", ["عِلم", "Elm Company", "elm_company", "Elm"])
def test_a_typed_slug_with_other_letters_is_refused_saying_latin(actor, typed):
    with translation.override("ar"), pytest.raises(ValidationError) as refused:
        save_organization(actor=actor, slug=typed, name={"ar": "عِلم"}, kind="company")
    message = " ".join(refused.value.message_dict["slug"])
    assert "لاتينية" in message
    assert not Organization.objects.filter(name_ar="عِلم").exists()


def test_djangos_slug_message_does_not_say_letters_in_arabic():
    from django.core.validators import validate_slug

    with translation.override("ar"), pytest.raises(ValidationError) as refused:
        validate_slug("عِلم")
    assert "لاتينية" in refused.value.messages[0]


def test_a_theme_without_latin_name_gets_a_transliterated_slug_in_the_admin(client):
    client.force_login(factories.publisher())
    url = reverse("admin:agreements_theme_add")
    response = submit(
        client,
        url,
        "theme_form",
        {"slug": "", "name_ar": "الأمن السيبراني", "name_fr": "", "name_en": ""},
        HTTP_ACCEPT_LANGUAGE="ar",
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    theme = Theme.objects.get(name_ar="الأمن السيبراني")
    assert theme.slug == slug_base("الأمن السيبراني", 80)
    assert SLUG.match(theme.slug)


def test_the_admin_add_form_offers_an_optional_slug_in_arabic(client):
    client.force_login(factories.publisher())
    html = client.get(
        reverse("admin:partners_organization_add"), HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    slug_input = html[html.index('name="slug"') - 200 : html.index('name="slug"') + 200]
    assert "required" not in slug_input
    assert "اتركه فارغًا" in html


def test_a_position_added_on_a_persons_page_gets_a_slug_from_person_and_title(seeded, client):

    client.force_login(factories.publisher())
    person = Person.objects.get(slug="amal-el-fallah-seghrouchni")
    organization = Organization.objects.order_by("pk").first()
    url = reverse("admin:partners_person_change", args=[person.pk])
    page = client.get(url).content.decode()
    data = form_data(page, "person_form")
    total = int(data["positions-TOTAL_FORMS"][0])
    for number in (total,):
        data.update(
            {
                f"positions-{number}-person": [str(person.pk)],
                f"positions-{number}-slug": [""],
                f"positions-{number}-title_ar": ["مستشارة"],
                f"positions-{number}-title_fr": [""],
                f"positions-{number}-title_en": ["Adviser"],
                f"positions-{number}-organization": [str(organization.pk)],
            }
        )
    data["positions-TOTAL_FORMS"] = [str(total + 1)]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    position = Position.objects.get(person=person, title_en="Adviser")
    assert position.slug == "amal-el-fallah-seghrouchni-adviser"
