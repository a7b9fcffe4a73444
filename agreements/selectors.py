"""Reads for the public: every query starts from published() and loads what it shows at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Model, Prefetch, QuerySet
from django.utils import timezone

from agreements.filtersets import AgreementFilterSet
from agreements.models import (
    Agreement,
    AgreementParty,
    Attendee,
    Citation,
    Initiative,
    Signatory,
    SourceDocument,
)
from agreements.records import PublicationStatus
from partners.models import Organization


def agreement_list(*, filters: dict | None = None) -> QuerySet[Agreement]:
    """Published agreements with everything a list or a serializer shows, in a fixed number of queries."""
    queryset = Agreement.objects.published()
    if filters:
        queryset = AgreementFilterSet(filters, queryset).qs
    return _with_related(queryset, include_drafts=False)


def agreement_preview_list() -> QuerySet[Agreement]:
    """Drafts included: only for editors previewing their work."""
    return _with_related(Agreement.objects.all(), include_drafts=True)


def agreements_for(*, include_drafts: bool) -> QuerySet[Agreement]:
    return agreement_preview_list() if include_drafts else agreement_list()


def _with_related(queryset: QuerySet[Agreement], *, include_drafts: bool) -> QuerySet[Agreement]:
    visible_agreements = (
        Agreement.objects.all() if include_drafts else Agreement.objects.published()
    )
    visible_initiatives = (
        Initiative.objects.all() if include_drafts else Initiative.objects.published()
    )
    # The search document (several KB a row) is for filtering, never shown: not read.
    return (
        queryset.defer("search_document", "renews__search_document")
        .select_related("event", "renews")
        .prefetch_related(
            Prefetch(
                "parties",
                queryset=AgreementParty.objects.select_related("organization").order_by("id"),
            ),
            Prefetch(
                "signatories",
                queryset=Signatory.objects.select_related("person", "organization").order_by("id"),
            ),
            Prefetch(
                "attendees",
                queryset=Attendee.objects.select_related("person", "organization").order_by("id"),
            ),
            "themes",
            Prefetch("initiatives", queryset=visible_initiatives.order_by("slug")),
            Prefetch(
                "renewed_by",
                queryset=visible_agreements.only("id", "slug", "renews_id").order_by("slug"),
            ),
            Prefetch(
                "citations", queryset=Citation.objects.select_related("source").order_by("id")
            ),
        )
    )


def agreement_rows(*, include_drafts: bool = False) -> QuerySet[Agreement]:
    """Agreements for the API and the exports; `attach_agreement_relations()` completes them.

    The queryset is what filters and pagination work on; once a page (or a chunk) is
    read, its related rows are read in one query per relation as plain dictionaries.
    """
    agreements = Agreement.objects.all() if include_drafts else Agreement.objects.published()
    return agreements.select_related("event", "renews").defer(
        "search_document", "renews__search_document"
    )


def _translated(relation: str, field: str) -> list[str]:
    prefix = f"{relation}__" if relation else ""
    return [f"{prefix}{field}_{code}" for code in ("ar", "fr", "en")]


def _grouped(rows, key: str) -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row)
    return grouped


def attach_agreement_relations(
    agreements: Sequence[Agreement], *, include_drafts: bool = False
) -> Sequence[Agreement]:
    """Set `party_rows`, `signatory_rows`, `attendee_rows`, `theme_rows`,
    `initiative_rows`, `renewal_rows` and `citation_rows` on each agreement: lists of
    dictionaries, read in seven queries whatever the number of agreements.

    Plain rows rather than prefetched model instances: on a page of fifty agreements,
    instantiating some 800 related models cost three times all the queries together.
    """
    ids = [agreement.pk for agreement in agreements]
    if not ids:
        return agreements
    signing = [
        "agreement_id", "person__slug", *_translated("person", "name"),
        "organization__slug", *_translated("organization", "name"), *_translated("", "title"),
    ]  # fmt: skip
    parties = AgreementParty.objects.filter(agreement_id__in=ids).order_by("id").values(
        "agreement_id", "organization__slug", *_translated("organization", "name"),
        *_translated("organization", "acronym"), "organization__kind", "organization__country",
    )  # fmt: skip
    signatories = Signatory.objects.filter(agreement_id__in=ids).order_by("id").values(*signing)
    attendees = Attendee.objects.filter(agreement_id__in=ids).order_by("id").values(*signing)
    themes = (
        Agreement.themes.through.objects.filter(agreement_id__in=ids)
        .order_by("theme__slug")
        .values("agreement_id", "theme__slug", *_translated("theme", "name"))
    )
    initiatives = Agreement.initiatives.through.objects.filter(agreement_id__in=ids)
    renewals = Agreement.objects.filter(renews_id__in=ids)
    if not include_drafts:
        initiatives = initiatives.filter(initiative__status=PublicationStatus.PUBLISHED)
        renewals = renewals.filter(status=PublicationStatus.PUBLISHED)
    initiatives = initiatives.order_by("initiative__slug").values(
        "agreement_id", "initiative__slug", *_translated("initiative", "name")
    )
    renewals = renewals.order_by("slug").values("renews_id", "slug")
    citations = (
        Citation.objects.filter(
            content_type=ContentType.objects.get_for_model(Agreement), object_id__in=ids
        )
        .order_by("id")
        .values("object_id", "quote", "fields", "source__slug", *_translated("source", "title"))
    )
    relations = {
        "party_rows": _grouped(parties, "agreement_id"),
        "signatory_rows": _grouped(signatories, "agreement_id"),
        "attendee_rows": _grouped(attendees, "agreement_id"),
        "theme_rows": _grouped(themes, "agreement_id"),
        "initiative_rows": _grouped(initiatives, "agreement_id"),
        "renewal_rows": _grouped(renewals, "renews_id"),
        "citation_rows": _grouped(citations, "object_id"),
    }
    for agreement in agreements:
        for attribute, rows in relations.items():
            setattr(agreement, attribute, rows.get(agreement.pk, []))
    return agreements


def initiative_list(*, include_drafts: bool = False) -> QuerySet[Initiative]:
    initiatives = Initiative.objects.all() if include_drafts else Initiative.objects.published()
    visible_agreements = (
        Agreement.objects.all() if include_drafts else Agreement.objects.published()
    )
    return (
        initiatives.select_related("lead", "parent")
        .prefetch_related(
            Prefetch("partners", queryset=Organization.objects.order_by("slug")),
            Prefetch(
                "agreements",
                queryset=visible_agreements.only("id", "slug").order_by("slug"),
                to_attr="visible_agreements",
            ),
        )
        .order_by("slug")
    )


def source_list() -> QuerySet[SourceDocument]:
    """Source documents have no draft state: every stored article is public evidence."""
    return SourceDocument.objects.order_by("slug")


# -- the dataset's version, for conditional GET --------------------------------------------

TRACKED_APPS = ("agreements", "partners", "events")


@cache
def _version_sql() -> tuple[str, int]:
    """One statement reading the newest history row of every tracked table.

    django-simple-history writes a row for every save and delete made through the ORM, in
    the services, the admin and the seed loader alike, so the newest history id of every
    table changes with any write. The newest id of the main tables catches bulk inserts
    (the synthetic data); these are all index-only lookups.
    """
    quote = connection.ops.quote_name
    ids: list[str] = []
    dates: list[str] = []
    for model in apps.get_models():
        if model._meta.app_label not in TRACKED_APPS:
            continue
        table = quote(model._meta.db_table)
        ids.append(f"(SELECT MAX({quote(model._meta.pk.column)}) FROM {table})")
        if model.__name__.startswith("Historical") and _has_field(model, "history_date"):
            dates.append(f"(SELECT MAX({quote('history_date')}) FROM {table})")
    return f"SELECT {', '.join(ids + dates)}", len(ids)


def _has_field(model: type[Model], name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())


def dataset_version() -> tuple[str, dt.datetime | None]:
    """A token that changes whenever the dataset does, and the time of the latest write."""
    sql, id_count = _version_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    ids, dates = row[:id_count], row[id_count:]
    parsed = [_as_datetime(value) for value in dates if value is not None]
    return ",".join(str(value or 0) for value in ids), max(parsed, default=None)


def _as_datetime(value: object) -> dt.datetime:
    if isinstance(value, str):  # SQLite answers MAX() over a datetime column as text
        value = dt.datetime.fromisoformat(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, dt.UTC)
    return value.replace(microsecond=0)
