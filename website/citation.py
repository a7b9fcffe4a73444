"""How to cite a record of the tracker: the text a page shows, BibTeX and CSL-JSON.

A citation names the record (its title or name), the tracker, the page's address in the
reader's language, the record's last change, the date it was read and the published
dataset's version (`core.published`), so that it names exactly what was read. The page
shows it from what it has already read (the record's row) plus the dataset's version, one
query a request (`website.public.version_of_dataset`); the files come from
`website.views.cite`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from django.db.models import Model
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, pgettext

from core.published import published_version
from website.public import version_of_dataset

# The kind of record in a citation's address: /<lang>/cite/<kind>/<slug>.bib
KINDS = {
    "agreements.agreement": "agreement",
    "partners.organization": "partner",
    "partners.person": "person",
    "events.event": "event",
    "agreements.initiative": "initiative",
    "core.sourcedocument": "source",
}
COUNTRY = "country"
# BibTeX's `language` field names languages in words (biblatex, babel).
BIBTEX_LANGUAGES = {"ar": "arabic", "fr": "french", "en": "english"}
FORMATS = {
    "bib": "application/x-bibtex; charset=utf-8",
    "json": "application/vnd.citationstyles.csl+json; charset=utf-8",
}


@dataclass(frozen=True)
class Citable:
    """What a citation needs of a record (or of a country's page)."""

    kind: str
    slug: str
    title: str
    path: str
    changed: dt.datetime | None
    # The title's own language when it differs from the page's (a source's headline).
    title_language: str | None = None


def citable(record: Model) -> Citable:
    """A record as a citation sees it, from the fields its page has already read."""
    kind = KINDS[record._meta.label_lower]
    title = getattr(record, "title", None) or getattr(record, "name", None) or str(record)
    title_language = None
    if (
        kind == "source"
        and record.language in BIBTEX_LANGUAGES
        and record.language != get_language()
    ):
        title_language = record.language
    return Citable(
        kind=kind,
        slug=record.slug,
        title=str(title),
        path=record.get_absolute_url(),
        changed=getattr(record, "updated_at", None),
        title_language=title_language,
    )


def country_citable(code: str, name: str, changed: dt.datetime | None) -> Citable:
    return Citable(
        kind=COUNTRY,
        slug=code.lower(),
        title=str(name),
        path=reverse("country-detail", kwargs={"code": code.lower()}),
        changed=changed,
    )


@dataclass(frozen=True)
class Citation:
    """A record's citation as read by one request: what every format is written from."""

    record: Citable
    url: str
    version: str
    accessed: dt.date
    language: str

    @property
    def changed(self) -> dt.date | None:
        if self.record.changed is None:
            return None
        return timezone.localdate(self.record.changed)

    @property
    def site(self) -> str:
        return gettext("Morocco digital agreements tracker")

    @property
    def key(self) -> str:
        """A BibTeX key: letters, digits and hyphens only."""
        slug = re.sub(r"[^A-Za-z0-9-]+", "-", self.record.slug).strip("-")
        return f"morocco-digital-agreements-{self.record.kind}-{slug}"

    def file_name(self, extension: str) -> str:
        return f"{self.key}-{self.language}.{extension}"

    def file_path(self, extension: str) -> str:
        return reverse(
            f"cite-{extension}", kwargs={"kind": self.record.kind, "slug": self.record.slug}
        )

    # Templates call no method with an argument.
    @property
    def file_path_bib(self) -> str:
        return self.file_path("bib")

    @property
    def file_path_json(self) -> str:
        return self.file_path("json")

    @property
    def file_name_bib(self) -> str:
        return self.file_name("bib")

    @property
    def file_name_json(self) -> str:
        return self.file_name("json")

    # -- the text --------------------------------------------------------------------------

    def _template(self) -> str:
        if self.changed is None:
            return gettext(
                "“%(title)s”. %(site)s, dataset version %(version)s. %(url)s "
                "(accessed on %(accessed)s)."
            )
        return gettext(
            "“%(title)s”. %(site)s, dataset version %(version)s. Last changed on "
            "%(changed)s. %(url)s (accessed on %(accessed)s)."
        )

    def _dates(self) -> dict[str, str]:
        dates = {"accessed": date_format(self.accessed, "DATE_FORMAT")}
        if self.changed is not None:
            dates["changed"] = date_format(self.changed, "DATE_FORMAT")
        return dates

    def text(self) -> str:
        """The citation as plain text, in the active language."""
        return self._template() % {
            "title": self.record.title,
            "site": self.site,
            "version": self.version,
            "url": self.url,
            **self._dates(),
        }

    def html(self) -> SafeString:
        """The same text, marked up: the title as a <cite> in its own language, the address
        and the version kept left-to-right inside Arabic text."""
        language = self.record.title_language
        if language:
            direction = "rtl" if language == "ar" else "ltr"
            title = format_html(
                '<cite lang="{}" dir="{}">{}</cite>', language, direction, self.record.title
            )
        else:
            title = format_html("<cite>{}</cite>", self.record.title)
        values = {
            "title": title,
            "site": conditional_escape(self.site),
            "version": format_html('<bdi dir="ltr" class="version">{}</bdi>', self.version),
            "url": format_html('<bdi dir="ltr"><a href="{0}">{0}</a></bdi>', self.url),
            **{name: conditional_escape(value) for name, value in self._dates().items()},
        }
        return mark_safe(escape(self._template()) % values)

    # -- the files -------------------------------------------------------------------------

    def csl(self) -> list[dict]:
        """CSL-JSON (the Citation Style Language's data format): a list of one item."""
        item = {
            "id": self.key,
            "type": "dataset",
            "title": self.record.title,
            "container-title": self.site,
            "publisher": self.site,
            "version": self.version,
            "URL": self.url,
            "language": self.record.title_language or self.language,
            "accessed": {"date-parts": [_parts(self.accessed)]},
            "genre": _kind_label(self.record.kind),
        }
        if self.changed is not None:
            item["issued"] = {"date-parts": [_parts(self.changed)]}
        return [item]

    def csl_json(self) -> str:
        return json.dumps(self.csl(), ensure_ascii=False, indent=2) + "\n"

    def bibtex(self) -> str:
        """A BibTeX @misc entry (biblatex reads `urldate`, `version` and `language`)."""
        fields = [
            ("title", "{" + _bibtex_escape(self.record.title) + "}"),
            ("author", "{" + _bibtex_escape(self.site) + "}"),
            ("organization", _bibtex_escape(self.site)),
            ("howpublished", "\\url{" + _bibtex_url(self.url) + "}"),
            ("url", _bibtex_url(self.url)),
            ("version", _bibtex_escape(self.version)),
            ("urldate", self.accessed.isoformat()),
            ("language", BIBTEX_LANGUAGES[self.record.title_language or self.language]),
        ]
        if self.changed is not None:
            fields[2:2] = [("year", str(self.changed.year)), ("date", self.changed.isoformat())]
        fields.append(("note", _bibtex_escape(self.text())))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{self.key},\n{body}\n}}\n"


