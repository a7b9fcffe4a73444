"""How a seed value meets what is stored: what the loader reports, and how it reads and
writes a record's collections (tags, parties, signing acts) to compare them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from simple_history.utils import bulk_create_with_history

CHANGE_REASON = "load_seeds"


@dataclass(frozen=True)
class Conflict:
    """A field an editor changed that the seed files would set otherwise."""

    kind: str
    slug: str
    field: str
    kept: Any
    seed: Any

    def __str__(self) -> str:
        return (
            f"{self.kind} '{self.slug}', {self.field}: kept {self.kept!r} (seed says {self.seed!r})"
        )


@dataclass
class LoadReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    citations_created: int = 0
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def changed_anything(self) -> bool:
        return bool(
            sum(self.created.values()) or sum(self.updated.values()) or self.citations_created
        )


def jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "code") and not isinstance(value, str):  # django-countries' Country
        return value.code or ""
    if isinstance(value, Decimal):
        # As written, without the column's padding: 0.687, not 0.6870 (an indicator's value).
        return format(value.normalize(), "f")
    return value


@dataclass
class Collection:
    """A many-valued part of a record (parties, participants...), merged as one value."""

    read: Callable[[models.Model], Any]
    write: Callable[[models.Model, Any], None]


def m2m(attr: str) -> Collection:
    def read(obj: models.Model) -> list[int]:
        return sorted(getattr(obj, attr).values_list("pk", flat=True))

    def write(obj: models.Model, ids: list[int]) -> None:
        getattr(obj, attr).set(ids)

    return Collection(read=read, write=write)


def rows(related_name: str, model: type[models.Model], owner: str) -> Collection:
    """Child rows compared on their data columns, rewritten whole when the seed changes."""

    def read(obj: models.Model) -> list[dict]:
        rows = getattr(obj, related_name).all()
        columns = None
        result = []
        for row in rows:
            data = {
                f.attname: getattr(row, f.attname)
                for f in model._meta.concrete_fields
                if f.attname not in ("id", f"{owner}_id") and not is_untranslated_original(model, f)
            }
            columns = columns or list(data)
            result.append(data)
        return sorted(result, key=lambda row: next(iter(row.values())) if row else 0)

    def write(obj: models.Model, rows: list[dict]) -> None:
        getattr(obj, related_name).all().delete()
        instances = [model(**{f"{owner}_id": obj.pk}, **row) for row in rows]
        for instance in instances:
            instance.full_clean(validate_unique=False, validate_constraints=False, exclude=[owner])
        bulk_create_with_history(instances, model, default_change_reason=CHANGE_REASON)

    return Collection(read=read, write=write)


def is_untranslated_original(model: type[models.Model], field: models.Field) -> bool:
    """modeltranslation keeps the original column beside title_ar/_fr/_en: skip it."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return False
    return field.name in options.all_fields
