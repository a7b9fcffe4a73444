from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from seeding.loader import load_seeds
from seeding.records import SeedError


class Command(BaseCommand):
    help = (
        "Load the seed records (seeds/*.yaml) and their source articles. Idempotent and "
        "atomic; fields changed by editors since the last load are kept and reported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seeds-dir",
            type=Path,
            default=settings.SEEDS_DIR,
            help="Folder holding the seed YAML files and articles/ (default: %(default)s).",
        )

    def handle(self, *args, seeds_dir: Path, **options) -> None:
        try:
            report = load_seeds(seeds_dir=seeds_dir)
        except SeedError as exc:
            raise CommandError(f"Nothing was loaded. {exc}") from exc
        kinds = sorted(set(report.created) | set(report.updated) | set(report.unchanged))
        for kind in kinds:
            self.stdout.write(
                f"{kind}: {report.created[kind]} created, {report.updated[kind]} updated, "
                f"{report.unchanged[kind]} unchanged"
            )
        self.stdout.write(f"citations: {report.citations_created} created")
        for conflict in report.conflicts:
            self.stdout.write(self.style.WARNING(f"Kept an editor's change: {conflict}"))
        if not report.changed_anything:
            self.stdout.write(self.style.SUCCESS("Seeds already loaded: nothing changed."))
        else:
            self.stdout.write(self.style.SUCCESS("Seeds loaded."))
