"""Writes to events (`events.services.save_event`): dates at a precision, participants,
publication."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from agreements.selectors import agreement_list
from core.services import CitationInput
from core.visibility import joined
from events.models import Event
from events.services import ParticipantInput, save_event
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def new_event(**values) -> Event:
    values.setdefault("slug", "gitex-2025")
    values.setdefault("name", {"ar": "جيتكس إفريقيا", "en": "GITEX Africa"})
    values.setdefault("kind", "trade_fair")
    return save_event(actor=factories.editor(), **values)


def messages(error, field: str) -> str:
    return " ".join(error.value.message_dict[field])


# -- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "stored", "precision"),
    [
        ("2025-04-14", dt.date(2025, 4, 14), "day"),
        ("2025-04", dt.date(2025, 4, 1), "month"),
        ("2025", dt.date(2025, 1, 1), "year"),
        (None, None, "unknown"),
    ],
)
def test_a_start_date_is_kept_at_its_precision(start, stored, precision):
    event = new_event(start_date=start)

    event.refresh_from_db()
    assert (event.start_date, event.date_precision) == (stored, precision)
    assert event.start_partial.isoformat() == start
    assert event.status == "draft"


def test_an_end_date_at_the_start_precision_is_kept():
    event = new_event(start_date="2025-04-14", end_date="2025-04-17")

    event.refresh_from_db()
    assert (event.start_partial.isoformat(), event.end_partial.isoformat()) == (
        "2025-04-14",
        "2025-04-17",
    )


def test_an_end_date_at_another_precision_is_refused_and_nothing_is_written():
    with pytest.raises(ValidationError) as error:
        new_event(start_date="2025-04-14", end_date="2025-04")

    assert "same precision" in messages(error, "end_date")
    assert not Event.objects.filter(slug="gitex-2025").exists()


def test_an_end_date_needs_a_start_date():
    with pytest.raises(ValidationError) as error:
        new_event(end_date="2025-04-17")

    assert "needs a start date" in messages(error, "end_date")


def test_an_end_before_the_start_is_refused():
    with pytest.raises(ValidationError) as error:
        new_event(start_date="2025-04", end_date="2025-03")

    assert "end_date" in error.value.message_dict


def test_a_date_that_is_no_date_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as error:
        new_event(start_date="2025-02-30")

    assert "start_date" in error.value.message_dict


def test_changing_the_end_keeps_the_start():
    event = new_event(start_date="2025-04-14", end_date="2025-04-15")

    save_event(actor=factories.editor(), event=event, end_date="2025-04-17")

    event.refresh_from_db()
    assert event.start_partial.isoformat() == "2025-04-14"
    assert event.end_partial.isoformat() == "2025-04-17"


def test_coarsening_the_start_alone_is_refused_while_the_end_is_finer():
    event = new_event(start_date="2025-04-14", end_date="2025-04-17")

    with pytest.raises(ValidationError) as error:
        save_event(actor=factories.editor(), event=event, start_date="2025-04")

    assert "end_date" in error.value.message_dict
    event.refresh_from_db()
    assert event.start_partial.isoformat() == "2025-04-14"


def test_both_dates_change_precision_together():
    event = new_event(start_date="2025-04-14", end_date="2025-04-17")

    save_event(actor=factories.editor(), event=event, start_date="2025-04", end_date="2025-05")

    event.refresh_from_db()
    assert (event.date_precision, event.end_partial.isoformat()) == ("month", "2025-05")


# -- participants and organizations -----------------------------------------------------------


def test_participants_are_replaced_whole():
    amal, arthur, ryad = (factories.person() for _ in range(3))
    ministry = factories.organization()
    event = new_event(
        participants=[
            ParticipantInput(person=amal, organization=ministry, role={"ar": "وزيرة", "en": "Minister"}),
            ParticipantInput(person=arthur),
        ]
    )  # fmt: skip

    save_event(actor=factories.editor(), event=event, participants=[ParticipantInput(person=ryad)])

    assert [p.person for p in event.participants.all()] == [ryad]


def test_a_participant_keeps_its_role_in_every_language_given():
    amal = factories.person()
    event = new_event(
        participants=[ParticipantInput(person=amal, role={"ar": "وزيرة", "en": "Minister"})]
    )

    (participant,) = event.participants.all()
    assert (participant.role_ar, participant.role_en) == ("وزيرة", "Minister")


def test_a_person_twice_is_refused_and_the_participants_stay():
    amal, arthur = factories.person(), factories.person()
    event = new_event(participants=[ParticipantInput(person=amal)])

    with pytest.raises(ValidationError) as error:
        save_event(
            actor=factories.editor(),
            event=event,
            name={"en": "Renamed"},
            participants=[ParticipantInput(person=arthur), ParticipantInput(person=arthur)],
        )

    assert "twice" in messages(error, "participants")
    assert [p.person for p in event.participants.all()] == [amal]
    event.refresh_from_db()
    assert event.name_en == "GITEX Africa"


def test_organizations_are_replaced_whole():
    first, second = factories.organization(), factories.organization()
    event = new_event(organizations=[first])

    save_event(actor=factories.editor(), event=event, organizations=[second])

    assert list(event.organizations.all()) == [second]


def test_an_event_cannot_be_held_on_its_own_sidelines_nor_in_a_loop():
    summit = new_event(slug="summit")
    meeting = new_event(slug="meeting", parent=summit)

    with pytest.raises(ValidationError) as own:
        save_event(actor=factories.editor(), event=summit, parent=summit)
    with pytest.raises(ValidationError) as loop:
        save_event(actor=factories.editor(), event=summit, parent=meeting)

    assert "parent" in own.value.message_dict
    assert "no loop" in " ".join(loop.value.message_dict["parent"])
    summit.refresh_from_db()
    assert summit.parent is None


# -- publication ---------------------------------------------------------------------------


def test_publishing_an_event_takes_the_right_and_a_citation():
    event = new_event()
    evidence = [CitationInput(source=factories.source_document(), quote=factories.QUOTE)]

    with pytest.raises(PermissionDenied):
        save_event(actor=factories.editor(), event=event, citations=evidence, status="published")
    with pytest.raises(ValidationError) as error:
        save_event(actor=factories.publisher(), event=event, status="published")
    assert "cites at least one source" in messages(error, "status")
    event.refresh_from_db()
    assert event.status == "draft"

    save_event(actor=factories.publisher(), event=event, citations=evidence, status="published")

    event.refresh_from_db()
    assert event.status == "published"


def test_unpublishing_an_event_hides_it_from_the_agreements_signed_there():
    event = factories.cited(factories.event())
    agreement = factories.published_agreement(event=event)

    save_event(actor=factories.publisher(), event=event, status="draft")

    (listed,) = agreement_list()
    assert listed.slug == agreement.slug
    assert joined(listed, "event") is None
