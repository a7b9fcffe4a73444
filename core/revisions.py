"""Review: an editor's change to a published record waits as a revision for a publisher.

The rule itself is `core.services.hold_for_review`, at the end of every write: a change to
a published record by someone without the publish permission runs in full (every rule and
validation of the route), is captured as it would leave the record, and is undone. Here:

- `propose` stores that capture beside the record as it stands (the base), as a pending
  `Revision`; the public keeps seeing the published record;
- `approve` applies what the revision changes (base → proposed) through the services, as
  one write with history, and refuses a revision whose record changed since its base
  unless the publisher re-bases it knowingly (then only the revision's own changes are
  applied on top of the current record);
- `reject` closes it with a reason, changing nothing;
- `change_rows` says what would change, field by field, for the revision's page and the
  API.

Why a capture after the real write rather than a second description of each change: the
admin's forms and inlines, a history revert, the API and intake each describe a change in
their own way, and each route's rules run only in its write. Running that write and
keeping what it produced reviews exactly what would have been published, with no second
copy of any rule that could drift from the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import history, rules, services, snapshots
from core.models import Revision, RevisionStatus, SourceDocument
from core.snapshots import ProposedChange, Snapshot

__all__ = [
    "ProposedChange",
    "StaleRevision",
    "approve",
    "change_rows",
    "changed_since",
    "field_diffs",
    "pending_for",
    "propose",
    "reject",
]


class StaleRevision(ValidationError):
    """The record changed since the revision was proposed: approving it as it is would
    undo that other change."""

    def __init__(self, revision: Revision, current_version: int) -> None:
        self.current_version = current_version
        super().__init__(
            _(
                "%(record)s changed since this revision was proposed (version %(base)s, now "
                "%(current)s). Look at what changed, then approve it on the current version "
                "to apply only this revision's changes."
            )
            % {
                "record": rules.quoted(revision.record_label),
                "base": revision.base_version,
                "current": current_version,
            },
            code="stale",
        )


# -- proposing -------------------------------------------------------------------------------


def _forget_new_ids(proposed: Snapshot, base: Snapshot) -> Snapshot:
    """Rows the undone write added kept ids that no longer exist: they are new rows,
    unless equal to a row of the base (a route that replaces every row, as the API's lists
    do, rewrites the unchanged ones): then they are that row, and keep what points at it."""
    parts = {}
    for name, rows in proposed.get("parts", {}).items():
        base_rows = base.get("parts", {}).get(name, [])
        known = {row["id"] for row in base_rows}
        kept = {row["id"] for row in rows if row["id"] in known}
        unclaimed = [row for row in base_rows if row["id"] not in kept]
        fixed = []
        for row in rows:
            if row["id"] not in known:
                content = snapshots.row_content(row)
                twin = next((b for b in unclaimed if snapshots.row_content(b) == content), None)
                if twin is not None:
                    unclaimed.remove(twin)
                row = {**row, "id": twin["id"] if twin is not None else None}
            fixed.append(row)
        parts[name] = fixed
    return {**proposed, "parts": parts}


def propose(proposal: ProposedChange, *, note: str = "") -> Revision | None:
    """Store a held change as a pending revision of the record, as it stands now.

    Call it once the write that raised `proposal` is undone. None when the change, once
    undone, changes nothing (a form saved as it was).
    """
    actor = proposal.actor
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise PermissionDenied(_("Sign in to propose a change."))
    record = proposal.record
    model = type(record)
    with transaction.atomic():
        current = model._default_manager.get(pk=record.pk)
        base = snapshots.capture(current)
        proposed = _forget_new_ids(proposal.proposed, base)
        if snapshots.is_empty(snapshots.changes(base, proposed)):
            return None
        return Revision.objects.create(
            content_type=ContentType.objects.get_for_model(model),
            object_id=current.pk,
            record_label=str(current)[:500],
            base_version=getattr(current, "version", 0),
            base=base,
            proposed=proposed,
            note=note.strip(),
            proposed_by=actor,
        )


# -- deciding ---------------------------------------------------------------------------------


def _open_decision(actor: Any, revision: Revision) -> tuple[Revision, type[models.Model]]:
    """The revision, locked; refused unless it is pending and the actor may publish its
    record's kind."""
    locked = Revision.objects.select_for_update().select_related("content_type").get(pk=revision.pk)
    model = locked.content_type.model_class()
    if model is None or not services.may_publish(actor, model):
        raise PermissionDenied(_("Only a publisher of this kind of record may decide."))
    if locked.status != RevisionStatus.PENDING:
        raise ValidationError(
            _("This revision was already decided: %(status)s.")
            % {"status": locked.get_status_display()},
            code="decided",
        )
    return locked, model


