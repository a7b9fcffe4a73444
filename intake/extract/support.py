"""Does each proposed value rest on its evidence? The check the benchmark and the tests run.

A value is supported when its evidence is a verbatim slice of the article
(`text[start:end] == quote`) that contains the value as printed: the name, the title, the
date phrase, the city. An organization named through its head's title ("وزير الصناعة
والتجارة" for "وزارة الصناعة والتجارة") is supported when every word of the name but
the office noun is in the passage.
"""

from __future__ import annotations

from intake.extract.proposals import ArticleProposals, Evidence
from intake.extract.text import normalize, strip_clitics, tokens

# The office noun and the officer's title name the same body.
_OFFICES = {
    "وزاره": ("وزير", "وزيره"),
    "سفاره": ("سفير", "سفيره"),
    "ministere": ("ministre",),
    "ambassade": ("ambassadeur", "ambassadrice"),
}
_FILLER = {"ال", "و", "de", "du", "des", "la", "le", "l'", "d'", "et"}


def _bare_words(text: str) -> set[str]:
    words = set()
    for token in tokens(text):
        readings = strip_clitics(normalize(token.text).strip("'’-"))
        words.update(readings)
        # Gender and the tied ta do not change the body named: "المنتدب" / "المنتدبة".
        words.update(r[:-1] for r in readings if r.endswith("ه"))
    return words


def _contains(quote: str, value: str) -> bool:
    if not value:
        return True
    if value in quote or normalize(value) in normalize(quote):
        return True
    quote_words = _bare_words(quote)
    for token in tokens(value):
        word = normalize(token.text).strip("'’-")
        if word in _FILLER:
            continue
        readings = set(strip_clitics(word))
        readings |= {r[:-1] for r in readings if r.endswith("ه")}
        offices = {alt for reading in readings for alt in _OFFICES.get(reading, ())}
        if not (readings | offices) & quote_words:
            return False
    return True


def unsupported(proposals: ArticleProposals, text: str) -> list[str]:
    """Every proposed value whose evidence is not a verbatim slice containing it."""
    problems: list[str] = []

    def check(what: str, value: str, evidence: Evidence) -> None:
        if text[evidence.start : evidence.end] != evidence.quote:
            problems.append(f"{what}: evidence is not a verbatim slice")
        elif not _contains(evidence.quote, value):
            problems.append(f"{what}: {value!r} not in {evidence.quote[:80]!r}")

    names = {}
    for org in proposals.organizations:
        names[org.key] = org.name.text
        check(f"organization {org.key}", org.name.text, org.name.evidence)
    for person in proposals.people:
        names[person.key] = person.name.text
        check(f"person {person.key}", person.name.text, person.name.evidence)
        for position in person.positions:
            check(f"position of {person.key}", position.title, position.evidence)
    for event in proposals.events:
        names[event.key] = event.name.text
    for event in proposals.events:
        check(f"event {event.key}", event.name.text, event.name.evidence)
        for part in (event.date, event.end):
            if part is not None:
                check(f"date of {event.key}", part.text, part.evidence)
        if event.place is not None:
            check(f"place of {event.key}", event.place.city, event.place.evidence)
        for act in event.participants:
            check(f"participant of {event.key}", names.get(act.person, ""), act.evidence)
    for initiative in proposals.initiatives:
        check(f"initiative {initiative.key}", initiative.name.text, initiative.name.evidence)
    for agreement in proposals.agreements:
        key = agreement.key
        check(f"kind of {key}", agreement.title.value, agreement.kind.evidence)
        check(f"title of {key}", agreement.title.value, agreement.title.evidence)
        for party in agreement.parties:
            check(f"party of {key}", names.get(party.value, ""), party.evidence)
        for act in (*agreement.signatories, *agreement.attendees):
            check(f"person at {key}", names.get(act.person, ""), act.evidence)
        if agreement.date is not None:
            check(f"date of {key}", agreement.date.text, agreement.date.evidence)
        if agreement.place is not None:
            check(f"place of {key}", agreement.place.city, agreement.place.evidence)
        if agreement.event is not None:
            check(f"event of {key}", names.get(agreement.event.value, ""), agreement.event.evidence)
        if agreement.duration_months is not None:
            check(f"duration of {key}", "", agreement.duration_months.evidence)
        if agreement.subject is not None:
            check(f"subject of {key}", agreement.subject.value, agreement.subject.evidence)
    if proposals.publication_date is not None:
        date = proposals.publication_date
        check("publication date", date.text, date.evidence)
    return problems
