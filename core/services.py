"""The write path every kind of record shares: permission to publish, rules, history.

Each app's services build on these, and so do the admin (forms, actions, revert, delete)
and the API: a record is saved by `save_record` or an app's service, its status changes by
`set_status`, it is deleted by `delete_record`, and every one of them ends with
`finish_write` (or, for a deletion, the dependents check), which asks `core.rules` what
the record's kind requires. A refused write
raises `ValidationError` naming the rule and the record in the active language; the
caller's transaction then leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from modeltranslation.translator import NotRegistered, translator

from core import rules, snapshots
from core.models import Citation, SourceDocument
from core.records import LANGUAGES, PartialDate, PublicationStatus, has_field
from core.slugs import fill_slug

UNSET: Any = object()

Translations = Mapping[str, str]
User = AbstractBaseUser | AnonymousUser


def history_user(actor: User) -> AbstractBaseUser | None:
    return actor if getattr(actor, "is_authenticated", False) else None


def set_translations(obj: models.Model, name: str, values: Translations | None) -> None:
    """Set the given languages of a translated field; the languages not given stay."""
    for language, text in (values or {}).items():
        if language not in LANGUAGES:
            raise ValidationError({name: _("Unknown language “%(code)s”.") % {"code": language}})
        setattr(obj, f"{name}_{language}", text or "")


DATE_FORMAT_MESSAGE = gettext_lazy(
    "Enter a date written YYYY, YYYY-MM or YYYY-MM-DD, as the source gives it."
)


def set_partial_date(obj: models.Model, date_field: str, precision_field: str, value) -> None:
    try:
        date = value if isinstance(value, PartialDate) else PartialDate.parse(value)
    except ValueError:
        raise ValidationError({date_field: DATE_FORMAT_MESSAGE}) from None
    setattr(obj, date_field, date.first_day())
    setattr(obj, precision_field, date.precision.value)


def has_status(obj: models.Model) -> bool:
    return has_field(obj, "status")


def may_publish(actor: User, model: type[models.Model]) -> bool:
    return actor.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")


def check_status_change(*, actor: User, obj: models.Model, status: str) -> None:
    """Publishing and unpublishing take the model's publish permission."""
    if status == obj.status:
        return
    if status not in PublicationStatus.values:
        raise ValidationError({"status": _("Choose draft or published.")})
    if not may_publish(actor, type(obj)):
        raise PermissionDenied(_("You may not publish or unpublish this kind of record."))
    obj.status = status


def save_validated(obj: models.Model, *, actor: User, reason: str) -> None:
    """Validate the whole record (fields, constraints, clean()) and save it with history.

    A record left without a slug gets one made from its title (`core.slugs`)."""
    fill_slug(obj)
    obj.full_clean()
    obj._history_user = history_user(actor)
    obj._change_reason = reason
    obj.save()


def refusal(record: models.Model, problems: list[tuple[str, str]]) -> ValidationError:
    """One error naming the record and every rule it breaks, by the field at fault."""
    errors: dict[str, list[str]] = {}
    for field_name, problem in problems:
        # Translators: a refusal: the kind of record, its name, then the rule it breaks
        # (which starts in lower case).
        message = capfirst(
            _("%(kind)s %(name)s: %(problem)s")
            % {"kind": record._meta.verbose_name, "name": rules.quoted(record), "problem": problem}
        )
        errors.setdefault(field_name, []).append(message)
    return ValidationError(errors, code="rule")


def enforce_rules(record: models.Model, *, previous_status: str | None = None) -> None:
    """Refuse the write unless the record, as it now stands, keeps every rule of its kind.

    Run after the record and its parts are written, inside the caller's transaction.
    """
    problems = rules.write_problems(record)
    if has_status(record):
        if record.status == PublicationStatus.PUBLISHED:
            problems += rules.publication_problems(record)
        elif previous_status == PublicationStatus.PUBLISHED:
            problems += rules.dependents(record)
    if problems:
        raise refusal(record, problems)


def finish_write(
    record: models.Model, *, previous_status: str | None = None, actor: Any = UNSET
) -> None:
    """After a record and its parts are written: refresh what depends on it, then refuse
    the whole write unless every rule of its kind holds; then hold it for review if the
    record is published and the writer may not publish it."""
    rules.run_effects(record)
    enforce_rules(record, previous_status=previous_status)
    hold_for_review(
        record, actor=getattr(record, "_history_user", None) if actor is UNSET else actor
    )


