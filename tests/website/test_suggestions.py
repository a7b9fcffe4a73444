"""The record filters' suggestions (`/<lang>/agreements/suggestions/<filter>/?q=`): only
records a visitor can find published agreements by, never a draft, ten at most, in one
query whatever the size of the data, and the same rule of names as the form's."""

from __future__ import annotations

import pytest
from django.test import Client

from agreements.models import Agreement
from tests import factories
from website import filters

pytestmark = pytest.mark.usefixtures("seeded")


def suggested(client: Client, name: str, text: str, language: str = "fr") -> list[str]:
    response = client.get(f"/{language}/agreements/suggestions/{name}/", {"q": text})
    assert response.status_code == 200
    return [item["value"] for item in response.json()["results"]]


def test_a_suggestion_has_the_full_name_and_what_tells_it_apart(client: Client):
    answer = client.get("/fr/agreements/suggestions/partner/?q=mistr").json()
    assert answer["results"] == [
        {"value": "mistral-ai", "label": "Mistral AI", "detail": "Entreprise · France"}
    ]
    # What the live region says, in the page's language.
    assert answer["status"].startswith("1 suggestion.")
    long = client.get("/fr/agreements/suggestions/partner/?q=Développement du").json()
    labels = {item["label"]: item["detail"] for item in long["results"]}
    # Never cut off: the whole name, the acronym beside it.
    assert labels["Agence de Développement du Digital"] == "ADD · Agence publique · Maroc"


def test_the_count_is_said_in_the_pages_language(client: Client):
    arabic = client.get("/ar/agreements/suggestions/partner/", {"q": "وزارة"}).json()
    assert len(arabic["results"]) == 3
    assert arabic["status"].startswith("3 ")
    assert "اقتراحات" in arabic["status"]
    english = client.get("/en/agreements/suggestions/partner/?q=minist").json()
    assert english["status"].startswith("3 suggestions.")
    nothing = client.get("/fr/agreements/suggestions/partner/?q=zzzz").json()
    assert nothing == {"results": [], "status": "Aucune suggestion."}
    assert client.get("/fr/agreements/suggestions/partner/?q=").json() == {
        "results": [],
        "status": "",
    }


def test_only_records_with_a_published_agreement(client: Client):
    # Published partners with no agreement (the CDG, the Cameroonian cities) are not offered.
    assert suggested(client, "partner", "Caisse de Dépôt") == []
    assert suggested(client, "partner", "Yaound") == []
    # Nor people who signed nothing, nor events where nothing was signed.
    assert suggested(client, "signatory", "Jouahri") == []
    assert suggested(client, "signatory", "Mensch") == ["arthur-mensch"]
    assert suggested(client, "event", "Web Summit") == []
    assert suggested(client, "event", "GITEX") == ["gitex-africa-2025"]
    # Nor themes or initiatives with no published agreement (when they are search boxes).
    assert suggested(client, "theme", "smart") == []
    assert suggested(client, "initiative", "Jazari") == []


def test_a_partner_only_in_a_draft_agreement_is_never_suggested(client: Client):
    Agreement.objects.filter(slug="ministry-mistral-ai-mou-2025").update(status="draft")
    assert suggested(client, "partner", "mistr") == []
    # Its signatory signed nothing published either.
    assert suggested(client, "signatory", "Mensch") == []
    # The form does not read the name as that partner either (its slug stays the API's).
    assert client.get("/fr/agreements/?partner=Mistral").status_code == 400
    assert client.get("/fr/agreements/?partner=mistral-ai").status_code == 200


def test_a_draft_record_is_never_suggested(client: Client):
    draft = factories.organization(name_fr="Zorglub Draft", status="draft")
    draft_person = factories.person(name_fr="Zorglub Person", status="draft")
    draft_event = factories.event(name_fr="Zorglub Event", status="draft")
    party = factories.organization(name_fr="Zorglub Party")
    factories.agreement(
        parties=(draft, party),
        signatories=((draft_person, party),),
        event=draft_event,
    )
    assert suggested(client, "partner", "Zorglub") == [party.slug]
    assert suggested(client, "signatory", "Zorglub") == []
    assert suggested(client, "event", "Zorglub") == []