def _close(revision: Revision, *, actor: Any, status: str, reason: str) -> Revision:
    revision.status = status
    revision.decided_by = actor
    revision.decided_at = timezone.now()
    revision.reason = reason
    revision.full_clean()
    revision.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    return revision


def _fields_by_attname(model: type[models.Model], **kwargs: Any) -> dict[str, models.Field]:
    return {field.attname: field for field in snapshots.editable_fields(model, **kwargs)}


def _apply_fields(obj: models.Model, values: dict[str, Any], fields: dict) -> None:
    for attname, value in values.items():
        field = fields.get(attname)
        if field is not None:  # a column removed since the revision was proposed
            setattr(obj, attname, field.to_python(value) if value is not None else None)


def _apply_parts(*, actor: Any, record: models.Model, name: str, rows: list[dict]) -> None:
    """Make the record's rows of one part (its signatories...) those of the revision:
    rows kept are updated in place (what points at them stays), others deleted or added."""
    relation = next(
        (r for r in snapshots.part_relations(type(record)) if r.get_accessor_name() == name),
        None,
    )
    if relation is None:
        return
    part_model, owner_key = relation.related_model, relation.field.name
    fields = _fields_by_attname(part_model, owner_key=owner_key)
    existing = {row.pk: row for row in part_model._default_manager.filter(**{owner_key: record.pk})}
    kept = {row["id"] for row in rows if row.get("id") in existing}
    for pk, old in existing.items():
        if pk not in kept:
            old._history_user = services.history_user(actor)
            old.delete()
    for row in rows:
        values = {key: value for key, value in row.items() if key not in ("id", "citations")}
        obj = existing.get(row.get("id")) or part_model(**{owner_key: record})
        _apply_fields(obj, values, fields)
        services.save_validated(obj, actor=actor, reason="revision")
        if "citations" in row:
            _apply_citations(actor=actor, record=obj, citations=row["citations"])


def _apply_citations(*, actor: Any, record: models.Model, citations: list[dict]) -> None:
    stored = snapshots.citations_of(type(record), [record.pk]).get(record.pk, [])
    if stored == citations:
        return  # unchanged: its rows and their history stay as they are
    sources = SourceDocument.objects.in_bulk({c["source_id"] for c in citations})
    if any(c["source_id"] not in sources for c in citations):
        raise ValidationError(_("A source this revision cites was deleted since."))
    services.set_citations(
        actor=actor,
        record=record,
        citations=[
            services.CitationInput(
                source=sources[c["source_id"]], quote=c["quote"], fields=c["fields"]
            )
            for c in citations
        ],
    )


def _apply(*, actor: Any, record: models.Model, change: dict, reason: str) -> None:
    model = type(record)
    _apply_fields(record, change.get("fields", {}), _fields_by_attname(model))
    services.save_validated(record, actor=actor, reason=reason)
    for name, ids in change.get("many", {}).items():
        getattr(record, name).set(ids)
    for name, rows in change.get("parts", {}).items():
        _apply_parts(actor=actor, record=record, name=name, rows=rows)
    if "citations" in change:
        _apply_citations(actor=actor, record=record, citations=change["citations"]["citations"])
    services.finish_write(record, previous_status=getattr(record, "status", None), actor=actor)


