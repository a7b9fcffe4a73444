"""Filters over organizations and people, shared by the public pages and the API."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.filtersets import (
    BooleanFilter,
    CountryFilter,
    SlugFilter,
    TextSearchFilter,
    TranslatedOrderingFilter,
    unknown_slug,
)
from partners.models import Organization, OrganizationKind, Person


def _published_organizations(request=None) -> QuerySet[Organization]:
    return Organization.objects.published()


class OrganizationFilterSet(django_filters.FilterSet):
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"),
        help_text=_("Kind of organization; repeat the parameter for any of several kinds."),
        choices=OrganizationKind.choices,
        distinct=False,
        error_messages={"invalid_choice": _("“%(value)s” is not a kind of organization.")},
    )
    country = CountryFilter(
        label=_("Country"),
        help_text=_("ISO 3166-1 alpha-2 code, e.g. MA."),
        field_name="country",
    )
    parent = SlugFilter(
        label=_("Parent organization"),
        help_text=_("Slug of the parent organization."),
        field_name="parent",
        to_field_name="slug",
        queryset=_published_organizations,
        error_messages=unknown_slug(_("No published organization has the slug “%(value)s”.")),
    )
    has_agreements = BooleanFilter(
        label=_("Party to agreements"),
        help_text=_("true: only organizations party to a published agreement; false: none."),
        method="filter_has_agreements",
    )
    q = TextSearchFilter(fields=("name", "acronym"))
    ordering = TranslatedOrderingFilter(
        label=_("Order by"),
        help_text=_("name, slug or agreement_count; prefix with - for descending order."),
        fields=(("name", "name"), ("slug", "slug"), ("agreement_count", "agreement_count")),
        translated_fields=("name",),
    )

    class Meta:
        model = Organization
        fields = ["kind", "country", "parent", "has_agreements", "q", "ordering"]

    def filter_has_agreements(self, queryset: QuerySet, name: str, value: bool | None):
        if value is None:
            return queryset
        # agreement_count is annotated by the selector.
        return (
            queryset.filter(agreement_count__gt=0) if value else queryset.filter(agreement_count=0)
        )


class PersonFilterSet(django_filters.FilterSet):
    organization = SlugFilter(
        label=_("Organization"),
        help_text=_("Slug of an organization the person held a position at."),
        field_name="positions__organization",
        to_field_name="slug",
        queryset=_published_organizations,
        distinct=True,
        error_messages=unknown_slug(_("No published organization has the slug “%(value)s”.")),
    )
    q = TextSearchFilter(fields=("name",))
    ordering = TranslatedOrderingFilter(
        label=_("Order by"),
        help_text=_("name or slug; prefix with - for descending order."),
        fields=(("name", "name"), ("slug", "slug")),
        translated_fields=("name",),
    )

    class Meta:
        model = Person
        fields = ["organization", "q", "ordering"]
