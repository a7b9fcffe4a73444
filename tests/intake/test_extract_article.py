"""Proposals from articles written for these tests (not the seed articles), Arabic and French.

Every test also checks the contract's rule: each value's evidence is a verbatim slice of
the text that contains it (`intake.extract.support.unsupported`).
"""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest
from django.utils import translation

from core.records import PartialDate
from intake.extract import Gazetteer, extract_article
from intake.extract.gazetteer import KnownPosition, KnownRecord
from intake.extract.support import unsupported

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"


def extract(text: str, language: str = "ar", published=None, gazetteer=None):
    proposals = extract_article(
        text, language=language, published=published, gazetteer=gazetteer or Gazetteer()
    )
    assert unsupported(proposals, text) == []
    for evidence in proposals.evidence():
        assert text[evidence.start : evidence.end] == evidence.quote
    return proposals


def by_key(proposals):
    names = {o.key: o.name.text for o in proposals.organizations}
    names |= {p.key: p.name.text for p in proposals.people}
    names |= {e.key: e.name.text for e in proposals.events}
    return names


ARABIC = (
    "الرباط - وقع وزير التجهيز والماء، السيد نزار بركة، والمدير العام لشركة 'أطلس داتا'، "
    "السيد كريم العلوي، أمس الأربعاء بالرباط، اتفاقية شراكة لتطوير مراكز البيانات بالمغرب.\n"
    "وجرى حفل التوقيع بحضور السيدة ليلى بنعلي، وزيرة الانتقال الطاقي والتنمية المستدامة.\n"
    "وتمتد الاتفاقية لمدة ثلاث سنوات.\n"
    "ومن جهة أخرى، عقد الوزير مباحثات مع سفير اليابان بالرباط السيد تاكيشي ياماموتو، "
    "على هامش الدورة الثانية لمعرض 'ديجيتال ماروك 2025' بالدار البيضاء، دون التوقيع على أي وثيقة.\n"
)


def test_an_arabic_signing_read_whole() -> None:
    proposals = extract(ARABIC, published=PartialDate(2025, 3, 6))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    assert agreement.kind.value == "agreement"  # اتفاقية شراكة
    assert agreement.title.value.startswith("اتفاقية شراكة")
    assert {names[p.value] for p in agreement.parties} == {"وزارة التجهيز والماء", "أطلس داتا"}
    signed = {names[s.person]: (s.title, names.get(s.organization)) for s in agreement.signatories}
    assert signed == {
        "نزار بركة": ("وزير التجهيز والماء", "وزارة التجهيز والماء"),
        "كريم العلوي": ("المدير العام لشركة 'أطلس داتا'", "أطلس داتا"),
    }
    (attendee,) = agreement.attendees
    assert names[attendee.person] == "ليلى بنعلي"
    assert attendee.title == "وزيرة الانتقال الطاقي والتنمية المستدامة"
    # "أمس الأربعاء" against Thursday 6 March 2025: Wednesday the 5th, to the day.
    assert agreement.date.value == PartialDate(2025, 3, 5)
    assert agreement.date.text == "أمس الأربعاء"
    assert agreement.date.warnings == []
    assert (agreement.place.city, agreement.place.country) == ("الرباط", "MA")
    assert agreement.duration_months.value == 36
    assert agreement.subject.value == "لتطوير مراكز البيانات بالمغرب"
    assert agreement.existing is None
    # Nothing matched the empty gazetteer: every name is a new proposal.
    assert all(p.name.existing is None for p in proposals.people)


def test_talks_where_nothing_was_signed_are_an_event_not_an_agreement() -> None:
    proposals = extract(ARABIC, published=PartialDate(2025, 3, 6))
    names = by_key(proposals)
    talks = next(e for e in proposals.events if e.name.text.startswith("مباحثات"))
    fair = next(e for e in proposals.events if "ديجيتال ماروك 2025" in e.name.text)
    assert talks.signed_nothing and fair.signed_nothing
    assert "تاكيشي ياماموتو" in {names[p.person] for p in talks.participants}
    assert fair.date.value == PartialDate(2025)  # the year its name gives
    assert (fair.place.city, fair.place.country) == ("الدار البيضاء", "MA")


