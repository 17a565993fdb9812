"""The command palette's evaluations: 切换评估项目：NAME makes NAME the current evaluation.

The evaluations are read in a thread each time the palette opens (another evaluator may
have set one up since); a search waits for them on an event, so a search cancelled by
the next key leaves the reading to finish for the next one. The switch itself is the
app's (``OrgevalApp.switch_evaluation``), in a worker; it is audited, so the data marker
moves and every screen reads its figures again in the evaluation switched to.

An evaluation's name is user data: it goes in as literal text, never as markup.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from ..domain.printable import printable
from ..domain.roles import Need
from ..i18n import t
from ..widgets.vim import literal
from ..widgets.workers import WorkFailed


@dataclass(frozen=True)
class EvaluationChoice:
    name: str
    current: bool

    @property
    def command(self) -> str:
        return t("evaluation.palette.switch", name=printable(self.name, one_line=True))

    @property
    def help(self) -> str:
        return t(
            "evaluation.palette.current_help" if self.current else "evaluation.palette.switch_help"
        )


class EvaluationCommands(Provider):
    async def startup(self) -> None:
        self._choices: list[EvaluationChoice] = []
        self._ready = asyncio.Event()
        # A read cut short by the app closing must not take the app down with it.
        self.app.run_worker(
            self._read, thread=True, group="palette-evaluations", exit_on_error=False
        )

    def _read(self) -> None:
        from ..services.evaluation_setup import list_evaluations

        choices: list[EvaluationChoice] = []
        try:
            choices = [
                EvaluationChoice(details.info.name, details.current)
                for details in list_evaluations(self.app.database)
            ]
        except Exception as exc:  # noqa: BLE001 - shown through the app's one handler
            self.app.post_message(WorkFailed(exc))
        self.app.call_from_thread(self._loaded, choices)

    def _loaded(self, choices: list[EvaluationChoice]) -> None:
        self._choices = choices
        self._ready.set()

    async def _evaluations(self) -> list[EvaluationChoice]:
        await self._ready.wait()
        # Switching changes the evaluation every evaluator works in: an admin's step.
        return self._choices if self.app.may(Need.ADMIN) else []

    async def discover(self) -> Hits:
        for choice in await self._evaluations():
            yield DiscoveryHit(
                literal(choice.command),
                partial(self.app.switch_evaluation, choice.name),
                help=choice.help,
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for choice in await self._evaluations():
            score = matcher.match(choice.command)
            if score > 0:
                yield Hit(
                    score,
                    # highlight() reads its text as markup: escaped, the name shows as written.
                    matcher.highlight(escape(choice.command)),
                    partial(self.app.switch_evaluation, choice.name),
                    text=choice.command,
                    help=Content(choice.help),
                )
