"""A page of agreements whose related rows PostgreSQL assembles as JSON, in the page's query.

`AgreementSerializer.represent()` over `selectors.attach_agreement_relations()` is the
reference: it reads the page as model instances, then seven relations as plain rows, and
builds every dictionary in Python (eight queries; at 100,000 agreements, 60 ms a page of
fifty on the team's machine, most of it instantiating models and grouping rows). Here the
page is read as `.values()` rows with one column per relation, each a correlated
`JSON_AGG(JSON_BUILD_OBJECT(...))` subquery through the same visibility rules
(`rows_needing`, `visible_join`, the selectors' querysets), with names already in the
reader's language (`core.filtersets.translated`: the same fallback as `tr()`); Python
parses that JSON (orjson) and adds what depends on the request or on Python's rules (links,
labels, partial dates, the expiry date, the time zone of `updated_at`). One query instead
of eight, and the same dictionaries, key for key and in the same order:
`tests/api/test_assembled.py` compares both on every page, language and audience.

PostgreSQL only (SQLite's JSON aggregates take no ORDER BY before 3.44); elsewhere the
reference path serves.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import orjson
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import (
    Case,
    Expression,
    F,
    Func,
    JSONField,
    OuterRef,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import translation
from rest_framework import serializers

from agreements.models import Agreement, AgreementKind, AgreementParty, Citation
from agreements.selectors import attendees_queryset, signatories_queryset
from api.agreements.serializers import kind_label
from api.fields import api_url, country_code, partial, public_url
from core.filtersets import translated
from core.records import PartialDate
from core.visibility import rows_needing, visible, visible_join

TRANSLATED = ("title", "place_city", "summary", "objectives", "public_note")
# Read under names of their own: the SQL's column names are the rows' keys.
SCALARS = {
    "row_id": "pk", "row_slug": "slug", "row_kind": "kind", "signed": "signed_on",
    "precision": "signed_on_precision", "country": "place_country",
    "months": "duration_months", "updated": "updated_at", "event_slug": "visible_event__slug",
    "renews_slug": "visible_renews__slug", "title_editorial": "title_is_editorial",
}  # fmt: skip
RELATIONS = ("renewed_by", "parties", "signatories", "attendees", "themes", "initiatives",
             "citations")  # fmt: skip


_DATETIME = serializers.DateTimeField()


def supported(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


class JSONObject(Func):
    """JSON_BUILD_OBJECT: json, not jsonb, so that keys keep the order they are given in."""

    function = "JSON_BUILD_OBJECT"
    output_field = JSONField()

    def __init__(self, **pairs: Expression) -> None:
        arguments: list = []
        for key, value in pairs.items():
            arguments += [Cast(Value(key), TextField()), value]
        super().__init__(*arguments)


class JSONArray(Subquery):
    """The `item` column of a queryset's rows as a JSON array in `position` order, as text
    (so that psycopg hands it over unparsed); `[]` when there are none."""

    template = (
        'COALESCE((SELECT JSON_AGG("rows"."json_item" ORDER BY "rows"."json_order") '
        "FROM (%(subquery)s) \"rows\"), '[]'::json)::text"
    )
    output_field = TextField()

    def __init__(self, queryset: QuerySet, *, item: Expression, position: Expression) -> None:
        super().__init__(queryset.order_by().values(json_item=item, json_order=position))


def _ref(prefix: str, field: str = "name") -> JSONObject:
    return JSONObject(slug=F(f"{prefix}__slug"), **{"name": translated(f"{prefix}__{field}")})


def _signing_act() -> JSONObject:
    return JSONObject(
        person=_ref("person"),
        organization=Case(
            When(visible_organization__slug__isnull=False, then=_ref("visible_organization")),
            default=RawSQL("NULL", (), output_field=JSONField()),
            output_field=JSONField(),
        ),
        title=translated("title"),
    )


def relation_columns(*, include_drafts: bool) -> dict[str, JSONArray]:
    """One JSON column per relation of the representation, read through the visibility
    rules of `selectors.attach_agreement_relations()`, in the same orders."""
    drafts = {"include_drafts": include_drafts}
    mine = {"agreement_id": OuterRef("pk")}
    parties = rows_needing(AgreementParty.objects.filter(**mine), "organization", **drafts)
    signatories = visible_join(
        signatories_queryset(**drafts).filter(**mine), "organization", **drafts
    )
    initiatives = rows_needing(
        Agreement.initiatives.through.objects.filter(**mine), "initiative", **drafts
    )
    citations = Citation.objects.filter(
        content_type=ContentType.objects.get_for_model(Agreement), object_id=OuterRef("pk")
    )
    return {
        "renewed_by": JSONArray(
            visible(Agreement, **drafts).filter(renews_id=OuterRef("pk")),
            item=F("slug"),
            position=F("slug"),
        ),
        "parties": JSONArray(
            parties,
            item=JSONObject(
                slug=F("organization__slug"),
                name=translated("organization__name"),
                acronym=translated("organization__acronym"),
                kind=F("organization__kind"),
                country=NullIf(F("organization__country"), Value("")),
            ),
            position=F("id"),
        ),
        "signatories": JSONArray(signatories, item=_signing_act(), position=F("id")),
        "attendees": JSONArray(
            attendees_queryset(**drafts).filter(**mine), item=_signing_act(), position=F("id")
        ),
        "themes": JSONArray(
            Agreement.themes.through.objects.filter(**mine),
            item=_ref("theme"),
            position=F("theme__slug"),
        ),
        "initiatives": JSONArray(
            initiatives, item=_ref("initiative"), position=F("initiative__slug")
        ),
        "citations": JSONArray(
            citations,
            item=JSONObject(
                source=JSONObject(slug=F("source__slug"), title=translated("source__title")),
                quote=F("quote"),
                fields=Coalesce(F("fields"), Value([], output_field=JSONField())),
            ),
            position=F("id"),
        ),
    }


def page_ids(queryset: QuerySet[Agreement]) -> QuerySet:
    """The filtered, ordered agreements' ids: what pagination slices and counts."""
    return queryset.values_list("pk", flat=True)


