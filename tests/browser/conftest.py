"""Browser tests: Debian's Chromium driven by Playwright, against pytest-django's live server.

`make test` installs Chromium (apt) and Playwright's Python package (requirements.lock);
Playwright never downloads a browser here. Without /usr/bin/chromium the tests are skipped,
except under CI, where a missing browser is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots" / "site"
AXE = Path(__file__).with_name("axe.min.js")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    mine = [item for item in items if Path(str(item.fspath)).is_relative_to(here)]
    if not mine or CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(
            f"{CHROMIUM} is missing: `make test` installs Debian's chromium for the browser tests."
        )
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (`make browser` installs it)")
    for item in mine:
        item.add_marker(skip)


@pytest.fixture(scope="module")
def browser(django_db_setup) -> Iterator:
    """Chromium for one test module. Playwright's sync API keeps an event loop running in
    this thread, which Django would take for async code; the tests' database calls are
    plain synchronous ones, so Django is told so while the browser is up."""
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site(live_server, django_db_blocker):
    """The live server with the seed data."""
    from seeding.loader import load_seeds

    with django_db_blocker.unblock():
        load_seeds(seeds_dir=settings.SEEDS_DIR)
    return live_server


@pytest.fixture
def new_page(site, browser):
    """A fresh page at a given width; records every request so that tests can check that
    nothing leaves the site."""
    contexts = []

    def open_page(width: int = 1280, *, javascript: bool = True, bypass_csp: bool = False):
        context = browser.new_context(
            viewport={"width": width, "height": 900},
            java_script_enabled=javascript,
            bypass_csp=bypass_csp,
            locale="ar-MA",
        )
        contexts.append(context)
        page = context.new_page()
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


_written: list[Path] = []


def save_screenshot(page, name: str) -> Path:
    """A full-page PNG under var/screenshots/site/, listed at the end of the run."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    _written.append(path)
    return path


def pytest_terminal_summary(terminalreporter):
    if _written:
        terminalreporter.write_sep("-", "screenshots of the public site")
        terminalreporter.write_line(f"{len(_written)} PNG files in {SCREENSHOTS}")
