"""The public site's pages about agreements: home, list and search, agreement, initiatives,
sources, the archives by date, and the error pages."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict, defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractMonth, ExtractYear
from django.forms import CheckboxSelectMultiple
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from agreements import search
from agreements.evidence import Evidence, field_label, quoted_segments
from agreements.filtersets import AgreementFilterSet, translated
from agreements.jsonld import agreement_ld, website_ld
from agreements.models import (
    Agreement,
    AgreementKind,
    Citation,
    Initiative,
    SourceDocument,
)
from agreements.public import (
    may_preview,
    not_found,
    partners_of_published_agreements,
    public_page,
)
from agreements.records import DatePrecision, PartialDate
from agreements.selectors import (
    agreement_cards,
    agreements_for,
    initiative_index,
    sources_with_quote_counts,
    visible_citations,
)
from agreements.selectors import (
    initiative_detail as select_initiative,
)
from agreements.widgets import QuickSelect, QuickSelectMultiple
from core.visibility import visible
from events.models import Event
from partners.models import Organization, Person

PAGE_SIZE = 20
# Archive and timeline pages list at most this many records of each kind; the list page,
# filtered the same way, pages through the rest.
ARCHIVE_LIMIT = 200
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


# -- home ------------------------------------------------------------------------------


@require_safe
@public_page
def home(request: HttpRequest) -> HttpResponse:
    agreements = visible(Agreement)
    counts = {
        "agreements": agreements.count(),
        "partners": partners_of_published_agreements().count(),
        "events": visible(Event).count(),
        "initiatives": visible(Initiative).count(),
    }
    context = {
        "section": "home",
        "latest": agreement_cards(agreements)[:6],
        "counts": counts,
        "chart": yearly_chart(agreements),
        "countries": partner_countries(),
        "structured_data": website_ld(request),
    }
    return render(request, "home.html", context)


@dataclass
class ChartRow:
    year: int | None
    total: int
    segments: list[dict]


def yearly_chart(agreements) -> dict:
    """Agreements per year of signing, by kind: one grouped query."""
    rows = (
        agreements.annotate(year=ExtractYear("signed_on"))
        .values("year", "kind")
        .annotate(total=Count("id"))
        .order_by()
    )
    by_year: dict[int | None, dict[str, int]] = defaultdict(dict)
    for row in rows:
        by_year[row["year"]][row["kind"]] = row["total"]
    kinds = [kind for kind in AgreementKind if any(kind in counts for counts in by_year.values())]
    widest = max((sum(counts.values()) for counts in by_year.values()), default=0)
    years = sorted((year for year in by_year if year is not None), reverse=True)
    if None in by_year:
        years.append(None)
    chart_rows = []
    for year in years:
        counts = by_year[year]
        offset = 0.0
        segments = []
        for kind in kinds:
            if not counts.get(kind):
                continue
            width = 100 * counts[kind] / widest
            segments.append(
                {
                    "kind": kind.value,
                    "label": kind.label,
                    "count": counts[kind],
                    "x": offset,
                    "width": width,
                }
            )
            offset += width
        chart_rows.append(ChartRow(year, sum(counts.values()), segments))
    return {"rows": chart_rows, "kinds": kinds}


def partner_countries() -> list[dict]:
    """Countries of the partners bound by published agreements, with how many partners."""
    from django_countries import countries

    rows = (
        partners_of_published_agreements()
        .values("country")
        .annotate(partners=Count("id"))
        .order_by()
    )
    result = [
        {
            "code": row["country"],
            "name": countries.name(row["country"]) if row["country"] else _("International bodies"),
            "partners": row["partners"],
        }
        for row in rows
    ]
    # Morocco first, then by number of partners, then by name; international bodies last.
    result.sort(key=lambda c: (c["code"] != "MA", not c["code"], -c["partners"], str(c["name"])))
    return result


# -- list and search -------------------------------------------------------------------

# What each filter means to a visitor (the FilterSet's own help speaks to integrators).
FILTER_HELP = {
    "q": gettext_lazy(
        "Every word must occur in the title, summary, parties or signatories, in any of the "
        "three languages. Harakat and hamza forms do not matter."
    ),
    "partner": gettext_lazy(
        "To choose several, hold Ctrl (⌘ on a Mac): the agreements binding all of them."
    ),
    "kind": "",
    "country": gettext_lazy("Agreements with at least one party from this country."),
    "signed_after": gettext_lazy("A year (2023), a month (2023-06) or a day (2023-06-15)."),
    "signed_before": gettext_lazy(
        "An agreement known only to the month counts within that month, not a day of it."
    ),
    "year": "",
    "event": "",
    "initiative": "",
    "theme": "",
    "signatory": "",
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
    filterset = AgreementFilterSet(request.GET, queryset=visible(Agreement), request=request)
    form = filterset.form
    _prepare_filter_form(form, request)
    valid = filterset.is_valid()
    context = {
        "section": "agreements",
        "filterset": filterset,
        "form": form,
        "valid": valid,
        "query": request.GET.get("q", ""),
        "orderings": list(ORDERINGS),
        "ordering": request.GET.get("ordering", ""),
        "api_query": _api_query(request),
    }
    if not valid:
        # A malformed value is the visitor's to correct: the form says which and why.
        return render(request, "agreements/agreement_list.html", context, status=400)
    queryset = filterset.qs
    q = form.cleaned_data.get("q")
    if q and not form.cleaned_data.get("ordering") and search.uses_full_text(queryset):
        queryset = search.order_by_rank(queryset, q)
        context["orderings"][0] = ("", _("Best match"))
    page = Paginator(agreement_cards(queryset), PAGE_SIZE).get_page(request.GET.get("page"))
    active = _active_filters(form, request)
    context.update(
        {
            "page": page,
            "page_range": page.paginator.get_elided_page_range(
                page.number, on_each_side=1, on_ends=1
            ),
            "agreements": page.object_list,
            "active_filters": active,
        }
    )
    return render(request, "agreements/agreement_list.html", context)


def _prepare_filter_form(form, request: HttpRequest) -> None:
    """Present the FilterSet's fields for people: names sorted in the reader's language,
    kinds as checkboxes, countries limited to the partners' (validation is untouched)."""
    from django_countries import countries

    for name in ("partner", "event", "initiative", "signatory", "theme"):
        field = form.fields[name]
        # The options in one plain query (a model field's own iterator reads them through
        # a server-side cursor on PostgreSQL, one more query per two thousand rows).
        options = [
            (record.slug, str(record))
            for record in field.queryset.order_by(translated("name"), "pk")
        ]
        if name == "partner":
            field.widget = QuickSelectMultiple(attrs=field.widget.attrs, choices=options)
        else:
            field.widget = QuickSelect(attrs=field.widget.attrs, choices=[("", _("Any")), *options])
    form.fields["partner"].widget.attrs["size"] = 8
    form.fields["kind"].widget = CheckboxSelectMultiple(choices=form.fields["kind"].choices)
    form.fields["q"].widget.input_type = "search"
    form.fields["q"].widget.attrs.update({"dir": "auto", "autocomplete": "off"})
    form.fields["year"].widget.attrs.update({"inputmode": "numeric"})
    for name in ("signed_after", "signed_before"):
        form.fields[name].widget.attrs.update({"dir": "ltr"})
    for name, text in FILTER_HELP.items():
        form.fields[name].help_text = text
    codes = set(
        partners_of_published_agreements()
        .exclude(country="")
        .order_by()
        .values_list("country", flat=True)
        .distinct()
    )
    if request.GET.get("country"):
        codes.add(request.GET["country"].strip().upper())
    options = sorted(
        ((code, countries.name(code) or code) for code in codes), key=lambda c: str(c[1])
    )
    form.fields["country"].widget.choices = [("", _("Any")), *options]


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


