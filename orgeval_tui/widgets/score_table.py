"""The rubric as a table for scoring: each area as a group row, each leaf with its
maximum, the unit's self-score, the suggestion, my score, the evaluators' mean (marked
when they disagree) and my justification.

The table is drawn from a ``ScoreSheet`` (a plain dataclass); the typed, unsaved value
of one leaf is drawn in its row, so the user sees where the number goes."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from ..analytics import display
from ..i18n import t
from .vim import VimDataTable

FLEXIBLE = 1  # the indicator's name takes the room the other columns leave
CAPS = {7: 12}  # the justification is cut; the detail line shows it whole
FLAG = " !"


points_text = mean_text = display.points


def given_text(score) -> str:
    """A given score (``GivenScore``): its points, N/A, or — when there is none."""
    if score is None:
        return "—"
    return t("scoring.na") if score.not_applicable else points_text(score.points)


class ScoreTable(VimDataTable):
    """Enter saves: the screen's ``save`` action, not the table's row selection."""

    BINDINGS = [
        Binding("enter", "screen.save", "key.save", tooltip="key.save_score", id="scoring.save"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        # The table's own Enter (select the row, not shown in the footer) would come
        # first for the key and hide "⏎ Save" from the footer.
        keys = self._bindings.key_to_bindings
        keys["enter"] = [b for b in keys["enter"] if b.id == "scoring.save"]
        self.codes: list[str] = []  # each row's indicator code, in order
        self.leaf_codes: set[str] = set()
        self.widths: list[int] = []
        self.drawn: list[list] = []  # the cells as last drawn

    def show(self, sheet, cells: dict[str, Text] | None = None) -> None:
        """Every row of ``sheet``; ``cells``: what to show as my score instead of the
        saved one, by leaf (a value typed, a score being saved). When only cells changed
        (a key typed), only they are redrawn: the table keeps its scroll and cursor."""
        from ..services.presentation import fit_cells

        cells = cells or {}
        headers = t("scoring.headers").split("|")
        lines = {line.leaf.code: line for line in sheet.lines}
        by_indicator = sheet.result.by_indicator
        rows, codes = [], []
        for indicator in sheet.rubric.indicators:
            line = lines.get(indicator.code)
            if line is None:
                rows.append(_group_row(indicator, by_indicator.get(indicator.code)))
            else:
                rows.append(_leaf_row(line, cells.get(indicator.code)))
            codes.append(indicator.code)
        width = (self.size.width or self.app.size.width) - 2  # the vertical scrollbar
        rows, widths = fit_cells(rows, headers, width, FLEXIBLE, CAPS)
        if codes == self.codes and widths == self.widths:
            self._update(rows)
            return
        cursor = self.cursor_row
        kept = self.codes[cursor] if 0 <= cursor < len(self.codes) else None
        self.clear(columns=True)
        for label, column_width in zip(headers, widths, strict=True):
            self.add_column(label, width=column_width)
        for code, row in zip(codes, rows, strict=True):
            self.add_row(*row, key=code)
        self.codes, self.leaf_codes, self.widths, self.drawn = codes, set(lines), widths, rows
        if kept in codes:
            self.move_cursor(row=codes.index(kept), animate=False)
        else:
            self.move_cursor(row=self.next_leaf_row(-1), animate=False)

    def _update(self, rows: list[list]) -> None:
        columns = [column.key for column in self.ordered_columns]
        for code, old, new in zip(self.codes, self.drawn, rows, strict=True):
            for column, before, after in zip(columns, old, new, strict=True):
                if before != after:
                    self.update_cell(code, column, after)
        self.drawn = rows

    @property
    def selected_code(self) -> str | None:
        row = self.cursor_row
        return self.codes[row] if 0 <= row < len(self.codes) else None

    def next_leaf_row(self, after: int) -> int:
        """The row of the first leaf after row ``after`` (the last leaf's row stays)."""
        for row in range(after + 1, len(self.codes)):
            if self.codes[row] in self.leaf_codes:
                return row
        return after if 0 <= after < len(self.codes) else 0


def _group_row(indicator, subtotal) -> list:
    bold = "bold"
    points = "" if subtotal is None or not subtotal.scored else points_text(subtotal.points)
    maximum = indicator.maximum if subtotal is None else subtotal.maximum
    return [
        Text(indicator.code, style=bold),
        Text(indicator.name, style=bold),
        Text(points_text(maximum), style=bold),
        "",
        "",
        "",
        Text(points, style=bold),
        "",
    ]


def _leaf_row(line, typed: Text | None) -> list:
    leaf = line.leaf
    suggestion = line.suggestion
    suggested = "—" if suggestion is None else points_text(suggestion.points)
    if line.agreement.flagged:
        mean = Text(mean_text(line.agreement.mean)) + Text(FLAG, style="bold red")
    elif line.outcome.not_applicable:
        mean = t("scoring.na")
    else:
        mean = mean_text(line.agreement.mean)
    note = line.mine.note if line.mine is not None else ""
    code = leaf.code + (" *" if leaf.veto else "")
    return [
        code,
        leaf.name,
        points_text(leaf.maximum),
        given_text(line.self_score),
        suggested,
        typed if typed is not None else given_text(line.mine),
        mean,
        note,
    ]
