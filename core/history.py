"""What changed between two versions of a record, word by word, readable in every language.

`diff_records(older, newer)` takes two historical records (django-simple-history's rows)
or two plain dicts of field values, and returns one `FieldDiff` per field that differs:
its label as the editor reads it ("Title (Arabic)"), the whole old and new values (never
truncated), and the runs of words kept, deleted and inserted. Each translated field is
diffed in its own language and carries its own direction, so that an Arabic title reads
right-to-left in the French admin and a French one left-to-right in the Arabic admin.

No HTML here: `templates/simple_history/field_diffs.html` renders a list of diffs, for
the history page and for any other screen that shows a change (a proposed revision).
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext, pgettext, pgettext_lazy

# Bookkeeping that changes on every save and tells the editor nothing.
NOT_SHOWN = frozenset({"id", "version", "created_at", "updated_at", "search_document"})

RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})

# A word: letters and digits with the Arabic marks (harakat, shadda) that ride on them,
# so that "عِلم" stays one word; every other visible character is a word of its own.
ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
TOKENS = re.compile(rf"\s+|[\w{ARABIC_MARKS}]+|[^\s\w]")

# As written inside a label, "Title (French)": French writes language names in lower case.
LANGUAGE_NAMES = {
    "ar": pgettext_lazy("a field's language", "Arabic"),
    "fr": pgettext_lazy("a field's language", "French"),
    "en": pgettext_lazy("a field's language", "English"),
}

GENERIC_LINK_LABELS = {
    "content_type": pgettext_lazy("a citation's record", "kind of record"),
    "object_id": pgettext_lazy("a citation's record", "record number"),
}

NUMBERED_REASON = re.compile(r"(?P<kind>intake|revision) (?P<number>\d+)(?:: (?P<own>.*))?", re.S)

Kind = Literal["same", "deleted", "inserted"]


@dataclass(frozen=True)
class Run:
    """Consecutive words that were kept, deleted or inserted."""

    kind: Kind
    text: str


@dataclass(frozen=True)
class FieldDiff:
    name: str  # the model field's name: "title_ar"
    label: str  # as the editor reads it, in the current language: "Title (Arabic)"
    language: str | None  # the language of a translated field's value; None otherwise
    direction: Literal["rtl", "ltr", "auto"]
    old: str  # the whole value as displayed; "" when empty
    new: str
    runs: tuple[Run, ...]

    @property
    def was_empty(self) -> bool:
        return self.old == ""

    @property
    def now_empty(self) -> bool:
        return self.new == ""


def word_diff(old: str, new: str) -> tuple[Run, ...]:
    """The runs of `old` kept or deleted and of `new` inserted, in reading order.

    Joining the "same" and "deleted" runs gives `old` back; "same" and "inserted", `new`.
    """
    before, after = TOKENS.findall(old), TOKENS.findall(new)
    runs: list[Run] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            runs.append(Run("same", "".join(before[i1:i2])))
            continue
        if i2 > i1:
            runs.append(Run("deleted", "".join(before[i1:i2])))
        if j2 > j1:
            runs.append(Run("inserted", "".join(after[j1:j2])))
    return tuple(_merge(_absorb_lone_spaces(runs)))


def _absorb_lone_spaces(runs: list[Run]) -> list[Run]:
    """A space kept between two changes joins both: "a b" → "c d" reads as one change,
    not "a" → "c", " ", "b" → "d"."""
    result: list[Run] = []
    for index, run in enumerate(runs):
        between_changes = (
            run.kind == "same"
            and not run.text.strip()
            and 0 < index < len(runs) - 1
            and runs[index - 1].kind != "same"
            and runs[index + 1].kind != "same"
        )
        if between_changes:
            result.append(Run("deleted", run.text))
            result.append(Run("inserted", run.text))
        else:
            result.append(run)
    return result


def _merge(runs: list[Run]) -> list[Run]:
    """Adjacent runs of a kind as one, deletions before insertions within a change."""
    result: list[Run] = []
    pending: dict[str, list[str]] = {"deleted": [], "inserted": []}

    def flush() -> None:
        for kind in ("deleted", "inserted"):
            if pending[kind]:
                result.append(Run(kind, "".join(pending[kind])))  # type: ignore[arg-type]
                pending[kind] = []

    for run in runs:
        if not run.text:
            continue
        if run.kind == "same":
            flush()
            if result and result[-1].kind == "same":
                result[-1] = Run("same", result[-1].text + run.text)
            else:
                result.append(run)
        else:
            pending[run.kind].append(run.text)
    flush()
    return result


def diff_records(
    older: Any | Mapping[str, Any] | None,
    newer: Any | Mapping[str, Any],
    model: type[models.Model] | None = None,
) -> list[FieldDiff]:
    """Each field shown to editors whose value differs between the two versions.

    `older` and `newer` are historical records of one record, or dicts keyed by field
    name (or attname: `event_id`); `older` None is a record just created. `model` is
    needed only with dicts.
    """
    model = model or _model_of(newer)
    old_values = _values(older, model) if older is not None else {}
    new_values = _values(newer, model)
    diffs = []
    for field in shown_fields(model):
        old_raw, new_raw = old_values.get(field.attname), new_values.get(field.attname)
        if _normalized(old_raw) == _normalized(new_raw):
            continue
        old, new = display_value(field, old_raw), display_value(field, new_raw)
        language = getattr(field, "language", None)
        if isinstance(field, (models.CharField, models.TextField)) and not field.choices:
            runs = word_diff(old, new)
        else:  # a choice, a link, a number, a date: replaced whole
            runs = tuple(
                Run(kind, text) for kind, text in (("deleted", old), ("inserted", new)) if text
            )
        diffs.append(
            FieldDiff(
                name=field.name,
                label=field_label(field),
                language=language,
                direction=_direction(field, language),
                old=old,
                new=new,
                runs=runs,
            )
        )
    return diffs


def shown_fields(model: type[models.Model]) -> list[models.Field]:
    """The model's stored fields an editor cares about, each language on its own.

    modeltranslation keeps the untranslated column (`title`) beside `title_ar`,
    `title_fr`, `title_en`; it repeats one of them, so only the languages are shown.
    """
    fields = [field for field in model._meta.concrete_fields if field.name not in NOT_SHOWN]
    names = {field.name for field in fields}
    translated = {
        field.name
        for field in fields
        if getattr(field, "language", None) is None
        and any(f"{field.name}_{code}" in names for code in ("ar", "fr", "en"))
    }
    return [field for field in fields if field.name not in translated]


def field_label(field: models.Field) -> str:
    """The field's verbose name in the current language, with the value's language."""
    language = getattr(field, "language", None)
    original = getattr(field, "translated_field", None)
    if field.name in GENERIC_LINK_LABELS:  # a citation's record: "content type", "object id"
        return capfirst(str(GENERIC_LINK_LABELS[field.name]))
    name = capfirst(str((original or field).verbose_name))
    if not language:
        return name
    language_name = LANGUAGE_NAMES.get(language) or get_language_info(language)["name_translated"]
    return pgettext("a translated field's label", "%(field)s (%(language)s)") % {
        "field": name,
        "language": language_name,
    }


def display_value(field: models.Field, raw: Any) -> str:
    """The value as an editor reads it: a choice's label, a linked record's name."""
    if raw is None or raw == "":
        return ""
    if isinstance(raw, models.Model):
        return str(raw)
    if field.is_relation and field.many_to_one:
        linked = field.related_model._default_manager.filter(pk=raw).first()
        return str(linked) if linked is not None else f"#{raw}"
    if field.choices:
        choices = {str(key): label for key, label in field.flatchoices}
        return str(choices.get(str(raw), raw))
    if isinstance(raw, bool):
        return gettext("Yes") if raw else gettext("No")
    if isinstance(raw, datetime.datetime):
        return raw.isoformat(sep=" ", timespec="minutes")
    if isinstance(raw, datetime.date):
        return raw.isoformat()
    return str(raw)


def _direction(field: models.Field, language: str | None) -> Literal["rtl", "ltr", "auto"]:
    if language:
        return "rtl" if language in RIGHT_TO_LEFT else "ltr"
    if isinstance(field, (models.SlugField, models.URLField, models.DateField)) or (
        isinstance(field, (models.IntegerField, models.DecimalField, models.FloatField))
        and not field.choices
    ):
        return "ltr"  # codes, addresses, ISO dates and numbers read left-to-right everywhere
    return "auto"  # a name or a label in whichever language it is written


def _normalized(raw: Any) -> Any:
    return "" if raw is None else raw


def _model_of(record: Any) -> type[models.Model]:
    model = getattr(record, "instance_type", None)  # set on simple_history's models
    if model is None:
        raise TypeError("diff_records needs `model=` to compare plain dicts")
    return model


def _values(record: Any, model: type[models.Model]) -> dict[str, Any]:
    if isinstance(record, Mapping):
        values = {}
        for field in model._meta.concrete_fields:
            for key in (field.attname, field.name):
                if key in record:
                    value = record[key]
                    values[field.attname] = value.pk if isinstance(value, models.Model) else value
                    break
        return values
    stored = record.__dict__  # the raw column values, not descriptors' objects
    return {
        field.attname: stored[field.attname]
        for field in model._meta.concrete_fields
        if field.attname in stored
    }


def change_reason_label(reason: str | None) -> str:
    """The reason a version was saved, in the editor's language where it is ours."""
    if not reason:
        return ""
    known = {
        "admin": pgettext("change reason", "edited in the admin"),
        "revert": pgettext("change reason", "went back to a past version"),
        "api": pgettext("change reason", "written through the API"),
        "load_seeds": pgettext("change reason", "loaded from the seed files"),
        "status: published": pgettext("change reason", "published"),
        "status: draft": pgettext("change reason", "unpublished"),
    }
    if reason in known:
        return known[reason]
    # "intake 12" or "intake 12: the editor's reason" (intake.services), "revision 7"
    # (core.revisions): the number in our words, the editor's own reason as written.
    numbered = NUMBERED_REASON.fullmatch(reason)
    if numbered is None:
        return reason
    kind, number, own = numbered["kind"], numbered["number"], numbered["own"]
    if kind == "intake":
        label = pgettext("change reason", "from article intake no. %(number)s")
    else:
        label = pgettext("change reason", "approved proposed revision no. %(number)s")
    label %= {"number": number}
    return f"{label}: {own}" if own else label


# -- for the admin's history pages (these read the database) --------------------------------


def attach_field_diffs(page, older_than_page: Any | None = None) -> None:
    """Give each historical record of a page, newest first, `field_diffs` (what it changed
    since the version before it; None for the first version) and `history_reason_label`.

    `older_than_page` is the version just before the page's oldest, when there is one."""
    records = list(page)
    for newer, older in zip(records, [*records[1:], older_than_page], strict=True):
        newer.history_reason_label = change_reason_label(newer.history_change_reason)
        newer.field_diffs = None if older is None else diff_records(older, newer)


def diffs_to_version(model: type[models.Model], object_id: Any, version_id: Any) -> list:
    """What going back to a past version would change in the record as it stands."""
    history = getattr(model, model._meta.simple_history_manager_attribute)
    version = history.filter(history_id=version_id).first()
    current = model._default_manager.filter(pk=object_id).first()
    if version is None or current is None:
        return []
    return diff_records(_values(current, model), version, model=model)
