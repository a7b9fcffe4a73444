"""Filters over events, shared by the public pages and the API."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.filtersets import (
    CountryFilter,
    SlugFilter,
    TextSearchFilter,
    TranslatedOrderingFilter,
    YearFilter,
    unknown_slug,
)
from events.models import Event, EventKind
from partners.models import Organization


def _published_events(request=None) -> QuerySet[Event]:
    return Event.objects.published()


def _published_organizations(request=None) -> QuerySet[Organization]:
    return Organization.objects.published()


class EventFilterSet(django_filters.FilterSet):
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"),
        help_text=_("Kind of event; repeat the parameter for any of several kinds."),
        choices=EventKind.choices,
        distinct=False,
        error_messages={"invalid_choice": _("“%(value)s” is not a kind of event.")},
    )
    country = CountryFilter(
        label=_("Country"), help_text=_("ISO 3166-1 alpha-2 code, e.g. QA."), field_name="country"
    )
    year = YearFilter(
        label=_("Year"),
        help_text=_("Events that started in that year."),
        field_name="start_date",
        lookup_expr="year",
    )
    parent = SlugFilter(
        label=_("Held on the sidelines of"),
        help_text=_("Slug of the event this one was held on the sidelines of."),
        field_name="parent",
        to_field_name="slug",
        queryset=_published_events,
        error_messages=unknown_slug(_("No published event has the slug “%(value)s”.")),
    )
    organization = SlugFilter(
        label=_("Organization involved"),
        help_text=_("Slug of an organization involved in the event."),
        field_name="organizations",
        to_field_name="slug",
        queryset=_published_organizations,
        error_messages=unknown_slug(_("No published organization has the slug “%(value)s”.")),
    )
    q = TextSearchFilter(fields=("name", "city"))
    ordering = TranslatedOrderingFilter(
        label=_("Order by"),
        help_text=_("start_date, name or slug; prefix with - for descending order."),
        fields=(("start_date", "start_date"), ("name", "name"), ("slug", "slug")),
        translated_fields=("name",),
        nulls_last=("start_date",),
    )

    class Meta:
        model = Event
        fields = ["kind", "country", "year", "parent", "organization", "q", "ordering"]
