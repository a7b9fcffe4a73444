"""Small builders for tests: real rows through the ORM, published unless told otherwise.

They write rows directly, without the services' rules: `published_agreement` and `cited`
build data that keeps the publication rules, for tests that then write through a service.
"""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from agreements.models import Agreement, Initiative, Theme
from agreements.search import refresh_search_documents
from core.models import Citation, SourceDocument
from events.models import Event
from partners.models import Organization, Person, Position

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


# -- evidence, people's roles and accounts -----------------------------------------------

ARTICLE_TEXT = (
    "وقعت وزارة الانتقال الرقمي وشركة ميسترال مذكرة تفاهم يوم الجمعة 12 شتنبر 2025 بالرباط.\n"
    "ووقع المذكرة كل من الوزيرة أمل الفلاح السغروشني وآرثر مينش.\n"
    "وتمتد المذكرة لمدة عامين.\n"
)
QUOTE = "مذكرة تفاهم يوم الجمعة 12 شتنبر 2025 بالرباط"


def source_document(slug: str | None = None, **values) -> SourceDocument:
    slug = slug or _slug("source")
    values.setdefault("title_ar", "مقال")
    values.setdefault("text", ARTICLE_TEXT)
    values.setdefault("file_name", f"{slug}.txt")
    return SourceDocument.objects.create(slug=slug, **values)


def citation(
    record: Model,
    *,
    source: SourceDocument | None = None,
    quote: str = QUOTE,
    fields: tuple[str, ...] = (),
) -> Citation:
    """A verbatim quote of a source backing the record (the source made when not given)."""
    return Citation.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        source=source or source_document(),
        quote=quote,
        fields=list(fields),
    )


def cited[R: Model](record: R, *, source: SourceDocument | None = None) -> R:
    """The record with one citation: published records keep the evidence rule."""
    citation(record, source=source)
    return record


def position(person: Person, organization: Organization, **values) -> Position:
    values.setdefault("title_ar", "منصب")
    return Position.objects.create(
        slug=values.pop("slug", None) or _slug("position"),
        person=person,
        organization=organization,
        **values,
    )


def published_agreement(
    slug: str | None = None,
    *,
    parties: tuple[Organization, ...] | None = None,
    signatories: tuple[tuple[Person, Organization], ...] | None = None,
    source: SourceDocument | None = None,
    **values,
) -> Agreement:
    """A published agreement that keeps every publication rule: two published, cited
    parties (made when not given), a signatory for each unless told, and a citation."""
    source = source or source_document()
    if parties is None:
        parties = (
            cited(organization(), source=source),
            cited(organization(), source=source),
        )
    if signatories is None:
        signatories = tuple((cited(person(), source=source), party) for party in parties)
    record = agreement(slug, parties=parties, signatories=signatories, **values)
    return cited(record, source=source)


def user(*groups: str) -> User:
    """A staff account in the given groups ("Editors", "Publishers", made by a migration)."""
    account = User.objects.create_user(
        _slug("user"), password="a-long-test-password", is_staff=True
    )
    account.groups.set(Group.objects.filter(name__in=groups))
    return account


def editor() -> User:
    """May curate every record, not publish or unpublish."""
    return user("Editors")


def publisher() -> User:
    """May curate and publish."""
    return user("Editors", "Publishers")
