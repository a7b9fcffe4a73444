"""Page-number pagination with `count`, `next`, `previous`, `results` and a bounded page_size.

Kept apart from the views: DRF imports the default pagination class while it defines its
own views.
"""

from __future__ import annotations

from django.core.paginator import InvalidPage, Page
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination

from core import counting
from core.counting import Counted

COUNT_IS_ESTIMATE_HELP = _(
    "Present, and true, only when count is an estimate (show it as “about N”): a list too "
    "long to count quickly is counted in a sample of the records. next is exact all the "
    "same: it is null on the last page."
)
CORRECTED_QUERY_HELP = _(
    "Present only when the search in q found nothing and was run again with its misspelt "
    "words replaced by the nearest words of the published records: the query that was "
    "searched instead, which the results answer (show “showing results for …”)."
)
# No list has a billion pages; a larger number is refused before anything is counted.
MAX_PAGE = 10**9


def whole_number(raw: str, *, maximum: int) -> int | None:
    """`raw` as a number from 1 to `maximum` when written with ASCII digits only, else None.

    int() would also take " 2", "+2", "1_000" and Arabic-Indic or other Unicode digits
    ("٣"): the API's numbers are written one way, and anything else is the client's to
    fix. A number with more digits than `maximum` is not converted at all: int() refuses
    strings of more than 4,300 digits, and a 5,000-digit page was a 500.
    """
    if not (raw.isascii() and raw.isdigit()):
        return None
    significant = raw.lstrip("0")
    if not significant or len(significant) > len(str(maximum)):
        return None
    number = int(significant)
    return number if number <= maximum else None


class Pagination(PageNumberPagination):
    """`count`, `next`, `previous`, `results`; `page_size` up to a maximum."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    page_size_query_description = _("Records per page: 1 to 200 (default 50).")
    page_query_description = _("Page number, from 1.")
    invalid_page_message = _("There is no page %(page_number)s: the last page is %(last)s.")

    def get_page_size(self, request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        size = whole_number(raw, maximum=self.max_page_size)
        if size is None:
            raise exceptions.ValidationError(
                {
                    self.page_size_query_param: [
                        _("Enter a whole number from 1 to %(max)d.") % {"max": self.max_page_size}
                    ]
                }
            )
        return size

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        number = 1 if raw is None else whole_number(raw, maximum=MAX_PAGE)
        if number is None:
            raise exceptions.ValidationError(
                {
                    self.page_query_param: [
                        _("Enter a whole number from 1 to %(max)d.") % {"max": MAX_PAGE}
                    ]
                }
            )
        page_size = self.get_page_size(request)
        paginator = self.django_paginator_class(queryset, page_size)
        # A search that had to correct its query says what it searched instead (the
        # FilterSet found out; api.filtering keeps it on the view).
        self.corrected_query = getattr(getattr(view, "filterset", None), "corrected_query", None)
        # The view names the list and the dataset's version (read for its ETag): the count
        # is then shared by every process and request until the next write.
        key = getattr(view, "count_key_parts", None)
        version = getattr(view, "dataset_version", None)
        shared = {"key_parts": key, "version": version} if key is not None else None
        counted = counting.cached(**shared) if shared else None
        rows = None
        if number == 1:
            # The first page is read before counting: when it is not full, its length is
            # the count, and the COUNT query is saved (most filtered lists fit in a page).
            rows = list(queryset[: page_size + 1])
            if len(rows) <= page_size:
                counted = Counted(len(rows))
                if shared:
                    counting.remember(**shared, value=len(rows))
        if counted is None:
            counted = counting.count(queryset, **shared) if shared else counting.count_now(queryset)
        paginator.count = counted.value
        self.count_is_estimate = counted.is_estimate
        if counted.is_estimate:
            self.page = counting.estimated_page(queryset, paginator, number, rows)
            if self.page is None:
                raise self.no_such_page(number, paginator.num_pages)
        elif rows is not None:
            self.page = Page(rows[:page_size], 1, paginator)
        else:
            try:
                self.page = paginator.page(number)
            except InvalidPage:
                raise self.no_such_page(number, paginator.num_pages) from None
        self.request = request
        return list(self.page)

    def no_such_page(self, number: int, last: int) -> exceptions.NotFound:
        return exceptions.NotFound(
            self.invalid_page_message % {"page_number": number, "last": last}
        )

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        if getattr(self, "count_is_estimate", False):
            # Only when true: the usual answer keeps its four keys.
            count = {"count": response.data["count"], "count_is_estimate": True}
            response.data = count | response.data
        corrected = getattr(self, "corrected_query", None)
        if corrected:
            response.data["corrected_query"] = corrected
        return response

    def get_paginated_response_schema(self, schema: dict) -> dict:
        paginated = super().get_paginated_response_schema(schema)
        paginated["required"] = ["count", "next", "previous", "results"]
        paginated["properties"]["count_is_estimate"] = {
            "type": "boolean",
            "description": str(COUNT_IS_ESTIMATE_HELP),
        }
        paginated["properties"]["corrected_query"] = {
            "type": "string",
            "description": str(CORRECTED_QUERY_HELP),
        }
        return paginated

    def get_schema_operation_parameters(self, view) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": MAX_PAGE})
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
        return parameters