# -- by date ---------------------------------------------------------------------------


@dataclass
class Entry:
    """One line of a timeline: an agreement signed or an event held."""

    when: PartialDate
    record: Agreement | Event
    kind: str  # "agreement" or "event"

    @property
    def end(self) -> PartialDate | None:
        return getattr(self.record, "end_partial", None) if self.kind == "event" else None


def _entries(agreements, events) -> list[Entry]:
    entries = [Entry(a.signed_partial, a, "agreement") for a in agreements]
    entries += [Entry(e.start_partial, e, "event") for e in events]
    return entries


def _sort_key(entry: Entry, *, newest_first: bool) -> tuple:
    """Chronological order at each date's precision: within a year, the entries whose month
    is not known come after the months; within a month, those whose day is not known."""
    date = entry.when
    sign = -1 if newest_first else 1
    return (
        sign * (date.year or 0),
        sign * date.month if date.month else 99,
        sign * date.day if date.day else 99,
        entry.kind,
        str(entry.record),
    )


def _group_by_year_and_month(entries: list[Entry], *, newest_first: bool = True) -> list[dict]:
    """[{year, months: [{month (PartialDate or None), entries}]}]; dates known only to the
    year come after the year's months."""
    years: OrderedDict = OrderedDict()
    for entry in sorted(entries, key=lambda e: _sort_key(e, newest_first=newest_first)):
        year = entry.when.year
        month = PartialDate(year, entry.when.month) if entry.when.month else None
        years.setdefault(year, OrderedDict()).setdefault(month, []).append(entry)
    return [
        {
            "year": year,
            "months": [{"month": month, "entries": items} for month, items in months.items()],
        }
        for year, months in years.items()
    ]


