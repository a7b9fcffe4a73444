from modeltranslation.translator import TranslationOptions, register

from partners.models import Organization, Person, Position


@register(Organization)
class OrganizationTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "description")
    required_languages = {"ar": ("name",), "default": ()}


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("ar",)


@register(Position)
class PositionTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("ar",)
