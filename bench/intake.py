"""How much of the seed records the article intake reproduces from the five seed articles.

    .venv/bin/python bench/intake.py [--verbose]

The answer key is `seeds/*.yaml`: for each article in `seeds/articles/`, the records with
a citation quoting it. The script loads the seeds into a throwaway SQLite database
(`INTAKE_BENCH_DATABASE`, default /tmp/intake-bench.sqlite3, rebuilt each run), builds
the gazetteer from it (`Gazetteer.from_database()`), then extracts every article twice:

- leave-one-out: the gazetteer without the records cited only by the article being read,
  so that their names must be found in the text (the honest figure);
- full: the whole database, as when an editor pastes an article already recorded.

A proposal reproduces a record when, matched against the full database (its `existing`
record, or the nearest name), it names the same organization, person or event; an
agreement when its existing record, or its parties, kind and year, are the key's.
Counted per article and in total: agreements, their parties, signatories (person and the
party signed for), attendees (of agreements, and events' participants), dates (value and
precision, signing dates and events' start dates; a date the key leaves unknown must be
proposed unknown), places (city, or country where the key has no city) and events; and
the proposed values that no passage supports (`intake.extract.support.unsupported`).
A record is expected from an article only where one of the article's own citations states
it (an agreement's title, kind or parties; an event's name or kind): a citation that only
lends a value (000 gives the D4SD signing's "شتنبر" and New York, 001 the year of UNGA 80)
does not make the article report the record. Likewise parties, signatories, attendees, a
known date or a place count where one of the article's own citations backs that field (a
value the key took from another article cannot be read from this one). `--misses` lists
each value not reproduced.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATABASE = os.environ.get("INTAKE_BENCH_DATABASE", "/tmp/intake-bench.sqlite3")
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

# A script, not a module of the project: Django is set up before the project is imported.
import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import translation  # noqa: E402

from core.records import PartialDate  # noqa: E402
from intake.extract import Gazetteer, extract_article  # noqa: E402
from intake.extract.support import unsupported  # noqa: E402
from intake.extract.text import normalize  # noqa: E402
from seeding.reader import read_seed_set  # noqa: E402

COLUMNS = ("agreements", "parties", "signatories", "attendees", "dates", "places", "events")
KINDS = ("organization", "person", "event", "initiative", "agreement")


def build_database() -> None:
    Path(DATABASE).unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_seeds", stdout=quiet)


# The fields that say a record exists: an article whose citations back none of them only
# lends the record a value (a year, a place), and does not state it.
STATED = {"agreement": ("title", "kind", "parties"), "event": ("name", "kind")}


def only_cited_by(seed, source: str) -> bool:
    return all(c.source == source for c in seed.citations)


class Resolver:
    """Proposal keys → seed slugs, through the full gazetteer."""

    def __init__(self, full: Gazetteer, proposals) -> None:
        self.slugs: dict[str, str | None] = {}
        for kind, items in (
            ("organization", proposals.organizations),
            ("person", proposals.people),
            ("event", proposals.events),
        ):
            for item in items:
                name = item.name
                if name.existing is not None:
                    self.slugs[item.key] = name.existing.slug
                else:
                    record, _ = full.best_match(kind, name.text, threshold=80)
                    self.slugs[item.key] = record.slug if record else None

    def __call__(self, key: str | None) -> str | None:
        return self.slugs.get(key) if key else None


def cites(seed, source: str, *fields: str) -> bool:
    """Whether this article's citations back one of the fields (the key's value may come
    from another article: "يوليوز الماضي" is read in one, "بالرباط" in another)."""
    return any(c.source == source and set(c.fields) & set(fields) for c in seed.citations)


def same_date(proposed, expected: PartialDate) -> bool:
    value = proposed.value if proposed is not None else PartialDate()
    return value == expected


def same_place(proposed, city: dict[str, str], country: str) -> bool:
    if proposed is None:
        return False
    if any(city.values()):
        names = {normalize(n) for n in city.values() if n}
        return normalize(proposed.city) in names
    return proposed.country == country


def score_article(
    seeds, source: str, proposals, full: Gazetteer, misses: list[str] | None = None
) -> dict[str, list[int]]:
    resolve = Resolver(full, proposals)
    counts = {column: [0, 0] for column in COLUMNS}
    where = [""]

    def count(column: str, ok: bool, what: str = "") -> None:
        counts[column][0] += int(ok)
        counts[column][1] += 1
        if not ok and misses is not None:
            misses.append(f"{column}: {where[0]} {what}".rstrip())

    # Agreements: the existing record, else the best overlap of parties (with kind and year).
    expected = [a for a in seeds.records["agreement"] if cites(a, source, *STATED["agreement"])]
    taken: set[str] = set()
    for seed in expected:
        where[0] = f"agreement {seed.slug}"
        parties = set(seed.children["parties"])
        best, best_score = None, 0
        for proposal in proposals.agreements:
            if proposal.key in taken:
                continue
            if proposal.existing is not None:
                score = 100 if proposal.existing.slug == seed.slug else 0
            else:
                overlap = len(parties & {resolve(p.value) for p in proposal.parties})
                score = overlap * 10 if overlap else 0
                if score and proposal.kind.value == seed.values["kind"]:
                    score += 5
                signed = PartialDate.from_stored(
                    seed.values["signed_on"], seed.values["signed_on_precision"]
                )
                if score and proposal.date and proposal.date.value.year and signed.year:
                    score += 3 if proposal.date.value.year == signed.year else -20
            if score > best_score:
                best, best_score = proposal, score
        count("agreements", best is not None)
        if best is not None:
            taken.add(best.key)
        proposed_parties = {resolve(p.value) for p in best.parties} if best else set()
        for party in seed.children["parties"] if cites(seed, source, "parties") else ():
            count("parties", party in proposed_parties, party)
        signers = (
            {(resolve(s.person), resolve(s.organization)) for s in best.signatories}
            if best
            else set()
        )
        for signatory in seed.children["signatories"] if cites(seed, source, "signatories") else ():
            count(
                "signatories",
                (signatory["person"], signatory["organization"]) in signers,
                f"{signatory['person']} for {signatory['organization']}",
            )
        present = {resolve(a.person) for a in best.attendees} if best else set()
        for attendee in seed.children["attendees"] if cites(seed, source, "attendees") else ():
            count("attendees", attendee["person"] in present, attendee["person"])
        signed = PartialDate.from_stored(
            seed.values["signed_on"], seed.values["signed_on_precision"]
        )
        if not signed.is_known or cites(seed, source, "signed_on"):
            count(
                "dates",
                best is not None and same_date(best.date, signed),
                f"{signed} proposed {best.date.value if best and best.date else None}",
            )
        city = {k: v for k, v in seed.values.items() if k.startswith("place_city_")}
        if (any(city.values()) or seed.values["place_country"]) and cites(seed, source, "place"):
            count(
                "places",
                best is not None and same_place(best.place, city, seed.values["place_country"]),
                f"{city or seed.values['place_country']} proposed {best.place if best else None}",
            )

    for seed in (e for e in seeds.records["event"] if cites(e, source, *STATED["event"])):
        where[0] = f"event {seed.slug}"
        found = next((e for e in proposals.events if resolve(e.key) == seed.slug), None)
        count("events", found is not None)
        participants = {resolve(p.person) for p in found.participants} if found else set()
        for participant in (
            seed.children["participants"] if cites(seed, source, "participants") else ()
        ):
            count("attendees", participant["person"] in participants, participant["person"])
        start = PartialDate.from_stored(seed.values["start_date"], seed.values["date_precision"])
        if not start.is_known or cites(seed, source, "start_date"):
            count(
                "dates",
                found is not None and same_date(found.date, start),
                f"{start} proposed {found.date.value if found and found.date else None}",
            )
        city = {k: v for k, v in seed.values.items() if k.startswith("city_")}
        if (any(city.values()) or seed.values["country"]) and cites(
            seed, source, "city", "country"
        ):
            count(
                "places",
                found is not None and same_place(found.place, city, seed.values["country"]),
                f"{city or seed.values['country']} proposed {found.place if found else None}",
            )
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list each unsupported value")
    parser.add_argument("--misses", action="store_true", help="list each value not reproduced")
    arguments = parser.parse_args()
    translation.activate("en")
    build_database()
    seeds = read_seed_set(ROOT / "seeds")
    full = Gazetteer.from_database()
    totals = {"leave-one-out": defaultdict(lambda: [0, 0]), "full": defaultdict(lambda: [0, 0])}
    unsupported_totals = {"leave-one-out": 0, "full": 0}
    slowest = 0.0
    rows = []
    for source in seeds.records["source"]:
        text = seeds.source_texts[source.slug]
        published = PartialDate.from_stored(
            source.values["published_on"], source.values["published_on_precision"]
        )
        forget = {
            kind: {s.slug for s in seeds.records[kind] if only_cited_by(s, source.slug)}
            for kind in KINDS
        }
        forget["position"] = {
            position["slug"]
            for person in seeds.records["person"]
            for position in person.children["positions"]
            if all(c.source == source.slug for c in position["citations"])
        }
        for label, gazetteer in (("leave-one-out", full.without(forget)), ("full", full)):
            started = time.perf_counter()
            proposals = extract_article(
                text,
                language=source.values["language"],
                published=published if published.is_known else None,
                gazetteer=gazetteer,
            )
            slowest = max(slowest, time.perf_counter() - started)
            misses: list[str] = []
            counts = score_article(seeds, source.slug, proposals, full, misses)
            problems = unsupported(proposals, text)
            unsupported_totals[label] += len(problems)
            for column, (hit, total) in counts.items():
                totals[label][column][0] += hit
                totals[label][column][1] += total
            rows.append((label, source.values["file_name"][:3], counts, len(problems)))
            if arguments.verbose:
                for problem in problems:
                    print(f"  {label} {source.values['file_name']}: {problem}")
            if arguments.misses:
                for miss in misses:
                    print(f"  {label} {source.values['file_name'][:3]} missed {miss}")

    def cell(hit: int, total: int) -> str:
        return f"{hit}/{total}" if total else "–"

    for label in ("leave-one-out", "full"):
        print(f"\n{label} gazetteer")
        print("| article | " + " | ".join(COLUMNS) + " | reproduced | unsupported |")
        print("|" + " --- |" * (len(COLUMNS) + 3))
        for row_label, article, counts, problems in rows:
            if row_label != label:
                continue
            hit = sum(counts[c][0] for c in COLUMNS)
            total = sum(counts[c][1] for c in COLUMNS)
            share = f"{100 * hit / total:.0f}%" if total else "–"
            cells = " | ".join(cell(*counts[c]) for c in COLUMNS)
            print(f"| {article} | {cells} | {share} | {problems} |")
        hit = sum(totals[label][c][0] for c in COLUMNS)
        total = sum(totals[label][c][1] for c in COLUMNS)
        cells = " | ".join(cell(*totals[label][c]) for c in COLUMNS)
        print(
            f"| **total** | {cells} | **{100 * hit / total:.1f}%** ({hit}/{total}) | "
            f"{unsupported_totals[label]} |"
        )
    print(f"\nslowest extraction: {slowest:.2f} s")


if __name__ == "__main__":
    main()
