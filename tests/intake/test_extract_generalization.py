"""Articles written for these tests in the styles the tracker meets (MAP dispatches in
Arabic, Le360/Médias24/MAP in French), none of them a seed: the rules must hold on
sentences they were not tuned to. Each goes through `extract`, which checks that every
value rests on a verbatim slice of the text."""

from __future__ import annotations

from core.records import PartialDate
from tests.intake.test_extract_article import by_key, extract

DELEGATE_MINISTER = (
    "وقعت وزارة الانتقال الرقمي وإصلاح الإدارة وشركة اتصالات المغرب، يوم الخميس 6 مارس "
    "2025 بالرباط، اتفاقية شراكة لتكوين الشباب في مهن الرقمنة.\n"
    "ووقع الاتفاقية كل من الوزيرة المنتدبة أمل الفلاح السغروشني، والمدير العام لشركة "
    "اتصالات المغرب محمد بنشعبون.\n"
    "وجرى الحفل بحضور وزير الصناعة والتجارة رياض مزور.\n"
)


def test_a_bare_delegate_title_invents_no_ministry_and_a_name_ends_the_employer() -> None:
    proposals = extract(DELEGATE_MINISTER, published=PartialDate(2025, 3, 7))
    names = by_key(proposals)
    organizations = {o.name.text for o in proposals.organizations}
    # "الوزيرة المنتدبة" prints no ministry: none is made up from the title alone.
    assert organizations == {
        "وزارة الانتقال الرقمي وإصلاح الإدارة",
        "شركة اتصالات المغرب",
        "وزارة الصناعة والتجارة",
    }
    (agreement,) = proposals.agreements
    assert {names[p.value] for p in agreement.parties} == {
        "وزارة الانتقال الرقمي وإصلاح الإدارة",
        "شركة اتصالات المغرب",
    }
    signed = {names[s.person]: (s.title, names.get(s.organization)) for s in agreement.signatories}
    assert signed == {
        "أمل الفلاح السغروشني": ("الوزيرة المنتدبة", None),
        # The company's name stops where its director's name begins.
        "محمد بنشعبون": ("المدير العام لشركة اتصالات المغرب", "شركة اتصالات المغرب"),
    }
    (guest,) = agreement.attendees
    assert (names[guest.person], names[guest.organization]) == (
        "رياض مزور",
        "وزارة الصناعة والتجارة",
    )
    assert agreement.date.value == PartialDate(2025, 3, 6)
    assert agreement.place.city == "الرباط"
    assert {p.name.text for p in proposals.people} == {
        "أمل الفلاح السغروشني",
        "محمد بنشعبون",
        "رياض مزور",
    }


def test_a_french_bare_delegate_minister_invents_no_ministry() -> None:
    text = (
        "La société Inwi et l'Agence de développement du digital ont signé une convention "
        "de partenariat, mardi 4 mars 2025 à Rabat, en présence de la ministre déléguée, "
        "Mme Amal El Fallah Seghrouchni.\n"
    )
    proposals = extract(text, language="fr", published=PartialDate(2025, 3, 5))
    assert not any("minist" in o.name.text for o in proposals.organizations)
