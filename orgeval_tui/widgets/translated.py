"""Binding descriptions in the user's language.

Textual builds a class's bindings when the class is defined, before the language is
known; descriptions are written as message keys and translated per instance.
"""

from __future__ import annotations

from dataclasses import replace

from ..i18n import catalogues, current_language


class TranslatedBindings:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        messages = catalogues()[current_language()]
        table = self._bindings.key_to_bindings
        for key, bindings in table.items():
            table[key] = [
                replace(b, description=messages.get(b.description, b.description))
                if b.description
                else b
                for b in bindings
            ]
