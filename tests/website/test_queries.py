"""The SQL query count of every page is pinned, and does not grow with the data."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test import Client

from agreements.models import Agreement, Citation, Initiative, SourceDocument, Theme
from events.models import Event
from partners.models import Organization, Person
from tests.website.conftest import LANGUAGES

pytestmark = pytest.mark.usefixtures("seeded")

# page: queries (session-less visitor; the content-type cache warm, as in production, and
# the figures shared until the next write cached, as after the first visit since then)
PAGES = {
    "/": 3,
    "/agreements/": 3,
    # + the search vocabulary (is every word known?), and on PostgreSQL the planner's
    # estimate of the matches (rank them, or read them newest first along an index)
    "/agreements/?q=علم": 4 + (connection.vendor == "postgresql"),
    "/agreements/?partner=elm&kind=mou&year=2025&country=MA": 4,
    # Record pages: + the dataset's token, which their citation's version is named by
    "/agreements/ministry-elm-digital-development-agency-mou-2025/": 10,
    "/partners/": 1,
    "/partners/elm/": 10,
    "/people/": 2,
    "/people/amal-el-fallah-seghrouchni/": 8,
    "/events/": 1,
    "/events/gitex-africa-2025/": 8,
    "/initiatives/": 1,
    "/initiatives/jazari-institutes-network/": 7,
    "/sources/": 1,
    # + the indicators its quotes back (one query per kind of record supported)
    "/sources/daily8-elm-mou-gitex-africa-2025/": 10,
    "/dates/": 1,
    "/dates/2025/": 4,
    "/countries/ma/": 3,
    "/dates/2025/09/": 5,
    "/dates/due-for-renewal/": 1,
    "/feeds/agreements/": 2,
    "/feeds/partners/elm/": 3,
}


def grow() -> None:
    """Twelve more of everything every page lists, tied to the records the pages show."""
    elm = Organization.objects.get(slug="elm")
    ministry = Organization.objects.get(slug="ministry-digital-transition")
    minister = Person.objects.get(slug="amal-el-fallah-seghrouchni")
    gitex = Event.objects.get(slug="gitex-africa-2025")
    network = Initiative.objects.get(slug="jazari-institutes-network")
    theme = Theme.objects.get(slug="artificial-intelligence")
    source = SourceDocument.objects.get(slug="daily8-elm-mou-gitex-africa-2025")
    agreement_type = ContentType.objects.get_for_model(Agreement)
    quote = source.text[:40]
    for number in range(12):
        agreement = Agreement.objects.create(
            slug=f"grown-{number}",
            title_ar=f"اتفاقية {number}",
            kind="agreement",
            status="published",
            signed_on=f"2025-09-{number % 28 + 1:02d}",
            signed_on_precision="day",
            duration_months=12,
            event=gitex,
        )
        agreement.parties.create(organization=elm)
        agreement.parties.create(organization=ministry)
        agreement.signatories.create(person=minister, organization=ministry, title_ar="الوزيرة")
        agreement.themes.add(theme)
        agreement.initiatives.add(network)
        Citation.objects.create(
            source=source, content_type=agreement_type, object_id=agreement.pk, quote=quote
        )
        organization = Organization.objects.create(
            slug=f"grown-org-{number}", name_ar=f"منظمة {number}", kind="company",
            status="published", country="FR", parent=elm,
        )  # fmt: skip
        agreement.parties.create(organization=organization)
        person = Person.objects.create(
            slug=f"grown-person-{number}", name_ar=f"شخص {number}", status="published"
        )
        person.positions.create(slug=f"grown-position-{number}", organization=elm, title_ar="مدير")
        gitex.participants.create(person=person, organization=elm, role_ar="مشارك")
        Event.objects.create(
            slug=f"grown-event-{number}", name_ar=f"حدث {number}", kind="forum",
            status="published", start_date="2025-09-01", date_precision="month", parent=gitex,
        )  # fmt: skip
        Initiative.objects.create(
            slug=f"grown-initiative-{number}", name_ar=f"مبادرة {number}", kind="programme",
            status="published", parent=network, lead=elm,
        )  # fmt: skip


@pytest.mark.parametrize(("path", "queries"), PAGES.items())
def test_query_count_is_pinned_and_does_not_grow(
    client: Client, django_assert_num_queries, django_assert_max_num_queries, path, queries
):
    for language in LANGUAGES:  # warm the content-type cache, as any running site has
        client.get(f"/{language}{path}")
    # A prefetch of nothing costs no query: with fewer rows a page may make fewer.
    for language in LANGUAGES:
        with django_assert_max_num_queries(queries):
            assert client.get(f"/{language}{path}").status_code == 200
    grow()
    # Figures over the whole dataset are shared until the next write: the first visit
    # after it reads them again, every later one reads the cache.
    for language in LANGUAGES:
        client.get(f"/{language}{path}")
    for language in LANGUAGES:
        with django_assert_num_queries(queries):
            assert client.get(f"/{language}{path}").status_code == 200


# The first visit after a write (nothing shared cached yet): the pages that share what is the
# same for every visitor read it once, then answer from the cache (above).
FIRST_VISIT = {
    "/": 9,
    "/agreements/": 6,
    "/agreements/?partner=elm&kind=mou&year=2025&country=MA": 7,
    "/partners/": 3,
    "/dates/": 7,
    "/dates/due-for-renewal/": 3,
}


@pytest.mark.parametrize(("path", "queries"), FIRST_VISIT.items())
def test_first_visit_after_a_write(client: Client, django_assert_num_queries, path, queries):
    client.get(f"/fr{path}")
    grow()
    cache.clear()
    for language in LANGUAGES:
        cache.clear()
        with django_assert_num_queries(queries):
            assert client.get(f"/{language}{path}").status_code == 200


def test_sitemap_query_count(client: Client, django_assert_num_queries):
    client.get("/sitemap.xml")
    with django_assert_num_queries(7):
        client.get("/sitemap.xml")
    grow()
    with django_assert_num_queries(7):
        client.get("/sitemap.xml")


# The two pictures (issue 11): drawn once per language and dataset version, then the one
# query that reads the version. The first visit after a write reads the figures: the
# version, the ranked partners, their names, how many there are and the agreements they
# share; the version and the two grouped counts of the timeline.
PICTURES = {"/network/": (1, 5), "/dates/chart/": (1, 3)}


@pytest.mark.parametrize(("path", "queries"), PICTURES.items())
def test_pictures_query_count_is_pinned_and_does_not_grow(
    client: Client, django_assert_num_queries, path, queries
):
    cached, first = queries
    for grown in (False, True):
        if grown:
            grow()
        for language in LANGUAGES:
            cache.clear()
            with django_assert_num_queries(first):
                assert client.get(f"/{language}{path}").status_code == 200
            with django_assert_num_queries(cached):
                assert client.get(f"/{language}{path}").status_code == 200
