"""The words the rules look for, in Arabic (normalized, see `text.normalize`) and French.

Kept apart from the rules so that a word missed in a real article is added in one place
(and a test), not hunted through the code.
"""

from __future__ import annotations

import re

from intake.extract.text import normalize, strip_clitics

# --- Instruments and their kinds (agreements.models.AgreementKind) -------------------------
# Longest phrases first: "بروتوكول اتفاق" is a protocol, not an "اتفاق".
AGREEMENT_KINDS_AR = (
    ("مذكرات تفاهم", "mou"),
    ("مذكره تفاهم", "mou"),
    ("مذكره التفاهم", "mou"),
    ("بروتوكول اتفاق", "protocol"),
    ("بروتوكول الاتفاق", "protocol"),
    ("بروتوكول", "protocol"),
    ("اعلان نوايا", "declaration_of_intent"),
    ("اعلان النوايا", "declaration_of_intent"),
    ("خطاب نوايا", "declaration_of_intent"),
    ("اتفاق اطار", "agreement"),
    ("اتفاقيه اطار", "agreement"),
    ("اتفاقيه شراكه", "agreement"),
    ("اتفاقيات شراكه", "agreement"),
    ("اتفاقيه تعاون", "agreement"),
    ("اتفاق شراكه", "agreement"),
    ("اتفاق تعاون", "agreement"),
    ("اتفاقيه", "agreement"),
    ("اتفاقيات", "agreement"),
    ("اتفاق", "agreement"),
    ("المذكره", "mou"),
    ("مذكره", "mou"),
)
AGREEMENT_KINDS_FR = (
    ("memorandum d'entente", "mou"),
    ("memorandums d'entente", "mou"),
    ("memorandum of understanding", "mou"),
    ("protocole d'accord", "protocol"),
    ("protocoles d'accord", "protocol"),
    ("protocole", "protocol"),
    ("declaration d'intention", "declaration_of_intent"),
    ("declaration d'intentions", "declaration_of_intent"),
    ("lettre d'intention", "declaration_of_intent"),
    ("accord-cadre", "agreement"),
    ("accord cadre", "agreement"),
    ("convention de partenariat", "agreement"),
    ("conventions de partenariat", "agreement"),
    ("convention-cadre", "agreement"),
    ("convention", "agreement"),
    ("conventions", "agreement"),
    ("accord de partenariat", "agreement"),
    ("accord de cooperation", "agreement"),
    ("accords", "agreement"),
    ("accord", "agreement"),
    ("memorandum", "mou"),
)

# Words that say an instrument was signed (or is being signed) here.
SIGNING_AR = (
    "وقع", "وقعت", "وقعا", "وقعوا", "توقع", "يوقع", "توقيع", "التوقيع", "بتوقيع", "لتوقيع",
    "الموقعه", "الموقع", "موقعه", "ابرم", "ابرمت", "ابرام", "تم ابرام", "وقعتا", "وقعها",
    "وقعه", "وقعاها", "وقعوها", "وقعتها",
)  # fmt: skip
SIGNING_FR = (
    "signe", "signee", "signes", "signees", "signent", "signature", "signataires", "signer",
    "paraphe", "paraphee", "conclu", "conclue", "scelle", "ratifie",
)  # fmt: skip

# A past instrument ("السابقة", "précédent") is not the one the article reports.
PREVIOUS_AR = ("السابقه", "السابق", "سابقه")
PREVIOUS_FR = ("precedent", "precedente", "anterieur", "anterieure")
NEW_AR = ("الجديده", "الجديد", "الحالي", "الحاليه", "هذه", "هذا")
DEMONSTRATIVE_FR = (
    "ce",
    "cet",
    "cette",
    "ces",
    "le",
    "la",
    "l'",
    "du",
    "de la",
    "nouveau",
    "nouvelle",
)

