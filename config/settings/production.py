"""Production: refuses to start without its secrets; secure by default, every switch an
environment variable (see the README's "Running it in production")."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import REDIS_URL, TRUSTED_PROXY_COUNT, env_bool, env_list

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in production, 50 characters or more (`make serve` makes one "
        "in var/secret_key)."
    )
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must be set in production (PostgreSQL).")

DEBUG = env_bool("DEBUG", False)

# HTTPS: on by default. HTTPS=false only where the site is really reached over plain HTTP
# (`make serve` on this machine's loopback). Behind a proxy that terminates TLS, keep it
# on and set TRUSTED_PROXY_COUNT so that the proxy's X-Forwarded-Proto is believed;
# if the proxy already redirects to HTTPS itself, SECURE_SSL_REDIRECT=false spares a hop.
HTTPS = env_bool("HTTPS", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
# A load balancer's health check may speak plain HTTP to the application directly.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", HTTPS)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if TRUSTED_PROXY_COUNT:
    # Only a proxy of ours may say the request came over HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Origins allowed to POST (the admin's forms) when the public address differs from Host,
# e.g. "https://tracker.example.ma".
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# collectstatic's output, served by WhiteNoise: gzip and Brotli copies made once, and
# names carrying a hash of their content so browsers may keep them for a year.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

if REDIS_URL:
    # Sessions read from the shared cache, written through to the database.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
