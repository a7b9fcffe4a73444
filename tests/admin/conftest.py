from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, User


@pytest.fixture
def seeded(seeded_module, db):
    """The seed data, shared by a module's tests (each test's changes are rolled back)."""


def make_user(username: str, *groups: str) -> User:
    user = User.objects.create_user(username, password="a-long-editor-password", is_staff=True)
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def editor(db) -> User:
    return make_user("editor", "Editors")


@pytest.fixture
def publisher(db) -> User:
    return make_user("publisher", "Editors", "Publishers")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


class _FormReader(HTMLParser):
    """Collects what a browser would submit from one form: inputs, selects, textareas."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind in ("submit", "button", "file"):
                return
            self.data.setdefault(name, []).append(
                attrs.get("value", "on" if kind == "checkbox" else "")
            )
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self._text = []

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            text = "".join(self._text)
            self.data[self._textarea] = [text[1:] if text.startswith("\n") else text]
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def form_data(html: str, form_id: str) -> dict[str, list[str]]:
    reader = _FormReader(form_id)
    reader.feed(html)
    assert reader.data, f"no form #{form_id} in the page"
    return reader.data


def submit(client, url: str, form_id: str, changes: dict | None = None, **extra):
    """GET the form, change some fields, POST it back: what an editor does."""
    page = client.get(url, **extra)
    assert page.status_code == 200, page.status_code
    data = form_data(page.content.decode(), form_id)
    for key, value in (changes or {}).items():
        data[key] = value if isinstance(value, list) else [value]
    return client.post(url, data, **extra)
