"""Bulk formats: the agreements list as CSV, and the whole dataset as one JSON document.

Both stream: rows are read in chunks (each chunk with its prefetches, so a chunk costs a
fixed number of queries) and written as they come, so memory does not grow with the data.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from itertools import batched
from typing import Any

import orjson
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer
from rest_framework.serializers import ListSerializer, Serializer

from agreements.models import Agreement, Theme
from agreements.selectors import (
    agreement_rows,
    attach_agreement_relations,
    event_agreements_prefetch,
    initiative_list,
    signatures_prefetch,
    source_list,
)
from api.agreements.serializers import AgreementSerializer, InitiativeSerializer, SourceSerializer
from api.events.serializers import EventSerializer
from api.fields import PartialDateField
from api.indicators.serializers import IndicatorSerializer
from api.partners.serializers import OrganizationSerializer, PersonSerializer
from api.throttling import ExportThrottle
from api.viewsets import PublicViewSet
from core.published import published_version
from events.selectors import event_list
from indicators.selectors import indicator_list
from partners.selectors import organization_list, person_list

SCHEMA_VERSION = "1.0"
CHUNK_SIZE = 500
LIST_SEPARATOR = "; "

VERSION_HELP = _(
    "Version of the published data: a fingerprint of every published record, its parts and "
    "their history, which changes when and only when something the public may read changes "
    "(an edit to a draft does not change it). Record pages name the same version in their "
    "citations."
)


# -- CSV ---------------------------------------------------------------------------------


class CSVRenderer(BaseRenderer):
    """text/csv. The views stream CSV themselves; errors are answered in JSON."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        return orjson.dumps(data)


CSV_COLUMNS = [
    "slug", "url", "title", "kind", "kind_label", "signed_on", "signed_on_precision",
    "place_city", "place_country", "event_slug", "event_name", "duration_months",
    "expires_on", "renews", "renewed_by", "party_slugs", "party_names", "party_countries",
    "signatory_names", "signatory_slugs", "signatory_organizations", "signatory_titles",
    "attendee_names", "attendee_slugs", "theme_slugs", "initiative_slugs", "summary",
    "objectives", "citation_sources", "citation_count", "updated_at",
]  # fmt: skip


def _joined(values: Iterable[Any]) -> str:
    return LIST_SEPARATOR.join("" if value is None else str(value) for value in values)


