"""Admin building blocks every app shares: language direction, and writes through the services.

Every route of the admin that writes — the change form with its inlines, the history's
"Revert", the publish actions, delete (one record or a selection) — goes through
`core.services`, so the rules of `core.rules` hold here exactly as in the API and the
seed loader. A refused write is rolled back whole and shown to the editor in their
language: on the form, with their input still on screen; as a message elsewhere.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.contrib.contenttypes.admin import GenericTabularInline
from django.contrib.contenttypes.forms import BaseGenericInlineFormSet
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core import revisions, rules, services, snapshots, visibility
from core.forms import (
    CitedFieldsField,
    EditorAdminMixin,
    all_cited_field_choices,
    cited_field_choices,
)
from core.history import attach_field_diffs, diffs_to_version
from core.models import Citation, Revision, RevisionStatus
from core.records import PublicationStatus

REFUSED = (ValidationError, PermissionDenied)


def as_validation_error(refusal: Exception) -> ValidationError:
    if isinstance(refusal, ValidationError):
        return refusal
    return ValidationError(str(refusal) or _("You may not make this change."))


def refusal_messages(refusal: Exception) -> list[str]:
    return [str(message) for message in as_validation_error(refusal).messages]


class LanguageDirectionMixin:
    """Arabic inputs are right-to-left, French and English left-to-right, whatever the UI."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)  # set on modeltranslation's fields
        if formfield is not None and language:
            formfield.widget.attrs.update(
                {"lang": language, "dir": "rtl" if language == "ar" else "ltr"}
            )
        return formfield


def refused_form(form_class: type[forms.ModelForm], refusal: ValidationError) -> type:
    """The same form, invalid with the service's refusal, so the admin shows it in place."""

    class RefusedForm(form_class):
        def clean(self):
            cleaned = super().clean()
            errors = refusal.error_dict if hasattr(refusal, "error_dict") else {None: [refusal]}
            for name, messages_ in errors.items():
                # A field the form does not show (a read-only status) errs on the whole form.
                field = name if name in self.fields else None
                for message in messages_:
                    self.add_error(field, message)
            return cleaned

    RefusedForm.__name__ = form_class.__name__
    return RefusedForm


def posted_version(request: HttpRequest) -> int | None:
    """The version of the record the editor's form was loaded at (absent: not checked)."""
    value = request.POST.get("_version", "")
    return int(value) if value.isdigit() and len(value) < 10 else None


