"""Review through the API: an editor's PATCH to a published record answers 202 and waits.

The record, its ETag and what the public reads stay as they were; the revision is at the
address in `Location`, for its author and for publishers, and the schema documents it.
"""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from rest_framework.authtoken.models import Token

from agreements.models import Agreement
from core import revisions
from core.models import Revision, RevisionStatus

MISTRAL = "ministry-mistral-ai-mou-2025"
URL = f"/api/v1/agreements/{MISTRAL}/"


def token_client(name: str, *groups: str) -> tuple[Client, User]:
    user = User.objects.create_user(name, password="not-used-here")
    user.groups.set(Group.objects.filter(name__in=groups))
    token = Token.objects.create(user=user)
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}"), user


def patch(client: Client, body: dict, **headers):
    return client.patch(URL, json.dumps(body), content_type="application/json", **headers)


def public_title() -> str:
    return Client().get(f"{URL}?lang=fr").json()["title"]


def test_an_editors_patch_is_202_with_the_revision_and_changes_nothing(seeded):
    editor, editor_user = token_client("editor", "Editors")
    before = Agreement.objects.get(slug=MISTRAL)
    tag = editor.get(URL).headers["ETag"]

    response = patch(editor, {"title": {"fr": "Titre proposé"}}, HTTP_IF_MATCH=tag)

    assert response.status_code == 202, response.content
    body = response.json()
    revision = Revision.objects.get(pk=body["revision"])
    assert response["Location"].endswith(f"/api/v1/revisions/{revision.pk}/")
    assert body["api_url"] == response["Location"]
    assert revision.proposed_by == editor_user and revision.status == RevisionStatus.PENDING
    stored = Agreement.objects.get(slug=MISTRAL)
    assert (stored.title_fr, stored.version) == (before.title_fr, before.version)
    assert public_title() == before.title_fr
    # The ETag names the record's version: the same one, so If-Match still matches it.
    assert editor.get(URL).headers["ETag"].split("-")[0] == tag.split("-")[0] == '"v1'
    assert patch(editor, {"title": {"fr": "Encore"}}, HTTP_IF_MATCH=tag).status_code == 202

    shown = editor.get(response["Location"])
    assert shown.status_code == 200
    changes = {change["field"]: change for change in shown.json()["changes"]}
    assert list(changes) == ["title_fr"]
    assert changes["title_fr"]["after"] == ["Titre proposé"]
    assert shown.json()["status"] == "pending"


def test_the_revision_is_for_its_author_and_publishers_only(seeded):
    editor, _user = token_client("editor", "Editors")
    other, _other = token_client("other", "Editors")
    publisher, publisher_user = token_client("publisher", "Editors", "Publishers")
    location = patch(editor, {"title": {"fr": "Titre proposé"}})["Location"]

    assert other.get(location).status_code == 404
    assert Client().get(location).status_code in (401, 403)
    assert publisher.get(location).status_code == 200

    revisions.approve(actor=publisher_user, revision=Revision.objects.get())
    assert public_title() == "Titre proposé"
    assert editor.get(location).json()["status"] == "approved"


def test_a_stale_if_match_is_still_412_and_nothing_is_proposed(seeded):
    editor, _user = token_client("editor", "Editors")
    response = patch(editor, {"title": {"fr": "Titre proposé"}}, HTTP_IF_MATCH='"v999-x"')
    assert response.status_code == 412
    assert not Revision.objects.exists()


def test_a_refused_patch_is_400_not_a_revision(seeded):
    editor, _user = token_client("editor", "Editors")
    response = patch(editor, {"parties": ["ministry-digital-transition"]})
    assert response.status_code == 400
    assert not Revision.objects.exists()


def test_a_publishers_patch_applies_at_once(seeded):
    publisher, _user = token_client("publisher", "Editors", "Publishers")
    response = patch(publisher, {"title": {"fr": "Titre du publicateur"}})
    assert response.status_code == 200
    assert public_title() == "Titre du publicateur"
    assert not Revision.objects.exists()


def test_a_draft_is_changed_directly_through_the_api(seeded):
    editor, _user = token_client("editor", "Editors")
    created = editor.post(
        "/api/v1/partners/",
        json.dumps(
            {"slug": "draft-partner", "name": {"ar": "شريك", "fr": "Partenaire"}, "kind": "company"}
        ),
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    changed = editor.patch(
        "/api/v1/partners/draft-partner/",
        json.dumps({"name": {"fr": "Partenaire corrigé"}}),
        content_type="application/json",
    )
    assert changed.status_code == 200, changed.content
    assert not Revision.objects.exists()


def test_the_schema_documents_202_on_every_patch(db):
    schema = Client().get("/api/schema/?format=json").json()
    patches = [
        (path, operations["patch"])
        for path, operations in schema["paths"].items()
        if "patch" in operations
    ]
    assert patches
    for path, operation in patches:
        assert "202" in operation["responses"], path
    assert "/api/v1/revisions/{id}/" in schema["paths"]


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
