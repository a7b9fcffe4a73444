"""Search latency on the list page and the API, beside the unfiltered list, at scale.

    createdb -h 127.0.0.1 -U postgres -T bench_100k bench_search   # made by `synthesize`
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search \\
        .venv/bin/python bench/search.py --repeat 40

For each query (plurals, the article, kind words, a resource word alone, names, an alias,
digits, two words, typos that are corrected and a query that finds nothing), requests the
list page (`/fr/agreements/?q=…`) and the API (`/api/v1/agreements/?q=…&page_size=20`)
in-process with Django's test client, alternately, `--repeat` times each after one
warm-up request, and prints p50 and p95 in milliseconds, the SQL queries of one request,
how many agreements matched and the query searched when it was corrected. The baseline is
the same list without `q`, measured the same way in the same run: the ratio columns are a
search's p95 over the baseline's.

Then the first request for each query after a write (the shared cache cleared before
each, so the count is computed again): its p50 and p95 over `--repeat // 4` requests.
Run it on PostgreSQL: SQLite is the development fallback.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

# A script, not a module of the project: Django is set up before the project is imported.
import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from agreements.models import Agreement  # noqa: E402

QUERIES = [
    "",  # the baseline: no search
    "مذكرات",
    "المذكرات التفاهم",
    "اتفاقية",
    "الاتفاقيات الشراكة",
    "بروتوكول",
    "mémorandum",
    "protocole d'accord",
    "partenariat numérique",
    "artificial intelligence",
    "intelligence artificielle données",
    "ميسترال",
    "Seghrouchni",
    "٢٠٢٤",
    "AI",
    "memorandom",
    "Mistrla",
    "intelligance artificiele",
    "qqzzxx",
]


def configure_for_benchmark() -> None:
    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    settings.API_THROTTLE_RATES = {"anon": None, "user": None}


def timed(client: Client, url: str) -> tuple[float, int, dict | None]:
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    body = response.json() if url.startswith("/api/") else None
    return elapsed, len(queries.captured_queries), body


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))
    return ordered[index]


def urls(query: str) -> tuple[str, str]:
    encoded = urllib.parse.urlencode({"q": query}) if query else ""
    page = "/fr/agreements/" + (f"?{encoded}" if encoded else "")
    api = "/api/v1/agreements/?" + "&".join(p for p in (encoded, "page_size=20", "lang=fr") if p)
    return page, api


def measure(repeat: int) -> None:
    client = Client()
    print(f"{Agreement.objects.published().count()} published agreements, {connection.vendor}")
    header = (
        f"{'q':34} {'matched':>8} {'page p50':>9} {'p95':>7} {'×base':>6} "
        f"{'API p50':>8} {'p95':>7} {'×base':>6} {'SQL':>4}  corrected"
    )
    print(header)
    baseline: dict[str, float] = {}
    for query in QUERIES:
        page, api = urls(query)
        for url in (page, api):
            client.get(url)
        runs: dict[str, list] = {page: [], api: []}
        for _ in range(repeat):
            for url in (page, api):  # alternate, so that both see the same machine
                runs[url].append(timed(client, url))
        p95 = {url: percentile([r[0] for r in runs[url]], 0.95) for url in runs}
        if not query:
            baseline = {"page": p95[page], "api": p95[api]}
        body = runs[api][-1][2]
        cells = []
        for kind, url in (("page", page), ("api", api)):
            timings = [r[0] for r in runs[url]]
            cells.append(
                f"{statistics.median(timings) * 1000:7.1f}ms {p95[url] * 1000:5.1f}ms "
                f"{p95[url] / baseline[kind]:5.2f}x"
            )
        print(
            f"{query or '(no q: baseline)':34} {body['count']:8d} {cells[0]:>25} {cells[1]:>24} "
            f"{runs[api][-1][1]:4d}  {body.get('corrected_query') or ''}"
        )
    print("\nfirst request after a write (shared cache cleared before each):")
    for query in QUERIES:
        page, api = urls(query)
        cold: dict[str, list[float]] = {page: [], api: []}
        for _ in range(max(3, repeat // 4)):
            for url in (page, api):
                cache.clear()
                cold[url].append(timed(client, url)[0])
        print(
            f"{query or '(no q: baseline)':34} page p50 {statistics.median(cold[page]) * 1000:7.1f}ms "
            f"p95 {percentile(cold[page], 0.95) * 1000:7.1f}ms   API p50 "
            f"{statistics.median(cold[api]) * 1000:7.1f}ms p95 {percentile(cold[api], 0.95) * 1000:7.1f}ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    configure_for_benchmark()
    measure(args.repeat)


if __name__ == "__main__":
    main()
