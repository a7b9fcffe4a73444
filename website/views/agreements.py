"""The agreements list with its filters and search, and an agreement's page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.forms import CheckboxSelectMultiple
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from agreements import search
from agreements.models import (
    Agreement,
    AgreementKind,
)
from agreements.selectors import (
    agreement_cards,
    agreements_for,
)
from core import counting
from core.filtersets import translated
from core.records import DatePrecision, PartialDate
from core.visibility import visible
from website.evidence import Evidence
from website.filters import (
    LIST_LIMIT,
    OPEN_ENDED,
    PICKED,
    SUGGESTIONS,
    RecordPicker,
    SiteAgreementFilterSet,
    detail_of,
    matching_records,
    offered,
)
from website.jsonld import agreement_ld
from website.public import (
    may_preview,
    not_found,
    partners_of_published_agreements,
    public_page,
    shared,
    shared_fragment,
    version_of_dataset,
)
from website.widgets import QuickSelect

PAGE_SIZE = 20


# -- list and search -------------------------------------------------------------------

# What each filter means to a visitor (the FilterSet's own help speaks to integrators).
FILTER_HELP = {
    "q": gettext_lazy(
        "Every word must occur in the title, summary, kind, parties or signatories, in any "
        "of the three languages. Plurals, the article, harakat, hamza forms, accents and "
        "Arabic-Indic digits do not matter, and other spellings of names are known."
    ),
    "partner": gettext_lazy(
        "A name, part of one, or an address, in any language. Add partners one at a time: "
        "the agreements binding all of them."
    ),
    "kind": "",
    "country": gettext_lazy("Agreements with at least one party from this country."),
    "signed_after": gettext_lazy("A year (2023), a month (2023-06) or a day (2023-06-15)."),
    "signed_before": gettext_lazy(
        "An agreement known only to the month counts within that month, not a day of it."
    ),
    "year": "",
    "event": gettext_lazy("A name, part of one, or an address, in any language."),
    "initiative": "",
    "theme": "",
    "signatory": gettext_lazy("A name, part of one, or an address, in any language."),
}

ORDERINGS = [
    ("", gettext_lazy("Newest first")),
    ("signed_on", gettext_lazy("Oldest first")),
    ("title", gettext_lazy("Title")),
    ("-updated_at", gettext_lazy("Recently updated")),
]


@require_safe
@public_page
def agreement_list(request: HttpRequest) -> HttpResponse:
    """The shared FilterSet as a form: the page's query parameters are the API's own."""
    filterset = SiteAgreementFilterSet(request.GET, queryset=visible(Agreement), request=request)
    form = filterset.form
    _prepare_filter_form(form, request)
    valid = filterset.is_valid()
    if valid and (canonical := filterset.canonical_query()) is not None:
        # Names typed in the form become the slugs the API takes: the address is the API's.
        return redirect(f"{request.path}?{canonical}" if canonical else request.path)
    _show_choices(form)
    context = {
        "section": "agreements",
        "filterset": filterset,
        "form": form,
        "valid": valid,
        "query": request.GET.get("q", ""),
        "orderings": list(ORDERINGS),
        "ordering": request.GET.get("ordering", ""),
        "api_query": _api_query(request),
        "has_query": bool(request.GET),
    }
    if not valid:
        # A malformed value is the visitor's to correct: the form says which and why.
        return render(request, "agreements/agreement_list.html", context, status=400)
    # The form of a valid query is the same for every visitor: rendered once per version.
    shown = sorted((k, v) for k, values in request.GET.lists() if k != "page" for v in values)
    context["form_html"] = shared_fragment(
        request,
        f"filter-form|{shown!r}",
        "agreements/filter_form.html",
        lambda: {key: context[key] for key in ("form", "ordering", "has_query")},
    )
    queryset = filterset.qs
    # A misspelt query was searched corrected: the page says which query it shows.
    context["corrected_query"] = filterset.corrected_query
    if form.cleaned_data.get("q") and search.uses_full_text(queryset):
        context["orderings"][0] = ("", _("Best match"))
    page, counted = _counted_page(request, filterset, agreement_cards(queryset))
    active = _active_filters(form, request)
    context.update(
        {
            "page": page,
            "count_is_estimate": counted.is_estimate,
            "page_range": page.paginator.get_elided_page_range(
                page.number, on_each_side=1, on_ends=1
            ),
            "agreements": page.object_list,
            "active_filters": active,
        }
    )
    return render(request, "agreements/agreement_list.html", context)


def _counted_page(
    request: HttpRequest, filterset: SiteAgreementFilterSet, queryset: QuerySet
) -> tuple[Page, counting.Counted]:
    """The page asked for, and how many agreements match: counted once per dataset version
    and filters, shared with the API's count of the same filters (`core.counting`), and
    not counted at all when the first page is not full."""
    key_parts = ("api", "agreement", "published", _counted_filters(filterset))
    version = version_of_dataset(request)
    paginator = Paginator(queryset, PAGE_SIZE)
    try:
        number = max(1, int(request.GET.get("page", 1)))
    except (TypeError, ValueError):
        number = 1
    counted = counting.cached(key_parts=key_parts, version=version)
    if counted is None and number == 1:
        rows = list(queryset[: PAGE_SIZE + 1])
        if len(rows) <= PAGE_SIZE:
            counted = counting.remember(key_parts=key_parts, version=version, value=len(rows))
            paginator.count = counted.value
            return Page(rows, 1, paginator), counted
    if counted is None:
        counted = counting.count(queryset, key_parts=key_parts, version=version)
    paginator.count = counted.value
    if counted.is_estimate:
        # The pages follow the rows, not the estimate: none is cut off when it is short.
        page = counting.estimated_page(queryset, paginator, number)
        if page is None:
            raise Http404
        return page, counted
    return paginator.get_page(number), counted


def _counted_filters(filterset: SiteAgreementFilterSet) -> tuple:
    """The filters as the API names them in its count's key: (parameter, value) pairs."""
    return tuple(
        sorted(
            (name, value)
            for name, values in filterset.data.lists()
            if name in filterset.filters and name != "ordering"
            for value in values
            if value.strip()
        )
    )


