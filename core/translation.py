import simple_history
from modeltranslation.translator import TranslationOptions, register

from core.models import Citation, SourceDocument


@register(SourceDocument)
class SourceDocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("ar",)


# After translation, so that history keeps every language. The history tables keep the
# names they had when these models were part of `agreements`.
simple_history.register(SourceDocument, table_name="agreements_historicalsourcedocument")
simple_history.register(Citation, table_name="agreements_historicalcitation")
