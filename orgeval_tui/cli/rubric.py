"""`orgeval rubric ...`: the current evaluation's rubric (指标体系) shown, written to a
workbook the office edits, and replaced by an edited workbook (or a TOML file)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..i18n import t
from .common import DryRunOption, EvaluationOption, JsonOption, open_db, print_json
from .literal import literal, plain

rubric_app = typer.Typer(
    help="Show, export and import the evaluation's rubric.", no_args_is_help=True
)


@rubric_app.command("show")
def rubric_show(
    ctx: typer.Context, evaluation: EvaluationOption = None, as_json: JsonOption = False
) -> None:
    """Show the rubric: indicators with their maxima, kinds and standards, and grade bands."""
    from ..services.rubrics import show_rubric

    view = show_rubric(open_db(ctx), evaluation)
    if as_json:
        print_json(view.to_json())
        return
    if view.rubric is None:
        typer.echo(plain(t("score.no_rubric", evaluation=view.evaluation)))
        return
    _print_rubric(view.evaluation, view.rubric)


def _details(indicator) -> list[str]:
    """The leaf's lines under its name: the standard, then how its kind scores it."""
    from ..i18n import current_language
    from ..ingest.rubric_words import bands_text, categories_text, figure_word, number_text

    lines = [indicator.standard]
    if indicator.kind == "deduction":
        line = t("rubric_cli.per_instance", points=number_text(indicator.per_instance))
        if indicator.categories:
            categories = categories_text(indicator.categories)
            line += t("rubric_cli.then") + t("rubric_cli.categories", categories=categories)
        lines.append(line)
    elif indicator.kind == "figure":
        figure = figure_word(indicator.figure, current_language())
        bands = bands_text(indicator.bands)
        lines.append(t("rubric_cli.bands", figure=figure, bands=bands))
    return lines


def _print_rubric(evaluation: str, rubric) -> None:
    from rich.console import Console
    from rich.table import Column, Table

    from ..i18n import current_language
    from ..ingest.rubric_words import kind_word, number_text

    language = current_language()
    leaves = rubric.leaves()
    total = number_text(sum(leaf.maximum for leaf in leaves))
    title = t("rubric_cli.heading", evaluation=evaluation, leaves=len(leaves), total=total)
    table = Table(
        Column(t("rubric_cli.col.code"), no_wrap=True),
        Column(t("rubric_cli.col.name"), overflow="fold", ratio=1),
        Column(t("rubric_cli.col.max"), justify="right", no_wrap=True),
        Column(t("rubric_cli.col.kind")),
        Column(t("rubric_cli.col.veto"), no_wrap=True),
        box=None,
        title=literal(title),
        title_justify="left",
        expand=True,
    )
    for indicator in rubric.indicators:
        depth = len(rubric.ancestors(indicator.code))
        indent = "  " * depth
        maximum = number_text(indicator.maximum)
        if indicator.kind is None:
            table.add_row(
                literal(indent + indicator.code, "bold"),
                literal(indicator.name, "bold"),
                literal(maximum, "bold"),
                "",
                "",
            )
            continue
        table.add_row(
            literal(indent + indicator.code),
            literal(indicator.name),
            literal(maximum),
            literal(kind_word(indicator.kind, language)),
            literal(t("rubric_excel.yes") if indicator.veto else ""),
        )
        for line in _details(indicator):
            table.add_row("", literal(line, "dim"), "", "", "")
    console = Console()
    console.print(table)
    grades = rubric.grades
    bands = t(
        "evaluation.grades",
        excellent=grades["excellent"],
        good=grades["good"],
        passing=grades["pass"],
    )
    console.print(literal(f"{t('evaluation.col.grades')}: {bands}"))


@rubric_app.command("export")
def rubric_export(
    ctx: typer.Context,
    output: Annotated[str, typer.Option("-o", "--output", help="The workbook to write (.xlsx).")],
    evaluation: EvaluationOption = None,
    as_json: JsonOption = False,
) -> None:
    """Write the rubric to a workbook to edit in Excel or WPS and import back."""
    from ..services.rubrics import export_rubric

    done = export_rubric(open_db(ctx), output, evaluation)
    if as_json:
        print_json(done.to_json())
        return
    typer.echo(
        plain(
            t(
                "rubric_excel.exported",
                file=str(done.path),
                evaluation=done.evaluation,
                leaves=done.leaves,
                indicators=done.indicators,
            )
        )
    )


@rubric_app.command("import")
def rubric_import(
    ctx: typer.Context,
    file: Annotated[
        str, typer.Argument(help="The rubric: a workbook as `rubric export` writes it, or .toml.")
    ],
    evaluation: EvaluationOption = None,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
) -> None:
    """Replace the rubric and grade bands with FILE's, while no score refers to the rubric."""
    from ..ingest.rubric_words import number_text
    from ..services.rubrics import import_rubric

    done = import_rubric(open_db(ctx), file, evaluation=evaluation, dry_run=dry_run)
    if as_json:
        print_json(done.to_json())
        return
    parts = [t("rubric_cli.part", name=p.name, points=number_text(p.maximum)) for p in done.parts()]
    grades = done.rubric.grades
    typer.echo(
        plain(
            t(
                "rubric_cli.imported_dry" if dry_run else "rubric_cli.imported",
                file=done.file,
                evaluation=done.evaluation,
                leaves=len(done.rubric.leaves()),
                count=len(parts),
                parts=t("rubric_excel.or").join(parts),
                grades=t(
                    "evaluation.grades",
                    excellent=grades["excellent"],
                    good=grades["good"],
                    passing=grades["pass"],
                ),
            )
        )
    )
