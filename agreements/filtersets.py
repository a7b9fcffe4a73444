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

import datetime as dt
from collections.abc import Sequence

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import CharField, Exists, F, OuterRef, Q, QuerySet, Value
from django.db.models.expressions import Expression, OrderBy
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.drainage import set_override

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
from agreements.records import DatePrecision, PartialDate
from core.visibility import rows_needing
from events.models import Event
from partners.models import Organization, Person

LANGUAGES = ("ar", "fr", "en")
MAX_QUERY_LENGTH = 200
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


# -- building blocks the other resources' FilterSets reuse ------------------------------


class Documented:
    """A filter that tells OpenAPI its exact type, with its help text as description."""

    schema: dict = {"type": "string"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        schema = dict(self.schema)
        if self.extra.get("help_text"):
            schema["description"] = self.extra["help_text"]
        set_override(self, "field", schema)


def translated(field: str, language: str | None = None) -> Expression:
    """The field in the active language, falling back as modeltranslation displays it.

    modeltranslation's fallbacks only apply when an attribute is read: `order_by("name")`
    would sort by the active language's column alone, empty values first.
    """
    language = language or translation.get_language() or "ar"
    language = language.split("-")[0]
    order = [language, *(code for code in LANGUAGES if code != language)]
    columns = [NullIf(f"{field}_{code}", Value("")) for code in order]
    return Coalesce(*columns, output_field=CharField())


class PartialDateField(forms.CharField):
    """A date written at the precision the reader knows: YYYY, YYYY-MM or YYYY-MM-DD."""

    default_error_messages = {
        "invalid": _("Enter a date written YYYY, YYYY-MM or YYYY-MM-DD, such as 2023 or 2023-06."),
    }

    def to_python(self, value: object) -> PartialDate | None:
        value = super().to_python(value)
        if not value:
            return None
        try:
            parsed = PartialDate.parse(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed


class PartialDateFilter(Documented, django_filters.Filter):
    schema = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$", "example": "2023-06"}
    field_class = PartialDateField


def end_of(date: PartialDate) -> dt.date:
    """The last day of the period a partial date names."""
    if date.day is not None:
        return date.first_day()
    if date.month is not None:
        following = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(date.year, 12, 31)


def known_on_or_after(date_field: str, precision_field: str, start: PartialDate) -> Q:
    """Known to fall on or after the start of `start` (an unknown date never does)."""
    return Q(**{f"{date_field}__gte": start.first_day()}) & ~Q(
        **{precision_field: DatePrecision.UNKNOWN}
    )


def known_on_or_before(date_field: str, precision_field: str, end: PartialDate) -> Q:
    """Known to fall on or before the end of `end`, whatever its own precision.

    A record known to the month only is within the bound if its whole month is; one known
    to the year only, if its whole year is: what the source doesn't say is not assumed.
    """
    following = end_of(end) + dt.timedelta(days=1)
    month_start = following.replace(day=1)
    year_start = dt.date(following.year, 1, 1)
    return (
        Q(**{precision_field: DatePrecision.DAY, f"{date_field}__lt": following})
        | Q(**{precision_field: DatePrecision.MONTH, f"{date_field}__lt": month_start})
        | Q(**{precision_field: DatePrecision.YEAR, f"{date_field}__lt": year_start})
    )


class YearField(forms.IntegerField):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("min_value", EARLIEST_YEAR)
        kwargs.setdefault("max_value", LATEST_YEAR)
        super().__init__(**kwargs)


class YearFilter(Documented, django_filters.Filter):
    schema = {"type": "integer", "minimum": EARLIEST_YEAR, "maximum": LATEST_YEAR}
    field_class = YearField


class CountryCodeField(forms.ChoiceField):
    """An ISO 3166-1 alpha-2 code, in either case."""

    default_error_messages = {
        "invalid_choice": _(
            "%(value)s is not an ISO 3166-1 alpha-2 country code (such as MA or FR)."
        ),
    }

    def __init__(self, **kwargs) -> None:
        kwargs["choices"] = [("", "---------"), *((code, name) for code, name in countries)]
        super().__init__(**kwargs)

    def to_python(self, value: object) -> str:
        return super().to_python(value).strip().upper()


class CountryFilter(Documented, django_filters.Filter):
    schema = {"type": "string", "pattern": "^[A-Za-z]{2}$", "example": "MA"}
    field_class = CountryCodeField


class SearchField(forms.CharField):
    """Free text: every word must occur, in any of the three languages."""

    default_error_messages = {
        "too_many_terms": _("Search for at most %(limit)d words."),
    }

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        super().__init__(**kwargs)

    def validate(self, value: str) -> None:
        super().validate(value)
        if len(search.query_terms(value)) > search.MAX_QUERY_TERMS:
            raise ValidationError(
                self.error_messages["too_many_terms"],
                code="too_many_terms",
                params={"limit": search.MAX_QUERY_TERMS},
            )


class SearchFilter(Documented, django_filters.Filter):
    schema = {"type": "string", "maxLength": MAX_QUERY_LENGTH}
    field_class = SearchField


def _strict_csv(field: forms.Field, value: object) -> list | None:
    """`ordering=` means "not given", but an empty item in a list (`title,`) is a mistake."""
    cleaned = super(field.__class__, field).clean(value)
    if cleaned and len(cleaned) > 1 and not all(cleaned):
        raise ValidationError(_("Leave no empty item between the commas."), code="invalid")
    return cleaned


class TranslatedOrderingFilter(django_filters.OrderingFilter):
    """`ordering=title` or `-title` sorts in the reader's language; ties break on id.

    `translated_fields` sort on the active language with modeltranslation's fallbacks;
    `nulls_last` fields put unknown values last in both directions.
    """

    def __init__(
        self,
        *args,
        translated_fields: Sequence[str] = (),
        nulls_last: Sequence[str] = (),
        tiebreaker: str = "id",
        **kwargs,
    ) -> None:
        self.translated_fields = set(translated_fields)
        self.nulls_last = set(nulls_last)
        self.tiebreaker = tiebreaker
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("“%(value)s” is not a way to order this list.")},
        )
        super().__init__(*args, **kwargs)
        self.field_class = type("StrictOrderingField", (self.field_class,), {"clean": _strict_csv})

    def get_ordering_value(self, param: str) -> OrderBy:
        descending = param.startswith("-")
        name = self.param_map[param.lstrip("-")]
        expression = translated(name) if name in self.translated_fields else F(name)
        nulls = {"nulls_last": True} if name in self.nulls_last else {}
        return expression.desc(**nulls) if descending else expression.asc(**nulls)

    def filter(self, qs: QuerySet, value: list[str] | None) -> QuerySet:
        value = [param for param in value or () if param and param.lstrip("-")]
        if not value:
            return qs
        ordering = [self.get_ordering_value(param) for param in value]
        return qs.order_by(*ordering, self.tiebreaker)


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


