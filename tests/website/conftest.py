"""Fixtures of the public site's tests: the real seed data, an editor, page parsing."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Permission, User
from django.core.cache import cache
from django.test import Client

from agreements.search import refresh_search_documents

LANGUAGES = ("ar", "fr", "en")


@pytest.fixture(autouse=True)
def fresh_cache():
    """Shared figures are kept under the dataset's version; a rolled-back test may leave
    the same version over other data (and the tests write with .update(), which a
    version does not see): every test starts with an empty cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seeded(seeded_module, db):
    refresh_search_documents()  # idempotent: the loader already did it


@pytest.fixture
def editor_client(db) -> Client:
    """An editor: may view every curated model in the admin, so previews drafts."""
    user = User.objects.create_user("editor", password="not-a-real-password", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    client = Client()
    client.force_login(user)
    return client


class Page(HTMLParser):
    """Just enough of an HTML page to test what a reader gets: links, ids, headings, text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.headings: list[int] = []
        self.times: list[tuple[str, str]] = []
        self._time: str | None = None
        self._text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "time":
            self._time = attrs.get("datetime", "")
            self._text = []

    def handle_endtag(self, tag):
        if tag == "time" and self._time is not None:
            self.times.append((self._time, "".join(self._text).strip()))
            self._time = None

    def handle_data(self, data):
        if self._time is not None:
            self._text.append(data)

    def agreement_slugs(self, language: str) -> list[str]:
        """The agreements the page lists, in order (each card's title link)."""
        pattern = re.compile(rf"^/{language}/agreements/([a-z0-9-]+)/$")
        seen: list[str] = []
        for link in self.links:
            match = pattern.match(link)
            if match and match.group(1) not in seen:
                seen.append(match.group(1))
        return seen


def page(response) -> Page:
    return Page(response.content.decode())
