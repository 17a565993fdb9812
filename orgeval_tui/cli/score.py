"""`orgeval score ...`: give scores against the evaluation's rubric, read a unit's score
sheet, finalise and reopen it, and send the unit its self-evaluation sheet (自评得分表)
and read its filled copy back."""

from __future__ import annotations

from typing import Annotated

import typer

from ..i18n import t
from .common import EvaluationOption, JsonOption, UnitOption, open_db, print_json
from .literal import plain

score_app = typer.Typer(
    help="Score units against the rubric, finalise, and exchange self-evaluation sheets.",
    no_args_is_help=True,
)


def _number(value: str | None, option: str, whole: bool = False):
    """A number typed on the command line; a bad one exits 1 naming the option."""
    if value is None:
        return None
    from ..domain.errors import UserError

    try:
        return int(value) if whole else float(value)
    except ValueError:
        key = "score_cli.bad_count" if whole else "score_cli.bad_points"
        raise UserError(t(key, option=option, value=value)) from None


@score_app.command("set")
def score_set(
    ctx: typer.Context,
    unit: UnitOption,
    code: Annotated[
        str, typer.Option("--indicator", help="The leaf's code, as `score show` lists it.")
    ],
    points: Annotated[
        str | None,
        typer.Option("--points", help="Points, from 0 to the maximum in steps of 0.5."),
    ] = None,
    count: Annotated[
        str | None,
        typer.Option("--count", help="Instances found, on a deduction leaf (points follow)."),
    ] = None,
    na: Annotated[bool, typer.Option("--na", help="Not applicable (不适用) to this unit.")] = False,
    note: Annotated[
        str | None,
        typer.Option("--note", help="Justification (needed below the maximum) or evidence."),
    ] = None,
    self_score: Annotated[
        bool, typer.Option("--self", help="Record the unit's own self-score (自评).")
    ] = False,
    if_version: Annotated[
        int | None,
        typer.Option(
            "--if-version",
            help="Only if the score is still at this version (0: none yet, as "
            "`score show --json` gave it); otherwise refuse, naming who changed it.",
        ),
    ] = None,
    evaluation: EvaluationOption = None,
    as_json: JsonOption = False,
) -> None:
    """Record one score of a unit on a leaf of the rubric."""
    from ..services.score_sheet import score_sheet
    from ..services.scores import set_score
    from .score_views import print_saved, saved_json

    db = open_db(ctx)
    saved = set_score(
        db,
        unit,
        code,
        points=_number(points, "--points"),
        count=_number(count, "--count", whole=True),
        na=na,
        note=note,
        self_score=self_score,
        expected_version=if_version,
        evaluation=evaluation,
    )
    # The unit's new total, as the sheet counts it.
    sheet = score_sheet(db, saved.unit, evaluation=evaluation)
    if as_json:
        print_json(saved_json(saved, sheet))
        return
    print_saved(saved, sheet)


@score_app.command("show")
def score_show(
    ctx: typer.Context,
    unit: UnitOption,
    evaluation: EvaluationOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show a unit's score sheet: every leaf, totals per part and area, grade, rank."""
    from ..services.score_sheet import score_sheet
    from .score_views import print_sheet, sheet_json

    sheet = score_sheet(open_db(ctx), unit, evaluation=evaluation)
    if as_json:
        print_json(sheet_json(sheet))
        return
    print_sheet(sheet)


@score_app.command("finalize")
def score_finalize(
    ctx: typer.Context, unit: UnitOption, evaluation: EvaluationOption = None
) -> None:
    """Finalise (lock) a unit's scores; refused while a leaf is unscored."""
    from ..services.scores import finalize

    name = finalize(open_db(ctx), unit, evaluation=evaluation)
    typer.echo(plain(t("score_cli.finalized", unit=name)))


@score_app.command("reopen")
def score_reopen(
    ctx: typer.Context,
    unit: UnitOption,
    reason: Annotated[str, typer.Option("--reason", help="Why the scores are reopened.")],
    evaluation: EvaluationOption = None,
) -> None:
    """Reopen a unit's finalised scores, with the reason kept in the audit trail."""
    from ..services.scores import reopen

    name = reopen(open_db(ctx), unit, reason, evaluation=evaluation)
    typer.echo(plain(t("score_cli.reopened", unit=name)))


@score_app.command("sheet")
def score_sheet_export(
    ctx: typer.Context,
    unit: UnitOption,
    output: Annotated[str, typer.Option("-o", "--output", help="The workbook to write (.xlsx).")],
    evaluation: EvaluationOption = None,
) -> None:
    """Write the unit's self-evaluation sheet (自评得分表) to send to it."""
    from ..services.self_sheet import export_self_sheet

    done = export_self_sheet(open_db(ctx), unit, output, evaluation=evaluation)
    typer.echo(
        plain(
            t(
                "self_sheet.exported",
                file=str(done.path),
                unit=done.unit,
                evaluation=done.evaluation,
                leaves=done.leaves,
            )
        )
    )


@score_app.command("import")
def score_import(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="The filled self-evaluation sheet (.xlsx).")],
    unit: UnitOption,
    self_score: Annotated[
        bool, typer.Option("--self", help="The file holds the unit's self-scores (自评).")
    ] = False,
    evaluation: EvaluationOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check the file and show what would change.")
    ] = False,
) -> None:
    """Record the unit's self-scores from its filled self-evaluation sheet, all or none."""
    from ..domain.errors import UserError
    from ..services.intake.self_scores import import_self_scores

    if not self_score:
        raise UserError(t("self_sheet.needs_self"))
    done = import_self_scores(open_db(ctx), file, unit, evaluation=evaluation, dry_run=dry_run)
    key = "self_sheet.imported_dry" if dry_run else "self_sheet.imported"
    typer.echo(
        plain(
            t(
                key,
                file=done.file,
                unit=done.unit,
                recorded=done.recorded,
                blank=done.blank,
            )
        )
    )
