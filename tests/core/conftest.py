"""Fixtures for the write-path tests: the seed data, and a client for each role."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

from tests.admin.conftest import make_user

ROLES = ("anonymous", "editor", "publisher", "superuser")


@pytest.fixture
def seeded(seeded_module, db):
    """The seed data, shared by a module's tests (each test's changes are rolled back)."""


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    cache.clear()
    yield
    cache.clear()


def user_for(role: str) -> User | None:
    if role == "anonymous":
        return None
    if role == "superuser":
        return User.objects.create_superuser("root", password="a-long-root-password")
    groups = ("Editors",) if role == "editor" else ("Editors", "Publishers")
    return make_user(role, *groups)


@pytest.fixture(params=ROLES)
def role(request) -> str:
    return request.param


@pytest.fixture
def actor(role: str, seeded) -> Client:
    """A browser (admin) and API client signed in as the role; anonymous signs in as nobody."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    user = user_for(role)
    if user is not None:
        client.force_login(user)
    return client
