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


FRAMEWORK_AGREEMENT = (
    "الدار البيضاء - تم يوم الجمعة 14 فبراير 2025 بالدار البيضاء التوقيع على اتفاقية إطار "
    "بين جامعة الحسن الثاني والجمعية المغربية لصناعة النسيج والألبسة.\n"
    "وأشرف على توقيع الاتفاقية رئيس جامعة الحسن الثاني السيد عبد اللطيف مكرم، ورئيس "
    "الجمعية المغربية لصناعة النسيج والألبسة السيد أنس الأنصاري.\n"
    "وتهدف هذه الاتفاقية إلى تعزيز التكوين المهني وملاءمته مع حاجيات المقاولات.\n"
)


def test_an_association_is_a_party_and_heads_who_preside_over_the_signing_signed() -> None:
    proposals = extract(FRAMEWORK_AGREEMENT, published=PartialDate(2025, 2, 15))
    names = by_key(proposals)
    # "والجمعية ..." opens the second party; "السيد" ends the university's name.
    assert {o.name.text for o in proposals.organizations} == {
        "جامعة الحسن الثاني",
        "الجمعية المغربية لصناعة النسيج والألبسة",
    }
    (agreement,) = proposals.agreements
    assert agreement.kind.value == "agreement"
    assert agreement.title.value == "اتفاقية إطار"
    assert {names[p.value] for p in agreement.parties} == {
        "جامعة الحسن الثاني",
        "الجمعية المغربية لصناعة النسيج والألبسة",
    }
    # Heads of the two parties "presiding over" the signing signed it for them.
    signed = {names[s.person]: (s.title, names.get(s.organization)) for s in agreement.signatories}
    assert signed == {
        "عبد اللطيف مكرم": ("رئيس جامعة الحسن الثاني", "جامعة الحسن الثاني"),
        "أنس الأنصاري": (
            "رئيس الجمعية المغربية لصناعة النسيج والألبسة",
            "الجمعية المغربية لصناعة النسيج والألبسة",
        ),
    }
    assert agreement.attendees == []
    assert agreement.date.value == PartialDate(2025, 2, 14)
    assert agreement.place.city == "الدار البيضاء"


PRESIDED_BY_A_MINISTER = (
    "مراكش - أشرف وزير الفلاحة والصيد البحري والتنمية القروية والمياه والغابات، السيد أحمد "
    "البواري، يوم الإثنين 21 أبريل 2025 بمراكش، على توقيع مذكرة تفاهم بين القرض الفلاحي "
    "للمغرب والمكتب الوطني للاستشارة الفلاحية.\n"
    "ووقع المذكرة كل من رئيس مجلس الإدارة الجماعية للقرض الفلاحي للمغرب محمد فكرات، "
    "والمدير العام للمكتب الوطني للاستشارة الفلاحية المهدي الرامي.\n"
    "وجرى التوقيع على هامش الدورة السابعة عشرة للمعرض الدولي للفلاحة بالمغرب.\n"
)


def test_a_minister_presiding_attends_and_a_board_is_not_the_employer() -> None:
    proposals = extract(PRESIDED_BY_A_MINISTER, published=PartialDate(2025, 4, 22))
    names = by_key(proposals)
    organizations = {o.name.text for o in proposals.organizations}
    assert not any(name.startswith("مجلس") for name in organizations)
    (agreement,) = proposals.agreements
    assert agreement.kind.value == "mou"
    assert {names[p.value] for p in agreement.parties} == {
        "القرض الفلاحي للمغرب",
        "المكتب الوطني للاستشارة الفلاحية",
    }
    signed = {names[s.person]: (s.title, names.get(s.organization)) for s in agreement.signatories}
    assert signed["محمد فكرات"] == (
        "رئيس مجلس الإدارة الجماعية للقرض الفلاحي للمغرب",
        "القرض الفلاحي للمغرب",
    )
    assert signed["المهدي الرامي"] == (
        "المدير العام للمكتب الوطني للاستشارة الفلاحية",
        "المكتب الوطني للاستشارة الفلاحية",
    )
    assert set(signed) == {"محمد فكرات", "المهدي الرامي"}
    # The minister presided: he attended, for a ministry that is not a party.
    (guest,) = agreement.attendees
    assert names[guest.person] == "أحمد البواري"
    assert names[guest.organization].startswith("وزارة الفلاحة")
    assert agreement.date.value == PartialDate(2025, 4, 21)
    assert agreement.place.city == "مراكش"
    assert names[agreement.event.value].startswith("الدورة السابعة عشرة للمعرض الدولي للفلاحة")