FRENCH = (
    "Casablanca - Le ministre de l'Équipement et de l'Eau, M. Nizar Baraka, et le président "
    "de la société Atlas Data, M. Karim Alaoui, ont signé hier à Casablanca un protocole "
    "d'accord pour le développement des centres de données.\n"
    "La cérémonie de signature s'est déroulée en présence de Mme Leila Benali, ministre de la "
    "Transition énergétique et du Développement durable.\n"
    "Le protocole a été conclu pour une durée de deux ans, en marge du salon Digital Maroc "
    "2025.\n"
    "Par ailleurs, l'Office national des aéroports et la société Atlas Data ont paraphé le "
    "3 mars 2025 une déclaration d'intention sur la sécurité des données.\n"
)


def test_a_french_signing_read_whole() -> None:
    proposals = extract(FRENCH, "fr", PartialDate(2025, 3, 6))
    names = by_key(proposals)
    protocol, declaration = proposals.agreements
    assert protocol.kind.value == "protocol"
    assert {names[p.value] for p in protocol.parties} == {
        "ministère de l'Équipement et de l'Eau",
        "Atlas Data",
    }
    signed = {names[s.person]: names.get(s.organization) for s in protocol.signatories}
    assert signed == {
        "Nizar Baraka": "ministère de l'Équipement et de l'Eau",
        "Karim Alaoui": "Atlas Data",
    }
    assert [names[a.person] for a in protocol.attendees] == ["Leila Benali"]
    assert protocol.date.value == PartialDate(2025, 3, 5)  # hier
    assert protocol.place.city == "Casablanca"
    assert protocol.duration_months.value == 24
    assert names[protocol.event.value] == "salon Digital Maroc 2025"
    assert declaration.kind.value == "declaration_of_intent"
    assert declaration.date.value == PartialDate(2025, 3, 3)
    assert {names[p.value] for p in declaration.parties} == {
        "Office national des aéroports",
        "Atlas Data",
    }


@pytest.mark.parametrize(
    ("sentence", "language", "kind"),
    [
        ("وقعت الوكالة الوطنية للموانئ وشركة 'مرسى' مذكرة تفاهم بطنجة.", "ar", "mou"),
        ("وقعت الوكالة الوطنية للموانئ وشركة 'مرسى' بروتوكول اتفاق بطنجة.", "ar", "protocol"),
        ("وقعت الوكالة الوطنية للموانئ وشركة 'مرسى' اتفاق إطار بطنجة.", "ar", "agreement"),
        ("وقعت الوكالة الوطنية للموانئ وشركة 'مرسى' اتفاقية بطنجة.", "ar", "agreement"),
        (
            "وقعت الوكالة الوطنية للموانئ وشركة 'مرسى' إعلان نوايا بطنجة.",
            "ar",
            "declaration_of_intent",
        ),
        (
            "L'Agence nationale des ports et la société Marsa ont signé un mémorandum d'entente.",
            "fr",
            "mou",
        ),
        (
            "L'Agence nationale des ports et la société Marsa ont signé un accord-cadre.",
            "fr",
            "agreement",
        ),
        (
            "L'Agence nationale des ports et la société Marsa ont signé une convention.",
            "fr",
            "agreement",
        ),
        (
            "L'Agence nationale des ports et la société Marsa ont signé une déclaration d'intention.",
            "fr",
            "declaration_of_intent",
        ),
    ],
)
def test_each_instrument_has_its_kind(sentence: str, language: str, kind: str) -> None:
    (agreement,) = extract(sentence, language).agreements
    assert agreement.kind.value == kind
    names = by_key(extract(sentence, language))
    assert len(agreement.parties) == 2, [names[p.value] for p in agreement.parties]


