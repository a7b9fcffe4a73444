"""The agreements list's filter form: the API's FilterSet, with fields a visitor can type into.

The query parameters stay the API's own (`partner=<slug>`…). What changes is how the form
reads and shows them: a record filter with an open-ended list of values (partners,
signatories, events: thousands of them at scale) is a search box that takes a slug *or a
name*, never a list of every option. The server finds the record; a name that matches
nothing or several records is the visitor's to correct, in their language. A small
optional script (website/picker.js) suggests names as one types, from `suggest()`.
Short vocabularies (themes, initiatives) stay a list while they have at most
`LIST_LIMIT` entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_filters import fields as filter_fields

from agreements.filtersets import AgreementFilterSet
from core.filtersets import CountryCodeField, translated
from core.records import LANGUAGES
from core.rules import names, quoted

# Filters whose values a visitor types (a slug or a name), with the columns a name is
# looked for in.
PICKED = {
    "partner": ("name", "acronym"),
    "signatory": ("name",),
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


def name_condition(columns: Iterable[str], text: str, lookup: str) -> Q:
    condition = Q()
    for column in columns:
        for code in LANGUAGES:
            condition |= Q(**{f"{column}_{code}__{lookup}": text})
    return condition


def matching_records(queryset: QuerySet, columns: Iterable[str], text: str) -> QuerySet:
    """Records whose name (in any language) contains `text`, case aside, by name."""
    return queryset.filter(name_condition(columns, text, "icontains")).order_by(
        translated("name"), "pk"
    )


def find_by_name(queryset: QuerySet, columns: tuple[str, ...], text: str) -> Model:
    """The one record named `text`: an exact name first, then a unique partial one."""
    text = " ".join(text.split())
    for lookup in ("iexact", "icontains"):
        found = list(
            queryset.filter(name_condition(columns, text, lookup)).order_by(
                translated("name"), "pk"
            )[: NAMES_IN_ERROR + 1]
        )
        if len(found) == 1:
            return found[0]
        if found:
            raise ValidationError(SEVERAL, code="ambiguous", params=_several(text, found))
    raise ValidationError(NO_MATCH, code="invalid_choice", params={"value": quoted(text)})


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
    """A record field that takes a slug or a name (see `find_by_name`).

    After cleaning, `found` holds the records found and `refused` the values that named
    none (or several), so that the form can show both even when it is invalid.
    """

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
                    record = find_by_name(self.queryset, self.name_columns, value)
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
def named_field_class(base: type, columns: tuple[str, ...]) -> type:
    named = {
        filter_fields.ModelChoiceField: NamedModelChoiceField,
        filter_fields.ModelMultipleChoiceField: NamedModelMultipleChoiceField,
    }[base]
    return type(named.__name__, (named,), {"name_columns": columns})


class SiteAgreementFilterSet(AgreementFilterSet):
    """The API's AgreementFilterSet whose record filters also take a name."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, columns in PICKED.items():
            filter_ = self.filters[name]
            vars(filter_).pop("_field", None)
            filter_.field_class = named_field_class(filter_.field_class, columns)
        country = self.filters["country"]
        vars(country).pop("_field", None)
        country.field_class = CountryField

    def canonical_query(self) -> str | None:
        """The query string with slugs where the visitor typed names, empty values dropped;
        None when no name was typed (a valid form only)."""
        data = self.data.copy()
        changed = False
        for name in PICKED:
            raws = [raw.strip() for raw in data.getlist(name) if raw.strip()]
            slugs = [record.slug for record in self.form.fields[name].found]
            if raws != slugs:
                changed = True
                data.setlist(name, slugs)
        if not changed:
            return None
        for key in list(data):
            if not any(value.strip() for value in data.getlist(key)):
                del data[key]
        return data.urlencode()


class RecordPicker(forms.Widget):
    """The chosen records as ticked boxes in a fieldset (untick one to remove it), then a search box for
    one more: a name, part of one, or an address. Works without JavaScript; with it,
    website/picker.js fills the `<datalist>` with suggestions from `suggest_url`.

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
        chosen = (
            format_html('<fieldset aria-label="{}">{}</fieldset>', self.group_label, boxes)
            if self.labels
            else ""
        )
        common = {
            **attrs,
            "type": "search",
            "name": name,
            "list": f"{input_id}_suggestions",
            "dir": "auto",
            "autocomplete": "off",
            "data-suggest": self.suggest_url,
        }
        # One box per refused value (the first carries the label's id), or one empty box.
        boxes = format_html_join(
            "",
            "<input{}>",
            (
                (
                    flatatt(
                        {**common, "id": input_id if index == 0 else None, "value": typed or None}
                    ),
                )
                for index, typed in enumerate(self.typed or [""])
            ),
        )
        return format_html('{}{}<datalist id="{}_suggestions"></datalist>', chosen, boxes, input_id)
