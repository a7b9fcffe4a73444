"""Agreements, initiatives and sources under /api/v1/."""

from __future__ import annotations

from drf_orjson_renderer.renderers import ORJSONRenderer
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from agreements import services
from agreements.filtersets import AgreementFilterSet, InitiativeFilterSet, SourceFilterSet
from agreements.models import Agreement, Initiative, SourceDocument
from agreements.selectors import (
    agreement_rows,
    attach_agreement_relations,
    initiative_list,
    source_list,
)
from api.agreements import assembled
from api.agreements.serializers import (
    AgreementInput,
    AgreementSerializer,
    InitiativeInput,
    InitiativeSerializer,
    SourceInput,
    SourceSerializer,
)
from api.export import CSVRenderer, csv_response, in_chunks
from api.viewsets import PublicViewSet, WritableMixin, with_form_built_once


@extend_schema_view(
    list=extend_schema(summary="List agreements", tags=["agreements"]),
    retrieve=extend_schema(summary="One agreement", tags=["agreements"]),
    create=extend_schema(summary="Create an agreement (editors)", tags=["agreements"]),
    partial_update=extend_schema(summary="Change an agreement (editors)", tags=["agreements"]),
)
class AgreementViewSet(WritableMixin, PublicViewSet):
    """Agreements: memoranda, protocols, declarations of intent, with their evidence.

    `?format=csv` (or `Accept: text/csv`) answers the list as CSV: every matching
    agreement, one row each, parties and signatories flattened (only one page when `page`
    or `page_size` is given).
    """

    model = Agreement
    serializer_class = AgreementSerializer
    input_serializer_class = AgreementInput
    filterset_class = with_form_built_once(AgreementFilterSet)
    renderer_classes = [ORJSONRenderer, CSVRenderer]

    def get_renderers(self):
        if self.action in ("list", "retrieve"):
            return super().get_renderers()
        return [ORJSONRenderer()]

    def get_queryset(self):
        # Built per request so that the active language applies to translated fields.
        return agreement_rows(include_drafts=self.can_view_drafts)

    def complete(self, records: list) -> list:
        return attach_agreement_relations(records, include_drafts=self.can_view_drafts)

    def list_response(self, request, *args, **kwargs):
        json = request.accepted_renderer.format != "csv"
        if json and not assembled.supported(self.get_queryset()):
            return super().list_response(request, *args, **kwargs)
        queryset = self.filter_queryset(self.get_queryset())
        if json:
            # PostgreSQL assembles the related rows as JSON in the page's query.
            ids = self.paginate_queryset(assembled.page_ids(queryset))
            rows = assembled.read_rows(ids, include_drafts=self.can_view_drafts, using=queryset.db)
            return self.get_paginated_response(assembled.represent_rows(rows, request))
        asked_for_a_page = {"page", "page_size"} & set(request.query_params)
        if asked_for_a_page:
            rows = self.complete(self.paginate_queryset(queryset))
        else:
            rows = in_chunks(queryset, complete=self.complete)
        return csv_response(self.get_serializer(), rows, f"agreements-{self.language}")

    def retrieve_response(self, request, *args, **kwargs):
        if request.accepted_renderer.format != "csv":
            if not assembled.supported(self.get_queryset()):
                return super().retrieve_response(request, *args, **kwargs)
            agreement = self.get_object()
            rows = assembled.read_rows(
                [agreement.pk], include_drafts=self.can_view_drafts, using=agreement._state.db
            )
            return Response(assembled.represent_rows(rows, request)[0])
        agreement = self.complete([self.get_object()])[0]
        return csv_response(self.get_serializer(), [agreement], agreement.slug)

    def create_record(self, **data):
        return services.create_agreement(actor=self.request.user, **data)

    def update_record(self, record, **data):
        return services.update_agreement(actor=self.request.user, agreement=record, **data)


@extend_schema_view(
    list=extend_schema(summary="List initiatives", tags=["initiatives"]),
    retrieve=extend_schema(summary="One initiative", tags=["initiatives"]),
    create=extend_schema(summary="Create an initiative (editors)", tags=["initiatives"]),
    partial_update=extend_schema(summary="Change an initiative (editors)", tags=["initiatives"]),
)
class InitiativeViewSet(WritableMixin, PublicViewSet):
    """Initiatives: national programmes and institutions agreements serve."""

    model = Initiative
    serializer_class = InitiativeSerializer
    input_serializer_class = InitiativeInput
    filterset_class = InitiativeFilterSet

    def get_queryset(self):
        return initiative_list(include_drafts=self.can_view_drafts)

    def create_record(self, **data):
        return services.save_initiative(actor=self.request.user, **data)

    def update_record(self, record, **data):
        return services.save_initiative(actor=self.request.user, initiative=record, **data)


@extend_schema_view(
    list=extend_schema(summary="List source documents", tags=["sources"]),
    retrieve=extend_schema(summary="One source document, with its full text", tags=["sources"]),
    create=extend_schema(summary="Create a source document (editors)", tags=["sources"]),
    partial_update=extend_schema(summary="Change a source document (editors)", tags=["sources"]),
)
class SourceViewSet(WritableMixin, PublicViewSet):
    """Source documents: the articles every citation quotes, with their full text."""

    model = SourceDocument
    serializer_class = SourceSerializer
    input_serializer_class = SourceInput
    filterset_class = SourceFilterSet

    def get_queryset(self):
        return source_list()

    def create_record(self, **data):
        return services.save_source(actor=self.request.user, **data)

    def update_record(self, record, **data):
        return services.save_source(actor=self.request.user, source=record, **data)
