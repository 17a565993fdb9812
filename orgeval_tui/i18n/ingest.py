"""Messages of ingest."""

EN: dict[str, str] = {}

ZH: dict[str, str] = {}
