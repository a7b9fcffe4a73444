"""The agreement representation integrators rely on (the API issue extends it)."""

from rest_framework import serializers

from agreements.models import Agreement


class OrganizationRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
    country = serializers.CharField(source="country.code")


class PersonRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class NamedRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class SigningActSerializer(serializers.Serializer):
    person = PersonRefSerializer()
    organization = NamedRefSerializer(allow_null=True)
    title = serializers.CharField()


class CitationSerializer(serializers.Serializer):
    source = serializers.SerializerMethodField()
    quote = serializers.CharField()
    fields = serializers.ListField(child=serializers.CharField())

    def get_source(self, citation) -> dict:
        return {"slug": citation.source.slug, "title": citation.source.title}


class AgreementSerializer(serializers.ModelSerializer):
    signed_on = serializers.SerializerMethodField(
        help_text="ISO 8601 at the known precision: YYYY, YYYY-MM or YYYY-MM-DD; null if unknown."
    )
    place = serializers.SerializerMethodField()
    event = NamedRefSerializer(allow_null=True)
    expires_on = serializers.SerializerMethodField()
    renews = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    renewed_by = serializers.SlugRelatedField(slug_field="slug", read_only=True, many=True)
    parties = serializers.SerializerMethodField()
    signatories = SigningActSerializer(many=True)
    attendees = SigningActSerializer(many=True)
    themes = NamedRefSerializer(many=True)
    initiatives = NamedRefSerializer(many=True)
    citations = CitationSerializer(many=True)

    class Meta:
        model = Agreement
        fields = [
            "slug",
            "title",
            "kind",
            "signed_on",
            "signed_on_precision",
            "place",
            "event",
            "duration_months",
            "expires_on",
            "renews",
            "renewed_by",
            "parties",
            "signatories",
            "attendees",
            "themes",
            "initiatives",
            "summary",
            "objectives",
            "citations",
            "updated_at",
        ]

    def get_signed_on(self, agreement: Agreement) -> str | None:
        return agreement.signed_partial.isoformat()

    def get_expires_on(self, agreement: Agreement) -> str | None:
        return agreement.expires_partial.isoformat()

    def get_place(self, agreement: Agreement) -> dict:
        return {
            "city": agreement.place_city or None,
            "country": agreement.place_country.code or None,
        }

    def get_parties(self, agreement: Agreement) -> list[dict]:
        return OrganizationRefSerializer(
            [party.organization for party in agreement.parties.all()], many=True
        ).data
