"""A record's whole editable state as plain JSON data, and the parts of it that differ.

A proposed revision keeps two of these: the record before the editor's change and the
record as the change would leave it. A snapshot holds

- `fields`: every editable column, each translation in its own column (`title_ar`,
  `title_fr`...), a key as its id (`event_id`);
- `many`: the ids of each many-to-many link (themes, initiatives, partners...);
- `parts`: the rows that exist only as part of the record, those whose key to it deletes
  them with it (an agreement's parties, signatories and attendees, a person's positions,
  an event's participants), each with its own editable columns and its id (None for a
  row the change adds);
- `citations`: the record's evidence.

Nothing here knows an app, and nothing here writes: `core.revisions` applies a snapshot
through the services.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator

from core.models import Citation
from core.records import has_field

Snapshot = dict[str, Any]
SECTIONS = ("fields", "many", "parts", "citations")
# Columns a write recomputes from the others: never proposed, never applied.
DERIVED = frozenset({"search_document"})


class ProposedChange(ValidationError):
    """A change to a published record by someone who may not publish it: not applied.

    Raised by `core.services.hold_for_review` once the write has passed every rule, with
    the record as the change would leave it (`proposed`). Raising it undoes the write; the
    route stores `proposed` as a revision (`core.revisions.propose`). As a refusal (a route
    that does not store it) it says why nothing changed.
    """

    def __init__(self, record: models.Model, proposed: Snapshot, actor: Any) -> None:
        self.record, self.proposed, self.actor = record, proposed, actor
        super().__init__(
            _(
                "This record is published: a change by an editor waits for a publisher's "
                "review, and this route cannot submit it for review. Nothing was changed."
            ),
            code="review",
        )


def reviewed_record(record: models.Model) -> models.Model | None:
    """The published-or-draft record a write changes: the record itself, or, for a part
    edited on its own page (a citation, a position), the record it belongs to."""
    if has_field(record, "status"):
        return record
    if isinstance(record, Citation):
        owner = record.record
        return owner if owner is not None and has_field(owner, "status") else None
    for field in type(record)._meta.concrete_fields:
        if (
            field.many_to_one
            and field.remote_field.on_delete is models.CASCADE
            and has_field(field.related_model, "status")
        ):
            return getattr(record, field.name)
    return None


def _translated_names(model: type[models.Model]) -> set[str]:
    try:
        return set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return set()


def editable_fields(model: type[models.Model], *, owner_key: str | None = None) -> list:
    """The columns an editor writes: not the key, not a stamp, not modeltranslation's base
    column (which repeats one of the language columns), not the key to the owner."""
    skipped = _translated_names(model) | DERIVED
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable
        and not field.primary_key
        and field.name not in skipped
        and field.name != owner_key
    ]


def part_relations(model: type[models.Model]) -> list[models.ManyToOneRel]:
    """The rows that are part of a record: their key to it deletes them with it."""
    return sorted(
        (
            relation
            for relation in model._meta.related_objects
            if relation.one_to_many
            and relation.on_delete is models.CASCADE
            and relation.related_model is not Citation
            and not relation.related_model._meta.auto_created
        ),
        key=lambda relation: relation.get_accessor_name(),
    )


def many_fields(model: type[models.Model]) -> list[models.ManyToManyField]:
    return [
        field
        for field in model._meta.many_to_many
        if field.editable and field.remote_field.through._meta.auto_created
    ]


def _plain(value: Any) -> Any:
    """As JSON would give it back, so that a snapshot compares equal to its stored copy."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _row(obj: models.Model, fields: list) -> dict[str, Any]:
    # The value as the database takes it: a country as its code, a key as its id.
    return {field.attname: field.get_prep_value(field.value_from_object(obj)) for field in fields}


