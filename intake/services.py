"""Article intake: store a pasted article as a source, propose records, write what is accepted.

Every write goes through the services every other route uses (`save_source`,
`save_organization`, `save_person`, `save_position`, `save_event`, `create_agreement`, `update_agreement`,
`save_initiative`), so the same rules hold. What is accepted is written as drafts with
the article's quotes as their citations; intake never publishes, whoever the editor. One
review submission is one transaction: a refusal by any rule leaves nothing written, not
even the decisions. An article about an agreement already recorded adds a corroborating
citation (and, where it says more, a sharper date, a missing party or signatory) instead
of a duplicate; where it disagrees with the record, the editor's choice and reason are
kept in the record's history and in the intake's decisions.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from agreements.models import Agreement
from agreements.services import (
    SigningAct,
    create_agreement,
    save_initiative,
    save_source,
    update_agreement,
)
from core import revisions, rules
from core.models import Citation
from core.records import PartialDate
from core.services import (
    CitationInput,
    User,
)
from core.slugs import slug_base, unique_slug
from events.services import ParticipantInput, save_event
from intake.extract import Gazetteer, extract_article
from intake.extract.proposals import (
    AgreementProposal,
    ArticleProposals,
    EventProposal,
    Evidence,
    InitiativeProposal,
    OrganizationProposal,
    PersonProposal,
)
from intake.models import ArticleIntake, Decision, IntakeDecision, proposals_as_json
from intake.selectors import CONFLICT, MODELS, compare_agreement, records_by_ref
from partners.services import save_organization, save_person, save_position

logger = logging.getLogger(__name__)

Extractor = Callable[..., ArticleProposals]


def may_intake(actor: User) -> bool:
    """An editor who may add records: the intake stores a source and writes drafts."""
    return bool(
        getattr(actor, "is_active", False)
        and getattr(actor, "is_staff", False)
        and actor.has_perm("core.add_sourcedocument")
    )


def _check_may_intake(actor: User) -> None:
    if not may_intake(actor):
        raise PermissionDenied(_("Only an editor who may add records can use article intake."))


def translated(text: str, language: str) -> dict[str, str]:
    """The text in the article's language; also as the Arabic value, which every record
    needs, until an editor translates it (the public pages fall back the same way)."""
    if language in ("fr", "en"):
        return {language: text, "ar": text}
    return {"ar": text}


# -- the article in ---------------------------------------------------------------------------


def default_extractor(
    text: str, *, language: str, published: PartialDate | None
) -> ArticleProposals:
    """The rule-based extractor over a gazetteer of the records as they now stand."""
    return extract_article(
        text, language=language, published=published, gazetteer=Gazetteer.from_database()
    )


@transaction.atomic
def start_intake(
    *,
    actor: User,
    title: str,
    text: str,
    language: str,
    url: str = "",
    publisher: str = "",
    author: str = "",
    dateline: str = "",
    published_on: PartialDate | None = None,
    extractor: Extractor | None = None,
) -> ArticleIntake:
    """Store the article as a source document and the extractor's proposals beside it."""
    _check_may_intake(actor)
    # Quotes are slices of this very text: it is stored exactly as the extractor reads it.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    source = save_source(
        actor=actor, title=translated(title, language), publisher=publisher, author=author,
        dateline=dateline, language=language, url=url, text=text,
        published_on=published_on or PartialDate(), reason="intake",
    )  # fmt: skip
    started = time.monotonic()
    try:
        proposals = (extractor or default_extractor)(
            text, language=language, published=published_on
        )
    except Exception:
        logger.exception("The extractor failed on source %s", source.slug)
        raise ValidationError(
            _("The article could not be read for proposals; nothing was saved. Try again, "
              "or enter the records by hand.")
        ) from None  # fmt: skip
    elapsed = round((time.monotonic() - started) * 1000)
    stated = proposals.publication_date
    if not (published_on or PartialDate()).is_known and stated and stated.value.is_known:
        # The editor gave no date and the article states its own ("اليوم الجمعة 12 شتنبر").
        source = save_source(actor=actor, source=source, published_on=stated.value, reason="intake")
    return ArticleIntake.objects.create(
        source=source,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        proposals=proposals_as_json(proposals),
        extraction_ms=elapsed,
    )


