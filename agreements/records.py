"""Moved to `core.records`; this name stays until every import says so."""

from core.records import *  # noqa: F403
from core.records import (  # noqa: F401
    CuratedQuerySet,
    CuratedRecord,
    DatePrecision,
    PartialDate,
    PublicationStatus,
    format_partial_date,
    kind_constraint,
    padding_constraints,
    partial_date_constraints,
    partial_date_errors,
    precision_field,
)
