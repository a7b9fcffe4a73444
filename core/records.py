"""Building blocks every curated record shares: partial dates, publication status, evidence.

Sources rarely give a full date ("June 2023", "on Tuesday"). A date is therefore always
stored as a pair: the first day of the period the source names, and the precision that
says how much of it is known. Readers never show or emit the padded part: they go
through `PartialDate`, which renders "2023-06" or "June 2023", never "2023-06-01".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# The languages of every translated field, Arabic first (the source language).
LANGUAGES = ("ar", "fr", "en")

# The month names, the one list every date in the tracker is written with: the editors'
# month input and every date Django formats (its `F` format looks the same msgids up).
# Our catalog gives them as Moroccan readers and the sources write them in Arabic
# (يناير فبراير مارس أبريل ماي يونيو يوليوز غشت شتنبر أكتوبر نونبر دجنبر), and it comes
# before Django's own catalog, whose Middle-Eastern names (سبتمبر...) never show.
MONTHS = (
    (1, _("January")),
    (2, _("February")),
    (3, _("March")),
    (4, _("April")),
    (5, _("May")),
    (6, _("June")),
    (7, _("July")),
    (8, _("August")),
    (9, _("September")),
    (10, _("October")),
    (11, _("November")),
    (12, _("December")),
)
MONTH_NAMES = dict(MONTHS)


def fallback_order(language: str | None = None) -> tuple[str, ...]:
    """The active (or given) language first, then the others: the order translations fall
    back in."""
    language = (language or translation.get_language() or "ar").split("-")[0]
    return (language, *(code for code in LANGUAGES if code != language))


def has_field(model: type[models.Model] | models.Model, name: str) -> bool:
    """Whether the model (or a record of it) has a concrete field of that name."""
    return any(field.name == name for field in model._meta.concrete_fields)


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")
    UNKNOWN = "unknown", _("Unknown")


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


_PARTIAL_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month, the year, or not at all."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and self.year is None:
            raise ValueError("a month needs a year")
        if self.year is not None:
            # Validates month and day ranges, leap years included.
            dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read "2025-09-12", "2023-06", "2025", a date, a year as int, or None (unknown)."""
        if value is None or value == "":
            return cls()
        if isinstance(value, dt.datetime):
            raise ValueError(f"{value!r}: a date, not a date and time, is expected")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:04d}"
        if not isinstance(value, str):
            raise ValueError(f"{value!r}: expected a date written YYYY, YYYY-MM or YYYY-MM-DD")
        match = _PARTIAL_DATE.match(value.strip())
        if not match:
            raise ValueError(f"{value!r}: expected a date written YYYY, YYYY-MM or YYYY-MM-DD")
        parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
        try:
            return cls(**parts)
        except ValueError as exc:
            raise ValueError(f"{value!r}: {exc}") from None

    @classmethod
    def from_stored(cls, value: dt.date | None, precision: str) -> PartialDate:
        if value is None or precision == DatePrecision.UNKNOWN:
            return cls()
        if precision == DatePrecision.YEAR:
            return cls(value.year)
        if precision == DatePrecision.MONTH:
            return cls(value.year, value.month)
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> DatePrecision:
        if self.day is not None:
            return DatePrecision.DAY
        if self.month is not None:
            return DatePrecision.MONTH
        if self.year is not None:
            return DatePrecision.YEAR
        return DatePrecision.UNKNOWN

    @property
    def is_known(self) -> bool:
        return self.year is not None

    def first_day(self) -> dt.date | None:
        """The stored form: the first day of the known period (None when unknown)."""
        if self.year is None:
            return None
        return dt.date(self.year, self.month or 1, self.day or 1)

    def plus_months(self, months: int | None) -> PartialDate:
        """This date plus a number of months, at this date's precision (never finer).

        2025 plus 24 months ends in 2027; 2025 plus 18 months is 2026 or 2027, so unknown
        here (the public pages show the range). Unknown plus anything is unknown.
        """
        if months is None or self.precision == DatePrecision.UNKNOWN:
            return PartialDate()
        if self.precision == DatePrecision.YEAR:
            if months % 12:
                return PartialDate()
            return PartialDate(self.year + months // 12)
        year, month = divmod(self.year * 12 + (self.month - 1) + months, 12)
        if self.day is None:
            return PartialDate(year, month + 1)
        # A day that does not exist in the target month rolls back to its last day.
        for day in (self.day, 30, 29, 28):
            try:
                return PartialDate(year, month + 1, day)
            except ValueError:
                continue
        raise AssertionError("unreachable")

    def isoformat(self) -> str | None:
        """ISO 8601 at the known precision: "2025", "2023-06" or "2025-09-12"."""
        if self.year is None:
            return None
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat() or ""


def partial_date_constraints(
    model_label: str, date_field: str, precision_field: str
) -> list[models.CheckConstraint]:
    """Database rules that keep a (date, precision) pair honest.

    An unknown date has no stored value; a month or year precision is stored as the
    first day of that period, so that the padding carries no information.
    """
    precision = {f"{precision_field}__in": DatePrecision.values}
    unknown = Q(**{precision_field: DatePrecision.UNKNOWN})
    return [
        models.CheckConstraint(
            condition=Q(**precision), name=f"{model_label}_{precision_field}_valid"
        ),
        models.CheckConstraint(
            condition=(unknown & Q(**{f"{date_field}__isnull": True}))
            | (~unknown & Q(**{f"{date_field}__isnull": False})),
            name=f"{model_label}_{date_field}_null_iff_unknown",
        ),
        *padding_constraints(model_label, date_field, precision_field),
    ]


def padding_constraints(
    model_label: str, date_field: str, precision_field: str
) -> list[models.CheckConstraint]:
    """A month or year precision is stored as the first day of that period, nothing else."""
    unset = Q(**{f"{date_field}__isnull": True})
    return [
        models.CheckConstraint(
            condition=~Q(**{precision_field: DatePrecision.MONTH})
            | unset
            | Q(**{f"{date_field}__day": 1}),
            name=f"{model_label}_{date_field}_month_not_padded",
        ),
        models.CheckConstraint(
            condition=~Q(**{precision_field: DatePrecision.YEAR})
            | unset
            | Q(**{f"{date_field}__day": 1, f"{date_field}__month": 1}),
            name=f"{model_label}_{date_field}_year_not_padded",
        ),
    ]


def precision_field(verbose_name: str) -> models.CharField:
    return models.CharField(
        verbose_name,
        max_length=8,
        choices=DatePrecision.choices,
        default=DatePrecision.UNKNOWN,
    )


class CuratedQuerySet(models.QuerySet):
    def published(self) -> CuratedQuerySet:
        return self.filter(status=PublicationStatus.PUBLISHED)


class VersionedRecord(models.Model):
    """A record whose every save counts a version, so that a stale write can be refused.

    Counted here, like `auto_now` stamps `updated_at`, so that no route that saves a row
    (services, admin formsets, the seed loader) can forget it. The writer's expected
    version is checked by `core.services.lock_version` under a row lock.
    """

    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Counts the saves of this record; a write from an older version is refused."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            self.version += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)


class CuratedRecord(VersionedRecord):
    """A record editors curate and publish, backed by citations of its sources."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    citations = GenericRelation("core.Citation")

    objects = CuratedQuerySet.as_manager()

    class Meta(VersionedRecord.Meta):
        abstract = True

    @classmethod
    def status_constraint(cls, model_label: str) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=Q(status__in=PublicationStatus.values), name=f"{model_label}_status_valid"
        )


def kind_constraint(model_label: str, choices: type[models.TextChoices]) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(kind__in=choices.values), name=f"{model_label}_kind_valid"
    )


def partial_date_errors(value: dt.date | None, precision: str, *, date_field: str) -> dict:
    """Form-level twin of the padding constraints, with a message an editor can act on."""
    if precision == DatePrecision.UNKNOWN:
        if value is not None:
            return {date_field: _("Leave the date empty when its precision is “unknown”.")}
        return {}
    if value is None:
        return {date_field: _("Enter the date, or set its precision to “unknown”.")}
    if precision == DatePrecision.MONTH and value.day != 1:
        return {
            date_field: _(
                "A date known only to the month is entered as the 1st of that month "
                "(for June 2023, enter 2023-06-01); it is shown as “June 2023”."
            )
        }
    if precision == DatePrecision.YEAR and (value.day, value.month) != (1, 1):
        return {
            date_field: _(
                "A date known only to the year is entered as 1 January of that year "
                "(for 2025, enter 2025-01-01); it is shown as “2025”."
            )
        }
    return {}


def format_partial_date(partial: PartialDate) -> str:
    """A partial date for people, in the active language: "12 September 2025", "June 2023",
    "2025"; "" when unknown. Never shows a day or a month the source did not give."""
    from django.utils.formats import date_format

    if not partial.is_known:
        return ""
    first_day = partial.first_day()
    if partial.precision == DatePrecision.DAY:
        return date_format(first_day, "DATE_FORMAT")
    if partial.precision == DatePrecision.MONTH:
        return date_format(first_day, "YEAR_MONTH_FORMAT")
    return str(partial.year)
