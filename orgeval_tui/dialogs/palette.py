"""The command palette's units: by name, short name or pinyin initials (gxj → 县工信局).

The units come from the app (``OrgevalApp.unit_index``), which reads them once in a
worker; a search waits for them there, so keys typed before they arrive still find.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..i18n import t


class UnitCommands(Provider):
    async def startup(self) -> None:
        self.app.want_unit_index()

    async def discover(self) -> Hits:
        for entry in (await self.app.unit_index())[:12]:
            yield DiscoveryHit(
                entry.name,
                partial(self.app.open_unit, entry.unit_id),
                help=t("tui.palette.help"),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        needle = query.strip().lower()
        for entry in await self.app.unit_index():
            score = max(matcher.match(entry.name), matcher.match(entry.short_name or ""))
            if needle and any(needle in initials for initials in entry.initials):
                # Initials are how people type Chinese names fast: they rank first.
                score = max(
                    score, 1.0 if any(i.startswith(needle) for i in entry.initials) else 0.9
                )
            if score > 0:
                label = (
                    entry.name if not entry.short_name else f"{entry.name}（{entry.short_name}）"
                )
                yield Hit(
                    score,
                    matcher.highlight(label),
                    partial(self.app.open_unit, entry.unit_id),
                    text=label,
                    help=t("tui.palette.open_unit", name=entry.name),
                )
