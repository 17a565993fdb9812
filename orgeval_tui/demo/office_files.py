"""The pilot demo dataset written out as the office's own files, the way the county's
systems export them, for the office's real imports to read.

``write_office_files(pilot_data(), folder)`` writes, in the order they are imported:

- one roster per unit (``在编人员信息表（县总工会）.xlsx`` …), from the real-name registry:
  titles above the header, ID numbers or birth dates written several ways, the registry's
  words for education and rank, a 合计 row (``office_files_rosters``);
- 县工业和信息化局's duty workbook, a 职责目录 and a 履职记录 sheet
  (``office_files_duties``);
- the 12345 hotline's case export for the whole county, a GB18030 CSV
  (``office_files_cases``);
- the peer survey's tally and one staff-survey tally per unit (``office_files_surveys``);
- each evaluated unit's self-evaluation report, a .docx or a .txt
  (``office_files_self_reports``).

The messiness is the offices' own, and every variant reads back to the same value, so the
imported files give the figures of DOMAIN.md's pilot table. The same data always gives the
same bytes (``office_files_workbook``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .office_files_cases import write_cases
from .office_files_duties import write_duties
from .office_files_rosters import write_rosters
from .office_files_self_reports import write_self_reports
from .office_files_surveys import write_peer_survey, write_staff_surveys

if TYPE_CHECKING:
    from .pilot_data import PilotData


@dataclass(frozen=True)
class OfficeFile:
    name: str  # file name inside the folder, e.g. "在编人员信息表（县总工会）.xlsx"
    kind: str  # "roster" | "duties" | "cases" | "survey" | "selfreport"
    options: dict  # the import's options, as the import service takes them:
    #   roster: {"unit": "<full unit name>"}
    #   duties: {"unit": "<full unit name>"}
    #   cases:  {"channel": "hotline"}
    #   survey: {"kind": "peer"} or {"kind": "staff", "unit": "<full unit name>"}
    #   selfreport: {"unit": "<full unit name>"}


def write_office_files(data: PilotData, folder: Path) -> list[OfficeFile]:
    """Write the pilot's rosters, duty workbook, 12345 export, questionnaires and
    self-evaluation reports into ``folder`` (created if missing) and return them in the
    order they are imported."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = [
        OfficeFile(name, "roster", {"unit": unit})
        for name, unit in write_rosters(data.staff, folder)
    ]
    files += [
        OfficeFile(name, "duties", {"unit": unit})
        for name, unit in write_duties(data.duties, data.work_log, folder)
    ]
    files += [
        OfficeFile(name, "cases", {"channel": channel})
        for name, channel in write_cases(data.cases, folder)
    ]
    files.append(
        OfficeFile(write_peer_survey(data.peer_survey, folder), "survey", {"kind": "peer"})
    )
    files += [
        OfficeFile(name, "survey", {"kind": "staff", "unit": unit})
        for name, unit in write_staff_surveys(data.staff_survey, folder)
    ]
    files += [
        OfficeFile(name, "selfreport", {"unit": unit}) for name, unit in write_self_reports(folder)
    ]
    return files