# -- what the editor decides -----------------------------------------------------------------


@dataclass
class OrganizationEdit:
    name: str
    kind: str
    country: str = ""
    use_existing: bool = True  # when the proposal matches a record: that one, not a new one


@dataclass
class PersonEdit:
    name: str
    use_existing: bool = True


@dataclass
class InitiativeEdit:
    name: str
    kind: str
    use_existing: bool = True


@dataclass
class EventEdit:
    name: str
    kind: str
    start: PartialDate = field(default_factory=PartialDate)
    end: PartialDate = field(default_factory=PartialDate)
    city: str = ""
    country: str = ""
    participants: list[int] = field(default_factory=list)  # indexes kept
    use_existing: bool = True


@dataclass
class SignerEdit:
    index: int  # in the proposal's signatories (or attendees)
    organization: str | None  # an organization key
    title: str = ""


@dataclass
class AgreementEdit:
    title: str
    kind: str
    signed_on: PartialDate = field(default_factory=PartialDate)
    city: str = ""
    country: str = ""
    duration_months: int | None = None
    objectives: str = ""
    parties: list[str] = field(default_factory=list)  # organization keys
    signatories: list[SignerEdit] = field(default_factory=list)
    attendees: list[SignerEdit] = field(default_factory=list)
    event: str | None = None  # an event key
    # For an agreement already recorded: the facts (`compare_agreement` names) where the
    # stored value stays although the article says otherwise.
    keep_stored: frozenset[str] = frozenset()
    # False: the match was wrong, this article reports another agreement (a new draft).
    use_existing: bool = True


Edit = OrganizationEdit | PersonEdit | InitiativeEdit | EventEdit | AgreementEdit


@dataclass
class ProposalDecision:
    key: str
    accept: bool
    reason: str = ""
    edit: Edit | None = None  # None: as proposed


ORGANIZATION_KIND_WORDS = (
    ("ministry", ("وزارة", "ministère", "ministere", "ministry")),
    ("public_agency", ("وكالة", "agence", "agency")),
    ("company", ("شركة", "société", "societe", "company", "groupe")),
    ("association", ("جمعية", "association")),
    ("un_agency", ("الأمم المتحدة", "nations unies", "united nations", "unesco", "unicef")),
    ("parliament", ("مجلس النواب", "مجلس المستشارين", "parlement")),
)
EVENT_KIND_WORDS = (
    ("trade_fair", ("معرض", "salon", "gitex", "expo")),
    ("summit", ("قمة", "sommet", "summit")),
    ("forum", ("منتدى", "forum")),
    ("general_assembly", ("الجمعية العامة", "assemblée générale")),
    ("national_conference", ("مناظرة", "assises", "conférence", "مؤتمر")),
    ("launch", ("إطلاق", "lancement")),
)


def guess_kind(name: str, words: Sequence[tuple[str, Sequence[str]]], default: str) -> str:
    """A starting choice for the kind, from the name's words; the editor confirms it."""
    lowered = name.lower()
    for kind, markers in words:
        if any(marker in lowered for marker in markers):
            return kind
    return default


