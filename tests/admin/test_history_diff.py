"""The history shows what an editor changed: word by word, whole texts, every label in the
editor's language, each value in its own direction; going back to a version goes through
the services."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from agreements.models import Agreement
from core.history import Run, change_reason_label, diff_records, word_diff
from tests.admin.conftest import submit

SLUG = "ministry-mistral-ai-mou-2025"
LONG_FRENCH = (
    "Mémorandum d'entente pour le développement de l'intelligence artificielle "
    "souveraine et de ses applications dans l'administration publique marocaine"
)


def rebuilt(runs, kind_left_out: str) -> str:
    return "".join(run.text for run in runs if run.kind != kind_left_out)


# -- the diff itself ------------------------------------------------------------------------


def test_one_arabic_word_changed_is_that_word_deleted_and_inserted_the_rest_kept():
    old = "مذكرة تفاهم بين وزارة الانتقال الرقمي وشركة ميسترال"
    new = "مذكرة تفاهم بين وزارة الانتقال الرقمي ومؤسسة ميسترال"
    runs = word_diff(old, new)
    assert runs == (
        Run("same", "مذكرة تفاهم بين وزارة الانتقال الرقمي "),
        Run("deleted", "وشركة"),
        Run("inserted", "ومؤسسة"),
        Run("same", " ميسترال"),
    )


def test_harakat_stay_inside_their_word():
    runs = word_diff("وكالة عِلم للتنمية", "وكالة علم للتنمية")
    assert [run for run in runs if run.kind != "same"] == [
        Run("deleted", "عِلم"),
        Run("inserted", "علم"),
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (LONG_FRENCH, LONG_FRENCH.replace("souveraine", "responsable")),
        ("", "Nouveau titre"),
        ("Ancien titre, supprimé", ""),
        ("a b c d", "w x y z"),
        ("Mémorandum d'entente", "Mémorandum  d’entente."),
    ],
)
def test_both_texts_are_whole_in_the_diff(old, new):
    runs = word_diff(old, new)
    assert rebuilt(runs, "inserted") == old
    assert rebuilt(runs, "deleted") == new


def test_a_space_between_two_changes_does_not_split_them():
    assert word_diff("un deux trois", "un quatre cinq") == (
        Run("same", "un "),
        Run("deleted", "deux trois"),
        Run("inserted", "quatre cinq"),
    )


def test_diff_of_two_versions_labels_each_language_and_keeps_its_direction(db):
    old = {"title_ar": "مذكرة تفاهم", "title_fr": "Mémorandum", "kind": "mou", "event": None}
    new = {"title_ar": "مذكرة تفاهم", "title_fr": LONG_FRENCH, "kind": "protocol"}
    new_with_arabic = {**new, "title_ar": "اتفاق إطار"}
    with translation.override("fr"):
        diffs = diff_records(old, new, model=Agreement)
        assert [diff.name for diff in diffs] == ["title_fr", "kind"]
        title, kind = diffs
        assert title.label == "Titre (français)"
        assert (title.language, title.direction) == ("fr", "ltr")
        assert title.new == LONG_FRENCH  # whole
        assert kind.label == "Type"
        assert kind.runs == (
            Run("deleted", "Mémorandum d’entente"),
            Run("inserted", "Protocole d’accord"),
        )
        arabic = diff_records(old, new_with_arabic, model=Agreement)[0]
        assert arabic.label == "Titre (arabe)"
        assert (arabic.language, arabic.direction) == ("ar", "rtl")
    with translation.override("ar"):
        assert diff_records(old, new, model=Agreement)[0].label == "العنوان (الفرنسية)"


def test_the_untranslated_copy_and_bookkeeping_are_not_shown(db):
    old = {"title": "a", "title_ar": "a", "version": 1, "updated_at": None}
    new = {"title": "b", "title_ar": "b", "version": 2, "updated_at": "2025-01-01"}
    assert [diff.name for diff in diff_records(old, new, model=Agreement)] == ["title_ar"]


# -- the admin's history pages --------------------------------------------------------------


def changes_cell(page: str) -> str:
    """The newest version's "what changed" cell."""
    body = page.split("<tbody>", 1)[1]
    return body.split('<td class="history-changes"', 1)[1].split("</td>", 1)[0]


