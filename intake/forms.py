"""The intake's two forms: the article pasted, and the review of what it proposes.

Nothing here asks for a slug (made from the name), a field code (the fields a quote backs
follow from the proposal) or an ISO date (day, month by name, year).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from agreements.models import AgreementKind, InitiativeKind
from core.forms import PartialDateField
from core.models import SourceLanguage
from core.records import PartialDate
from events.models import EventKind
from intake import services
from intake.extract.proposals import (
    AgreementProposal,
    ArticleProposals,
    EventProposal,
    Evidence,
    InitiativeProposal,
    OrganizationProposal,
    PersonProposal,
    RecordRef,
)
from intake.models import ArticleIntake, Decision, IntakeDecision
from intake.selectors import SAME, FactComparison, compare_agreement
from partners.models import OrganizationKind

INTAKE_LANGUAGES = [
    (SourceLanguage.ARABIC.value, SourceLanguage.ARABIC.label),
    (SourceLanguage.FRENCH.value, SourceLanguage.FRENCH.label),
]


def auto_direction(**attrs: Any) -> dict[str, Any]:
    return {"dir": "auto", **attrs}


class ArticleForm(forms.Form):
    """The article as the editor found it: its text and what a journalist needs to trace it."""

    language = forms.ChoiceField(label=_("language of the article"), choices=INTAKE_LANGUAGES)
    title = forms.CharField(
        label=_("headline"), max_length=500, widget=forms.TextInput(attrs=auto_direction())
    )
    text = forms.CharField(
        label=_("text of the article"),
        help_text=_("Paste the whole article as published: every quote is taken from it."),
        widget=forms.Textarea(attrs=auto_direction(rows=14)),
    )
    url = forms.URLField(
        label=_("URL"),
        max_length=500,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"dir": "ltr"}),
    )
    publisher = forms.CharField(
        label=_("publisher"), max_length=200, required=False,
        widget=forms.TextInput(attrs=auto_direction()),
    )  # fmt: skip
    author = forms.CharField(
        label=_("author"), max_length=200, required=False,
        widget=forms.TextInput(attrs=auto_direction()),
    )  # fmt: skip
    dateline = forms.CharField(
        label=_("dateline"),
        max_length=120,
        required=False,
        help_text=_("The place the article is filed from, as printed (“الرباط”, “Marrakech”)."),
        widget=forms.TextInput(attrs=auto_direction()),
    )
    published_on = PartialDateField(label=_("publication date"), required=False)

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError(_("Paste the article's text."))
        return text


# -- the review ------------------------------------------------------------------------------

DECISION_CHOICES = [
    ("", _("Decide later")),
    ("accept", _("Accept")),
    ("reject", _("Reject")),
]
MATCH_CHOICES_NEW = "new"
MATCH_CHOICES_EXISTING = "existing"


@dataclass
class Passage:
    """A quote in its sentence: the words before, the quote, the words after."""

    label: str
    before: str
    quote: str
    after: str


@dataclass
class Card:
    """One proposal on the review page."""

    key: str
    group: str
    label: str
    passages: list[Passage] = field(default_factory=list)
    existing: RecordRef | None = None
    existing_url: str = ""
    score: float = 0.0
    decision: IntakeDecision | None = None
    decided_links: list[tuple[str, str, bool]] = field(default_factory=list)
    facts: list[FactComparison] = field(default_factory=list)
    field_names: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    bound: list[Any] = field(default_factory=list)
    bound_decision: Any = None
    bound_reason: Any = None
    bound_facts: list[tuple[FactComparison, Any]] = field(default_factory=list)


def in_context(text: str, evidence: Evidence, label: str = "", width: int = 70) -> Passage:
    """The quote with the words around it, cut at spaces, for the editor to judge it."""
    start = max(0, evidence.start - width)
    end = min(len(text), evidence.end + width)
    before, after = text[start : evidence.start], text[evidence.end : end]
    if start > 0 and " " in before:
        before = "… " + before.split(" ", 1)[1]
    if end < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + " …"
    return Passage(label=label, before=before, quote=text[evidence.start : evidence.end],
                   after=after)  # fmt: skip


def admin_url(kind: str, pk: int) -> str:
    app = {"organization": "partners", "person": "partners", "event": "events"}.get(
        kind, "agreements"
    )
    try:
        return reverse(f"admin:{app}_{kind}_change", args=[pk])
    except NoReverseMatch:
        return ""


def country_choices() -> list[tuple[str, str]]:
    return [("", "—"), *((code, name) for code, name in countries)]


class ReviewForm(forms.Form):
    """Every undecided proposal: accept (as edited), reject, or leave for later."""

    def __init__(
        self, *args, intake: ArticleIntake, existing: dict[tuple[str, int], Any], **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.intake = intake
        self.proposals: ArticleProposals = intake.article_proposals()
        self.text = intake.source.text
        self.existing = existing
        self.decided = {decision.proposal_key: decision for decision in intake.decisions.all()}
        self.cards: dict[str, list[Card]] = {}
        self.org_choices = [
            (proposal.key, proposal.name.text) for proposal in self.proposals.organizations
        ]
        self.people = {proposal.key: proposal.name.text for proposal in self.proposals.people}
        self.event_choices = [
            (proposal.key, proposal.name.text) for proposal in self.proposals.events
        ]
        groups = (
            ("agreements", self.proposals.agreements),
            ("events", self.proposals.events),
            ("people", self.proposals.people),
            ("organizations", self.proposals.organizations),
            ("initiatives", self.proposals.initiatives),
        )
        for group, proposals in groups:
            self.cards[group] = [self.card(group, proposal) for proposal in proposals]

    # -- building ----------------------------------------------------------------------------

    def add(self, card: Card, name: str, formfield: forms.Field) -> None:
        full = f"{card.key}-{name}"
        self.fields[full] = formfield
        card.field_names.append(full)

    def card(self, group: str, proposal) -> Card:
        if isinstance(proposal, AgreementProposal):
            label, existing, score = proposal.title.value, proposal.existing, 0.0
        else:
            label, existing, score = (
                proposal.name.text, proposal.name.existing, proposal.name.score
            )  # fmt: skip
        card = Card(key=proposal.key, group=group, label=label, existing=existing, score=score)
        if existing is not None:
            card.existing_url = admin_url(existing.kind, existing.pk)
        card.decision = self.decided.get(proposal.key)
        if card.decision is not None:
            card.decided_links = [
                (record["label"], admin_url(record["kind"], record["pk"]), "revision" in record)
                for record in card.decision.records
            ]
        self.passages(card, proposal)
        if card.decision is not None and card.decision.decision == Decision.ACCEPTED:
            return card  # done: shown, not editable
        edit = services.default_edit(self.proposals, proposal.key)
        self.fields[f"{proposal.key}-decision"] = forms.ChoiceField(
            label=_("decision"), choices=DECISION_CHOICES, required=False,
            widget=forms.RadioSelect,
        )  # fmt: skip
        self.fields[f"{proposal.key}-reason"] = forms.CharField(
            label=_("reason (kept with the decision)"), required=False, max_length=500,
            widget=forms.TextInput(attrs=auto_direction()),
        )  # fmt: skip
        if existing is not None:
            self.add(card, "match", forms.ChoiceField(
                label=_("record"),
                choices=[(MATCH_CHOICES_EXISTING, _("The existing record “%(name)s”")
                          % {"name": existing.label}),
                         (MATCH_CHOICES_NEW, _("A new record"))],
                initial=MATCH_CHOICES_EXISTING, widget=forms.RadioSelect,
            ))  # fmt: skip
        if isinstance(proposal, OrganizationProposal):
            self.name_field(card, edit.name)
            self.add(card, "kind", forms.ChoiceField(
                label=_("kind"), choices=OrganizationKind.choices, initial=edit.kind))  # fmt: skip
            self.country_field(card, edit.country)
        elif isinstance(proposal, PersonProposal):
            self.name_field(card, edit.name)
            card.notes += [position.title for position in proposal.positions]
        elif isinstance(proposal, InitiativeProposal):
            self.name_field(card, edit.name)
            self.add(card, "kind", forms.ChoiceField(
                label=_("kind"), choices=InitiativeKind.choices, initial=edit.kind))  # fmt: skip
        elif isinstance(proposal, EventProposal):
            self.event_fields(card, proposal, edit)
        else:
            self.agreement_fields(card, proposal, edit)
        card.bound_decision = self[f"{proposal.key}-decision"]
        card.bound_reason = self[f"{proposal.key}-reason"]
        card.bound = [self[name] for name in card.field_names]
        return card

    def name_field(self, card: Card, value: str) -> None:
        self.add(card, "name", forms.CharField(
            label=_("name"), max_length=300, initial=value,
            widget=forms.TextInput(attrs=auto_direction())))  # fmt: skip

    def country_field(self, card: Card, value: str) -> None:
        self.add(card, "country", forms.ChoiceField(
            label=_("country"), choices=country_choices(), required=False,
            initial=value))  # fmt: skip

    def place_fields(self, card: Card, edit) -> None:
        """Where an event was held or an agreement signed: the city and the country."""
        self.add(card, "city", forms.CharField(
            label=_("city"), required=False, max_length=120, initial=edit.city,
            widget=forms.TextInput(attrs=auto_direction())))  # fmt: skip
        self.country_field(card, edit.country)

    def passages(self, card: Card, proposal) -> None:
        def put(evidence: Evidence | None, label: str) -> None:
            if evidence is not None and all(p.quote != evidence.quote for p in card.passages):
                card.passages.append(in_context(self.text, evidence, label))

        if isinstance(proposal, AgreementProposal):
            put(proposal.kind.evidence, str(_("kind")))
            put(proposal.title.evidence, str(_("title")))
            for part, label in ((proposal.date, _("date")), (proposal.place, _("place")),
                                (proposal.event, _("event")),
                                (proposal.duration_months, _("duration")),
                                (proposal.subject, _("objectives"))):  # fmt: skip
                put(part.evidence if part is not None else None, str(label))
            for act in proposal.signatories:
                put(act.evidence, str(_("signatories")))
            for act in proposal.attendees:
                put(act.evidence, str(_("attendees")))
            for party in proposal.parties:
                put(party.evidence, str(_("parties")))
            return
        put(proposal.name.evidence, str(_("name")))
        if isinstance(proposal, PersonProposal):
            for position in proposal.positions:
                put(position.evidence, str(_("position")))
        if isinstance(proposal, EventProposal):
            for part, label in ((proposal.date, _("date")), (proposal.place, _("place"))):
                put(part.evidence if part is not None else None, str(label))
            for act in proposal.participants:
                put(act.evidence, str(_("participants")))

    def event_fields(self, card: Card, proposal: EventProposal, edit) -> None:
        self.name_field(card, edit.name)
        self.add(card, "kind", forms.ChoiceField(
            label=_("kind"), choices=EventKind.choices, initial=edit.kind))  # fmt: skip
        self.add(card, "start", PartialDateField(label=_("start date"), required=False,
                                                 initial=edit.start))  # fmt: skip
        self.add(card, "end", PartialDateField(label=_("end date"), required=False,
                                               initial=edit.end))  # fmt: skip
        self.place_fields(card, edit)
        if proposal.participants:
            self.add(card, "participants", forms.MultipleChoiceField(
                label=_("participants"), required=False, widget=forms.CheckboxSelectMultiple,
                choices=[(str(index), self.people.get(act.person, act.person))
                         for index, act in enumerate(proposal.participants)],
                initial=[str(index) for index in edit.participants]))  # fmt: skip
        if proposal.date is not None:
            card.notes += proposal.date.warnings

    def agreement_fields(self, card: Card, proposal: AgreementProposal, edit) -> None:
        self.add(card, "title", forms.CharField(
            label=_("title"), max_length=400, initial=edit.title,
            widget=forms.TextInput(attrs=auto_direction())))  # fmt: skip
        self.add(card, "kind", forms.ChoiceField(
            label=_("kind"), choices=AgreementKind.choices, initial=edit.kind))  # fmt: skip
        self.add(card, "signed_on", PartialDateField(label=_("signed on"), required=False,
                                                     initial=edit.signed_on))  # fmt: skip
        self.place_fields(card, edit)
        self.add(card, "duration_months", forms.IntegerField(
            label=_("duration in months"), required=False, min_value=1, max_value=1200,
            initial=edit.duration_months))  # fmt: skip
        self.add(card, "objectives", forms.CharField(
            label=_("objectives"), required=False, initial=edit.objectives,
            widget=forms.Textarea(attrs=auto_direction(rows=2))))  # fmt: skip
        self.add(card, "parties", forms.MultipleChoiceField(
            label=_("parties"), required=False, widget=forms.CheckboxSelectMultiple,
            choices=self.org_choices, initial=edit.parties))  # fmt: skip
        for signer in edit.signatories:
            act = proposal.signatories[signer.index]
            person = self.people.get(act.person, act.person)
            self.add(card, f"signer-{signer.index}", forms.BooleanField(
                label=_("%(person)s signed") % {"person": person}, required=False,
                initial=True))  # fmt: skip
            self.add(card, f"signer-{signer.index}-for", forms.ChoiceField(
                label=_("for"), required=False, choices=[("", "—"), *self.org_choices],
                initial=signer.organization))  # fmt: skip
            self.add(card, f"signer-{signer.index}-title", forms.CharField(
                label=_("title at signing, as printed"), required=False, max_length=300,
                initial=signer.title, widget=forms.TextInput(attrs=auto_direction())))  # fmt: skip
        if proposal.attendees:
            self.add(card, "attendees", forms.MultipleChoiceField(
                label=_("present without signing"), required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(str(index), self.people.get(act.person, act.person))
                         for index, act in enumerate(proposal.attendees)],
                initial=[str(signer.index) for signer in edit.attendees]))  # fmt: skip
        if self.event_choices:
            self.add(card, "event", forms.ChoiceField(
                label=_("signed at event"), required=False,
                choices=[("", "—"), *self.event_choices], initial=edit.event or ""))  # fmt: skip
        if proposal.date is not None:
            card.notes += proposal.date.warnings
        record = (
            self.existing.get(("agreement", proposal.existing.pk)) if proposal.existing else None
        )
        if record is not None:
            card.facts = compare_agreement(proposal, record)
            for fact in card.facts:
                if fact.outcome == SAME:
                    continue
                name = f"{card.key}-keep-{fact.name}"
                self.fields[name] = forms.ChoiceField(
                    label=fact.name, required=False, widget=forms.RadioSelect,
                    choices=[("article", _("The article's")), ("stored", _("The record's"))],
                    initial="stored" if fact.outcome == "conflict" else "article",
                )  # fmt: skip
                card.bound_facts.append((fact, self[name]))

    # -- reading the decisions ---------------------------------------------------------------

    def value(self, key: str, name: str, default: Any = None) -> Any:
        return self.cleaned_data.get(f"{key}-{name}", default)

    def decisions(self, *, accept_all: bool = False) -> list[services.ProposalDecision]:
        """What the editor decided, as the service takes it."""
        decided: list[services.ProposalDecision] = []
        for cards in self.cards.values():
            for card in cards:
                if card.bound_decision is None:
                    continue
                # "Accept the rest": the undecided ones; one rejected before stays rejected
                # unless the editor accepts it by name.
                undecided = card.decision is None
                choice = self.value(card.key, "decision") or (
                    "accept" if accept_all and undecided else ""
                )
                if not choice:
                    continue
                accept = choice == "accept"
                decided.append(
                    services.ProposalDecision(
                        key=card.key,
                        accept=accept,
                        reason=self.value(card.key, "reason") or "",
                        edit=self.edit(card) if accept else None,
                    )
                )
        return decided

    def edit(self, card: Card) -> services.Edit:
        key = card.key
        edit = services.default_edit(self.proposals, key)
        if f"{key}-match" in self.fields:
            edit.use_existing = self.value(key, "match") != MATCH_CHOICES_NEW
        if isinstance(edit, services.AgreementEdit):
            edit.title = self.value(key, "title")
            edit.kind = self.value(key, "kind")
            edit.signed_on = self.value(key, "signed_on") or PartialDate()
            edit.city = self.value(key, "city", "")
            edit.country = self.value(key, "country", "")
            edit.duration_months = self.value(key, "duration_months")
            edit.objectives = self.value(key, "objectives", "")
            edit.parties = list(self.value(key, "parties", []))
            edit.signatories = [
                services.SignerEdit(
                    index=signer.index,
                    organization=self.value(key, f"signer-{signer.index}-for") or None,
                    title=self.value(key, f"signer-{signer.index}-title", ""),
                )
                for signer in edit.signatories
                if self.value(key, f"signer-{signer.index}")
            ]
            if f"{key}-attendees" in self.fields:
                chosen = {int(index) for index in self.value(key, "attendees", [])}
                edit.attendees = [signer for signer in edit.attendees if signer.index in chosen]
            if f"{key}-event" in self.fields:
                edit.event = self.value(key, "event") or None
            edit.keep_stored = frozenset(
                fact.name
                for fact, _bound in card.bound_facts
                if self.value(key, f"keep-{fact.name}") == "stored"
            )
            return edit
        edit.name = self.value(key, "name")
        if isinstance(edit, (services.OrganizationEdit, services.InitiativeEdit,
                             services.EventEdit)):  # fmt: skip
            edit.kind = self.value(key, "kind")
        if isinstance(edit, services.OrganizationEdit):
            edit.country = self.value(key, "country", "")
        if isinstance(edit, services.EventEdit):
            edit.start = self.value(key, "start") or PartialDate()
            edit.end = self.value(key, "end") or PartialDate()
            edit.city = self.value(key, "city", "")
            edit.country = self.value(key, "country", "")
            if f"{key}-participants" in self.fields:
                edit.participants = [int(i) for i in self.value(key, "participants", [])]
        return edit
