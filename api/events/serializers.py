"""The representation of events; field names are a contract."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.agreements.serializers import ref
from api.fields import (
    PartialDateField,
    PlaceSerializer,
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
    CountryInput,
    PartialDateInput,
    RecordInput,
    StrictSerializer,
    slug_of,
    translations,
)
from core.visibility import joined
from events.models import Event, EventKind
from events.services import ParticipantInput
from partners.models import Organization, Person

_datetime = serializers.DateTimeField()


def participant_ref(participant, order) -> dict:
    """A participant; the organization is None when the reader may not see it."""
    organization = joined(participant, "organization")
    return {
        "person": ref(participant.person, order),
        "organization": ref(organization, order) if organization is not None else None,
        "role": tr(participant, "role", order),
    }


class ParticipantSerializer(serializers.Serializer):
    person = RefSerializer(read_only=True, help_text=_("Who took part."))
    organization = RefSerializer(
        read_only=True, allow_null=True, help_text=_("On whose behalf, if stated.")
    )
    role = text(_("Their role, in the requested language."))


class EventSerializer(ReadSerializer):
    slug = serializers.SlugField(read_only=True, help_text=_("Stable identifier."))
    url = link(_("The event's public page, in the requested language (null until it exists)."))
    api_url = serializers.URLField(read_only=True, help_text=_("This record in the API."))
    name = text(_("Name in the requested language."), required=True)
    name_is_editorial = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "True when no source prints this name: the editors wrote it to describe the "
            "event; false when it is quoted from a source."
        ),
    )
    kind = serializers.ChoiceField(
        choices=EventKind.choices, read_only=True, help_text=_("Kind of event (code).")
    )
    kind_label = serializers.CharField(
        read_only=True, help_text=_("Kind, in the requested language.")
    )
    description = text(_("Description in the requested language."))
    start_date = PartialDateField(help_text=_("First day at its known precision."))
    end_date = PartialDateField(help_text=_("Last day at the same precision, if stated."))
    date_precision = precision_field(_("How much of the dates the sources give."))
    place = PlaceSerializer(read_only=True, help_text=_("Where it took place."))
    parent = serializers.SlugField(
        read_only=True,
        allow_null=True,
        help_text=_("Slug of the event it was held on the sidelines of."),
    )
    participants = ParticipantSerializer(
        many=True, read_only=True, help_text=_("People who took part.")
    )
    organizations = RefSerializer(many=True, read_only=True, help_text=_("Organizations involved."))
    agreements = serializers.ListField(
        child=serializers.SlugField(),
        read_only=True,
        help_text=_("Slugs of the published agreements signed there."),
    )
    updated_at = serializers.DateTimeField(read_only=True, help_text=_("Last change."))

    def represent(self, event: Event) -> dict:
        order = fallback_order()
        request = self.context.get("request")
        parent = joined(event, "parent")
        return {
            "slug": event.slug,
            "url": public_url(request, "event-detail", event.slug),
            "api_url": api_url(request, "event-detail", event.slug),
            "name": tr(event, "name", order),
            "name_is_editorial": event.name_is_editorial,
            "kind": event.kind,
            "kind_label": str(EventKind(event.kind).label),
            "description": tr(event, "description", order),
            "start_date": partial(event.start_date, event.date_precision),
            "end_date": partial(event.end_date, event.date_precision),
            "date_precision": event.date_precision,
            "place": {"city": tr(event, "city", order), "country": country_code(event.country)},
            "parent": parent.slug if parent is not None else None,
            "participants": [
                participant_ref(participant, order) for participant in event.participants.all()
            ],
            "organizations": [ref(org, order) for org in event.organizations.all()],
            "agreements": [agreement.slug for agreement in event.visible_agreements],
            "updated_at": _datetime.to_representation(event.updated_at),
        }


# -- input: what editors send ---------------------------------------------------------------


class ParticipantInputSerializer(StrictSerializer):
    person = slug_of(Person.objects.all(), help_text=_("Slug of the person."))
    organization = slug_of(Organization.objects.all(), required=False, allow_null=True)
    role = translations(300, required=False)


class EventInput(RecordInput):
    name = translations(300, help_text=_("Name; Arabic is required on creation."))
    kind = serializers.ChoiceField(choices=EventKind.choices)
    start_date = PartialDateInput()
    end_date = PartialDateInput(help_text=_("At the same precision as start_date."))
    city = translations(120, required=False)
    country = CountryInput()
    parent = slug_of(Event.objects.all(), required=False, allow_null=True)
    description = translations(required=False)
    organizations = slug_of(Organization.objects.all(), many=True, required=False)
    participants = ParticipantInputSerializer(many=True, required=False)

    def validate_name(self, value: dict) -> dict:
        if self.instance is None and not value.get("ar"):
            raise serializers.ValidationError(_("The Arabic name is required."))
        return value

    def service_arguments(self) -> dict:
        data = super().service_arguments()
        if "participants" in data:
            data["participants"] = [
                ParticipantInput(
                    person=item["person"],
                    organization=item.get("organization"),
                    role=item.get("role") or {},
                )
                for item in data["participants"]
            ]
        return data
