"""Admin building blocks for evidence: the citations inline, and links to agreements.

The pieces every app shares (language direction, publishing, writes through the
services) are in `core.admin`, re-exported here for the apps' admins.
"""

from __future__ import annotations

from django import forms
from django.contrib.contenttypes.admin import GenericTabularInline
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from agreements.seeds.reader import CITED_FIELDS
from core.admin import (  # noqa: F401  (re-exported for the apps' admins)
    CuratedAdmin,
    LanguageDirectionMixin,
    ServiceWritesMixin,
    TranslatedHistoryAdmin,
)
from core.models import Citation


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
