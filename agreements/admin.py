from urllib.parse import urlsplit

from django.contrib import admin
from django.db.models import Prefetch
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from modeltranslation.admin import TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from agreements import search
from agreements.models import Agreement, AgreementParty, Attendee, Initiative, Signatory, Theme
from core.admin import (
    CitationInline,
    CuratedAdmin,
    LanguageDirectionMixin,
    ServiceWritesMixin,
    StandaloneCitationForm,
    TranslatedHistoryAdmin,
    record_links,
)
from core.forms import SourceDocumentForm
from core.models import Citation, SourceDocument
from core.records import PartialDate, format_partial_date
from partners.models import Organization


class SignedYearFilter(admin.SimpleListFilter):
    title = _("year signed")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Agreement.objects.dates("signed_on", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if not self.value().isdigit():
            return queryset.none()
        return queryset.filter(signed_on__year=int(self.value()))


class PartnerCountryFilter(admin.SimpleListFilter):
    title = _("partner country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = (
            Organization.objects.filter(agreement_parties__isnull=False)
            .exclude(country="")
            .values_list("country", flat=True)
            .distinct()
        )
        return sorted(
            ((code, countries.name(code)) for code in set(codes)), key=lambda c: str(c[1])
        )

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        return queryset.filter(parties__organization__country=self.value()).distinct()


class PartyInline(admin.TabularInline):
    model = AgreementParty
    extra = 0
    autocomplete_fields = ["organization"]
    verbose_name = _("party")
    verbose_name_plural = _("parties")


class SigningFormSet(BaseInlineFormSet):
    """Checks each signing act against the parties being saved in the same form."""

    parties_formset = None
    require_party = True

    def party_organizations(self) -> set[int] | None:
        parties = self.parties_formset
        if parties is None or not parties.is_valid():
            return None  # the parties formset shows its own errors
        return {
            form.cleaned_data["organization"].pk
            for form in parties.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("organization")
        }

    def clean(self):
        super().clean()
        organizations = self.party_organizations()
        people = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            organization = data.get("organization")
            if (
                self.require_party
                and organization is not None
                and organizations is not None
                and organization.pk not in organizations
            ):
                form.add_error(
                    "organization",
                    _(
                        "“%(organization)s” is not a party to this agreement: add it under Parties first."
                    )
                    % {"organization": organization},
                )
            if data.get("person") is not None:
                people.add(data["person"].pk)
        self.people = people


class SignatoryInline(LanguageDirectionMixin, TranslationTabularInline):
    model = Signatory
    formset = SigningFormSet
    extra = 0
    autocomplete_fields = ["person", "organization", "position"]
    fields = ["person", "organization", "title", "position"]


class AttendeeFormSet(SigningFormSet):
    require_party = False
    signatories_formset = None

    def clean(self):
        super().clean()
        signatories = self.signatories_formset
        signers = getattr(signatories, "people", set()) if signatories is not None else set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if (
                data
                and not data.get("DELETE")
                and data.get("person")
                and data["person"].pk in signers
            ):
                form.add_error(
                    "person", _("This person signed the agreement: list them as a signatory only.")
                )


class AttendeeInline(LanguageDirectionMixin, TranslationTabularInline):
    model = Attendee
    formset = AttendeeFormSet
    extra = 0
    autocomplete_fields = ["person", "organization", "position"]
    fields = ["person", "organization", "title", "position"]
    verbose_name_plural = _("attendees (witnessed without signing)")


@admin.register(Agreement)
class AgreementAdmin(CuratedAdmin):
    inlines = [PartyInline, SignatoryInline, AttendeeInline, CitationInline]
    # Five columns: beside the two sidebars a sixth left the title one or two words wide.
    list_display = ["title", "kind", "signing_date", "status", "party_names"]
    list_display_links = ["title"]
    list_filter = [
        "kind",
        "status",
        SignedYearFilter,
        PartnerCountryFilter,
        ("event", admin.RelatedOnlyFieldListFilter),
        ("initiatives", admin.RelatedOnlyFieldListFilter),
        ("themes", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = [
        "slug",
        "title_ar",
        "title_fr",
        "title_en",
        "parties__organization__name_ar",
        "parties__organization__name_fr",
        "parties__organization__name_en",
        "parties__organization__acronym_ar",
        "parties__organization__acronym_fr",
        "parties__organization__acronym_en",
    ]
    date_hierarchy = "signed_on"
    autocomplete_fields = ["event", "renews", "themes", "initiatives"]
    readonly_fields = ("created_at", "updated_at")
    fieldsets = [
        (None, {"fields": ["title", "title_is_editorial", "slug", "kind", "status"]}),
        (
            _("When and where"),
            {
                "fields": [
                    "signed_on",
                    "place_city",
                    "place_country",
                    "event",
                ]
            },
        ),
        (_("Terms"), {"fields": ["duration_months", "renews", "themes", "initiatives"]}),
        (_("Content"), {"fields": ["summary", "objectives", "public_note"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "parties",
                    queryset=AgreementParty.objects.select_related("organization").order_by("id"),
                )
            )
        )

    @admin.display(description=_("signed"), ordering="signed_on")
    def signing_date(self, obj: Agreement) -> str:
        return format_partial_date(obj.signed_partial) or "—"

    @admin.display(description=_("parties"))
    def party_names(self, obj: Agreement) -> str:
        return " · ".join(str(party.organization) for party in obj.parties.all())

    def _create_formsets(self, request, obj, change):
        # Inline formsets validate separately; link them so that signatories can be
        # checked against the parties submitted in the same form.
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        by_model = {formset.model: formset for formset in formsets}
        for formset in formsets:
            if isinstance(formset, SigningFormSet):
                formset.parties_formset = by_model.get(AgreementParty)
            if isinstance(formset, AttendeeFormSet):
                formset.signatories_formset = by_model.get(Signatory)
        return formsets, inline_instances

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search.terms_of(search_term):
            # Also the public search's match: "علم" finds "عِلم", مذكرات finds مذكرة,
            # ميسترال finds Mistral AI by its other spelling.
            results |= queryset.filter(pk__in=search.matching(queryset, search_term).values("pk"))
        return results, may_have_duplicates


@admin.register(Initiative)
class InitiativeAdmin(CuratedAdmin):
    inlines = [CitationInline]
    list_display = ["name", "kind", "lead", "launch_date", "parent", "status"]
    list_filter = ["kind", "status", ("lead", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["slug", "name_ar", "name_fr", "name_en"]
    autocomplete_fields = ["lead", "partners", "parent"]
    list_select_related = ["lead", "parent"]
    readonly_fields = ("agreements_served", "created_at", "updated_at")

    @admin.display(description=_("launched"), ordering="launched_on")
    def launch_date(self, obj: Initiative) -> str:
        return format_partial_date(obj.launched_partial) or "—"

    @admin.display(description=_("agreements serving it"))
    def agreements_served(self, obj: Initiative) -> str:
        return record_links(obj.agreements.order_by("-signed_on", "id"))


@admin.register(Theme)
class ThemeAdmin(TranslatedHistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["slug", "name_ar", "name_fr", "name_en"]


@admin.register(SourceDocument)
class SourceDocumentAdmin(TranslatedHistoryAdmin):
    """A source as a journalist traces it: who published it, when, where to read it."""

    form = SourceDocumentForm
    # Five columns, the title wide enough to read; the language is a filter.
    list_display = ["title", "publisher", "publication_date", "link", "author"]
    search_fields = [
        "slug", "title_ar", "title_fr", "title_en", "publisher", "author", "url", "file_name",
        "text",
    ]  # fmt: skip
    list_filter = ["language", "publisher"]
    readonly_fields = ("created_at", "updated_at")
    fieldsets = [
        (None, {"fields": ["title", "slug", "language"]}),
        (
            _("Where and when it was published"),
            {"fields": ["url", "publisher", "published_on", "dateline"]},
        ),
        (_("Who wrote it"), {"fields": ["author", "credits"]}),
        (_("Text"), {"fields": ["text", "file_name"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(description=_("publication date"), ordering="published_on")
    def publication_date(self, obj: SourceDocument) -> str:
        partial = PartialDate.from_stored(obj.published_on, obj.published_on_precision)
        return format_partial_date(partial) or "—"

    @admin.display(description=_("link"))
    def link(self, obj: SourceDocument) -> str:
        if not obj.url:
            return "—"
        # The host only: a full address of Arabic percent-escapes fills the column.
        return format_html(
            '<a href="{}" rel="noopener noreferrer" target="_blank" dir="ltr">{}</a>',
            obj.url,
            urlsplit(obj.url).hostname or obj.url,
        )


@admin.register(Citation)
class CitationAdmin(ServiceWritesMixin, SimpleHistoryAdmin):
    form = StandaloneCitationForm
    list_display = ["quote_start", "source", "record_kind", "record_number"]
    list_filter = ["source", "content_type"]
    search_fields = ["quote"]
    list_select_related = ["source", "content_type"]
    autocomplete_fields = ["source"]

    @admin.display(description=_("quote"))
    def quote_start(self, obj: Citation) -> str:
        return obj.quote[:90]

    @admin.display(description=_("kind of record"), ordering="content_type")
    def record_kind(self, obj: Citation) -> str:
        return capfirst(obj.content_type.model_class()._meta.verbose_name)

    @admin.display(description=_("record number"), ordering="object_id")
    def record_number(self, obj: Citation) -> int:
        return obj.object_id
