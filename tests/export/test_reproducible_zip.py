"""A zip rewritten by ``normalise_zip`` depends on its content and the day alone."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date

from orgeval_tui.export.reproducible_zip import normalise_zip


def _zip(entries: list[tuple[str, bytes]], date_time=None, system=None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=date_time or time.localtime()[:6])
            if system is not None:
                info.create_system = system
            archive.writestr(info, content)
    return out.getvalue()


ENTRIES = [
    ("xl/workbook.xml", b"<workbook/>"),
    ("[Content_Types].xml", b"<Types/>"),
    ("_rels/.rels", b"<Relationships/>"),
    ("docProps/core.xml", "<核心/>".encode()),
]


def test_saved_at_other_times_and_places_in_another_order_gives_the_same_bytes():
    day = date(2026, 11, 29)
    first = _zip(ENTRIES, date_time=(2026, 11, 29, 9, 15, 2), system=0)
    second = _zip(list(reversed(ENTRIES)), date_time=(2027, 1, 3, 23, 59, 58), system=3)
    assert first != second

    assert normalise_zip(first, day) == normalise_zip(second, day)


def test_the_entries_keep_their_content_dated_by_the_day_table_of_contents_first():
    data = normalise_zip(_zip(ENTRIES), date(2026, 11, 29))

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        assert [info.filename for info in infos] == [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/core.xml",
            "xl/workbook.xml",
        ]
        assert {info.date_time for info in infos} == {(2026, 11, 29, 0, 0, 0)}
        assert {info.compress_type for info in infos} == {zipfile.ZIP_DEFLATED}
        assert {name: archive.read(name) for name, _ in ENTRIES} == dict(ENTRIES)


def test_another_day_gives_other_bytes_and_a_day_before_zip_time_is_clamped():
    data = _zip(ENTRIES)

    assert normalise_zip(data, date(2026, 11, 29)) != normalise_zip(data, date(2026, 11, 30))
    with zipfile.ZipFile(io.BytesIO(normalise_zip(data, date(1970, 1, 1)))) as archive:
        assert archive.infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)
