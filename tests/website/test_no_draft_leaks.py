"""A draft never reaches the public, whatever published record links to it (issue 8).

Drafts of every curated kind are created with the ORM (no service involved, so that the
read path is tested on its own) and linked from published records through every relation
the models have. Then every public address is crawled, anonymously: the pages in the three
languages (found by following links from the home pages and the sitemap), the feeds, the
sitemap, the API's lists and details in the three languages, the CSV and the export.

Two checks, on every answer:

- no draft's slug or name, in any language, appears in it;
- it is exactly what the public gets once the drafts, and the links to them, are removed:
  counts, charts and search results included. What a draft holds up (a signing act for a
  draft party, a position at a draft organization) goes with it.
"""

from __future__ import annotations

import json
import re
from collections import deque
from difflib import unified_diff
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from django.test import Client

from agreements.models import (
    Agreement,
    AgreementParty,
    Attendee,
    Citation,
    Initiative,
    Signatory,
    SourceDocument,
)
from agreements.search import refresh_search_documents
from events.models import Event, EventParticipant
from partners.models import Organization, Person, Position
from tests.website.conftest import LANGUAGES, Page

API_RESOURCES = ("agreements", "partners", "people", "events", "initiatives", "sources")
# Hundreds of pages; far more than the site has, so that a runaway crawl fails loudly.
MAX_PAGES = 4000
DRAFT_COUNTRY = "AQ"  # only draft organizations are from there


def marked(kind: str) -> dict:
    """Slug and translated names of a draft, each a marker no published record holds."""
    upper = f"ZZDRAFT{kind.upper()}"
    return {
        "slug": f"zzdraft{kind}",
        "ar": f"مسودةسرية{ARABIC_KINDS[kind]}",
        "fr": f"{upper} brouillon",
        "en": f"{upper} draft",
    }


ARABIC_KINDS = {
    "org": "منظمة",
    "orgchild": "فرعية",
    "person": "شخص",
    "event": "حدث",
    "eventchild": "جانبي",
    "init": "مبادرة",
    "initchild": "برنامج",
    "agr": "اتفاقية",
}


def names(kind: str, field: str = "name") -> dict:
    marker = marked(kind)
    return {f"{field}_{code}": marker[code] for code in LANGUAGES}


