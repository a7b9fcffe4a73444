"""Country names as readers write them, where django-countries' translations do not.

django-countries looks each English name up through gettext, and our catalog comes before
its own: these msgids, translated in locale/, replace names such as
"السعودية (المملكة العربية)" by "المملكة العربية السعودية" on every page, filter and
API answer that shows a country. Listed here so that makemessages keeps them.
"""

from django.utils.translation import gettext_noop

NATURAL_COUNTRY_NAMES = (
    gettext_noop("Saudi Arabia"),  # not "السعودية (المملكة العربية)"
    gettext_noop("South Africa"),  # not "جنوب افريقيا (الجمهورية)"
    gettext_noop("Spain"),  # إسبانيا, not أسبانيا
    gettext_noop("Ethiopia"),  # the hamza: إثيوبيا
    gettext_noop("Indonesia"),
    gettext_noop("Estonia"),
    gettext_noop("Ecuador"),
    gettext_noop("Gabon"),  # الغابون, as the Moroccan press writes it
    gettext_noop("Côte d'Ivoire"),  # كوت ديفوار, the name Moroccan readers know
    gettext_noop("Central African Republic"),
    gettext_noop("Philippines"),
    gettext_noop("Dominican Republic"),
    gettext_noop("Micronesia"),  # not "(الولايات المتحدة)"
    gettext_noop("Palestine"),  # not "Palestine, État de" in French
)
