"""AgreementFilterSet: every filter, on the published agreements only, and its refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import QueryDict
from django.utils import translation

from agreements.filtersets import AgreementFilterSet
from agreements.models import Agreement
from tests import factories

pytestmark = pytest.mark.django_db


def slugs(query: str) -> list[str]:
    filterset = AgreementFilterSet(QueryDict(query), Agreement.objects.published())
    assert filterset.is_valid(), filterset.errors
    return [agreement.slug for agreement in filterset.qs]


def errors(query: str) -> dict:
    filterset = AgreementFilterSet(QueryDict(query), Agreement.objects.published())
    assert not filterset.is_valid()
    return filterset.errors


@pytest.fixture
def world():
    ministry = factories.organization("ministry", country="MA", name_ar="الوزارة")
    mistral = factories.organization("mistral", country="FR", name_ar="ميسترال")
    undp = factories.organization("undp", kind="un_agency", name_ar="برنامج الأمم المتحدة")
    minister = factories.person("minister")
    ceo = factories.person("ceo")
    gitex = factories.event("gitex")
    jazari = factories.initiative("jazari")
    ai = factories.theme("ai")
    day = factories.agreement(
        "day", kind="mou", title_ar="ب مذكرة", title_en="B memorandum",
        signed=(dt.date(2025, 9, 12), "day"), parties=(ministry, mistral),
        signatories=((minister, ministry), (ceo, mistral)), themes=(ai,), event=gitex,
    )  # fmt: skip
    month = factories.agreement(
        "month", kind="protocol", title_ar="أ بروتوكول", title_en="C protocol",
        signed=(dt.date(2023, 6, 1), "month"), parties=(ministry, undp),
        signatories=((minister, ministry),), initiatives=(jazari,),
    )  # fmt: skip
    year = factories.agreement(
        "year", kind="declaration_of_intent", title_ar="ج إعلان", title_en="A declaration",
        signed=(dt.date(2023, 1, 1), "year"), parties=(undp,),
    )  # fmt: skip
    unknown = factories.agreement("unknown", kind="other", title_ar="د أخرى", parties=(mistral,))
    factories.agreement("draft", status="draft", parties=(ministry,))
    return {"day": day, "month": month, "year": year, "unknown": unknown}


def test_no_filter_lists_published_agreements_latest_first_unknown_last(world):
    assert slugs("") == ["day", "month", "year", "unknown"]


def test_partner_repeatable_means_all_of_them(world):
    assert slugs("partner=ministry") == ["day", "month"]
    assert slugs("partner=ministry&partner=mistral") == ["day"]
    assert slugs("partner=mistral&partner=undp") == []


def test_country_of_any_party(world):
    assert slugs("country=FR") == ["day", "unknown"]
    assert slugs("country=fr") == ["day", "unknown"]  # either case


def test_kind_repeatable_means_any_of_them(world):
    assert slugs("kind=mou") == ["day"]
    assert slugs("kind=mou&kind=other") == ["day", "unknown"]


def test_signed_after_and_before_respect_precision(world):
    assert slugs("signed_after=2023") == ["day", "month", "year"]
    assert slugs("signed_after=2023-02") == ["day", "month"]  # "2023" may be January
    assert slugs("signed_before=2023-06") == ["month"]  # all of June is within
    assert slugs("signed_before=2023-06-15") == []  # June 2023 may be after the 15th
    assert slugs("signed_before=2023") == ["month", "year"]
    assert slugs("signed_after=2023-06&signed_before=2025-09-12") == ["day", "month"]


def test_year_event_initiative_theme_signatory(world):
    assert slugs("year=2023") == ["month", "year"]
    assert slugs("event=gitex") == ["day"]
    assert slugs("initiative=jazari") == ["month"]
    assert slugs("theme=ai") == ["day"]
    assert slugs("signatory=minister") == ["day", "month"]
    assert slugs("signatory=ceo") == ["day"]


def test_q_searches_every_language(world):
    assert slugs("q=مذكره") == ["day"]
    assert slugs("q=protocol") == ["month"]
    assert slugs("q=ميسترال") == ["day", "unknown"]  # a party's name


def test_filters_combine(world):
    assert slugs("partner=ministry&kind=protocol&year=2023") == ["month"]


def test_ordering(world):
    assert slugs("ordering=signed_on") == ["year", "month", "day", "unknown"]
    assert slugs("ordering=-signed_on") == ["day", "month", "year", "unknown"]
    assert slugs("ordering=kind") == ["year", "day", "unknown", "month"]
    with translation.override("ar"):
        assert slugs("ordering=title") == ["month", "day", "year", "unknown"]
    with translation.override("en"):
        # "unknown" has no English title: it sorts by its Arabic one, after the Latin ones.
        assert slugs("ordering=title") == ["year", "day", "month", "unknown"]
        assert slugs("ordering=-title") == ["unknown", "month", "day", "year"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("partner=nobody", "partner"),
        ("partner=ministry&partner=nobody", "partner"),
        ("country=XX", "country"),
        ("country=Morocco", "country"),
        ("kind=treaty", "kind"),
        ("signed_after=2023-13", "signed_after"),
        ("signed_after=yesterday", "signed_after"),
        ("signed_before=2023-02-30", "signed_before"),
        ("signed_after=2025&signed_before=2023", "signed_before"),
        ("year=abc", "year"),
        ("year=20000", "year"),
        ("event=nowhere", "event"),
        ("initiative=nothing", "initiative"),
        ("theme=none", "theme"),
        ("signatory=nobody", "signatory"),
        ("q=" + "x" * 201, "q"),
        ("q=" + "+".join(f"w{i}" for i in range(13)), "q"),
        ("ordering=status", "ordering"),
        ("ordering=-slug", "ordering"),
    ],
)
def test_invalid_values_name_the_parameter(world, query, parameter):
    assert list(errors(query)) == [parameter]


def test_drafts_are_unknown_values(world):
    factories.organization("hidden", status="draft")
    factories.agreement("hidden-deal", parties=(factories.organization("seen"),))
    assert list(errors("partner=hidden")) == ["partner"]
    assert slugs("partner=seen") == ["hidden-deal"]
