"""User data on the command line: literal text, never markup, never terminal control.

Rich reads a plain string as markup (and ``:name:`` as an emoji): a unit named
``县[/]局`` stops the command with a MarkupError, ``[bold]`` turns into formatting. A
string handed to rich as ``Text`` is shown as written. ``printable`` (domain/printable.py,
the one rule for the CLI and the TUI) makes control characters visible, so a title with
``\\x1b[2J`` cannot clear the screen. Every view of the CLI builds its cells here.
"""

from __future__ import annotations

from rich.text import Text

from ..domain.printable import printable


def plain(value: object, *, one_line: bool = False) -> str:
    """A value as a line of text to echo: control characters made visible."""
    return printable("" if value is None else str(value), one_line=one_line)


def literal(value: object, style: str = "") -> Text:
    """A value as a cell of a rich table or a line of a view: shown as written."""
    return Text(plain(value), style=style)
