"""One size limit for every write route: the API refuses what the admin's forms refuse."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from agreements.models import Agreement
from tests.api.test_writes import patch, token_client, user_in

AGREEMENT = "/api/v1/agreements/{}/"


@pytest.mark.django_db
def test_a_body_over_the_limit_is_a_413_naming_the_body_and_writes_nothing(seeded):
    publisher: Client = token_client(user_in("Publishers", "publisher"))
    agreement = Agreement.objects.published().first()
    huge = "ن" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE  # two bytes each in UTF-8
    response = patch(publisher, AGREEMENT.format(agreement.slug), {"summary": {"ar": huge}})
    assert response.status_code == 413
    assert "body" in response.json()
    agreement.refresh_from_db()
    assert agreement.summary_ar != huge


@pytest.mark.django_db
def test_a_body_under_the_limit_is_taken(seeded):
    publisher: Client = token_client(user_in("Publishers", "publisher"))
    agreement = Agreement.objects.published().first()
    response = patch(publisher, AGREEMENT.format(agreement.slug), {"summary": {"fr": "Résumé."}})
    assert response.status_code == 200, response.json()
