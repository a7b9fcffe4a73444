"""What the tracker already knows, as names to look for in an article.

A `Gazetteer` holds every organization, person (with positions), event, initiative and
agreement, drafts included (intake is an editors' tool), with all their names in Arabic,
French and English. It finds those names in a text whatever the spelling: Arabic is
compared normalized (harakat, tatweel, hamza forms, ى/ي, ة/ه) with its clitics stripped
("لوكالة" is "وكالة"), and names are compared token by token with rapidfuzz on a
spelling-tolerant key (أمل / أمال; Seghrouchni / Saghrouchni; Fallah / Falah).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from agreements.models import Agreement, AgreementParty, Initiative
from core.records import LANGUAGES, PartialDate
from events.models import Event
from intake.extract.proposals import RecordKind, RecordRef
from intake.extract.text import WORD, Token, normalize, skeleton, strip_clitics, tokens
from partners.models import Organization, Person, Position

# A name token matches a text token at this similarity (0-100) of their spelling keys.
TOKEN_SIMILARITY = 84
# Tokens this short must match exactly (after normalization and clitics).
SHORT_TOKEN = 3


@dataclass(frozen=True)
class KnownPosition:
    titles: dict[str, str]
    organization: str  # organization slug
    slug: str = ""


@dataclass(frozen=True)
class KnownRecord:
    """One record of the database, with what the extractor compares."""

    kind: RecordKind
    pk: int
    slug: str
    names: dict[str, str]  # language → name, where given
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # organizations and people: other spellings
    country: str = ""
    positions: tuple[KnownPosition, ...] = ()  # people
    agreement_kind: str = ""  # agreements
    parties: tuple[str, ...] = ()  # agreements: organization slugs
    date: PartialDate = field(default_factory=PartialDate)  # signing or start date
    end: PartialDate = field(default_factory=PartialDate)
    city: dict[str, str] = field(default_factory=dict)  # events and agreements
    parent: str = ""  # events: slug of the event it was held on the sidelines of

    @property
    def spellings(self) -> set[str]:
        """Every way the record is written: names, acronyms, other spellings."""
        return {*self.names.values(), *self.acronyms, *self.aliases}

    def label(self, language: str) -> str:
        for code in (language, *LANGUAGES):
            if self.names.get(code):
                return self.names[code]
        return self.slug

    def ref(self, language: str) -> RecordRef:
        return RecordRef(kind=self.kind, pk=self.pk, slug=self.slug, label=self.label(language))


@dataclass(frozen=True)
class NameHit:
    """A known name found in the text."""

    record: KnownRecord
    start: int
    end: int
    score: float


@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    words = (word.strip("'’-") for word in WORD.findall(normalize(name)))
    return tuple(word for word in words if word)


def name_tokens(name: str) -> list[str]:
    """The comparison tokens of a name: normalized, quotes and punctuation dropped."""
    return list(_name_tokens(name))


def _token_score(text_token: str, name_token: str) -> float:
    best = 0.0
    for reading in strip_clitics(text_token):
        if reading == name_token:
            return 100.0
        if len(name_token) <= SHORT_TOKEN or len(reading) <= SHORT_TOKEN:
            if skeleton(reading) == skeleton(name_token) and reading[:1] == name_token[:1]:
                best = max(best, 90.0)
            continue
        score = max(
            fuzz.ratio(reading, name_token),
            fuzz.ratio(skeleton(reading), skeleton(name_token)),
        )
        best = max(best, score)
    return best


# Words that qualify an office without naming it: "الوزارة المنتدبة المكلفة بـ..." is the
# ministry of what follows.
FILLER = frozenset(
    (
        "منتدبه",
        "مكلفه",
        "منتدب",
        "مكلف",
        "لدي",
        "رئيس",
        "حكومه",
        "delegue",
        "deleguee",
        "charge",
        "chargee",
        "aupres",
        "du",
        "de",
        "la",
        "le",
        "l'",
        "des",
        "et",
        "و",
    )
)


def _stem(word: str) -> str:
    """Plural and feminine endings off: مناظرات / مناظرة → مناظر."""
    for suffix in ("ات", "ه", "ين", "ون"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _content(name: str) -> list[str]:
    words = [_stem(strip_clitics(w)[-1]) for w in name_tokens(name)]
    return [w for w in words if w not in FILLER and w]


def _skeletons(name: str) -> list[str]:
    """The spelling-tolerant keys of a name's content words, to shortlist candidates."""
    return [skeleton(word) for word in _content(name)]


