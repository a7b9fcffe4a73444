from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from core.admin import (
    CitationInline,
    CountriesInUseFilter,
    CuratedAdmin,
    LanguageDirectionMixin,
    record_links,
)
from core.records import format_partial_date
from events.models import Event, EventParticipant


class ParticipantInline(LanguageDirectionMixin, TranslationTabularInline):
    model = EventParticipant
    extra = 0
    autocomplete_fields = ["person", "organization"]
    fields = ["person", "organization", "role"]


@admin.register(Event)
class EventAdmin(CuratedAdmin):
    inlines = [ParticipantInline, CitationInline]
    list_display = ["name", "kind", "dates", "city", "country", "parent", "status"]
    list_filter = ["kind", "status", ("country", CountriesInUseFilter)]
    search_fields = ["slug", "name_ar", "name_fr", "name_en", "city_ar", "city_fr", "city_en"]
    autocomplete_fields = ["parent", "organizations"]
    list_select_related = ["parent"]
    date_hierarchy = "start_date"
    readonly_fields = ("agreements_signed_here", "created_at", "updated_at")

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj: Event) -> str:
        start = format_partial_date(obj.start_partial)
        end = format_partial_date(obj.end_partial)
        if not start:
            return "—"
        return start if not end or end == start else f"{start} – {end}"

    @admin.display(description=_("agreements signed there"))
    def agreements_signed_here(self, obj: Event) -> str:
        return record_links(obj.agreements.order_by("-signed_on", "id"))
