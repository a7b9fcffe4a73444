"""The API's filter backend (a module of its own: REST framework imports it while its
generic views are being defined, so it must not import them)."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend


class RememberingFilterBackend(DjangoFilterBackend):
    """django-filter's backend, keeping the FilterSet it used on the view, so that the
    answer can tell what the FilterSet found out (a corrected search query)."""

    def get_filterset(self, request, queryset, view):
        view.filterset = super().get_filterset(request, queryset, view)
        return view.filterset