def test_an_acronym_in_brackets_names_the_employer_and_a_university_is_no_person() -> None:
    text = (
        "L'Agence de développement du digital (ADD) et l'Université Mohammed VI "
        "Polytechnique ont procédé à la signature d'une convention de partenariat, le 1er "
        "juillet 2025 à Rabat.\n"
        "La convention a été signée par le directeur général de l'ADD, Sami Mouline, et le "
        "président de l'Université Mohammed VI Polytechnique, Hicham El Habti.\n"
    )
    proposals = extract(text, language="fr", published=PartialDate(2025, 7, 2))
    names = by_key(proposals)
    assert {p.name.text for p in proposals.people} == {"Sami Mouline", "Hicham El Habti"}
    (agreement,) = proposals.agreements
    assert agreement.kind.value == "agreement"
    assert {names[p.value] for p in agreement.parties} == {
        "Agence de développement du digital",
        "Université Mohammed VI Polytechnique",
    }
    signed = {names[s.person]: (s.title, names.get(s.organization)) for s in agreement.signatories}
    assert signed == {
        "Sami Mouline": ("directeur général de l'ADD", "Agence de développement du digital"),
        "Hicham El Habti": (
            "président de l'Université Mohammed VI Polytechnique",
            "Université Mohammed VI Polytechnique",
        ),
    }
    assert agreement.date.value == PartialDate(2025, 7, 1)
    assert agreement.date.text == "1er juillet 2025"
    assert agreement.place.city == "Rabat"


def test_a_french_meeting_with_no_signing_and_an_elided_title() -> None:
    text = (
        "Le ministre de l'Équipement et de l'Eau, Nizar Baraka, s'est entretenu, mardi 3 juin "
        "2025 à Rabat, avec l'ambassadeur de France au Maroc, Christophe Lecourtier.\n"
        "Les entretiens ont porté sur la coopération dans le domaine de l'eau. Aucun accord "
        "n'a été signé.\n"
    )
    proposals = extract(text, language="fr", published=PartialDate(2025, 6, 4))
    assert proposals.agreements == []
    titles = {p.name.text: [q.title for q in p.positions] for p in proposals.people}
    assert titles == {
        "Nizar Baraka": ["ministre de l'Équipement et de l'Eau"],
        "Christophe Lecourtier": ["ambassadeur de France au Maroc"],
    }


def test_talks_with_a_counterpart_named_after_his_nationality() -> None:
    text = (
        "الرباط - أجرى وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج، "
        "السيد ناصر بوريطة، يوم الأربعاء 12 مارس 2025 بالرباط، مباحثات مع نظيره البرتغالي "
        "باولو رانجيل.\n"
        "وتناولت المباحثات سبل تعزيز التعاون الثنائي في مجالات الطاقة والنقل.\n"
    )
    proposals = extract(text, published=PartialDate(2025, 3, 13))
    names = by_key(proposals)
    assert proposals.agreements == []
    assert {p.name.text for p in proposals.people} == {"ناصر بوريطة", "باولو رانجيل"}
    (talks,) = proposals.events
    assert talks.signed_nothing
    assert {names[p.person] for p in talks.participants} == {"ناصر بوريطة", "باولو رانجيل"}
    # The sentence's one date is the talks' day, though a comma stands between them.
    assert talks.date.value == PartialDate(2025, 3, 12)
    assert talks.place.city == "الرباط"
    # A text cut after the nationality names nobody (and does not fail).
    cut = text[: text.index("باولو")].rstrip()
    assert {p.name.text for p in extract(cut, published=PartialDate(2025, 3, 13)).people} == {
        "ناصر بوريطة"
    }


