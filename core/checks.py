"""Deployment checks of our own, run by `manage.py check --deploy` beside Django's."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs) -> list[Warning]:
    """Several processes need one cache: throttles, cached counts and sessions live there."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("LocMemCache", "DummyCache")):
        return [
            Warning(
                "The cache is local to each process.",
                hint=(
                    "Set REDIS_URL (for example redis://127.0.0.1:6379/0): otherwise every "
                    "worker counts API throttles and list counts on its own."
                ),
                id="core.W001",
            )
        ]
    return []
