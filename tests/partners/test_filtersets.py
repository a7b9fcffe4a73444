"""OrganizationFilterSet and PersonFilterSet over the selectors' querysets, as the list
pages and the API use them: what `tests/api/test_list_parameters.py` leaves out (drafts
behind a filter, counts of published agreements only, repeated values)."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from django.utils import translation

from partners.filtersets import OrganizationFilterSet, PersonFilterSet
from partners.selectors import organization_list, person_list
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def organizations(query: str) -> list[str]:
    filterset = OrganizationFilterSet(QueryDict(query), organization_list())
    assert filterset.is_valid(), filterset.errors
    return [organization.slug for organization in filterset.qs]


def people(query: str) -> list[str]:
    filterset = PersonFilterSet(QueryDict(query), person_list())
    assert filterset.is_valid(), filterset.errors
    return [person.slug for person in filterset.qs]


def test_has_agreements_counts_published_agreements_only():
    ministry = factories.organization("ministry")
    company = factories.organization("company")
    drafted = factories.organization("drafted")
    factories.organization("idle")
    factories.agreement(parties=(ministry, company))
    factories.agreement(parties=(drafted, ministry), status="draft")

    assert organizations("has_agreements=true") == ["company", "ministry"]
    assert organizations("has_agreements=false") == ["drafted", "idle"]


def test_ordering_by_agreement_count_counts_published_agreements_only():
    busy = factories.organization("busy")
    drafty = factories.organization("drafty")
    other = factories.organization("other")
    factories.agreement(parties=(busy, other))
    factories.agreement(parties=(busy, other))
    factories.agreement(parties=(drafty, other))
    for _ in range(3):
        factories.agreement(parties=(drafty, other), status="draft")

    assert organizations("ordering=-agreement_count") == ["other", "busy", "drafty"]


def test_parent_lists_the_published_children_of_a_published_parent():
    ministry = factories.organization("ministry")
    factories.organization("agency", parent=ministry)
    factories.organization("draft-agency", parent=ministry, status="draft")
    factories.organization("elsewhere")

    assert organizations("parent=ministry") == ["agency"]


def test_a_draft_parent_is_an_unknown_slug():
    hidden = factories.organization("hidden", status="draft")
    factories.organization("child", parent=hidden)

    filterset = OrganizationFilterSet(QueryDict("parent=hidden"), organization_list())

    assert not filterset.is_valid()
    assert "hidden" in " ".join(filterset.errors["parent"])


def test_kind_repeated_is_any_of_them():
    factories.organization("agency", kind="public_agency")
    factories.organization("company", kind="company")
    factories.organization("undp", kind="un_agency")

    assert organizations("kind=company&kind=un_agency") == ["company", "undp"]


def test_q_needs_every_word_in_any_language_or_the_acronym():
    factories.organization("add", name_ar="وكالة التنمية الرقمية", name_fr="Agence de développement du digital", acronym_fr="ADD")  # fmt: skip
    factories.organization("other", name_ar="وكالة أخرى", name_fr="Autre agence")

    assert organizations("q=agence digital") == ["add"]
    assert organizations("q=add") == ["add"]
    assert organizations("q=وكالة") == ["add", "other"]
    assert organizations("q=agence absent") == []


def test_people_by_organization_lists_each_person_once():
    ministry = factories.organization("ministry")
    minister = factories.person("minister")
    factories.position(minister, ministry)
    factories.position(minister, ministry)
    factories.position(factories.person("outsider"), factories.organization())

    assert people("organization=ministry") == ["minister"]


def test_people_by_a_draft_organization_is_refused():
    secret = factories.organization("secret", status="draft")
    factories.position(factories.person("insider"), secret)

    filterset = PersonFilterSet(QueryDict("organization=secret"), person_list())

    assert not filterset.is_valid()
    assert "organization" in filterset.errors
