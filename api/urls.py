"""The API's version 1 resources; config/api_urls.py mounts them under /api/v1/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from api.agreements.views import AgreementViewSet, InitiativeViewSet, SourceViewSet
from api.events.views import EventViewSet
from api.export import DatasetViewSet
from api.indicators.views import IndicatorViewSet
from api.partners.views import OrganizationViewSet, PersonViewSet
from api.revisions import RevisionViewSet

router = SimpleRouter()
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("partners", OrganizationViewSet, basename="organization")
router.register("people", PersonViewSet, basename="person")
router.register("events", EventViewSet, basename="event")
router.register("initiatives", InitiativeViewSet, basename="initiative")
router.register("sources", SourceViewSet, basename="source")
router.register("indicators", IndicatorViewSet, basename="indicator")

urlpatterns = [
    path("export/", DatasetViewSet.as_view({"get": "retrieve"}), name="dataset"),
    path(
        "revisions/<int:pk>/",
        RevisionViewSet.as_view({"get": "retrieve"}),
        name="revision-detail",
    ),
    *router.urls,
]
