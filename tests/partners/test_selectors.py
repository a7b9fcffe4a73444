"""Reads of organizations and people (`partners.selectors`): what the public may see."""

from __future__ import annotations

import datetime as dt

import pytest

from core.visibility import joined
from partners.selectors import (
    organization_children,
    organization_detail,
    organization_list,
    organization_positions,
    person_detail,
    person_index,
    person_list,
)
from tests import factories

pytestmark = pytest.mark.django_db


def slugs(queryset) -> list[str]:
    return [record.slug for record in queryset]


def test_organization_list_leaves_out_drafts_unless_previewing():
    factories.organization("seen")
    factories.organization("hidden", status="draft")

    assert slugs(organization_list()) == ["seen"]
    assert slugs(organization_list(include_drafts=True)) == ["hidden", "seen"]


def test_a_draft_parent_is_no_parent_for_the_public():
    draft_parent = factories.organization("draft-parent", status="draft")
    public_parent = factories.organization("public-parent")
    factories.organization("child-of-draft", parent=draft_parent)
    factories.organization("child-of-public", parent=public_parent)

    listed = {organization.slug: organization for organization in organization_list()}
    assert joined(listed["child-of-draft"], "parent") is None
    assert joined(listed["child-of-public"], "parent") == public_parent

    previewed = {o.slug: o for o in organization_list(include_drafts=True)}
    assert joined(previewed["child-of-draft"], "parent") == draft_parent

    detail = organization_detail(slug="child-of-draft")
    assert joined(detail, "parent") is None


def test_agreement_count_counts_published_agreements_only():
    ministry = factories.organization("ministry")
    company = factories.organization("company")
    factories.agreement(parties=(ministry, company))
    factories.agreement(parties=(ministry, company))
    factories.agreement(parties=(ministry,), status="draft")

    counts = {o.slug: o.agreement_count for o in organization_list()}
    assert counts == {"company": 2, "ministry": 2}


def test_an_organization_with_no_agreement_counts_zero():
    factories.organization("lonely")

    assert [o.agreement_count for o in organization_list()] == [0]


def test_detail_finds_a_draft_only_for_a_preview():
    factories.organization("hidden", status="draft")

    assert organization_detail(slug="hidden") is None
    assert organization_detail(slug="hidden", include_drafts=True).slug == "hidden"


def test_children_and_positions_of_an_organization_leave_out_drafts():
    ministry = factories.organization("ministry")
    factories.organization("agency", parent=ministry)
    factories.organization("draft-agency", parent=ministry, status="draft")
    factories.position(factories.person("minister"), ministry, slug="minister-post")
    factories.position(factories.person("adviser", status="draft"), ministry, slug="adviser-post")

    assert slugs(organization_children(ministry)) == ["agency"]
    assert slugs(organization_positions(ministry)) == ["minister-post"]


def test_person_list_leaves_out_positions_at_draft_organizations():
    ministry = factories.organization("ministry")
    secret = factories.organization("secret", status="draft")
    minister = factories.person("minister")
    factories.position(minister, ministry, slug="at-ministry")
    factories.position(minister, secret, slug="at-secret")
    factories.person("draft-person", status="draft")

    (listed,) = person_list()
    assert listed.slug == "minister"
    assert slugs(listed.positions.all()) == ["at-ministry"]

    previewed = {p.slug: p for p in person_list(include_drafts=True)}
    assert set(previewed) == {"draft-person", "minister"}
    assert set(slugs(previewed["minister"].positions.all())) == {"at-ministry", "at-secret"}


def test_person_list_orders_positions_latest_first():
    ministry = factories.organization()
    minister = factories.person()
    factories.position(minister, ministry, slug="old", start=dt.date(2019, 1, 1),
                       start_precision="year")  # fmt: skip
    factories.position(minister, ministry, slug="new", start=dt.date(2024, 10, 1),
                       start_precision="month")  # fmt: skip
    factories.position(minister, ministry, slug="undated")

    (listed,) = person_list()
    assert slugs(listed.positions.all()) == ["new", "old", "undated"]


def test_person_index_counts_published_signatures_for_published_parties():
    ministry = factories.organization("ministry")
    company = factories.organization("company")
    draft_company = factories.organization("draft-company", status="draft")
    minister = factories.person("minister")
    factories.position(minister, ministry, slug="at-ministry")
    factories.position(minister, draft_company, slug="at-draft-company")
    factories.agreement(parties=(ministry, company), signatories=((minister, ministry),))
    factories.agreement(
        parties=(ministry, company), signatories=((minister, ministry),), status="draft"
    )
    factories.agreement(parties=(draft_company, company), signatories=((minister, draft_company),))
    factories.person("draft-person", status="draft")

    (listed,) = person_index()
    assert listed.slug == "minister"
    assert listed.signed_count == 1
    assert slugs(listed.positions.all()) == ["at-ministry"]


def test_person_detail_finds_a_draft_only_for_a_preview():
    factories.person("hidden", status="draft")

    assert person_detail(slug="hidden") is None
    assert person_detail(slug="hidden", include_drafts=True).slug == "hidden"


@pytest.mark.parametrize("people", [1, 6])
def test_person_list_costs_two_queries_whatever_the_number(people, django_assert_num_queries):
    ministry = factories.organization()
    for _ in range(people):
        factories.position(factories.person(), ministry)

    with django_assert_num_queries(2):
        rows = [
            (p.slug, [pos.organization.slug for pos in p.positions.all()]) for p in person_list()
        ]
    assert len(rows) == people
