"""Entered comparison values (e.g. the county's or city's average cases for a period),
which win over the computed county average when present."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..domain.errors import UserError
from ..domain.roles import Need
from ..i18n import t
from ..models import Benchmark
from ..models.cases import CASE_CHANNELS
from ..storage.database import Database
from .access import require

FIGURES = ("county_average_cases",)


@dataclass(frozen=True)
class BenchmarkView:
    figure: str
    channel: str | None
    start: date
    end: date
    value: float
    note: str | None

    def to_json(self) -> dict:
        return {
            "figure": self.figure,
            "channel": self.channel,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "value": self.value,
            "note": self.note,
        }


def _view(row: Benchmark) -> BenchmarkView:
    return BenchmarkView(
        row.figure, row.channel, row.period_start, row.period_end, row.value, row.note
    )


def set_benchmark(
    db: Database,
    figure: str,
    *,
    channel: str,
    start: date,
    end: date,
    value: float,
    note: str | None = None,
) -> BenchmarkView:
    if figure not in FIGURES:
        raise UserError(t("benchmark.bad_figure", figure=figure, figures=", ".join(FIGURES)))
    if channel not in CASE_CHANNELS:
        raise UserError(t("intake.bad_channel", channel=channel, channels=", ".join(CASE_CHANNELS)))
    if end < start:
        raise UserError(t("calendar.bad_period", start=start, end=end))
    if value < 0:
        raise UserError(t("benchmark.negative", value=value))
    with db.write() as session:
        require(session, Need.COUNTY)
        row = session.scalars(
            select(Benchmark).where(
                Benchmark.figure == figure,
                Benchmark.channel == channel,
                Benchmark.period_start == start,
                Benchmark.period_end == end,
            )
        ).first()
        if row is None:
            row = Benchmark(
                figure=figure,
                channel=channel,
                period_start=start,
                period_end=end,
                value=value,
                note=note,
            )
            session.add(row)
        else:
            row.value, row.note = value, note
        session.flush()
        return _view(row)


def list_benchmarks(db: Database) -> list[BenchmarkView]:
    with db.read() as session:
        rows = session.scalars(
            select(Benchmark).order_by(Benchmark.period_start, Benchmark.figure)
        ).all()
        return [_view(row) for row in rows]
