"""Generated files through every importer, dry run and real, as a user runs them: each
ends in a summary or in one refusal, never in a traceback; a refusal and a dry run leave
the database as it was; nothing printed carries a terminal control character.

Bounded: 300 workbooks and CSV files of a few rows each, the same ones every run (about
20 s), drawn from the shapes that broke the importers (odd cell types, brackets, escape
sequences, huge cells, formulas, cut-off and corrupted bytes, other encodings, the
office's own .xls/.ods/.xlsx files damaged). 2,000 more drawn at random passed when it
was written."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from orgeval_tui.ingest.aliases import display_name
from orgeval_tui.services.intake import cases, duties, roster
from orgeval_tui.services.intake.ledger_rows import OPTIONAL as LEDGER_OPTIONAL
from orgeval_tui.services.intake.ledger_rows import REQUIRED as LEDGER_REQUIRED
from tests.content_digest import content_digest

# A warning from SQLAlchemy here has meant a write of the wrong shape (an empty insert
# writes a row of nulls): an error.
pytestmark = [
    pytest.mark.sqlite_only,
    pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning"),
]
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ingest"

# command, its arguments after the file, the fields its header needs, those it may name,
# other headers (questionnaire items)
IMPORTERS = {
    "roster": ("roster", ("--unit", "县工信局"), roster.REQUIRED, roster.OPTIONAL, ()),
    "duties": (
        "duties",
        ("--unit", "县工信局"),
        duties.LOG_REQUIRED,
        duties.LOG_OPTIONAL + duties.CATALOGUE_REQUIRED,
        (),
    ),
    "cases": ("cases", ("--channel", "hotline"), cases.REQUIRED, cases.OPTIONAL, ()),
    "peer survey": (
        "survey",
        ("--kind", "peer"),
        ("response_code", "respondent", "evaluated_unit"),
        ("total",),
        ("第1题（50分）", "第2题（50分）"),
    ),
    "staff survey": (
        "survey",
        ("--kind", "staff", "--unit", "县工信局"),
        ("response_code",),
        ("respondent",),
        ("第1题", "第2题"),
    ),
    "ledger": ("ledger", (), LEDGER_REQUIRED, LEDGER_OPTIONAL[:8], ()),
}
# Characters a terminal obeys: C0 controls but tab and line feed, DEL, C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_WORDS = st.sampled_from(
    [
        "县工信局", "县[/]局", "[bold]县总工会", "办公室[/]", "男", "女", "本科", "一级科员",
        "行政编制", "业务工作", "满意", "2021-001", "2024-03-05", "2024/3/5 9:30", "GXJ001",
        "110101198105120118", "=1/0", "=A1+1", "", " ", "合计", "注：以上", "\u3000赵\u3000刚",
    ]
)  # fmt: skip
_CONTROLS = st.sampled_from(["\x1b[2J\x1b]0;owned\x07", "\x1b]52;c;aGk=\x07", "\x9b31m", "\x00"])
_TEXT = st.one_of(
    _WORDS,
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
    st.tuples(_WORDS, _CONTROLS, _WORDS).map("".join),
    st.integers(1_000, 200_000).map(lambda n: "长" * n),
)
_CELL = st.one_of(
    st.none(),
    _TEXT,
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(date(1800, 1, 1), date(2200, 12, 31)),
    st.datetimes(datetime(1900, 3, 1), datetime(2100, 1, 1)),
    st.times(),
)


@st.composite
def _table(draw):
    importer = draw(st.sampled_from(sorted(IMPORTERS)))
    _, _, required, optional, extra = IMPORTERS[importer]
    # Mostly a header the importer takes, so that the rows themselves are read.
    fields = [*(required if draw(st.integers(0, 4)) else ())]
    fields += [f for f in draw(st.lists(st.sampled_from(optional), unique=True)) if f not in fields]
    headers = [display_name(f) for f in fields]
    headers += draw(st.lists(st.sampled_from(extra), unique=True)) if extra else []
    headers = draw(st.permutations(headers))
    width = len(headers)
    rows = draw(st.lists(st.lists(_CELL, min_size=width, max_size=width), min_size=1, max_size=4))
    title = draw(st.one_of(st.none(), _TEXT))
    return importer, ([[title]] if title else []) + [headers, *rows]


def _xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "问题台账"
    for row in rows:
        sheet.append([_storable(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _storable(value):
    """What openpyxl can write: no C0 controls in a string (XML cannot hold them)."""
    if isinstance(value, str):
        return _CONTROL.sub("?", value.replace("\x1b", "\u241b"))[:32_767]
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
        return float(value)
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    return value


def _csv(rows, encoding: str) -> bytes:
    import csv

    out = io.StringIO()
    csv.writer(out).writerows([["" if v is None else str(v) for v in row] for row in rows])
    return out.getvalue().encode(encoding, errors="replace")


# The office's own files, in every format the reader takes, to be cut and corrupted.
OFFICE_FILES = ("roster.xls", "roster.ods", "cases.xls", "questionnaire.xlsx", "roster.xlsx")


@st.composite
def _file(draw):
    importer, rows = draw(_table())
    kind = draw(st.sampled_from(["xlsx", "csv", "gb18030.csv", "utf-16.csv", "office"]))
    encoding = kind.removesuffix(".csv").replace("csv", "utf-8")
    if kind == "office":
        name = draw(st.sampled_from(OFFICE_FILES))
        data, kind = (FIXTURES / name).read_bytes(), name.rsplit(".", 1)[1]
    else:
        data = _xlsx(rows) if kind == "xlsx" else _csv(rows, encoding)
    damage = draw(st.sampled_from(["none", "none", "truncate", "flip"]))
    # Positions are drawn as fractions: a workbook's length varies with the time it was
    # written, and hypothesis needs the same draws for the same example.
    fraction = st.floats(0, 1, exclude_max=True)
    if damage == "truncate" and len(data) > 1:
        data = data[: 1 + int(draw(fraction) * (len(data) - 1))]
    elif damage == "flip":
        data = bytearray(data)
        for _ in range(draw(st.integers(1, 6))):
            data[int(draw(fraction) * len(data))] = draw(st.integers(0, 255))
        data = bytes(data)
    return importer, "." + kind.rsplit(".", 1)[-1], data


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(generated=_file())
def test_every_importer_refuses_or_imports_and_never_crashes(cli, office, tmp_path, generated):
    importer, suffix, data = generated
    path = tmp_path / f"导入{suffix}"
    path.write_bytes(data)
    command, args, *_ = IMPORTERS[importer]

    before = content_digest(office)  # of every table, row by row
    for dry_run in (("--dry-run",), ()):
        result = cli("--db", office.url, "import", command, str(path), *args, *dry_run)

        assert result.code in (0, 1), (result.code, result.err)
        assert result.code == 0 or result.err.startswith("orgeval: error: "), result.err
        assert not _CONTROL.search(result.out + result.err), (result.out + result.err)[:500]
        assert len(result.err) < 100_000, "an echoed value is cut"
        if dry_run or result.code:
            assert content_digest(office) == before, (importer, dry_run, result.err[:500])
