from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from config.health import healthz
from website.public import public_page
from website.sitemaps import SITEMAPS
from website.views import errors

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("config.api_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]

# Public pages carry their language in the URL: /ar/ (default), /fr/, /en/.
urlpatterns += i18n_patterns(
    path("", include("website.urls")),
    prefix_default_language=True,
)

# The public site's files that have one address for every language.
urlpatterns += [
    path("robots.txt", errors.robots_txt, name="robots-txt"),
    # Browsers and crawlers ask for it where a page names no icon (the admin, the API).
    path(
        "favicon.ico",
        RedirectView.as_view(url=lazy(static, str)("img/favicon.svg"), permanent=True),
    ),
    path(
        "sitemap.xml",
        public_page(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
]

handler400 = "website.views.errors.bad_request"
handler404 = "website.views.errors.page_not_found"
handler500 = "website.views.errors.server_error"