def default_edit(proposals: ArticleProposals, key: str) -> Edit:
    """The edit that accepts a proposal as the extractor made it."""
    proposal = find_proposal(proposals, key)
    if isinstance(proposal, OrganizationProposal):
        return OrganizationEdit(
            name=proposal.name.text,
            kind=guess_kind(proposal.name.text, ORGANIZATION_KIND_WORDS, "other"),
            country=proposal.country,
        )
    if isinstance(proposal, PersonProposal):
        return PersonEdit(name=proposal.name.text)
    if isinstance(proposal, InitiativeProposal):
        return InitiativeEdit(name=proposal.name.text, kind="programme")
    if isinstance(proposal, EventProposal):
        return EventEdit(
            name=proposal.name.text,
            kind=guess_kind(proposal.name.text, EVENT_KIND_WORDS, "other"),
            start=proposal.date.value if proposal.date else PartialDate(),
            end=proposal.end.value if proposal.end else PartialDate(),
            city=proposal.place.city if proposal.place else "",
            country=proposal.place.country if proposal.place else "",
            participants=list(range(len(proposal.participants))),
        )
    return AgreementEdit(
        title=proposal.title.value,
        kind=proposal.kind.value,
        signed_on=proposal.date.value if proposal.date else PartialDate(),
        city=proposal.place.city if proposal.place else "",
        country=proposal.place.country if proposal.place else "",
        duration_months=proposal.duration_months.value if proposal.duration_months else None,
        objectives=proposal.subject.value if proposal.subject else "",
        parties=[party.value for party in proposal.parties],
        signatories=[
            SignerEdit(index=index, organization=act.organization, title=act.title)
            for index, act in enumerate(proposal.signatories)
        ],
        attendees=[
            SignerEdit(index=index, organization=act.organization, title=act.title)
            for index, act in enumerate(proposal.attendees)
        ],
        event=proposal.event.value if proposal.event else None,
    )


def find_proposal(proposals: ArticleProposals, key: str):
    for group in (proposals.organizations, proposals.people, proposals.initiatives,
                  proposals.events, proposals.agreements):  # fmt: skip
        for proposal in group:
            if proposal.key == key:
                return proposal
    raise ValidationError(_("No proposal “%(key)s” in this intake.") % {"key": key})


def proposal_label(proposal) -> str:
    if isinstance(proposal, AgreementProposal):
        return proposal.title.value
    return proposal.name.text


# -- writing what is accepted -------------------------------------------------------------------

# The order of the writes: what an agreement points at is written before it.
ORDER = (OrganizationProposal, PersonProposal, InitiativeProposal, EventProposal,
         AgreementProposal)  # fmt: skip


