from modeltranslation.translator import TranslationOptions, register

from agreements.models import (
    Agreement,
    Attendee,
    Initiative,
    Signatory,
    SourceDocument,
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
    fields = ("title", "place_city", "summary", "objectives")
    required_languages = {"ar": ("title",), "default": ()}


@register(Signatory)
class SignatoryTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Attendee)
class AttendeeTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(SourceDocument)
class SourceDocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("ar",)
