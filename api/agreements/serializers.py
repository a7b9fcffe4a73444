"""The representations of agreements, initiatives and sources integrators rely on.

Field names are a contract (issue 4): add fields freely, never rename one.
"""

from __future__ import annotations

from functools import cache

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from agreements.models import (
    Agreement,
    AgreementKind,
    Initiative,
    InitiativeKind,
    SourceDocument,
    Theme,
)
from api.fields import (
    CitationSerializer,
    OrganizationRefSerializer,
    PartialDateField,
    PlaceSerializer,
    ReadSerializer,
    RefSerializer,
    SigningActSerializer,
    api_url,
    country_code,
    fallback_order,
    link,
    partial,
    precision_field,
    public_url,
    text,
    tr,
)
from api.inputs import (
    SLUG_HELP,
    URL,
    Integer,
    PartialDateInput,
    PlaceInput,
    RecordInput,
    SigningActInput,
    Slug,
    StrictSerializer,
    Text,
    slug_of,
    translations,
)
from core.models import SourceLanguage
from core.visibility import joined
from events.models import Event
from partners.models import Organization

_datetime = serializers.DateTimeField()


def ref(obj, order) -> dict:
    return {"slug": obj.slug, "name": tr(obj, "name", order)}


def tr_row(row: dict, prefix: str, order) -> str | None:
    """A translated column of a plain row (`organization__name_ar`...), with fallback."""
    for code in order:
        value = row.get(f"{prefix}_{code}")
        if value:
            return value
    return None


def organization_ref(row: dict, order) -> dict:
    return {
        "slug": row["organization__slug"],
        "name": tr_row(row, "organization__name", order),
        "acronym": tr_row(row, "organization__acronym", order),
        "kind": row["organization__kind"],
        "country": row["organization__country"] or None,
    }


def signing_act(row: dict, order) -> dict:
    """A signing act's row; its organization is None when the reader may not see it."""
    return {
        "person": {"slug": row["person__slug"], "name": tr_row(row, "person__name", order)},
        "organization": {
            "slug": row["visible_organization__slug"],
            "name": tr_row(row, "visible_organization__name", order),
        }
        if row["visible_organization__slug"]
        else None,
        "title": tr_row(row, "title", order),
    }


def citation(row: dict, order) -> dict:
    return {
        "source": {"slug": row["source__slug"], "title": tr_row(row, "source__title", order)},
        "quote": row["quote"],
        "fields": list(row["fields"] or []),
    }


@cache
def _labels(choices: type, language: str) -> dict[str, str]:
    with translation.override(language):
        return {code: str(label) for code, label in choices.choices}


def kind_label(choices: type, code: str) -> str:
    """A code's label in the active language (translated once per language, not per row)."""
    return _labels(choices, translation.get_language() or "ar")[code]


