"""Office files are zip archives whose entries carry the time they were written: the
same report written twice would differ in those bytes alone. Rewriting the archive with
every entry dated the report's day makes the same data give the same file."""

from __future__ import annotations

import io
import zipfile
from datetime import date


def normalise_zip(data: bytes, when: date) -> bytes:
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
