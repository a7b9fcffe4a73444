"""What the API answers when something is wrong: every key of an error names a field."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


def refuse_large_bodies(request) -> None:
    """The API takes no larger body than the admin's forms: one limit for every route.

    DRF reads the body as a stream, past Django's own check of request.body: checked here
    from Content-Length, before anything is read.
    """
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    length = request.META.get("CONTENT_LENGTH") or "0"
    if limit is not None and (not length.isdigit() or int(length) > limit):
        raise RequestTooLarge(
            {
                "body": [
                    _("The request body is larger than %(limit)d KB: send less text.")
                    % {"limit": limit // 1024}
                ]
            }
        )


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("The record changed since you read it.")
    default_code = "precondition_failed"


def flatten_errors(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """Nested validation errors as flat keys naming the field: "signatories[0].person"."""
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            name = f"{prefix}[{key}]" if isinstance(key, int) else (
                f"{prefix}.{key}" if prefix else str(key)
            )  # fmt: skip
            if key in ("non_field_errors",) and prefix:
                name = prefix
            for sub_key, messages in flatten_errors(value, name).items():
                flat.setdefault(sub_key, []).extend(messages)
        return flat
    if isinstance(detail, list) and detail and all(isinstance(item, str) for item in detail):
        return {prefix or "non_field_errors": [str(item) for item in detail]}
    if isinstance(detail, list):
        flat = {}
        for index, item in enumerate(detail):
            if item:
                for sub_key, messages in flatten_errors(item, f"{prefix}[{index}]").items():
                    flat.setdefault(sub_key, []).extend(messages)
        return flat
    return {prefix or "non_field_errors": [str(detail)]}


def exception_handler(exc, context):
    """DRF's handler, with field errors flattened so that every key names a field."""
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.ValidationError):
        response.data = flatten_errors(response.data)
    elif response is not None and isinstance(exc, exceptions.ParseError):
        # The request body itself is at fault: name it like any other field.
        response.data = {"body": [str(exc.detail)]}
    return response


@csrf_exempt  # a 404 for any method; the CSRF page would answer HTML instead
def api_not_found(request, *args, **kwargs):
    response = JsonResponse({"detail": str(_("No such address in the API."))}, status=404)
    response["Cache-Control"] = "no-store"
    return response
