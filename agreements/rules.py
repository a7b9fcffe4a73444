"""The publication rules of the record, registered with `core.rules` when the app loads.

They live here because this app knows every kind of record they join: an agreement needs
its parties published; an organization cannot be unpublished while a published agreement
names it. The services of every app enforce them through `core.services.finish_write`.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agreements.models import Agreement, Attendee, Initiative, Signatory
from agreements.search import refresh_search_documents
from core.models import Citation, SourceDocument
from core.records import PublicationStatus
from core.rules import (
    Problem,
    dependents_check,
    names,
    publication_check,
    write_check,
    write_effect,
)
from events.models import Event
from partners.models import Organization, Person, Position

PUBLISHED = PublicationStatus.PUBLISHED
CURATED = (Organization, Person, Event, Initiative, Agreement)


# -- effects: the search documents name an agreement's parties and signatories ----------


@write_effect(Agreement)
def refresh_agreement_search(agreement: Agreement) -> None:
    refresh_search_documents([agreement.pk])


@write_effect(Organization)
def refresh_search_of_parties(organization: Organization) -> None:
    refresh_search_documents(organization.agreement_parties.values_list("agreement_id", flat=True))


@write_effect(Person)
def refresh_search_of_signatories(person: Person) -> None:
    refresh_search_documents(person.signatures.values_list("agreement_id", flat=True))


# -- rules --------------------------------------------------------------------------------


@publication_check(*CURATED)
def cites_a_source(record: Model) -> list[Problem]:
    content_type = ContentType.objects.get_for_model(record)
    if Citation.objects.filter(content_type=content_type, object_id=record.pk).exists():
        return []
    return [_("a published record cites at least one source: add a citation first.")]


@publication_check(Agreement)
def parties_and_signatories_published(agreement: Agreement) -> list[Problem]:
    problems = []
    parties = [party.organization for party in agreement.parties.select_related("organization")]
    if len(parties) < 2:
        problems.append(_("a published agreement binds at least two parties."))
    drafts = [organization for organization in parties if organization.status != PUBLISHED]
    if drafts:
        problems.append(
            _("its parties %(names)s are drafts: publish them first.") % {"names": names(drafts)}
        )
    signatories = agreement.signatories.select_related("person", "organization")
    people = [act.person for act in signatories if act.person.status != PUBLISHED]
    signed_for = {act.organization for act in signatories if act.organization.status != PUBLISHED}
    if people:
        problems.append(
            _("its signatories %(names)s are drafts: publish them first.")
            % {"names": names(people)}
        )
    if signed_for - set(drafts):
        problems.append(
            _("its signatories signed for %(names)s, still drafts: publish them first.")
            % {"names": names(signed_for - set(drafts))}
        )
    return problems


def _published_agreements(agreements) -> list[Problem]:
    needed_by = list(agreements.filter(status=PUBLISHED).distinct().order_by("slug")[:5])
    if not needed_by:
        return []
    message = ngettext(
        "the published agreement %(names)s needs it published; unpublish it first, "
        "or leave this record published.",
        "the published agreements %(names)s need it published; unpublish them first, "
        "or leave this record published.",
        len(needed_by),
    ) % {"names": names(needed_by)}
    return [message]


@dependents_check(Organization)
def organization_needed_by_agreements(organization: Organization) -> list[Problem]:
    return _published_agreements(
        Agreement.objects.filter(parties__organization=organization)
        | Agreement.objects.filter(signatories__organization=organization)
    )


@dependents_check(Person)
def person_needed_by_agreements(person: Person) -> list[Problem]:
    return _published_agreements(Agreement.objects.filter(signatories__person=person))


@dependents_check(Citation)
def citation_needed_as_evidence(citation: Citation) -> list[Problem]:
    """The last citation of a published record cannot go: it is the record's evidence."""
    record = citation.record
    if getattr(record, "status", None) != PUBLISHED:
        return []
    others = Citation.objects.filter(
        content_type_id=citation.content_type_id, object_id=citation.object_id
    ).exclude(pk=citation.pk)
    if others.exists():
        return []
    return [_("it is the only evidence of the published record “%(record)s”.") % {"record": record}]


@write_check(Citation)
def evidence_not_moved_away(citation: Citation) -> list[Problem]:
    """Moving a citation to another record takes it from the one it backed, as deleting would."""
    versions = citation.history.order_by("-history_id").values_list("content_type_id", "object_id")
    latest_two = list(versions[:2])
    if len(latest_two) < 2 or latest_two[1] == (citation.content_type_id, citation.object_id):
        return []
    content_type_id, object_id = latest_two[1]
    before = Citation(pk=citation.pk, content_type_id=content_type_id, object_id=object_id)
    return [("object_id", problem) for problem in citation_needed_as_evidence(before)]


