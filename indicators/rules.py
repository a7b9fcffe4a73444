"""The publication rule of an indicator, registered with `core.rules` when the app loads:
a published figure cites the passage of the source that states it."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from core.models import Citation
from core.rules import Problem, publication_check
from indicators.models import Indicator


@publication_check(Indicator)
def indicator_cites_a_source(indicator: Indicator) -> list[Problem]:
    content_type = ContentType.objects.get_for_model(indicator)
    if Citation.objects.filter(content_type=content_type, object_id=indicator.pk).exists():
        return []
    # The same sentence as every other curated record's rule (agreements/rules.py).
    return [_("a published record cites at least one source: add a citation first.")]
