"""The intake screens in the admin: who may use them, the review page, decisions posted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements.models import Agreement
from core.models import Citation
from core.records import PartialDate
from intake import services
from intake.models import ArticleIntake
from partners.models import Organization
from tests import factories
from tests.admin.conftest import form_data
from tests.intake.test_intake_services import ARTICLE, _recorded, proposals, ref, start

pytestmark = pytest.mark.django_db

ADD = reverse("admin:intake_articleintake_add")


def review_url(intake: ArticleIntake) -> str:
    return reverse("admin:intake_articleintake_change", args=[intake.pk])


@pytest.fixture
def editor():
    return factories.editor()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_the_intake_is_in_the_admins_menu_for_editors(editor_client):
    page = editor_client.get(reverse("admin:index"))
    assert reverse("admin:intake_articleintake_changelist") in page.content.decode()


def test_someone_who_may_not_add_records_cannot_open_it(client):
    client.force_login(factories.user())  # staff, no group
    assert client.get(ADD).status_code == 403
    intake = start(factories.editor(), proposals())
    assert client.get(review_url(intake)).status_code == 403
    page = client.get(reverse("admin:index"))
    assert reverse("admin:intake_articleintake_changelist") not in page.content.decode()


def test_the_paste_form_asks_for_no_iso_date_and_no_slug(editor_client):
    page = editor_client.get(ADD)
    assert page.status_code == 200
    data = form_data(page.content.decode(), "intake-article")
    assert {"published_on_day", "published_on_month", "published_on_year"} <= set(data)
    assert "slug" not in data and "file_name" not in data
    assert 'name="language"' in page.content.decode()


def test_a_bad_date_is_refused_in_the_form_and_nothing_is_saved(editor_client):
    response = editor_client.post(ADD, {
        "language": "fr", "title": "Un article", "text": "Un texte.",
        "published_on_day": "31", "published_on_month": "2", "published_on_year": "2025",
    })  # fmt: skip
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not ArticleIntake.objects.exists()


def test_the_review_shows_each_proposal_with_its_quote_in_context(editor_client, editor):
    ministry = factories.organization(name_ar="وزارة الانتقال الرقمي وإصلاح الإدارة")
    intake = start(editor, proposals(ministry=ref(ministry)))
    html = editor_client.get(review_url(intake)).content.decode()
    for group in ("agreements", "events", "people", "organizations", "initiatives"):
        assert f'id="group-{group}"' in html
    assert "<mark>يوم الجمعة 12 شتنبر 2025</mark>" in html
    # The matched record is linked, the others are new.
    assert reverse("admin:partners_organization_change", args=[ministry.pk]) in html
    assert html.count('class="new-record"') >= 5
    data = form_data(html, "intake-review")
    assert "agreement-1-signed_on_year" in data  # the year of the date, not an ISO string
    assert not any(name.endswith("slug") or name.endswith("fields") for name in data)


REVIEW_QUERIES = 14


def test_review_page_query_count_is_pinned(editor_client, editor):
    """Session, user, two permission reads; the intake (with its source and author) and its
    decisions; the matched records, one query per kind, the agreement's parties (and their
    organizations), signatories, attendees and citations with it. Not one per proposal."""
    _agreement, found, _arthur = _recorded(signed=(dt.date(2025, 1, 1), "year"))
    intake = start(editor, found)
    editor_client.get(review_url(intake))  # content types and the like cached
    with CaptureQueriesContext(connection) as queries:
        assert editor_client.get(review_url(intake)).status_code == 200
    assert len(queries) == REVIEW_QUERIES, [q["sql"][:120] for q in queries]
    # Decisions taken (records written and linked) and more proposals: no more queries.
    services.accept(actor=editor, intake=intake, key="initiative-1")
    services.reject(actor=editor, intake=intake, key="event-1")
    with CaptureQueriesContext(connection) as again:
        assert editor_client.get(review_url(intake)).status_code == 200
    assert len(again) == REVIEW_QUERIES, [q["sql"][:120] for q in again]


def test_accepting_on_the_page_writes_drafts_with_citations(editor_client, editor):
    intake = start(editor, proposals())
    page = editor_client.get(review_url(intake))
    data = form_data(page.content.decode(), "intake-review")
    data["_accept_all"] = ["1"]
    response = editor_client.post(review_url(intake), data)
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.status == "draft" and agreement.signed_partial == PartialDate(2025, 9, 12)
    assert agreement.signatories.count() == 2
    assert Citation.objects.filter(source=intake.source).count() >= 8
    assert intake.decisions.count() == 7  # initiative too
    # Back on the page: decided, linked, no longer editable.
    html = editor_client.get(review_url(intake)).content.decode()
    assert reverse("admin:agreements_agreement_change", args=[agreement.pk]) in html
    assert 'name="agreement-1-decision"' not in html


def test_an_edit_on_the_page_is_written(editor_client, editor):
    intake = start(editor, proposals())
    data = form_data(editor_client.get(review_url(intake)).content.decode(), "intake-review")
    for key in ("org-1", "org-2", "person-1", "person-2", "event-1", "agreement-1"):
        data[f"{key}-decision"] = ["accept"]
    data["initiative-1-decision"] = ["reject"]
    data["initiative-1-reason"] = ["Pas une initiative de ce partenariat"]
    data["org-1-kind"] = ["ministry"]
    data["agreement-1-kind"] = ["protocol"]
    data["agreement-1-signed_on_day"] = [""]  # day cleared: known to the month
    data.pop("agreement-1-signer-1")  # Arthur Mensch unticked
    response = editor_client.post(review_url(intake), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    agreement = Agreement.objects.get()
    assert agreement.kind == "protocol" and agreement.signed_partial == PartialDate(2025, 9)
    assert agreement.signatories.count() == 1
    assert Organization.objects.get(name_ar="وزارة الانتقال الرقمي").kind == "ministry"
    rejected = intake.decisions.get(proposal_key="initiative-1")
    assert rejected.reason == "Pas une initiative de ce partenariat"


def test_a_refusal_is_shown_with_the_input_kept_and_nothing_written(editor_client, editor):
    intake = start(editor, proposals())
    data = form_data(editor_client.get(review_url(intake)).content.decode(), "intake-review")
    data["agreement-1-decision"] = ["accept"]  # its parties are neither accepted nor matched
    data["agreement-1-title"] = ["مذكرة تفاهم معدلة"]
    response = editor_client.post(review_url(intake), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="errorlist nonfield"' in html
    assert "مذكرة تفاهم معدلة" in html  # the editor's input is still there
    assert not Agreement.objects.exists() and not intake.decisions.exists()


def test_a_disagreement_is_shown_side_by_side_and_the_choice_kept(editor_client, editor):
    agreement, found, _arthur = _recorded(signed=(dt.date(2024, 5, 1), "month"))
    intake = start(editor, found)
    html = editor_client.get(review_url(intake)).content.decode()
    assert 'class="fact-conflict"' in html
    assert factories.QUOTE in html  # the record's quote for its date
    assert "يوم الجمعة 12 شتنبر 2025" in html  # the article's
    data = form_data(html, "intake-review")
    assert data["agreement-1-keep-signed_on"] == ["stored"]
    data["_accept_all"] = ["1"]
    # Without a reason: refused, nothing written.
    response = editor_client.post(review_url(intake), data)
    assert response.status_code == 200 and not intake.decisions.exists()
    data["agreement-1-reason"] = ["Le communiqué du ministère donne mai 2024"]
    response = editor_client.post(review_url(intake), data)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.signed_partial == PartialDate(2024, 5)
    assert "mai 2024" in agreement.history.latest().history_change_reason
    assert intake.decisions.get(proposal_key="agreement-1").values["keep_stored"] == ["signed_on"]


def test_the_article_text_is_on_the_review_page(editor_client, editor):
    intake = start(editor, proposals())
    html = editor_client.get(review_url(intake)).content.decode()
    assert ARTICLE.splitlines()[1] in html


def test_the_intake_list_opens(editor_client, editor):
    start(editor, proposals())
    page = editor_client.get(reverse("admin:intake_articleintake_changelist"))
    assert page.status_code == 200


def test_pasting_an_article_stores_it_and_runs_the_extractor(editor_client):
    text = (
        "Rabat – Le ministère de la Transition numérique et la société Orange Maroc ont "
        "signé, le 4 mars 2025 à Rabat, un mémorandum d'entente.\n"
    )
    response = editor_client.post(ADD, {
        "language": "fr", "title": "Un mémorandum avec Orange Maroc", "text": text,
        "url": "https://example.ma/a/1", "publisher": "Le Journal", "author": "La rédaction",
        "dateline": "Rabat", "published_on_month": "3", "published_on_year": "2025",
    })  # fmt: skip
    intake = ArticleIntake.objects.get()
    assert response.status_code == 302 and response["Location"] == review_url(intake)
    source = intake.source
    assert (source.language, source.url, source.dateline) == ("fr", "https://example.ma/a/1",
                                                                "Rabat")  # fmt: skip
    # Known to the month, stored to the month.
    assert (source.published_on, source.published_on_precision) == (dt.date(2025, 3, 1), "month")
    assert source.slug and source.slug.isascii() and source.title_fr.startswith("Un mémorandum")
    found = intake.article_proposals()
    assert found.agreements and found.agreements[0].kind.value == "mou"
    assert found.agreements[0].date.value == PartialDate(2025, 3, 4)
    assert all(text[e.start : e.end] == e.quote for e in found.evidence())
    assert intake.extraction_ms < 2000


def test_a_proposal_matched_to_a_record_can_be_made_a_new_one_on_the_page(editor_client, editor):
    ministry = factories.organization(name_ar="وزارة أخرى")
    intake = start(editor, proposals(ministry=ref(ministry)))
    data = form_data(editor_client.get(review_url(intake)).content.decode(), "intake-review")
    assert data["org-1-match"] == ["existing"]
    data["org-1-match"] = ["new"]
    data["org-1-decision"] = ["accept"]
    assert editor_client.post(review_url(intake), data).status_code == 302
    assert Organization.objects.filter(name_ar="وزارة الانتقال الرقمي", status="draft").exists()
    assert Organization.objects.count() == 2


def test_accepting_the_rest_leaves_a_rejected_proposal_rejected(editor_client, editor):
    intake = start(editor, proposals())
    services.reject(actor=editor, intake=intake, key="initiative-1", reason="Hors sujet")
    data = form_data(editor_client.get(review_url(intake)).content.decode(), "intake-review")
    data["_accept_all"] = ["1"]
    assert editor_client.post(review_url(intake), data).status_code == 302
    assert intake.decisions.get(proposal_key="initiative-1").decision == "rejected"
    assert intake.decisions.get(proposal_key="agreement-1").decision == "accepted"


def test_pasting_an_article_stored_before_warns(editor_client, editor):
    earlier = factories.source_document(text="نص المقال كما نشر.", url="https://example.ma/a/9")
    response = editor_client.post(ADD, {
        "language": "ar", "title": "مقال", "text": "نص آخر.", "url": "https://example.ma/a/9",
    }, follow=True)  # fmt: skip
    warnings = [m.message for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1 and earlier.title in warnings[0]
