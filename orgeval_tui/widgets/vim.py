"""Lists that move with vim keys as well as the arrows (every binding has an id)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable, Tree

from .translated import TranslatedBindings


class VimDataTable(TranslatedBindings, DataTable):
    BINDINGS = [
        Binding("j", "cursor_down", "key.down", show=False, id="table.down"),
        Binding("k", "cursor_up", "key.up", show=False, id="table.up"),
        Binding("h", "cursor_left", "key.left", show=False, id="table.left"),
        Binding("l", "cursor_right", "key.right", show=False, id="table.right"),
        Binding("g", "scroll_top", "key.top", show=False, id="table.top"),
        Binding("G", "scroll_bottom", "key.bottom", show=False, id="table.bottom"),
    ]


class VimTree(TranslatedBindings, Tree):
    BINDINGS = [
        Binding("j", "cursor_down", "key.down", show=False, id="tree.down"),
        Binding("k", "cursor_up", "key.up", show=False, id="tree.up"),
        Binding("h", "cursor_parent", "key.parent", show=False, id="tree.parent"),
        Binding("l", "toggle_node", "key.expand", show=False, id="tree.expand"),
        Binding("g", "scroll_home", "key.top", show=False, id="tree.top"),
        Binding("G", "scroll_end", "key.bottom", show=False, id="tree.bottom"),
    ]
