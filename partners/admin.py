import datetime as dt

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from core.admin import (
    CitationInline,
    CountriesInUseFilter,
    CuratedAdmin,
    LanguageDirectionMixin,
    TranslatedHistoryAdmin,
    record_links,
)
from core.forms import EditorAdminMixin
from core.records import format_partial_date
from partners.models import Organization, Person, Position

_EPOCH = dt.date(1, 1, 1)


def newest_first(agreements) -> list:
    return sorted(
        agreements, key=lambda a: (a.signed_on is None, -(a.signed_on or _EPOCH).toordinal(), a.pk)
    )


@admin.register(Organization)
class OrganizationAdmin(CuratedAdmin):
    inlines = [CitationInline]
    list_display = ["name", "acronym", "kind", "country", "parent", "status"]
    list_filter = ["kind", "status", ("country", CountriesInUseFilter)]
    search_fields = [
        "slug",
        "name_ar",
        "name_fr",
        "name_en",
        "acronym_ar",
        "acronym_fr",
        "acronym_en",
        "aliases",
    ]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
    readonly_fields = ("agreements_part_of", "created_at", "updated_at")

    @admin.display(description=_("agreements it is party to"))
    def agreements_part_of(self, obj: Organization) -> str:
        # Through the reverse relations: the agreements app sits above this one.
        parties = obj.agreement_parties.select_related("agreement")
        return record_links(newest_first(party.agreement for party in parties))


class PositionInline(EditorAdminMixin, LanguageDirectionMixin, TranslationStackedInline):
    model = Position
    extra = 0
    autocomplete_fields = ["organization"]
    fields = [
        "slug",
        "title",
        "organization",
        ("start", "end"),
    ]


@admin.register(Person)
class PersonAdmin(CuratedAdmin):
    inlines = [PositionInline, CitationInline]
    list_display = ["name", "slug", "status", "updated_at"]
    list_filter = ["status"]
    search_fields = ["slug", "name_ar", "name_fr", "name_en", "aliases"]
    readonly_fields = ("agreements_part_of", "created_at", "updated_at")

    @admin.display(description=_("agreements signed or witnessed"))
    def agreements_part_of(self, obj: Person) -> str:
        acts = [
            *obj.signatures.select_related("agreement"),
            *obj.attendances.select_related("agreement"),
        ]
        return record_links(newest_first({act.agreement for act in acts}))


@admin.register(Position)
class PositionAdmin(TranslatedHistoryAdmin):
    inlines = [CitationInline]
    list_display = ["title", "person", "organization", "period"]
    list_filter = [("organization", admin.RelatedOnlyFieldListFilter)]
    search_fields = [
        "slug",
        "title_ar",
        "title_fr",
        "title_en",
        "person__name_ar",
        "person__name_en",
    ]
    autocomplete_fields = ["person", "organization"]
    list_select_related = ["person", "organization"]

    @admin.display(description=_("period"))
    def period(self, obj: Position) -> str:
        start = format_partial_date(obj.start_partial)
        end = format_partial_date(obj.end_partial)
        return f"{start or '?'} – {end or '?'}" if start or end else "—"
