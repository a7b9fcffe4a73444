"""Screenshots of the editors' admin, to look at: `.venv/bin/python tests/admin/screenshots.py`.

Builds a throwaway SQLite database with the seed data and editor accounts, serves it on a
free 127.0.0.1 port, and saves PNGs into var/screenshots/, in Arabic and in French:

- the agreement list and change form (`admin-agreement-*`);
- the editors' refusals (`admin-refusal-*`), each as the whole window and the
  message alone (`*-message-*`, at twice the pixel density, with its text in a .txt):
  - `publish-form`: a publisher sets a draft agreement with one party and no citation to
    "published" on its change form (the refusal on the status field, the input kept);
  - `revert`: an editor without the publish right reverts, from the history, to a
    published version;
  - `stale`: two editors open the same agreement; the second saves after the first;
  - `unpublish`: a publisher unpublishes an organization a published agreement needs.

The data comes from the seed loader, `createeditor` and the services (`--setup`, run
inside the throwaway database). Needs Debian's chromium (/usr/bin/chromium) and the
playwright package (both installed by `make test`).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "var" / "screenshots"
PASSWORD = "screenshots-only-password"
PUBLISHER = "screens"  # may publish
EDITORS = ("alice", "bruno")  # may not
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LANGUAGES = ("ar", "fr")
# The refusals' records: drafted from the seeds so that each scenario can run once per
# language and be refused every time.
ONE_PARTY_DRAFT = "screens-one-party-draft"
REVERTED = "elm-digital-development-agency-mou-2023"  # drafted; its last version published
STALE = "ministry-mistral-ai-mou-2025"  # edited by two editors at once
NEEDED_PARTY = "mistral-ai"  # a party of STALE, which stays published
# What the first editor writes in each language's run (Latin inside Arabic, on purpose).
ALICES_TITLES = {
    "ar": {
        "title_ar": "مذكرة تفاهم مع شركة Mistral AI",
        "title_fr": "Mémorandum d'entente avec Mistral AI",
    },
    "fr": {
        "title_ar": "مذكرة تفاهم استراتيجية مع Mistral AI (2025)",
        "title_fr": "Mémorandum d'entente stratégique avec Mistral AI (2025)",
    },
}
BRUNOS_DURATION = {"ar": "36", "fr": "48"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_refusal_data() -> dict[str, int]:
    """Run with `--setup` in the throwaway database: the records the refusals need."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth.models import User

    from agreements.models import Agreement
    from core import services
    from partners.models import Organization

    publisher = User.objects.get(username=PUBLISHER)
    # As the admin's form saves it (the API's create_agreement wants two parties even
    # for a draft): the record, its party, then the rules.
    lonely = Agreement(
        slug=ONE_PARTY_DRAFT,
        title_ar="مذكرة تفاهم بطرف واحد (مسودة)",
        title_fr="Mémorandum à une seule partie (brouillon)",
        title_en="One-party memorandum (draft)",
        kind="mou",
    )
    services.save_record(actor=publisher, record=lonely, reason="screenshots")
    lonely.parties.create(organization=Organization.objects.get(slug="ministry-digital-transition"))
    services.finish_write(lonely, previous_status=None)
    reverted = Agreement.objects.get(slug=REVERTED)
    published_version = reverted.history.order_by("-history_id").first()
    assert published_version.status == "published", published_version.status
    services.set_status(actor=publisher, record=reverted, status="draft")
    return {
        "one_party_draft": lonely.pk,
        "reverted": reverted.pk,
        "reverted_version": published_version.history_id,
        "stale": Agreement.objects.get(slug=STALE).pk,
        "needed_party": Organization.objects.get(slug=NEEDED_PARTY).pk,
    }


def log_in(browser, base: str, language: str, username: str, zoom: float = 1):
    context = browser.new_context(
        locale=language, viewport={"width": 1280, "height": 900}, device_scale_factor=zoom
    )
    page = context.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state("networkidle")
    return context, page


def show(page, field_id: str) -> None:
    """Bring a translated field's language tab to the front, as an editor would."""
    if page.locator(f"#{field_id}").is_visible():
        return
    panel = page.locator(f"#{field_id}").locator("xpath=ancestor::*[@role='tabpanel'][1]")
    panel_id = panel.get_attribute("id")
    page.click(f"a[href='#{panel_id}']")


