"""Partner organizations and the people who act for them."""

from django.contrib.contenttypes.fields import GenericRelation
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


def aliases_field() -> models.TextField:
    """Other spellings of a name (organizations and people), searched like it."""
    return models.TextField(
        _("other names"),
        blank=True,
        help_text=_(
            "Other spellings and transliterations a reader may type, one per line "
            "(ميسترال for Mistral, Seghrouchni for Saghrouchni). Searched like the name, "
            "never shown as a fact."
        ),
    )


class OrganizationKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    GOVERNMENT_DEPARTMENT = "government_department", _("Government department")
    PUBLIC_AGENCY = "public_agency", _("Public agency")
    PUBLIC_INSTITUTION = "public_institution", _("Public institution")
    PARLIAMENT = "parliament", _("Parliament")
    COMPANY = "company", _("Company")
    INVESTMENT_FUND = "investment_fund", _("Investment fund")
    ASSOCIATION = "association", _("Association")
    INTERNATIONAL_ORGANIZATION = "international_organization", _("International organization")
    UN_AGENCY = "un_agency", _("UN agency")
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    MEDIA = "media", _("Media")
    OTHER = "other", _("Other")


class Organization(CuratedRecord):
    """A ministry, agency, company or international body that is party to, or around, agreements."""

    # What a citation of this kind of record may say it backs.
    cited_fields = ("name", "acronym", "kind", "country", "parent", "description")

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganizationKind.choices)
    country = CountryField(
        _("country"), blank=True, help_text=_("Leave blank for international bodies.")
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    aliases = aliases_field()
    wikidata_id = models.CharField(
        _("Wikidata ID"),
        max_length=20,
        blank=True,
        help_text=_("For example Q123456."),
    )

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        permissions = [("publish_organization", _("Can publish and unpublish organizations"))]
        ordering = ["slug"]
        constraints = [
            CuratedRecord.status_constraint("organization"),
            kind_constraint("organization", OrganizationKind),
            models.CheckConstraint(
                condition=~Q(parent=F("id")), name="organization_not_own_parent"
            ),
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__startswith="Q"),
                name="organization_wikidata_id_format",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organization-detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.parent_id is not None and self.parent_id == self.pk:
            raise ValidationError({"parent": _("An organization cannot be its own parent.")})


class Person(CuratedRecord):
    """A person named by a source: a signatory, a witness, a speaker."""

    # What a citation of this kind of record may say it backs.
    cited_fields = ("name",)

    name = models.CharField(_("name"), max_length=200)
    aliases = aliases_field()
    wikidata_id = models.CharField(_("Wikidata ID"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        permissions = [("publish_person", _("Can publish and unpublish people"))]
        ordering = ["slug"]
        constraints = [
            CuratedRecord.status_constraint("person"),
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__startswith="Q"),
                name="person_wikidata_id_format",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("person-detail", kwargs={"slug": self.slug})


class Position(models.Model):
    """A title a person held at an organization, over a period the sources may only partly give."""

    # What a citation of this kind of record may say it backs.
    cited_fields = ("title", "organization", "start", "end")

    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="positions"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="positions",
    )
    title = models.CharField(_("title"), max_length=300)
    start = models.DateField(_("start"), null=True, blank=True)
    start_precision = precision_field(_("start precision"))
    end = models.DateField(_("end"), null=True, blank=True)
    end_precision = precision_field(_("end precision"))
    citations = GenericRelation("core.Citation")

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["person__slug", "slug"]
        constraints = [
            *partial_date_constraints("position", "start", "start_precision"),
            *partial_date_constraints("position", "end", "end_precision"),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
                name="position_end_not_before_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.organization})"

    def clean(self) -> None:
        errors = {
            **partial_date_errors(self.start, self.start_precision, date_field="start"),
            **partial_date_errors(self.end, self.end_precision, date_field="end"),
        }
        if self.start and self.end and self.end < self.start and "end" not in errors:
            errors["end"] = _("The end date cannot precede the start date.")
        if errors:
            raise ValidationError(errors)

    @property
    def start_partial(self) -> PartialDate:
        return PartialDate.from_stored(self.start, self.start_precision)

    @property
    def end_partial(self) -> PartialDate:
        return PartialDate.from_stored(self.end, self.end_precision)
