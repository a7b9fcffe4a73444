"""The site's URLs plus two references for bench/api.py, serving the same page of agreements:

- /bench/baseline/agreements/: the floor, bare `.values()` rows of the agreement's own
  columns and a `count()` on every request, filtered like the API;
- /bench/drf/agreements/: the usual cost, what a typical DRF application would write — a
  `ListAPIView` with the same FilterSet, DRF's page-number pagination (counting on every
  request) and a nested `ModelSerializer` over `prefetch_related()` (the same fields and
  nesting as the API's answer, without its visibility rules for related rows).
"""

from django.db.models import F, Q
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django_filters.rest_framework import DjangoFilterBackend
from drf_orjson_renderer.renderers import ORJSONRenderer
from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny

from agreements.filtersets import AgreementFilterSet
from agreements.models import Agreement, AgreementParty, Attendee, Citation, Signatory
from agreements.search import matching
from config.urls import urlpatterns as site_urlpatterns

FIELDS = (
    "slug", "title_ar", "kind", "signed_on", "signed_on_precision", "place_city_ar",
    "place_country", "duration_months", "summary_ar", "updated_at",
)  # fmt: skip


def baseline(request: HttpRequest) -> JsonResponse:
    """One page of published agreements, filtered like the API, as bare .values() rows."""
    params = request.GET
    queryset = Agreement.objects.filter(status="published")
    if "kind" in params:
        queryset = queryset.filter(kind=params["kind"])
    if "year" in params:
        queryset = queryset.filter(signed_on__year=int(params["year"]))
    if "country" in params:
        queryset = queryset.filter(parties__organization__country=params["country"]).distinct()
    if "partner" in params:
        queryset = queryset.filter(parties__organization__slug=params["partner"])
    if "q" in params:
        queryset = matching(queryset, params["q"])
    queryset = queryset.filter(~Q(pk=None)).order_by(F("signed_on").desc(nulls_last=True), "id")
    page = list(queryset.values(*FIELDS)[:50])
    return JsonResponse({"count": queryset.count(), "results": page})


# -- a typical DRF application ---------------------------------------------------------------


class Ref(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class PartySerializer(serializers.ModelSerializer):
    slug = serializers.SlugField(source="organization.slug")
    name = serializers.CharField(source="organization.name")
    acronym = serializers.CharField(source="organization.acronym")
    kind = serializers.CharField(source="organization.kind")
    country = serializers.CharField(source="organization.country")

    class Meta:
        model = AgreementParty
        fields = ("slug", "name", "acronym", "kind", "country")


class SignatorySerializer(serializers.ModelSerializer):
    person = Ref()
    organization = Ref(allow_null=True)

    class Meta:
        model = Signatory
        fields = ("person", "organization", "title")


class AttendeeSerializer(SignatorySerializer):
    class Meta:
        model = Attendee
        fields = ("person", "organization", "title")


class SourceRef(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()


class CitationSerializer(serializers.ModelSerializer):
    source = SourceRef()

    class Meta:
        model = Citation
        fields = ("source", "quote", "fields")


class Place(serializers.Serializer):
    city = serializers.CharField(source="place_city")
    country = serializers.CharField(source="place_country")


class TypicalAgreementSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="agreement-detail", lookup_field="slug", lookup_url_kwarg="slug"
    )
    api_url = serializers.HyperlinkedIdentityField(
        view_name="api:agreement-detail", lookup_field="slug", lookup_url_kwarg="slug"
    )
    kind_label = serializers.CharField(source="get_kind_display")
    place = Place(source="*")
    event = Ref(allow_null=True)
    expires_on = serializers.CharField(source="expires_partial.isoformat")
    renews = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    renewed_by = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    parties = PartySerializer(many=True)
    signatories = SignatorySerializer(many=True)
    attendees = AttendeeSerializer(many=True)
    themes = Ref(many=True)
    initiatives = Ref(many=True)
    citations = CitationSerializer(many=True)

    class Meta:
        model = Agreement
        fields = (
            "slug", "url", "api_url", "title", "kind", "kind_label", "signed_on",
            "signed_on_precision", "place", "event", "duration_months", "expires_on",
            "renews", "renewed_by", "parties", "signatories", "attendees", "themes",
            "initiatives", "summary", "objectives", "citations", "updated_at",
        )  # fmt: skip


class TypicalPagination(PageNumberPagination):
    page_size = 50


PREFETCHED = (
    "parties__organization", "signatories__person", "signatories__organization",
    "attendees__person", "attendees__organization", "themes", "initiatives", "renewed_by",
    "citations__source",
)  # fmt: skip


class TypicalAgreementList(generics.ListAPIView):
    serializer_class = TypicalAgreementSerializer
    pagination_class = TypicalPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = AgreementFilterSet
    renderer_classes = [ORJSONRenderer]
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = []
    queryset = (
        Agreement.objects.published()
        .defer("search_document")
        .select_related("event", "renews")
        .prefetch_related(*PREFETCHED)
    )


urlpatterns = [
    path("bench/baseline/agreements/", baseline),
    path("bench/drf/agreements/", TypicalAgreementList.as_view()),
    *site_urlpatterns,
]
