"""Reads of the evidence every record shares."""

from __future__ import annotations

from django.db.models import Prefetch

from core.models import Citation


def citations_prefetch() -> Prefetch:
    """A record's citations with their sources, in the order they were entered."""
    return Prefetch("citations", queryset=Citation.objects.select_related("source").order_by("id"))