def name_similarity(a: str, b: str) -> float:
    """How alike two names are, 0-100, token by token, order kept, in any spelling."""
    left, right = name_tokens(a), name_tokens(b)
    if not left or not right:
        return 0.0
    if len(left) != len(right):
        left_content, right_content = _content(a), _content(b)
        if len(left_content) == len(right_content) and left_content:
            scores = [_pair_score(x, y) for x, y in zip(left_content, right_content, strict=True)]
            return min(scores) * 0.5 + (sum(scores) / len(scores)) * 0.5
        if not left_content or not right_content:
            return 0.0
        # A name inside a longer one ("الدورة" in "الدورة الخامسة للجمعية العامة") is only
        # as alike as the share of the longer name it covers.
        coverage = min(len(left_content), len(right_content)) / max(
            len(left_content), len(right_content)
        )
        return fuzz.token_set_ratio(" ".join(left_content), " ".join(right_content)) * (
            0.6 + 0.4 * coverage
        )
    scores = [_pair_score(x, y) for x, y in zip(left, right, strict=True)]
    return min(scores) * 0.5 + (sum(scores) / len(scores)) * 0.5


def _pair_score(a: str, b: str) -> float:
    """Either word may carry the clitic ("ويب" / "الويب")."""
    return max(_token_score(a, b), _token_score(b, a))


