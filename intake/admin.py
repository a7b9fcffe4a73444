"""The editor's intake screens in the admin: paste an article, review what it proposes.

"Add" is the paste form: the article is stored as a source and the extractor runs at
once. The intake's own page is the review: each proposal with its quotes in context, the
record it matches, and accept (as edited), reject, or later. The intake stays, with every
decision, its reason and the records it wrote, so that an editor can come back to it.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import rules
from core.admin import refusal_messages
from intake import selectors, services
from intake.forms import ArticleForm, ReviewForm
from intake.models import ArticleIntake


@admin.register(ArticleIntake)
class ArticleIntakeAdmin(admin.ModelAdmin):
    list_display = ["source", "language", "created_by", "created_at", "decisions_made"]
    list_select_related = ["source", "created_by"]
    search_fields = ["source__title_ar", "source__title_fr", "source__publisher"]
    list_per_page = 50

    def has_module_permission(self, request: HttpRequest) -> bool:
        return services.may_intake(request.user)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return services.may_intake(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return services.may_intake(request.user)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return services.may_intake(request.user)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # the intake is the record of what was decided and why

    def get_queryset(self, request):
        return selectors.intake_list()

    @admin.display(description=_("language"))
    def language(self, obj: ArticleIntake) -> str:
        return obj.source.get_language_display()

    @admin.display(description=_("decisions"))
    def decisions_made(self, obj: ArticleIntake) -> int:
        return obj.decided

    def context(self, request: HttpRequest, **values) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "app_label": self.model._meta.app_label,
            "has_view_permission": True,
            **values,
        }

    # -- paste ---------------------------------------------------------------------------------

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                intake = services.start_intake(
                    actor=request.user,
                    title=data["title"],
                    text=data["text"],
                    language=data["language"],
                    url=data["url"],
                    publisher=data["publisher"],
                    author=data["author"],
                    dateline=data["dateline"],
                    published_on=data["published_on"],
                )
            except (ValidationError, PermissionDenied) as refusal:
                for message in refusal_messages(refusal):
                    form.add_error(None, message)
            else:
                found = intake.article_proposals()
                count = sum(
                    len(group)
                    for group in (found.agreements, found.events, found.people,
                                  found.organizations, found.initiatives)
                )  # fmt: skip
                self.message_user(
                    request,
                    ngettext(
                        "The article is saved as a source; %(count)d proposal to review.",
                        "The article is saved as a source; %(count)d proposals to review.",
                        count,
                    )
                    % {"count": count},
                    messages.SUCCESS,
                )
                for earlier in selectors.earlier_copies(intake.source)[:3]:
                    self.message_user(
                        request,
                        _("The same article (its text or its address) was stored before as "
                          "%(source)s: check its records before accepting these.")
                        % {"source": rules.quoted(earlier)},
                        messages.WARNING,
                    )  # fmt: skip
                return HttpResponseRedirect(
                    reverse("admin:intake_articleintake_change", args=[intake.pk])
                )
        return TemplateResponse(
            request,
            "admin/intake/articleintake/paste.html",
            self.context(request, title=_("Article intake"), form=form,
                         media=self.media + form.media),
        )  # fmt: skip

    # -- review --------------------------------------------------------------------------------

    def change_view(self, request: HttpRequest, object_id: str, form_url="", extra_context=None):
        if not self.has_change_permission(request):
            raise PermissionDenied
        if not str(object_id).isdigit():
            raise Http404
        intake = selectors.intake_for_review(int(object_id))
        if intake is None:
            raise Http404
        form = self.review_form(request, intake)
        if request.method == "POST" and form.is_valid():
            decisions = form.decisions(accept_all="_accept_all" in request.POST)
            if not decisions:
                form.add_error(None, _("Choose accept or reject for at least one proposal."))
            else:
                try:
                    services.review(actor=request.user, intake=intake, decisions=decisions)
                except (ValidationError, PermissionDenied) as refusal:
                    for message in refusal_messages(refusal):
                        form.add_error(None, message)
                else:
                    accepted = sum(decision.accept for decision in decisions)
                    self.message_user(
                        request,
                        _("%(accepted)d accepted (as drafts), %(rejected)d rejected.")
                        % {"accepted": accepted, "rejected": len(decisions) - accepted},
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(request.get_full_path())
        return self.render_review(request, intake, form)

    def review_form(self, request: HttpRequest, intake: ArticleIntake) -> ReviewForm:
        found = intake.article_proposals()
        existing = selectors.records_by_ref(selectors.matched_refs(found))
        return ReviewForm(
            request.POST if request.method == "POST" else None, intake=intake, existing=existing
        )

    def render_review(self, request: HttpRequest, intake: ArticleIntake, form: ReviewForm):
        groups = [
            ("agreements", _("Agreements")),
            ("events", _("Events and meetings")),
            ("people", _("People")),
            ("organizations", _("Organizations")),
            ("initiatives", _("Initiatives")),
        ]
        open_cards = sum(
            card.bound_decision is not None for cards in form.cards.values() for card in cards
        )
        return TemplateResponse(
            request,
            "admin/intake/articleintake/review.html",
            self.context(
                request,
                title=_("Review the proposals"),
                subtitle=str(intake.source),
                intake=intake,
                source=intake.source,
                form=form,
                groups=[(name, label, form.cards[name]) for name, label in groups],
                open_cards=open_cards,
                original=intake,
                media=self.media + form.media,
            ),
        )

    def changelist_view(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        return super().changelist_view(
            request, {**(extra_context or {}), "title": _("Article intake")}
        )
