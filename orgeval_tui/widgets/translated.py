"""Binding descriptions and tooltips in the user's language.

Textual builds a class's bindings when the class is defined, before the language is
known; descriptions are written as message keys and translated per instance. So are a
binding's tooltip (the longer wording `?` shows where the footer's word is short, so
that every key fits the footer at 80 columns) and its group's description.
"""

from __future__ import annotations

from dataclasses import replace

from ..i18n import catalogues, current_language


def textual_word(english: str) -> str:
    """One of Textual's own English texts (a binding, a system command) in the user's
    language, as ``i18n/textual_words`` has it; unknown texts stay as they are."""
    return catalogues()[current_language()].get(english, english)


class TranslatedBindings:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        messages = catalogues()[current_language()]
        table = self._bindings.key_to_bindings
        for key, bindings in table.items():
            table[key] = [_translated(b, messages) for b in bindings]


def _translated(binding, messages):
    changes = {}
    for name in ("description", "tooltip"):
        text = getattr(binding, name)
        if text:
            changes[name] = messages.get(text, text)
    group = binding.group
    if group is not None:
        changes["group"] = replace(
            group, description=messages.get(group.description, group.description)
        )
    return replace(binding, **changes) if changes else binding
