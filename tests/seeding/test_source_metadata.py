"""The sources' own metadata in the seeds: read, checked against the article, kept when an
editor changes it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from agreements.models import SeedSnapshot
from core.models import SourceDocument
from seeding.reader import read_seed_set
from seeding.records import SeedError

pytestmark = pytest.mark.django_db

# As the issue lists them.
EXPECTED = {
    "000_64397c500d17cdd7.txt": {
        "url": "https://www.daily8.com/article/f20fd1b4872f78be1f83b51e09684e8c",
        "publisher": "Daily8",
        "author": "الشيخ الوالي",
        "dateline": "مراكش",
        "credits": "تصوير: عبد الرفيع لقصيصر",
        "published_on": None,
    },
    "001_5ccb9bab0d6213d5.txt": {
        "url": "https://bawabapress.com/index.php/article/567",
        "publisher": "Bawaba Press",
        "author": "يوسف وفقير",
        "dateline": "الرباط",
        "credits": "",
        "published_on": dt.date(2025, 9, 12),
        "published_on_precision": "day",
    },
    "002_e8c76b1901d040da.txt": {
        "publisher": "وزارة الانتقال الرقمي وإصلاح الإدارة",
        "author": "",
        "published_on": None,
    },
    "003_d3c2d790c9a48fca.txt": {
        "url": "https://mowatine.com/posts.php?id=54383",
        "publisher": "Mowatine (مواطن)",
        "published_on": None,
    },
    "004_a0659516dd4e84dd.txt": {
        "url": "https://facepress.ma/289343/",
        "publisher": "FacePress",
        "author": "هيئة التحرير",
        # "قمة ويب قطر 2026 (1-4 فبراير الجاري)": this February, of 2026; the day is not given.
        "published_on": dt.date(2026, 2, 1),
        "published_on_precision": "month",
    },
}
MMSP = (
    "https://www.mmsp.gov.ma/ar/%d9%85%d8%b3%d8%aa%d8%ac%d8%af%d8%a7%d8%aa/%d8%a7%d9%86%d8%aa"
    "%d8%ae%d8%a7%d8%a8-%d8%a7%d9%84%d9%85%d9%85%d9%84%d9%83%d8%a9-%d8%a7%d9%84%d9%85%d8%ba%d8"
    "%b1%d8%a8%d9%8a%d8%a9-%d8%b9%d8%b6%d9%88%d8%a7-%d9%81%d9%8a-%d8%a7%d9%84%d9%84%d8%ac%d9%86"
    "%d8%a9-%d8%a7%d9%84%d8%aa%d9%86%d9%81%d9%8a%d8%b0%d9%8a%d8%a9-%d9%84%d9%85%d9%86%d8%b8%d9"
    "%85%d8%a9-%d8%a7%d9%84%d8%aa%d8%b9%d8%a7%d9%88%d9%86-%d8%a7%d9%84%d8%b1%d9%82%d9%85%d9%8a"
    "%d8%8c-%d9%88%d8%b0%d9%84%d9%83-%d8%a8%d8%b1%d8%b3%d9%85-%d8%b3%d9%86%d8%a9-2026%d8%8c-%d9"
    "%88%d8%b0%d9%84%d9%83-%d9%84%d9%84%d8%b3%d9%86%d8%a9-%d8%a7%d9%84%d8%ab%d8%a7%d9%86%d9%8a"
    "%d8%a9-%d8%b9%d9%84%d9%89-%d8%a7%d9%84%d8%aa%d9%88%d8%a7%d9%84%d9%8a"
)


@pytest.fixture
def seeded(seeded_module, db):
    """The real seed data (each test's changes rolled back)."""


@pytest.fixture(scope="module")
def seed_sources():
    seed_set = read_seed_set(Path(settings.SEEDS_DIR))
    return {seed.values["file_name"]: seed.values for seed in seed_set.records["source"]}


@pytest.mark.parametrize("file_name", sorted(EXPECTED))
def test_each_source_has_its_metadata(seed_sources, file_name):
    values = seed_sources[file_name]
    for field_name, expected in EXPECTED[file_name].items():
        assert values[field_name] == expected, field_name
    assert values["url"].startswith("https://")


def test_the_ministry_page_is_the_address_the_issue_gives(seed_sources):
    url = seed_sources["002_e8c76b1901d040da.txt"]["url"]
    assert quote(url, safe=":/?=&%").lower() == MMSP.lower()
    assert len(url) <= SourceDocument._meta.get_field("url").max_length


def test_the_loader_stores_the_metadata(seeded):
    source = SourceDocument.objects.get(file_name="001_5ccb9bab0d6213d5.txt")
    assert (source.published_on, source.published_on_precision) == (dt.date(2025, 9, 12), "day")
    assert (source.publisher, source.author, source.dateline) == (
        "Bawaba Press",
        "يوسف وفقير",
        "الرباط",
    )
    daily8 = SourceDocument.objects.get(file_name="000_64397c500d17cdd7.txt")
    assert daily8.credits == "تصوير: عبد الرفيع لقصيصر"
    assert daily8.published_on is None and daily8.published_on_precision == "unknown"


# -- refused, with file, record and field ---------------------------------------------------


def with_source(seed_folder, **values):
    seed_folder.data["sources.yaml"][0].update(values)
    return seed_folder


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"url": "bawabapress.com/article/567"}, "url", "not a web address"),
        ({"url": "ftp://bawabapress.com/567"}, "url", "not a web address"),
        ({"url": "https://example.com/" + "%d8%a7" * 90}, "url", "over 500"),
        ({"language": "arabic"}, "language", "not one of"),
        ({"published_on": "12/09/2025"}, "published_on", "YYYY"),
        ({"published_on": "2025-02-30"}, "published_on", "day"),
        ({"dateline": "ا" * 121}, "dateline", "over 120"),
        ({"credits": ["photos"]}, "credits", "must be text"),
        ({"evidence": [{"quote": "الجمعة 13 شتنبر", "fields": ["published_on"]}]},
         "evidence[1].quote", "does not occur verbatim"),
        ({"published_on": "2025-09-13",
          "evidence": [{"quote": "يوم الجمعة 12 شتنبر 2025", "fields": ["published_on"]}]},
         "evidence[1].quote", "does not state the publication date 2025-09-13"),
        ({"evidence": [{"quote": "يوم الجمعة 12 شتنبر 2025", "fields": ["published_on"]}]},
         "evidence[1].fields", "not given"),
        ({"dateline": "مراكش", "evidence": [{"quote": "بالرباط", "fields": ["dateline"]}]},
         "evidence[1].quote", "does not contain the dateline"),
        ({"evidence": [{"quote": "بالرباط", "fields": ["url"]}]},
         "evidence[1].fields", "not a field a source's evidence backs"),
        ({"evidence": [{"quote": "بالرباط"}]}, "evidence[1].fields", "list the fields"),
    ],
)  # fmt: skip
def test_a_bad_value_is_refused_naming_file_record_and_field(
    seed_folder, load, values, field, words
):
    with_source(seed_folder, **values)
    with pytest.raises(SeedError) as refused:
        load()
    error = refused.value
    assert error.file == "sources.yaml"
    assert error.record == "test-article"
    assert error.field == field, str(error)
    assert words in error.message, str(error)
    assert not SourceDocument.objects.filter(slug="test-article").exists()


