"""`orgeval ledger ...`: quick lookups and the life of a problem, from a shell.

Light on purpose, like the rest of the CLI: the service, rich and the database are imported inside
the commands, and nothing here imports Textual, pandas or openpyxl.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from .common import JsonOption, open_db, parse_date, print_json

ledger_app = typer.Typer(
    help="The problem ledger (问题台账): look up problems and move them through their life.",
    no_args_is_help=True,
)

NumberArgument = Annotated[str, typer.Argument(help="Problem number, e.g. 2021-007.")]
IfVersion = Annotated[
    int | None,
    typer.Option(
        "--if-version",
        help="Only if the problem is still at this version (as `show` gave it); "
        "otherwise refuse, naming who changed it.",
    ),
]

PastDeadline = Annotated[
    bool,
    typer.Option(
        "--allow-past-deadline",
        help="Record a deadline that has already passed (a plan recorded late); "
        "without it such a deadline is refused as unusual.",
    ),
]


def _service():
    from ..services import ledger

    return ledger


@ledger_app.command("ls")
def ledger_ls(
    ctx: typer.Context,
    unit: Annotated[str | None, typer.Option("--unit", help="Unit name or short name.")] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="identified, fed_back, rectifying, reported, closed, withdrawn, or open.",
        ),
    ] = None,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Deadline passed, not reported or closed.")
    ] = False,
    due_within: Annotated[
        int | None, typer.Option("--due-within", help="Open, deadline within DAYS from today.")
    ] = None,
    search: Annotated[
        str | None,
        typer.Option("--search", help="Any substring of the number or texts (e.g. 挂牌)."),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List problems, in the order they were recorded."""
    ledger = _service()
    from ..domain.clock import office_today

    today = office_today()
    problems = ledger.list_problems(
        open_db(ctx),
        unit=unit,
        status=status,
        overdue=overdue,
        due_within=due_within,
        search=search,
        today=today,
        limit=limit,
    )
    if as_json:
        from ..analytics.ledger_facts import facts

        print_json([{**p.to_json(), "facts": facts(p, today).to_json()} for p in problems])
        return
    from ..i18n import t

    if not problems:
        typer.echo(t("ledger.none"))
        return
    from .ledger_views import problems_table

    problems_table(problems, today)


@ledger_app.command("show")
def ledger_show(ctx: typer.Context, number: NumberArgument, as_json: JsonOption = False) -> None:
    """One problem: its fields, its facts today, every event of its life, and the on-site
    findings it came from."""
    detail = _service().show(open_db(ctx), number)
    if as_json:
        print_json(detail.to_json())
        return
    from .ledger_views import detail_view

    detail_view(detail)
    if detail.findings:
        from .fieldwork_views import problem_findings

        problem_findings(detail.findings)


@ledger_app.command("add")
def ledger_add(
    ctx: typer.Context,
    unit: Annotated[str, typer.Option("--unit", help="Unit name or short name.")],
    title: Annotated[str, typer.Option("--title", help="The problem in one line.")],
    description: Annotated[str | None, typer.Option("--description")] = None,
    source: Annotated[
        str, typer.Option("--source", help="self, peer, onsite, roster, duties, cases.")
    ] = "onsite",
    category: Annotated[str | None, typer.Option("--category", help="e.g. 机构挂牌.")] = None,
    severity: Annotated[str, typer.Option("--severity", help="high, medium, low.")] = "medium",
    recommendation: Annotated[str | None, typer.Option("--recommendation")] = None,
    as_json: JsonOption = False,
) -> None:
    """Record a problem in the current evaluation; prints its new number."""
    problem = _service().add(
        open_db(ctx),
        unit,
        title,
        description=description,
        source=source,
        category=category,
        severity=severity,
        recommendation=recommendation,
    )
    if as_json:
        print_json(problem.to_json())
    else:
        typer.echo(problem.number)


@contextmanager
def _confirm_with(option: str) -> Iterator[None]:
    """An unusual value the service asks to confirm: the refusal names the option that
    confirms it."""
    from ..domain.errors import NeedsConfirmation, UserError
    from ..i18n import t

    try:
        yield
    except NeedsConfirmation as exc:
        raise UserError(t("ledger.confirm_with", question=str(exc), option=option)) from exc


