"""PATCH with If-Match: the ETag of a GET names the record's version; a write from another
version is a 412 that names what changed, and writes nothing."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from agreements.models import Agreement, Initiative, SourceDocument
from events.models import Event
from partners.models import Organization, Person

pytestmark = pytest.mark.django_db

VERSION_TAG = re.compile(r'^"v(\d+)-[0-9a-f]+"$')

# resource path, model, slug, two successive changes, the field they change, its label
RESOURCES = [
    pytest.param(
        "agreements", Agreement, "ministry-mistral-ai-mou-2025",
        {"title": {"fr": "Premier titre"}}, {"title": {"fr": "Second titre"}}, "title_fr",
        id="agreements",
    ),
    pytest.param(
        "partners", Organization, "mistral-ai",
        {"website": "https://first.example/"}, {"website": "https://second.example/"}, "website",
        id="partners",
    ),
    pytest.param(
        "people", Person, "arthur-mensch",
        {"wikidata_id": "Q1"}, {"wikidata_id": "Q2"}, "wikidata_id", id="people",
    ),
    pytest.param(
        "events", Event, "gitex-africa-2025",
        {"name": {"fr": "Premier nom"}}, {"name": {"fr": "Second nom"}}, "name_fr", id="events",
    ),
    pytest.param(
        "initiatives", Initiative, "jazari-root",
        {"name": {"fr": "Premier nom"}}, {"name": {"fr": "Second nom"}}, "name_fr",
        id="initiatives",
    ),
    pytest.param(
        "sources", SourceDocument, "daily8-elm-mou-gitex-africa-2025",
        {"publisher": "Premier"}, {"publisher": "Second"}, "publisher", id="sources",
    ),
]  # fmt: skip


@pytest.fixture
def editor() -> Client:
    user = User.objects.create_user("editor", password="not-used-here")
    # Publishes too: an editor's change to a published record answers 202 and waits for
    # review (tests/api/test_review.py); If-Match is checked before either.
    user.groups.add(*Group.objects.filter(name__in=["Editors", "Publishers"]))
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def patch(client: Client, url: str, body: dict, **headers):
    return client.patch(url, json.dumps(body), content_type="application/json", headers=headers)


def read_tag(client: Client, url: str) -> tuple[str, int]:
    response = client.get(url)
    assert response.status_code == 200
    tag = response["ETag"]
    match = VERSION_TAG.match(tag)
    assert match, f"not a version tag: {tag}"
    return tag, int(match.group(1))


@pytest.mark.parametrize(("path", "model", "slug", "first", "second", "field"), RESOURCES)
def test_a_write_from_an_old_version_is_412_and_names_what_changed(
    seeded, editor, path, model, slug, first, second, field
):
    url = f"/api/v1/{path}/{slug}/"
    record = model.objects.get(slug=slug)
    tag, version = read_tag(editor, url)
    assert version == record.version

    written = patch(editor, url, first, if_match=tag)
    assert written.status_code == 200, written.json()
    new_tag = written["ETag"]
    assert new_tag.startswith(f'"v{version + 1}-')
    assert read_tag(editor, url)[1] == version + 1

    stale = patch(editor, url, second, if_match=tag)
    assert stale.status_code == 412
    detail = stale.json()["detail"]
    assert "after you opened it" in detail
    assert "editor" in detail  # who saved since
    assert str(model._meta.get_field(field).verbose_name) in detail
    kept = model.objects.get(pk=record.pk)
    assert kept.version == version + 1
    assert getattr(kept, field) == next(iter(_leaf_values(first)))
    assert stale["Cache-Control"] == "no-store"

    # The new tag is the current version: accepted.
    assert patch(editor, url, second, if_match=new_tag).status_code == 200
    assert getattr(model.objects.get(pk=record.pk), field) == next(iter(_leaf_values(second)))


def _leaf_values(body: dict):
    for value in body.values():
        yield from (value.values() if isinstance(value, dict) else [value])


URL = "/api/v1/agreements/ministry-mistral-ai-mou-2025/"


@pytest.mark.parametrize(
    ("if_match", "expected"),
    [
        ("*", 200),
        (None, 200),  # documented: without If-Match, the write is not checked
        ("current-weak", 412),  # W/"…": If-Match compares strongly
        ("current-in-a-list", 200),
        ("garbage", 412),
        ('"v999999-abc"', 412),
    ],
)
def test_if_match_forms(seeded, editor, if_match, expected):
    tag, version = read_tag(editor, URL)
    header = {
        "current-weak": f"W/{tag}",
        "current-in-a-list": f'"v{version + 7}-00", {tag}',
        "garbage": "not a tag",
    }.get(if_match, if_match)
    headers = {} if header is None else {"if_match": header}
    response = patch(editor, URL, {"title": {"fr": "Changé"}}, **headers)
    assert response.status_code == expected, response.content
    stored = Agreement.objects.get(slug="ministry-mistral-ai-mou-2025")
    assert (stored.title_fr == "Changé") == (expected == 200)
    assert stored.version == version + (1 if expected == 200 else 0)


def test_a_refused_write_with_a_current_tag_is_still_a_400(seeded, editor):
    tag, version = read_tag(editor, URL)
    response = patch(editor, URL, {"citations": []}, if_match=tag)
    assert response.status_code == 400
    assert "status" in response.json()
    assert Agreement.objects.get(slug="ministry-mistral-ai-mou-2025").version == version


def test_the_schema_documents_if_match_and_412_on_every_patch(db):
    schema = Client().get("/api/schema/", {"format": "json"}).json()
    patches = {
        path: operations["patch"]
        for path, operations in schema["paths"].items()
        if "patch" in operations
    }
    assert set(patches) >= {
        f"/api/v1/{name}/{{slug}}/"
        for name in ("agreements", "partners", "people", "events", "initiatives", "sources")
    }
    for path, operation in patches.items():
        headers = {p["name"]: p for p in operation.get("parameters", []) if p["in"] == "header"}
        assert "If-Match" in headers, path
        assert headers["If-Match"].get("required", False) is False
        assert "412" in operation["responses"], path
        assert operation["responses"]["412"]["description"], path
