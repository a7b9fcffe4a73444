"""An article an editor pasted, what the extractor proposed from it, and what was decided.

The intake stays after the review: an editor can come back to it, see which proposals were
accepted or rejected, why, by whom, and which records each acceptance created or changed.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import SourceDocument
from intake.extract import proposals as proposals_module
from intake.extract.proposals import ArticleProposals


class ArticleIntake(models.Model):
    """One pasted article (stored as a source document) and the proposals drawn from it."""

    source = models.OneToOneField(
        SourceDocument,
        verbose_name=_("source document"),
        on_delete=models.PROTECT,
        related_name="intake",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pasted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="article_intakes",
    )
    created_at = models.DateTimeField(_("pasted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # `intake.extract.proposals.ArticleProposals`, as `intake.services.proposals_as_json`
    # stores it: the proposals stay as the extractor made them, whatever is decided.
    proposals = models.JSONField(_("proposals"), default=dict)
    extraction_ms = models.PositiveIntegerField(_("extraction time (ms)"), null=True)

    class Meta:
        verbose_name = _("article intake")
        verbose_name_plural = _("article intakes")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return str(self.source)

    def article_proposals(self) -> ArticleProposals:
        return proposals_from_json(self.proposals)


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class IntakeDecision(models.Model):
    """What an editor decided about one proposal, why, and the records it wrote."""

    intake = models.ForeignKey(
        ArticleIntake,
        verbose_name=_("article intake"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    proposal_key = models.CharField(_("proposal"), max_length=40)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="intake_decisions",
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now=True)
    # What was written, as the editor left it (edited values, conflict choices), and the
    # records written: [{"kind": "agreement", "pk": 3, "label": "...", "created": true}].
    values = models.JSONField(_("values written"), default=dict, blank=True)
    records = models.JSONField(_("records written"), default=list, blank=True)

    class Meta:
        verbose_name = _("intake decision")
        verbose_name_plural = _("intake decisions")
        ordering = ["intake", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["intake", "proposal_key"], name="intake_decision_unique"
            ),
            models.CheckConstraint(
                condition=Q(decision__in=Decision.values), name="intake_decision_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.proposal_key}: {self.get_decision_display()}"


# -- the proposals as stored --------------------------------------------------------------


def proposals_as_json(proposals: ArticleProposals) -> dict[str, Any]:
    """The proposals as JSON (partial dates as their parts, so nothing is padded)."""
    return dataclasses.asdict(proposals)


def proposals_from_json(data: dict[str, Any]) -> ArticleProposals:
    """The stored proposals, back as the extractor's dataclasses."""
    return _decode(ArticleProposals, data)


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [option for option in typing.get_args(hint) if option is not type(None)]
        return _decode(options[0], value)
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_decode(item, element) for element in value]
    if origin is typing.Literal or isinstance(hint, typing.TypeVar):
        return value
    if origin is not None and dataclasses.is_dataclass(origin):
        # Proposed[int]: the parameter is the type of its `value`.
        (parameter,) = typing.get_args(hint)
        fields = typing.get_type_hints(origin, vars(proposals_module))
        return origin(
            value=_decode(parameter, value["value"]),
            **{
                name: _decode(fields[name], element)
                for name, element in value.items()
                if name != "value"
            },
        )
    if dataclasses.is_dataclass(hint):
        fields = typing.get_type_hints(hint, vars(proposals_module))
        return hint(**{name: _decode(fields[name], element) for name, element in value.items()})
    return value
