"""The public site's pages, every one under a language prefix (/ar/, /fr/, /en/)."""

from django.urls import path, register_converter

from website import feeds
from website.views import (
    agreements,
    cite,
    countries,
    dates,
    events,
    graphs,
    home,
    initiatives,
    partners,
    sources,
)


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{int(value):04d}"


class MonthConverter:
    """Two digits, as ISO 8601 writes a month: /dates/2025/09/."""

    regex = "0[1-9]|1[0-2]"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{int(value):02d}"


register_converter(YearConverter, "year")
register_converter(MonthConverter, "month")

urlpatterns = [
    path("", home.home, name="home"),
    path("agreements/", agreements.agreement_list, name="agreement-list"),
    path(
        "agreements/suggestions/<slug:name>/",
        agreements.agreement_suggestions,
        name="agreement-suggestions",
    ),
    path("agreements/<slug:slug>/", agreements.agreement_detail, name="agreement-detail"),
    path("initiatives/", initiatives.initiative_list, name="initiative-list"),
    path("initiatives/<slug:slug>/", initiatives.initiative_detail, name="initiative-detail"),
    path("sources/", sources.source_list, name="source-list"),
    path("sources/<slug:slug>/", sources.source_detail, name="source-detail"),
    path("dates/", dates.timeline, name="timeline"),
    path("dates/chart/", graphs.timeline_chart, name="timeline-chart"),
    path("dates/due-for-renewal/", dates.due_for_renewal, name="due-for-renewal"),
    path("dates/<year:year>/", dates.year_archive, name="year-archive"),
    path("dates/<year:year>/<month:month>/", dates.month_archive, name="month-archive"),
    path("partners/", partners.organization_list, name="organization-list"),
    path("network/", graphs.partner_network, name="partner-network"),
    path("partners/<slug:slug>/", partners.organization_detail, name="organization-detail"),
    path("countries/<slug:code>/", countries.country_detail, name="country-detail"),
    path("people/", partners.person_list, name="person-list"),
    path("people/<slug:slug>/", partners.person_detail, name="person-detail"),
    path("events/", events.event_list, name="event-list"),
    path("events/<slug:slug>/", events.event_detail, name="event-detail"),
    path("feeds/agreements/", feeds.agreement_feed, name="agreement-feed"),
    path(
        "cite/<slug:kind>/<slug:slug>.bib",
        cite.citation_file,
        {"extension": "bib"},
        name="cite-bib",
    ),
    path(
        "cite/<slug:kind>/<slug:slug>.json",
        cite.citation_file,
        {"extension": "json"},
        name="cite-json",
    ),
    path("feeds/partners/<slug:slug>/", feeds.partner_agreement_feed, name="organization-feed"),
]