@pytest.fixture
def edited(seeded, publisher_client):
    """A publisher (whose change needs no review) changes one word of the Arabic title and appends to the French one."""
    agreement = Agreement.objects.get(slug=SLUG)
    url = reverse("admin:agreements_agreement_change", args=[agreement.pk])
    old_arabic, old_french = agreement.title_ar, agreement.title_fr
    words = old_arabic.split()
    new_arabic = " ".join([*words[:-1], "ومؤسسة", words[-1]]) if len(words) > 1 else "ومؤسسة"
    new_french = old_french + " " + LONG_FRENCH
    response = submit(
        publisher_client,
        url,
        "agreement_form",
        {"title_ar": new_arabic, "title_fr": new_french},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return agreement, old_arabic, new_arabic, old_french, new_french


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_history_page_shows_the_change_word_by_word_in_the_editors_language(
    edited, publisher_client, language
):
    agreement, _, new_arabic, _, new_french = edited
    url = reverse("admin:agreements_agreement_history", args=[agreement.pk])
    page = publisher_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    cell = changes_cell(page)
    # The Arabic title, right-to-left and marked Arabic whatever the admin's language,
    # with only the new word inserted and the rest kept as it was.
    arabic = re.search(
        r'<dd class="field-diff field-diff-title_ar" dir="rtl" lang="ar">(.*?)</dd>', cell
    )
    assert arabic, cell
    assert re.findall(r"<ins>(.*?)</ins>", arabic[1]) == ["ومؤسسة "]
    assert "<del>" not in arabic[1]
    assert unescape(re.sub(r"</?ins>", "", arabic[1])) == new_arabic
    # The French title left-to-right, whole: no "[22 chars]", no ellipsis.
    french = re.search(
        r'<dd class="field-diff field-diff-title_fr" dir="ltr" lang="fr">(.*?)</dd>', cell
    )
    assert french, cell
    assert unescape(re.sub(r"</?ins>", "", french[1])) == new_french
    assert "chars]" not in page and "…" not in cell
    labels = {
        "ar": ["العنوان (العربية)", "العنوان (الفرنسية)"],
        "fr": ["Titre (arabe)", "Titre (français)"],
    }[language]
    assert re.findall(r'<dt class="field-diff-label">(.*?)</dt>', cell) == labels
    # Who, when and why, in the editor's language.
    for english in ("CHANGES", "Changes", "None", "Changed by", "Change reason", ">admin<"):
        assert english not in page, english
    assert ">publisher<" in page
    assert {"ar": "عُدّل في لوحة الإدارة", "fr": "modifié dans l’administration"}[language] in page


def test_emptied_and_filled_fields_say_empty_in_the_editors_language(seeded, publisher_client):
    agreement = Agreement.objects.get(slug=SLUG)
    url = reverse("admin:agreements_agreement_change", args=[agreement.pk])
    english_title = agreement.title_en
    assert english_title
    submit(publisher_client, url, "agreement_form", {"title_en": ""})
    submit(publisher_client, url, "agreement_form", {"title_en": english_title})
    history = reverse("admin:agreements_agreement_history", args=[agreement.pk])
    page = publisher_client.get(history, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<ins class="empty-value" lang="ar" dir="rtl">(فارغ)</ins>' in page  # emptied
    assert '<del class="empty-value" lang="ar" dir="rtl">(فارغ)</del>' in page  # filled
    page = publisher_client.get(history, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert page.count('class="empty-value" lang="fr" dir="ltr">(vide)<') == 2


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_revert_screen_is_translated_and_shows_what_going_back_changes(
    edited, publisher_client, language
):
    agreement = edited[0]
    previous = agreement.history.order_by("-history_id")[1]
    url = reverse(
        "admin:agreements_agreement_simple_history", args=[agreement.pk, previous.history_id]
    )
    page = publisher_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    going_back = page.split('class="module revert-changes"', 1)[1].split("</dl>", 1)[0]
    # Going back deletes the word the editor inserted.
    assert re.findall(r"<del>(.*?)</del>", going_back)[0] == "ومؤسسة "
    for english in ("Revert", "Press the", "revert to this version", "Close<"):
        assert english not in page, english
    assert {"ar": "الرجوع إلى هذه النسخة", "fr": "Revenir à cette version"}[language] in page


def test_going_back_goes_through_the_services(edited, publisher_client):
    agreement, old_arabic, *_ = edited
    previous = agreement.history.order_by("-history_id")[1]
    url = reverse(
        "admin:agreements_agreement_simple_history", args=[agreement.pk, previous.history_id]
    )
    version = Agreement.objects.get(pk=agreement.pk).version
    response = submit(publisher_client, url, "historicalagreement_form")
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.title_ar == old_arabic
    assert agreement.version == version + 1  # the service's write, counted
    assert agreement.history.latest().history_change_reason == "revert"
    history = reverse("admin:agreements_agreement_history", args=[agreement.pk])
    page = publisher_client.get(history, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "<bdi>رجوع إلى نسخة سابقة</bdi>" in page


def test_history_page_queries_do_not_grow_with_versions(seeded, publisher_client):
    agreement = Agreement.objects.get(slug=SLUG)
    change = reverse("admin:agreements_agreement_change", args=[agreement.pk])
    history = reverse("admin:agreements_agreement_history", args=[agreement.pk])

    def queries_after(edits: int) -> int:
        for number in range(edits):
            submit(publisher_client, change, "agreement_form", {"title_fr": f"Titre {number}"})
        with CaptureQueriesContext(connection) as queries:
            assert publisher_client.get(history).status_code == 200
        return len(queries)

    assert queries_after(1) == queries_after(5)


@pytest.mark.parametrize(
    ("reason", "arabic", "french"),
    [
        ("admin", "عُدّل في لوحة الإدارة", "modifié dans l’administration"),
        ("intake 12", "من إدخال المقال رقم 12", "depuis la saisie d’article nº 12"),
        (
            "intake 3: الجريدة أدق",
            "من إدخال المقال رقم 3: الجريدة أدق",
            "depuis la saisie d’article nº 3: الجريدة أدق",
        ),
        (
            "revision 7",
            "مراجعة مقترحة رقم 7، تمت الموافقة عليها",
            "révision proposée nº 7, approuvée",
        ),
        ("something else", "something else", "something else"),
    ],
)
def test_reasons_are_said_in_the_editors_language(reason, arabic, french):
    with translation.override("ar"):
        assert change_reason_label(reason) == arabic
    with translation.override("fr"):
        assert change_reason_label(reason) == french
