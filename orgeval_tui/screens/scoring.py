"""A unit's scoring screen: the rubric as a table, scored by keyboard.

Digits (and ``.``) typed on a leaf are my points for it (``x`` switches a deduction leaf
to a count of instances); the totals follow every key, computed on the sheet in memory
(``ScoreSheet.with_my_points``). Enter saves in a worker and moves to the next leaf; a
score below the maximum without a justification asks for it in the line under the
table, keeping the number typed. A refusal names the leaf and why, and puts the typed
value back.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from ..domain.printable import printable
from ..i18n import t
from ..widgets.live import LiveScreen
from ..widgets.score_entry import Typed, idle_prompt, needs_justification
from ..widgets.score_panels import detail, summary
from ..widgets.score_table import ScoreTable, points_text
from ..widgets.translated import TranslatedBindings
from ..widgets.vim import literal
from .scoring_io import Pending, ScoreIO, with_saved


class ScoringScreen(ScoreIO, LiveScreen, TranslatedBindings, Screen):
    BINDINGS = [
        Binding("escape", "back", "key.back", id="scoring.back"),
        Binding("n", "na", "key.na", tooltip="key.mark_na", id="scoring.na"),
        # The line under the table names a and x, the help (?) F and R: the footer has no
        # room for them at 80 columns.
        Binding(
            "a",
            "accept",
            "key.accept",
            tooltip="key.accept_suggestion",
            show=False,
            id="scoring.accept",
        ),
        Binding("e", "note", "key.note", tooltip="key.edit_note", id="scoring.note"),
        Binding(
            "x",
            "count_mode",
            "key.count_mode",
            tooltip="key.toggle_count",
            show=False,
            id="scoring.count",
        ),
        Binding("backspace", "erase", "key.erase", show=False, id="scoring.erase"),
        Binding(
            "F",
            "finalize",
            "key.finalize",
            tooltip="key.finalize_scores",
            show=False,
            id="scoring.finalize",
        ),
        Binding(
            "R",
            "reopen",
            "key.step.reopen",
            tooltip="key.reopen_scores",
            show=False,
            id="scoring.reopen",
        ),
    ]

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit  # as the services name it: the unit's name
        self.sheet = None
        self.typed: Typed | None = None
        self.count_mode = False
        self.pending: dict[str, Pending] = {}
        self.notes: dict[str, str] = {}  # justifications written before their score
        self.asking: tuple[str, str | None] | None = None  # (what for, leaf code)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("scoring.loading"), id="score-summary")
        yield ScoreTable(id="score-table")
        yield Static("", id="score-detail")
        yield Static("", id="score-entry")
        yield Static("", id="score-message")
        yield Input(id="score-note", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = t("scoring.title", unit=printable(self.unit, one_line=True))
        self.query_one("#score-note", Input).display = False
        self.query_one(ScoreTable).loading = True
        self.load()

    def on_score_io_loaded(self, message: ScoreIO.Loaded) -> None:
        first = self.sheet is None
        self.shown_marker, self.sheet = message.marker, message.sheet
        self.unit = message.sheet.unit
        self.sub_title = t(
            "scoring.sub_title",
            evaluation=message.sheet.evaluation,
            evaluator=message.sheet.evaluator,
        )
        table = self.query_one(ScoreTable)
        if first:
            table.loading = False
            self.call_after_refresh(self._focus_table)
        self.redraw()

    def _focus_table(self) -> None:
        """The table takes the keys; the footer is told, or it keeps the keys it showed
        while the table was loading (no ⏎)."""
        self.query_one(ScoreTable).focus()
        self.refresh_bindings()

    # ── what the screen shows ──────────────────────────────────────────────

    def shown_sheet(self):
        """The sheet as saved, with the scores being saved and the one being typed."""
        sheet = self.sheet
        for code, pending in self.pending.items():
            sheet = sheet.with_my_points(code, pending.points, na=pending.na)
        typed = self.typed
        if typed is not None:
            points = typed.preview_points(sheet.line(typed.code).leaf)
            if points is not None:
                sheet = sheet.with_my_points(typed.code, points)
        return sheet

    def redraw(self) -> None:
        if self.sheet is None:
            return
        sheet = self.shown_sheet()
        cells = {}
        for code, pending in self.pending.items():
            shown = t("scoring.na") if pending.na else points_text(pending.points)
            cells[code] = literal(shown, style="dim italic")
        if self.typed is not None:
            cells[self.typed.code] = self.typed.cell(sheet.line(self.typed.code).leaf)
        self.query_one(ScoreTable).show(sheet, cells)
        self.query_one("#score-summary", Static).update(summary(sheet))
        self.show_selected(sheet)

    def on_resize(self) -> None:
        self.redraw()  # the indicator's column takes the width there is

    def show_selected(self, sheet=None) -> None:
        sheet = sheet or self.shown_sheet()
        code = self.query_one(ScoreTable).selected_code
        leaves = {line.leaf.code for line in sheet.lines}
        entry = self.query_one("#score-entry", Static)
        if code not in leaves:
            self.query_one("#score-detail", Static).update("")
            entry.update(literal(t("scoring.entry.group", code=code or "")))
            return
        line = sheet.line(code)
        panel = self.query_one("#score-detail", Static)
        panel.update(detail(line, width=max(panel.size.width - 2, 40)))
        if sheet.finalized:
            entry.update(literal(t("scoring.entry.finalized", unit=sheet.unit)))
        elif self.typed is not None and self.typed.code == code:
            entry.update(literal(self.typed.prompt(line.leaf), style="bold"))
        else:
            entry.update(literal(idle_prompt(line.leaf), style="dim"))

    def say(self, text: str, refused: bool = False) -> None:
        message = self.query_one("#score-message", Static)
        message.set_class(refused, "refused")
        message.update(literal(text, style="bold red" if refused else "green"))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one(ScoreTable)
        if event.cursor_row != table.cursor_row:
            return  # the cursor has moved on since (a refused score brought it back)
        code = table.selected_code
        self.count_mode = False  # a count is typed on purpose, leaf by leaf
        if self.typed is not None and self.typed.code != code:
            self.typed = None  # a number typed and not saved stays with its leaf's row
            self.redraw()
            return
        self.show_selected()

    # ── typing ─────────────────────────────────────────────────────────────

    def selected_leaf(self):
        """The selected leaf's line, or None (a group row, nothing loaded, finalised:
        the last says why)."""
        if self.sheet is None or self.asking is not None:
            return None
        code = self.query_one(ScoreTable).selected_code
        if code not in {line.leaf.code for line in self.sheet.lines}:
            return None
        if self.sheet.finalized:
            self.say(t("scoring.entry.finalized", unit=self.sheet.unit), refused=True)
            return None
        return self.sheet.line(code)

    def on_key(self, event) -> None:
        character = event.character
        if character is None or self.asking is not None or not self.query_one(ScoreTable).has_focus:
            return
        typed = self.typed
        if not (typed or Typed("", count=self.count_mode)).accepts(character):
            return
        event.stop()
        event.prevent_default()
        line = self.selected_leaf()
        if line is None:
            return
        code = line.leaf.code
        if typed is None or typed.code != code:
            typed = Typed(code, count=self.count_mode and line.leaf.kind == "deduction")
        self.typed = replace(typed, text=typed.text + character)
        self.redraw()

    def action_erase(self) -> None:
        if self.typed is not None:
            text = self.typed.text[:-1]
            self.typed = replace(self.typed, text=text) if text else None
            self.redraw()

    def action_count_mode(self) -> None:
        line = self.selected_leaf()
        if line is None:
            return
        if line.leaf.kind != "deduction":
            values = {"code": line.leaf.code, "name": line.leaf.name}
            self.say(t("scoring.count_not_deduction", **values), refused=True)
            return
        self.count_mode = not self.count_mode
        code = line.leaf.code
        self.typed = Typed(code, self.typed.text if self.typed else "", count=self.count_mode)
        if not self.typed.count:
            self.typed = replace(self.typed, text="") if self.typed.text.isdigit() else self.typed
        self.redraw()

    def action_back(self) -> None:
        if self.asking is not None:
            self.close_question()
        elif self.typed is not None:
            self.typed = None
            self.redraw()
        else:
            self.app.pop_screen()

    # ── saving ─────────────────────────────────────────────────────────────

    def note_of(self, line) -> str:
        if line.leaf.code in self.notes:
            return self.notes[line.leaf.code]
        return line.mine.note if line.mine is not None else ""

    def action_save(self) -> None:
        line = self.selected_leaf()
        table = self.query_one(ScoreTable)
        if line is None or self.typed is None or not self.typed.text:
            if line is not None or self.sheet is not None:
                table.move_cursor(row=table.next_leaf_row(table.cursor_row))
            return
        leaf, typed = line.leaf, self.typed
        points, count, problem = typed.value(leaf)
        if problem is not None:
            self.say(problem, refused=True)
            return
        note = self.note_of(line)
        if needs_justification(leaf, points, note):
            values = {"code": leaf.code, "name": leaf.name, "points": points_text(points)}
            self.ask(
                "save",
                leaf.code,
                t("scoring.need_note", max=points_text(leaf.maximum), **values),
                note,
            )
            return
        self.send(line, Pending(points, False, typed, note), count if typed.count else None)

    def send(self, line, pending: Pending, count: int | None = None) -> None:
        """Save in a worker; the totals show the score meanwhile and the cursor moves on."""
        code = line.leaf.code
        self.pending[code] = pending
        self.typed = None
        expected = line.mine.version if line.mine is not None else 0
        self.save(code, pending, count, expected)
        table = self.query_one(ScoreTable)
        if table.selected_code == code:
            table.move_cursor(row=table.next_leaf_row(table.cursor_row))
        self.redraw()

    def on_score_io_answered(self, message: ScoreIO.Answered) -> None:
        code = message.code
        pending = self.pending.pop(code, None) if code is not None else None
        if message.saved is not None:
            saved = message.saved
            self.sheet = with_saved(self.sheet, saved, pending.note if pending else "")
            self.notes.pop(code, None)
            leaf = self.sheet.line(code).leaf
            self.say(t("scoring.saved", code=code, name=leaf.name))
        elif message.refused:
            if code is not None and pending is not None:
                table = self.query_one(ScoreTable)
                self.typed = pending.typed
                table.move_cursor(row=table.codes.index(code))
                name = self.sheet.line(code).leaf.name
                reason = message.text if code in message.text else f"{code} {name}: {message.text}"
                self.say(t("scoring.refused", reason=reason), refused=True)
            else:
                self.query_one(ScoreTable).loading = False
                self.say(message.text, refused=True)
        else:
            self.say(message.text)
        self.redraw()
        if code is None and not message.refused:
            self.load()  # finalised or reopened: the sheet says so at once
        # A saved score moved the data marker: the app's next poll reads the sheet again
        # (the rank among the units, other evaluators' scores). Reading it here too would
        # hold the interpreter while the answer is painted and the next key typed.

    def action_na(self) -> None:
        line = self.selected_leaf()
        if line is not None:
            self.send(line, Pending(None, True, self.typed, self.note_of(line)))

    def action_accept(self) -> None:
        line = self.selected_leaf()
        if line is None:
            return
        leaf, suggestion = line.leaf, line.suggestion
        if suggestion is None or suggestion.points is None:
            self.say(t("scoring.no_score_to_accept", code=leaf.code, name=leaf.name), refused=True)
            return
        if suggestion.count is not None and leaf.kind == "deduction":
            self.typed = Typed(leaf.code, str(suggestion.count), count=True)
        else:
            self.typed = Typed(leaf.code, points_text(suggestion.points))
        if not self.note_of(line) and suggestion.points < leaf.maximum:
            # The suggestion's reasoning is the natural justification: offered, not imposed.
            self.redraw()
            values = {
                "code": leaf.code,
                "name": leaf.name,
                "points": points_text(suggestion.points),
            }
            prompt = t("scoring.need_note", max=points_text(leaf.maximum), **values)
            self.ask("save", leaf.code, prompt, suggestion.explanation)
            return
        self.action_save()

    # ── the line under the table: a justification, a reason to reopen ───────

    def action_note(self) -> None:
        line = self.selected_leaf()
        if line is not None:
            prompt = t("scoring.note_prompt", code=line.leaf.code, name=line.leaf.name)
            self.ask("note", line.leaf.code, prompt, self.note_of(line))

    def ask(self, purpose: str, code: str | None, prompt: str, value: str) -> None:
        self.asking = (purpose, code)
        self.say(prompt)
        field = self.query_one("#score-note", Input)
        field.value = printable(value, one_line=True)
        field.display = True
        field.focus()

    def close_question(self) -> None:
        self.asking = None
        field = self.query_one("#score-note", Input)
        field.display = False
        self.query_one(ScoreTable).focus()
        self.say("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        purpose, code = self.asking or (None, None)
        text = event.value.strip()
        self.close_question()
        if purpose == "reopen":
            self.reopen(text)
            return
        if code is None:
            return
        self.notes[code] = text
        line = self.sheet.line(code)
        if self.typed is not None and self.typed.code == code:
            self.action_save()
        elif purpose == "note" and line.mine is not None:
            mine = line.mine
            if mine.not_applicable:
                self.send(line, Pending(None, True, None, text))
            elif mine.count is not None:
                self.send(line, Pending(mine.points, False, None, text), mine.count)
            else:
                self.send(line, Pending(mine.points, False, None, text))
        else:
            self.say(t("scoring.note_kept", code=code, name=line.leaf.name))
