"""`orgeval fieldwork ...`: the on-site evaluation (实地评) from a shell: activities, their
notes, files and findings, findings sent to the ledger, and the interview outlines.

Light like the rest of the CLI: the service, rich and the database are imported inside
the commands. Every input is read and checked (dates, files) before anything is written.
"""

from __future__ import annotations

from typing import Annotated

import typer

from .common import EvaluationOption, JsonOption, open_db, print_json

fieldwork_app = typer.Typer(
    help="On-site evaluation (实地评): activities, their notes, files and findings.",
    no_args_is_help=True,
)

ActivityArgument = Annotated[
    int, typer.Argument(help="The activity's number, as `fieldwork list` shows it.")
]
KindOption = Annotated[
    str,
    typer.Option(
        "--kind",
        help="briefing, archive, site, interview, meeting, callback, questionnaire "
        "(or the Chinese name, e.g. 个别访谈).",
    ),
]


def _service():
    from ..services import fieldwork

    return fieldwork


def _usage(message_key: str) -> typer.BadParameter:
    from ..i18n import t

    return typer.BadParameter(t(message_key))


def _day(value: str, option: str):
    """A day typed on the command line; one that is not a day is a user error like an
    unknown unit (one line, exit 1), so nothing is written."""
    from datetime import date

    from ..domain.errors import UserError
    from ..i18n import t

    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UserError(t("fieldwork_cli.bad_date", option=option, value=value)) from None


def _text_file(path: str) -> str:
    """A text file as typed on a phone or a Windows PC: UTF-8 or GB18030 (as the
    importers read it); refused naming the file when it cannot be read."""
    from pathlib import Path

    from ..domain.errors import UserError
    from ..i18n import t
    from ..i18n.os_errors import os_reason
    from ..ingest.delimited import UndecodableText, decode

    try:
        data = Path(path).expanduser().read_bytes()
    except OSError as exc:
        raise UserError(t("fieldwork.bad_file", path=path, reason=os_reason(exc))) from exc
    try:
        return decode(data)
    except UndecodableText:
        raise UserError(t("fieldwork_cli.undecodable", path=path)) from None


def _one_of(text: str | None, file: str | None, text_option: str, file_option: str):
    """The text given inline or in a file, never both; None when neither."""
    if text is not None and file is not None:
        from ..i18n import t

        raise typer.BadParameter(
            t("fieldwork_cli.both_given", first=text_option, second=file_option)
        )
    return _text_file(file) if file is not None else text


@fieldwork_app.command("add")
def fieldwork_add(
    ctx: typer.Context,
    unit: Annotated[str, typer.Option("--unit", help="Unit name or short name.")],
    kind: KindOption,
    on: Annotated[str, typer.Option("--on", help="The day it was held, YYYY-MM-DD.")],
    place: Annotated[str | None, typer.Option("--place", help="Where it was held.")] = None,
    evaluators: Annotated[
        str | None,
        typer.Option("--evaluators", help="The evaluators present (default: you)."),
    ] = None,
    met: Annotated[
        list[str] | None,
        typer.Option(
            "--met",
            help="Someone met, by role, the name optional: 科室负责人 or 科员:张三 (repeatable).",
        ),
    ] = None,
    notes: Annotated[str | None, typer.Option("--notes", help="The notes taken.")] = None,
    notes_file: Annotated[
        str | None,
        typer.Option("--notes-file", help="The notes in a text file (UTF-8 or GB18030)."),
    ] = None,
    evaluation: EvaluationOption = None,
    as_json: JsonOption = False,
) -> None:
    """Record an on-site activity of a unit; prints its number."""
    held_on = _day(on, "--on")
    text = _one_of(notes, notes_file, "--notes", "--notes-file")
    activity = _service().add_activity(
        open_db(ctx),
        unit,
        kind,
        held_on,
        place=place,
        evaluators=evaluators,
        people_met=tuple(met or ()),
        notes=text,
        evaluation=evaluation,
    )
    if as_json:
        print_json(activity.to_json())
        return
    from .fieldwork_views import added_line

    typer.echo(added_line(activity))