def test_a_fair_named_after_en_marge_du_and_a_weekday_that_contradicts_the_date() -> None:
    text = (
        "Le ministère de l'Industrie et du Commerce et la société Renault Maroc ont signé un "
        "mémorandum d'entente, en marge du GITEX Africa, le jeudi 16 avril 2025 à Marrakech.\n"
        "Le mémorandum a été signé par le ministre de l'Industrie et du Commerce, Ryad "
        "Mezzour, et le directeur général de Renault Maroc, Mohamed Bachiri.\n"
    )
    proposals = extract(text, language="fr", published=PartialDate(2025, 4, 17))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    assert agreement.kind.value == "mou"
    assert names[agreement.event.value] == "GITEX Africa"
    assert {names[p.value] for p in agreement.parties} == {
        "ministère de l'Industrie et du Commerce",
        "Renault Maroc",
    }
    signed = {names[s.person]: (s.title, names.get(s.organization)) for s in agreement.signatories}
    assert signed == {
        "Ryad Mezzour": (
            "ministre de l'Industrie et du Commerce",
            "ministère de l'Industrie et du Commerce",
        ),
        "Mohamed Bachiri": ("directeur général de Renault Maroc", "Renault Maroc"),
    }
    # 16 April 2025 was a Wednesday: the printed date stands, with a warning to check it.
    assert agreement.date.value == PartialDate(2025, 4, 16)
    assert len(agreement.date.warnings) == 1
    assert agreement.place.city == "Marrakech"


def test_a_region_s_council_and_a_president_named_after_a_definite_noun() -> None:
    text = (
        "طنجة - وقعت جهة طنجة تطوان الحسيمة والوكالة الوطنية للموانئ، يوم الإثنين 3 مارس "
        "2025 بطنجة، اتفاقية شراكة لتأهيل المنطقة الصناعية.\n"
        "ووقع الاتفاقية كل من رئيس مجلس الجهة عمر مورو، والمديرة العامة للوكالة الوطنية "
        "للموانئ نادية العراقي.\n"
    )
    proposals = extract(text, published=PartialDate(2025, 3, 4))
    names = by_key(proposals)
    # "تطوان" is a city, not a verb; "مجلس الجهة" is the region's council, not a new body.
    assert {o.name.text for o in proposals.organizations} == {
        "جهة طنجة تطوان الحسيمة",
        "الوكالة الوطنية للموانئ",
    }
    (agreement,) = proposals.agreements
    signed = {names[s.person]: (s.title, names.get(s.organization)) for s in agreement.signatories}
    assert signed == {
        "عمر مورو": ("رئيس مجلس الجهة", "جهة طنجة تطوان الحسيمة"),
        "نادية العراقي": (
            "المديرة العامة للوكالة الوطنية للموانئ",
            "الوكالة الوطنية للموانئ",
        ),
    }
    assert agreement.date.value == PartialDate(2025, 3, 3)
    assert agreement.place.city == "طنجة"


def test_a_signing_announced_for_later_is_no_agreement() -> None:
    french = (
        "Rabat - Le ministre de l'Enseignement supérieur, Azzedine El Midaoui, a reçu "
        "mercredi à Rabat une délégation de l'Université de Montréal conduite par sa "
        "rectrice.\n"
        "Une convention devrait être signée prochainement entre les deux établissements.\n"
    )
    proposals = extract(french, language="fr", published=PartialDate(2025, 3, 7))
    assert proposals.agreements == []
    # The participle before "par" is no part of the university's name.
    assert "Université de Montréal" in {o.name.text for o in proposals.organizations}
    arabic = (
        "الرباط - من المرتقب أن توقع وكالة التنمية الرقمية وشركة 'أطلس داتا' مذكرة تفاهم "
        "الأسبوع المقبل.\n"
        "وسيتم التوقيع على اتفاقية شراكة بين الطرفين خلال الدورة المقبلة لمعرض جيتكس.\n"
    )
    assert extract(arabic, published=PartialDate(2025, 3, 7)).agreements == []
    # A signing done, whose effects are to come, is an agreement.
    done = (
        "وقعت وكالة التنمية الرقمية وشركة 'أطلس داتا'، أمس الخميس بالرباط، مذكرة تفاهم سيتم "
        "بموجبها إحداث مركز للبيانات.\n"
    )
    (agreement,) = extract(done, published=PartialDate(2025, 3, 7)).agreements
    assert agreement.kind.value == "mou"