class AgreementSerializer(ReadSerializer):
    """Reads the rows `selectors.attach_agreement_relations()` sets, and the event and the
    renewed agreement `selectors.agreement_rows()` joins through the visibility rule."""

    slug = serializers.SlugField(read_only=True, help_text=_("Stable identifier."))
    url = link(_("The agreement's public page, in the requested language."))
    api_url = serializers.URLField(read_only=True, help_text=_("This record in the API."))
    title = text(_("Title in the requested language."), required=True)
    title_is_editorial = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "True when no source prints this title: the editors wrote it to describe the "
            "instrument; false when it is quoted from a source."
        ),
    )
    kind = serializers.ChoiceField(
        choices=AgreementKind.choices, read_only=True, help_text=_("Kind of agreement (code).")
    )
    kind_label = serializers.CharField(
        read_only=True, help_text=_("Kind of agreement, in the requested language.")
    )
    signed_on = PartialDateField(help_text=_("Date of signing at its known precision."))
    signed_on_precision = precision_field(_("How much of the signing date the sources give."))
    place = PlaceSerializer(read_only=True, help_text=_("Where it was signed."))
    event = RefSerializer(
        read_only=True, allow_null=True, help_text=_("The event it was signed at, if any.")
    )
    duration_months = serializers.IntegerField(
        read_only=True, allow_null=True, help_text=_("Duration in months, if stated.")
    )
    expires_on = PartialDateField(
        help_text=_(
            "Signing date plus duration, at the signing date's precision; null when either "
            "is unknown or the date is known only to the year."
        )
    )
    expires_on_precision = precision_field(_("Precision of expires_on."))
    renews = serializers.SlugField(
        read_only=True, allow_null=True, help_text=_("Slug of the agreement this one renews.")
    )
    renewed_by = serializers.ListField(
        child=serializers.SlugField(),
        read_only=True,
        help_text=_("Slugs of the agreements that renew this one."),
    )
    parties = OrganizationRefSerializer(
        many=True, read_only=True, help_text=_("The organizations bound.")
    )
    signatories = SigningActSerializer(
        many=True, read_only=True, help_text=_("Each signing act: who signed, for which party.")
    )
    attendees = SigningActSerializer(
        many=True, read_only=True, help_text=_("People who witnessed the signing.")
    )
    themes = RefSerializer(many=True, read_only=True, help_text=_("Editorial themes."))
    initiatives = RefSerializer(
        many=True, read_only=True, help_text=_("Initiatives the agreement serves.")
    )
    summary = text(_("Summary in the requested language."))
    objectives = text(_("Objectives in the requested language."))
    public_note = text(
        _(
            "Note to readers in the requested language: what the sources leave open about "
            "this record (e.g. who signed); empty when there is none."
        )
    )
    citations = CitationSerializer(
        many=True, read_only=True, help_text=_("The passages of sources that back this record.")
    )
    updated_at = serializers.DateTimeField(read_only=True, help_text=_("Last change."))

    def represent(self, agreement: Agreement) -> dict:
        order = fallback_order()
        request = self.context.get("request")
        expires = agreement.expires_partial
        event, renews = joined(agreement, "event"), joined(agreement, "renews")
        return {
            "slug": agreement.slug,
            "url": public_url(request, "agreement-detail", agreement.slug),
            "api_url": api_url(request, "agreement-detail", agreement.slug),
            "title": tr(agreement, "title", order),
            "title_is_editorial": agreement.title_is_editorial,
            "kind": agreement.kind,
            "kind_label": kind_label(AgreementKind, agreement.kind),
            "signed_on": partial(agreement.signed_on, agreement.signed_on_precision),
            "signed_on_precision": agreement.signed_on_precision,
            "place": {
                "city": tr(agreement, "place_city", order),
                "country": country_code(agreement.place_country),
            },
            "event": ref(event, order) if event is not None else None,
            "duration_months": agreement.duration_months,
            "expires_on": expires.isoformat(),
            "expires_on_precision": str(expires.precision.value),
            "renews": renews.slug if renews is not None else None,
            "renewed_by": [row["slug"] for row in agreement.renewal_rows],
            "parties": [organization_ref(row, order) for row in agreement.party_rows],
            "signatories": [signing_act(act, order) for act in agreement.signatory_rows],
            "attendees": [signing_act(act, order) for act in agreement.attendee_rows],
            "themes": [
                {"slug": row["theme__slug"], "name": tr_row(row, "theme__name", order)}
                for row in agreement.theme_rows
            ],
            "initiatives": [
                {"slug": row["initiative__slug"], "name": tr_row(row, "initiative__name", order)}
                for row in agreement.initiative_rows
            ],
            "summary": tr(agreement, "summary", order),
            "objectives": tr(agreement, "objectives", order),
            "public_note": tr(agreement, "public_note", order),
            "citations": [citation(cite, order) for cite in agreement.citation_rows],
            "updated_at": _datetime.to_representation(agreement.updated_at),
        }


