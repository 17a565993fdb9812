"""Generated bad files through every importer (tests/ingest/bad_files.py makes them from
real ones): each is accepted, or refused with a message naming the file and the database's
content exactly as it was; never a traceback, never a hang (bench/bad_input.py runs the
same with ten thousand files and records the counts)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from .bad_files import BadFile, bad_file
from .bad_input_office import FAILURES, REFUSED, Office, build_office
from .helpers import FIXTURES
from .many_rows import long_roster

IMPORTERS = (
    "roster", "duties", "cases:hotline", "cases:service", "survey:peer", "survey:staff",
    "ledger", "rubric", "self-scores", "self-report",
)  # fmt: skip
EXAMPLES = 100


@pytest.fixture(scope="module")
def office(practice_files, tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad-input")
    template, targets = build_office(folder, practice_files)
    office = Office(template, folder / "office")
    yield office, targets
    office.close()


@pytest.mark.parametrize("importer", IMPORTERS)
def test_a_bad_file_is_accepted_or_refused_by_name_with_nothing_changed(office, importer):
    office, targets = office
    target = targets[importer]

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(bad=bad_file(target.seeds))
    def attempt(bad):
        outcome = office.attempt(target, bad)
        assert outcome.kind not in FAILURES, f"{outcome.kind}: {bad.how}\n{outcome.message}"

    attempt()


def test_one_bad_row_in_100000_refuses_the_roster_naming_it(office):
    office, targets = office
    outcome = office.attempt(targets["roster"], long_roster(100_000, bad_row=True))

    assert outcome.kind == REFUSED
    assert "1 problem" in outcome.message.splitlines()[0]
    assert "!100002: 出生日期:" in outcome.message


def test_an_xls_that_sends_the_reader_round_in_circles_is_refused_as_damaged(office):
    """Before: the reader went round the file's sector chain for 40 to 60 s on this
    machine (the import would have waited up to two minutes); now the reading is over
    after 15 s and a few per megabyte. Found by this file's test, as a hang past 60 s."""
    office, targets = office
    data = bytearray((FIXTURES / "cases.xls").read_bytes())
    data[212 : 212 + 557] = bytes(557)  # the header's sector list and the first sector

    bad = BadFile("工单.xls", bytes(data), "zeroed")

    outcome = office.attempt(targets["cases:hotline"], bad, bound=30)

    assert outcome.kind == REFUSED
    assert outcome.message.startswith("工单.xls: the workbook is damaged")
