"""The publication rules, registered by the app that knows them, enforced by the services.

A rule about an organization ("it cannot be unpublished while a published agreement names
it as a party") belongs to the app that holds agreements, which sits above the one that
holds organizations. The upper app registers the rule here; the services of every app ask
here, so that a rule holds whichever route writes the record and no app imports upward.

Beside them, effects: what a write to one kind of record refreshes elsewhere (an
organization's new name is in the search documents of its agreements), run by the
services before the rules are checked.

Three kinds of rule, each a function that returns the problems it finds, as sentences an
editor can act on (empty when none):

- publication checks: what a record needs before it may be published (two parties, a
  citation...), run on a published record after every write to it or to its parts;
- dependents: the published records that need this one published, run when it is
  unpublished or deleted;
- write checks: what any write must keep true whatever the status (a source's text
  still contains every quote of it, a renewal chain has no loop...).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import Model
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

# A problem is a sentence, or (field, sentence) when one field of the record is at fault.
Problem = str | tuple[str, str]
Check = Callable[[Model], list[Problem]]

_publication_checks: defaultdict[type[Model], list[Check]] = defaultdict(list)
_dependents_checks: defaultdict[type[Model], list[Check]] = defaultdict(list)
_write_checks: defaultdict[type[Model], list[Check]] = defaultdict(list)
_effects: defaultdict[type[Model], list[Callable[[Model], None]]] = defaultdict(list)


def _register(registry: defaultdict[type[Model], list[Check]], models: Iterable[type[Model]]):
    def decorator(check: Check) -> Check:
        for model in models:
            if check not in registry[model]:
                registry[model].append(check)
        return check

    return decorator


def quoted(text: object) -> str:
    """A name inside a sentence, with the quotation marks of the active language.

    Isolated (U+2068 … U+2069) so that a Latin name in an Arabic sentence, or an Arabic one
    in a French sentence, keeps its own direction and does not reorder the sentence.
    """
    # Translators: quotation marks around a record's name inside a sentence.
    return _("“%(text)s”") % {"text": f"\u2068{text}\u2069"}


def names(records) -> str:
    """Several records' names inside a sentence, quoted, in the active language's list."""
    return pgettext("separator between names in a list", ", ").join(quoted(r) for r in records)


def publication_check(*models: type[Model]) -> Callable[[Check], Check]:
    """Register what a record of these models needs before it may be published."""
    return _register(_publication_checks, models)


def dependents_check(*models: type[Model]) -> Callable[[Check], Check]:
    """Register a finder of the published records that need a record of these models."""
    return _register(_dependents_checks, models)


def write_check(*models: type[Model]) -> Callable[[Check], Check]:
    """Register what every write to a record of these models must keep true."""
    return _register(_write_checks, models)


def write_effect(*models: type[Model]) -> Callable:
    """Register what a write to a record of these models refreshes elsewhere."""
    return _register(_effects, models)


def run_effects(record: Model) -> None:
    for effect in _effects[type(record)]:
        effect(record)


def _run(
    registry: defaultdict[type[Model], list[Check]], record: Model, default_field: str
) -> list[tuple[str, str]]:
    return [
        problem if isinstance(problem, tuple) else (default_field, problem)
        for check in registry[type(record)]
        for problem in check(record)
    ]


def publication_problems(record: Model) -> list[tuple[str, str]]:
    """(field, sentence) pairs; the status is at fault unless a check names another field."""
    return _run(_publication_checks, record, "status")


def dependents(record: Model) -> list[tuple[str, str]]:
    return _run(_dependents_checks, record, "status")


def write_problems(record: Model) -> list[tuple[str, str]]:
    return _run(_write_checks, record, NON_FIELD_ERRORS)
