"""Names matched in any language and spelling, against the records the tracker holds."""

from __future__ import annotations

import pytest

from intake.extract.gazetteer import Gazetteer, KnownPosition, KnownRecord, name_similarity
from intake.extract.text import normalize, skeleton, strip_clitics
from tests import factories

MATCH = 86  # the threshold the extractor proposes an existing record at


def test_normalization_removes_what_carries_no_identity() -> None:
    assert normalize("عِلم") == normalize("علم")
    assert normalize("الإدارة") == normalize("الادارة") == "الاداره"
    assert normalize("أمـــل") == "امل"  # tatweel
    assert normalize("مستشفى") == normalize("مستشفي")
    assert normalize("١٢ يناير ٢٠٢٦") == "12 يناير 2026"
    assert normalize("Sécurité") == "securite"


@pytest.mark.parametrize(
    ("word", "readings"),
    [
        ("والمدير", ("والمدير", "المدير", "مدير")),
        ("للوكاله", ("للوكاله", "الوكاله", "لوكاله", "وكاله")),
        ("بالرباط", ("بالرباط", "الرباط", "رباط")),
        ("لشركه", ("لشركه", "شركه")),
        ("وزير", ("وزير",)),  # not "و" + "زير"
        ("وزاره", ("وزاره",)),
        ("ومن", ("ومن",)),  # a stem is never shorter than three letters
    ],
)
def test_clitics_are_read_off_arabic_words(word: str, readings: tuple[str, ...]) -> None:
    assert strip_clitics(word) == readings


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أمل الفلاح السغروشني", "أمال الفلاح السغروشني"),
        ("أمل الفلاح السغروشني", "امل الفلاح السغروشنى"),
        ("Amal El Fallah Seghrouchni", "Amel El Falah Saghrouchni"),
        ("Amal El Fallah Seghrouchni", "Amal El Fallah Saghrouchni"),
        ("Amal El Fallah Seghrouchni", "AMEL EL FALLAH SEGHROUCHNI"),
        ("عِلم", "علم"),
        ("Mohamed Drissi Melyani", "Mohammed Drissi Meliani"),
        (
            "الدورة الخامسة للجمعية العامة للمنظمة",
            "الدورة الخامسة للجمعية العامة لمنظمة التعاون الرقمي",
        ),
    ],
)
def test_spellings_of_one_name_match(a: str, b: str) -> None:
    assert name_similarity(a, b) >= MATCH
    assert name_similarity(b, a) >= MATCH


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أمل الفلاح السغروشني", "عمر السغروشني"),
        ("Amal El Fallah Seghrouchni", "Omar Seghrouchni"),
        ("محمد بن علي المناعي", "محمد ستري"),
        ("الدورة", "الدورة الخامسة للجمعية العامة لمنظمة التعاون الرقمي"),
        ("Karim Zidane", "Karim Benzema"),
    ],
)
def test_different_names_do_not(a: str, b: str) -> None:
    assert name_similarity(a, b) < MATCH


def test_skeleton_keys_tolerate_vowels_and_doubled_letters() -> None:
    assert skeleton("أمل") == skeleton("أمال")
    assert skeleton("Seghrouchni") == skeleton("Saghrouchni")
    assert skeleton("Fallah") == skeleton("Falah")


ELM = KnownRecord("organization", 1, "elm", {"ar": "عِلم", "fr": "Elm", "en": "Elm"}, country="SA")
AGENCY = KnownRecord(
    "organization",
    2,
    "digital-development-agency",
    {"ar": "وكالة التنمية الرقمية", "fr": "Agence de Développement du Digital"},
    acronyms=("ADD",),
)
AMAL = KnownRecord(
    "person",
    3,
    "amal-el-fallah-seghrouchni",
    {"ar": "أمل الفلاح السغروشني", "fr": "Amal El Fallah Seghrouchni"},
    positions=(KnownPosition({"ar": "وزيرة"}, "ministry"),),
)
MINISTRY = KnownRecord("organization", 4, "ministry", {"ar": "وزارة الانتقال الرقمي"})


