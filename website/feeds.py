"""Atom feeds of published agreements: all of them, and one per partner."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from agreements.models import Agreement
from agreements.selectors import agreement_cards
from core.records import format_partial_date
from core.visibility import visible
from partners.models import Organization
from website.public import public_page

FEED_SIZE = 50


class AgreementFeed(Feed):
    """The agreements most recently added to the record, newest first (by id: the order of
    creation, read backwards from the primary key index)."""

    feed_type = Atom1Feed

    def title(self, obj=None) -> str:
        return gettext("Morocco digital agreements: new agreements")

    def subtitle(self, obj=None) -> str:
        return gettext(
            "Agreements signed by Morocco's Ministry of Digital Transition and Administrative "
            "Reform and its agencies, each fact backed by a quoted source."
        )

    def link(self, obj=None) -> str:
        return reverse("agreement-list")

    def feed_url(self, obj=None) -> str:
        return reverse("agreement-feed")

    def items(self, obj=None):
        return agreement_cards(visible(Agreement)).order_by("-id")[:FEED_SIZE]

    def item_title(self, item: Agreement) -> str:
        return item.title

    def item_description(self, item: Agreement) -> str:
        parties = " · ".join(str(party.organization) for party in item.parties.all())
        signed = format_partial_date(item.signed_partial) or gettext("date not given")
        lines = [f"{item.get_kind_display()} — {signed}", parties]
        if item.summary:
            lines.append(item.summary)
        return "\n\n".join(lines)

    def item_link(self, item: Agreement) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Agreement) -> dt.datetime:
        return item.created_at

    def item_updateddate(self, item: Agreement) -> dt.datetime:
        return item.updated_at

    def item_categories(self, item: Agreement) -> list[str]:
        return [str(item.get_kind_display())]


class PartnerAgreementFeed(AgreementFeed):
    """The agreements one partner is party to."""

    def get_object(self, request: HttpRequest, slug: str) -> Organization:
        organization = visible(Organization).filter(slug=slug).first()
        if organization is None:
            raise Http404(gettext("No published partner has this address."))
        return organization

    def title(self, obj: Organization) -> str:
        return gettext("Morocco digital agreements with %(partner)s") % {"partner": obj.name}

    def link(self, obj: Organization) -> str:
        return reverse("organization-detail", kwargs={"slug": obj.slug})

    def feed_url(self, obj: Organization) -> str:
        return reverse("organization-feed", kwargs={"slug": obj.slug})

    def items(self, obj: Organization):
        return agreement_cards(visible(Agreement).filter(parties__organization=obj)).order_by(
            "-id"
        )[:FEED_SIZE]


agreement_feed = public_page(AgreementFeed())
partner_agreement_feed = public_page(PartnerAgreementFeed())
