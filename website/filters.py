"""The agreements list's filter form: the API's FilterSet, with fields a visitor can type into.

The query parameters stay the API's own (`partner=<slug>`…). What changes is how the form
reads and shows them: a record filter with an open-ended list of values (partners,
signatories, events: thousands of them at scale) is a search box that takes a slug *or a
name*, never a list of every option. The server finds the record; a name that matches
nothing or several records is the visitor's to correct, in their language. A small
optional script (website/autocomplete.js) turns each box into a combobox whose
suggestions come from `agreement_suggestions`. Short vocabularies (themes, initiatives)
stay a list while they have at most `LIST_LIMIT` entries.

Names are looked for among the records a visitor can find agreements by (`offered`):
published ones with at least one published agreement. A slug, the API's own value, is
taken for any published record.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, Exists, Model, OuterRef, Q, QuerySet, When
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_filters import fields as filter_fields

from agreements.filtersets import AgreementFilterSet
from agreements.models import Agreement, AgreementParty, Signatory
from core.filtersets import CountryCodeField, translated
from core.records import LANGUAGES
from core.rules import names, quoted
from core.visibility import rows_needing

# Filters whose values a visitor types (a slug or a name), with the columns a name is
# looked for in.
PICKED = {
    "partner": ("name", "acronym", "aliases"),
    "signatory": ("name", "aliases"),
    "event": ("name",),
    "initiative": ("name",),
    "theme": ("name",),
}
# Filters over open-ended lists (thousands of values at scale): always a search box.
OPEN_ENDED = ("partner", "signatory", "event")
# A filter with at most this many values is a list to choose from; above, a search box.
LIST_LIMIT = 40
# Suggestions sent to the script, and names quoted in an "ambiguous" error.
SUGGESTIONS = 10
NAMES_IN_ERROR = 5

NO_MATCH = _("No name or address matches %(value)s.")
SEVERAL = _("%(value)s matches several names: %(names)s. Type more of the one you mean.")


# Columns that are not translated: other spellings, one per line (any line may match).
UNTRANSLATED = ("aliases",)


def name_condition(columns: Iterable[str], text: str, lookup: str) -> Q:
    condition = Q()
    for column in columns:
        if column in UNTRANSLATED:
            condition |= _alias_condition(column, text, lookup)
            continue
        for code in LANGUAGES:
            condition |= Q(**{f"{column}_{code}__{lookup}": text})
    return condition


def _alias_condition(column: str, text: str, lookup: str) -> Q:
    """One line of a multi-line column equals (iexact), begins with (istartswith) or
    contains (icontains) the text."""
    if lookup == "icontains":
        return Q(**{f"{column}__icontains": text})
    if lookup == "istartswith":
        return Q(**{f"{column}__istartswith": text}) | Q(**{f"{column}__icontains": f"\n{text}"})
    # A whole line: the text, then the end of the column or of the line.
    return (
        Q(**{f"{column}__iexact": text})
        | Q(**{f"{column}__istartswith": f"{text}\n"})
        | Q(**{f"{column}__iendswith": f"\n{text}"})
        | Q(**{f"{column}__icontains": f"\n{text}\n"})
    )


def name_matches(queryset: QuerySet, columns: Iterable[str], text: str, *, whole: bool) -> QuerySet:
    """The one rule for "this record is named what was typed", for the suggestions and
    for reading a name typed in the form alike: `text` is the whole name (case aside) when
    `whole`, else part of it, in any language and any of `columns`.

    Unordered. A better rule (normalized text, other spellings) changes this function
    only, and both uses follow.
    """
    return queryset.filter(name_condition(columns, text, "iexact" if whole else "icontains"))


def matching_records(queryset: QuerySet, columns: Iterable[str], text: str) -> QuerySet:
    """Records named `text` in part (`name_matches`): those whose name or acronym starts
    with it first, then by name."""
    columns = tuple(columns)
    starts = Case(When(name_condition(columns, text, "istartswith"), then=0), default=1)
    return name_matches(queryset, columns, text, whole=False).order_by(
        starts, translated("name"), "pk"
    )


def find_by_name(queryset: QuerySet, columns: tuple[str, ...], text: str) -> Model:
    """The one record named `text`: an exact name first, then a unique partial one."""
    text = " ".join(text.split())
    for whole in (True, False):
        found = list(
            name_matches(queryset, columns, text, whole=whole).order_by(translated("name"), "pk")[
                : NAMES_IN_ERROR + 1
            ]
        )
        if len(found) == 1:
            return found[0]
        if found:
            raise ValidationError(SEVERAL, code="ambiguous", params=_several(text, found))
    raise ValidationError(NO_MATCH, code="invalid_choice", params={"value": quoted(text)})


# What makes a record worth offering: a row tying it to a published agreement, as the
# public sees it (a signature counts only for a published party).
_AGREEMENT_ROWS = {
    "partner": lambda: rows_needing(
        AgreementParty.objects.filter(organization=OuterRef("pk")), "agreement"
    ),
    "signatory": lambda: rows_needing(
        Signatory.objects.filter(person=OuterRef("pk")), "agreement", "organization"
    ),
    "event": lambda: Agreement.objects.published().filter(event=OuterRef("pk")),
    "initiative": lambda: rows_needing(
        Agreement.initiatives.through.objects.filter(initiative=OuterRef("pk")), "agreement"
    ),
    "theme": lambda: rows_needing(
        Agreement.themes.through.objects.filter(theme=OuterRef("pk")), "agreement"
    ),
}


def offered(name: str, queryset: QuerySet) -> QuerySet:
    """The records of `queryset` (a filter's published records) that have at least one
    published agreement: what the form suggests, lists and reads names among. An EXISTS
    in the same query, never a list of ids."""
    return queryset.filter(Exists(_AGREEMENT_ROWS[name]()))


def detail_of(record: Model) -> str:
    """What tells a record apart beside its name, in the reader's language: an acronym,
    the kind, the place, the year ("ADD · Public agency · Morocco")."""
    parts = []
    acronym = getattr(record, "acronym", "")
    if acronym and acronym not in str(record):
        parts.append(acronym)
    if getattr(record, "kind", ""):
        parts.append(str(record.get_kind_display()))
    place = [getattr(record, "city", "")]
    if getattr(record, "country", ""):
        place.append(str(countries.name(record.country) or record.country))
    if any(place):
        parts.append(", ".join(part for part in place if part))
    if start := getattr(record, "start_date", None):
        parts.append(str(start.year))
    return " · ".join(parts)


def _several(text: str, found: list[Model]) -> dict:
    labels = [str(record) for record in found[:NAMES_IN_ERROR]]
    # Two records with the same name: their addresses tell them apart.
    shown = [
        f"{label} ({record.slug})" if labels.count(label) > 1 else label
        for label, record in zip(labels, found, strict=False)
    ]
    listed = names(shown)
    if len(found) > NAMES_IN_ERROR:
        listed += "…"
    return {"value": quoted(text), "names": listed}


class NamedChoiceMixin:
    """A record field that takes a slug or a name (see `find_by_name`): a slug of any
    published record, a name of one the form offers (`offered`).

    After cleaning, `found` holds the records found and `refused` the values that named
    none (or several), so that the form can show both even when it is invalid.
    """

    filter_name: str
    name_columns: tuple[str, ...] = ("name",)
    found: list[Model]
    refused: list[str]

    def resolve(self, values: list[str]) -> list[Model]:
        """Each value's record: slugs in one query, then each name on its own."""
        by_slug = {record.slug: record for record in self.queryset.filter(slug__in=values)}
        self.found, self.refused = [], []
        errors = []
        for value in values:
            record = by_slug.get(value)
            if record is None:
                try:
                    record = find_by_name(
                        offered(self.filter_name, self.queryset), self.name_columns, value
                    )
                except ValidationError as error:
                    errors.append(error)
                    self.refused.append(value)
                    continue
            if record not in self.found:
                self.found.append(record)
        if errors:
            raise ValidationError(errors)
        return list(self.found)


class NamedModelChoiceField(NamedChoiceMixin, filter_fields.ModelChoiceField):
    def to_python(self, value):
        self.found, self.refused = [], []
        if value in self.empty_values:
            return None
        return self.resolve([str(value).strip()])[0]

    def validate(self, value) -> None:
        forms.Field.validate(self, value)


class NamedModelMultipleChoiceField(NamedChoiceMixin, filter_fields.ModelMultipleChoiceField):
    def clean(self, value):
        self.found, self.refused = [], []
        values = [str(item).strip() for item in value or () if str(item).strip()]
        if not values:
            return []
        return self.resolve(values)


class CountryField(CountryCodeField):
    """The same codes, checked against ISO 3166-1 without 250 choices copied into every
    form (the page offers the partners' countries only)."""

    def __init__(self, **kwargs) -> None:
        # Not CountryCodeField's own: it names the 250 countries in the reader's language.
        super(CountryCodeField, self).__init__(**kwargs)

    def valid_value(self, value) -> bool:
        return value in COUNTRY_CODES


COUNTRY_CODES = frozenset(code for code, _name in countries)


@cache
def named_field_class(base: type, filter_name: str) -> type:
    named = {
        filter_fields.ModelChoiceField: NamedModelChoiceField,
        filter_fields.ModelMultipleChoiceField: NamedModelMultipleChoiceField,
    }[base]
    return type(
        named.__name__, (named,), {"filter_name": filter_name, "name_columns": PICKED[filter_name]}
    )


class SiteAgreementFilterSet(AgreementFilterSet):
    """The API's AgreementFilterSet whose record filters also take a name."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in PICKED:
            filter_ = self.filters[name]
            vars(filter_).pop("_field", None)
            filter_.field_class = named_field_class(filter_.field_class, name)
        country = self.filters["country"]
        vars(country).pop("_field", None)
        country.field_class = CountryField

    def canonical_query(self) -> str | None:
        """The query string with slugs where the visitor typed names, empty values dropped
        (the form sends every field, filled or not); None when it is that already (a valid
        form only)."""
        data = self.data.copy()
        changed = any(not value.strip() for key in data for value in data.getlist(key))
        for name in PICKED:
            raws = [raw.strip() for raw in data.getlist(name) if raw.strip()]
            slugs = [record.slug for record in self.form.fields[name].found]
            if raws != slugs:
                changed = True
                data.setlist(name, slugs)
        if not changed:
            return None
        for key in list(data):
            values = [value for value in data.getlist(key) if value.strip()]
            if values:
                data.setlist(key, values)
            else:
                del data[key]
        return data.urlencode()


class RecordPicker(forms.Widget):
    """The chosen records as ticked boxes in a fieldset (untick one to remove it), then a
    search box for one more: a name, part of one, or an address. Works without
    JavaScript; with it, website/autocomplete.js makes the box a combobox (WAI-ARIA's
    "combobox with listbox popup") whose suggestions come from `suggest_url`, and a
    suggestion chosen becomes one more ticked box.

    The view sets `labels` (the chosen slugs and their names, from the cleaned form) and
    `typed` (values the form refused, shown again to be corrected).
    """

    def __init__(self, *, multiple: bool, suggest_url: str, group_label: str, attrs=None) -> None:
        super().__init__(attrs)
        self.group_label = group_label
        self.allow_multiple_selected = multiple
        self.suggest_url = suggest_url
        self.labels: dict[str, str] = {}
        self.typed: list[str] = []

    def value_from_datadict(self, data, files, name):
        values = [value for value in data.getlist(name) if value.strip()]
        if self.allow_multiple_selected:
            return values
        # The search box comes after the ticked one: what was typed replaces it.
        return values[-1] if values else None

    def value_omitted_from_data(self, data, files, name) -> bool:
        return False

    def render(self, name, value, attrs=None, renderer=None) -> str:
        attrs = self.build_attrs(self.attrs, attrs)
        input_id = attrs.pop("id", f"id_{name}")
        # In a fieldset, which the filter form's style already lays out as a list of boxes.
        boxes = format_html_join(
            "",
            '<label><input type="checkbox" name="{}" value="{}" checked> <bdi>{}</bdi></label>',
            ((name, slug, label) for slug, label in self.labels.items()),
        )
        chosen = format_html(
            '<fieldset class="chosen" aria-label="{}"{}>{}</fieldset>',
            self.group_label,
            "" if self.labels else mark_safe(" hidden"),
            boxes,
        )
        common = {
            **attrs,
            "type": "search",
            "name": name,
            "dir": "auto",
            "autocomplete": "off",
            "spellcheck": "false",
            "data-suggest": self.suggest_url,
            # What the script says, in the page's language (it has no catalogue of its own).
            "data-chosen": _("Chosen: %(name)s. Press “Show agreements” to apply."),
            "data-multiple": "true" if self.allow_multiple_selected else None,
        }
        # One box per refused value (the first carries the label's id), or one empty box.
        inputs = format_html_join(
            "",
            '<div class="combobox"><input{}></div>',
            (
                (
                    flatatt(
                        {**common, "id": input_id if index == 0 else None, "value": typed or None}
                    ),
                )
                for index, typed in enumerate(self.typed or [""])
            ),
        )
        return format_html("{}{}", chosen, inputs)
