"""Reading and validating the seed files, before anything touches the database.

Every problem is reported as a `SeedError` that names the file, the line, the record and
the field at fault. Validation is complete before loading starts, so a broken file
loads nothing.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from agreements.records import PartialDate

LANGUAGES = ("ar", "fr", "en")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
LINE_KEY = "__line__"

KIND_FILES = (
    ("source", "sources.yaml"),
    ("theme", "themes.yaml"),
    ("organization", "organizations.yaml"),
    ("person", "people.yaml"),
    ("initiative", "initiatives.yaml"),
    ("event", "events.yaml"),
    ("agreement", "agreements.yaml"),
)


class SeedError(Exception):
    """A seed file that cannot be loaded, with where and why."""

    def __init__(
        self,
        message: str,
        *,
        file: str,
        line: int | None = None,
        record: str | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.record = record
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f", line {self.line}"
        if self.record:
            where += f", record '{self.record}'"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


class SeedMapping(dict):
    """A mapping read from a seed file, with each scalar value's text and line as written.

    A date field reads that text rather than what YAML 1.1 makes of it: unquoted,
    `2023-06-01` would be a date, `2025` and `02025` integers (the second in octal), and
    `2_025` or `33:45` the integer 2025, so the precision the editor sees would be lost.
    """

    scalars: dict[Any, tuple[str, int]]

    def __init__(self) -> None:
        super().__init__()
        self.scalars = {}


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers each mapping's line and each scalar's text, refuses
    duplicate keys, and never resolves timestamps (dates are read from their text)."""

    # Without the timestamp resolver an unquoted 2023-06-01 stays the text "2023-06-01":
    # no field of the seed files wants a datetime.
    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # A scalar YAML cannot build (an explicit `!!timestamp 2025-02-30`, an integer of
        # thousands of digits) is an invalid-YAML error at its line, not a crash.
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError) as exc:
            problem = str(exc)
            if isinstance(node, yaml.ScalarNode):
                shown = node.value if len(node.value) <= 40 else node.value[:40] + "..."
                problem = f"{shown!r}: {problem}"
            raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[Any] = set()
        for key_node, _value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a single value", key_node.start_mark
                )
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping

    def construct_seed_mapping(self, node: yaml.MappingNode) -> Iterator[SeedMapping]:
        # The same two steps as SafeConstructor.construct_yaml_map (yield first, so that
        # recursive structures resolve), into a mapping that keeps the scalars' text.
        data = SeedMapping()
        yield data
        data.update(self.construct_mapping(node))
        for key_node, value_node in node.value:
            if isinstance(value_node, yaml.ScalarNode):
                key = self.construct_object(key_node)
                data.scalars[key] = (value_node.value, value_node.start_mark.line + 1)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_seed_mapping)


# --- Parsed records ---------------------------------------------------------------------


@dataclass(frozen=True)
class CitationSeed:
    source: str
    quote: str
    fields: tuple[str, ...]


@dataclass
class RecordSeed:
    """One validated record: its slug, plain values, references and citations."""

    kind: str
    slug: str
    file: str
    line: int | None
    values: dict[str, Any]
    citations: list[CitationSeed] = field(default_factory=list)
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass
class SeedSet:
    sources_dir: Path
    records: dict[str, list[RecordSeed]]
    source_texts: dict[str, str]

    def by_slug(self, kind: str) -> dict[str, RecordSeed]:
        return {record.slug: record for record in self.records[kind]}


# --- Field validators -------------------------------------------------------------------


