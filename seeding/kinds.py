"""One parser per kind of record: what each seed file may say, checked field by field."""

from __future__ import annotations

import re
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from agreements.models import Agreement, AgreementKind, Initiative, InitiativeKind
from core.models import SourceLanguage
from core.records import PartialDate
from events.models import Event, EventKind
from partners.models import Organization, OrganizationKind, Person, Position
from seeding.records import LINE_KEY, RecordSeed, SeedRecord

# --- Kinds ------------------------------------------------------------------------------

# Each model says what a citation of it may back (`cited_fields`).
CITED_FIELDS = {
    "organization": Organization.cited_fields,
    "person": Person.cited_fields,
    "position": Position.cited_fields,
    "initiative": Initiative.cited_fields,
    "event": Event.cited_fields,
    "agreement": Agreement.cited_fields,
}


def _flag(record: SeedRecord, key: str) -> bool:
    """A yes/no field: `true` or `false` as YAML writes them; omitted means false."""
    value = record.get(key)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise record.error(key, f"{value!r} is not true or false")
    return value


def _date_values(record: SeedRecord, key: str, date_attr: str, precision_attr: str) -> dict:
    partial = record.partial_date(key)
    return {date_attr: partial.first_day(), precision_attr: partial.precision.value}


# What a source's own `evidence:` may back: the metadata the article itself prints.
SOURCE_EVIDENCE_FIELDS = ("publisher", "author", "dateline", "credits", "published_on")
SOURCE_TEXT_LIMITS = {"publisher": 200, "author": 200, "dateline": 120, "credits": 300}


def _source_url(record: SeedRecord) -> str:
    url = record.text("url")
    if not url:
        return ""
    if len(url) > 500:
        raise record.error(
            "url",
            f"{len(url)} characters, over 500: write the address as a browser shows it, "
            "Arabic letters unescaped (%d8%a7... → ا)",
        )
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise record.error("url", f"{url[:80]!r} is not a web address (https://...)") from None
    return url


def _source_evidence(record: SeedRecord, text: str, values: dict) -> None:
    """Each `evidence:` quote occurs word for word in the article, and contains the value
    it backs as written: the author's name, the dateline, the credits; for the date, its
    year and (known to the day) its day. Nothing is stored: the check keeps the metadata
    honest to the page."""
    entries = record.get("evidence")
    if entries is None:
        return
    if not isinstance(entries, list):
        raise record.error("evidence", "must be a list of {quote, fields}")
    for index, entry in enumerate(entries):
        where = f"evidence[{index + 1}]"
        if not isinstance(entry, dict):
            raise record.error(where, "must be a mapping {quote, fields}")
        unknown = set(entry) - {"quote", "fields", LINE_KEY}
        if unknown:
            raise record.error(
                f"{where}.{sorted(unknown)[0]}", "unknown field; allowed: quote, fields"
            )
        quote = entry.get("quote")
        if not isinstance(quote, str) or not quote.strip():
            raise record.error(f"{where}.quote", "is required and must be text")
        if quote not in text:
            raise record.error(
                f"{where}.quote", f"does not occur verbatim in the article: {quote[:80]!r}"
            )
        fields = entry.get("fields")
        if not isinstance(fields, list) or not fields:
            raise record.error(
                f"{where}.fields", f"list the fields it backs: {', '.join(SOURCE_EVIDENCE_FIELDS)}"
            )
        for name in fields:
            if name not in SOURCE_EVIDENCE_FIELDS:
                raise record.error(
                    f"{where}.fields",
                    f"{name!r} is not a field a source's evidence backs; allowed: {', '.join(SOURCE_EVIDENCE_FIELDS)}",
                )
            if name == "published_on":
                date = PartialDate.from_stored(
                    values["published_on"], values["published_on_precision"]
                )
                if not date.is_known:
                    raise record.error(f"{where}.fields", "backs published_on, which is not given")
                shown = [str(date.year)] + ([str(date.day)] if date.day else [])
                if not all(re.search(rf"(?<!\d)0?{number}(?!\d)", quote) for number in shown):
                    raise record.error(
                        f"{where}.quote", f"does not state the publication date {date.isoformat()}"
                    )
            elif not values[name]:
                raise record.error(f"{where}.fields", f"backs {name}, which is not given")
            elif values[name] not in quote:
                raise record.error(
                    f"{where}.quote", f"does not contain the {name} as given: {values[name]!r}"
                )


