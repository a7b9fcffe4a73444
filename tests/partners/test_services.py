"""Writes to organizations and people (`partners.services`), as an editor or a publisher."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from agreements.selectors import agreement_list
from core.services import CitationInput
from partners.models import Organization, Person
from partners.services import save_organization, save_person
from tests import factories
from tests.text import messages

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def evidence() -> list[CitationInput]:
    return [CitationInput(source=factories.source_document(), quote=factories.QUOTE)]


# -- organizations -------------------------------------------------------------------------


def test_a_new_organization_is_a_draft_with_what_was_given():
    organization = save_organization(
        actor=factories.editor(),
        slug="elm",
        name={"ar": "شركة علم", "fr": "Elm"},
        kind="company",
        country="SA",
    )

    stored = Organization.objects.get(slug="elm")
    assert stored.pk == organization.pk
    assert stored.status == "draft"
    assert (stored.name_ar, stored.name_fr, stored.name_en) == ("شركة علم", "Elm", None)
    assert stored.country.code == "SA"
    assert stored.history.count() == 1


def test_a_change_in_one_language_keeps_the_others():
    organization = factories.organization(
        name_ar="وزارة", name_fr="Ministère", name_en="Ministry", status="draft"
    )

    save_organization(
        actor=factories.editor(), organization=organization, name={"fr": "Ministère du Numérique"}
    )

    organization.refresh_from_db()
    assert organization.name_ar == "وزارة"
    assert organization.name_fr == "Ministère du Numérique"
    assert organization.name_en == "Ministry"


def test_an_unknown_language_is_refused_naming_the_field():
    organization = factories.organization(name_ar="وزارة", status="draft")

    with pytest.raises(ValidationError) as error:
        save_organization(actor=factories.editor(), organization=organization, name={"de": "Amt"})

    assert "“de”" in messages(error, "name")


def test_an_editor_may_not_publish():
    organization = factories.cited(factories.organization(status="draft"))

    with pytest.raises(PermissionDenied):
        save_organization(actor=factories.editor(), organization=organization, status="published")

    organization.refresh_from_db()
    assert organization.status == "draft"


def test_an_editor_may_not_create_a_published_organization():
    with pytest.raises(PermissionDenied):
        save_organization(
            actor=factories.editor(),
            slug="straight-to-public",
            name={"ar": "منظمة"},
            kind="company",
            citations=evidence(),
            status="published",
        )

    assert not Organization.objects.filter(slug="straight-to-public").exists()


def test_publishing_needs_a_citation():
    organization = factories.organization(name_en="Elm", status="draft")

    with pytest.raises(ValidationError) as error:
        save_organization(
            actor=factories.publisher(), organization=organization, status="published"
        )

    assert "cites at least one source" in messages(error, "status")
    assert "“Elm”" in messages(error, "status")
    organization.refresh_from_db()
    assert organization.status == "draft"


def test_a_publisher_publishes_with_a_citation_in_the_same_write():
    organization = factories.organization(status="draft")

    save_organization(
        actor=factories.publisher(),
        organization=organization,
        citations=evidence(),
        status="published",
    )

    organization.refresh_from_db()
    assert organization.status == "published"
    assert [c.quote for c in organization.citations.all()] == [factories.QUOTE]


def test_an_organization_a_published_agreement_binds_cannot_be_unpublished():
    agreement = factories.published_agreement(title_en="Cloud memorandum")
    party = agreement.parties.first().organization

    with pytest.raises(ValidationError) as error:
        save_organization(actor=factories.publisher(), organization=party, status="draft")

    assert "“Cloud memorandum”" in messages(error, "status")
    party.refresh_from_db()
    assert party.status == "published"


def test_an_organization_only_draft_agreements_bind_can_be_unpublished():
    draft = factories.published_agreement()
    draft.status = "draft"
    draft.save(update_fields=["status"])
    party = draft.parties.first().organization

    save_organization(actor=factories.publisher(), organization=party, status="draft")

    party.refresh_from_db()
    assert party.status == "draft"


def test_renaming_a_party_makes_its_agreements_findable_by_the_new_name():
    agreement = factories.published_agreement()
    party = agreement.parties.first().organization
    assert not agreement_list(filters={"q": "Zebracorp"}).exists()

    # A publisher: an editor's change to a published party waits for review.
    save_organization(actor=factories.publisher(), organization=party, name={"fr": "Zebracorp"})

    assert [a.slug for a in agreement_list(filters={"q": "zebracorp"})] == [agreement.slug]


def test_an_organization_cannot_be_its_own_parent():
    organization = factories.organization(status="draft")

    with pytest.raises(ValidationError) as error:
        save_organization(actor=factories.editor(), organization=organization, parent=organization)

    assert "parent" in error.value.message_dict
    organization.refresh_from_db()
    assert organization.parent is None


def test_a_loop_of_parents_is_refused_and_nothing_changes():
    top = factories.organization(status="draft")
    middle = factories.organization(status="draft", parent=top)
    bottom = factories.organization(status="draft", parent=middle)

    with pytest.raises(ValidationError) as error:
        save_organization(actor=factories.editor(), organization=top, parent=bottom)

    assert "no loop" in messages(error, "parent")
    top.refresh_from_db()
    assert top.parent is None


# -- people --------------------------------------------------------------------------------


def test_a_new_person_is_a_draft():
    person = save_person(actor=factories.editor(), slug="arthur", name={"ar": "آرثر مينش"})

    assert Person.objects.get(slug="arthur").status == "draft"
    assert person.name_ar == "آرثر مينش"


def test_a_change_to_a_person_keeps_the_other_languages():
    person = factories.person(name_ar="آرثر مينش", name_fr="Arthur Mensch", status="draft")

    save_person(actor=factories.editor(), person=person, name={"en": "Arthur Mensch"})

    person.refresh_from_db()
    assert (person.name_ar, person.name_fr, person.name_en) == (
        "آرثر مينش",
        "Arthur Mensch",
        "Arthur Mensch",
    )


def test_publishing_a_person_needs_the_right_and_a_citation():
    person = factories.person(status="draft")

    with pytest.raises(PermissionDenied):
        save_person(
            actor=factories.editor(), person=person, citations=evidence(), status="published"
        )
    with pytest.raises(ValidationError) as error:
        save_person(actor=factories.publisher(), person=person, status="published")
    assert "cites at least one source" in messages(error, "status")
    person.refresh_from_db()
    assert person.status == "draft"

    save_person(
        actor=factories.publisher(), person=person, citations=evidence(), status="published"
    )
    person.refresh_from_db()
    assert person.status == "published"


def test_a_signatory_of_a_published_agreement_cannot_be_unpublished():
    agreement = factories.published_agreement(title_en="Cloud memorandum")
    signer = agreement.signatories.first().person

    with pytest.raises(ValidationError) as error:
        save_person(actor=factories.publisher(), person=signer, status="draft")

    assert "“Cloud memorandum”" in messages(error, "status")
    signer.refresh_from_db()
    assert signer.status == "published"


def test_renaming_a_signatory_makes_the_agreement_findable_by_the_new_name():
    agreement = factories.published_agreement()
    signer = agreement.signatories.first().person

    # A publisher: an editor's change to a published signatory waits for review.
    save_person(actor=factories.publisher(), person=signer, name={"fr": "Quentin Zylberstein"})

    assert [a.slug for a in agreement_list(filters={"q": "Zylberstein"})] == [agreement.slug]


def test_a_refused_citation_leaves_the_person_and_its_evidence_as_they_were():
    person = factories.cited(factories.person(name_ar="آرثر"))
    source = factories.source_document()

    with pytest.raises(ValidationError) as error:
        save_person(
            actor=factories.publisher(),
            person=person,
            name={"ar": "اسم آخر"},
            citations=[CitationInput(source=source, quote="لا ترد هذه الجملة في المقال")],
        )

    assert "citations[0].quote" in error.value.message_dict
    person.refresh_from_db()
    assert person.name_ar == "آرثر"
    assert person.citations.count() == 1
