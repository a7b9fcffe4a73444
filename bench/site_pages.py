"""Time the public site's pages on a large synthetic dataset, beside the API's list.

    createdb -h 127.0.0.1 -U postgres -T bench_100k bench_site   # made by `synthesize`
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_site \\
        .venv/bin/python bench/site_pages.py --agreements 100000 --repeat 7

Creates the database's tables if needed, loads the seed data, adds synthetic published
agreements (with two or three parties each, a signatory, themes and a search document)
until there are --agreements of them (a database made by `manage.py synthesize` already
has them), then renders each page in-process with Django's test client and prints the
median and worst time and the SQL query count of each.

Each agreements list page is measured beside the API's list for the same query and the
same 20 rows (`/api/v1/agreements/?<query>&page_size=20`, throttling off), requests
alternating so that both see the same machine: the `ratio` column is the page's median
over the API's. The partner index and the date pages show their median over the
agreement page's. Run it on PostgreSQL: SQLite is the development fallback.
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

# A script, not a module of the project: Django is set up before the project is imported.
import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from agreements.models import Agreement, AgreementParty, Signatory, Theme  # noqa: E402
from core.search import index_text  # noqa: E402
from partners.models import Organization, Person  # noqa: E402

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

# {partner}, {agreement}: a busy synthetic partner and a synthetic agreement, found in the
# database (`synthesize` and grow() name them differently).
LIST_QUERIES = [
    "",
    "page=50",
    "kind=mou&year=2024",
    "partner={partner}",
    "country=FR&ordering=title",
    "q=مذكرات",
    "q=علم",
    "q=partenariat+numérique",
    "q=artificial+intelligence",
]
PAGES = [
    "/",
    "/agreements/ministry-elm-digital-development-agency-mou-2025/",
    "/agreements/{agreement}/",
    "/partners/",
    "/partners/elm/",
    "/dates/",
    "/dates/2024/",
    "/dates/2024/06/",
    "/dates/due-for-renewal/",
    "/feeds/agreements/",
]
# Pages held to at most three times the agreement page's median (issue 9).
AGAINST_AGREEMENT = ("/partners/", "/dates/", "/dates/due-for-renewal/")


def configure_for_benchmark() -> None:
    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    # Hundreds of API requests a minute from one address: no throttling here.
    settings.API_THROTTLE_RATES = {"anon": None, "user": None}


def grow(target: int) -> None:
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
                        search_document=index_text((title_ar, title_fr, title_en)),
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


def samples() -> dict[str, str]:
    """A partner with many agreements and an agreement, among the synthetic ones."""
    synthetic = ("syn-", "synthetic-")
    partner = (
        Organization.objects.published()
        .filter(slug__regex=r"^(syn-|synthetic-)")
        .annotate(total=Count("agreement_parties"))
        .order_by("-total", "slug")
        .values_list("slug", flat=True)
        .first()
    )
    agreement = (
        Agreement.objects.published()
        .filter(slug__startswith=synthetic[0])
        .order_by("pk")
        .values_list("slug", flat=True)[5000:5001]
        .first()
    ) or Agreement.objects.published().order_by("-pk").values_list("slug", flat=True).first()
    return {"partner": partner or "elm", "agreement": agreement}


def timed(client, url: str) -> tuple[float, int, int]:
    """Seconds, queries and bytes of one request."""
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries.captured_queries), len(response.content)


def measure(repeat: int, languages: list[str], only: str = "all") -> None:
    client = Client()
    names = samples()
    header = f"{'page':64} {'median':>8} {'worst':>8} {'queries':>7} {'KB':>6} {'ratio':>7}"
    print(f"samples: {names}")
    print(header)

    def row(url, timings, queries, size, ratio=""):
        print(
            f"{url:64} {statistics.median(timings) * 1000:6.0f}ms "
            f"{max(timings) * 1000:6.0f}ms {queries:7d} {size / 1024:6.0f} {ratio:>7}"
        )

    for language in languages:
        for query in LIST_QUERIES if only != "pages" else []:
            query = query.format(**names)
            page = f"/{language}/agreements/" + (f"?{query}" if query else "")
            api = "/api/v1/agreements/?" + "&".join(
                part for part in (query, "page_size=20", f"lang={language}") if part
            )
            for url in (page, api):  # warm: templates, content types, the count cache
                client.get(url)
            runs: dict[str, list] = {page: [], api: []}
            for _ in range(repeat):
                for url in (page, api):  # alternate, so that both see the same machine
                    runs[url].append(timed(client, url))
            medians = {url: statistics.median(r[0] for r in runs[url]) for url in runs}
            for url in (page, api):
                timings = [r[0] for r in runs[url]]
                ratio = f"x{medians[page] / medians[api]:.2f}" if url == page else ""
                row(url, timings, runs[url][-1][1], runs[url][-1][2], ratio)
        reference = None
        for path in PAGES if only != "list" else []:
            url = f"/{language}{path.format(**names)}"
            client.get(url)
            runs_ = [timed(client, url) for _ in range(repeat)]
            timings = [r[0] for r in runs_]
            median = statistics.median(timings)
            if path == "/agreements/{agreement}/":
                reference = median
            ratio = f"x{median / reference:.2f}" if path in AGAINST_AGREEMENT and reference else ""
            row(url, timings, runs_[-1][1], runs_[-1][2], ratio)
            if path in AGAINST_AGREEMENT:
                # The first visit after a write: nothing shared is cached yet.
                cold = []
                for _ in range(repeat):
                    cache.clear()
                    cold.append(timed(client, url))
                timings = [r[0] for r in cold]
                ratio = f"x{statistics.median(timings) / reference:.2f}" if reference else ""
                row(f"{url} (first visit)", timings, cold[-1][1], cold[-1][2], ratio)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agreements", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-analyze", dest="analyze", action="store_false")
    parser.add_argument("--languages", default="fr", help="comma-separated: ar,fr,en")
    parser.add_argument(
        "--only", choices=("all", "list", "pages"), default="all",
        help="the list beside the API, the other pages, or both",
    )  # fmt: skip
    options = parser.parse_args()
    configure_for_benchmark()
    if connection.vendor != "postgresql":
        print("warning: not PostgreSQL; the figures say little about production", file=sys.stderr)
    call_command("migrate", verbosity=0)
    if not Agreement.objects.filter(slug="ministry-mistral-ai-mou-2025").exists():
        call_command("load_seeds", verbosity=0)
    grow(options.agreements)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and options.analyze:
            cursor.execute("ANALYZE")
    measure(options.repeat, options.languages.split(","), options.only)


if __name__ == "__main__":
    main()
