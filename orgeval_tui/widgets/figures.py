"""Figures on screen: a label/value table, and a bar chart whose numbers are one key
away (`n` turns the bars into a table and back)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Static

from .translated import TranslatedBindings
from .vim import VimDataTable, literal

_PARTS = " ▏▎▍▌▋▊▉█"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as shown: "77.78%", "1,320", "4,850.5"


class FigureTable(VimDataTable):
    """Two columns: what, and how much."""

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", show_header=False, zebra_stripes=True, **kwargs)

    def on_mount(self) -> None:
        self.add_column("label", key="label")
        self.add_column("value", key="value")

    def show(self, rows: list[tuple[str, str]], justify: str = "right") -> None:
        """Figures line up on the right; names (``justify="left"``) read from the left."""
        self.clear()
        for label, value in rows:
            self.add_row(label, Text(value, justify=justify))


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


def render_bars(title: str, bars: list[Bar], width: int) -> Text:
    out = Text(title + "\n", style="bold")
    if not bars:
        return out
    label_width = min(max(cell_len(b.label) for b in bars), max(8, width // 3))
    text_width = max(len(b.text) for b in bars)
    room = max(4, width - label_width - text_width - 3)
    top = max((b.value for b in bars), default=0) or 1
    for bar in bars:
        eighths = round(bar.value / top * room * 8)
        full, part = divmod(eighths, 8)
        drawn = "█" * full + (_PARTS[part] if part else "")
        out.append(_pad(bar.label, label_width) + " ")
        out.append(_pad(drawn, room), style="bold cyan")
        out.append(" " + bar.text.rjust(text_width) + "\n")
    return out


def render_numbers(title: str, bars: list[Bar]) -> Text:
    out = Text(title + "\n", style="bold")
    if not bars:
        return out
    label_width = max(cell_len(b.label) for b in bars)
    text_width = max(len(b.text) for b in bars)
    for bar in bars:
        out.append(f"{_pad(bar.label, label_width)}  {bar.text.rjust(text_width)}\n")
    return out


class BarChart(TranslatedBindings, Static, can_focus=True):
    """Horizontal bars; `n` shows the same figures as a plain list of numbers."""

    BINDINGS = [Binding("n", "toggle_numbers", "key.numbers", id="chart.numbers")]

    numbers = reactive(False)

    def __init__(self, title: str = "", **kwargs) -> None:
        super().__init__("", **kwargs)
        self.title = title
        self.bars: list[Bar] = []

    def show(self, title: str, bars: list[Bar]) -> None:
        self.title, self.bars = title, bars
        self.refresh_chart()

    def refresh_chart(self) -> None:
        if self.numbers:
            self.update(literal(render_numbers(self.title, self.bars)))
        else:
            width = self.content_size.width or (self.app.size.width - 4)
            self.update(literal(render_bars(self.title, self.bars, width)))

    def watch_numbers(self, _value: bool) -> None:
        self.refresh_chart()

    def on_resize(self) -> None:
        self.refresh_chart()

    def action_toggle_numbers(self) -> None:
        self.numbers = not self.numbers
