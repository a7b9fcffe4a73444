"""API throttles that count right when several processes share one cache.

DRF's own throttles read a client's list of request times, append to it and write it
back: two processes that read at once both let a request through, and with 60 concurrent
requests against a limit of 30, 59 passed (bench/processes.py). These count with the
cache's atomic increment instead (Redis INCR in production), in fixed windows: "120/minute"
is 120 requests in each minute of the clock, and Retry-After says when the next begins
(never more than the window). A client may thus send up to twice the rate across a
window's boundary; in exchange every process agrees on every count, exactly.
"""

from __future__ import annotations

import math

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle


class WindowThrottle(SimpleRateThrottle):
    """A request passes while its window has counted fewer than the rate's number; a
    refused request is not counted, so a client that keeps asking is not held longer."""

    rate_setting = ""

    def get_rate(self) -> str | None:
        # Read on every request, so that deployments and tests can set it.
        return settings.API_THROTTLE_RATES.get(self.rate_setting)

    def allow_request(self, request: Request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window = int(self.now // self.duration)
        window_key = f"{self.key}:{window}"
        self.cache.add(window_key, 0, timeout=self.duration + 1)
        if self.cache.incr(window_key) <= self.num_requests:
            return True
        self.cache.decr(window_key)
        return self.throttle_failure()

    def wait(self) -> float:
        """Seconds until the next window begins."""
        return max(1, math.ceil(self.duration - self.now % self.duration))


class AnonymousThrottle(WindowThrottle, AnonRateThrottle):
    rate_setting = "anon"


class AuthenticatedThrottle(WindowThrottle, UserRateThrottle):
    rate_setting = "user"


class ExportThrottle(WindowThrottle, AnonRateThrottle):
    """The export is large: anonymous clients get a smaller allowance for it."""

    scope = "export"
    rate_setting = "export"