def test_an_instrument_mentioned_without_a_signing_is_not_proposed() -> None:
    text = "وأكد الوزير أن مذكرة التفاهم ستساهم في تطوير القطاع."
    assert extract(text).agreements == []


ANAS = KnownRecord(
    "person", 10, "anas-example", {"ar": "أنس الإدريسي", "fr": "Anas Idrissi"},
    positions=(KnownPosition({"ar": "المدير العام للمكتب"}, "office"),),
)  # fmt: skip
OFFICE = KnownRecord(
    "organization", 11, "office", {"ar": "المكتب الوطني للمطارات", "fr": "Office national des aéroports"},
    acronyms=("ONDA",), country="MA",
)  # fmt: skip
COMPANY = KnownRecord("organization", 12, "atlas-data", {"ar": "أطلس داتا", "fr": "Atlas Data"})
RECORDED = KnownRecord(
    "agreement", 13, "onda-atlas-2025", {"ar": "إعلان نوايا", "fr": "Déclaration d'intention"},
    agreement_kind="declaration_of_intent", parties=("atlas-data", "office"),
    date=PartialDate(2025, 3),
)  # fmt: skip


def test_an_agreement_already_recorded_is_proposed_as_a_corroboration() -> None:
    gazetteer = Gazetteer([ANAS, OFFICE, COMPANY, RECORDED])
    proposals = extract(FRENCH, "fr", PartialDate(2025, 3, 6), gazetteer)
    protocol, declaration = proposals.agreements
    assert declaration.existing is not None and declaration.existing.slug == "onda-atlas-2025"
    assert protocol.existing is None
    # The known organizations are proposed as themselves, with their score.
    office = next(o for o in proposals.organizations if o.name.existing)
    assert office.name.existing.slug in {"office", "atlas-data"}
    assert office.name.score >= 86


def test_a_known_person_spelled_otherwise_is_the_existing_record() -> None:
    gazetteer = Gazetteer([ANAS, OFFICE])
    text = "وقع السيد انس الادريسى، المدير العام للمكتب الوطني للمطارات، مذكرة تفاهم مع شركة 'سما'."
    proposals = extract(text, gazetteer=gazetteer)
    person = next(p for p in proposals.people if p.name.existing)
    assert person.name.existing.slug == "anas-example"
    (agreement,) = proposals.agreements
    parties = {o.key: o for o in proposals.organizations}
    assert {
        parties[p.value].name.existing.slug
        if parties[p.value].name.existing
        else parties[p.value].name.text
        for p in agreement.parties
    } == {"office", "سما"}


def test_the_publication_date_the_text_states_is_proposed_and_anchors_the_rest() -> None:
    text = (
        "وقعت وزارة الصحة، اليوم الجمعة 12 شتنبر 2025، مذكرة تفاهم مع شركة 'شفاء'.\n"
        "وكان الطرفان قد التقيا في يوليوز الماضي بالرباط خلال المناظرة الوطنية للصحة الرقمية.\n"
    )
    proposals = extract(text)
    assert proposals.publication_date.value == PartialDate(2025, 9, 12)
    (agreement,) = proposals.agreements
    assert agreement.date.value == PartialDate(2025, 9, 12)
    conference = next(e for e in proposals.events if "المناظرة" in e.name.text)
    assert conference.date.value == PartialDate(2025, 7)


def test_a_weekday_pinned_by_the_event_it_was_held_at() -> None:
    text = (
        "عقدت الوزيرة السيدة سلمى الفاسي، اليوم الأحد بالدوحة، مباحثات مع وزير الاقتصاد "
        "القطري السيد خالد بن حمد.\n"
        "وجرت المباحثات على هامش قمة الدوحة الرقمية 2026 (1-4 فبراير الجاري).\n"
    )
    proposals = extract(text)
    talks = next(e for e in proposals.events if e.name.text.startswith("مباحثات"))
    # Only 1 February 2026 is a Sunday between the 1st and the 4th.
    assert talks.date.value == PartialDate(2026, 2, 1)
    assert talks.date.warnings  # the editor is told how the day was found
    assert (talks.place.city, talks.place.country) == ("الدوحة", "QA")


