"""Accepting an article's proposals: drafts with citations, through the services, or nothing.

The proposals here are built by hand (what the extractor returns for ARTICLE), so that
these tests pin the write path whatever the extractor finds.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agreements.models import Agreement
from core.models import Citation, SourceDocument
from core.records import PartialDate
from events.models import Event
from intake import services
from intake.extract.proposals import (
    AgreementProposal,
    ArticleProposals,
    AttendanceProposal,
    DateProposal,
    EventProposal,
    Evidence,
    InitiativeProposal,
    NameProposal,
    OrganizationProposal,
    PersonProposal,
    PlaceProposal,
    PositionProposal,
    Proposed,
    RecordRef,
    SigningProposal,
)
from intake.models import ArticleIntake, IntakeDecision
from partners.models import Organization, Person, Position
from tests import factories

pytestmark = pytest.mark.django_db

ARTICLE = (
    "وقعت وزارة الانتقال الرقمي وشركة ميسترال مذكرة تفاهم يوم الجمعة 12 شتنبر 2025 بالرباط، "
    "على هامش معرض جيتكس إفريقيا.\n"
    "ووقع المذكرة كل من الوزيرة أمل الفلاح السغروشني وآرثر مينش.\n"
    "وتمتد المذكرة لمدة عامين، في إطار استراتيجية المغرب الرقمي 2030.\n"
)


def evidence(quote: str, text: str = ARTICLE) -> Evidence:
    start = text.index(quote)
    return Evidence(quote=quote, start=start, end=start + len(quote))


def name(text: str, existing: RecordRef | None = None) -> NameProposal:
    return NameProposal(text=text, evidence=evidence(text), existing=existing,
                        score=95.0 if existing else 0.0)  # fmt: skip


SIGNING = "ووقع المذكرة كل من الوزيرة أمل الفلاح السغروشني وآرثر مينش"


def proposals(
    *,
    ministry: RecordRef | None = None,
    mistral: RecordRef | None = None,
    amal: RecordRef | None = None,
    arthur: RecordRef | None = None,
    agreement: RecordRef | None = None,
) -> ArticleProposals:
    """What the extractor proposes from ARTICLE, matched to the records given."""
    return ArticleProposals(
        language="ar",
        organizations=[
            OrganizationProposal("org-1", name("وزارة الانتقال الرقمي", ministry), "MA"),
            OrganizationProposal("org-2", name("شركة ميسترال", mistral), "FR"),
        ],
        people=[
            PersonProposal("person-1", name("أمل الفلاح السغروشني", amal)),
            PersonProposal("person-2", name("آرثر مينش", arthur)),
        ],
        events=[EventProposal("event-1", name("معرض جيتكس إفريقيا"))],
        initiatives=[InitiativeProposal("initiative-1", name("استراتيجية المغرب الرقمي 2030"))],
        agreements=[
            AgreementProposal(
                key="agreement-1",
                kind=Proposed("mou", evidence("مذكرة تفاهم")),
                title=Proposed("مذكرة تفاهم", evidence("مذكرة تفاهم")),
                parties=[
                    Proposed("org-1", evidence("وزارة الانتقال الرقمي")),
                    Proposed("org-2", evidence("شركة ميسترال")),
                ],
                signatories=[
                    SigningProposal("person-1", evidence(SIGNING), "org-1", "الوزيرة"),
                    SigningProposal("person-2", evidence(SIGNING), "org-2"),
                ],
                date=DateProposal(
                    PartialDate(2025, 9, 12), "12 شتنبر 2025", evidence("يوم الجمعة 12 شتنبر 2025")
                ),
                place=PlaceProposal("الرباط", "MA", evidence("بالرباط")),
                event=Proposed("event-1", evidence("على هامش معرض جيتكس إفريقيا")),
                duration_months=Proposed(24, evidence("لمدة عامين")),
                existing=agreement,
            )
        ],
    )


def start(actor, found: ArticleProposals, text: str = ARTICLE) -> ArticleIntake:
    return services.start_intake(
        actor=actor,
        title="مذكرة تفاهم مع ميسترال",
        text=text,
        language="ar",
        publisher="بوابة بريس",
        url="https://example.org/article/1",
        dateline="الرباط",
        published_on=PartialDate(2025, 9, 12),
        extractor=lambda text, **_: found,
    )


def accept_all(actor, intake: ArticleIntake, **edits) -> list[IntakeDecision]:
    keys = ["org-1", "org-2", "person-1", "person-2", "event-1", "agreement-1"]
    return services.review(
        actor=actor,
        intake=intake,
        decisions=[
            services.ProposalDecision(key=key, accept=True, edit=edits.get(key),
                                      reason=edits.get(f"{key}-reason", ""))
            for key in keys
        ],
    )  # fmt: skip


def citations_of(record) -> list[Citation]:
    return list(
        Citation.objects.filter(
            content_type__model=record._meta.model_name, object_id=record.pk
        ).order_by("id")
    )


def ref(record) -> RecordRef:
    return RecordRef(kind=record._meta.model_name, pk=record.pk, slug=record.slug,
                     label=str(record))  # fmt: skip


# -- the article in ------------------------------------------------------------------------------


def test_the_article_is_stored_as_a_source_with_its_proposals():
    editor = factories.editor()
    intake = start(editor, proposals())
    source = intake.source
    assert source.text == ARTICLE and source.language == "ar"
    assert source.publisher == "بوابة بريس" and source.url == "https://example.org/article/1"
    assert (source.published_on, source.published_on_precision) == (dt.date(2025, 9, 12), "day")
    assert source.file_name == "" and source.slug and source.dateline == "الرباط"
    assert intake.created_by == editor
    assert intake.article_proposals() == proposals()
    assert intake.extraction_ms is not None


def test_line_ends_are_stored_as_the_extractor_read_them():
    seen = {}

    def extractor(text, **_):
        seen["text"] = text
        return ArticleProposals(language="fr")

    intake = services.start_intake(
        actor=factories.editor(), title="Un article", text="Ligne un.\r\nLigne deux.",
        language="fr", extractor=extractor,
    )  # fmt: skip
    assert intake.source.text == seen["text"] == "Ligne un.\nLigne deux."


def test_two_articles_with_one_title_get_two_slugs():
    editor = factories.editor()
    first, second = start(editor, proposals()), start(editor, proposals())
    assert first.source.slug != second.source.slug


def test_only_an_editor_who_may_add_records_uses_intake():
    reader = factories.user()  # staff, in no group
    with pytest.raises(PermissionDenied):
        start(reader, proposals())
    assert not SourceDocument.objects.exists()


def test_an_extractor_failure_saves_nothing_and_says_so():
    def broken(text, **_):
        raise RuntimeError("boom")

    with pytest.raises(ValidationError):
        services.start_intake(actor=factories.editor(), title="t", text="نص", language="ar",
                              extractor=broken)  # fmt: skip
    assert not SourceDocument.objects.exists() and not ArticleIntake.objects.exists()


# -- accepting -----------------------------------------------------------------------------------


def test_accepting_writes_drafts_with_their_citations():
    editor = factories.editor()
    intake = start(editor, proposals())
    accept_all(editor, intake)

    agreement = Agreement.objects.get()
    assert agreement.status == "draft"
    assert agreement.kind == "mou" and agreement.title_ar == "مذكرة تفاهم"
    assert agreement.signed_partial == PartialDate(2025, 9, 12)
    assert agreement.place_city_ar == "الرباط" and agreement.place_country == "MA"
    assert agreement.duration_months == 24
    assert agreement.event == Event.objects.get(name_ar="معرض جيتكس إفريقيا")
    parties = {party.organization.name_ar for party in agreement.parties.all()}
    assert parties == {"وزارة الانتقال الرقمي", "شركة ميسترال"}
    signers = {(s.person.name_ar, s.organization.name_ar, s.title_ar or "")
               for s in agreement.signatories.all()}  # fmt: skip
    assert signers == {
        ("أمل الفلاح السغروشني", "وزارة الانتقال الرقمي", "الوزيرة"),
        ("آرثر مينش", "شركة ميسترال", ""),
    }
    # Every record is a draft, cited from this article, the quote backing named fields.
    for record in [*Organization.objects.all(), *Person.objects.all(), *Event.objects.all(),
                   agreement]:  # fmt: skip
        assert record.status == "draft", record
        cited = citations_of(record)
        assert cited and all(citation.source == intake.source for citation in cited), record
        assert all(citation.quote in ARTICLE for citation in cited)
    backed = {name for citation in citations_of(agreement) for name in citation.fields}
    assert {"kind", "title", "parties", "signatories", "signed_on", "place", "event",
            "duration_months"} <= backed  # fmt: skip
    date_citation = next(c for c in citations_of(agreement) if "signed_on" in c.fields)
    assert date_citation.quote == "يوم الجمعة 12 شتنبر 2025"
    # Slugs were made, Latin, for every record.
    assert all(record.slug.isascii() and record.slug for record in Organization.objects.all())
    assert agreement.slug.isascii()
    # The decisions stay, with the records each one wrote.
    decisions = {d.proposal_key: d for d in intake.decisions.all()}
    assert decisions["agreement-1"].records == [
        {"kind": "agreement", "pk": agreement.pk, "slug": agreement.slug,
         "label": str(agreement), "created": True}
    ]  # fmt: skip
    assert decisions["agreement-1"].decided_by == editor
    assert agreement.history.latest().history_change_reason == f"intake {intake.pk}"


def test_intake_never_publishes_even_for_a_publisher():
    publisher = factories.publisher()
    intake = start(publisher, proposals())
    accept_all(publisher, intake)
    for model in (Organization, Person, Event, Agreement):
        assert set(model.objects.values_list("status", flat=True)) == {"draft"}


def test_an_edited_proposal_is_written_as_edited():
    editor = factories.editor()
    intake = start(editor, proposals())
    found = intake.article_proposals()
    edit = services.default_edit(found, "agreement-1")
    edit.kind = "protocol"
    edit.signed_on = PartialDate(2025, 9)
    edit.signatories = edit.signatories[:1]  # Arthur Mensch left out
    accept_all(editor, intake, **{"agreement-1": edit})
    agreement = Agreement.objects.get()
    assert agreement.kind == "protocol"
    assert (agreement.signed_on, agreement.signed_on_precision) == (dt.date(2025, 9, 1), "month")
    assert [s.person.name_ar for s in agreement.signatories.all()] == ["أمل الفلاح السغروشني"]
    assert intake.decisions.get(proposal_key="agreement-1").values["signed_on"] == "2025-09"


def test_rejecting_writes_nothing_but_the_decision():
    editor = factories.editor()
    intake = start(editor, proposals())
    services.reject(actor=editor, intake=intake, key="agreement-1", reason="Déjà saisi")
    assert not Agreement.objects.exists() and not Organization.objects.exists()
    decision = intake.decisions.get()
    assert (decision.decision, decision.reason, decision.records) == ("rejected", "Déjà saisi", [])


def test_an_agreement_needs_its_parties_accepted_or_matched():
    editor = factories.editor()
    intake = start(editor, proposals())
    with pytest.raises(ValidationError) as refused:
        services.accept(actor=editor, intake=intake, key="agreement-1")
    assert "وزارة الانتقال الرقمي" in " ".join(refused.value.messages)
    assert not Agreement.objects.exists() and not intake.decisions.exists()


def test_a_rule_refusal_rolls_the_whole_acceptance_back():
    editor = factories.editor()
    intake = start(editor, proposals())
    edit = services.default_edit(intake.article_proposals(), "agreement-1")
    edit.parties = ["org-1"]  # one party: the agreements' rule refuses it
    edit.signatories = edit.signatories[:1]
    with pytest.raises(ValidationError) as refused:
        accept_all(editor, intake, **{"agreement-1": edit})
    assert "مذكرة تفاهم" in refused.value.messages[0]  # names the proposal
    # The organizations, people and event accepted with it are not written either.
    for model in (Organization, Person, Event, Agreement, Citation, IntakeDecision):
        assert not model.objects.exists(), model
    # The source stays: the intake can be reviewed again.
    assert ArticleIntake.objects.get() == intake


def test_a_refusal_is_in_the_editors_language():
    from django.utils import translation

    editor = factories.editor()
    intake = start(editor, proposals())
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        services.accept(actor=editor, intake=intake, key="agreement-1")
    assert "acceptez" in refused.value.messages[0].lower()


def test_accepting_twice_is_refused():
    editor = factories.editor()
    intake = start(editor, proposals())
    services.accept(actor=editor, intake=intake, key="org-1")
    with pytest.raises(ValidationError):
        services.accept(actor=editor, intake=intake, key="org-1")
    assert Organization.objects.count() == 1


def test_records_accepted_earlier_are_used_later():
    editor = factories.editor()
    intake = start(editor, proposals())
    for key in ("org-1", "org-2", "person-1", "person-2", "event-1"):
        services.accept(actor=editor, intake=intake, key=key)
    services.accept(actor=editor, intake=intake, key="agreement-1")
    assert Organization.objects.count() == 2 and Agreement.objects.get().parties.count() == 2


# -- records already there -------------------------------------------------------------------------


def test_a_matched_partner_is_linked_not_duplicated():
    editor = factories.editor()
    ministry = factories.organization(name_ar="وزارة الانتقال الرقمي وإصلاح الإدارة")
    intake = start(editor, proposals(ministry=ref(ministry)))
    accept_all(editor, intake)
    assert Organization.objects.count() == 2
    assert Agreement.objects.get().parties.filter(organization=ministry).exists()
    assert intake.decisions.get(proposal_key="org-1").records[0]["created"] is False


def test_a_match_the_editor_refuses_makes_a_new_record():
    editor = factories.editor()
    ministry = factories.organization(name_ar="وزارة أخرى")
    intake = start(editor, proposals(ministry=ref(ministry)))
    edit = services.default_edit(intake.article_proposals(), "org-1")
    edit.use_existing = False
    edit.kind = "ministry"
    accept_all(editor, intake, **{"org-1": edit})
    created = Organization.objects.exclude(pk=ministry.pk).get(name_ar="وزارة الانتقال الرقمي")
    assert created.kind == "ministry" and created.status == "draft"


def _recorded(*, signed: tuple[dt.date, str], status: str = "draft"):
    """The Mistral memorandum as already recorded from another source, Arthur Mensch missing."""
    other = factories.source_document()
    ministry = factories.cited(factories.organization(name_ar="وزارة الانتقال الرقمي"),
                               source=other)  # fmt: skip
    mistral = factories.cited(factories.organization(name_ar="ميسترال"), source=other)
    amal = factories.cited(factories.person(name_ar="أمل الفلاح السغروشني"), source=other)
    arthur = factories.cited(factories.person(name_ar="آرثر مينش"), source=other)
    agreement = factories.agreement(
        parties=(ministry, mistral), signatories=((amal, ministry),), signed=signed,
        status=status, place_city_ar="الرباط", place_country="MA",
    )  # fmt: skip
    factories.citation(agreement, source=other, quote=factories.QUOTE, fields=("signed_on",))
    found = proposals(ministry=ref(ministry), mistral=ref(mistral), amal=ref(amal),
                      arthur=ref(arthur), agreement=ref(agreement))  # fmt: skip
    return agreement, found, arthur


def test_an_agreement_already_recorded_is_corroborated_not_duplicated():
    editor = factories.editor()
    agreement, found, arthur = _recorded(signed=(dt.date(2025, 1, 1), "year"))
    intake = start(editor, found)
    accept_all(editor, intake)
    assert Agreement.objects.count() == 1
    agreement.refresh_from_db()
    # A sharper date, the missing signatory, the event: what the article says more.
    assert agreement.signed_partial == PartialDate(2025, 9, 12)
    assert agreement.signatories.filter(person=arthur).exists()
    assert agreement.signatories.count() == 2
    assert agreement.event is not None
    # The earlier evidence stays, this article's is added.
    sources = [citation.source for citation in citations_of(agreement)]
    assert sources[0] != intake.source and intake.source in sources
    assert intake.decisions.get(proposal_key="agreement-1").records[0]["created"] is False
    assert agreement.status == "draft"


def test_a_published_agreement_corroborated_by_a_publisher_stays_published():
    publisher = factories.publisher()
    agreement, found, _arthur = _recorded(signed=(dt.date(2025, 1, 1), "year"))
    agreement.citations.all().delete()
    factories.citation(agreement, quote=factories.QUOTE)
    Agreement.objects.filter(pk=agreement.pk).update(status="published")
    intake = start(publisher, found)
    accept_all(publisher, intake)
    agreement.refresh_from_db()
    assert agreement.status == "published"
    assert any(c.source == intake.source for c in citations_of(agreement))


def test_a_disagreement_needs_the_editors_reason():
    editor = factories.editor()
    agreement, found, _arthur = _recorded(signed=(dt.date(2024, 5, 1), "month"))
    intake = start(editor, found)
    with pytest.raises(ValidationError) as refused:
        accept_all(editor, intake)
    assert "disagrees" in refused.value.messages[0] or "يختلف" in refused.value.messages[0]
    assert not IntakeDecision.objects.exists()
    agreement.refresh_from_db()
    assert agreement.signed_partial == PartialDate(2024, 5)


def test_keeping_the_stored_value_keeps_it_and_the_reason():
    editor = factories.editor()
    agreement, found, _arthur = _recorded(signed=(dt.date(2024, 5, 1), "month"))
    intake = start(editor, found)
    edit = services.default_edit(found, "agreement-1")
    edit.keep_stored = frozenset({"signed_on"})
    reason = "The ministry's own release gives May 2024"
    accept_all(editor, intake, **{"agreement-1": edit, "agreement-1-reason": reason})
    agreement.refresh_from_db()
    assert agreement.signed_partial == PartialDate(2024, 5)
    decision = intake.decisions.get(proposal_key="agreement-1")
    assert decision.reason == reason and decision.values["keep_stored"] == ["signed_on"]
    assert agreement.history.latest().history_change_reason == f"intake {intake.pk}: {reason}"
    # The article's date is not claimed by its citation.
    added = [c for c in citations_of(agreement) if c.source == intake.source]
    assert added and all("signed_on" not in c.fields for c in added)


def test_taking_the_articles_value_changes_it_and_keeps_the_reason():
    editor = factories.editor()
    agreement, found, _arthur = _recorded(signed=(dt.date(2024, 5, 1), "month"))
    intake = start(editor, found)
    reason = "Signed in 2025 per the article"
    accept_all(editor, intake, **{"agreement-1-reason": reason})
    agreement.refresh_from_db()
    assert agreement.signed_partial == PartialDate(2025, 9, 12)
    assert reason in agreement.history.latest().history_change_reason
    assert intake.decisions.get(proposal_key="agreement-1").reason == reason


def test_initiatives_are_accepted_as_drafts():
    editor = factories.editor()
    intake = start(editor, proposals())
    services.accept(actor=editor, intake=intake, key="initiative-1")
    from agreements.models import Initiative

    initiative = Initiative.objects.get()
    assert initiative.status == "draft" and initiative.name_ar == "استراتيجية المغرب الرقمي 2030"
    assert citations_of(initiative)[0].fields == ["name"]


def test_event_participants_are_written_with_the_event():
    editor = factories.editor()
    found = proposals()
    found.events[0].participants = [
        AttendanceProposal("person-2", evidence("آرثر مينش"), "org-2", "")
    ]
    intake = start(editor, found)
    accept_all(editor, intake)
    event = Event.objects.get()
    assert [p.person.name_ar for p in event.participants.all()] == ["آرثر مينش"]


def test_an_editors_corroboration_of_a_published_agreement_waits_for_a_publisher():
    from core.models import Revision

    editor = factories.editor()
    agreement, found, _arthur = _recorded(signed=(dt.date(2025, 1, 1), "year"))
    Agreement.objects.filter(pk=agreement.pk).update(status="published")
    versions = agreement.history.count()
    intake = start(editor, found)
    accept_all(editor, intake)
    agreement.refresh_from_db()
    # Unchanged for the public until a publisher approves the held change.
    assert agreement.signed_partial == PartialDate(2025)
    assert not any(c.source == intake.source for c in citations_of(agreement))
    assert agreement.history.count() == versions
    revision = Revision.objects.get(object_id=agreement.pk)
    assert revision.status == "pending" and revision.note == f"intake {intake.pk}"
    entry = intake.decisions.get(proposal_key="agreement-1").records[0]
    assert entry["revision"] == revision.pk and entry["created"] is False


def test_a_linked_record_keeps_its_history_as_it_is():
    from partners.services import save_organization

    editor = factories.editor()
    ministry = save_organization(actor=editor, name={"ar": "وزارة الانتقال الرقمي"},
                                 kind="ministry")  # fmt: skip
    reasons_before = list(ministry.history.values_list("history_change_reason", flat=True))
    assert reasons_before
    intake = start(editor, proposals(ministry=ref(ministry)))
    accept_all(editor, intake)
    assert list(ministry.history.values_list("history_change_reason", flat=True)) == reasons_before


def test_an_event_is_written_with_its_dates_and_place():
    editor = factories.editor()
    found = proposals()
    found.events[0].date = DateProposal(PartialDate(2025, 9, 12), "12 شتنبر 2025",
                                        evidence("يوم الجمعة 12 شتنبر 2025"))  # fmt: skip
    found.events[0].end = DateProposal(PartialDate(2025, 9, 14), "", evidence("12 شتنبر 2025"))
    found.events[0].place = PlaceProposal("الرباط", "MA", evidence("بالرباط"))
    intake = start(editor, found)
    services.accept(actor=editor, intake=intake, key="event-1")
    event = Event.objects.get()
    assert (event.start_partial, event.end_partial) == (PartialDate(2025, 9, 12),
                                                         PartialDate(2025, 9, 14))  # fmt: skip
    assert (event.city_ar, event.country, event.status) == ("الرباط", "MA", "draft")
    backed = {name for citation in citations_of(event) for name in citation.fields}
    assert {"name", "start_date", "end_date", "city", "country"} <= backed


def test_an_event_end_at_another_precision_is_refused_whole():
    editor = factories.editor()
    intake = start(editor, proposals())
    edit = services.default_edit(intake.article_proposals(), "event-1")
    edit.start, edit.end = PartialDate(2025, 9, 12), PartialDate(2025, 10)
    with pytest.raises(ValidationError):
        services.accept(actor=editor, intake=intake, key="event-1", edit=edit)
    assert not Event.objects.exists() and not IntakeDecision.objects.exists()


def test_a_wrong_match_to_a_recorded_agreement_makes_a_new_draft():
    editor = factories.editor()
    agreement, found, _arthur = _recorded(signed=(dt.date(2024, 5, 1), "month"))
    intake = start(editor, found)
    edit = services.default_edit(found, "agreement-1")
    edit.use_existing = False
    accept_all(editor, intake, **{"agreement-1": edit})
    created = Agreement.objects.exclude(pk=agreement.pk).get()
    assert created.status == "draft" and created.signed_partial == PartialDate(2025, 9, 12)
    agreement.refresh_from_db()
    assert agreement.signed_partial == PartialDate(2024, 5)  # the recorded one untouched
    assert not any(c.source == intake.source for c in citations_of(agreement))


def test_a_publication_date_the_article_states_is_kept_when_the_editor_gave_none():
    found = proposals()
    found.publication_date = DateProposal(PartialDate(2025, 9, 12), "اليوم الجمعة 12 شتنبر 2025",
                                          evidence("12 شتنبر 2025"))  # fmt: skip
    intake = services.start_intake(actor=factories.editor(), title="t", text=ARTICLE,
                                   language="ar", extractor=lambda text, **_: found)  # fmt: skip
    source = intake.source
    assert (source.published_on, source.published_on_precision) == (dt.date(2025, 9, 12), "day")
    # The editor's own date wins.
    given = start(factories.editor(), found)  # published_on given: 12 September too
    assert given.source.published_on_precision == "day"
    other = services.start_intake(actor=factories.editor(), title="t", text=ARTICLE,
                                  language="ar", published_on=PartialDate(2025, 9),
                                  extractor=lambda text, **_: found)  # fmt: skip
    assert other.source.published_on_precision == "month"


def test_a_new_persons_positions_are_written_with_the_body_the_editor_took():
    """ "الوزيرة ... وزارة الانتقال الرقمي": the title, cited, at the body accepted with it;
    a title whose body was rejected stays in the signing act only."""
    found = proposals()
    found.people[0].positions = [
        PositionProposal("الوزيرة", evidence("الوزيرة أمل الفلاح السغروشني"), "org-1")
    ]
    found.people[1].positions = [PositionProposal("مينش", evidence("آرثر مينش"), "org-2")]
    editor = factories.editor()
    intake = start(editor, found)
    services.review(actor=editor, intake=intake, decisions=[
        *(services.ProposalDecision(key, accept=True) for key in ("org-1", "person-1", "person-2")),
        services.ProposalDecision("org-2", accept=False, reason="Pas dans l'article"),
    ])  # fmt: skip

    (position,) = Position.objects.all()
    assert (position.person.name_ar, position.organization.name_ar, position.title_ar) == (
        "أمل الفلاح السغروشني",
        "وزارة الانتقال الرقمي",
        "الوزيرة",
    )
    assert position.slug.startswith(position.person.slug)
    (citation,) = position.citations.all()
    assert (citation.quote, citation.fields) == ("الوزيرة أمل الفلاح السغروشني", ["title"])
