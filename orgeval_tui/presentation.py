"""How service results read on screen, shared by the command line and the TUI."""

from __future__ import annotations

from collections.abc import Iterator

from .i18n import catalogues, current_language, t


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


def figure_value(key: str, value) -> str:
    from .analytics.display import figure_text

    if key == "id":
        return catalogues()[current_language()].get(f"flag.{value}", str(value))
    if key in ("category", "persons_source", "county_average_source") and isinstance(value, str):
        return figure_label(value)
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, dict):
        return ", ".join(f"{figure_label(k)} {figure_value(k, v)}" for k, v in value.items())
    return figure_text(key, value)
