"""Seed dates keep the precision their text shows, quoted or not, in every date field.

YAML 1.1 reads an unquoted `2023-06-01` as a date, `2025` and `02025` as integers (the
second in octal), `2_025` and `33:45` as 2025: a date field reads the text as written, so
what an editor sees in the file is what the tracker stores, or the file is refused with
its file, line, record and field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from agreements.models import Agreement, Initiative, SourceDocument
from events.models import Event
from partners.models import Position
from seeding.loader import load_seeds
from seeding.records import SeedError

pytestmark = pytest.mark.django_db

PLACEHOLDER = "@@date@@"

INITIATIVE = {
    "slug": "jazari",
    "name": {"ar": "معاهد الجزري", "fr": "Instituts Jazari", "en": "Jazari Institutes"},
    "kind": "network",
    "citations": [{"source": "test-article", "quote": "وزارة الانتقال الرقمي"}],
}
EVENT = {
    "slug": "signing",
    "name": {"ar": "حفل التوقيع", "fr": "Signature", "en": "Signing"},
    "kind": "other",
    "citations": [{"source": "test-article", "quote": "بالرباط"}],
}


@dataclass(frozen=True)
class DateField:
    """Where a date field sits in the seed files and where the loader stores it."""

    file: str
    record: str  # the record label the reader names in its errors
    field: str
    place: Callable[[dict], None]  # puts PLACEHOLDER in the field
    stored: Callable[[], tuple[dt.date | None, str]]
    # Where the field must be the only one at fault (when `place` also fills another).
    place_alone: Callable[[dict], None] | None = None


def _agreement(data: dict) -> dict:
    return data["agreements.yaml"][0]


def _position(data: dict) -> dict:
    return data["people.yaml"][0]["positions"][0]


def _add(data: dict, file: str, record: dict, **dates: str) -> None:
    data[file].append({**record, **dates})


DATE_FIELDS = {
    "agreement.signed_on": DateField(
        "agreements.yaml",
        "mistral-mou",
        "signed_on",
        lambda d: _agreement(d).update(signed_on=PLACEHOLDER),
        lambda: _stored(Agreement.objects.get(slug="mistral-mou"), "signed_on"),
    ),
    "source.published_on": DateField(
        "sources.yaml",
        "test-article",
        "published_on",
        lambda d: d["sources.yaml"][0].update(published_on=PLACEHOLDER),
        lambda: _stored(SourceDocument.objects.get(slug="test-article"), "published_on"),
    ),
    "position.start": DateField(
        "people.yaml",
        "amal > positions[1]",
        "start",
        lambda d: _position(d).update(start=PLACEHOLDER),
        lambda: _stored(Position.objects.get(slug="amal-minister"), "start"),
    ),
    "position.end": DateField(
        "people.yaml",
        "amal > positions[1]",
        "end",
        lambda d: _position(d).update(end=PLACEHOLDER),
        lambda: _stored(Position.objects.get(slug="amal-minister"), "end"),
    ),
    "initiative.launched_on": DateField(
        "initiatives.yaml",
        "jazari",
        "launched_on",
        lambda d: _add(d, "initiatives.yaml", INITIATIVE, launched_on=PLACEHOLDER),
        lambda: _stored(Initiative.objects.get(slug="jazari"), "launched_on"),
    ),
    "event.start_date": DateField(
        "events.yaml",
        "signing",
        "start_date",
        lambda d: _add(d, "events.yaml", EVENT, start_date=PLACEHOLDER),
        lambda: _stored(Event.objects.get(slug="signing"), "start_date", "date_precision"),
    ),
    "event.end_date": DateField(
        "events.yaml",
        "signing",
        "end_date",
        # The start is the same text, so that both dates share a precision.
        lambda d: _add(d, "events.yaml", EVENT, start_date=PLACEHOLDER, end_date=PLACEHOLDER),
        lambda: _stored(Event.objects.get(slug="signing"), "end_date", "date_precision"),
        lambda d: _add(d, "events.yaml", EVENT, start_date="2020", end_date=PLACEHOLDER),
    ),
}


def _stored(record, field: str, precision_field: str | None = None) -> tuple:
    return getattr(record, field), getattr(record, precision_field or f"{field}_precision")


def write_with_raw_date(seed_folder, date_field: DateField, raw: str, *, alone=False) -> str:
    """Write the seed files with `raw` in the date field exactly as an editor would type it."""
    ((alone and date_field.place_alone) or date_field.place)(seed_folder.data)
    seed_folder.write()
    path = seed_folder.root / date_field.file
    text = path.read_text(encoding="utf-8")
    # safe_dump quotes the placeholder (it starts with an indicator character).
    assert f"'{PLACEHOLDER}'" in text
    text = text.replace(f"'{PLACEHOLDER}'", raw)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, field: str) -> int:
    """The (last) line where `field:` is written, 1-based."""
    lines = [n for n, line in enumerate(text.splitlines(), 1) if f"{field}: " in line]
    return lines[-1]


ACCEPTED = [
    # (id, the text in the file, the stored date, its precision)
    ("day-unquoted", "2023-06-01", dt.date(2023, 6, 1), "day"),
    ("month-unquoted", "2023-06", dt.date(2023, 6, 1), "month"),
    ("year-unquoted", "2025", dt.date(2025, 1, 1), "year"),
    ("day-quoted", '"2023-06-01"', dt.date(2023, 6, 1), "day"),
    ("month-quoted", '"2023-06"', dt.date(2023, 6, 1), "month"),
    ("year-single-quoted", "'2025'", dt.date(2025, 1, 1), "year"),
    ("null", "null", None, "unknown"),
    ("tilde", "~", None, "unknown"),
]


@pytest.mark.parametrize("field_id", DATE_FIELDS)
@pytest.mark.parametrize(
    ("raw", "date", "precision"), [case[1:] for case in ACCEPTED], ids=[c[0] for c in ACCEPTED]
)
def test_a_date_keeps_the_precision_its_text_shows(seed_folder, field_id, raw, date, precision):
    date_field = DATE_FIELDS[field_id]
    write_with_raw_date(seed_folder, date_field, raw)

    load_seeds(seeds_dir=seed_folder.root)

    assert date_field.stored() == (date, precision)


REFUSED = [
    # (id, the text in the file, words in the message). Before, each of these was read
    # as some other date without a word, or broke the load with no file named.
    ("yaml-timestamp-without-zeros", "2023-6-1", "YYYY-MM-DD"),
    ("impossible-day", "2025-02-30", "day is out of range"),
    ("impossible-month", "2025-13-01", "month must be in 1..12"),
    ("octal-year", "02025", "YYYY-MM-DD"),
    ("year-with-underscore", "2_025", "YYYY-MM-DD"),
    ("sexagesimal-year", "33:45", "YYYY-MM-DD"),
    ("two-digit-year", "25", "YYYY-MM-DD"),
    ("hexadecimal-year", "0x7E9", "YYYY-MM-DD"),
    ("float-year", "2025.0", "YYYY-MM-DD"),
    ("date-and-time", "2023-06-01 10:30:00", "YYYY-MM-DD"),
    ("boolean", "yes", "YYYY-MM-DD"),
]


@pytest.mark.parametrize("field_id", DATE_FIELDS)
@pytest.mark.parametrize(
    ("raw", "words"), [case[1:] for case in REFUSED], ids=[c[0] for c in REFUSED]
)
def test_a_date_whose_text_is_not_one_is_refused_with_its_place(seed_folder, field_id, raw, words):
    date_field = DATE_FIELDS[field_id]
    text = write_with_raw_date(seed_folder, date_field, raw, alone=True)

    with pytest.raises(SeedError) as error:
        load_seeds(seeds_dir=seed_folder.root)

    assert error.value.file == date_field.file
    assert error.value.record == date_field.record
    assert error.value.field == date_field.field
    assert error.value.line == line_of(text, date_field.field)
    assert words in error.value.message
    assert repr(raw) in error.value.message  # the text as the editor wrote it
    assert not Agreement.objects.exists()


def test_an_explicit_timestamp_tag_with_an_impossible_date_names_its_line(seed_folder):
    # Any scalar YAML cannot build is an "invalid YAML" error at its line, never a crash.
    date_field = DATE_FIELDS["agreement.signed_on"]
    text = write_with_raw_date(seed_folder, date_field, "!!timestamp 2025-02-30")

    with pytest.raises(SeedError) as error:
        load_seeds(seeds_dir=seed_folder.root)

    assert error.value.file == "agreements.yaml"
    assert error.value.line == line_of(text, "signed_on")
    assert "invalid YAML" in error.value.message
    assert "day is out of range" in error.value.message


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ("- slug: x\n  duration_months: " + "9" * 5000 + "\n", 2, "Exceeds the limit"),
        ("- slug: x\n  name: {[ar]: x}\n", 2, "a key must be a single value"),
    ],
    ids=["integer-of-5000-digits", "list-as-a-key"],
)
def test_what_yaml_cannot_build_is_invalid_yaml_at_its_line(seed_folder, content, line, words):
    (seed_folder.root / "themes.yaml").write_text(content, encoding="utf-8")

    with pytest.raises(SeedError) as error:
        load_seeds(seeds_dir=seed_folder.root)

    assert (error.value.file, error.value.line) == ("themes.yaml", line)
    assert "invalid YAML" in error.value.message
    assert words in error.value.message


def test_a_date_shaped_text_elsewhere_stays_text(seed_folder):
    # Without timestamp resolution, an unquoted slug that looks like a date is a slug.
    seed_folder.data["themes.yaml"][0]["slug"] = PLACEHOLDER
    seed_folder.data["agreements.yaml"][0]["themes"] = [PLACEHOLDER]
    seed_folder.write()
    for name in ("themes.yaml", "agreements.yaml"):
        path = seed_folder.root / name
        path.write_text(
            path.read_text(encoding="utf-8").replace(f"'{PLACEHOLDER}'", "2025-01-01"),
            encoding="utf-8",
        )

    load_seeds(seeds_dir=seed_folder.root)

    assert list(Agreement.objects.get().themes.values_list("slug", flat=True)) == ["2025-01-01"]
