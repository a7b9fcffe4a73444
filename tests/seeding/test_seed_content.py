"""What the five articles state is in the database, each record with its verbatim evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from agreements.models import Agreement, Citation, Initiative, SourceDocument, Theme
from events.models import Event
from partners.models import Organization, Person, Position

CITED_MODELS = (Organization, Person, Position, Initiative, Event, Agreement)


pytestmark = [pytest.mark.usefixtures("seeded_module"), pytest.mark.django_db]


def agreement(slug: str) -> Agreement:
    return Agreement.objects.get(slug=slug)


def test_the_five_articles_are_stored_whole_under_their_file_names():
    articles = sorted((settings.SEEDS_DIR / "articles").glob("*.txt"))
    assert len(articles) == 5
    shared = Path(settings.BASE_DIR).parent / "shared" / "seeds"
    for path in articles:
        source = SourceDocument.objects.get(file_name=path.name)
        assert source.text == path.read_text(encoding="utf-8")
        assert source.language == "ar"
        if shared.is_dir():  # the copies are the shared originals, byte for byte
            assert (shared / path.name).read_bytes() == path.read_bytes()


def test_every_record_has_a_verbatim_citation():
    for model in CITED_MODELS:
        content_type = ContentType.objects.get_for_model(model)
        cited = set(
            Citation.objects.filter(content_type=content_type).values_list("object_id", flat=True)
        )
        uncited = model.objects.exclude(pk__in=cited).values_list("slug", flat=True)
        assert list(uncited) == [], f"{model.__name__} without a citation"
    for citation in Citation.objects.select_related("source"):
        assert citation.quote in citation.source.text


def test_every_name_is_given_in_three_languages():
    for model, field in [
        (Organization, "name"),
        (Person, "name"),
        (Position, "title"),
        (Initiative, "name"),
        (Event, "name"),
        (Agreement, "title"),
        (Theme, "name"),
        (SourceDocument, "title"),
    ]:
        for lang in ("ar", "fr", "en"):
            missing = model.objects.filter(**{f"{field}_{lang}": ""}).values_list("slug", flat=True)
            assert list(missing) == [], f"{model.__name__}.{field}_{lang} missing"


def test_signing_dates_keep_the_precision_the_sources_give():
    dates = {a.slug: a.signed_partial.isoformat() for a in Agreement.objects.all()}
    assert dates == {
        "elm-digital-development-agency-mou-2023": "2023-06",
        "ministry-elm-digital-development-agency-mou-2025": "2025",
        "ministry-mistral-ai-mou-2025": "2025-09-12",
        "ministry-undp-d4sd-establishment-2025": "2025-09",
        "ministry-undp-d4sd-declaration-of-intent": None,
        "casablanca-settat-data-ai-centre-protocol": None,
    }


def test_the_elm_memorandum_renews_the_2023_one_for_two_years():
    mou = agreement("ministry-elm-digital-development-agency-mou-2025")
    assert mou.kind == "mou"
    assert sorted(p.organization.slug for p in mou.parties.all()) == [
        "digital-development-agency",
        "elm",
        "ministry-digital-transition",
    ]
    assert mou.renews.slug == "elm-digital-development-agency-mou-2023"
    assert mou.duration_months == 24
    assert mou.expires_partial.isoformat() == "2027"  # signed "2025" for 24 months
    assert mou.event.slug == "gitex-africa-2025"
    assert (mou.place_city_en, mou.place_country.code) == ("Marrakech", "MA")
    # The body says the three institutions signed "in the presence of" the minister and the
    # two heads, in one list: no one is recorded as having put pen to paper, and the page
    # says so (the headline's "the minister signs" is not a signing act).
    assert list(mou.signatories.all()) == []
    assert {a.person.slug for a in mou.attendees.all()} == {
        "amal-el-fallah-seghrouchni",
        "hakim-al-rashid",
        "mohamed-drissi-melyani",
    }
    assert "لا يذكر المقال من وضع توقيعه" in mou.public_note_ar
    assert "does not say who put pen to paper" in mou.public_note_en
    assert "ne dit pas qui a apposé sa signature" in mou.public_note_fr
    duration_quotes = [c.quote for c in mou.citations.all() if "duration_months" in c.fields]
    assert duration_quotes == ["وتمتد المذكرة الجديدة لمدة عامين"]
    earlier = agreement("elm-digital-development-agency-mou-2023")
    assert earlier.signed_on_precision == "month"
    assert sorted(p.organization.slug for p in earlier.parties.all()) == [
        "digital-development-agency",
        "elm",
    ]


def test_the_mistral_memorandum_has_two_signatories_and_four_witnesses():
    mou = agreement("ministry-mistral-ai-mou-2025")
    assert {(s.person.slug, s.organization.slug) for s in mou.signatories.all()} == {
        ("amal-el-fallah-seghrouchni", "ministry-digital-transition"),
        ("arthur-mensch", "mistral-ai"),
    }
    assert {a.person.slug for a in mou.attendees.all()} == {
        "ryad-mezzour",
        "omar-seghrouchni",
        "nezha-hayat",
        "khalid-safir",
    }
    assert (mou.place_city_en, mou.place_country.code) == ("Rabat", "MA")
    minister = mou.signatories.get(person__slug="amal-el-fallah-seghrouchni")
    assert minister.title_ar == "الوزيرة المنتدبة المكلفة بالانتقال الرقمي وإصلاح الإدارة"


def test_two_seghrouchnis_are_two_people():
    amal = Person.objects.get(slug="amal-el-fallah-seghrouchni")
    omar = Person.objects.get(slug="omar-seghrouchni")
    assert amal.pk != omar.pk
    assert omar.positions.get().organization.slug == "cndp"


def test_the_onepoint_protocol_has_five_parties_and_five_signatories():
    protocol = agreement("casablanca-settat-data-ai-centre-protocol")
    assert protocol.kind == "protocol"
    assert protocol.signed_on is None and protocol.signed_on_precision == "unknown"
    parties = {p.organization.slug for p in protocol.parties.all()}
    assert len(parties) == 5
    assert {
        "ministry-digital-transition",
        "ministry-industry-trade",
        "amdie",
        "onepoint",
    } <= parties
    assert protocol.signatories.count() == 5
    for signatory in protocol.signatories.all():
        assert signatory.organization.slug in parties
    assert "digital-morocco-2030" in {i.slug for i in protocol.initiatives.all()}


def test_the_doha_talks_are_a_meeting_not_an_agreement():
    meeting = Event.objects.get(slug="morocco-qatar-digital-ministers-meeting-2026")
    assert meeting.kind == "bilateral_meeting"
    assert not meeting.agreements.exists()
    # "Today, Sunday", during Web Summit Qatar (1-4 February 2026): the only Sunday is the 1st.
    assert meeting.start_partial.isoformat() == "2026-02-01"
    assert meeting.parent.slug == "web-summit-qatar-2026"
    summit = meeting.parent
    assert (summit.start_partial.isoformat(), summit.end_partial.isoformat()) == (
        "2026-02-01",
        "2026-02-04",
    )
    assert {p.person.slug for p in meeting.participants.all()} >= {
        "amal-el-fallah-seghrouchni",
        "mohammed-bin-ali-al-mannai",
        "mohamed-setri",
    }


def test_the_d4sd_hub_and_its_agreements():
    hub = Initiative.objects.get(slug="d4sd-hub")
    assert "undp" in {o.slug for o in hub.partners.all()}
    declaration = agreement("ministry-undp-d4sd-declaration-of-intent")
    assert declaration.kind == "declaration_of_intent"
    establishment = agreement("ministry-undp-d4sd-establishment-2025")
    assert establishment.signed_partial.isoformat() == "2025-09"
    assert establishment.place_city_en == "New York"
    for signed in (declaration, establishment):
        assert hub in signed.initiatives.all()


def test_jazari_root_sits_within_the_jazari_network():
    root = Initiative.objects.get(slug="jazari-root")
    network = root.parent
    assert network.slug == "jazari-institutes-network"
    assert network.launched_partial.isoformat() == "2026-01-12"
    assert network.parent.slug == "ai-made-in-morocco"


def test_every_signatory_signs_for_a_party():
    for agreement_ in Agreement.objects.prefetch_related("parties", "signatories"):
        parties = {p.organization_id for p in agreement_.parties.all()}
        assert len(parties) >= 2
        for signatory in agreement_.signatories.all():
            assert signatory.organization_id in parties, agreement_.slug