_AGREEMENT_LINE = (
    "id", "slug", "title", "title_ar", "title_fr", "title_en", "kind", "status",
    "signed_on", "signed_on_precision",
)  # fmt: skip
_EVENT_LINE = (
    "id", "slug", "name", "name_ar", "name_fr", "name_en", "kind", "status",
    "start_date", "end_date", "date_precision",
)  # fmt: skip


def _year_counts() -> list[dict]:
    """Every year with agreements or events, and how many of each: two grouped queries."""
    agreements = (
        visible(Agreement)
        .exclude(signed_on=None)
        .annotate(year=ExtractYear("signed_on"))
        .values("year")
        .annotate(total=Count("id"))
        .order_by()
    )
    events = (
        visible(Event)
        .exclude(start_date=None)
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(total=Count("id"))
        .order_by()
    )
    years: dict[int, dict] = defaultdict(lambda: {"agreements": 0, "events": 0})
    for row in agreements:
        years[row["year"]]["agreements"] = row["total"]
    for row in events:
        years[row["year"]]["events"] = row["total"]
    return [{"year": year, **years[year]} for year in sorted(years, reverse=True)]


@require_safe
@public_page
def timeline(request: HttpRequest) -> HttpResponse:
    """Every agreement and event on one line of time, newest first, undated ones last."""
    agreements = list(visible(Agreement).only(*_AGREEMENT_LINE)[: ARCHIVE_LIMIT + 1])
    events = list(visible(Event).only(*_EVENT_LINE)[: ARCHIVE_LIMIT + 1])
    truncated = len(agreements) > ARCHIVE_LIMIT or len(events) > ARCHIVE_LIMIT
    entries = _entries(agreements[:ARCHIVE_LIMIT], events[:ARCHIVE_LIMIT])
    dated = [entry for entry in entries if entry.when.is_known]
    undated = sorted(
        (entry for entry in entries if not entry.when.is_known),
        key=lambda e: (e.kind, str(e.record)),
    )
    context = {
        "section": "dates",
        "years": _year_counts(),
        "groups": _group_by_year_and_month(dated),
        "undated": undated,
        "truncated": truncated,
        "due": due_for_renewal_entries(timezone.localdate(), limit=5),
    }
    return render(request, "agreements/timeline.html", context)