class Graph:
    """Published records, drafts of every kind, and every relation between them."""

    def __init__(self) -> None:
        self.source = SourceDocument.objects.get(slug="daily8-elm-mou-gitex-africa-2025")
        elm = Organization.objects.get(slug="elm")

        # -- the drafts --------------------------------------------------------------
        self.draft_org = Organization.objects.create(
            slug=marked("org")["slug"], status="draft", kind="company", country=DRAFT_COUNTRY,
            **names("org"), **names("org", "acronym"), **names("org", "description"),
        )  # fmt: skip
        self.draft_person = Person.objects.create(
            slug=marked("person")["slug"], status="draft", **names("person")
        )
        self.draft_event = Event.objects.create(
            slug=marked("event")["slug"], status="draft", kind="forum",
            start_date="2025-06-01", date_precision="month", country=DRAFT_COUNTRY,
            **names("event"), **names("event", "description"),
        )  # fmt: skip
        self.draft_initiative = Initiative.objects.create(
            slug=marked("init")["slug"], status="draft", kind="programme",
            **names("init"), **names("init", "description"),
        )  # fmt: skip

        # -- published records linked to them ------------------------------------------
        self.org = Organization.objects.create(
            slug="zz-published-org", status="published", kind="company", country="MA",
            name_ar="منظمة منشورة", name_en="Published org", parent=self.draft_org,
        )  # fmt: skip
        self.person = Person.objects.create(
            slug="zz-published-person", status="published", name_ar="شخص منشور"
        )
        self.other_person = Person.objects.create(
            slug="zz-published-signer", status="published", name_ar="موقع منشور"
        )
        self.event = Event.objects.create(
            slug="zz-published-event", status="published", kind="summit", name_ar="قمة منشورة",
            start_date="2025-06-10", date_precision="day", parent=self.draft_event,
        )  # fmt: skip
        self.initiative = Initiative.objects.create(
            slug="zz-published-initiative", status="published", kind="programme",
            name_ar="مبادرة منشورة", lead=self.draft_org, parent=self.draft_initiative,
        )  # fmt: skip
        self.agreement = Agreement.objects.create(
            slug="zz-published-agreement", status="published", kind="mou",
            title_ar="اتفاقية منشورة", title_en="Published agreement",
            signed_on="2025-06-01", signed_on_precision="month", duration_months=12,
            event=self.draft_event,
        )  # fmt: skip

        # Children that are drafts, under published parents.
        Organization.objects.create(
            slug=marked("orgchild")["slug"], status="draft", kind="company",
            parent=self.org, **names("orgchild"),
        )  # fmt: skip
        Event.objects.create(
            slug=marked("eventchild")["slug"], status="draft", kind="forum",
            parent=self.event, **names("eventchild"),
        )  # fmt: skip
        Initiative.objects.create(
            slug=marked("initchild")["slug"], status="draft", kind="programme",
            parent=self.initiative, lead=self.org, **names("initchild"),
        )  # fmt: skip

        # A draft agreement renews the published one, and a published one renews it.
        self.draft_agreement = Agreement.objects.create(
            slug=marked("agr")["slug"], status="draft", kind="mou", renews=self.agreement,
            signed_on="2025-06-01", signed_on_precision="month", event=self.event,
            **names("agr", "title"), **names("agr", "summary"),
        )  # fmt: skip
        self.draft_agreement.parties.create(organization=self.org)
        self.draft_agreement.parties.create(organization=elm)
        self.draft_agreement.signatories.create(person=self.person, organization=self.org)
        self.draft_agreement.initiatives.add(self.initiative)
        self.renewal = Agreement.objects.create(
            slug="zz-published-renewal", status="published", kind="mou",
            title_ar="تجديد منشور", renews=self.draft_agreement, event=self.event,
        )  # fmt: skip
        self.renewal.parties.create(organization=self.org)
        self.renewal.parties.create(organization=elm)

        agreement = self.agreement
        agreement.parties.create(organization=self.org)
        agreement.parties.create(organization=elm)
        agreement.parties.create(organization=self.draft_org)
        agreement.signatories.create(person=self.person, organization=self.org, title_ar="مدير")
        agreement.signatories.create(person=self.draft_person, organization=self.org)
        agreement.signatories.create(person=self.other_person, organization=self.draft_org)
        agreement.attendees.create(person=self.draft_person, organization=self.org)
        agreement.attendees.create(person=self.person, organization=self.draft_org)
        agreement.initiatives.add(self.initiative, self.draft_initiative)

        self.initiative.partners.add(self.org, self.draft_org)
        self.draft_initiative.partners.add(self.org)

        at_draft = Position.objects.create(
            slug="zz-position-at-draft", person=self.person, organization=self.draft_org,
            title_ar="مستشار",
        )  # fmt: skip
        of_draft = Position.objects.create(
            slug="zz-draft-person-position", person=self.draft_person, organization=self.org,
            title_ar="رئيس",
        )  # fmt: skip
        Position.objects.create(
            slug="zz-position", person=self.person, organization=self.org, title_ar="مدير"
        )

        self.event.participants.create(person=self.draft_person, organization=self.org)
        self.event.participants.create(person=self.person, organization=self.draft_org)
        self.event.organizations.add(self.org, self.draft_org)
        self.draft_event.organizations.add(self.org)
        self.draft_event.participants.create(person=self.person, organization=self.org)

        # Evidence: the published source quotes the drafts as well as the published records.
        quote = self.source.text[:40]
        for record in (self.agreement, self.org, self.person, self.event, self.initiative):
            Citation.objects.create(source=self.source, record=record, quote=quote)
        for record in [*self.drafts(), at_draft, of_draft]:
            Citation.objects.create(source=self.source, record=record, quote=quote)
        # What the services do after any change to parties or signatories.
        refresh_search_documents()

    def drafts(self) -> list:
        models = (Organization, Person, Event, Initiative, Agreement)
        return [record for model in models for record in model.objects.filter(status="draft")]

    def remove_drafts(self) -> None:
        """The same data as the public should see it: no draft, nothing that needs one.

        `update()` rather than `save()`, so that no published record's `updated_at` moves.
        """
        draft_orgs = Organization.objects.filter(status="draft")
        draft_people = Person.objects.filter(status="draft")
        draft_events = Event.objects.filter(status="draft")
        draft_initiatives = Initiative.objects.filter(status="draft")
        draft_agreements = Agreement.objects.filter(status="draft")
        for model in (Organization, Person, Event, Initiative, Agreement):
            content_type = ContentType.objects.get_for_model(model)
            Citation.objects.filter(
                content_type=content_type,
                object_id__in=model.objects.filter(status="draft").values("pk"),
            ).delete()
        Agreement.objects.filter(event__in=draft_events).update(event=None)
        Agreement.objects.filter(renews__in=draft_agreements).update(renews=None)
        Organization.objects.filter(parent__in=draft_orgs).update(parent=None)
        Event.objects.filter(parent__in=draft_events).update(parent=None)
        Initiative.objects.filter(parent__in=draft_initiatives).update(parent=None)
        Initiative.objects.filter(lead__in=draft_orgs).update(lead=None)
        Attendee.objects.filter(organization__in=draft_orgs).update(organization=None)
        EventParticipant.objects.filter(organization__in=draft_orgs).update(organization=None)
        AgreementParty.objects.filter(organization__in=draft_orgs).delete()
        Signatory.objects.filter(
            Q(organization__in=draft_orgs) | Q(person__in=draft_people)
        ).delete()
        Attendee.objects.filter(person__in=draft_people).delete()
        EventParticipant.objects.filter(person__in=draft_people).delete()
        Position.objects.filter(
            Q(organization__in=draft_orgs) | Q(person__in=draft_people)
        ).delete()
        Event.organizations.through.objects.filter(organization__in=draft_orgs).delete()
        Initiative.partners.through.objects.filter(organization__in=draft_orgs).delete()
        Agreement.initiatives.through.objects.filter(initiative__in=draft_initiatives).delete()
        # No draft is the parent of another, nor renews another: any order deletes them.
        for queryset in (draft_agreements, draft_events, draft_initiatives, draft_orgs):
            queryset.delete()
        draft_people.delete()
        refresh_search_documents()


