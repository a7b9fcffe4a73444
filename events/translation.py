import simple_history
from modeltranslation.translator import TranslationOptions, register

from events.models import Event, EventParticipant


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("name", "city", "description")
    required_languages = {"ar": ("name",), "default": ()}


@register(EventParticipant)
class EventParticipantTranslationOptions(TranslationOptions):
    fields = ("role",)


# After translation, so that history keeps every language (see partners/translation.py).
simple_history.register(Event, m2m_fields=["organizations"])
simple_history.register(EventParticipant)
