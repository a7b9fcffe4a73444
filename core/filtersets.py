"""Filter pieces every resource's FilterSet shares: partial dates, years, countries, slugs,
search, translated ordering; each documents itself for the OpenAPI schema and refuses a
bad value with a message that names it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import CharField, F, Q, QuerySet, Value
from django.db.models.expressions import Expression, OrderBy
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.drainage import set_override

from core import search
from core.records import LANGUAGES, DatePrecision, PartialDate, fallback_order

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
    columns = [NullIf(f"{field}_{code}", Value("")) for code in fallback_order(language)]
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