class _Review:
    """One submission's writes, in one transaction, with the records they resolve to."""

    def __init__(self, *, actor: User, intake: ArticleIntake) -> None:
        self.actor = actor
        self.intake = intake
        self.source = intake.source
        self.proposals = intake.article_proposals()
        self.language = self.proposals.language or intake.source.language
        self.records: dict[str, models.Model] = {}
        # Changes to published records held for a publisher's review, by proposal key.
        self.held: dict[str, Any] = {}
        stored = list(intake.decisions.all())
        self.decided = {decision.proposal_key: decision for decision in stored}
        earlier = [
            record
            for decision in stored
            if decision.decision == Decision.ACCEPTED
            for record in decision.records[:1]
        ]
        found = records_by_ref(earlier)
        for decision in stored:
            if decision.decision == Decision.ACCEPTED and decision.records:
                first = decision.records[0]
                record = found.get((first["kind"], first["pk"]))
                if record is not None:
                    self.records[decision.proposal_key] = record

    def translated(self, text: str) -> dict[str, str]:
        return translated(text, self.language)

    def citations(
        self, record: models.Model | None, backed: Iterable[tuple[Evidence, str]]
    ) -> list[CitationInput]:
        """The record's current citations, plus one per passage of this article (the
        fields it backs gathered), skipping a passage already cited for the same fields."""
        current: list[CitationInput] = []
        if record is not None:
            current = [
                CitationInput(source=citation.source, quote=citation.quote,
                              fields=list(citation.fields or []))
                for citation in Citation.objects.filter(
                    content_type__app_label=record._meta.app_label,
                    content_type__model=record._meta.model_name,
                    object_id=record.pk,
                ).select_related("source").order_by("id")
            ]  # fmt: skip
        gathered: dict[str, list[str]] = {}
        for evidence, field_name in backed:
            names = gathered.setdefault(evidence.quote, [])
            if field_name and field_name not in names:
                names.append(field_name)
        known = {(c.source.pk, c.quote, tuple(sorted(c.fields))) for c in current}
        added = [
            CitationInput(source=self.source, quote=quote, fields=names)
            for quote, names in gathered.items()
            if (self.source.pk, quote, tuple(sorted(names))) not in known
        ]
        return current + added

    def needed(self, key: str | None, kind: str) -> Any:
        """The record a proposal key resolves to: accepted now or before, or the existing
        record it matches; refused when it is neither."""
        if key is None:
            return None
        if key in self.records:
            return self.records[key]
        proposal = find_proposal(self.proposals, key)
        existing = proposal.name.existing
        decision = self.decided.get(key)
        if existing is not None and not (decision and decision.decision == Decision.REJECTED):
            record = MODELS[existing.kind]._default_manager.filter(pk=existing.pk).first()
            if record is not None:
                return record
        raise ValidationError(
            _("it needs %(kind)s %(name)s: accept that proposal too, or leave it out.")
            % {"kind": kind, "name": rules.quoted(proposal.name.text)}
        )

    def resolved(self, key: str | None) -> Any:
        """The record a proposal key resolves to, or None when the editor took none."""
        try:
            return self.needed(key, "")
        except ValidationError:
            return None

    # -- one kind each ----------------------------------------------------------------------

    def existing_record(self, proposal, edit) -> models.Model | None:
        """The record a name proposal matches, when the editor keeps the match: linked as
        it is (an article naming a partner is no reason to change the partner)."""
        existing = proposal.name.existing
        if existing is None or not edit.use_existing:
            return None
        record = MODELS[existing.kind]._default_manager.filter(pk=existing.pk).first()
        if record is None:
            raise ValidationError(
                _("The record %(name)s this proposal matched no longer exists: choose a new "
                  "record instead.") % {"name": rules.quoted(existing.label)}
            )  # fmt: skip
        return record

    def organization(self, proposal: OrganizationProposal, edit: OrganizationEdit):
        record = self.existing_record(proposal, edit)
        if record is not None:
            return record, False
        return save_organization(
            actor=self.actor,
            name=self.translated(edit.name),
            kind=edit.kind,
            country=edit.country,
            citations=self.citations(None, [(proposal.name.evidence, "name")]),
        ), True

    def person(self, proposal: PersonProposal, edit: PersonEdit):
        record = self.existing_record(proposal, edit)
        if record is not None:
            return record, False
        person = save_person(
            actor=self.actor,
            name=self.translated(edit.name),
            citations=self.citations(None, [(proposal.name.evidence, "name")]),
        )
        for position in proposal.positions:
            organization = self.resolved(position.organization)
            if organization is None:
                continue  # a title with no body the editor took: kept in the signing acts
            save_position(
                actor=self.actor,
                person=person,
                organization=organization,
                title=self.translated(position.title),
                citations=self.citations(None, [(position.evidence, "title")]),
            )
        return person, True

    def initiative(self, proposal: InitiativeProposal, edit: InitiativeEdit):
        record = self.existing_record(proposal, edit)
        if record is not None:
            return record, False
        return save_initiative(
            actor=self.actor,
            name=self.translated(edit.name),
            kind=edit.kind,
            citations=self.citations(None, [(proposal.name.evidence, "name")]),
        ), True

    def event(self, proposal: EventProposal, edit: EventEdit):
        kept = [proposal.participants[index] for index in edit.participants]
        backed = [(proposal.name.evidence, "name")]
        if proposal.date is not None and edit.start.is_known:
            backed.append((proposal.date.evidence, "start_date"))
        if proposal.end is not None and edit.end.is_known:
            backed.append((proposal.end.evidence, "end_date"))
        if proposal.place is not None and (edit.city or edit.country):
            backed.append((proposal.place.evidence, "city"))
            if edit.country:
                backed.append((proposal.place.evidence, "country"))
        backed += [(act.evidence, "participants") for act in kept]
        participants = [
            ParticipantInput(
                person=self.needed(act.person, _("the person")),
                organization=self.needed(act.organization, _("the organization")),
                role=self.translated(act.title) if act.title else {},
            )
            for act in kept
        ]
        record = self.existing_record(proposal, edit)
        if record is not None:
            return record, False
        return save_event(
            actor=self.actor,
            name=self.translated(edit.name),
            kind=edit.kind,
            start_date=edit.start,
            end_date=edit.end,
            city=self.translated(edit.city) if edit.city else {},
            country=edit.country,
            participants=participants,
            citations=self.citations(None, backed),
        ), True

    def agreement(self, proposal: AgreementProposal, edit: AgreementEdit, reason: str):
        party_evidence = {party.value: party.evidence for party in proposal.parties}
        parties = [self.needed(key, _("the organization")) for key in edit.parties]
        signers = [(proposal.signatories[signer.index], signer) for signer in edit.signatories]
        witnesses = [(proposal.attendees[signer.index], signer) for signer in edit.attendees]
        backed: list[tuple[Evidence, str]] = [
            (proposal.kind.evidence, "kind"),
            (proposal.title.evidence, "title"),
        ]
        backed += [(party_evidence[key], "parties") for key in edit.parties
                   if key in party_evidence]  # fmt: skip
        backed += [(act.evidence, "signatories") for act, _signer in signers]
        backed += [(act.evidence, "attendees") for act, _signer in witnesses]
        if proposal.date is not None and edit.signed_on.is_known:
            backed.append((proposal.date.evidence, "signed_on"))
        if proposal.place is not None and (edit.city or edit.country):
            backed.append((proposal.place.evidence, "place"))
        if proposal.event is not None and edit.event:
            backed.append((proposal.event.evidence, "event"))
        if proposal.duration_months is not None and edit.duration_months:
            backed.append((proposal.duration_months.evidence, "duration_months"))
        if proposal.subject is not None and edit.objectives:
            backed.append((proposal.subject.evidence, "objectives"))

        def acts(pairs) -> list[SigningAct]:
            return [
                SigningAct(
                    person=self.needed(act.person, _("the person")),
                    organization=self.needed(signer.organization, _("the organization")),
                    title=self.translated(signer.title) if signer.title else {},
                )
                for act, signer in pairs
            ]

        event = self.needed(edit.event, _("the event")) if edit.event else None
        if proposal.existing is None or not edit.use_existing:
            slug_parts = [party.slug for party in parties[:2]]
            year = edit.signed_on.year
            base = "-".join([*slug_parts, edit.kind, *([str(year)] if year else [])])
            return create_agreement(
                actor=self.actor,
                # Named after its parties, kind and year rather than its (editorial) title.
                slug=unique_slug(Agreement(), slug_base(base, 100) or "agreement", 100),
                title=self.translated(edit.title),
                kind=edit.kind,
                parties=parties,
                signed_on=edit.signed_on,
                place_city=self.translated(edit.city) if edit.city else {},
                place_country=edit.country,
                event=event,
                duration_months=edit.duration_months,
                objectives=self.translated(edit.objectives) if edit.objectives else {},
                signatories=acts(signers),
                attendees=acts(witnesses),
                citations=self.citations(None, backed),
            ), True
        return self.corroborate(proposal, edit, reason, parties=parties,
                                signatories=acts(signers), attendees=acts(witnesses),
                                event=event, backed=backed), False  # fmt: skip

    def corroborate(self, proposal, edit, reason, *, parties, signatories, attendees, event,
                    backed) -> Agreement:  # fmt: skip
        """An agreement already recorded: its citation, and what the article says more."""
        agreement = Agreement.objects.filter(pk=proposal.existing.pk).first()
        if agreement is None:
            raise ValidationError(
                _("The agreement %(name)s this article reports no longer exists.")
                % {"name": rules.quoted(proposal.existing.label)}
            )
        facts = {fact.name: fact for fact in compare_agreement(proposal, agreement)}
        conflicts = [name for name, fact in facts.items() if fact.outcome == CONFLICT]
        if conflicts and not reason.strip():
            raise ValidationError(
                _("The article disagrees with the record of %(name)s: say why you chose the "
                  "value you kept.") % {"name": rules.quoted(agreement)}
            )  # fmt: skip
        changes: dict[str, Any] = {}

        def takes(name: str) -> bool:
            return (
                name in facts and facts[name].outcome != "same" and (name not in edit.keep_stored)
            )

        if takes("signed_on"):
            changes["signed_on"] = edit.signed_on
        if takes("place"):
            changes["place_city"] = self.translated(edit.city)
            if edit.country:
                changes["place_country"] = edit.country
        if takes("duration_months"):
            changes["duration_months"] = edit.duration_months
        if takes("kind"):
            changes["kind"] = edit.kind
        if agreement.event_id is None and event is not None:
            changes["event"] = event
        stored_parties = [party.organization for party in agreement.parties.all()]
        missing_parties = [p for p in parties if p.pk not in {s.pk for s in stored_parties}]
        if missing_parties:
            changes["parties"] = stored_parties + missing_parties
        for name, new_acts in (("signatories", signatories), ("attendees", attendees)):
            stored_acts = list(getattr(agreement, name).all())
            present = {act.person_id for act in stored_acts}
            if name == "attendees":
                present |= {act.person_id for act in agreement.signatories.all()}
            missing = [act for act in new_acts if act.person.pk not in present]
            if missing:
                changes[name] = [
                    SigningAct(
                        person=act.person,
                        organization=act.organization,
                        title={code: getattr(act, f"title_{code}") or ""
                               for code in ("ar", "fr", "en")},
                        position=act.position,
                    )
                    for act in stored_acts
                ] + missing  # fmt: skip
        # Keep out of the citation what the editor chose not to take from the article.
        dropped = {"signed_on", "place", "duration_months", "kind"} & set(edit.keep_stored)
        backed = [(evidence, name) for evidence, name in backed if name not in dropped]
        try:
            with transaction.atomic():
                return update_agreement(
                    actor=self.actor,
                    agreement=agreement,
                    citations=self.citations(agreement, backed),
                    **changes,
                )
        except revisions.ProposedChange as held:
            # A published agreement, an editor who may not publish it: the corroboration
            # waits for a publisher as a proposed revision, like any other change of theirs.
            self.held[proposal.key] = revisions.propose(held, note=self.note(reason))
            return agreement

    # -- the submission -------------------------------------------------------------------------

    def apply(self, decisions: Sequence[ProposalDecision]) -> list[IntakeDecision]:
        by_key = {decision.key: decision for decision in decisions}
        for key in by_key:
            earlier = self.decided.get(key)
            if earlier is not None and earlier.decision == Decision.ACCEPTED:
                raise ValidationError(
                    _("%(name)s was already accepted.")
                    % {"name": rules.quoted(proposal_label(find_proposal(self.proposals, key)))}
                )
        written: list[IntakeDecision] = []
        ordered = sorted(
            by_key.values(),
            key=lambda decision: ORDER.index(type(find_proposal(self.proposals, decision.key))),
        )
        for decision in ordered:
            proposal = find_proposal(self.proposals, decision.key)
            edit = decision.edit or default_edit(self.proposals, decision.key)
            records: list[dict[str, Any]] = []
            if decision.accept:
                try:
                    record, created = self.write(proposal, edit, decision.reason)
                except ValidationError as error:
                    raise _about(proposal, error) from None
                self.records[decision.key] = record
                entry = {"kind": record._meta.model_name, "pk": record.pk, "slug": record.slug,
                         "label": str(record), "created": created}  # fmt: skip
                if decision.key in self.held:
                    revision = self.held[decision.key]
                    entry["revision"] = revision.pk if revision is not None else None
                elif created or isinstance(proposal, AgreementProposal):
                    # Written now (a record merely linked keeps its history as it is).
                    self.mark_history(record, decision.reason)
                records.append(entry)
            row, _created = IntakeDecision.objects.update_or_create(
                intake=self.intake,
                proposal_key=decision.key,
                defaults={
                    "decision": Decision.ACCEPTED if decision.accept else Decision.REJECTED,
                    "reason": decision.reason.strip(),
                    "decided_by": self.actor if getattr(self.actor, "is_authenticated",
                                                        False) else None,
                    "values": edit_as_json(edit) if decision.accept else {},
                    "records": records,
                },
            )  # fmt: skip
            written.append(row)
        return written

    def write(self, proposal, edit: Edit, reason: str) -> tuple[models.Model, bool]:
        if isinstance(proposal, OrganizationProposal):
            return self.organization(proposal, edit)
        if isinstance(proposal, PersonProposal):
            return self.person(proposal, edit)
        if isinstance(proposal, InitiativeProposal):
            return self.initiative(proposal, edit)
        if isinstance(proposal, EventProposal):
            return self.event(proposal, edit)
        return self.agreement(proposal, edit, reason)

    def mark_history(self, record: models.Model, reason: str) -> None:
        """The intake and the editor's reason, on the history entry this write made."""
        history = getattr(record, "history", None)
        latest = history.order_by("-history_id").first() if history is not None else None
        if latest is None:
            return
        type(latest).objects.filter(pk=latest.pk).update(
            history_change_reason=self.note(reason)[:100]
        )

    def note(self, reason: str) -> str:
        """What the history and a held revision say of this write: the intake, and why."""
        return f"intake {self.intake.pk}" + (f": {reason.strip()}" if reason.strip() else "")