@fieldwork_app.command("list")
def fieldwork_list(
    ctx: typer.Context,
    unit: Annotated[str | None, typer.Option("--unit", help="Unit name or short name.")] = None,
    evaluation: EvaluationOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the evaluation's on-site activities (one unit's with --unit), by date."""
    rows = _service().list_activities(open_db(ctx), unit=unit, evaluation=evaluation)
    if as_json:
        print_json([row.to_json() for row in rows])
        return
    from .fieldwork_views import activities_table

    activities_table(rows)


@fieldwork_app.command("show")
def fieldwork_show(
    ctx: typer.Context, number: ActivityArgument, as_json: JsonOption = False
) -> None:
    """One activity: particulars, people met, notes, answers per question, files, findings."""
    detail = _service().activity_detail(open_db(ctx), number)
    if as_json:
        print_json(detail.to_json())
        return
    from .fieldwork_views import activity_view

    activity_view(detail)


TitleOption = Annotated[
    str | None,
    typer.Option("--title", help="The problem's title (default: the finding's first sentence)."),
]
CategoryOption = Annotated[str | None, typer.Option("--category", help="e.g. 机构挂牌.")]


@fieldwork_app.command("finding")
def fieldwork_finding(
    ctx: typer.Context,
    number: ActivityArgument,
    text: Annotated[str, typer.Option("--text", help="What was found.")],
    severity: Annotated[str | None, typer.Option("--severity", help="high, medium, low.")] = None,
    indicator: Annotated[
        list[str] | None,
        typer.Option(
            "--indicator", help="The code of a rubric leaf it bears on, e.g. A1.2 (repeatable)."
        ),
    ] = None,
    to_ledger: Annotated[
        bool,
        typer.Option("--to-ledger", help="Also record it as a problem in the ledger, linked."),
    ] = False,
    title: TitleOption = None,
    category: CategoryOption = None,
    as_json: JsonOption = False,
) -> None:
    """Record a finding of an activity; prints its number (and the problem's)."""
    from ..services.fieldwork import record_finding

    if (title is not None or category is not None) and not to_ledger:
        raise _usage("fieldwork_cli.problem_without_ledger")

    finding = record_finding(
        open_db(ctx),
        number,
        text,
        severity=severity,
        indicators=tuple(indicator or ()),
        to_ledger=to_ledger,
        title=title,
        category=category,
    )
    _print_finding(finding, as_json)


@fieldwork_app.command("to-ledger")
def fieldwork_to_ledger(
    ctx: typer.Context,
    number: Annotated[
        int, typer.Argument(help="The finding's number, as `fieldwork show` lists it.")
    ],
    title: TitleOption = None,
    category: CategoryOption = None,
    as_json: JsonOption = False,
) -> None:
    """Record a finding as a problem in the ledger, linked both ways."""
    finding = _service().finding_to_ledger(open_db(ctx), number, title=title, category=category)
    _print_finding(finding, as_json)


def _print_finding(finding, as_json: bool) -> None:
    if as_json:
        print_json(finding.to_json())
        return
    from .fieldwork_views import finding_line

    typer.echo(finding_line(finding))


@fieldwork_app.command("attach")
def fieldwork_attach(
    ctx: typer.Context,
    number: ActivityArgument,
    file: Annotated[
        list[str], typer.Argument(help="Photos or scans: their name and SHA-256 are kept.")
    ],
    as_json: JsonOption = False,
) -> None:
    """Attach files to an activity (the files stay where they are); all or none."""
    from ..services.fieldwork import attach_files

    attached = attach_files(open_db(ctx), number, file)
    if as_json:
        print_json([file.to_json() for file in attached])
        return
    from .fieldwork_views import file_line

    for file in attached:
        typer.echo(file_line(file))


@fieldwork_app.command("notes")
def fieldwork_notes(
    ctx: typer.Context,
    number: ActivityArgument,
    text: Annotated[str | None, typer.Option("--text", help="The notes.")] = None,
    file: Annotated[
        str | None, typer.Option("--file", help="The notes in a text file (UTF-8 or GB18030).")
    ] = None,
    if_version: Annotated[
        int | None,
        typer.Option(
            "--if-version",
            help="Only if the activity is still at this version (as `show --json` gave it).",
        ),
    ] = None,
) -> None:
    """Save an activity's notes (replacing them); a pending draft is done with."""
    notes = _one_of(text, file, "--text", "--file")
    if notes is None:
        raise _usage("fieldwork_cli.notes_needed")
    fieldwork, db = _service(), open_db(ctx)
    from ..domain.errors import ConflictError, UserError
    from ..i18n import t

    try:
        detail = fieldwork.save_notes(db, number, notes, expected_version=if_version)
    except ConflictError as exc:
        # The service's message speaks of the editor's draft; a shell keeps none.
        now = fieldwork.activity_detail(db, number).version
        raise UserError(t("fieldwork_cli.notes_conflict", id=number, version=now)) from exc
    from .fieldwork_views import notes_saved_line

    typer.echo(notes_saved_line(detail))


@fieldwork_app.command("outline")
def fieldwork_outline(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="One kind of activity (default: every kind)."),
    ] = None,
    set_file: Annotated[
        str | None,
        typer.Option(
            "--set",
            help="Replace the kind's questions by those of FILE, one per line; "
            "an empty file brings back the shipped ones.",
        ),
    ] = None,
    evaluation: EvaluationOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show the interview outlines (访谈提纲), or set one kind's with --set."""
    fieldwork = _service()
    db = open_db(ctx)
    if set_file is not None:
        if kind is None:
            raise _usage("fieldwork_cli.set_needs_kind")
        lines = _text_file(set_file).splitlines()
        fieldwork.set_outline(db, kind, lines, evaluation=evaluation)
    from ..domain.fieldwork_words import ACTIVITY_KINDS

    kinds = (fieldwork.kind_of(kind),) if kind is not None else ACTIVITY_KINDS
    outlines = {k: fieldwork.outline(db, k, evaluation=evaluation) for k in kinds}
    if as_json:
        shipped = fieldwork.default_outlines()
        print_json(
            {
                k: {"questions": list(questions), "shipped": questions == shipped[k]}
                for k, questions in outlines.items()
            }
        )
        return
    from .fieldwork_views import outlines_view

    outlines_view(outlines)