class ServiceWritesMixin:
    """Saves, reverts and deletes through `core.services`; refusals shown, nothing written.

    The change form carries the version of the record it was loaded at (`_version`); a
    save from a form older than the stored record is refused with what changed since, and
    the form comes back with the editor's input and the current version, so that saving
    again is a choice made knowing the other change.
    """

    change_reason = "admin"
    change_form_template = "admin/versioned_change_form.html"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        version = getattr(obj, "version", None)
        refusal = getattr(request, "_write_refusal", None)
        if request.method == "POST" and not isinstance(refusal, services.StaleRecord):
            # Still the version the editor started from, whatever else went wrong.
            version = posted_version(request) or version
        context["record_version"] = version
        if obj is not None and obj.pk is not None:
            context.update(review_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        refusal = getattr(request, "_write_refusal", None)
        return refused_form(form, refusal) if refusal is not None else form

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            # Django runs the whole view in one transaction: a refusal undoes it all.
            return super().changeform_view(request, object_id, form_url, extra_context)
        except revisions.ProposedChange as proposal:
            return self.held_for_review(request, proposal)
        except REFUSED as refusal:
            if request.method != "POST" or hasattr(request, "_write_refusal"):
                raise
            # Again, with the refusal as the form's errors: the input stays on screen.
            request._write_refusal = as_validation_error(refusal)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        request._stored_status = services.save_record(
            actor=request.user,
            record=obj,
            reason=getattr(request, "_change_reason", self.change_reason),
            expected_version=posted_version(request) if change else None,
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.finish_write(
            form.instance, previous_status=request._stored_status, actor=request.user
        )
        warn_linked_drafts(self, request, form.instance)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        # Word by word, whole texts, each language in its direction: see core.history.
        page = historical_records
        older = None
        if getattr(page, "has_next", lambda: False)():
            older = page.paginator.page(page.next_page_number()).object_list[:1]
            older = older[0] if older else None
        attach_field_diffs(page, older_than_page=older)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "POST":
            extra_context = {
                **(extra_context or {}),
                "revert_diffs": diffs_to_version(self.model, object_id, version_id),
            }
            return super().history_form_view(request, object_id, version_id, extra_context)
        request._change_reason = "revert"  # the history says the editor went back
        try:
            with transaction.atomic():
                response = super().history_form_view(request, object_id, version_id, extra_context)
                if isinstance(response, HttpResponseRedirect):
                    record = self.model._default_manager.get(pk=object_id)
                    services.finish_write(
                        record,
                        previous_status=getattr(request, "_stored_status", None),
                        actor=request.user,
                    )
                return response
        except revisions.ProposedChange as proposal:
            return self.held_for_review(request, proposal)
        except REFUSED as refusal:
            return self.refused(request, refusal, _("Not reverted: %(reason)s"))

    def held_for_review(
        self, request: HttpRequest, proposal: revisions.ProposedChange
    ) -> HttpResponseRedirect:
        """The record is published and the editor may not publish it: their change, undone,
        is kept as a revision for a publisher (see `core.revisions`)."""
        revision = revisions.propose(proposal, note=request.POST.get("_revision_note", ""))
        record = proposal.record
        if revision is None:
            self.message_user(request, _("Nothing was changed."), messages.INFO)
        else:
            self.message_user(
                request,
                format_html(
                    _("Your change to {record} waits for review by a publisher: {link}."),
                    record=rules.quoted(record),
                    link=format_html(
                        '<a href="{}">{}</a>',
                        reverse("admin:core_revision_change", args=[revision.pk]),
                        _("proposed revision %(number)s") % {"number": revision.pk},
                    ),
                ),
                messages.WARNING,
            )
        return HttpResponseRedirect(
            reverse(admin_urlname(record._meta, "change"), args=[record.pk])
        )

    def refused(self, request: HttpRequest, refusal: Exception, label: str) -> HttpResponseRedirect:
        """Each rule the write broke as an error message, back on the same page."""
        for message in refusal_messages(refusal):
            self.message_user(request, label % {"reason": message}, messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())

    def delete_model(self, request, obj):
        services.delete_record(actor=request.user, record=obj)

    def delete_queryset(self, request, queryset):
        # One by one, each in the history and each checked against the rules.
        for obj in queryset:
            self.delete_model(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except revisions.ProposedChange as proposal:
            return self.held_for_review(request, proposal)
        except REFUSED as refusal:
            return self.refused(request, refusal, _("Not deleted: %(reason)s"))

    def response_action(self, request, queryset, **kwargs):
        try:
            with transaction.atomic():
                return super().response_action(request, queryset, **kwargs)
        except REFUSED as refusal:
            return self.refused(request, refusal, _("Nothing deleted: %(reason)s"))


class PublishingMixin:
    """Only users with the model's `publish_<model>` permission change a record's status."""

    actions = ["publish_selected", "unpublish_selected"]

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return services.may_publish(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly.append("status")
        return readonly

    @admin.action(description=_("Publish the selected records"), permissions=["publish"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_status(request, queryset, PublicationStatus.PUBLISHED)

    @admin.action(description=_("Unpublish the selected records"), permissions=["publish"])
    def unpublish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_status(request, queryset, PublicationStatus.DRAFT)

    def _set_status(self, request: HttpRequest, queryset: QuerySet, status: str) -> None:
        changed = 0
        refused: list[str] = []
        for obj in queryset.exclude(status=status):
            try:
                done = services.set_status(actor=request.user, record=obj, status=status)
            except REFUSED as refusal:
                refused.extend(refusal_messages(refusal))
                continue
            changed += 1
            if status == PublicationStatus.PUBLISHED:
                warn_linked_drafts(self, request, done)
        if changed:
            message = (
                ngettext("%(count)d record published.", "%(count)d records published.", changed)
                if status == PublicationStatus.PUBLISHED
                else ngettext(
                    "%(count)d record unpublished.", "%(count)d records unpublished.", changed
                )
            )
            self.message_user(request, message % {"count": changed}, messages.SUCCESS)
        label = (
            _("Not published: %(reason)s")
            if status == PublicationStatus.PUBLISHED
            else _("Not unpublished: %(reason)s")
        )
        for line in refused:
            self.message_user(request, label % {"reason": line}, messages.ERROR)


class TranslatedHistoryAdmin(
    EditorAdminMixin,
    ServiceWritesMixin,
    LanguageDirectionMixin,
    SimpleHistoryAdmin,
    TabbedTranslationAdmin,
):
    """Tabs for ar/fr/en (Arabic right-to-left), history with diffs and revert, writes
    through the services."""

    list_per_page = 50


class CuratedAdmin(PublishingMixin, TranslatedHistoryAdmin):
    """A published-or-draft record: the above, plus publishing rights and actions."""

    save_on_top = True
    list_per_page = 50
    readonly_fields = ("created_at", "updated_at")


# -- evidence --------------------------------------------------------------------------------


class CitationForm(forms.ModelForm):
    """The fields backed are ticked, one checkbox per field of the record's kind
    (`cited_fields`), labelled in the editor's language; `Citation.clean` checks them
    against the kind again, and that the quote occurs verbatim in the source."""

    fields = CitedFieldsField()

    class Meta:
        model = Citation
        fields = ["source", "quote", "fields"]
        widgets = {"quote": forms.Textarea(attrs={"rows": 3, "dir": "auto"})}

    def __init__(self, *args, record_model=None, **kwargs):
        super().__init__(*args, **kwargs)
        if record_model is None and self.instance.content_type_id:
            record_model = self.instance.content_type.model_class()
        self.fields["fields"].choices = cited_field_choices(record_model)

    def clean_quote(self):
        quote = self.cleaned_data.get("quote") or ""
        # Pasting from a page often brings stray spaces or line ends around the passage.
        return quote.strip()


class StandaloneCitationForm(CitationForm):
    """A citation edited on its own page: the record is chosen here too, so a new one
    offers every kind's fields; `Citation.clean` refuses one its record's kind lacks."""

    class Meta(CitationForm.Meta):
        fields = ["source", "content_type", "object_id", "quote", "fields"]
        # The model names them "content type" and "object id", words no editor uses.
        labels = {"content_type": _("kind of record"), "object_id": _("record number")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.fields["fields"].choices:
            self.fields["fields"].choices = all_cited_field_choices()


class CitationFormSet(BaseGenericInlineFormSet):
    def get_form_kwargs(self, index):
        # The kind of record the citations belong to: its fields are the checkboxes (the
        # empty form that "Add another" copies included).
        return {**super().get_form_kwargs(index), "record_model": type(self.instance)}

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # Known before validation, so that `Citation.clean` checks the fields backed
        # against this kind of record (Django sets it only when saving).
        form.instance.content_type = ContentType.objects.get_for_model(self.instance)
        return form


class CitationInline(GenericTabularInline):
    """The evidence of a record, edited on the record's own page."""

    model = Citation
    form = CitationForm
    formset = CitationFormSet
    extra = 0
    autocomplete_fields = ["source"]
    verbose_name = _("citation")
    verbose_name_plural = _("citations (the evidence)")


def record_links(records) -> str:
    """An HTML list linking to each record's change page, with its status."""
    records = list(records)
    if not records:
        return _("None yet.")
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            '<li><a href="{}">{}</a> <span class="quiet">({})</span></li>',
            (
                (
                    reverse(admin_urlname(record._meta, "change"), args=[record.pk]),
                    str(record),
                    record.get_status_display(),
                )
                for record in records
            ),
        ),
    )


# -- review: editors' changes to published records, and what publishing leaves in draft -----


def linked_drafts_message(record, drafts) -> str:
    """Publishing a record whose linked records are drafts: which, with links."""
    return format_html(
        "{} {}",
        _(
            "%(record)s is published, but these linked records are still drafts: its public "
            "page does not show them."
        )
        % {"record": rules.quoted(record)},
        record_links(drafts),
    )


def review_context(request: HttpRequest, record) -> dict:
    """On a record's change page: the proposed changes waiting for it (a publisher sees
    all of them, an editor their own), whether the editor's save will wait for review, and
    the linked records still in draft."""
    if not services.has_status(record):
        return {}
    publisher = services.may_publish(request.user, type(record))
    pending = revisions.pending_for(record)
    if not publisher:
        pending = pending.filter(proposed_by=request.user)
    pending = list(pending)
    count = len(pending)
    if publisher:
        notice = ngettext(
            "%(count)d proposed change waiting for review",
            "%(count)d proposed changes waiting for review",
            count,
        )
    else:
        notice = ngettext(
            "You proposed %(count)d change, waiting for review",
            "You proposed %(count)d changes, waiting for review",
            count,
        )
    drafts = visibility.linked_drafts(record)
    return {
        "pending_revisions": [
            (
                reverse("admin:core_revision_change", args=[revision.pk]),
                _("proposed revision %(number)s, by %(who)s, %(when)s")
                % {
                    "number": revision.pk,
                    "who": revision.proposed_by,
                    "when": date_format(
                        timezone.localtime(revision.proposed_at), "SHORT_DATETIME_FORMAT"
                    ),
                },
            )
            for revision in pending
        ],
        "pending_notice": notice % {"count": count} if count else "",
        "review_required": record.status == PublicationStatus.PUBLISHED and not publisher,
        "linked_drafts": record_links(drafts) if drafts else "",
    }


def warn_linked_drafts(model_admin: admin.ModelAdmin, request: HttpRequest, record) -> None:
    """Publishing a record whose links are drafts: say which; the public page hides them."""
    if getattr(record, "status", None) != PublicationStatus.PUBLISHED:
        return
    drafts = visibility.linked_drafts(record)
    if drafts:
        model_admin.message_user(request, linked_drafts_message(record, drafts), messages.WARNING)


class RevisionKindFilter(admin.SimpleListFilter):
    """The kinds of record that have revisions, by their names (not "app | model")."""

    title = _("kind of record")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        used = model_admin.get_queryset(request).values_list("content_type", flat=True)
        kinds = ContentType.objects.filter(pk__in=used.distinct())
        return sorted(
            (
                (str(kind.pk), capfirst(kind.model_class()._meta.verbose_name_plural))
                for kind in kinds
                if kind.model_class() is not None
            ),
            key=lambda choice: str(choice[1]),
        )

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        return queryset.filter(content_type=value) if value.isdigit() else queryset.none()


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    """The review queue: publishers see every revision of the kinds they publish, and
    approve or reject them; an editor sees the revisions they proposed."""

    list_display = ["record_label", "kind", "proposed_by", "proposed_at", "status", "decided_by"]
    list_filter = ["status", RevisionKindFilter]
    list_select_related = ["content_type", "proposed_by", "decided_by"]
    search_fields = ["record_label", "note"]
    list_per_page = 50
    change_list_template = "admin/core/revision/change_list.html"

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        if not self.has_module_permission(request):
            return False
        return obj is None or obj.proposed_by_id == request.user.pk or self.may_decide(request, obj)

    def has_add_permission(self, request):
        return False  # proposed by saving a published record, never typed in

    def has_change_permission(self, request, obj=None):
        return False  # decided on its own page, never edited

    def has_delete_permission(self, request, obj=None):
        return False  # kept: the history of what was proposed and why it was refused

    def may_decide(self, request, revision: Revision) -> bool:
        model = revision.content_type.model_class()
        return model is not None and services.may_publish(request.user, model)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        user = request.user
        if user.is_superuser:
            return queryset
        # The kinds of record this user publishes, checked against the permissions once.
        used = ContentType.objects.filter(
            pk__in=Revision.objects.values_list("content_type", flat=True).distinct()
        )
        publishes = [
            kind.pk
            for kind in used
            if kind.model_class() is not None and services.may_publish(user, kind.model_class())
        ]
        return queryset.filter(Q(proposed_by=user) | Q(content_type__in=publishes))

    @admin.display(description=_("kind of record"), ordering="content_type")
    def kind(self, obj: Revision) -> str:
        model = obj.content_type.model_class()
        return capfirst(model._meta.verbose_name) if model is not None else "—"

    def changelist_view(self, request, extra_context=None):
        counts = (
            self.get_queryset(request)
            .filter(status=RevisionStatus.PENDING)
            .values("content_type")
            .annotate(count=Count("id"))
            .order_by()
        )
        summary = []
        for row in counts:
            model = ContentType.objects.get_for_id(row["content_type"]).model_class()
            if model is None:
                continue
            # "Agreements: 2", which reads right in every language, plural forms aside.
            summary.append(
                (
                    f"?status={RevisionStatus.PENDING}&kind={row['content_type']}",
                    capfirst(model._meta.verbose_name_plural),
                    row["count"],
                )
            )
        extra_context = {**(extra_context or {}), "pending_summary": summary}
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        revision = self.get_object(request, object_id)
        if revision is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_permission(request, revision):
            raise PermissionDenied
        may_decide = self.may_decide(request, revision)
        if request.method == "POST":
            if not may_decide:
                raise PermissionDenied
            return self.decide(request, revision)
        model = revision.content_type.model_class()
        record = model._default_manager.filter(pk=revision.object_id).first() if model else None
        pending = revision.status == RevisionStatus.PENDING
        stale = (
            pending
            and record is not None
            and getattr(record, "version", 0) != revision.base_version
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": str(revision),
            "revision": revision,
            "record": record,
            "record_url": (
                reverse(admin_urlname(record._meta, "change"), args=[record.pk]) if record else ""
            ),
            "kind": self.kind(revision),
            # Fields word by word as on the history page; links, parts, citations as lists.
            "field_diffs": revisions.field_diffs(model, revision.base, revision.proposed),
            "rows": [row for row in revisions.change_rows(revision) if row.section != "fields"],
            **(self.changed_since(revision, record) if stale else {}),
            "stale": stale,
            "may_decide": may_decide and pending and record is not None,
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/core/revision/review.html", context)

    def changed_since(self, revision: Revision, record) -> dict:
        """What changed in the record since the base of the revision, as the page shows it."""
        current = snapshots.capture(record)
        model = type(record)
        return {
            "changed_since_diffs": revisions.field_diffs(model, revision.base, current),
            "changed_since": [
                row
                for row in revisions.snapshot_rows(model, revision.base, current)
                if row.section != "fields"
            ],
        }

    def decide(self, request: HttpRequest, revision: Revision) -> HttpResponseRedirect:
        decision = request.POST.get("_decision")
        here = HttpResponseRedirect(request.get_full_path())
        try:
            if decision == "approve":
                revisions.approve(
                    actor=request.user, revision=revision, rebase=request.POST.get("_rebase") == "1"
                )
            elif decision == "reject":
                revisions.reject(
                    actor=request.user, revision=revision, reason=request.POST.get("reason", "")
                )
            else:
                return here
        except REFUSED as refusal:
            for message in refusal_messages(refusal):
                self.message_user(request, message, messages.ERROR)
            return here
        if decision == "approve":
            self.message_user(
                request,
                _("Approved: the change to %(record)s is applied.")
                % {"record": rules.quoted(revision.record_label)},
                messages.SUCCESS,
            )
            record = revision.record
            if record is not None:
                warn_linked_drafts(self, request, record)
                return HttpResponseRedirect(
                    reverse(admin_urlname(record._meta, "change"), args=[record.pk])
                )
        else:
            self.message_user(
                request,
                _("Rejected: %(record)s is unchanged, and the reason is kept for its author.")
                % {"record": rules.quoted(revision.record_label)},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(reverse("admin:core_revision_changelist"))


class CountriesInUseFilter(admin.ChoicesFieldListFilter):
    """The countries the records name, not all 250: the filter column stays readable (and
    "Show counts" counts a handful, not 250)."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        used = set(
            model._default_manager.exclude(**{field_path: ""})
            .values_list(field_path, flat=True)
            .distinct()
        )
        self.used_choices = [(code, name) for code, name in field.flatchoices if code in used]

    def get_facet_counts(self, pk_attname, filtered_qs):
        return {
            f"{index}__c": models.Count(pk_attname, filter=models.Q((self.lookup_kwarg, code)))
            for index, (code, _name) in enumerate(self.used_choices)
        }

    def choices(self, changelist):
        counts = self.get_facet_queryset(changelist) if changelist.add_facets else None
        yield {
            "selected": self.lookup_val is None,
            "query_string": changelist.get_query_string(
                remove=[self.lookup_kwarg, self.lookup_kwarg_isnull]
            ),
            "display": _("All"),
        }
        for index, (code, name) in enumerate(self.used_choices):
            yield {
                "selected": self.lookup_val is not None and code in self.lookup_val,
                "query_string": changelist.get_query_string(
                    {self.lookup_kwarg: code}, [self.lookup_kwarg_isnull]
                ),
                "display": f"{name} ({counts[f'{index}__c']})" if counts else name,
            }
