"""Events under /api/v1/."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from agreements.selectors import event_agreements_prefetch
from api.events.serializers import EventInput, EventSerializer
from api.viewsets import PublicViewSet, WritableMixin
from events import services
from events.filtersets import EventFilterSet
from events.models import Event
from events.selectors import event_list


@extend_schema_view(
    list=extend_schema(summary="List events", tags=["events"]),
    retrieve=extend_schema(summary="One event", tags=["events"]),
    create=extend_schema(summary="Create an event (editors)", tags=["events"]),
    partial_update=extend_schema(summary="Change an event (editors)", tags=["events"]),
)
class EventViewSet(WritableMixin, PublicViewSet):
    """Events: fairs, summits, assemblies and meetings where agreements are signed."""

    model = Event
    serializer_class = EventSerializer
    input_serializer_class = EventInput
    filterset_class = EventFilterSet

    def get_queryset(self):
        drafts = self.can_view_drafts
        return event_list(include_drafts=drafts).prefetch_related(
            event_agreements_prefetch(include_drafts=drafts)
        )

    def create_record(self, **data):
        return services.save_event(actor=self.request.user, **data)

    def update_record(self, record, **data):
        return services.save_event(actor=self.request.user, event=record, **data)
