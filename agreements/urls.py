"""Public pages about agreements, initiatives, sources and dates (under a language prefix)."""

from django.urls import path, register_converter

from agreements import feeds, views


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
    path("", views.home, name="home"),
    path("agreements/", views.agreement_list, name="agreement-list"),
    path("agreements/<slug:slug>/", views.agreement_detail, name="agreement-detail"),
    path("initiatives/", views.initiative_list, name="initiative-list"),
    path("initiatives/<slug:slug>/", views.initiative_detail, name="initiative-detail"),
    path("sources/", views.source_list, name="source-list"),
    path("sources/<slug:slug>/", views.source_detail, name="source-detail"),
    path("dates/", views.timeline, name="timeline"),
    path("dates/due-for-renewal/", views.due_for_renewal, name="due-for-renewal"),
    path("dates/<year:year>/", views.year_archive, name="year-archive"),
    path("dates/<year:year>/<month:month>/", views.month_archive, name="month-archive"),
    path("feeds/agreements/", feeds.agreement_feed, name="agreement-feed"),
    path("feeds/partners/<slug:slug>/", feeds.partner_agreement_feed, name="organization-feed"),
]
