"""How many records a filtered list holds: counted once per version of the dataset, and
cheaply, for the API's pagination and the public list pages alike.

Call it with the filtered queryset (ordering and annotations do not matter, they are
dropped), what identifies the list, and the dataset's version
(`core.dataset.dataset_version()[0]`, which the caller usually reads anyway for its
`ETag`)::

    from core import counting

    counted = counting.count(
        queryset,
        key_parts=("agreements", "published", sorted(filters.items())),
        version=version,
    )
    counted.value        # an int
    counted.is_estimate  # True: show "about {value}"

- `key_parts` is anything with a stable `repr()` (strings, numbers, sorted tuples or
  lists) naming the list: the resource, who may see drafts, the filters — never the page,
  the page size, the order or the language, which do not change the count. Two callers
  that pass the same parts share the count (the API and the site may, on purpose).
- The count is kept in the cache (`settings.COUNT_CACHE_ALIAS`, "default" when unset:
  Redis in production, so every process shares it) under the parts and the version: any
  write makes a new version, hence new keys, and no count is ever stale; the old keys
  expire.
- When the caller already knows the count (a first page shorter than the page size
  holds every row), `remember(key_parts=..., version=..., value=n)` stores it without a
  query, and `cached(key_parts=..., version=...)` reads a count without counting.
- Counting itself reads at most `EXACT_UP_TO + 1` matching rows: a list that has more is
  given, on PostgreSQL, the planner's estimate of its size (never less than what was
  read), flagged `is_estimate`. Where the planner cannot be asked (SQLite), the count is
  exact.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any, NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.db.models import QuerySet

# Lists up to this size are counted exactly; a larger one is estimated (PostgreSQL).
EXACT_UP_TO = 10_000
# A count is exact for its version of the dataset; the timeout only frees the cache.
CACHE_SECONDS = 3600


class Counted(NamedTuple):
    value: int
    is_estimate: bool = False


def _store():
    return caches[getattr(settings, "COUNT_CACHE_ALIAS", "default")]


def cache_key(key_parts: Sequence[Any], version: str) -> str:
    text = repr((tuple(key_parts), version))
    return "count:" + hashlib.sha256(text.encode()).hexdigest()


def cached(*, key_parts: Sequence[Any], version: str) -> Counted | None:
    """The count stored for this list and version, or None (no query)."""
    hit = _store().get(cache_key(key_parts, version))
    return Counted(*hit) if hit is not None else None


def remember(*, key_parts: Sequence[Any], version: str, value: int) -> Counted:
    """Store an exact count the caller established without counting."""
    counted = Counted(value, False)
    _store().set(cache_key(key_parts, version), tuple(counted), CACHE_SECONDS)
    return counted


def count(queryset: QuerySet, *, key_parts: Sequence[Any], version: str) -> Counted:
    """The cached count of this list for this version of the dataset, counted if absent."""
    hit = cached(key_parts=key_parts, version=version)
    if hit is not None:
        return hit
    counted = count_now(queryset)
    _store().set(cache_key(key_parts, version), tuple(counted), CACHE_SECONDS)
    return counted


def count_now(queryset: QuerySet) -> Counted:
    """Count without the cache: exactly up to `EXACT_UP_TO`, estimated beyond (PostgreSQL)."""
    queryset = queryset.order_by()
    if connections[queryset.db].vendor != "postgresql":
        return Counted(queryset.count(), False)
    read = queryset[: EXACT_UP_TO + 1].count()
    if read <= EXACT_UP_TO:
        return Counted(read, False)
    return Counted(max(planner_estimate(queryset), read), True)


def planner_estimate(queryset: QuerySet) -> int:
    """PostgreSQL's estimate of how many rows the queryset returns (EXPLAIN, no execution)."""
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])
