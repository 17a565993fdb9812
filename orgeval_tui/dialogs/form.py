"""The ledger's small forms: one per transition, adding a problem, and the filters.

A form checks what it can (required fields, dates) before anything is written, then
runs its work in a thread; a refusal from the service (a state that does not allow the
step, someone else's change, a deadline before the feedback) is shown in the form, which
stays open with what was typed. A refusal that asking again can get past (a question to
confirm, someone else's newer version to apply the input on top of) says so, and Enter
then sends the same input with the answer; changing any field takes the answer back.
Escape leaves without writing anything.

The fields are compact, one line each beside their label (a multi-line text a few
lines), so a form of seven fields shows whole at 80×24. Compact fields have no border,
which also keeps a choice's drop-down list clear of borders beneath it: Textual drops a
CJK character of an overlay that lies across the edge of a widget below it, a border or
a field ending at an odd column (textual#6357); the fields below a list start where it
does, and a check box is two characters wide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    ProgressBar,
    Select,
    Static,
    TextArea,
)

from ..domain.errors import ConflictError, UserError
from ..i18n import t
from ..widgets.path_suggester import PathSuggester
from ..widgets.translated import TranslatedBindings
from ..widgets.vim import literal
from ..widgets.workers import WorkFailed


@dataclass(frozen=True)
class Field:
    """One input of a form: ``kind`` is text, lines (a multi-line text), date, path (a
    file, completed as it is typed), check, or choice (from ``options``)."""

    name: str
    label: str
    kind: str = "text"
    required: bool = False
    default: object = ""  # a choice's value, "1" for a ticked check
    options: tuple[tuple[str, object], ...] = ()  # (label, value)
    prompt: str = ""  # what a choice left empty says (default: any)


def parse_day(text: str) -> date:
    """A date as people type it: 2021-09-30, 2021/9/30, 2021.9.30, 2021年9月30日."""
    from ..ingest.dates import parse_date

    return parse_date(text.strip())


class FormScreen(TranslatedBindings, ModalScreen[object]):
    """A modal form. ``action`` receives the values (dates parsed) and runs in a thread;
    what it returns is the form's result."""

    BINDINGS = [Binding("escape", "dismiss_form", "key.back", id="form.cancel")]

    class Refused(Message):
        def __init__(
            self,
            reason: str,
            retry_with: dict | None = None,
            hint: str = "",
            error: UserError | None = None,
        ) -> None:
            super().__init__()
            self.reason, self.retry_with, self.hint = reason, retry_with, hint
            self.error = error  # the service's refusal itself, for a form that shows more

    class Done(Message):
        def __init__(self, result) -> None:
            super().__init__()
            self.result = result

    def __init__(
        self,
        title: str,
        fields: list[Field],
        action: Callable[[dict], object],
        note: str = "",
        error: str = "",
        working: Callable[[dict], str] | None = None,
    ) -> None:
        """``error``: a refusal known before anything is typed, shown from the start;
        ``working``: what the form says, with a progress bar, while its action runs
        (for an action that takes a while, such as an import)."""
        super().__init__()
        self.form_title, self.fields, self.action, self.note = title, fields, action, note
        self.retry_with: dict | None = None  # the answer Enter gives to the last refusal
        self.error = error
        self.working = working

    def compose(self) -> ComposeResult:
        labels = [f"{field.label}{' *' if field.required else ''}" for field in self.fields]
        label_width = max((cell_len(label) for label in labels), default=0) + 1
        with Vertical(classes="form-box"):
            yield Static(self.form_title, classes="form-title")
            if self.note:
                yield Static(literal(self.note), classes="form-note")
            with VerticalScroll(classes="form-fields"):
                for field, label in zip(self.fields, labels, strict=True):
                    with Horizontal(classes="form-field"):
                        name = Label(label)
                        name.styles.width = label_width
                        yield name
                        yield self._input(field)
            yield Static(Text(self.error), classes="form-error")
            with Horizontal(classes="form-progress"):
                yield Static(classes="form-working")
                yield ProgressBar(total=None, show_eta=False, show_percentage=False)
            with Horizontal(classes="form-buttons"):
                yield Button(t("tui.form.ok"), id="form-ok", variant="primary", compact=True)
                yield Button(t("tui.form.cancel"), id="form-cancel", compact=True)

    def on_mount(self) -> None:
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}").focus()

    def _input(self, field: Field):
        widget_id = f"field-{field.name}"
        if field.kind == "choice":
            return Select(
                field.options,
                value=field.default if field.default else Select.NULL,
                allow_blank=not field.required,
                prompt=field.prompt or t("tui.form.any"),
                id=widget_id,
                compact=True,
            )
        if field.kind == "check":
            return Checkbox("", value=field.default == "1", id=widget_id, compact=True)
        if field.kind == "lines":
            return TextArea(str(field.default), id=widget_id, compact=True, soft_wrap=True)
        placeholder = "YYYY-MM-DD" if field.kind == "date" else ""
        suggester = PathSuggester() if field.kind == "path" else None
        return Input(
            value=field.default,
            placeholder=placeholder,
            id=widget_id,
            compact=True,
            suggester=suggester,
        )

    def _values(self) -> dict:
        values, missing = {}, []
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if field.kind == "choice":
                value = None if widget.value is Select.NULL else widget.value
            elif field.kind == "check":
                value = widget.value
            elif field.kind == "lines":
                value = widget.text.strip() or None
            else:
                value = widget.value.strip() or None
            if field.required and value in (None, ""):
                missing.append(field.label)
                continue
            if field.kind == "date" and value is not None:
                try:
                    value = parse_day(value)
                except ValueError as exc:
                    raise UserError(t("tui.form.bad_date", field=field.label, reason=exc)) from exc
            values[field.name] = value
        if missing:
            raise UserError(t("tui.form.missing", fields="、".join(missing)))
        return values

    def _submit(self) -> None:
        try:
            values = self._values()
        except UserError as exc:
            self._show_error(str(exc))
            return
        self.query_one("#form-ok", Button).disabled = True
        if self.working is not None:
            self._show_error("")
            self.query_one(".form-working", Static).update(literal(self.working(values)))
            self.query_one(".form-progress").display = True
        self.run_action({**values, **(self.retry_with or {})})

    @work(thread=True, exclusive=True, group="form")
    def run_action(self, values: dict) -> None:
        try:
            result = self.action(values)
        except UserError as exc:
            conflict = isinstance(exc, ConflictError)
            hint = t("tui.form.retry_conflict" if conflict else "tui.form.retry_confirm")
            self.post_message(self.Refused(str(exc), exc.retry_with, hint, exc))
        except Exception as exc:  # noqa: BLE001 - the app's one handler shows it
            self.app.post_message(WorkFailed(exc))
            self.post_message(self.Refused(t("tui.form.failed")))
        else:
            self.post_message(self.Done(result))

    def _show_error(self, text: str) -> None:
        self.query_one(".form-error", Static).update(literal(text))

    def on_form_screen_refused(self, message: Refused) -> None:
        self.query_one(".form-progress").display = False
        self.query_one("#form-ok", Button).disabled = False
        # The answers given so far stand with the new one (a conflict, then a question).
        answers = {**(self.retry_with or {}), **(message.retry_with or {})}
        self.retry_with = answers if message.retry_with is not None else None
        self.show_refusal(message)

    def show_refusal(self, message: Refused) -> None:
        """Says why the action was refused, in the form (a form may show more)."""
        if message.retry_with is None:
            self._show_error(message.reason)
        else:
            self._show_error(f"{message.reason}\n{message.hint}")

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(TextArea.Changed)
    def _input_changed(self) -> None:
        """An answer was to the input as it stood: a change takes it back."""
        if self.retry_with is not None:
            self.retry_with = None
            self._show_error("")

    def on_form_screen_done(self, message: Done) -> None:
        self.dismiss(message.result)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "form-ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_dismiss_form(self) -> None:
        self.dismiss(None)
