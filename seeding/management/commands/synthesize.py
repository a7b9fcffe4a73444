"""`manage.py synthesize --agreements N`: realistic synthetic data for benchmarks (see
`seeding.synthetic`). Never run it on a database whose data matters.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from seeding.synthetic import synthesize


class Command(BaseCommand):
    help = "Add N realistic synthetic agreements (and what surrounds them) for benchmarks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agreements", type=int, required=True, help="How many to add.")
        parser.add_argument("--seed", type=int, default=0, help="Random seed (default 0).")

    def handle(self, *args, agreements: int, seed: int, **options) -> None:
        if agreements < 1:
            raise CommandError("--agreements must be a positive number.")
        began = time.monotonic()
        totals = synthesize(count=agreements, seed=seed, progress=self.stdout.write)
        elapsed = time.monotonic() - began
        self.stdout.write(
            self.style.SUCCESS(
                "Added "
                + ", ".join(f"{value} {name}" for name, value in totals.items())
                + f" in {elapsed:.0f} s."
            )
        )