# --- Cues ------------------------------------------------------------------------------
PRESENCE_AR = ("بحضور", "حضور", "وبحضور")
PRESENCE_FR = ("en presence de", "en presence du", "en presence des", "en presence d'")
SIDELINES_AR = ("على هامش", "علي هامش", "بمناسبه")
SIDELINES_FR = ("en marge de", "en marge du", "en marge des", "a l'occasion de", "a l'occasion du")
DURING_AR = ("خلال", "في اطار", "ضمن")
DURING_FR = ("lors de", "lors du", "lors des", "au cours de", "pendant", "durant")
# After these, what follows is a purpose, not a party ("لتعزيز التعاون بين المغرب و...").
PURPOSE_AR = (
    "تهدف", "يهدف", "بهدف", "لتعزيز", "يتعلق", "تتعلق", "تتعلق ب", "لاحداث", "من اجل", "قصد",
    "تروم", "يروم", "ترمي", "يرمي", "الراميه", "الرامي", "لتطوير", "لدعم",
)  # fmt: skip
PURPOSE_FR = (
    "visant",
    "vise",
    "pour",
    "afin de",
    "relatif",
    "relative",
    "portant sur",
    "en vue de",
)
BETWEEN_AR = ("بين",)
BETWEEN_FR = ("entre",)
WITH_AR = ("مع",)
WITH_FR = ("avec",)
SIGNED_BY_AR = ("كل من",)
SIGNED_BY_FR = ("par",)

# --- People ----------------------------------------------------------------------------
HONORIFICS_AR = ("السيد", "السيده", "الدكتور", "الدكتوره", "الاستاذ", "الاستاذه", "د")
HONORIFICS_FR = ("m.", "mme", "mme.", "mlle", "monsieur", "madame", "dr", "dr.", "pr", "pr.")

# Words a title starts with (normalized, clitics allowed in front).
TITLE_WORDS_AR = (
    "وزير", "وزيره", "الوزير", "الوزيره", "رئيس", "رئيسه", "الرئيس", "الرئيسه", "مدير",
    "مديره", "المدير", "المديره", "سفير", "سفيره", "السفير", "السفيره", "الكاتب", "الكاتبه",
    "كاتب", "كاتبه", "المستشار", "المستشاره", "مستشار", "مستشاره", "المتحدث", "المتحدثه",
    "نائب", "نائبه", "المؤسس", "مؤسس", "مؤسسه", "الامين", "امين", "والي", "عامل", "عمده",
    "محافظ", "المحافظ", "ممثل", "ممثله", "المندوب", "مندوب", "المفوض", "مفوض", "عضو",
    "الرئيس التنفيذي", "ولي", "الملك", "امير", "الامير", "قنصل", "القنصل", "منسق", "المنسق",
    "المسؤول", "مسؤول", "الممثل", "عميد", "رئيسة", "المدير العام", "المدبر",
)  # fmt: skip
TITLE_WORDS_FR = (
    "ministre", "ministres", "president", "presidente", "directeur", "directrice", "ambassadeur",
    "ambassadrice", "secretaire", "conseiller", "conseillere", "porte-parole", "vice-president",
    "vice-presidente", "fondateur", "fondatrice", "cofondateur", "cofondatrice", "co-fondateur",
    "pdg", "ceo", "wali", "gouverneur", "maire", "representant", "representante", "delegue",
    "deleguee", "commissaire", "coordinateur", "coordinatrice", "responsable", "chef", "doyen",
    "administrateur", "administratrice", "haut-commissaire", "consul", "membre",
)  # fmt: skip

