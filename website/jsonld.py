"""schema.org descriptions of the public pages, as JSON-LD.

Dates keep their precision ("2023-06" is valid ISO 8601 and schema.org Date); a record
links to the page of every related record the public can open. Records come from the
selectors: relations are already limited to what the reader may see (`visible_parent`...).
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import get_language, gettext

from core.records import PartialDate, PublicationStatus
from core.visibility import joined

CONTEXT = "https://schema.org"


def _url(request: HttpRequest, name: str, slug: str) -> str:
    return request.build_absolute_uri(reverse(name, kwargs={"slug": slug}))


def _public(record) -> bool:
    return getattr(record, "status", PublicationStatus.PUBLISHED) == PublicationStatus.PUBLISHED


def _date(partial: PartialDate) -> str | None:
    return partial.isoformat()


def _clean(data: dict) -> dict:
    """Drop empty values: schema.org readers take an absent property as unknown."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def organization_ref(request: HttpRequest, organization) -> dict:
    data = {"@type": "Organization", "name": organization.name}
    if _public(organization):
        data["url"] = _url(request, "organization-detail", organization.slug)
    return data


def person_ref(request: HttpRequest, person) -> dict:
    data = {"@type": "Person", "name": person.name}
    if _public(person):
        data["url"] = _url(request, "person-detail", person.slug)
    return data


def place(city: str, country) -> dict | None:
    if not city and not country:
        return None
    address = _clean(
        {
            "@type": "PostalAddress",
            "addressLocality": city,
            "addressCountry": country.code if country else "",
        }
    )
    return _clean({"@type": "Place", "name": city or country.name, "address": address})


def website_ld(request: HttpRequest) -> dict:
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": gettext("Morocco digital agreements tracker"),
        "url": request.build_absolute_uri(reverse("home")),
        "inLanguage": get_language(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": request.build_absolute_uri(reverse("agreement-list"))
            + "?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }


def agreement_ld(request: HttpRequest, agreement) -> dict:
    """An agreement as a schema.org CreativeWork: its parties, signatories and sources."""
    sources = {citation.source.pk: citation.source for citation in agreement.citations.all()}
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "CreativeWork",
            "@id": _url(request, "agreement-detail", agreement.slug),
            "url": _url(request, "agreement-detail", agreement.slug),
            "name": agreement.title,
            "genre": str(agreement.get_kind_display()),
            "abstract": agreement.summary,
            "inLanguage": get_language(),
            "dateCreated": _date(agreement.signed_partial),
            "expires": _date(agreement.expires_partial),
            "locationCreated": place(agreement.place_city, agreement.place_country),
            "contributor": [
                organization_ref(request, party.organization) for party in agreement.parties.all()
            ],
            "author": [
                {
                    **person_ref(request, signatory.person),
                    "affiliation": organization_ref(request, signatory.organization),
                    **({"jobTitle": signatory.title} if signatory.title else {}),
                }
                for signatory in agreement.signatories.all()
            ],
            "about": [{"@type": "Thing", "name": theme.name} for theme in agreement.themes.all()],
            "isBasedOn": (
                _url(request, "agreement-detail", joined(agreement, "renews").slug)
                if joined(agreement, "renews") and _public(joined(agreement, "renews"))
                else None
            ),
            "citation": [
                _clean(
                    {
                        "@type": "CreativeWork",
                        "name": source.title,
                        "url": _url(request, "source-detail", source.slug),
                        "publisher": source.publisher,
                        "inLanguage": source.language,
                        "sameAs": source.url,
                    }
                )
                for source in sources.values()
            ],
        }
    )


def organization_ld(request: HttpRequest, organization, *, children=()) -> dict:
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "Organization",
            "@id": _url(request, "organization-detail", organization.slug),
            "url": _url(request, "organization-detail", organization.slug),
            "name": organization.name,
            "alternateName": organization.acronym,
            "description": organization.description,
            "address": (
                {"@type": "PostalAddress", "addressCountry": organization.country.code}
                if organization.country
                else None
            ),
            "parentOrganization": (
                organization_ref(request, joined(organization, "parent"))
                if joined(organization, "parent")
                else None
            ),
            "subOrganization": [organization_ref(request, child) for child in children],
            "sameAs": (
                [f"https://www.wikidata.org/wiki/{organization.wikidata_id}"]
                if organization.wikidata_id
                else []
            )
            + ([organization.website] if organization.website else []),
        }
    )


def person_ld(request: HttpRequest, person, *, positions=()) -> dict:
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "Person",
            "@id": _url(request, "person-detail", person.slug),
            "url": _url(request, "person-detail", person.slug),
            "name": person.name,
            "jobTitle": [position.title for position in positions],
            "affiliation": [
                organization_ref(request, position.organization) for position in positions
            ],
            "sameAs": (
                [f"https://www.wikidata.org/wiki/{person.wikidata_id}"]
                if person.wikidata_id
                else []
            ),
        }
    )


def event_ld(request: HttpRequest, event, *, organizations=(), children=()) -> dict:
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "Event",
            "@id": _url(request, "event-detail", event.slug),
            "url": _url(request, "event-detail", event.slug),
            "name": event.name,
            "description": event.description,
            "startDate": _date(event.start_partial),
            "endDate": _date(event.end_partial),
            "location": place(event.city, event.country),
            "superEvent": (
                {
                    "@type": "Event",
                    "name": joined(event, "parent").name,
                    "url": _url(request, "event-detail", joined(event, "parent").slug),
                }
                if joined(event, "parent") and _public(joined(event, "parent"))
                else None
            ),
            "subEvent": [
                {
                    "@type": "Event",
                    "name": child.name,
                    "url": _url(request, "event-detail", child.slug),
                }
                for child in children
            ],
            "organizer": [organization_ref(request, org) for org in organizations],
        }
    )