def test_a_long_article_is_read_in_well_under_two_seconds() -> None:
    text = (SEEDS / "000_64397c500d17cdd7.txt").read_text()
    assert len(text.encode()) > 23_000
    started = time.perf_counter()
    extract(text)
    assert time.perf_counter() - started < 2


def test_titles_belong_to_their_own_list_item_and_a_definite_head_names_the_body_before() -> None:
    text = (
        "الرباط – وقعت وزارة الانتقال الرقمي وإصلاح الإدارة ومؤسسة محمد السادس للنهوض "
        "بالأعمال الاجتماعية للتربية والتكوين، يوم الخميس بالرباط، اتفاقية إطار للتعاون.\n"
        "ووقع هذه الاتفاقية كل من الوزيرة المنتدبة المكلفة بالانتقال الرقمي وإصلاح الإدارة، "
        "أمل الفلاح السغروشني، ورئيس المؤسسة، يوسف بلقاسمي.\n"
    )
    proposals = extract(text, published=PartialDate(2025, 11, 13))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    # The ministry named in the text and the one the minister's title implies are one.
    assert len(agreement.parties) == 2
    signed = {names[s.person]: names[s.organization] for s in agreement.signatories}
    assert signed["يوسف بلقاسمي"].startswith("مؤسسة محمد السادس")
    # An Arabic weekday alone is not a date.
    assert agreement.date.value == PartialDate()
    assert agreement.date.warnings


def test_french_list_of_signatories_name_first() -> None:
    text = (
        "Rabat - L'Agence du développement du digital et la société Atlas Data ont signé, "
        "mardi 14 octobre 2025 à Rabat, une convention de partenariat avec Microsoft Maroc.\n"
        "La convention a été signée par Mme Salma Bennani, directrice générale de l'Agence, "
        "M. Karim Alaoui, président d'Atlas Data, et Mme Leila Serhani, directrice générale "
        "de Microsoft Maroc.\n"
    )
    proposals = extract(text, "fr", PartialDate(2025, 10, 15))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    assert {names[p.value] for p in agreement.parties} == {
        "Agence du développement du digital",
        "Atlas Data",
        "Microsoft Maroc",
    }
    titles = {names[s.person]: s.title for s in agreement.signatories}
    assert titles == {
        "Salma Bennani": "directrice générale de l'Agence",
        "Karim Alaoui": "président d'Atlas Data",
        "Leila Serhani": "directrice générale de Microsoft Maroc",
    }
    assert agreement.date.value == PartialDate(2025, 10, 14)


def test_a_meeting_without_signing_does_not_borrow_the_agreement() -> None:
    text = (
        "وقعت وزارة الصحة وشركة 'شفاء' مذكرة تفاهم أمس الثلاثاء.\n"
        "ومن جهة أخرى، عقد الوزير مباحثات مع سفير اليابان بالرباط السيد تاكيشي ياماموتو، "
        "على هامش معرض 'الصحة الرقمية 2025'، دون التوقيع على أي وثيقة.\n"
    )
    proposals = extract(text, published=PartialDate(2025, 3, 5))
    (agreement,) = proposals.agreements
    assert agreement.event is None
    fair = next(e for e in proposals.events if "الصحة الرقمية 2025" in e.name.text)
    assert fair.signed_nothing
    ambassador = next(p for p in proposals.people if p.name.text == "تاكيشي ياماموتو")
    assert [position.title for position in ambassador.positions] == ["سفير اليابان بالرباط"]


def test_a_recorded_agreement_of_another_kind_is_not_the_one_reported() -> None:
    recorded = KnownRecord(
        "agreement", 20, "onda-atlas-mou", {"ar": "مذكرة تفاهم"}, agreement_kind="mou",
        parties=("atlas-data", "office"), date=PartialDate(2025),
    )  # fmt: skip
    gazetteer = Gazetteer([OFFICE, COMPANY, recorded])
    proposals = extract(FRENCH, "fr", PartialDate(2025, 3, 6), gazetteer)
    assert all(a.existing is None for a in proposals.agreements)