def _parts(day: dt.date) -> list[int]:
    return [day.year, day.month, day.day]


def _kind_label(kind: str) -> str:
    labels = {
        "agreement": pgettext("kind of record", "Agreement"),
        "partner": pgettext("kind of record", "Partner"),
        "person": pgettext("kind of record", "Person"),
        "event": pgettext("kind of record", "Event"),
        "initiative": pgettext("kind of record", "Initiative"),
        "source": pgettext("kind of record", "Source"),
        COUNTRY: pgettext("kind of record", "Country"),
    }
    return labels[kind]


# Characters TeX reads as commands; braces stay balanced by escaping them too.
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


def _bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in " ".join(str(text).split()))


def _bibtex_url(url: str) -> str:
    # \url{} takes the address verbatim but for these three, which would end the field.
    return url.replace("%", r"\%").replace("{", "%7B").replace("}", "%7D")


def today() -> dt.date:
    """The date accessed: today in Morocco (the site's time zone)."""
    return timezone.localdate()


def citation_for(request: HttpRequest, record: Citable) -> Citation:
    """The citation of `record` for this request: its address in the page's language, the
    published dataset's version (the dataset's token, read once per request, then the
    shared cache), and today in Morocco as the date accessed."""
    return Citation(
        record=record,
        url=request.build_absolute_uri(record.path),
        version=published_version(version_of_dataset(request)),
        accessed=today(),
        language=get_language(),
    )
