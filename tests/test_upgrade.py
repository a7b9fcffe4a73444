"""A database made by the previous version, with an editor's change in it, migrates forward
without losing a record or the change: the published dataset reads the same after."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from agreements.models import Agreement
from agreements.services import update_agreement

# The newest migration of each app before record versions came in.
PREVIOUS_VERSION = [("agreements", "0004_postgres_search"), ("partners", "0001_initial"),
                    ("events", "0001_initial"), ("core", None)]  # fmt: skip


def export() -> dict[str, dict]:
    """The published dataset in each language."""
    documents = {}
    for language in ("ar", "fr", "en"):
        response = Client().get("/api/v1/export/", {"lang": language})
        document = json.loads(b"".join(response.streaming_content))
        document.pop("exported_at", None)
        documents[language] = document
    return documents


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrating_forward_from_the_previous_version_keeps_every_record_and_change():
    call_command("load_seeds", verbosity=0)
    editor = User.objects.create_superuser("editor", password="not-used-here")
    agreement = Agreement.objects.published().first()
    update_agreement(actor=editor, agreement=agreement, title={"fr": "Titre corrigé"})
    before = export()
    assert "Titre corrigé" in json.dumps(before["fr"], ensure_ascii=False)

    executor = MigrationExecutor(connection)
    executor.migrate(PREVIOUS_VERSION)
    with connection.cursor() as cursor:
        columns = [c.name for c in connection.introspection.get_table_description(
            cursor, Agreement._meta.db_table)]  # fmt: skip
    assert "version" not in columns  # really at the previous schema

    call_command("migrate", verbosity=0)
    assert export() == before
    assert Agreement.objects.get(pk=agreement.pk).version == 1