def test_a_forum_where_nothing_was_signed() -> None:
    text = (
        "Dakhla - La ministre déléguée chargée de la Transition numérique, Samira Idrissi, a pris "
        "part jeudi au Forum Africa Digital Summit 2025, organisé du 20 au 22 mai à Dakhla, en "
        "présence du wali de la région Dakhla-Oued Eddahab, M. Ali Khalil.\n"
        "Dans son allocution, la ministre a présenté la stratégie « Maroc Digital 2030 ».\n"
        "Aucun accord n'a été signé lors de ce forum.\n"
    )
    proposals = extract(text, "fr", PartialDate(2025, 5, 23))
    names = by_key(proposals)
    assert proposals.agreements == []
    (forum,) = proposals.events
    assert forum.signed_nothing
    assert (str(forum.date.value), str(forum.end.value)) == ("2025-05-20", "2025-05-22")
    assert (forum.place.city, forum.place.country) == ("Dakhla", "MA")
    assert {names[p.person] for p in forum.participants} == {"Samira Idrissi", "Ali Khalil"}
    assert [i.name.text for i in proposals.initiatives] == ["Maroc Digital 2030"]


def test_a_region_is_a_party_and_a_city_may_follow_madina() -> None:
    text = (
        "جرى، اليوم الثلاثاء بمدينة الداخلة، توقيع اتفاقية شراكة بين جهة الداخلة وادي الذهب "
        "والوكالة الوطنية لتقنين المواصلات، بحضور كل من والي الجهة، السيد علي خليل، ورئيس "
        "مجلس الجهة، السيد الخطاط ينجا.\n"
    )
    proposals = extract(text, published=PartialDate(2025, 5, 20))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    assert {names[p.value] for p in agreement.parties} == {
        "جهة الداخلة وادي الذهب",
        "الوكالة الوطنية لتقنين المواصلات",
    }
    assert agreement.place.city == "الداخلة"
    assert agreement.date.value == PartialDate(2025, 5, 20)
    assert {names[a.person] for a in agreement.attendees} == {"علي خليل", "الخطاط ينجا"}
    assert agreement.signatories == []


def test_ministers_signing_for_their_countries() -> None:
    text = (
        "Le Maroc et les Émirats arabes unis ont signé, lundi à Abou Dhabi, un mémorandum "
        "d'entente dans le domaine de la transition numérique.\n"
        "Le mémorandum a été signé par le ministre de l'Industrie et du Commerce, Ryad Mezzour, "
        "et le ministre de l'Économie, Abdullah bin Touq Al Marri.\n"
    )
    proposals = extract(text, "fr", PartialDate(2025, 2, 4))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    signed = {names[s.person]: names[s.organization] for s in agreement.signatories}
    assert signed == {
        "Ryad Mezzour": "ministère de l'Industrie et du Commerce",
        "Abdullah bin Touq Al Marri": "ministère de l'Économie",
    }
    assert agreement.date.value == PartialDate(2025, 2, 3)
    assert (agreement.place.city, agreement.place.country) == ("Abou Dhabi", "AE")


def test_proposals_are_plain_data_with_warnings_in_the_editors_language() -> None:
    text = "تم، اليوم الثلاثاء بالرباط، توقيع بروتوكول اتفاق بين وزارة الصحة وشركة 'شفاء'."
    with translation.override("fr"):
        proposals = extract(text)
    (agreement,) = proposals.agreements
    (warning,) = agreement.date.warnings
    assert type(warning) is str and "date de publication" in warning
    json.dumps(dataclasses.asdict(proposals))  # storable as it is


