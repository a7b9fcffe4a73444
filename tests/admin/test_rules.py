"""What editors may do, what the forms refuse and say, history and revert, login throttling."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from agreements.models import Agreement, Citation, SourceDocument
from events.models import Event
from partners.models import Organization
from seeding.loader import load_seeds
from tests.admin.conftest import submit

MISTRAL = "ministry-mistral-ai-mou-2025"


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def errors_of(response) -> str:
    assert response.status_code == 200, "the form was accepted"
    return response.content.decode()


# --- who may do what ---------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(reverse("admin:agreements_agreement_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("url_name", ["admin:auth_user_changelist", "admin:auth_group_changelist"])
def test_editors_cannot_manage_users_or_groups(editor_client, url_name):
    assert editor_client.get(reverse(url_name)).status_code == 403
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:auth_user_changelist") not in index


def test_roles_hold_exactly_their_permissions(db):
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    publishers = set(
        Group.objects.get(name="Publishers").permissions.values_list("codename", flat=True)
    )
    assert "change_agreement" in editors and "delete_citation" in editors
    assert not {p for p in editors if p.startswith("publish_")}
    assert not {p for p in editors | publishers if p.endswith(("_user", "_group", "_permission"))}
    assert publishers - editors == {
        "publish_agreement",
        "publish_initiative",
        "publish_organization",
        "publish_person",
        "publish_event",
        "publish_indicator",
    }


def test_an_editor_cannot_publish(seeded, editor_client):
    agreement = Agreement.objects.get(slug=MISTRAL)
    agreement.status = "draft"
    agreement.save()
    changelist = editor_client.get(reverse("admin:agreements_agreement_changelist"))
    assert "publish_selected" not in changelist.content.decode()
    # Forcing the action by hand does nothing either.
    editor_client.post(
        reverse("admin:agreements_agreement_changelist"),
        {"action": "publish_selected", "_selected_action": [agreement.pk]},
    )
    # And the status is read-only on the form: a forged value is ignored.
    response = submit(
        editor_client, change_url(agreement), "agreement_form", {"status": "published"}
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == "draft"


def test_a_publisher_publishes_and_unpublishes_in_bulk(seeded, publisher_client):
    url = reverse("admin:agreements_agreement_changelist")
    ids = list(Agreement.objects.values_list("pk", flat=True)[:2])
    publisher_client.post(url, {"action": "unpublish_selected", "_selected_action": ids})
    assert set(Agreement.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"draft"}
    publisher_client.post(url, {"action": "publish_selected", "_selected_action": ids})
    assert set(Agreement.objects.filter(pk__in=ids).values_list("status", flat=True)) == {
        "published"
    }
    latest = Agreement.objects.get(pk=ids[0]).history.first()
    assert latest.history_user.username == "publisher"
    assert latest.history_change_reason == "status: published"


def test_an_agreement_without_two_parties_is_not_published(seeded, publisher_client):
    lonely = Agreement.objects.create(slug="lonely", title_ar="اتفاق", kind="mou")
    response = publisher_client.post(
        reverse("admin:agreements_agreement_changelist"),
        {"action": "publish_selected", "_selected_action": [lonely.pk]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    lonely.refresh_from_db()
    assert lonely.status == "draft"
    assert "at least two parties" in response.content.decode()


def test_drafts_are_previewed_by_editors_only(seeded, client, editor):
    agreement = Agreement.objects.get(slug=MISTRAL)
    agreement.status = "draft"
    agreement.save()
    url = agreement.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(editor)
    preview = client.get(url)
    assert preview.status_code == 200
    assert 'role="status"' in preview.content.decode()


# --- validation with clear messages -------------------------------------------------------


def test_a_signatory_must_sign_for_a_party(seeded, editor_client):
    agreement = Agreement.objects.get(slug=MISTRAL)
    industry = Organization.objects.get(slug="ministry-industry-trade")
    page = editor_client.get(change_url(agreement))
    from tests.admin.conftest import form_data

    data = form_data(page.content.decode(), "agreement_form")
    index = next(
        i for i in range(10) if data.get(f"signatories-{i}-person") and data[f"signatories-{i}-id"]
    )
    data[f"signatories-{index}-organization"] = [str(industry.pk)]
    response = editor_client.post(change_url(agreement), data, HTTP_ACCEPT_LANGUAGE="en")
    html = errors_of(response)
    assert "is not a party to this agreement" in html
    assert agreement.signatories.filter(organization=industry).count() == 0


def test_a_partial_date_needs_its_larger_parts(seeded, editor_client):
    # The precision follows from the inputs filled (tests/admin/test_partial_date_input.py):
    # a day without its month, a month without its year cannot be stored.
    agreement = Agreement.objects.get(slug="elm-digital-development-agency-mou-2023")
    response = submit(
        editor_client,
        change_url(agreement),
        "agreement_form",
        {"signed_on_day": "14", "signed_on_month": "", "signed_on_year": "2023"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "Signed on: a day needs its month" in errors_of(response)
    response = submit(
        editor_client,
        change_url(agreement),
        "agreement_form",
        {"signed_on_day": "", "signed_on_month": "6", "signed_on_year": ""},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "Signed on: a month needs its year" in errors_of(response)


def test_an_event_cannot_end_before_it_starts(seeded, editor_client):
    event = Event.objects.get(slug="web-summit-qatar-2026")
    response = submit(
        editor_client,
        change_url(event),
        "event_form",
        {"end_date_day": "20", "end_date_month": "1", "end_date_year": "2026"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "The end date cannot precede the start date." in errors_of(response)


def test_a_slug_is_unique(seeded, editor_client):
    agreement = Agreement.objects.get(slug=MISTRAL)
    response = submit(
        editor_client,
        change_url(agreement),
        "agreement_form",
        {"slug": "elm-digital-development-agency-mou-2023"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "Agreement with this Slug already exists." in errors_of(response)


def test_a_citation_quote_must_occur_in_its_source(seeded, publisher_client):
    # A publisher: an editor's change to a published record waits for review
    # (tests/admin/test_review.py), and this test reads the citation back.
    editor_client = publisher_client
    agreement = Agreement.objects.get(slug=MISTRAL)
    source = SourceDocument.objects.get(file_name="001_5ccb9bab0d6213d5.txt")
    prefix = "core-citation-content_type-object_id"
    page = editor_client.get(change_url(agreement))
    from tests.admin.conftest import form_data

    data = form_data(page.content.decode(), "agreement_form")
    total = int(data[f"{prefix}-TOTAL_FORMS"][0])
    data[f"{prefix}-TOTAL_FORMS"] = [str(total + 1)]
    data[f"{prefix}-{total}-source"] = [str(source.pk)]
    data[f"{prefix}-{total}-quote"] = ["وقعت الوزيرة اتفاقية لم ترد في المقال"]
    data[f"{prefix}-{total}-fields"] = ["signed_on", "colour"]
    response = editor_client.post(change_url(agreement), data, HTTP_ACCEPT_LANGUAGE="en")
    html = errors_of(response)
    assert "does not occur word for word" in html
    assert "“colour” is not a field of this kind of record." in html
    # Pasted exactly, it is accepted (surrounding spaces forgiven).
    data[f"{prefix}-{total}-quote"] = ["  بمقر الوزارة بالرباط \n"]
    data[f"{prefix}-{total}-fields"] = ["place"]
    response = editor_client.post(change_url(agreement), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    citation = agreement.citations.get(quote="بمقر الوزارة بالرباط")
    assert citation.fields == ["place"]


# --- history ----------------------------------------------------------------------------------


def test_changes_are_attributed_diffed_and_revertible(seeded, publisher_client, publisher):
    # A publisher: an editor's change to a published record waits for review
    # (tests/admin/test_review.py).
    editor_client, editor = publisher_client, publisher
    agreement = Agreement.objects.get(slug=MISTRAL)
    original = agreement.title_fr
    response = submit(
        editor_client, change_url(agreement), "agreement_form", {"title_fr": "Titre corrigé"}
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.title_fr == "Titre corrigé"
    latest, previous = agreement.history.all()[:2]
    assert latest.history_user == editor
    assert [c.field for c in latest.diff_against(previous).changes] == ["title_fr"]
    history_page = editor_client.get(
        reverse("admin:agreements_agreement_history", args=[agreement.pk]),
        HTTP_ACCEPT_LANGUAGE="en",
    ).content.decode()
    # The field labelled in the reader's language, the whole new text shown.
    assert "Title (French)" in history_page and "Titre corrigé" in history_page
    # Revert: open the earlier version and save it.
    revert_url = reverse(
        "admin:agreements_agreement_simple_history", args=[agreement.pk, previous.history_id]
    )
    response = submit(editor_client, revert_url, "historicalagreement_form")
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.title_fr == original


def test_a_seed_rerun_that_changes_nothing_adds_no_history(seeded):
    counts = {
        model.__name__: model.history.count()
        for model in (Agreement, Organization, Event, Citation)
    }
    load_seeds(seeds_dir=settings.SEEDS_DIR)
    assert counts == {
        model.__name__: model.history.count()
        for model in (Agreement, Organization, Event, Citation)
    }


# --- login throttling -------------------------------------------------------------------------


def test_repeated_failed_logins_are_locked_out(client, editor):
    url = reverse("admin:login")
    for _ in range(4):
        response = client.post(url, {"username": "editor", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    fifth = client.post(url, {"username": "editor", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE="en")
    assert fifth.status_code == 429
    assert "Too many failed logins" in fifth.content.decode()
    # Locked: even the right password is refused until the cool-off ends.
    locked = client.post(url, {"username": "editor", "password": "a-long-editor-password"})
    assert locked.status_code == 429
    other = client.post(url, {"username": "someone", "password": "x"})
    assert other.status_code == 200  # only that username is locked


# --- createeditor ------------------------------------------------------------------------------


def test_createeditor_makes_a_staff_editor(db, monkeypatch, capsys):
    monkeypatch.setenv("EDITOR_PASSWORD", "a-long-editor-password")
    call_command("createeditor", "amina", "--publisher")
    user = User.objects.get(username="amina")
    assert user.is_staff and not user.is_superuser
    assert set(user.groups.values_list("name", flat=True)) == {"Editors", "Publishers"}
    assert user.check_password("a-long-editor-password")
    with pytest.raises(CommandError, match="already exists"):
        call_command("createeditor", "amina")


def test_createeditor_refuses_a_weak_password(db, monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "1234")
    with pytest.raises(CommandError, match="Password refused"):
        call_command("createeditor", "weak")
    assert not User.objects.filter(username="weak").exists()
