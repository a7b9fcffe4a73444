from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import CitationInline, CountriesInUseFilter, CuratedAdmin
from core.records import format_partial_date
from indicators.models import Indicator


@admin.register(Indicator)
class IndicatorAdmin(CuratedAdmin):
    inlines = [CitationInline]
    list_display = ["measure", "place", "kind", "figure", "dated", "status"]
    list_filter = ["kind", "scope", "status", ("country", CountriesInUseFilter)]
    search_fields = ["slug", "measure_ar", "measure_fr", "measure_en", "city_ar", "city_fr",
                     "city_en", "publisher_ar", "publisher_fr", "publisher_en"]  # fmt: skip

    @admin.display(description=_("place"), ordering="country")
    def place(self, obj: Indicator) -> str:
        return f"{obj.city} ({obj.country.name})" if obj.city else str(obj.country.name)

    @admin.display(description=_("value"))
    def figure(self, obj: Indicator) -> str:
        text = Indicator.plain(obj.value) or "—"
        if obj.change:
            text += f" ({obj.change:+d})"
        return text

    @admin.display(description=_("date"), ordering="as_of")
    def dated(self, obj: Indicator) -> str:
        return format_partial_date(obj.as_of_partial) or "—"
