"""Cross-cutting HTTP behaviour that belongs to no app."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware


class CompressUnlessSecret(GZipMiddleware):
    """Gzip HTML and JSON, except a response whose body may carry the CSRF token.

    BREACH recovers a secret from the size of compressed responses that also reflect an
    attacker's input. The public pages and the API carry no secret in their bodies; a page
    that renders a form's CSRF token (the admin, the login) makes Django send the CSRF
    cookie with it, and that is what this checks: such a response leaves uncompressed.
    Django's own random padding stays on top as a second line.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        return super().process_response(request, response)
