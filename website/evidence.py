"""The evidence behind a page: numbered quotes, which fact each backs, where each sits in its source."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from agreements.models import Citation, SourceDocument

# Fields a citation may name that are relations rather than model fields.
RELATION_LABELS = {
    "parties": _("parties"),
    "signatories": _("signatories"),
    "attendees": _("attendees"),
    "participants": _("participants"),
    "place": _("place"),
    "city": _("city"),
}


@dataclass(frozen=True)
class QuotedPassage:
    """A citation with its number on the page and the labels of the facts it backs."""

    number: int
    citation: Citation
    labels: tuple[str, ...]

    @property
    def source(self) -> SourceDocument:
        return self.citation.source


@dataclass
class Evidence:
    """A record's citations, numbered in page order, indexed by the fields they back."""

    passages: list[QuotedPassage] = field(default_factory=list)
    by_field: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, citations: Iterable[Citation], model: type[models.Model] | None = None) -> Evidence:
        evidence = cls()
        # Numbered source by source, so that each source's passages are read together.
        ordered = sorted(citations, key=lambda citation: (citation.source_id, citation.pk))
        for number, citation in enumerate(ordered, start=1):
            names = [str(name) for name in (citation.fields or [])]
            cited_model = (
                model or ContentType.objects.get_for_id(citation.content_type_id).model_class()
            )
            labels = tuple(field_label(cited_model, name) for name in names)
            evidence.passages.append(QuotedPassage(number, citation, labels))
            for name in names:
                evidence.by_field.setdefault(name, []).append(number)
        return evidence

    def numbers_for(self, *fields: str) -> list[int]:
        """The passages that back any of these fields; those naming no field back everything."""
        numbers = {number for name in fields for number in self.by_field.get(name, [])}
        if not numbers:
            numbers = {p.number for p in self.passages if not p.labels}
        return sorted(numbers)

    def __bool__(self) -> bool:
        return bool(self.passages)

    def __iter__(self):
        return iter(self.passages)

    def __len__(self) -> int:
        return len(self.passages)


def field_label(model: type[models.Model] | None, name: str) -> str:
    """The reader's word for a field a citation backs ("signed on", "parties")."""
    if name in RELATION_LABELS:
        return str(RELATION_LABELS[name])
    if model is not None:
        try:
            return str(model._meta.get_field(name).verbose_name)
        except Exception:
            pass
    return name.replace("_", " ")


@dataclass(frozen=True)
class Segment:
    """A stretch of a source's text, quoted by some record or not."""

    text: str
    quoted: bool
    anchors: tuple[int, ...] = ()  # citation ids whose quote starts here


def quoted_segments(text: str, citations: Iterable[Citation]) -> list[Segment]:
    """Cut a source's text so that every quoted passage can be marked and linked to.

    Quotes are verbatim (the loader and the admin refuse any other), so each is found by
    position; overlapping quotes merge into one marked stretch with several anchors.
    """
    starts: dict[int, list[int]] = {}
    spans: list[tuple[int, int]] = []
    for citation in citations:
        position = text.find(citation.quote)
        if position < 0 or not citation.quote:
            continue
        starts.setdefault(position, []).append(citation.pk)
        spans.append((position, position + len(citation.quote)))
    cuts = sorted({0, len(text), *starts, *(end for _start, end in spans)})
    segments = []
    for begin, end in itertools.pairwise(cuts):
        if begin == end:
            continue
        quoted = any(start <= begin and end <= stop for start, stop in spans)
        segments.append(Segment(text[begin:end], quoted, tuple(starts.get(begin, ()))))
    return segments