def test_a_set_of_agreements_never_told_apart_is_proposed_once() -> None:
    text = (
        'طنجة - وقعت جهة طنجة تطوان الحسيمة والوكالة الوطنية للموانئ وشركة "رونو المغرب"، '
        "اليوم الإثنين بطنجة، على ثلاث اتفاقيات شراكة لتأهيل المنطقة الصناعية.\n"
        "ووقع هذه الاتفاقيات كل من رئيس مجلس الجهة عمر مورو، والمديرة العامة للوكالة الوطنية "
        'للموانئ نادية العراقي، والمدير العام لشركة "رونو المغرب" محمد البشيري.\n'
        "وجرى حفل التوقيع بحضور والي جهة طنجة تطوان الحسيمة يونس التازي، وثلة من المنتخبين.\n"
    )
    proposals = extract(text, published=PartialDate(2025, 3, 3))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    assert agreement.title.value == "اتفاقيات شراكة"
    assert {names[p.value] for p in agreement.parties} == {
        "جهة طنجة تطوان الحسيمة",
        "الوكالة الوطنية للموانئ",
        "رونو المغرب",
    }
    signed = {names[s.person]: names.get(s.organization) for s in agreement.signatories}
    assert signed == {
        "عمر مورو": "جهة طنجة تطوان الحسيمة",
        "نادية العراقي": "الوكالة الوطنية للموانئ",
        "محمد البشيري": "رونو المغرب",
    }
    # The wali represents the State in the region: the region is not his employer.
    (guest,) = agreement.attendees
    assert names[guest.person] == "يونس التازي"
    assert guest.title == "والي جهة طنجة تطوان الحسيمة"
    assert guest.organization is None
    assert agreement.date.value == PartialDate(2025, 3, 3)
    assert agreement.date.warnings == []
    assert agreement.place.city == "طنجة"


def test_a_french_accord_cadre_paraphe_lundi_dernier_and_an_acronym_from_initials() -> None:
    text = (
        "Un accord-cadre a été paraphé lundi dernier à Casablanca entre l'Université Mohammed "
        "VI Polytechnique et la Caisse de dépôt et de gestion.\n"
        "L'accord a été signé par M. Hicham El Habti, président de l'Université Mohammed VI "
        "Polytechnique, et M. Khalid Safir, directeur général de la CDG.\n"
    )
    proposals = extract(text, language="fr", published=PartialDate(2025, 3, 12))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    assert agreement.title.value == "accord-cadre"
    # "et de gestion" is the name's second complement, not a second party.
    assert {names[p.value] for p in agreement.parties} == {
        "Université Mohammed VI Polytechnique",
        "Caisse de dépôt et de gestion",
    }
    signed = {names[s.person]: (s.title, names.get(s.organization)) for s in agreement.signatories}
    assert signed["Khalid Safir"] == (
        "directeur général de la CDG",
        "Caisse de dépôt et de gestion",
    )
    assert set(signed) == {"Hicham El Habti", "Khalid Safir"}
    # Wednesday 12 March: "lundi dernier" is Monday the 10th.
    assert agreement.date.value == PartialDate(2025, 3, 10)
    assert agreement.date.text == "lundi dernier"
    assert agreement.place.city == "Casablanca"


