"""Latency and throughput of /api/v1/agreements/ against a bare baseline and a typical DRF app.

    createdb -h 127.0.0.1 -U postgres bench_api
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_api \\
        .venv/bin/python bench/api.py --agreements 10000 --seconds 10

1. migrates the database, loads the seed data and runs `manage.py synthesize` until it
   holds --agreements agreements (later runs reuse them; grow with a larger number);
2. starts gunicorn on 127.0.0.1 with the production settings (DEBUG off, 2 workers, one
   per core), plus /bench/baseline/agreements/ (the floor: bare `.values()`, counting on
   every request) and /bench/drf/agreements/ (the usual cost: a nested ModelSerializer
   over prefetch_related, counting on every request), see bench/api_urls.py;
3. for each scenario (a page of 50: no filter, filters, a partner, `q`), sends requests
   from --clients threads over loopback for --seconds to the API (its count cached after
   the first request, as in production), then (step 4) to the API counting every time,
   then to the baseline and to the DRF app with the same filters;
4. loads, within the same scenario, a second gunicorn (next port) whose counts are never
   cached (BENCH_UNCACHED_COUNTS, bench/api_settings.py): every request is then the first
   for its filters;
5. prints p50/p95 latency and requests per second of each, the API's throughput over the
   baseline's and the DRF app's, and the first request's p50 over the repeated one's;
   stops gunicorn. Nothing leaves this machine; every loop is bounded in time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
HOST = "127.0.0.1"


def manage(*args: str, env: dict) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True,
        text=True,
    )  # fmt: skip
    return result.stdout


def prepare(count: int, env: dict) -> None:
    manage("migrate", "--noinput", env=env)
    manage("load_seeds", env=env)
    have = int(
        manage(
            "shell", "-c",
            "from agreements.models import Agreement; print(Agreement.objects.count())",
            env=env,
        ).strip().splitlines()[-1]
    )  # fmt: skip
    if have < count:
        print(f"synthesizing {count - have} agreements (have {have})...", flush=True)
        began = time.monotonic()
        manage("synthesize", "--agreements", str(count - have), env=env)
        print(f"  done in {time.monotonic() - began:.0f} s", flush=True)
    manage("shell", "-c", "from django.db import connection; connection.cursor().execute('ANALYZE')",
           env=env)  # fmt: skip


def sample_partner(env: dict) -> str:
    """A synthetic organization party to a few hundred agreements at most."""
    return manage(
        "shell", "-c",
        "from partners.models import Organization\n"
        "from django.db.models import Count\n"
        "o = (Organization.objects.filter(slug__startswith='syn-')"
        ".annotate(n=Count('agreement_parties')).order_by('-n').first())\n"
        "print(o.slug)",
        env=env,
    ).strip().splitlines()[-1]  # fmt: skip


def start_server(port: int, env: dict, workers: int, *, cached_counts: bool = True):
    server_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "bench.api_settings",
        "SECRET_KEY": env.get("SECRET_KEY", "bench-only-not-secret-" * 3),
        "DEBUG": "false",
        # Plain HTTP over loopback: no redirect to HTTPS.
        "HTTPS": "false",
    }
    if not cached_counts:
        server_env["BENCH_UNCACHED_COUNTS"] = "1"
    log = open(ROOT / "var" / f"bench-api-gunicorn-{port}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [
            PYTHON, "-m", "gunicorn", "config.wsgi:application", "--bind", f"{HOST}:{port}",
            "--workers", str(workers), "--access-logfile", "-", "--log-level", "warning",
            "--env", "DJANGO_SETTINGS_MODULE=bench.api_settings",
        ],
        cwd=ROOT, env=server_env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            get(port, "/api/v1/agreements/?page_size=1")
            return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit(f"gunicorn did not answer within 30 s: see var/bench-api-gunicorn-{port}.log")


def get(port: int, path: str, connection: http.client.HTTPConnection | None = None) -> int:
    own = connection is None
    connection = connection or http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", path, headers={"Accept-Language": "ar"})
    response = connection.getresponse()
    response.read()
    if own:
        connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}")
    return response.status


def load(port: int, path: str, clients: int, seconds: float) -> dict:
    """Closed loop: each client sends the next request when the last one is answered."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        mine = []
        # At least one answer (or error) each, however slow.
        while time.monotonic() < stop_at or not (mine or errors):
            began = time.perf_counter()
            try:
                get(port, path, connection)
            except (OSError, RuntimeError, http.client.HTTPException) as error:
                errors.append(str(error))
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
                continue
            mine.append(time.perf_counter() - began)
        connection.close()
        with lock:
            latencies.extend(mine)

    for _warm in range(3):
        get(port, path)
    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    if errors:
        raise RuntimeError(f"{path}: {len(errors)} failed requests, e.g. {errors[0]}")
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(latencies),
        "p50_ms": quantiles[49] * 1000,
        "p95_ms": quantiles[94] * 1000,
        "rps": len(latencies) / elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--agreements", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="per scenario and side")
    parser.add_argument("--clients", type=int, default=2, help="concurrent client threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--json", type=Path, help="also write the results here")
    options = parser.parse_args()

    env = dict(os.environ)
    if not env.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database of its own (bench_api).")
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    (ROOT / "var").mkdir(exist_ok=True)
    prepare(options.agreements, env)
    partner = sample_partner(env)
    print(f"partner: {partner}", flush=True)
    scenarios = {
        "no filter": {},
        "kind + year + country": {"kind": "mou", "year": "2024", "country": "MA"},
        "partner": {"partner": partner},
        "q (one word, ~1 in 10 rows)": {"q": "السيبراني"},
        "q (two words)": {"q": "مذكرة السحابية"},
    }
    paths = {
        "api": "/api/v1/agreements/",
        "baseline": "/bench/baseline/agreements/",
        "drf": "/bench/drf/agreements/",
    }
    results = {name: {"scenario": name, "query": urllib.parse.urlencode(params)}
               for name, params in scenarios.items()}  # fmt: skip
    # Two servers, loaded one at a time, so that every side of a scenario is measured
    # within the same minute: the second never keeps a count (every request is the first
    # for its filters).
    servers = {
        "api": start_server(options.port, env, options.workers),
        "api_first": start_server(options.port + 1, env, options.workers, cached_counts=False),
    }
    sides = {
        "api": (options.port, paths["api"]),
        "api_first": (options.port + 1, paths["api"]),
        "baseline": (options.port, paths["baseline"]),
        "drf": (options.port, paths["drf"]),
    }
    try:
        for name, row in results.items():
            for side, (port, address) in sides.items():
                row[side] = load(port, f"{address}?{row['query']}", options.clients,
                                 options.seconds)  # fmt: skip
                print(f"{name:30} {side:9} p50 {row[side]['p50_ms']:7.1f} ms  "
                      f"p95 {row[side]['p95_ms']:7.1f} ms  {row[side]['rps']:6.1f} req/s",
                      flush=True)  # fmt: skip
    finally:
        for server in servers.values():
            server.terminate()
        for server in servers.values():
            server.wait(timeout=30)
    print("\nscenario                        API/baseline req/s  API/DRF req/s  first/repeated p50")
    for name, row in results.items():
        row["api_over_baseline_rps"] = row["api"]["rps"] / row["baseline"]["rps"]
        row["api_over_drf_rps"] = row["api"]["rps"] / row["drf"]["rps"]
        row["first_over_repeated_p50"] = row["api_first"]["p50_ms"] / row["api"]["p50_ms"]
        print(f"{name:30} {row['api_over_baseline_rps']:12.2f}x {row['api_over_drf_rps']:12.2f}x "
              f"{row['first_over_repeated_p50']:14.2f}x")  # fmt: skip
    results = list(results.values())
    if options.json:
        options.json.write_text(json.dumps(
            {"agreements": options.agreements, "clients": options.clients,
             "workers": options.workers, "seconds": options.seconds, "results": results},
            indent=2, ensure_ascii=False,
        ))  # fmt: skip


if __name__ == "__main__":
    main()
