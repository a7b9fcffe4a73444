"""Filters over agreements, shared by the public list pages and the API.

One FilterSet per resource: the site renders its form, the API reads its query
parameters, so both accept the same values and refuse the same mistakes (the API with a
400 naming the parameter, the page with the form's error). Every filter only sees
published records: a draft partner, event or person is an unknown value.

The parameter names are a published contract: partner (repeatable), country, kind
(repeatable), signed_after, signed_before, year, event, initiative, theme, signatory, q
and ordering.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from agreements import search
from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementParty,
    Initiative,
    InitiativeKind,
    Signatory,
    SourceDocument,
    Theme,
)
from core.filtersets import (  # noqa: F401  (the shared pieces, for this app's FilterSets)
    BooleanFilter,
    CountryFilter,
    Documented,
    PartialDateFilter,
    SearchFilter,
    SlugFilter,
    SlugsFilter,
    TextSearchFilter,
    TranslatedOrderingFilter,
    YearFilter,
    end_of,
    known_on_or_after,
    known_on_or_before,
    translated,
    unknown_slug,
)
from core.records import PartialDate
from core.visibility import rows_needing
from events.models import Event
from partners.models import Organization, Person


def _published_organizations(request=None) -> QuerySet[Organization]:
    return Organization.objects.published()


def _published_people(request=None) -> QuerySet[Person]:
    return Person.objects.published()


def _published_events(request=None) -> QuerySet[Event]:
    return Event.objects.published()


def _themes(request=None) -> QuerySet[Theme]:
    return Theme.objects.all()


def _published_initiatives(request=None) -> QuerySet[Initiative]:
    return Initiative.objects.published()


class AgreementFilterForm(forms.Form):
    def clean(self) -> dict:
        data = super().clean()
        after, before = data.get("signed_after"), data.get("signed_before")
        if after and before and after.first_day() > end_of(before):
            self.add_error(
                "signed_before", _("signed_before must not be earlier than signed_after.")
            )
        return data


class AgreementFilterSet(django_filters.FilterSet):
    """Published agreements by partner, country, kind, date, event, initiative, theme,
    signatory and text."""

    partner = SlugsFilter(
        label=_("Partner"),
        help_text=_(
            "Slug of an organization party to the agreement. Repeat the parameter to "
            "find the agreements binding all of the partners given."
        ),
        field_name="parties__organization__slug",
        to_field_name="slug",
        queryset=_published_organizations,
        conjoined=True,
        distinct=False,  # each partner is joined once: no duplicate rows to remove
        error_messages=unknown_slug(_("No published organization has the slug “%(value)s”.")),
    )
    country = CountryFilter(
        label=_("Country of a party"),
        help_text=_("ISO 3166-1 alpha-2 code of the country of at least one party, e.g. MA."),
        method="filter_country",
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"),
        help_text=_("Kind of agreement; repeat the parameter for any of several kinds."),
        choices=AgreementKind.choices,
        distinct=False,
        error_messages={"invalid_choice": _("“%(value)s” is not a kind of agreement.")},
    )
    signed_after = PartialDateFilter(
        label=_("Signed on or after"),
        help_text=_(
            "YYYY, YYYY-MM or YYYY-MM-DD: agreements known to be signed on or after the "
            "start of that period. Agreements with an unknown date are left out."
        ),
        method="filter_signed_after",
    )
    signed_before = PartialDateFilter(
        label=_("Signed on or before"),
        help_text=_(
            "YYYY, YYYY-MM or YYYY-MM-DD: agreements known to be signed on or before the "
            "end of that period (an agreement known only to the month of June 2023 is "
            "within signed_before=2023-06, not within signed_before=2023-06-15)."
        ),
        method="filter_signed_before",
    )
    year = YearFilter(
        label=_("Year of signing"),
        help_text=_("Agreements signed in that year, at any known precision."),
        field_name="signed_on",
        lookup_expr="year",
    )
    event = SlugFilter(
        label=_("Event"),
        help_text=_("Slug of the event the agreement was signed at."),
        field_name="event",
        to_field_name="slug",
        queryset=_published_events,
        error_messages=unknown_slug(_("No published event has the slug “%(value)s”.")),
    )
    initiative = SlugFilter(
        label=_("Initiative"),
        help_text=_("Slug of an initiative the agreement serves."),
        field_name="initiatives",
        to_field_name="slug",
        queryset=_published_initiatives,
        error_messages=unknown_slug(_("No published initiative has the slug “%(value)s”.")),
    )
    theme = SlugFilter(
        label=_("Theme"),
        help_text=_("Slug of a theme the agreement is tagged with."),
        field_name="themes",
        to_field_name="slug",
        queryset=_themes,
        error_messages=unknown_slug(_("No theme has the slug “%(value)s”.")),
    )
    signatory = SlugFilter(
        label=_("Signatory"),
        help_text=_("Slug of a person who signed the agreement."),
        to_field_name="slug",
        queryset=_published_people,
        method="filter_signatory",
        error_messages=unknown_slug(_("No published person has the slug “%(value)s”.")),
    )
    q = SearchFilter(
        label=_("Search"),
        help_text=_(
            "Words to find in the title, summary, objectives, kind, parties or signatories "
            "(their names and other spellings), in Arabic, French or English. Every word "
            "must occur, stemmed the same way on every database: plurals, the article and "
            "clitics (مذكرات, المذكرة, والذكاء), French and English endings, harakat, hamza "
            "forms, case, accents and Arabic-Indic digits are ignored, and a word also "
            "finds the words it begins. Words that only say agreement (اتفاقية, accord, "
            "agreement) are ignored; a kind's name (مذكرة تفاهم, mémorandum, protocole) puts "
            "that kind first. A misspelt word that matches nothing is replaced by the "
            "nearest known word: see corrected_query."
        ),
        method="filter_q",
    )
    ordering = TranslatedOrderingFilter(
        label=_("Order by"),
        help_text=_(
            "signed_on, title, kind or updated_at; prefix with - for descending order. "
            "Default: most recently signed first, unknown dates last."
        ),
        fields=(("signed_on", "signed_on"), ("title", "title"), ("kind", "kind"),
                ("updated_at", "updated_at")),
        translated_fields=("title",),
        nulls_last=("signed_on",),
    )  # fmt: skip

    class Meta:
        model = Agreement
        form = AgreementFilterForm
        fields = [
            "partner",
            "country",
            "kind",
            "signed_after",
            "signed_before",
            "year",
            "event",
            "initiative",
            "theme",
            "signatory",
            "q",
            "ordering",
        ]

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        """Filtered; with `q` and no `ordering`, best matches first where the database
        ranks them (PostgreSQL) — here, so that the page and the API order alike."""
        self.corrected_query = None
        queryset = super().filter_queryset(queryset)
        q = self.corrected_query or self.form.cleaned_data.get("q")
        if q and not self.form.cleaned_data.get("ordering"):
            queryset = search.order_by_relevance(queryset, q)
        return queryset

    def filter_country(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        # A draft party is no party for the public: its country finds nothing.
        parties = rows_needing(
            AgreementParty.objects.filter(agreement=OuterRef("pk"), organization__country=value),
            "organization",
        )
        return queryset.filter(Exists(parties))

    def filter_signatory(self, queryset: QuerySet, name: str, value: Person | None) -> QuerySet:
        if value is None:
            return queryset
        # The signing acts the public sees: a signature for a draft party is not one.
        acts = rows_needing(
            Signatory.objects.filter(agreement=OuterRef("pk"), person=value), "organization"
        )
        return queryset.filter(Exists(acts))

    def filter_signed_after(self, queryset: QuerySet, name: str, value: PartialDate) -> QuerySet:
        if value is None:
            return queryset
        return queryset.filter(known_on_or_after("signed_on", "signed_on_precision", value))

    def filter_signed_before(self, queryset: QuerySet, name: str, value: PartialDate) -> QuerySet:
        if value is None:
            return queryset
        return queryset.filter(known_on_or_before("signed_on", "signed_on_precision", value))

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Every word of the query; a misspelt word is corrected when nothing matches it
        (`corrected_query` then says what was searched instead)."""
        searched = search.search_or_correct(queryset, value)
        self.corrected_query = searched.corrected
        return searched.queryset


