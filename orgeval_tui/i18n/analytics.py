"""Messages of analytics."""

EN: dict[str, str] = {}

ZH: dict[str, str] = {}
