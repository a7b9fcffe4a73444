"""Editors write through the API (token or session) with model permissions; everyone else
is refused; a refused write leaves nothing behind."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from rest_framework.authtoken.models import Token

from agreements.models import Agreement, AgreementParty, Citation, Signatory, SourceDocument
from events.models import Event
from partners.models import Organization, Person

pytestmark = pytest.mark.django_db

SOURCE = "daily8-elm-mou-gitex-africa-2025"


def user_in(group: str | None, name: str) -> User:
    user = User.objects.create_user(name, password="not-used-here")
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def token_client(user: User) -> Client:
    token = Token.objects.create(user=user)
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}")


@pytest.fixture
def editor() -> Client:
    return token_client(user_in("Editors", "editor"))


@pytest.fixture
def publisher() -> Client:
    return token_client(user_in("Publishers", "publisher"))


def post(client: Client, path: str, body, **extra):
    return client.post(path, json.dumps(body), content_type="application/json", **extra)


def patch(client: Client, path: str, body, **extra):
    return client.patch(path, json.dumps(body), content_type="application/json", **extra)


def quote() -> str:
    return SourceDocument.objects.get(slug=SOURCE).text.strip().splitlines()[0][:40]


def new_agreement(**overrides) -> dict:
    body = {
        "slug": "new-mou",
        "title": {"ar": "مذكرة تفاهم جديدة", "fr": "Nouveau mémorandum", "en": "New MoU"},
        "kind": "mou",
        "signed_on": "2025-04",
        "place": {"city": {"ar": "مراكش", "fr": "Marrakech", "en": "Marrakesh"}, "country": "MA"},
        "event": "gitex-africa-2025",
        "duration_months": 12,
        "themes": ["artificial-intelligence"],
        "parties": ["ministry-digital-transition", "elm"],
        "signatories": [
            {
                "person": "amal-el-fallah-seghrouchni",
                "organization": "ministry-digital-transition",
                "title": {"ar": "الوزيرة"},
            }
        ],
        "summary": {"en": "A test agreement."},
        "citations": [{"source": SOURCE, "quote": quote(), "fields": ["title"]}],
    }
    body.update(overrides)
    return body


def test_an_editor_creates_a_draft_agreement(seeded, editor: Client):
    response = post(editor, "/api/v1/agreements/", new_agreement(), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert response["Location"].endswith("/api/v1/agreements/new-mou/")
    assert (body["signed_on"], body["signed_on_precision"]) == ("2025-04", "month")
    assert body["expires_on"] == "2026-04"
    assert body["place"] == {"city": "Marrakesh", "country": "MA"}
    assert body["title"] == "New MoU"
    assert [p["slug"] for p in body["parties"]] == ["ministry-digital-transition", "elm"]
    assert body["citations"][0]["source"]["slug"] == SOURCE

    agreement = Agreement.objects.get(slug="new-mou")
    assert agreement.status == "draft"
    assert agreement.history.first().history_user.username == "editor"
    assert " مذكر تفاهم جديد " in agreement.search_document  # the title's stems
    # Drafts stay invisible to the public, visible to editors.
    assert Client().get("/api/v1/agreements/new-mou/").status_code == 404
    assert editor.get("/api/v1/agreements/new-mou/").status_code == 200


def test_an_editor_may_not_publish_a_publisher_may(seeded, editor: Client, publisher: Client):
    refused = post(editor, "/api/v1/agreements/", new_agreement(status="published"))
    assert refused.status_code == 403
    assert not Agreement.objects.filter(slug="new-mou").exists()
    assert post(editor, "/api/v1/agreements/", new_agreement()).status_code == 201
    assert patch(editor, "/api/v1/agreements/new-mou/", {"status": "published"}).status_code == 403
    published = patch(publisher, "/api/v1/agreements/new-mou/", {"status": "published"})
    assert published.status_code == 200
    assert Client().get("/api/v1/agreements/new-mou/").status_code == 200


def test_a_partial_update_changes_only_what_is_given(seeded, publisher: Client):
    # A publisher: an editor's change to this published agreement waits for review
    # (tests/api/test_review.py).
    url = "/api/v1/agreements/ministry-mistral-ai-mou-2025/"
    before = Agreement.objects.get(slug="ministry-mistral-ai-mou-2025")
    response = patch(publisher, url, {"title": {"fr": "Titre corrigé"}, "duration_months": 24})
    assert response.status_code == 200, response.json()
    after = Agreement.objects.get(slug="ministry-mistral-ai-mou-2025")
    assert after.title_fr == "Titre corrigé"
    assert (after.title_ar, after.title_en) == (before.title_ar, before.title_en)
    assert after.duration_months == 24
    assert after.signatories.count() == before.signatories.count()
    assert " titr corrig " in after.search_document  # the new title's stems


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "treaty"}, "kind"),
        ({"signed_on": "2025-13"}, "signed_on"),
        ({"signed_on": 2025}, "signed_on"),
        ({"duration_months": 0}, "duration_months"),
        ({"event": "nowhere"}, "event"),
        ({"parties": ["elm"]}, "parties"),
        ({"parties": ["elm", "nobody"]}, "parties"),
        ({"title": {"de": "Titel"}}, "title"),
        ({"title": {"fr": "Sans arabe"}}, "title"),
        ({"place": {"country": "XX"}}, "place"),
        ({"colour": "blue"}, "colour"),
        ({"slug": "not a slug"}, "slug"),
        ({"slug": "ministry-mistral-ai-mou-2025"}, "slug"),
        ({"signatories": [{"person": "ryad-mezzour", "organization": "undp"}]}, "signatories[0].organization"),
        ({"citations": [{"source": SOURCE, "quote": "لا يوجد هذا النص في المصدر"}]}, "citations"),
    ],
)  # fmt: skip
def test_invalid_writes_are_400s_per_field_and_leave_nothing(seeded, editor: Client, change, field):
    counts = (
        Agreement.objects.count(), AgreementParty.objects.count(), Signatory.objects.count(),
        Citation.objects.count(),
    )  # fmt: skip
    response = post(editor, "/api/v1/agreements/", new_agreement(**change))
    assert response.status_code == 400
    assert any(key.startswith(field) for key in response.json()), response.json()
    assert all(isinstance(m, str) for ms in response.json().values() for m in ms)
    assert counts == (
        Agreement.objects.count(), AgreementParty.objects.count(), Signatory.objects.count(),
        Citation.objects.count(),
    )  # fmt: skip


def test_a_refused_update_changes_nothing(seeded, editor: Client):
    url = "/api/v1/agreements/ministry-mistral-ai-mou-2025/"
    before = Agreement.objects.get(slug="ministry-mistral-ai-mou-2025")
    parties = sorted(before.parties.values_list("organization__slug", flat=True))
    # The title is valid, the new parties leave a signatory without a party: all refused.
    response = patch(editor, url, {"title": {"en": "Changed"}, "parties": ["elm", "undp"]})
    assert response.status_code == 400
    assert "parties" in response.json()
    after = Agreement.objects.get(slug="ministry-mistral-ai-mou-2025")
    assert after.title_en == before.title_en
    assert sorted(after.parties.values_list("organization__slug", flat=True)) == parties
    assert patch(editor, url, {"slug": "renamed"}).status_code == 400


def test_anonymous_writes_are_401_and_unpermitted_ones_403(seeded, client: Client):
    assert post(client, "/api/v1/agreements/", new_agreement()).status_code == 401
    assert patch(client, "/api/v1/partners/elm/", {"website": "https://elm.sa"}).status_code == 401
    bad_token = Client(HTTP_AUTHORIZATION="Token not-a-token")
    assert post(bad_token, "/api/v1/agreements/", new_agreement()).status_code == 401
    nobody = token_client(user_in(None, "reader"))
    assert post(nobody, "/api/v1/agreements/", new_agreement()).status_code == 403
    assert patch(nobody, "/api/v1/partners/elm/", {"website": "https://elm.sa"}).status_code == 403
    assert not Agreement.objects.filter(slug="new-mou").exists()


def test_writes_accept_json_only_and_offer_no_put_or_delete(seeded, editor: Client):
    form = editor.post("/api/v1/agreements/", {"slug": "x"})
    assert form.status_code == 415
    url = "/api/v1/agreements/ministry-mistral-ai-mou-2025/"
    assert editor.put(url, "{}", content_type="application/json").status_code == 405
    assert editor.delete(url).status_code == 405
    assert editor.post(url, "{", content_type="application/json").status_code == 405
    broken = editor.post("/api/v1/agreements/", "{", content_type="application/json")
    assert broken.status_code == 400


def test_session_authenticated_editors_write_too(seeded):
    client = Client()
    client.force_login(user_in("Editors", "session-editor"))
    # A draft: an editor's change to a published person waits for review.
    Person.objects.filter(slug="arthur-mensch").update(status="draft")
    response = patch(client, "/api/v1/people/arthur-mensch/", {"wikidata_id": "Q123"})
    assert response.status_code == 200
    assert Person.objects.get(slug="arthur-mensch").wikidata_id == "Q123"
    assert response["Cache-Control"] == "no-store"


def test_every_resource_is_writable(seeded, publisher: Client):
    created = post(publisher, "/api/v1/partners/", {
        "slug": "new-agency", "name": {"ar": "وكالة جديدة", "en": "New agency"},
        "kind": "public_agency", "country": "MA", "parent": "ministry-digital-transition",
        "status": "published", "citations": [{"source": SOURCE, "quote": quote()}],
    })  # fmt: skip
    assert created.status_code == 201, created.json()
    assert Client().get("/api/v1/partners/new-agency/").json()["parent"] == (
        "ministry-digital-transition"
    )
    person = post(publisher, "/api/v1/people/", {"slug": "new-person", "name": {"ar": "شخص"}})
    assert person.status_code == 201
    event = post(publisher, "/api/v1/events/", {
        "slug": "new-forum", "name": {"ar": "منتدى"}, "kind": "forum", "start_date": "2026-03",
        "end_date": "2026-03", "organizations": ["new-agency"],
        "participants": [{"person": "new-person", "role": {"fr": "Intervenant"}}],
    })  # fmt: skip
    assert event.status_code == 201, event.json()
    assert Event.objects.get(slug="new-forum").date_precision == "month"
    mixed = patch(publisher, "/api/v1/events/new-forum/", {"end_date": "2026-03-05"})
    assert mixed.status_code == 400
    assert "end_date" in mixed.json()
    initiative = post(publisher, "/api/v1/initiatives/", {
        "slug": "new-programme", "name": {"ar": "برنامج"}, "kind": "programme",
        "lead": "new-agency", "partners": ["elm"], "launched_on": "2026",
    })  # fmt: skip
    assert initiative.status_code == 201, initiative.json()
    source = post(publisher, "/api/v1/sources/", {
        "slug": "new-article", "title": {"ar": "مقال"}, "file_name": "new.txt",
        "text": "نص المقال الكامل",
    })  # fmt: skip
    assert source.status_code == 201, source.json()
    # A source's text may not drop a passage a citation quotes.
    cited = patch(publisher, f"/api/v1/sources/{SOURCE}/", {"text": "نص آخر"})
    assert cited.status_code == 400
    assert "text" in cited.json()


def test_records_and_sources_created_without_a_slug_get_one_from_their_title(
    seeded, editor: Client
):
    """As in the admin and intake: the slug is made by the services, never typed."""
    person = post(editor, "/api/v1/people/", {"name": {"ar": "يوسف وفقير", "fr": "Youssef Oufkir"}})
    assert person.status_code == 201, person.json()
    assert Person.objects.filter(slug="youssef-oufkir").exists()
    body = new_agreement()
    del body["slug"]
    agreement = post(editor, "/api/v1/agreements/", body)
    assert agreement.status_code == 201, agreement.json()
    assert Agreement.objects.filter(slug="new-mou").exists()
    source = post(editor, "/api/v1/sources/", {
        "title": {"ar": "مقال بلا ملف"}, "text": "نص المقال الكامل", "dateline": "الرباط",
        "credits": "تصوير: فلان", "language": "ar", "published_on": "2025-09",
    })  # fmt: skip
    assert source.status_code == 201, source.json()
    stored = SourceDocument.objects.get(title_ar="مقال بلا ملف")
    assert (stored.slug, stored.file_name, stored.dateline) == ("mql-bl-mlf", "", "الرباط")
    shown = Client().get(f"/api/v1/sources/{stored.slug}/").json()
    assert (shown["dateline"], shown["credits"]) == ("الرباط", "تصوير: فلان")
    assert shown["published_on"] == "2025-09"


def test_renaming_a_party_refreshes_search(seeded, publisher: Client):
    response = patch(publisher, "/api/v1/partners/mistral-ai/", {"name": {"fr": "Mistral Paris"}})
    assert response.status_code == 200
    found = Client().get("/api/v1/agreements/", {"q": "mistral paris"}).json()["results"]
    assert [a["slug"] for a in found] == ["ministry-mistral-ai-mou-2025"]
    assert Organization.objects.get(slug="mistral-ai").history.first().history_user


@pytest.mark.parametrize(
    "change",
    [
        {"parties": ["elm", "\x00"]},
        {"event": "a\x00b"},
        {"title": {"ar": "نص\x00"}},
        {"themes": [0]},
        {"signatories": [{"person": "\x00", "organization": "elm"}]},
    ],
)
def test_nul_characters_and_wrong_types_are_400s_on_every_database(seeded, editor, change):
    response = post(editor, "/api/v1/agreements/", new_agreement(**change))
    assert response.status_code == 400
