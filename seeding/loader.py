"""Writing a validated seed set to the database: idempotent, atomic, and editor-aware.

Each record is matched by its slug. For every field the loader compares three values:
the database's, the seed's, and the snapshot of what the loader wrote last time.

- database == seed: nothing to do;
- database == snapshot (nobody touched it) and the seed changed: take the seed's value;
- otherwise an editor changed the field in the admin: keep the editor's value and report
  the difference.

A run that finds nothing to change writes nothing, so it adds no history.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.utils import translation
from simple_history.utils import bulk_create_with_history

from agreements.models import (
    Agreement,
    AgreementParty,
    Attendee,
    Initiative,
    SeedSnapshot,
    Signatory,
    Theme,
)
from agreements.search import refresh_search_documents
from core.models import Citation, SourceDocument
from core.records import PublicationStatus
from core.services import enforce_rules
from events.models import Event, EventParticipant
from indicators.models import Indicator
from partners.models import Organization, Person, Position
from seeding.merging import (
    CHANGE_REASON,
    Collection,
    Conflict,
    LoadReport,
    jsonable,
    m2m,
    rows,
)
from seeding.reader import read_seed_set
from seeding.records import CitationSeed, RecordSeed, SeedError, SeedSet


class _Loader:
    def __init__(self, seed_set: SeedSet) -> None:
        self.seed_set = seed_set
        self.report = LoadReport()
        self.ids: dict[str, dict[str, int]] = {}
        self.written: list[tuple[models.Model, dict[str, Any]]] = []
        self.snapshots: dict[tuple[int, int], SeedSnapshot] = {
            (s.content_type_id, s.object_id): s for s in SeedSnapshot.objects.all()
        }
        self.citation_keys: set[tuple[int, int, int, str]] = set(
            Citation.objects.values_list("content_type_id", "object_id", "source_id", "quote")
        )

    # -- generic record merge ----------------------------------------------------------

    def upsert(
        self,
        *,
        kind: str,
        model: type[models.Model],
        seed: RecordSeed | None,
        slug: str,
        values: dict[str, Any],
        collections: dict[str, tuple[Collection, Any]] | None = None,
        citations: Iterable[CitationSeed] = (),
        label: dict[str, Any] | None = None,
    ) -> models.Model:
        collections = collections or {}
        where = {"file": seed.file if seed else "?", "line": seed.line if seed else None}
        if label:
            where.update(label)
        unchanged_before = self.report.unchanged[kind]
        citations_before = self.report.citations_created
        try:
            obj = model.objects.filter(slug=slug).first()
            content_type = ContentType.objects.get_for_model(model)
            if obj is None:
                obj = model(slug=slug, **values)
                self._clean(obj, where, slug)
                obj._change_reason = CHANGE_REASON
                obj.save()
                for _name, (collection, seed_value) in collections.items():
                    collection.write(obj, seed_value)
                snapshot = {k: jsonable(v) for k, v in values.items()}
                snapshot.update({f"@{k}": v for k, (_c, v) in collections.items()})
                SeedSnapshot.objects.create(
                    content_type=content_type, object_id=obj.pk, values=snapshot
                )
                self.report.created[kind] += 1
            else:
                self._merge(kind, content_type, obj, slug, values, collections, where)
            self._ensure_citations(content_type, obj, citations)
        except SeedError:
            raise
        except (DatabaseError, ValidationError, ValueError) as exc:
            raise SeedError(
                f"could not be saved: {exc}", record=where.get("record", slug),
                file=where["file"], line=where["line"],
            ) from exc  # fmt: skip
        self.ids.setdefault(kind, {})[slug] = obj.pk
        if (
            self.report.unchanged[kind] == unchanged_before
            or self.report.citations_created != citations_before
        ):
            # Created or changed by this run: the rules are checked once all is in. A record
            # the run left as it was is as valid as the write that last changed it.
            self.written.append((obj, {"record": slug, **where}))
        return obj

    def enforce_rules(self) -> None:
        """The rules every write keeps, checked once every record and its parts are in."""
        for obj, where in self.written:
            obj.refresh_from_db()
            try:
                # In English, like every other message of the loader.
                with translation.override("en"):
                    enforce_rules(obj)
            except ValidationError as exc:
                raise SeedError(
                    " ".join(exc.messages), record=where["record"], file=where["file"],
                    line=where["line"],
                ) from exc  # fmt: skip

    def _merge(self, kind, content_type, obj, slug, values, collections, where) -> None:
        key = (content_type.id, obj.pk)
        previous = self.snapshots.get(key)
        # A record an editor created under the same slug has no snapshot: all its values
        # count as the editor's.
        snapshot = dict(previous.values) if previous else {}
        changed_fields: list[str] = []
        for attr, seed_value in values.items():
            seed_json = jsonable(seed_value)
            current = jsonable(getattr(obj, attr))
            if current != seed_json:
                # A field new to the seeds since the last load (a source's dateline) is
                # the loader's to fill while nobody has: still empty in the database (or,
                # for a new yes/no field such as title_is_editorial, at its default, no).
                untouched = snapshot.get(attr, current) == current
                empty = current in ("", None) or current is False
                if untouched and (attr in snapshot or (previous and empty)):
                    setattr(obj, attr, seed_value)
                    changed_fields.append(attr)
                else:
                    self.report.conflicts.append(Conflict(kind, slug, attr, current, seed_json))
            snapshot[attr] = seed_json
        changed_collections = []
        for name, (collection, seed_value) in collections.items():
            current = collection.read(obj)
            snap_key = f"@{name}"
            if current != seed_value:
                if snap_key in snapshot and current == snapshot[snap_key]:
                    changed_collections.append((collection, seed_value))
                else:
                    self.report.conflicts.append(Conflict(kind, slug, name, current, seed_value))
            snapshot[snap_key] = seed_value
        if changed_fields:
            self._clean(obj, where, slug)
            update = changed_fields + (["updated_at"] if hasattr(obj, "updated_at") else [])
            obj._change_reason = CHANGE_REASON
            obj.save(update_fields=update)
        for collection, seed_value in changed_collections:
            collection.write(obj, seed_value)
        if changed_fields or changed_collections:
            self.report.updated[kind] += 1
        else:
            self.report.unchanged[kind] += 1
        if previous is None:
            SeedSnapshot.objects.create(
                content_type=content_type, object_id=obj.pk, values=snapshot
            )
        elif previous.values != snapshot:
            previous.values = snapshot
            previous.save(update_fields=["values", "loaded_at"])

    def _clean(self, obj: models.Model, where: dict, slug: str) -> None:
        try:
            obj.full_clean(validate_unique=False)
        except ValidationError as exc:
            # The loader speaks English to whoever runs it, Django's messages included.
            with translation.override("en"):
                field_name, messages = next(iter(exc.message_dict.items()))
                messages = [str(m) for m in messages]
            # The seed file names the field, not the column of one of its languages.
            base, _underscore, language = field_name.rpartition("_")
            if language in ("ar", "fr", "en") and base:
                field_name = base
            raise SeedError(
                " ".join(str(m) for m in messages),
                file=where["file"], line=where["line"],
                record=where.get("record", slug),
                field=None if field_name == "__all__" else field_name,
            ) from None  # fmt: skip

    def _ensure_citations(self, content_type, obj, citations: Iterable[CitationSeed]) -> None:
        new = []
        for citation in citations:
            source_id = self.ids["source"][citation.source]
            key = (content_type.id, obj.pk, source_id, citation.quote)
            if key in self.citation_keys:
                continue
            self.citation_keys.add(key)
            new.append(
                Citation(
                    content_type=content_type,
                    object_id=obj.pk,
                    source_id=source_id,
                    quote=citation.quote,
                    fields=list(citation.fields),
                )
            )
        bulk_create_with_history(new, Citation, default_change_reason=CHANGE_REASON)
        self.report.citations_created += len(new)

    def id_of(self, kind: str, slug: str | None) -> int | None:
        return None if slug is None else self.ids[kind][slug]

    # -- kinds -------------------------------------------------------------------------

    def run(self) -> LoadReport:
        records = self.seed_set.records
        for seed in records["source"]:
            self.upsert(
                kind="source", model=SourceDocument, seed=seed, slug=seed.slug, values=seed.values
            )
        for seed in records["theme"]:
            self.upsert(kind="theme", model=Theme, seed=seed, slug=seed.slug, values=seed.values)
        for seed in _parents_first(records["organization"], "parent"):
            values = {**seed.values, "parent_id": self.id_of("organization", seed.values["parent"])}
            del values["parent"]
            self.upsert(
                kind="organization", model=Organization, seed=seed, slug=seed.slug,
                values={**values, "status": PublicationStatus.PUBLISHED}, citations=seed.citations,
            )  # fmt: skip
        for seed in records["person"]:
            self.upsert(
                kind="person", model=Person, seed=seed, slug=seed.slug,
                values={**seed.values, "status": PublicationStatus.PUBLISHED}, citations=seed.citations,
            )  # fmt: skip
            for position in seed.children["positions"]:
                values = {
                    k: v for k, v in position.items()
                    if k not in ("slug", "line", "label", "citations", "organization")
                }  # fmt: skip
                values["person_id"] = self.ids["person"][seed.slug]
                values["organization_id"] = self.ids["organization"][position["organization"]]
                self.upsert(
                    kind="position", model=Position, seed=seed, slug=position["slug"],
                    values=values, citations=position["citations"],
                    label={"record": position["label"], "line": position["line"]},
                )  # fmt: skip
        for seed in _parents_first(records["initiative"], "parent"):
            values = {k: v for k, v in seed.values.items() if k not in ("lead", "parent")}
            values["lead_id"] = self.id_of("organization", seed.values["lead"])
            values["parent_id"] = self.id_of("initiative", seed.values["parent"])
            values["status"] = PublicationStatus.PUBLISHED
            partners = sorted(self.ids["organization"][s] for s in seed.children["partners"])
            self.upsert(
                kind="initiative", model=Initiative, seed=seed, slug=seed.slug, values=values,
                collections={"partners": (m2m("partners"), partners)}, citations=seed.citations,
            )  # fmt: skip
        for seed in _parents_first(records["event"], "parent"):
            values = {k: v for k, v in seed.values.items() if k != "parent"}
            values["parent_id"] = self.id_of("event", seed.values["parent"])
            values["status"] = PublicationStatus.PUBLISHED
            organizations = sorted(
                self.ids["organization"][s] for s in seed.children["organizations"]
            )
            participants = sorted(
                (
                    {
                        "person_id": self.ids["person"][p["person"]],
                        "organization_id": self.id_of("organization", p["organization"]),
                        "role_ar": p["role_ar"], "role_fr": p["role_fr"], "role_en": p["role_en"],
                    }
                    for p in seed.children["participants"]
                ),
                key=lambda p: p["person_id"],
            )  # fmt: skip
            self.upsert(
                kind="event", model=Event, seed=seed, slug=seed.slug, values=values,
                collections={
                    "organizations": (m2m("organizations"), organizations),
                    "participants": (rows("participants", EventParticipant, "event"), participants),
                },
                citations=seed.citations,
            )  # fmt: skip
        for seed in _parents_first(records["agreement"], "renews"):
            values = {k: v for k, v in seed.values.items() if k not in ("event", "renews")}
            values["event_id"] = self.id_of("event", seed.values["event"])
            values["renews_id"] = self.id_of("agreement", seed.values["renews"])
            children = seed.children
            collections = {
                "parties": (
                    rows("parties", AgreementParty, "agreement"),
                    sorted(
                        (
                            {"organization_id": self.ids["organization"][s]}
                            for s in children["parties"]
                        ),
                        key=lambda row: row["organization_id"],
                    ),
                ),
                "signatories": (
                    rows("signatories", Signatory, "agreement"),
                    self._signingrows(children["signatories"]),
                ),
                "attendees": (
                    rows("attendees", Attendee, "agreement"),
                    self._signingrows(children["attendees"]),
                ),
                "themes": (
                    m2m("themes"),
                    sorted(self.ids["theme"][s] for s in children["themes"]),
                ),
                "initiatives": (
                    m2m("initiatives"),
                    sorted(self.ids["initiative"][s] for s in children["initiatives"]),
                ),
            }
            self.upsert(
                kind="agreement", model=Agreement, seed=seed, slug=seed.slug, values=values,
                collections=collections, citations=seed.citations,
            )  # fmt: skip
        for seed in records["indicator"]:
            self.upsert(
                kind="indicator", model=Indicator, seed=seed, slug=seed.slug,
                values={**seed.values, "status": PublicationStatus.PUBLISHED},
                citations=seed.citations,
            )  # fmt: skip
        # Names of parties and signatories feed the documents too: refresh every one that
        # is out of date (only changed rows are written, so a second run writes nothing).
        refresh_search_documents()
        self.enforce_rules()
        return self.report

    def _signingrows(self, entries: list[dict]) -> list[dict]:
        rows = [
            {
                "person_id": self.ids["person"][e["person"]],
                "organization_id": self.id_of("organization", e["organization"]),
                "position_id": self.id_of("position", e["position"]),
                "title_ar": e["title_ar"], "title_fr": e["title_fr"], "title_en": e["title_en"],
            }
            for e in entries
        ]  # fmt: skip
        return sorted(rows, key=lambda row: row["person_id"])


def _parents_first(seeds: list[RecordSeed], field_name: str) -> list[RecordSeed]:
    """Order records so that a record comes after the one its `field_name` points at."""
    by_slug = {seed.slug: seed for seed in seeds}
    ordered: list[RecordSeed] = []
    placed: set[str] = set()

    def place(seed: RecordSeed) -> None:
        if seed.slug in placed:
            return
        parent = seed.values.get(field_name)
        if parent in by_slug:
            place(by_slug[parent])
        placed.add(seed.slug)
        ordered.append(seed)

    for seed in seeds:
        place(seed)
    return ordered


def load_seeds(*, seeds_dir: Path) -> LoadReport:
    """Validate every seed file, then load them all in one transaction (or nothing)."""
    seed_set = read_seed_set(seeds_dir)
    with transaction.atomic():
        return _Loader(seed_set).run()
