"""Inputs an editor cannot misread: partial dates, optional slugs, the fields a citation backs.

A date is entered as three labelled inputs: the day, the month (a list of month names)
and the year. Nothing is parsed from a string, so `09/10/2025` cannot be read as
10 September: there is no string. The precision follows from what is filled: the year
alone is a year, the month and year a month, all three a day. The stored pair (first
day, precision) is written from that one value, so the two can never disagree.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import SourceDocument
from core.records import MONTH_NAMES, MONTHS, DatePrecision, PartialDate
from core.slugs import SLUG_MESSAGE, fill_slug

# Digits as an Arabic keyboard may type them: read as the same numbers.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

PARTIAL_DATE_HELP = _(
    "Fill what the source gives: the year alone, the month and the year, or the full date. "
    "Leave all three empty when the source gives no date."
)


def partial_date_pairs(model: type[models.Model]) -> dict[str, str]:
    """Each date field of the model and the precision field it is stored with.

    `signed_on` → `signed_on_precision`, `start` → `start_precision`, and an event's
    `start_date` and `end_date` → their shared `date_precision`.
    """
    names = {field.name for field in model._meta.concrete_fields}
    pairs = {}
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.DateField) or isinstance(field, models.DateTimeField):
            continue
        for candidate in (
            f"{field.name}_precision",
            f"{field.name.removesuffix('_date')}_precision",
            "date_precision",
        ):
            if candidate in names:
                pairs[field.name] = candidate
                break
    return pairs


class PartialDateWidget(forms.MultiWidget):
    """Day, month (by name), year: each with its own label, in the reading order of the
    page's language. No example string is shown, so none can be reordered by the
    right-to-left layout and copied wrong."""

    template_name = "core/widgets/partial_date.html"

    def __init__(self, attrs=None):
        number = {"inputmode": "numeric", "autocomplete": "off", "dir": "ltr"}
        widgets = {
            "day": forms.TextInput(attrs={**number, "size": 2, "maxlength": 2}),
            "month": forms.Select(choices=[("", "—"), *MONTHS]),
            "year": forms.TextInput(attrs={**number, "size": 4, "maxlength": 4}),
        }
        super().__init__(widgets, attrs)

    class Media:
        css = {"all": ["core/editor_inputs.css"]}

    def decompress(self, value):
        if value is None or value == "":
            return [None, None, None]
        if not isinstance(value, PartialDate):
            # A bare date carries no precision: shown whole rather than guessed shorter.
            value = PartialDate.parse(value)
        return [value.day, value.month, value.year]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = (
            pgettext_lazy("part of a date", "Day"),
            pgettext_lazy("part of a date", "Month"),
            pgettext_lazy("part of a date", "Year"),
        )
        context["widget"]["parts"] = list(zip(labels, context["widget"]["subwidgets"], strict=True))
        return context

    def id_for_label(self, id_):
        # The field's label points at the first input, the day.
        return f"{id_}_0" if id_ else id_


class PartialDateField(forms.MultiValueField):
    """A date known to the day, the month, the year, or not at all: a `PartialDate`."""

    widget = PartialDateWidget

    def __init__(self, *, precision_field: str | None = None, **kwargs):
        self.precision_field = precision_field
        kwargs.setdefault("help_text", PARTIAL_DATE_HELP)
        # Read as text and checked in `compress`, so that every refusal names the field.
        parts = tuple(forms.CharField(required=False) for _part in range(3))
        super().__init__(parts, require_all_fields=False, **kwargs)

    def prepare_value(self, value):
        return value

    def _refuse(self, message, code: str, **params) -> ValidationError:
        # The message names the field: in an inline row or a summary it stands alone.
        return ValidationError(
            _("%(field)s: %(problem)s")
            % {"field": self.label or _("date"), "problem": message % params},
            code=code,
        )

    def compress(self, data_list) -> PartialDate:
        if not data_list:
            return PartialDate()
        day_text, month_text, year_text = (
            (str(value).translate(_DIGITS).strip() if value is not None else "")
            for value in data_list
        )
        if day_text and not (day_text.isdigit() and 1 <= int(day_text) <= 31):
            raise self._refuse(_("the day is a number from 1 to 31."), "day")
        if month_text and not (month_text.isdigit() and 1 <= int(month_text) <= 12):
            raise self._refuse(_("choose the month from the list."), "month")
        if year_text and not (year_text.isdigit() and len(year_text) == 4):
            raise self._refuse(_("write the year with its four digits, e.g. 2025."), "year")
        if day_text and not month_text:
            raise self._refuse(
                _("a day needs its month: choose the month, or clear the day."), "day_no_month"
            )
        if month_text and not year_text:
            raise self._refuse(
                _("a month needs its year: enter the year, or clear the month."), "month_no_year"
            )
        year = int(year_text) if year_text else None
        month = int(month_text) if month_text else None
        day = int(day_text) if day_text else None
        try:
            return PartialDate(year, month, day)
        except ValueError:
            raise self._refuse(
                _("%(month)s %(year)s has no day %(day)s."),
                "no_such_day",
                day=day,
                month=MONTH_NAMES[month],
                year=year,
            ) from None


class PartialDateFormMixin:
    """For a model form whose date fields are `PartialDateField`s: shows the stored pair
    as it was entered, and stores the one value back as its (first day, precision) pair."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.partial_date_fields():
            self.initial[name] = PartialDate.from_stored(
                getattr(self.instance, name, None),
                getattr(self.instance, field.precision_field, DatePrecision.UNKNOWN),
            )

    def partial_date_fields(self) -> list[tuple[str, PartialDateField]]:
        return [
            (name, field)
            for name, field in self.fields.items()
            if isinstance(field, PartialDateField) and field.precision_field
        ]

    def clean(self):
        cleaned = super().clean()
        # Dates stored with one shared precision (an event's start and end) must be given
        # to that same precision.
        first_known: dict[str, tuple[str, PartialDate]] = {}
        for name, field in self.partial_date_fields():
            value = cleaned.get(name)
            if not isinstance(value, PartialDate) or not value.is_known:
                continue
            earlier = first_known.setdefault(field.precision_field, (name, value))
            if earlier[1].precision != value.precision:
                self.add_error(
                    name,
                    _(
                        "%(field)s: give it to the same precision as %(other)s: both to the "
                        "day, both to the month, or both to the year."
                    )
                    % {"field": field.label, "other": self.fields[earlier[0]].label},
                )
        return cleaned

    def _post_clean(self):
        precisions: dict[str, str] = {}
        for name, field in self.partial_date_fields():
            value = self.cleaned_data.get(name)
            if not isinstance(value, PartialDate):
                continue
            self.cleaned_data[name] = value.first_day()
            # A shared precision is the first known date's (an event's start).
            current = precisions.get(field.precision_field)
            if current is None or (current == DatePrecision.UNKNOWN and value.is_known):
                precisions[field.precision_field] = value.precision.value
        for precision_field, precision in precisions.items():
            setattr(self.instance, precision_field, precision)
        super()._post_clean()
        if not self.errors and "slug" in self.fields:
            # An inline row (a person's position) is saved by its formset, not by the
            # services: its slug is made here, the same way.
            try:
                fill_slug(self.instance)
            except ValidationError as refusal:
                self.add_error(None, refusal)  # by field: the slug


