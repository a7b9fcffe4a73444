"""Small builders for API and filter tests: real rows, published unless told otherwise."""

from __future__ import annotations

import datetime as dt
import itertools

from agreements.models import Agreement, Initiative, Theme
from agreements.search import refresh_search_documents
from events.models import Event
from partners.models import Organization, Person

_counter = itertools.count(1)


def _slug(prefix: str) -> str:
    return f"{prefix}-{next(_counter)}"


def organization(slug: str | None = None, **values) -> Organization:
    values.setdefault("name_ar", "منظمة")
    values.setdefault("kind", "company")
    values.setdefault("status", "published")
    return Organization.objects.create(slug=slug or _slug("org"), **values)


def person(slug: str | None = None, **values) -> Person:
    values.setdefault("name_ar", "شخص")
    values.setdefault("status", "published")
    return Person.objects.create(slug=slug or _slug("person"), **values)


def event(slug: str | None = None, **values) -> Event:
    values.setdefault("name_ar", "حدث")
    values.setdefault("kind", "forum")
    values.setdefault("status", "published")
    return Event.objects.create(slug=slug or _slug("event"), **values)


def initiative(slug: str | None = None, **values) -> Initiative:
    values.setdefault("name_ar", "مبادرة")
    values.setdefault("kind", "programme")
    values.setdefault("status", "published")
    return Initiative.objects.create(slug=slug or _slug("initiative"), **values)


def theme(slug: str | None = None, **values) -> Theme:
    values.setdefault("name_ar", "موضوع")
    return Theme.objects.create(slug=slug or _slug("theme"), **values)


def agreement(
    slug: str | None = None,
    *,
    parties: tuple[Organization, ...] = (),
    signatories: tuple[tuple[Person, Organization], ...] = (),
    themes: tuple[Theme, ...] = (),
    initiatives: tuple[Initiative, ...] = (),
    signed: tuple[dt.date, str] | None = None,
    **values,
) -> Agreement:
    values.setdefault("title_ar", "اتفاقية")
    values.setdefault("kind", "mou")
    values.setdefault("status", "published")
    if signed:
        values["signed_on"], values["signed_on_precision"] = signed
    record = Agreement.objects.create(slug=slug or _slug("agreement"), **values)
    for party in parties:
        record.parties.create(organization=party)
    for signer, signed_for in signatories:
        record.signatories.create(person=signer, organization=signed_for)
    record.themes.set(themes)
    record.initiatives.set(initiatives)
    refresh_search_documents([record.pk])
    record.refresh_from_db()
    return record
