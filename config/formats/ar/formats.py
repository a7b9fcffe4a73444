"""Arabic dates as the Moroccan sources print them: "12 شتنبر 2025", Latin digits, no comma.

Only what differs from Django's `ar` module is here; Django falls back to its own for the
rest. Every format spells the month out (`F`, translated by our catalog: شتنبر, not
سبتمبر) or writes it in Latin digits: never an abbreviation (`N`, `M`), whose Arabic is
Django's, and never Eastern digits, which Django does not produce and the sources do not
print, so a date never mixes the two.
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