class EditorModelForm(PartialDateFormMixin, forms.ModelForm):
    """The admin's base form: partial dates as one input each."""


SLUG_HELP = _(
    "The record's address. Leave it empty to make one from the French or English title "
    "(or the Arabic one, transliterated); you may change it before publishing."
)


class EditorAdminMixin:
    """For a ModelAdmin or an inline: one partial-date input per date, the precision field
    gone from the form; the slug optional (made on save), with a message that says which
    letters it takes."""

    form = EditorModelForm

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        pairs = partial_date_pairs(db_field.model)
        if db_field.name in pairs:
            help_text = kwargs.get("help_text") or db_field.help_text or PARTIAL_DATE_HELP
            return PartialDateField(
                label=capfirst(db_field.verbose_name),
                required=False,
                precision_field=pairs[db_field.name],
                help_text=help_text,
            )
        if db_field.name in pairs.values():
            return None  # follows from the date input
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "slug" and isinstance(formfield, forms.SlugField):
            formfield.required = False
            formfield.help_text = SLUG_HELP
            formfield.error_messages["invalid"] = SLUG_MESSAGE
        return formfield


# -- the fields a citation backs ------------------------------------------------------------


def field_label(model: type[models.Model], name: str) -> str:
    """The translated label of a field a citation may back: the model field's verbose
    name, a relation's plural name, or (`place`) the label of the fields it stands for."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return capfirst(CITED_FIELD_LABELS.get(name, name))
    if field.auto_created and not field.concrete:  # a reverse relation: parties, signatories
        return capfirst(field.related_model._meta.verbose_name_plural)
    return capfirst(field.verbose_name)


# Cited names that are no single model field.
CITED_FIELD_LABELS = {
    "place": pgettext_lazy("what a citation backs", "place"),
    "participants": pgettext_lazy("what a citation backs", "participants"),
}


def cited_field_choices(model: type[models.Model] | None) -> list[tuple[str, str]]:
    return [(name, field_label(model, name)) for name in getattr(model, "cited_fields", ())]


def all_cited_field_choices() -> list[tuple[str, str]]:
    """Every name some kind of record lets a citation back, each once."""
    from django.apps import apps

    choices: dict[str, str] = {}
    for model in apps.get_models():
        for name, label in cited_field_choices(model):
            choices.setdefault(name, label)
    return sorted(choices.items(), key=lambda item: str(item[1]))


class CitedFieldsWidget(forms.CheckboxSelectMultiple):
    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "cited-fields", **(attrs or {})}, choices)

    class Media:
        # In columns: fourteen boxes one under the other make each citation row a page long.
        css = {"all": ["core/editor_inputs.css"]}


class CitedFieldsField(forms.MultipleChoiceField):
    """Checkboxes, one per field the record's kind lets a citation back."""

    widget = CitedFieldsWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("fields backed"))
        kwargs.setdefault("help_text", _("Tick the fields of the record this passage supports."))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.error_messages["invalid_choice"] = _(
            "“%(value)s” is not a field of this kind of record."
        )

    def clean(self, value) -> list[str]:
        chosen = super().clean(value)
        # In the kind's order, whatever order the browser sent them in.
        order = [str(code) for code, _label in self.choices]
        return sorted(chosen, key=order.index)


# -- sources --------------------------------------------------------------------------------


class SourceDocumentForm(EditorModelForm):
    """What a journalist needs to trace a source: where it was published, by whom, when."""

    class Meta:
        model = SourceDocument
        fields = [
            "title", "slug", "language", "url", "publisher", "published_on", "dateline",
            "author", "credits", "text", "file_name",
        ]  # fmt: skip
        widgets = {
            "url": forms.URLInput(attrs={"dir": "ltr", "size": 60}),
            "text": forms.Textarea(attrs={"dir": "auto", "rows": 16}),
            "publisher": forms.TextInput(attrs={"dir": "auto"}),
            "author": forms.TextInput(attrs={"dir": "auto"}),
            "dateline": forms.TextInput(attrs={"dir": "auto"}),
            "credits": forms.TextInput(attrs={"dir": "auto", "size": 60}),
            "file_name": forms.TextInput(attrs={"dir": "ltr"}),
        }
        help_texts = {
            "file_name": _("Only for a source read from a file (the seed articles); optional."),
            "url": _("The page the text was read on."),
        }

    def clean_file_name(self):
        # Empty is "no file": the uniqueness applies only to a name given.
        return (self.cleaned_data.get("file_name") or "").strip()
