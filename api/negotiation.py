"""Content negotiation: an unknown `?format=` is a 400 naming the formats on offer.

Kept apart from the views: DRF imports the default negotiation class while it defines its
own views.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation


class ContentNegotiation(DefaultContentNegotiation):
    """An unknown `?format=` is a 400 naming the formats on offer, not a 404."""

    def select_renderer(self, request, renderers, format_suffix=None):
        requested = request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        if requested is not None and not any(r.format == requested for r in renderers):
            offered = ", ".join(r.format for r in renderers)
            raise exceptions.ValidationError(
                {
                    "format": [
                        _("“%(value)s” is not an available format. Choose %(offered)s.")
                        % {"value": requested[:20], "offered": offered}
                    ]
                }
            )
        return super().select_renderer(request, renderers, format_suffix)
