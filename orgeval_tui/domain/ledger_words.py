"""The ledger's fixed words: its statuses, sources and severities, and the name of its
search index. Kept apart from ``models`` so that the quick read paths (``orgeval ledger
ls``, the TUI) can use them without building the model classes."""

from __future__ import annotations

PROBLEM_STATUSES = ("identified", "fed_back", "rectifying", "reported", "closed", "withdrawn")
PROBLEM_SOURCES = ("self", "peer", "onsite", "roster", "duties", "cases")
SEVERITIES = ("high", "medium", "low")
SEARCH_INDEX = "problem_search"
# The problem's texts search looks in (besides its events' reasons), in document order.
SEARCHED_PROBLEM_FIELDS = (
    "number",
    "title",
    "description",
    "recommendation",
    "measures",
    "report_text",
    "verify_note",
    "withdraw_reason",
)
