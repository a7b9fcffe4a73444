"""Writes to events: typed, keyword-only, atomic, with history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.records import DatePrecision, PartialDate
from core.services import (
    DATE_FORMAT_MESSAGE,
    UNSET,
    CitationInput,
    Translations,
    User,
    close_write,
    open_for_write,
    save_validated,
    set_translations,
)
from events.models import Event, EventParticipant
from partners.models import Organization, Person


@dataclass(frozen=True)
class ParticipantInput:
    person: Person
    organization: Organization | None = None
    role: Translations = field(default_factory=dict)


def as_partial(value: PartialDate | str | None, *, field: str) -> PartialDate:
    try:
        return value if isinstance(value, PartialDate) else PartialDate.parse(value)
    except ValueError:
        raise ValidationError({field: DATE_FORMAT_MESSAGE}) from None


def _set_dates(event: Event, start: PartialDate, end: PartialDate) -> None:
    if end.is_known and not start.is_known:
        raise ValidationError({"end_date": _("An end date needs a start date.")})
    if end.is_known and end.precision != start.precision:
        raise ValidationError(
            {"end_date": _("Give the end date at the same precision as the start date.")}
        )
    event.start_date = start.first_day()
    event.end_date = end.first_day()
    event.date_precision = start.precision.value if start.is_known else DatePrecision.UNKNOWN


@transaction.atomic
def save_event(
    *,
    actor: User,
    event: Event | None = None,
    slug: str | Any = UNSET,
    name: Translations | Any = UNSET,
    kind: str | Any = UNSET,
    start_date: PartialDate | str | Any | None = UNSET,
    end_date: PartialDate | str | Any | None = UNSET,
    city: Translations | Any = UNSET,
    country: str | Any = UNSET,
    parent: Event | Any | None = UNSET,
    description: Translations | Any = UNSET,
    organizations: Sequence[Organization] | Any = UNSET,
    participants: Sequence[ParticipantInput] | Any = UNSET,
    citations: Sequence[CitationInput] | Any = UNSET,
    status: str | Any = UNSET,
) -> Event:
    """Create an event (no `event` given) or change the fields given."""
    event, previous_status = open_for_write(Event, event, actor=actor, slug=slug, status=status)
    for field_name, value in (("name", name), ("city", city), ("description", description)):
        if value is not UNSET:
            set_translations(event, field_name, value)
    if start_date is not UNSET or end_date is not UNSET:
        start = (
            event.start_partial
            if start_date is UNSET
            else as_partial(start_date, field="start_date")
        )
        end = event.end_partial if end_date is UNSET else as_partial(end_date, field="end_date")
        _set_dates(event, start, end)
    if kind is not UNSET:
        event.kind = kind
    if country is not UNSET:
        event.country = country or ""
    if parent is not UNSET:
        event.parent = parent
    save_validated(event, actor=actor, reason="api")
    if organizations is not UNSET:
        event.organizations.set(organizations)
    if participants is not UNSET:
        people = [participant.person.pk for participant in participants]
        if len(people) != len(set(people)):
            raise ValidationError({"participants": _("A person appears twice.")})
        for old in event.participants.all():
            old._history_user = actor
            old.delete()
        for participant in participants:
            row = EventParticipant(
                event=event, person=participant.person, organization=participant.organization
            )
            set_translations(row, "role", participant.role)
            save_validated(row, actor=actor, reason="api")
    close_write(event, actor=actor, citations=citations, previous_status=previous_status)
    return event
