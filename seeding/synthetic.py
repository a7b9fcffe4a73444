"""`manage.py synthesize --agreements N`: realistic synthetic data for benchmarks.

Adds N agreements (about 95% published) with two or three parties, signatories who sign
for a party under a title, witnesses, themes, initiatives, an event for a third of them,
partial dates at every precision, places, and Arabic, French and English titles,
summaries and objectives. Every agreement cites a synthetic source document whose text
contains the quoted sentence word for word, as the real evidence does. Organizations,
people, events and initiatives are drawn from pools that grow with N.

Rows are written with bulk_create in batches (search documents included), so that
100,000 agreements take a few minutes on PostgreSQL; no history is written for them.
Never run it on a database whose data matters: every slug starts with `syn-`.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import translation

from agreements.models import Agreement, AgreementParty, Attendee, Initiative, Signatory, Theme
from agreements.search import document_parts, remember_words, vocabulary_words
from core.models import Citation, SourceDocument
from core.records import MONTH_NAMES
from core.search import index_text
from events.models import Event
from partners.models import Organization, Person

FIELDS = [
    ("الذكاء الاصطناعي", "l'intelligence artificielle", "artificial intelligence"),
    ("الأمن السيبراني", "la cybersécurité", "cybersecurity"),
    ("الحوسبة السحابية", "l'informatique en nuage", "cloud computing"),
    ("الإدارة الرقمية", "l'administration numérique", "digital government"),
    ("تكوين الكفاءات الرقمية", "la formation aux compétences numériques", "digital skills"),
    ("المقاولات الناشئة", "les startups", "startups"),
    ("البيانات المفتوحة", "les données ouvertes", "open data"),
    ("الهوية الرقمية", "l'identité numérique", "digital identity"),
    ("البنيات التحتية الرقمية", "les infrastructures numériques", "digital infrastructure"),
    ("التجارة الإلكترونية", "le commerce électronique", "e-commerce"),
]
KINDS = {
    "mou": ("مذكرة تفاهم", "Mémorandum d'entente", "Memorandum of understanding"),
    "protocol": ("بروتوكول اتفاق", "Protocole d'accord", "Protocol agreement"),
    "agreement": ("اتفاقية شراكة", "Convention de partenariat", "Partnership agreement"),
    "declaration_of_intent": ("إعلان نوايا", "Déclaration d'intention", "Declaration of intent"),
    "other": ("اتفاق تعاون", "Accord de coopération", "Cooperation arrangement"),
}
KIND_WEIGHTS = [50, 15, 20, 10, 5]
CITIES = [
    ("الرباط", "Rabat", "Rabat", "MA"),
    ("الدار البيضاء", "Casablanca", "Casablanca", "MA"),
    ("مراكش", "Marrakech", "Marrakesh", "MA"),
    ("طنجة", "Tanger", "Tangier", "MA"),
    ("فاس", "Fès", "Fez", "MA"),
    ("دبي", "Dubaï", "Dubai", "AE"),
    ("باريس", "Paris", "Paris", "FR"),
    ("الرياض", "Riyad", "Riyadh", "SA"),
    ("الدوحة", "Doha", "Doha", "QA"),
    ("نيويورك", "New York", "New York", "US"),
    ("داكار", "Dakar", "Dakar", "SN"),
    ("أبيدجان", "Abidjan", "Abidjan", "CI"),
]
STEMS = [
    ("أطلس", "Atlas"), ("نوفا", "Nova"), ("سحاب", "Sahab"), ("مدار", "Madar"),
    ("أفق", "Ofoq"), ("نجم", "Najm"), ("واحة", "Waha"), ("بيانات", "Bayanat"),
    ("رقمنة", "Raqmana"), ("زيتون", "Zitoun"), ("منارة", "Manara"), ("قنطرة", "Qantara"),
]  # fmt: skip
ORGANIZATION_KINDS = [
    # kind, Arabic pattern, French pattern, English pattern
    ("company", "شركة {ar} للتكنولوجيا", "{lat} Technologies", "{lat} Technologies"),
    ("company", "{ar} الرقمية", "{lat} Digital", "{lat} Digital"),
    ("public_agency", "وكالة {ar} للتنمية", "Agence {lat} de développement", "{lat} Development Agency"),
    ("public_institution", "جامعة {ar}", "Université {lat}", "{lat} University"),
    ("association", "جمعية {ar} للابتكار", "Association {lat} pour l'innovation", "{lat} Innovation Association"),
    ("investment_fund", "صندوق {ar} للاستثمار", "Fonds {lat} d'investissement", "{lat} Investment Fund"),
]  # fmt: skip
FIRST_NAMES = [
    ("محمد", "Mohamed"), ("أمينة", "Amina"), ("يوسف", "Youssef"), ("فاطمة", "Fatima"),
    ("كريم", "Karim"), ("سلمى", "Salma"), ("عمر", "Omar"), ("ليلى", "Leila"),
    ("حمزة", "Hamza"), ("نادية", "Nadia"), ("رشيد", "Rachid"), ("سعاد", "Souad"),
]  # fmt: skip
LAST_NAMES = [
    ("العلوي", "El Alaoui"), ("بناني", "Bennani"), ("التازي", "Tazi"), ("الإدريسي", "El Idrissi"),
    ("الفاسي", "El Fassi"), ("برادة", "Berrada"), ("الشرايبي", "Chraibi"), ("بنجلون", "Benjelloun"),
    ("العمراني", "El Amrani"), ("الزياني", "Zyani"),
]  # fmt: skip
TITLES = [
    ("المدير العام", "Directeur général", "Director General"),
    ("الرئيس المدير العام", "Président-directeur général", "Chief Executive Officer"),
    ("الكاتب العام", "Secrétaire général", "Secretary General"),
    ("رئيس الجامعة", "Président de l'université", "University President"),
]
EVENT_NAMES = [
    ("معرض جيتكس إفريقيا", "GITEX Africa", "GITEX Africa", "trade_fair"),
    ("المناظرة الوطنية للتحول الرقمي", "Assises nationales du numérique", "National Digital Conference", "national_conference"),
    ("منتدى المدن الذكية", "Forum des villes intelligentes", "Smart Cities Forum", "forum"),
    ("قمة الابتكار الرقمي", "Sommet de l'innovation numérique", "Digital Innovation Summit", "summit"),
]  # fmt: skip
AGREEMENTS_PER_SOURCE = 50
BATCH = 2000


@dataclass
class Pools:
    organizations: list[Organization]
    people: list[tuple[Person, int]]  # a person and the organization index they belong to
    events: list[Event]
    initiatives: list[Initiative]
    themes: list[Theme]


def _batched(rows: Sequence, size: int = BATCH) -> Iterator[Sequence]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _bulk(model: type[models.Model], rows: list) -> list:
    created = []
    for batch in _batched(rows):
        created.extend(model.objects.bulk_create(batch))
    return created


def _partial_date(rng: random.Random) -> tuple[dt.date | None, str]:
    precision = rng.choices(["day", "month", "year", "unknown"], weights=[60, 25, 10, 5])[0]
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 12 * 365))
    if precision == "unknown":
        return None, precision
    if precision == "month":
        return day.replace(day=1), precision
    if precision == "year":
        return dt.date(day.year, 1, 1), precision
    return day, precision


def _date_in_arabic(date: dt.date | None, precision: str) -> str:
    if date is None:
        return ""
    if precision in ("day", "month"):
        # The month as the site writes it (core.records' one list): شتنبر, يوليوز...
        with translation.override("ar"):
            month = str(MONTH_NAMES[date.month])
    if precision == "day":
        return f" يوم {date.day} {month} {date.year}"
    if precision == "month":
        return f" في {month} {date.year}"
    return f" سنة {date.year}"


def _pools(rng: random.Random, count: int, tag: str) -> Pools:
    organization_count = max(40, count // 40)
    people_count = max(60, count // 25)
    organizations = []
    for i in range(organization_count):
        kind, ar, fr, en = rng.choice(ORGANIZATION_KINDS)
        stem_ar, stem_lat = STEMS[i % len(STEMS)]
        second_ar, second_lat = STEMS[(i // len(STEMS)) % len(STEMS)]
        name_ar, name_lat = f"{stem_ar} {second_ar}", f"{stem_lat} {second_lat}"
        suffix = f" {i // len(STEMS) ** 2 + 1}" if i >= len(STEMS) ** 2 else ""
        city = rng.choice(CITIES)
        organizations.append(
            Organization(
                slug=f"syn-{tag}-org-{i}",
                status="published",
                kind=kind,
                country=city[3],
                name_ar=ar.format(ar=name_ar) + suffix,
                name_fr=fr.format(lat=name_lat) + suffix,
                name_en=en.format(lat=name_lat) + suffix,
                acronym_fr="".join(w[0] for w in name_lat.split()).upper() + suffix.strip(),
                description_ar=f"مؤسسة تعمل في مجال {rng.choice(FIELDS)[0]}.",
                description_fr=f"Organisation active dans {rng.choice(FIELDS)[1]}.",
                description_en=f"An organization working on {rng.choice(FIELDS)[2]}.",
            )
        )
    organizations = _bulk(Organization, organizations)
    people: list[tuple[Person, int]] = []
    rows = []
    for i in range(people_count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        rows.append(
            Person(
                slug=f"syn-{tag}-person-{i}",
                status="published",
                name_ar=f"{first[0]} {last[0]}",
                name_fr=f"{first[1]} {last[1]}",
                name_en=f"{first[1]} {last[1]}",
            )
        )
    for i, person in enumerate(_bulk(Person, rows)):
        people.append((person, i % organization_count))
    events = []
    for i in range(max(10, count // 100)):
        name_ar, name_fr, name_en, kind = rng.choice(EVENT_NAMES)
        city = rng.choice(CITIES)
        start, precision = _partial_date(rng)
        if precision == "unknown":
            start, precision = dt.date(2015 + i % 11, 1, 1), "year"
        events.append(
            Event(
                slug=f"syn-{tag}-event-{i}",
                status="published",
                kind=kind,
                name_ar=f"{name_ar} {start.year}",
                name_fr=f"{name_fr} {start.year}",
                name_en=f"{name_en} {start.year}",
                start_date=start,
                end_date=start,
                date_precision=precision,
                city_ar=city[0],
                city_fr=city[1],
                city_en=city[2],
                country=city[3],
            )
        )
    events = _bulk(Event, events)
    initiatives = _bulk(
        Initiative,
        [
            Initiative(
                slug=f"syn-{tag}-initiative-{i}",
                status="published",
                kind="programme",
                name_ar=f"برنامج {FIELDS[i][0]}",
                name_fr=f"Programme {FIELDS[i][1]}",
                name_en=f"{FIELDS[i][2].capitalize()} programme",
            )
            for i in range(len(FIELDS))
        ],
    )
    themes = list(Theme.objects.all()) or _bulk(
        Theme,
        [
            Theme(slug=f"syn-{tag}-theme-{i}", name_ar=ar, name_fr=fr, name_en=en)
            for i, (ar, fr, en) in enumerate(FIELDS)
        ],
    )
    return Pools(organizations, people, events, initiatives, themes)


def synthesize(
    *, count: int, seed: int = 0, progress: Callable[[str], None] = lambda message: None
) -> dict[str, int]:
    """Add `count` synthetic agreements and everything around them; return row counts."""
    rng = random.Random(seed)
    tag = uuid.uuid4().hex[:6]
    with transaction.atomic():
        pools = _pools(rng, count, tag)
        progress(
            f"{len(pools.organizations)} organizations, {len(pools.people)} people, "
            f"{len(pools.events)} events"
        )
        members: dict[int, list[Person]] = {}
        for person, organization_index in pools.people:
            members.setdefault(organization_index, []).append(person)
        agreement_type = ContentType.objects.get_for_model(Agreement)
        totals = dict.fromkeys(
            ["agreements", "parties", "signatories", "attendees", "citations", "sources"], 0
        )
        for start in range(0, count, BATCH):
            size = min(BATCH, count - start)
            plans = [_plan(rng, start + offset, pools, members, tag) for offset in range(size)]
            sources = _sources(plans, tag, start)
            agreements = _bulk(Agreement, [plan.agreement for plan in plans])
            remember_words(
                {
                    word
                    for plan in plans
                    if plan.agreement.status == "published"
                    for word in vocabulary_words(plan.search_parts)
                }
            )
            for plan, agreement in zip(plans, agreements, strict=True):
                plan.bind(agreement)
            _bulk(AgreementParty, [row for plan in plans for row in plan.parties])
            _bulk(Signatory, [row for plan in plans for row in plan.signatories])
            _bulk(Attendee, [row for plan in plans for row in plan.attendees])
            Agreement.themes.through.objects.bulk_create(
                [row for plan in plans for row in plan.theme_rows], batch_size=BATCH
            )
            Agreement.initiatives.through.objects.bulk_create(
                [row for plan in plans for row in plan.initiative_rows], batch_size=BATCH
            )
            citations = [
                Citation(
                    content_type=agreement_type,
                    object_id=plan.agreement.pk,
                    source=sources[index // AGREEMENTS_PER_SOURCE],
                    quote=plan.quote,
                    fields=["title", "kind", "signed_on", "parties"],
                )
                for index, plan in enumerate(plans)
            ]
            _bulk(Citation, citations)
            totals["agreements"] += size
            totals["parties"] += sum(len(plan.parties) for plan in plans)
            totals["signatories"] += sum(len(plan.signatories) for plan in plans)
            totals["attendees"] += sum(len(plan.attendees) for plan in plans)
            totals["citations"] += len(citations)
            totals["sources"] += len(sources)
            progress(f"{start + size} / {count} agreements")
    if connection.vendor == "postgresql":
        # Bulk inserts leave the planner's statistics behind (a copy made from this
        # database has none at all): without them it took 95,000 published agreements for
        # 244 and a page of CSV took 12 s instead of 0.1 s.
        progress("ANALYZE")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return totals


class _Plan:
    """One agreement and its rows, before and after it has an id."""

    def __init__(self) -> None:
        self.agreement: Agreement
        self.parties: list[AgreementParty] = []
        self.signatories: list[Signatory] = []
        self.attendees: list[Attendee] = []
        self.theme_ids: list[int] = []
        self.initiative_ids: list[int] = []
        self.theme_rows: list = []
        self.initiative_rows: list = []
        self.quote = ""
        self.search_parts: list[str] = []

    def bind(self, agreement: Agreement) -> None:
        for row in (*self.parties, *self.signatories, *self.attendees):
            row.agreement_id = agreement.pk
        self.theme_rows = [
            Agreement.themes.through(agreement_id=agreement.pk, theme_id=theme_id)
            for theme_id in self.theme_ids
        ]
        self.initiative_rows = [
            Agreement.initiatives.through(agreement_id=agreement.pk, initiative_id=initiative_id)
            for initiative_id in self.initiative_ids
        ]


def _plan(
    rng: random.Random, index: int, pools: Pools, members: dict[int, list[Person]], tag: str
) -> _Plan:
    plan = _Plan()
    kind = rng.choices(list(KINDS), weights=KIND_WEIGHTS)[0]
    kind_ar, kind_fr, kind_en = KINDS[kind]
    field_ar, field_fr, field_en = rng.choice(FIELDS)
    party_indexes = rng.sample(range(len(pools.organizations)), rng.choice([2, 2, 2, 3]))
    parties = [pools.organizations[i] for i in party_indexes]
    city = rng.choice(CITIES)
    signed_on, precision = _partial_date(rng)
    names_ar = " و".join(p.name_ar for p in parties)
    names_fr = " et ".join(p.name_fr for p in parties)
    names_en = " and ".join(p.name_en for p in parties)
    event = rng.choice(pools.events) if rng.random() < 0.3 else None
    plan.agreement = Agreement(
        slug=f"syn-{tag}-agreement-{index}",
        status="published" if rng.random() < 0.95 else "draft",
        kind=kind,
        title_ar=f"{kind_ar} بين {names_ar} في مجال {field_ar}",
        title_fr=f"{kind_fr} entre {names_fr} dans le domaine de {field_fr}",
        title_en=f"{kind_en} between {names_en} on {field_en}",
        signed_on=signed_on, signed_on_precision=precision,
        place_city_ar=city[0], place_city_fr=city[1], place_city_en=city[2], place_country=city[3],
        event=event,
        duration_months=rng.choice([None, 12, 24, 36, 60]),
        summary_ar=f"يهدف هذا الاتفاق إلى تعزيز التعاون في مجال {field_ar} وتبادل الخبرات.",
        summary_fr=f"L'accord vise à renforcer la coopération dans {field_fr} et l'échange d'expertise.",
        summary_en=f"The agreement aims to strengthen cooperation on {field_en} and share expertise.",
        objectives_ar="تكوين الأطر، وإطلاق مشاريع نموذجية، وتتبع النتائج سنويا.",
        objectives_fr="Former des cadres, lancer des projets pilotes et suivre les résultats chaque année.",
        objectives_en="Train staff, launch pilot projects and review the results every year.",
    )  # fmt: skip
    plan.parties = [AgreementParty(organization=party) for party in parties]
    signers = []
    for organization_index, party in zip(party_indexes, parties, strict=True):
        candidates = members.get(organization_index) or []
        if candidates and rng.random() < 0.8:
            person = rng.choice(candidates)
            title = rng.choice(TITLES)
            signers.append(person)
            plan.signatories.append(
                Signatory(
                    person=person,
                    organization=party,
                    title_ar=title[0],
                    title_fr=title[1],
                    title_en=title[2],
                )
            )
    if rng.random() < 0.3:
        witness = rng.choice(pools.people)[0]
        if witness not in signers:
            plan.attendees.append(Attendee(person=witness, organization=None))
    plan.theme_ids = [theme.pk for theme in rng.sample(pools.themes, min(2, len(pools.themes)))]
    if rng.random() < 0.2:
        plan.initiative_ids = [rng.choice(pools.initiatives).pk]
    plan.quote = (
        f"ووقعت {names_ar}{_date_in_arabic(signed_on, precision)} ب{city[0]} "
        f"{kind_ar} في مجال {field_ar}."
    )
    plan.search_parts = document_parts(plan.agreement, parties, signers)
    plan.agreement.search_document = index_text(plan.search_parts)
    return plan


def _sources(plans: list[_Plan], tag: str, start: int) -> list[SourceDocument]:
    """One article per AGREEMENTS_PER_SOURCE agreements, whose text holds their quotes."""
    rows = []
    for offset in range(0, len(plans), AGREEMENTS_PER_SOURCE):
        number = (start + offset) // AGREEMENTS_PER_SOURCE
        group = plans[offset : offset + AGREEMENTS_PER_SOURCE]
        text = "\n".join(["أخبار الاتفاقيات الرقمية", *(plan.quote for plan in group), "انتهى."])
        rows.append(
            SourceDocument(
                slug=f"syn-{tag}-source-{number}",
                title_ar=f"مقال إخباري رقم {number}",
                title_fr=f"Article de presse n° {number}",
                title_en=f"News article no. {number}",
                publisher="Synthetic News",
                language="ar",
                file_name=f"syn-{tag}-{number}.txt",
                text=text,
            )
        )
    return _bulk(SourceDocument, rows)