def _done(problem, action: str, as_json: bool) -> None:
    if as_json:
        print_json(problem.to_json())
        return
    from ..i18n import t
    from ..services.ledger import action_label, status_label

    if action == "extend":
        typer.echo(t("ledger.extended", number=problem.number, deadline=problem.deadline))
        return
    typer.echo(
        t(
            "ledger.done",
            number=problem.number,
            action=action_label(action),
            state=status_label(problem.status),
        )
    )


StepDay = Annotated[
    str | None, typer.Option("--on", help="The day it happened, YYYY-MM-DD (today).")
]


@ledger_app.command("feedback")
def ledger_feedback(
    ctx: typer.Context,
    number: NumberArgument,
    on: Annotated[str | None, typer.Option("--on", help="Day sent, YYYY-MM-DD (today).")] = None,
    if_version: IfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """Fed back to the unit (反馈)."""
    problem = _service().feedback(
        open_db(ctx), number, parse_date(on, "--on"), expected_version=if_version
    )
    _done(problem, "feedback", as_json)


@ledger_app.command("plan")
def ledger_plan(
    ctx: typer.Context,
    number: NumberArgument,
    measures: Annotated[str, typer.Option("--measures", help="Rectification measures.")],
    responsible: Annotated[str, typer.Option("--responsible", help="Person responsible.")],
    deadline: Annotated[str, typer.Option("--deadline", help="YYYY-MM-DD.")],
    allow_past_deadline: PastDeadline = False,
    if_version: IfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """The unit's rectification plan (整改措施): measures, responsible person, deadline."""
    with _confirm_with("--allow-past-deadline"):
        problem = _service().plan(
            open_db(ctx),
            number,
            measures,
            responsible,
            parse_date(deadline, "--deadline"),
            past_deadline=allow_past_deadline,
            expected_version=if_version,
        )
    _done(problem, "plan", as_json)


@ledger_app.command("report")
def ledger_report(
    ctx: typer.Context,
    number: NumberArgument,
    text: Annotated[str | None, typer.Option("--text", help="The report, or its summary.")] = None,
    file: Annotated[
        str | None,
        typer.Option("--file", help="The report file: its name and SHA-256 are kept."),
    ] = None,
    on: StepDay = None,
    if_version: IfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """The unit's written rectification report (整改报告) was received."""
    problem = _service().report(
        open_db(ctx), number, text, file, parse_date(on, "--on"), expected_version=if_version
    )
    _done(problem, "report", as_json)


@ledger_app.command("verify")
def ledger_verify(
    ctx: typer.Context,
    number: NumberArgument,
    note: Annotated[str, typer.Option("--note", help="What the look-back found.")],
    on: StepDay = None,
    if_version: IfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """Look-back (回头看) passed: strike the problem off (销号)."""
    problem = _service().verify(
        open_db(ctx), number, note, parse_date(on, "--on"), expected_version=if_version
    )
    _done(problem, "verify", as_json)


@ledger_app.command("reopen")
def ledger_reopen(
    ctx: typer.Context,
    number: NumberArgument,
    reason: Annotated[str, typer.Option("--reason", help="Why the look-back failed.")],
    on: StepDay = None,
    if_version: IfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """Look-back failed: back to rectifying."""
    problem = _service().reopen(
        open_db(ctx), number, reason, parse_date(on, "--on"), expected_version=if_version
    )
    _done(problem, "reopen", as_json)


@ledger_app.command("extend")
def ledger_extend(
    ctx: typer.Context,
    number: NumberArgument,
    deadline: Annotated[str, typer.Option("--deadline", help="The new deadline, YYYY-MM-DD.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (申请延期的理由).")],
    allow_past_deadline: PastDeadline = False,
    if_version: IfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """Extend the deadline of a problem being rectified."""
    with _confirm_with("--allow-past-deadline"):
        problem = _service().extend(
            open_db(ctx),
            number,
            parse_date(deadline, "--deadline"),
            reason,
            past_deadline=allow_past_deadline,
            expected_version=if_version,
        )
    _done(problem, "extend", as_json)


@ledger_app.command("withdraw")
def ledger_withdraw(
    ctx: typer.Context,
    number: NumberArgument,
    reason: Annotated[str, typer.Option("--reason", help="Why it was recorded by mistake.")],
    on: StepDay = None,
    if_version: IfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """Withdraw a problem recorded by mistake; it stays listed as withdrawn."""
    problem = _service().withdraw(
        open_db(ctx), number, reason, parse_date(on, "--on"), expected_version=if_version
    )
    _done(problem, "withdraw", as_json)
