"""The command palette's reports: 生成报告：县工信局 for each unit under the current
evaluation (found by the command's words, or by the unit's name, short name or pinyin
initials, just after the unit itself), and 生成评估专报. Each opens the report dialog.

The units come from the app's index (``OrgevalApp.unit_index``), read in a worker; a
unit's name is user data and goes in as literal text, never as markup.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from ..domain.printable import printable
from ..i18n import t
from .palette import unit_match


def _one_line(text: str) -> str:
    return printable(text, one_line=True)


class ReportCommands(Provider):
    async def startup(self) -> None:
        self.app.want_unit_index()

    def _open(self, unit: str | None) -> None:
        from .report import report_dialog

        kind = "unit" if unit else "summary"
        self.app.push_screen(report_dialog(self.app.database, unit, kind))

    def _summary(self) -> tuple[str, str]:
        return t("tui.report.palette.summary"), t("tui.report.palette.summary_help")

    @staticmethod
    def _unit_command(entry) -> tuple[str, str]:
        label = t("tui.report.palette.unit", name=_one_line(entry.short_name or entry.name))
        return label, t("tui.report.palette.unit_help", name=_one_line(entry.name))

    async def discover(self) -> Hits:
        """The special report; a unit's report is found by typing (as its scoring is),
        so the units' own entries stay near the top of the list."""
        label, help_text = self._summary()
        yield DiscoveryHit(label, partial(self._open, None), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        needle = query.strip().lower()
        label, help_text = self._summary()
        score = matcher.match(label)
        if score > 0:
            yield Hit(score, matcher.highlight(label), partial(self._open, None), label, help_text)
        for entry in await self.app.unit_index():
            if not entry.evaluated:
                continue
            label, help_text = self._unit_command(entry)
            # After the unit itself and its scoring screen, when found by the unit.
            score = max(unit_match(matcher, entry, needle) * 0.9, matcher.match(label))
            if score > 0:
                yield Hit(
                    score,
                    # highlight() reads its text as markup: escaped, the name shows as written.
                    matcher.highlight(escape(label)),
                    partial(self._open, entry.name),
                    text=label,
                    help=Content(help_text),
                )
