"""robots.txt and the error pages, in the visitor's language."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from website.public import (
    public_page,
)

# -- robots, errors --------------------------------------------------------------------


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@public_page
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404 in the reader's language (the URL's prefix, else their browser's)."""
    context = {"slug": "", "suggestions": [], "message": _exception_message(exception)}
    return render(request, "404.html", context, status=404)


def _exception_message(exception: Exception | None) -> str:
    # Only our own Http404 messages are meant for readers; Django's resolver messages are not.
    if isinstance(exception, Http404) and exception.args and isinstance(exception.args[0], str):
        return exception.args[0]
    return ""


def server_error(request: HttpRequest) -> HttpResponse:
    """500 without touching the database or the request's context processors, which may be
    what failed; the language LocaleMiddleware activated is still active."""
    template = loader.get_template("500.html")
    language = translation.get_language() or "ar"
    html = template.render(
        {"LANGUAGE_CODE": language, "LANGUAGE_BIDI": translation.get_language_bidi()}
    )
    return HttpResponse(html, status=500)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    template = loader.get_template("400.html")
    html = template.render(
        {
            "LANGUAGE_CODE": translation.get_language() or "ar",
            "LANGUAGE_BIDI": translation.get_language_bidi(),
        }
    )
    return HttpResponse(html, status=400)