def found(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(hit.record.slug, text[hit.start : hit.end]) for hit in gazetteer.find_names(text)]


def test_known_names_are_found_in_a_text_whatever_the_spelling() -> None:
    gazetteer = Gazetteer([ELM, AGENCY, AMAL, MINISTRY])
    text = "واستقبلت أمال الفلاح السغروشني مدير شركة 'علم' والمدير العام لوكالة التنمية الرقمية."
    assert found(gazetteer, text) == [
        ("amal-el-fallah-seghrouchni", "أمال الفلاح السغروشني"),
        ("elm", "علم"),
        ("digital-development-agency", "وكالة التنمية الرقمية"),  # without the clitic "ل"
    ]
    french = "Amel El Falah Saghrouchni a reçu Elm et l'ADD, pas un add."
    assert found(gazetteer, french) == [
        ("amal-el-fallah-seghrouchni", "Amel El Falah Saghrouchni"),
        ("elm", "Elm"),
        ("digital-development-agency", "ADD"),  # an acronym only in capitals
    ]


def test_a_lone_surname_is_not_a_known_person() -> None:
    gazetteer = Gazetteer([AMAL])
    assert found(gazetteer, "وأكدت السغروشني أن ...") == []


def test_without_forgets_records_and_their_positions() -> None:
    gazetteer = Gazetteer([ELM, AMAL, MINISTRY]).without({"organization": {"ministry"}})
    assert gazetteer.get("organization", "ministry") is None
    assert gazetteer.get("person", "amal-el-fallah-seghrouchni").positions == ()
    assert gazetteer.best_match("organization", "شركة علم")[0] is None
    assert gazetteer.best_match("organization", "علم")[0] == ELM


@pytest.mark.django_db
def test_from_database_reads_every_record_drafts_included_in_a_handful_of_queries(
    django_assert_max_num_queries,
) -> None:
    ministry = factories.organization(
        name_ar="وزارة الانتقال الرقمي", name_fr="Ministère de la Transition numérique",
        acronym_fr="MTNRA", country="MA", status="draft",
    )  # fmt: skip
    elm = factories.organization(name_ar="عِلم", name_fr="Elm", country="SA")
    amal = factories.person(name_ar="أمل الفلاح السغروشني", name_fr="Amal El Fallah Seghrouchni")
    factories.position(amal, ministry, title_ar="الوزيرة المنتدبة")
    factories.event(name_ar="جيتكس أفريقيا 2025", name_fr="GITEX Africa 2025", status="draft")
    factories.initiative(name_ar="شبكة معاهد الجزري")
    factories.agreement(parties=(ministry, elm), title_ar="مذكرة تفاهم", status="draft")
    with django_assert_max_num_queries(7):
        gazetteer = Gazetteer.from_database()
    assert len(gazetteer) == 6
    assert gazetteer.get("organization", ministry.slug).acronyms == ("MTNRA",)
    assert gazetteer.get("organization", ministry.slug).country == "MA"
    (position,) = gazetteer.get("person", amal.slug).positions
    assert position.organization == ministry.slug
    (agreement,) = gazetteer.records("agreement")
    assert set(agreement.parties) == {ministry.slug, elm.slug}
    assert (
        gazetteer.best_match("event", "معرض جيتكس أفريقيا 2025")[0].names["fr"]
        == "GITEX Africa 2025"
    )


@pytest.mark.django_db
def test_other_spellings_are_read_in_articles() -> None:
    mistral = factories.organization(name_ar="Mistral AI", name_fr="Mistral AI", aliases="ميسترال")
    amal = factories.person(name_fr="Amal El Fallah Seghrouchni", aliases="أمال الفلاح السغروشني")
    gazetteer = Gazetteer.from_database()
    assert gazetteer.get("organization", mistral.slug).aliases == ("ميسترال",)
    found = {
        hit.record.slug
        for hit in gazetteer.find_names("وقعت شركة ميسترال مع أمال الفلاح السغروشني")
    }
    assert {mistral.slug, amal.slug} <= found
