"""The base viewsets every resource of the API shares: language, pagination, caching, throttling, errors.

Each resource's viewset derives from `PublicViewSet`, which

- picks the language from `?lang=` or `Accept-Language` (a 400 names the allowed values)
  and answers with `Content-Language`;
- shows drafts only to authenticated clients allowed to view the model;
- answers a conditional GET with 304 when nothing in the dataset changed, before running
  any query for the page, and sends cache headers a CDN can honour;
- throttles anonymous clients (429 with `Retry-After`);
- refuses every bad parameter with a 400 that names it.
"""

from __future__ import annotations

import hashlib
import re
from functools import partial as bind

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header
from drf_orjson_renderer.renderers import ORJSONRenderer
from rest_framework import exceptions, status
from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from api.errors import PreconditionFailed, refuse_large_bodies
from api.inputs import as_drf_error
from api.negotiation import ContentNegotiation
from api.pagination import Pagination
from api.throttling import AnonymousThrottle, AuthenticatedThrottle
from core import revisions, services
from core.dataset import dataset_version
from core.records import LANGUAGES, has_field

SLUG_PATTERN = r"[-a-zA-Z0-9_]+"


# -- language ----------------------------------------------------------------------------


def language_from(request) -> str:
    """`?lang=` first, then the best supported language of `Accept-Language`, then Arabic."""
    requested = request.query_params.get("lang")
    if requested is not None:
        code = requested.strip().lower()
        if code not in LANGUAGES:
            raise exceptions.ValidationError(
                {
                    "lang": [
                        _("“%(value)s” is not an available language. Choose ar, fr or en.")
                        % {"value": requested[:20]}
                    ]
                }
            )
        return code
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for code, _quality in parse_accept_lang_header(header[:500]):
        if code == "*":
            break
        base = code.split("-")[0].lower()
        if base in LANGUAGES:
            return base
    return settings.LANGUAGE_CODE


# -- filters ----------------------------------------------------------------------------


def with_form_built_once(filterset_class: type) -> type:
    """The FilterSet, its form class built once per language instead of once per request.

    django-filter builds a form class for every FilterSet instance: a field per filter, a
    queryset per slug filter, 250 translated country names. For the agreements that cost
    4 ms of a request's 20 on a page whose queries take 10. The fields are shared by the
    forms of that class as Django's `base_fields` always are (each form copies them, and a
    model choice field its queryset); the country names are in the language of the key.
    """
    forms: dict[str, type] = {}

    def get_form_class(self) -> type:
        language = translation.get_language() or settings.LANGUAGE_CODE
        if language not in forms:
            forms[language] = filterset_class.get_form_class(self)
        return forms[language]

    return type(filterset_class.__name__, (filterset_class,), {"get_form_class": get_form_class})


# -- the base viewset ----------------------------------------------------------------------


