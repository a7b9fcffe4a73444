"""Form widgets of the public site."""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class QuickSelectMixin:
    """Renders <select> in one pass instead of one template per option.

    The filter form lists every partner and signatory: with a thousand of them, Django's
    per-option templates cost most of the page's time. Same markup, same attributes
    (aria-describedby, aria-invalid and the rest arrive in `attrs`).
    """

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)
        widget = context["widget"]
        selected = {str(v) for v in (widget["value"] or []) if v not in (None, "")}
        final_attrs = {**widget["attrs"], "name": widget["name"]}
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (
                    option_value,
                    " selected" if str(option_value) in selected else "",
                    option_label,
                )
                for option_value, option_label in self._flat_choices()
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)

    def _flat_choices(self):
        for option_value, option_label in self.choices:
            if isinstance(option_label, list | tuple):  # an optgroup: flatten it
                yield from ((value, label) for value, label in option_label)
            else:
                yield ("" if option_value is None else option_value), option_label


class QuickSelect(QuickSelectMixin, forms.Select):
    pass


class QuickSelectMultiple(QuickSelectMixin, forms.SelectMultiple):
    pass
