from django.db.models import Count
from django.shortcuts import render

from agreements.models import Agreement, Initiative
from agreements.selectors import agreement_list
from events.models import Event
from partners.models import Organization


def home(request):
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
