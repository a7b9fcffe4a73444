"""`manage.py createdatabase`: create the PostgreSQL database DATABASE_URL names, if absent.

`make serve` runs it first, so a fresh clone needs only a running PostgreSQL server. The
database is made UTF-8 from template0: pg_trgm extracts no trigrams from Arabic in a
database whose encoding or LC_CTYPE is C.
"""

from __future__ import annotations

import psycopg
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from psycopg import sql


class Command(BaseCommand):
    help = "Create the PostgreSQL database that DATABASE_URL names, if it does not exist."

    def handle(self, *args, **options) -> None:
        if connection.vendor != "postgresql":
            self.stdout.write(f"{connection.vendor}: nothing to create.")
            return
        params = connection.get_connection_params()
        name = connection.settings_dict["NAME"]
        params.pop("dbname", None)
        params.pop("options", None)
        try:
            admin = psycopg.connect(dbname="postgres", autocommit=True, **params)
        except psycopg.OperationalError as error:
            raise CommandError(f"PostgreSQL does not answer: {error}") from error
        with admin:
            exists = admin.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if exists:
                self.stdout.write(f"Database {name} exists.")
                return
            admin.execute(
                sql.SQL(
                    "CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0 "
                    "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
                ).format(sql.Identifier(name))
            )
        self.stdout.write(self.style.SUCCESS(f"Created database {name} (UTF-8)."))
