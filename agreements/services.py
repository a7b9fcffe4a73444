"""Writes to agreements, initiatives and sources: typed, keyword-only, atomic, with history.

The API, the admin and management commands call these functions; each one validates the
whole record (model rules, the evidence of its citations, who may publish) before it
returns, inside one transaction, so that a refused write leaves nothing behind. Every
write records its author in the history, and refreshes the search documents it affects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agreements.models import (
    Agreement,
    AgreementParty,
    Attendee,
    Initiative,
    Signatory,
    Theme,
)
from core.models import SourceDocument
from core.records import PartialDate, PublicationStatus
from core.services import (
    UNSET,
    CitationInput,
    Translations,
    User,
    close_write,
    open_for_write,
    save_validated,
    set_partial_date,
    set_translations,
)
from events.models import Event
from partners.models import Organization, Person, Position


@dataclass(frozen=True)
class SigningAct:
    """A signatory or an attendee as a write describes it."""

    person: Person
    organization: Organization | None = None
    title: Translations = field(default_factory=dict)
    position: Position | None = None


# -- agreements ----------------------------------------------------------------------------


def _apply_agreement_fields(agreement: Agreement, values: dict[str, Any]) -> None:
    for name in ("title", "place_city", "summary", "objectives"):
        if values.get(name) is not UNSET:
            set_translations(agreement, name, values[name])
    if values.get("signed_on") is not UNSET:
        set_partial_date(agreement, "signed_on", "signed_on_precision", values["signed_on"])
    for name in ("kind", "place_country", "event", "duration_months", "renews"):
        if values.get(name) is not UNSET:
            setattr(agreement, name, values[name] if values[name] is not None else None)
    if agreement.place_country is None:
        agreement.place_country = ""


def _write_children(
    *,
    actor: User,
    agreement: Agreement,
    parties: Sequence[Organization] | Any,
    signatories: Sequence[SigningAct] | Any,
    attendees: Sequence[SigningAct] | Any,
) -> None:
    if parties is not UNSET:
        if len({party.pk for party in parties}) < 2:
            raise ValidationError({"parties": _("An agreement binds at least two parties.")})
        for old in agreement.parties.all():
            old._history_user = actor
            old.delete()
        for party in dict.fromkeys(parties):
            save_validated(
                AgreementParty(agreement=agreement, organization=party), actor=actor, reason="api"
            )
    party_ids = set(agreement.parties.values_list("organization_id", flat=True))
    for name, model, acts in (
        ("signatories", Signatory, signatories),
        ("attendees", Attendee, attendees),
    ):
        if acts is UNSET:
            continue
        people = [act.person.pk for act in acts]
        if len(people) != len(set(people)):
            raise ValidationError({name: _("A person appears twice.")})
        for old in getattr(agreement, name).all():
            old._history_user = actor
            old.delete()
        for index, act in enumerate(acts):
            if model is Signatory and (
                act.organization is None or act.organization.pk not in party_ids
            ):
                # Checked here too, before writing, to name the act at fault.
                raise ValidationError(
                    {
                        f"{name}[{index}].organization": _(
                            "A signatory signs for one of the parties."
                        )
                    }
                )
            row = model(agreement=agreement, person=act.person, organization=act.organization,
                        position=act.position)  # fmt: skip
            set_translations(row, "title", act.title)
            save_validated(row, actor=actor, reason="api")
    if parties is not UNSET and signatories is UNSET:
        stray = agreement.signatories.exclude(organization_id__in=party_ids)
        if stray.exists():
            raise ValidationError(
                {"parties": _("Every signatory must sign for one of the parties.")}
            )


@transaction.atomic
def create_agreement(
    *,
    actor: User,
    title: Translations,
    kind: str,
    parties: Sequence[Organization],
    slug: str | Any = UNSET,  # made from the title when not given
    signed_on: PartialDate | str | None = None,
    place_city: Translations | None = None,
    place_country: str = "",
    event: Event | None = None,
    duration_months: int | None = None,
    renews: Agreement | None = None,
    themes: Sequence[Theme] = (),
    initiatives: Sequence[Initiative] = (),
    summary: Translations | None = None,
    objectives: Translations | None = None,
    signatories: Sequence[SigningAct] = (),
    attendees: Sequence[SigningAct] = (),
    citations: Sequence[CitationInput] = (),
    status: str = PublicationStatus.DRAFT,
) -> Agreement:
    """Create an agreement with its parties, signing acts, tags and evidence, or nothing."""
    agreement, previous_status = open_for_write(
        Agreement, None, actor=actor, slug=slug, status=status
    )
    _apply_agreement_fields(
        agreement,
        {
            "title": title, "kind": kind, "signed_on": signed_on, "place_city": place_city,
            "place_country": place_country, "event": event, "duration_months": duration_months,
            "renews": renews, "summary": summary, "objectives": objectives,
        },
    )  # fmt: skip
    save_validated(agreement, actor=actor, reason="api")
    _write_children(
        actor=actor, agreement=agreement, parties=parties, signatories=signatories,
        attendees=attendees,
    )  # fmt: skip
    agreement.themes.set(themes)
    agreement.initiatives.set(initiatives)
    close_write(agreement, actor=actor, citations=citations, previous_status=previous_status)
    return agreement


@transaction.atomic
def update_agreement(
    *,
    actor: User,
    agreement: Agreement,
    title: Translations | Any = UNSET,
    kind: str | Any = UNSET,
    signed_on: PartialDate | str | Any | None = UNSET,
    place_city: Translations | Any = UNSET,
    place_country: str | Any = UNSET,
    event: Event | Any | None = UNSET,
    duration_months: int | Any | None = UNSET,
    renews: Agreement | Any | None = UNSET,
    themes: Sequence[Theme] | Any = UNSET,
    initiatives: Sequence[Initiative] | Any = UNSET,
    summary: Translations | Any = UNSET,
    objectives: Translations | Any = UNSET,
    parties: Sequence[Organization] | Any = UNSET,
    signatories: Sequence[SigningAct] | Any = UNSET,
    attendees: Sequence[SigningAct] | Any = UNSET,
    citations: Sequence[CitationInput] | Any = UNSET,
    status: str | Any = UNSET,
) -> Agreement:
    """Change what is given, keep the rest; lists given replace the current ones whole."""
    agreement, previous_status = open_for_write(
        Agreement, agreement, actor=actor, slug=None, status=status
    )
    _apply_agreement_fields(
        agreement,
        {
            "title": title, "kind": kind, "signed_on": signed_on, "place_city": place_city,
            "place_country": place_country, "event": event, "duration_months": duration_months,
            "renews": renews, "summary": summary, "objectives": objectives,
        },
    )  # fmt: skip
    save_validated(agreement, actor=actor, reason="api")
    _write_children(
        actor=actor, agreement=agreement, parties=parties, signatories=signatories,
        attendees=attendees,
    )  # fmt: skip
    if themes is not UNSET:
        agreement.themes.set(themes)
    if initiatives is not UNSET:
        agreement.initiatives.set(initiatives)
    close_write(agreement, actor=actor, citations=citations, previous_status=previous_status)
    return agreement


# -- initiatives ---------------------------------------------------------------------------


@transaction.atomic
def save_initiative(
    *,
    actor: User,
    initiative: Initiative | None = None,
    slug: str | Any = UNSET,
    name: Translations | Any = UNSET,
    kind: str | Any = UNSET,
    description: Translations | Any = UNSET,
    lead: Organization | Any | None = UNSET,
    partners: Sequence[Organization] | Any = UNSET,
    launched_on: PartialDate | str | Any | None = UNSET,
    parent: Initiative | Any | None = UNSET,
    citations: Sequence[CitationInput] | Any = UNSET,
    status: str | Any = UNSET,
) -> Initiative:
    """Create an initiative (no `initiative` given) or change the fields given."""
    initiative, previous_status = open_for_write(
        Initiative, initiative, actor=actor, slug=slug, status=status
    )
    for field_name, value in (("name", name), ("description", description)):
        if value is not UNSET:
            set_translations(initiative, field_name, value)
    if launched_on is not UNSET:
        set_partial_date(initiative, "launched_on", "launched_on_precision", launched_on)
    for field_name, value in (("kind", kind), ("lead", lead), ("parent", parent)):
        if value is not UNSET:
            setattr(initiative, field_name, value)
    save_validated(initiative, actor=actor, reason="api")
    if partners is not UNSET:
        initiative.partners.set(partners)
    close_write(initiative, actor=actor, citations=citations, previous_status=previous_status)
    return initiative


# -- sources -------------------------------------------------------------------------------


@transaction.atomic
def save_source(
    *,
    actor: User,
    source: SourceDocument | None = None,
    slug: str | Any = UNSET,
    title: Translations | Any = UNSET,
    publisher: str | Any = UNSET,
    author: str | Any = UNSET,
    dateline: str | Any = UNSET,
    credits: str | Any = UNSET,
    language: str | Any = UNSET,
    published_on: PartialDate | str | Any | None = UNSET,
    url: str | Any = UNSET,
    file_name: str | Any = UNSET,
    text: str | Any = UNSET,
    reason: str = "api",
) -> SourceDocument:
    """Create a source document, or change it without breaking any citation of it."""
    source, previous_status = open_for_write(
        SourceDocument, source, actor=actor, slug=slug, status=UNSET
    )
    if title is not UNSET:
        set_translations(source, "title", title)
    if published_on is not UNSET:
        set_partial_date(source, "published_on", "published_on_precision", published_on)
    for field_name, value in (
        ("publisher", publisher), ("author", author), ("dateline", dateline),
        ("credits", credits), ("language", language), ("url", url), ("file_name", file_name),
        ("text", text),
    ):  # fmt: skip
        if value is not UNSET:
            setattr(source, field_name, value if value is not None else "")
    save_validated(source, actor=actor, reason=reason)
    close_write(source, actor=actor, previous_status=previous_status)
    return source
