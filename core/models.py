"""The evidence every record rests on: the source documents, and the quotes that cite them.

At the bottom of the layers, so that every app can cite its records. A citation points at
any record (a generic relation): organizations, people, events, initiatives, agreements.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.records import (
    VersionedRecord,
    partial_date_constraints,
    partial_date_errors,
    precision_field,
)


class SourceLanguage(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    OTHER = "other", _("Another language")


class SourceDocument(VersionedRecord):
    """A published text the record relies on, stored in full so every quote can be checked."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=500)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    dateline = models.CharField(
        _("dateline"),
        max_length=120,
        blank=True,
        help_text=_("The place the article is filed from, as printed (“الرباط”, “Marrakech”)."),
    )
    credits = models.CharField(
        _("other credits"),
        max_length=300,
        blank=True,
        help_text=_("Photographs, translation, agency: as the page credits them."),
    )
    language = models.CharField(
        _("language"), max_length=8, default=SourceLanguage.ARABIC, choices=SourceLanguage.choices
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_on_precision = precision_field(_("publication date precision"))
    url = models.URLField(_("URL"), max_length=500, blank=True)
    # The file a seed source was read from; a source pasted by an editor has none.
    file_name = models.CharField(_("original file name"), max_length=200, blank=True)
    text = models.TextField(_("full text"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        # Tables named when these models were part of `agreements`: moved without a copy.
        db_table = "agreements_sourcedocument"
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")
        ordering = ["file_name"]
        constraints = [
            *partial_date_constraints("source", "published_on", "published_on_precision"),
            models.CheckConstraint(condition=~Q(text=""), name="source_text_not_empty"),
            models.UniqueConstraint(
                fields=["file_name"], condition=~Q(file_name=""), name="source_file_name_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("source-detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = partial_date_errors(
            self.published_on, self.published_on_precision, date_field="published_on"
        )
        if errors:
            raise ValidationError(errors)


class Citation(models.Model):
    """A verbatim passage of a source that supports a record, and the fields it backs."""

    source = models.ForeignKey(
        SourceDocument,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        related_name="citations",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    quote = models.TextField(_("quote"))
    fields = models.JSONField(
        _("fields backed"),
        default=list,
        blank=True,
        help_text=_("Names of the record's fields this passage supports."),
    )

    class Meta:
        db_table = "agreements_citation"
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["content_type", "object_id", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="citation_record_idx")]
        constraints = [
            models.CheckConstraint(condition=~Q(quote=""), name="citation_quote_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.quote[:60]}"

    def clean(self) -> None:
        errors = {}
        model = self.content_type.model_class() if self.content_type_id else None
        allowed = getattr(model, "cited_fields", ())
        unknown = [name for name in self.fields or [] if name not in allowed]
        if model is not None and unknown:
            errors["fields"] = _("Unknown field name: %(names)s. Use: %(allowed)s.") % {
                "names": ", ".join(map(str, unknown)),
                "allowed": ", ".join(allowed),
            }
        if self.source_id and self.quote and self.quote not in self.source.text:
            errors["quote"] = _(
                "This passage does not occur word for word in “%(source)s”. Paste it "
                "exactly as the source prints it."
            ) % {"source": self.source}
        if errors:
            raise ValidationError(errors)


class RevisionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Revision(models.Model):
    """A change an editor proposed to a published record, waiting for a publisher.

    The public keeps seeing the published record until a publisher approves the change.
    `base` is the record as it stood when the change was proposed (at `base_version`),
    `proposed` the record as the change would leave it: fields in every language, its
    many-to-many links, its parts (parties, signatories, positions...) and its citations,
    as `core.snapshots` captures them. Approving applies what differs between the two.
    """

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")
    record_label = models.CharField(_("record name"), max_length=500)
    base_version = models.PositiveIntegerField(_("based on version"))
    base = models.JSONField(_("record before the change"))
    proposed = models.JSONField(_("record after the change"))
    note = models.TextField(_("note"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        related_name="proposed_revisions",
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RevisionStatus.choices,
        default=RevisionStatus.PENDING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decided_revisions",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason for the decision"), blank=True)

    class Meta:
        verbose_name = _("proposed revision")
        verbose_name_plural = _("proposed revisions")
        ordering = ["-proposed_at", "-id"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "status"], name="revision_record_idx"
            ),
            models.Index(fields=["status", "-proposed_at"], name="revision_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RevisionStatus.values), name="revision_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=RevisionStatus.PENDING)
                | (Q(decided_by__isnull=False) & Q(decided_at__isnull=False)),
                name="revision_decision_recorded",
            ),
            models.CheckConstraint(
                condition=~Q(status=RevisionStatus.REJECTED) | ~Q(reason=""),
                name="revision_rejection_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return _("Revision %(number)s of %(record)s") % {
            "number": self.pk,
            "record": self.record_label,
        }
