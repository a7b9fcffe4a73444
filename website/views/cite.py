"""A record's citation as a file: BibTeX (.bib) or CSL-JSON (.json).

The files exist for published records only: a draft's is a 404 for everyone, editors
included (a preview is not to be cited). Records are read through the public rule
(`core.visibility.visible`; sources, which have no draft state, through their selector),
as their pages are.
"""

from __future__ import annotations

from django.db.models import Max, Model
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe
from django_countries import countries

from agreements.models import Agreement, Initiative
from agreements.selectors import source_list
from core.visibility import visible
from events.models import Event
from indicators.models import Indicator
from partners.models import Organization, Person
from website.citation import COUNTRY, FORMATS, Citable, citable, citation_for, country_citable
from website.public import public_page

MODELS: dict[str, type[Model]] = {
    "agreement": Agreement,
    "partner": Organization,
    "person": Person,
    "event": Event,
    "initiative": Initiative,
}


def _record(kind: str, slug: str) -> Citable:
    if kind == COUNTRY:
        return _country(slug)
    if kind == "source":  # sources have no draft state: every stored article is public
        records = source_list()
    elif kind in MODELS:
        records = visible(MODELS[kind])
    else:
        raise Http404
    record = records.filter(slug=slug).first()
    if record is None:
        raise Http404
    return citable(record)


def _country(slug: str) -> Citable:
    """A country's page exists when it has published indicators or published partners,
    and changes with its indicators (as `website.views.countries` reads them)."""
    code = slug.upper()
    if slug != code.lower() or code not in countries:
        raise Http404
    changed = visible(Indicator).filter(country=code).aggregate(last=Max("updated_at"))["last"]
    if changed is None and not visible(Organization).filter(country=code).exists():
        raise Http404
    return country_citable(code, countries.name(code), changed)


@require_safe
@public_page
def citation_file(request: HttpRequest, kind: str, slug: str, extension: str) -> HttpResponse:
    citation = citation_for(request, _record(kind, slug))
    body = citation.bibtex() if extension == "bib" else citation.csl_json()
    response = HttpResponse(body, content_type=FORMATS[extension])
    response["Content-Disposition"] = f'attachment; filename="{citation.file_name(extension)}"'
    return response