class InitiativeSerializer(ReadSerializer):
    slug = serializers.SlugField(read_only=True, help_text=_("Stable identifier."))
    url = link(_("The initiative's public page, in the requested language (null until it exists)."))
    api_url = serializers.URLField(read_only=True, help_text=_("This record in the API."))
    name = text(_("Name in the requested language."), required=True)
    name_is_editorial = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "True when no source prints this name: the editors wrote it to describe the "
            "initiative; false when it is quoted from a source."
        ),
    )
    kind = serializers.ChoiceField(
        choices=InitiativeKind.choices, read_only=True, help_text=_("Kind of initiative (code).")
    )
    kind_label = serializers.CharField(
        read_only=True, help_text=_("Kind, in the requested language.")
    )
    description = text(_("Description in the requested language."))
    lead = RefSerializer(read_only=True, allow_null=True, help_text=_("The lead organization."))
    partners = RefSerializer(many=True, read_only=True, help_text=_("Partner organizations."))
    launched_on = PartialDateField(help_text=_("Launch date at its known precision."))
    launched_on_precision = precision_field(_("How much of the launch date the sources give."))
    parent = serializers.SlugField(
        read_only=True, allow_null=True, help_text=_("Slug of the initiative this one is part of.")
    )
    agreements = serializers.ListField(
        child=serializers.SlugField(),
        read_only=True,
        help_text=_("Slugs of the published agreements serving this initiative."),
    )
    updated_at = serializers.DateTimeField(read_only=True, help_text=_("Last change."))

    def represent(self, initiative: Initiative) -> dict:
        order = fallback_order()
        request = self.context.get("request")
        parent, lead = joined(initiative, "parent"), joined(initiative, "lead")
        return {
            "slug": initiative.slug,
            "url": public_url(request, "initiative-detail", initiative.slug),
            "api_url": api_url(request, "initiative-detail", initiative.slug),
            "name": tr(initiative, "name", order),
            "name_is_editorial": initiative.name_is_editorial,
            "kind": initiative.kind,
            "kind_label": str(InitiativeKind(initiative.kind).label),
            "description": tr(initiative, "description", order),
            "lead": ref(lead, order) if lead is not None else None,
            "partners": [ref(partner, order) for partner in initiative.partners.all()],
            "launched_on": partial(initiative.launched_on, initiative.launched_on_precision),
            "launched_on_precision": initiative.launched_on_precision,
            "parent": parent.slug if parent is not None else None,
            "agreements": [agreement.slug for agreement in initiative.visible_agreements],
            "updated_at": _datetime.to_representation(initiative.updated_at),
        }


class SourceSerializer(ReadSerializer):
    slug = serializers.SlugField(read_only=True, help_text=_("Stable identifier."))
    url = link(_("The source's public page, in the requested language (null until it exists)."))
    api_url = serializers.URLField(read_only=True, help_text=_("This record in the API."))
    title = text(_("Title in the requested language."), required=True)
    publisher = serializers.CharField(
        read_only=True, allow_null=True, help_text=_("Publisher, where the page states it.")
    )
    author = serializers.CharField(
        read_only=True, allow_null=True, help_text=_("Author, where the page states it.")
    )
    dateline = serializers.CharField(
        read_only=True,
        allow_null=True,
        help_text=_("The place the article is filed from, as printed, where it says."),
    )
    credits = serializers.CharField(
        read_only=True, allow_null=True, help_text=_("Other credits (photographs, agency...).")
    )
    language = serializers.CharField(
        read_only=True, help_text=_("ISO 639-1 code of the text, or “other”.")
    )
    published_on = PartialDateField(help_text=_("Publication date at its known precision."))
    published_on_precision = precision_field(_("How much of the publication date is known."))
    original_url = serializers.CharField(
        read_only=True, allow_null=True, help_text=_("Where the source was published, if known.")
    )
    file_name = serializers.CharField(
        read_only=True, help_text=_("Name of the archived copy's file.")
    )
    text = serializers.CharField(
        read_only=True, help_text=_("The full text, in which every citation's quote occurs.")
    )
    updated_at = serializers.DateTimeField(read_only=True, help_text=_("Last change."))

    def represent(self, source: SourceDocument) -> dict:
        request = self.context.get("request")
        return {
            "slug": source.slug,
            "url": public_url(request, "source-detail", source.slug),
            "api_url": api_url(request, "source-detail", source.slug),
            "title": tr(source, "title"),
            "publisher": source.publisher or None,
            "author": source.author or None,
            "dateline": source.dateline or None,
            "credits": source.credits or None,
            "language": source.language,
            "published_on": partial(source.published_on, source.published_on_precision),
            "published_on_precision": source.published_on_precision,
            "original_url": source.url or None,
            "file_name": source.file_name,
            "text": source.text,
            "updated_at": _datetime.to_representation(source.updated_at),
        }


