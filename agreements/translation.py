import simple_history
from modeltranslation.translator import TranslationOptions, register

from agreements.models import (
    Agreement,
    AgreementParty,
    Attendee,
    Initiative,
    Signatory,
    Theme,
)


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("ar",)


@register(Initiative)
class InitiativeTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"ar": ("name",), "default": ()}


@register(Agreement)
class AgreementTranslationOptions(TranslationOptions):
    fields = ("title", "place_city", "summary", "objectives", "public_note")
    required_languages = {"ar": ("title",), "default": ()}


@register(Signatory)
class SignatoryTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Attendee)
class AttendeeTranslationOptions(TranslationOptions):
    fields = ("title",)


# After translation, so that history keeps every language (see partners/translation.py).
simple_history.register(Theme)
simple_history.register(Initiative, m2m_fields=["partners"])
simple_history.register(
    Agreement, m2m_fields=["themes", "initiatives"], excluded_fields=["search_document"]
)
simple_history.register(AgreementParty)
simple_history.register(Signatory)
simple_history.register(Attendee)
