"""Who the client is, as every part of the site must agree on it."""

from __future__ import annotations

from django.http import HttpRequest
from rest_framework.throttling import BaseThrottle


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or, behind TRUSTED_PROXY_COUNT proxies, the
    address the outermost trusted proxy saw in X-Forwarded-For.

    django-axes (login lockouts) calls this; the API's throttles use the same rule through
    DRF's NUM_PROXIES, which settings set to the same count, so a lockout and a throttle
    always name the same client. A forged X-Forwarded-For changes nothing when no proxy
    is trusted, and only the entries a trusted proxy appended count when one is.
    """
    return BaseThrottle().get_ident(request)
