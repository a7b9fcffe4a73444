"""Organizations (partners) and people under /api/v1/."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from agreements.selectors import signatures_prefetch
from api.partners.serializers import (
    OrganizationInput,
    OrganizationSerializer,
    PersonInput,
    PersonSerializer,
)
from api.viewsets import PublicViewSet, WritableMixin
from partners import services
from partners.filtersets import OrganizationFilterSet, PersonFilterSet
from partners.models import Organization, Person
from partners.selectors import organization_list, person_list


@extend_schema_view(
    list=extend_schema(summary="List partner organizations", tags=["partners"]),
    retrieve=extend_schema(summary="One partner organization", tags=["partners"]),
    create=extend_schema(summary="Create a partner organization (editors)", tags=["partners"]),
    partial_update=extend_schema(
        summary="Change a partner organization (editors)", tags=["partners"]
    ),
)
class OrganizationViewSet(WritableMixin, PublicViewSet):
    """Partner organizations: ministries, agencies, companies, international bodies."""

    model = Organization
    serializer_class = OrganizationSerializer
    input_serializer_class = OrganizationInput
    filterset_class = OrganizationFilterSet

    def get_queryset(self):
        return organization_list(include_drafts=self.can_view_drafts)

    def create_record(self, **data):
        return services.save_organization(actor=self.request.user, **data)

    def update_record(self, record, **data):
        return services.save_organization(actor=self.request.user, organization=record, **data)


@extend_schema_view(
    list=extend_schema(summary="List people", tags=["people"]),
    retrieve=extend_schema(summary="One person", tags=["people"]),
    create=extend_schema(summary="Create a person (editors)", tags=["people"]),
    partial_update=extend_schema(summary="Change a person (editors)", tags=["people"]),
)
class PersonViewSet(WritableMixin, PublicViewSet):
    """People: signatories, witnesses and participants, with their positions."""

    model = Person
    serializer_class = PersonSerializer
    input_serializer_class = PersonInput
    filterset_class = PersonFilterSet

    def get_queryset(self):
        drafts = self.can_view_drafts
        return person_list(include_drafts=drafts).prefetch_related(
            signatures_prefetch(include_drafts=drafts)
        )

    def create_record(self, **data):
        return services.save_person(actor=self.request.user, **data)

    def update_record(self, record, **data):
        return services.save_person(actor=self.request.user, person=record, **data)