# -- what the crawl reads -------------------------------------------------------------------


def markers() -> dict[str, str]:
    """Every marker, lowercased, with the draft it belongs to."""
    found = {}
    for kind in ARABIC_KINDS:
        for value in marked(kind).values():
            found[value.lower()] = kind
    # Any draft's Latin name or slug contains this.
    found["zzdraft"] = "any"
    return found


def body_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def normalized(url: str, body: str) -> str:
    """The answer with what legitimately changes between two requests left out."""
    if url.startswith("/api/v1/export/"):
        document = json.loads(body)
        document.pop("exported_at")
        document.pop("cite_as")
        return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
    if "/feeds/" in url and "<entry>" not in body:
        # An empty feed is "updated" when it is read.
        return re.sub(r"<updated>[^<]*</updated>", "", body, count=1)
    if url.startswith("/api/") and body.startswith(("{", "[")):
        return json.dumps(json.loads(body), ensure_ascii=False, indent=1, sort_keys=True)
    return body


HREF = re.compile(r"""(?:href|src)="([^"]+)"|<loc>([^<]+)</loc>""")
FOLLOWED_PARAMETERS = {"partner", "theme", "event", "initiative", "signatory", "kind", "year",
                       "country", "page", "q"}  # fmt: skip


def links_in(body: str) -> list[str]:
    """Public addresses a page points to, host removed; filter links with one parameter."""
    found = []
    for match in HREF.finditer(body):
        url = (match.group(1) or match.group(2)).replace("&amp;", "&")
        parts = urlsplit(url)
        if parts.netloc and parts.netloc != "testserver":
            continue
        path = parts.path
        if not re.match(r"^/(ar|fr|en)/", path) and not path.startswith("/api/v1/"):
            continue
        query = parse_qsl(parts.query, keep_blank_values=True)
        if len(query) > 1 or any(name not in FOLLOWED_PARAMETERS for name, _v in query):
            continue
        found.append(path + ("?" + urlencode(query) if query else ""))
    return found


def start_urls(graph: Graph) -> list[str]:
    urls = ["/sitemap.xml"]
    for language in LANGUAGES:
        prefix = f"/{language}"
        urls += [
            f"{prefix}/", f"{prefix}/agreements/", f"{prefix}/partners/", f"{prefix}/people/",
            f"{prefix}/events/", f"{prefix}/initiatives/", f"{prefix}/sources/",
            f"{prefix}/dates/", f"{prefix}/dates/due-for-renewal/", f"{prefix}/dates/2025/",
            f"{prefix}/dates/2025/06/", f"{prefix}/feeds/agreements/",
            f"{prefix}/feeds/partners/{graph.org.slug}/", f"{prefix}/feeds/partners/elm/",
            f"{prefix}/agreements/?country={DRAFT_COUNTRY}",
            f"{prefix}/agreements/?signatory={graph.other_person.slug}",
            f"{prefix}/agreements/?q=منشورة",
        ]  # fmt: skip
        # Searching for a draft's name finds nothing (the page repeats the query, though).
        urls += [f"{prefix}/agreements/?" + urlencode({"q": value}) for value in search_terms()]
    for resource in API_RESOURCES:
        for language in LANGUAGES:
            urls.append(f"/api/v1/{resource}/?" + urlencode({"lang": language, "page_size": 200}))
    for language in LANGUAGES:
        urls += [
            f"/api/v1/export/?lang={language}",
            f"/api/v1/agreements/?format=csv&lang={language}",
            f"/api/v1/agreements/{graph.agreement.slug}/?format=csv&lang={language}",
            f"/api/v1/agreements/{graph.renewal.slug}/?format=csv&lang={language}",
            f"/api/v1/agreements/?country={DRAFT_COUNTRY}&lang={language}",
            f"/api/v1/agreements/?signatory={graph.other_person.slug}&lang={language}",
        ]
        urls += [
            "/api/v1/agreements/?" + urlencode({"q": value, "lang": language})
            for value in search_terms()
        ]
    urls += [f"/api/v1/{path}&lang=en" for path in draft_filters()]
    return urls