def test_evidence_that_matches_is_accepted(seed_folder, load):
    with_source(
        seed_folder,
        published_on="2025-09-12",
        dateline="الرباط",
        evidence=[
            {"quote": "يوم الجمعة 12 شتنبر 2025", "fields": ["published_on"]},
            {"quote": "2025 بالرباط", "fields": ["dateline"]},
        ],
    )
    load()
    source = SourceDocument.objects.get(slug="test-article")
    assert (source.published_on, source.dateline) == (dt.date(2025, 9, 12), "الرباط")


# -- an editor's change survives a re-run ---------------------------------------------------


def loaded_before_sources_had_a_dateline(load) -> None:
    """A database whose last load predates the dateline and credits fields."""
    load()
    snapshot = SeedSnapshot.objects.get(
        content_type=ContentType.objects.get_for_model(SourceDocument),
        object_id=SourceDocument.objects.get(slug="test-article").pk,
    )
    for name in ("dateline", "credits"):
        snapshot.values.pop(name)
    snapshot.save()


def test_an_editors_metadata_is_kept_and_the_seeds_fill_the_rest(seed_folder, load):
    loaded_before_sources_had_a_dateline(load)
    SourceDocument.objects.filter(slug="test-article").update(publisher="مواطن")  # an editor
    with_source(
        seed_folder,
        publisher="Mowatine",
        url="https://mowatine.com/posts.php?id=1",
        dateline="الرباط",
        published_on="2025-09",
    )
    report = load()
    source = SourceDocument.objects.get(slug="test-article")
    assert source.publisher == "مواطن"  # the editor's
    assert source.url == "https://mowatine.com/posts.php?id=1"
    assert source.dateline == "الرباط"
    assert (source.published_on, source.published_on_precision) == (dt.date(2025, 9, 1), "month")
    assert [(c.kind, c.field) for c in report.conflicts] == [("source", "publisher")]
    # And again: nothing to change, the editor's value still kept.
    load()
    source.refresh_from_db()
    assert source.publisher == "مواطن"


def test_a_dateline_an_editor_filled_before_the_seeds_had_one_is_kept(seed_folder, load):
    loaded_before_sources_had_a_dateline(load)
    SourceDocument.objects.filter(slug="test-article").update(dateline="مراكش")
    with_source(seed_folder, dateline="الرباط")
    load()
    assert SourceDocument.objects.get(slug="test-article").dateline == "مراكش"
