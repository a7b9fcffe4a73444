from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeedingConfig(AppConfig):
    """The seed files: reading, checking and loading them; synthetic data for benchmarks."""

    name = "seeding"
    verbose_name = _("Seed data")