class _Record:
    """Validation context for one mapping in a file: knows how to report where it is."""

    def __init__(self, file: str, data: Any, index: int, record_label: str | None = None):
        self.file = file
        if not isinstance(data, dict):
            raise SeedError(
                f"item {index + 1} must be a mapping of fields, not {type(data).__name__}",
                file=file,
            )
        self.data = data
        self.line = data.get(LINE_KEY)
        self.label = record_label or (
            data.get("slug") if isinstance(data.get("slug"), str) else f"item {index + 1}"
        )

    def error(self, field_name: str | None, message: str, *, line: int | None = None) -> SeedError:
        return SeedError(
            message, file=self.file, line=line or self.line, record=self.label, field=field_name
        )

    def check_keys(self, required: Iterable[str], optional: Iterable[str]) -> None:
        required = tuple(required)
        allowed = set(required) | set(optional) | {LINE_KEY}
        for key in self.data:
            if key not in allowed:
                raise self.error(
                    str(key), f"unknown field; allowed: {', '.join(sorted(allowed - {LINE_KEY}))}"
                )
        for key in required:
            if key not in self.data or self.data[key] is None:
                raise self.error(key, "is required")

    def get(self, key: str) -> Any:
        return self.data.get(key)

    def slug(self, key: str = "slug", *, optional: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not SLUG.match(value):
            raise self.error(key, f"{value!r} is not a slug (lowercase letters, digits, hyphens)")
        return value

    def slugs(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, "must be a list of slugs")
        for item in value:
            if not isinstance(item, str) or not SLUG.match(item):
                raise self.error(key, f"{item!r} is not a slug")
        if len(set(value)) != len(value):
            raise self.error(key, "lists the same slug twice")
        return list(value)

    def text(self, key: str, *, optional: bool = True) -> str:
        value = self.data.get(key)
        if value is None:
            if optional:
                return ""
            raise self.error(key, "is required")
        if not isinstance(value, str):
            raise self.error(key, f"must be text, not {type(value).__name__}")
        return value.strip()

    def translated(self, key: str, *, required: bool = False) -> dict[str, str]:
        """`{ar, fr, en}` → {"key_ar": ..., "key_fr": ..., "key_en": ...} (missing → "")."""
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(key, "is required: {ar: ..., fr: ..., en: ...}")
            value = {}
        if not isinstance(value, dict):
            raise self.error(key, "must be a mapping of languages: {ar: ..., fr: ..., en: ...}")
        result = {}
        for lang_key, text in value.items():
            if lang_key == LINE_KEY:
                continue
            if lang_key not in LANGUAGES:
                raise self.error(
                    f"{key}.{lang_key}", f"unknown language; use {', '.join(LANGUAGES)}"
                )
            if not isinstance(text, str):
                raise self.error(f"{key}.{lang_key}", "must be text")
        for lang in LANGUAGES:
            text = value.get(lang)
            result[f"{key}_{lang}"] = text.strip() if isinstance(text, str) else ""
        if required and not result[f"{key}_ar"]:
            raise self.error(f"{key}.ar", "the Arabic text is required")
        return result

    def choice(self, key: str, choices: Iterable[str]) -> str:
        value = self.data.get(key)
        choices = tuple(choices)
        if value not in choices:
            raise self.error(key, f"{value!r} is not one of: {', '.join(choices)}")
        return value

    def partial_date(self, key: str) -> PartialDate:
        """The date at the precision its text shows: "2023-06-01" (day), "2023-06" (month),
        "2025" (year), quoted or not; null or absent is unknown. Any other text, whatever
        YAML would make of it (02025, 2_025, 33:45, 25, 2025.0), is refused at its line."""
        value = self.data.get(key)
        if value is None:
            return PartialDate()
        text, line = getattr(self.data, "scalars", {}).get(key, (value, self.line))
        try:
            return PartialDate.parse(text)
        except ValueError as exc:
            raise self.error(key, str(exc), line=line) from None

    def country(self, key: str) -> str:
        value = self.data.get(key)
        if value in (None, ""):
            return ""
        if not isinstance(value, str) or not COUNTRY.match(value):
            raise self.error(key, f"{value!r} is not an ISO 3166-1 alpha-2 code such as MA")
        return value

    def positive_int(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise self.error(key, f"{value!r} is not a positive whole number")
        return value

    def items(self, key: str) -> list[_Record]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, "must be a list")
        return [
            _Record(self.file, item, i, f"{self.label} > {key}[{i + 1}]")
            for i, item in enumerate(value)
        ]

    def citations(
        self, allowed_fields: Iterable[str], source_texts: dict[str, str]
    ) -> list[CitationSeed]:
        allowed_fields = set(allowed_fields)
        entries = self.data.get("citations")
        if not isinstance(entries, list) or not entries:
            raise self.error("citations", "at least one citation {source, quote} is required")
        citations = []
        for i, entry in enumerate(entries):
            where = f"citations[{i + 1}]"
            if not isinstance(entry, dict):
                raise self.error(where, "must be a mapping {source, quote, fields}")
            unknown = set(entry) - {"source", "quote", "fields", LINE_KEY}
            if unknown:
                raise self.error(
                    f"{where}.{sorted(unknown)[0]}", "unknown field; allowed: source, quote, fields"
                )
            source = entry.get("source")
            if source not in source_texts:
                raise self.error(
                    f"{where}.source", f"{source!r} is not a source slug of sources.yaml"
                )
            quote = entry.get("quote")
            if not isinstance(quote, str) or not quote.strip():
                raise self.error(f"{where}.quote", "is required and must be text")
            if quote not in source_texts[source]:
                raise self.error(
                    f"{where}.quote",
                    f"does not occur verbatim in source '{source}': {quote[:80]!r}",
                )
            fields = entry.get("fields") or []
            if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
                raise self.error(f"{where}.fields", "must be a list of field names")
            for name in fields:
                if name not in allowed_fields:
                    raise self.error(
                        f"{where}.fields",
                        f"{name!r} is not a field of this record; allowed: {', '.join(sorted(allowed_fields))}",
                    )
            citations.append(CitationSeed(source=source, quote=quote, fields=tuple(fields)))
        return citations


# --- Kinds ------------------------------------------------------------------------------

CITED_FIELDS = {
    "organization": ("name", "acronym", "kind", "country", "parent", "description"),
    "person": ("name",),
    "position": ("title", "organization", "start", "end"),
    "initiative": ("name", "kind", "description", "lead", "partners", "launched_on", "parent"),
    "event": (
        "name", "kind", "start_date", "end_date", "city", "country", "parent",
        "description", "organizations", "participants",
    ),
    "agreement": (
        "title", "kind", "signed_on", "place", "event", "duration_months", "renews", "themes",
        "initiatives", "summary", "objectives", "parties", "signatories", "attendees",
    ),
}  # fmt: skip


def _date_values(record: _Record, key: str, date_attr: str, precision_attr: str) -> dict:
    partial = record.partial_date(key)
    return {date_attr: partial.first_day(), precision_attr: partial.precision.value}


def _parse_source(record: _Record, sources_dir: Path) -> RecordSeed:
    record.check_keys(
        ("slug", "file_name", "title"),
        ("publisher", "author", "language", "published_on", "url"),
    )
    file_name = record.text("file_name", optional=False)
    path = sources_dir / file_name
    if "/" in file_name or not path.is_file():
        raise record.error("file_name", f"no file {file_name!r} in {sources_dir}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise record.error("file_name", f"{file_name} is not UTF-8 text: {exc}") from None
    if not text.strip():
        raise record.error("file_name", f"{file_name} is empty")
    language = record.get("language") or "ar"
    if language not in LANGUAGES:
        raise record.error("language", f"{language!r} is not one of: {', '.join(LANGUAGES)}")
    return RecordSeed(
        kind="source",
        slug=record.slug(),
        file=record.file,
        line=record.line,
        values={
            **record.translated("title", required=True),
            "publisher": record.text("publisher"),
            "author": record.text("author"),
            "language": language,
            "url": record.text("url"),
            "file_name": file_name,
            "text": text,
            **_date_values(record, "published_on", "published_on", "published_on_precision"),
        },
    )


def _parse_theme(record: _Record) -> RecordSeed:
    record.check_keys(("slug", "name"), ())
    return RecordSeed(
        kind="theme",
        slug=record.slug(),
        file=record.file,
        line=record.line,
        values=record.translated("name", required=True),
    )


def _parse_organization(record: _Record, texts: dict[str, str]) -> RecordSeed:
    from partners.models import OrganizationKind

    record.check_keys(
        ("slug", "name", "kind", "citations"),
        ("acronym", "country", "parent", "description", "website", "wikidata_id"),
    )
    wikidata_id = record.text("wikidata_id")
    if wikidata_id and not re.match(r"^Q\d+$", wikidata_id):
        raise record.error("wikidata_id", f"{wikidata_id!r} is not a Wikidata ID such as Q123")
    return RecordSeed(
        kind="organization",
        slug=record.slug(),
        file=record.file,
        line=record.line,
        values={
            **record.translated("name", required=True),
            **record.translated("acronym"),
            **record.translated("description"),
            "kind": record.choice("kind", OrganizationKind.values),
            "country": record.country("country"),
            "parent": record.slug("parent", optional=True),
            "website": record.text("website"),
            "wikidata_id": wikidata_id,
        },
        citations=record.citations(CITED_FIELDS["organization"], texts),
    )


def _parse_person(record: _Record, texts: dict[str, str]) -> RecordSeed:
    record.check_keys(("slug", "name", "citations"), ("positions", "wikidata_id"))
    positions = []
    for item in record.items("positions"):
        item.check_keys(("slug", "title", "organization", "citations"), ("start", "end"))
        start = item.partial_date("start")
        end = item.partial_date("end")
        if start.is_known and end.is_known and end.first_day() < start.first_day():
            raise item.error("end", "is before start")
        positions.append(
            {
                "slug": item.slug(),
                "line": item.line,
                "label": item.label,
                **item.translated("title", required=True),
                "organization": item.slug("organization"),
                "start": start.first_day(),
                "start_precision": start.precision.value,
                "end": end.first_day(),
                "end_precision": end.precision.value,
                "citations": item.citations(CITED_FIELDS["position"], texts),
            }
        )
    return RecordSeed(
        kind="person",
        slug=record.slug(),
        file=record.file,
        line=record.line,
        values={
            **record.translated("name", required=True),
            "wikidata_id": record.text("wikidata_id"),
        },
        citations=record.citations(CITED_FIELDS["person"], texts),
        children={"positions": positions},
    )


def _parse_initiative(record: _Record, texts: dict[str, str]) -> RecordSeed:
    from agreements.models import InitiativeKind

    record.check_keys(
        ("slug", "name", "kind", "citations"),
        ("description", "lead", "partners", "launched_on", "parent"),
    )
    return RecordSeed(
        kind="initiative",
        slug=record.slug(),
        file=record.file,
        line=record.line,
        values={
            **record.translated("name", required=True),
            **record.translated("description"),
            "kind": record.choice("kind", InitiativeKind.values),
            "lead": record.slug("lead", optional=True),
            "parent": record.slug("parent", optional=True),
            **_date_values(record, "launched_on", "launched_on", "launched_on_precision"),
        },
        citations=record.citations(CITED_FIELDS["initiative"], texts),
        children={"partners": record.slugs("partners")},
    )


def _parse_event(record: _Record, texts: dict[str, str]) -> RecordSeed:
    from events.models import EventKind

    record.check_keys(
        ("slug", "name", "kind", "citations"),
        ("start_date", "end_date", "city", "country", "parent", "description",
         "organizations", "participants"),
    )  # fmt: skip
    start = record.partial_date("start_date")
    end = record.partial_date("end_date")
    if end.is_known:
        if not start.is_known:
            raise record.error("end_date", "an end date needs a start date")
        if end.precision != start.precision:
            raise record.error(
                "end_date",
                f"is known to the {end.precision.value} but start_date to the "
                f"{start.precision.value}; give both at the same precision",
            )
        if end.first_day() < start.first_day():
            raise record.error("end_date", "is before start_date")
    participants = []
    for item in record.items("participants"):
        item.check_keys(("person",), ("organization", "role"))
        participants.append(
            {
                "person": item.slug("person"),
                "organization": item.slug("organization", optional=True),
                **item.translated("role"),
                "label": item.label,
            }
        )
    if len({p["person"] for p in participants}) != len(participants):
        raise record.error("participants", "lists the same person twice")
    return RecordSeed(
        kind="event",
        slug=record.slug(),
        file=record.file,
        line=record.line,
        values={
            **record.translated("name", required=True),
            **record.translated("city"),
            **record.translated("description"),
            "kind": record.choice("kind", EventKind.values),
            "country": record.country("country"),
            "parent": record.slug("parent", optional=True),
            "start_date": start.first_day(),
            "end_date": end.first_day(),
            "date_precision": start.precision.value,
        },
        citations=record.citations(CITED_FIELDS["event"], texts),
        children={"organizations": record.slugs("organizations"), "participants": participants},
    )


def _parse_people_at_signing(record: _Record, key: str, *, organization_required: bool) -> list:
    people = []
    for item in record.items(key):
        item.check_keys(("person",) + (("organization",) if organization_required else ()),
                        ("organization", "title", "position"))  # fmt: skip
        people.append(
            {
                "person": item.slug("person"),
                "organization": item.slug("organization", optional=not organization_required),
                **item.translated("title"),
                "position": item.slug("position", optional=True),
                "label": item.label,
            }
        )
    if len({p["person"] for p in people}) != len(people):
        raise record.error(key, "lists the same person twice")
    return people


def _parse_agreement(record: _Record, texts: dict[str, str]) -> RecordSeed:
    from agreements.models import AgreementKind

    record.check_keys(
        ("slug", "title", "kind", "parties", "citations"),
        ("signed_on", "place", "event", "duration_months", "renews", "themes", "initiatives",
         "summary", "objectives", "signatories", "attendees", "status"),
    )  # fmt: skip
    place = record.get("place") or {}
    if not isinstance(place, dict):
        raise record.error("place", "must be a mapping {city: {ar, fr, en}, country: XX}")
    place_record = _Record(record.file, place, 0, record.label)
    place_record.check_keys((), ("city", "country"))
    city = place_record.translated("city")
    parties = record.slugs("parties")
    if len(parties) < 2:
        raise record.error("parties", "an agreement binds at least two parties")
    signatories = _parse_people_at_signing(record, "signatories", organization_required=True)
    for signatory in signatories:
        if signatory["organization"] not in parties:
            raise record.error(
                "signatories",
                f"{signatory['person']} signs for {signatory['organization']!r}, "
                "which is not one of the parties",
            )
    attendees = _parse_people_at_signing(record, "attendees", organization_required=False)
    both = {s["person"] for s in signatories} & {a["person"] for a in attendees}
    if both:
        raise record.error("attendees", f"{sorted(both)[0]} is already a signatory")
    status = record.get("status") or "published"
    if status not in ("draft", "published"):
        raise record.error("status", f"{status!r} is not one of: draft, published")
    return RecordSeed(
        kind="agreement",
        slug=record.slug(),
        file=record.file,
        line=record.line,
        values={
            **record.translated("title", required=True),
            **record.translated("summary"),
            **record.translated("objectives"),
            "place_city_ar": city["city_ar"],
            "place_city_fr": city["city_fr"],
            "place_city_en": city["city_en"],
            "place_country": place_record.country("country"),
            "kind": record.choice("kind", AgreementKind.values),
            "event": record.slug("event", optional=True),
            "renews": record.slug("renews", optional=True),
            "duration_months": record.positive_int("duration_months"),
            "status": status,
            **_date_values(record, "signed_on", "signed_on", "signed_on_precision"),
        },
        citations=record.citations(CITED_FIELDS["agreement"], texts),
        children={
            "parties": parties,
            "signatories": signatories,
            "attendees": attendees,
            "themes": record.slugs("themes"),
            "initiatives": record.slugs("initiatives"),
        },
    )


# --- Whole set --------------------------------------------------------------------------


def _read_yaml(path: Path) -> list:
    name = path.name
    if not path.is_file():
        raise SeedError("file is missing", file=name)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
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
        for index, data in enumerate(_read_yaml(seeds_dir / file_name)):
            record = _Record(file_name, data, index)
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
