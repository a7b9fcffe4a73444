"""Agreements and events by date: the timeline, archives by year and month, renewals due."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict, defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from agreements.models import (
    Agreement,
)
from agreements.selectors import (
    agreement_cards,
)
from core.records import DatePrecision, PartialDate
from core.visibility import visible
from events.models import Event
from website.public import (
    public_page,
    shared,
    shared_fragment,
)
from website.views.agreements import Expiry, expiry_of

# Archive and timeline pages list at most this many records of each kind; the list page,
# filtered the same way, pages through the rest.
ARCHIVE_LIMIT = 200
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


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
    today = timezone.localdate()
    body = shared_fragment(
        request,
        f"timeline|{today.isoformat()}",
        "agreements/timeline_body.html",
        lambda: _timeline_context(today),
    )
    return render(request, "agreements/timeline.html", {"section": "dates", "body": body})


def _timeline_context(today: dt.date) -> dict:
    agreements = list(visible(Agreement).only(*_AGREEMENT_LINE)[: ARCHIVE_LIMIT + 1])
    events = list(visible(Event).only(*_EVENT_LINE)[: ARCHIVE_LIMIT + 1])
    truncated = len(agreements) > ARCHIVE_LIMIT or len(events) > ARCHIVE_LIMIT
    entries = _entries(agreements[:ARCHIVE_LIMIT], events[:ARCHIVE_LIMIT])
    dated = [entry for entry in entries if entry.when.is_known]
    undated = sorted(
        (entry for entry in entries if not entry.when.is_known),
        key=lambda e: (e.kind, str(e.record)),
    )
    return {
        "years": _year_counts(),
        "groups": _group_by_year_and_month(dated),
        "undated": undated,
        "truncated": truncated,
        "due": due_for_renewal_entries(today, limit=5),
    }


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
    years = shared(request, "year-counts", _year_counts)
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
    body = shared_fragment(
        request,
        f"due-for-renewal|{today.isoformat()}",
        "agreements/due_for_renewal_body.html",
        lambda: _due_context(today),
    )
    return render(request, "agreements/due_for_renewal.html", {"section": "dates", "body": body})


def _due_context(today: dt.date) -> dict:
    return {
        # Certain ends first, then those the sources only date to the year.
        "due": sorted(due_for_renewal_entries(today), key=lambda entry: not entry.certain),
        "today": PartialDate.parse(today),
        "horizon": PartialDate.parse(_add_months(today, 12)),
    }
