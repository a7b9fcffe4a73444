"""Events: fairs, summits, assemblies and meetings where agreements are signed or discussed."""

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
    padding_constraints,
    partial_date_constraints,
    partial_date_errors,
    precision_field,
)


class EventKind(models.TextChoices):
    TRADE_FAIR = "trade_fair", _("Trade fair")
    SUMMIT = "summit", _("Summit")
    GENERAL_ASSEMBLY = "general_assembly", _("General assembly")
    NATIONAL_CONFERENCE = "national_conference", _("National conference")
    FORUM = "forum", _("Forum")
    BILATERAL_MEETING = "bilateral_meeting", _("Bilateral meeting")
    PARLIAMENTARY_SESSION = "parliamentary_session", _("Parliamentary session")
    LAUNCH = "launch", _("Launch")
    OTHER = "other", _("Other")


class Event(CuratedRecord):
    """Something that happened at a place over a period: a fair, a summit, a meeting."""

    # What a citation of this kind of record may say it backs.
    cited_fields = (
        "name", "kind", "start_date", "end_date", "city", "country", "parent",
        "description", "organizations", "participants",
    )  # fmt: skip

    name = models.CharField(_("name"), max_length=300)
    # A meeting the article describes without naming: the name is the editors' wording,
    # and the public pages and the API say so.
    name_is_editorial = models.BooleanField(
        _("name is editorial"),
        default=False,
        help_text=_("The sources do not print this name; the editors wrote it."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = precision_field(_("date precision"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("held on the sidelines of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    organizations = models.ManyToManyField(
        "partners.Organization",
        verbose_name=_("organizations involved"),
        blank=True,
        related_name="events",
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("publish_event", _("Can publish and unpublish events"))]
        ordering = [F("start_date").desc(nulls_last=True), "slug"]
        constraints = [
            CuratedRecord.status_constraint("event"),
            kind_constraint("event", EventKind),
            *partial_date_constraints("event", "start_date", "date_precision"),
            *padding_constraints("event", "end_date", "date_precision"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=False, end_date__gte=F("start_date")),
                name="event_end_not_before_start",
            ),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="event_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("event-detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = partial_date_errors(self.start_date, self.date_precision, date_field="start_date")
        if self.end_date is not None:
            if self.start_date is None:
                errors.setdefault("end_date", _("An end date needs a start date."))
            elif self.end_date < self.start_date:
                errors.setdefault("end_date", _("The end date cannot precede the start date."))
            else:
                errors.update(
                    partial_date_errors(self.end_date, self.date_precision, date_field="end_date")
                )
        if self.parent_id is not None and self.parent_id == self.pk:
            errors["parent"] = _("An event cannot be held on its own sidelines.")
        if errors:
            raise ValidationError(errors)

    @property
    def start_partial(self) -> PartialDate:
        return PartialDate.from_stored(self.start_date, self.date_precision)

    @property
    def end_partial(self) -> PartialDate:
        return PartialDate.from_stored(self.end_date, self.date_precision)


class EventParticipant(models.Model):
    """A person who took part in an event, in a role the source describes."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(
        "partners.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="event_participations",
    )
    organization = models.ForeignKey(
        "partners.Organization",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_participations",
    )
    role = models.CharField(_("role"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["event", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="event_participant_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.event}"
