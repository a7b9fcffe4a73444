"""Property-based run of every operation of /api/schema/ (schemathesis) in the normal
pytest run, on whichever database it runs on: no server error, and every response (and
every refusal) conforms to the schema. Reads run anonymously, writes as a publisher."""

from __future__ import annotations

import pytest
import schemathesis
from django.contrib.auth.models import Group, User
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import positive_data_acceptance

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_schema(seeded, settings):
    settings.API_THROTTLE_RATES = {"anon": None, "user": None, "export": None}
    # As Django's test client does: the end of a request must not close the connection
    # that holds the test's transaction (PostgreSQL would lose the seed data).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def publisher_token(seeded) -> str:
    user = User.objects.create_user("schemathesis")
    user.groups.add(Group.objects.get(name="Publishers"))
    return Token.objects.create(user=user).key


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    database=None,  # nothing written into the work tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case, publisher_token):
    # Schemathesis' WSGI transport asks for gzip like a browser but does not decode it;
    # compression itself is tested through the real server (tests/production/).
    headers = {"Accept-Encoding": "identity"}
    if case.method in ("POST", "PATCH"):
        headers["Authorization"] = f"Token {publisher_token}"
    # A well-formed slug of a record that does not exist is a 400 by design (it names the
    # parameter, so that a typo does not pass for "no results"): schema-valid is not
    # always valid, so that one check is left out.
    case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])
