"""Every kind of bad seed file is refused with the file, record and field at fault."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from agreements.models import SourceDocument
from partners.models import Organization
from seeding.records import SeedError

pytestmark = pytest.mark.django_db


def agreement(data):
    return data["agreements.yaml"][0]


def organization(data, index=1):
    return data["organizations.yaml"][index]


def set_key(getter: Callable, key: str, value) -> Callable:
    def mutate(data):
        getter(data)[key] = value

    return mutate


def drop_key(getter: Callable, key: str) -> Callable:
    def mutate(data):
        del getter(data)[key]

    return mutate


CASES = [
    # (id, mutation, file, record, field, words in the message)
    ("unknown-field", set_key(agreement, "signed_at", "2025"), "agreements.yaml", "mistral-mou", "signed_at", "unknown field"),
    ("missing-title", drop_key(agreement, "title"), "agreements.yaml", "mistral-mou", "title", "is required"),
    ("no-arabic-title", set_key(agreement, "title", {"fr": "Mémo"}), "agreements.yaml", "mistral-mou", "title.ar", "Arabic text is required"),
    ("unknown-language", set_key(agreement, "title", {"ar": "م", "es": "x"}), "agreements.yaml", "mistral-mou", "title.es", "unknown language"),
    ("bad-kind", set_key(agreement, "kind", "treaty"), "agreements.yaml", "mistral-mou", "kind", "is not one of"),
    ("bad-month", set_key(agreement, "signed_on", "2025-13"), "agreements.yaml", "mistral-mou", "signed_on", "month must be in 1..12"),
    ("impossible-day", set_key(agreement, "signed_on", "2025-02-30"), "agreements.yaml", "mistral-mou", "signed_on", "day is out of range"),
    ("date-in-words", set_key(agreement, "signed_on", "June 2023"), "agreements.yaml", "mistral-mou", "signed_on", "YYYY-MM"),
    ("zero-duration", set_key(agreement, "duration_months", 0), "agreements.yaml", "mistral-mou", "duration_months", "positive whole number"),
    ("one-party", set_key(agreement, "parties", ["ministry"]), "agreements.yaml", "mistral-mou", "parties", "at least two parties"),
    ("unknown-party", set_key(agreement, "parties", ["ministry", "mistral", "nobody"]), "agreements.yaml", "mistral-mou", "parties", "'nobody' is not a known organization"),
    (
        "signatory-not-a-party",
        lambda d: agreement(d)["signatories"][1].update(organization="industry-ministry"),
        "agreements.yaml", "mistral-mou", "signatories", "not one of the parties",
    ),
    (
        "attendee-also-signs",
        lambda d: agreement(d)["attendees"][0].update(person="arthur"),
        "agreements.yaml", "mistral-mou", "attendees", "already a signatory",
    ),
    ("unknown-position", lambda d: agreement(d)["signatories"][0].update(position="ceo"), "agreements.yaml", "mistral-mou", "signatories.position", "not a known position"),
    ("no-citation", set_key(agreement, "citations", []), "agreements.yaml", "mistral-mou", "citations", "at least one citation"),
    ("quote-not-in-source", lambda d: agreement(d)["citations"][0].update(quote="نص آخر"), "agreements.yaml", "mistral-mou", "citations[1].quote", "does not occur verbatim"),
    ("unknown-source", lambda d: agreement(d)["citations"][0].update(source="other"), "agreements.yaml", "mistral-mou", "citations[1].source", "not a source slug"),
    ("unknown-cited-field", lambda d: agreement(d)["citations"][0].update(fields=["colour"]), "agreements.yaml", "mistral-mou", "citations[1].fields", "'colour' is not a field"),
    ("bad-slug", set_key(agreement, "slug", "Mistral MoU"), "agreements.yaml", None, "slug", "is not a slug"),
    ("bad-country", set_key(lambda d: organization(d), "country", "France"), "organizations.yaml", "mistral", "country", "ISO 3166-1"),
    ("parent-cycle", lambda d: (organization(d, 0).update(parent="mistral"), organization(d, 1).update(parent="ministry")), "organizations.yaml", "ministry", "parent", "comes back"),
    ("duplicate-slug", lambda d: d["people.yaml"].append(dict(d["people.yaml"][1])), "people.yaml", "arthur", "slug", "already used"),
    ("missing-article", lambda d: d["sources.yaml"][0].update(file_name="nowhere.txt"), "sources.yaml", "test-article", "file_name", "no file"),
    ("position-bad-org", lambda d: d["people.yaml"][0]["positions"][0].update(organization="nobody"), "people.yaml", "amal", "positions.amal-minister.organization", "not a known organization"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("mutation", "file", "record", "field", "words"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_bad_record_is_refused_with_its_location(
    seed_folder, load, mutation, file, record, field, words
):
    mutation(seed_folder.data)

    with pytest.raises(SeedError) as error:
        load()

    assert error.value.file == file
    if record is not None:
        assert error.value.record == record
    assert error.value.field == field
    assert words in error.value.message
    assert SourceDocument.objects.count() == 0
    assert Organization.objects.count() == 0


def test_invalid_yaml_names_its_line(seed_folder, load):
    seed_folder.write()
    path = seed_folder.root / "events.yaml"
    path.write_text("- slug: x\n  name: {ar: [unclosed\n", encoding="utf-8")

    with pytest.raises(SeedError) as error:
        _load_without_rewrite(seed_folder)

    assert error.value.file == "events.yaml"
    assert error.value.line == 3
    assert "invalid YAML" in error.value.message


def _load_without_rewrite(seed_folder):
    from seeding.loader import load_seeds

    return load_seeds(seeds_dir=seed_folder.root)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("slug: just-a-mapping\n", "must be a list of records"),
        ("- slug: x\n  slug: y\n", "duplicate key 'slug'"),
        ("- just a string\n", "must be a mapping of fields"),
    ],
    ids=["not-a-list", "duplicate-key", "item-not-a-mapping"],
)
def test_malformed_file_is_refused(seed_folder, content, words):
    (seed_folder.root / "themes.yaml").write_text(content, encoding="utf-8")

    with pytest.raises(SeedError) as error:
        _load_without_rewrite(seed_folder)

    assert error.value.file == "themes.yaml"
    assert words in str(error.value)


def test_missing_file_is_refused(seed_folder):
    (seed_folder.root / "events.yaml").unlink()

    with pytest.raises(SeedError) as error:
        _load_without_rewrite(seed_folder)

    assert error.value.file == "events.yaml"
    assert "missing" in error.value.message


def test_article_that_is_not_utf8_is_refused(seed_folder):
    (seed_folder.root / "articles" / "test_article.txt").write_bytes("مقال".encode("cp1256"))

    with pytest.raises(SeedError) as error:
        _load_without_rewrite(seed_folder)

    assert error.value.file == "sources.yaml"
    assert error.value.field == "file_name"
    assert "not UTF-8" in error.value.message