# -- input: what editors send ---------------------------------------------------------------


class AgreementInput(RecordInput):
    """Create (slug, title with Arabic, kind and two parties required) or change an agreement."""

    title = translations(400, help_text=_("Title; Arabic is required on creation."))
    kind = serializers.ChoiceField(choices=AgreementKind.choices)
    signed_on = PartialDateInput(help_text=_("Date of signing at the precision the source gives."))
    place = PlaceInput(required=False)
    event = slug_of(Event.objects.all(), required=False, allow_null=True)
    duration_months = Integer(min_value=1, max_value=32767, required=False, allow_null=True)
    renews = slug_of(Agreement.objects.all(), required=False, allow_null=True)
    themes = slug_of(Theme.objects.all(), many=True, required=False)
    initiatives = slug_of(Initiative.objects.all(), many=True, required=False)
    summary = translations(required=False)
    objectives = translations(required=False)
    parties = slug_of(
        Organization.objects.all(),
        many=True,
        help_text=_("Slugs of the organizations bound: at least two."),
    )
    signatories = SigningActInput(many=True, required=False)
    attendees = SigningActInput(many=True, required=False)

    def validate_title(self, value: dict) -> dict:
        if self.instance is None and not value.get("ar"):
            raise serializers.ValidationError(_("The Arabic title is required."))
        return value

    def service_arguments(self) -> dict:
        data = super().service_arguments()
        place = data.pop("place", None)
        if place is not None:
            if "city" in place:
                data["place_city"] = place["city"]
            if "country" in place:
                data["place_country"] = place["country"] or ""
        for name in ("signatories", "attendees"):
            if name in data:
                data[name] = [SigningActInput().to_act(act) for act in data[name]]
        return data


class InitiativeInput(RecordInput):
    name = translations(300, help_text=_("Name; Arabic is required on creation."))
    kind = serializers.ChoiceField(choices=InitiativeKind.choices)
    description = translations(required=False)
    lead = slug_of(Organization.objects.all(), required=False, allow_null=True)
    partners = slug_of(Organization.objects.all(), many=True, required=False)
    launched_on = PartialDateInput()
    parent = slug_of(Initiative.objects.all(), required=False, allow_null=True)

    def validate_name(self, value: dict) -> dict:
        if self.instance is None and not value.get("ar"):
            raise serializers.ValidationError(_("The Arabic name is required."))
        return value


class SourceInput(StrictSerializer):
    slug = Slug(max_length=120, required=False, help_text=SLUG_HELP)
    title = translations(500, help_text=_("Title; Arabic is required on creation."))
    publisher = Text(max_length=200, required=False, allow_blank=True)
    author = Text(max_length=200, required=False, allow_blank=True)
    dateline = Text(max_length=120, required=False, allow_blank=True)
    credits = Text(max_length=300, required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=SourceLanguage.values, required=False)
    published_on = PartialDateInput()
    url = URL(max_length=500, required=False, allow_blank=True)
    file_name = Text(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text=_("The archived copy's file name, if there is one."),
    )
    text = Text(help_text=_("The full text every quote is checked against."))

    def validate_slug(self, value: str) -> str:
        if self.instance is not None and value != self.instance.slug:
            raise serializers.ValidationError(_("A slug never changes."))
        return value

    def validate_title(self, value: dict) -> dict:
        if self.instance is None and not value.get("ar"):
            raise serializers.ValidationError(_("The Arabic title is required."))
        return value

    def service_arguments(self) -> dict:
        data = dict(self.validated_data)
        if self.instance is not None:
            data.pop("slug", None)
        return data