# Given names frequent in Moroccan, Arab and French news: a name written without a comma
# after a title ("وزير الاتصالات بدولة قطر محمد بن علي المناعي") starts at one of them.
FIRST_NAMES_AR = frozenset(
    normalize(name)
    for name in [
        "محمد",
        "أحمد",
        "علي",
        "عمر",
        "عثمان",
        "خالد",
        "كريم",
        "رياض",
        "يوسف",
        "عبد",
        "عبدالله",
        "عبدالرحمن",
        "عبداللطيف",
        "عبدالعزيز",
        "عبد",
        "الصمد",
        "حسن",
        "حسين",
        "سعيد",
        "سعد",
        "مصطفى",
        "إبراهيم",
        "إسماعيل",
        "يونس",
        "إدريس",
        "رشيد",
        "حكيم",
        "نزهة",
        "نادية",
        "فاطمة",
        "خديجة",
        "مريم",
        "أمل",
        "أمال",
        "ليلى",
        "سلمى",
        "سميرة",
        "لطيفة",
        "زينب",
        "حنان",
        "غيثة",
        "نبيلة",
        "ماجد",
        "فيصل",
        "سلطان",
        "طارق",
        "هشام",
        "نبيل",
        "جمال",
        "كمال",
        "عادل",
        "فؤاد",
        "منير",
        "مهدي",
        "أنس",
        "أيوب",
        "ياسين",
        "حمزة",
        "عزيز",
        "سفيان",
        "وليد",
        "بدر",
        "نور",
        "نوال",
        "وفاء",
        "دافيد",
        "آرثر",
        "ديفيد",
        "جاكيس",
        "جاك",
        "ميشيل",
        "إيمانويل",
        "ماكرون",
        "جان",
        "بيير",
        "فرانسوا",
        "لويس",
        "مارك",
        "عبدالإله",
        "عبداللطيف",
        "المهدي",
        "ناصر",
        "شكيب",
        "ياسمينة",
        "أسماء",
        "سناء",
        "مونية",
        "بشرى",
        "رجاء",
        "ثريا",
        "جميلة",
        "عائشة",
        "زكرياء",
        "زكريا",
    ]
)
FIRST_NAMES_FR = frozenset(
    [
        "mohamed",
        "mohammed",
        "mohammad",
        "ahmed",
        "ali",
        "omar",
        "othmane",
        "khalid",
        "karim",
        "ryad",
        "riad",
        "youssef",
        "abdellah",
        "abdallah",
        "abdelkader",
        "abderrahmane",
        "abdellatif",
        "abdelaziz",
        "abdessamad",
        "hassan",
        "hassane",
        "hicham",
        "nabil",
        "jamal",
        "kamal",
        "adil",
        "fouad",
        "mounir",
        "mehdi",
        "anas",
        "ayoub",
        "yassine",
        "hamza",
        "aziz",
        "soufiane",
        "walid",
        "badr",
        "nour",
        "nawal",
        "wafaa",
        "nezha",
        "nadia",
        "fatima",
        "khadija",
        "meryem",
        "maryam",
        "amal",
        "amel",
        "leila",
        "laila",
        "salma",
        "samira",
        "latifa",
        "zineb",
        "hanane",
        "ghita",
        "nabila",
        "majed",
        "faisal",
        "sultan",
        "tarek",
        "tariq",
        "rachid",
        "hakim",
        "said",
        "saad",
        "mustapha",
        "moustapha",
        "ibrahim",
        "brahim",
        "ismail",
        "younes",
        "driss",
        "david",
        "arthur",
        "jacques",
        "michel",
        "emmanuel",
        "jean",
        "pierre",
        "francois",
        "louis",
        "marc",
        "marie",
        "sophie",
        "nathalie",
        "isabelle",
        "catherine",
        "anne",
        "claire",
        "julien",
        "thomas",
        "nicolas",
        "philippe",
        "alain",
        "bernard",
        "laurent",
        "olivier",
        "christophe",
        "patrick",
        "eric",
        "frederic",
        "ghizlane",
        "asmae",
        "sanae",
        "mounia",
        "bouchra",
        "rajae",
        "touria",
        "jamila",
        "aicha",
        "zakaria",
        "chakib",
        "yasmina",
    ]
)
# More given names of the Moroccan press, in both scripts.
FIRST_NAMES_AR = FIRST_NAMES_AR | frozenset(
    normalize(name)
    for name in (
        "فوزي",
        "عزيز",
        "نزار",
        "مولاي",
        "سعد",
        "رشيد",
        "مصطفى",
        "محسن",
        "لحسن",
        "الحسين",
        "الحسن",
        "إلياس",
        "ياسر",
        "أمينة",
        "حليمة",
        "كوثر",
        "مريم",
        "سهام",
        "سميرة",
        "نجاة",
        "حكيمة",
        "إدريس",
        "عثمان",
        "طه",
        "جواد",
        "رضى",
        "رضا",
        "المصطفى",
        "مهدي",
        "المهدي",
        "سلمان",
        "زهير",
        "عمرو",
        "توفيق",
        "فريد",
        "فيصل",
        "شفيق",
        "يونس",
        "أنور",
        "هشام",
        "غسان",
        "عدنان",
        "ماهر",
        "وائل",
        "تاكيشي",
        "جون",
        "بول",
        "فرانك",
    )
)
FIRST_NAMES_FR = FIRST_NAMES_FR | frozenset(
    (
        "fouzi",
        "faouzi",
        "nizar",
        "moulay",
        "saad",
        "saaddine",
        "abdelilah",
        "mohcine",
        "lahcen",
        "lhoucine",
        "houcine",
        "hassan",
        "ilyas",
        "yasser",
        "amine",
        "amina",
        "hind",
        "halima",
        "kaoutar",
        "siham",
        "najat",
        "hakima",
        "driss",
        "taha",
        "noureddine",
        "jawad",
        "rida",
        "reda",
        "mostafa",
        "salmane",
        "zouhair",
        "amr",
        "taoufik",
        "farid",
        "chafik",
        "monsef",
        "anouar",
        "ghassan",
        "adnane",
        "nader",
        "maher",
        "bassem",
        "wael",
        "samira",
        "salma",
        "leila",
        "laila",
        "karima",
        "saida",
        "fatiha",
        "naima",
        "rachida",
        "khalid",
    )
)
NAME_PARTICLES = frozenset(
    (
        "بن",
        "ابن",
        "بنت",
        "ولد",
        "ابو",
        "el",
        "al",
        "ben",
        "bin",
        "ibn",
        "ould",
        "de",
        "da",
        "van",
        "von",
        "le",
        "la",
        "abou",
        "bou",
        "ait",
    )
)

