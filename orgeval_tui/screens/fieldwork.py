"""The note editor of an on-site activity: the notes typed as the interview goes, the
interview outline beside them, the findings under them.

The notes are kept as a draft while they are typed (``fieldwork_io``: at most once a
second, in a thread); escape saves them as the activity's notes. A draft left by an
editor that died (the terminal closed, the process killed) is what the editor opens
with, and it says so. F2 shows or hides the outline (always shown from 100 columns);
choosing a question writes its heading line, or goes to it if the notes have it. F3
records the line under the cursor as a finding, F4 sends the selected finding to the
problem ledger. The keys are ones the text box leaves alone and terminals send over SSH.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static, TextArea

from ..domain.printable import printable
from ..domain.roles import Need
from ..i18n import t
from ..widgets.fieldwork_panels import (
    draft_notice,
    finding_prompt,
    particulars,
    question_prompt,
)
from ..widgets.notes_area import ChoiceList, NotesArea, typed_text
from ..widgets.translated import TranslatedBindings
from ..widgets.vim import literal
from .fieldwork_io import NotesIO

WIDE = 100  # from this many columns the outline is always beside the notes


class FieldworkScreen(NotesIO, TranslatedBindings, Screen):
    CSS_PATH = "../styles/fieldwork.tcss"
    BINDINGS = [
        Binding(
            "escape",
            "save_and_back",
            "key.back",
            tooltip="key.fieldwork.save_back",
            id="fieldwork.back",
        ),
        # `?` types a question mark in the notes: the help is on F1 here. On the lists
        # beside the notes `?` and L keep their use, out of the footer (it has no room).
        Binding("f1", "app.help", "key.help", id="fieldwork.help"),
        Binding("question_mark", "app.help", "key.help", show=False, id="fieldwork.help_key"),
        Binding("L", "app.ledger", "key.ledger", show=False, id="fieldwork.ledger"),
        Binding(
            "f2,ctrl+o",
            "toggle_outline",
            "key.fieldwork.outline",
            tooltip="key.fieldwork.toggle_outline",
            id="fieldwork.outline",
        ),
        Binding(
            "f3,ctrl+r",
            "record_finding",
            "key.fieldwork.finding",
            tooltip="key.fieldwork.record_finding",
            id="fieldwork.finding",
        ),
        Binding(
            "f4,ctrl+l",
            "finding_to_ledger",
            "key.fieldwork.ledger",
            tooltip="key.fieldwork.finding_to_ledger",
            id="fieldwork.to_ledger",
        ),
    ]

    def __init__(self, activity_id: int) -> None:
        super().__init__()
        self.activity_id = activity_id
        self.detail = None
        self.findings: tuple = ()
        self.answered: set[str] = set()
        self.outline_wanted: bool | None = None  # None: as the width has it
        self.leaving = False
        self.conflicted = False
        self.quit_after_save = False
        self.loads_pending = 0
        self.may_edit = False
        self.start_keeping()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("tui.fieldwork.loading"), id="fw-particulars")
        yield Static("", id="fw-notice")
        with Horizontal(id="fw-body"):
            yield NotesArea(id="fw-notes", soft_wrap=True, compact=True)
            with Vertical(id="fw-side"):
                yield Static(t("tui.fieldwork.outline"), classes="fw-title")
                yield ChoiceList(id="fw-outline", compact=True)
        yield Static(t("tui.fieldwork.findings"), id="fw-findings-title", classes="fw-title")
        yield ChoiceList(id="fw-findings", compact=True)
        yield Static("", id="fw-message")
        yield Footer(compact=True)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("record_finding", "finding_to_ledger") and self.detail is not None:
            return True if self.may_edit else None
        return True

    @property
    def editor(self) -> TextArea:
        return self.query_one("#fw-notes", TextArea)

    def on_mount(self) -> None:
        self.query_one("#fw-notice").display = False
        self.editor.loading = True
        self.editor.read_only = True
        self._lay_out()
        self.read_activity()

    # ── what NotesIO asks of the screen ───────────────────────────────────

    def notes_text(self) -> str:
        return self.editor.text

    def outline_questions(self) -> tuple[str, ...]:
        return self.detail.outline if self.detail is not None else ()

    # ── opening ────────────────────────────────────────────────────────────

    def on_notes_io_read(self, message: NotesIO.Read) -> None:
        detail = self.detail = message.detail
        self.title = printable(detail.unit, one_line=True)
        self.sub_title = t("tui.tab.fieldwork")
        self.query_one("#fw-particulars", Static).update(particulars(detail))
        text = typed_text(detail.notes)
        if detail.draft is not None:
            text = typed_text(detail.draft)
            notice = self.query_one("#fw-notice", Static)
            notice.update(draft_notice(detail))
            notice.display = True
        editor = self.editor
        self.loads_pending += 1  # loading the text posts a Changed of its own: not typing
        editor.load_text(text)
        editor.move_cursor(editor.document.end)
        # A viewer, or an evaluator of other units, reads the notes and changes nothing.
        self.may_edit = self.app.may(Need.CASEWORK, detail.unit_id)
        editor.read_only = not self.may_edit
        editor.loading = False
        editor.focus()
        self.refresh_bindings()
        from ..services import fieldwork

        self.answered = set(fieldwork.answers(text, detail.outline))
        self._show_outline()
        self._show_findings(detail.findings)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.loads_pending:
            self.loads_pending -= 1
        elif self.detail is not None and not self.leaving:
            self.notes_changed()

    # ── the draft ──────────────────────────────────────────────────────────

    def on_notes_io_draft_written(self, message: NotesIO.DraftWritten) -> None:
        self.draft_written(message)
        if message.error is not None:
            self.say(message.error, refused=True)
            return
        if message.saved_at is None:
            return
        if message.answered is not None and message.answered != self.answered:
            self.answered = message.answered
            self._show_outline()

    # ── leaving ────────────────────────────────────────────────────────────

    def action_save_and_back(self) -> None:
        if self.leaving:
            return
        if self.detail is None or self.conflicted or not self.may_edit:
            self.stop_keeping()
            self.app.pop_screen()
            return
        text = self.editor.text
        if text == self.detail.notes and self.detail.draft is None and not self._wrote_draft():
            self.stop_keeping()
            self.app.pop_screen()
            return
        self.leaving = True
        self.stop_keeping()
        self.write_notes(text, self.detail.version)

    def save_then_quit(self) -> bool:
        """Whether the notes are being saved, the application to quit once they are."""
        self.quit_after_save = True
        self.action_save_and_back()
        return self.leaving

    def _wrote_draft(self) -> bool:
        return self._draft_began != float("-inf")

    def on_notes_io_notes_saved(self, message: NotesIO.NotesSaved) -> None:
        if self.quit_after_save:
            self.app.exit()
            return
        self.app.pop_screen()
        self.app.notify(t("tui.fieldwork.saved", id=message.detail.id), markup=False)

    def on_notes_io_refused(self, message: NotesIO.Refused) -> None:
        if self.leaving:
            self.leaving = False
            self.quit_after_save = False  # the refusal is read first
            self.conflicted = message.conflict
        text = message.reason
        if message.conflict:
            text = f"{text} {t('tui.fieldwork.leave_again')}"
        self.say(text, refused=True)

    # ── the outline ────────────────────────────────────────────────────────

    def on_resize(self) -> None:
        self._lay_out()

    def _outline_shown(self) -> bool:
        if self.outline_wanted is not None:
            return self.outline_wanted
        return self.size.width >= WIDE

    def _lay_out(self) -> None:
        self.query_one("#fw-side").display = self._outline_shown()

    def action_toggle_outline(self) -> None:
        self.outline_wanted = not self._outline_shown()
        self._lay_out()
        if self.outline_wanted:
            self.query_one("#fw-outline", OptionList).focus()
        else:
            self.editor.focus()

    def _show_outline(self) -> None:
        outline = self.query_one("#fw-outline", OptionList)
        questions = self.outline_questions()
        if outline.option_count != len(questions):
            outline.clear_options()
            outline.add_options([question_prompt(q, q in self.answered) for q in questions])
            outline.highlighted = 0 if questions else None
            return
        for index, question in enumerate(questions):
            outline.replace_option_prompt_at_index(
                index, question_prompt(question, question in self.answered)
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "fw-outline" or self.detail is None:
            return
        event.stop()
        self.go_to_question(self.detail.outline[event.option_index])

    def go_to_question(self, question: str) -> None:
        """The cursor under the question's heading: found in the notes, or written on a
        line of its own after the cursor's."""
        from ..services import fieldwork
        from ..services.fieldwork.answers import question_of

        editor = self.editor
        questions = self.detail.outline
        for row in range(editor.document.line_count):
            if question_of(editor.document.get_line(row), questions) == question:
                editor.move_cursor((row, len(editor.document.get_line(row))))
                break
        else:
            row = editor.cursor_location[0]
            line = editor.document.get_line(row)
            end = (row, len(line))
            before = "\n" if line.strip() else ""
            editor.insert(f"{before}{fieldwork.heading(question)}\n", end)
        editor.focus()
        editor.scroll_cursor_visible(center=True)

    # ── findings ───────────────────────────────────────────────────────────

    def _show_findings(self, findings, highlight: int | None = None) -> None:
        self.findings = tuple(findings)
        listed = self.query_one("#fw-findings", OptionList)
        was = listed.highlighted
        listed.clear_options()
        if not self.findings:
            listed.add_option(literal(t("tui.fieldwork.no_findings"), style="dim"))
            listed.disabled = True
            return
        listed.disabled = False
        listed.add_options([finding_prompt(f) for f in self.findings])
        ids = [f.id for f in self.findings]
        if highlight in ids:
            listed.highlighted = ids.index(highlight)
        elif was is not None and was < len(ids):
            listed.highlighted = was
        else:
            listed.highlighted = len(ids) - 1
        listed.scroll_to_highlight()

    def action_record_finding(self) -> None:
        from ..dialogs.fieldwork_forms import finding_form

        if self.detail is None:
            return
        editor = self.editor
        line = editor.document.get_line(editor.cursor_location[0]).strip()
        if not line:
            self.say(t("tui.fieldwork.empty_line"), refused=True)
            return
        form = finding_form(self.app.database, self.activity_id, line)
        self.app.push_screen(form, self._finding_recorded)

    def _finding_recorded(self, finding) -> None:
        if finding is None:
            return
        self.say(t("tui.fieldwork.finding_added", id=finding.id))
        self._show_findings((*self.findings, finding), highlight=finding.id)

    def action_finding_to_ledger(self) -> None:
        listed = self.query_one("#fw-findings", OptionList)
        if not self.findings or listed.highlighted is None:
            self.say(t("tui.fieldwork.no_finding_selected"), refused=True)
            return
        self.send_to_ledger(self.findings[listed.highlighted].id)

    def on_notes_io_finding_sent(self, message: NotesIO.FindingSent) -> None:
        sent = message.finding
        findings = tuple(sent if f.id == sent.id else f for f in self.findings)
        self._show_findings(findings, highlight=sent.id)
        self.say(t("tui.fieldwork.to_ledger", id=sent.id, number=sent.problem_number))

    # ── the line under the notes ──────────────────────────────────────────

    def say(self, text: str, refused: bool = False) -> None:
        message = self.query_one("#fw-message", Static)
        message.set_class(refused, "refused")
        message.update(literal(text, style="bold red" if refused else "green"))
