"""From an article's text to proposals, each value with the passage that supports it.

The rules read the text the way an editor does, one sentence at a time:

1. dates are read first (`dates.find_dates`), against the publication date, or against
   the one the text itself gives ("اليوم الجمعة 12 شتنبر 2025", "فبراير الجاري");
2. people are names after an honorific (السيد, Mme), next to a title in the same list
   item ("وزير الصناعة والتجارة، رياض مزور"), starting with a known given name, or known
   to the gazetteer; their title is the one printed beside them, and the organization
   they work for is read from that title ("المدير العام لوكالة ..." → "وكالة ...",
   "وزير الصناعة والتجارة" → "وزارة الصناعة والتجارة");
3. organizations are the gazetteer's names, the employers in titles, and names after
   "شركة"/"société" and the like;
4. an agreement is an instrument phrase (مذكرة تفاهم, protocole d'accord...) in a sentence
   that says it was signed; later sentences that point back at it ("هذه المذكرة",
   "ce mémorandum") add its signatories (كل من / signé par), attendees (بحضور / en
   présence de), event (على هامش / en marge de), date, place and duration; an instrument
   with its own parties and date ("مذكرة التفاهم الموقعة بين ... في يونيو 2023") is
   another agreement;
   several signed together ("ثلاث اتفاقيات") are told apart by their ordinal
   ("الاتفاقية الثانية") and share the set's date and place; "دون التوقيع" and "aucun
   accord n'a été signé" sign nothing;
5. events are the gazetteer's names and phrases led by a fair, summit or meeting word,
   with their date (a year in their name counts), place and the people named with them
   or in sentences that name them again ("المباحثات", "les entretiens"); talks are tied to
   the summit they were held at, whose span can pin a weekday to a day.

Each proposal's evidence is the sentence (or clause) the value was read from; a value
no passage holds is not proposed (`intake.extract.support` checks it).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from core.records import PartialDate
from intake.extract import lexicon as lx
from intake.extract.dates import DateMention, find_dates, pin_weekday
from intake.extract.gazetteer import Gazetteer, KnownRecord, name_similarity
from intake.extract.places import CITIES, COUNTRIES, Place, place_index
from intake.extract.proposals import (
    AgreementProposal,
    ArticleProposals,
    AttendanceProposal,
    DateProposal,
    EventProposal,
    Evidence,
    InitiativeProposal,
    NameProposal,
    OrganizationProposal,
    PersonProposal,
    PlaceProposal,
    PositionProposal,
    Proposed,
    SigningProposal,
)
from intake.extract.text import Span, normalize, sentences, strip_clitics, tokens, trim

STOP_AR = frozenset(
    normalize(w)
    for w in [
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "مع",
        "أن",
        "ان",
        "إن",
        "الذي",
        "التي",
        "الذين",
        "خلال",
        "بعد",
        "قبل",
        "حول",
        "اليوم",
        "أمس",
        "يوم",
        "كما",
        "وقد",
        "قد",
        "لقد",
        "حيث",
        "ثم",
        "أو",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "كل",
        "بين",
        "عبر",
        "ضمن",
        "لدى",
        "عند",
        "منذ",
        "حتى",
        "أيضا",
        "توقع",
        "وقع",
        "وقعت",
        "قال",
        "قالت",
        "أكد",
        "أكدت",
        "أبرز",
        "أبرزت",
        "أوضح",
        "أوضحت",
        "أشار",
        "أشارت",
        "اعتبر",
        "اعتبرت",
        "أضاف",
        "أضافت",
        "شدد",
        "شددت",
        "دعا",
        "دعت",
        "عقد",
        "عقدت",
        "ترأس",
        "ترأست",
        "استقبل",
        "استقبلت",
        "تبحث",
        "يبحث",
        "بحث",
        "بحثت",
        "يوقع",
        "أعلن",
        "أعلنت",
        "كشف",
        "كشفت",
        "افتتح",
        "افتتحت",
        "شارك",
        "شاركت",
        "ألقى",
        "ألقت",
        "قدم",
        "قدمت",
        "أشاد",
        "أشادت",
        "أجرى",
        "أجرت",
        "التقى",
        "التقت",
        "حضر",
        "حضرت",
        "أفاد",
        "أفادت",
        "سلط",
        "سلطت",
        "نوه",
        "نوهت",
        "تطرق",
        "تطرقت",
        "لفت",
        "لفتت",
        "تكشف",
        "يكشف",
        "الخط",
        "إستمع",
        "للمقال",
        "وزارة",
        "شركة",
        "وكالة",
        "الرسمي",
        "العام",
        "المنتدبة",
        "المكلفة",
        "بالنيابة",
        "وذلك",
        "الذي",
        "لدولة",
        "بدولة",
        "المملكة",
        "المغرب",
        "السعودية",
        "الفرنسية",
        "القطري",
        "رئيس",
        "مدير",
        "إضافة",
        "جانب",
        "بل",
        "أصبح",
        "لم",
        "يعد",
        "ليس",
        "كان",
        "كانت",
        "تم",
        "جرى",
        "مجرد",
        "الدينامية",
    ]
)
STOP_FR = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "cette",
        "dans",
        "de",
        "des",
        "du",
        "en",
        "et",
        "la",
        "le",
        "les",
        "l'",
        "par",
        "pour",
        "sur",
        "un",
        "une",
        "qui",
        "que",
        "il",
        "elle",
        "a",
        "ont",
        "est",
        "sont",
        "lors",
        "ainsi",
        "selon",
    ]
)
SIGNING_AR = frozenset(lx.SIGNING_AR)
SIGNING_FR = frozenset(lx.SIGNING_FR)
# Where a French organization's name stops: a verb or a word that starts a clause.
FRENCH_BOUNDARY = frozenset(
    [
        "a",
        "ont",
        "est",
        "sont",
        "qui",
        "que",
        "dont",
        "avec",
        "sur",
        "par",
        "lors",
        "a",
        "au",
        "aux",
        "dans",
        "chez",
        "ainsi",
        "afin",
        "selon",
        "represente",
        "representee",
        "signe",
        "signent",
        "signee",
        "vise",
        "visant",
        "ce",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "un",
        "une",
        "le",
        "les",
    ]
)
# A finite verb says who signed; the noun ("توقيع هذه المذكرة يندرج ...") does not.
SIGNED_BY_AR = frozenset(("وقعها", "وقعه", "وقعاها", "وقعوها", "وقعتها")) | frozenset(
    ("وقع", "وقعت", "وقعا", "وقعتا", "وقعوا", "توقع", "يوقع", "يوقعان", "ابرم", "ابرمت", "ابرما")
)
SIGNED_BY_FR = re.compile(
    r"\b(?:ont|a|avaient|avait|ont\s+ete|a\s+ete)\s+(?:\w+\s+)?(?:sign|paraph|conclu)|\bsign(?:ent|e|ee|es|ees)\s+par\b|\bsignent\b|\bsignataires\b",
)

# "The ceremony" of a signing just reported, in a sentence of its own (normalized text).
CEREMONY = re.compile(r"\bceremonie\b|(?:^|\s)(?:وال|بال|ال)?(?:حفل|مراسم)(?:\s|$)")


def _word_set(words) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


# Words that end a title: a title runs on to the name it qualifies without any of them.
TITLE_BREAK = (
    STOP_AR
    - _word_set(
        [
            "في",
            "المنتدبة",
            "المكلفة",
            "العام",
            "الرسمي",
            "لدولة",
            "بدولة",
            "المملكة",
            "المغرب",
            "السعودية",
            "الفرنسية",
            "القطري",
            "رئيس",
            "مدير",
            "وزارة",
            "شركة",
            "وكالة",
            "إضافة",
            "جانب",
            "إلى",
            "من",
            "لدى",
        ]
    )
) | frozenset(["avec", "a", "ont", "est", "sont", "qui", "que", "lors", "pour", "selon"])
# "دون التوقيع", "sans signer": a signing that did not happen.
NEGATIONS = frozenset(("دون", "بدون", "لم", "لن", "ليس", "sans", "pas", "aucun", "aucune", "ni"))
# Adjectives of nationality closing an organization's name, and their countries.
NATIONALITIES = {
    normalize(word): code
    for words, code in (
        (("المغربية", "المغربي", "marocaine", "marocain"), "MA"),
        (("السعودية", "السعودي", "saoudienne", "saoudien"), "SA"),
        (("القطرية", "القطري", "qatarie", "qatari"), "QA"),
        (("الإماراتية", "الإماراتي", "emiratie", "emirati"), "AE"),
        (("الفرنسية", "الفرنسي", "francaise", "francais"), "FR"),
        (("الإسبانية", "الإسباني", "espagnole", "espagnol"), "ES"),
        (("المصرية", "المصري", "egyptienne", "egyptien"), "EG"),
        (("الكويتية", "الكويتي", "koweitienne", "koweitien"), "KW"),
        (("الأمريكية", "الأمريكي", "americaine", "americain"), "US"),
        (("الصينية", "الصيني", "chinoise", "chinois"), "CN"),
        (("اليابانية", "الياباني", "japonaise", "japonais"), "JP"),
        (("الألمانية", "الألماني", "allemande", "allemand"), "DE"),
        (("البريطانية", "البريطاني", "britannique"), "GB"),
    )
    for word in words
}
TITLE_AR = _word_set(lx.TITLE_WORDS_AR)
# A signing announced, not done: "سيتم التوقيع", "من المرتقب أن توقع", "sera signée".
FUTURE_SIGNING = re.compile(
    r"(?:^|\s)و?(?:سيتم|ستتم|سيجري)\s+(?:\S+\s+)?(?:التوقيع|توقيع)"  # not "سيتم بموجبها"
    r"|(?:^|\s)و?(?:سيوقع|ستوقع|سيوقعان|ستوقعان)(?:\s|$)"
    r"|(?:المرتقب|المنتظر|المقرر|يرتقب|ينتظر)\s+ان\s+(?:يتم\s+|تتم\s+)?(?:يوقع|توقع|التوقيع)"
    r"|\b(?:devrai(?:en)?t|sera(?:ient)?|seront|va|vont|pourrai(?:en)?t|doi(?:ven)?t)\s+"
    r"(?:etre\s+)?(?:signe|paraphe|conclu|sign)"
)
COUNTERPART_AR = frozenset(("نظيره", "نظيرته", "نظيرها", "نظيرتها", "نظيرهم"))
# An acronym printed in brackets right after a name: "Agence ... (ADD)", "وكالة ... (ADD)".
ACRONYM = re.compile(r"\s*[(（]\s*([A-Z][A-Za-z0-9&]{1,9})\s*[)）]")
# A brand as French dispatches print it: capitalized words, with a few lower-case ones
# ("Attijariwafa bank", "Maroc Telecom", "Orange Maroc").
FRENCH_BRAND = r"[A-Z][\w&.-]*(?:\s+(?:[A-Z0-9][\w&.-]*|bank|group|holding|capital))*"
# A board governs a body; it is not the body a title's holder works for.
BOARD = re.compile(
    r"(?:ب|ل|و)?(?:ال)?مجلس\s+(?:ال)?(?:إدارة|ادارة|رقابة|مراقبة|توجيه)(?:\s+الجماعية)?"
    r"|[Cc]onseil\s+(?:d['’]administration|de\s+surveillance)|[Dd]irectoire"
)
INSTRUMENT_HEADS = frozenset(
    strip_clitics(phrase.split()[0])[-1] for phrase, _ in lx.AGREEMENT_KINDS_AR
) | frozenset(phrase.split()[0] for phrase, _ in lx.AGREEMENT_KINDS_AR)
HONORIFIC_AR = _word_set(lx.HONORIFICS_AR) - {"د"}
HONORIFIC_FR = frozenset(lx.HONORIFICS_FR)
ORG_WORDS_AR = _word_set(w for w in lx.ORGANIZATION_WORDS_AR if " " not in w)
COMPANY_AR = _word_set(lx.COMPANY_WORDS_AR)
EVENT_AR = _word_set(w for w in lx.EVENT_WORDS_AR if " " not in w)
MEETING_AR = _word_set(lx.MEETING_WORDS_AR)
INITIATIVE_AR = _word_set(lx.INITIATIVE_WORDS_AR)
PLACES = place_index(CITIES)
COUNTRY_PLACES = place_index(COUNTRIES)


# --- Internal mentions -----------------------------------------------------------------


@dataclass
class _Named:
    """A name the article gives (organization, person, event) and the record it matches."""

    key: str
    name: str  # as the article gives it
    start: int
    end: int
    sentence: Span
    known: KnownRecord | None = None
    score: float = 0.0


@dataclass
class _Org(_Named):
    country: str = ""


@dataclass
class _Person(_Named):
    title: str = ""
    title_span: tuple[int, int] | None = None
    organization: str | None = None  # _Org key


@dataclass
class _Event(_Named):
    date: DateMention | None = None
    date_evidence: Span | None = None
    place: tuple[Place, str, Span] | None = None
    participants: dict[str, Span] = field(default_factory=dict)  # person key → evidence
    signed: bool = False
    parent: str | None = None
    is_meeting: bool = False
    mentions: list[Span] = field(default_factory=list)  # sentences naming it again
    name_evidence: Span | None = None  # where the name is read when it is composed
    positions: list[tuple[int, int]] = field(default_factory=list)  # every mention


@dataclass
class _Agreement:
    key: str
    kind: str
    title_start: int
    title_end: int
    sentence: Span
    parties: dict[str, Span] = field(default_factory=dict)  # org key → evidence
    signatories: dict[str, Span] = field(default_factory=dict)  # person key → evidence
    attendees: dict[str, Span] = field(default_factory=dict)
    date: DateMention | None = None
    date_evidence: Span | None = None
    place: tuple[Place, str, Span] | None = None
    event: tuple[str, Span] | None = None
    duration: tuple[int, Span] | None = None
    subject: tuple[str, Span] | None = None
    previous: bool = False  # "السابقة": reported as background, not signed here
    mentions: dict[str, _Person] = field(default_factory=dict)  # person key → the mention read
    # Signatories read only from a headline ("X توقع مذكرة تفاهم"): the body may say the
    # signing took place in their presence instead.
    headline_signers: set[str] = field(default_factory=set)
    ordinal: str = ""  # "الثانية", "deuxième": one of several signed together


def extract_article(
    text: str, *, language: str, published: PartialDate | None, gazetteer: Gazetteer
) -> ArticleProposals:
    """Propose the records an article reports, each value with its verbatim evidence."""
    return _Extraction(text, language, published, gazetteer).run()


class _Extraction:
    def __init__(
        self, text: str, language: str, published: PartialDate | None, gazetteer: Gazetteer
    ) -> None:
        self.text = text
        # Arabic rules for Arabic; the Latin-script rules (French) for any other language.
        self.article_language = language
        self.language = "ar" if language == "ar" else "fr"
        self.arabic = self.language == "ar"
        self.published = published if published and published.is_known else None
        self.gazetteer = gazetteer
        self.tokens = tokens(text)
        self.norms = [normalize(t.text).strip("'’-") for t in self.tokens]
        self.token_starts = [t.start for t in self.tokens]
        self.token_ends = [t.end for t in self.tokens]
        self._instruments: list[tuple[int, int, str]] | None = None
        self.sentences = sentences(text)
        self.orgs: list[_Org] = []
        self.people: list[_Person] = []
        self.events: list[_Event] = []
        self.agreements: list[_Agreement] = []
        self.initiatives: list[tuple[str, int, int, KnownRecord | None, float]] = []
        self.counter: dict[str, int] = {}
        self.context: tuple[Span, int, int] | None = None  # "ثلاث اتفاقيات": their sentence
        self.publication: DateProposal | None = None

    # --- Helpers ---------------------------------------------------------------------

    def new_key(self, prefix: str) -> str:
        self.counter[prefix] = self.counter.get(prefix, 0) + 1
        return f"{prefix}-{self.counter[prefix]}"

    def evidence(self, start: int, end: int) -> Evidence:
        start, end = trim(self.text, start, end)
        return Evidence(quote=self.text[start:end], start=start, end=end)

    def sentence_of(self, position: int) -> Span:
        for span in self.sentences:
            if span.start <= position < span.end:
                return span
        return Span(position, position)

    def token_range(self, start: int, end: int) -> range:
        """The indexes of the tokens overlapping start:end."""
        first = bisect.bisect_right(self.token_ends, start)
        last = bisect.bisect_left(self.token_starts, end)
        return range(first, max(first, last))

    def segments(self, span: Span) -> list[Span]:
        """The comma-separated parts of a sentence, parentheses kept inside."""
        parts, start = [], span.start
        depth = 0
        for index in range(span.start, span.end):
            char = self.text[index]
            if char == "(":
                depth += 1
            elif char == ")":
                depth = max(0, depth - 1)
            elif char in "،,;؛" and depth == 0:
                parts.append(Span(start, index))
                start = index + 1
        parts.append(Span(start, span.end))
        return [Span(*trim(self.text, p.start, p.end)) for p in parts if p.end > p.start]

    def norm_of(self, start: int, end: int) -> str:
        return " ".join(self.norms[i] for i in self.token_range(start, end))

    # --- Run -------------------------------------------------------------------------

    def run(self) -> ArticleProposals:
        self.read_dates()
        self.read_known_names()
        self.read_people()
        self.read_events()
        self.read_organizations()
        self.read_agreements()
        self.read_initiatives()
        self.complete()
        return self.proposals()

    # --- Dates -----------------------------------------------------------------------

    def read_dates(self) -> None:
        self.dates = find_dates(self.text, language=self.language, published=self.published)
        if self.published is None or self.published.day is None:
            inferred = self.publication_from_text()
            if inferred is not None:
                self.published = inferred
                self.dates = find_dates(self.text, language=self.language, published=inferred)

    def publication_from_text(self) -> PartialDate | None:
        """A publication date the article states: "اليوم الجمعة 12 شتنبر 2025" (the day),
        or "فبراير الجاري" next to a year (the month)."""
        for mention in self.dates:
            before = normalize(self.text[max(0, mention.start - 20) : mention.start])
            byline = re.search(r"(?:publie le|publie|نشر في|نشر بتاريخ|بتاريخ)\s*:?\s*$", before)
            if (mention.says_today or byline) and mention.value.day is not None:
                self.publication = DateProposal(
                    value=mention.value,
                    text=mention.text,
                    evidence=self.evidence(mention.start, mention.end),
                )
                return mention.value
        for mention in self.dates:
            near = self.text[max(0, mention.start - 60) : mention.end + 10]
            if (
                mention.month
                and not mention.is_known
                and re.search(r"الجاري|الجارية|courant", normalize(mention.text))
            ):
                years = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", near)
                if years:
                    return PartialDate(int(years[-1]), mention.month)
        return None

    def date_in(self, start: int, end: int) -> DateMention | None:
        """The first date phrase inside a span."""
        for mention in self.dates:
            if start <= mention.start and mention.end <= end:
                return mention
        return None

    # --- Names -----------------------------------------------------------------------

    def read_known_names(self) -> None:
        self.hits = self.gazetteer.find_names(self.text, self.tokens)

    def read_people(self) -> None:
        for hit in self.hits:
            if hit.record.kind == "person":
                self.add_person(hit.start, hit.end, hit.record, hit.score)
        for index, token in enumerate(self.tokens):
            word = self.norms[index]
            bare = strip_clitics(word)
            dotted = word + "." if self.text[token.end : token.end + 1] == "." else word
            is_honorific = (word in HONORIFIC_FR or dotted in HONORIFIC_FR) and not self.arabic
            if self.arabic:
                is_honorific = any(r in HONORIFIC_AR for r in bare)
            if is_honorific:
                self.person_at(index + 1)
            elif self.arabic and any(r in COUNTERPART_AR for r in bare[:2]):
                # "نظيره البرتغالي باولو رانجيل": a name, foreign to the given-name lists,
                # after "his counterpart" and a nationality.
                after = index + 1
                while after < len(self.norms) and re.fullmatch(r"ال\S+(?:ي|يه)", self.norms[after]):
                    after += 1
                if after >= len(self.tokens):
                    continue  # the text ends on the nationality
                between = self.text[token.end : self.tokens[after].start]
                if after > index + 1 and not re.search(r"[،,.;:؛\n]", between):
                    self.person_at(after, require_two=True)
            elif self.is_first_name(index) and not self.after_org_word(index):
                before = self.tokens[index - 1] if index else None
                if (
                    not self.arabic
                    and before is not None
                    and before.text in ("El", "Ben", "Aït", "Ait", "Al")
                    and self.text[before.end : token.start] == " "
                ):
                    index -= 1  # "El Mehdi Rami": the particle opens the given name
                self.person_at(index, require_two=True)
        self.read_appositives()
        self.people.sort(key=lambda p: p.start)
        for person in self.people:
            self.read_title(person)

    def after_org_word(self, index: int) -> bool:
        """ "صندوق محمد السادس", "جامعة محمد الخامس": a name inside an institution's name."""
        if index == 0:
            return False
        if self.text[self.tokens[index - 1].end : self.tokens[index].start].strip():
            return False  # a comma between: "الكاتب العام للوزارة، خالد الشرقاوي"
        readings = strip_clitics(self.norms[index - 1])
        if self.arabic:
            if self.norms[index - 1].startswith("لل") or any(
                r.startswith("ال") and r[2:] in ORG_WORDS_AR for r in readings
            ):
                return False  # "رئيس مجلس الجهة عمر مورو": a definite noun ends its phrase
            return any(r in ORG_WORDS_AR or r in INITIATIVE_AR or r in EVENT_AR for r in readings)
        previous = _elided(self.norms[index - 1])  # "l'Université Mohammed VI Polytechnique"
        return previous in lx.ORGANIZATION_WORDS_FR or previous in (
            "fonds",
            "universite",
            "fondation",
            "prix",
            "institut",
            "de",
            "du",
        )

    def is_first_name(self, index: int) -> bool:
        token = self.tokens[index]
        if self.arabic:
            if token.text.endswith("ى"):
                return False  # "على" is a preposition, "علي" a name
            return any(r in lx.FIRST_NAMES_AR for r in strip_clitics(self.norms[index])[:2])
        return token.text[:1].isupper() and self.norms[index] in lx.FIRST_NAMES_FR

    def name_extent(self, index: int, limit: int = 5) -> int:
        """How many tokens from `index` read as a name (stops at punctuation, a common
        word, a title, a date or a place)."""
        count = 0
        while index + count < len(self.tokens) and count < limit:
            position = index + count
            token = self.tokens[position]
            word = self.norms[position]
            if count > 0:
                between = self.text[self.tokens[position - 1].end : token.start]
                if between.strip():
                    break
            if self.arabic:
                first_reading = strip_clitics(word)[0]
                if count > 0 and (word.startswith("و") and word[1:] in TITLE_AR):
                    break
                if count > 0 and word.startswith("و") and word[1:] in COUNTERPART_AR:
                    break  # "رياض مزور ونظيره الإسباني ...": the next person
                is_name_ali = token.text.endswith("علي")  # "علي" the name, "على" the preposition
                # "خالد سفير،": a title word closing a name before a comma is the surname.
                closes = count > 0 and self.text[token.end : token.end + 1] in ("،", ",")
                if word in TITLE_AR and not closes:
                    break
                if (first_reading in STOP_AR and not is_name_ali) or word.isdigit():
                    break
                if count > 0 and any(r in lx.NAME_PARTICLES for r in (word,)):
                    count += 1
                    continue
                if not re.match(r"[\u0600-\u06ff]", token.text) and count > 0:
                    break
            else:
                if word in lx.NAME_PARTICLES and count > 0:
                    count += 1
                    continue
                if not token.text[:1].isupper() or word in STOP_FR:
                    break
            count += 1
        # A name does not end on a particle.
        while count > 0 and self.norms[index + count - 1] in lx.NAME_PARTICLES:
            count -= 1
        return count

    def person_at(self, index: int, require_two: bool = False) -> _Person | None:
        if index >= len(self.tokens):
            return None
        if not require_two:
            # "السيدة السغروشني", "M. Mezzour": the surname of someone already named.
            word = self.norms[index]
            token = self.tokens[index]
            for other in reversed(self.people):
                surname = (
                    normalize(other.name.split()[-1]).strip("'’-") if other.name.split() else ""
                )
                if other.start < token.start and surname and surname == word:
                    if any(p.start <= token.start < p.end for p in self.people):
                        return None
                    mention = _Person(
                        other.key, token.text, token.start, token.end,
                        self.sentence_of(token.start), other.known, other.score,
                    )  # fmt: skip
                    self.people.append(mention)
                    return mention
        count = self.name_extent(index)
        if count < (2 if require_two else 1) or count > 5:
            return None
        start, end = self.tokens[index].start, self.tokens[index + count - 1].end
        if (
            self.arabic
            and self.tokens[index].text[:1] == "و"
            and strip_clitics(self.norms[index])[1:]
        ):
            # "والسيد" handled by the honorific; a name never starts with the conjunction
            # when a reading without it is a given name.
            stripped = strip_clitics(self.norms[index])
            if stripped[1] in lx.FIRST_NAMES_AR:
                start += 1
        return self.add_person(start, end, None, 0.0)

    def add_person(self, start: int, end: int, known: KnownRecord | None, score: float):
        for person in self.people:
            if person.start < end and start < person.end:
                return person
        name = self.text[start:end]
        if known is None:
            known, score = self.gazetteer.best_match("person", name, threshold=88)
        if known is None and len(name.split()) < 2:
            return None
        key = None
        for other in self.people:
            same = (
                known is not None and other.known is not None and other.known.slug == known.slug
            ) or (normalize(other.name) == normalize(name))
            if same:
                key = other.key
                break
        person = _Person(
            key or self.new_key("person"), name, start, end, self.sentence_of(start), known, score
        )
        self.people.append(person)
        return person

    def read_appositives(self) -> None:
        """Names set off by commas next to a title: "وزير الصناعة والتجارة، رياض مزور"."""
        for sentence in self.sentences:
            parts = self.segments(sentence)
            for index, part in enumerate(parts):
                if any(p.start < part.end and part.start < p.end for p in self.people):
                    continue
                neighbours = [parts[i] for i in (index - 1, index + 1) if 0 <= i < len(parts)]
                # French: "... et le directeur général de l'ANRT, Azeddine El Mountassir
                # Billah," — a title that runs to the comma before capitalized words.
                after_title = (
                    not self.arabic
                    and index > 0
                    and self.title_start(parts[index - 1], anywhere=True) is not None
                )
                if not after_title and not any(self.is_clean_title(n) for n in neighbours):
                    continue
                indexes = self.token_range(part.start, part.end)
                if not indexes or len(indexes) > 5:
                    continue
                first = indexes[0]
                if self.arabic and self.norms[first].startswith("و"):
                    continue  # a list item "و..." is not a bare name
                count = self.name_extent(first)
                if count == len(indexes) and count >= 2:
                    self.add_person(part.start, part.end, None, 0.0)

    def is_clean_title(self, part: Span) -> bool:
        """A segment that is a title and nothing else (no "أن ..." clause after it)."""
        if self.title_start(part) is None:
            return False
        words = {self.norms[i] for i in self.token_range(part.start, part.end)}
        return not words & {"ان", "que", "qu'", "الذي", "التي", "qui"}

    def title_start(self, part: Span, anywhere: bool = False) -> int | None:
        """Where a title begins in a segment (within its first three words, or anywhere
        when the segment ends on the name it qualifies), or None."""
        indexes = list(self.token_range(part.start, part.end))
        for position, index in enumerate(indexes if anywhere else indexes[:3]):
            word = self.norms[index]
            rest = [self.norms[i] for i in indexes[position + 1 :]]
            if anywhere and any(w in TITLE_BREAK for w in rest):
                continue  # "عقد الوزير مباحثات مع سفير ...": the title is the last run
            if self.arabic:
                readings = strip_clitics(word)
                if any(r in TITLE_AR for r in readings[:3]) and not any(
                    r in STOP_AR for r in readings[:1] if r not in TITLE_AR
                ):
                    return self.tokens[index].start + (
                        1 if word.startswith("و") and word[1:] in TITLE_AR else 0
                    )
            elif _elided(word) in lx.TITLE_WORDS_FR or word.split("-")[0] in lx.TITLE_WORDS_FR:
                # "l'ambassadeur de France": the title without its article.
                return self.tokens[index].start + len(word) - len(_elided(word))
        return None

    def read_title(self, person: _Person) -> None:
        """The title printed in the same list item, before or after the name."""
        parts = self.segments(person.sentence)
        holder = next((i for i, p in enumerate(parts) if p.start <= person.start < p.end), None)
        if holder is None:
            return
        part = parts[holder]
        # Inline, before the name in its own segment: "سفير المملكة بدولة قطر السيد محمد";
        # after any other name there ("وزير ... رياض مزور ونظيره الإسباني جوردي هيريو").
        floor = max(
            (p.end for p in self.people if part.start <= p.end <= person.start and p is not person),
            default=part.start,
        )
        title_at = self.title_start(Span(floor, person.start), anywhere=True)
        candidates: list[tuple[int, int]] = []
        if title_at is not None and title_at < person.start:
            end = person.start
            before = self.text[title_at:end].rstrip()
            for honorific in ("السيدة", "السيد", "M.", "Mme", "Monsieur", "Madame"):
                if before.endswith(honorific):
                    end = title_at + len(before) - len(honorific)
            candidates.append((title_at, end))
        if (
            not candidates
            and holder > 0
            and self.text[part.start : person.start].strip(" و")
            in (
                "",
                "السيد",
                "السيدة",
                "M.",
                "Mme",
                "et",
            )
            and not self.starts_item(part)
        ):
            previous = parts[holder - 1]
            # A title after another name in that segment ("par la ministre X et le
            # directeur général de l'ANRT, Y") starts after that name.
            others = [
                p.end
                for p in self.people
                if p is not person and previous.start <= p.start < previous.end
            ]
            if others:
                previous = Span(max(others), previous.end)
            at = self.title_start(previous, anywhere=True)
            # "X, ministre ..., M. Y, directeur ...": the title after X is X's.
            # Not when the segment only ends on a title ("X, a eu ... des entretiens avec
            # l'ambassadeur de France, Y"): that one is Y's.
            owned = (
                holder >= 2
                and not self.starts_item(previous)
                and (at is None or not self.text[previous.start : at].strip())
                and any(
                    parts[holder - 2].start <= p.start < parts[holder - 2].end
                    for p in self.people
                    if p is not person
                )
            )
            if owned:
                at = None
            if at is not None:
                candidates.append((at, previous.end))
        if not candidates and holder + 1 < len(parts):
            following = parts[holder + 1]
            at = None if self.starts_item(following) else self.title_start(following)
            opens = at is not None and (
                at == following.start or self.text[following.start : at].strip() in ("و", "et")
            )
            if opens and not any(following.start <= p.start < following.end for p in self.people):
                candidates.append((at, following.end))
        if candidates:
            start, end = trim(self.text, *candidates[0])
            title = self.text[start:end]
            title = re.sub(r"^(?:بحضور|وبحضور|كل من|مع|إضافة إلى|إلى جانب)\s+", "", title)
            start = end - len(title)
            if len(title.split()) < 2 or re.search(r"تصوير|تحرير", title):
                return  # "الوزيرة" alone names no office
            person.title, person.title_span = title, (start, end)

    def starts_item(self, part: Span) -> bool:
        """Whether a segment opens a new list item ("و..." or "et ...")."""
        head = self.text[part.start : part.start + 16]
        return bool(
            re.match(
                r"(?:و(?!زير|كال|زار)|et\s|ainsi\s|en pr[ée]sence|إضافة|الى جانب|إلى جانب|بحضور)",
                head,
            )
        )

    # --- Organizations ---------------------------------------------------------------

    def read_organizations(self) -> None:
        for hit in self.hits:
            if hit.record.kind == "organization":
                self.add_org(
                    hit.start, hit.end, self.text[hit.start : hit.end], hit.record, hit.score
                )
        for index, word in enumerate(self.norms):
            if any(r in COMPANY_AR for r in strip_clitics(word)[:3]) or (
                not self.arabic and word in lx.COMPANY_WORDS_FR
            ):
                self.company_after(index)
        if not self.arabic:
            self.french_parties()
        self.repeat_org_mentions()
        for index, word in enumerate(self.norms):
            readings = strip_clitics(word)
            if (
                self.arabic
                and any(r in ORG_WORDS_AR for r in readings[:3])
                and not any(r in COMPANY_AR for r in readings[:3])
            ):
                if readings[-1] in ("مركز", "معهد"):
                    continue
                if readings[-1] == "جمعيه" and self.norms[index + 1 : index + 2] == ["العامه"]:
                    continue  # "الجمعية العامة": a meeting, not an association
                if readings[-1] == "جهه" and (
                    word.startswith("ب") or (index and self.norms[index - 1] in ("في", "داخل"))
                ):
                    continue  # "بجهة الدار البيضاء – سطات" says where, not who
                self.org_phrase_at(index)
            elif (
                not self.arabic
                and _elided(word) in lx.ORGANIZATION_WORDS_FR
                and (
                    _elided(self.tokens[index].text)[:1].isupper()
                    # "le ministère de la Transition numérique": lower case, named after.
                    or (
                        any(
                            _elided(t.text)[:1].isupper()
                            for t in self.tokens[index + 1 : index + 4]
                        )
                        and self.norms[index + 1 : index + 2] in (["de"], ["du"], ["des"], ["d'"])
                    )
                    or re.match(
                        r"d'|l'", self.norms[index + 1] if index + 1 < len(self.norms) else ""
                    )
                )
            ):
                self.org_phrase_at(index)
        self.read_acronyms()
        # Titles last: "رئيس المؤسسة" points at an organization named before.
        for person in self.people:
            if person.title_span:
                org = self.employer(person)
                if org is not None:
                    person.organization = org.key
            if person.organization is None and person.known and person.known.positions:
                # The gazetteer knows where this person works: only if the text names it.
                for position in person.known.positions:
                    for org in self.orgs:
                        if org.known and org.known.slug == position.organization:
                            person.organization = org.key

    def read_acronyms(self) -> None:
        """ "l'Agence de développement du digital (ADD)": later "l'ADD" ("le directeur
        général de l'ADD") is a mention of that agency."""
        for org in list(self.orgs):
            printed = ACRONYM.match(self.text, org.end)
            if printed is not None:
                acronym = printed.group(1)
            elif not self.arabic:
                # "Caisse de dépôt et de gestion" … "la CDG": its initials, printed in capitals.
                acronym = "".join(
                    _elided(word)[:1].upper()
                    for word in org.name.split()
                    if word.lower() not in ("de", "du", "des", "la", "le", "et", "en", "pour", "à")
                )
                if (
                    len(acronym) < 3
                    or not acronym.isalpha()
                    or acronym.lower() in lx.TITLE_WORDS_FR  # "le PDG de ...": a title
                    or not re.search(rf"\b{re.escape(acronym)}\b", self.text)
                ):
                    continue
            else:
                continue
            for match in re.finditer(rf"(?<![\w(]){re.escape(acronym)}(?![\w)])", self.text):
                start, end = match.start(), match.end()
                if any(o.start < end and start < o.end for o in self.orgs):
                    continue
                mention = _Org(org.key, acronym, start, end, self.sentence_of(start), org.known)
                mention.score, mention.country = org.score, org.country
                self.orgs.append(mention)

    def french_parties(self) -> None:
        """ "ont signé ... avec Microsoft Maroc": a capitalized name after "avec"/"entre" in a
        signing sentence is an organization; so are the names that open a signing sentence
        as its subject ("Attijariwafa bank et Inwi ont signé ...")."""
        for sentence in self.sentences:
            if not self.is_signing(sentence):
                continue
            subject = re.match(
                rf"\s*(?:(?:La|Le|Les)\s+|L['’])?({FRENCH_BRAND})\s+et\s+(?:(?:la|le|les)\s+|l['’])?"
                rf"({FRENCH_BRAND})\s+(?:ont|viennent|se\s+sont)\b",
                self.text[sentence.start : sentence.end],
            )
            if subject:
                for group in (1, 2):
                    start = sentence.start + subject.start(group)
                    end = sentence.start + subject.end(group)
                    name = self.text[start:end]
                    first = normalize(name.split()[0])
                    if first in ("M", "Mme") or _elided(first) in lx.ORGANIZATION_WORDS_FR:
                        continue  # "Le ministère ...", "la société ...": read by their head
                    if not any(p.start < end and start < p.end for p in self.people):
                        self.add_org(start, end, name)
            for match in re.finditer(
                r"\b(?:avec|entre)\s+(?:la\s+|le\s+|l'|les\s+)?"
                r"([A-Z][\w&.-]*(?:\s+[A-Z0-9][\w&.-]*)*)",
                self.text[sentence.start : sentence.end],
            ):
                name = match.group(1).rstrip(".")
                if name.split()[0] in ("M", "Mme", "Madame", "Monsieur"):
                    continue
                if tuple(normalize(name).split()) in COUNTRY_PLACES:
                    continue
                start = sentence.start + match.start(1)
                if not any(p.start <= start < p.end for p in self.people):
                    self.add_org(start, start + len(name), name)

    def repeat_org_mentions(self, orgs: list[_Org] | None = None) -> None:
        """Later mentions of an organization first named as "شركة 'X'" or "la société X":
        the same name, quoted the same way, anywhere in the text."""
        for org in list(self.orgs if orgs is None else orgs):
            if org.known is not None or len(org.name) < 2:
                continue
            # (At the text's very start there is no quote: "" is "in" any string.)
            quoted = org.start > 0 and self.text[org.start - 1] in lx.QUOTES
            pattern = re.escape(org.name)
            if quoted:
                pattern = (
                    f"(?<=[{re.escape(lx.QUOTES)}])\\s*{pattern}\\s*(?=[{re.escape(lx.QUOTES)}])"
                )
            else:
                pattern = f"(?<![\\w]){pattern}(?![\\w])"
            for match in re.finditer(pattern, self.text):
                start, end = match.start(), match.end()
                while self.text[start] == " ":
                    start += 1
                while self.text[end - 1] == " ":
                    end -= 1
                if not any(o.start < end and start < o.end for o in self.orgs):
                    self.orgs.append(
                        _Org(
                            org.key,
                            self.text[start:end],
                            start,
                            end,
                            self.sentence_of(start),
                            None,
                            0.0,
                            org.country,
                        )
                    )

    def add_org(self, start, end, name, known=None, score=0.0, match=True) -> _Org:
        """A mention of an organization; mentions of one organization share its key."""
        for org in self.orgs:
            if org.start < end and start < org.end:
                return org
        while start < end and self.text[start] in lx.QUOTES + " ":
            start += 1
        while end > start and self.text[end - 1] in lx.QUOTES + " ":
            end -= 1
        name = self.text[start:end]
        if known is None and match:
            known, score = self.gazetteer.best_match("organization", name, threshold=86)
        org = _Org(
            self.org_key(name, known), name, start, end, self.sentence_of(start), known, score
        )
        org.country = known.country if known else ""
        self.orgs.append(org)
        return org

    def org_key(self, name: str, known: KnownRecord | None) -> str:
        """The key of the organization already named that this name is, else a new one: the
        same record, or (neither matching a record) a name alike."""
        for org in self.orgs:
            same = (
                known is not None and org.known is not None and org.known.slug == known.slug
            ) or (known is None and org.known is None and name_similarity(org.name, name) >= 86)
            if same:
                return org.key
        return self.new_key("org")

    def company_after(self, index: int) -> _Org | None:
        """ "شركة 'عِلم'", "لشركة Mistral AI", "والشركة الفرنسية ” Onepoint “"."""
        start = self.tokens[index].end
        window = self.text[start : start + 60]
        quoted = re.match(
            r"\s*(?:[\w\u0600-\u06ff]+\s+){0,2}?[“”\"'‘’«]\s*([^“”\"'‘’«»\n]{1,40}?)\s*[“”\"'‘’»″]",
            window,
        )
        if quoted:
            s = start + quoted.start(1)
            org = self.add_org(s, s + len(quoted.group(1)), quoted.group(1))
            # "الشركة الفرنسية ” Onepoint “", "شركة 'عِلم' السعودية": its country.
            around = normalize(
                window[: quoted.start(1)]
                + " "
                + self.text[s + len(quoted.group(1)) + 1 : s + len(quoted.group(1)) + 15]
            )
            for word in around.split():
                if word in NATIONALITIES and not org.country:
                    org.country = NATIONALITIES[word]
            return org
        latin = re.match(r"\s*([A-Z][\w&.-]*(?:\s+(?:[A-Z0-9][\w&.-]*|AI))*)", window)
        if latin:
            s = start + latin.start(1)
            name = latin.group(1).rstrip(".")
            return self.add_org(s, s + len(name), name)
        return None

    def org_phrase_at(self, index: int) -> _Org | None:
        """ "وكالة التنمية الرقمية", "l'Agence de développement du digital": to a boundary."""
        first = self.tokens[index]
        if index > 0 and self.norms[index - 1] in ("هذه", "هذا", "هاته", "ce", "cet", "cette"):
            return None  # "هذه المديرية": one already named
        if BOARD.match(self.text, first.start):
            return None  # "مجلس الإدارة", "conseil d'administration": a board, not a body
        start = first.start
        word = self.norms[index]
        if not self.arabic and _elided(word) != word:
            start += len(first.text) - len(_elided(first.text))  # "l'Agence" names "Agence"
        if self.arabic:
            # The name without its clitics, as printed: "لوكالة" → "وكالة"; "للاتحاد" (ل +
            # الاتحاد, its alif unwritten) → "اتحاد".
            printed = normalize(first.text)
            base = next(
                (r for r in strip_clitics(word) if r in ORG_WORDS_AR and printed.endswith(r)),
                next((r for r in strip_clitics(word) if printed.endswith(r)), word),
            )
            if base != printed:
                start = first.start + _clitic_length(first.text, base)
            if (
                word.endswith("هيئه")
                and index + 1 < len(self.norms)
                and self.norms[index + 1].startswith("التحرير")
            ):
                return None  # "هيئة التحرير": the newsroom's byline
        count = 1
        while index + count < len(self.tokens) and count < (9 if self.arabic else 14):
            position = index + count
            token = self.tokens[position]
            between = self.text[self.tokens[position - 1].end : token.start]
            if between.strip(" ") and between.strip() not in ("-", "–"):
                break
            if any(p.start <= token.start < p.end for p in self.people):
                break  # "المدير العام لشركة اتصالات المغرب محمد بنشعبون": the title's holder
            nword = self.norms[position]
            if self.arabic:
                is_country = (strip_clitics(nword)[-1],) in COUNTRY_PLACES or (
                    nword,
                ) in COUNTRY_PLACES
                if (
                    nword in STOP_AR and nword not in ("العام",) and not is_country
                ) or nword.isdigit():
                    break
                if strip_clitics(nword)[-1] in INSTRUMENT_HEADS:
                    break  # "وقعت الوزارة مذكرة تفاهم"
                if nword.startswith("و") and any(
                    r in ORG_WORDS_AR for r in strip_clitics(nword)[1:3]
                ):
                    break
                if nword in ("الرائده", "الرائد", "المعنيه"):
                    break
                if any(r in HONORIFIC_AR for r in strip_clitics(nword)[:2]):
                    break  # "رئيس جامعة الحسن الثاني السيد ...": the holder's name follows
                if nword.startswith("ب") and self.place_at(position):
                    break
                if (
                    count >= 2
                    and nword[:1] in "يتن"
                    and len(nword) >= 4
                    and not nword.startswith("ال")
                    and not self.place_at(position)  # "جهة طنجة تطوان الحسيمة"
                ):
                    break  # a verb: "ووكالة التنمية الرقمية تعكس ..."
            else:
                # French names run on in lower case ("Agence de développement du digital")
                # up to punctuation or a word that starts the rest of the sentence.
                # "et de la Réforme": a connector goes on when a capital follows it.
                ahead = [
                    t.text
                    for t in self.tokens[position + 1 : position + 4]
                    if normalize(t.text) not in ("de", "du", "des", "la", "le", "l'", "d'")
                ]
                following = ahead[0] if ahead else ""
                guarded = nword in ("pour", "et", "en")
                if nword == "et" and re.match(
                    r"(?:de|du|des|d['’])$|d['’]",
                    self.norms[position + 1] if position + 1 < len(self.norms) else "",
                ):
                    # "Caisse de dépôt et de gestion", "Office national de l'électricité et
                    # de l'eau potable": a second complement, not a second party ("et la ...").
                    guarded = False
                if guarded and not (following[:1].isupper() or _elided(following)[:1].isupper()):
                    break
                if guarded and _elided(normalize(following)) in lx.ORGANIZATION_WORDS_FR:
                    break  # "et l'Agence ...": the next organization
                if nword in FRENCH_BOUNDARY:
                    break
                if self.norms[position + 1 : position + 2] == ["par"]:
                    break  # "l'Université de Montréal conduite par ...": a participle
            count += 1
        while count > 1 and self.norms[index + count - 1] in (
            "de",
            "du",
            "des",
            "la",
            "l'",
            "d'",
            "et",
            "pour",
            "en",
        ):
            count -= 1
        # "وكالة التنمية الرقمية المغربية": the nationality says the country, not the name.
        country = ""
        if count > 2 and self.norms[index + count - 1] in NATIONALITIES:
            country = NATIONALITIES[self.norms[index + count - 1]]
            count -= 1
        if count < 2:
            return None
        if (
            self.arabic
            and count == 2
            and any(
                r.startswith("ال") and r[2:] in ORG_WORDS_AR
                for r in strip_clitics(self.norms[index + 1])
            )
        ):
            return None  # "مجلس الجهة": the council of the region named before, not a name
        end = self.tokens[index + count - 1].end
        org = self.add_org(start, end, self.text[start:end])
        if country and not org.country:
            org.country = country
        return org

    def employer(self, person: _Person) -> _Org | None:
        """The organization a printed title names or implies."""
        start, end = person.title_span
        title = self.text[start:end]
        if re.match(
            r"(?:ال)?(?:والي|عامل)\s+(?:جهة|إقليم|اقليم|عمالة)|(?:le )?(?:wali|gouverneur) de la (?:[Rr]égion|[Pp]rovince)",
            title,
        ):
            return None  # a wali represents the State in the region, not the region itself
        # An organization named in the title: the last one ("... في شركة 'عِلم'").
        inside = [o for o in self.orgs if start <= o.start and o.end <= end]
        indexes = list(self.token_range(start, end))
        board = BOARD.search(title)
        if board is not None:
            # "رئيس مجلس الإدارة الجماعية للقرض الفلاحي للمغرب": the body the board runs,
            # under the name the text prints for it.
            return self.governed_by(start + board.end(), end)
        for index in indexes[1:]:
            readings = strip_clitics(self.norms[index])
            if any(r in COMPANY_AR for r in readings[:3]) or (
                not self.arabic and self.norms[index] in lx.COMPANY_WORDS_FR
            ):
                org = self.company_after(index)
                if org is not None:
                    return org
            if any(r in ORG_WORDS_AR for r in readings[:3]) or (
                not self.arabic and self.norms[index] in lx.ORGANIZATION_WORDS_FR
            ):
                if index == indexes[-1]:
                    # "رئيس المؤسسة", "le directeur de l'Agence": the one named before, if
                    # one of that kind was; "الكاتب العام للوزارة" names none.
                    return self.named_before(strip_clitics(self.norms[index])[-1], start)
                org = self.org_phrase_at(index)
                if org is not None:
                    return org
        if inside:
            return inside[-1]
        if not self.arabic and not self.ministry_of(title):
            latin = re.search(
                r"\b(?:de|du|d'|chez)\s*([A-Z][\w&.-]*(?:\s+[A-Z0-9][\w&.-]*)*)\s*$", title
            )
            if latin:
                s = start + latin.start(1)
                name = latin.group(1).rstrip(".")
                return self.add_org(s, s + len(name), name)
        name = self.ministry_of(title)
        if name:
            known, score = self.gazetteer.best_match("organization", name, threshold=80)
            org = _Org(
                self.org_key(name, known), name, start, end, self.sentence_of(start), known,
                score, known.country if known else "",
            )  # fmt: skip
            self.orgs.append(org)
            return org
        return None

    def governed_by(self, start: int, end: int) -> _Org | None:
        """The body named between `start` (after a board's name) and the end of a title:
        "للقرض الفلاحي للمغرب" is "القرض الفلاحي للمغرب" where the text prints it so,
        "de la CDG" is "CDG"."""
        rest = self.text[start:end].strip()
        inside = [o for o in self.orgs if start <= o.start and o.end <= end]
        if inside:
            return inside[0]
        if self.arabic:
            if rest.startswith("لل"):
                candidates = ["ال" + rest[2:]]
            elif rest.startswith("ل"):
                candidates = [rest[1:]]
            else:
                candidates = [rest]
        else:
            candidates = [re.sub(r"^(?:de la |de l['’]|du |des |de |d['’])", "", rest)]
        for name in candidates:
            if len(name.split()) < (2 if self.arabic else 1):
                continue
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", self.text):
                org = self.add_org(match.start(), match.end(), name)
                self.repeat_org_mentions([org])
                return org
        return None

    def named_before(self, head: str, position: int) -> _Org | None:
        """The last organization named before `position` whose name starts with `head`."""
        if head in ("وزاره", "ministere"):
            return None
        for org in sorted(self.orgs, key=lambda o: o.start, reverse=True):
            if org.start < position and strip_clitics(normalize(org.name.split()[0]))[-1] == head:
                return org
        return None

    def ministry_of(self, title: str) -> str:
        """ "وزير الصناعة والتجارة" → "وزارة الصناعة والتجارة"; "الوزير المنتدب المكلف
        بالاستثمار" → "الوزارة المنتدبة المكلفة بالاستثمار"; "ministre de l'Industrie" →
        "ministère de l'Industrie"; "سفير المملكة بدولة قطر" → "سفارة المملكة بدولة قطر"."""
        if self.arabic:
            match = re.match(
                r"^(ال)?(وزير|وزيرة|سفير|سفيرة)\s+(?:(المنتدب|المنتدبة)\s+)?(?:لدى رئيس الحكومة\s+)?"
                r"(?:(المكلف|المكلفة)\s+)?(.+)$",
                title,
            )
            if not match:
                return ""
            article, role, delegate, charged, rest = match.groups()
            if not set(normalize(rest).split()) - {"المنتدب", "المنتدبه", "المكلف", "المكلفه"}:
                return ""  # "الوزيرة المنتدبة" alone: no ministry printed, none invented
            noun = "وزارة" if role.startswith("وزير") else "سفارة"
            words = [(article or "") + noun]
            if delegate and article:
                words.append("المنتدبة")
                if charged:
                    words.append("المكلفة")
                    return " ".join([*words, rest])
            return " ".join([noun, re.sub(r"^ب(?=ال)", "", rest)])
        match = re.match(
            r"^(?:la |le )?(ministre|ambassadeur|ambassadrice)\s+(?:d[ée]l[ée]gu[ée]e?\s+)?"
            r"(?:aupr[eè]s du chef du gouvernement,?\s+)?(?:charg[ée]e?\s+)?"
            r"((?:de|du|des|d['’]|à|au|aux|en)\b.+)$",
            title,
            re.IGNORECASE,
        )
        if not match:
            return ""
        role, rest = match.groups()
        noun = "ministère" if role.lower() == "ministre" else "ambassade"
        return f"{noun} {rest}"

    # --- Events ----------------------------------------------------------------------

    def read_events(self) -> None:
        for hit in self.hits:
            if hit.record.kind == "event":
                self.add_event(
                    hit.start, hit.end, self.text[hit.start : hit.end], hit.record, hit.score
                )
        for sentence in self.sentences:
            for index in self.token_range(sentence.start, sentence.end):
                readings = strip_clitics(self.norms[index])
                word = self.norms[index]
                if self.arabic:
                    is_event_word = any(r in EVENT_AR for r in readings[:3])
                else:
                    is_event_word = word in lx.EVENT_WORDS_FR
                if not is_event_word:
                    continue
                self.event_phrase_at(index, sentence)
            self.named_occasion(sentence)
        self.repeat_event_mentions()

    def named_occasion(self, sentence: Span) -> None:
        """ "en marge du GITEX Africa", "على هامش GITEX Africa", "lors du SIAM": a proper
        name in Latin capitals after a sidelines cue is the event, with no keyword before it."""
        cue = re.compile(
            r"(?:على هامش|علي هامش|بمناسبة|\b(?:en marge|lors|à l['’]occasion)\s+"
            r"(?:du|des|de la|de l['’]|de))\s*"
        )
        text = self.text[sentence.start : sentence.end]
        for found in cue.finditer(text):
            name = lx.LATIN_RUN.match(text, found.end())
            if name is None:
                continue
            start = sentence.start + name.start()
            end = sentence.start + name.end()
            while end > start and self.text[end - 1] in " -":
                end -= 1
            if any(e.start < end and start < e.end for e in self.events):
                continue
            if any(o.start < end and start < o.end for o in self.orgs):
                continue
            if any(p.start < end and start < p.end for p in self.people):
                continue
            if len(self.text[start:end]) >= 3:
                self.add_event(start, end, self.text[start:end])

    def event_phrase_at(self, index: int, sentence: Span) -> _Event | None:
        """An event named by its keyword and what follows: a quoted or capitalized name, an
        ordinal edition, a year ("جيتكس أفريقيا 2025", "قمة ويب قطر 2026")."""
        first = self.tokens[index]
        readings = strip_clitics(self.norms[index])
        is_meeting = (
            any(r in MEETING_AR for r in readings[:3]) or self.norms[index] in lx.MEETING_WORDS_FR
        )
        is_day = readings[-1] == "يوم" or self.norms[index] == "journee"
        # "اليوم الجمعة" is a day, not an event: a day is an event only by its quoted name.
        if is_day and not re.match(r"\s*[“\"'«‘]", self.text[first.end : first.end + 3]):
            return None
        count = 1
        has_name = False
        while index + count < len(self.tokens) and count < 10:
            position = index + count
            token = self.tokens[position]
            between = self.text[self.tokens[position - 1].end : token.start]
            if any(c in between for c in "،,.;؛()\n"):
                break
            nword = self.norms[position]
            if any(d.start <= token.start < d.end for d in self.dates):
                break
            if self.arabic and nword.startswith("ب") and self.place_at(position):
                break
            if self.arabic and (nword in STOP_AR and nword not in ("العام",)):
                break
            if not self.arabic and nword in (
                "qui",
                "a",
                "au",
                "pour",
                "avec",
                "sur",
                "lors",
                "par",
                "en",
            ):
                break
            if any(q in between for q in lx.QUOTES) or token.text[:1].isupper() or nword.isdigit():
                has_name = True
            count += 1
        end = self.tokens[index + count - 1].end
        quoted = re.match(
            r"\s*[“\"«‘']([^”\"»’'\n]{2,80})[”\"»’']", self.text[first.end : first.end + 90]
        )
        if quoted:
            end = first.end + quoted.end()
            has_name = True
        # A closing quote belongs to the name.
        while end < len(self.text) and self.text[end] in lx.QUOTES:
            end += 1
        start = first.start
        if self.arabic:
            base = next((r for r in readings if r in EVENT_AR), readings[-1])
            if normalize(first.text).endswith(base):
                start = first.start + _clitic_length(first.text, base)
        phrase = self.text[start:end]
        normalized = normalize(phrase)
        if re.match(r"(?:الدوره|النسخه|edition|la \d+e edition)", normalized):
            after = [strip_clitics(w)[-1] for w in self.norms[index + count : index + count + 2]]
            if (
                after
                and (after[0] in ("من", "de", "du") or after[0] in EVENT_AR)
                and (any(w in EVENT_AR or w in lx.EVENT_WORDS_FR for w in after))
            ):
                return None  # "الدورة التاسعة من ملتقى ...": the edition of the event named next
        known, score = self.gazetteer.best_match("event", phrase, threshold=86)
        named = (
            has_name
            or re.search(r"(?:19|20)\d{2}", normalized)
            or self.edition(normalized)
            or (self.after_event_cue(index) and len(normalized.split()) >= 2)
        )
        if known is None and not named and not is_meeting:
            return None
        if is_meeting and known is None:
            # "مباحثات مع وزير ... محمد بن علي المناعي": the talks and whom they were with.
            end = max(end, self.meeting_extent(index, sentence))
            phrase = self.text[start:end]
            if not any(p.start >= start and p.end <= end for p in self.people):
                return None
            if self.is_reference(index):
                return None
            subject = [p for p in self.people if sentence.start <= p.start < start]
            if subject and self.arabic:
                # Talks are named by who held them: "مباحثات السغروشني مع وزير ...", the
                # surname of the host named before the word (its words are all in the
                # sentence, which is the evidence).
                head_end = first.end
                surname = subject[-1].name.split()[-1]
                phrase = f"{self.text[start:head_end]} {surname}{self.text[head_end:end]}"
                event = self.add_event(start, end, phrase, known, score, is_meeting=is_meeting)
                event.name_evidence = Span(subject[-1].start, end)
                return event
        return self.add_event(start, end, phrase, known, score, is_meeting=is_meeting)

    def meeting_day(self, event: _Event) -> DateMention | None:
        """ "أجرى الوزير، يوم الأربعاء 12 مارس 2025 بالرباط، مباحثات مع ...": talks are held
        on the one date their sentence gives, wherever in it."""
        if not event.is_meeting:
            return None
        sentence = event.sentence
        inside = [d for d in self.dates if sentence.start <= d.start < sentence.end]
        if len(inside) == 1 and inside[0].is_known:
            return inside[0]
        return None

    def after_event_cue(self, index: int) -> bool:
        """ "خلال جلسة ...", "وفي أول حدث ...", "بتنظيم مناظرات ...", "lors du forum ..."."""
        before = " ".join(self.norms[max(0, index - 3) : index])
        word = self.norms[index]
        if self.arabic and word[:1] in "بل" and strip_clitics(word)[-1] != word:
            return False  # "بمجلس", "لقمة": a genitive, not the event itself
        return bool(
            re.search(
                r"(?:^|\s)(?:خلال|وخلال|في|وفي|بتنظيم|تنظيم|افتتاح|هامش|بمناسبه|lors|pendant|durant|marge|occasion|organisation)(?:\s+\S+)?$",
                before,
            )
            or re.search(r"(?:^|\s)(?:خلال|وفي|في)\s+اول$", before)
        )

    def repeat_event_mentions(self) -> None:
        """Later mentions of an event by its proper name alone ("en marge du GITEX Africa
        2025" after "le salon GITEX Africa 2025")."""
        for event in list(self.events):
            match = re.search(
                r"[“\"'«‘]?([A-Z\u0600-\u06ff][^،,.()\n]*?(?:19|20)\d{2})", event.name
            )
            proper = match.group(1).strip(lx.QUOTES + " ") if match else ""
            words = proper.split()
            if len(words) < 2:
                continue
            if self.arabic is False and not words[0][:1].isupper():
                continue
            for found in re.finditer(re.escape(proper), self.text):
                start, end = found.span()
                if any(s <= start < e for s, e in event.positions):
                    continue
                if any(s <= start < e for other in self.events for s, e in other.positions):
                    continue
                event.positions.append((start, end))
                event.mentions.append(self.sentence_of(start))

    def edition(self, normalized: str) -> bool:
        return (
            bool(re.search(r"الدوره|النسخه|edition|session|\d+(?:e|eme)\b", normalized))
            and len(normalized.split()) >= 3
        )

    def is_reference(self, index: int) -> bool:
        """ "المباحثات" after an event of that kind: the same event, not a new one."""
        return self.norms[index].startswith("ال") or self.norms[index].startswith("les")

    def meeting_extent(self, index: int, sentence: Span) -> int:
        end = self.tokens[index].end
        for person in self.people:
            if person.start > end and person.start < sentence.end and person.start - end < 120:
                end = max(end, person.end)
                break
        return end

    def add_event(self, start, end, name, known=None, score=0.0, is_meeting=False) -> _Event:
        for event in self.events:
            if event.start < end and start < event.end:
                return event
            same = (
                known is not None and event.known is not None and event.known.slug == known.slug
            ) or (known is None and event.known is None and name_similarity(event.name, name) >= 88)
            if same:
                event.mentions.append(self.sentence_of(start))
                event.positions.append((start, end))
                return event
        event = _Event(
            self.new_key("event"), name.strip(), start, end, self.sentence_of(start), known, score
        )
        event.is_meeting = is_meeting
        event.positions.append((start, end))
        self.events.append(event)
        return event

    # --- Agreements ------------------------------------------------------------------

    def instrument_mentions(self) -> list[tuple[int, int, str]]:
        """Every instrument phrase: (start, end, kind), longest first where they overlap."""
        if self._instruments is None:
            self._instruments = self.find_instruments()
        return self._instruments

    def find_instruments(self) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        kinds = lx.AGREEMENT_KINDS_AR if self.arabic else lx.AGREEMENT_KINDS_FR
        for index in range(len(self.tokens)):
            for phrase, kind in kinds:
                words = phrase.split()
                if index + len(words) > len(self.tokens):
                    continue
                first_ok = any(r == words[0] for r in strip_clitics(self.norms[index])) or (
                    not self.arabic and self.norms[index] == words[0]
                )
                if not first_ok:
                    continue
                if all(self.norms[index + k] == w for k, w in enumerate(words[1:], start=1)):
                    start = self.tokens[index].start
                    end = self.tokens[index + len(words) - 1].end
                    if self.arabic:
                        base = words[0]
                        if normalize(self.tokens[index].text).endswith(base):
                            start += _clitic_length(self.tokens[index].text, base)
                    if not any(s <= start < e for s, e, _ in found):
                        found.append((start, end, kind))
                    break
        return sorted(found)

    def is_signing(self, sentence: Span) -> bool:
        indexes = self.token_range(sentence.start, sentence.end)
        signing = SIGNING_AR if self.arabic else SIGNING_FR
        if FUTURE_SIGNING.search(normalize(self.text[sentence.start : sentence.end])):
            return False  # "Une convention devrait être signée prochainement": not yet
        if not self.arabic and re.search(
            r"\b(?:aucun|aucune|sans)\b|\bn['’]|\bne\s", self.text[sentence.start : sentence.end]
        ):
            return False  # "Aucun accord n'a été signé"
        for index in indexes:
            if any(r in signing for r in strip_clitics(self.norms[index])[:2]):
                before = set(self.norms[max(0, index - 2) : index])
                if not before & NEGATIONS:
                    return True
        return False

    def is_headline(self, sentence: Span) -> bool:
        """A line of its own without a closing full stop: a headline or a subheading."""
        before = self.text[max(0, sentence.start - 1) : sentence.start]
        after = self.text[sentence.end : sentence.end + 1]
        closed = self.text[sentence.end - 1 : sentence.end] in ".!?؟…"
        return before in ("", "\n") and after in ("", "\n") and not closed

    def is_ceremony(self, sentence: Span) -> bool:
        """The sentence speaks of "the ceremony" (of the signing just reported)."""
        return bool(CEREMONY.search(normalize(self.text[sentence.start : sentence.end])))

    def names_signers(self, sentence: Span) -> bool:
        if self.arabic:
            return any(
                any(r in SIGNED_BY_AR for r in strip_clitics(self.norms[i])[:2])
                for i in self.token_range(sentence.start, sentence.end)
            )
        return bool(SIGNED_BY_FR.search(normalize(self.text[sentence.start : sentence.end])))

    def presides(self, sentence: Span) -> int | None:
        """Where "أشرف ... على توقيع", "ترأس حفل التوقيع", "sous la présidence de" is said."""
        if self.arabic:
            for i in self.token_range(sentence.start, sentence.end):
                readings = strip_clitics(self.norms[i])[:2]
                if any(r in ("اشرف", "اشرفت", "ترأس", "تراس", "ترأست", "تراست") for r in readings):
                    return self.tokens[i].start
            return None
        match = re.search(
            r"\b(?:a|ont) présidé\b|\bsous la présidence d",
            self.text[sentence.start : sentence.end],
            re.IGNORECASE,
        )
        return sentence.start + match.start() if match else None

    def read_agreements(self) -> None:
        current: _Agreement | None = None
        mentions = self.instrument_mentions()
        for sentence in self.sentences:
            inside = [m for m in mentions if sentence.start <= m[0] < sentence.end]
            unnamed = re.search(
                r"(?:تم|جري|جرى)\s+التوقيع\s+علي\s+(?:انشا|احداث|اطلاق|تاسيس)",
                normalize(self.text[sentence.start : sentence.end]),
            )
            if not inside and unnamed:
                # A signing whose instrument is not named: its kind is "other".
                start = sentence.start + unnamed.start()
                while start < sentence.end and not self.text[start:].startswith("التوقيع"):
                    start += 1
                end = self.text.find("،", start, sentence.end)
                end = end if end > 0 else sentence.end
                agreement = _Agreement(self.new_key("agreement"), "other", start, end, sentence)
                self.agreements.append(agreement)
                self.attach(agreement, sentence, start, start)
                continue
            if not inside:
                # "وقد جرت مراسم التوقيع بحضور ...": the signing of the agreement at hand.
                present = self.presence_start(sentence) is not None
                if current is not None and (
                    (
                        self.is_signing(sentence)
                        and (
                            present
                            or self.names_signers(sentence)
                            or self.sidelines_event(sentence) is not None
                        )
                    )
                    # "La cérémonie s'est déroulée en présence de ...", "وجرى الحفل بحضور".
                    or (present and self.is_ceremony(sentence))
                ):
                    self.attach(current, sentence, sentence.start, sentence.start)
                continue
            for start, end, kind in inside:
                current = self.read_instrument(current, sentence, start, end, kind)
        self.signed_as_a_set()

    def plural(self, start: int, end: int) -> bool:
        return bool(
            re.match(
                r"(?:ال)?(?:اتفاقيات|مذكرات|بروتوكولات|اتفاقات)$"
                r"|(?:conventions|accords|memorandums|protocoles)$",
                normalize(self.text[start:end]).split()[0],
            )
        )

    def signed_as_a_set(self) -> None:
        """ "وقعت ... على ثلاث اتفاقيات شراكة" whose members the article never tells apart:
        one proposal for the set, with the parties and signatories named for it, rather
        than none (the editor splits it)."""
        if self.context is None:
            return
        sentence, start, end = self.context
        if any(a.sentence.start >= sentence.start for a in self.agreements):
            return
        if not self.is_signing(sentence):
            return
        kind = next(k for s, e, k in self.instrument_mentions() if (s, e) == (start, end))
        agreement = _Agreement(self.new_key("agreement"), kind, start, end, sentence)
        self.agreements.append(agreement)
        self.attach(agreement, sentence, start, end)
        for later in self.sentences:
            if later.start <= sentence.start:
                continue
            mentions = [m for m in self.instrument_mentions() if later.start <= m[0] < later.end]
            if any(not self.plural(s, e) for s, e, _ in mentions):
                break  # another instrument: the set's story is over
            present = self.presence_start(later) is not None
            if self.names_signers(later) or (
                present and (self.is_signing(later) or self.is_ceremony(later))
            ):
                s, e = (mentions[0][0], mentions[0][1]) if mentions else (later.start,) * 2
                self.attach(agreement, later, s, e)

    def read_instrument(
        self, current: _Agreement | None, sentence: Span, start: int, end: int, kind: str
    ) -> _Agreement | None:
        """One instrument phrase: the agreement at hand again, an earlier one, or a new one."""
        head = normalize(self.text[max(sentence.start, start - 12) : start])
        tail = normalize(self.text[end : min(sentence.end, end + 20)])
        demonstrative = bool(
            re.search(r"(هذه|هذا|هاته)\s*$", head)
            or re.search(r"^\s*(هذه|هذا|الجديده|الجديد)", tail)
            or re.search(r"\b(ce|cet|cette|ces|le nouveau|la nouvelle)\s*$", head)
        )
        previous = bool(re.search(r"^\s*(السابقه|السابق)|^\s*(precedent|precedente)", tail))
        definite = normalize(self.text[start : start + 2]) == "ال" or bool(
            re.search(r"(ال|\bl'|\ble|\bla)\s*$", head)
        )
        own_date = self.date_in(end, min(sentence.end, end + 120))
        between = re.match(
            r"^\s*(?:\S+\s+){0,2}?(?:الموقعه|الموقع|signee?s?)?\s*(?:بين|entre)\s", tail + " "
        )
        plural = self.plural(start, end)
        if plural:
            # "توقيع ثلاث اتفاقيات": the set, whose members the next sentences name; its
            # date and place are theirs unless they give their own.
            if self.context is None or not (demonstrative or definite):
                # "هذه الاتفاقيات" points back at the set announced, not a new one.
                self.context = (sentence, start, end)
            return current
        ordinal = re.match(
            r"^\W*(الاول[يه]?|الثاني[ه]?|الثالث[ه]?|الرابع[ه]?|الخامس[ه]?|الاخير[ه]?)(?!\w)", tail
        ) or re.search(
            r"(premier|premiere|deuxieme|second|seconde|troisieme|quatrieme|dernier|derniere)\s*$",
            head,
        )
        if ordinal:
            label = ordinal.group(1)
            known = next((a for a in self.agreements if a.ordinal == label), None)
            if known is None:
                agreement = _Agreement(self.new_key("agreement"), kind, start, end, sentence)
                agreement.ordinal = label
                self.agreements.append(agreement)
                self.attach(agreement, sentence, start, end)
                return agreement
            self.attach(known, sentence, start, end)
            return known
        if (demonstrative or previous or definite) and current is not None and not between:
            agreement = current
            if previous:
                agreement = next(
                    (a for a in self.agreements if a.previous), None
                ) or self.older_agreement(current, own_date)
                if agreement is None:
                    return current
            self.attach(agreement, sentence, start, end)
            return current
        if not self.is_signing(sentence) and not between:
            return current
        if FUTURE_SIGNING.search(normalize(self.text[sentence.start : sentence.end])):
            return current  # "وسيتم التوقيع على اتفاقية بين الطرفين": announced only
        same_kind = current is not None and (demonstrative or definite or kind == current.kind)
        if same_kind and not between and self.compatible(current, sentence):
            self.attach(current, sentence, start, end)
            return current
        agreement = _Agreement(self.new_key("agreement"), kind, start, end, sentence)
        agreement.previous = bool(between) and current is not None and not self.context
        self.agreements.append(agreement)
        self.attach(agreement, sentence, start, end)
        if current is None or not agreement.previous:
            return agreement
        return current

    def older_agreement(self, current: _Agreement, date: DateMention | None) -> _Agreement | None:
        for agreement in self.agreements:
            if (
                agreement is not current
                and agreement.date
                and date
                and agreement.date.value.year == date.value.year
            ):
                return agreement
        return None

    def compatible(self, agreement: _Agreement, sentence: Span) -> bool:
        """A second indefinite mention of the same kind in a new sentence is the same
        agreement unless it gives another date."""
        date = self.date_in(sentence.start, sentence.end)
        if date and agreement.date and date.is_known and agreement.date.is_known:
            return date.value == agreement.date.value
        return True

    def attach(self, agreement: _Agreement, sentence: Span, start: int, end: int) -> None:
        """Read parties, signatories, attendees, date, place, event and duration from a
        sentence about `agreement` (the instrument phrase at start:end)."""
        presence = self.presence_start(sentence)
        excluded = self.purpose_spans(sentence, end)
        mentions = [
            (s, e, k)
            for s, e, k in self.instrument_mentions()
            if sentence.start <= s < sentence.end
        ]
        others = [(s, e) for s, e, _ in mentions if (s, e) != (start, end)]

        # "مذكرة التفاهم الموقعة بين X و Y في ..." names its own parties, and only those.
        scope = None
        after = self.text[end : min(sentence.end, end + 30)]
        between = re.search(r"(?:^|\s)(?:بين|entre)\s", after) if end > start else None
        if between:
            scope_start = end + between.start()
            stop = [
                p
                for p in (
                    self.text.find("،", scope_start, sentence.end),
                    self.text.find(",", scope_start, sentence.end),
                )
                if p > 0
            ]
            date = self.date_in(scope_start, sentence.end)
            if date:
                stop.append(date.start)
            scope = (scope_start, min(stop) if stop else sentence.end)

        def nearest_is_this(position: int) -> bool:
            distance = abs(position - start)
            return all(abs(position - s) >= distance for s, _ in others)

        def told_here(position: int) -> bool:
            """In the sentence, outside the excluded clauses, nearest this instrument."""
            return (
                sentence.start <= position < sentence.end
                and not any(s <= position < e for s, e in excluded)
                and nearest_is_this(position)
            )

        # Signatories and attendees. Those who "أشرف على توقيع" (presided over the signing)
        # signed for a party, or else attended: which, once the parties are known.
        # Where the sentence also names who signed ("Sous la présidence de X, ... à la
        # signature ...", "signée par"), only the first name after the cue presided.
        presiding = self.presides(sentence)
        presiders: list[_Person] = []
        chair = None
        if presiding is not None and self.names_signers(sentence):
            chair = next(
                (p for p in sorted(self.people, key=lambda p: p.start) if p.start > presiding),
                None,
            )
        for person in self.people:
            if not told_here(person.start):
                continue
            if (
                presiding is not None
                and (chair is None or person.key == chair.key)
                and (presence is None or person.start < presence)
                and (chair is not None or not self.names_signers(sentence))
            ):
                presiders.append(person)
                continue
            if presence is not None and person.start > presence:
                if person.key in agreement.headline_signers:
                    # "X توقع مذكرة" in the headline, "جرى التوقيع بحضور ... X" in the body:
                    # the body says how X took part; the headline's verb is shorthand.
                    agreement.signatories.pop(person.key, None)
                    agreement.headline_signers.discard(person.key)
                if person.key not in agreement.signatories:
                    agreement.attendees[person.key] = self.clause(
                        sentence, person.start, person.end, presence
                    )
                    agreement.mentions[person.key] = person
            elif self.names_signers(sentence) and not agreement.previous:
                agreement.signatories[person.key] = self.clause(sentence, person.start, person.end)
                agreement.attendees.pop(person.key, None)
                if self.is_headline(sentence):
                    agreement.headline_signers.add(person.key)
                else:
                    agreement.headline_signers.discard(person.key)
                if person.title or person.key not in agreement.mentions:
                    agreement.mentions[person.key] = person
        # Parties: organizations named in the sentence (not in a purpose clause, not at the
        # signing only as attendees' employers), and the signatories' organizations.
        for org in self.orgs:
            if not told_here(org.start):
                continue
            if presence is not None and org.start > presence:
                continue
            if scope is not None and not (scope[0] <= org.start < scope[1]):
                continue
            if any(
                p.title_span and p.title_span[0] <= org.start < p.title_span[1]
                for p in self.people
                if p.key not in agreement.signatories
            ):
                continue
            agreement.parties.setdefault(org.key, Span(sentence.start, sentence.end))
        for person in presiders:
            if person.key in agreement.signatories or person.key in agreement.attendees:
                continue
            evidence = self.clause(sentence, person.start, person.end)
            if person.organization and person.organization in agreement.parties:
                agreement.signatories[person.key] = evidence
            else:
                agreement.attendees[person.key] = evidence
            agreement.mentions[person.key] = person
        for person_key, evidence in agreement.signatories.items():
            person = agreement.mentions[person_key]
            if person.organization:
                agreement.parties.setdefault(person.organization, evidence)
        # Date, place, event, duration.
        date = next((d for d in self.dates if told_here(d.start)), None)
        if date is not None and (
            agreement.date is None or (not agreement.date.is_known and date.is_known)
        ):
            agreement.date, agreement.date_evidence = date, sentence
        place = self.place_in(sentence, excluded)
        if place is not None and agreement.place is None and nearest_is_this(place[2].start):
            agreement.place = place
        sidelines = self.sidelines_event(sentence)
        if sidelines is not None and agreement.event is None:
            agreement.event = sidelines
            self.event(sidelines[0]).signed = True
        duration = self.duration_in(sentence)
        if duration is not None and agreement.duration is None:
            agreement.duration = duration
        # What it is for: the purpose clause right after the instrument ("تهدف إلى ...",
        # "يتعلق بإحداث ...", "visant à ..."), as printed.
        purpose = next((span for span in excluded if 0 <= span[0] - end < 40), None)
        if purpose is not None and agreement.subject is None and end > start:
            s, e = trim(self.text, *purpose)
            if e - s > 10:
                agreement.subject = (self.text[s:e], sentence)

    def clause(self, sentence: Span, start: int, end: int, floor: int | None = None) -> Span:
        """The smallest run of the sentence that holds the value and its cue."""
        parts = self.segments(sentence)
        first = next((p for p in parts if p.start <= start < p.end), Span(start, end))
        s = first.start
        if floor is not None:
            s = min(s, floor)
        # Extend back to the sentence start for short sentences (one clause).
        if sentence.end - sentence.start < 260:
            s = sentence.start
        e = max(end, first.end)
        return Span(s, e)

    def person(self, key: str) -> _Person:
        return next(p for p in self.people if p.key == key)

    def event(self, key: str) -> _Event:
        return next(e for e in self.events if e.key == key)

    def org(self, key: str) -> _Org:
        return next(o for o in self.orgs if o.key == key)

    def presence_start(self, sentence: Span) -> int | None:
        normalized_cues = (
            ("بحضور", "حضور", "حضر", "حضره", "حضرها") if self.arabic else ("en presence",)
        )
        for index in self.token_range(sentence.start, sentence.end):
            if self.arabic and any(
                r in normalized_cues for r in strip_clitics(self.norms[index])[:2]
            ):
                return self.tokens[index].start
        if not self.arabic:
            match = re.search(
                r"en pr[ée]sence d", self.text[sentence.start : sentence.end], re.IGNORECASE
            )
            if match:
                return sentence.start + match.start()
        return None

    def purpose_spans(self, sentence: Span, after: int) -> list[tuple[int, int]]:
        """Purpose clauses ("تهدف إلى ...", "visant à ..."): they name beneficiaries, not parties."""
        spans = []
        cues = lx.PURPOSE_AR if self.arabic else lx.PURPOSE_FR
        for part in self.segments(sentence):
            for index in self.token_range(part.start, part.end):
                word = self.norms[index]
                if any(r in cues for r in strip_clitics(word)[:2]) or word in cues:
                    cut = self.text.find(" بين ", self.tokens[index].start, part.end)
                    if cut < 0:
                        cut = self.text.find(" entre ", self.tokens[index].start, part.end)
                    spans.append((self.tokens[index].start, cut if cut >= 0 else part.end))
                    break
        return spans

    def place_at(self, position: int) -> bool:
        """Whether a city's name (of one to three words) starts at this token."""
        for length in (1, 2, 3):
            words = self.norms[position : position + length]
            if len(words) == length and any(
                (reading, *words[1:]) in PLACES for reading in strip_clitics(words[0])
            ):
                return True
        return False

    def place_in(self, sentence: Span, excluded=()) -> tuple[Place, str, Span] | None:
        """A city introduced by "ب"/"في"/"à" in the sentence (not "بجهة ...")."""
        indexes = list(self.token_range(sentence.start, sentence.end))
        for position in indexes:
            if any(s <= self.tokens[position].start < e for s, e in excluded):
                continue
            for length in (3, 2, 1):
                if position + length > len(self.tokens):
                    continue
                words = [self.norms[position + k] for k in range(length)]
                first_readings = strip_clitics(words[0])
                for reading in first_readings:
                    key = (reading, *words[1:])
                    place = PLACES.get(key)
                    if place is None:
                        continue
                    prefix = words[0][: len(words[0]) - len(reading)]
                    # "بمدينة الداخلة", "dans la ville de Dakhla".
                    city_word = position > 0 and strip_clitics(self.norms[position - 1])[-1] in (
                        "مدينه",
                        "ville",
                    )
                    before = self.text[
                        max(sentence.start, self.tokens[position].start - 4) : self.tokens[
                            position
                        ].start
                    ]
                    introduced = (
                        city_word
                        or prefix.startswith("ب") or prefix.startswith("وب") or "في" in before
                        or re.search(r"(?:à|a)\s*$", before) is not None
                        or self.text[self.tokens[position + length - 1].end : self.tokens[position + length - 1].end + 2].startswith("/")
                        or re.search(r"-\s*$", before) is not None
                    )  # fmt: skip
                    if not introduced:
                        continue
                    start = self.tokens[position].start + len(prefix)
                    end = self.tokens[position + length - 1].end
                    return place, self.text[start:end], Span(start, end)
        return None

    def dateline(self) -> tuple[Place, str, Span] | None:
        """The city an article is filed from: "مراكش/ تحرير: ..." or "يوسف وفقير - الرباط"."""
        for sentence in self.sentences:
            line = self.text[sentence.start : sentence.end]
            if len(line) > 80:
                continue
            match = (
                re.match(r"^\s*([\w\u0600-\u06ff ]{2,20}?)\s*/\s*(?:تحرير|و\.م\.ع|MAP)", line)
                or re.search(
                    r"^[\w\u0600-\u06ff ]{2,30}\s[-–]\s*([\w\u0600-\u06ff ]{2,20})\s*$", line
                )
                or re.match(r"^\s*([A-Z][A-Za-zé -]{2,20})\s*[-–,(]\s*(?:MAP|le\s)", line)
            )
            if not match:
                continue
            key = tuple(normalize(match.group(1)).split())
            place = PLACES.get(key)
            if place is not None:
                sentence.start + match.start(1)
                return place, match.group(1), Span(sentence.start, sentence.end)
        return None

    def sidelines_event(self, sentence: Span) -> tuple[str, Span] | None:
        cues = ("على هامش", "علي هامش") if self.arabic else ("en marge d",)
        normalized = normalize(self.text[sentence.start : sentence.end])
        for cue in cues:
            at = normalized.find(normalize(cue))
            if at < 0:
                continue
            after = [
                (position, event)
                for event in self.events
                for position in event.positions
                if sentence.start + at <= position[0] < sentence.end
            ]
            if after:
                (_, end), event = min(after, key=lambda item: item[0][0])
                start = sentence.start + at
                return event.key, Span(start, max(end, self.close_paren(end, sentence.end)))
        return None

    def close_paren(self, position: int, limit: int) -> int:
        """A parenthesis right after an event name holds its dates: "(1-4 فبراير الجاري)"."""
        rest = self.text[position:limit]
        match = re.match(r"\s*\([^)]{1,40}\)", rest)
        return position + match.end() if match else position

    def duration_in(self, sentence: Span) -> tuple[int, Span] | None:
        """ "لمدة عامين", "لمدة ثلاث سنوات", "pour une durée de deux ans", "de 18 mois"."""
        normalized = normalize(self.text[sentence.start : sentence.end])
        match = re.search(
            r"(?:لمده|مدتها|مده|(?:pour|sur) une (?:duree|periode) de|d'une duree de)\s+"
            r"(\d+|[\w']+)?\s*(عامين|سنتين|سنوات|سنه|عام|اعوام|شهرا|اشهر|شهر|ans|an|annees|annee|mois)",
            normalized,
        )
        if not match:
            return None
        count, unit = match.group(1), match.group(2)
        if unit in ("عامين", "سنتين"):
            return 24, sentence
        words = {"ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6,
                 "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
                 "dix": 10, "douze": 12, "dix-huit": 18, "vingt-quatre": 24}  # fmt: skip
        if count is None:
            number = 1 if unit in ("سنه", "عام", "شهر", "an", "annee", "mois") else None
        else:
            number = int(count) if count.isdigit() else words.get(count)
        if not number:
            return None
        months = number if unit in ("شهرا", "اشهر", "شهر", "mois") else number * 12
        return months, sentence

    # --- Initiatives -----------------------------------------------------------------

    def read_initiatives(self) -> None:
        for hit in self.hits:
            if hit.record.kind == "initiative":
                self.initiatives.append(
                    (self.text[hit.start : hit.end], hit.start, hit.end, hit.record, hit.score)
                )
        for match in lx.QUOTED.finditer(self.text):
            before = normalize(self.text[max(0, match.start() - 25) : match.start()])
            words = before.split()
            if not words:
                continue
            if (
                any(r in INITIATIVE_AR for r in strip_clitics(words[-1])[:3])
                or words[-1] in lx.INITIATIVE_WORDS_FR
            ):
                start, end = match.start(1), match.end(1)
                if any(s < end and start < e for _, s, e, _, _ in self.initiatives):
                    continue
                if any(o.start < end and start < o.end for o in self.orgs) or any(
                    e.start < end and start < e.end for e in self.events
                ):
                    continue
                name = match.group(1)
                known, score = self.gazetteer.best_match("initiative", name, threshold=86)
                self.initiatives.append((name, start, end, known, score))

    # --- Completing ------------------------------------------------------------------

    def complete(self) -> None:
        """What one record tells about another: an event's year from its name, a meeting's
        day from the summit it was held at, a signing's event, place and participants."""
        for event in self.events:
            sentence = event.sentence
            date = (
                next(
                    (
                        d
                        for d in self.dates
                        if d.start >= event.start
                        and d.start <= self.close_paren(event.end, sentence.end)
                    ),
                    None,
                )
                or next(
                    (
                        d
                        for d in self.dates
                        if sentence.start <= d.start < sentence.end
                        and d.start >= event.start
                        and d.start - event.end < 80
                    ),
                    None,
                )
                or next(
                    # "التقيا في يوليوز الماضي بالرباط خلال المناظرة ...": the date just before.
                    (
                        d
                        for d in reversed(self.dates)
                        if sentence.start <= d.start
                        and d.end <= event.start
                        and event.start - d.end < 60
                        and d.is_known
                        and not re.search(r"[،,]", self.text[d.end : event.start])
                    ),
                    None,
                )
                or self.meeting_day(event)
            )
            year = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", event.name)
            if date is not None:
                if not date.is_known and date.month and year:
                    value = PartialDate(int(year.group(1)), date.month, date.day)
                    date.value = value
                    date.warnings = []
                    if date.last_day:
                        date.end_value = PartialDate(int(year.group(1)), date.month, date.last_day)
                event.date, event.date_evidence = (
                    date,
                    Span(min(event.start, date.start), max(event.end, date.end)),
                )
            elif year:
                event.date = _year_mention(int(year.group(1)), event)
                event.date_evidence = Span(event.start, event.end)
            # The city right after the name ("... 2025' بالدار البيضاء"), else the sentence's.
            place = self.place_in(
                Span(event.end, min(sentence.end, self.close_paren(event.end, sentence.end) + 40))
            )
            if place is None:
                place = self.place_in(sentence)
                if place is not None and abs(place[2].start - event.end) >= 120:
                    place = None
            if place is not None:
                event.place = place
            # People named in the event's sentences, or in its paragraph when the paragraph
            # tells of this event alone (the speakers of a forum's report).
            paragraph = self.paragraph_of(event.start)
            alone = not any(
                other is not event and paragraph.start <= other.start < paragraph.end
                for other in self.events
            )
            mentioned = [sentence, *event.mentions, *self.references(event)]
            for person in self.people:
                at = next((m for m in mentioned if m.start <= person.start < m.end), None)
                if at is not None:
                    event.participants.setdefault(person.key, at)
                elif alone and paragraph.start <= person.start < paragraph.end:
                    event.participants.setdefault(person.key, self.sentence_of(person.start))
            if event.place is None and alone:
                place = self.place_in(paragraph)
                if place is not None:
                    event.place = place
            if event.place is None:
                event.place = self.country_of(event)
        for event in self.events:
            # "المباحثات التي جرت على هامش ..." ties a meeting to its summit.
            if event.is_meeting:
                for other_sentence in self.sentences:
                    normalized = normalize(self.text[other_sentence.start : other_sentence.end])
                    if "هامش" in normalized or "en marge" in normalized:
                        parent = self.sidelines_event(other_sentence)
                        if (
                            parent
                            and parent[0] != event.key
                            and re.search(
                                r"المباحثات|اللقاء|الاجتماع|les entretiens|la rencontre|la reunion",
                                normalized,
                            )
                        ):
                            event.parent = parent[0]
        for event in self.events:
            parent = self.event(event.parent) if event.parent else None
            if parent is None:
                continue
            if event.date is None:
                event.date = next(
                    (d for d in self.dates if event.sentence.start <= d.start < event.sentence.end),
                    None,
                )
                event.date_evidence = event.sentence
            if (
                event.date is not None
                and parent.date
                and parent.date.end_value
                and parent.date.value.day
            ):
                first, last = parent.date.value.first_day(), parent.date.end_value.first_day()
                label = parent.date.text
                if pin_weekday(event.date, first, last, label):
                    event.date_evidence = Span(event.sentence.start, event.sentence.end)
            if parent.place is None and event.place is not None:
                parent.place = event.place
        if self.context is not None:
            # Agreements signed together ("ثلاث اتفاقيات", "trois conventions") share the
            # date and place given for the set.
            sentence, _, _ = self.context
            date = self.date_in(sentence.start, sentence.end)
            place = self.place_in(sentence)
            for agreement in self.agreements:
                if agreement.sentence.start < sentence.start:
                    continue
                if agreement.date is None and date is not None:
                    agreement.date, agreement.date_evidence = date, sentence
                if agreement.place is None and place is not None:
                    agreement.place = place
        for agreement in self.agreements:
            event = self.event(agreement.event[0]) if agreement.event else None
            if event is not None:
                for key, evidence in (*agreement.signatories.items(), *agreement.attendees.items()):
                    event.participants.setdefault(key, evidence)
                if (
                    (agreement.date is None or not agreement.date.is_known)
                    and event.date
                    and event.date.is_known
                ):
                    agreement.date = event.date
                    agreement.date_evidence = agreement.event[1]
            if agreement is self.main_agreement() and agreement.place is None:
                agreement.place = self.dateline()
            if event is not None and event.place is None and agreement.place is not None:
                event.place = agreement.place

    def references(self, event: _Event) -> list[Span]:
        """Sentences that name the event by its head noun alone ("أشغال الجمعية",
        "خلال المباحثات", "les entretiens"), when no other event shares that noun."""
        heads = self.heads(event)
        if not heads or any(
            self.heads(other) & heads for other in self.events if other.key != event.key
        ):
            return []
        found = []
        for sentence in self.sentences:
            words = {
                reading
                for index in self.token_range(sentence.start, sentence.end)
                for reading in strip_clitics(self.norms[index])[1:] or (self.norms[index],)
            }
            if words & heads and not any(
                other.key != event.key and sentence.start <= other.start < sentence.end
                for other in self.events
            ):
                found.append(sentence)
        return found

    def heads(self, event: _Event) -> set[str]:
        indexes = list(self.token_range(event.start, event.end))[:4]
        words = set()
        for index in indexes:
            bare = strip_clitics(self.norms[index])[-1]
            if bare in {
                "جمعيه",
                "قمه",
                "مباحثات",
                "مناظره",
                "مناظرات",
                "معرض",
                "ملتقي",
                "منتدي",
                "مؤتمر",
                "جلسه",
            }:
                words.add(bare)
            elif self.norms[index] in (
                "sommet",
                "salon",
                "forum",
                "assises",
                "conference",
                "entretiens",
                "seance",
            ):
                words.add(self.norms[index])
        if event.is_meeting:
            words |= {"مباحثات", "لقاء", "اجتماع", "entretiens", "rencontre", "reunion"}
        return words

    def country_of(self, event: _Event) -> tuple[Place, str, Span] | None:
        """A country the event's sentence gives ("دولة الكويت"), or that of the organization
        in its name ("بمجلس المستشارين")."""
        sentence = event.sentence
        match = re.search(
            r"(?:دولة|بدولة|في دولة)\s+([\w\u0600-\u06ff]+)",
            self.text[sentence.start : sentence.end],
        )
        if match:
            key = (normalize(match.group(1)),)
            place = COUNTRY_PLACES.get(key)
            if place is not None:
                start = sentence.start + match.start(1)
                return place, match.group(1), Span(start, start + len(match.group(1)))
        for org in self.orgs:
            if event.start <= org.start < event.end and org.country:
                return Place((org.name,), org.country, True), org.name, Span(org.start, org.end)
        return None

    def paragraph_of(self, position: int) -> Span:
        start = self.text.rfind("\n", 0, position) + 1
        end = self.text.find("\n", position)
        return Span(start, end if end >= 0 else len(self.text))

    def main_agreement(self) -> _Agreement | None:
        return next((a for a in self.agreements if not a.previous), None)

    # --- Output ----------------------------------------------------------------------

    def proposals(self) -> ArticleProposals:
        used_orgs = {o.key for o in self.orgs}
        result = ArticleProposals(language=self.article_language, publication_date=self.publication)
        for org in self.orgs:
            if any(o.key == org.key for o in result.organizations):
                continue
            result.organizations.append(
                OrganizationProposal(
                    key=org.key,
                    name=self.name_proposal(
                        org.name,
                        self.name_evidence(org.start, org.end, org.sentence),
                        org.known,
                        org.score,
                    ),
                    country=org.country,
                    kind="" if org.known else lx.kind_of(org.name, lx.ORGANIZATION_KIND_WORDS),
                )
            )
        for person in self.people:
            if any(p.key == person.key for p in result.people):
                continue
            positions = []
            titles = set()
            for mention in self.people:
                if mention.key != person.key or not mention.title:
                    continue
                if normalize(mention.title) in titles:
                    continue
                titles.add(normalize(mention.title))
                span = Span(
                    min(mention.start, mention.title_span[0]),
                    max(mention.end, mention.title_span[1]),
                )
                positions.append(
                    PositionProposal(
                        title=mention.title,
                        evidence=self.evidence(span.start, span.end),
                        organization=mention.organization
                        if mention.organization in used_orgs
                        else None,
                    )
                )
            result.people.append(
                PersonProposal(
                    key=person.key,
                    name=self.name_proposal(
                        person.name,
                        self.name_evidence(person.start, person.end, person.sentence),
                        person.known,
                        person.score,
                    ),
                    positions=positions,
                )
            )
        for agreement in self.agreements:
            result.agreements.append(self.agreement_proposal(agreement))
        for event in self.events:
            result.events.append(self.event_proposal(event))
        for name, start, end, known, score in self.initiatives:
            result.initiatives.append(
                InitiativeProposal(
                    key=self.new_key("initiative"),
                    name=self.name_proposal(
                        name, self.name_evidence(start, end, self.sentence_of(start)), known, score
                    ),
                )
            )
        return result

    def name_proposal(
        self, text: str, evidence: tuple[int, int], known: KnownRecord | None, score: float
    ) -> NameProposal:
        """A name as printed, where it is read, and the record it matches (with its score)."""
        return NameProposal(
            text=text,
            evidence=self.evidence(*evidence),
            existing=known.ref(self.language) if known else None,
            score=score if known else 0.0,
        )

    def name_evidence(self, start: int, end: int, sentence: Span) -> tuple[int, int]:
        """The clause around a name: its comma-separated segment, grown to 40 characters."""
        parts = self.segments(sentence)
        part = next((p for p in parts if p.start <= start < p.end), Span(start, end))
        s, e = min(part.start, start), max(part.end, end)
        if e - s > 300:
            s, e = max(sentence.start, start - 80), min(sentence.end, end + 80)
            s = self.text.rfind(" ", sentence.start, s + 1) + 1 if s > sentence.start else s
            space = self.text.find(" ", e)
            e = space if 0 <= space < sentence.end else sentence.end
        return s, e

    def date_proposal(self, mention: DateMention, evidence: Span) -> DateProposal:
        start = min(evidence.start, mention.start)
        end = max(evidence.end, mention.end)
        return DateProposal(
            value=mention.value,
            text=mention.text,
            evidence=self.evidence(start, end),
            # Rendered now, in the language active for the editor who pastes the article:
            # proposals are stored as JSON, where a lazy translation cannot go.
            warnings=[str(warning) for warning in mention.warnings],
        )

    def place_proposal(self, place: tuple[Place, str, Span], context: Span) -> PlaceProposal:
        found, printed, span = place
        start, end = min(context.start, span.start), max(context.end, span.end)
        if end - start > 400:
            start, end = span.start, span.end
            sentence = self.sentence_of(span.start)
            start, end = sentence.start, sentence.end
        return PlaceProposal(
            city="" if found.is_country else printed,
            country=found.country,
            evidence=self.evidence(start, end),
        )

    def agreement_proposal(self, agreement: _Agreement) -> AgreementProposal:
        sentence = agreement.sentence
        title_end = agreement.title_end
        following = self.text[title_end : sentence.end]
        # The title phrase: the instrument and the adjectives that follow it.
        match = re.match(r"(\s+(?:[\w\u0600-\u06ff]+)){0,2}", following)
        words = match.group(0) if match else ""
        kept = ""
        for word in words.split():
            if normalize(word) in (
                "تفاهم",
                "ثلاثيه",
                "استراتيجيه",
                "ثنائيه",
                "جديده",
                "strategique",
                "tripartite",
                "d'entente",
                "d'accord",
                "de",
                "partenariat",
                "cooperation",
            ):
                kept += " " + word
            else:
                break
        title = self.text[agreement.title_start : title_end + (len(kept) if kept else 0)]
        title_evidence = self.evidence(sentence.start, sentence.end)
        proposal = AgreementProposal(
            key=agreement.key,
            kind=Proposed(agreement.kind, title_evidence),
            title=Proposed(title.strip(), title_evidence),
        )
        for org_key, span in agreement.parties.items():
            org = self.org(org_key)
            span = Span(min(span.start, org.start), max(span.end, org.end))
            proposal.parties.append(
                Proposed(org_key, self.evidence(*self.tight(span, org.start, org.end)))
            )
        for person_key, span in agreement.signatories.items():
            person = agreement.mentions[person_key]
            proposal.signatories.append(
                SigningProposal(
                    person=person_key,
                    evidence=self.evidence(*self.tight(span, person.start, person.end)),
                    organization=person.organization
                    if person.organization in agreement.parties
                    else None,
                    title=person.title,
                )
            )
        for person_key, span in agreement.attendees.items():
            person = agreement.mentions[person_key]
            proposal.attendees.append(self.attendance(person_key, person, span))
        if agreement.date is not None:
            proposal.date = self.date_proposal(agreement.date, agreement.date_evidence or sentence)
        if agreement.place is not None:
            proposal.place = self.place_proposal(agreement.place, agreement.place[2])
        if agreement.event is not None:
            key, span = agreement.event
            proposal.event = Proposed(key, self.evidence(span.start, span.end))
        if agreement.duration is not None:
            months, span = agreement.duration
            proposal.duration_months = Proposed(months, self.evidence(span.start, span.end))
        if agreement.subject is not None:
            subject, span = agreement.subject
            proposal.subject = Proposed(subject, self.evidence(span.start, span.end))
        proposal.existing = self.existing_agreement(agreement)
        return proposal

    def attendance(self, person_key: str, person: _Person, span: Span) -> AttendanceProposal:
        """Someone present (at a signing, at an event), read in `span`."""
        return AttendanceProposal(
            person=person_key,
            evidence=self.evidence(*self.tight(span, person.start, person.end)),
            organization=person.organization,
            title=person.title,
        )

    def tight(self, span: Span, start: int, end: int) -> tuple[int, int]:
        """The evidence span, no longer than the value's clause needs (400 characters)."""
        s, e = min(span.start, start), max(span.end, end)
        if e - s <= 400:
            return s, e
        sentence = self.sentence_of(start)
        return self.name_evidence(start, end, sentence)

    def existing_agreement(self, agreement: _Agreement):
        party_slugs = {self.org(k).known.slug for k in agreement.parties if self.org(k).known}
        best, best_score = None, 0
        for record in self.gazetteer.agreements_with(party_slugs):
            overlap = len(party_slugs & set(record.parties))
            if overlap < min(2, len(record.parties)) or overlap == 0:
                continue
            if "other" not in (record.agreement_kind, agreement.kind) and (
                record.agreement_kind != agreement.kind
            ):
                continue
            score = overlap * 10
            if agreement.date and agreement.date.is_known and record.date.is_known:
                if not _compatible_dates(agreement.date.value, record.date):
                    continue
                score += 3
            if score > best_score:
                best, best_score = record, score
        return best.ref(self.language) if best else None

    def event_proposal(self, event: _Event) -> EventProposal:
        proposal = EventProposal(
            key=event.key,
            name=self.name_proposal(
                event.name,
                (event.name_evidence.start, event.name_evidence.end)
                if event.name_evidence
                else self.name_evidence(event.start, event.end, event.sentence),
                event.known,
                event.score,
            ),
            signed_nothing=not event.signed,
            kind="" if event.known else lx.kind_of(event.name, lx.EVENT_KIND_WORDS),
        )
        if event.date is not None:
            evidence = event.date_evidence or event.sentence
            proposal.date = self.date_proposal(event.date, evidence)
            if event.date.end_value is not None:
                proposal.end = DateProposal(
                    value=event.date.end_value,
                    text=event.date.text,
                    evidence=proposal.date.evidence,
                )
        if event.place is not None:
            proposal.place = self.place_proposal(event.place, event.place[2])
        for person_key, span in event.participants.items():
            proposal.participants.append(self.attendance(person_key, self.person(person_key), span))
        return proposal


def _compatible_dates(a: PartialDate, b: PartialDate) -> bool:
    """Two dates that may be the same day: equal to the coarser one's precision."""
    return all(
        x == y or x is None or y is None
        for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day))
    )


def _clitic_length(word: str, base: str) -> int:
    """How many characters of the printed `word` come before its reading `base` (harakat
    included: "مذكرةَ" keeps its fatha, "لـمنظمة" its tatweel)."""
    for index in range(len(word)):
        if normalize(word[index:]).strip("'’-") == base:
            return index
    return 0


def _elided(word: str) -> str:
    """French elision off: "l'Agence" → "Agence", "d'entente" → "entente"."""
    return re.sub(r"^(?:l|d|qu|j|n|s)['’]", "", word, flags=re.IGNORECASE)


def _year_mention(year: int, event: _Event) -> DateMention:
    """The year an event's own name gives ("جيتكس أفريقيا 2025")."""
    return DateMention(event.start, event.end, event.name, PartialDate(year))


__all__ = ["extract_article"]
