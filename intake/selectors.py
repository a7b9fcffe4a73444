"""Reads for the intake screens: the intakes, and what a proposal is compared with.

An article may report an agreement already recorded: the review then shows, fact by fact,
the stored value with the quote behind it beside the article's, and says whether the
article agrees, says more (a sharper date, a missing signatory) or disagrees.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from agreements.models import Agreement, Attendee, Initiative, Signatory
from core.models import Citation, SourceDocument
from core.records import PartialDate, format_partial_date
from core.search import normalize
from events.models import Event
from intake.extract.proposals import AgreementProposal, ArticleProposals, Evidence, RecordRef
from intake.models import ArticleIntake, IntakeDecision
from partners.models import Organization, Person

MODELS: dict[str, type] = {
    "organization": Organization,
    "person": Person,
    "event": Event,
    "initiative": Initiative,
    "agreement": Agreement,
}


def intake_list() -> QuerySet[ArticleIntake]:
    return ArticleIntake.objects.select_related("source", "created_by").annotate(
        decided=Count("decisions")
    )


def intake_for_review(pk: int) -> ArticleIntake | None:
    return (
        ArticleIntake.objects.select_related("source", "created_by")
        .prefetch_related(
            Prefetch("decisions", queryset=IntakeDecision.objects.select_related("decided_by"))
        )
        .filter(pk=pk)
        .first()
    )


def earlier_copies(source: SourceDocument) -> QuerySet[SourceDocument]:
    """Sources stored before this one with the same text or the same address: the same
    article pasted twice, or republished."""
    same = Q(text=source.text) | (Q(url=source.url) if source.url else Q(pk__in=[]))
    return SourceDocument.objects.filter(same).exclude(pk=source.pk).order_by("pk")


def matched_refs(proposals: ArticleProposals) -> list[RecordRef]:
    """Every existing record the proposals point at."""
    refs: list[RecordRef] = []
    for group in (proposals.organizations, proposals.people, proposals.events,
                  proposals.initiatives):  # fmt: skip
        refs += [proposal.name.existing for proposal in group if proposal.name.existing]
    refs += [proposal.existing for proposal in proposals.agreements if proposal.existing]
    return refs


def records_by_ref(refs: Iterable[dict[str, Any] | RecordRef]) -> dict[tuple[str, int], Any]:
    """The records named by (kind, pk), one query per kind; a deleted one is left out.

    Existing agreements come with their parties, signing acts and citations, for the
    comparison with what the article says.
    """
    wanted: dict[str, set[int]] = {}
    for ref in refs:
        kind, pk = (ref.kind, ref.pk) if isinstance(ref, RecordRef) else (ref["kind"], ref["pk"])
        wanted.setdefault(kind, set()).add(pk)
    found: dict[tuple[str, int], Any] = {}
    for kind, pks in wanted.items():
        queryset = MODELS[kind]._default_manager.filter(pk__in=pks)
        if kind == "agreement":
            queryset = queryset.prefetch_related(
                "parties__organization",
                Prefetch("signatories", queryset=Signatory.objects.select_related("person")),
                Prefetch("attendees", queryset=Attendee.objects.select_related("person")),
                Prefetch(
                    "citations", queryset=Citation.objects.select_related("source").order_by("id")
                ),
            )
        found.update({(kind, record.pk): record for record in queryset})
    return found


# -- an article about an agreement already recorded ----------------------------------------


SAME, SHARPER, NEW_VALUE, CONFLICT = "same", "sharper", "new", "conflict"


@dataclass
class FactComparison:
    """One fact of an agreement already recorded, as stored and as the article gives it."""

    name: str  # "signed_on", "place", "kind", "duration_months"
    outcome: str  # SAME, SHARPER (says more), NEW_VALUE (stored empty), CONFLICT
    stored: str
    stored_quotes: list[str] = field(default_factory=list)
    article: str = ""
    article_evidence: Evidence | None = None


def _quotes_backing(agreement: Agreement, field_name: str) -> list[str]:
    return [
        citation.quote
        for citation in agreement.citations.all()
        if field_name in (citation.fields or [])
    ]


def _compare_dates(stored: PartialDate, article: PartialDate) -> str:
    if not article.is_known or stored == article:
        return SAME
    if not stored.is_known:
        return NEW_VALUE
    parts = ("year", "month", "day")
    stored_parts = [getattr(stored, part) for part in parts]
    article_parts = [getattr(article, part) for part in parts]
    shared = [index for index, value in enumerate(stored_parts) if value is not None]
    if all(stored_parts[index] == article_parts[index] for index in shared) and (
        len([value for value in article_parts if value is not None]) > len(shared)
    ):
        return SHARPER
    if all(
        article_parts[index] == stored_parts[index]
        for index, value in enumerate(article_parts)
        if value is not None
    ):
        return SAME  # the article is vaguer than the record: nothing to change
    return CONFLICT


def _same_text(first: str, second: str) -> bool:
    return normalize(first) == normalize(second)


def compare_agreement(proposal: AgreementProposal, agreement: Agreement) -> list[FactComparison]:
    """The facts the article and the record both speak of, and how they compare."""
    facts: list[FactComparison] = []
    if proposal.date is not None and proposal.date.value.is_known:
        stored = agreement.signed_partial
        facts.append(
            FactComparison(
                name="signed_on",
                outcome=_compare_dates(stored, proposal.date.value),
                stored=format_partial_date(stored) or "—",
                stored_quotes=_quotes_backing(agreement, "signed_on"),
                article=format_partial_date(proposal.date.value),
                article_evidence=proposal.date.evidence,
            )
        )
    if proposal.place is not None and proposal.place.city:
        cities = [agreement.place_city_ar, agreement.place_city_fr, agreement.place_city_en]
        stored_city = next((city for city in cities if city), "")
        if not stored_city:
            outcome = NEW_VALUE
        elif any(city and _same_text(city, proposal.place.city) for city in cities):
            outcome = SAME
        else:
            outcome = CONFLICT
        facts.append(
            FactComparison(
                name="place",
                outcome=outcome,
                stored=stored_city or "—",
                stored_quotes=_quotes_backing(agreement, "place"),
                article=proposal.place.city,
                article_evidence=proposal.place.evidence,
            )
        )
    if proposal.duration_months is not None:
        stored_months = agreement.duration_months
        value = proposal.duration_months.value
        facts.append(
            FactComparison(
                name="duration_months",
                outcome=NEW_VALUE
                if stored_months is None
                else SAME
                if stored_months == value
                else CONFLICT,
                stored=str(stored_months) if stored_months else "—",
                stored_quotes=_quotes_backing(agreement, "duration_months"),
                article=str(value),
                article_evidence=proposal.duration_months.evidence,
            )
        )
    facts.append(
        FactComparison(
            name="kind",
            outcome=SAME if proposal.kind.value == agreement.kind else CONFLICT,
            stored=agreement.get_kind_display(),
            stored_quotes=_quotes_backing(agreement, "kind"),
            article=str(dict(Agreement._meta.get_field("kind").choices).get(proposal.kind.value,
                                                                            proposal.kind.value)),
            article_evidence=proposal.kind.evidence,
        )
    )  # fmt: skip
    return facts
