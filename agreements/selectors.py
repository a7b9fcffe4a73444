"""Reads for the public: every query starts from published() and loads what it shows at once."""

from django.db.models import Prefetch, QuerySet

from agreements.models import Agreement, AgreementParty, Attendee, Citation, Signatory


def agreement_list() -> QuerySet[Agreement]:
    """Published agreements with everything a list or a serializer shows, in a fixed number of queries."""
    return _with_related(Agreement.objects.published())


def agreement_preview_list() -> QuerySet[Agreement]:
    """Drafts included: only for editors previewing their work."""
    return _with_related(Agreement.objects.all())


def _with_related(queryset: QuerySet[Agreement]) -> QuerySet[Agreement]:
    return queryset.select_related("event", "renews").prefetch_related(
        Prefetch(
            "parties",
            queryset=AgreementParty.objects.select_related("organization").order_by("id"),
        ),
        Prefetch(
            "signatories",
            queryset=Signatory.objects.select_related("person", "organization").order_by("id"),
        ),
        Prefetch(
            "attendees",
            queryset=Attendee.objects.select_related("person", "organization").order_by("id"),
        ),
        "themes",
        "initiatives",
        Prefetch(
            "renewed_by", queryset=Agreement.objects.published().only("id", "slug", "renews_id")
        ),
        Prefetch("citations", queryset=Citation.objects.select_related("source").order_by("id")),
    )
