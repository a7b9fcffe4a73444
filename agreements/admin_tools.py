"""Admin building blocks shared by every app: language direction, publishing, evidence."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from agreements.models import Citation
from agreements.records import PublicationStatus
from agreements.seeds.reader import CITED_FIELDS


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


class PublishingMixin:
    """Only users with the model's `publish_<model>` permission change a record's status."""

    actions = ["publish_selected", "unpublish_selected"]

    def has_publish_permission(self, request: HttpRequest) -> bool:
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly.append("status")
        return readonly

    def publication_problems(self, obj) -> list[str]:
        """What stops a record from being published; overridden where rules apply."""
        return []

    @admin.action(description=_("Publish the selected records"), permissions=["publish"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_status(request, queryset, PublicationStatus.PUBLISHED)

    @admin.action(description=_("Unpublish the selected records"), permissions=["publish"])
    def unpublish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_status(request, queryset, PublicationStatus.DRAFT)

    def _set_status(self, request: HttpRequest, queryset: QuerySet, status: str) -> None:
        changed = 0
        refused = []
        with transaction.atomic():
            for obj in queryset.exclude(status=status):
                problems = (
                    self.publication_problems(obj) if status == PublicationStatus.PUBLISHED else []
                )
                if problems:
                    refused.append(f"{obj}: {' '.join(str(p) for p in problems)}")
                    continue
                obj.status = status
                # Saved one by one so that each change enters the record's history.
                obj._change_reason = f"status: {status}"
                obj.save(update_fields=["status", "updated_at"])
                changed += 1
        if changed:
            message = (
                ngettext("%(count)d record published.", "%(count)d records published.", changed)
                if status == PublicationStatus.PUBLISHED
                else ngettext(
                    "%(count)d record unpublished.", "%(count)d records unpublished.", changed
                )
            )
            self.message_user(request, message % {"count": changed}, messages.SUCCESS)
        for line in refused:
            self.message_user(
                request, _("Not published: %(reason)s") % {"reason": line}, messages.ERROR
            )


class TranslatedHistoryAdmin(LanguageDirectionMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    """Tabs for ar/fr/en (Arabic right-to-left), change history with diffs and revert."""

    list_per_page = 50


class CuratedAdmin(PublishingMixin, TranslatedHistoryAdmin):
    """A published-or-draft record: the above, plus publishing rights and actions."""

    save_on_top = True
    list_per_page = 50
    readonly_fields = ("created_at", "updated_at")


class CitationForm(forms.ModelForm):
    """A pasted quote must occur verbatim in the chosen source (checked by Citation.clean)."""

    fields = forms.CharField(
        label=_("fields backed"),
        required=False,
        help_text=_(
            "Comma-separated names of the fields this passage supports, e.g. signed_on, place."
        ),
    )
    allowed_fields: tuple[str, ...] = ()

    class Meta:
        model = Citation
        fields = ["source", "quote", "fields"]
        widgets = {"quote": forms.Textarea(attrs={"rows": 3, "dir": "auto"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.initial.get("fields"), list):
            self.initial["fields"] = ", ".join(self.initial["fields"])

    def clean_fields(self):  # the form field, not Model.clean_fields
        raw = self.cleaned_data.get("fields") or ""
        names = [name.strip() for name in raw.split(",") if name.strip()]
        unknown = [name for name in names if name not in self.allowed_fields]
        if unknown:
            raise forms.ValidationError(
                _("Unknown field name: %(names)s. Use: %(allowed)s.")
                % {"names": ", ".join(unknown), "allowed": ", ".join(self.allowed_fields)}
            )
        return names

    def clean_quote(self):
        quote = self.cleaned_data.get("quote") or ""
        # Pasting from a page often brings stray spaces or line ends around the passage.
        return quote.strip()


def citation_inline(kind: str) -> type[GenericTabularInline]:
    """A citations inline for one kind of record, checking field names against that kind."""
    form = type(
        f"{kind.title()}CitationForm", (CitationForm,), {"allowed_fields": CITED_FIELDS[kind]}
    )
    return type(
        f"{kind.title()}CitationInline",
        (GenericTabularInline,),
        {
            "model": Citation,
            "form": form,
            "extra": 0,
            "autocomplete_fields": ["source"],
            "verbose_name": _("citation"),
            "verbose_name_plural": _("citations (the evidence)"),
        },
    )


def agreement_links(agreements) -> str:
    """An HTML list linking to each agreement's change page, for 'agreements it is part of'."""
    agreements = list(agreements)
    if not agreements:
        return _("None yet.")
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            '<li><a href="{}">{}</a> <span class="quiet">({})</span></li>',
            (
                (
                    reverse("admin:agreements_agreement_change", args=[a.pk]),
                    a.title,
                    a.get_status_display(),
                )
                for a in agreements
            ),
        ),
    )