class Gazetteer:
    """The known records, indexed for finding their names in a text."""

    def __init__(self, records: Iterable[KnownRecord] = ()) -> None:
        self._records: dict[RecordKind, dict[str, KnownRecord]] = defaultdict(dict)
        for record in records:
            self._records[record.kind][record.slug] = record
        self._index: tuple[dict, dict] | None = None
        self._choices: dict[str, tuple[list[str], list[tuple[KnownRecord, str]]]] = {}
        self._by_party: dict[str, list[KnownRecord]] | None = None

    # --- Building --------------------------------------------------------------------

    @classmethod
    def from_database(cls) -> Gazetteer:
        """Every record, drafts included, in seven queries."""

        def names(row: dict, prefix: str) -> dict[str, str]:
            return {code: row[f"{prefix}_{code}"] for code in LANGUAGES if row[f"{prefix}_{code}"]}

        lang_fields = [f"{prefix}_{code}" for prefix in ("name",) for code in LANGUAGES]
        records: list[KnownRecord] = []
        organization_slugs = {}
        for row in Organization.objects.values(
            "pk", "slug", "country", "aliases", *lang_fields, *(f"acronym_{c}" for c in LANGUAGES)
        ):
            organization_slugs[row["pk"]] = row["slug"]
            acronyms = tuple({row[f"acronym_{c}"] for c in LANGUAGES if row[f"acronym_{c}"]})
            records.append(
                KnownRecord(
                    "organization",
                    row["pk"],
                    row["slug"],
                    names(row, "name"),
                    acronyms,
                    aliases=tuple(row["aliases"].split("\n")) if row["aliases"] else (),
                    country=str(row["country"] or ""),
                )
            )
        positions = defaultdict(list)
        for row in Position.objects.values(
            "person_id", "organization_id", "slug", *(f"title_{c}" for c in LANGUAGES)
        ):
            positions[row["person_id"]].append(
                KnownPosition(
                    names(row, "title"),
                    organization_slugs.get(row["organization_id"], ""),
                    row["slug"],
                )
            )
        for row in Person.objects.values("pk", "slug", "aliases", *lang_fields):
            records.append(
                KnownRecord(
                    "person",
                    row["pk"],
                    row["slug"],
                    names(row, "name"),
                    aliases=tuple(row["aliases"].split("\n")) if row["aliases"] else (),
                    positions=tuple(positions[row["pk"]]),
                )
            )
        events = list(
            Event.objects.values(
                "pk",
                "slug",
                "country",
                "start_date",
                "end_date",
                "date_precision",
                "parent_id",
                *lang_fields,
                *(f"city_{c}" for c in LANGUAGES),
            )
        )
        event_slugs = {row["pk"]: row["slug"] for row in events}
        for row in events:
            records.append(
                KnownRecord(
                    "event",
                    row["pk"],
                    row["slug"],
                    names(row, "name"),
                    country=str(row["country"] or ""),
                    date=PartialDate.from_stored(row["start_date"], row["date_precision"]),
                    end=PartialDate.from_stored(row["end_date"], row["date_precision"]),
                    city=names(row, "city"),
                    parent=event_slugs.get(row["parent_id"], ""),
                )
            )
        for row in Initiative.objects.values("pk", "slug", *lang_fields):
            records.append(KnownRecord("initiative", row["pk"], row["slug"], names(row, "name")))
        parties = defaultdict(list)
        for row in AgreementParty.objects.values("agreement_id", "organization_id"):
            parties[row["agreement_id"]].append(organization_slugs.get(row["organization_id"], ""))
        for row in Agreement.objects.values(
            "pk",
            "slug",
            "kind",
            "signed_on",
            "signed_on_precision",
            "place_country",
            *(f"title_{c}" for c in LANGUAGES),
            *(f"place_city_{c}" for c in LANGUAGES),
        ):
            records.append(
                KnownRecord(
                    "agreement",
                    row["pk"],
                    row["slug"],
                    names(row, "title"),
                    country=str(row["place_country"] or ""),
                    agreement_kind=row["kind"],
                    parties=tuple(sorted(parties[row["pk"]])),
                    date=PartialDate.from_stored(row["signed_on"], row["signed_on_precision"]),
                    city=names(row, "place_city"),
                )
            )
        return cls(records)

    def without(self, slugs: dict[str, set[str]]) -> Gazetteer:
        """A copy that does not know the given records (kind → slugs; "position" too)."""
        kept = [
            record
            for kind, records in self._records.items()
            for slug, record in records.items()
            if slug not in slugs.get(kind, set())
        ]
        # Positions at a forgotten organization are forgotten with it.
        gone = slugs.get("organization", set())
        positions = slugs.get("position", set())
        kept = [
            replace(
                r,
                positions=tuple(
                    p for p in r.positions if p.organization not in gone and p.slug not in positions
                ),
            )
            if r.positions
            else r
            for r in kept
        ]
        return Gazetteer(kept)

    # --- Reading ---------------------------------------------------------------------

    def records(self, kind: RecordKind) -> list[KnownRecord]:
        return list(self._records.get(kind, {}).values())

    def get(self, kind: RecordKind, slug: str) -> KnownRecord | None:
        return self._records.get(kind, {}).get(slug)

    def __len__(self) -> int:
        return sum(len(records) for records in self._records.values())

    def _name_index(self) -> tuple[dict, dict]:
        """Names by their first word (exact, for organizations, events, initiatives) and
        people's names by the skeleton of their first word (the rest compared with
        rapidfuzz)."""
        if self._index is None:
            exact: dict[str, list[tuple[KnownRecord, tuple[str, ...]]]] = defaultdict(list)
            fuzzy: dict[str, list[tuple[KnownRecord, tuple[str, ...]]]] = defaultdict(list)
            for kind in ("organization", "person", "event", "initiative"):
                for record in self._records.get(kind, {}).values():
                    for spelling in record.spellings:
                        parts = tuple(name_tokens(spelling))
                        if not parts or (len(parts) == 1 and len(parts[0]) < 3):
                            continue
                        if spelling in record.acronyms and not spelling.isupper():
                            continue
                        exact[parts[0]].append((record, parts))
                        if kind == "person":
                            # A given name is found in any spelling of the same skeleton
                            # (أمل / أمال, Mohamed / Mohammed): an exact key, not a scan.
                            fuzzy[skeleton(parts[0])].append((record, parts))
            self._index = (exact, fuzzy)
        return self._index

    def find_names(self, text: str, text_tokens: list[Token] | None = None) -> list[NameHit]:
        """Every known name in `text`, longest and best first where they overlap."""
        text_tokens = text_tokens if text_tokens is not None else tokens(text)
        normalized = [normalize(t.text).strip("'’-") for t in text_tokens]
        exact, fuzzy = self._name_index()
        hits: list[NameHit] = []
        for position, word in enumerate(normalized):
            candidates = []
            for reading in strip_clitics(word):
                candidates.extend(exact.get(reading, ()))
                candidates.extend(fuzzy.get(skeleton(reading), ()))
            seen = set()
            for record, parts in candidates:
                if (record.slug, parts) in seen:
                    continue
                seen.add((record.slug, parts))
                # An acronym is read only in capitals: "ADD", not "add".
                original = re.sub(r"^\w+['’]", "", text_tokens[position].text)
                is_acronym = len(parts) == 1 and parts[0] in {normalize(a) for a in record.acronyms}
                if is_acronym and not original.isupper():
                    continue
                score = self._match_at(normalized, position, parts, record)
                if score:
                    start = text_tokens[position].start
                    clitic = len(word) - len(parts[0])
                    if clitic > 0 and word.endswith(parts[0]):
                        # "لوكالة التنمية" names "وكالة التنمية": the clitic is not the name.
                        start += clitic
                    end = text_tokens[position + len(parts) - 1].end
                    hits.append(NameHit(record, start, end, score))
        return _best_non_overlapping(hits)

    def _match_at(
        self, normalized: list[str], position: int, parts: tuple[str, ...], record: KnownRecord
    ) -> float:
        if position + len(parts) > len(normalized):
            return 0.0
        scores = []
        for offset, part in enumerate(parts):
            word = normalized[position + offset]
            if offset > 0:
                # Only the first word of a name takes clitics; a later one may take "و" in
                # a name ("وإصلاح") or "ال": the rest must be the name's own word.
                if word == part or word in ("و" + part, "ال" + part):
                    scores.append(100.0)
                    continue
                if record.kind != "person" or len(part) <= SHORT_TOKEN:
                    return 0.0
                score = max(fuzz.ratio(word, part), fuzz.ratio(skeleton(word), skeleton(part)))
            else:
                score = _token_score(word, part)
                if record.kind != "person" and score < 100:
                    return 0.0
            if score < TOKEN_SIMILARITY:
                return 0.0
            scores.append(score)
        if len(parts) == 1 and record.kind == "person":
            return 0.0  # a lone given name or surname is not enough to name a person
        return sum(scores) / len(scores)

    def best_match(self, kind: RecordKind, name: str, threshold: float = 86.0):
        """The known record of `kind` whose name is nearest `name`, with its score.

        rapidfuzz picks the 20 nearest spellings of the kind's (in C, over every record);
        the token-by-token comparison then ranks those only."""
        choices, owners = self._spellings(kind)
        if not choices:
            return (None, 0.0)
        query = " ".join(_skeletons(name))
        candidates = process.extract(
            query, choices, scorer=fuzz.token_set_ratio, limit=20, score_cutoff=40
        )
        best: tuple[KnownRecord | None, float] = (None, 0.0)
        for _, _, position in candidates:
            record, spelling = owners[position]
            score = name_similarity(name, spelling)
            if score > best[1]:
                best = (record, score)
        return best if best[1] >= threshold else (None, best[1])

    def agreements_with(self, party_slugs: Iterable[str]) -> list[KnownRecord]:
        """The recorded agreements that bind any of these organizations."""
        if self._by_party is None:
            self._by_party = defaultdict(list)
            for record in self._records.get("agreement", {}).values():
                for party in record.parties:
                    self._by_party[party].append(record)
        found = {}
        for slug in party_slugs:
            for record in self._by_party.get(slug, ()):
                found[record.slug] = record
        return list(found.values())

    def _spellings(self, kind: RecordKind) -> tuple[list[str], list[tuple[KnownRecord, str]]]:
        if kind not in self._choices:
            choices, owners = [], []
            for record in self._records.get(kind, {}).values():
                for spelling in record.spellings:
                    choices.append(" ".join(_skeletons(spelling)))
                    owners.append((record, spelling))
            self._choices[kind] = (choices, owners)
        return self._choices[kind]


def _best_non_overlapping(hits: list[NameHit]) -> list[NameHit]:
    hits.sort(key=lambda h: (-(h.end - h.start), -h.score, h.start))
    chosen: list[NameHit] = []
    for hit in hits:
        if any(hit.start < c.end and c.start < hit.end for c in chosen):
            continue
        chosen.append(hit)
    chosen.sort(key=lambda h: h.start)
    return chosen
