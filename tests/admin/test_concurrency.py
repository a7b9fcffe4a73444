"""Two editors, one record: the second save from a stale form is refused with what changed,
the second editor's input stays on screen, and saving again from that form goes through."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from agreements.models import Agreement, SourceDocument
from partners.models import Organization
from tests.admin.conftest import form_data, make_user
from tests.text import plain

# model, slug, form id, (field the first editor changes, its label), field the second changes
RECORDS = [
    pytest.param(
        Agreement, "ministry-mistral-ai-mou-2025", "agreement_form",
        ("title_fr", "title [fr]"), "summary_fr", id="agreement",
    ),
    pytest.param(
        Organization, "mistral-ai", "organization_form",
        ("name_fr", "name [fr]"), "website", id="organization",
    ),
    pytest.param(
        SourceDocument, "daily8-elm-mou-gitex-africa-2025", "sourcedocument_form",
        ("publisher", "publisher"), "author", id="source-without-inlines",
    ),
]  # fmt: skip
SECOND_VALUES = {
    "summary_fr": "Résumé du second",
    "website": "https://second.example/",
    "author": "Second",
}


def editor_client(name: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    # Publishers: an editor's change to a published record waits for review instead
    # (tests/admin/test_review.py); a stale form is refused before either happens.
    client.force_login(make_user(name, "Editors", "Publishers"))
    return client


def change_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def open_form(client: Client, url: str, form_id: str) -> dict[str, list[str]]:
    page = client.get(url)
    assert page.status_code == 200
    return form_data(page.content.decode(), form_id)


def form_errors(page: str) -> str:
    found = re.findall(r'<ul class="errorlist[^"]*">(.*?)</ul>', page, re.S)
    return html.unescape(" ".join(found))


@pytest.mark.parametrize(("model", "slug", "form_id", "first", "second"), RECORDS)
def test_a_stale_form_is_refused_with_what_changed_and_keeps_the_input(
    seeded, model, slug, form_id, first, second
):
    record = model.objects.get(slug=slug)
    url = change_url(record)
    alice, bruno = editor_client("alice"), editor_client("bruno")
    alices_form, brunos_form = open_form(alice, url, form_id), open_form(bruno, url, form_id)
    assert alices_form["_version"] == brunos_form["_version"] == [str(record.version)]
    first_field, first_label = first
    old_value = getattr(record, first_field)

    alices_form[first_field] = ["Édition d'Alice"]
    assert alice.post(url, alices_form).status_code == 302
    brunos_form[second] = [SECOND_VALUES[second]]
    refused = bruno.post(url, brunos_form)

    assert refused.status_code == 200, "the stale form was accepted"
    page = refused.content.decode()
    errors = plain(form_errors(page))
    assert "after you opened it" in errors
    assert "alice" in errors
    # The field, what it held (long values are shortened) and what it holds now.
    assert f"{first_label}: “{(old_value or '—')[:20]}" in errors
    assert "” → “Édition d'Alice”" in errors
    shown = form_data(page, form_id)
    assert shown[second] == [SECOND_VALUES[second]], "the second editor's input was lost"
    stored = model.objects.get(pk=record.pk)
    assert getattr(stored, first_field) == "Édition d'Alice"
    assert getattr(stored, second) != SECOND_VALUES[second]
    assert shown["_version"] == [str(stored.version)]

    # Saving again, knowing the other change, goes through.
    assert bruno.post(url, shown).status_code == 302
    saved = model.objects.get(pk=record.pk)
    assert getattr(saved, second) == SECOND_VALUES[second]
    assert saved.version == stored.version + 1
    assert saved.history.first().history_user.username == "bruno"


def test_a_form_that_fails_validation_keeps_the_version_it_was_opened_at(seeded):
    """An invalid save is not a reason to forget that someone else may have saved since."""
    record = Organization.objects.get(slug="mistral-ai")
    url = change_url(record)
    alice, bruno = editor_client("alice"), editor_client("bruno")
    brunos_form = open_form(bruno, url, "organization_form")
    alice.post(url, {**open_form(alice, url, "organization_form"), "name_fr": ["Par Alice"]})
    brunos_form["website"] = ["not a web address"]
    invalid = bruno.post(url, brunos_form)
    assert invalid.status_code == 200
    shown = form_data(invalid.content.decode(), "organization_form")
    assert shown["_version"] == brunos_form["_version"]
    shown["website"] = ["https://second.example/"]
    stale = bruno.post(url, shown)
    assert stale.status_code == 200
    assert "after you opened it" in form_errors(stale.content.decode())
    assert Organization.objects.get(pk=record.pk).name_fr == "Par Alice"
