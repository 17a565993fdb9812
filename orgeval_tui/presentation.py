"""How service results read on screen, shared by the command line and the TUI."""

from __future__ import annotations

from collections.abc import Iterator

from .i18n import t


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
