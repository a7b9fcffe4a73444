"""Several processes, one truth: three gunicorn instances, one PostgreSQL, one Redis.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_processes \\
        .venv/bin/python bench/processes.py

1. makes the database if it is missing (a copy of `--template`, by default the
   100,000-agreement `bench_100k`, or else an empty one, migrated and seeded), migrates it,
   ANALYZEs it (a copy has no planner statistics), creates a publishing editor with an
   API token, and collects the static files;
2. starts two instances of the production stack (`gunicorn -c config/gunicorn.py`, the
   production settings, 2 workers each) on two ports, sharing the database and one Redis
   (`--redis`, db 5), behind one trusted proxy (TRUSTED_PROXY_COUNT=1) whose
   X-Forwarded-For the script writes, so that each phase is its own client;
3. checks, printing every figure:
   - the same request gets the same status, body and ETag from every instance and every
     worker (API list, filtered list, detail, public pages);
   - a write through one instance (PATCH with If-Match) is seen by the next request to
     every instance; the old ETag is refused (412) by the others;
   - a third instance started meanwhile answers the same as the first two;
   - an agreement created through one instance and published through another appears on
     every instance at once, in the detail and in an exact filtered count;
   - the anonymous throttle (`--rate`, 30/minute) counts a client once across all
     instances and workers: exactly 30 of `--requests` requests pass, sent one after
     another or from 10 threads at once, every other is a 429 with Retry-After (both runs
     within one of the throttle's fixed windows);
4. stops every instance, deletes its Redis keys, and exits 1 if a property failed.

Only 127.0.0.1; every loop is bounded in time or count.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import itertools
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
HOST = "127.0.0.1"
PUBLIC_HOST = "tracker.example"

# A published agreement of the seeds, its event (a small, exactly counted list), a partner
# and a source of the seeds.
AGREEMENT = "ministry-mistral-ai-mou-2025"
EVENT = "gitex-africa-2025"
PARTNER = "elm"
AGREEMENT_PARTY = "mistral-ai"  # its only agreement is AGREEMENT
SOURCE = "daily8-elm-mou-gitex-africa-2025"


# -- the database and the stack ---------------------------------------------------------------


def run(args: list[str], env: dict[str, str], timeout: float = 900) -> str:
    done = subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def manage(env: dict[str, str], *args: str) -> str:
    return run([PYTHON, "manage.py", *args], env)


def database_parts(url: str) -> tuple[str, str, str, str]:
    parsed = urllib.parse.urlparse(url)
    return (
        parsed.hostname or HOST,
        str(parsed.port or 5432),
        parsed.username or "postgres",
        parsed.path.lstrip("/"),
    )


def ensure_database(env: dict[str, str], template: str) -> str:
    """Create the database if absent (a copy of the template when there is one); say how."""
    host, port, user, name = database_parts(env["DATABASE_URL"])
    if name in {"test", "bench_100k"}:
        raise SystemExit(f"Refusing to run against the shared database {name!r}: use a copy.")
    psql = ["psql", "-h", host, "-p", port, "-U", user, "-d", "postgres", "-Atc"]
    exists = run([*psql, f"SELECT 1 FROM pg_database WHERE datname = '{name}'"], env).strip()
    if exists:
        return f"{name} (existing)"
    has_template = (
        template
        and run([*psql, f"SELECT 1 FROM pg_database WHERE datname = '{template}'"], env).strip()
    )
    createdb = ["createdb", "-h", host, "-p", port, "-U", user]
    if has_template:
        run([*createdb, "-T", template, name], env)
        return f"{name} (copy of {template})"
    run([*createdb, "-E", "UTF8", name], env)
    manage(env, "migrate", "--noinput")
    manage(env, "load_seeds")
    return f"{name} (new, seeds only)"


def analyze(env: dict[str, str]) -> str:
    """ANALYZE the database: a copy made with `createdb -T` has no planner statistics
    (every table's reltuples is -1 until analyzed) and autovacuum, which has counted no
    change in the copy, does not analyze it; the planner then takes 95,000 published
    agreements for 244 and picks nested loops (a CSV page of 50: 13 s instead of 0.1 s)."""
    host, port, user, name = database_parts(env["DATABASE_URL"])
    began = time.monotonic()
    run(["psql", "-h", host, "-p", port, "-U", user, "-d", name, "-qc", "ANALYZE"], env)
    return f"{time.monotonic() - began:.0f} s"


def prepare(env: dict[str, str], *, template: str, collect: bool) -> dict[str, str]:
    """The database, an editor's token, the static files: what every instance shares."""
    facts = {"database": ensure_database(env, template)}
    manage(env, "migrate", "--noinput")
    facts["analyze"] = analyze(env)
    editor = "bench-processes-editor"
    editor_env = {**env, "EDITOR_PASSWORD": secrets.token_urlsafe(24)}
    try:
        run([PYTHON, "manage.py", "createeditor", editor, "--publisher"], editor_env)
    except SystemExit as error:
        if "already exists" not in str(error):
            raise
    output = manage(env, "drf_create_token", "--reset", editor)
    token = re.search(r"Generated token (\w+)", output)
    if not token:
        raise SystemExit(f"No token in drf_create_token's answer: {output}")
    facts["token"] = token.group(1)
    if collect or not (Path(env["STATIC_ROOT"]) / "staticfiles.json").exists():
        began = time.monotonic()
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        facts["collectstatic"] = f"{time.monotonic() - began:.0f} s"
    return facts


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass
class Instance:
    """One gunicorn master and its workers, on its own port."""

    name: str
    port: int
    process: subprocess.Popen
    log: Path
    started_in: float = 0.0

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_instance(name: str, env: dict[str, str], workers: int, log_dir: Path) -> Instance:
    port = free_port()
    log = log_dir / f"gunicorn-{name}.log"
    instance_env = {**env, "PORT": str(port), "HOST": HOST, "WEB_CONCURRENCY": str(workers)}
    began = time.monotonic()
    with open(log, "w") as log_file:
        process = subprocess.Popen(
            [GUNICORN, "-c", "config/gunicorn.py"],
            cwd=ROOT,
            env=instance_env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    instance = Instance(name, port, process, log)
    deadline = began + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"instance {name} exited:\n{log.read_text()[-3000:]}")
        try:
            if request(port, "GET", "/healthz").status == 200 and (
                len(instance.worker_pids()) >= workers
            ):
                instance.started_in = time.monotonic() - began
                return instance
        except OSError:
            pass
        time.sleep(0.25)
    instance.stop()
    raise SystemExit(f"instance {name} did not answer /healthz within 120 s: see {log}")


def production_env(args: argparse.Namespace, prefix: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "API_", "SECURE_", "HTTPS", "TRUSTED_PROXY"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL=args.database_url,
        REDIS_URL=args.redis,
        CACHE_KEY_PREFIX=prefix,
        SECRET_KEY=os.environ.get("SECRET_KEY", "bench-" + "k" * 60),
        HTTPS="false",
        TRUSTED_PROXY_COUNT="1",
        ALLOWED_HOSTS=f"{HOST},{PUBLIC_HOST}",
        STATIC_ROOT=str(args.static_root),
        API_ANON_THROTTLE_RATE=args.rate,
        LOG_LEVEL="WARNING",
    )
    if args.hash_seed is not None:
        env["PYTHONHASHSEED"] = args.hash_seed
    return env


def delete_prefix(redis_url: str, prefix: str) -> int:
    import redis  # the project's dependency; imported here so --help works without it

    client = redis.Redis.from_url(redis_url)
    keys = list(itertools.islice(client.scan_iter(f"{prefix}:*", count=1000), 1_000_000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start : start + 1000])
    return len(keys)


# -- requests --------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    ms: float

    @property
    def etag(self) -> str:
        return self.headers.get("etag", "")

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.body).hexdigest()[:12]


