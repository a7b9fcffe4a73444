"""The published dataset's version: a short fingerprint of what the public may read.

`core.dataset.dataset_version()` changes with any write, an editor's draft included. A
citation should name what its reader read, so this version is a hash of figures taken over
the published records only, and changes when, and only when, one of them may have:

- a curated record (a model with a `status`): over the published rows, their number, the
  sum of their ids, the sum of their versions (every save counts one) and their latest
  `updated_at`. Publishing, withdrawing, deleting or editing a published record changes
  one of these; writing to a draft changes none;
- a record's parts (parties, signatories, positions, citations, links between records):
  over the rows whose required curated records are all published (as the public reads
  them; a nullable key to a hidden record reads as None and the row stays), their number
  and the sum of their ids; and over their history, the newest history row that names
  only published records, which catches a part edited in place;
- an editorial table without status nor curated keys (themes, sources): every row, and
  its history. What is derived from the data (search words) or is bookkeeping (the
  loader's snapshots, editors' proposed revisions) does not count.

A write through the ORM that bypasses `save()` (`QuerySet.update()`) moves neither a
version nor a history row; the services never write so.

The fingerprint takes a few aggregate queries, so it is computed once per dataset token
(`dataset_version()`, one index-only query) and kept in the cache every process shares.
"""

from __future__ import annotations

import hashlib
from functools import cache as memoize

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, Max, Model, Q, QuerySet, Sum
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_model_for_model

from core.dataset import TRACKED_APPS, dataset_version
from core.records import has_field
from core.visibility import PUBLISHED

# Editors' work in progress, which has a status but is never read by the public.
NOT_PUBLIC = ("core.revision",)
VERSION_LENGTH = 12
CACHE_SECONDS = 24 * 3600


def is_curated(model: type[Model]) -> bool:
    return has_field(model, "status")


def _history_of(model: type[Model]) -> type[Model] | None:
    try:
        return get_history_model_for_model(model)
    except NotHistoricalModelError:
        return None


def _curated_keys(model: type[Model]) -> list:
    """The keys a row cannot be read without: to a curated record, not nullable (a
    nullable one to a hidden record reads as None, and the row stays)."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.many_to_one and not field.null and is_curated(field.related_model)
    ]


def is_public_data(model: type[Model]) -> bool:
    """Curated records; the editorial tables around them, which keep a history (parties,
    signatories, citations, sources, themes...); the links between curated records. Not
    what is derived from them (search words) nor the loader's bookkeeping."""
    if model._meta.label_lower in NOT_PUBLIC or model.__name__.startswith("Historical"):
        return False
    if is_curated(model) or _history_of(model) is not None:
        return True
    return bool(model._meta.auto_created and _curated_keys(model))


@memoize
def _public_models() -> tuple[type[Model], ...]:
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in TRACKED_APPS and is_public_data(model)
    ]
    return tuple(sorted(models, key=lambda model: model._meta.db_table))


def _curated_models() -> list[type[Model]]:
    return [model for model in _public_models() if is_curated(model)]


def _public_parts(model: type[Model], queryset: QuerySet) -> QuerySet:
    """Rows of `queryset` (the model's rows or its history) that name only published
    records through their required keys; a generic key (a citation's record) must point
    at a published record."""
    condition = Q()
    for field in _curated_keys(model):
        condition &= Q(**{f"{field.name}__status": PUBLISHED})
    for field in model._meta.private_fields:
        if isinstance(field, GenericForeignKey):
            pointed = Q(pk__in=[])
            for curated in _curated_models():
                kind = ContentType.objects.get_for_model(curated, for_concrete_model=False)
                published = curated._default_manager.filter(status=PUBLISHED).values("pk")
                pointed |= Q(**{field.ct_field: kind, f"{field.fk_field}__in": published})
            condition &= pointed
    return queryset.filter(condition)


def _figures(model: type[Model]) -> tuple:
    everything = model._base_manager.order_by()
    curated = is_curated(model)
    rows = everything.filter(status=PUBLISHED) if curated else _public_parts(model, everything)
    aggregates = {"count": Count("pk"), "ids": Sum("pk")}
    if has_field(model, "version"):
        aggregates["versions"] = Sum("version")
    if has_field(model, "updated_at"):
        aggregates["updated"] = Max("updated_at")
    figures = rows.aggregate(**aggregates)
    if not curated:
        history = _history_of(model)
        if history is not None:
            past = _public_parts(model, history._base_manager.order_by())
            figures["history"] = past.aggregate(newest=Max("history_id"))["newest"]
    return (model._meta.db_table, *sorted((name, str(value)) for name, value in figures.items()))


def compute_published_version() -> str:
    """The fingerprint itself (a few aggregate queries per table); see the module."""
    text = repr([_figures(model) for model in _public_models()])
    return hashlib.sha256(text.encode()).hexdigest()[:VERSION_LENGTH]


def published_version(token: str | None = None) -> str:
    """The published dataset's version, for a dataset token already read (or read here).

    Kept in the shared cache under the token: computed once per write, whatever the number
    of processes; a token is never reused, so a kept value is never stale.
    """
    if token is None:
        token = dataset_version()[0]
    key = "published-version:" + hashlib.sha256(token.encode()).hexdigest()
    version = cache.get(key)
    if version is None:
        version = compute_published_version()
        cache.set(key, version, CACHE_SECONDS)
    return version
