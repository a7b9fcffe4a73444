from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    """The public site: pages in three languages over every kind of record."""

    name = "website"
    verbose_name = _("Public site")