def request(
    port: int,
    method: str,
    path: str,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
) -> Answer:
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    # One public host name for every instance, as a load balancer forwards it: absolute
    # links in the answers name it, not the instance's own port.
    sent = {"Host": PUBLIC_HOST, **(headers or {})}
    began = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        data = response.read()
    finally:
        connection.close()
    return Answer(
        response.status,
        {key.lower(): value for key, value in response.getheaders()},
        data,
        (time.perf_counter() - began) * 1000,
    )


_clients = itertools.count(1)


def new_client() -> dict[str, str]:
    """A new client address, as our one trusted proxy reports it (TEST-NET-2 / 3)."""
    number = next(_clients)
    return {"X-Forwarded-For": f"198.51.{100 + number // 250}.{number % 250 + 1}"}


def anonymous(port: int, path: str) -> Answer:
    # One fresh address per request: the consistency checks never meet the throttle.
    return request(port, "GET", path, {**new_client(), "Accept-Language": "fr"})


def editor_request(
    port: int, token: str, method: str, path: str, payload=None, **headers: str
) -> Answer:
    body = json.dumps(payload).encode() if payload is not None else None
    sent = {"Authorization": f"Token {token}", **new_client(), **headers}
    if body is not None:
        sent["Content-Type"] = "application/json"
    return request(port, method, path, sent, body)


