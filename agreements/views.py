from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from agreements.models import Agreement, Initiative
from agreements.selectors import agreement_list, agreement_preview_list
from events.models import Event
from partners.models import Organization


def home(request: HttpRequest) -> HttpResponse:
    latest = agreement_list()[:10]
    counts = {
        "agreements": Agreement.objects.published().count(),
        "partners": Organization.objects.published()
        .filter(agreement_parties__agreement__status="published")
        .distinct()
        .count(),
        "events": Event.objects.published().count(),
        "initiatives": Initiative.objects.published().count(),
    }
    by_kind = (
        Agreement.objects.published().values("kind").annotate(total=Count("id")).order_by("kind")
    )
    return render(request, "home.html", {"latest": latest, "counts": counts, "by_kind": by_kind})


def agreement_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # Editors preview drafts here; for everyone else a draft does not exist.
    queryset = (
        agreement_preview_list()
        if request.user.has_perm("agreements.view_agreement")
        else agreement_list()
    )
    agreement = queryset.filter(slug=slug).first()
    if agreement is None:
        raise Http404
    return render(request, "agreements/agreement_detail.html", {"agreement": agreement})
