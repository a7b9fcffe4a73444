"""Review, called through the services: an editor's change to a published record waits.

The rule is `core.services.hold_for_review`, at the end of every write; `core.revisions`
stores the held change, and applies or rejects it. Each test reads the database back.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from agreements import services as agreement_services
from agreements.models import Agreement
from agreements.services import SigningAct
from core import revisions, services
from core.dataset import dataset_version
from core.models import Citation, Revision, RevisionStatus
from core.snapshots import ProposedChange
from partners import services as partner_services
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def signers(agreement: Agreement) -> list[tuple[str, str, str]]:
    return sorted(
        agreement.signatories.values_list("person__slug", "organization__slug", "title_fr")
    )


def acts(agreement: Agreement) -> list[SigningAct]:
    return [
        SigningAct(person=s.person, organization=s.organization, title={"fr": s.title_fr})
        for s in agreement.signatories.select_related("person", "organization")
    ]


def propose_change(editor, agreement, **changes) -> Revision:
    """What every route does: the write, held; then the held change stored."""
    with pytest.raises(ProposedChange) as held:
        agreement_services.update_agreement(actor=editor, agreement=agreement, **changes)
    revision = revisions.propose(held.value, note="Le titre exact")
    assert revision is not None
    return revision


@pytest.fixture
def agreement():
    return factories.published_agreement(title_fr="Ancien titre")


@pytest.fixture
def newcomer(agreement):
    """A published person who is to sign for the first party."""
    return factories.cited(factories.person(slug="newcomer"))


def test_an_editors_change_to_a_published_agreement_waits_and_changes_nothing(agreement, newcomer):
    editor = factories.editor()
    before_signers, before_version = signers(agreement), agreement.version
    party = agreement.parties.first().organization
    new_acts = [*acts(agreement), SigningAct(person=newcomer, organization=party,
                                             title={"fr": "Directrice"})]  # fmt: skip

    revision = propose_change(editor, agreement, title={"fr": "Nouveau titre"},
                              signatories=new_acts)  # fmt: skip

    stored = Agreement.objects.get(pk=agreement.pk)
    assert stored.title_fr == "Ancien titre"
    assert signers(stored) == before_signers
    assert stored.version == before_version
    assert revision.status == RevisionStatus.PENDING
    assert revision.base_version == before_version
    assert revision.proposed_by == editor
    assert revision.note == "Le titre exact"
    rows = {row.name: row for row in revisions.change_rows(revision)}
    assert rows["title_fr"].before == ["Ancien titre"]
    assert rows["title_fr"].after == ["Nouveau titre"]
    assert any("Directrice" in line for line in rows["signatories"].after)
    assert not any("Directrice" in line for line in rows["signatories"].before)
    assert set(rows) == {"title_fr", "signatories"}, "a field the editor left was proposed"


def test_a_publisher_approves_and_the_change_is_applied_with_history(agreement, newcomer):
    editor, publisher = factories.editor(), factories.publisher()
    party = agreement.parties.first().organization
    new_acts = [*acts(agreement), SigningAct(person=newcomer, organization=party,
                                             title={"fr": "Directrice"})]  # fmt: skip
    revision = propose_change(editor, agreement, title={"fr": "Nouveau titre"},
                              signatories=new_acts)  # fmt: skip
    kept_signatory_ids = set(agreement.signatories.values_list("pk", flat=True))

    with pytest.raises(PermissionDenied):
        revisions.approve(actor=editor, revision=revision)
    revisions.approve(actor=publisher, revision=revision)

    stored = Agreement.objects.get(pk=agreement.pk)
    assert stored.title_fr == "Nouveau titre"
    assert ("newcomer", party.slug, "Directrice") in signers(stored)
    # The signatories already there are kept as they are, not deleted and made again.
    assert kept_signatory_ids <= set(stored.signatories.values_list("pk", flat=True))
    latest = stored.history.order_by("-history_id").first()
    assert latest.history_user == publisher
    assert latest.history_change_reason == f"revision {revision.pk}"
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.APPROVED
    assert revision.decided_by == publisher
    with pytest.raises(ValidationError):
        revisions.approve(actor=publisher, revision=revision)  # decided once only


def test_rejection_keeps_the_reason_and_changes_nothing(agreement):
    editor, publisher = factories.editor(), factories.publisher()
    revision = propose_change(editor, agreement, title={"fr": "Nouveau titre"})

    with pytest.raises(ValidationError):
        revisions.reject(actor=publisher, revision=revision, reason="  ")
    revisions.reject(actor=publisher, revision=revision, reason="Le communiqué dit autrement.")

    revision.refresh_from_db()
    assert revision.status == RevisionStatus.REJECTED
    assert revision.reason == "Le communiqué dit autrement."
    assert Agreement.objects.get(pk=agreement.pk).title_fr == "Ancien titre"


def test_a_stale_revision_is_refused_unless_rebased_and_then_keeps_the_other_change(agreement):
    editor, publisher = factories.editor(), factories.publisher()
    revision = propose_change(editor, agreement, title={"fr": "Titre de l'éditeur"})
    agreement_services.update_agreement(
        actor=publisher, agreement=agreement, summary={"fr": "Résumé du publicateur"}
    )

    with pytest.raises(revisions.StaleRevision) as refused:
        revisions.approve(actor=publisher, revision=revision)
    assert "changed since this revision was proposed" in refused.value.messages[0]
    assert Agreement.objects.get(pk=agreement.pk).title_fr == "Ancien titre"

    revisions.approve(actor=publisher, revision=revision, rebase=True)
    stored = Agreement.objects.get(pk=agreement.pk)
    assert stored.title_fr == "Titre de l'éditeur"
    assert stored.summary_fr == "Résumé du publicateur", "re-basing undid the other change"


def test_a_draft_is_changed_directly(agreement):
    editor = factories.editor()
    draft = factories.published_agreement(status="draft", title_fr="Brouillon")
    agreement_services.update_agreement(actor=editor, agreement=draft, title={"fr": "Corrigé"})
    assert Agreement.objects.get(pk=draft.pk).title_fr == "Corrigé"
    assert not Revision.objects.exists()


def test_a_publisher_changes_a_published_record_directly(agreement):
    publisher = factories.publisher()
    agreement_services.update_agreement(
        actor=publisher, agreement=agreement, title={"fr": "Par le publicateur"}
    )
    assert Agreement.objects.get(pk=agreement.pk).title_fr == "Par le publicateur"
    assert not Revision.objects.exists()


def test_a_change_that_breaks_a_rule_is_refused_not_proposed(agreement):
    """Every rule runs before the change is held: a proposal is always a valid write."""
    editor = factories.editor()
    with pytest.raises(ValidationError) as refused:
        agreement_services.update_agreement(
            actor=editor, agreement=agreement, parties=[agreement.parties.first().organization]
        )
    assert not isinstance(refused.value, ProposedChange)
    assert not Revision.objects.exists()


def test_a_position_of_a_published_person_is_held_for_the_person():
    """A part kept on its own page is reviewed as a change to the record it belongs to."""
    editor = factories.editor()
    person = factories.cited(factories.person())
    with pytest.raises(ProposedChange) as held:
        partner_services.save_person(actor=editor, person=person, name={"fr": "Nom corrigé"})
    assert held.value.record == person
    assert Revision.objects.count() == 0  # stored only by a route that catches it


def test_an_editors_deletion_of_a_published_records_citation_waits():
    organization = factories.organization()
    kept = factories.citation(organization)
    deleted = factories.citation(organization, quote="وتمتد المذكرة لمدة عامين.")
    deleted_pk = deleted.pk
    with pytest.raises(ProposedChange) as held:
        services.delete_record(actor=factories.editor(), record=deleted)
    assert Citation.objects.filter(pk=deleted_pk).exists()
    revision = revisions.propose(held.value)
    assert [c["quote"] for c in revision.proposed["citations"]] == [kept.quote]

    revisions.approve(actor=factories.publisher(), revision=revision)
    assert list(organization.citations.values_list("quote", flat=True)) == [kept.quote]


def test_a_proposed_change_leaves_the_public_datasets_version_alone(agreement):
    """ETags and cached counts follow what the public can see: a change waiting for review
    is not part of it, its approval is."""
    before = dataset_version()[0]
    revision = propose_change(factories.editor(), agreement, title={"fr": "Nouveau titre"})
    assert dataset_version()[0] == before

    revisions.approve(actor=factories.publisher(), revision=revision)
    assert dataset_version()[0] != before
