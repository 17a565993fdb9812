"""The office's time zone: exports write local wall-clock times without an offset."""

from __future__ import annotations

import os
from functools import cache
from zoneinfo import ZoneInfo

DEFAULT_OFFICE_TZ = "Asia/Shanghai"


@cache
def office_tz() -> ZoneInfo:
    return ZoneInfo(os.environ.get("ORGEVAL_TZ", DEFAULT_OFFICE_TZ))
