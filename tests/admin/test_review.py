"""Review in the admin: an editor's change to a published record waits for a publisher.

Through the change form (fields and inlines), the history's revert and the publish action,
as editors and publishers click them; the public page and the API are read back to see
what the public sees.
"""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from agreements.models import Agreement
from core.models import Revision, RevisionStatus
from partners.models import Position
from tests import factories
from tests.admin.conftest import form_data, make_user

MISTRAL = "ministry-mistral-ai-mou-2025"
NEW_TITLE = "Mémorandum revu par l'éditrice"
NEWCOMER = "mohamed-drissi-melyani"  # a published person, not yet part of this agreement


def client_for(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def editor(seeded):
    return client_for(make_user("editor", "Editors"))


@pytest.fixture
def publisher(seeded):
    return client_for(make_user("publisher", "Editors", "Publishers"))


def change_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def revision_url(revision: Revision) -> str:
    return reverse("admin:core_revision_change", args=[revision.pk])


def text_of(response) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


def public_title(slug: str) -> str:
    page = Client().get(f"/fr/agreements/{slug}/")
    assert page.status_code == 200
    return html.unescape(page.content.decode())


def api_record(slug: str) -> dict:
    return Client().get(f"/api/v1/agreements/{slug}/?lang=fr").json()


def add_signatory(data: dict, person_pk: int, organization_pk: int, title: str) -> None:
    prefix = "signatories"
    total = int(data[f"{prefix}-TOTAL_FORMS"][0])
    data[f"{prefix}-TOTAL_FORMS"] = [str(total + 1)]
    data[f"{prefix}-{total}-person"] = [str(person_pk)]
    data[f"{prefix}-{total}-organization"] = [str(organization_pk)]
    data[f"{prefix}-{total}-title_fr"] = [title]


def propose_title_and_signatory(editor: Client) -> tuple[Agreement, Revision]:
    """The editor opens the published agreement, changes its French title, adds a
    signatory in the inline, writes a note, and saves."""
    agreement = Agreement.objects.get(slug=MISTRAL)
    url = change_url(agreement)
    page = editor.get(url)
    assert 'name="_revision_note"' in page.content.decode(), "no warning that it will wait"
    data = form_data(page.content.decode(), "agreement_form")
    data["title_fr"] = [NEW_TITLE]
    newcomer = factories.Person.objects.get(slug=NEWCOMER)
    party = agreement.parties.get(organization__slug="mistral-ai").organization
    add_signatory(data, newcomer.pk, party.pk, "Conseiller")
    data["_revision_note"] = ["Titre tel que le communiqué l'écrit"]
    response = editor.post(url, data)
    assert response.status_code == 302, text_of(response)[:2000]
    assert response["Location"] == url
    revision = Revision.objects.get()
    return agreement, revision


def test_an_editors_change_waits_and_the_public_keeps_the_published_version(editor):
    agreement, revision = propose_title_and_signatory(editor)

    stored = Agreement.objects.get(pk=agreement.pk)
    assert stored.title_fr == agreement.title_fr != NEW_TITLE
    assert not stored.signatories.filter(person__slug=NEWCOMER).exists()
    assert stored.version == agreement.version
    assert revision.status == RevisionStatus.PENDING
    assert revision.note == "Titre tel que le communiqué l'écrit"
    assert NEW_TITLE not in public_title(MISTRAL)
    api = api_record(MISTRAL)
    assert api["title"] == agreement.title_fr
    assert NEWCOMER not in str(api["signatories"])

    told = text_of(editor.get(change_url(agreement)))
    assert "waits for review by a publisher" in told
    assert "You proposed 1 change, waiting for review" in told
    own = text_of(editor.get(revision_url(revision)))
    assert "revu par" in own and "éditrice" in own and "Conseiller" in own
    assert "Approve" not in own, "an editor may not decide"
    assert editor.post(revision_url(revision), {"_decision": "approve"}).status_code == 403


def test_a_publisher_sees_the_change_field_by_field_and_approves_it(editor, publisher):
    agreement, revision = propose_title_and_signatory(editor)

    record_page = text_of(publisher.get(change_url(agreement)))
    assert "1 proposed change waiting for review" in record_page
    listing = text_of(publisher.get(reverse("admin:core_revision_changelist")))
    assert "Waiting for review:" in listing and "Agreements: 1" in listing
    review = publisher.get(revision_url(revision)).content.decode()
    changes = review.split('id="revision-changes"')[1].split('id="revision-decision"')[0]
    fields = set(re.findall(r'class="field-diff field-diff-(\w+)"', changes))
    lists = dict(re.findall(r'<tr data-field="([^"]+)">(.*?)</tr>', changes, re.S))
    assert (fields, set(lists)) == ({"title_fr"}, {"signatories"}), "unchanged fields shown"
    # The title word by word (core.history): the words kept, those replaced marked.
    title = re.search(r'field-diff-title_fr"[^>]*>(.*?)</dd>', changes, re.S).group(1)
    assert re.search(r"<ins>[^<]*revu", title) and re.search(r"<del>[^<]*entente", title)
    before, after = lists["signatories"].split("</td>")[:2]
    assert "Conseiller" not in before
    assert re.search(r"<ins>[^<]*Conseiller", after), "the added signatory is not marked"
    assert after.count("<ins>") == 1, "signatories kept are shown as added"
    assert "editor" in text_of(publisher.get(revision_url(revision)))

    response = publisher.post(revision_url(revision), {"_decision": "approve"})
    assert response.status_code == 302
    assert response["Location"] == change_url(agreement)

    stored = Agreement.objects.get(pk=agreement.pk)
    assert stored.title_fr == NEW_TITLE
    assert stored.signatories.filter(person__slug=NEWCOMER, title_fr="Conseiller").exists()
    assert stored.history.first().history_user.username == "publisher"
    assert html.escape(NEW_TITLE) in public_title(MISTRAL) or NEW_TITLE in public_title(MISTRAL)
    assert api_record(MISTRAL)["title"] == NEW_TITLE
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.APPROVED


def test_a_rejection_needs_a_reason_keeps_it_and_changes_nothing(editor, publisher):
    agreement, revision = propose_title_and_signatory(editor)

    publisher.post(revision_url(revision), {"_decision": "reject", "reason": " "})
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.PENDING, "rejected without a reason"

    publisher.post(revision_url(revision), {"_decision": "reject", "reason": "Pas dans la source"})
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.REJECTED
    assert revision.reason == "Pas dans la source"
    assert Agreement.objects.get(pk=agreement.pk).title_fr == agreement.title_fr
    assert "Pas dans la source" in text_of(editor.get(revision_url(revision)))


def test_a_stale_revision_is_refused_on_approve_then_rebased_knowingly(editor, publisher):
    agreement, revision = propose_title_and_signatory(editor)
    page = publisher.get(change_url(agreement))
    data = form_data(page.content.decode(), "agreement_form")
    data["summary_fr"] = ["Résumé corrigé par la publicatrice"]
    assert publisher.post(change_url(agreement), data).status_code == 302

    refused = publisher.post(revision_url(revision), {"_decision": "approve"}, follow=True)
    assert "changed since this revision was proposed" in text_of(refused)
    assert Agreement.objects.get(pk=agreement.pk).title_fr == agreement.title_fr
    review = publisher.get(revision_url(revision)).content.decode()
    assert 'id="revision-stale"' in review
    assert "field-diff-summary_fr" in review.split('id="revision-changed-since"')[1]

    publisher.post(revision_url(revision), {"_decision": "approve", "_rebase": "1"})
    stored = Agreement.objects.get(pk=agreement.pk)
    assert stored.title_fr == NEW_TITLE
    assert stored.summary_fr == "Résumé corrigé par la publicatrice"


def test_a_revert_by_an_editor_on_a_published_record_becomes_a_revision(editor, publisher):
    agreement = Agreement.objects.get(slug=MISTRAL)
    old_title = agreement.title_fr
    page = publisher.get(change_url(agreement))
    data = form_data(page.content.decode(), "agreement_form")
    data["title_fr"] = ["Titre du publicateur"]
    assert publisher.post(change_url(agreement), data).status_code == 302
    older = agreement.history.filter(title_fr=old_title).order_by("-history_id").first()
    url = reverse(
        "admin:agreements_agreement_simple_history", args=[agreement.pk, older.history_id]
    )
    form = form_data(editor.get(url).content.decode(), "historicalagreement_form")

    response = editor.post(url, form)

    assert response.status_code == 302
    assert Agreement.objects.get(pk=agreement.pk).title_fr == "Titre du publicateur"
    revision = Revision.objects.get()
    assert revision.status == RevisionStatus.PENDING
    assert revision.proposed["fields"]["title_fr"] == old_title


def test_a_draft_is_edited_directly(editor):
    draft = factories.published_agreement(status="draft", title_fr="Brouillon")
    page = editor.get(change_url(draft))
    assert 'name="_revision_note"' not in page.content.decode()
    data = form_data(page.content.decode(), "agreement_form")
    data["title_fr"] = ["Brouillon corrigé"]
    assert editor.post(change_url(draft), data).status_code == 302
    assert Agreement.objects.get(pk=draft.pk).title_fr == "Brouillon corrigé"
    assert not Revision.objects.exists()


def test_publishing_names_the_linked_records_still_in_draft(publisher):
    event = factories.event(slug="draft-summit", status="draft", name_en="Sommet brouillon")
    agreement = factories.published_agreement(status="draft", event=event)
    onlooker = factories.person(slug="draft-onlooker", status="draft", name_en="Témoin")
    agreement.attendees.create(person=onlooker, organization=agreement.parties.first().organization)
    changelist = reverse("admin:agreements_agreement_changelist")

    response = publisher.post(
        changelist,
        {"action": "publish_selected", "_selected_action": [agreement.pk], "post": "yes"},
        follow=True,
    )

    said = text_of(response)
    assert "1 record published." in said
    assert "still drafts" in said
    assert "Sommet brouillon" in said and "Témoin" in said
    page = response.content.decode()
    assert change_url(event) in page and change_url(onlooker) in page
    # And the change form says it too, beside the status.
    form_page = publisher.get(change_url(agreement)).content.decode()
    assert 'id="linked-drafts"' in form_page and change_url(event) in form_page


def test_the_review_pages_take_a_fixed_number_of_queries(
    editor, publisher, django_assert_num_queries
):
    _agreement, revision = propose_title_and_signatory(editor)
    listing = reverse("admin:core_revision_changelist")
    with django_assert_num_queries(12):
        assert publisher.get(listing).status_code == 200
    with django_assert_num_queries(14):
        assert publisher.get(revision_url(revision)).status_code == 200
    # More revisions, more kinds: no query per row.
    person = factories.Person.objects.get(slug=NEWCOMER)
    for label in ("second", "third"):
        Revision.objects.create(
            content_type=ContentType.objects.get_for_model(factories.Person),
            object_id=person.pk, record_label=label, base_version=1, base={}, proposed={},
            proposed_by=revision.proposed_by,
        )  # fmt: skip
    with django_assert_num_queries(12):
        assert publisher.get(listing).status_code == 200


def test_a_citation_changed_on_its_own_page_is_a_revision_of_its_record(editor):
    agreement = Agreement.objects.get(slug=MISTRAL)
    citation = agreement.citations.order_by("pk").first()
    url = change_url(citation)
    data = form_data(editor.get(url).content.decode(), "citation_form")
    shorter = citation.quote[: len(citation.quote) // 2].strip()
    data["quote"] = [shorter]

    response = editor.post(url, data)

    assert response.status_code == 302
    assert response["Location"] == change_url(agreement)
    citation.refresh_from_db()
    assert citation.quote != shorter
    revision = Revision.objects.get()
    assert revision.object_id == agreement.pk
    assert shorter in [c["quote"] for c in revision.proposed["citations"]]


def test_the_review_speaks_arabic_and_french(editor, publisher):
    _agreement, revision = propose_title_and_signatory(editor)
    arabic = text_of(publisher.get(revision_url(revision), HTTP_ACCEPT_LANGUAGE="ar"))
    assert "ما تغيّره هذه المراجعة" in arabic and "الموافقة والتطبيق" in arabic
    french = text_of(publisher.get(revision_url(revision), HTTP_ACCEPT_LANGUAGE="fr"))
    assert "Ce que change cette révision" in french and "Approuver et appliquer" in french
    record_page = text_of(publisher.get(change_url(_agreement), HTTP_ACCEPT_LANGUAGE="ar"))
    assert "تغيير مقترح واحد في انتظار المراجعة" in record_page


def test_a_position_changed_on_its_own_page_waits_and_is_applied_in_place(editor, publisher):
    position = Position.objects.select_related("person").get(
        slug="arthur-mensch-mistral-ai-cofounder-ceo"
    )
    assert position.person.status == "published"
    url = change_url(position)
    data = form_data(editor.get(url).content.decode(), "position_form")
    data["title_fr"] = ["Cofondateur"]
    assert editor.post(url, data).status_code == 302
    assert Position.objects.get(pk=position.pk).title_fr != "Cofondateur"
    revision = Revision.objects.get()
    assert revision.object_id == position.person_id
    listed = publisher.get(revision_url(revision)).content.decode()
    assert "Cofondateur" in listed.split('id="revision-changes"')[1]

    publisher.post(revision_url(revision), {"_decision": "approve"})

    # The same row, changed: the signing acts that name this position still do.
    assert Position.objects.get(pk=position.pk).title_fr == "Cofondateur"
    assert position.signatures.exists()
