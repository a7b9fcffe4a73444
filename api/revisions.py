"""Proposed revisions under /api/v1/revisions/: what a PATCH by an editor left for review.

A PATCH that changes a published record, sent by an editor without the publish
permission, is not applied: it answers 202 Accepted with the revision's id and its
address (`Location`), which this resource serves to its author and to the publishers of
that kind of record. Publishers decide in the admin.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from api.schema import ERROR_RESPONSES
from api.viewsets import PublicViewSet, revision_url
from core import revisions, services
from core.models import Revision, RevisionStatus


class ChangeSerializer(serializers.Serializer):
    field = serializers.CharField(help_text=_("The field's name, e.g. title_fr, signatories."))
    label = serializers.CharField(help_text=_("The field as an editor reads it."))
    before = serializers.ListField(child=serializers.CharField(allow_blank=True))
    after = serializers.ListField(child=serializers.CharField(allow_blank=True))


class RevisionSerializer(serializers.Serializer):
    """A change waiting for a publisher's review, or decided."""

    id = serializers.IntegerField()
    api_url = serializers.URLField(help_text=_("This revision in the API."))
    status = serializers.ChoiceField(choices=RevisionStatus.choices)
    kind = serializers.CharField(help_text=_("The kind of record: agreement, person..."))
    record = serializers.CharField(help_text=_("The record's slug."))
    base_version = serializers.IntegerField(
        help_text=_("The record's version the change was made on (its ETag's number).")
    )
    proposed_by = serializers.CharField()
    proposed_at = serializers.DateTimeField()
    note = serializers.CharField(allow_blank=True)
    decided_at = serializers.DateTimeField(allow_null=True)
    reason = serializers.CharField(
        allow_blank=True, help_text=_("Why it was rejected, when it was.")
    )
    changes = ChangeSerializer(many=True)

    def to_representation(self, revision: Revision) -> dict:
        request = self.context.get("request")
        record = revision.record
        return {
            "id": revision.pk,
            "api_url": revision_url(request, revision.pk),
            "status": revision.status,
            "kind": revision.content_type.model,
            "record": getattr(record, "slug", None) or str(revision.object_id),
            "base_version": revision.base_version,
            "proposed_by": revision.proposed_by.get_username(),
            "proposed_at": serializers.DateTimeField().to_representation(revision.proposed_at),
            "note": revision.note,
            "decided_at": (
                serializers.DateTimeField().to_representation(revision.decided_at)
                if revision.decided_at
                else None
            ),
            "reason": revision.reason,
            "changes": [
                {"field": row.name, "label": row.label, "before": row.before, "after": row.after}
                for row in revisions.change_rows(revision)
            ],
        }


@extend_schema_view(
    retrieve=extend_schema(
        summary="A change proposed for review (its author and publishers)",
        tags=["revisions"],
        # Signed in only: the error answers of a write, on a read. Declared whole here
        # (an explicit `responses` replaces what ApiAutoSchema would add).
        responses={
            200: RevisionSerializer,
            **{code: ERROR_RESPONSES[code] for code in (400, 401, 403, 404, 429)},
        },
    ),
)
class RevisionViewSet(PublicViewSet):
    """Changes to published records waiting for a publisher, as their author sent them."""

    model = Revision
    serializer_class = RevisionSerializer
    permission_classes = [IsAuthenticated]
    lookup_field = "pk"
    lookup_value_regex = r"[0-9]{1,18}"
    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        user = self.request.user
        queryset = Revision.objects.select_related("content_type", "proposed_by")
        if user.is_superuser:
            return queryset
        publishes = [
            kind
            for kind in queryset.values_list("content_type", flat=True).distinct()
            if (model := self._model_of(kind)) is not None and services.may_publish(user, model)
        ]
        return queryset.filter(Q(proposed_by=user) | Q(content_type__in=publishes))

    @staticmethod
    def _model_of(content_type_id: int):
        return ContentType.objects.get_for_id(content_type_id).model_class()

    def retrieve(self, request, *args, **kwargs):
        # A revision's status changes without a new dataset version: never answered 304.
        try:
            revision = self.get_queryset().get(pk=kwargs["pk"])
        except Revision.DoesNotExist:
            raise Http404 from None
        return Response(self.get_serializer(revision).data)
