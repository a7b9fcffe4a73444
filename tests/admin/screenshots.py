"""Screenshots of the editors' admin, to look at: `.venv/bin/python tests/admin/screenshots.py`.

Builds a throwaway SQLite database with the seed data and an editor account, serves it on
127.0.0.1:8077, and saves PNGs of the agreement change form in Arabic and in French and of
the agreement list into var/screenshots/. Needs Debian's chromium (/usr/bin/chromium) and
the playwright package (both installed by `make test`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "var" / "screenshots"
PORT = 8077
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    database = Path(tempfile.mkdtemp()) / "screens.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "EDITOR_PASSWORD": "screenshots-only-password",
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "-v0"], ["load_seeds"], ["createeditor", "screens", "--publisher"]):
        subprocess.run(manage + command, env=env, check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{PORT}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{PORT}"
        for _ in range(50):
            try:
                urllib.request.urlopen(f"{base}/admin/login/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            for language in ("ar", "fr"):
                context = browser.new_context(
                    locale=language, viewport={"width": 1280, "height": 900}
                )
                page = context.new_page()
                page.goto(f"{base}/admin/login/")
                page.fill("#id_username", "screens")
                page.fill("#id_password", "screenshots-only-password")
                page.click("input[type=submit]")
                page.goto(f"{base}/admin/agreements/agreement/")
                page.screenshot(path=OUT / f"admin-agreement-list-{language}.png", full_page=True)
                page.click("#result_list tbody tr:first-child th a")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=OUT / f"admin-agreement-form-{language}.png", full_page=True)
                page.screenshot(path=OUT / f"admin-agreement-form-top-{language}.png")
                page.locator("#signatories-group").scroll_into_view_if_needed()
                page.screenshot(path=OUT / f"admin-agreement-form-inlines-{language}.png")
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait()
    for path in sorted(OUT.glob("admin-*.png")):
        print(path)


if __name__ == "__main__":
    main()