def search_terms() -> list[str]:
    return [marked("org")["fr"].split()[0], marked("person")["ar"], marked("agr")["slug"]]


def draft_filters() -> list[str]:
    """Filters naming a draft: each a 400, never results."""
    org, person = marked("org")["slug"], marked("person")["slug"]
    event, initiative = marked("event")["slug"], marked("init")["slug"]
    return [
        f"agreements/?partner={org}", f"agreements/?event={event}",
        f"agreements/?initiative={initiative}", f"agreements/?signatory={person}",
        f"initiatives/?lead={org}", f"initiatives/?partner={org}",
        f"initiatives/?parent={initiative}", f"partners/?parent={org}",
        f"people/?organization={org}", f"events/?parent={event}",
        f"events/?organization={org}",
    ]  # fmt: skip


def crawl(client: Client, start: list[str]) -> dict[str, tuple[int, str]]:
    """Every public address reachable from `start`, with its answer."""
    seen: dict[str, str] = {}
    queue = deque(start)
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        assert len(seen) < MAX_PAGES, "the crawl does not end"
        cache.clear()  # API counts and throttling: every answer computed afresh
        response = client.get(url)
        body = body_of(response)
        assert response.status_code in (200, 400), (url, response.status_code, body[:500])
        seen[url] = (response.status_code, body)
        for link in links_in(body):
            if link not in seen:
                queue.append(link)
        if url.startswith("/api/v1/") and response.status_code == 200 and "page_size" in url:
            language = dict(parse_qsl(urlsplit(url).query))["lang"]
            for item in json.loads(body)["results"]:
                queue.append(urlsplit(item["api_url"]).path + f"?lang={language}")
    return seen


@pytest.fixture
def anonymous(settings) -> Client:
    settings.API_THROTTLE_RATES = {"anon": None, "user": None, "export": None}
    return Client()


@pytest.mark.usefixtures("seeded")
def test_no_public_answer_shows_or_counts_a_draft(anonymous: Client):
    graph = Graph()
    answers = crawl(anonymous, start_urls(graph))

    # The crawl reached the published records that link to drafts, in every language.
    for record in (graph.agreement, graph.renewal, graph.org, graph.person, graph.event):
        for language in LANGUAGES:
            assert f"/{language}{record.get_absolute_url()[3:]}" in answers, record
    assert f"/en/initiatives/{graph.initiative.slug}/" in answers

    leaks: dict[str, set[str]] = {}
    echo = re.compile(r"[?&](q|partner|event|initiative|signatory|lead|parent|organization)=")
    for url, (_status, body) in answers.items():
        if echo.search(url) and any(marker in unquote(url).lower() for marker in markers()):
            continue  # the answer names what was asked for; compared below
        lowered = body.lower()
        for marker, kind in markers().items():
            if marker in lowered:
                leaks.setdefault(url, set()).add(kind)
    assert not leaks, f"drafts shown in {len(leaks)} answers:\n" + "\n".join(
        f"{url}: {sorted(kinds)}" for url, kinds in sorted(leaks.items())
    )

    for path in draft_filters():
        status, body = answers[f"/api/v1/{path}&lang=en"]
        assert status == 400 and "No published" in body, (path, body[:300])
    for language in LANGUAGES:
        for term in search_terms():
            url = f"/{language}/agreements/?" + urlencode({"q": term})
            assert Page(answers[url][1]).agreement_slugs(language) == [], url
            api = "/api/v1/agreements/?" + urlencode({"q": term, "lang": language})
            assert json.loads(answers[api][1])["count"] == 0, api

    graph.remove_drafts()
    differences = []
    for url, (status, body) in answers.items():
        cache.clear()
        response = anonymous.get(url)
        before = (status, normalized(url, body))
        after = (response.status_code, normalized(url, body_of(response)))
        if before != after:
            diff = unified_diff(after[1].splitlines(), before[1].splitlines(), lineterm="", n=0)
            differences.append(f"{url} {after[0]} -> {before[0]}\n" + "\n".join(list(diff)[2:14]))
    assert not differences, (
        f"{len(differences)} answers change when the drafts are removed "
        "(- without drafts, + with drafts):\n" + "\n\n".join(differences[:60])
    )
