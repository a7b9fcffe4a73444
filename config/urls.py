from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from agreements import views as agreement_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("agreements.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]

# Public pages carry their language in the URL: /ar/ (default), /fr/, /en/.
urlpatterns += i18n_patterns(
    path("", agreement_views.home, name="home"),
    path(
        "agreements/<slug:slug>/",
        agreement_views.agreement_detail,
        name="agreement-detail",
    ),
    prefix_default_language=True,
)
