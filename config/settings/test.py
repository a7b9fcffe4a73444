"""Test settings: the database still comes from DATABASE_URL, so CI runs the suite on both."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Static files straight from the apps' folders, no collectstatic (WhiteNoise's dev mode);
# tests/production/ runs the real thing, collected, in a server of its own.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
