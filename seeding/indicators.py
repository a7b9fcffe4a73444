"""Reading `seeds/indicators.yaml`: dated rankings and scores, each with its verbatim quote."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from core.records import DatePrecision
from indicators.models import Comparison, Indicator, IndicatorKind, IndicatorScope
from seeding.records import RecordSeed, SeedRecord

FIELDS_REQUIRED = ("slug", "measure", "country", "kind", "as_of", "citations")
FIELDS_OPTIONAL = ("publisher", "city", "scope", "value", "comparison", "previous_value",
                   "change", "note")  # fmt: skip


def _number(record: SeedRecord, key: str) -> Decimal | None:
    """A figure as the source prints it (88, 0.687, 23); YAML's floats are read from their
    text, so 0.687 stays 0.687."""
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise record.error(key, f"{value!r} is not a number")
    text = getattr(record.data, "scalars", {}).get(key, (value, None))[0]
    try:
        number = Decimal(str(text))
    except InvalidOperation:
        raise record.error(key, f"{value!r} is not a number") from None
    if not number.is_finite():
        raise record.error(key, f"{value!r} is not a number")
    return number


def parse_indicator(record: SeedRecord, texts: dict[str, str]) -> RecordSeed:
    record.check_keys(FIELDS_REQUIRED, FIELDS_OPTIONAL)
    as_of = record.partial_date("as_of")
    if as_of.precision == DatePrecision.UNKNOWN:
        raise record.error("as_of", "an indicator is dated: give at least its year")
    change = record.get("change")
    if change is not None and (isinstance(change, bool) or not isinstance(change, int)):
        raise record.error("change", f"{change!r} is not a whole number of places")
    country = record.country("country")
    if not country:
        raise record.error("country", "is required")
    return RecordSeed(
        kind="indicator",
        slug=record.slug(),
        file=record.file,
        line=record.line,
        values={
            **record.translated("measure", required=True),
            **record.translated("publisher"),
            **record.translated("city"),
            **record.translated("note"),
            "country": country,
            "kind": record.choice("kind", IndicatorKind.values),
            "scope": record.choice("scope", IndicatorScope.values)
            if record.get("scope") is not None
            else IndicatorScope.WORLD.value,
            "comparison": record.choice("comparison", Comparison.values)
            if record.get("comparison") is not None
            else Comparison.EXACT.value,
            "value": _number(record, "value"),
            "previous_value": _number(record, "previous_value"),
            "change": change,
            "as_of": as_of.first_day(),
            "as_of_precision": as_of.precision.value,
        },
        citations=record.citations(Indicator.cited_fields, texts),
    )
