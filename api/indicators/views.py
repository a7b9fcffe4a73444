"""Indicators under /api/v1/: read only (editors write them in the admin)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from api.indicators.serializers import IndicatorSerializer
from api.viewsets import PublicViewSet, with_form_built_once
from indicators.filtersets import IndicatorFilterSet
from indicators.models import Indicator
from indicators.selectors import indicator_list


@extend_schema_view(
    list=extend_schema(summary="List indicators (rankings and scores)", tags=["indicators"]),
    retrieve=extend_schema(summary="One indicator", tags=["indicators"]),
)
class IndicatorViewSet(PublicViewSet):
    """Dated rankings and scores of a country or one of its cities, each with its source."""

    model = Indicator
    serializer_class = IndicatorSerializer
    filterset_class = with_form_built_once(IndicatorFilterSet)

    def get_queryset(self):
        return indicator_list(include_drafts=self.can_view_drafts)