def hold_for_review(record: models.Model, *, actor: User | None) -> None:
    """The review rule: a published record changes at once only by its publishers.

    Anyone else's change, once every rule above has run on it, is captured as it would
    leave the record and refused with `ProposedChange`, which undoes the write; the route
    that catches it stores the capture as a revision (`core.revisions.propose`) for a
    publisher to approve. A route that does not catch it shows a refusal: the change is
    never applied. A change to a part kept on its own page (a citation, a position) is a
    change to the record it belongs to.
    """
    reviewed = snapshots.reviewed_record(record)
    if reviewed is None or reviewed.status != PublicationStatus.PUBLISHED:
        return
    if actor is not None and may_publish(actor, type(reviewed)):
        return
    raise snapshots.ProposedChange(reviewed, snapshots.capture(reviewed), actor)


# -- evidence ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CitationInput:
    source: SourceDocument
    quote: str
    fields: Sequence[str] = ()


def set_citations(*, actor: User, record: models.Model, citations: Sequence[CitationInput]) -> None:
    """Replace the record's citations; every quote must occur verbatim in its source.

    Whether the record may be left with no citation is its kind's rule, checked by
    `finish_write` once the whole write is done.
    """
    errors = {}
    for index, citation in enumerate(citations):
        if not citation.quote.strip():
            errors[f"citations[{index}].quote"] = _("The quote is empty.")
        elif citation.quote not in citation.source.text:
            errors[f"citations[{index}].quote"] = _(
                "This passage does not occur word for word in “%(source)s”."
            ) % {"source": citation.source.slug}
    if errors:
        raise ValidationError(errors)
    content_type = ContentType.objects.get_for_model(record)
    for old in Citation.objects.filter(content_type=content_type, object_id=record.pk):
        old._history_user = history_user(actor)
        old.delete()
    for index, citation in enumerate(citations):
        row = Citation(
            content_type=content_type,
            object_id=record.pk,
            source=citation.source,
            quote=citation.quote,
            fields=list(citation.fields),
        )
        try:
            save_validated(row, actor=actor, reason="api")
        except ValidationError as error:
            raise ValidationError(
                {
                    f"citations[{index}].{name}": messages
                    for name, messages in error.message_dict.items()
                }
            ) from None


# -- one record, whatever its kind ---------------------------------------------------------


def open_for_write(
    model: type[models.Model], record: models.Model | None, *, actor: User, slug: Any, status: Any
) -> tuple[Any, str | None]:
    """The record a service writes: a new draft (no `record` given) or the stored one, its
    row locked until the write commits; with the status asked for, if the actor may.

    Returns it with the status stored before, for `close_write`.
    """
    if record is None:
        # No slug given: `save_validated` makes one from the title.
        record = model(slug="" if slug is UNSET or slug is None else slug)
        previous = None
    else:
        record = model._default_manager.select_for_update().get(pk=record.pk)
        previous = getattr(record, "status", None)
    if has_status(record):
        if previous is None:
            record.status = PublicationStatus.DRAFT
        if status is not UNSET:
            check_status_change(actor=actor, obj=record, status=status)
    return record, previous


def close_write(
    record: models.Model, *, actor: User, citations: Any = UNSET, previous_status: str | None
) -> None:
    """The record's evidence, if given (replaced whole), then what every write ends with."""
    if citations is not UNSET:
        set_citations(actor=actor, record=record, citations=citations)
    finish_write(record, previous_status=previous_status, actor=actor)


def _stored(record: models.Model) -> dict[str, Any] | None:
    """The stored status and version of the record (None for a new one), its row locked."""
    if record.pk is None:
        return None
    names = [name for name in ("status", "version") if has_field(record, name)]
    return (
        type(record)
        ._default_manager.select_for_update()
        .filter(pk=record.pk)
        .values(*names)
        .first()
    )


class StaleRecord(ValidationError):
    """Someone saved the record after the writer read it: their change would be undone."""

    def __init__(self, record: models.Model, expected: int, current: int) -> None:
        self.expected, self.current = expected, current
        super().__init__({"version": [stale_message(record, expected)]}, code="stale")