@require_safe
@public_page
def year_archive(request: HttpRequest, year: int) -> HttpResponse:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise Http404(_("There is no archive for that year."))
    agreements = list(
        agreement_cards(visible(Agreement).filter(signed_on__year=year)).order_by(
            "signed_on", "id"
        )[: ARCHIVE_LIMIT + 1]
    )
    events = list(
        visible(Event)
        .filter(start_date__year=year)
        .only(*_EVENT_LINE)
        .order_by("start_date", "slug")[: ARCHIVE_LIMIT + 1]
    )
    years = _year_counts()
    known_years = [row["year"] for row in years]
    context = {
        "section": "dates",
        "year": year,
        "years": years,
        "groups": _group_by_year_and_month(
            _entries(agreements[:ARCHIVE_LIMIT], events[:ARCHIVE_LIMIT]), newest_first=False
        ),
        "agreement_count": len(agreements[:ARCHIVE_LIMIT]),
        "event_count": len(events[:ARCHIVE_LIMIT]),
        "truncated": len(agreements) > ARCHIVE_LIMIT or len(events) > ARCHIVE_LIMIT,
        "previous_year": max((y for y in known_years if y < year), default=None),
        "next_year": min((y for y in known_years if y > year), default=None),
    }
    return render(request, "agreements/year_archive.html", context)


@require_safe
@public_page
def month_archive(request: HttpRequest, year: int, month: int) -> HttpResponse:
    if not (EARLIEST_YEAR <= year <= LATEST_YEAR and 1 <= month <= 12):
        raise Http404(_("There is no archive for that month."))
    precise = [DatePrecision.DAY, DatePrecision.MONTH]
    agreements = list(
        agreement_cards(
            visible(Agreement).filter(
                signed_on__year=year, signed_on__month=month, signed_on_precision__in=precise
            )
        ).order_by("signed_on", "id")[: ARCHIVE_LIMIT + 1]
    )
    events = list(
        visible(Event)
        .filter(start_date__year=year, start_date__month=month, date_precision__in=precise)
        .only(*_EVENT_LINE)
        .order_by("start_date", "slug")[: ARCHIVE_LIMIT + 1]
    )
    months = (
        visible(Agreement)
        .filter(signed_on__year=year, signed_on_precision__in=precise)
        .dates("signed_on", "month")
    )
    event_months = (
        visible(Event)
        .filter(start_date__year=year, date_precision__in=precise)
        .dates("start_date", "month")
    )
    known_months = sorted({d.month for d in months} | {d.month for d in event_months})
    context = {
        "section": "dates",
        "year": year,
        "month": PartialDate(year, month),
        "month_number": month,
        "agreements": agreements[:ARCHIVE_LIMIT],
        "events": events[:ARCHIVE_LIMIT],
        "truncated": len(agreements) > ARCHIVE_LIMIT or len(events) > ARCHIVE_LIMIT,
        "months": [PartialDate(year, m) for m in known_months],
        "signed_before": f"{year:04d}-{month:02d}",
    }
    return render(request, "agreements/month_archive.html", context)