def csv_row(item: dict) -> list:
    """One agreement's representation flattened to one row; lists joined with "; "."""
    event = item["event"] or {}
    return [
        item["slug"], item["url"], item["title"], item["kind"], item["kind_label"],
        item["signed_on"], item["signed_on_precision"], item["place"]["city"],
        item["place"]["country"], event.get("slug"), event.get("name"),
        item["duration_months"], item["expires_on"], item["renews"],
        _joined(item["renewed_by"]),
        _joined(p["slug"] for p in item["parties"]),
        _joined(p["name"] for p in item["parties"]),
        _joined(p["country"] or "" for p in item["parties"]),
        _joined(s["person"]["name"] for s in item["signatories"]),
        _joined(s["person"]["slug"] for s in item["signatories"]),
        _joined((s["organization"] or {}).get("slug") for s in item["signatories"]),
        _joined(s["title"] or "" for s in item["signatories"]),
        _joined(a["person"]["name"] for a in item["attendees"]),
        _joined(a["person"]["slug"] for a in item["attendees"]),
        _joined(t["slug"] for t in item["themes"]),
        _joined(i["slug"] for i in item["initiatives"]),
        item["summary"], item["objectives"],
        _joined(dict.fromkeys(c["source"]["slug"] for c in item["citations"])),
        len(item["citations"]), item["updated_at"],
    ]  # fmt: skip


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value as a cell that a spreadsheet shows as text and never runs as a formula.

    Text starting with =, +, -, @, a tab or a carriage return gets a leading single quote,
    as OWASP recommends: `=HYPERLINK(...)` is written `'=HYPERLINK(...)`, which spreadsheets
    display as the text it is. Every such text cell is neutralized, even one that could be
    meant as a number ("-3", "+212 ..."): this CSV's only numbers, `duration_months` and
    `citation_count`, are written as integers and are never negative, so no number is
    touched, and a text column has no number to lose. None is an empty cell.
    """
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _csv_line(values: list) -> str:
    buffer = io.StringIO()
    # Every cell quoted (OWASP again): a separator or a quote inside a value cannot start
    # a new cell, even for a spreadsheet that splits on ";" as French locales do.
    csv.writer(buffer, quoting=csv.QUOTE_ALL).writerow([csv_cell(value) for value in values])
    return buffer.getvalue()


def in_chunks(queryset, complete: Callable[[list], list] | None = None) -> Iterator:
    """Every row, read CHUNK_SIZE at a time with the queryset's prefetches (and `complete`
    applied to each chunk), so that a chunk costs a fixed number of queries."""
    rows = queryset.iterator(chunk_size=CHUNK_SIZE)
    if complete is None:
        yield from rows
        return
    for chunk in batched(rows, CHUNK_SIZE):
        yield from complete(list(chunk))


def agreements_csv(serializer: AgreementSerializer, rows: Iterable[Agreement]) -> Iterator[str]:
    # A byte order mark, so that spreadsheet programs read the Arabic text as UTF-8.
    yield "\ufeff" + _csv_line(CSV_COLUMNS)
    for agreement in rows:
        yield _csv_line(csv_row(serializer.represent(agreement)))


def csv_response(serializer: AgreementSerializer, rows: Iterable[Agreement], name: str):
    response = StreamingHttpResponse(
        agreements_csv(serializer, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


# -- the codebook ----------------------------------------------------------------------------


def _type_of(field: serializers.Field) -> str:
    if isinstance(field, PartialDateField):
        return "partial date (YYYY, YYYY-MM or YYYY-MM-DD)"
    if isinstance(field, serializers.ChoiceField):
        return "code"
    if isinstance(field, serializers.IntegerField):
        return "integer"
    if isinstance(field, serializers.FloatField):
        return "number"
    if isinstance(field, serializers.DateTimeField):
        return "date-time (ISO 8601)"
    if isinstance(field, serializers.URLField):
        return "URL"
    if isinstance(field, serializers.SlugField):
        return "slug"
    if isinstance(field, serializers.ListField):
        return f"list of {_type_of(field.child)}"
    return "text"


def describe(serializer: Serializer) -> dict:
    """Every field of a representation: type, meaning, codes, whether it may be null."""
    fields = {}
    for name, field in serializer.fields.items():
        entry: dict[str, Any] = {"description": str(field.help_text or "")}
        if isinstance(field, ListSerializer):
            entry["type"] = "list of objects"
            entry["fields"] = describe(field.child)["fields"]
        elif isinstance(field, Serializer):
            entry["type"] = "object"
            entry["fields"] = describe(field)["fields"]
        else:
            entry["type"] = _type_of(field)
        if isinstance(field, serializers.ChoiceField):
            entry["codes"] = {str(code): str(label) for code, label in field.choices.items()}
        entry["nullable"] = bool(getattr(field, "allow_null", False))
        fields[name] = entry
    return {"fields": fields}


RESOURCES = {
    "agreements": (AgreementSerializer, _("Agreements: memoranda, protocols, declarations...")),
    "partners": (OrganizationSerializer, _("Organizations: parties and bodies around them.")),
    "people": (PersonSerializer, _("People: signatories, witnesses, participants.")),
    "events": (EventSerializer, _("Events where agreements are signed or discussed.")),
    "initiatives": (InitiativeSerializer, _("National programmes and institutions.")),
    "sources": (SourceSerializer, _("Source documents, with their full text.")),
    "indicators": (
        IndicatorSerializer,
        _("Dated rankings and scores of a country or a city, with their source."),
    ),
}


def codebook() -> dict:
    book: dict[str, Any] = {
        "conventions": {
            "dates": str(
                _(
                    "Dates are ISO 8601 at the precision the sources give: 2025-09-12 (day), "
                    "2023-06 (month), 2025 (year); null when no source gives one. Each date "
                    "has a *_precision field: day, month, year or unknown."
                )
            ),
            "languages": str(
                _(
                    "Translated texts are in the language named by `language`, falling back "
                    "to Arabic, then French, then English where a translation is missing."
                )
            ),
            "evidence": str(
                _(
                    "Each citation's quote occurs word for word in the text of the source it "
                    "names (see `sources`)."
                )
            ),
            "references": str(
                _("Records refer to each other by slug, a stable identifier that never changes.")
            ),
            "version": str(VERSION_HELP),
        },
        "themes": {
            "description": str(_("Editorial themes agreements are tagged with.")),
            "fields": {
                "slug": {"type": "slug", "description": str(_("Stable identifier."))},
                "name": {"type": "text", "description": str(_("Name in the language."))},
            },
        },
    }
    for name, (serializer_class, description) in RESOURCES.items():
        book[name] = {"description": str(description), **describe(serializer_class())}
    return book


# -- the whole dataset -----------------------------------------------------------------------


class DatasetSerializer(serializers.Serializer):
    """The whole published dataset in one document (documented for OpenAPI)."""

    schema_version = serializers.CharField(help_text=_("Version of this document's layout."))
    exported_at = serializers.DateTimeField(help_text=_("When this export was made."))
    language = serializers.ChoiceField(
        choices=[("ar", "ar"), ("fr", "fr"), ("en", "en")],
        help_text=_("Language of the translated texts."),
    )
    version = serializers.CharField(help_text=VERSION_HELP)
    cite_as = serializers.CharField(help_text=_("How to cite this dataset, naming its version."))
    codebook = serializers.DictField(help_text=_("Every field and code, documented."))
    counts = serializers.DictField(
        child=serializers.IntegerField(), help_text=_("Records of each kind.")
    )
    themes = serializers.ListField(child=serializers.DictField(), help_text=_("Themes."))
    agreements = AgreementSerializer(many=True)
    partners = OrganizationSerializer(many=True)
    people = PersonSerializer(many=True)
    events = EventSerializer(many=True)
    initiatives = InitiativeSerializer(many=True)
    sources = SourceSerializer(many=True)
    indicators = IndicatorSerializer(many=True)


@extend_schema_view(
    retrieve=extend_schema(
        operation_id="dataset_export",
        summary="The whole published dataset, with its codebook",
        description=str(
            _(
                "Every published record in one JSON document, for open-data portals: a "
                "schema version, the version of the published data (the same in the "
                "X-Dataset-Version header and in the record pages' citations), the date of "
                "the export, a codebook documenting every field and code, and a line saying "
                "how to cite it."
            )
        ),
        tags=["export"],
    )
)
class DatasetViewSet(PublicViewSet):
    """The whole published dataset in one JSON document."""

    model = Agreement
    pagination_class = None
    filter_backends: list = []
    serializer_class = DatasetSerializer
    throttle_classes = [*PublicViewSet.throttle_classes, ExportThrottle]

    def get_queryset(self):
        return agreement_rows()

    def retrieve_response(self, request, *args, **kwargs):
        exported_at = timezone.now()
        context = self.get_serializer_context()
        # The dataset's token was read for the ETag; the version is kept under it.
        version = published_version(getattr(self, "dataset_version", None))
        response = StreamingHttpResponse(
            self.stream(request, exported_at, context, version), content_type="application/json"
        )
        # The day in Morocco, as `exported_at` is written (the site's time zone), even near midnight.
        stamp = timezone.localdate(exported_at).isoformat()
        response["Content-Disposition"] = (
            "attachment; "
            f'filename="morocco-digital-agreements-{stamp}-{version}-{self.language}.json"'
        )
        response["X-Dataset-Version"] = version
        return response

    def stream(self, request, exported_at, context, version: str) -> Iterator[bytes]:
        # Keep the request's language while the body is produced, after the view returned.
        from django.utils import translation

        with translation.override(self.language):
            yield from self._document(request, exported_at, context, version)

    def _document(self, request, exported_at, context, version: str) -> Iterator[bytes]:
        address = request.build_absolute_uri(reverse("api:dataset"))
        sections = {
            "agreements": (AgreementSerializer, agreement_rows(), attach_agreement_relations),
            "partners": (OrganizationSerializer, organization_list(), None),
            "people": (
                PersonSerializer,
                person_list().prefetch_related(signatures_prefetch()),
                None,
            ),
            "events": (
                EventSerializer,
                event_list().prefetch_related(event_agreements_prefetch()).order_by("slug"),
                None,
            ),
            "initiatives": (InitiativeSerializer, initiative_list(), None),
            "sources": (SourceSerializer, source_list(), None),
            "indicators": (IndicatorSerializer, indicator_list().order_by("slug"), None),
        }
        counts = {name: queryset.count() for name, (_s, queryset, _c) in sections.items()}
        themes = [
            {"slug": theme.slug, "name": theme.name} for theme in Theme.objects.order_by("slug")
        ]
        counts["themes"] = len(themes)
        header = {
            "schema_version": SCHEMA_VERSION,
            "exported_at": serializers.DateTimeField().to_representation(exported_at),
            "language": self.language,
            "version": version,
            "cite_as": str(
                _(
                    "Morocco digital agreements tracker: agreements of the Ministry of Digital "
                    "Transition and Administrative Reform, dataset version %(dataset_version)s, "
                    "exported on %(date)s (schema %(version)s), %(address)s"
                )
                % {
                    "dataset_version": version,
                    "date": timezone.localdate(exported_at).isoformat(),
                    "version": SCHEMA_VERSION,
                    "address": address,
                }
            ),
            "codebook": codebook(),
            "counts": counts,
            "themes": themes,
        }
        yield orjson.dumps(header)[:-1]  # the object stays open for the record lists
        for name, (serializer_class, queryset, complete) in sections.items():
            serializer = serializer_class(context=context)
            yield b',"' + name.encode() + b'":['
            for index, record in enumerate(in_chunks(queryset, complete)):
                yield (b"," if index else b"") + orjson.dumps(serializer.represent(record))
            yield b"]"
        yield b"}"