def test_a_minister_and_his_counterpart_sign_and_the_title_is_each_one_s_own() -> None:
    text = (
        "مدريد - وقع وزير الصناعة والتجارة رياض مزور ونظيره الإسباني جوردي هيريو، أمس الخميس "
        "بمدريد، على مذكرة تفاهم في مجال صناعة السيارات.\n"
        "وتروم هذه المذكرة تعزيز الشراكة الصناعية بين البلدين.\n"
    )
    proposals = extract(text, published=PartialDate(2025, 7, 4))
    names = by_key(proposals)
    # "ونظيره" ends the first name and opens the second.
    assert {p.name.text for p in proposals.people} == {"رياض مزور", "جوردي هيريو"}
    (agreement,) = proposals.agreements
    signed = {names[s.person]: (s.title, names.get(s.organization)) for s in agreement.signatories}
    assert signed == {
        "رياض مزور": ("وزير الصناعة والتجارة", "وزارة الصناعة والتجارة"),
        # The Spanish ministry is not printed: no title borrowed, no ministry made up.
        "جوردي هيريو": ("", None),
    }
    assert {names[p.value] for p in agreement.parties} == {"وزارة الصناعة والتجارة"}
    assert agreement.date.value == PartialDate(2025, 7, 3)
    assert agreement.place.city == "مدريد"


def test_two_brands_opening_a_french_signing_sentence_are_its_parties() -> None:
    text = (
        "Attijariwafa bank et Inwi ont signé, le 1er juillet, un protocole d'accord pour "
        "développer le paiement mobile au Maroc.\n"
        "Le protocole a été signé par Youssef Rouissi, directeur général adjoint "
        "d'Attijariwafa bank, et Mohamed Amine Bouabid, directeur général d'Inwi, au siège de "
        "la banque à Casablanca.\n"
    )
    proposals = extract(text, language="fr", published=PartialDate(2025, 7, 2))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    assert agreement.kind.value == "protocol"
    assert {names[p.value] for p in agreement.parties} == {"Attijariwafa bank", "Inwi"}
    signed = {names[s.person]: names.get(s.organization) for s in agreement.signatories}
    assert signed == {"Youssef Rouissi": "Attijariwafa bank", "Mohamed Amine Bouabid": "Inwi"}
    assert agreement.date.value == PartialDate(2025, 7, 1)
    assert agreement.place.city == "Casablanca"


def test_talks_in_french_with_the_guest_s_title_ending_the_verb_s_clause() -> None:
    text = (
        "Le ministre de l'Équipement et de l'Eau, Nizar Baraka, a eu mardi 3 juin 2025 à "
        "Rabat des entretiens avec l'ambassadeur de France au Maroc, Christophe Lecourtier.\n"
    )
    proposals = extract(text, language="fr", published=PartialDate(2025, 6, 4))
    names = by_key(proposals)
    titles = {p.name.text: [q.title for q in p.positions] for p in proposals.people}
    # The title before "Christophe Lecourtier" is his, not the minister's named two
    # segments before.
    assert titles == {
        "Nizar Baraka": ["ministre de l'Équipement et de l'Eau"],
        "Christophe Lecourtier": ["ambassadeur de France au Maroc"],
    }
    assert proposals.agreements == []
    (talks,) = proposals.events
    assert {names[p.person] for p in talks.participants} == {
        "Nizar Baraka",
        "Christophe Lecourtier",
    }
    assert talks.date.value == PartialDate(2025, 6, 3)
    assert talks.place.city == "Rabat"


def test_last_week_is_known_to_the_month_only_when_the_whole_week_is_in_it() -> None:
    text = (
        "L'Agence de développement du digital et la société Inwi ont signé la semaine "
        "dernière à Rabat une convention de partenariat.\n"
    )
    # Thursday 3 July 2025: last week ran from 23 to 29 June.
    (agreement,) = extract(text, language="fr", published=PartialDate(2025, 7, 3)).agreements
    assert agreement.date.value == PartialDate(2025, 6)
    assert agreement.date.text == "la semaine dernière"
    # Wednesday 9 July: last week ran from 30 June to 6 July, known to the year only.
    (agreement,) = extract(text, language="fr", published=PartialDate(2025, 7, 9)).agreements
    assert agreement.date.value == PartialDate(2025)
    arabic = "وقعت وكالة التنمية الرقمية وشركة 'أطلس داتا'، الأسبوع الماضي بالرباط، مذكرة تفاهم.\n"
    (agreement,) = extract(arabic, published=PartialDate(2025, 7, 3)).agreements
    assert agreement.date.value == PartialDate(2025, 6)
    assert agreement.date.text == "الأسبوع الماضي"
    # Without the publication's day, the week is not placed at all, and the editor is told.
    (agreement,) = extract(arabic, published=PartialDate(2025, 7)).agreements
    assert agreement.date.value == PartialDate()
    assert len(agreement.date.warnings) == 1


