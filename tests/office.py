"""A county office to test against: its units and its evaluation."""

from __future__ import annotations

from datetime import date

from orgeval_tui.services.evaluations import create_evaluation
from orgeval_tui.services.units import add_unit


def add_evaluation(database, name="2021年度评估", prefix="2021", reference=date(2021, 6, 30)):
    return create_evaluation(database, name, reference, number_prefix=prefix).id


def build_office(database):
    """Three units and the 2021 evaluation (problem numbers 2021-NNN)."""
    add_unit(database, "县工业和信息化局", short_name="县工信局")
    add_unit(database, "县总工会", short_name="总工会")
    add_unit(database, "县气象局", short_name="气象局")
    add_evaluation(database)
    return database
