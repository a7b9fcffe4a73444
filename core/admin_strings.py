"""Strings of Django and of the admin's libraries that we translate ourselves.

Their own Arabic or French catalogs lack them or word them badly ("Historique de vue").
Our catalogs (LOCALE_PATHS) come first, so an entry there wins; listing the msgid here
keeps `makemessages --no-obsolete` from dropping it. Nothing imports this module.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

LIBRARY_STRINGS = [
    # django-simple-history: titles of the history pages.
    gettext_noop("Revert %s"),
    gettext_noop("View %s"),
    gettext_noop("Change history: %s"),
    gettext_noop("View history: %s"),
    # Django's admin: "تاريخ" reads as a date in Arabic.
    gettext_noop("History"),
    gettext_noop("Search"),
    # Django 6.1's strings its Arabic catalog does not have yet.
    gettext_noop("- Select an option -"),
    gettext_noop("“%(value)s” is not a valid binary value."),
    gettext_noop("No %s matches the given query."),
    gettext_noop('The app "%s" could not be found.'),
    gettext_noop(", "),
    gettext_noop("Run"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would result in deleting related "
        "objects, but your account doesn't have permission to delete the following types of "
        "objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would require deleting the "
        "following protected related objects:"
    ),
    gettext_noop(
        "Are you sure you want to delete the %(object_name)s “%(escaped_object)s”? All of the "
        "following related items will be deleted:"
    ),
    gettext_noop("Pagination %(name)s entries"),
    gettext_noop("Pagination %(name)s"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Logout"),
    # django-axes: the filter of its list of failed logins.
    gettext_noop("Locked Out"),
]
PLURAL_LIBRARY_STRINGS = [
    ngettext_lazy("…and %(count)d more object.", "…and %(count)d more objects."),
]
