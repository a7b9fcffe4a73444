"""Production settings for the API benchmark, plus the bare baseline's address.

Used only by bench/api.py's gunicorn; DATABASE_URL and SECRET_KEY come from it.
"""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.api_urls"
# The load generator is one client: throttling it would measure the throttle.
API_THROTTLE_RATES = {"anon": None, "user": None, "export": None}
