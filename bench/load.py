"""50 concurrent clients for 60 s over a mix of public pages and API calls, through the
production stack at 100,000 agreements; and the memory of a worker.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_processes \\
        .venv/bin/python bench/load.py --json var/bench-load.json

For each variant (`--variants`, by default `default,off`):

1. starts the production stack: `gunicorn -c config/gunicorn.py` (the production settings,
   `--workers` sync workers), the database of `bench/processes.py` (a copy of the
   100,000-agreement `bench_100k`, migrated and ANALYZEd) and Redis db 5 as the shared
   cache;
   - `default`: the anonymous API throttle at its production default (120/minute) and no
     trusted proxy: every client is 127.0.0.1, so most API calls are 429, which must all
     carry Retry-After;
   - `off`: API_ANON_THROTTLE_RATE=off, to measure what the stack serves;
   - `spread`: the production throttle behind one trusted proxy (TRUSTED_PROXY_COUNT=1),
     each request from one of `--addresses` client addresses in X-Forwarded-For;
2. warms up with `--warmup` requests per worker from 4 clients over the same mix, then
   reads each worker's resident memory (VmRSS, VmHWM in /proc/<pid>/status);
3. runs `--clients` client threads in a closed loop for `--seconds`, each request a new
   connection (gunicorn's sync workers close it after every answer), drawn from the mix;
4. prints, per kind of URL and overall: requests, statuses, errors (5xx, connection
   errors, timeouts: must be 0), 429s without Retry-After (must be 0), p50/p95/p99 and
   req/s; then the workers' memory again; stops the stack.

Exits 1 if any variant had an error or a 429 without Retry-After. Only 127.0.0.1; every
loop is bounded in time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import secrets
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from processes import (
    HOST,
    PUBLIC_HOST,
    ROOT,
    analyze,
    delete_prefix,
    ensure_database,
    manage,
    production_env,
    start_instance,
)

# kind of URL -> weight in the mix (about half pages, half API calls)
MIX = {
    "home": 6,
    "list": 6,
    "list_q": 4,
    "agreement": 10,
    "partner": 5,
    "source": 4,
    "dates": 3,
    "api_list": 10,
    "api_filtered": 8,
    "api_detail": 12,
    "api_csv": 4,
}
QUERIES = {
    "fr": ["partenariat", "numérique", "intelligence artificielle", "données"],
    "ar": ["علم", "الرقمية", "شراكة"],
}


def psql_column(env: dict[str, str], sql: str) -> list[str]:
    parsed = urllib.parse.urlparse(env["DATABASE_URL"])
    args = ["psql", "-h", parsed.hostname or HOST, "-p", str(parsed.port or 5432)]
    args += ["-U", parsed.username or "postgres", "-d", parsed.path.lstrip("/"), "-Atc", sql]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)
    return [line for line in done.stdout.splitlines() if line]


def samples(env: dict[str, str]) -> dict[str, list[str]]:
    """Slugs to draw from: published agreements, partners in agreements, sources."""
    return {
        "agreements": psql_column(
            env,
            "SELECT slug FROM agreements_agreement WHERE status = 'published' "
            "ORDER BY md5(slug) LIMIT 500",
        ),
        "partners": psql_column(
            env,
            "SELECT o.slug FROM partners_organization o WHERE EXISTS (SELECT 1 FROM "
            "agreements_agreementparty p WHERE p.organization_id = o.id) "
            "ORDER BY md5(o.slug) LIMIT 200",
        ),
        "sources": psql_column(
            env, "SELECT slug FROM agreements_sourcedocument ORDER BY md5(slug) LIMIT 200"
        ),
    }


def quote(text: str) -> str:
    return urllib.parse.quote_plus(text)


def draw(rng: random.Random, slugs: dict[str, list[str]]) -> tuple[str, str]:
    """(kind, path) at random from the mix."""
    kind = rng.choices(list(MIX), weights=list(MIX.values()))[0]
    language = rng.choice(("ar", "fr"))
    page = rng.randint(1, 20)
    if kind == "home":
        return kind, f"/{language}/"
    if kind == "list":
        return kind, f"/{language}/agreements/" + (f"?page={page}" if page > 1 else "")
    if kind == "list_q":
        return kind, f"/{language}/agreements/?q={quote(rng.choice(QUERIES[language]))}"
    if kind == "agreement":
        return kind, f"/{language}/agreements/{rng.choice(slugs['agreements'])}/"
    if kind == "partner":
        return kind, f"/{language}/partners/{rng.choice(slugs['partners'])}/"
    if kind == "source":
        return kind, f"/{language}/sources/{rng.choice(slugs['sources'])}/"
    if kind == "dates":
        return kind, f"/{language}/dates/"
    if kind == "api_list":
        return kind, f"/api/v1/agreements/?page={page}&lang={language}"
    if kind == "api_filtered":
        return kind, rng.choice(
            [
                f"/api/v1/agreements/?kind=mou&year={rng.randint(2015, 2025)}",
                f"/api/v1/agreements/?partner={rng.choice(slugs['partners'])}",
                f"/api/v1/agreements/?q={quote(rng.choice(QUERIES['fr']))}",
                f"/api/v1/agreements/?country=FR&ordering=title&page={page}",
            ]
        )
    if kind == "api_detail":
        return kind, f"/api/v1/agreements/{rng.choice(slugs['agreements'])}/?lang={language}"
    return kind, f"/api/v1/agreements/?format=csv&page={page}"


class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.rows: list[tuple[str, int, float, bool]] = []  # kind, status, ms, retry-after
        self.errors: list[str] = []

    def add(self, kind: str, status: int, ms: float, retry_after: bool) -> None:
        with self.lock:
            self.rows.append((kind, status, ms, retry_after))

    def error(self, kind: str, message: str) -> None:
        with self.lock:
            self.rows.append((kind, 0, 0.0, False))
            if len(self.errors) < 20:
                self.errors.append(f"{kind}: {message}")


def fetch(port: int, path: str, address: str | None) -> tuple[int, bool, int]:
    headers = {"Host": PUBLIC_HOST, "Accept-Encoding": "gzip"}
    if address:
        headers["X-Forwarded-For"] = address
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        retry_after = bool(response.getheader("Retry-After"))
        return response.status, retry_after, len(body)
    finally:
        connection.close()


def closed_loop(
    port: int,
    clients: int,
    seconds: float,
    slugs: dict[str, list[str]],
    *,
    addresses: int = 0,
    max_requests: int | None = None,
    seed: int = 1,
) -> tuple[Results, float]:
    """`clients` threads, each sending its next request when the last one is answered,
    until `seconds` pass (or `max_requests` in all are sent)."""
    results = Results()
    deadline = time.monotonic() + seconds
    sent = [0]
    count_lock = threading.Lock()

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        while time.monotonic() < deadline:
            if max_requests is not None:
                with count_lock:
                    if sent[0] >= max_requests:
                        return
                    sent[0] += 1
            kind, path = draw(rng, slugs)
            address = None
            if addresses:
                n = rng.randrange(addresses)
                address = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256 + 1}"
            began = time.perf_counter()
            try:
                status, retry_after, _ = fetch(port, path, address)
            except (OSError, http.client.HTTPException) as error:
                results.error(kind, f"{path}: {type(error).__name__}: {error}")
                continue
            results.add(kind, status, (time.perf_counter() - began) * 1000, retry_after)
            if status >= 500 and len(results.errors) < 20:
                with results.lock:
                    results.errors.append(f"{kind}: {path}: {status}")

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    return results, time.monotonic() - began


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summarize(results: Results, elapsed: float) -> list[dict]:
    kinds = [*MIX, "all pages", "all API", "all"]
    summary = []
    for kind in kinds:
        if kind == "all":
            rows = results.rows
        elif kind == "all pages":
            rows = [r for r in results.rows if not r[0].startswith("api")]
        elif kind == "all API":
            rows = [r for r in results.rows if r[0].startswith("api")]
        else:
            rows = [r for r in results.rows if r[0] == kind]
        served = [ms for _, status, ms, _ in rows if 200 <= status < 400]
        summary.append(
            {
                "kind": kind,
                "requests": len(rows),
                "ok": len(served),
                "429": sum(status == 429 for _, status, _, _ in rows),
                "429_without_retry_after": sum(
                    status == 429 and not retry for _, status, _, retry in rows
                ),
                "other_4xx": sum(400 <= status < 500 and status != 429 for _, status, _, _ in rows),
                "5xx": sum(status >= 500 for _, status, _, _ in rows),
                "connection_errors": sum(status == 0 for _, status, _, _ in rows),
                # Latency of the answers served (2xx/3xx): a 429 costs next to nothing.
                "p50_ms": percentile(served, 0.50),
                "p95_ms": percentile(served, 0.95),
                "p99_ms": percentile(served, 0.99),
                "max_ms": max(served, default=float("nan")),
                "ok_per_s": len(served) / elapsed,
                "req_per_s": len(rows) / elapsed,
            }
        )
    return summary


def print_summary(summary: list[dict]) -> None:
    header = ["kind", "requests", "2xx/3xx", "429", "429 no R-A", "other 4xx", "5xx",
              "conn err", "p50 ms", "p95 ms", "p99 ms", "max ms", "served/s", "req/s"]  # fmt: skip
    rows = [
        [s["kind"], s["requests"], s["ok"], s["429"], s["429_without_retry_after"],
         s["other_4xx"], s["5xx"], s["connection_errors"], f"{s['p50_ms']:.0f}",
         f"{s['p95_ms']:.0f}", f"{s['p99_ms']:.0f}", f"{s['max_ms']:.0f}",
         f"{s['ok_per_s']:.1f}", f"{s['req_per_s']:.1f}"]
        for s in summary
    ]  # fmt: skip
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("| " + " | ".join("-" * w for w in widths) + " |")
    for row in rows:
        print("| " + " | ".join(str(c).rjust(w) for c, w in zip(row, widths, strict=True)) + " |")


def memory(pids: list[int]) -> dict[int, dict[str, float]]:
    """Resident memory of each process, in MB."""
    found = {}
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        found[pid] = {
            name: int(fields[name].split()[0]) / 1024
            for name in ("VmRSS", "VmHWM")
            if name in fields
        }
    return found


def show_memory(label: str, master: int, workers: list[int]) -> dict:
    figures = memory([master, *workers])
    parts = [
        f"{'master' if pid == master else 'worker'} {pid}: RSS {m['VmRSS']:.0f} MB "
        f"(peak {m['VmHWM']:.0f})"
        for pid, m in figures.items()
    ]
    print(f"memory {label}: " + "; ".join(parts))
    return {str(pid): m for pid, m in figures.items()}


VARIANTS = {
    # name: (API_ANON_THROTTLE_RATE or None for the default, TRUSTED_PROXY_COUNT, addresses)
    "default": (None, "0", 0),
    "off": ("off", "0", 0),
    "spread": (None, "1", 5000),
}


def run_variant(name: str, args: argparse.Namespace, env: dict[str, str], slugs) -> dict:
    rate, proxies, addresses = VARIANTS[name]
    variant_env = {**env, "TRUSTED_PROXY_COUNT": proxies}
    variant_env.pop("API_ANON_THROTTLE_RATE", None)
    if rate:
        variant_env["API_ANON_THROTTLE_RATE"] = rate
    log_dir = ROOT / "var" / "bench-load"
    log_dir.mkdir(parents=True, exist_ok=True)
    print(
        f"\n## variant {name}: API_ANON_THROTTLE_RATE={rate or '(default 120/minute)'}, "
        f"TRUSTED_PROXY_COUNT={proxies}"
        + (f", {addresses} client addresses in X-Forwarded-For" if addresses else "")
    )
    with open("/proc/loadavg") as loadavg:
        print(f"load average before: {loadavg.read().split()[:3]}")
    instance = start_instance(name, variant_env, args.workers, log_dir)
    report: dict = {"variant": name, "workers": args.workers}
    try:
        workers = instance.worker_pids()
        master = instance.process.pid
        print(f"gunicorn {master}, workers {workers}, up in {instance.started_in:.1f} s")
        report["memory_started"] = show_memory("at start", master, workers)
        warmup_count = args.warmup * args.workers
        warm, bad = Results(), 0
        if warmup_count:
            warm, warm_elapsed = closed_loop(
                instance.port, 4, 1800, slugs, addresses=addresses or 0,
                max_requests=warmup_count, seed=7,
            )  # fmt: skip
            bad = sum(1 for _, status, _, _ in warm.rows if status == 0 or status >= 500)
            print(
                f"warm-up: {len(warm.rows)} requests from 4 clients in {warm_elapsed:.0f} s "
                f"({bad} errors)"
            )
            report["memory_after_warmup"] = show_memory(
                f"after {len(warm.rows)} requests (about {len(warm.rows) // args.workers} "
                "per worker)",
                master,
                instance.worker_pids(),
            )
            report["workers_recycled_during_warmup"] = sorted(
                set(workers) - set(instance.worker_pids())
            )
        with open("/proc/loadavg") as loadavg:
            report["loadavg_before_load"] = loadavg.read().split()[:3]
        results, elapsed = closed_loop(
            instance.port, args.clients, args.seconds, slugs, addresses=addresses, seed=11
        )
        with open("/proc/loadavg") as loadavg:
            report["loadavg_after_load"] = loadavg.read().split()[:3]
        print(
            f"load: {args.clients} clients for {elapsed:.1f} s; load average "
            f"{report['loadavg_before_load']} -> {report['loadavg_after_load']}"
        )
        summary = summarize(results, elapsed)
        print_summary(summary)
        for error in results.errors + warm.errors:
            print(f"  error: {error}")
        report["memory_after_load"] = show_memory("after the load", master, instance.worker_pids())
        report["summary"] = summary
        report["errors"] = results.errors + warm.errors + (["warm-up errors"] if bad else [])
        report["seconds"] = elapsed
    finally:
        instance.stop()
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_processes"
        ),
    )
    parser.add_argument("--template", default="bench_100k", help="copied when the DB is absent")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--warmup", type=int, default=1000, help="requests per worker first")
    parser.add_argument("--variants", default="default,off", help=",".join(VARIANTS))
    parser.add_argument("--static-root", type=Path, default=ROOT / "var" / "bench-static")
    parser.add_argument("--no-collectstatic", dest="collect", action="store_false")
    parser.add_argument("--json", type=Path, help="write every figure there too")
    args = parser.parse_args()
    args.rate = "120/minute"  # production_env's throttle; each variant sets its own
    args.hash_seed = None
    if urllib.parse.urlparse(args.database_url).hostname not in (HOST, "localhost"):
        raise SystemExit("Only 127.0.0.1.")
    prefix = f"bench-load-{secrets.token_hex(4)}"
    env = production_env(args, prefix)
    env["LOG_LEVEL"] = "WARNING"  # no access log line per request: the client measures
    print(f"# Load: {args.clients} clients, {args.seconds:.0f} s, {args.workers} workers")
    print(time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), f"on {os.cpu_count()} cores")
    print(f"database: {ensure_database(env, args.template)}; Redis: {args.redis}")
    manage(env, "migrate", "--noinput")
    print(f"ANALYZE: {analyze(env)}")
    if args.collect or not (args.static_root / "staticfiles.json").exists():
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    slugs = samples(env)
    print("mix: " + ", ".join(f"{kind} {weight}" for kind, weight in MIX.items()))
    reports = []
    try:
        for name in args.variants.split(","):
            reports.append(run_variant(name.strip(), args, env, slugs))
    finally:
        try:
            delete_prefix(args.redis, prefix)
        except Exception as error:  # cleanup reports, never hides the result
            print(f"Redis cleanup failed: {error}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(reports, indent=2, ensure_ascii=False))
    failed = False
    for report in reports:
        overall = report["summary"][-1]
        bad = overall["5xx"] + overall["connection_errors"] + overall["429_without_retry_after"]
        print(
            f"{report['variant']}: {overall['requests']} requests, {overall['5xx']} 5xx, "
            f"{overall['connection_errors']} connection errors, "
            f"{overall['429_without_retry_after']} 429 without Retry-After: "
            + ("FAIL" if bad or report["errors"] else "ok")
        )
        failed |= bool(bad or report["errors"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
