"""The command palette's units: by name, short name or pinyin initials (gxj → 县工信局)."""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..i18n import t


class UnitCommands(Provider):
    async def startup(self) -> None:
        app = self.app
        if getattr(app, "search_entries", None) is None:
            from ..services.workspace import search_entries

            app.search_entries = await asyncio.to_thread(search_entries, app.database)

    def _entries(self):
        return getattr(self.app, "search_entries", None) or []

    async def discover(self) -> Hits:
        for entry in self._entries()[:12]:
            yield DiscoveryHit(
                entry.name,
                partial(self.app.open_unit, entry.unit_id),
                help=t("tui.palette.help"),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        needle = query.strip().lower()
        for entry in self._entries():
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