def save_refusal(page, name: str, language: str, message: str) -> None:
    """The window and the message alone (both at twice the pixel density), and its text."""
    page.wait_for_load_state("networkidle")
    page.screenshot(path=OUT / f"admin-refusal-{name}-{language}.png")
    shown = page.locator(message).first
    shown.screenshot(path=OUT / f"admin-refusal-{name}-message-{language}.png")
    text = shown.inner_text()
    (OUT / f"admin-refusal-{name}-message-{language}.txt").write_text(text + "\n", "utf-8")


def capture_refusals(browser, base: str, language: str, ids: dict[str, int]) -> None:
    agreements = f"{base}/admin/agreements/agreement"

    # 1. A publisher publishes a one-party, uncited draft from its change form.
    context, page = log_in(browser, base, language, PUBLISHER, zoom=2)
    page.goto(f"{agreements}/{ids['one_party_draft']}/change/")
    page.select_option("#id_status", "published")
    page.fill("#id_duration_months", "24")  # the editor's input, to be kept
    page.click("input[name=_save]")
    save_refusal(page, "publish-form", language, "#agreement_form .form-row.field-status")
    page.screenshot(path=OUT / f"admin-refusal-publish-form-full-{language}.png", full_page=True)

    # 4. The same publisher unpublishes an organization a published agreement needs.
    page.goto(f"{base}/admin/partners/organization/?q={NEEDED_PARTY}")
    page.check(f"input[name=_selected_action][value='{ids['needed_party']}']")
    page.select_option("select[name=action]", "unpublish_selected")
    page.click("#changelist-form button[name=index]")
    save_refusal(page, "unpublish", language, "ul.messagelist")
    context.close()

    # 2. An editor without the publish right reverts to a published version.
    context, page = log_in(browser, base, language, EDITORS[0], zoom=2)
    page.goto(f"{agreements}/{ids['reverted']}/history/{ids['reverted_version']}/")
    page.click("input[name=_save]")
    save_refusal(page, "revert", language, "ul.messagelist")
    context.close()

    # 3. Two editors open the same agreement; the second saves after the first.
    alice_context, alice = log_in(browser, base, language, EDITORS[0])
    bruno_context, bruno = log_in(browser, base, language, EDITORS[1], zoom=2)
    url = f"{agreements}/{ids['stale']}/change/"
    alice.goto(url)
    bruno.goto(url)
    for field, value in ALICES_TITLES[language].items():
        show(alice, f"id_{field}")
        alice.fill(f"#id_{field}", value)
    alice.click("input[name=_save]")
    alice.wait_for_load_state("networkidle")
    assert "/change/" not in alice.url, "the first editor's save was refused"
    bruno.fill("#id_duration_months", BRUNOS_DURATION[language])
    bruno.click("input[name=_save]")
    save_refusal(bruno, "stale", language, "#agreement_form ul.errorlist.nonfield")
    alice_context.close()
    bruno_context.close()


def setup_database(manage: list[str], env: dict[str, str]) -> dict[str, int]:
    for command in (
        ["migrate", "-v0"],
        ["load_seeds"],
        ["createeditor", PUBLISHER, "--publisher"],
        *(["createeditor", editor] for editor in EDITORS),
    ):
        subprocess.run(manage + command, env=env, check=True, stdout=subprocess.DEVNULL)
    built = subprocess.run(
        [sys.executable, __file__, "--setup"],
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(built.stdout.strip().splitlines()[-1])


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    database = Path(tempfile.mkdtemp()) / "screens.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "EDITOR_PASSWORD": PASSWORD,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    ids = setup_database(manage, env)
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/admin/login/", timeout=1)
                break
            except OSError:
                if server.poll() is not None:
                    raise SystemExit("runserver stopped before answering") from None
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            for language in LANGUAGES:
                context, page = log_in(browser, base, language, PUBLISHER)
                page.goto(f"{base}/admin/agreements/agreement/")
                page.screenshot(path=OUT / f"admin-agreement-list-{language}.png", full_page=True)
                page.click("#result_list tbody tr:first-child th a")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=OUT / f"admin-agreement-form-{language}.png", full_page=True)
                page.screenshot(path=OUT / f"admin-agreement-form-top-{language}.png")
                page.locator("#signatories-group").scroll_into_view_if_needed()
                page.screenshot(path=OUT / f"admin-agreement-form-inlines-{language}.png")
                context.close()
            for language in LANGUAGES:
                capture_refusals(browser, base, language, ids)
            browser.close()
    finally:
        server.terminate()
        server.wait()
    for path in sorted(OUT.glob("admin-*.png")):
        print(path)


if __name__ == "__main__":
    if sys.argv[1:] == ["--setup"]:
        print(json.dumps(build_refusal_data()))
    else:
        main()
