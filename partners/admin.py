from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from agreements.admin_tools import (
    CuratedAdmin,
    LanguageDirectionMixin,
    TranslatedHistoryAdmin,
    agreement_links,
    citation_inline,
)
from agreements.models import Agreement
from core.records import format_partial_date
from partners.models import Organization, Person, Position


@admin.register(Organization)
class OrganizationAdmin(CuratedAdmin):
    inlines = [citation_inline("organization")]
    list_display = ["name", "acronym", "kind", "country", "parent", "status"]
    list_filter = ["kind", "status", "country"]
    search_fields = [
        "slug",
        "name_ar",
        "name_fr",
        "name_en",
        "acronym_ar",
        "acronym_fr",
        "acronym_en",
    ]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
    readonly_fields = ("agreements_part_of", "created_at", "updated_at")

    @admin.display(description=_("agreements it is party to"))
    def agreements_part_of(self, obj: Organization) -> str:
        return agreement_links(
            Agreement.objects.filter(parties__organization=obj).order_by("-signed_on", "id")
        )


class PositionInline(LanguageDirectionMixin, TranslationStackedInline):
    model = Position
    extra = 0
    autocomplete_fields = ["organization"]
    fields = [
        "slug",
        "title",
        "organization",
        ("start", "start_precision"),
        ("end", "end_precision"),
    ]


@admin.register(Person)
class PersonAdmin(CuratedAdmin):
    inlines = [PositionInline, citation_inline("person")]
    list_display = ["name", "slug", "status", "updated_at"]
    list_filter = ["status"]
    search_fields = ["slug", "name_ar", "name_fr", "name_en"]
    readonly_fields = ("agreements_part_of", "created_at", "updated_at")

    @admin.display(description=_("agreements signed or witnessed"))
    def agreements_part_of(self, obj: Person) -> str:
        return agreement_links(
            Agreement.objects.filter(Q(signatories__person=obj) | Q(attendees__person=obj))
            .distinct()
            .order_by("-signed_on", "id")
        )


@admin.register(Position)
class PositionAdmin(TranslatedHistoryAdmin):
    inlines = [citation_inline("position")]
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
