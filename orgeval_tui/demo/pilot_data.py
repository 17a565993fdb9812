"""The pilot demo dataset: 沂水县's 2021 evaluation of 县总工会, 县工信局 and 县气象局.

``pilot_data()`` returns plain Python data (no database, no I/O) that reproduces every
figure of DOMAIN.md's table "Figures the pilot reports" under DOMAIN.md's definitions.
It is deterministic: each part draws from its own seeded ``random.Random``, so editing
one part leaves the others as they were.

The parts live in ``pilot_units`` (units and quotas), ``pilot_rosters`` (staff),
``pilot_worklog`` (县工信局's duty catalogue and log), ``pilot_cases`` (12345 hotline),
``pilot_surveys`` (peer and staff questionnaires) and ``pilot_ledger`` (on-site
activities, and the problem ledger as the steps of each problem's life).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from . import (
    pilot_cases,
    pilot_fieldwork,
    pilot_ledger,
    pilot_rosters,
    pilot_surveys,
    pilot_units,
    pilot_worklog,
)
from .pilot_rosters import GXJ, REFERENCE_DATE

EVALUATION = {
    "name": "2021年度机构编制执行情况和使用效益评估（试点）",
    "reference_date": REFERENCE_DATE,
    "number_prefix": "2021",
    "periods": [
        ("2020年度", date(2020, 1, 1), date(2020, 12, 31)),
        ("2021年上半年", date(2021, 1, 1), date(2021, 6, 30)),
    ],
}

# One seed per part.
SEEDS = {"staff": 1101, "work_log": 2020, "cases": 12345, "peer": 50, "staff_survey": 25}


@dataclass(frozen=True)
class PilotData:
    evaluation: dict
    units: list[dict]
    staff: dict[str, list[dict]]
    sections: dict[str, list[str]]
    duties: dict[str, list[dict]]
    work_log: dict[str, list[dict]]
    cases: list[dict]
    peer_survey: dict
    staff_survey: dict
    onsite: tuple[pilot_fieldwork.PilotActivity, ...]
    problems: list[pilot_ledger.Life]


def pilot_data() -> PilotData:
    duties = pilot_worklog.catalogue()
    return PilotData(
        evaluation={**EVALUATION, "periods": list(EVALUATION["periods"])},
        units=pilot_units.units(),
        staff=pilot_rosters.build_staff(random.Random(SEEDS["staff"])),
        sections={unit: list(names) for unit, names in pilot_rosters.SECTIONS.items()},
        duties={GXJ: duties},
        work_log={GXJ: pilot_worklog.work_log(random.Random(SEEDS["work_log"]), duties)},
        cases=pilot_cases.cases(random.Random(SEEDS["cases"])),
        peer_survey=pilot_surveys.peer_survey(random.Random(SEEDS["peer"])),
        staff_survey=pilot_surveys.staff_survey(random.Random(SEEDS["staff_survey"])),
        onsite=pilot_fieldwork.ACTIVITIES,
        problems=pilot_ledger.lives(),
    )