@lru_cache(maxsize=32)
def _rows_sql(language: str, include_drafts: bool) -> tuple[str, tuple, int]:
    """The SQL that reads given agreements with their related rows as JSON, compiled once
    per language and audience (building and compiling it costs more than running it)."""
    ids = _IdsPlaceholder()
    with translation.override(language):
        columns = {name: F(path) for name, path in SCALARS.items()}
        columns |= {f"{field}_text": translated(field) for field in TRANSLATED}
        columns["event_name"] = translated("visible_event__name")
        for name, column in relation_columns(include_drafts=include_drafts).items():
            columns[f"{name}_json"] = column
        agreements = visible_join(
            Agreement.objects.all(), "event", "renews", include_drafts=include_drafts
        ).filter(pk__in=RawSQL("SELECT UNNEST(%s::bigint[])", (ids,)))
        sql, params = agreements.order_by().values(**columns).query.sql_with_params()
    return sql, params, params.index(ids)


class _IdsPlaceholder(list):
    """Stands for the page's ids in the compiled SQL's parameters."""

    def __eq__(self, other: object) -> bool:
        return other is self

    __hash__ = object.__hash__


def read_rows(ids: list[int], *, include_drafts: bool, using: str = "default") -> list[dict]:
    """The agreements of these ids, in this order, as rows for `represent_rows()`: one query."""
    if not ids:
        return []
    sql, params, position = _rows_sql(translation.get_language() or "ar", include_drafts)
    params = (*params[:position], list(ids), *params[position + 1 :])
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        columns = [column.name for column in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    found = {row["row_id"]: row for row in rows}
    return [found[pk] for pk in ids if pk in found]


def represent_rows(rows: Iterable[dict], request) -> list[dict]:
    """`AgreementSerializer.represent()` of each row, key for key."""
    from_json = orjson.loads
    represented = []
    for row in rows:
        slug, precision = row["row_slug"], row["precision"]
        signed = PartialDate.from_stored(row["signed"], precision)
        expires = signed.plus_months(row["months"])
        event = row["event_slug"]
        represented.append(
            {
                "slug": slug,
                "url": public_url(request, "agreement-detail", slug),
                "api_url": api_url(request, "agreement-detail", slug),
                "title": row["title_text"],
                "title_is_editorial": row["title_editorial"],
                "kind": row["row_kind"],
                "kind_label": kind_label(AgreementKind, row["row_kind"]),
                "signed_on": partial(row["signed"], precision),
                "signed_on_precision": precision,
                "place": {
                    "city": row["place_city_text"],
                    "country": country_code(row["country"]),
                },
                "event": {"slug": event, "name": row["event_name"]} if event else None,
                "duration_months": row["months"],
                "expires_on": expires.isoformat(),
                "expires_on_precision": str(expires.precision.value),
                "renews": row["renews_slug"],
                "renewed_by": from_json(row["renewed_by_json"]),
                "parties": from_json(row["parties_json"]),
                "signatories": from_json(row["signatories_json"]),
                "attendees": from_json(row["attendees_json"]),
                "themes": from_json(row["themes_json"]),
                "initiatives": from_json(row["initiatives_json"]),
                "summary": row["summary_text"],
                "objectives": row["objectives_text"],
                "public_note": row["public_note_text"],
                "citations": from_json(row["citations_json"]),
                "updated_at": _DATETIME.to_representation(row["updated"]),
            }
        )
    return represented
