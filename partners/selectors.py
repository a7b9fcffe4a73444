"""Reads of organizations and people: published only for the public, loaded at once."""

from __future__ import annotations

from django.db.models import Count, F, Prefetch, Q, QuerySet

from agreements.models import Signatory
from partners.models import Organization, Person, Position


def organization_list(*, include_drafts: bool = False) -> QuerySet[Organization]:
    """Organizations with their parent and how many published agreements bind them."""
    organizations = (
        Organization.objects.all() if include_drafts else Organization.objects.published()
    )
    return (
        organizations.select_related("parent")
        .annotate(
            agreement_count=Count(
                "agreement_parties",
                filter=Q(agreement_parties__agreement__status="published"),
            )
        )
        .order_by("slug")
    )


def person_list(*, include_drafts: bool = False) -> QuerySet[Person]:
    """People with their positions and the published agreements they signed."""
    people = Person.objects.all() if include_drafts else Person.objects.published()
    signatures = Signatory.objects.select_related("agreement").only(
        "id", "person_id", "agreement_id", "agreement__id", "agreement__slug",
        "agreement__signed_on",
    )  # fmt: skip
    if not include_drafts:
        signatures = signatures.filter(agreement__status="published")
    return people.prefetch_related(
        Prefetch(
            "positions",
            queryset=Position.objects.select_related("organization").order_by(
                F("start").desc(nulls_last=True), "slug"
            ),
        ),
        Prefetch(
            "signatures",
            queryset=signatures.order_by(F("agreement__signed_on").desc(nulls_last=True), "id"),
            to_attr="visible_signatures",
        ),
    ).order_by("slug")
