from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app builds on; as a Django app it holds the evidence: sources, citations."""

    name = "core"
    verbose_name = _("Sources and evidence")

    def ready(self) -> None:
        from core import checks  # noqa: F401 - registers the deployment checks
