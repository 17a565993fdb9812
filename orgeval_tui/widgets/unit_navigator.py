"""The unit tree (departments with their subordinate institutions) with a filter."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from ..i18n import t
from ..services.presentation import walk_tree
from .translated import TranslatedBindings
from .vim import VimTree


class UnitNavigator(TranslatedBindings, Vertical):
    """Enter on a unit posts :class:`UnitNavigator.Chosen`; `/` filters the tree."""

    BINDINGS = [
        Binding("slash", "filter", "key.filter", id="units.filter"),
        Binding("escape", "clear_filter", "key.back", show=False, id="units.clear_filter"),
    ]

    class Chosen(Message):
        def __init__(self, unit_id: int) -> None:
            super().__init__()
            self.unit_id = unit_id

    class IndexWanted(Message):
        """The filter needs the units' pinyin initials."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._roots: list = []
        self._initials: dict[int, tuple[str, ...]] = {}

    def compose(self) -> ComposeResult:
        yield Input(placeholder=t("tui.filter.placeholder"), id="unit-filter")
        tree = VimTree(t("tui.home.units"), id="unit-tree")
        tree.show_root = False
        yield tree

    def on_mount(self) -> None:
        self.query_one("#unit-filter", Input).display = False

    def show_units(self, roots: list) -> None:
        self._roots = roots
        self._rebuild("")

    def set_initials(self, entries) -> None:
        self._initials = {entry.unit_id: entry.initials for entry in entries}
        box = self.query_one("#unit-filter", Input)
        if box.value:
            self._rebuild(box.value)

    def _matches(self, node, needle: str) -> bool:
        if not needle:
            return True
        names = (node.name, node.short_name or "", *self._initials.get(node.id, ()))
        return any(needle in name.lower() for name in names)

    def _rebuild(self, needle: str) -> None:
        tree = self.query_one("#unit-tree", VimTree)
        tree.clear()
        needle = needle.strip().lower()
        parents = {}
        for depth, node in walk_tree(self._roots):
            keep = self._matches(node, needle) or any(
                self._matches(child, needle) for _, child in walk_tree(node.children)
            )
            if not keep:
                continue
            label = f"{node.name}（{node.short_name}）" if node.short_name else node.name
            parent = parents.get(node.parent_id, tree.root) if depth else tree.root
            if node.children:
                branch = parent.add(label, data=node.id, expand=True)
                parents[node.id] = branch
            else:
                parent.add_leaf(label, data=node.id)
        tree.cursor_line = 0

    def action_filter(self) -> None:
        if not self._initials:
            self.post_message(self.IndexWanted())
        box = self.query_one("#unit-filter", Input)
        box.display = True
        box.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#unit-filter", Input)
        if box.value:
            box.value = ""
        box.display = False
        self.query_one("#unit-tree", VimTree).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._rebuild(event.value)

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.query_one("#unit-tree", VimTree).focus()

    def on_tree_node_selected(self, event: VimTree.NodeSelected) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Chosen(event.node.data))