def _parse_source(record: SeedRecord, sources_dir: Path) -> RecordSeed:
    record.check_keys(
        ("slug", "file_name", "title"),
        (
            "publisher", "author", "dateline", "credits", "language", "published_on", "url",
            "evidence",
        ),
    )  # fmt: skip
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
    language = record.get("language") or SourceLanguage.ARABIC.value
    if language not in SourceLanguage.values:
        raise record.error(
            "language", f"{language!r} is not one of: {', '.join(SourceLanguage.values)}"
        )
    metadata = {name: record.text(name) for name in SOURCE_TEXT_LIMITS}
    for name, limit in SOURCE_TEXT_LIMITS.items():
        if len(metadata[name]) > limit:
            raise record.error(name, f"{len(metadata[name])} characters, over {limit}")
    values = {
        **record.translated("title", required=True),
        **metadata,
        "language": language,
        "url": _source_url(record),
        "file_name": file_name,
        "text": text,
        **_date_values(record, "published_on", "published_on", "published_on_precision"),
    }
    _source_evidence(record, text, values)
    return RecordSeed(
        kind="source",
        slug=record.slug(),
        file=record.file,
        line=record.line,
        values=values,
    )


def _parse_theme(record: SeedRecord) -> RecordSeed:
    record.check_keys(("slug", "name"), ())
    return RecordSeed(
        kind="theme",
        slug=record.slug(),
        file=record.file,
        line=record.line,
        values=record.translated("name", required=True),
    )


def _parse_organization(record: SeedRecord, texts: dict[str, str]) -> RecordSeed:

    record.check_keys(
        ("slug", "name", "kind", "citations"),
        ("acronym", "aliases", "country", "parent", "description", "website", "wikidata_id"),
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
            "aliases": record.lines("aliases"),
        },
        citations=record.citations(CITED_FIELDS["organization"], texts),
    )


def _parse_person(record: SeedRecord, texts: dict[str, str]) -> RecordSeed:
    record.check_keys(("slug", "name", "citations"), ("aliases", "positions", "wikidata_id"))
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
            "aliases": record.lines("aliases"),
        },
        citations=record.citations(CITED_FIELDS["person"], texts),
        children={"positions": positions},
    )


def _parse_initiative(record: SeedRecord, texts: dict[str, str]) -> RecordSeed:

    record.check_keys(
        ("slug", "name", "kind", "citations"),
        ("description", "lead", "partners", "launched_on", "parent", "name_is_editorial"),
    )
    return RecordSeed(
        kind="initiative",
        slug=record.slug(),
        file=record.file,
        line=record.line,
        values={
            **record.translated("name", required=True),
            **record.translated("description"),
            "name_is_editorial": _flag(record, "name_is_editorial"),
            "kind": record.choice("kind", InitiativeKind.values),
            "lead": record.slug("lead", optional=True),
            "parent": record.slug("parent", optional=True),
            **_date_values(record, "launched_on", "launched_on", "launched_on_precision"),
        },
        citations=record.citations(CITED_FIELDS["initiative"], texts),
        children={"partners": record.slugs("partners")},
    )


def _parse_event(record: SeedRecord, texts: dict[str, str]) -> RecordSeed:
    record.check_keys(
        ("slug", "name", "kind", "citations"),
        ("start_date", "end_date", "city", "country", "parent", "description",
         "organizations", "participants", "name_is_editorial"),
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
            "name_is_editorial": _flag(record, "name_is_editorial"),
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


def _parse_people_at_signing(record: SeedRecord, key: str, *, organization_required: bool) -> list:
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


def _parse_agreement(record: SeedRecord, texts: dict[str, str]) -> RecordSeed:
    record.check_keys(
        ("slug", "title", "kind", "parties", "citations"),
        ("signed_on", "place", "event", "duration_months", "renews", "themes", "initiatives",
         "summary", "objectives", "signatories", "attendees", "status", "title_is_editorial",
         "public_note"),
    )  # fmt: skip
    place = record.get("place") or {}
    if not isinstance(place, dict):
        raise record.error("place", "must be a mapping {city: {ar, fr, en}, country: XX}")
    place_record = SeedRecord(record.file, place, 0, record.label)
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
            **record.translated("public_note"),
            "title_is_editorial": _flag(record, "title_is_editorial"),
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
