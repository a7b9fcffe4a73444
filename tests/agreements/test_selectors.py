"""Reads of agreements (`agreements.selectors`): drafts, and every link to one, stay hidden;
a list costs one query per relation whatever the number of rows."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from agreements.models import Agreement
from agreements.selectors import (
    agreement_list,
    agreement_preview_list,
    agreement_rows,
    agreements_of,
    attach_agreement_relations,
    event_agreements_prefetch,
    organization_signatures,
    person_signatures,
    signatures_prefetch,
    sources_with_quote_counts,
)
from core.visibility import joined
from events.models import Event
from partners.models import Person
from tests import factories

pytestmark = pytest.mark.django_db


def slugs(records) -> list[str]:
    return [record.slug for record in records]


@pytest.fixture
def world() -> dict:
    """One published agreement linked to a draft of every kind, beside published ones."""
    ministry = factories.organization("ministry")
    company = factories.organization("company")
    secret = factories.organization("secret", status="draft")
    minister = factories.person("minister")
    ghost = factories.person("ghost", status="draft")
    envoy = factories.person("envoy")
    hidden_event = factories.event("hidden-event", status="draft")
    earlier = factories.agreement("earlier", status="draft", parties=(ministry, company))
    agreement = factories.published_agreement(
        "main",
        parties=(ministry, company, secret),
        signatories=((minister, ministry), (ghost, company), (envoy, secret)),
        event=hidden_event,
        renews=earlier,
        themes=(factories.theme("ai"),),
        initiatives=(factories.initiative("jazari"), factories.initiative("secret-plan", status="draft")),
    )  # fmt: skip
    agreement.attendees.create(person=factories.person("witness"), organization=secret)
    agreement.attendees.create(person=factories.person("draft-witness", status="draft"))
    factories.published_agreement("renewal", renews=agreement)
    factories.agreement("draft-renewal", status="draft", renews=agreement, parties=(ministry,))
    return {
        "agreement": agreement, "ministry": ministry, "secret": secret, "minister": minister,
        "envoy": envoy, "hidden_event": hidden_event,
    }  # fmt: skip


def test_agreement_list_never_lists_a_draft(world):
    assert sorted(slugs(agreement_list())) == ["main", "renewal"]
    assert sorted(slugs(agreement_list(filters={"partner": ["ministry"]}))) == ["main"]
    assert "draft-renewal" in slugs(agreement_preview_list())


@pytest.mark.parametrize("filters", [{"partner": ["nobody"]}, {"partner": "ministry"}])
def test_a_filter_the_list_cannot_apply_never_widens_it(world, filters):
    try:
        listed = slugs(agreement_list(filters=filters))
    except ValidationError:
        return  # refusing is as good as filtering
    assert "renewal" not in listed  # bound to neither "nobody" nor "ministry"


def test_agreement_list_shows_no_draft_through_a_relation(world):
    listed = agreement_list().get(slug="main")

    assert [p.organization.slug for p in listed.parties.all()] == ["ministry", "company"]
    assert [s.person.slug for s in listed.signatories.all()] == ["minister"]
    assert [(a.person.slug, joined(a, "organization")) for a in listed.attendees.all()] == [
        ("witness", None)
    ]
    assert slugs(listed.initiatives.all()) == ["jazari"]
    assert slugs(listed.renewed_by.all()) == ["renewal"]
    assert joined(listed, "event") is None
    assert joined(listed, "renews") is None


def test_a_preview_shows_the_drafts(world):
    previewed = agreement_preview_list().get(slug="main")

    assert len(previewed.parties.all()) == 3
    assert len(previewed.signatories.all()) == 3
    assert joined(previewed, "event") == world["hidden_event"]
    assert joined(previewed, "renews").slug == "earlier"


def test_attached_relations_show_no_draft(world):
    (main,) = attach_agreement_relations(list(agreement_rows().filter(slug="main")))

    assert [row["organization__slug"] for row in main.party_rows] == ["ministry", "company"]
    assert [row["person__slug"] for row in main.signatory_rows] == ["minister"]
    assert [(row["person__slug"], row["visible_organization__slug"]) for row in main.attendee_rows] == [
        ("witness", None)
    ]  # fmt: skip
    assert [row["initiative__slug"] for row in main.initiative_rows] == ["jazari"]
    assert [row["slug"] for row in main.renewal_rows] == ["renewal"]
    assert [row["theme__slug"] for row in main.theme_rows] == ["ai"]
    assert [row["quote"] for row in main.citation_rows] == [factories.QUOTE]
    assert joined(main, "event") is None
    assert slugs(agreement_rows()) == slugs(agreement_list())


def test_attached_relations_of_no_agreement_cost_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert attach_agreement_relations([]) == []


def test_agreements_of_an_organization_are_published_ones(world):
    assert slugs(agreements_of(world["ministry"])) == ["main"]


def test_signing_acts_shown_are_of_published_agreements_for_published_parties(world):
    factories.agreement(
        "draft-deal", status="draft", parties=(world["ministry"],),
        signatories=((world["minister"], world["ministry"]),),
    )  # fmt: skip

    people = {p.slug: p for p in Person.objects.prefetch_related(signatures_prefetch())}
    assert [s.agreement.slug for s in people["minister"].visible_signatures] == ["main"]
    assert people["envoy"].visible_signatures == []
    assert slugs(s.agreement for s in person_signatures(world["minister"])) == ["main"]
    assert list(organization_signatures(world["secret"])) == []

    previewing = Person.objects.prefetch_related(signatures_prefetch(include_drafts=True))
    minister = previewing.get(slug="minister")
    assert sorted(s.agreement.slug for s in minister.visible_signatures) == ["draft-deal", "main"]


def test_an_events_agreements_are_published_ones():
    event = factories.event()
    factories.agreement("signed-there", event=event)
    factories.agreement("draft-there", event=event, status="draft")

    (loaded,) = Event.objects.prefetch_related(event_agreements_prefetch())
    assert slugs(loaded.visible_agreements) == ["signed-there"]
    (previewed,) = Event.objects.prefetch_related(event_agreements_prefetch(include_drafts=True))
    assert slugs(previewed.visible_agreements) == ["draft-there", "signed-there"]


def test_a_source_counts_the_quotes_of_visible_records_only():
    source = factories.source_document()
    factories.citation(factories.organization(), source=source)
    factories.citation(factories.organization(status="draft"), source=source)
    factories.citation(factories.agreement(status="draft"), source=source)

    assert sources_with_quote_counts().get(pk=source.pk).quote_count == 1


# -- one query per relation --------------------------------------------------------------------------


def many_agreements(count: int) -> None:
    """`count` published agreements, each with every relation a list shows."""
    source = factories.source_document()
    theme, initiative = factories.theme(), factories.initiative()
    event = factories.event()
    previous = None
    for _ in range(count):
        agreement = factories.published_agreement(
            source=source, themes=(theme,), initiatives=(initiative,), event=event, renews=previous
        )
        party = agreement.parties.first().organization
        agreement.attendees.create(person=factories.person(), organization=party)
        previous = agreement


@pytest.mark.parametrize("count", [1, 8])
def test_agreement_list_costs_one_query_per_relation(count, django_assert_num_queries):
    many_agreements(count)
    ContentType.objects.get_for_model(Agreement)  # cached for the process, as in production

    with django_assert_num_queries(8):
        shown = [
            (
                agreement.slug,
                joined(agreement, "event"),
                joined(agreement, "renews"),
                [p.organization.name for p in agreement.parties.all()],
                [(s.person.name, s.organization.name) for s in agreement.signatories.all()],
                [(a.person.name, joined(a, "organization")) for a in agreement.attendees.all()],
                slugs(agreement.themes.all()),
                slugs(agreement.initiatives.all()),
                slugs(agreement.renewed_by.all()),
                [c.source.slug for c in agreement.citations.all()],
            )
            for agreement in agreement_list()
        ]
    assert len(shown) == count


@pytest.mark.parametrize("count", [1, 8])
def test_attached_relations_cost_seven_queries(count, django_assert_num_queries):
    many_agreements(count)
    ContentType.objects.get_for_model(Agreement)
    page = list(agreement_rows())

    with django_assert_num_queries(7):
        attach_agreement_relations(page)
    assert all(len(agreement.party_rows) == 2 for agreement in page)


@pytest.mark.parametrize("count", [1, 6])
def test_signatures_and_event_agreements_cost_one_query_each(count, django_assert_num_queries):
    many_agreements(count)

    with django_assert_num_queries(2):
        people = [
            p.visible_signatures for p in Person.objects.prefetch_related(signatures_prefetch())
        ]
    with django_assert_num_queries(2):
        events = [e.visible_agreements for e in Event.objects.prefetch_related(event_agreements_prefetch())]  # fmt: skip
    assert sum(len(signatures) for signatures in people) == 2 * count
    assert sum(len(agreements) for agreements in events) == count