@transaction.atomic
def approve(*, actor: Any, revision: Revision, rebase: bool = False) -> Revision:
    """Apply the revision's changes to its record, as one write with history.

    Refused (`StaleRevision`) when the record changed since the revision's base version,
    unless `rebase`: then the revision's own changes are applied on top of the record as
    it now stands, and the other change stays.
    """
    revision, model = _open_decision(actor, revision)
    try:
        record = model._default_manager.select_for_update().get(pk=revision.object_id)
    except ObjectDoesNotExist:
        raise ValidationError(_("The record of this revision was deleted."), code="gone") from None
    current_version = getattr(record, "version", 0)
    if current_version != revision.base_version and not rebase:
        raise StaleRevision(revision, current_version)
    change = snapshots.changes(revision.base, revision.proposed)
    _apply(actor=actor, record=record, change=change, reason=f"revision {revision.pk}")
    return _close(revision, actor=actor, status=RevisionStatus.APPROVED, reason="")


@transaction.atomic
def reject(*, actor: Any, revision: Revision, reason: str) -> Revision:
    """Close the revision without changing the record; the reason is kept for its author."""
    revision, _model = _open_decision(actor, revision)
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Say why the change is rejected: its author reads it.")},
            code="required",
        )
    return _close(revision, actor=actor, status=RevisionStatus.REJECTED, reason=reason.strip())


# -- reading ----------------------------------------------------------------------------------


def pending_for(record: models.Model) -> QuerySet[Revision]:
    """The record's revisions waiting for review, oldest first (the order to review them)."""
    return (
        Revision.objects.filter(
            content_type=ContentType.objects.get_for_model(type(record)),
            object_id=record.pk,
            status=RevisionStatus.PENDING,
        )
        .select_related("proposed_by")
        .order_by("proposed_at", "id")
    )


def pending_counts() -> dict[int, int]:
    """Pending revisions per kind of record (content type id), in one query."""
    rows = (
        Revision.objects.filter(status=RevisionStatus.PENDING)
        .values("content_type")
        .annotate(count=Count("id"))
    )
    return {row["content_type"]: row["count"] for row in rows}


@dataclass(frozen=True)
class ChangeRow:
    """One line of what a revision changes: a field, a set of links or a list of rows."""

    name: str
    label: str
    before: list[str]
    after: list[str]
    # The language of a translated column ("ar"), for its direction on screen.
    language: str | None = None
    # "fields", "many", "parts" or "citations": the snapshot's section it comes from.
    section: str = "fields"

    @property
    def removed(self) -> set[str]:
        """The lines of a list that the change takes away (the others stay)."""
        return set(self.before) - set(self.after)

    @property
    def added(self) -> set[str]:
        return set(self.after) - set(self.before)


def _related_names(model: type[models.Model], ids: set[Any]) -> dict[Any, str]:
    return {pk: str(obj) for pk, obj in model._default_manager.in_bulk(ids).items()}


class _Shower:
    """Values as an editor reads them: names for keys, labels for choices; each related
    model's names read once."""

    def __init__(self) -> None:
        self.names: dict[type[models.Model], dict[Any, str]] = {}

    def prefetch(self, model: type[models.Model], ids: set[Any]) -> None:
        known = self.names.setdefault(model, {})
        wanted = {pk for pk in ids if pk is not None and pk not in known}
        if wanted:
            known.update(_related_names(model, wanted))

    def related(self, model: type[models.Model], pk: Any) -> str:
        if pk is None:
            return ""
        return self.names.get(model, {}).get(pk) or f"#{pk}"

    def value(self, field: models.Field, value: Any) -> str:
        if value in (None, ""):
            return ""
        if field.is_relation:
            return self.related(field.related_model, value)
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, list):
            return pgettext("separator between names in a list", ", ").join(map(str, value))
        return str(value)


def _row_text(shower: _Shower, fields: dict[str, models.Field], row: dict) -> str:
    shown = [shower.value(fields[key], value) for key, value in row.items() if key in fields]
    # A part's own evidence (a position's citations), quoted.
    shown += [rules.quoted(citation["quote"]) for citation in row.get("citations", [])]
    return " — ".join(text for text in shown if text)


