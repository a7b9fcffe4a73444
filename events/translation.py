from modeltranslation.translator import TranslationOptions, register

from events.models import Event, EventParticipant


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("name", "city", "description")
    required_languages = {"ar": ("name",), "default": ()}


@register(EventParticipant)
class EventParticipantTranslationOptions(TranslationOptions):
    fields = ("role",)
