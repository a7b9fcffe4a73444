"""Time the public site's pages on a large synthetic dataset (the API's benchmark covers /api/).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_site \\
        .venv/bin/python bench/site_pages.py --agreements 100000

Creates the database's tables if needed, loads the seed data, adds synthetic published
agreements (with two or three parties each, a signatory, themes and a search document)
until there are --agreements of them, then renders each page in-process with Django's
test client, in the three languages, and prints the median and worst time and the SQL
query count of each. Run it on PostgreSQL: SQLite is the development fallback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

WORDS_AR = [
    "مذكرة",
    "تفاهم",
    "اتفاقية",
    "شراكة",
    "تعاون",
    "رقمي",
    "ذكاء",
    "اصطناعي",
    "بيانات",
    "تكوين",
    "شركات",
    "ناشئة",
    "حكومة",
    "إلكترونية",
]
WORDS_FR = [
    "mémorandum",
    "accord",
    "partenariat",
    "coopération",
    "numérique",
    "intelligence",
    "données",
    "formation",
    "startups",
    "administration",
]
WORDS_EN = [
    "memorandum",
    "agreement",
    "partnership",
    "cooperation",
    "digital",
    "intelligence",
    "data",
    "training",
    "startups",
    "government",
]

PAGES = [
    "/",
    "/agreements/",
    "/agreements/?page=50",
    "/agreements/?kind=mou&year=2024",
    "/agreements/?partner=synthetic-org-7",
    "/agreements/?country=FR&ordering=title",
    "/agreements/?q=مذكرات",
    "/agreements/?q=علم",
    "/agreements/?q=partenariat+numérique",
    "/agreements/?q=artificial+intelligence",
    "/agreements/ministry-elm-digital-development-agency-mou-2025/",
    "/agreements/synthetic-50000/",
    "/partners/",
    "/partners/elm/",
    "/dates/",
    "/dates/2024/",
    "/dates/2024/06/",
    "/dates/due-for-renewal/",
    "/feeds/agreements/",
]


def setup_django() -> None:
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False


def grow(target: int) -> None:
    from django.db import transaction

    from agreements.models import Agreement, AgreementParty, Signatory, Theme
    from core.search import normalize_arabic
    from partners.models import Organization, Person

    existing = Agreement.objects.count()
    if existing >= target:
        print(f"{existing} agreements already: nothing to add")
        return
    rng = random.Random(5)
    countries = ["MA", "FR", "SA", "QA", "US", "CM", "DE", "JP", "KR", "AE", ""]
    organizations = list(Organization.objects.filter(slug__startswith="synthetic-org-"))
    if not organizations:
        organizations = Organization.objects.bulk_create(
            Organization(
                slug=f"synthetic-org-{n}",
                name=f"منظمة {n}",
                name_ar=f"منظمة {n}",
                name_fr=f"Organisation {n}",
                name_en=f"Organization {n}",
                kind=rng.choice(["company", "public_agency", "ministry", "association"]),
                country=rng.choice(countries),
                status="published",
            )
            for n in range(1000)
        )
    people = list(Person.objects.filter(slug__startswith="synthetic-person-"))
    if not people:
        people = Person.objects.bulk_create(
            Person(
                slug=f"synthetic-person-{n}",
                name=f"شخص {n}",
                name_ar=f"شخص {n}",
                name_fr=f"Personne {n}",
                status="published",
            )
            for n in range(2000)
        )
    ministry = Organization.objects.get(slug="ministry-digital-transition")
    themes = list(Theme.objects.all())
    batch = 5000
    started = time.perf_counter()
    for start in range(existing, target, batch):
        with transaction.atomic():
            rows = []
            for n in range(start, min(start + batch, target)):
                precision = rng.choice(["day", "day", "month", "year", "unknown"])
                signed = dt.date(rng.randint(2010, 2026), rng.randint(1, 12), rng.randint(1, 28))
                if precision == "month":
                    signed = signed.replace(day=1)
                elif precision == "year":
                    signed = signed.replace(month=1, day=1)
                elif precision == "unknown":
                    signed = None
                title_ar = " ".join(rng.sample(WORDS_AR, 5)) + f" {n}"
                title_fr = " ".join(rng.sample(WORDS_FR, 5)) + f" {n}"
                title_en = " ".join(rng.sample(WORDS_EN, 5)) + f" {n}"
                rows.append(
                    Agreement(
                        slug=f"synthetic-{n}",
                        title=title_ar,
                        title_ar=title_ar,
                        title_fr=title_fr,
                        title_en=title_en,
                        kind=rng.choice(["mou", "mou", "protocol", "agreement", "other"]),
                        status="published",
                        signed_on=signed,
                        signed_on_precision=precision,
                        duration_months=rng.choice([None, 12, 24, 36]),
                        search_document=normalize_arabic(f"{title_ar} {title_fr} {title_en}"),
                    )
                )
            created = Agreement.objects.bulk_create(rows)
            parties, signatories, links = [], [], []
            through = Agreement.themes.through
            for agreement in created:
                partners = rng.sample(organizations, rng.randint(1, 2))
                parties.append(AgreementParty(agreement=agreement, organization=ministry))
                parties += [AgreementParty(agreement=agreement, organization=o) for o in partners]
                signatories.append(
                    Signatory(agreement=agreement, person=rng.choice(people), organization=ministry)
                )
                links.append(through(agreement=agreement, theme=rng.choice(themes)))
            AgreementParty.objects.bulk_create(parties)
            Signatory.objects.bulk_create(signatories)
            through.objects.bulk_create(links)
        print(f"  {min(start + batch, target)} agreements ({time.perf_counter() - started:.0f}s)")


def measure(repeat: int) -> None:
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    print(f"{'page':62} {'median':>8} {'worst':>8} {'queries':>8}")
    for path in PAGES:
        for language in ("ar", "fr", "en"):
            url = f"/{language}{path}"
            client.get(url)  # warm caches (content types, templates)
            timings = []
            for _ in range(repeat):
                reset_queries()
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append(time.perf_counter() - started)
                assert response.status_code == 200, (url, response.status_code)
            print(
                f"{url:62} {statistics.median(timings) * 1000:7.0f}ms "
                f"{max(timings) * 1000:7.0f}ms {len(queries.captured_queries):8d}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agreements", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        print("warning: not PostgreSQL; the figures say little about production", file=sys.stderr)
    from agreements.models import Agreement

    call_command("migrate", verbosity=0)
    if not Agreement.objects.filter(slug="ministry-mistral-ai-mou-2025").exists():
        call_command("load_seeds", verbosity=0)
    grow(options.agreements)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
    measure(options.repeat)


if __name__ == "__main__":
    main()
