"""`core.services`, the write path every kind of record shares, called directly.

`test_write_rules.py` drives the same rules through every route and role on the seed data;
these tests pin the functions themselves on small factory data: who may change a status,
what a stale write says, how a refused citation is named, and that nothing is half-written.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation

from core.models import Citation
from core.services import (
    CitationInput,
    StaleRecord,
    delete_record,
    lock_version,
    save_record,
    set_citations,
    set_status,
    stale_message,
)
from partners.models import Organization
from tests import factories
from tests.text import messages, plain

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def stored(record):
    return type(record).objects.get(pk=record.pk)


# -- save_record ----------------------------------------------------------------------------


def test_a_new_draft_is_saved_with_its_author_and_reason():
    editor = factories.editor()
    organization = Organization(slug="elm", name_ar="علم", kind="company")

    previous = save_record(actor=editor, record=organization, reason="admin form")

    assert previous is None
    latest = organization.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (editor, "admin form")
    assert stored(organization).status == "draft"


def test_an_anonymous_writer_is_recorded_as_nobody():
    organization = Organization(slug="elm", name_ar="علم", kind="company")

    save_record(actor=AnonymousUser(), record=organization, reason="loader")

    assert organization.history.latest().history_user is None


def test_a_new_record_born_published_takes_the_publish_right():
    organization = Organization(slug="elm", name_ar="علم", kind="company", status="published")

    with pytest.raises(PermissionDenied):
        save_record(actor=factories.editor(), record=organization, reason="admin form")

    assert not Organization.objects.filter(slug="elm").exists()


def test_a_status_the_form_changed_takes_the_publish_right():
    organization = factories.organization(status="draft")
    organization.status = "published"
    organization.name_ar = "اسم جديد"

    with pytest.raises(PermissionDenied):
        save_record(actor=factories.editor(), record=organization, reason="admin form")

    assert stored(organization).status == "draft"
    assert stored(organization).name_ar == "منظمة"


def test_save_record_returns_the_stored_status_for_the_rules():
    organization = factories.organization(status="published")
    organization.status = "draft"

    previous = save_record(actor=factories.publisher(), record=organization, reason="form")

    assert previous == "published"
    assert stored(organization).status == "draft"


def test_each_save_counts_a_version():
    organization = factories.organization(status="draft")
    assert organization.version == 1

    save_record(actor=factories.editor(), record=organization, reason="form", expected_version=1)
    save_record(actor=factories.editor(), record=organization, reason="form", expected_version=2)

    assert stored(organization).version == 3


# -- stale writes ---------------------------------------------------------------------------


def test_a_stale_write_is_refused_naming_what_changed_and_who_changed_it():
    organization = factories.organization(name_ar="وكالة", status="draft")
    mine = stored(organization)  # read at version 1
    theirs = stored(organization)
    theirs.name_ar = "وكالة التنمية الرقمية"
    other_editor = factories.editor()
    save_record(actor=other_editor, record=theirs, reason="form", expected_version=1)

    mine.acronym_ar = "ADD"
    with pytest.raises(StaleRecord) as error:
        save_record(actor=factories.editor(), record=mine, reason="form", expected_version=1)

    message = plain(error.value.message_dict["version"][0])
    assert (error.value.expected, error.value.current) == (1, 2)
    assert f"saved by {other_editor.username}" in message
    assert "“وكالة” → “وكالة التنمية الرقمية”" in message
    assert stored(organization).acronym_ar in ("", None)


def test_lock_version_lets_the_current_version_through():
    organization = factories.organization(status="draft")
    in_memory = stored(organization)
    in_memory.version = 7  # a copy that counted wrong

    with transaction.atomic():
        current = lock_version(in_memory, 1)

    assert current == {"status": "draft", "version": 1}
    assert in_memory.version == 1


def test_lock_version_of_a_new_record_is_nothing():
    assert lock_version(Organization(slug="new"), 3) is None


def test_stale_message_shortens_long_values_and_names_the_field():
    source = factories.source_document(title_ar="عنوان")
    read = source.version
    source.title_ar = "ع" * 200
    source.save()

    changed = plain(stale_message(source, read)).partition("Changed since:")[2]

    assert "title" in changed
    assert "“عنوان” → “" + "ع" * 79 + "…”" in changed
    assert "ع" * 80 not in changed


# -- set_status -----------------------------------------------------------------------------


def test_publishing_a_cited_record_counts_a_version_with_its_reason():
    organization = factories.cited(factories.organization(status="draft"))

    set_status(actor=factories.publisher(), record=organization, status="published")

    organization = stored(organization)
    assert (organization.status, organization.version) == ("published", 2)
    assert organization.history.latest().history_change_reason == "status: published"


def test_publishing_an_uncited_record_is_refused_and_undone():
    organization = factories.organization(name_en="Elm", status="draft")

    with pytest.raises(ValidationError) as error:
        set_status(actor=factories.publisher(), record=organization, status="published")

    assert "Organization “Elm”: a published record cites at least one source" in messages(
        error, "status"
    )
    assert stored(organization).status == "draft"
    assert stored(organization).version == 1


def test_an_editor_may_neither_publish_nor_unpublish():
    draft = factories.cited(factories.organization(status="draft"))
    public = factories.cited(factories.organization())

    with pytest.raises(PermissionDenied):
        set_status(actor=factories.editor(), record=draft, status="published")
    with pytest.raises(PermissionDenied):
        set_status(actor=factories.editor(), record=public, status="draft")

    assert (stored(draft).status, stored(public).status) == ("draft", "published")


def test_an_unknown_status_is_refused():
    organization = factories.organization(status="draft")

    with pytest.raises(ValidationError) as error:
        set_status(actor=factories.publisher(), record=organization, status="archived")

    assert "status" in error.value.message_dict


def test_setting_the_status_it_has_writes_nothing():
    organization = factories.organization()

    set_status(actor=factories.editor(), record=organization, status="published")

    assert stored(organization).version == 1
    assert organization.history.count() == 1


def test_unpublishing_what_a_published_agreement_needs_is_refused_naming_it():
    agreement = factories.published_agreement(title_en="Cloud memorandum")
    party = agreement.parties.first().organization

    with pytest.raises(ValidationError) as error:
        set_status(actor=factories.publisher(), record=party, status="draft")

    assert "“Cloud memorandum”" in messages(error, "status")
    assert stored(party).status == "published"


# -- delete_record --------------------------------------------------------------------------


def test_an_editor_deletes_a_draft_but_not_a_published_record():
    draft = factories.organization(status="draft")
    public = factories.organization()

    delete_record(actor=factories.editor(), record=draft)
    with pytest.raises(PermissionDenied):
        delete_record(actor=factories.editor(), record=public)

    assert not Organization.objects.filter(pk=draft.pk).exists()
    assert Organization.objects.filter(pk=public.pk).exists()


def test_deleting_what_a_published_agreement_needs_is_refused_naming_it():
    agreement = factories.published_agreement(title_en="Cloud memorandum")
    party = agreement.parties.first().organization

    with pytest.raises(ValidationError) as error:
        delete_record(actor=factories.publisher(), record=party)

    assert "“Cloud memorandum”" in messages(error, "status")
    assert Organization.objects.filter(pk=party.pk).exists()


def test_the_last_citation_of_a_published_record_cannot_be_deleted():
    organization = factories.organization(name_en="Elm")
    only = factories.citation(organization)

    with pytest.raises(ValidationError) as error:
        delete_record(actor=factories.publisher(), record=only)

    assert "only evidence of the published record “Elm”" in messages(error, "status")
    assert Citation.objects.filter(pk=only.pk).exists()

    second = factories.citation(organization)
    # A publisher: an editor's deletion waits for review (tests/core/test_revisions.py).
    delete_record(actor=factories.publisher(), record=only)
    assert list(organization.citations.all()) == [second]


# -- set_citations --------------------------------------------------------------------------


def test_citations_are_replaced_whole():
    organization = factories.organization(status="draft")
    source = factories.source_document()
    factories.citation(organization, source=source)

    set_citations(
        actor=factories.editor(),
        record=organization,
        citations=[
            CitationInput(source=source, quote="وتمتد المذكرة لمدة عامين", fields=("name",)),
            CitationInput(source=source, quote=factories.QUOTE),
        ],
    )

    assert [(c.quote, c.fields) for c in organization.citations.order_by("id")] == [
        ("وتمتد المذكرة لمدة عامين", ["name"]),
        (factories.QUOTE, []),
    ]


def test_a_refused_quote_is_named_by_its_place_and_nothing_changes():
    organization = factories.organization(status="draft")
    source = factories.source_document(slug="article")
    kept = factories.citation(organization, source=source)

    with pytest.raises(ValidationError) as error:
        set_citations(
            actor=factories.editor(),
            record=organization,
            citations=[
                CitationInput(source=source, quote=factories.QUOTE),
                CitationInput(source=source, quote="  "),
                CitationInput(source=source, quote="جملة لا ترد في المقال"),
            ],
        )

    assert set(error.value.message_dict) == {"citations[1].quote", "citations[2].quote"}
    assert "empty" in messages(error, "citations[1].quote")
    assert "“article”" in messages(error, "citations[2].quote")
    assert list(organization.citations.all()) == [kept]


def test_a_citation_backing_an_unknown_field_is_named_by_its_place():
    organization = factories.organization(status="draft")
    source = factories.source_document()
    kept = factories.citation(organization, source=source)

    with pytest.raises(ValidationError) as error, transaction.atomic():
        set_citations(
            actor=factories.editor(),
            record=organization,
            citations=[
                CitationInput(source=source, quote=factories.QUOTE, fields=("name",)),
                CitationInput(source=source, quote=factories.QUOTE, fields=("budget",)),
            ],
        )

    assert list(error.value.message_dict) == ["citations[1].fields"]
    assert "budget" in messages(error, "citations[1].fields")
    assert list(organization.citations.all()) == [kept]
