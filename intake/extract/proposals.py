"""What the extractor proposes from one article: values, each with the sentence behind it.

The contract between the extractor (`intake.extract`, pure Python over a gazetteer) and the
editor's review (`intake.services`, `intake.admin`): every proposed value carries its
`Evidence`, a verbatim slice of the article's text, which becomes the record's citation
when the editor accepts it. Nothing here touches the database.

Proposals refer to one another by `key` (stable within one extraction: "org-1",
"person-2", "event-1"...), so that an agreement's parties, signatories and event point at
the organization, person and event proposals of the same article.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from core.records import PartialDate

RecordKind = Literal["organization", "person", "event", "initiative", "agreement"]


@dataclass(frozen=True)
class Evidence:
    """A verbatim passage of the article: `text[start:end] == quote`, always."""

    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class RecordRef:
    """A record already in the database that a proposal matches."""

    kind: RecordKind
    pk: int
    slug: str
    label: str  # its name or title, in the article's language where it has one


@dataclass
class Proposed[T]:
    """One proposed value and the passage that supports it."""

    value: T
    evidence: Evidence


@dataclass
class NameProposal:
    """A name as the article prints it, and the existing record it matches, if any."""

    text: str
    evidence: Evidence
    existing: RecordRef | None = None
    score: float = 0.0  # similarity to `existing`, 0-100 (rapidfuzz); 0 when new


@dataclass
class DateProposal:
    """A date at the precision the text gives, resolved against the publication date."""

    value: PartialDate
    text: str  # the words that give it, as printed ("أمس الثلاثاء", "فاتح يوليوز 2025")
    evidence: Evidence
    # Doubts the editor must see: a weekday that contradicts the date, a weekday with no
    # date to anchor it (then `value` is unknown), a relative date with no publication date.
    warnings: list[str] = field(default_factory=list)


@dataclass
class PlaceProposal:
    city: str  # as printed ("مراكش", "Marrakech"); may be empty when only a country is named
    country: str  # ISO 3166-1 alpha-2, or "" when unknown
    evidence: Evidence


@dataclass
class OrganizationProposal:
    key: str
    name: NameProposal
    country: str = ""  # ISO 3166-1 alpha-2 where the text or the gazetteer says
    # Added for the editor's form: a `partners.models.OrganizationKind` value the name's
    # head word suggests ("وزارة" → ministry, "شركة"/"société" → company), "" when none.
    kind: str = ""


@dataclass
class PositionProposal:
    """A position as printed ("الوزيرة المنتدبة المكلفة بالانتقال الرقمي وإصلاح الإدارة")."""

    title: str
    evidence: Evidence
    organization: str | None = None  # key of an OrganizationProposal


@dataclass
class PersonProposal:
    key: str
    name: NameProposal
    positions: list[PositionProposal] = field(default_factory=list)


@dataclass
class SigningProposal:
    """Who signed, for which party, under the title the article prints."""

    person: str  # key of a PersonProposal
    evidence: Evidence
    organization: str | None = None  # key of an OrganizationProposal (one of the parties)
    title: str = ""


@dataclass
class AttendanceProposal:
    """Someone present ("بحضور", "en présence de") who is not said to have signed."""

    person: str
    evidence: Evidence
    organization: str | None = None
    title: str = ""


@dataclass
class AgreementProposal:
    key: str
    kind: Proposed[str]  # an `agreements.models.AgreementKind` value
    title: Proposed[str]  # the phrase that names the instrument, as printed
    parties: list[Proposed[str]] = field(default_factory=list)  # organization keys
    signatories: list[SigningProposal] = field(default_factory=list)
    attendees: list[AttendanceProposal] = field(default_factory=list)
    date: DateProposal | None = None
    place: PlaceProposal | None = None
    event: Proposed[str] | None = None  # key of an EventProposal ("على هامش", "en marge de")
    duration_months: Proposed[int] | None = None
    subject: Proposed[str] | None = None  # what it is for, as printed
    # An agreement already recorded that this article reports: accepting it adds a
    # corroborating citation (and what the article says more) instead of a duplicate.
    existing: RecordRef | None = None


@dataclass
class EventProposal:
    """A fair, summit, meeting or visit; `signed_nothing` when no agreement came of it here."""

    key: str
    name: NameProposal
    date: DateProposal | None = None
    end: DateProposal | None = None
    place: PlaceProposal | None = None
    participants: list[AttendanceProposal] = field(default_factory=list)
    signed_nothing: bool = False
    # Added for the editor's form: an `events.models.EventKind` value the name's head word
    # suggests ("معرض"/"salon" → trade_fair, "مباحثات" → bilateral_meeting), "" when none.
    kind: str = ""


@dataclass
class InitiativeProposal:
    key: str
    name: NameProposal


@dataclass
class ArticleProposals:
    """Everything proposed from one article."""

    language: str
    publication_date: DateProposal | None = None  # when the text itself states it
    organizations: list[OrganizationProposal] = field(default_factory=list)
    people: list[PersonProposal] = field(default_factory=list)
    agreements: list[AgreementProposal] = field(default_factory=list)
    events: list[EventProposal] = field(default_factory=list)
    initiatives: list[InitiativeProposal] = field(default_factory=list)

    def evidence(self) -> Iterator[Evidence]:
        """Every passage any proposed value rests on (the benchmark checks each one)."""
        if self.publication_date:
            yield self.publication_date.evidence
        for organization in self.organizations:
            yield organization.name.evidence
        for person in self.people:
            yield person.name.evidence
            yield from (position.evidence for position in person.positions)
        for agreement in self.agreements:
            yield agreement.kind.evidence
            yield agreement.title.evidence
            yield from (party.evidence for party in agreement.parties)
            yield from (act.evidence for act in agreement.signatories)
            yield from (act.evidence for act in agreement.attendees)
            for part in (agreement.date, agreement.place, agreement.event):
                if part is not None:
                    yield part.evidence
            for part in (agreement.duration_months, agreement.subject):
                if part is not None:
                    yield part.evidence
        for event in self.events:
            yield event.name.evidence
            for part in (event.date, event.end, event.place):
                if part is not None:
                    yield part.evidence
            yield from (act.evidence for act in event.participants)
        for initiative in self.initiatives:
            yield initiative.name.evidence
