"""The ledger screen's steps: selecting problems, and the forms that move them (and a
new one) through their life. Mixed into ``LedgerScreen``, whose page, selection and
choices they use."""

from __future__ import annotations

from ..dialogs import ledger_forms as forms
from ..dialogs.form import FormScreen
from ..domain.roles import Need
from ..i18n import t
from ..services import ledger
from ..widgets.paged_table import PagedTable

# As many steps as the footer holds word by word at 80 columns in English, beside the
# screen's other keys: one problem's steps (never more than three).
STEPS_ONE_BY_ONE = 3


class LedgerSteps:
    # Selecting for a step on many problems.

    def action_toggle_selected(self) -> None:
        number = self._highlighted_number()
        if number is None:
            return
        if self.selected.pop(number, None) is None:
            self.selected[number] = self.page_rows[number].version
        self._mark(number)
        self.query_one(PagedTable).table.action_cursor_down()
        self._show_filters()
        self.refresh_bindings()

    def action_select_page(self) -> None:
        on_page = [n for n in self.page_rows if n in self.selected]
        for number in self.page_rows:
            if on_page:
                self.selected.pop(number, None)
            else:
                self.selected[number] = self.page_rows[number].version
            self._mark(number)
        self._show_filters()
        self.refresh_bindings()

    def _mark(self, number: str) -> None:
        paged = self.query_one(PagedTable)
        mark = "●" if number in self.selected else " "
        paged.table.update_cell(number, paged.column_keys[0], mark)

    # The steps of a problem's life.

    def _targets(self) -> list[tuple[str, int | None]]:
        if self.selected:
            return list(self.selected.items())
        number = self._highlighted_number()
        return [(number, self.page_rows[number].version)] if number in self.page_rows else []

    def _target_statuses(self) -> set[str] | None:
        """The statuses of the problems a step would apply to; None when unknown (a
        selection made on another page)."""
        statuses = set()
        for number, _ in self._targets():
            problem = self.page_rows.get(number)
            if problem is None:
                return None
            statuses.add(problem.status)
        return statuses

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """A step is offered when some target allows it (the form names those that
        refuse): one by one while they fit the footer, else under one word."""
        if action == "add":
            return True if self.app.may_change() else None
        if action not in ("step", "steps"):
            return True
        statuses = self._target_statuses()
        if statuses is None:  # the service decides, and names any problem that refuses
            offered = set(ledger.STEPS)
        else:
            offered = {step for status in statuses for step in ledger.ALLOWED[status]}
        one_by_one = len(offered) <= STEPS_ONE_BY_ONE
        if not (parameters[0] in offered and one_by_one == (action == "step")):
            return False
        return True if self._may_step() else None  # greyed: the role does not allow it

    def _may_step(self) -> bool:
        """Whether this account may change the problems a step would apply to (those
        on another page are left to the service, which names any it refuses)."""
        if not self.app.may_change():
            return False
        return all(
            self.app.may(Need.CASEWORK, self.page_rows[number].unit_id)
            for number, _ in self._targets()
            if number in self.page_rows
        )

    def action_step(self, step: str) -> None:
        targets = self._targets()
        if not targets or not self._may_step():
            return
        database = self.app.database

        def run(values: dict):
            return ledger.apply(database, step, targets, **values)

        self.app.push_screen(
            FormScreen(
                forms.heading(t(f"ledger.action.{step}")),
                forms.step_fields(step, self.today),
                run,
                note=forms.targets_note(targets, self.page_rows),
                error="\n".join(forms.step_refusals(step, targets, self.page_rows)),
            ),
            lambda views: self._stepped(step, views),
        )

    def action_steps(self, step: str) -> None:
        """A step's key under the footer's one word for many steps: the same step."""
        self.action_step(step)

    def _stepped(self, step: str, views) -> None:
        if not views:
            self.reload()  # a refused step may have met someone else's change: show it
            return
        self.notify(t("tui.ledger.done", step=t(f"ledger.action.{step}"), count=len(views)))
        self.selected.clear()
        self._show_filters()
        self._detail_for = None
        self.reload()

    def action_add(self) -> None:
        if not self.app.may_change() or not self._with_choices("add"):
            return
        database = self.app.database

        def run(values: dict):
            return ledger.add(database, **{k: v for k, v in values.items() if v is not None})

        def added(view) -> None:
            if view is not None:
                self.notify(t("tui.ledger.added", number=view.number))
                self._choices_loaded = False  # it may bring a new category
                self._cursor_to = view.number
                # Numbered last: in the recorded order, on the page after the last one's.
                in_order = self.query_state.order == ledger.ORDERS[0]
                table = self.query_one(PagedTable)
                recorded = in_order and not self.query_state.descending
                self.reload(table.page_of(table.total) if recorded else None)

        title, fields = (
            forms.heading(t("ledger.action.create")),
            # Only the units this account may record problems of.
            forms.new_problem_fields(
                [unit for unit in self.units if self.app.may(Need.CASEWORK, unit[0])]
            ),
        )
        self.app.push_screen(FormScreen(title, fields, run), added)
