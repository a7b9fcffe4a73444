"""What the public may see: published records, and only what links them to published ones.

One rule, applied relation by relation. A curated record (any model with a `status`
field) is visible when it is published, or to an editor previewing drafts. A relation to
a record the reader may not see is read as if it did not exist:

- a forward key to such a record (an agreement's event, an organization's parent) is
  joined with the rule in the join condition, under the name `visible_<relation>`, which
  is None when the record is hidden: `visible_join(queryset, "event")`;
- a row that needs such a record (a party, a signing act, a position) is left out:
  `rows_needing(...)`, `visible_prefetch(...)`;
- a count counts visible records only: `status_is_visible("agreements__")` as its filter.

Nothing here knows an app: it works on any model whose manager has `published()`.
"""

from __future__ import annotations

from django.db.models import CASCADE, FilteredRelation, Model, Prefetch, Q, QuerySet

PUBLISHED = "published"
VISIBLE_PREFIX = "visible_"


def visible(model: type[Model], *, include_drafts: bool = False) -> QuerySet:
    """The records of `model` a reader may see: published ones, or all for a preview."""
    manager = model._default_manager
    return manager.all() if include_drafts else manager.published()


def is_visible(record: Model | None, *, include_drafts: bool = False) -> bool:
    """The same rule for a record already in memory (None is never visible)."""
    if record is None:
        return False
    return include_drafts or getattr(record, "status", PUBLISHED) == PUBLISHED


def status_is_visible(prefix: str = "", *, include_drafts: bool = False) -> Q:
    """The condition "the record at `prefix` is visible", for filters and counts.

    `prefix` is a lookup path ending in "__" ("organization__", "agreements__"), or "" for
    the queryset's own model.
    """
    return Q() if include_drafts else Q(**{f"{prefix}status": PUBLISHED})


def rows_needing(queryset: QuerySet, *relations: str, include_drafts: bool = False) -> QuerySet:
    """Rows of a through or link table whose every named relation is visible.

    `rows_needing(Signatory.objects.all(), "person", "organization")`: the signing acts of
    published people for published parties.
    """
    condition = Q()
    for relation in relations:
        condition &= status_is_visible(f"{relation}__", include_drafts=include_drafts)
    return queryset.filter(condition)


def visible_name(relation: str) -> str:
    """The attribute under which `visible_join` puts a relation: "visible_event"."""
    return f"{VISIBLE_PREFIX}{relation}"


def joined(record: Model, relation: str) -> Model | None:
    """The record `visible_join` read for `relation`, or None when it is hidden or absent.

    Django sets the attribute only when the join found a row; templates read a missing
    attribute as empty, Python code reads it here.
    """
    return getattr(record, visible_name(relation), None)


def visible_join(queryset: QuerySet, *relations: str, include_drafts: bool = False) -> QuerySet:
    """Join forward relations to curated records through the rule, in the same query.

    Each related record is read as `visible_<relation>` (`agreement.visible_event`, or
    `joined(agreement, "event")`), absent or None when it is hidden: the rule is part of the join's ON clause, so a hidden
    record is never read, and the row itself stays. Costs no query beyond the join; the
    plain relation (`agreement.event`) is not loaded and must not be read by public code.
    """
    aliases = {
        visible_name(relation): FilteredRelation(
            relation, condition=status_is_visible(f"{relation}__", include_drafts=include_drafts)
        )
        for relation in relations
    }
    return queryset.annotate(**aliases).select_related(*aliases)


def visible_prefetch(
    lookup: str,
    queryset: QuerySet,
    *,
    include_drafts: bool = False,
    to_attr: str | None = None,
) -> Prefetch:
    """Prefetch curated records of a many-valued relation, visible ones only."""
    return Prefetch(
        lookup,
        queryset=queryset.filter(status_is_visible(include_drafts=include_drafts)),
        to_attr=to_attr,
    )


def linked_drafts(record: Model) -> list[Model]:
    """The records `record` links to that are still drafts: its public page shows none of
    them. Followed: its keys (an agreement's event), its many-to-many links (initiatives),
    and the keys of its parts (a party's organization, a signatory's person).

    One query per kind of link, and one per kind of record found.
    """
    wanted: dict[type[Model], set] = {}

    def is_curated(model: type[Model]) -> bool:
        return any(field.name == "status" for field in model._meta.concrete_fields)

    model = type(record)
    for field in model._meta.concrete_fields:
        if field.many_to_one and is_curated(field.related_model):
            value = getattr(record, field.attname)
            if value is not None:
                wanted.setdefault(field.related_model, set()).add(value)
    for field in model._meta.many_to_many:
        if is_curated(field.related_model):
            ids = getattr(record, field.name).exclude(status=PUBLISHED).values_list("pk", flat=True)
            wanted.setdefault(field.related_model, set()).update(ids)
    for relation in model._meta.related_objects:
        if not (relation.one_to_many and relation.on_delete is CASCADE):
            continue
        part = relation.related_model
        keys = [
            field
            for field in part._meta.concrete_fields
            if field.many_to_one and field != relation.field and is_curated(field.related_model)
        ]
        if not keys:
            continue
        rows = part._default_manager.filter(**{relation.field.name: record.pk})
        for values in rows.values_list(*(key.attname for key in keys)):
            for key, value in zip(keys, values, strict=True):
                if value is not None:
                    wanted.setdefault(key.related_model, set()).add(value)
    found: list[Model] = []
    for linked_model, ids in wanted.items():
        found.extend(
            linked_model._default_manager.filter(pk__in=ids)
            .exclude(status=PUBLISHED)
            .order_by("pk")
        )
    return found