def test_a_signature_for_a_draft_party_is_not_one(client: Client):
    draft = factories.organization(name_fr="Zorglub Draft", status="draft")
    signer = factories.person(name_fr="Zorglub Signer")
    factories.agreement(parties=(draft,), signatories=((signer, draft),))
    assert suggested(client, "signatory", "Zorglub") == []


def test_names_starting_with_the_text_come_first(client: Client):
    # "elm" is inside "Elm" and nowhere else among the partners; "dig" starts "Digital"
    # in no French name, but the acronym ADD does not start it either: by name then.
    assert suggested(client, "partner", "elm")[0] == "elm"
    factories.agreement(parties=(factories.organization(name_fr="Agence Elmo"),))
    assert suggested(client, "partner", "elm")[0] == "elm"
    assert suggested(client, "partner", "Agence")[0] != "elm"


def grow(count: int) -> None:
    for number in range(count):
        factories.agreement(
            parties=(factories.organization(name_fr=f"Zeta {number:02d}", acronym="ZT"),),
            signatories=(),
            event=factories.event(name_fr=f"Zeta Forum {number:02d}"),
        )


def test_ten_at_most_in_one_query_whatever_the_data(client: Client, django_assert_num_queries):
    grow(3)
    for name in filters.PICKED:
        with django_assert_num_queries(1):
            client.get(f"/fr/agreements/suggestions/{name}/?q=ze")
    grow(12)
    for name in filters.PICKED:
        with django_assert_num_queries(1):
            client.get(f"/fr/agreements/suggestions/{name}/?q=ze")
    assert len(suggested(client, "partner", "zeta")) == filters.SUGGESTIONS
    assert len(suggested(client, "event", "zeta")) == filters.SUGGESTIONS
    # Nothing typed: nothing asked of the database.
    with django_assert_num_queries(0):
        client.get("/fr/agreements/suggestions/partner/?q=")


def test_the_answer_is_cacheable_and_only_for_filters(client: Client):
    response = client.get("/fr/agreements/suggestions/partner/?q=elm")
    assert response["Cache-Control"] == "public, max-age=300"
    assert "Cookie" not in response.get("Vary", "")
    assert "Set-Cookie" not in response
    assert client.get("/fr/agreements/suggestions/kind/?q=mou").status_code == 404
    assert client.post("/fr/agreements/suggestions/partner/?q=elm").status_code == 405


def test_suggestions_and_the_form_read_names_by_one_rule(client: Client, monkeypatch):
    """A better rule of names (normalized text, other spellings) is one function's change:
    here a rule that also finds "Onepoint" by "وان بوينت" serves both at once."""
    original = filters.name_matches

    def with_an_alias(queryset, columns, text, *, whole):
        if text == "وان بوينت":
            return queryset.filter(slug="onepoint")
        return original(queryset, columns, text, whole=whole)

    monkeypatch.setattr(filters, "name_matches", with_an_alias)
    assert suggested(client, "partner", "وان بوينت") == ["onepoint"]
    response = client.get("/fr/agreements/", {"partner": "وان بوينت"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/agreements/?partner=onepoint"


@pytest.mark.parametrize(
    ("name", "typed", "expected"),
    [
        ("partner", "ميسترال", "mistral-ai"),  # a transliteration kept as an alias
        ("partner", "وان بوينت", "onepoint"),
        ("signatory", "Saghrouchni", "amal-el-fallah-seghrouchni"),  # another spelling
        ("signatory", "Amel El Fallah", "amal-el-fallah-seghrouchni"),
    ],
)
def test_other_spellings_are_suggested_and_read_in_the_form(client: Client, name, typed, expected):
    assert suggested(client, name, typed) == [expected]
    response = client.get("/fr/agreements/", {name: typed})
    assert response.status_code == 302
    assert response["Location"] == f"/fr/agreements/?{name}={expected}"


def test_a_whole_alias_line_is_a_whole_name():
    from partners.models import Organization

    condition = filters.name_condition(("name", "aliases"), "One Point", "iexact")
    assert list(Organization.objects.filter(condition).values_list("slug", flat=True)) == [
        "onepoint"
    ]
    condition = filters.name_condition(("name", "aliases"), "One", "iexact")
    assert not Organization.objects.filter(condition).exists()
