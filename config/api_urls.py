"""Everything under /api/: version 1 of the data, its OpenAPI schema and its documentation."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from api.errors import api_not_found

app_name = "api"

urlpatterns = [
    path("v1/", include("api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("docs/redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    # Any other address under /api/ answers JSON, not the site's HTML 404 page.
    re_path(r"^[\s\S]*$", api_not_found),
]
