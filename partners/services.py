"""Writes to organizations and people: typed, keyword-only, atomic, with history.

A change of name or acronym also changes what search finds: the search documents of the
agreements that name the record are refreshed in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from core.records import PartialDate
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
from partners.models import Organization, Person, Position


@transaction.atomic
def save_organization(
    *,
    actor: User,
    organization: Organization | None = None,
    slug: str | Any = UNSET,
    name: Translations | Any = UNSET,
    acronym: Translations | Any = UNSET,
    kind: str | Any = UNSET,
    country: str | Any = UNSET,
    parent: Organization | Any | None = UNSET,
    website: str | Any = UNSET,
    description: Translations | Any = UNSET,
    wikidata_id: str | Any = UNSET,
    citations: Sequence[CitationInput] | Any = UNSET,
    status: str | Any = UNSET,
) -> Organization:
    """Create an organization (no `organization` given) or change the fields given."""
    organization, previous_status = open_for_write(
        Organization, organization, actor=actor, slug=slug, status=status
    )
    for field_name, value in (("name", name), ("acronym", acronym), ("description", description)):
        if value is not UNSET:
            set_translations(organization, field_name, value)
    for field_name, value in (
        ("kind", kind), ("country", country), ("website", website), ("wikidata_id", wikidata_id),
    ):  # fmt: skip
        if value is not UNSET:
            setattr(organization, field_name, value if value is not None else "")
    if parent is not UNSET:
        organization.parent = parent
    save_validated(organization, actor=actor, reason="api")
    close_write(organization, actor=actor, citations=citations, previous_status=previous_status)
    return organization


@transaction.atomic
def save_person(
    *,
    actor: User,
    person: Person | None = None,
    slug: str | Any = UNSET,
    name: Translations | Any = UNSET,
    wikidata_id: str | Any = UNSET,
    citations: Sequence[CitationInput] | Any = UNSET,
    status: str | Any = UNSET,
) -> Person:
    """Create a person (no `person` given) or change the fields given."""
    person, previous_status = open_for_write(Person, person, actor=actor, slug=slug, status=status)
    if name is not UNSET:
        set_translations(person, "name", name)
    if wikidata_id is not UNSET:
        person.wikidata_id = wikidata_id or ""
    save_validated(person, actor=actor, reason="api")
    close_write(person, actor=actor, citations=citations, previous_status=previous_status)
    return person


@transaction.atomic
def save_position(
    *,
    actor: User,
    person: Person,
    organization: Organization,
    title: Translations,
    start: PartialDate | None = None,
    end: PartialDate | None = None,
    citations: Sequence[CitationInput] | Any = UNSET,
) -> Position:
    """Record a title a person holds at an organization, as a source prints it.

    The slug is made from the person's and the title (`core.slugs`); a change to a
    published person's positions goes through review like any change to that person.
    """
    position = Position(person=person, organization=organization)
    set_translations(position, "title", title)
    set_partial_date(position, "start", "start_precision", start or PartialDate())
    set_partial_date(position, "end", "end_precision", end or PartialDate())
    save_validated(position, actor=actor, reason="api")
    close_write(position, actor=actor, citations=citations, previous_status=None)
    return position
