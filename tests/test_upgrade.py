"""A database made by the previous version, with an editor's change in it, migrates forward
without losing a record or the change: the published dataset reads the same after.

The scenario runs in a process and a database of its own (`tests/upgrade_scenario.py`):
rolling migrations back inside the shared test database would disturb the other tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)


@pytest.fixture
def scenario_database(tmp_path: Path):
    """A database URL nobody else uses, of the same kind as the test database."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'upgrade.sqlite3'}"
        return
    params = settings.DATABASES["default"]
    server = f"postgres://{params['USER']}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}"
    name = f"upgrade_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_migrating_forward_from_the_previous_version_keeps_every_record_and_change(
    scenario_database: str, tmp_path: Path
):
    environment = {**os.environ, "DATABASE_URL": scenario_database,
                   "DJANGO_SETTINGS_MODULE": "config.settings.test"}  # fmt: skip
    run = subprocess.run(
        [sys.executable, "-m", "tests.upgrade_scenario", str(tmp_path)],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]

    def read(name: str):
        return json.loads((tmp_path / name).read_text())

    assert "version" not in read("previous_columns.json")  # really at the previous schema
    before, after = read("before.json"), read("after.json")
    assert "Titre corrigé" in json.dumps(before["fr"], ensure_ascii=False)
    assert after == before
    assert read("version.json") == 1  # the column is new: every record starts at 1
