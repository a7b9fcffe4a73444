"""Template helpers of the public site: dates at their precision, evidence links, languages."""

from __future__ import annotations

import json

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import get_script_prefix, reverse, translate_url
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info, gettext

from core.records import PartialDate, PublicationStatus, format_partial_date
from website.evidence import Evidence
from website.public import record_url

register = template.Library()

# Open Graph wants a territory; these are the site's readers.
OG_LOCALES = {"ar": "ar_MA", "fr": "fr_MA", "en": "en_US"}


@register.filter
def partial_date(partial: PartialDate | None) -> SafeString | str:
    """<time datetime="2023-06">June 2023</time>: the precision the source gave, no finer."""
    if partial is None or not partial.is_known:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>', partial.isoformat(), format_partial_date(partial)
    )


@register.simple_tag
def date_range(start: PartialDate, end: PartialDate) -> SafeString | str:
    """An event's dates: one date, or "start – end" when it lasted several days."""
    if not start.is_known:
        return ""
    if not end.is_known or end == start:
        return partial_date(start)
    return format_html("{} – {}", partial_date(start), partial_date(end))


@register.filter(name="record_url")
def record_url_filter(record) -> str:
    return record_url(record)


@register.filter
def is_public(record) -> bool:
    return getattr(record, "status", PublicationStatus.PUBLISHED) == PublicationStatus.PUBLISHED


@register.simple_tag(takes_context=True)
def record_link(context, record, label=None) -> SafeString | str:
    """A link to a record's page, or its bare name when its page does not exist for this reader.

    A published agreement may name a draft organization: the public sees the name (it is in
    the agreement's sources) but no link to a page that would be a 404.
    """
    if record is None:
        return ""
    text = label if label is not None else str(record)
    if is_public(record) or context.get("preview"):
        return format_html('<a href="{}">{}</a>', record_url(record), text)
    return format_html("{}", text)


_URL_PREFIXES: dict[tuple[str, str, str], str] = {}


def slug_url(name: str, slug: str) -> str:
    """reverse(name, kwargs={"slug": slug}) without resolving the pattern every time: the
    address of a record page is its list's prefix and the slug (`<slug:slug>/` patterns)."""
    key = (name, get_language(), get_script_prefix())
    prefix = _URL_PREFIXES.get(key)
    if prefix is None:
        prefix = _URL_PREFIXES[key] = reverse(name, kwargs={"slug": "-"})[:-2]
    return f"{prefix}{slug}/"


@register.simple_tag(takes_context=True)
def agreement_card(context, agreement) -> SafeString:
    """An agreement as a card of a list: title, kind, date, place and parties.

    Built in Python, the one markup of a card on every page (a page lists up to two hundred,
    and a template per card cost most of a list's rendering).
    """
    signed = agreement.signed_partial
    if signed.is_known:
        when = format_html(
            '<span class="visually-hidden">{} </span>{}', gettext("Signed:"), partial_date(signed)
        )
    else:
        when = gettext("Signing date not given")
    place = ""
    city, country = agreement.place_city, agreement.place_country
    if city or country:
        separator = _comma() if city and country else ""
        place = format_html(
            " <span>{}{}{}</span>", city or "", separator, country.name if country else ""
        )
    preview = context.get("preview")
    links = []
    for party in agreement.parties.all():
        organization = party.organization
        if is_public(organization) or preview:
            links.append(
                format_html(
                    '<a href="{}">{}</a>',
                    slug_url("organization-detail", organization.slug),
                    organization,
                )
            )
        else:
            links.append(format_html("{}", organization))
    parties = ""
    if links:
        parties = format_html(
            '\n  <p class="parties"><span class="visually-hidden">{} </span>{}</p>',
            gettext("Parties:"),
            mark_safe(" · ".join(links)),
        )
    return format_html(
        '<li class="card kind-{}">\n  <h3><a href="{}">{}</a></h3>\n  <p class="meta">'
        '<span class="badge">{}</span> <span>{}</span>{}</p>{}\n</li>',
        agreement.kind,
        slug_url("agreement-detail", agreement.slug),
        agreement.title,
        agreement.get_kind_display(),
        when,
        place,
        parties,
    )


@register.simple_tag
def cite(evidence: Evidence | None, *fields: str) -> SafeString | str:
    """Numbered links from a fact to the quoted passages that back it: [1] [3]."""
    if evidence is None:
        return ""
    numbers = evidence.numbers_for(*fields)
    if not numbers:
        return ""
    links = format_html_join(
        "",
        '<a href="#citation-{0}" aria-label="{1}">[{0}]</a>',
        ((number, gettext("Source quote %(number)s") % {"number": number}) for number in numbers),
    )
    return format_html('<sup class="cite">{}</sup>', links)


@register.simple_tag(takes_context=True)
def language_alternates(context) -> list[dict]:
    """The current page in every language, for the switcher and the hreflang links."""
    request: HttpRequest | None = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    alternates = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        url = translate_url(path, code)
        alternates.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "bidi": info["bidi"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request else url,
                "og_locale": OG_LOCALES.get(code, code),
                "current": code == current,
            }
        )
    return alternates


@register.simple_tag
def og_locale() -> str:
    return OG_LOCALES.get(get_language(), get_language())


@register.filter
def json_ld(data: dict | None) -> SafeString | str:
    """A schema.org JSON-LD block, escaped so that no text can close the script element."""
    if not data:
        return ""
    text = (
        json.dumps(data, ensure_ascii=False, indent=None)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.filter
def text_direction(language_code: str) -> str:
    try:
        return "rtl" if get_language_info(language_code)["bidi"] else "ltr"
    except KeyError:
        return "auto"


@register.filter
def stored_date(record, field: str) -> PartialDate:
    """The partial date a record stores as `field` and `field_precision`."""
    return PartialDate.from_stored(getattr(record, field), getattr(record, f"{field}_precision"))


def _comma() -> str:
    return "، " if get_language() == "ar" else ", "


@register.simple_tag
def comma() -> str:
    """The list separator of the reader's language: Arabic writes "،"."""
    return _comma()


@register.filter
def join_list(values) -> str:
    return _comma().join(str(value) for value in values)


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key) if mapping else None
