"""Dated indicators: a ranking or a score a publisher gives a country or one of its cities.

A ranking is a dated fact about a place, with its source: "Morocco 88th in the world in
the StartupBlink Global Startup Ecosystem Index 2025, from 92nd". It is stored as the
source states it, no more: a rank the article does not give stays empty when it gives
only the change ("rose fourteen places"), and a bound ("growth above 23%") keeps its
comparison rather than posing as an exact figure.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.records import (
    CuratedRecord,
    PartialDate,
    kind_constraint,
    partial_date_constraints,
    partial_date_errors,
    precision_field,
)


class IndicatorKind(models.TextChoices):
    RANK = "rank", _("Rank")
    SCORE = "score", _("Score")
    GROWTH = "growth", _("Growth (%)")


class IndicatorScope(models.TextChoices):
    WORLD = "world", _("World")
    AFRICA = "africa", _("Africa")
    NORTH_AFRICA = "north_africa", _("North Africa")
    ARAB_WORLD = "arab_world", _("Arab world")


class Comparison(models.TextChoices):
    EXACT = "exact", _("Exactly")
    MORE_THAN = "more_than", _("More than")
    LESS_THAN = "less_than", _("Less than")


class Indicator(CuratedRecord):
    """One figure of one edition of an index, about a country or a city within it."""

    # What a citation of this kind of record may say it backs.
    cited_fields = (
        "measure", "publisher", "country", "city", "kind", "scope", "value", "comparison",
        "previous_value", "change", "as_of", "note",
    )  # fmt: skip

    measure = models.CharField(
        _("measure"),
        max_length=300,
        help_text=_(
            "The index or ranking and its edition, e.g. “Global Startup Ecosystem Index 2025”."
        ),
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    country = CountryField(_("country"))
    city = models.CharField(
        _("city"),
        max_length=120,
        blank=True,
        help_text=_("Empty when the figure is about the whole country."),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=IndicatorKind.choices)
    scope = models.CharField(
        _("scope"),
        max_length=16,
        choices=IndicatorScope.choices,
        default=IndicatorScope.WORLD,
        help_text=_("Among whom the rank is counted."),
    )
    value = models.DecimalField(
        _("value"),
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_(
            "The rank, score or percentage as the source gives it; empty when it gives only the change."
        ),
    )
    comparison = models.CharField(
        _("comparison"),
        max_length=10,
        choices=Comparison.choices,
        default=Comparison.EXACT,
        help_text=_("“More than” when the source gives a bound (“above 23%”)."),
    )
    previous_value = models.DecimalField(
        _("previous value"),
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("The previous edition's rank or score, when the source gives it."),
    )
    change = models.IntegerField(
        _("change in places"),
        null=True,
        blank=True,
        help_text=_("Places gained (positive) or lost (negative), when the source gives it."),
    )
    as_of = models.DateField(_("date"), null=True, blank=True)
    as_of_precision = precision_field(_("date precision"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        permissions = [("publish_indicator", _("Can publish and unpublish indicators"))]
        ordering = ["country", "city", F("as_of").desc(nulls_last=True), "measure", "slug"]
        constraints = [
            CuratedRecord.status_constraint("indicator"),
            kind_constraint("indicator", IndicatorKind),
            *partial_date_constraints("indicator", "as_of", "as_of_precision"),
            models.CheckConstraint(
                condition=Q(scope__in=IndicatorScope.values), name="indicator_scope_valid"
            ),
            models.CheckConstraint(
                condition=Q(comparison__in=Comparison.values), name="indicator_comparison_valid"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=False) | Q(change__isnull=False),
                name="indicator_has_a_figure",
            ),
            models.CheckConstraint(
                condition=Q(kind="rank") | Q(change__isnull=True),
                name="indicator_change_is_in_places",
            ),
            models.CheckConstraint(condition=~Q(country=""), name="indicator_country_given"),
        ]
        indexes = [models.Index(fields=["country", "status"], name="indicator_country_idx")]

    def __str__(self) -> str:
        place = f"{self.city} ({self.country})" if self.city else str(self.country)
        return f"{self.measure}: {place}"

    def get_absolute_url(self) -> str:
        """Its line on the country's page (the site has no page per indicator)."""
        code = str(self.country).lower()
        return reverse("country-detail", kwargs={"code": code}) + f"#indicator-{self.slug}"

    def clean(self) -> None:
        errors = partial_date_errors(self.as_of, self.as_of_precision, date_field="as_of")
        if self.value is None and self.change is None:
            errors["value"] = _(
                "Give the value, or the change in places when the source gives only that."
            )
        if self.change is not None and self.kind != IndicatorKind.RANK:
            errors["change"] = _("A change in places belongs to a rank.")
        if self.kind == IndicatorKind.RANK:
            for name in ("value", "previous_value"):
                figure = getattr(self, name)
                if figure is not None and (figure < 1 or figure != figure.to_integral_value()):
                    errors[name] = _("A rank is a whole number, 1 or more.")
        if errors:
            raise ValidationError(errors)

    @property
    def as_of_partial(self) -> PartialDate:
        return PartialDate.from_stored(self.as_of, self.as_of_precision)

    @staticmethod
    def plain(number: Decimal | None) -> str:
        """A figure without the stored padding: 88, 0.687, 23."""
        if number is None:
            return ""
        return format(number.normalize(), "f")
