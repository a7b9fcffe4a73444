"""API fixtures: the real seed data, loaded once per module; a fresh throttle count per test."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from hypothesis import configuration

from seeding.loader import load_seeds

# Hypothesis (under schemathesis) keeps caches on disk: outside the work tree.
configuration.set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "tracker-hypothesis")


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def seeded_module(django_db_setup, django_db_blocker):
    """The seeds, loaded once for the module inside a transaction rolled back at its end.

    Each test still runs in its own savepoint (pytest-django's `db`), so what a test
    changes is undone before the next one, as with Django's setUpTestData.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        load_seeds(seeds_dir=settings.SEEDS_DIR)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_module, db):
    return None
