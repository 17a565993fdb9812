"""The command palette's units: by name, short name or pinyin initials (gxj → 县工信局).

The units come from the app (``OrgevalApp.unit_index``), which reads them once in a
worker; a search waits for them there, so keys typed before they arrive still find.

Textual reads a hit's text and help given as strings as markup: each goes in as literal
text instead, so a unit named ``县[/]局`` is listed as written.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from ..domain.printable import printable
from ..domain.roles import Need
from ..i18n import t
from ..widgets.vim import literal


def _help(text: str) -> Content:
    return Content(printable(text, one_line=True))


def unit_match(matcher, entry, needle: str) -> float:
    """How well the query finds the unit: by its name, short name or pinyin initials
    (``needle``: the query stripped, in lower case)."""
    score = max(matcher.match(entry.name), matcher.match(entry.short_name or ""))
    if needle and any(needle in initials for initials in entry.initials):
        # Initials are how people type Chinese names fast: they rank first.
        score = max(score, 1.0 if any(i.startswith(needle) for i in entry.initials) else 0.9)
    return score


class UnitCommands(Provider):
    async def startup(self) -> None:
        self.app.want_unit_index()

    async def discover(self) -> Hits:
        for entry in (await self.app.unit_index())[:12]:
            yield DiscoveryHit(
                literal(printable(entry.name, one_line=True)),
                partial(self.app.open_unit, entry.unit_id),
                help=t("tui.palette.help"),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        needle = query.strip().lower()
        for entry in await self.app.unit_index():
            score = unit_match(matcher, entry, needle)
            scoring = self._scoring_hit(matcher, entry, score) if entry.evaluated else None
            if scoring is not None:
                yield scoring
            if score > 0:
                label = (
                    entry.name if not entry.short_name else f"{entry.name}（{entry.short_name}）"
                )
                yield Hit(
                    score,
                    # highlight() reads its text as markup: escaped, the name shows as
                    # written (a bracket before the match shifts its highlight, no more).
                    matcher.highlight(escape(printable(label, one_line=True))),
                    partial(self.app.open_unit, entry.unit_id),
                    text=label,
                    help=_help(t("tui.palette.open_unit", name=entry.name)),
                )

    def _scoring_hit(self, matcher, entry, unit_score: float) -> Hit | None:
        """An evaluated unit's scoring screen, found by the unit's name or initials (just
        after the unit itself) or by the command's words (评分 …)."""
        label = t("scoring.palette", name=entry.name)
        score = max(unit_score * 0.95, matcher.match(label))
        if score <= 0 or not self.app.may(Need.CASEWORK, entry.unit_id):
            return None
        return Hit(
            score,
            matcher.highlight(escape(printable(label, one_line=True))),
            partial(self.app.open_scoring, entry.name),
            text=label,
            help=_help(t("scoring.palette_help", name=entry.name)),
        )