def _prepare_filter_form(form, request: HttpRequest) -> None:
    """Present the FilterSet's fields for people: search boxes for partners, signatories
    and events, short lists sorted in the reader's language for the rest (records with a
    published agreement only), kinds as checkboxes, countries limited to the partners'
    (validation is untouched)."""
    from django_countries import countries

    for name in PICKED:
        field = form.fields[name]
        options = None
        if name not in OPEN_ENDED:
            # A short vocabulary is a list while it stays short: never more than the limit.
            options = shared(
                request,
                f"filter-options|{name}|{get_language()}",
                partial(_short_list, offered(name, field.queryset)),
            )
        if options is None or len(options) > LIST_LIMIT:
            field.widget = RecordPicker(
                multiple=name == "partner",
                suggest_url=reverse("agreement-suggestions", args=[name]),
                group_label=field.label,
                attrs=field.widget.attrs,
            )
        else:
            field.widget = QuickSelect(attrs=field.widget.attrs, choices=[("", _("Any")), *options])
    form.fields["kind"].widget = CheckboxSelectMultiple(choices=form.fields["kind"].choices)
    form.fields["q"].widget.input_type = "search"
    form.fields["q"].widget.attrs.update({"dir": "auto", "autocomplete": "off"})
    form.fields["year"].widget.attrs.update({"inputmode": "numeric"})
    for name in ("signed_after", "signed_before"):
        form.fields[name].widget.attrs.update({"dir": "ltr"})
    for name, text in FILTER_HELP.items():
        form.fields[name].help_text = text
    codes = set(shared(request, "partner-countries", _partner_countries))
    if request.GET.get("country"):
        codes.add(request.GET["country"].strip().upper())
    options = sorted(
        ((code, countries.name(code) or code) for code in codes), key=lambda c: str(c[1])
    )
    form.fields["country"].widget.choices = [("", _("Any")), *options]


def _short_list(queryset: QuerySet) -> list[tuple[str, str]]:
    """A filter's values, by name: never more than one over the limit."""
    return [
        (record.slug, str(record))
        for record in queryset.order_by(translated("name"), "pk")[: LIST_LIMIT + 1]
    ]


def _partner_countries() -> list[str]:
    return list(
        partners_of_published_agreements()
        .exclude(country="")
        .order_by()
        .values_list("country", flat=True)
        .distinct()
    )


def _show_choices(form) -> None:
    """The search boxes show the records chosen (by name) and any value refused."""
    for name in PICKED:
        field = form.fields[name]
        if isinstance(field.widget, RecordPicker):
            field.widget.labels = {record.slug: str(record) for record in field.found}
            field.widget.typed = list(field.refused)


