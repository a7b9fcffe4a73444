"""`core.visibility`, the read rule, on real models: a draft, and a row that needs one, is
not there for the public; a forward link to one reads as None."""

from __future__ import annotations

import pytest
from django.db.models import Count

from agreements.models import Agreement, AgreementParty, Signatory
from core.visibility import (
    is_visible,
    joined,
    rows_needing,
    status_is_visible,
    visible,
    visible_join,
    visible_name,
    visible_prefetch,
)
from events.models import Event
from partners.models import Organization
from tests import factories

pytestmark = pytest.mark.django_db


def slugs(records) -> list[str]:
    return sorted(record.slug for record in records)


def test_visible_is_the_published_records_or_all_for_a_preview():
    factories.organization("public")
    factories.organization("hidden", status="draft")

    assert slugs(visible(Organization)) == ["public"]
    assert slugs(visible(Organization, include_drafts=True)) == ["hidden", "public"]


def test_is_visible_applies_the_same_rule_in_memory():
    draft = factories.organization(status="draft")

    assert is_visible(factories.organization())
    assert not is_visible(draft)
    assert is_visible(draft, include_drafts=True)
    assert not is_visible(None)
    assert not is_visible(None, include_drafts=True)
    assert is_visible(factories.theme())  # no status: nothing to hide


def test_rows_needing_leave_out_links_to_a_draft():
    public, hidden = factories.organization("public"), factories.organization("hidden", status="draft")  # fmt: skip
    agreement = factories.agreement(parties=(public, hidden))

    parties = rows_needing(AgreementParty.objects.filter(agreement=agreement), "organization")
    assert [p.organization.slug for p in parties] == ["public"]
    everyone = rows_needing(
        AgreementParty.objects.filter(agreement=agreement), "organization", include_drafts=True
    )
    assert everyone.count() == 2


def test_rows_needing_several_relations_need_them_all():
    public, hidden = factories.organization(), factories.organization(status="draft")
    signer, ghost = factories.person("signer"), factories.person("ghost", status="draft")
    other = factories.person("other")
    factories.agreement(
        parties=(public, hidden),
        signatories=((signer, public), (ghost, public), (other, hidden)),
    )

    acts = rows_needing(Signatory.objects.all(), "person", "organization")
    assert [act.person.slug for act in acts] == ["signer"]


def test_visible_join_reads_a_hidden_link_as_none_and_keeps_the_row(django_assert_num_queries):
    hidden = factories.event("hidden", status="draft")
    public = factories.event("public")
    factories.agreement("at-hidden", event=hidden)
    factories.agreement("at-public", event=public)
    factories.agreement("nowhere")

    with django_assert_num_queries(1):
        read = {
            agreement.slug: joined(agreement, "event")
            for agreement in visible_join(Agreement.objects.all(), "event")
        }
    assert read == {"at-hidden": None, "at-public": public, "nowhere": None}

    previewed = visible_join(Agreement.objects.all(), "event", include_drafts=True)
    assert joined(previewed.get(slug="at-hidden"), "event") == hidden


def test_visible_join_takes_several_relations_under_their_visible_names():
    earlier = factories.agreement("earlier", status="draft")
    event = factories.event()
    factories.agreement("later", renews=earlier, event=event)

    later = visible_join(Agreement.objects.all(), "event", "renews").get(slug="later")

    assert visible_name("renews") == "visible_renews"
    assert joined(later, "renews") is None
    assert later.visible_event == event


def test_a_self_link_is_joined_by_the_same_rule():
    hidden_parent = factories.organization("hidden-parent", status="draft")
    factories.organization("child", parent=hidden_parent)

    child = visible_join(visible(Organization), "parent").get(slug="child")

    assert joined(child, "parent") is None


def test_visible_prefetch_loads_visible_records_only():
    event = factories.event()
    event.organizations.set(
        [factories.organization("public"), factories.organization("hidden", status="draft")]
    )

    (loaded,) = Event.objects.prefetch_related(
        visible_prefetch("organizations", Organization.objects.all())
    )
    assert slugs(loaded.organizations.all()) == ["public"]
    (as_attribute,) = Event.objects.prefetch_related(
        visible_prefetch(
            "organizations", Organization.objects.all(), to_attr="shown", include_drafts=True
        )
    )
    assert slugs(as_attribute.shown) == ["hidden", "public"]


def test_status_is_visible_counts_visible_records_only():
    ministry = factories.organization()
    factories.agreement(parties=(ministry,))
    factories.agreement(parties=(ministry,), status="draft")

    counted = Organization.objects.annotate(
        public=Count(
            "agreement_parties", filter=status_is_visible("agreement_parties__agreement__")
        ),
        every=Count(
            "agreement_parties",
            filter=status_is_visible("agreement_parties__agreement__", include_drafts=True),
        ),
    ).get(pk=ministry.pk)
    assert (counted.public, counted.every) == (1, 2)