def change_rows(revision: Revision) -> list[ChangeRow]:
    """What the revision changes, field by field, from its base, in the active language."""
    return snapshot_rows(revision.content_type.model_class(), revision.base, revision.proposed)


def changed_since(revision: Revision, record: models.Model) -> list[ChangeRow]:
    """What changed in the record since the revision's base (empty when nothing did)."""
    return snapshot_rows(type(record), revision.base, snapshots.capture(record))


def field_diffs(
    model: type[models.Model], before: Snapshot, after: Snapshot
) -> list[history.FieldDiff]:
    """The fields that differ, word by word, as the history page shows them (`core.history`):
    each language in its own column and direction."""
    return history.diff_records(before.get("fields", {}), after.get("fields", {}), model)


def snapshot_rows(model: type[models.Model], before: Snapshot, after: Snapshot) -> list[ChangeRow]:
    """What differs between two snapshots of a record of `model`, one row per field, set
    of links or list of parts, values as an editor reads them."""
    change = snapshots.changes(before, after)
    shower = _Shower()
    fields = _fields_by_attname(model)
    part_relations = {r.get_accessor_name(): r for r in snapshots.part_relations(model)}
    part_fields = {
        name: _fields_by_attname(r.related_model, owner_key=r.field.name)
        for name, r in part_relations.items()
    }
    # Read every name shown once per related model, before building the rows.
    wanted: dict[type[models.Model], set] = {}
    for snapshot in (before, after):
        for attname, value in snapshot.get("fields", {}).items():
            field = fields.get(attname)
            if attname in change.get("fields", {}) and field is not None and field.is_relation:
                wanted.setdefault(fields[attname].related_model, set()).add(value)
        for name, ids in snapshot.get("many", {}).items():
            if name in change.get("many", {}):
                wanted.setdefault(model._meta.get_field(name).related_model, set()).update(ids)
        for name, rows in snapshot.get("parts", {}).items():
            if name in change.get("parts", {}) and name in part_fields:
                for row in rows:
                    for key, value in row.items():
                        field = part_fields[name].get(key)
                        if field is not None and field.is_relation:
                            wanted.setdefault(field.related_model, set()).add(value)
        if "citations" in change:
            wanted.setdefault(SourceDocument, set()).update(
                c["source_id"] for c in snapshot.get("citations", [])
            )
    for related_model, ids in wanted.items():
        shower.prefetch(related_model, ids)

    found: list[ChangeRow] = []
    for attname, new in change.get("fields", {}).items():
        field = fields.get(attname)
        if field is None:
            continue
        old = before.get("fields", {}).get(attname)
        found.append(
            ChangeRow(
                name=field.name,
                label=str(field.verbose_name),
                before=[shower.value(field, old)],
                after=[shower.value(field, new)],
                language=getattr(field, "language", None),
            )
        )
    for name, new_ids in change.get("many", {}).items():
        field = model._meta.get_field(name)
        old_ids = before.get("many", {}).get(name, [])
        found.append(
            ChangeRow(
                name=name,
                label=str(field.verbose_name),
                before=[shower.related(field.related_model, pk) for pk in old_ids],
                after=[shower.related(field.related_model, pk) for pk in new_ids],
                section="many",
            )
        )
    for name, new_rows in change.get("parts", {}).items():
        relation = part_relations.get(name)
        if relation is None:
            continue
        found.append(
            ChangeRow(
                name=name,
                label=str(relation.related_model._meta.verbose_name_plural),
                before=[
                    _row_text(shower, part_fields[name], row)
                    for row in before.get("parts", {}).get(name, [])
                ],
                after=[_row_text(shower, part_fields[name], row) for row in new_rows],
                section="parts",
            )
        )
    if "citations" in change:

        def citation_text(citation: dict) -> str:
            source = shower.related(SourceDocument, citation["source_id"])
            return f"{source}: {citation['quote']}"

        found.append(
            ChangeRow(
                name="citations",
                label=_("citations"),
                before=[citation_text(c) for c in before.get("citations", [])],
                after=[citation_text(c) for c in change["citations"]["citations"]],
                section="citations",
            )
        )
    return found
