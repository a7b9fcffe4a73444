"""Reads of events (`events.selectors`): drafts, and what links to them, stay hidden."""

from __future__ import annotations

import datetime as dt

import pytest

from core.visibility import joined
from events.selectors import (
    event_children,
    event_detail,
    event_index,
    event_list,
    event_organizations,
    organization_events,
    person_participations,
)
from tests import factories

pytestmark = pytest.mark.django_db


def slugs(queryset) -> list[str]:
    return [record.slug for record in queryset]


def test_event_list_leaves_out_drafts_unless_previewing():
    factories.event("public", start_date=dt.date(2025, 4, 14), date_precision="day")
    factories.event("hidden", status="draft")

    assert slugs(event_list()) == ["public"]
    assert set(slugs(event_list(include_drafts=True))) == {"hidden", "public"}
    assert event_detail(slug="hidden") is None
    assert event_detail(slug="hidden", include_drafts=True).slug == "hidden"


def test_draft_participants_are_left_out():
    event = factories.event()
    shown = factories.person("shown")
    hidden = factories.person("hidden", status="draft")
    event.participants.create(person=shown)
    event.participants.create(person=hidden)

    (listed,) = event_list()
    assert [p.person.slug for p in listed.participants.all()] == ["shown"]
    detail = event_detail(slug=event.slug)
    assert [p.person.slug for p in detail.participants.all()] == ["shown"]
    (previewed,) = event_list(include_drafts=True)
    assert [p.person.slug for p in previewed.participants.all()] == ["shown", "hidden"]


def test_a_participant_for_a_draft_organization_stays_without_it():
    event = factories.event()
    public = factories.organization("public")
    secret = factories.organization("secret", status="draft")
    event.participants.create(person=factories.person("for-public"), organization=public)
    event.participants.create(person=factories.person("for-secret"), organization=secret)

    (listed,) = event_list()
    shown = {p.person.slug: joined(p, "organization") for p in listed.participants.all()}
    assert shown == {"for-public": public, "for-secret": None}


def test_draft_organizations_are_not_involved_and_draft_events_not_listed():
    event = factories.event()
    public = factories.organization("public")
    secret = factories.organization("secret", status="draft")
    event.organizations.set([public, secret])
    factories.event(status="draft").organizations.add(public)

    (listed,) = event_list()
    assert slugs(listed.organizations.all()) == ["public"]
    assert slugs(event_organizations(event)) == ["public"]
    assert slugs(organization_events(public)) == [event.slug]


def test_a_draft_parent_is_no_parent():
    hidden = factories.event("hidden-summit", status="draft")
    public = factories.event("public-summit")
    factories.event("on-hidden", parent=hidden)
    factories.event("on-public", parent=public)

    listed = {event.slug: event for event in event_list()}
    assert joined(listed["on-hidden"], "parent") is None
    assert joined(listed["on-public"], "parent") == public
    assert joined(event_detail(slug="on-hidden"), "parent") is None
    indexed = {event.slug: event for event in event_index()}
    assert joined(indexed["on-hidden"], "parent") is None


def test_children_leave_out_drafts():
    summit = factories.event("summit")
    factories.event("side-meeting", parent=summit)
    factories.event("draft-meeting", parent=summit, status="draft")

    assert slugs(event_children(summit)) == ["side-meeting"]


def test_event_index_counts_published_agreements_only():
    event = factories.event()
    factories.agreement(event=event)
    factories.agreement(event=event, status="draft")

    (indexed,) = event_index()
    assert indexed.agreement_count == 1


def test_a_persons_participations_are_at_published_events():
    person = factories.person()
    secret = factories.organization(status="draft")
    public_event = factories.event("public-event")
    factories.event("draft-event", status="draft").participants.create(person=person)
    public_event.participants.create(person=person, organization=secret)

    (participation,) = person_participations(person)
    assert participation.event == public_event
    assert joined(participation, "organization") is None


@pytest.mark.parametrize("events", [1, 5])
def test_event_list_costs_three_queries_whatever_the_number(events, django_assert_num_queries):
    organization = factories.organization()
    for _ in range(events):
        event = factories.event(parent=factories.event())
        event.organizations.add(organization)
        event.participants.create(person=factories.person(), organization=organization)

    with django_assert_num_queries(3):
        rows = [
            (
                joined(event, "parent"),
                [(p.person.slug, joined(p, "organization")) for p in event.participants.all()],
                slugs(event.organizations.all()),
            )
            for event in event_list()
        ]
    assert len(rows) == 2 * events
