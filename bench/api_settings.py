"""Production settings for the API benchmark, plus the references' addresses.

Used only by bench/api.py's gunicorn; DATABASE_URL and SECRET_KEY come from it. With
BENCH_UNCACHED_COUNTS set, list counts are never kept (`core.counting` stores them in a
cache that forgets): every request is the first one for its filters.
"""

import os

from config.settings.production import *  # noqa: F403
from config.settings.production import CACHES

ROOT_URLCONF = "bench.api_urls"
# The load generator is one client: throttling it would measure the throttle.
API_THROTTLE_RATES = {"anon": None, "user": None, "export": None}

if os.environ.get("BENCH_UNCACHED_COUNTS"):
    CACHES = {**CACHES, "forgetful": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    COUNT_CACHE_ALIAS = "forgetful"
