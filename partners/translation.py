import simple_history
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


# History is registered here, after translation, so that the historical tables also get
# the _ar/_fr/_en columns (django-simple-history's documented way with modeltranslation).
simple_history.register(Organization)
simple_history.register(Person)
simple_history.register(Position)