def _about(proposal, error: ValidationError) -> ValidationError:
    """The refusal, naming the proposal it came from, in the editor's language."""
    messages = error.messages
    # Translators: a refused acceptance: the proposal's name, then what refused it.
    return ValidationError(
        [
            _("%(proposal)s: %(problem)s")
            % {"proposal": rules.quoted(proposal_label(proposal)), "problem": message}
            for message in messages
        ]
    )


def edit_as_json(edit: Edit) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in edit.__dataclass_fields__:
        value = getattr(edit, name)
        if isinstance(value, PartialDate):
            value = value.isoformat()
        elif isinstance(value, frozenset):
            value = sorted(value)
        elif isinstance(value, list):
            value = [
                {"index": item.index, "organization": item.organization, "title": item.title}
                if isinstance(item, SignerEdit)
                else item
                for item in value
            ]
        values[name] = value
    return values


@transaction.atomic
def review(
    *, actor: User, intake: ArticleIntake, decisions: Sequence[ProposalDecision]
) -> list[IntakeDecision]:
    """Accept (as drafts, with citations) and reject proposals: all of them, or nothing."""
    _check_may_intake(actor)
    intake = ArticleIntake.objects.select_for_update().select_related("source").get(pk=intake.pk)
    written = _Review(actor=actor, intake=intake).apply(decisions)
    intake.save(update_fields=["updated_at"])
    return written


def accept(*, actor: User, intake: ArticleIntake, key: str, reason: str = "",
           edit: Edit | None = None) -> IntakeDecision:  # fmt: skip
    """Accept one proposal (as edited)."""
    return review(
        actor=actor, intake=intake,
        decisions=[ProposalDecision(key=key, accept=True, reason=reason, edit=edit)],
    )[0]  # fmt: skip


def reject(*, actor: User, intake: ArticleIntake, key: str, reason: str = "") -> IntakeDecision:
    return review(
        actor=actor, intake=intake,
        decisions=[ProposalDecision(key=key, accept=False, reason=reason)],
    )[0]  # fmt: skip
