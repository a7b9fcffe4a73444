"""The production stack for real: collectstatic, gunicorn with the production settings,
Redis as the shared cache, requests over loopback as a browser or a proxy would send them.

Needs the Redis server these machines run at 127.0.0.1:6379 (REDIS_TEST_URL to change it):
the test fails, not skips, when it is absent, as CI must.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)
REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
# Makes pytest-django create the test database even when this module runs alone; the
# server reads it from its own process.
pytestmark = pytest.mark.django_db


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url(tmp_path: Path) -> str:
    """The test run's own database on PostgreSQL (migrated by pytest-django); on SQLite,
    whose test database lives in this process's memory, a file migrated for the purpose."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_database()")
            (name,) = cursor.fetchone()
        db = connection.settings_dict
        return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"
    return f"sqlite:///{tmp_path / 'production.sqlite3'}"


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "API_", "SECURE_", "HTTPS", "TRUSTED_PROXY"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(48),
        DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        REDIS_URL=REDIS_TEST_URL,
        CACHE_KEY_PREFIX=f"test-{secrets.token_hex(4)}",
        STATIC_ROOT=str(tmp_path / "static"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def redis_server() -> None:
    try:
        redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        pytest.fail(f"The production tests need Redis at {REDIS_TEST_URL}: {error}")


class Server:
    def __init__(self, base: str, log: Path) -> None:
        self.base = base
        self.log = log

    def get(
        self, path: str, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(self.base + path, headers=headers or {})
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def stack(
    tmp_path_factory: pytest.TempPathFactory,
    django_db_setup: None,
    django_db_blocker,
    redis_server: None,
) -> Iterator[tuple[Server, dict[str, str]]]:
    """gunicorn, 2 workers, production settings as deployed behind one TLS proxy of ours,
    started once for the module (collectstatic alone takes a while)."""
    tmp_path = tmp_path_factory.mktemp("production")
    with django_db_blocker.unblock():
        database_url = _database_url(tmp_path)
    env = production_env(
        tmp_path,
        DATABASE_URL=database_url,
        TRUSTED_PROXY_COUNT="1",
        WEB_CONCURRENCY="2",
        API_ANON_THROTTLE_RATE="6/day",
        PORT=str(_free_port()),
    )
    if connection.vendor == "sqlite":
        migrated = manage(env, "migrate", "--noinput")
        assert migrated.returncode == 0, migrated.stderr
    collected = manage(env, "collectstatic", "--noinput")
    assert collected.returncode == 0, collected.stderr
    log = tmp_path / "gunicorn.log"
    with open(log, "w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py"],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{env['PORT']}", log)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if server.get("/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("gunicorn did not come up:\n" + log.read_text())
            time.sleep(0.3)
        yield server, env
    finally:
        process.terminate()
        process.wait(timeout=30)
        flush_prefix(env["CACHE_KEY_PREFIX"])


def flush_prefix(prefix: str) -> None:
    client = redis.Redis.from_url(REDIS_TEST_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


HTTPS = {"X-Forwarded-Proto": "https"}


def test_health_static_files_and_pages_through_the_production_stack(stack) -> None:
    server, env = stack

    status, headers, body = server.get("/healthz")
    assert status == 200, body
    report = json.loads(body)
    assert report["status"] == "ok"
    assert set(report["checks"]) == {"database", "cache"}
    assert "no-store" in headers["Cache-Control"] or "no-cache" in headers["Cache-Control"]

    # Plain HTTP is sent to HTTPS; through the proxy the page is served, HSTS on.
    status, headers, _ = server.get("/ar/")
    assert status == 301 and headers["Location"].startswith("https://")
    status, headers, _ = server.get("/ar/", {**HTTPS, "Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "max-age=31536000" in headers["Strict-Transport-Security"]

    # The stylesheet the page links is the cache-busted copy, compressed, kept a year.
    manifest = json.loads((Path(env["STATIC_ROOT"]) / "staticfiles.json").read_text())
    stylesheet = "/static/" + manifest["paths"]["css/site.css"]
    status, headers, plain = server.get("/ar/", HTTPS)
    assert stylesheet.encode() in plain
    status, headers, _ = server.get(stylesheet, {**HTTPS, "Accept-Encoding": "br, gzip"})
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert headers["Content-Encoding"] in {"br", "gzip"}
    assert "immutable" in headers["Cache-Control"]
    assert server.get("/static/css/no-such-file.css", HTTPS)[0] == 404

    # The admin's and the API documentation's own files are there too.
    status, headers, login = server.get("/admin/login/", HTTPS)
    assert status == 200
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert server.get("/favicon.ico", HTTPS)[0] == 301
    admin_css = "/static/" + manifest["paths"]["admin/css/base.css"]
    assert admin_css.encode() in login
    assert server.get(admin_css, HTTPS)[0] == 200
    status, headers, docs = server.get("/api/docs/", HTTPS)
    assert status == 200, docs[:2000]
    assert "Content-Security-Policy" in headers


def test_the_admin_login_is_never_compressed(stack) -> None:
    """It carries a CSRF token next to reflected input: compression would leak it (BREACH)."""
    server, _ = stack
    status, headers, _ = server.get("/admin/login/", {**HTTPS, "Accept-Encoding": "gzip"})
    assert status == 200
    assert "Content-Encoding" not in headers
    assert "csrftoken" in headers.get("Set-Cookie", "")
    assert (
        "Secure" in headers["Set-Cookie"]
        and "HttpOnly" not in headers["Set-Cookie"].split("csrftoken")[0]
    )


def test_one_throttle_for_every_worker_keyed_on_the_real_client(stack) -> None:
    """Two workers, one Redis: 6 requests a day per client in all, not per worker (a day,
    so that no window ends during the test); the
    client is the address our proxy put last in X-Forwarded-For, not a forged first one."""
    server, _ = stack
    client = {**HTTPS, "X-Forwarded-For": "198.51.100.7"}
    statuses = [server.get("/api/v1/sources/", client)[0] for _ in range(9)]
    assert statuses[:6] == [200] * 6, statuses
    assert statuses[6:] == [429] * 3, statuses
    status, headers, _ = server.get("/api/v1/sources/", client)
    assert status == 429 and int(headers["Retry-After"]) > 0
    # Forging an earlier hop changes nothing: the proxy appends the real address last.
    forged = {**HTTPS, "X-Forwarded-For": "203.0.113.9, 198.51.100.7"}
    assert server.get("/api/v1/sources/", forged)[0] == 429
    # Another visitor behind the same proxy is not punished for the first one.
    other = {**HTTPS, "X-Forwarded-For": "198.51.100.8"}
    assert server.get("/api/v1/sources/", other)[0] == 200


def test_concurrent_requests_are_counted_once_each(stack) -> None:
    """Two workers answering at once: the count is an atomic increment in Redis, so no two
    requests read the same count and both pass (DRF's read-append-write let 59 of 60
    through against a limit of 30 in bench/processes.py)."""
    server, _ = stack
    client = {**HTTPS, "X-Forwarded-For": "198.51.100.20"}
    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(lambda _: server.get("/api/v1/sources/", client)[0], range(24)))
    assert sorted(statuses) == [200] * 6 + [429] * 18, statuses


def test_check_deploy_gives_no_warning(tmp_path: Path, redis_server: None) -> None:
    checked = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "System check identified no issues" in checked.stdout


def test_check_deploy_warns_without_a_shared_cache(tmp_path: Path) -> None:
    env = production_env(tmp_path)
    del env["REDIS_URL"]
    checked = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert checked.returncode != 0
    assert "core.W001" in checked.stdout + checked.stderr


def test_production_refuses_a_missing_or_short_secret_key(tmp_path: Path) -> None:
    checked = manage(production_env(tmp_path, SECRET_KEY="short"), "check")
    assert checked.returncode != 0
    assert "SECRET_KEY must be set in production" in checked.stderr
