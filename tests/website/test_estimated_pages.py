"""A list whose count is an estimate: its pages follow the rows, never the estimate, so no
agreement is cut off when the estimate is short and no page breaks when it is long."""

from __future__ import annotations

import pytest
from django.test import Client

from core import counting
from core.counting import Counted
from website.views import agreements as agreement_views

LIST = "/fr/agreements/"


@pytest.fixture
def estimated(monkeypatch):
    def estimate(value: int) -> None:
        monkeypatch.setattr(counting, "count_now", lambda queryset: Counted(value, True))
        monkeypatch.setattr(agreement_views, "PAGE_SIZE", 2)

    return estimate


def slugs(response) -> list[str]:
    return [card.slug for card in response.context["agreements"]]


def test_a_short_estimate_cuts_no_page_off(seeded, client: Client, estimated):
    estimated(3)  # six agreements, estimated at three: pages of two
    pages = [client.get(LIST, {"page": n}) for n in (1, 2, 3)]
    assert [page.status_code for page in pages] == [200, 200, 200]
    assert all(page.context["count_is_estimate"] for page in pages)
    shown = [slug for page in pages for slug in slugs(page)]
    assert len(set(shown)) == 6
    # The last page knows it is the last; the count shown is never below the rows seen.
    assert not pages[2].context["page"].has_next()
    assert pages[2].context["page"].paginator.count == 6
    assert "environ 6" in pages[2].content.decode()
    assert client.get(LIST, {"page": 4}).status_code == 404


def test_a_long_estimate_ends_where_the_rows_end(seeded, client: Client, estimated):
    estimated(500)
    last = client.get(LIST, {"page": 3})
    assert last.status_code == 200
    assert len(slugs(last)) == 2
    assert not last.context["page"].has_next()
    assert client.get(LIST, {"page": 4}).status_code == 404
