"""The dataset's version, for conditional GET and for refusing stale writes.

One statement reads the newest history row of every tracked table: django-simple-history
writes a row for every save and delete made through the ORM (services, admin, seed loader
alike), so the newest history id of every table changes with any write. The newest id of
the main tables catches bulk inserts (the synthetic data). All are index-only lookups.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from django.apps import apps
from django.db import connection
from django.db.models import Model
from django.utils import timezone

from core.records import has_field

TRACKED_APPS = ("core", "indicators", "partners", "events", "agreements")
# Editors' work in progress, which the public never sees: a proposed revision changes
# nothing published until it is approved (and the approval is a tracked write).
UNTRACKED_MODELS = ("core.revision",)


@cache
def _version_sql() -> tuple[str, int]:
    quote = connection.ops.quote_name
    ids: list[str] = []
    dates: list[str] = []
    # Sorted by table: the registry's order follows import order, which differs between
    # processes (hash seeds), and every process must spell the same version alike.
    tracked = [
        model
        for model in apps.get_models()
        if model._meta.app_label in TRACKED_APPS and model._meta.label_lower not in UNTRACKED_MODELS
    ]
    for model in sorted(tracked, key=lambda model: model._meta.db_table):
        table = quote(model._meta.db_table)
        ids.append(f"(SELECT MAX({quote(model._meta.pk.column)}) FROM {table})")
        if model.__name__.startswith("Historical") and has_field(model, "history_date"):
            dates.append(f"(SELECT MAX({quote('history_date')}) FROM {table})")
    return f"SELECT {', '.join(ids + dates)}", len(ids)


def dataset_version(
    *, record: tuple[type[Model], str] | None = None
) -> tuple[str, dt.datetime | None, int | None]:
    """A token that changes whenever the dataset does, the time of the latest write, and,
    when `record` (a model and a slug) is given, that record's version — in one query."""
    sql, id_count = _version_sql()
    params: list[str] = []
    if record is not None:
        model, slug = record
        quote = connection.ops.quote_name
        sql += (
            f", (SELECT {quote('version')} FROM {quote(model._meta.db_table)} "
            f"WHERE {quote('slug')} = %s)"
        )
        params.append(slug)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    record_version = row[-1] if record is not None else None
    row = row[:-1] if record is not None else row
    ids, dates = row[:id_count], row[id_count:]
    parsed = [_as_datetime(value) for value in dates if value is not None]
    token = ",".join(str(value or 0) for value in ids)
    return token, max(parsed, default=None), record_version


def _as_datetime(value: object) -> dt.datetime:
    if isinstance(value, str):  # SQLite answers MAX() over a datetime column as text
        value = dt.datetime.fromisoformat(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, dt.UTC)
    return value.replace(microsecond=0)
