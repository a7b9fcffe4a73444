"""The representations of organizations (partners) and people; field names are a contract."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.agreements.serializers import ref
from api.fields import (
    PartialDateField,
    ReadSerializer,
    RefSerializer,
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
    URL,
    CountryInput,
    Pattern,
    RecordInput,
    slug_of,
    translations,
)
from core.visibility import joined
from partners.models import Organization, OrganizationKind, Person

_datetime = serializers.DateTimeField()


class OrganizationSerializer(ReadSerializer):
    slug = serializers.SlugField(read_only=True, help_text=_("Stable identifier."))
    url = link(
        _("The organization's public page, in the requested language (null until it exists).")
    )
    api_url = serializers.URLField(read_only=True, help_text=_("This record in the API."))
    name = text(_("Name in the requested language."), required=True)
    acronym = text(_("Acronym in the requested language, if any."))
    kind = serializers.ChoiceField(
        choices=OrganizationKind.choices,
        read_only=True,
        help_text=_("Kind of organization (code)."),
    )
    kind_label = serializers.CharField(
        read_only=True, help_text=_("Kind, in the requested language.")
    )
    country = serializers.CharField(
        read_only=True,
        allow_null=True,
        help_text=_("ISO 3166-1 alpha-2 code; null for international bodies."),
    )
    parent = serializers.SlugField(
        read_only=True, allow_null=True, help_text=_("Slug of the parent organization.")
    )
    website = serializers.URLField(
        read_only=True, allow_null=True, help_text=_("Official website.")
    )
    wikidata_id = serializers.CharField(
        read_only=True, allow_null=True, help_text=_("Wikidata identifier, such as Q123456.")
    )
    description = text(_("Description in the requested language."))
    agreement_count = serializers.IntegerField(
        read_only=True, help_text=_("Number of published agreements the organization is party to.")
    )
    updated_at = serializers.DateTimeField(read_only=True, help_text=_("Last change."))

    def represent(self, organization: Organization) -> dict:
        order = fallback_order()
        request = self.context.get("request")
        parent = joined(organization, "parent")
        return {
            "slug": organization.slug,
            "url": public_url(request, "organization-detail", organization.slug),
            "api_url": api_url(request, "organization-detail", organization.slug),
            "name": tr(organization, "name", order),
            "acronym": tr(organization, "acronym", order),
            "kind": organization.kind,
            "kind_label": str(OrganizationKind(organization.kind).label),
            "country": country_code(organization.country),
            "parent": parent.slug if parent is not None else None,
            "website": organization.website or None,
            "wikidata_id": organization.wikidata_id or None,
            "description": tr(organization, "description", order),
            "agreement_count": getattr(organization, "agreement_count", 0),
            "updated_at": _datetime.to_representation(organization.updated_at),
        }


class PositionSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True, help_text=_("Stable identifier of the position."))
    title = text(_("Title in the requested language."), required=True)
    organization = RefSerializer(read_only=True, help_text=_("Where the position was held."))
    start = PartialDateField(help_text=_("Start at its known precision."))
    start_precision = precision_field(_("Precision of start."))
    end = PartialDateField(help_text=_("End at its known precision; null if unknown or ongoing."))
    end_precision = precision_field(_("Precision of end."))


class PersonSerializer(ReadSerializer):
    slug = serializers.SlugField(read_only=True, help_text=_("Stable identifier."))
    url = link(_("The person's public page, in the requested language (null until it exists)."))
    api_url = serializers.URLField(read_only=True, help_text=_("This record in the API."))
    name = text(_("Name in the requested language."), required=True)
    wikidata_id = serializers.CharField(
        read_only=True, allow_null=True, help_text=_("Wikidata identifier, such as Q123456.")
    )
    positions = PositionSerializer(many=True, read_only=True, help_text=_("Positions held."))
    agreements_signed = serializers.ListField(
        child=serializers.SlugField(),
        read_only=True,
        help_text=_("Slugs of the published agreements the person signed, latest first."),
    )
    updated_at = serializers.DateTimeField(read_only=True, help_text=_("Last change."))

    def represent(self, person: Person) -> dict:
        order = fallback_order()
        request = self.context.get("request")
        return {
            "slug": person.slug,
            "url": public_url(request, "person-detail", person.slug),
            "api_url": api_url(request, "person-detail", person.slug),
            "name": tr(person, "name", order),
            "wikidata_id": person.wikidata_id or None,
            "positions": [
                {
                    "slug": position.slug,
                    "title": tr(position, "title", order),
                    "organization": ref(position.organization, order),
                    "start": partial(position.start, position.start_precision),
                    "start_precision": position.start_precision,
                    "end": partial(position.end, position.end_precision),
                    "end_precision": position.end_precision,
                }
                for position in person.positions.all()
            ],
            "agreements_signed": [
                signature.agreement.slug for signature in person.visible_signatures
            ],
            "updated_at": _datetime.to_representation(person.updated_at),
        }


# -- input: what editors send ---------------------------------------------------------------


class OrganizationInput(RecordInput):
    name = translations(300, help_text=_("Name; Arabic is required on creation."))
    acronym = translations(40, required=False)
    kind = serializers.ChoiceField(choices=OrganizationKind.choices)
    country = CountryInput()
    parent = slug_of(Organization.objects.all(), required=False, allow_null=True)
    website = URL(required=False, allow_blank=True)
    description = translations(required=False)
    wikidata_id = Pattern(r"^Q[0-9]+$", max_length=20, required=False, allow_blank=True)

    def validate_name(self, value: dict) -> dict:
        if self.instance is None and not value.get("ar"):
            raise serializers.ValidationError(_("The Arabic name is required."))
        return value


class PersonInput(RecordInput):
    name = translations(200, help_text=_("Name; Arabic is required on creation."))
    wikidata_id = Pattern(r"^Q[0-9]+$", max_length=20, required=False, allow_blank=True)

    def validate_name(self, value: dict) -> dict:
        if self.instance is None and not value.get("ar"):
            raise serializers.ValidationError(_("The Arabic name is required."))
        return value
