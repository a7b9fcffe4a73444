"""The upgrade scenario of `tests/test_upgrade.py`, run in a process of its own against a
database of its own (DATABASE_URL), so that rolling migrations back and forth never
touches the test database the rest of the suite shares.

    python -m tests.upgrade_scenario OUT_DIR

Loads the seeds, makes an editor's change, writes the export (ar, fr, en) to
OUT_DIR/before.json, rolls the schema back to the previous version, checks it is there,
migrates forward and writes OUT_DIR/after.json.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import django

# The newest migration of each app before record versions and the evidence move.
PREVIOUS_VERSION = [("agreements", "0004_postgres_search"), ("partners", "0001_initial"),
                    ("events", "0001_initial"), ("core", None)]  # fmt: skip


def export() -> dict[str, dict]:
    from django.test import Client

    documents = {}
    for language in ("ar", "fr", "en"):
        response = Client().get("/api/v1/export/", {"lang": language})
        assert response.status_code == 200, response.content[:500]
        document = json.loads(b"".join(response.streaming_content))
        document.pop("exported_at", None)
        documents[language] = document
    return documents


def main(out_dir: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host is allowed, as under pytest
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from agreements.models import Agreement, Initiative
    from agreements.services import update_agreement
    from core.models import SourceDocument
    from events.models import Event

    call_command("migrate", verbosity=0)
    call_command("load_seeds", verbosity=0)
    # Columns added after the previous version: a database it made has them empty or false
    # (the next `load_seeds` fills them from the seeds, tests/seeding/test_source_metadata.py
    # and test_seed_loader.py).
    SourceDocument.objects.update(dateline="", credits="")
    Agreement.objects.update(title_is_editorial=False, public_note="", public_note_ar="",
                             public_note_fr="", public_note_en="")  # fmt: skip
    Initiative.objects.update(name_is_editorial=False)
    Event.objects.update(name_is_editorial=False)
    editor = User.objects.create_superuser("editor", password="not-used-here")
    agreement = Agreement.objects.published().order_by("pk").first()
    update_agreement(actor=editor, agreement=agreement, title={"fr": "Titre corrigé"})
    (out_dir / "before.json").write_text(json.dumps(export(), ensure_ascii=False))

    MigrationExecutor(connection).migrate(PREVIOUS_VERSION)
    with connection.cursor() as cursor:
        table = connection.introspection.get_table_description(cursor, "agreements_agreement")
    (out_dir / "previous_columns.json").write_text(json.dumps([c.name for c in table]))

    call_command("migrate", verbosity=0)
    (out_dir / "after.json").write_text(json.dumps(export(), ensure_ascii=False))
    version = Agreement.objects.get(pk=agreement.pk).version
    (out_dir / "version.json").write_text(json.dumps(version))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
