"""Agreements, the initiatives they serve, and the evidence behind every record."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.models import Citation, SourceDocument  # noqa: F401  (moved; old name kept for now)
from core.records import (
    CuratedRecord,
    PartialDate,
    kind_constraint,
    partial_date_constraints,
    partial_date_errors,
    precision_field,
)


class Theme(models.Model):
    """An editorial subject agreements are tagged with (artificial intelligence, startups...)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class InitiativeKind(models.TextChoices):
    STRATEGY = "strategy", _("Strategy")
    PROGRAMME = "programme", _("Programme")
    NETWORK = "network", _("Network")
    HUB = "hub", _("Hub")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure")
    INSTITUTION = "institution", _("Institution")
    OTHER = "other", _("Other")


class Initiative(CuratedRecord):
    """A national programme or institution agreements serve (Digital Morocco 2030, Jazari...)."""

    # What a citation of this kind of record may say it backs.
    cited_fields = ("name", "kind", "description", "lead", "partners", "launched_on", "parent")

    name = models.CharField(_("name"), max_length=300)
    # The sources describe some programmes without naming them: such a name is the
    # editors' wording, and the public pages and the API say so.
    name_is_editorial = models.BooleanField(
        _("name is editorial"),
        default=False,
        help_text=_("The sources do not print this name; the editors wrote it."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InitiativeKind.choices)
    description = models.TextField(_("description"), blank=True)
    lead = models.ForeignKey(
        "partners.Organization",
        verbose_name=_("lead organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_initiatives",
    )
    partners = models.ManyToManyField(
        "partners.Organization",
        verbose_name=_("partner organizations"),
        blank=True,
        related_name="partner_initiatives",
    )
    launched_on = models.DateField(_("launched on"), null=True, blank=True)
    launched_on_precision = precision_field(_("launch date precision"))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent initiative"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["slug"]
        permissions = [("publish_initiative", _("Can publish and unpublish initiatives"))]
        constraints = [
            CuratedRecord.status_constraint("initiative"),
            kind_constraint("initiative", InitiativeKind),
            *partial_date_constraints("initiative", "launched_on", "launched_on_precision"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="initiative_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("initiative-detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = partial_date_errors(
            self.launched_on, self.launched_on_precision, date_field="launched_on"
        )
        if self.parent_id is not None and self.parent_id == self.pk:
            errors["parent"] = _("An initiative cannot be part of itself.")
        if errors:
            raise ValidationError(errors)

    @property
    def launched_partial(self) -> PartialDate:
        return PartialDate.from_stored(self.launched_on, self.launched_on_precision)


class AgreementKind(models.TextChoices):
    MOU = "mou", _("Memorandum of understanding")
    PROTOCOL = "protocol", _("Protocol agreement")
    AGREEMENT = "agreement", _("Agreement")
    DECLARATION_OF_INTENT = "declaration_of_intent", _("Declaration of intent")
    OTHER = "other", _("Other")


class AgreementQuerySet(models.QuerySet):
    def published(self) -> AgreementQuerySet:
        return self.filter(status="published")

    def with_partner(self, slug: str) -> AgreementQuerySet:
        return self.filter(parties__organization__slug=slug).distinct()

    def signed_between(self, start, end) -> AgreementQuerySet:
        return self.filter(signed_on__gte=start, signed_on__lte=end)


class Agreement(CuratedRecord):
    """A signed instrument: memorandum, protocol, declaration of intent..."""

    # What a citation of this kind of record may say it backs.
    cited_fields = (
        "title", "kind", "signed_on", "place", "event", "duration_months", "renews", "themes",
        "initiatives", "summary", "objectives", "parties", "signatories", "attendees",
    )  # fmt: skip

    title = models.CharField(_("title"), max_length=400)
    # An article may report a signing without printing the instrument's title: such a
    # title is the editors' wording, and the public pages and the API say so.
    title_is_editorial = models.BooleanField(
        _("title is editorial"),
        default=False,
        help_text=_("The sources do not print this title; the editors wrote it."),
    )
    kind = models.CharField(_("kind"), max_length=24, choices=AgreementKind.choices)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_on_precision = precision_field(_("signing date precision"))
    place_city = models.CharField(_("city"), max_length=120, blank=True)
    place_country = CountryField(_("country"), blank=True)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("signed at event"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration in months"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    renews = models.ForeignKey(
        "self",
        verbose_name=_("renews or extends"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewed_by",
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="agreements"
    )
    initiatives = models.ManyToManyField(
        Initiative, verbose_name=_("initiatives"), blank=True, related_name="agreements"
    )
    summary = models.TextField(_("summary"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    # What a reader must know about the record itself, e.g. that the article does not
    # say who put pen to paper. Shown on the public page.
    public_note = models.TextField(
        _("note to readers"),
        blank=True,
        help_text=_("Shown on the public page: what the sources leave open about this record."),
    )
    search_document = models.TextField(
        _("search document"),
        blank=True,
        editable=False,
        help_text=_(
            "The stems of the title, summary, kind, parties and signatories in every "
            "language, for search."
        ),
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        permissions = [("publish_agreement", _("Can publish and unpublish agreements"))]
        ordering = [F("signed_on").desc(nulls_last=True), "id"]
        constraints = [
            CuratedRecord.status_constraint("agreement"),
            kind_constraint("agreement", AgreementKind),
            *partial_date_constraints("agreement", "signed_on", "signed_on_precision"),
            models.CheckConstraint(
                condition=Q(duration_months__isnull=True) | Q(duration_months__gt=0),
                name="agreement_duration_positive",
            ),
            models.CheckConstraint(condition=~Q(renews=F("id")), name="agreement_not_own_renewal"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agreement-detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = partial_date_errors(
            self.signed_on, self.signed_on_precision, date_field="signed_on"
        )
        if self.renews_id is not None and self.renews_id == self.pk:
            errors["renews"] = _("An agreement cannot renew itself.")
        if errors:
            raise ValidationError(errors)

    @property
    def signed_partial(self) -> PartialDate:
        return PartialDate.from_stored(self.signed_on, self.signed_on_precision)

    @property
    def expires_partial(self) -> PartialDate:
        """Signing date plus duration, at the signing date's precision (never finer)."""
        return self.signed_partial.plus_months(self.duration_months)


class AgreementParty(models.Model):
    """An organization bound by an agreement."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="parties"
    )
    organization = models.ForeignKey(
        "partners.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="agreement_parties",
    )

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["agreement", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organization"], name="agreement_party_unique"
            ),
        ]

    def __str__(self) -> str:
        return str(self.organization)


class Signatory(models.Model):
    """A signing act: who signed, for which party, under the title the source prints."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="signatories",
    )
    person = models.ForeignKey(
        "partners.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    organization = models.ForeignKey(
        "partners.Organization",
        verbose_name=_("signed for"),
        on_delete=models.PROTECT,
        related_name="signatures",
        help_text=_("Must be one of the agreement's parties."),
    )
    title = models.CharField(
        _("title at signing"),
        max_length=300,
        blank=True,
        help_text=_("As the source prints it; office-holders change."),
    )
    position = models.ForeignKey(
        "partners.Position",
        verbose_name=_("position"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signatures",
    )

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["agreement", "id"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "person"], name="signatory_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.organization})"


class Attendee(models.Model):
    """A person who witnessed a signing without signing."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="attendees"
    )
    person = models.ForeignKey(
        "partners.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    organization = models.ForeignKey(
        "partners.Organization",
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    position = models.ForeignKey(
        "partners.Position",
        verbose_name=_("position"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attendances",
    )

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["agreement", "id"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "person"], name="attendee_unique"),
        ]

    def __str__(self) -> str:
        return str(self.person)


class SeedSnapshot(models.Model):
    """The values `load_seeds` last wrote to a record, to tell an editor's change from a seed's.

    On a re-run, a field whose current value still equals the snapshot takes the seed's new
    value; a field that differs from it was changed by an editor and is kept.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    values = models.JSONField(default=dict)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("seed snapshot")
        verbose_name_plural = _("seed snapshots")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="seed_snapshot_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} #{self.object_id}"


class SearchWord(models.Model):
    """A word of a published agreement's search text (normalized, not stemmed), offered
    in place of a misspelt word of a query that finds nothing (agreements.search)."""

    word = models.CharField(_("word"), max_length=100, unique=True)
    # The word's stems between spaces (" مذكر "), matched as the search documents are:
    # a query's term whose stem begins none of them cannot match a published agreement.
    stems = models.CharField(_("stems"), max_length=210)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.word
