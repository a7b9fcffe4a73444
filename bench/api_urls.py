"""The site's URLs plus /bench/baseline/: the same page of agreements from .values().

The baseline is what the cheapest possible endpoint costs on the same server, database
and filters: the API's latency is reported as a ratio to it.
"""

from django.db.models import F, Q
from django.http import HttpRequest, JsonResponse
from django.urls import path

from agreements.models import Agreement
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


urlpatterns = [path("bench/baseline/agreements/", baseline), *site_urlpatterns]