def _add_months(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    for day in (date.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass
class DueEntry:
    agreement: Agreement
    expiry: Expiry
    certain: bool  # the whole known period falls within the window


def due_for_renewal_entries(today: dt.date, *, limit: int = ARCHIVE_LIMIT) -> list[DueEntry]:
    """Published agreements that end, or may end, in the next twelve months, soonest first.

    One query. The end is counted in months (year × 12 + month + duration), which both
    databases compute and sort; a signing known only to the year may end in any of twelve
    months, so it is a candidate when that span meets the window. The exact test then
    runs on the partial dates, so that nothing is claimed finer than the sources give.
    """
    horizon = _add_months(today, 12)
    first, last = _month_index(today), _month_index(horizon)
    end_month = ExtractYear("signed_on") * 12 + ExtractMonth("signed_on") - 1 + F("duration_months")
    precise = Q(
        signed_on_precision__in=[DatePrecision.DAY, DatePrecision.MONTH],
        end_month__gte=first,
        end_month__lte=last,
    )
    yearly = Q(
        signed_on_precision=DatePrecision.YEAR, end_month__gte=first - 11, end_month__lte=last
    )
    candidates = agreement_cards(
        visible(Agreement)
        .exclude(duration_months=None)
        .exclude(signed_on=None)
        .alias(end_month=end_month)
        .filter(precise | yearly)
        .order_by("end_month", "signed_on", "id")
    )[: limit + 1]
    due = []
    for agreement in candidates:
        expiry = expiry_of(agreement)
        if expiry is None:
            continue
        start = expiry.earliest.first_day()
        end = _period_end(expiry.latest)
        if end < today or start > horizon:
            continue
        certain = expiry.exact and today <= start and end <= horizon
        due.append(DueEntry(agreement, expiry, certain))
    due.sort(key=lambda d: (d.expiry.earliest.first_day(), d.agreement.pk))
    return due[:limit]


def _month_index(date: dt.date) -> int:
    return date.year * 12 + date.month - 1


def _period_end(date: PartialDate) -> dt.date:
    if date.day is not None:
        return date.first_day()
    if date.month is not None:
        return _add_months(date.first_day(), 1) - dt.timedelta(days=1)
    return dt.date(date.year, 12, 31)


@require_safe
@public_page
def due_for_renewal(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    context = {
        "section": "dates",
        # Certain ends first, then those the sources only date to the year.
        "due": sorted(due_for_renewal_entries(today), key=lambda entry: not entry.certain),
        "today": PartialDate.parse(today),
        "horizon": PartialDate.parse(_add_months(today, 12)),
    }
    return render(request, "agreements/due_for_renewal.html", context)


# -- initiatives -----------------------------------------------------------------------


@require_safe
@public_page
def initiative_list(request: HttpRequest) -> HttpResponse:
    initiatives = list(initiative_index().order_by(translated("name"), "pk"))
    by_id = {initiative.pk: initiative for initiative in initiatives}
    children = defaultdict(list)
    roots = []
    for initiative in initiatives:
        if initiative.parent_id in by_id:
            children[initiative.parent_id].append(initiative)
        else:
            roots.append(initiative)
    for initiative in initiatives:
        initiative.child_list = children[initiative.pk]
    context = {"section": "initiatives", "roots": roots, "total": len(initiatives)}
    return render(request, "agreements/initiative_list.html", context)


@require_safe
@public_page
def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    preview = may_preview(request, Initiative)
    initiative = select_initiative(slug=slug, include_drafts=preview)
    if initiative is None:
        return not_found(request, Initiative, slug)
    children = list(visible(Initiative).filter(parent=initiative).order_by(translated("name")))
    partners = list(
        visible(Organization).filter(partner_initiatives=initiative).order_by(translated("name"))
    )
    agreements = agreement_cards(visible(Agreement).filter(initiatives=initiative))
    context = {
        "section": "initiatives",
        "initiative": initiative,
        "preview": preview and initiative.status != "published",
        "children": children,
        "partners": partners,
        "agreements": agreements,
        "evidence": Evidence.of(initiative.citations.all(), Initiative),
    }
    return render(request, "agreements/initiative_detail.html", context)


# -- sources ---------------------------------------------------------------------------


@require_safe
@public_page
def source_list(request: HttpRequest) -> HttpResponse:
    sources = sources_with_quote_counts().order_by("-published_on", "file_name")
    return render(
        request, "agreements/source_list.html", {"section": "sources", "sources": sources}
    )


SUPPORTED_MODELS = (
    (Agreement, "agreement-detail"),
    (Organization, "organization-detail"),
    (Person, "person-detail"),
    (Event, "event-detail"),
    (Initiative, "initiative-detail"),
)


@require_safe
@public_page
def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    source = SourceDocument.objects.filter(slug=slug).first()
    if source is None:
        return not_found(request, SourceDocument, slug)
    # Quotes about records the public cannot see are neither marked nor listed.
    citations = list(visible_citations().filter(source=source).order_by("id"))
    supported = supported_records(citations)
    # Passages quoting records the public cannot see are neither marked nor listed.
    passages = [
        {
            "citation": citation,
            "record": supported["by_key"][(citation.content_type_id, citation.object_id)],
            "labels": [
                field_label(
                    ContentType.objects.get_for_id(citation.content_type_id).model_class(), name
                )
                for name in citation.fields or []
            ],
        }
        for citation in citations
        if (citation.content_type_id, citation.object_id) in supported["by_key"]
    ]
    context = {
        "section": "sources",
        "source": source,
        "segments": quoted_segments(source.text, [p["citation"] for p in passages]),
        "groups": supported["groups"],
        "passages": passages,
        "numbers": {p["citation"].pk: number for number, p in enumerate(passages, start=1)},
    }
    return render(request, "agreements/source_detail.html", context)


def supported_records(citations: list[Citation]) -> dict:
    """The published records a source's quotes back, grouped by kind: one query per kind.

    A position (a person's title at an organization) is shown as its person.
    """
    from partners.models import Position

    wanted: dict[int, set[int]] = defaultdict(set)
    for citation in citations:
        wanted[citation.content_type_id].add(citation.object_id)
    types = ContentType.objects.get_for_models(*(m for m, _n in SUPPORTED_MODELS), Position)
    position_type = types[Position]
    position_people: dict[int, int] = {}
    if wanted.get(position_type.pk):
        position_people = dict(
            Position.objects.filter(pk__in=wanted[position_type.pk]).values_list("pk", "person_id")
        )
    groups = []
    by_key: dict[tuple[int, int], object] = {}
    for model, _url_name in SUPPORTED_MODELS:
        content_type = types[model]
        ids = set(wanted.get(content_type.pk, ()))
        if model is Person:
            ids |= set(position_people.values())
        if not ids:
            continue
        records = sorted(model.objects.published().filter(pk__in=ids), key=str)
        by_id = {record.pk: record for record in records}
        for pk in wanted.get(content_type.pk, ()):
            if pk in by_id:
                by_key[(content_type.pk, pk)] = by_id[pk]
        if model is Person:
            for position, person in position_people.items():
                if person in by_id:
                    by_key[(position_type.pk, position)] = by_id[person]
        if records:
            groups.append({"label": model._meta.verbose_name_plural, "records": records})
    return {"groups": groups, "by_key": by_key}


# -- robots, errors --------------------------------------------------------------------


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@public_page
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404 in the reader's language (the URL's prefix, else their browser's)."""
    context = {"slug": "", "suggestions": [], "message": _exception_message(exception)}
    return render(request, "404.html", context, status=404)


def _exception_message(exception: Exception | None) -> str:
    # Only our own Http404 messages are meant for readers; Django's resolver messages are not.
    if isinstance(exception, Http404) and exception.args and isinstance(exception.args[0], str):
        return exception.args[0]
    return ""


def server_error(request: HttpRequest) -> HttpResponse:
    """500 without touching the database or the request's context processors, which may be
    what failed; the language LocaleMiddleware activated is still active."""
    template = loader.get_template("500.html")
    language = translation.get_language() or "ar"
    html = template.render(
        {"LANGUAGE_CODE": language, "LANGUAGE_BIDI": translation.get_language_bidi()}
    )
    return HttpResponse(html, status=500)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    template = loader.get_template("400.html")
    html = template.render(
        {
            "LANGUAGE_CODE": translation.get_language() or "ar",
            "LANGUAGE_BIDI": translation.get_language_bidi(),
        }
    )
    return HttpResponse(html, status=400)
