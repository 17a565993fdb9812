"""What each tab of a unit's screen shows, from the figures its worker read."""

from __future__ import annotations

from textual.widgets import Static

from ..analytics.ages import AGE_BANDS
from ..analytics.display import one_decimal, percent, two_decimals
from ..analytics.ladders import ADMINISTRATIVE_RANKS, EDUCATION_KEYS
from ..i18n import t
from ..services.presentation import figure_label, figure_value
from ..widgets.figures import Bar, BarChart, FigureTable


def _rows(figures, keys) -> list[tuple[str, str]]:
    document = figures.to_json()
    return [
        (figure_label(k), figure_value(k, document.get(k), document)) for k in keys if k in document
    ]


def _count_bars(counts: dict[str, int], always) -> list[Bar]:
    """A bar per rung: the ladder's own rungs always, the others (another ladder, the
    unknown) when someone is on them, so the bars add up to the headcount."""
    always = set(always)
    return [
        Bar(figure_label(key), count, str(count))
        for key, count in counts.items()
        if count or key in always
    ]


def _notes(duty) -> list[tuple[str, str]]:
    """What the duty figures rest on (no log, Monday–Friday assumed…): said wherever
    they are shown."""
    return [(figure_label("notes"), note) for note in duty.notes]


def show_overview(screen, figures) -> None:
    info = figures.info
    rows = [(t("tui.overview.unit"), info.name)]
    if info.parent:
        rows.append((t("tui.overview.parent"), info.parent))
    if info.children:
        rows.append((t("tui.overview.children"), "、".join(info.children)))
    rows += [
        (
            t("tui.overview.quota"),
            f"{info.quota_total} ({info.quota_admin}/{info.quota_public}/{info.quota_service})",
        ),
        (t("tui.overview.leaders"), str(info.quota_leaders)),
        (t("tui.overview.headcount"), str(info.headcount)),
        (t("tui.overview.vacancies"), str(info.vacancies)),
    ]
    roster = figures.roster
    if roster is not None:
        rows += _rows(roster, ("avg_age", "female_share", "section_level_or_above_share"))
    for period, duty in figures.duties[:1]:
        rows += [
            (f"{period.shown} {figure_label('execution_rate')}", percent(duty.execution_rate)),
            (f"{period.shown} {figure_label('fill_rate')}", percent(duty.fill_rate)),
            (f"{period.shown} {figure_label('workload_ratio')}", percent(duty.workload_ratio)),
            *_notes(duty),
        ]
    for period, cases in figures.cases:
        rows.append((f"{period.shown} {figure_label('cases')}", str(cases.cases)))
    if figures.peer is not None:
        rows.append((figure_label("peer_score"), two_decimals(figures.peer.peer_score)))
    # The count says what home counts, and where the activities are listed.
    count = figures.onsite_activities
    rows.append(
        (t("tui.overview.onsite"), t("tui.overview.onsite_tab", count=count) if count else "0")
    )
    if roster is not None:
        for flag in roster.flags:
            rows.append((t("tui.overview.flags"), figure_value("id", flag.id)))
    screen.query_one("#overview-table", FigureTable).show(rows)


def show_roster(screen, figures) -> None:
    roster = figures.roster
    table = screen.query_one("#roster-table", FigureTable)
    if roster is None:
        table.show([(t("tui.overview.headcount"), t("tui.overview.no_data"))])
        return
    keys = (
        "headcount",
        "female",
        "female_share",
        "avg_age",
        "college_or_above_share",
        "bachelor_or_above_share",
        "section_level_or_above_share",
        "quota_total",
        "quota_usage",
        "vacancies",
    )
    table.show(_rows(roster, keys))
    screen.query_one("#roster-ages", BarChart).show(
        figure_label("age_bands"), _count_bars(roster.age_bands, AGE_BANDS)
    )
    screen.query_one("#roster-education", BarChart).show(
        figure_label("education"), _count_bars(roster.education, EDUCATION_KEYS.values())
    )
    screen.query_one("#roster-ranks", BarChart).show(
        figure_label("rank"), _count_bars(roster.rank, ADMINISTRATIVE_RANKS)
    )
    comparison = screen.query_one("#roster-children", FigureTable)
    comparison.display = bool(figures.children)
    comparison.show(
        [
            (
                name,
                f"{figure_label('headcount')} {child.headcount}  "
                f"{figure_label('avg_age')} {one_decimal(child.avg_age)}  "
                f"{figure_label('college_or_above_share')} "
                f"{figure_value('college_or_above_share', None, child.to_json())}",
            )
            for name, child in figures.children
        ]
    )


def show_duties(screen, figures) -> None:
    table = screen.query_one("#duties-table", FigureTable)
    if not figures.duties:
        table.show([(figure_label("duties_defined"), t("tui.overview.no_data"))])
        return
    period, duty = figures.duties[0]
    keys = (
        "duties_defined",
        "duties_executed",
        "execution_rate",
        "business_share_by_count",
        "business_share_by_hours",
        "workdays",
        "persons",
        "fill_rate",
        "workload_ratio",
    )
    table.show([(t("tui.overview.period"), period.shown), *_rows(duty, keys), *_notes(duty)])
    screen.query_one("#duties-categories", BarChart).show(
        figure_label("share_by_hours"),
        [
            Bar(figure_label(k), v["share_by_hours"] or 0, percent(v["share_by_hours"]))
            for k, v in duty.to_json()["by_category"].items()
            if k != "unknown"
        ],
    )
    screen.query_one("#duties-sections", BarChart).show(
        f"{figure_label('per_section')} {figure_label('hours')}",
        [
            Bar(r.section or t("tui.duties.no_section"), r.hours, one_decimal(r.hours))
            for r in duty.per_section
        ],
    )
    screen.query_one("#duties-months", BarChart).show(
        f"{figure_label('per_month')} {figure_label('hours')}",
        [Bar(r.month, r.hours, one_decimal(r.hours)) for r in duty.per_month],
    )
    never = duty.never_executed
    title = screen.query_one("#duties-never-title", Static)
    title.update(t("tui.duties.never_title", count=len(never)))
    title.display = bool(never)
    screen.query_one("#duties-never", FigureTable).show(
        [(d.code, d.name) for d in never], justify="left"
    )


def show_services(screen, figures) -> None:
    rows = []
    for period, cases in figures.cases:
        rows.append((t("tui.overview.period"), period.shown))
        rows += _rows(
            cases,
            (
                "cases",
                "cases_per_capita",
                "on_time_rate",
                "satisfaction_rate",
                "county_average_cases",
                "vs_county_average",
                "above_county_average",
            ),
        )
    screen.query_one("#services-table", FigureTable).show(
        rows or [(figure_label("cases"), t("tui.overview.no_data"))]
    )


def show_evaluations(screen, figures) -> None:
    """The 评议 tab reads its own view, each time the screen's figures are read."""
    from .unit_review import ReviewPane

    screen.query_one(ReviewPane).reload()
