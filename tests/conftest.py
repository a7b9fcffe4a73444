"""Shared fixtures: a small, valid seed folder that tests can break in one place."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

ARTICLE = (
    "وقعت وزارة الانتقال الرقمي وشركة ميسترال مذكرة تفاهم يوم الجمعة 12 شتنبر 2025 بالرباط.\n"
    "ووقع المذكرة كل من الوزيرة أمل الفلاح السغروشني وآرثر مينش.\n"
    "وتمتد المذكرة لمدة عامين.\n"
    "وجرى التوقيع بحضور السيد رياض مزور، وزير الصناعة والتجارة.\n"
)

MINIMAL_SEEDS: dict[str, list] = {
    "sources.yaml": [
        {
            "slug": "test-article",
            "file_name": "test_article.txt",
            "title": {"ar": "مقال", "fr": "Article", "en": "Article"},
            "language": "ar",
        }
    ],
    "themes.yaml": [
        {"slug": "ai", "name": {"ar": "الذكاء الاصطناعي", "fr": "IA", "en": "AI"}},
    ],
    "organizations.yaml": [
        {
            "slug": "ministry",
            "name": {"ar": "وزارة الانتقال الرقمي", "fr": "Ministère", "en": "Ministry"},
            "kind": "ministry",
            "country": "MA",
            "citations": [{"source": "test-article", "quote": "وزارة الانتقال الرقمي"}],
        },
        {
            "slug": "mistral",
            "name": {"ar": "ميسترال", "fr": "Mistral AI", "en": "Mistral AI"},
            "kind": "company",
            "country": "FR",
            "citations": [{"source": "test-article", "quote": "شركة ميسترال", "fields": ["kind"]}],
        },
        {
            "slug": "industry-ministry",
            "name": {
                "ar": "وزارة الصناعة والتجارة",
                "fr": "Ministère de l'Industrie",
                "en": "Ministry of Industry",
            },
            "kind": "ministry",
            "country": "MA",
            "citations": [{"source": "test-article", "quote": "وزير الصناعة والتجارة"}],
        },
    ],
    "people.yaml": [
        {
            "slug": "amal",
            "name": {
                "ar": "أمل الفلاح السغروشني",
                "fr": "Amal El Fallah Seghrouchni",
                "en": "Amal El Fallah Seghrouchni",
            },
            "citations": [{"source": "test-article", "quote": "الوزيرة أمل الفلاح السغروشني"}],
            "positions": [
                {
                    "slug": "amal-minister",
                    "title": {"ar": "الوزيرة", "fr": "Ministre", "en": "Minister"},
                    "organization": "ministry",
                    "citations": [
                        {"source": "test-article", "quote": "الوزيرة أمل الفلاح السغروشني"}
                    ],
                }
            ],
        },
        {
            "slug": "arthur",
            "name": {"ar": "آرثر مينش", "fr": "Arthur Mensch", "en": "Arthur Mensch"},
            "citations": [{"source": "test-article", "quote": "آرثر مينش"}],
        },
        {
            "slug": "ryad",
            "name": {"ar": "رياض مزور", "fr": "Ryad Mezzour", "en": "Ryad Mezzour"},
            "citations": [{"source": "test-article", "quote": "رياض مزور"}],
        },
    ],
    "initiatives.yaml": [],
    "events.yaml": [],
    "agreements.yaml": [
        {
            "slug": "mistral-mou",
            "title": {"ar": "مذكرة تفاهم", "fr": "Mémorandum", "en": "Memorandum"},
            "kind": "mou",
            "signed_on": "2025-09-12",
            "place": {"city": {"ar": "الرباط", "fr": "Rabat", "en": "Rabat"}, "country": "MA"},
            "duration_months": 24,
            "themes": ["ai"],
            "parties": ["ministry", "mistral"],
            "signatories": [
                {
                    "person": "amal",
                    "organization": "ministry",
                    "title": {"ar": "الوزيرة"},
                    "position": "amal-minister",
                },
                {"person": "arthur", "organization": "mistral"},
            ],
            "attendees": [
                {
                    "person": "ryad",
                    "organization": "industry-ministry",
                    "title": {"ar": "وزير الصناعة والتجارة"},
                },
            ],
            "citations": [
                {
                    "source": "test-article",
                    "quote": "يوم الجمعة 12 شتنبر 2025 بالرباط",
                    "fields": ["signed_on", "place"],
                },
                {
                    "source": "test-article",
                    "quote": "وتمتد المذكرة لمدة عامين",
                    "fields": ["duration_months"],
                },
            ],
        }
    ],
}


class SeedFolder:
    """A temporary seed folder built from MINIMAL_SEEDS, editable file by file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = copy.deepcopy(MINIMAL_SEEDS)
        (root / "articles").mkdir(parents=True, exist_ok=True)
        (root / "articles" / "test_article.txt").write_text(ARTICLE, encoding="utf-8")
        self.write()

    def write(self) -> Path:
        for name, records in self.data.items():
            (self.root / name).write_text(
                yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
        return self.root


@pytest.fixture
def seed_folder(tmp_path: Path) -> SeedFolder:
    return SeedFolder(tmp_path / "seeds")


@pytest.fixture
def load(seed_folder: SeedFolder) -> Callable:
    from seeding.loader import load_seeds

    def run():
        return load_seeds(seeds_dir=seed_folder.write())

    return run


@pytest.fixture(scope="module")
def seeded_module(django_db_setup, django_db_blocker):
    """The real seed data, loaded once per test module and rolled back after it."""
    from django.conf import settings
    from django.db import transaction

    from seeding.loader import load_seeds

    with django_db_blocker.unblock(), transaction.atomic():
        load_seeds(seeds_dir=settings.SEEDS_DIR)
        yield
        transaction.set_rollback(True)
