"""One write path: no role, through no route, breaks a rule of `agreements.rules`.

Each test is one rule attempted through one route (admin change form, admin actions,
history revert, admin delete, API create/update, seed loader), once per role (anonymous,
editor, publisher, superuser). After every attempt the database is read back with plain
queries, independent of the rules module, and must still keep every rule; the answer
must be the route's refusal (login, 401/403, 400 naming the field, a form error, an
error message), never a 500. Allowed writes are checked to go through.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.test import Client
from django.urls import reverse
from django.utils import translation

from agreements.models import (
    Agreement,
    AgreementParty,
    Attendee,
    Citation,
    Initiative,
    Signatory,
    SourceDocument,
)
from core import services
from core.models import Revision
from events.models import Event
from partners.models import Organization, Person, Position
from tests.admin.conftest import form_data

MISTRAL = "ministry-mistral-ai-mou-2025"
ELM_2023 = "elm-digital-development-agency-mou-2023"
ELM_2025 = "ministry-elm-digital-development-agency-mou-2025"
CURATED = (Organization, Person, Event, Initiative, Agreement)
CITATIONS = f"{Citation._meta.app_label}-citation-content_type-object_id"  # the inline's prefix


# -- the rules, read back from the database without the rules module ---------------------------


def _loops(model: type[Model], link: str) -> list[int]:
    links = dict(model.objects.values_list("pk", f"{link}_id"))
    looping = []
    for start in links:
        seen, current = {start}, links[start]
        while current is not None:
            if current in seen:
                looping.append(start)
                break
            seen.add(current)
            current = links.get(current)
    return looping


def assert_rules_hold() -> None:
    for model in CURATED:
        cited = Citation.objects.filter(
            content_type=ContentType.objects.get_for_model(model)
        ).values("object_id")
        uncited = model.objects.filter(status="published").exclude(pk__in=cited)
        assert not uncited.exists(), f"published without a citation: {list(uncited)}"
    for agreement in Agreement.objects.filter(status="published").prefetch_related(
        "parties__organization", "signatories__person", "signatories__organization"
    ):
        parties = [party.organization for party in agreement.parties.all()]
        assert len(parties) >= 2, f"{agreement.slug}: published with {len(parties)} party"
        assert all(o.status == "published" for o in parties), f"{agreement.slug}: draft party"
        for act in agreement.signatories.all():
            assert act.person.status == "published", f"{agreement.slug}: draft signatory"
            assert act.organization.status == "published", f"{agreement.slug}: signed for a draft"
    for citation in Citation.objects.select_related("source"):
        assert citation.quote and citation.quote in citation.source.text, citation.quote[:40]
    parties = set(AgreementParty.objects.values_list("agreement_id", "organization_id"))
    signers = set(Signatory.objects.values_list("agreement_id", "person_id"))
    for act in Signatory.objects.select_related("position"):
        assert (act.agreement_id, act.organization_id) in parties, "signed for a non-party"
        if act.position is not None:
            assert act.position.person_id == act.person_id, "someone else's position"
            assert act.position.organization_id == act.organization_id, "position elsewhere"
    for act in Attendee.objects.select_related("position"):
        assert (act.agreement_id, act.person_id) not in signers, "signatory and attendee"
        if act.position is not None:
            assert act.position.person_id == act.person_id, "someone else's position"
    assert not _loops(Agreement, "renews"), "a renewal chain loops"
    for model in (Organization, Event, Initiative):
        assert not _loops(model, "parent"), f"a {model.__name__} parent chain loops"


# -- routes --------------------------------------------------------------------------------------


def admin_url(obj: Model, view: str = "change", *args) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk, *args])


def changelist(model: type[Model]) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def reader_for(actor: Client, role: str) -> Client:
    """Who reads the form: the actor itself, or for anonymous a superuser (a forged post)."""
    if role != "anonymous":
        return actor
    reader = Client(HTTP_ACCEPT_LANGUAGE="en")
    reader.force_login(User.objects.create_superuser("reader", password="a-long-password-1"))
    return reader


def post_form(
    actor: Client,
    role: str,
    url: str,
    form_id: str,
    changes: dict | None = None,
    edit: Callable[[dict], None] | None = None,
):
    """GET the form as the role sees it, change it, POST it back (following redirects)."""
    page = reader_for(actor, role).get(url)
    assert page.status_code == 200, page.status_code
    data = form_data(page.content.decode(), form_id)
    for key, value in (changes or {}).items():
        data[key] = value if isinstance(value, list) else [value]
    if edit is not None:
        edit(data)
    return actor.post(url, data, follow=True)


def row_of(data: dict, prefix: str, field: str, value) -> int:
    """The index of the inline row whose `field` holds `value`."""
    total = int(data[f"{prefix}-TOTAL_FORMS"][0])
    for index in range(total):
        if data.get(f"{prefix}-{index}-{field}") == [str(value)]:
            return index
    raise AssertionError(f"no {prefix} row with {field}={value}")


def add_row(data: dict, prefix: str, values: dict) -> None:
    total = int(data[f"{prefix}-TOTAL_FORMS"][0])
    data[f"{prefix}-TOTAL_FORMS"] = [str(total + 1)]
    for key, value in values.items():
        data[f"{prefix}-{total}-{key}"] = [str(value)]


def action(actor: Client, model: type[Model], name: str, objects) -> object:
    return actor.post(
        changelist(model),
        {"action": name, "_selected_action": [obj.pk for obj in objects], "post": "yes"},
        follow=True,
    )


def api(actor: Client, method: str, path: str, body: dict, **headers):
    send = actor.patch if method == "PATCH" else actor.post
    return send(f"/api/v1/{path}", json.dumps(body), content_type="application/json", **headers)


def refused(response, role: str, *, says=(), field: str | None = None, publishing=False):
    """Refused the way the route refuses, and for whoever may try, naming the rule."""
    api_route = response.headers.get("Content-Type", "").startswith("application/json")
    if role == "anonymous":
        if api_route:
            assert response.status_code == 401, response.status_code
        else:
            first = response.redirect_chain[0][0] if response.redirect_chain else ""
            assert first.startswith(reverse("admin:login")), response.redirect_chain
        return
    if api_route:
        expected = 403 if publishing and role == "editor" else 400
        assert response.status_code == expected, (response.status_code, response.content)
        text = json.dumps(response.json(), ensure_ascii=False)
        if field is not None and expected == 400:
            assert field in response.json(), response.json()
    else:
        assert response.status_code in (200, 403), response.status_code
        text = response.content.decode()
    if publishing and role == "editor":
        return  # refused for want of the publish right, whatever the rule says
    text = html.unescape(text)
    for phrase in says:
        assert phrase in text, f"{phrase!r} not in the answer"


def in_english(record: Model) -> str:
    with translation.override("en"):
        return str(record)


# -- data ------------------------------------------------------------------------------------------


def source() -> SourceDocument:
    return SourceDocument.objects.get(slug="daily8-elm-mou-gitex-africa-2025")


def cite(record: Model, quote: str | None = None) -> Citation:
    document = source()
    return Citation.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        source=document,
        quote=quote or document.text.strip().splitlines()[0][:40],
    )


def org(slug: str = "new-org", status: str = "draft", cited: bool = False) -> Organization:
    record = Organization.objects.create(
        slug=slug, name_ar="منظمة", name_en="New organisation", kind="company", status=status
    )
    if cited:
        cite(record)
    return record


def draft_agreement(*parties: str, cited: bool = True) -> Agreement:
    record = Agreement.objects.create(
        slug="new-mou", title_ar="اتفاقية", title_en="New MoU", kind="mou", status="draft"
    )
    for slug in parties:
        record.parties.create(organization=Organization.objects.get(slug=slug))
    if cited:
        cite(record)
    return record


def status_of(record: Model) -> str:
    return type(record).objects.values_list("status", flat=True).get(pk=record.pk)


@pytest.fixture(autouse=True)
def every_rule_holds_before_and_after(seeded):
    assert_rules_hold()
    yield
    assert_rules_hold()


# == a published record cites a source ==============================================================


def test_publishing_uncited_record_by_action(actor, role):
    record = org()
    response = action(actor, Organization, "publish_selected", [record])
    refused(response, role, says=["cites at least one source"], publishing=True)
    assert status_of(record) == "draft"


def test_publishing_uncited_record_by_form(actor, role):
    record = org()
    response = post_form(
        actor, role, admin_url(record), "organization_form", {"status": "published"}
    )
    refused(response, role, says=["cites at least one source"], publishing=True)
    assert status_of(record) == "draft"


def test_publishing_uncited_record_by_api_patch(actor, role):
    org()
    response = api(actor, "PATCH", "partners/new-org/", {"status": "published"})
    refused(response, role, says=["cites at least one source"], field="status", publishing=True)
    assert status_of(Organization.objects.get(slug="new-org")) == "draft"


def test_creating_an_uncited_published_record_by_api(actor, role):
    body = {"slug": "new-org", "name": {"ar": "منظمة"}, "kind": "company", "status": "published"}
    response = api(actor, "POST", "partners/", body)
    refused(response, role, says=["cites at least one source"], field="status", publishing=True)
    assert not Organization.objects.filter(slug="new-org").exists()


# == a published agreement: two parties, published parties and signatories ==========================


def test_publishing_a_one_party_agreement_by_action(actor, role):
    record = draft_agreement("ministry-digital-transition")
    response = action(actor, Agreement, "publish_selected", [record])
    refused(response, role, says=["at least two parties"], publishing=True)
    assert status_of(record) == "draft"


@pytest.mark.parametrize(
    ("missing", "says"),
    [
        ("a second party", "at least two parties"),
        ("a citation", "cites at least one source"),
        ("a published party", "are drafts"),
    ],
)
def test_publishing_an_incomplete_agreement_by_api(actor, role, missing, says):
    if missing == "a second party":
        draft_agreement("ministry-digital-transition")
    elif missing == "a citation":
        draft_agreement("ministry-digital-transition", "mistral-ai", cited=False)
    else:
        org("new-org", cited=True)
        draft_agreement("ministry-digital-transition", "new-org")
    response = api(actor, "PATCH", "agreements/new-mou/", {"status": "published"})
    refused(response, role, says=[says], field="status", publishing=True)
    assert status_of(Agreement.objects.get(slug="new-mou")) == "draft"


def test_publishing_an_agreement_with_a_draft_party_by_form(actor, role):
    org("new-org", cited=True)
    record = draft_agreement("ministry-digital-transition", "new-org")
    response = post_form(actor, role, admin_url(record), "agreement_form", {"status": "published"})
    refused(response, role, says=["are drafts"], publishing=True)
    assert status_of(record) == "draft"


def test_adding_a_draft_party_to_a_published_agreement_by_api(actor, role):
    org("new-org", cited=True)
    body = {"parties": ["ministry-digital-transition", "mistral-ai", "new-org"]}
    response = api(actor, "PATCH", f"agreements/{MISTRAL}/", body)
    refused(response, role, says=["are drafts"], field="status")
    assert not AgreementParty.objects.filter(organization__slug="new-org").exists()


def test_adding_a_draft_party_to_a_published_agreement_by_form(actor, role):
    draft = org("new-org", cited=True)
    record = Agreement.objects.get(slug=MISTRAL)
    response = post_form(
        actor, role, admin_url(record), "agreement_form",
        edit=lambda data: add_row(data, "parties", {"organization": draft.pk}),
    )  # fmt: skip
    refused(response, role, says=["are drafts"])
    assert not record.parties.filter(organization=draft).exists()


def test_reverting_to_a_published_version_that_no_longer_qualifies(actor, role):
    """The issue's case: history "Revert" publishes; an editor may not, nobody may publish
    an agreement that has since lost a party."""
    record = Agreement.objects.get(slug=MISTRAL)
    published_version = record.history.first()
    services.set_status(
        actor=User.objects.create_superuser("admin", password="x"), record=record, status="draft"
    )
    record.signatories.filter(organization__slug="mistral-ai").delete()
    record.parties.filter(organization__slug="mistral-ai").delete()
    url = admin_url(record, "simple_history", published_version.history_id)
    response = post_form(actor, role, url, "historicalagreement_form")
    if role == "editor":
        assert "Not reverted: You may not publish" in html.unescape(response.content.decode())
    refused(response, role, says=["Not reverted", "at least two parties"], publishing=True)
    assert status_of(record) == "draft"


# == what a published agreement needs stays published, and is not deleted ===========================


def test_unpublishing_a_party_by_action(actor, role):
    party = Organization.objects.get(slug="mistral-ai")
    response = action(actor, Organization, "unpublish_selected", [party])
    needed_by = in_english(Agreement.objects.get(slug=MISTRAL))
    refused(response, role, says=["Not unpublished", needed_by], publishing=True)
    assert status_of(party) == "published"


def test_unpublishing_a_party_by_form(actor, role):
    party = Organization.objects.get(slug="mistral-ai")
    response = post_form(actor, role, admin_url(party), "organization_form", {"status": "draft"})
    refused(response, role, says=[in_english(Agreement.objects.get(slug=MISTRAL))], publishing=True)
    assert status_of(party) == "published"


def test_unpublishing_a_party_by_api(actor, role):
    response = api(actor, "PATCH", "partners/mistral-ai/", {"status": "draft"})
    needed_by = in_english(Agreement.objects.get(slug=MISTRAL))
    refused(response, role, says=[needed_by], field="status", publishing=True)
    assert status_of(Organization.objects.get(slug="mistral-ai")) == "published"


def test_unpublishing_a_party_by_revert(actor, role):
    party = Organization.objects.get(slug="mistral-ai")
    party.status = "draft"
    party.save()  # an old draft version in the history, published again since
    draft_version = party.history.first()
    party.status = "published"
    party.save()
    url = admin_url(party, "simple_history", draft_version.history_id)
    response = post_form(actor, role, url, "historicalorganization_form")
    needed_by = in_english(Agreement.objects.get(slug=MISTRAL))
    refused(response, role, says=["Not reverted", needed_by], publishing=True)
    assert status_of(party) == "published"


def test_unpublishing_a_signatory_by_action(actor, role):
    person = Person.objects.get(slug="arthur-mensch")
    response = action(actor, Person, "unpublish_selected", [person])
    needed_by = in_english(Agreement.objects.get(slug=MISTRAL))
    refused(response, role, says=["Not unpublished", needed_by], publishing=True)
    assert status_of(person) == "published"


@pytest.mark.parametrize("model", [Organization, Person])
def test_deleting_what_a_published_agreement_needs_by_delete_view(actor, role, model):
    record = model.objects.get(slug="mistral-ai" if model is Organization else "arthur-mensch")
    response = actor.post(admin_url(record, "delete"), {"post": "yes"}, follow=True)
    refused(response, role, says=["protected related objects"])
    assert model.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("model", [Organization, Person])
def test_deleting_what_a_published_agreement_needs_by_bulk_action(actor, role, model):
    record = model.objects.get(slug="mistral-ai" if model is Organization else "arthur-mensch")
    response = action(actor, model, "delete_selected", [record])
    refused(response, role, says=["protected related objects"])
    assert model.objects.filter(pk=record.pk).exists()


# == the last citation of a published record ========================================================


def test_bulk_deleting_a_published_agreements_citations(actor, role):
    record = Agreement.objects.get(slug=MISTRAL)
    count = record.citations.count()
    response = action(actor, Citation, "delete_selected", record.citations.all())
    # An editor's first deletion already changes a published record: held, and a bulk
    # action cannot submit it for review (tests/admin/test_review.py has the one-by-one way).
    held = ["Nothing deleted", "waits for a publisher"]
    refused(response, role, says=held if role == "editor" else ["Nothing deleted", "only evidence"])
    assert record.citations.count() == count


def test_deleting_the_last_citation_by_delete_view(actor, role):
    party = Organization.objects.get(slug="mistral-ai")
    last, *others = party.citations.order_by("pk")
    Citation.objects.filter(pk__in=[c.pk for c in others]).delete()
    response = actor.post(admin_url(last, "delete"), {"post": "yes"}, follow=True)
    refused(response, role, says=["Not deleted", "only evidence"])
    assert Citation.objects.filter(pk=last.pk).exists()


def test_deleting_every_inline_citation_in_the_agreement_form(actor, role):
    record = Agreement.objects.get(slug=MISTRAL)
    count = record.citations.count()

    def delete_every_citation(data: dict) -> None:
        for index in range(int(data[f"{CITATIONS}-TOTAL_FORMS"][0])):
            data[f"{CITATIONS}-{index}-DELETE"] = ["on"]

    response = post_form(
        actor, role, admin_url(record), "agreement_form", edit=delete_every_citation
    )
    refused(response, role, says=["cites at least one source"])
    assert record.citations.count() == count


def test_emptying_a_published_agreements_citations_by_api(actor, role):
    record = Agreement.objects.get(slug=MISTRAL)
    count = record.citations.count()
    response = api(actor, "PATCH", f"agreements/{MISTRAL}/", {"citations": []})
    refused(response, role, says=["cites at least one source"], field="status")
    assert record.citations.count() == count


def test_moving_the_last_citation_to_another_record(actor, role):
    party = Organization.objects.get(slug="mistral-ai")
    last, *others = party.citations.order_by("pk")
    Citation.objects.filter(pk__in=[c.pk for c in others]).delete()
    elsewhere = Organization.objects.get(slug="onepoint")
    response = post_form(
        actor, role, admin_url(last), "citation_form", {"object_id": str(elsewhere.pk)}
    )
    refused(response, role, says=["only evidence"])
    assert party.citations.exists()


# == a source keeps every quoted passage =============================================================


def test_rewriting_a_quoted_source_in_the_admin(actor, role):
    document = source()
    response = post_form(
        actor, role, admin_url(document), "sourcedocument_form", {"text": "نص آخر تماما"}
    )
    refused(response, role, says=["no longer contains"])
    assert SourceDocument.objects.get(pk=document.pk).text == document.text


def test_rewriting_a_quoted_source_by_api(actor, role):
    document = source()
    response = api(actor, "PATCH", f"sources/{document.slug}/", {"text": "نص آخر تماما"})
    refused(response, role, says=["no longer contains"], field="text")
    assert SourceDocument.objects.get(pk=document.pk).text == document.text


def test_reverting_a_source_to_a_text_without_a_later_quote(actor, role):
    document = source()
    old_version = document.history.first()
    document.text += "\nفقرة أضيفت لاحقا."
    document.save()
    cite(Organization.objects.get(slug="mistral-ai"), "فقرة أضيفت لاحقا")
    url = admin_url(document, "simple_history", old_version.history_id)
    response = post_form(actor, role, url, "historicalsourcedocument_form")
    refused(response, role, says=["Not reverted", "no longer contains"])
    assert "فقرة أضيفت لاحقا" in SourceDocument.objects.get(pk=document.pk).text


# == a quote occurs in its source ===================================================================

NOT_IN_SOURCE = "جملة لا ترد في أي مصدر"


def test_editing_a_citation_quote_in_the_admin(actor, role):
    citation = Agreement.objects.get(slug=MISTRAL).citations.first()
    response = post_form(
        actor, role, admin_url(citation), "citation_form", {"quote": NOT_IN_SOURCE}
    )
    refused(response, role, says=["does not occur word for word"])
    assert Citation.objects.get(pk=citation.pk).quote == citation.quote


def test_adding_an_inline_citation_that_is_not_in_its_source(actor, role):
    party = Organization.objects.get(slug="mistral-ai")
    count = party.citations.count()
    response = post_form(
        actor, role, admin_url(party), "organization_form",
        edit=lambda data: add_row(data, CITATIONS, {"source": source().pk, "quote": NOT_IN_SOURCE}),
    )  # fmt: skip
    refused(response, role, says=["does not occur word for word"])
    assert party.citations.count() == count


def test_creating_a_record_with_a_quote_not_in_its_source_by_api(actor, role):
    body = {
        "slug": "new-org", "name": {"ar": "منظمة"}, "kind": "company",
        "citations": [{"source": source().slug, "quote": NOT_IN_SOURCE}],
    }  # fmt: skip
    response = api(actor, "POST", "partners/", body)
    refused(response, role, says=["does not occur word for word"])
    assert not Organization.objects.filter(slug="new-org").exists()


# == signatories sign for a party ===================================================================


def test_removing_a_signatorys_party_in_the_form(actor, role):
    record = Agreement.objects.get(slug=MISTRAL)
    mistral = Organization.objects.get(slug="mistral-ai")

    def delete_party(data: dict) -> None:
        data[f"parties-{row_of(data, 'parties', 'organization', mistral.pk)}-DELETE"] = ["on"]

    response = post_form(actor, role, admin_url(record), "agreement_form", edit=delete_party)
    refused(response, role, says=["is not a party to this agreement"])
    assert record.parties.filter(organization=mistral).exists()


def test_removing_a_signatorys_party_by_api(actor, role):
    response = api(
        actor,
        "PATCH",
        f"agreements/{MISTRAL}/",
        {"parties": ["ministry-digital-transition", "undp"]},
    )
    refused(response, role, field="parties")
    assert (
        Agreement.objects.get(slug=MISTRAL).parties.filter(organization__slug="mistral-ai").exists()
    )


def test_signing_for_a_non_party_by_api(actor, role):
    body = {"signatories": [{"person": "arthur-mensch", "organization": "undp"}]}
    response = api(actor, "PATCH", f"agreements/{MISTRAL}/", body)
    refused(response, role, says=["signs for one of the parties"])


# == nobody both signatory and attendee ==============================================================


def test_a_signatory_as_attendee_by_api(actor, role):
    body = {"attendees": [{"person": "arthur-mensch", "organization": "mistral-ai"}]}
    response = api(actor, "PATCH", f"agreements/{MISTRAL}/", body)
    refused(response, role, says=["signatories only"], field="attendees")


def test_a_signatory_as_attendee_in_the_form(actor, role):
    record = Agreement.objects.get(slug=MISTRAL)
    arthur = Person.objects.get(slug="arthur-mensch")
    response = post_form(
        actor, role, admin_url(record), "agreement_form",
        edit=lambda data: add_row(data, "attendees", {"person": arthur.pk}),
    )  # fmt: skip
    refused(response, role, says=["list them as a signatory only"])
    assert not record.attendees.filter(person=arthur).exists()


# == a signing act's position is the signer's, at the organization signed for =======================


def test_someone_elses_position_by_api(actor, role):
    body = {
        "signatories": [
            {"person": "amal-el-fallah-seghrouchni", "organization": "ministry-digital-transition",
             "position": "amal-el-fallah-seghrouchni-minister-delegate"},
            {"person": "arthur-mensch", "organization": "mistral-ai",
             "position": "amal-el-fallah-seghrouchni-minister-delegate"},
        ]
    }  # fmt: skip
    response = api(actor, "PATCH", f"agreements/{MISTRAL}/", body)
    refused(response, role, says=["is not one held by"])


def test_a_position_at_another_organization_by_api(actor, role):
    body = {
        "signatories": [
            {"person": "arthur-mensch", "organization": "ministry-digital-transition",
             "position": "arthur-mensch-mistral-ai-cofounder-ceo"},
        ]
    }  # fmt: skip
    response = api(actor, "PATCH", f"agreements/{MISTRAL}/", body)
    refused(response, role, says=["position given is at another organization"])


def test_someone_elses_position_in_the_form(actor, role):
    record = Agreement.objects.get(slug=MISTRAL)
    arthur = Person.objects.get(slug="arthur-mensch")
    amals = Position.objects.get(slug="amal-el-fallah-seghrouchni-minister-delegate")

    def give_arthur_amals_position(data: dict) -> None:
        data[f"signatories-{row_of(data, 'signatories', 'person', arthur.pk)}-position"] = [
            str(amals.pk)
        ]

    response = post_form(
        actor, role, admin_url(record), "agreement_form", edit=give_arthur_amals_position
    )
    refused(response, role, says=["is not one held by"])


def test_moving_a_signing_position_to_another_organization(actor, role):
    """The position is edited, not the signing act: the act must still hold."""
    position = Position.objects.get(slug="arthur-mensch-mistral-ai-cofounder-ceo")
    ministry = Organization.objects.get(slug="ministry-digital-transition")
    response = post_form(
        actor, role, admin_url(position), "position_form", {"organization": str(ministry.pk)}
    )
    refused(response, role, says=["another organization"])
    assert Position.objects.get(pk=position.pk).organization.slug == "mistral-ai"


def test_moving_a_signing_position_in_the_persons_form(actor, role):
    person = Person.objects.get(slug="arthur-mensch")
    position = person.positions.get()
    ministry = Organization.objects.get(slug="ministry-digital-transition")

    def move(data: dict) -> None:
        data[f"positions-{row_of(data, 'positions', 'id', position.pk)}-organization"] = [
            str(ministry.pk)
        ]

    response = post_form(actor, role, admin_url(person), "person_form", edit=move)
    refused(response, role, says=["another organization"])
    assert Position.objects.get(pk=position.pk).organization.slug == "mistral-ai"


# == no loops ======================================================================================


def test_a_renewal_loop_by_api(actor, role):
    response = api(actor, "PATCH", f"agreements/{ELM_2023}/", {"renews": ELM_2025})
    refused(response, role, says=["a chain has no loop"], field="renews")


def test_a_renewal_loop_in_the_form(actor, role):
    record = Agreement.objects.get(slug=ELM_2023)
    renewal = Agreement.objects.get(slug=ELM_2025)
    response = post_form(
        actor, role, admin_url(record), "agreement_form", {"renews": str(renewal.pk)}
    )
    refused(response, role, says=["a chain has no loop"])


@pytest.mark.parametrize(
    ("path", "top", "bottom"),
    [
        ("partners", "ministry-digital-transition", "directorate-ai-emerging-technologies"),
        ("initiatives", "ai-made-in-morocco", "jazari-root"),
        ("events", "web-summit-qatar-2026", "morocco-qatar-digital-ministers-meeting-2026"),
    ],
)
def test_a_parent_loop_by_api(actor, role, path, top, bottom):
    response = api(actor, "PATCH", f"{path}/{top}/", {"parent": bottom})
    refused(response, role, says=["no loop"], field="parent")


def test_a_parent_loop_in_the_form(actor, role):
    top = Organization.objects.get(slug="ministry-digital-transition")
    bottom = Organization.objects.get(slug="directorate-ai-emerging-technologies")
    response = post_form(
        actor, role, admin_url(top), "organization_form", {"parent": str(bottom.pk)}
    )
    refused(response, role, says=["no loop"])


# == allowed writes go through =======================================================================

MAY_PUBLISH = ("publisher", "superuser")


def test_publishing_a_complete_agreement_by_action(actor, role):
    record = draft_agreement("ministry-digital-transition", "mistral-ai")
    response = action(actor, Agreement, "publish_selected", [record])
    assert response.status_code == 200
    assert status_of(record) == ("published" if role in MAY_PUBLISH else "draft")


def test_publishing_a_complete_agreement_by_form(actor, role):
    record = draft_agreement("ministry-digital-transition", "mistral-ai")
    response = post_form(actor, role, admin_url(record), "agreement_form", {"status": "published"})
    assert response.redirect_chain, "the form was refused"
    assert status_of(record) == ("published" if role in MAY_PUBLISH else "draft")


def test_publishing_a_complete_agreement_by_api(actor, role):
    draft_agreement("ministry-digital-transition", "mistral-ai")
    response = api(actor, "PATCH", "agreements/new-mou/", {"status": "published"})
    expected = {"anonymous": 401, "editor": 403, "publisher": 200, "superuser": 200}[role]
    assert response.status_code == expected, response.content
    assert status_of(Agreement.objects.get(slug="new-mou")) == (
        "published" if role in MAY_PUBLISH else "draft"
    )


def test_reverting_to_a_published_version_that_still_qualifies(actor, role):
    record = Agreement.objects.get(slug=MISTRAL)
    published_version = record.history.first()
    services.set_status(
        actor=User.objects.create_superuser("admin", password="x"), record=record, status="draft"
    )
    url = admin_url(record, "simple_history", published_version.history_id)
    post_form(actor, role, url, "historicalagreement_form")
    assert status_of(record) == ("published" if role in MAY_PUBLISH else "draft")


def test_unpublishing_a_party_once_its_agreements_are_drafts(actor, role):
    party = Organization.objects.get(slug="mistral-ai")
    record = Agreement.objects.get(slug=MISTRAL)
    response = action(actor, Agreement, "unpublish_selected", [record])
    assert response.status_code == 200
    action(actor, Organization, "unpublish_selected", [party])
    assert status_of(party) == ("draft" if role in MAY_PUBLISH else "published")


def test_an_editor_corrects_a_published_agreement(actor, role):
    record = Agreement.objects.get(slug=MISTRAL)
    response = post_form(actor, role, admin_url(record), "agreement_form", {"title_fr": "Corrigé"})
    corrected = Agreement.objects.get(pk=record.pk)
    # An editor's change to a published record waits for a publisher (tests/admin/test_review.py).
    applied = role in MAY_PUBLISH
    assert corrected.title_fr == ("Corrigé" if applied else record.title_fr)
    proposed = Revision.objects.filter(object_id=record.pk, status="pending")
    assert [r.proposed["fields"]["title_fr"] for r in proposed] == (
        ["Corrigé"] if role == "editor" else []
    )
    assert corrected.status == "published"
    assert response.status_code == 200


def test_deleting_a_citation_that_is_not_the_last(actor, role):
    citation = Agreement.objects.get(slug=MISTRAL).citations.first()
    actor.post(admin_url(citation, "delete"), {"post": "yes"}, follow=True)
    assert Citation.objects.filter(pk=citation.pk).exists() == (role not in MAY_PUBLISH)
    # An editor's deletion of a published record's evidence waits for review.
    proposed = Revision.objects.filter(status="pending")
    assert [citation.quote not in [c["quote"] for c in r.proposed["citations"]]
            for r in proposed] == ([True] if role == "editor" else [])  # fmt: skip


# == refusals in the editor's language ===============================================================


@pytest.mark.parametrize(
    ("language", "prefix", "kind"), [("fr", "Non publié", "accord"), ("ar", "لم يُنشر", "اتفاقية")]
)
def test_a_refusal_speaks_the_admins_language(seeded, language, prefix, kind):
    """The message's frame and the record's kind are translated; the rule's sentence is
    not yet (no catalog entry): left to the translator."""
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(User.objects.create_superuser("root", password="a-long-root-password"))
    record = draft_agreement("ministry-digital-transition")
    response = action(client, Agreement, "publish_selected", [record])
    text = html.unescape(response.content.decode())
    assert prefix in text
    assert kind in text
    assert status_of(record) == "draft"


@pytest.mark.parametrize("route", ["delete view", "delete_selected"])
def test_deleting_a_published_agreement_takes_the_publish_right(actor, role, route):
    record = Agreement.objects.get(slug=MISTRAL)
    if route == "delete view":
        response = actor.post(admin_url(record, "delete"), {"post": "yes"}, follow=True)
    else:
        response = action(actor, Agreement, "delete_selected", [record])
    deleted = not Agreement.objects.filter(pk=record.pk).exists()
    assert deleted == (role in MAY_PUBLISH)
    if role == "editor":
        refused(response, role, says=["Only a publisher may delete a published record"])
