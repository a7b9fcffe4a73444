"""The published dataset's version: a short fingerprint of what the public may read.

`core.dataset.dataset_version()` changes with any write, an editor's draft included. A
citation should name what its reader read, so this version is a hash of figures taken over
the published records only, and changes when, and only when, one of them may have:

- a curated record (a model with a `status`): the number of published rows, and the
  newest history row written while published. An edit to a published record, its
  publication or its deletion writes such a row; a withdrawal lowers the number; a
  draft's edits write draft rows only. So the pair never comes back once left;
- a record's parts (parties, signatories, positions, citations): the newest history row
  that names only published records through its required keys (a nullable key to a
  hidden record reads as None, and the row stays public);
- an editorial table without status nor curated keys (themes, sources): its number of
  rows and its newest history row;
- a link between curated records (agreement-theme, event-organization...): its owner's
  history records each change, with the owner's status; a link table without such a
  history counts its public rows instead.

What is derived from the data (search words) or is bookkeeping (the loader's snapshots,
editors' proposed revisions) does not count. A write that bypasses `save()` and the
related managers (`QuerySet.update()`) writes no history row; the services never write so.

The fingerprint takes one short query per table (tens of milliseconds at 100,000
agreements on PostgreSQL), and is computed once per dataset token
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


def _generic_keys(model: type[Model]) -> list[GenericForeignKey]:
    return [field for field in model._meta.private_fields if isinstance(field, GenericForeignKey)]


def _link_kept_in_history(model: type[Model]) -> bool:
    """A link table (agreement-theme...) whose changes the owner's history records (a
    history row of the agreement, with its status, for each change of its themes)."""
    label = f"{model._meta.app_label}.Historical{model.__name__}"
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True


def is_public_data(model: type[Model]) -> bool:
    """Curated records; the editorial tables around them, which keep a history (parties,
    signatories, citations, sources, themes...); the links between curated records whose
    history is not kept by their owner. Not what is derived from them (search words) nor
    the loader's bookkeeping."""
    if model._meta.label_lower in NOT_PUBLIC or model.__name__.startswith("Historical"):
        return False
    if is_curated(model) or _history_of(model) is not None:
        return True
    return bool(
        model._meta.auto_created and _curated_keys(model) and not _link_kept_in_history(model)
    )


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
    for field in _generic_keys(model):
        pointed = Q(pk__in=[])
        for curated in _curated_models():
            kind = ContentType.objects.get_for_model(curated, for_concrete_model=False)
            published = curated._default_manager.filter(status=PUBLISHED).values("pk")
            pointed |= Q(**{field.ct_field: kind, f"{field.fk_field}__in": published})
        condition &= pointed
    return queryset.filter(condition)


def _newest(history: QuerySet) -> int | None:
    """The newest history row of `history`: read backwards along the history's key, so it
    stops at the first row that qualifies instead of reading them all."""
    return history.order_by("-history_id").values_list("history_id", flat=True).first()


def _figures(model: type[Model]) -> tuple:
    history = _history_of(model)
    rows = model._base_manager.order_by()
    if is_curated(model):
        published = rows.filter(status=PUBLISHED)
        figures = {"count": published.count()}
        if history is not None:
            figures["newest"] = _newest(history._base_manager.filter(status=PUBLISHED))
        else:
            figures |= published.aggregate(
                ids=Sum("pk"), versions=Sum("version"), updated=Max("updated_at")
            )
    elif history is not None:
        figures = {"newest": _newest(_public_parts(model, history._base_manager.all()))}
        if not _curated_keys(model) and not _generic_keys(model):
            figures["count"] = rows.count()  # every row is public (sources, themes)
    else:
        figures = _public_parts(model, rows).aggregate(count=Count("pk"), ids=Sum("pk"))
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
