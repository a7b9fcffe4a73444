from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Agreements")

    def ready(self) -> None:
        # The publication rules join every kind of record: registered once all are loaded.
        from agreements import rules  # noqa: F401
