"""Declared fields and reference shapes the resources share, documented for OpenAPI.

The read serializers declare their fields for the schema and the codebook, and build
their dictionaries directly in `represent()`: DRF's field-by-field machinery costs more
than the whole database round trip on a page of fifty agreements. The contract tests and
the schemathesis run check that what is built matches what is declared.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.records import DatePrecision, PartialDate, fallback_order
from partners.models import OrganizationKind

PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@extend_schema_field(
    {
        "type": "string",
        "nullable": True,
        "pattern": PARTIAL_DATE_PATTERN,
        "example": "2023-06",
        "description": "ISO 8601 at the known precision: YYYY, YYYY-MM or YYYY-MM-DD; "
        "null when unknown. Never padded: a date known to the month is 2023-06.",
    }
)
class PartialDateField(serializers.CharField):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


def precision_field(help_text) -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=DatePrecision.choices, read_only=True, help_text=help_text
    )


def text(help_text, *, required: bool = False) -> serializers.CharField:
    """A translated text in the requested language (with fallback); null if no language has it."""
    return serializers.CharField(read_only=True, allow_null=not required, help_text=help_text)


def link(help_text) -> serializers.URLField:
    return serializers.URLField(read_only=True, allow_null=True, help_text=help_text)


class ReadSerializer(serializers.Serializer):
    """Declares fields for the schema; `represent()` builds the representation."""

    def represent(self, instance: Any) -> dict:
        raise NotImplementedError

    def to_representation(self, instance: Any) -> dict:
        return self.represent(instance)

    @property
    def include_drafts(self) -> bool:
        return bool(self.context.get("include_drafts"))


class RefSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True, help_text=_("Stable identifier."))
    name = text(_("Name in the requested language."), required=True)


class OrganizationRefSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True, help_text=_("Stable identifier."))
    name = text(_("Name in the requested language."), required=True)
    acronym = text(_("Acronym in the requested language, if any."))
    kind = serializers.ChoiceField(
        choices=OrganizationKind.choices,
        read_only=True,
        help_text=_("Kind of organization (code)."),
    )
    country = serializers.CharField(
        read_only=True,
        allow_null=True,
        help_text=_("ISO 3166-1 alpha-2 code; null for international bodies."),
    )


class PlaceSerializer(serializers.Serializer):
    city = text(_("City in the requested language; null if not stated."))
    country = serializers.CharField(
        read_only=True, allow_null=True, help_text=_("ISO 3166-1 alpha-2 code; null if not stated.")
    )


class SigningActSerializer(serializers.Serializer):
    person = RefSerializer(read_only=True, help_text=_("Who signed or attended."))
    organization = RefSerializer(
        read_only=True,
        allow_null=True,
        help_text=_("The party they signed for, or the organization they attended for."),
    )
    title = text(_("Their title at the time, as the source prints it."))


class CitationSourceSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True, help_text=_("Slug of the source document."))
    title = text(_("Title of the source in the requested language."), required=True)


class CitationSerializer(serializers.Serializer):
    source = CitationSourceSerializer(read_only=True)
    quote = serializers.CharField(
        read_only=True, help_text=_("The passage, verbatim, as the source prints it.")
    )
    fields = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text=_("The fields of the record this passage backs (empty: the record as a whole)."),
    )


# -- values in the requested language ----------------------------------------------------


def tr(obj: Any, field: str, order: Iterable[str] | None = None) -> str | None:
    """A translated field in the active language, falling back as modeltranslation does.

    Reads the `_ar/_fr/_en` columns directly: the translated descriptor is about ten times
    slower, which shows on a page of fifty agreements with all their parties.
    """
    for code in order or fallback_order():
        value = getattr(obj, f"{field}_{code}", None)
        if value:
            return value
    return None


def partial(value, precision: str) -> str | None:
    return PartialDate.from_stored(value, precision).isoformat()


PLACEHOLDER = "slug-placeholder"


def _link_template(request, url_name: str) -> str | None:
    """The absolute address of a record, with a placeholder for its slug.

    Reversed once per request, name and language rather than once per row: on a page of
    fifty agreements the reversing cost more than a query.
    """
    cache = getattr(request, "_link_templates", None)
    if cache is None:
        cache = {}
        if request is not None:
            request._link_templates = cache
    key = (url_name, translation.get_language())
    if key not in cache:
        try:
            path = reverse(url_name, kwargs={"slug": PLACEHOLDER})
        except NoReverseMatch:
            cache[key] = None
        else:
            cache[key] = request.build_absolute_uri(path) if request is not None else path
    return cache[key]


def public_url(request, url_name: str, slug: str) -> str | None:
    """The record's public page in the active language, or None until the page exists."""
    template = _link_template(request, url_name)
    return None if template is None else template.replace(PLACEHOLDER, slug)


def api_url(request, url_name: str, slug: str) -> str:
    return _link_template(request, f"api:{url_name}").replace(PLACEHOLDER, slug)


def country_code(country) -> str | None:
    return getattr(country, "code", country) or None