# --- Organizations ---------------------------------------------------------------------
ORGANIZATION_WORDS_AR = (
    "وزاره", "الوزاره", "وكاله", "الوكاله", "شركه", "الشركه", "صندوق", "الصندوق", "منظمه",
    "المنظمه", "مؤسسه", "المؤسسه", "لجنه", "اللجنه", "مجلس", "المجلس", "مديريه", "المديريه",
    "جامعه", "الجامعه", "مجموعه", "المجموعه", "بنك", "البنك", "هيئه", "الهيئه", "مكتب",
    "المكتب", "برنامج الامم المتحده", "الاتحاد", "اتحاد", "سفاره",
    "السفاره", "بلديه", "جهه", "مجموعة", "معهد", "المعهد", "مركز", "المركز", "اكاديميه",
    "الاكاديميه", "كونفدراليه", "الكونفدراليه", "غرفه", "الغرفه", "ولايه", "جمعيه", "الجمعيه",
)  # fmt: skip
# "مركز" and "معهد" also name initiatives; they become organizations only as a title's
# employer ("مدير مركز ...").
ORGANIZATION_WORDS_FR = (
    "ministere", "agence", "societe", "groupe", "fonds", "organisation", "fondation",
    "commission", "conseil", "direction", "universite", "banque", "office", "institut",
    "programme des nations unies", "union", "association", "ambassade", "federation",
    "confederation", "chambre", "caisse", "haut-commissariat", "autorite", "entreprise",
    "startup", "start-up", "cabinet", "wilaya", "region", "commune", "centre",
)  # fmt: skip
COMPANY_WORDS_AR = ("شركه", "الشركه", "مجموعه", "المجموعه", "المؤسسه")
COMPANY_WORDS_FR = ("societe", "groupe", "entreprise", "firme", "start-up", "startup")

# --- Events ----------------------------------------------------------------------------
EVENT_WORDS_AR = (
    "معرض", "قمه", "القمه", "الجمعيه العامه", "مناظره", "مناظرات", "المناظره", "منتدي",
    "المنتدي", "ملتقي", "الملتقي", "مؤتمر", "المؤتمر", "جلسه", "الجلسه", "الدوره", "دوره",
    "مباحثات", "المباحثات", "لقاء", "اللقاء", "اجتماع", "الاجتماع", "زياره", "الزياره",
    "ندوه", "الندوه", "حدث", "يوم", "اسبوع", "مهرجان", "صالون", "الصالون", "معرض",
    "قمة", "مؤتمر",
)  # fmt: skip
EVENT_WORDS_FR = (
    "salon", "sommet", "assemblee generale", "assises", "forum", "conference", "seance",
    "session", "entretiens", "entretien", "rencontre", "reunion", "visite", "colloque",
    "journee", "semaine", "festival", "edition", "congres", "symposium", "evenement",
)  # fmt: skip
MEETING_WORDS_AR = ("مباحثات", "المباحثات", "لقاء", "اللقاء", "اجتماع", "الاجتماع", "زياره")
MEETING_WORDS_FR = ("entretiens", "entretien", "rencontre", "reunion", "visite", "audience")

