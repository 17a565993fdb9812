"""The unit tree (departments with their subordinate institutions) with a filter."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from ..i18n import t
from ..services.presentation import walk_tree
from .translated import TranslatedBindings
from .vim import VimTree, literal


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
        yield Static("", id="unit-filter-empty")
        tree = VimTree(t("tui.home.units"), id="unit-tree")
        tree.show_root = False
        yield tree

    def on_mount(self) -> None:
        self.query_one("#unit-filter", Input).display = False
        self.query_one("#unit-filter-empty", Static).display = False

    def show_units(self, roots: list) -> None:
        """The units (again, after a change): the filter and the highlighted unit stay."""
        self._roots = roots
        self._rebuild(self.query_one("#unit-filter", Input).value, keep=self._highlighted())

    def _highlighted(self) -> int | None:
        node = self.query_one("#unit-tree", VimTree).cursor_node
        return node.data if node is not None else None

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

    def _rebuild(self, text: str, keep: int | None = None) -> None:
        """The units that match ``text``, with the departments they sit under (shown for
        context); the cursor goes to ``keep`` if shown, else to the first unit that
        matches, never to a department that is only context."""
        tree = self.query_one("#unit-tree", VimTree)
        tree.clear()
        needle = text.strip().lower()
        parents = {}
        lines: dict[int, int] = {}  # unit → its line: every branch is expanded
        first_match = None
        for depth, node in walk_tree(self._roots):
            matches = self._matches(node, needle)
            if not matches and not any(
                self._matches(child, needle) for _, child in walk_tree(node.children)
            ):
                continue
            if matches and first_match is None:
                first_match = node.id
            lines[node.id] = len(lines)
            label = f"{node.name}（{node.short_name}）" if node.short_name else node.name
            parent = parents.get(node.parent_id, tree.root) if depth else tree.root
            if node.children:
                branch = parent.add(label, data=node.id, expand=True)
                parents[node.id] = branch
            else:
                parent.add_leaf(label, data=node.id)
        target = keep if keep in lines else first_match
        tree.cursor_line = lines.get(target, 0)
        empty = self.query_one("#unit-filter-empty", Static)
        empty.display = bool(needle) and not lines
        empty.update(literal(t("tui.filter.no_match", text=text.strip())))

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
