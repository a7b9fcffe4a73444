"""load_seeds: loads everything, twice without change, atomically, and keeps editors' work."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from agreements.models import Agreement, Citation, SeedSnapshot, SourceDocument, Theme
from partners.models import Organization, Person, Position
from seeding.records import SeedError

pytestmark = pytest.mark.django_db


def table_sizes() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Agreement, Organization, Person, Position, Theme, SourceDocument, Citation)
    }


def test_loads_every_kind_with_its_evidence(load):
    report = load()

    assert report.created == {
        "source": 1,
        "theme": 1,
        "organization": 3,
        "person": 3,
        "position": 1,
        "agreement": 1,
    }
    agreement = Agreement.objects.get(slug="mistral-mou")
    assert agreement.title_ar == "مذكرة تفاهم"
    assert agreement.title_fr == "Mémorandum"
    assert agreement.signed_on == dt.date(2025, 9, 12)
    assert agreement.signed_on_precision == "day"
    assert agreement.status == "published"
    assert sorted(p.organization.slug for p in agreement.parties.all()) == ["ministry", "mistral"]
    signatory = agreement.signatories.get(person__slug="amal")
    assert signatory.organization.slug == "ministry"
    assert signatory.title_ar == "الوزيرة"
    assert signatory.position.slug == "amal-minister"
    assert [a.person.slug for a in agreement.attendees.all()] == ["ryad"]
    citation = agreement.citations.get(quote="وتمتد المذكرة لمدة عامين")
    assert citation.fields == ["duration_months"]
    assert citation.source.file_name == "test_article.txt"
    assert citation.quote in citation.source.text


def test_a_second_run_changes_nothing(load):
    load()
    before = table_sizes()
    stamps = dict(Agreement.objects.values_list("slug", "updated_at"))
    snapshots = list(SeedSnapshot.objects.values_list("id", "loaded_at"))

    report = load()

    assert not report.changed_anything
    assert report.conflicts == []
    assert sum(report.unchanged.values()) == 10
    assert table_sizes() == before
    assert dict(Agreement.objects.values_list("slug", "updated_at")) == stamps
    assert list(SeedSnapshot.objects.values_list("id", "loaded_at")) == snapshots


def test_a_corrected_seed_updates_a_field_nobody_edited(load, seed_folder):
    load()
    seed_folder.data["agreements.yaml"][0]["duration_months"] = 36
    seed_folder.data["agreements.yaml"][0]["themes"] = []

    report = load()

    agreement = Agreement.objects.get(slug="mistral-mou")
    assert agreement.duration_months == 36
    assert agreement.themes.count() == 0
    assert report.updated["agreement"] == 1
    assert report.conflicts == []


def test_an_editors_change_is_kept_and_reported(load, seed_folder):
    load()
    agreement = Agreement.objects.get(slug="mistral-mou")
    agreement.title_fr = "Mémorandum d'entente (corrigé)"
    agreement.save()
    agreement.signatories.filter(person__slug="arthur").delete()
    seed_folder.data["agreements.yaml"][0]["title"]["fr"] = "Mémorandum stratégique"

    report = load()

    agreement.refresh_from_db()
    assert agreement.title_fr == "Mémorandum d'entente (corrigé)"
    assert [s.person.slug for s in agreement.signatories.all()] == ["amal"]
    conflicts = {(c.slug, c.field): c for c in report.conflicts}
    assert conflicts["mistral-mou", "title_fr"].kept == "Mémorandum d'entente (corrigé)"
    assert conflicts["mistral-mou", "title_fr"].seed == "Mémorandum stratégique"
    assert ("mistral-mou", "signatories") in conflicts
    # Reported again on the next run: the difference persists until someone settles it.
    assert {(c.slug, c.field) for c in load().conflicts} == set(conflicts)


def test_an_unpublished_record_stays_unpublished(load):
    load()
    Agreement.objects.filter(slug="mistral-mou").update(status="draft")

    report = load()

    assert Agreement.objects.get(slug="mistral-mou").status == "draft"
    assert [(c.field, c.kept) for c in report.conflicts] == [("status", "draft")]


def test_a_broken_file_loads_nothing(load, seed_folder):
    seed_folder.data["agreements.yaml"][0]["citations"][0]["quote"] = "نص غير موجود في المقال"

    with pytest.raises(SeedError) as error:
        load()

    assert error.value.file == "agreements.yaml"
    assert error.value.record == "mistral-mou"
    assert error.value.field == "citations[1].quote"
    assert "does not occur verbatim" in str(error.value)
    assert all(size == 0 for size in table_sizes().values())


def test_a_database_error_midway_rolls_everything_back(load, seed_folder):
    # The reader accepts it; the model refuses it while agreements load, after the
    # sources, organizations and people were written: all of it is undone.
    seed_folder.data["agreements.yaml"][0]["title"]["ar"] = "م" * 500

    with pytest.raises(SeedError) as error:
        load()

    assert error.value.record == "mistral-mou"
    assert error.value.field == "title"
    assert "at most 400 characters" in error.value.message
    assert all(size == 0 for size in table_sizes().values())


def test_command_reports_and_exits_non_zero_on_a_bad_file(seed_folder, capsys):
    seed_folder.data["organizations.yaml"][1]["kind"] = "startup"
    seed_folder.write()

    with pytest.raises(CommandError) as error:
        call_command("load_seeds", seeds_dir=seed_folder.root)

    message = str(error.value)
    assert message.startswith("Nothing was loaded.")
    assert "organizations.yaml" in message
    assert "record 'mistral'" in message
    assert "field 'kind'" in message
    assert Organization.objects.count() == 0


def test_command_says_when_nothing_changed(seed_folder, capsys):
    call_command("load_seeds", seeds_dir=seed_folder.root)
    call_command("load_seeds", seeds_dir=seed_folder.root)
    out = capsys.readouterr().out
    assert "agreement: 1 created" in out
    assert "agreement: 0 created, 0 updated, 1 unchanged" in out
    assert out.rstrip().endswith("Seeds already loaded: nothing changed.")


def test_new_editorial_flag_and_note_reach_records_loaded_before_they_existed(load, seed_folder):
    load()
    # A database loaded before the seeds had these fields: its snapshots lack them.
    for snapshot in SeedSnapshot.objects.all():
        for key in ("title_is_editorial", "public_note_ar", "public_note_fr", "public_note_en"):
            snapshot.values.pop(key, None)
        snapshot.save()
    seed = seed_folder.data["agreements.yaml"][0]
    seed["title_is_editorial"] = True
    seed["public_note"] = {"ar": "ملاحظة", "fr": "Note", "en": "Note"}

    report = load()

    agreement = Agreement.objects.get(slug="mistral-mou")
    assert agreement.title_is_editorial is True
    assert (agreement.public_note_ar, agreement.public_note_en) == ("ملاحظة", "Note")
    assert report.conflicts == []


def test_an_editor_who_unmarks_an_editorial_title_is_kept(load, seed_folder):
    seed_folder.data["agreements.yaml"][0]["title_is_editorial"] = True
    load()
    agreement = Agreement.objects.get(slug="mistral-mou")
    agreement.title_is_editorial = False  # the editor found the title printed
    agreement.save()

    report = load()

    agreement.refresh_from_db()
    assert agreement.title_is_editorial is False
    assert ("mistral-mou", "title_is_editorial") in {(c.slug, c.field) for c in report.conflicts}


def test_an_editorial_flag_must_be_true_or_false(load, seed_folder):
    seed_folder.data["agreements.yaml"][0]["title_is_editorial"] = "yes"
    with pytest.raises(SeedError, match="title_is_editorial"):
        load()