# -- the checks ------------------------------------------------------------------------------


@dataclass
class Report:
    failures: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> bool:
        print(f"  [{'PASS' if ok else 'FAIL'}] {what}")
        if not ok:
            self.failures.append(what)
        return ok


def table(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    line = "  " + " | ".join(f"{{:{w}}}" for w in widths)
    print(line.format(*header))
    print("  " + "-+-".join("-" * w for w in widths))
    for row in rows:
        print(line.format(*[str(cell) for cell in row]))


def same_everywhere(
    report: Report, instances: list[Instance], paths: list[str], repeat: int, label: str
) -> dict[str, Answer]:
    """Each path `repeat` times per instance (so every worker answers): one status, one
    body and one ETag per path. Returns the first answer per path."""
    rows, first = [], {}
    for path in paths:
        answers = [
            (instance.name, anonymous(instance.port, path))
            for _ in range(repeat)
            for instance in instances
        ]
        first[path] = answers[0][1]
        by_instance: dict[str, set[str]] = {}
        for name, answer in answers:
            by_instance.setdefault(name, set()).add(answer.etag[:18])
        if len({answer.etag for _, answer in answers}) > 1:
            print(f"  ETags of {path} by instance: {by_instance}")
        statuses = {answer.status for _, answer in answers}
        digests = {answer.digest for _, answer in answers}
        etags = {answer.etag for _, answer in answers}
        times = sorted(answer.ms for _, answer in answers)
        rows.append(
            [
                path if len(path) <= 58 else path[:55] + "...",
                ",".join(str(s) for s in sorted(statuses)),
                len(answers),
                len(digests),
                answers[0][1].digest,
                len(etags),
                (answers[0][1].etag or "(none)")[:24],
                f"{times[len(times) // 2]:.0f}",
            ]
        )
        report.check(
            statuses == {200} and len(digests) == 1 and len(etags) == 1,
            f"{label}: {path}: {len(answers)} answers over "
            f"{'/'.join(i.name for i in instances)}, 1 status, 1 body, 1 ETag",
        )
    table(
        rows,
        ["path", "status", "answers", "bodies", "sha256", "ETags", "ETag", "p50 ms"],
    )
    return first


def throttle(
    report: Report, instances: list[Instance], rate: str, requests: int, path: str
) -> list[list[str]]:
    allowed = int(rate.split("/")[0])
    rows = []
    # The throttle counts in fixed windows (a minute for 30/minute, starting on the
    # minute): both runs must fall inside one window, or a client rightly gets a second
    # allowance when the next one begins.
    window = {"s": 1, "m": 60, "h": 3600, "d": 86400}[rate.split("/")[1][0]]
    left = window - time.time() % window
    if left < 20:
        print(f"  waiting {left:.1f} s for the next throttle window, so both runs fit in one")
        time.sleep(left + 0.5)
    # Sequential: one client, round-robin over every instance (and so every worker).
    client = new_client()
    answers = []
    began = time.monotonic()
    for index in range(requests):
        instance = instances[index % len(instances)]
        answers.append((instance.name, request(instance.port, "GET", path, client)))
    elapsed = time.monotonic() - began
    rows.append(throttle_row("sequential, round-robin", answers, elapsed))
    passed = [answer for _, answer in answers if answer.status == 200]
    refused = [answer for _, answer in answers if answer.status == 429]
    report.check(
        len(passed) == allowed and len(refused) == requests - allowed,
        f"throttle {rate}: {len(passed)} of {requests} sequential requests passed "
        f"(expected exactly {allowed}), {len(refused)} were 429",
    )
    report.check(
        all(answer.status == 200 for _, answer in answers[:allowed]),
        f"throttle: the first {allowed} requests are the ones that passed",
    )
    report.check(
        all(int(a.headers.get("retry-after", "0") or 0) > 0 for a in refused),
        "throttle: every 429 carries Retry-After > 0",
    )
    # Concurrent: another client, 10 threads at once, still spread over every instance.
    client = new_client()
    concurrent: list[tuple[str, Answer]] = []
    lock = threading.Lock()
    counter = itertools.count()

    def send() -> None:
        while (index := next(counter)) < requests:
            instance = instances[index % len(instances)]
            answer = request(instance.port, "GET", path, client)
            with lock:
                concurrent.append((instance.name, answer))

    threads = [threading.Thread(target=send) for _ in range(10)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    elapsed = time.monotonic() - began
    rows.append(throttle_row("concurrent, 10 threads", concurrent, elapsed))
    passed_concurrently = sum(answer.status == 200 for _, answer in concurrent)
    report.check(
        all(a.status in (200, 429) for _, a in concurrent)
        and all(
            int(a.headers.get("retry-after", "0") or 0) > 0
            for _, a in concurrent
            if a.status == 429
        ),
        "throttle, concurrent: only 200s and 429s, every 429 with Retry-After",
    )
    report.check(
        passed_concurrently == allowed,
        f"throttle {rate}, concurrent: {passed_concurrently} of {requests} passed "
        f"(expected exactly {allowed})",
    )
    if passed_concurrently > allowed:
        print(
            "  [NOTE] DRF's SimpleRateThrottle reads the client's history from the cache, "
            "then writes it back (no atomic increment): requests in flight together on "
            "several workers overwrite each other's entries, so each sees room."
        )
    return rows


def throttle_row(label: str, answers: list[tuple[str, Answer]], elapsed: float) -> list[str]:
    per_instance = {}
    for name, answer in answers:
        ok, refused = per_instance.get(name, (0, 0))
        per_instance[name] = (ok + (answer.status == 200), refused + (answer.status == 429))
    retry = sorted(
        int(a.headers.get("retry-after", "0") or 0) for _, a in answers if a.status == 429
    )
    return [
        label,
        len(answers),
        sum(a.status == 200 for _, a in answers),
        sum(a.status == 429 for _, a in answers),
        sum(a.status not in (200, 429) for _, a in answers),
        sum(1 for _, a in answers if a.status == 429 and a.headers.get("retry-after")),
        f"{retry[0]}-{retry[-1]} s" if retry else "-",
        " ".join(f"{n}:{ok}/{ref}" for n, (ok, ref) in sorted(per_instance.items())),
        f"{elapsed:.1f} s",
    ]


def new_agreement_body(slug: str, quote: str) -> dict:
    return {
        "slug": slug,
        "title": {
            "ar": "مذكرة تفاهم لاختبار عدة عمليات",
            "fr": f"Mémorandum de test multi-processus {slug[-6:]}",
            "en": f"Several-processes test memorandum {slug[-6:]}",
        },
        "kind": "mou",
        "signed_on": "2025-04",
        "event": EVENT,
        "themes": ["artificial-intelligence"],
        "parties": ["ministry-digital-transition", PARTNER],
        "citations": [{"source": SOURCE, "quote": quote, "fields": ["title"]}],
    }


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
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per instance")
    parser.add_argument("--rate", default="30/minute", help="anonymous API throttle")
    parser.add_argument("--requests", type=int, default=60, help="requests in a throttle run")
    parser.add_argument("--repeat", type=int, default=3, help="requests per path and instance")
    parser.add_argument(
        "--hash-seed",
        help="PYTHONHASHSEED for every instance (a diagnosis: what differs when it differs)",
    )
    parser.add_argument("--static-root", type=Path, default=ROOT / "var" / "bench-static")
    parser.add_argument(
        "--no-collectstatic", dest="collect", action="store_false",
        help="reuse --static-root as it is (only when the static files did not change)",
    )  # fmt: skip
    args = parser.parse_args()
    if urllib.parse.urlparse(args.database_url).hostname not in (HOST, "localhost"):
        raise SystemExit("Only 127.0.0.1.")
    log_dir = ROOT / "var" / "bench-processes"
    log_dir.mkdir(parents=True, exist_ok=True)
    prefix = f"bench-processes-{secrets.token_hex(4)}"
    env = production_env(args, prefix)
    report = Report()
    instances: list[Instance] = []

    print(f"# Several processes, one truth ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})")
    began = time.monotonic()
    facts = prepare(env, template=args.template, collect=args.collect)
    token = facts.pop("token")
    print(f"database: {facts.pop('database')}; Redis: {args.redis} (key prefix {prefix})")
    print(f"prepared in {time.monotonic() - began:.0f} s {facts or ''}")
    try:
        for name in ("A", "B"):
            instances.append(start_instance(name, env, args.workers, log_dir))
        for instance in instances:
            print(
                f"instance {instance.name}: 127.0.0.1:{instance.port}, master "
                f"{instance.process.pid}, workers {instance.worker_pids()}, up in "
                f"{instance.started_in:.1f} s"
            )
        paths = [
            "/api/v1/agreements/",
            f"/api/v1/agreements/?partner={AGREEMENT_PARTY}",
            "/api/v1/agreements/?q=numérique&page=2".replace("é", "%C3%A9"),
            f"/api/v1/agreements/{AGREEMENT}/",
            f"/api/v1/partners/{PARTNER}/",
            "/fr/",
            f"/fr/agreements/{AGREEMENT}/",
            f"/ar/partners/{PARTNER}/",
        ]

        print("\n## 1. The same request, the same answer from A and B")
        before = same_everywhere(report, instances, paths, args.repeat, "A=B")

        print(f"\n## 2. A write through A (PATCH {AGREEMENT} with If-Match)")
        detail = f"/api/v1/agreements/{AGREEMENT}/"
        read = editor_request(instances[0].port, token, "GET", detail)
        new_title = f"Titre changé par A {secrets.token_hex(3)}"
        written = editor_request(
            instances[0].port, token, "PATCH", detail,
            {"title": {"fr": new_title}}, **{"If-Match": read.etag},
        )  # fmt: skip
        report.check(
            written.status == 200,
            f"PATCH through A with If-Match {read.etag[:12]}...: {written.status} in "
            f"{written.ms:.0f} ms",
        )
        rows = []
        listed = f"/api/v1/agreements/?partner={AGREEMENT_PARTY}"
        for path in (detail, listed, f"/fr/agreements/{AGREEMENT}/"):
            for instance in instances:
                answer = anonymous(instance.port, path)
                seen = (
                    new_title.encode() in answer.body
                    or json.dumps(new_title).encode()[1:-1] in answer.body
                )
                changed = answer.etag != before[path].etag or not answer.etag
                tag = ("changed" if changed else "SAME") if answer.etag else "n/a"
                rows.append(
                    [path, instance.name, answer.status, answer.etag[:24] or "(none)",
                     tag, "yes" if seen else "NO", f"{answer.ms:.0f}"]
                )  # fmt: skip
                report.check(
                    answer.status == 200 and seen and changed,
                    f"after the write, {instance.name} {path}: the new title, a new ETag",
                )
        table(rows, ["path", "inst", "status", "ETag", "ETag vs before", "new title", "ms"])
        stale = editor_request(
            instances[1].port, token, "PATCH", detail,
            {"title": {"fr": "Écrasement"}}, **{"If-Match": read.etag},
        )  # fmt: skip
        report.check(
            stale.status == 412,
            f"the same PATCH with the old ETag through B: {stale.status} (412 expected)",
        )

        print("\n## 3. A third instance, C, started while A and B serve")
        instances.append(start_instance("C", env, args.workers, log_dir))
        third = instances[-1]
        print(
            f"instance C: 127.0.0.1:{third.port}, master {third.process.pid}, workers "
            f"{third.worker_pids()}, up in {third.started_in:.1f} s"
        )
        same_everywhere(report, instances, paths, args.repeat, "A=B=C")

        print("\n## 4. Created through B as a draft, published through C, seen by all")
        source = anonymous(instances[0].port, f"/api/v1/sources/{SOURCE}/")
        quote = json.loads(source.body)["text"].strip().splitlines()[0][:40]
        slug = f"bench-processes-{secrets.token_hex(3)}"
        counted = f"/api/v1/agreements/?event={EVENT}"
        count_before = {
            i.name: json.loads(anonymous(i.port, counted).body)["count"] for i in instances
        }
        created = editor_request(
            instances[1].port, token, "POST", "/api/v1/agreements/",
            new_agreement_body(slug, quote),
        )  # fmt: skip
        report.check(created.status == 201, f"POST {slug} through B: {created.status}")
        hidden = [anonymous(i.port, f"/api/v1/agreements/{slug}/").status for i in instances]
        report.check(hidden == [404] * len(instances), f"the draft is 404 everywhere: {hidden}")
        published = editor_request(
            instances[2].port, token, "PATCH", f"/api/v1/agreements/{slug}/",
            {"status": "published"}, **{"If-Match": created.etag},
        )  # fmt: skip
        report.check(published.status == 200, f"published through C: {published.status}")
        rows = []
        for instance in instances:
            shown = anonymous(instance.port, f"/api/v1/agreements/{slug}/")
            listed = anonymous(instance.port, counted)
            page = anonymous(instance.port, f"/fr/agreements/{slug}/")
            count = json.loads(listed.body)["count"] if listed.status == 200 else None
            rows.append(
                [instance.name, shown.status, shown.etag[:24], count_before[instance.name],
                 count, page.status]
            )  # fmt: skip
            report.check(
                shown.status == 200
                and page.status == 200
                and count == count_before[instance.name] + 1,
                f"{instance.name}: detail 200, public page 200, event count "
                f"{count_before[instance.name]} -> {count}",
            )
        table(rows, ["inst", "API detail", "ETag", "count before", "count after", "page"])
        report.check(
            len({row[2] for row in rows}) == 1, "the new agreement's ETag is the same on A, B, C"
        )

        print(f"\n## 5. One throttle for every instance and worker ({args.rate})")
        rows = throttle(report, instances, args.rate, args.requests, detail)
        table(
            rows,
            ["run", "requests", "200", "429", "other", "429 w/ Retry-After", "Retry-After",
             "per instance 200/429", "took"],
        )  # fmt: skip
    finally:
        for instance in instances:
            instance.stop()
        try:
            deleted = delete_prefix(args.redis, prefix)
            print(f"\nstopped {len(instances)} instances; deleted {deleted} Redis keys")
        except Exception as error:
            print(f"\nstopped {len(instances)} instances; Redis cleanup failed: {error}")
    if report.failures:
        print(f"\nFAILED: {len(report.failures)} properties")
        for failure in report.failures:
            print(f"  - {failure}")
        return 1
    print("\nAll properties hold.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