def test_new_records_come_with_the_kind_their_name_suggests() -> None:
    proposals = extract(ARABIC, published=PartialDate(2025, 3, 6))
    kinds = {o.name.text: o.kind for o in proposals.organizations}
    assert kinds["وزارة التجهيز والماء"] == "ministry"
    events = {e.name.text: e.kind for e in proposals.events}
    assert events["الدورة الثانية لمعرض 'ديجيتال ماروك 2025'"] == "trade_fair"
    assert next(k for n, k in events.items() if n.startswith("مباحثات")) == "bilateral_meeting"


def test_organization_names_stop_at_a_verb_and_drop_their_clitics() -> None:
    text = (
        "وقعت الوزارة مذكرة تفاهم مع الاتحاد العام لمقاولات المغرب، وأكد المدير العام "
        "للاتحاد الإفريقي للاتصالات أن شراكتنا مع وكالة التنمية الرقمية تعكس التزامنا."
    )
    names = {o.name.text for o in extract(text).organizations}
    assert "الاتحاد العام لمقاولات المغرب" in names
    assert "اتحاد الإفريقي للاتصالات" in names  # "للاتحاد": the alif is not written
    assert "وكالة التنمية الرقمية" in names


def test_agreements_signed_together_are_told_apart_by_their_ordinal() -> None:
    text = (
        "الدار البيضاء – أشرف رئيس الحكومة، عزيز أخنوش، يوم الإثنين 3 مارس 2025 بالدار "
        "البيضاء، على توقيع ثلاث اتفاقيات لتطوير صناعة السيارات الكهربائية.\n"
        'وتهم الاتفاقية الأولى، الموقعة بين وزارة الصناعة والتجارة ومجموعة "رونو المغرب"، '
        "إحداث مركز للبحث والتطوير.\n"
        "أما الاتفاقية الثانية، فقد وقعها كل من وزير الاقتصاد والمالية، السيدة نادية فتاح، "
        'والمدير العام لمجموعة "ستيلانتيس"، السيد كارلوس تافاريس.\n'
        "وحضر حفل التوقيع والي جهة الدار البيضاء سطات، السيد محمد امهيدية.\n"
    )
    proposals = extract(text, published=PartialDate(2025, 3, 4))
    names = by_key(proposals)
    first, second = proposals.agreements
    assert {names[p.value] for p in first.parties} == {"وزارة الصناعة والتجارة", "رونو المغرب"}
    assert {names[s.person] for s in second.signatories} == {"نادية فتاح", "كارلوس تافاريس"}
    assert [names[a.person] for a in second.attendees] == ["محمد امهيدية"]
    # The set's date and place are each one's.
    for agreement in (first, second):
        assert agreement.date.value == PartialDate(2025, 3, 3)
        assert agreement.place.city == "الدار البيضاء"


def test_a_french_dispatch_in_the_passive() -> None:
    text = (
        "Rabat - Un mémorandum d'entente a été signé, jeudi à Rabat, entre le ministère de la "
        "Transition numérique et de la Réforme de l'administration et l'Agence nationale de "
        "réglementation des télécommunications (ANRT), en vue de renforcer la couverture du "
        "territoire en haut débit.\n"
        "Le document a été paraphé par la ministre déléguée Amal El Fallah Seghrouchni et le "
        "directeur général de l'ANRT, Azeddine El Mountassir Billah, en présence du ministre de "
        "l'Équipement, Nizar Baraka.\n"
        "D'une durée de trois ans, ce mémorandum prévoit la mise en place d'un comité de suivi.\n"
    )
    proposals = extract(text, "fr", PartialDate(2025, 6, 14))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    assert {names[p.value] for p in agreement.parties} == {
        "ministère de la Transition numérique et de la Réforme de l'administration",
        "Agence nationale de réglementation des télécommunications",
    }
    titles = {names[s.person]: s.title for s in agreement.signatories}
    assert titles == {
        "Amal El Fallah Seghrouchni": "ministre déléguée",
        "Azeddine El Mountassir Billah": "directeur général de l'ANRT",
    }
    (attendee,) = agreement.attendees
    assert (names[attendee.person], attendee.title) == ("Nizar Baraka", "ministre de l'Équipement")
    assert agreement.date.value == PartialDate(2025, 6, 12)  # jeudi, with a past tense
    assert agreement.duration_months.value == 36


