"""What editors send to create or change records: JSON, checked field by field.

Translated texts are objects `{"ar": ..., "fr": ..., "en": ...}` (the languages given
change, the others stay); dates are partial ISO dates ("2023-06"); related records are
named by slug. An unknown key is an error, not silently ignored.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers

from agreements.services import SigningAct
from api.fields import PARTIAL_DATE_PATTERN
from core.models import SourceDocument
from core.records import PartialDate, PublicationStatus
from core.services import CitationInput
from partners.models import Organization, Person, Position

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,160}")


class StrictSerializer(serializers.Serializer):
    """Refuses keys it does not know, naming them."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise exceptions.ValidationError({key: [_("Unknown field.")] for key in unknown})
        return super().to_internal_value(data)


class _JSONTypes:
    """Refuses a JSON value of another type instead of converting it (0 is not "0")."""

    json_types: tuple[type, ...] = (str,)

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, bool) or not isinstance(data, self.json_types):
            self.fail("invalid")
        return super().to_internal_value(data)


class Text(_JSONTypes, serializers.CharField):
    default_error_messages = {"invalid": _("Enter text (a JSON string).")}


class Slug(_JSONTypes, serializers.SlugField):
    pass


class URL(_JSONTypes, serializers.URLField):
    pass


class Pattern(_JSONTypes, serializers.RegexField):
    pass


class Integer(_JSONTypes, serializers.IntegerField):
    json_types = (int,)
    default_error_messages = {"invalid": _("Enter a whole number (a JSON number).")}


def translations(max_length: int | None = None, **kwargs) -> TranslationsInput:
    return TranslationsInput(max_length=max_length, **kwargs)


class TranslationsInput(StrictSerializer):
    """A text in Arabic, French and English; give the languages to set."""

    ar = Text(required=False, allow_blank=True, help_text=_("Arabic."))
    fr = Text(required=False, allow_blank=True, help_text=_("French."))
    en = Text(required=False, allow_blank=True, help_text=_("English."))

    def __init__(self, *args, max_length: int | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if max_length:
            for field in self.fields.values():
                field.max_length = max_length
                field.validators.append(MaxLengthValidator(max_length))


@extend_schema_field(
    {
        "type": "string",
        "nullable": True,
        "pattern": PARTIAL_DATE_PATTERN,
        "example": "2023-06",
        "description": "YYYY, YYYY-MM or YYYY-MM-DD at the precision the source gives; "
        "null when unknown.",
    }
)
class PartialDateInput(serializers.Field):
    default_error_messages = {
        "invalid": _("Enter a date written YYYY, YYYY-MM or YYYY-MM-DD, such as 2023-06."),
    }

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> PartialDate:
        if not isinstance(data, str):
            self.fail("invalid")
        try:
            return PartialDate.parse(data)
        except ValueError:
            self.fail("invalid")

    def validate_empty_values(self, data: Any):
        if data is None:
            return True, PartialDate()
        return super().validate_empty_values(data)

    def to_representation(self, value: PartialDate) -> str | None:
        return value.isoformat()


class CountryInput(serializers.ChoiceField):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("help_text", _("ISO 3166-1 alpha-2 code, e.g. MA; empty if none."))
        super().__init__(choices=[code for code, _name in countries], **kwargs)


class SlugOf(serializers.SlugRelatedField):
    """A related record named by its slug; what cannot be a slug is refused before a query."""

    default_error_messages = {
        "does_not_exist": _("No record has the slug “{value}”."),
        "invalid": _("Enter a slug (a JSON string of letters, digits and hyphens)."),
    }

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str) or not SLUG.fullmatch(data):
            self.fail("invalid")
        return super().to_internal_value(data)


def slug_of(queryset, **kwargs) -> SlugOf:
    return SlugOf(slug_field="slug", queryset=queryset, **kwargs)


class PlaceInput(StrictSerializer):
    city = translations(120, required=False)
    country = CountryInput()


class SigningActInput(StrictSerializer):
    person = slug_of(Person.objects.all(), help_text=_("Slug of the person."))
    organization = slug_of(
        Organization.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("Slug of the party they signed for (required for a signatory)."),
    )
    title = translations(300, required=False, help_text=_("Title as the source prints it."))
    position = slug_of(
        Position.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("Slug of the position the title maps to, if any."),
    )

    def to_act(self, data: dict) -> SigningAct:
        return SigningAct(
            person=data["person"],
            organization=data.get("organization"),
            title=data.get("title") or {},
            position=data.get("position"),
        )


class CitationInputSerializer(StrictSerializer):
    source = slug_of(SourceDocument.objects.all(), help_text=_("Slug of the source document."))
    quote = Text(help_text=_("A passage of the source, word for word."))
    fields = serializers.ListField(
        child=Text(max_length=60),
        required=False,
        help_text=_("Names of the fields the passage backs."),
    )

    def validate(self, data: dict) -> dict:
        if data["quote"] not in data["source"].text:
            raise exceptions.ValidationError(
                {"quote": [_("This passage does not occur word for word in the source.")]}
            )
        return data


def citations_from(data: list[dict]) -> list[CitationInput]:
    return [
        CitationInput(source=item["source"], quote=item["quote"], fields=item.get("fields", []))
        for item in data
    ]


SLUG_HELP = _(
    "Stable identifier (Latin letters, digits, hyphens); it never changes once set. Left "
    "out on creation, it is made from the French or English title, or from the Arabic "
    "transliterated."
)


class RecordInput(StrictSerializer):
    """Fields every curated record shares on input."""

    slug = Slug(max_length=120, required=False, help_text=SLUG_HELP)
    status = serializers.ChoiceField(
        choices=PublicationStatus.choices,
        required=False,
        help_text=_("draft (default) or published; publishing takes the publish permission."),
    )
    citations = CitationInputSerializer(
        many=True, required=False, help_text=_("The evidence; replaces the current citations.")
    )

    def validate_slug(self, value: str) -> str:
        if self.instance is not None and value != self.instance.slug:
            raise exceptions.ValidationError(_("A slug never changes."))
        return value

    def service_arguments(self) -> dict[str, Any]:
        """validated_data in the services' terms."""
        data = dict(self.validated_data)
        if self.instance is not None:
            data.pop("slug", None)
        if "citations" in data:
            data["citations"] = citations_from(data["citations"])
        return data


def as_drf_error(error: DjangoValidationError) -> exceptions.ValidationError:
    """A service's refusal as a 400 whose keys name the fields."""
    if hasattr(error, "error_dict"):
        return exceptions.ValidationError(
            {name: [str(m) for m in messages] for name, messages in error.message_dict.items()}
        )
    return exceptions.ValidationError({"non_field_errors": [str(m) for m in error.messages]})