@write_check(SourceDocument)
def source_keeps_every_quote(source: SourceDocument) -> list[Problem]:
    broken = [
        citation.quote
        for citation in Citation.objects.filter(source=source).only("quote")
        if citation.quote not in source.text
    ]
    if not broken:
        return []
    message = ngettext(
        "the new text no longer contains %(count)d quoted passage, “%(quote)s…”. "
        "Edit or remove that citation first.",
        "the new text no longer contains %(count)d quoted passages, e.g. “%(quote)s…”. "
        "Edit or remove those citations first.",
        len(broken),
    ) % {"count": len(broken), "quote": broken[0][:60]}
    return [("text", message)]


@write_check(Citation)
def quote_occurs_in_source(citation: Citation) -> list[Problem]:
    if citation.quote and citation.quote in citation.source.text:
        return []
    message = _("this passage does not occur word for word in “%(source)s”.") % {
        "source": citation.source
    }
    return [("quote", message)]


@write_check(Agreement)
def signing_acts_consistent(agreement: Agreement) -> list[Problem]:
    problems = []
    party_ids = set(agreement.parties.values_list("organization_id", flat=True))
    signatories = list(agreement.signatories.select_related("person", "organization", "position"))
    stray = [act for act in signatories if act.organization_id not in party_ids]
    if stray:
        problems.append(
            (
                "signatories",
                _("%(names)s signed for an organization that is not one of its parties.")
                % {"names": names(act.person for act in stray)},
            )
        )
    signers = {act.person_id for act in signatories}
    attendees = agreement.attendees.select_related("person", "position")
    both = [act.person for act in attendees if act.person_id in signers]
    if both:
        problems.append(
            (
                "attendees",
                _("%(names)s signed it: list them as signatories only, not as attendees too.")
                % {"names": names(both)},
            )
        )
    for act in [*signatories, *attendees]:
        if act.position is not None and act.position.person_id != act.person_id:
            problems.append(
                (
                    "signatories" if isinstance(act, Signatory) else "attendees",
                    _("the position “%(position)s” is not one held by %(name)s.")
                    % {"position": act.position, "name": act.person},
                )
            )
    for act in signatories:
        position = act.position
        if position is not None and position.organization_id != act.organization_id:
            message = _(
                "%(name)s signed for “%(organization)s” but the position given is at "
                "another organization."
            ) % {"name": act.person, "organization": act.organization}
            problems.append(("signatories", message))
    return problems


def _acts_naming(positions) -> list[Problem]:
    """The signing acts that name these positions, checked as the agreement's check does:
    a position edited on its own (or in its person's form) must not break them."""
    problems = []
    signatories = Signatory.objects.filter(position__in=positions)
    attendees = Attendee.objects.filter(position__in=positions)
    for act in [
        *signatories.select_related("agreement", "person", "organization", "position"),
        *attendees.select_related("agreement", "person", "position"),
    ]:
        names = {"name": act.person, "agreement": act.agreement, "position": act.position}
        if act.position.person_id != act.person_id:
            problems.append(
                _("%(name)s is named in “%(agreement)s” with the position “%(position)s”, which would no longer be theirs.")
                % names
            )  # fmt: skip
        elif isinstance(act, Signatory) and act.position.organization_id != act.organization_id:
            problems.append(
                _("%(name)s signed “%(agreement)s” for “%(organization)s” as “%(position)s”: the position cannot move to another organization.")
                % {**names, "organization": act.organization}
            )  # fmt: skip
    return problems


@write_check(Position)
def position_keeps_its_signing_acts(position: Position) -> list[Problem]:
    return _acts_naming([position])


@write_check(Person)
def positions_keep_their_signing_acts(person: Person) -> list[Problem]:
    return _acts_naming(person.positions.all())


def _loops(record: Model, link: str) -> bool:
    """Whether following `link` (parent, renews) from the record comes back to it."""
    seen = {record.pk}
    current = getattr(record, f"{link}_id")
    model = type(record)
    while current is not None:
        if current in seen:
            return True
        seen.add(current)
        current = model._default_manager.filter(pk=current).values_list(f"{link}_id", flat=True)
        current = current.first()
    return False


@write_check(Agreement)
def renewal_chain_has_no_loop(agreement: Agreement) -> list[Problem]:
    if _loops(agreement, "renews"):
        return [("renews", _("it would renew an agreement that renews it: a chain has no loop."))]
    return []


@write_check(Organization, Initiative, Event)
def parent_chain_has_no_loop(record: Model) -> list[Problem]:
    if _loops(record, "parent"):
        return [("parent", _("its parent is part of it: a chain of parents has no loop."))]
    return []
