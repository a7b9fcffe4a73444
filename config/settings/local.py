"""Developer settings: what `make run` uses. Debug on, an explicit development-only key."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "local-development-only-not-secret"

# Static files straight from the apps' folders, no collectstatic (WhiteNoise's dev mode).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
