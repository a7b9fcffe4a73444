"""The OpenAPI schema validates, documents every filter and enum, and its docs are local."""

from __future__ import annotations

import pytest
import yaml
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from agreements.filtersets import AgreementFilterSet, InitiativeFilterSet, SourceFilterSet
from events.filtersets import EventFilterSet
from partners.filtersets import OrganizationFilterSet, PersonFilterSet

FILTERSETS = {
    "/api/v1/agreements/": AgreementFilterSet,
    "/api/v1/partners/": OrganizationFilterSet,
    "/api/v1/people/": PersonFilterSet,
    "/api/v1/events/": EventFilterSet,
    "/api/v1/initiatives/": InitiativeFilterSet,
    "/api/v1/sources/": SourceFilterSet,
}


@pytest.fixture(scope="module")
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def test_the_schema_is_valid_openapi_3(schema):
    validate_schema(schema)  # raises on any violation of the OpenAPI 3 meta-schema
    assert schema["openapi"].startswith("3.")


def test_generation_emits_no_warning(capsys):
    from drf_spectacular.drainage import GENERATOR_STATS

    GENERATOR_STATS.reset()
    SchemaGenerator().get_schema(request=None, public=True)
    assert not GENERATOR_STATS._warn_cache, list(GENERATOR_STATS._warn_cache)
    assert not GENERATOR_STATS._error_cache, list(GENERATOR_STATS._error_cache)


@pytest.mark.parametrize("path", FILTERSETS)
def test_every_filter_and_the_common_parameters_are_documented(schema, path):
    parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
    expected = set(FILTERSETS[path].base_filters) | {"lang", "page", "page_size"}
    assert expected <= set(parameters), expected - set(parameters)
    for name in FILTERSETS[path].base_filters:
        assert parameters[name].get("description"), name
    assert parameters["lang"]["schema"]["enum"] == ["ar", "en", "fr"]
    assert parameters["page_size"]["schema"]["maximum"] == 200
    responses = schema["paths"][path]["get"]["responses"]
    assert {"200", "304", "400", "404", "429"} <= set(responses)
    detail = schema["paths"][path + "{slug}/"]["get"]["responses"]
    assert {"200", "400", "404"} <= set(detail)


def test_enums_are_documented(schema):
    components = schema["components"]["schemas"]
    assert components["AgreementKindEnum"]["enum"] == [
        "mou", "protocol", "agreement", "declaration_of_intent", "other",
    ]  # fmt: skip
    assert components["DatePrecisionEnum"]["enum"] == ["day", "month", "year", "unknown"]
    for name in ("OrganizationKindEnum", "EventKindEnum", "InitiativeKindEnum"):
        assert components[name]["enum"]
    agreement = components["Agreement"]["properties"]
    assert agreement["signed_on"]["pattern"] == r"^\d{4}(-\d{2}(-\d{2})?)?$"
    assert agreement["signed_on"]["nullable"] is True


@pytest.mark.django_db
def test_schema_and_docs_are_served_without_a_cdn(client: Client):
    served = client.get("/api/schema/")
    assert served.status_code == 200
    assert yaml.safe_load(served.content)["info"]["title"]
    assert client.get("/api/schema/", {"format": "json"}).json()["openapi"].startswith("3.")
    for page in ("/api/docs/", "/api/docs/redoc/"):
        html = client.get(page).content.decode()
        assert "/static/drf_spectacular_sidecar/" in html
        assert "cdn." not in html and "unpkg" not in html and "jsdelivr" not in html
