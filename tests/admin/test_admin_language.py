"""The admin speaks the editor's language, Arabic or French, on every page: no English left.

The audit renders the index and, for every model, its list, its add and change forms, its
history and a past version, in Arabic and in French, and reads what a person sees: the
text, the labels of buttons and options, titles and placeholders. A Latin word there must
be either data (a name, a title stored in the database) or a word of that language's
translations (our catalogs, Django's and the libraries'). An English string that comes back
on screen, ours or a library's, is neither, and fails the test with the page it was on.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import User
from django.db import models
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import trans_real

from agreements.models import Agreement

LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿŒœ]{2,}")
# Shown as they are in every language: codes and names, not words to translate.
NOT_WORDS = {
    "ID", "URL", "ISO", "API", "JSON", "UTC", "AI", "GITEX", "Django", "Arial",
    # The language picker names each language in its own (ar, fr, en).
    "English", "français", "fr", "en", "ar",
}  # fmt: skip
# In a translation, what is not its language: placeholders ("%(object)s", "{name}") and
# markup ('<meta name="referrer" content="no-referrer">').
NOT_PROSE = re.compile(r"%\(\w+\)[sd]|\{\w+\}|<[^>]*>")
# A password's salt and hash, shown masked on a user's page ("salt: jo**********").
MASKED = re.compile(r"\S*\*{4,}\S*")
VISIBLE_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "data-placeholder"}


class VisibleText(HTMLParser):
    """What a reader sees or hears: text nodes, button labels, titles, placeholders.

    Not the values of text inputs and text areas (an editor's data), nor scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style", "textarea", "template"):
            self._hidden += 1
        for name in VISIBLE_ATTRIBUTES & attrs.keys():
            self.parts.append(attrs[name] or "")
        if tag == "input" and attrs.get("type") in ("submit", "button", "reset"):
            self.parts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "textarea", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_words(html: str) -> set[str]:
    reader = VisibleText()
    reader.feed(html)
    text = MASKED.sub(" ", " ".join(reader.parts))
    return set(LATIN_WORD.findall(text))


def english_words(words: set[str], allowed: set[str]) -> set[str]:
    # Compared in lower case: "Groupes" is the catalog's "groupes" with a capital.
    return {word for word in words if word.lower() not in allowed and word not in NOT_WORDS}


def translated_words(language: str) -> set[str]:
    """Every Latin word of the translations Django loads for a language: ours, Django's
    and the libraries' (the words an interface in that language may show)."""
    catalog = trans_real.translation(language)._catalog
    words: set[str] = set()
    for key in set(catalog.keys()):  # each msgid once, as the catalog that wins has it
        if key == "":
            continue  # the catalog's header
        text = NOT_PROSE.sub(" ", str(catalog[key]))
        words.update(word.lower() for word in LATIN_WORD.findall(text))
    return words


def data_words() -> set[str]:
    """The Latin words stored in the records (names, titles, quotes) and the usernames."""
    words: set[str] = set()
    for model in apps.get_models():
        if model._meta.app_label not in {"core", "partners", "events", "agreements", "auth"}:
            continue
        text_fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField, models.URLField))
        ]
        for row in model._default_manager.values_list(*text_fields):
            for value in row:
                if value:
                    words.update(LATIN_WORD.findall(str(value)))
    # An acronym cut short where a long quote is previewed: "(GITEX" shown as "(GI".
    words.update(
        word[:end] for word in list(words) if word.isupper() for end in range(2, len(word))
    )
    return {word.lower() for word in words}


