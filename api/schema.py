"""OpenAPI generation: every operation documents `lang` and the errors it can answer."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from core.records import LANGUAGES

# -- schema helpers ----------------------------------------------------------------------


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("What went wrong, in the requested language."))


LANG_PARAMETER = OpenApiParameter(
    name="lang",
    type=str,
    enum=list(LANGUAGES),
    description=_(
        "Language of every translated field: ar (default), fr or en. Takes precedence "
        "over the Accept-Language header; the response's Content-Language tells which "
        "was used."
    ),
)
IF_MATCH_PARAMETER = OpenApiParameter(
    name="If-Match",
    type=str,
    location=OpenApiParameter.HEADER,
    required=False,
    description=_(
        "The ETag of the record as you read it (a GET of the record answers it, e.g. "
        '"v3-…"). The change is made only if the record is still at that version; '
        "otherwise 412 and nothing is written. Without it, the change is made whatever "
        "happened since."
    ),
)
ERROR_RESPONSES = {
    400: OpenApiResponse(
        response={
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "example": {"partner": ["No published organization has the slug “x”."]},
        },
        description=_("A parameter or field is invalid: each key names it."),
    ),
    404: OpenApiResponse(response=ErrorSerializer, description=_("No such record or page.")),
    401: OpenApiResponse(response=ErrorSerializer, description=_("Authentication needed.")),
    403: OpenApiResponse(response=ErrorSerializer, description=_("Not allowed.")),
    412: OpenApiResponse(response=ErrorSerializer, description=_("The record changed since the version If-Match names: GET it again, reapply your change, send the new ETag.")),
    413: OpenApiResponse(response=ErrorSerializer, description=_("The request body is too large.")),
    429: OpenApiResponse(response=ErrorSerializer, description=_("Too many requests: see Retry-After.")),
}  # fmt: skip


class ProposedSerializer(serializers.Serializer):
    revision = serializers.IntegerField(help_text=_("The id of the proposed revision."))
    status = serializers.CharField(help_text=_("“pending”: waiting for review."))
    api_url = serializers.URLField(help_text=_("The revision in the API, as in Location."))
    detail = serializers.CharField()


PROPOSED_RESPONSE = OpenApiResponse(
    response=ProposedSerializer,
    description=_(
        "The record is published and you may not publish it: the change is not applied but "
        "kept as a revision for a publisher to review (Location: /api/v1/revisions/{id}/). "
        "The record and its version (the number in its ETag) are unchanged."
    ),
)


class ApiAutoSchema(AutoSchema):
    def get_override_parameters(self) -> list:
        parameters = [*super().get_override_parameters(), LANG_PARAMETER]
        if self.method in ("PATCH", "PUT"):
            parameters.append(IF_MATCH_PARAMETER)
        return parameters

    def get_request_serializer(self):
        input_class = getattr(self.view, "input_serializer_class", None)
        if input_class is not None and self.method in ("POST", "PATCH"):
            return input_class
        return super().get_request_serializer()

    def get_auth(self) -> list:
        # Reads need no credentials (editors who send some also see drafts); only writes
        # declare the token and session schemes.
        if self.method in ("GET", "HEAD", "OPTIONS"):
            return []
        return super().get_auth()

    def get_response_serializers(self):
        declared = super().get_response_serializers()
        if isinstance(declared, dict):
            responses = dict(declared)
        else:
            success = "201" if self._is_create_operation() else "200"
            offered = [renderer.media_type for renderer in self.view.get_renderers()]
            if self.method == "GET" and "text/csv" in offered:
                responses = {
                    (success, "application/json"): declared,
                    (success, "text/csv"): OpenApiResponse(
                        response=OpenApiTypes.STR,
                        description=_("CSV, one row per agreement (see the codebook)."),
                    ),
                }
            else:
                responses = {success: declared}
        errors = [400, 429]
        if self.method == "GET":
            responses.setdefault("304", OpenApiResponse(description=_("Not modified.")))
        if getattr(self.view, "action", None) == "list" or "{" in self.path:
            errors.append(404)
        if self.method not in ("GET", "HEAD", "OPTIONS"):
            errors += [401, 403]
        if self.method in ("PATCH", "PUT"):
            errors.append(412)
            responses.setdefault("202", PROPOSED_RESPONSE)
        if self.method in ("POST", "PATCH", "PUT"):
            errors.append(413)
        for code in errors:
            # Errors are always JSON, whatever format was asked for.
            responses.setdefault((str(code), "application/json"), ERROR_RESPONSES[code])
        return responses


# Parameters that refuse an empty value; every filter takes an empty value as "not given",
# as the public site's forms send it.
STRICT_PARAMETERS = {"lang", "page", "page_size", "format"}


def document_empty_filters(result: dict, generator, request, public) -> dict:
    """Postprocessing hook: mark filter parameters `allowEmptyValue` (empty = no filter)."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query" and parameter["name"] not in STRICT_PARAMETERS:
                    parameter["allowEmptyValue"] = True
    return result
