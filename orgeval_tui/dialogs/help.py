"""`?`: the keys of the focused widget first, then of its screen, then everywhere."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..i18n import catalogues, current_language, t
from ..services.settings import config_path
from ..widgets.translated import TranslatedBindings
from ..widgets.vim import VimDataTable


def _name(node) -> str:
    """What the user calls the widget: by its id (the unit tree), else its kind (a
    table), never the class or id a programmer gave it."""
    messages = catalogues()[current_language()]
    for key in (f"widget.{node.id}", *(f"widget.{cls.__name__}" for cls in type(node).__mro__)):
        if key in messages:
            return messages[key]
    return t("widget.other")


class HelpScreen(TranslatedBindings, ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "key.back", id="help.close"),
        Binding("question_mark", "dismiss", "key.back", show=False, id="help.close_again"),
    ]

    def __init__(self, groups: list[tuple[str, list[tuple[str, str, str]]]]) -> None:
        super().__init__()
        self.groups = groups

    @classmethod
    def for_app(cls, app) -> HelpScreen:
        """Group the active bindings by the node that owns them, focused widget first."""
        by_node: dict[object, list] = {}
        for key, active in app.active_bindings.items():
            by_node.setdefault(active.node, []).append((key, active.binding))
        focused = app.focused
        groups = []
        for node, bindings in by_node.items():
            if node is focused:
                title = t("tui.help.focused", widget=_name(node))
            elif node is app:
                title = t("tui.help.global")
            elif node is app.screen:
                title = t("tui.help.screen")
            else:
                title = t("tui.help.focused", widget=_name(node))
            # The app's own keys (they have ids and can be rebound) before Textual's.
            ordered = sorted(bindings, key=lambda pair: pair[1].id is None)
            rows = [
                (app.get_key_display(b), b.tooltip or b.description or b.action, b.id or "")
                for _key, b in ordered
            ]
            order = 0 if node is focused else (2 if node is app else 1)
            groups.append((order, title, rows))
        groups.sort(key=lambda g: g[0])
        return cls([(title, rows) for _, title, rows in groups])

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(t("tui.help.title"), id="help-title")
            yield VimDataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            yield Static(Text(t("tui.help.rebind", path=config_path())), id="help-rebind")

    def on_mount(self) -> None:
        table = self.query_one("#help-table", VimDataTable)
        table.add_columns(*t("tui.help.headers").split("|"))
        for title, rows in self.groups:
            table.add_row(Text(title, style="bold"), "", "")
            for key, description, binding_id in rows:
                table.add_row(f"  {key}", description, binding_id)
        table.focus()
