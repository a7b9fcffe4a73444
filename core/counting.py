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
- On PostgreSQL the planner is asked first what the count would cost (EXPLAIN, under a
  millisecond): above `EXACT_COST`, the list is counted in a sample of `SAMPLE_PERCENT` %
  of the table's pages and scaled up, flagged `is_estimate` (within a few percent for a
  list of thousands; the page links stay exact, see api/pagination.py). Elsewhere
  (SQLite) the count is exact.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any, NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import QuerySet

# A count the planner costs above this (its units: about one page read from disk each) is
# estimated from a sample instead (PostgreSQL). At 100,000 agreements on the team's
# machine: one partner's agreements cost 140 (9 ms), a rare word 2,200 (9 ms), a year
# 7,100 (43 ms), a kind, a year and a country 10,600 (133 ms), a common word 22,000
# (400 ms), no filter 26,000 (156 ms).
EXACT_COST = 5_000
# The share of the table's pages an estimate reads.
SAMPLE_PERCENT = 2
# Fewer rows than this in the sample make a poor estimate (±15% and worse): count exactly.
MIN_SAMPLED = 50
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


def planned(queryset: QuerySet, *, counting: bool = False) -> dict | None:
    """PostgreSQL's plan (EXPLAIN, as JSON) for reading the queryset's rows, or for
    counting them; None on other databases or for a filter that can match nothing."""
    if connections[queryset.db].vendor != "postgresql":
        return None
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (`.none()`, `__in=[]`)
        return None
    if counting:
        sql = f"SELECT COUNT(*) FROM ({sql}) counted"
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]


def count_now(queryset: QuerySet) -> Counted:
    """Count without the cache: exactly when the planner says it is cheap, else estimated
    from a sample (PostgreSQL; elsewhere always exactly)."""
    # Only the primary key is read: what a page shows (annotations, JSON) is not counted.
    queryset = queryset.order_by().values("pk")
    if connections[queryset.db].vendor != "postgresql":
        return Counted(queryset.count(), False)
    plan = planned(queryset, counting=True)
    if plan is None:
        return Counted(0, False)
    cost = plan["Total Cost"]
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        if cost <= EXACT_COST:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) counted", params)
            return Counted(cursor.fetchone()[0], False)
        table = connections[queryset.db].ops.quote_name(queryset.model._meta.db_table)
        outer = f"FROM {table}"
        if outer not in sql:
            return Counted(queryset.count(), False)
        # SYSTEM sampling reads whole pages, a fixed share of the table; REPEATABLE makes
        # the estimate the same in every process for the same data.
        sampled = sql.replace(
            outer, f"{outer} TABLESAMPLE SYSTEM ({SAMPLE_PERCENT}) REPEATABLE (0)", 1
        )
        cursor.execute(f"SELECT COUNT(*) FROM ({sampled}) counted", params)
        found = cursor.fetchone()[0]
        if found < MIN_SAMPLED:
            # Too few rows in the sample to scale up (a rare match in a costly plan could
            # read "about 0" above a page of results): count them, once per version.
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) counted", params)
            return Counted(cursor.fetchone()[0], False)
    return Counted(round(found * 100 / SAMPLE_PERCENT), True)


class EstimatedPage(Page):
    """A page whose next page is known from the rows read, not from an estimated count."""

    def __init__(self, object_list, number, paginator, *, has_more: bool) -> None:
        super().__init__(object_list, number, paginator)
        self.has_more = has_more

    def has_next(self) -> bool:
        return self.has_more

    def next_page_number(self) -> int:
        return self.number + 1


def estimated_page(
    queryset: QuerySet, paginator: Paginator, number: int, rows: list | None = None
) -> EstimatedPage | None:
    """Page `number` of a list whose count is an estimate, or None past its last row.

    The estimate may be short or long: the page reads whatever rows it holds, and one more
    to know whether a next page exists, so every row stays reachable. `rows` is the first
    page when the caller has read it already (with that one row more).
    """
    size = paginator.per_page
    offset = (number - 1) * size
    if rows is None:
        rows = list(queryset[offset : offset + size + 1])
    if not rows:
        return None
    # An estimate is never below the rows seen: the page (and the next, if one more row
    # came back) is then within the paginator's range, as page links expect.
    paginator.count = max(paginator.count, offset + len(rows))
    return EstimatedPage(rows[:size], number, paginator, has_more=len(rows) > size)


def any_row(queryset: QuerySet) -> bool:
    """Whether the queryset has a row, planned as if all its rows were read.

    `exists()` asks for one row, and PostgreSQL, guessing that a rare full-text match
    is frequent, may then scan the whole table for a row that is not there; a
    materialized CTE is planned on its own (by index for a rare match) and read lazily.
    """
    if connections[queryset.db].vendor != "postgresql":
        return queryset.exists()
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return False
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(
            f"WITH matched AS MATERIALIZED ({sql}) SELECT EXISTS (SELECT 1 FROM matched)", params
        )
        return cursor.fetchone()[0]