def _shown(value: object) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def translated_fields(record: models.Model) -> tuple[str, ...]:
    """The names of the record's translated fields (title, summary...), not their columns."""
    try:
        return tuple(translator.get_options_for_model(type(record)).fields)
    except NotRegistered:
        return ()


def stale_message(record: models.Model, expected: int) -> str:
    """What changed since the version the writer read, from the record's history."""
    history = getattr(record, "history", None)
    changes: list[str] = []
    who = when = ""
    if history is not None:
        read = history.filter(version=expected).order_by("-history_id").first()
        latest = history.order_by("-history_id").first()
        if latest is not None:
            who = str(latest.history_user or _("the seed loader"))
            when = date_format(timezone.localtime(latest.history_date), "DATETIME_FORMAT")
        if read is not None and latest is not None:
            # Only the language columns: modeltranslation's base column repeats one of them.
            ignored = {"version", "updated_at", "search_document", *translated_fields(record)}
            for change in latest.diff_against(read, excluded_fields=ignored).changes:
                if _shown(change.old) == _shown(change.new):
                    continue  # empty and unset read the same to an editor
                changes.append(
                    _("%(field)s: %(old)s → %(new)s")
                    % {
                        # As the admin labels it: "title [fr]" for one language.
                        "field": record._meta.get_field(change.field).verbose_name,
                        "old": rules.quoted(_shown(change.old)),
                        "new": rules.quoted(_shown(change.new)),
                    }
                )
    message = _(
        "%(record)s was saved by %(who)s at %(when)s, after you opened it. "
        "Your changes are still in the form: compare them with what changed, then save again."
    ) % {"record": rules.quoted(record), "who": who or "—", "when": when or "—"}
    if changes:
        separator = pgettext("separator between changes in a list", "; ")
        message += " " + _("Changed since: %(changes)s.") % {"changes": separator.join(changes)}
    return message


def lock_version(record: models.Model, expected_version: int | None) -> dict[str, Any] | None:
    """Lock the record's row, and refuse the write if it changed since `expected_version`.

    Returns what is stored (status, version) for the caller's other checks.
    """
    stored = _stored(record)
    if stored is None or not has_field(record, "version"):
        return stored
    if expected_version is not None and stored["version"] != expected_version:
        raise StaleRecord(record, expected_version, stored["version"])
    # Counted from the stored version, not from a copy read before the lock.
    record.version = stored["version"]
    return stored


def save_record(
    *, actor: User, record: models.Model, reason: str, expected_version: int | None = None
) -> str | None:
    """Save a record built by a form (the admin's change form, a history revert).

    A status that differs from the stored one (or from draft, for a new record) takes the
    publish permission, whatever the form showed; a record saved by someone else since
    `expected_version` is refused. Returns the status stored before, for `finish_write`
    once the record's parts are written too.
    """
    stored = lock_version(record, expected_version)
    previous = stored.get("status") if stored else None
    if has_status(record):
        stored_status = previous or PublicationStatus.DRAFT
        if record.status != stored_status:
            wanted, record.status = record.status, stored_status
            check_status_change(actor=actor, obj=record, status=wanted)
    save_validated(record, actor=actor, reason=reason)
    return previous


@transaction.atomic
def set_status(*, actor: User, record: models.Model, status: str) -> models.Model:
    """Publish or unpublish one record, if its kind's rules allow it."""
    locked = type(record)._default_manager.select_for_update().get(pk=record.pk)
    previous = locked.status
    check_status_change(actor=actor, obj=locked, status=status)
    if locked.status == previous:
        return locked
    locked._history_user = history_user(actor)
    locked._change_reason = f"status: {status}"
    locked.save(update_fields=["status", "updated_at"])
    finish_write(locked, previous_status=previous, actor=actor)
    return locked


@transaction.atomic
def delete_record(*, actor: User, record: models.Model) -> None:
    """Delete a record no published record needs; a published one takes the publish right."""
    if has_status(record):
        status = (_stored(record) or {}).get("status")
        if status == PublicationStatus.PUBLISHED and not may_publish(actor, type(record)):
            raise PermissionDenied(_("Only a publisher may delete a published record."))
    problems = rules.dependents(record)
    if problems:
        raise refusal(record, problems)
    record._history_user = history_user(actor)
    record.delete()
    if not has_status(record):
        # A part deleted on its own page (a citation, a position) changes its record.
        hold_for_review(record, actor=actor)