class PublicViewSet(GenericViewSet):
    """Language, drafts for editors only, conditional GET, cache headers, throttling."""

    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    pagination_class = Pagination
    content_negotiation_class = ContentNegotiation
    permission_classes = [DjangoModelPermissionsOrAnonReadOnly]
    throttle_classes = [AnonymousThrottle, AuthenticatedThrottle]
    # Detail views and writes take no filter parameters.
    filter_on_actions = ("list",)

    language: str = settings.LANGUAGE_CODE

    def initial(self, request, *args, **kwargs) -> None:
        self.language = language_from(request)
        translation.activate(self.language)
        for name, values in request.query_params.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                # No database stores NUL characters: refuse before any query sees one.
                raise exceptions.ValidationError(
                    {name.replace("\x00", ""): [_("NUL characters are not allowed.")]}
                )
        refuse_large_bodies(request)
        # A method this address does not offer is a 405 before credentials are asked for.
        if not hasattr(self, request.method.lower()):
            raise exceptions.MethodNotAllowed(request.method)
        request.LANGUAGE_CODE = self.language
        super().initial(request, *args, **kwargs)

    @property
    def can_view_drafts(self) -> bool:
        model: type[Model] = self.model
        user = self.request.user
        return bool(
            user.is_authenticated
            and user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
        )

    def get_serializer_context(self) -> dict:
        context = super().get_serializer_context()
        context["include_drafts"] = self.can_view_drafts
        return context

    def filter_queryset(self, queryset):
        if self.action not in self.filter_on_actions:
            return queryset
        return super().filter_queryset(queryset)

    # -- conditional GET -----------------------------------------------------------------

    def not_modified(self, request) -> Response | None:
        """A 304 when the client holds this exact representation of the current dataset.

        A record's ETag also names the record's own version (`"v3-…"`): what `If-Match`
        compares on a write.
        """
        record = None
        if self.action == "retrieve" and has_field(self.model, "version"):
            record = (self.model, self.kwargs.get(self.lookup_field, ""))
        version, last_modified, record_version = dataset_version(record=record)
        scope = f"user:{request.user.pk}" if request.user.is_authenticated else "public"
        self.dataset_version = version
        self.count_key_parts = self.count_key_parts_for(request)
        accepted = getattr(request, "accepted_media_type", "")
        digest = hashlib.sha256(
            "\n".join([version, self.language, scope, accepted, request.get_full_path()]).encode()
        ).hexdigest()[:32]
        tag = f"v{record_version}-{digest}" if record_version is not None else digest
        self.validators = (f'"{tag}"', last_modified)
        etag, modified = self.validators
        response = get_conditional_response(
            request._request,
            etag=etag,
            last_modified=modified.timestamp() if modified else None,
        )
        if response is not None and response.status_code == status.HTTP_304_NOT_MODIFIED:
            return Response(status=status.HTTP_304_NOT_MODIFIED)
        return None

    # Parameters that change the page, its language or its format, not what is counted.
    NOT_COUNTED = frozenset({"page", "page_size", "format", "lang", "ordering"})

    def count_key_parts_for(self, request) -> tuple:
        """What names this list's count (with the dataset's version, in `core.counting`):
        the resource, whether drafts are counted, and the filters."""
        filters = sorted(
            (name, value)
            for name, values in request.query_params.lists()
            if name not in self.NOT_COUNTED
            for value in values
        )
        drafts = "drafts" if self.can_view_drafts else "published"
        return ("api", self.basename, drafts, tuple(filters))

    def list(self, request, *args, **kwargs):
        return self.not_modified(request) or self.list_response(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self.not_modified(request) or self.retrieve_response(request, *args, **kwargs)

    def complete(self, records: list) -> list:
        """Read what the representation needs beyond the queryset (a hook for a page)."""
        return records

    def list_response(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.complete(self.paginate_queryset(queryset))
        serializer = self.get_serializer(page, many=True)
        return self.get_paginated_response(serializer.data)

    def retrieve_response(self, request, *args, **kwargs):
        return Response(self.get_serializer(self.complete([self.get_object()])[0]).data)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, Response) and response.status_code >= 400:
            # Errors are JSON whatever format was asked for (a CSV client can read them).
            response.accepted_renderer = ORJSONRenderer()
            response.accepted_media_type = ORJSONRenderer.media_type
        response["Content-Language"] = self.language
        patch_vary_headers(response, ("Accept", "Accept-Language"))
        validators = getattr(self, "validators", None)
        if request.method in ("GET", "HEAD") and response.status_code in (200, 304):
            if validators:
                response["ETag"] = validators[0]
                if validators[1]:
                    response["Last-Modified"] = http_date(validators[1].timestamp())
            if request.user.is_authenticated:
                response["Cache-Control"] = "private, no-cache"
            else:
                max_age = settings.API_CACHE_MAX_AGE
                response["Cache-Control"] = (
                    f"public, max-age={max_age}, s-maxage={max_age}, "
                    f"stale-while-revalidate={max_age}"
                )
        elif response.status_code >= 400 or request.method not in ("GET", "HEAD"):
            response["Cache-Control"] = "no-store"
        return response


def revision_url(request, pk: int) -> str:
    """The address of a proposed revision in the API (`api.revisions`)."""
    return request.build_absolute_uri(reverse("api:revision-detail", kwargs={"pk": pk}))


_VERSION_TAG = re.compile(r'^"v(\d{1,9})-[0-9a-f]*"$')


def versions_matched(if_match: str) -> set[int] | None:
    """The record versions an `If-Match` header accepts; None for `*` (any version).

    Weak tags (`W/"…"`) never match: RFC 9110 asks a strong comparison for `If-Match`.
    """
    versions: set[int] = set()
    for tag in if_match.split(","):
        tag = tag.strip()
        if tag == "*":
            return None
        match = _VERSION_TAG.match(tag)
        if match:
            versions.add(int(match.group(1)))
    return versions


class WritableMixin:
    """POST to the list creates, PATCH on a record changes it: through the services only.

    Authenticated clients with the model's add/change permission (token or session); the
    answer is the record as a reader sees it, with its Location.
    """

    input_serializer_class: type

    def create_record(self, **data):
        raise NotImplementedError

    def update_record(self, record, **data):
        raise NotImplementedError

    def create(self, request, *args, **kwargs):
        serializer = self.input_serializer_class(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        record = self._run(self.create_record, serializer.service_arguments())
        return self.written(record, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        record = self.get_object()
        serializer = self.input_serializer_class(
            record, data=request.data, partial=True, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        try:
            with transaction.atomic():
                self.check_if_match(request, record)
                record = self._run(bind(self.update_record, record), serializer.service_arguments())
        except revisions.ProposedChange as proposal:
            # A published record, an editor who may not publish it: the change waits.
            return self.proposed(revisions.propose(proposal), record)
        return self.written(record, status.HTTP_200_OK)

    def proposed(self, revision, record) -> Response:
        """202 Accepted: the change is kept for review, at the address in `Location`; the
        record is unchanged (its version too, which If-Match compares). Nothing to review: 200 with the record."""
        if revision is None:
            return self.written(record, status.HTTP_200_OK)
        location = revision_url(self.request, revision.pk)
        body = {
            "revision": revision.pk,
            "status": revision.status,
            "api_url": location,
            "detail": _("This record is published: your change waits for a publisher's review."),
        }
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": location})

    def check_if_match(self, request, record) -> None:
        """With `If-Match`, a write from another version than the stored one is a 412.

        The row stays locked until the write commits, so no other write slips between.
        """
        header = request.headers.get("If-Match")
        if header is None:
            return
        accepted = versions_matched(header)
        stored = services.lock_version(record, None)
        current = stored.get("version") if stored else None
        if accepted is not None and current not in accepted:
            expected = min(accepted) if accepted else None
            raise PreconditionFailed(
                services.stale_message(record, expected)
                if expected is not None
                else _("If-Match names no version of this record: GET it and send its ETag.")
            )

    def _run(self, service, arguments: dict):
        try:
            return service(**arguments)
        except revisions.ProposedChange:
            raise  # not a refusal: the route keeps it for review
        except DjangoValidationError as error:
            raise as_drf_error(error) from None

    def written(self, record, code: int) -> Response:
        fresh = self.complete([self.get_queryset().get(pk=record.pk)])[0]
        data = self.get_serializer(fresh).data
        headers = {"Location": data["api_url"]}
        version = getattr(fresh, "version", None)
        if version is not None:
            # Enough for the next If-Match; a GET gives the full validator.
            headers["ETag"] = f'"v{version}-"'
        return Response(data, status=code, headers=headers)