def admin_pages(request) -> list[str]:
    """The index and, for every model of the admin, its pages with a record on them."""
    urls = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        base = f"admin:{opts.app_label}_{opts.model_name}"
        urls.append(reverse(f"{base}_changelist"))
        if model_admin.has_add_permission(request):  # not the log of failed logins
            urls.append(reverse(f"{base}_add"))
        record = model._default_manager.order_by("pk").first()
        if record is None:
            continue
        urls += [
            reverse(f"{base}_change", args=[record.pk]),
            reverse(f"{base}_history", args=[record.pk]),
        ]
        history = getattr(model, "history", None)
        if history is not None and hasattr(model_admin, "history_form_view"):
            version = history.filter(**{opts.pk.attname: record.pk}).order_by("pk").first()
            if version is not None:
                urls.append(reverse(f"{base}_simple_history", args=[record.pk, version.history_id]))
    return urls


@pytest.fixture
def superuser_client(client, seeded):
    client.force_login(User.objects.create_superuser("chief", password="a-long-password-1"))
    return client


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_no_english_on_any_admin_page(superuser_client, language):
    allowed = translated_words(language) | data_words()
    english: dict[str, list[str]] = {}  # each word left in English, and where
    request = RequestFactory().get("/")
    request.user = User.objects.get(username="chief")
    for url in admin_pages(request):
        response = superuser_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, url
        assert response.headers["Content-Language"] == language, url
        for word in english_words(visible_words(response.content.decode()), allowed):
            english.setdefault(word, []).append(url)
    report = "\n".join(
        f"{word}: {len(urls)} pages, first {urls[0]}" for word, urls in sorted(english.items())
    )
    assert not english, f"English left on the {language} admin:\n{report}"


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_every_plural_has_the_forms_its_language_declares(language):
    """A plural entry short of a form is not used for the counts that need it: gettext falls
    back to the default language, and a French page shows "3 نسخ"."""
    catalog = polib.pofile(
        str(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po")
    )
    declared = int(re.search(r"nplurals=(\d+)", catalog.metadata["Plural-Forms"])[1])
    short = [
        entry.msgid
        for entry in catalog
        if entry.msgid_plural
        and len([form for form in entry.msgstr_plural.values() if form]) < declared
    ]
    assert short == []


def test_a_count_in_french_stays_french(superuser_client):
    agreement = Agreement.objects.order_by("pk").first()
    url = reverse("admin:agreements_agreement_history", args=[agreement.pk])
    page = superuser_client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    count = agreement.history.count()
    assert f"{count} versions" in page or f"{count} version" in page


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_widgets_load_their_messages_in_the_editors_language(superuser_client, language):
    """The autocomplete's messages ("Searching…", "No results found") come from select2's
    own file for the language; the calendar's and the filters' from the admin's catalog."""
    agreement = Agreement.objects.order_by("pk").first()
    url = reverse("admin:agreements_agreement_change", args=[agreement.pk])
    page = superuser_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f"admin/js/vendor/select2/i18n/{language}.js" in page
    script = superuser_client.get(reverse("admin:jsi18n"), HTTP_ACCEPT_LANGUAGE=language)
    catalog = json.loads(
        re.search(r"const newcatalog = (\{.*?\});", script.content.decode(), re.S)[1]
    )
    for msgid in ("Today", "Now", "Choose a Date", "Available %s", "Filter", "Cancel"):
        assert catalog.get(msgid), f"{msgid!r} is not translated for the admin's scripts"


@pytest.mark.parametrize(
    ("changelist", "model"),
    [
        ("admin:events_event_changelist", "events.Event"),
        ("admin:partners_organization_changelist", "partners.Organization"),
    ],
)
def test_country_filters_list_the_countries_in_use_by_name(superuser_client, changelist, model):
    used = set(apps.get_model(model).objects.exclude(country="").values_list("country", flat=True))
    page = superuser_client.get(reverse(changelist) + "?_facets=True", HTTP_ACCEPT_LANGUAGE="fr")
    html = page.content.decode()
    offered = set(re.findall(r'href="\?[^"]*country__exact=([A-Z]{2})', html))
    assert offered == used
    assert "Maroc" in html and "Afghanistan" not in html
    chosen = superuser_client.get(reverse(changelist) + "?country__exact=MA")
    assert chosen.status_code == 200
    assert all(row.country == "MA" for row in chosen.context["cl"].result_list)
