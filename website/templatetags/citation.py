"""{% cite_this record %}: the "Cite this record" block of a record's page."""

from __future__ import annotations

from django import template

from website.citation import Citable, citable, citation_for, country_citable

register = template.Library()


@register.inclusion_tag("includes/cite.html", takes_context=True)
def cite_this(context, record=None, country_code: str = "", country_name: str = "") -> dict:
    """The citation of the page's record, or of a country's page (its last change is its
    newest indicator's). Nothing on a draft's preview: a draft is not to be cited, and its
    citation files are a 404 like its page."""
    request = context.get("request")
    if request is None or context.get("preview"):
        return {"citation": None}
    if record is not None:
        subject: Citable = citable(record)
    else:
        indicators = [*context.get("national", [])]
        for city in context.get("cities", []):
            indicators.extend(city["indicators"])
        changes = [indicator.updated_at for indicator in indicators]
        subject = country_citable(country_code, country_name, max(changes, default=None))
    return {"citation": citation_for(request, subject)}
