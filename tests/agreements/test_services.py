"""Writes to agreements, initiatives and sources (`agreements.services`): all or nothing,
and a refusal names the field at fault."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from agreements.models import Agreement, AgreementParty, Attendee, Signatory
from agreements.services import (
    SigningAct,
    create_agreement,
    save_initiative,
    save_source,
    update_agreement,
)
from core.models import Citation, SourceDocument
from core.services import CitationInput
from tests import factories
from tests.text import messages

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def rows() -> dict[str, int]:
    """How many rows every table an agreement write touches holds."""
    return {
        model.__name__: model.objects.count()
        for model in (Agreement, AgreementParty, Signatory, Attendee, Citation)
    } | {"themes": Agreement.themes.through.objects.count()}


@pytest.fixture
def world():
    """Published, cited partners and people, a source, a theme and an initiative."""
    source = factories.source_document()
    ministry = factories.cited(
        factories.organization("ministry", name_en="Ministry"), source=source
    )
    mistral = factories.cited(
        factories.organization("mistral", name_en="Mistral AI"), source=source
    )
    industry = factories.cited(factories.organization("industry"), source=source)
    amal = factories.cited(factories.person("amal", name_en="Amal"), source=source)
    arthur = factories.cited(factories.person("arthur", name_en="Arthur"), source=source)
    ryad = factories.cited(factories.person("ryad", name_en="Ryad"), source=source)
    return {
        "source": source, "ministry": ministry, "mistral": mistral, "industry": industry,
        "amal": amal, "arthur": arthur, "ryad": ryad,
        "minister": factories.position(amal, ministry, slug="amal-minister"),
        "theme": factories.theme("ai"), "initiative": factories.initiative("jazari"),
    }  # fmt: skip


def valid_agreement(world: dict) -> dict:
    """Everything a complete agreement is created with; a test breaks one part."""
    return {
        "slug": "mistral-mou",
        "title": {"ar": "مذكرة تفاهم", "fr": "Mémorandum", "en": "Memorandum"},
        "kind": "mou",
        "signed_on": "2025-09-12",
        "place_city": {"ar": "الرباط", "en": "Rabat"},
        "place_country": "MA",
        "duration_months": 24,
        "parties": [world["ministry"], world["mistral"]],
        "signatories": [
            SigningAct(
                person=world["amal"],
                organization=world["ministry"],
                title={"ar": "الوزيرة"},
                position=world["minister"],
            ),
            SigningAct(person=world["arthur"], organization=world["mistral"]),
        ],
        "attendees": [SigningAct(person=world["ryad"], organization=world["industry"])],
        "themes": [world["theme"]],
        "initiatives": [world["initiative"]],
        "citations": [
            CitationInput(source=world["source"], quote=factories.QUOTE, fields=("signed_on",))
        ],
    }


# -- create_agreement ---------------------------------------------------------------------------


def test_an_editor_creates_a_draft_with_all_its_parts(world):
    agreement = create_agreement(actor=factories.editor(), **valid_agreement(world))

    stored = Agreement.objects.get(slug="mistral-mou")
    assert stored.pk == agreement.pk
    assert stored.status == "draft"
    assert stored.signed_partial.isoformat() == "2025-09-12"
    assert [p.organization.slug for p in stored.parties.order_by("id")] == ["ministry", "mistral"]
    assert [(s.person.slug, s.organization.slug, s.title_ar) for s in stored.signatories.order_by("id")] == [
        ("amal", "ministry", "الوزيرة"),
        ("arthur", "mistral", None),
    ]  # fmt: skip
    assert [a.person.slug for a in stored.attendees.all()] == ["ryad"]
    assert [t.slug for t in stored.themes.all()] == ["ai"]
    assert [i.slug for i in stored.initiatives.all()] == ["jazari"]
    assert [(c.quote, c.fields) for c in stored.citations.all()] == [
        (factories.QUOTE, ["signed_on"])
    ]
    assert "mistral ai" in stored.search_document


def test_a_publisher_creates_a_published_agreement(world):
    create_agreement(actor=factories.publisher(), **valid_agreement(world), status="published")

    assert Agreement.objects.published().filter(slug="mistral-mou").exists()


def test_an_editor_may_not_create_a_published_agreement(world):
    before = rows()

    with pytest.raises(PermissionDenied):
        create_agreement(actor=factories.editor(), **valid_agreement(world), status="published")

    assert rows() == before


def _one_party(values, world):
    values["parties"] = [world["ministry"]]
    values["signatories"] = values["signatories"][:1]


def _same_party_twice(values, world):
    values["parties"] = [world["ministry"], world["ministry"]]
    values["signatories"] = values["signatories"][:1]


def _signs_for_a_non_party(values, world):
    values["signatories"][1] = SigningAct(person=world["arthur"], organization=world["industry"])


def _signs_for_nobody(values, world):
    values["signatories"][0] = SigningAct(person=world["amal"])


def _signs_twice(values, world):
    values["signatories"][1] = SigningAct(person=world["amal"], organization=world["mistral"])


def _signatory_also_attends(values, world):
    values["attendees"].append(SigningAct(person=world["arthur"]))


def _someone_elses_position(values, world):
    values["signatories"][1] = SigningAct(
        person=world["arthur"], organization=world["mistral"], position=world["minister"]
    )


def _quote_not_in_source(values, world):
    values["citations"].append(CitationInput(source=world["source"], quote="جملة لا ترد في المقال"))


def _empty_quote(values, world):
    values["citations"][0] = CitationInput(source=world["source"], quote="  ")


def _unknown_cited_field(values, world):
    values["citations"][0] = CitationInput(
        source=world["source"], quote=factories.QUOTE, fields=("budget",)
    )


def _unknown_kind(values, world):
    values["kind"] = "treaty"


def _zero_months(values, world):
    values["duration_months"] = 0


def _unknown_language(values, world):
    values["title"] = {"ar": "مذكرة", "es": "Memorándum"}


@pytest.mark.parametrize(
    ("break_it", "field", "says"),
    [
        (_one_party, "parties", "at least two parties"),
        (_same_party_twice, "parties", "at least two parties"),
        (_signs_for_a_non_party, "signatories[1].organization", "one of the parties"),
        (_signs_for_nobody, "signatories[0].organization", "one of the parties"),
        (_signs_twice, "signatories", "twice"),
        (_signatory_also_attends, "attendees", "“Arthur” signed it"),
        (_someone_elses_position, "signatories", "not one held by Arthur"),
        (_quote_not_in_source, "citations[1].quote", "word for word"),
        (_empty_quote, "citations[0].quote", "empty"),
        (_unknown_cited_field, "citations[0].fields", "budget"),
        (_unknown_kind, "kind", "treaty"),
        pytest.param(_zero_months, "duration_months", ""),
        (_unknown_language, "title", "“es”"),
    ],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_a_refused_draft_leaves_nothing_and_names_the_field(world, break_it, field, says):
    values = valid_agreement(world)
    break_it(values, world)
    before = rows()

    with pytest.raises(ValidationError) as error:
        create_agreement(actor=factories.editor(), **values)

    assert says in messages(error, field)
    assert rows() == before


def test_publishing_with_a_draft_party_is_refused_naming_it(world):
    world["mistral"].status = "draft"
    world["mistral"].save(update_fields=["status"])
    before = rows()

    with pytest.raises(ValidationError) as error:
        create_agreement(actor=factories.publisher(), **valid_agreement(world), status="published")

    assert "“Mistral AI” are drafts" in messages(error, "status")
    assert rows() == before


def test_publishing_without_a_citation_is_refused(world):
    values = valid_agreement(world) | {"citations": []}
    before = rows()

    with pytest.raises(ValidationError) as error:
        create_agreement(actor=factories.publisher(), **values, status="published")

    assert "cites at least one source" in messages(error, "status")
    assert rows() == before


def test_a_position_at_another_organization_is_refused_naming_the_signatories(world):
    values = valid_agreement(world)
    elsewhere = factories.position(world["arthur"], world["industry"])
    values["signatories"][1] = SigningAct(
        person=world["arthur"], organization=world["mistral"], position=elsewhere
    )
    before = rows()

    with pytest.raises(ValidationError) as error:
        create_agreement(actor=factories.editor(), **values)

    assert rows() == before
    assert "another organization" in messages(error, "signatories")


def test_a_signing_date_that_is_no_date_is_refused_naming_the_field(world):
    values = valid_agreement(world) | {"signed_on": "2025-13"}

    with pytest.raises(ValidationError) as error:
        create_agreement(actor=factories.editor(), **values)

    assert "signed_on" in error.value.message_dict


# -- update_agreement ---------------------------------------------------------------------------


@pytest.fixture
def draft(world) -> Agreement:
    return create_agreement(actor=factories.editor(), **valid_agreement(world))


def test_a_change_keeps_what_was_not_given(draft, world):
    update_agreement(actor=factories.editor(), agreement=draft, title={"fr": "Protocole"})

    draft.refresh_from_db()
    assert (draft.title_ar, draft.title_fr, draft.title_en) == (
        "مذكرة تفاهم",
        "Protocole",
        "Memorandum",
    )
    assert draft.parties.count() == 2
    assert draft.signatories.count() == 2
    assert draft.citations.count() == 1


def test_lists_given_replace_the_current_ones_whole(draft, world):
    update_agreement(
        actor=factories.editor(),
        agreement=draft,
        parties=[world["ministry"], world["industry"]],
        signatories=[SigningAct(person=world["ryad"], organization=world["industry"])],
        attendees=[],
        themes=[],
    )

    assert [p.organization.slug for p in draft.parties.order_by("id")] == ["ministry", "industry"]
    assert [s.person.slug for s in draft.signatories.all()] == ["ryad"]
    assert not draft.attendees.exists()
    assert not draft.themes.exists()


def test_dropping_a_party_someone_signed_for_is_refused(draft, world):
    before = rows()

    with pytest.raises(ValidationError) as error:
        update_agreement(
            actor=factories.editor(),
            agreement=draft,
            title={"en": "Changed"},
            parties=[world["ministry"], world["industry"]],
        )

    assert "sign for one of the parties" in messages(error, "parties")
    assert rows() == before
    assert [p.organization.slug for p in draft.parties.order_by("id")] == ["ministry", "mistral"]
    draft.refresh_from_db()
    assert draft.title_en == "Memorandum"


def test_an_agreement_cannot_renew_itself_nor_close_a_loop(draft, world):
    older = create_agreement(
        actor=factories.editor(), **valid_agreement(world) | {"slug": "older"}, renews=draft
    )

    with pytest.raises(ValidationError) as itself:
        update_agreement(actor=factories.editor(), agreement=draft, renews=draft)
    with pytest.raises(ValidationError) as loop:
        update_agreement(actor=factories.editor(), agreement=draft, renews=older)

    assert "renews" in itself.value.message_dict
    assert "no loop" in messages(loop, "renews")
    draft.refresh_from_db()
    assert draft.renews is None


def test_publishing_with_a_draft_signatory_is_refused_naming_the_person(draft, world):
    world["arthur"].status = "draft"
    world["arthur"].save(update_fields=["status"])

    with pytest.raises(ValidationError) as error:
        update_agreement(actor=factories.publisher(), agreement=draft, status="published")

    assert "“Arthur” are drafts" in messages(error, "status")
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_publishing_and_unpublishing_take_the_publish_right(draft):
    with pytest.raises(PermissionDenied):
        update_agreement(actor=factories.editor(), agreement=draft, status="published")

    update_agreement(actor=factories.publisher(), agreement=draft, status="published")
    draft.refresh_from_db()
    assert draft.status == "published"

    with pytest.raises(PermissionDenied):
        update_agreement(actor=factories.editor(), agreement=draft, status="draft")
    update_agreement(actor=factories.publisher(), agreement=draft, status="draft")
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_a_published_agreement_keeps_its_evidence_and_its_published_parties(draft, world):
    update_agreement(actor=factories.publisher(), agreement=draft, status="published")
    hidden = factories.cited(factories.organization("hidden", status="draft"))
    before = rows()

    with pytest.raises(ValidationError) as no_evidence:
        update_agreement(actor=factories.editor(), agreement=draft, citations=[])
    with pytest.raises(ValidationError) as draft_party:
        update_agreement(
            actor=factories.editor(), agreement=draft, parties=[*valid_agreement(world)["parties"], hidden]
        )  # fmt: skip

    assert "cites at least one source" in messages(no_evidence, "status")
    assert f"“{hidden}” are drafts" in messages(draft_party, "status")
    assert rows() == before


# -- save_initiative ------------------------------------------------------------------------------


def test_an_initiative_is_created_as_a_draft_with_its_partners(world):
    initiative = save_initiative(
        actor=factories.editor(),
        slug="jazari-root",
        name={"ar": "جذور الجزري", "en": "Jazari Root"},
        kind="network",
        lead=world["ministry"],
        partners=[world["mistral"], world["industry"]],
        launched_on="2024-10",
    )

    initiative.refresh_from_db()
    assert initiative.status == "draft"
    assert initiative.launched_partial.isoformat() == "2024-10"
    assert initiative.lead == world["ministry"]
    assert {o.slug for o in initiative.partners.all()} == {"mistral", "industry"}


def test_an_initiative_cannot_be_part_of_itself_nor_of_a_loop(world):
    network = save_initiative(actor=factories.editor(), slug="network", name={"ar": "شبكة"}, kind="network")  # fmt: skip
    institute = save_initiative(
        actor=factories.editor(), slug="institute", name={"ar": "معهد"}, kind="institution",
        parent=network,
    )  # fmt: skip

    with pytest.raises(ValidationError) as itself:
        save_initiative(actor=factories.editor(), initiative=network, parent=network)
    with pytest.raises(ValidationError) as loop:
        save_initiative(actor=factories.editor(), initiative=network, parent=institute)

    assert "parent" in itself.value.message_dict
    assert "no loop" in messages(loop, "parent")
    network.refresh_from_db()
    assert network.parent is None


def test_publishing_an_initiative_takes_the_right_and_a_citation(world):
    initiative = save_initiative(actor=factories.editor(), slug="d4sd", name={"ar": "مركز"}, kind="hub")  # fmt: skip
    evidence = [CitationInput(source=world["source"], quote=factories.QUOTE)]

    with pytest.raises(PermissionDenied):
        save_initiative(actor=factories.editor(), initiative=initiative, status="published")
    with pytest.raises(ValidationError) as error:
        save_initiative(actor=factories.publisher(), initiative=initiative, status="published")
    assert "cites at least one source" in messages(error, "status")

    save_initiative(
        actor=factories.publisher(), initiative=initiative, citations=evidence, status="published"
    )
    initiative.refresh_from_db()
    assert initiative.status == "published"


# -- save_source ---------------------------------------------------------------------------------


def test_a_source_is_created_with_its_date_at_its_precision():
    source = save_source(
        actor=factories.editor(),
        slug="article",
        title={"ar": "مقال"},
        file_name="article.txt",
        published_on="2025-09",
        text=factories.ARTICLE_TEXT,
    )

    source.refresh_from_db()
    assert (source.published_on, source.published_on_precision) == (dt.date(2025, 9, 1), "month")


def test_a_source_text_may_change_around_its_quotes(world):
    factories.citation(world["ministry"], source=world["source"])

    save_source(actor=factories.editor(), source=world["source"], text=f"مقدمة. {factories.QUOTE}.")

    world["source"].refresh_from_db()
    assert world["source"].text.startswith("مقدمة")


def test_a_source_text_that_loses_a_quote_is_refused_naming_the_text(world):
    factories.citation(world["ministry"], source=world["source"])
    text = world["source"].text

    with pytest.raises(ValidationError) as error:
        save_source(actor=factories.editor(), source=world["source"], text="نص جديد كليا.")

    assert factories.QUOTE[:20] in messages(error, "text")
    assert SourceDocument.objects.get(pk=world["source"].pk).text == text
