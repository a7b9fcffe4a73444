"""Reading and validating the seed files, before anything touches the database.

Every problem is reported as a `SeedError` that names the file, the line, the record and
the field at fault. Validation is complete before loading starts, so a broken file
loads nothing.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from seeding.indicators import parse_indicator
from seeding.kinds import (
    _parse_agreement,
    _parse_event,
    _parse_initiative,
    _parse_organization,
    _parse_person,
    _parse_source,
    _parse_theme,
)
from seeding.records import KIND_FILES, LineLoader, RecordSeed, SeedError, SeedRecord, SeedSet

# --- Whole set --------------------------------------------------------------------------


def _read_yaml(path: Path) -> list:
    name = path.name
    if not path.is_file():
        raise SeedError("file is missing", file=name)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LineLoader)
    except UnicodeDecodeError as exc:
        raise SeedError(f"not UTF-8 text: {exc}", file=name) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise SeedError(
            f"invalid YAML: {exc.problem or exc.context}",
            file=name,
            line=mark.line + 1 if mark else None,
        ) from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise SeedError("must be a list of records", file=name)
    return data


def read_seed_set(seeds_dir: Path) -> SeedSet:
    """Parse and validate every seed file; raise SeedError at the first problem."""
    sources_dir = seeds_dir / "articles"
    records: dict[str, list[RecordSeed]] = {}
    texts: dict[str, str] = {}
    for kind, file_name in KIND_FILES:
        parsed = []
        if kind == "indicator" and not (seeds_dir / file_name).exists():
            # Optional: a seed set without rankings (a test's, an older copy) has none.
            records[kind] = []
            continue
        for index, data in enumerate(_read_yaml(seeds_dir / file_name)):
            record = SeedRecord(file_name, data, index)
            if kind == "source":
                seed = _parse_source(record, sources_dir)
                texts[seed.slug] = seed.values["text"]
            elif kind == "theme":
                seed = _parse_theme(record)
            else:
                parser = {
                    "organization": _parse_organization,
                    "person": _parse_person,
                    "initiative": _parse_initiative,
                    "event": _parse_event,
                    "agreement": _parse_agreement,
                    "indicator": parse_indicator,
                }[kind]
                seed = parser(record, texts)
            parsed.append(seed)
        _refuse_duplicates(parsed, file_name)
        records[kind] = parsed
    seed_set = SeedSet(sources_dir=sources_dir, records=records, source_texts=texts)
    _check_references(seed_set)
    return seed_set


def _refuse_duplicates(seeds: list[RecordSeed], file_name: str) -> None:
    seen: dict[str, RecordSeed] = {}
    for seed in seeds:
        if seed.slug in seen:
            raise SeedError(
                f"slug already used at line {seen[seed.slug].line}",
                file=file_name,
                line=seed.line,
                record=seed.slug,
                field="slug",
            )
        seen[seed.slug] = seed
    file_names = [s.values.get("file_name") for s in seeds if s.kind == "source"]
    if len(set(file_names)) != len(file_names):
        raise SeedError("two sources share one file_name", file=file_name)


def _check_references(seed_set: SeedSet) -> None:
    slugs = {kind: set(seed_set.by_slug(kind)) for kind, _ in KIND_FILES}
    slugs["position"] = {
        position["slug"]
        for person in seed_set.records["person"]
        for position in person.children["positions"]
    }
    all_positions = [
        p for person in seed_set.records["person"] for p in person.children["positions"]
    ]
    if len(slugs["position"]) != len(all_positions):
        raise SeedError("two positions share one slug", file="people.yaml")

    def check(seed: RecordSeed, field_name: str, value: str | None, kind: str) -> None:
        if value is not None and value not in slugs[kind]:
            raise SeedError(
                f"{value!r} is not a known {kind} slug",
                file=seed.file,
                line=seed.line,
                record=seed.slug,
                field=field_name,
            )

    for seed in seed_set.records["organization"]:
        check(seed, "parent", seed.values["parent"], "organization")
    for seed in seed_set.records["person"]:
        for position in seed.children["positions"]:
            check(
                seed,
                f"positions.{position['slug']}.organization",
                position["organization"],
                "organization",
            )
    for seed in seed_set.records["initiative"]:
        check(seed, "lead", seed.values["lead"], "organization")
        check(seed, "parent", seed.values["parent"], "initiative")
        for slug in seed.children["partners"]:
            check(seed, "partners", slug, "organization")
    for seed in seed_set.records["event"]:
        check(seed, "parent", seed.values["parent"], "event")
        for slug in seed.children["organizations"]:
            check(seed, "organizations", slug, "organization")
        for participant in seed.children["participants"]:
            check(seed, "participants.person", participant["person"], "person")
            check(seed, "participants.organization", participant["organization"], "organization")
    for seed in seed_set.records["agreement"]:
        check(seed, "event", seed.values["event"], "event")
        check(seed, "renews", seed.values["renews"], "agreement")
        for key, kind in (
            ("parties", "organization"),
            ("themes", "theme"),
            ("initiatives", "initiative"),
        ):
            for slug in seed.children[key]:
                check(seed, key, slug, kind)
        for key in ("signatories", "attendees"):
            for entry in seed.children[key]:
                check(seed, f"{key}.person", entry["person"], "person")
                check(seed, f"{key}.organization", entry["organization"], "organization")
                check(seed, f"{key}.position", entry["position"], "position")
    for kind in ("organization", "initiative", "event", "agreement"):
        _refuse_cycles(seed_set.records[kind], "renews" if kind == "agreement" else "parent")


def _refuse_cycles(seeds: list[RecordSeed], field_name: str) -> None:
    parent_of = {seed.slug: seed.values[field_name] for seed in seeds}
    by_slug = {seed.slug: seed for seed in seeds}
    for seed in seeds:
        seen = {seed.slug}
        current = parent_of.get(seed.slug)
        while current is not None:
            if current in seen:
                raise SeedError(
                    f"following '{field_name}' from here comes back to '{current}'",
                    file=seed.file,
                    line=by_slug[seed.slug].line,
                    record=seed.slug,
                    field=field_name,
                )
            seen.add(current)
            current = parent_of.get(current)
