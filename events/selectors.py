"""Reads of events: published only for the public, with everything a page shows."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from agreements.models import Agreement
from events.models import Event, EventParticipant
from partners.models import Organization


def event_list(*, include_drafts: bool = False) -> QuerySet[Event]:
    events = Event.objects.all() if include_drafts else Event.objects.published()
    visible_agreements = (
        Agreement.objects.all() if include_drafts else Agreement.objects.published()
    )
    return events.select_related("parent").prefetch_related(
        Prefetch(
            "participants",
            queryset=EventParticipant.objects.select_related("person", "organization").order_by(
                "id"
            ),
        ),
        Prefetch("organizations", queryset=Organization.objects.order_by("slug")),
        Prefetch(
            "agreements",
            queryset=visible_agreements.only("id", "slug", "event_id").order_by("slug"),
            to_attr="visible_agreements",
        ),
    )
