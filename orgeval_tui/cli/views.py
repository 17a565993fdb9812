"""Rich renderings of service results for the command line. Every cell and title is
built by ``literal`` (cli/literal.py): names, sections and holidays are shown as written."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..services.presentation import figure_label as _label
from ..services.presentation import figure_value, unit_cells, unit_columns, walk_tree
from .literal import literal


def unit_tree_table(roots, console: Console | None = None) -> None:
    table = Table(*unit_columns(), box=None, pad_edge=False)
    for column in table.columns[3:]:
        column.justify = "right"
    for depth, node in walk_tree(roots):
        table.add_row(*map(literal, unit_cells(node, depth)))
    (console or Console()).print(table)


def _rows_table(title: str, rows: list[dict]) -> Table:
    keys = list(rows[0])
    table = Table(title=literal(title), box=None, title_justify="left")
    for key in keys:
        table.add_column(literal(_label(key)))
    for row in rows:
        table.add_row(*(literal(figure_value(k, row[k])) for k in keys))
    return table


def figures_table(kind: str, unit: str, figures, context: dict, console=None) -> None:
    """A figure per line, then any lists (sections, months, flags) as their own tables."""
    console = console or Console()
    document = figures.to_json()
    period = " – ".join(str(context[k]) for k in ("from", "to") if k in context)
    heading = "  ".join(
        x for x in (unit, context.get("evaluation"), context.get("channel"), period) if x
    )
    console.print(literal(heading, style="bold"))
    table = Table(box=None, show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    lists = []
    for key, value in document.items():
        if isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
            lists.append((key, [{"category": k, **v} for k, v in value.items()]))
            continue
        if isinstance(value, list):
            if value and isinstance(value[0], dict):
                lists.append((key, value))
            elif value:
                table.add_row(literal(_label(key)), literal("、".join(str(v) for v in value)))
            continue
        table.add_row(literal(_label(key)), literal(figure_value(key, value, document)))
    console.print(table)
    for key, rows in lists:
        console.print()
        console.print(_rows_table(_label(key), rows))


def calendar_table(year: int, workdays, special, console=None) -> None:
    from ..i18n import t

    console = console or Console()
    state = t("calendar.year_assumed") if workdays.assumed else t("calendar.year_known")
    console.print(
        literal(t("calendar.year_summary", year=year, workdays=len(workdays.days), assumed=state))
    )
    if not special:
        return
    table = Table(*t("calendar.headers").split("|"), box=None)
    weekdays = t("calendar.weekdays").split("|")
    for day in special:
        table.add_row(
            day.day.isoformat(),
            weekdays[day.day.weekday()],
            t("calendar.workday") if day.is_workday else t("calendar.holiday"),
            literal(day.name),
            t(f"calendar.source.{day.source}"),
        )
    console.print(table)


def overview_table(overview: dict, console=None) -> None:
    console = console or Console()
    table = Table(
        box=None,
        show_header=False,
        title=literal(overview["evaluation"]),
        title_justify="left",
        title_style="bold",
    )
    table.add_column(style="bold")
    table.add_column()
    table.add_row(_label("as_of"), overview["reference_date"])
    for period in overview["periods"]:
        table.add_row(literal(period["label"]), f"{period['from']} – {period['to']}")
    table.add_row(_label("units"), literal("、".join(overview["units"])))
    for key in (
        "peer_departments",
        "peer_responses",
        "staff_items",
        "problems",
        "problems_fed_back",
    ):
        table.add_row(_label(key), str(overview[key]))
    console.print(table)
