"""What the public pages share: who may preview drafts, the security policy, light card reads.

Every public read starts from `published()`; an editor with the view permission of a model
may open a draft record's page as a preview (marked as such), never see drafts in lists.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.db.models import Exists, Model, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.csp import CSP
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csp import csp_override
from django.views.decorators.vary import vary_on_cookie

from agreements.models import AgreementParty
from core.dataset import dataset_version
from core.visibility import is_visible, status_is_visible
from core.visibility import visible as visible_records
from partners.models import Organization

# Everything the public site loads comes from the site itself: no CDN, no third party.
# JSON-LD blocks are data, not scripts, and need no exception.
PUBLIC_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page of the public site: the strict self-only policy, and Vary on the session
    cookie because editors see draft previews where visitors see a 404."""

    @csp_override(PUBLIC_CSP)
    @vary_on_cookie
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    return wrapped


_MISSING = object()
# A key names the dataset's version, so nothing kept is ever stale: the timeout only
# frees the cache of old versions.
SHARED_SECONDS = 24 * 3600


def version_of_dataset(request: HttpRequest) -> str:
    """The dataset's version, read once per request (one query)."""
    version = getattr(request, "_dataset_version", None)
    if version is None:
        version = request._dataset_version = dataset_version()[0]
    return version


def shared[T](request: HttpRequest, name: str, compute: Callable[[], T]) -> T:
    """`compute()`, kept in the cache every process shares until the dataset changes: a
    figure over the whole dataset (counts by partner, by year) is read once per write, not
    once per visit. `name` must say everything the value depends on besides the data."""
    text = f"{name}|{version_of_dataset(request)}"
    key = "site:" + hashlib.sha256(text.encode()).hexdigest()
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, SHARED_SECONDS)
    return value


def shared_fragment(
    request: HttpRequest, name: str, template_name: str, context: Callable[[], dict]
) -> SafeString:
    """A part of a page that is the same for every visitor, rendered once per language and
    dataset version (`shared()`): the template sees `context()` only, nothing of the
    request or the visitor."""
    language = get_language()
    return shared(
        request,
        f"fragment|{name}|{language}",
        lambda: mark_safe(render_to_string(template_name, context())),
    )


def record_url(record: Model) -> str:
    """The public page of a record, in the active language."""
    return record.get_absolute_url()


def may_preview(request: HttpRequest, model: type[Model]) -> bool:
    """Editors who may view a model in the admin may preview its drafts on the site."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


def visible(request: HttpRequest, model: type[Model]) -> QuerySet:
    """The records of `model` this reader may open: published ones, drafts too for editors."""
    return visible_records(model, include_drafts=may_preview(request, model))


def is_published(record: Model) -> bool:
    return is_visible(record)


def partners_of_published_agreements() -> QuerySet:
    """Published organizations party to at least one published agreement.

    An EXISTS per organization (the party table's organization index) rather than a join
    over every party row: the partners are few, the parties many.
    """
    parties = AgreementParty.objects.filter(
        status_is_visible("agreement__"), organization=OuterRef("pk")
    )
    return visible_records(Organization).filter(Exists(parties))


# One sentence per kind of record, so that each language can agree its words.
NOT_FOUND_MESSAGES = {
    "agreements.agreement": _("No published agreement has the address “%(slug)s”."),
    "agreements.initiative": _("No published initiative has the address “%(slug)s”."),
    "core.sourcedocument": _("No source has the address “%(slug)s”."),
    "partners.organization": _("No published partner has the address “%(slug)s”."),
    "partners.person": _("No published person has the address “%(slug)s”."),
    "events.event": _("No published event has the address “%(slug)s”."),
}


def not_found(request: HttpRequest, model: type[Model], slug: str) -> HttpResponse:
    """A 404 in the reader's language that names what was not found and offers close matches
    (a typo in a shared link is the usual cause)."""
    manager = model._default_manager
    public = manager.published() if hasattr(manager, "published") else manager.all()
    candidates = list(
        public.filter(slug__startswith=slug[:3]).values_list("slug", flat=True)[:2000]
    )
    close = difflib.get_close_matches(slug, candidates, n=3, cutoff=0.6)
    suggestions = list(public.filter(slug__in=close)) if close else []
    suggestions.sort(key=lambda record: close.index(record.slug))
    context = {
        "message": NOT_FOUND_MESSAGES[model._meta.label_lower] % {"slug": slug},
        "slug": slug,
        "suggestions": suggestions,
    }
    return render(request, "404.html", context, status=404)