# --- Initiatives -----------------------------------------------------------------------
INITIATIVE_WORDS_AR = (
    "استراتيجيه", "الاستراتيجيه", "برنامج", "البرنامج", "مبادره", "المبادره", "شبكه", "الشبكه",
    "منصه", "المنصه", "مركز", "المركز", "رؤيه", "معاهد", "قطب", "مشروع", "المشروع",
)  # fmt: skip
INITIATIVE_WORDS_FR = (
    "strategie", "programme", "initiative", "reseau", "plateforme", "centre", "vision",
    "instituts", "pole", "projet", "hub",
)  # fmt: skip

QUOTES = "'\"“”‘’«»„"
QUOTED = re.compile(r"['\"“”‘’«»]\s*([^'\"“”‘’«»\n]{2,80}?)\s*['\"“”‘’«»″]")
LATIN_RUN = re.compile(r"[A-Z][\w&.-]*(?:[ -](?:[A-Z0-9][\w&.-]*|AI|of|de|du|des|for|and|et))*")


def starts_with_any(norm_text: str, words: tuple[str, ...]) -> str | None:
    """The first of `words` that `norm_text` starts with, as a whole word."""
    for word in words:
        if norm_text == word or norm_text.startswith(word + " "):
            return word
    return None


# --- Kinds the head word of a name suggests ----------------------------------------------
EVENT_KIND_WORDS = (
    (("معرض", "صالون", "salon"), "trade_fair"),
    (("قمه", "sommet", "summit"), "summit"),
    (("الجمعيه العامه", "جمعيه عامه", "assemblee generale"), "general_assembly"),
    (("مناظره", "مناظرات", "assises"), "national_conference"),
    (("منتدي", "ملتقي", "forum"), "forum"),
    (("جلسه", "seance"), "parliamentary_session"),
    (
        ("مباحثات", "لقاء", "اجتماع", "entretiens", "entretien", "rencontre", "reunion", "visite"),
        "bilateral_meeting",
    ),
    (("اطلاق", "lancement"), "launch"),
)
ORGANIZATION_KIND_WORDS = (
    (("وزاره", "ministere"), "ministry"),
    (("مديريه", "direction"), "government_department"),
    (("وكاله", "agence", "office", "مكتب"), "public_agency"),
    (("شركه", "مجموعه", "societe", "groupe", "entreprise"), "company"),
    (("صندوق", "fonds"), "investment_fund"),
    (("جمعيه", "association", "federation", "جامعه ملكيه"), "association"),
    (("برنامج الامم المتحده", "programme des nations unies"), "un_agency"),
    (("منظمه", "organisation"), "international_organization"),
    (("مجلس النواب", "مجلس المستشارين", "parlement", "chambre des"), "parliament"),
    (("جهه", "بلديه", "جماعه", "region", "commune", "مدينه", "ville"), "local_government"),
    (
        (
            "لجنه",
            "هيئه",
            "مؤسسه",
            "commission",
            "fondation",
            "institut",
            "caisse",
            "سفاره",
            "ambassade",
        ),
        "public_institution",
    ),
)


def kind_of(name: str, table) -> str:
    """The kind a name's first words suggest, or ""."""
    words = normalize(name).replace("'", " ").split()
    bare = [strip_clitics(w)[-1] for w in words]
    for size in (3, 2, 1):
        head = " ".join(bare[:size])
        for spellings, kind in table:
            if head in spellings or " ".join(words[:size]) in spellings:
                return kind
    for spellings, kind in table:
        if any(" " not in s and s in bare[:4] for s in spellings):
            return kind
    return ""
