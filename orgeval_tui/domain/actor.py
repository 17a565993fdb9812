"""Who is acting: the OS account of the process, as the audit trail records it."""

from __future__ import annotations

import os
import pwd
from functools import cache


@cache
def current_actor() -> str:
    # The uid's account name, not $USER: the environment is the user's to set, the uid is not.
    uid = os.getuid()
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid:{uid}"
