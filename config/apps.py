"""Third-party apps as our admin names them."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class LoginAttemptsConfig(AxesAppConfig):
    """django-axes, whose section of the admin is otherwise titled "Axes" in every language."""

    verbose_name = _("Login attempts")