def capture(
    record: models.Model, *, existing_parts: set[tuple[str, int]] | None = None
) -> Snapshot:
    """The record as stored now (inside the caller's transaction), as JSON data.

    `existing_parts`, when given, names the part rows that existed before the write being
    captured: a row not among them is new, and keeps no id (the write's rows are undone).
    """
    model = type(record)
    fresh = model._default_manager.get(pk=record.pk)
    parts: dict[str, list[dict[str, Any]]] = {}
    for relation in part_relations(model):
        name = relation.get_accessor_name()
        part_model = relation.related_model
        fields = editable_fields(part_model, owner_key=relation.field.name)
        found = list(
            part_model._default_manager.filter(**{relation.field.name: record.pk}).order_by("pk")
        )
        # A part with evidence of its own (a position) carries it: its page edits it too.
        evidence = (
            citations_of(part_model, [row.pk for row in found]) if is_cited(part_model) else None
        )
        rows = []
        for row in found:
            known = existing_parts is None or (name, row.pk) in existing_parts
            values = {"id": row.pk if known else None, **_row(row, fields)}
            if evidence is not None:
                values["citations"] = evidence.get(row.pk, [])
            rows.append(values)
        parts[name] = rows
    return _plain(
        {
            "fields": _row(fresh, editable_fields(model)),
            "many": {
                field.name: sorted(getattr(fresh, field.name).values_list("pk", flat=True))
                for field in many_fields(model)
            },
            "parts": parts,
            "citations": citations_of(model, [record.pk]).get(record.pk, []),
        }
    )


def is_cited(model: type[models.Model]) -> bool:
    """Whether records of the model carry citations (a `citations` generic relation)."""
    return any(
        getattr(field, "related_model", None) is Citation for field in model._meta.private_fields
    )


def citations_of(model: type[models.Model], ids: list[Any]) -> dict[Any, list[dict[str, Any]]]:
    """The citations of each record, as snapshots hold them, in one query."""
    found: dict[Any, list[dict[str, Any]]] = {}
    if not ids:
        return found
    rows = Citation.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=ids
    ).order_by("pk")
    for citation in rows:
        found.setdefault(citation.object_id, []).append(
            {
                "source_id": citation.source_id,
                "quote": citation.quote,
                "fields": list(citation.fields or []),
            }
        )
    return found


def part_ids(record: models.Model) -> set[tuple[str, int]]:
    """The part rows the record has now, to tell them from rows a write adds."""
    found = set()
    for relation in part_relations(type(record)):
        name = relation.get_accessor_name()
        ids = relation.related_model._default_manager.filter(
            **{relation.field.name: record.pk}
        ).values_list("pk", flat=True)
        found.update((name, pk) for pk in ids)
    return found


def _same(old: Any, new: Any) -> bool:
    # An untranslated column may be stored empty or null: to a reader they are the same.
    return old == new or (old in (None, "") and new in (None, ""))


def row_content(row: dict[str, Any]) -> dict[str, Any]:
    """A part row without its id, empty and null read alike: what makes two rows equal."""
    return {key: "" if value is None else value for key, value in row.items() if key != "id"}


def _same_rows(old: list | None, new: list | None) -> bool:
    """The same rows, whatever their ids: a write that replaces rows by equal ones (as the
    API's lists do) changes nothing."""

    def contents(rows: list | None) -> list[str]:
        return sorted(json.dumps(row_content(row), sort_keys=True) for row in rows or [])

    return contents(old) == contents(new)


def changes(before: Snapshot, after: Snapshot) -> dict[str, dict[str, Any]]:
    """What `after` changes in `before`: per section, the keys whose value differs, with
    their value in `after`. Parts and citations are compared as whole lists."""
    changed: dict[str, dict[str, Any]] = {}
    for section in ("fields", "many", "parts"):
        old, new = before.get(section, {}), after.get(section, {})
        same = _same_rows if section == "parts" else _same
        differing = {key: value for key, value in new.items() if not same(old.get(key), value)}
        if differing:
            changed[section] = differing
    if before.get("citations") != after.get("citations"):
        changed["citations"] = {"citations": after.get("citations", [])}
    return changed


def is_empty(change: dict[str, dict[str, Any]]) -> bool:
    return not any(change.values())