def test_a_byline_date_is_the_publication_date() -> None:
    text = (
        "Publié le 13/03/2025\n"
        "La société Atlas Data et l'Office national des aéroports ont signé hier une convention.\n"
    )
    proposals = extract(text, "fr")
    assert proposals.publication_date.value == PartialDate(2025, 3, 13)
    (agreement,) = proposals.agreements
    assert agreement.date.value == PartialDate(2025, 3, 12)


def test_a_gulf_dispatch_with_harakat_and_middle_eastern_months() -> None:
    text = (
        "الرياض - وقّعت هيئة الحكومة الرقمية السعودية ووكالة التنمية الرقمية المغربية، يوم "
        "الأربعاء 15 أكتوبر 2025 في الرياض، مذكرةَ تفاهم لتبادل الخبرات في مجال الحكومة الرقمية.\n"
        "ووقّع المذكرة عن الجانب السعودي معالي المهندس أحمد بن محمد الصويان، محافظ هيئة "
        "الحكومة الرقمية، وعن الجانب المغربي سعادة السيد محمد الإدريسي الملياني، المدير العام "
        "لوكالة التنمية الرقمية.\n"
        "وجاء التوقيع على هامش أعمال منتدى الحكومة الرقمية 2025.\n"
    )
    proposals = extract(text, published=PartialDate(2025, 10, 16))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    assert agreement.title.value == "مذكرةَ تفاهم"  # as printed, harakat kept
    assert agreement.date.value == PartialDate(2025, 10, 15)
    assert (agreement.place.city, agreement.place.country) == ("الرياض", "SA")
    signed = {names[s.person]: (s.title, names[s.organization]) for s in agreement.signatories}
    assert signed == {
        "أحمد بن محمد الصويان": ("محافظ هيئة الحكومة الرقمية", "هيئة الحكومة الرقمية"),
        "محمد الإدريسي الملياني": (
            "المدير العام لوكالة التنمية الرقمية",
            "وكالة التنمية الرقمية",
        ),
    }
    assert names[agreement.event.value] == "منتدى الحكومة الرقمية 2025"
    # The nationality closing a new organization's name gives its country.
    countries = {o.name.text: o.country for o in proposals.organizations}
    assert countries == {"هيئة الحكومة الرقمية": "SA", "وكالة التنمية الرقمية": "MA"}


def test_a_company_named_in_quotes_takes_the_nationality_printed_beside_it() -> None:
    text = "وقعت الوزارة والشركة الفرنسية ” Onepoint “ والشركة 'عِلم' السعودية مذكرة تفاهم."
    countries = {o.name.text: o.country for o in extract(text).organizations}
    assert countries == {"Onepoint": "FR", "عِلم": "SA"}


def test_the_ceremony_in_a_sentence_of_its_own_brings_its_guests_to_the_signing() -> None:
    """ "La cérémonie s'est déroulée en présence de ..." names no instrument and no signing
    verb: it is the ceremony of the agreement just reported."""
    text = (
        "Rabat – Le ministère de la Transition numérique et de la Réforme de l'administration "
        "et la société Orange Maroc ont signé, le 4 mars 2025 à Rabat, un mémorandum "
        "d'entente pour former des jeunes aux métiers du numérique.\n"
        "La cérémonie s'est déroulée en présence de M. Ryad Mezzour, ministre de l'Industrie "
        "et du Commerce.\n"
    )
    proposals = extract(text, language="fr")
    (agreement,) = proposals.agreements
    names = by_key(proposals)
    assert [names[act.person] for act in agreement.attendees] == ["Ryad Mezzour"]
    assert agreement.attendees[0].title == "ministre de l'Industrie et du Commerce"
