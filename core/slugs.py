"""Slugs made for the editor: from the Latin title when there is one, else from the Arabic.

A slug is the stable address of a record (`/agreements/<slug>/`): lowercase ASCII letters,
digits and hyphens. An editor may type one; left empty, `fill_slug` makes one on the
write path every writer shares (`core.services.save_validated`), so the admin, the API,
the seed loader and intake all get the same. Arabic is transliterated with anyascii
(`شركة عِلم` → `shrkh-ilm`): readable enough to recognise, and never a guess at a
translation.
"""

from __future__ import annotations

import re

from anyascii import anyascii
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from core.records import has_field

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# The text a slug is made from, in order: the first a record has in a Latin language,
# then its Arabic, transliterated. An indicator is named by its measure.
TITLE_FIELDS = ("title", "name", "measure")
LATIN_LANGUAGES = ("en", "fr")

SLUG_MESSAGE = _(
    "Enter a slug of Latin letters a–z, digits and hyphens (e.g. elm-mou-2025), or leave "
    "it empty: one is made from the title."
)

# Django's own message says "letters", which an Arabic reader rightly takes to include
# Arabic letters; our catalogs translate it as "Latin letters". Kept here so that
# makemessages keeps the msgid.
DJANGO_SLUG_MESSAGES = (
    gettext_noop("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."),
)


def slug_field(model: type[models.Model]) -> models.SlugField | None:
    try:
        field = model._meta.get_field("slug")
    except FieldDoesNotExist:  # a kind without a slug (a citation)
        return None
    return field if isinstance(field, models.SlugField) else None


# A record named by its title alone would collide at once ("minister"): its slug starts
# with the record it belongs to ("amal-el-fallah-seghrouchni-minister-delegate").
OWNER_FIELDS = ("person",)


def title_text(record: models.Model) -> str:
    """The text to make the slug from: a Latin title or name first, else the Arabic one;
    preceded by the owner's (a position's person)."""
    own = _own_title(record)
    for name in OWNER_FIELDS:
        if has_field(record, name) and getattr(record, f"{name}_id", None):
            owner = _own_title(getattr(record, name))
            return f"{owner} {own}".strip()
    return own


def _own_title(record: models.Model) -> str:
    for name in TITLE_FIELDS:
        for language in (*LATIN_LANGUAGES, "ar"):
            value = getattr(record, f"{name}_{language}", None)
            if isinstance(value, str) and value.strip():
                return value
        # A model whose title is not translated.
        value = record.__dict__.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def slug_base(text: str, max_length: int) -> str:
    """Lowercase ASCII words joined by hyphens, cut at a word boundary within max_length."""
    slug = slugify(anyascii(text)).replace("_", "-")
    slug = re.sub(r"-{2,}", "-", slug).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug.strip("-")


def unique_slug(record: models.Model, base: str, max_length: int) -> str:
    """`base`, or `base-2`, `base-3`... the first no other record of the model uses."""
    manager = type(record)._default_manager
    others = manager.exclude(pk=record.pk) if record.pk is not None else manager.all()
    taken = set(
        others.filter(slug__startswith=base).values_list("slug", flat=True)
    )  # one query, whatever the number of collisions
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: max_length - len(suffix)].rstrip("-") + suffix
        if candidate not in taken and not others.filter(slug=candidate).exists():
            return candidate
        number += 1


def stored_slug(record: models.Model) -> str | None:
    if record.pk is None:
        return None
    return type(record)._default_manager.filter(pk=record.pk).values_list("slug", flat=True).first()


def fill_slug(record: models.Model) -> None:
    """Give a record left without a slug one made from its title; check a typed one.

    Refuses, with a message that says which letters are allowed, a slug typed with
    others; refuses a record with no title to make one from.
    """
    field = slug_field(type(record))
    if field is None:
        return
    typed = (record.slug or "").strip()
    if typed:
        if not SLUG.match(typed) and typed != stored_slug(record):
            # A slug stored before this rule (Django's allows capitals) is left alone.
            raise ValidationError({"slug": SLUG_MESSAGE}, code="invalid")
        record.slug = typed
        return
    base = slug_base(title_text(record), field.max_length)
    if not base:
        # Nothing to make it from (no title yet): the title's own "required" error says why;
        # a title of symbols only needs a typed slug.
        if title_text(record):
            raise ValidationError({"slug": SLUG_MESSAGE}, code="required")
        return
    record.slug = unique_slug(record, base, field.max_length)
