"""sitemap.xml: every public page in its three languages, linked to one another."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import ExtractYear
from django.urls import reverse

from agreements.models import Agreement, Initiative, SourceDocument
from core.visibility import visible
from events.models import Event
from partners.models import Organization, Person


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 5000


class StaticPagesSitemap(I18nSitemap):
    priority = 0.8
    changefreq = "daily"

    def items(self) -> list[str]:
        return [
            "home",
            "agreement-list",
            "organization-list",
            "person-list",
            "event-list",
            "initiative-list",
            "source-list",
            "timeline",
            "timeline-chart",
            "partner-network",
            "due-for-renewal",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class RecordSitemap(I18nSitemap):
    """Published records with a slug page; `lastmod` is their last edit."""

    model = None

    def items(self):
        return visible(self.model).only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class AgreementSitemap(RecordSitemap):
    model = Agreement
    priority = 0.9


class OrganizationSitemap(RecordSitemap):
    model = Organization

    def location(self, item) -> str:
        return reverse("organization-detail", kwargs={"slug": item.slug})


class PersonSitemap(RecordSitemap):
    model = Person

    def location(self, item) -> str:
        return reverse("person-detail", kwargs={"slug": item.slug})


class EventSitemap(RecordSitemap):
    model = Event

    def location(self, item) -> str:
        return reverse("event-detail", kwargs={"slug": item.slug})


class InitiativeSitemap(RecordSitemap):
    model = Initiative

    def location(self, item) -> str:
        return reverse("initiative-detail", kwargs={"slug": item.slug})


class SourceSitemap(I18nSitemap):
    def items(self):
        return SourceDocument.objects.only("slug", "updated_at").order_by("pk")

    def location(self, item) -> str:
        return reverse("source-detail", kwargs={"slug": item.slug})

    def lastmod(self, item):
        return item.updated_at


class YearArchiveSitemap(I18nSitemap):
    def items(self) -> list[dict]:
        return list(
            visible(Agreement)
            .exclude(signed_on=None)
            .annotate(year=ExtractYear("signed_on"))
            .values("year")
            .annotate(lastmod=Max("updated_at"))
            .order_by("year")
        )

    def location(self, item: dict) -> str:
        return reverse("year-archive", kwargs={"year": item["year"]})

    def lastmod(self, item: dict):
        return item["lastmod"]


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "agreements": AgreementSitemap,
    "partners": OrganizationSitemap,
    "people": PersonSitemap,
    "events": EventSitemap,
    "initiatives": InitiativeSitemap,
    "sources": SourceSitemap,
    "years": YearArchiveSitemap,
}