@require_safe
def agreement_suggestions(request: HttpRequest, name: str) -> JsonResponse:
    """Up to ten records of a filter named `q` in part, among those with a published
    agreement, for the search boxes' suggestions, in one query:
    `{"results": [{"value": slug, "label": name, "detail": "ADD · Public agency"}],
    "status": "1 suggestion"}` (`status`: what the page's live region says)."""
    if name not in PICKED:
        raise Http404
    text = " ".join(request.GET.get("q", "").split())[:100]
    results = []
    if text:
        field = SiteAgreementFilterSet.base_filters[name]
        queryset = offered(name, field.get_queryset(request))
        records = matching_records(queryset, PICKED[name], text)[:SUGGESTIONS]
        results = [
            {"value": record.slug, "label": str(record), "detail": detail_of(record)}
            for record in records
        ]
    if results:
        status = ngettext(
            "%(count)d suggestion. Up and down arrows to review, Enter to choose.",
            "%(count)d suggestions. Up and down arrows to review, Enter to choose.",
            len(results),
        ) % {"count": len(results)}
    else:
        status = _("No suggestion.") if text else ""
    response = JsonResponse(
        {"results": results, "status": status}, json_dumps_params={"ensure_ascii": False}
    )
    response.headers["Cache-Control"] = "public, max-age=300"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _active_filters(form, request: HttpRequest) -> list[dict]:
    """The filters in force, each with the link that removes it."""
    from django_countries import countries

    data = form.cleaned_data
    active = []
    for name, field in form.fields.items():
        if name == "ordering":
            continue
        raws = [raw for raw in request.GET.getlist(name) if raw.strip()]
        if not raws:
            continue
        value = data.get(name)
        items = list(value) if isinstance(value, list | tuple | QuerySet) else [value]
        shown: dict[str, str] = {
            item.slug: str(item) for item in items if hasattr(item, "slug")
        }  # records: partner, event, initiative, theme, signatory
        if name == "kind":
            shown = {raw: str(AgreementKind(raw).label) for raw in raws if raw in AgreementKind}
        elif name == "country" and value:
            shown = {raw: str(countries.name(value) or value) for raw in raws}
        for raw in raws:
            params = request.GET.copy()
            params.setlist(name, [other for other in raws if other != raw])
            params.pop("page", None)
            active.append(
                {
                    "name": name,
                    "label": field.label,
                    "value": shown.get(raw, raw),
                    "remove": "?" + params.urlencode() if params else "?",
                }
            )
    return active


def _api_query(request: HttpRequest) -> str:
    """The page's query string for the API: the same filters, without the page number."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


# -- agreement -------------------------------------------------------------------------


@require_safe
@public_page
def agreement_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # Editors preview drafts here; for everyone else a draft does not exist.
    preview = may_preview(request, Agreement)
    agreement = agreements_for(include_drafts=preview).filter(slug=slug).first()
    if agreement is None:
        return not_found(request, Agreement, slug)
    evidence = Evidence.of(agreement.citations.all(), Agreement)
    chain = renewal_chain(agreement, include_drafts=preview)
    context = {
        "section": "agreements",
        "agreement": agreement,
        "preview": agreement.status != "published",
        "evidence": evidence,
        "chain": chain if len(chain) > 1 else [],
        "expiry": expiry_of(agreement),
        "structured_data": agreement_ld(request, agreement),
    }
    return render(request, "agreements/agreement_detail.html", context)


def renewal_chain(agreement: Agreement, *, include_drafts: bool) -> list[Agreement]:
    """The partnership over time: what this agreement renews, what renewed it, and so on,
    oldest first, in one query (a recursive walk both ways). The walk only goes through
    agreements the reader may see: a draft between two published ones breaks the chain."""
    table = Agreement._meta.db_table
    statuses = ["published", "draft"] if include_drafts else ["published"]
    allowed = ", ".join(["%s"] * len(statuses))
    sql = f"""
        WITH RECURSIVE earlier(id, renews_id, depth) AS (
            SELECT id, renews_id, 0 FROM {table} WHERE id = %s
            UNION ALL
            SELECT a.id, a.renews_id, e.depth + 1
            FROM {table} a JOIN earlier e ON a.id = e.renews_id
            WHERE e.depth < 50 AND a.status IN ({allowed})
        ), later(id, depth) AS (
            SELECT id, 0 FROM {table} WHERE id = %s
            UNION ALL
            SELECT a.id, l.depth + 1
            FROM {table} a JOIN later l ON a.renews_id = l.id
            WHERE l.depth < 50 AND a.status IN ({allowed})
        )
        SELECT id FROM earlier UNION SELECT id FROM later
    """
    return list(
        visible(Agreement, include_drafts=include_drafts)
        .filter(id__in=RawSQL(sql, (agreement.pk, *statuses, agreement.pk, *statuses)))
        .only(
            "id", "slug", "title", "title_ar", "title_fr", "title_en", "kind", "status",
            "signed_on", "signed_on_precision", "renews_id",
        )
        .order_by("signed_on", "id")
    )  # fmt: skip


@dataclass(frozen=True)
class Expiry:
    """When an agreement ends: a date at its precision, or the years it may end in."""

    earliest: PartialDate
    latest: PartialDate

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest


def expiry_of(agreement: Agreement) -> Expiry | None:
    """Signing date plus duration. A signing known to the year only gives the year(s) the
    agreement ends in (signed in 2025 for 24 months: it ends in 2027); nothing finer."""
    if agreement.duration_months is None:
        return None
    exact = agreement.expires_partial
    if exact.is_known:
        return Expiry(exact, exact)
    signed = agreement.signed_partial
    if signed.precision != DatePrecision.YEAR:
        return None
    months = agreement.duration_months
    return Expiry(
        PartialDate(signed.year + months // 12), PartialDate(signed.year + (11 + months) // 12)
    )