# -- initiatives and sources ---------------------------------------------------------------


class InitiativeFilterSet(django_filters.FilterSet):
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"),
        help_text=_("Kind of initiative; repeat the parameter for any of several kinds."),
        choices=InitiativeKind.choices,
        distinct=False,
        error_messages={"invalid_choice": _("“%(value)s” is not a kind of initiative.")},
    )
    lead = SlugFilter(
        label=_("Lead organization"),
        help_text=_("Slug of the organization that leads the initiative."),
        field_name="lead",
        to_field_name="slug",
        queryset=_published_organizations,
        error_messages=unknown_slug(_("No published organization has the slug “%(value)s”.")),
    )
    partner = SlugFilter(
        label=_("Partner organization"),
        help_text=_("Slug of a partner organization of the initiative."),
        field_name="partners",
        to_field_name="slug",
        queryset=_published_organizations,
        error_messages=unknown_slug(_("No published organization has the slug “%(value)s”.")),
    )
    parent = SlugFilter(
        label=_("Parent initiative"),
        help_text=_("Slug of the initiative this one is part of."),
        field_name="parent",
        to_field_name="slug",
        queryset=_published_initiatives,
        error_messages=unknown_slug(_("No published initiative has the slug “%(value)s”.")),
    )
    q = TextSearchFilter(fields=("name", "description"))
    ordering = TranslatedOrderingFilter(
        label=_("Order by"),
        help_text=_("name, launched_on or slug; prefix with - for descending order."),
        fields=(("name", "name"), ("launched_on", "launched_on"), ("slug", "slug")),
        translated_fields=("name",),
        nulls_last=("launched_on",),
    )

    class Meta:
        model = Initiative
        fields = ["kind", "lead", "partner", "parent", "q", "ordering"]


class SourceFilterSet(django_filters.FilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        help_text=_("ISO 639-1 code of the source's language."),
        choices=[("ar", _("Arabic")), ("fr", _("French")), ("en", _("English"))],
        error_messages={"invalid_choice": _("“%(value)s” is not ar, fr or en.")},
    )
    publisher = django_filters.CharFilter(
        label=_("Publisher"),
        help_text=_("The publisher's name, exactly as stored."),
        max_length=200,
    )
    q = TextSearchFilter(
        fields=("title",),
        help_text=_("Words to find in the title, in Arabic, French or English."),
    )
    ordering = TranslatedOrderingFilter(
        label=_("Order by"),
        help_text=_("published_on, title or slug; prefix with - for descending order."),
        fields=(("published_on", "published_on"), ("title", "title"), ("slug", "slug")),
        translated_fields=("title",),
        nulls_last=("published_on",),
    )

    class Meta:
        model = SourceDocument
        fields = ["language", "publisher", "q", "ordering"]
