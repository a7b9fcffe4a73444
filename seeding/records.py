"""The building blocks of the seed reader: where each value was written, and its checks.

Every problem is a `SeedError` that names the file, the line, the record and the field.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from core.records import LANGUAGES, PartialDate

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
    ("indicator", "indicators.yaml"),
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


class LineLoader(yaml.SafeLoader):
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


LineLoader.add_constructor("tag:yaml.org,2002:map", LineLoader.construct_seed_mapping)


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


class SeedRecord:
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

    def lines(self, key: str) -> str:
        """A list of short texts (other names), stored one per line."""
        value = self.data.get(key)
        if value is None:
            return ""
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() and "\n" not in item for item in value
        ):
            raise self.error(key, "must be a list of names, one line each: [ميسترال, Mistral]")
        return "\n".join(dict.fromkeys(item.strip() for item in value))

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

    def items(self, key: str) -> list[SeedRecord]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, "must be a list")
        return [
            SeedRecord(self.file, item, i, f"{self.label} > {key}[{i + 1}]")
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
