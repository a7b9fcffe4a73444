"""The seed records checked against a reading of the five articles, written here as data.

Each agreement, event and person the articles report is listed with what the article
states and how precisely: kind, parties, who signed, who was present, date and its
precision, place, event, and whether a title is quoted or the editors' wording. The test
loads the seeds (`load_seeds`, as `make run` does) and compares: a seed that says more or
less than this reading fails the build. A change to the reading is a change of what we
claim the articles say, and belongs in review with the article open.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.contenttypes.models import ContentType

from agreements.models import Agreement, Citation, Initiative
from events.models import Event
from partners.models import Person

pytestmark = [pytest.mark.usefixtures("seeded_module"), pytest.mark.django_db]

A000 = "000_64397c500d17cdd7.txt"  # Daily8: the Elm memorandum, with three related items
A001 = "001_5ccb9bab0d6213d5.txt"  # the Mistral AI memorandum, Rabat, 12 September 2025
A002 = "002_e8c76b1901d040da.txt"  # the ministry: DCO executive committee, Kuwait
A003 = "003_d3c2d790c9a48fca.txt"  # Mowatine: the Onepoint protocol
A004 = "004_a0659516dd4e84dd.txt"  # FacePress: the Doha talks, February 2026

# --- The reading -----------------------------------------------------------------------

# date: (ISO at its precision, precision); place: (city in English, country) or None.
AGREEMENTS = {
    "elm-digital-development-agency-mou-2023": {
        "article": A000,
        "kind": "mou",
        "title_is_editorial": True,  # "مذكرة التفاهم الموقعة بين 'عِلم' ووكالة التنمية الرقمية"
        "date": ("2023-06", "month"),  # "في يونيو 2023"
        "place": None,
        "event": None,
        "duration_months": None,
        "renews": None,
        "parties": {"elm", "digital-development-agency"},
        "signatories": set(),
        "attendees": set(),
        "public_note": None,
    },
    "ministry-elm-digital-development-agency-mou-2025": {
        "article": A000,
        "kind": "mou",
        "title_is_editorial": True,  # the headline reports a signing; it titles nothing
        "date": ("2025", "year"),  # from the fair's name, 'جيتكس أفريقيا 2025'
        "place": ("Marrakech", "MA"),  # the dateline: "مراكش/ تحرير"
        "event": "gitex-africa-2025",
        "duration_months": 24,  # "لمدة عامين"
        "renews": "elm-digital-development-agency-mou-2023",
        "parties": {"ministry-digital-transition", "elm", "digital-development-agency"},
        # "وقعت، وزارة ... وشركة 'عِلم' ... ووكالة التنمية الرقمية": the institutions signed;
        # "جرى بحضور" the minister and the two heads, one list. No one put pen to paper
        # in the article's words, and the page says so.
        "signatories": set(),
        "attendees": {
            ("amal-el-fallah-seghrouchni", "ministry-digital-transition"),
            ("hakim-al-rashid", "elm"),
            ("mohamed-drissi-melyani", "digital-development-agency"),
        },
        "public_note": "does not say who put pen to paper",
    },
    "ministry-undp-d4sd-declaration-of-intent": {
        "article": A000,
        "kind": "declaration_of_intent",
        "title_is_editorial": True,  # the minister describes it; no title is printed
        "date": (None, "unknown"),
        "place": None,
        "event": None,
        "duration_months": None,
        "renews": None,
        "parties": {"ministry-digital-transition", "undp"},
        "signatories": set(),
        "attendees": set(),
        "public_note": None,
    },
    "ministry-undp-d4sd-establishment-2025": {
        "article": A004,
        "kind": "other",  # "تم التوقيع على إنشائه": no instrument named
        "title_is_editorial": True,
        "date": ("2025-09", "month"),  # "في شهر شتنبر المنصرم" of a February 2026 article
        "place": ("New York", "US"),  # "بنيويورك"
        "event": "unga-80",  # 000: the hub opens "خلال الدورة 80 ... في شتنبر المقبل"
        "duration_months": None,
        "renews": None,
        "parties": {"ministry-digital-transition", "undp"},
        "signatories": set(),
        "attendees": set(),
        "public_note": "names neither the instrument signed nor who signed it",
    },
    "ministry-mistral-ai-mou-2025": {
        "article": A001,
        "kind": "mou",
        "title_is_editorial": True,  # 001 has no headline: "مذكرة تفاهم استراتيجية"
        "date": ("2025-09-12", "day"),  # "اليوم الجمعة 12 شتنبر 2025"
        "place": ("Rabat", "MA"),  # "بمقر الوزارة بالرباط"
        "event": None,
        "duration_months": None,
        "renews": None,
        "parties": {"ministry-digital-transition", "mistral-ai"},
        "signatories": {
            ("amal-el-fallah-seghrouchni", "ministry-digital-transition"),
            ("arthur-mensch", "mistral-ai"),
        },
        "attendees": {  # "وقد جرت مراسم التوقيع بحضور"
            ("ryad-mezzour", "ministry-industry-trade"),
            ("omar-seghrouchni", "cndp"),
            ("nezha-hayat", "fonds-mohammed-vi-investissement"),
            ("khalid-safir", "cdg"),
        },
        "public_note": None,
    },
    "casablanca-settat-data-ai-centre-protocol": {
        "article": A003,
        "kind": "protocol",
        "title_is_editorial": True,  # 003 has no headline; the body describes the protocol
        "date": (None, "unknown"),  # "اليوم الثلاثاء": a weekday of an undated article
        "place": ("Rabat", "MA"),
        "event": None,
        "duration_months": None,
        "renews": None,
        "parties": {
            "ministry-digital-transition",
            "ministry-industry-trade",
            "ministry-delegate-investment",
            "amdie",
            "onepoint",
        },
        "signatories": {  # "وقد وقع هذا البروتوكول كل من"
            ("amal-el-fallah-seghrouchni", "ministry-digital-transition"),
            ("ryad-mezzour", "ministry-industry-trade"),
            ("karim-zidane", "ministry-delegate-investment"),
            ("ali-seddiki", "amdie"),
            ("david-layani", "onepoint"),
        },
        "attendees": set(),
        "public_note": None,
    },
}

# printed: the article's words for a quoted name when they differ from the stored one
# (only a pronoun resolved: "للمنظمة" → "لمنظمة التعاون الرقمي").
EVENTS = {
    "gitex-africa-2025": {
        "article": A000,
        "kind": "trade_fair",
        "name": ("جيتكس أفريقيا 2025", "GITEX Africa Morocco 2025"),
        "name_is_editorial": False,
        "start": ("2025", "year"),
        "end": None,
        "place": ("Marrakech", "MA"),
        "parent": None,
        "participants": {
            ("amal-el-fallah-seghrouchni", "ministry-digital-transition"),
            ("hakim-al-rashid", "elm"),
            ("mohamed-drissi-melyani", "digital-development-agency"),
        },
    },
    "house-of-councillors-oral-questions-ai": {
        "article": A000,
        "kind": "parliamentary_session",
        "name": ("جلسة الأسئلة الشفوية الأسبوعية بمجلس المستشارين", None),
        "name_is_editorial": False,
        "start": (None, "unknown"),  # "أول أمس الثلاثاء" of an undated item
        "end": None,
        "place": ("", "MA"),
        "parent": None,
        "participants": {("amal-el-fallah-seghrouchni", "ministry-digital-transition")},
    },
    "public-services-digital-modernisation-event": {
        "article": A000,
        "kind": "other",
        "name": ("أول حدث مخصص لتحديث الخدمات العمومية رقميا", None),
        "name_is_editorial": True,  # described ("أول حدث مخصص..."), not named
        "start": (None, "unknown"),
        "end": None,
        "place": ("", ""),
        "parent": None,
        "participants": {("amal-el-fallah-seghrouchni", "ministry-digital-transition")},
    },
    "national-conference-digital-transition-2025": {
        "article": A001,
        "kind": "national_conference",
        # As 001 prints it; its standard French and English names.
        "name": (
            "المناظرة الوطنية للانتقال الرقمي",
            "National Conference on Artificial Intelligence",
        ),
        "name_fr": "Assises nationales de l'intelligence artificielle",
        "name_is_editorial": False,
        "start": ("2025-07-01", "day"),  # "يومي 1 و2 يوليوز" / "فاتح وثاني يوليوز الماضي"
        "end": ("2025-07-02", "day"),
        "place": ("Rabat", "MA"),
        "parent": None,
        "participants": set(),
    },
    "unga-80": {
        "article": A000,
        "kind": "general_assembly",
        "name": ("الدورة 80 للجمعية العامة للأمم المتحدة", None),
        "name_is_editorial": False,
        # "في شتنبر المقبل", in the sentence before "يوليوز المقبل" (July 2025, by 001).
        "start": ("2025-09", "month"),
        "end": ("2025-09", "month"),
        "place": ("New York", "US"),
        "parent": None,
        "participants": set(),
    },
    "smart-city-casablanca-2025": {
        "article": A000,
        "kind": "forum",
        "name": ("ملتقى المدينة الذكية للدار البيضاء 2025", "Casablanca Smart City 2025"),
        "name_is_editorial": False,
        "start": ("2025", "year"),  # "أمس الأربعاء" of an undated item; the year is in the name
        "end": None,
        "place": ("Casablanca", "MA"),
        "parent": None,
        "participants": {
            ("amal-el-fallah-seghrouchni", "ministry-digital-transition"),
            ("abdessamad-kayouh", "ministry-transport-logistics"),
            ("khalid-chergaoui", "ministry-transport-logistics"),
            ("mohamed-jouahri", "casablanca-events-animation"),
            ("jacques-gabriel-kimliou-tchagbo", "yaounde-city"),
        },
    },
    "dco-general-assembly-5": {
        "article": A002,
        "kind": "general_assembly",
        "name": ("الدورة الخامسة للجمعية العامة لمنظمة التعاون الرقمي", None),
        "printed": "الدورة الخامسة للجمعية العامة للمنظمة",
        "name_is_editorial": False,
        "start": (None, "unknown"),
        "end": None,
        "place": ("", "KW"),  # "التي تحتضن فعالياتها دولة الكويت"
        "parent": None,
        "participants": {("amal-el-fallah-seghrouchni", "ministry-digital-transition")},
    },
    "ai-made-in-morocco-day-2026": {
        "article": A004,
        "kind": "launch",
        "name": ("يوم الذكاء الاصطناعي صنع في المغرب", None),
        "name_is_editorial": False,
        "start": ("2026-01-12", "day"),  # "في 12 يناير 2026 بالرباط"
        "end": ("2026-01-12", "day"),
        "place": ("Rabat", "MA"),
        "parent": None,
        "participants": set(),
    },
    "web-summit-qatar-2026": {
        "article": A004,
        "kind": "summit",
        "name": ("قمة ويب قطر 2026", "Web Summit Qatar 2026"),
        "name_is_editorial": False,
        "start": ("2026-02-01", "day"),  # "(1-4 فبراير الجاري)"
        "end": ("2026-02-04", "day"),
        "place": ("Doha", "QA"),
        "parent": None,
        "participants": {("amal-el-fallah-seghrouchni", "ministry-digital-transition")},
    },
    "morocco-qatar-digital-ministers-meeting-2026": {
        "article": A004,
        "kind": "bilateral_meeting",
        "name": (None, None),
        "name_is_editorial": True,  # "مباحثات": talks, not a named meeting
        "start": ("2026-02-01", "day"),  # "اليوم الأحد" within 1-4 February 2026
        "end": ("2026-02-01", "day"),
        "place": ("Doha", "QA"),
        "parent": "web-summit-qatar-2026",
        "participants": {
            ("amal-el-fallah-seghrouchni", "ministry-digital-transition"),
            ("mohammed-bin-ali-al-mannai", "qatar-ministry-communications-it"),
            ("mohamed-setri", "embassy-morocco-qatar"),
        },
    },
}

# Each person: the article, the Arabic name as printed, the Latin spelling the person, the
# agency or the press uses, and the bodies of their positions.
PEOPLE = {
    "amal-el-fallah-seghrouchni": (A000, "أمل الفلاح السغروشني", "Amal El Fallah Seghrouchni",
                                   {"ministry-digital-transition"}),
    "hakim-al-rashid": (A000, "حكيم الرشيد", "Hakim Al-Rashid", {"elm"}),
    "mohamed-drissi-melyani": (A000, "محمد الإدريسي الملياني", "Mohammed Drissi Melyani",
                               {"digital-development-agency"}),
    "majed-bin-saad-al-arifi": (A000, "ماجد بن سعد العريفي", "Majed bin Saad Al-Arifi", {"elm"}),
    "arthur-mensch": (A001, "آرثر مينش", "Arthur Mensch", {"mistral-ai"}),
    "ryad-mezzour": (A001, "رياض مزور", "Ryad Mezzour", {"ministry-industry-trade"}),
    "omar-seghrouchni": (A001, "عمر السغروشني", "Omar Seghrouchni", {"cndp"}),
    "nezha-hayat": (A001, "نزهة حياة", "Nezha Hayat", {"fonds-mohammed-vi-investissement"}),
    "khalid-safir": (A001, "خالد سفير", "Khalid Safir", {"cdg"}),
    "karim-zidane": (A003, "كريم زيدان", "Karim Zidane", {"ministry-delegate-investment"}),
    "ali-seddiki": (A003, "علي الصديقي", "Ali Seddiki", {"amdie"}),
    "david-layani": (A003, "دافيد لياني", "David Layani", {"onepoint"}),
    "abdessamad-kayouh": (A000, "عبد الصمد قيوح", "Abdessamad Kayouh",
                          {"ministry-transport-logistics"}),
    "khalid-chergaoui": (A000, "خالد الشرقاوي", "Khalid Cherkaoui",
                         {"ministry-transport-logistics"}),
    "mohamed-jouahri": (A000, "محمد الجواهري", "Mohamed Jouahri", {"casablanca-events-animation"}),
    "jacques-gabriel-kimliou-tchagbo": (A000, "جاكيس غابرييل كيمليو تشاغبو",
                                        "Jacquis Gabriel Kemleu Tchabgou",
                                        {"cvuc", "yaounde-city"}),
    "mohammed-bin-ali-al-mannai": (A004, "محمد بن علي المناعي", "Mohammed bin Ali Al-Mannai",
                                   {"qatar-ministry-communications-it"}),
    "mohamed-setri": (A004, "محمد ستري", "Mohamed Setri", {"embassy-morocco-qatar"}),
}  # fmt: skip

# Initiatives the articles describe without naming them.
EDITORIAL_INITIATIVE_NAMES = {
    "youth-ai-training-frmf-programme",
    "youth-ai-workshops-youth-centres-programme",
    "casablanca-settat-data-ai-centre-of-excellence",
    "ai-solutions-offshoring-export-rules",
}

# Editors' reasoning (how a date or a city was worked out) that once reached the public
# pages: it belongs in seeds/README.md, never in a description.
INTERNAL_NOTES = (
    "مستفادة", "مستنتج", "provient", "comes from", "déduit", "pinned by", "محسوب",
    "non précisée par la source", "not given by the source",
    "No agreement was signed", "Aucun accord", "لم يوقع أي اتفاق",
)  # fmt: skip

# --- Helpers ---------------------------------------------------------------------------

QUOTE_MARKS = re.compile(r"[\"'“”″‘’«»]")


def printed(text: str) -> str:
    """The words as the article prints them, its quotation marks and spacing aside."""
    return " ".join(QUOTE_MARKS.sub(" ", text).split())


def article(file_name: str) -> str:
    from core.models import SourceDocument

    return printed(SourceDocument.objects.get(file_name=file_name).text)


def cited(record) -> dict[str, set[str]]:
    """Each source file citing the record → the fields its passages back."""
    backed: dict[str, set[str]] = {}
    for citation in Citation.objects.filter(
        content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
    ).select_related("source"):
        backed.setdefault(citation.source.file_name, set()).update(citation.fields or [])
    return backed


def all_backed(record) -> set[str]:
    return set().union(*cited(record).values())


# --- Agreements ------------------------------------------------------------------------


def test_the_seeds_hold_the_agreements_of_the_reading_and_no_other():
    assert set(Agreement.objects.values_list("slug", flat=True)) == set(AGREEMENTS)


@pytest.mark.parametrize("slug", sorted(AGREEMENTS))
def test_each_agreement_states_what_its_article_states(slug):
    expected = AGREEMENTS[slug]
    agreement = Agreement.objects.get(slug=slug)
    assert agreement.status == "published"
    assert agreement.kind == expected["kind"]
    assert agreement.title_is_editorial is expected["title_is_editorial"]
    signed = agreement.signed_partial
    assert (signed.isoformat(), str(signed.precision.value)) == expected["date"]
    place = (agreement.place_city_en, agreement.place_country.code or "")
    assert place == (expected["place"] or ("", ""))
    assert (agreement.event.slug if agreement.event else None) == expected["event"]
    assert agreement.duration_months == expected["duration_months"]
    assert (agreement.renews.slug if agreement.renews else None) == expected["renews"]
    assert {p.organization.slug for p in agreement.parties.all()} == expected["parties"]
    assert {(s.person.slug, s.organization.slug) for s in agreement.signatories.all()} == expected[
        "signatories"
    ]
    assert {
        (a.person.slug, a.organization.slug if a.organization else None)
        for a in agreement.attendees.all()
    } == expected["attendees"]
    if expected["public_note"]:
        assert expected["public_note"] in agreement.public_note_en
        assert agreement.public_note_ar and agreement.public_note_fr
    else:
        assert (agreement.public_note_ar, agreement.public_note_fr, agreement.public_note_en) == (
            "",
            "",
            "",
        )


@pytest.mark.parametrize("slug", sorted(AGREEMENTS))
def test_each_agreement_fact_is_backed_by_a_passage_of_its_article(slug):
    expected = AGREEMENTS[slug]
    agreement = Agreement.objects.get(slug=slug)
    backed = cited(agreement)
    assert expected["article"] in backed
    facts = {"kind", "parties", "title"}
    facts |= {"signed_on"} if expected["date"][0] else set()
    facts |= {"place"} if expected["place"] else set()
    for name in ("event", "duration_months", "renews", "signatories", "attendees"):
        if expected[name]:
            facts.add(name)
    assert facts <= all_backed(agreement), facts - all_backed(agreement)
    # A quoted title must occur in the article; the titles the sources print for the
    # people at a signing are kept as printed.
    text = article(expected["article"])
    if not agreement.title_is_editorial:
        assert printed(agreement.title_ar) in text
    for act in [*agreement.signatories.all(), *agreement.attendees.all()]:
        assert printed(act.person.name_ar) in text, act.person.slug
        if act.title_ar:
            assert printed(act.title_ar) in text, (act.person.slug, act.title_ar)


def test_no_one_signs_the_elm_memorandum_in_the_articles_words():
    mou = Agreement.objects.get(slug="ministry-elm-digital-development-agency-mou-2025")
    # The headline's "the minister signs" backs no signing act.
    assert "signatories" not in all_backed(mou)
    assert "لا يذكر المقال من وضع توقيعه" in mou.public_note_ar
    assert "ne dit pas qui a apposé sa signature" in mou.public_note_fr


# --- Events ----------------------------------------------------------------------------


def test_the_seeds_hold_the_events_of_the_reading_and_no_other():
    assert set(Event.objects.values_list("slug", flat=True)) == set(EVENTS)


@pytest.mark.parametrize("slug", sorted(EVENTS))
def test_each_event_states_what_its_article_states(slug):
    expected = EVENTS[slug]
    event = Event.objects.get(slug=slug)
    assert event.status == "published"
    assert event.kind == expected["kind"]
    assert event.name_is_editorial is expected["name_is_editorial"]
    name_ar, name_en = expected["name"]
    if name_ar:
        assert event.name_ar == name_ar
    if name_en:
        assert event.name_en == name_en
    if "name_fr" in expected:
        assert event.name_fr == expected["name_fr"]
    start = event.start_partial
    assert (start.isoformat(), str(start.precision.value)) == expected["start"]
    end = event.end_partial
    if expected["end"] is None:
        assert event.end_date is None
    else:
        assert (end.isoformat(), str(end.precision.value)) == expected["end"]
    assert (event.city_en, event.country.code or "") == expected["place"]
    assert (event.parent.slug if event.parent else None) == expected["parent"]
    assert {
        (p.person.slug, p.organization.slug if p.organization else None)
        for p in event.participants.all()
    } == expected["participants"]
    text = article(expected["article"])
    assert expected["article"] in cited(event)
    if not event.name_is_editorial:
        assert printed(expected.get("printed") or event.name_ar) in text
    facts = {"name", "kind"}
    facts |= {"start_date"} if expected["start"][0] else set()
    facts |= {"participants"} if expected["participants"] else set()
    facts |= {"parent"} if expected["parent"] else set()
    assert facts <= all_backed(event), facts - all_backed(event)


# --- People ----------------------------------------------------------------------------


def test_the_seeds_hold_the_people_of_the_reading_and_no_other():
    assert set(Person.objects.values_list("slug", flat=True)) == set(PEOPLE)


@pytest.mark.parametrize("slug", sorted(PEOPLE))
def test_each_person_is_named_as_printed_and_spelled_as_they_spell_it(slug):
    file_name, name_ar, latin, bodies = PEOPLE[slug]
    person = Person.objects.get(slug=slug)
    assert person.name_ar == name_ar
    assert printed(name_ar) in article(file_name)
    assert (person.name_fr, person.name_en) == (latin, latin)
    assert file_name in cited(person)
    assert {p.organization.slug for p in person.positions.all()} == bodies


# --- Initiatives and public text -------------------------------------------------------


def test_names_the_articles_do_not_print_are_marked_editorial():
    editorial = set(
        Initiative.objects.filter(name_is_editorial=True).values_list("slug", flat=True)
    )
    assert editorial == EDITORIAL_INITIATIVE_NAMES


def test_the_export_rules_for_ai_offshoring_are_recorded_from_002():
    rules = Initiative.objects.get(slug="ai-solutions-offshoring-export-rules")
    assert A002 in cited(rules)
    assert "تنظيمات جديدة لتصدير حلول الذكاء الاصطناعي في إطار خدمات الأوفشورينغ" in (rules.name_ar)


def test_plans_are_told_in_the_future_tense():
    programme = Initiative.objects.get(slug="youth-ai-training-frmf-programme")
    assert "سيستفيد" in programme.description_ar and "سينطلق" in programme.description_ar
    assert "bénéficieront" in programme.description_fr
    assert "will benefit" in programme.description_en


def test_no_editors_reasoning_reaches_a_public_description():
    texts = []
    for model, fields in [
        (Event, ("description",)),
        (Agreement, ("summary", "objectives", "public_note")),
        (Initiative, ("description",)),
    ]:
        for record in model.objects.all():
            for field in fields:
                for lang in ("ar", "fr", "en"):
                    texts.append((record.slug, getattr(record, f"{field}_{lang}")))
    for slug, text in texts:
        for note in INTERNAL_NOTES:
            assert note not in text, (slug, note)


def test_the_cameroonian_union_reads_uccc_in_english():
    from partners.models import Organization

    union = Organization.objects.get(slug="cvuc")
    assert (union.acronym_fr, union.acronym_en) == ("CVUC", "UCCC")