class StrictBooleanField(forms.NullBooleanField):
    """true/false (or 1/0); anything else is an error, not "no filter"."""

    # The select widget would read any unknown value as "unknown", hiding the mistake.
    widget = forms.TextInput
    default_error_messages = {"invalid": _("Enter true or false.")}

    def to_python(self, value: object) -> bool | None:
        if value in (None, ""):
            return None
        text = str(value).strip().lower()
        if text in ("true", "1"):
            return True
        if text in ("false", "0"):
            return False
        raise ValidationError(self.error_messages["invalid"], code="invalid")

    def validate(self, value: bool | None) -> None:
        return None


class BooleanFilter(Documented, django_filters.BooleanFilter):
    field_class = StrictBooleanField
    schema = {"type": "boolean"}


class SlugsFilter(Documented, django_filters.ModelMultipleChoiceFilter):
    """One or more slugs of published records (repeat the parameter)."""

    schema = {"type": "string", "pattern": SLUG_PATTERN}


class SlugFilter(Documented, django_filters.ModelChoiceFilter):
    schema = {"type": "string", "pattern": SLUG_PATTERN}


def unknown_slug(label) -> dict:
    return {
        "invalid_choice": label,
        "invalid_pk_value": label,
        "invalid_list": _("Enter a list of slugs."),
    }


# -- agreements --------------------------------------------------------------------------


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
            "Words to find in the title, summary, objectives, parties or signatories, in "
            "Arabic, French or English. Every word must occur; a word also finds longer "
            "words that contain it (مذكر finds مذكرات). Harakat, hamza forms, letter case "
            "and accents are ignored."
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
        return search.search(queryset, value)


def text_matches(fields: Sequence[str], query: str) -> Q:
    """Every word of the query occurs in one of the fields, in any language (as written)."""
    condition = Q()
    for word in query.split():
        any_field = Q()
        for field in fields:
            for code in LANGUAGES:
                any_field |= Q(**{f"{field}_{code}__icontains": word})
        condition &= any_field
    return condition


class TextSearchFilter(SearchFilter):
    """`q` over a few translated columns, for the small tables (names, titles)."""

    def __init__(self, *args, fields: Sequence[str], **kwargs) -> None:
        self.search_fields = tuple(fields)
        kwargs.setdefault("label", _("Search"))
        kwargs.setdefault(
            "help_text",
            _("Words to find in the name, in Arabic, French or English; every word must occur."),
        )
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        if not value or not value.split():
            return qs
        return qs.filter(text_matches(self.search_fields, value))


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