def test_initials_that_spell_a_title_are_not_the_body_s_acronym() -> None:
    text = (
        "Le Centre Européen Oriental et la société Inwi ont signé, le 1er juillet "
        "2025 à Rabat, une convention de partenariat.\n"
        "La convention a été signée par Karim Bennani, CEO d'Inwi.\n"
    )
    proposals = extract(text, language="fr", published=PartialDate(2025, 7, 2))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    (signatory,) = agreement.signatories
    assert names[signatory.person] == "Karim Bennani"
    assert names.get(signatory.organization) == "Inwi"


def test_a_minister_under_whose_presidency_the_signing_took_place_attends() -> None:
    text = (
        "Sous la présidence du ministre de l'Agriculture, Ahmed El Bouari, le Crédit Agricole "
        "du Maroc et l'Office national du conseil agricole ont procédé, lundi 21 avril 2025 à "
        "Meknès, à la signature d'une convention de partenariat.\n"
        "La convention a été signée par Mohamed Fikrat, président du directoire du Crédit "
        "Agricole du Maroc, et El Mehdi Rami, directeur général de l'Office national du conseil "
        "agricole.\n"
    )
    proposals = extract(text, language="fr", published=PartialDate(2025, 4, 22))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    assert {names[p.value] for p in agreement.parties} == {
        "Crédit Agricole du Maroc",
        "Office national du conseil agricole",
    }
    signed = {names[s.person]: names.get(s.organization) for s in agreement.signatories}
    # "président du directoire du ...": the board's company, not the board.
    assert signed == {
        "Mohamed Fikrat": "Crédit Agricole du Maroc",
        "El Mehdi Rami": "Office national du conseil agricole",
    }
    (chair,) = agreement.attendees
    assert names[chair.person] == "Ahmed El Bouari"
    assert chair.title == "ministre de l'Agriculture"
    assert agreement.date.value == PartialDate(2025, 4, 21)
    assert agreement.place.city == "Meknès"


HEADLINE_SIGNER = (
    "يوسف العمراني يوقع مذكرة تفاهم مع شركة 'داتا بلس' لتطوير الحوسبة السحابية\n"
    "وقعت، وزارة الصناعة والتجارة، وشركة 'داتا بلس'، مذكرة تفاهم تهدف إلى تطوير الحوسبة "
    "السحابية، وذلك يوم الثلاثاء 14 أكتوبر 2025 بطنجة.\n"
    "وجرى التوقيع على هذه المذكرة بحضور وزير الصناعة والتجارة، يوسف العمراني، والمدير العام "
    "لشركة 'داتا بلس'، سعيد الحلوي.\n"
)


def test_a_headline_signer_the_body_places_among_those_present_attended() -> None:
    # The headline's "X يوقع مذكرة" is shorthand: the body has the institutions sign and
    # the signing take place in X's presence, so X attended and nobody is named as signer.
    proposals = extract(HEADLINE_SIGNER, published=PartialDate(2025, 10, 15))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    assert {names[p.value] for p in agreement.parties} == {
        "وزارة الصناعة والتجارة",
        "داتا بلس",
    }
    assert agreement.signatories == []
    assert {names[a.person] for a in agreement.attendees} == {"يوسف العمراني", "سعيد الحلوي"}


def test_a_headline_signer_the_body_says_nothing_else_of_still_signed() -> None:
    text = HEADLINE_SIGNER.rsplit("\n", 2)[0] + "\n"  # without the presence sentence
    proposals = extract(text, published=PartialDate(2025, 10, 15))
    names = by_key(proposals)
    (agreement,) = proposals.agreements
    assert [names[s.person] for s in agreement.signatories] == ["يوسف العمراني"]
    assert agreement.attendees == []
