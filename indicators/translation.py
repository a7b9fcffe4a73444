import simple_history
from modeltranslation.translator import TranslationOptions, register

from indicators.models import Indicator


@register(Indicator)
class IndicatorTranslationOptions(TranslationOptions):
    fields = ("measure", "publisher", "city", "note")
    required_languages = {"ar": ("measure",), "default": ()}


# After translation, so that history keeps every language (see partners/translation.py).
simple_history.register(Indicator)
