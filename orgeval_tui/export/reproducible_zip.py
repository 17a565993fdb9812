"""The same document gives the same bytes: a zip (an .xlsx, a .docx) rewritten with
fixed entry timestamps, a fixed entry order and fixed entry attributes.

The libraries that write Office files stamp every zip entry with the time of saving and
with the saving machine's system, so two exports of the same report would differ byte
for byte. ``normalise_zip`` keeps every entry's content and name and pins the rest:
each entry is dated ``when`` at midnight (zip dates start in 1980; an earlier day is
clamped), deflated, marked as made on the same system with the same permissions, and
the entries follow ``[Content_Types].xml`` first (where Office expects the package's
table of contents), then by name.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date

CONTENT_TYPES = "[Content_Types].xml"
ZIP_EPOCH = date(1980, 1, 1)
_UNIX = 3
_FILE_MODE = 0o644 << 16


def normalise_zip(data: bytes, when: date) -> bytes:
    stamp = max(when, ZIP_EPOCH)
    date_time = (stamp.year, stamp.month, stamp.day, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    entries.sort(key=lambda entry: (entry[0] != CONTENT_TYPES, entry[0]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = _UNIX
            info.external_attr = _FILE_MODE
            target.writestr(info, content)
    return out.getvalue()
