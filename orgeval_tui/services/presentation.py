"""How service results read on screen, shared by the command line and the TUI."""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import catalogues, current_language, t


def unit_columns() -> list[str]:
    return t("unit.headers").split("|")


def walk_tree(roots) -> Iterator[tuple[int, object]]:
    """Each unit with its depth, parents before their children."""
    stack = [(0, node) for node in reversed(roots)]
    while stack:
        depth, node = stack.pop()
        yield depth, node
        stack.extend((depth + 1, child) for child in reversed(node.children))


def unit_cells(node, depth: int) -> tuple[str, ...]:
    indent = "  " * (depth - 1) + "└ " if depth else ""
    return (
        f"{indent}{node.name}",
        node.short_name or "",
        t(f"unit.kind.{node.kind}"),
        str(node.quota_admin),
        str(node.quota_public),
        str(node.quota_service),
        str(node.quota_leaders),
    )


def figure_label(key: str) -> str:
    return catalogues()[current_language()].get(f"figure.{key}", key)


def figure_value(key: str, value, document: dict | None = None) -> str:
    """A figure as shown; given the result's JSON (``document``), a figure that needs
    another beside it gets it (a share over a ladder, its unknown count)."""
    from ..analytics.display import LADDER_SHARES, figure_in, figure_text

    if document is not None and key in LADDER_SHARES:
        return figure_in(document, key)
    if key == "id":
        return catalogues()[current_language()].get(f"flag.{value}", str(value))
    if key in ("category", "persons_source", "county_average_source") and isinstance(value, str):
        return figure_label(value)
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, dict):
        return ", ".join(f"{figure_label(k)} {figure_value(k, v)}" for k, v in value.items())
    return figure_text(key, value)


def due_note(problem, today) -> tuple[str, str]:
    """A ledger problem's time against its deadline, as shown beside it, and its tone:
    ``overdue`` (overdue by N days), ``soon`` (N days left, at most 10), ``left`` (N days
    left), ``struck_off`` (the day it was struck off), or nothing."""
    from ..analytics.ledger_facts import days_left, days_overdue, is_overdue

    if is_overdue(problem, today):
        return t("ledger.overdue_by", days=days_overdue(problem, today)), "overdue"
    left = days_left(problem, today)
    if left is not None:
        return t("ledger.days_left", days=left), "soon" if left <= 10 else "left"
    if problem.status == "closed" and problem.verified_on is not None:
        return t("ledger.struck_off_on", day=problem.verified_on.isoformat()), "struck_off"
    return "", ""


def cut(text: str, cells: int) -> str:
    """``text`` in at most ``cells`` terminal cells (a CJK character takes two), ending
    in … when it had to be cut."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= cells:
        return text
    # A wide character that would straddle the cut leaves a cell of padding: drop it,
    # so the … follows the text.
    return set_cell_size(text, max(0, cells - 1)).rstrip() + "…"


def fit_cells(
    rows: list[list],
    headers: list[str],
    width: int,
    flexible: int,
    caps: dict[int, int] | None = None,
    padding: int = 2,
    minimum: int = 8,
) -> tuple[list[list], list[int]]:
    """Rows cut so that their table fits in ``width`` cells, and each column's width (so
    the table need not measure them again, and a column narrows when its cells do): each
    column named in ``caps`` to its cap, then the ``flexible`` column (the long text) to
    what the others, as wide as their widest cell or header, leave (never below
    ``minimum`` cells). ``padding`` is what the table adds around each cell. A cell may be
    rich ``Text``; only the flexible column's cells and capped cells are cut, as text."""
    from rich.cells import cell_len

    caps = caps or {}
    rows = [
        [cut(str(cell), caps[i]) if i in caps else cell for i, cell in enumerate(row)]
        for row in rows
    ]
    columns = range(len(headers))
    widths = [max(cell_len(str(cells[i])) for cells in [headers, *rows]) for i in columns]
    others = sum(w for i, w in enumerate(widths) if i != flexible)
    room = max(minimum, width - others - padding * len(headers))
    for cells in rows:
        cells[flexible] = cut(str(cells[flexible]), room)
    widths[flexible] = max(cell_len(str(cells[flexible])) for cells in [headers, *rows])
    return rows, widths
