"""The one rule for putting user data on a terminal: no control characters reach it.

A name, a title or a cell may hold anything a file or a form let in, including escape
sequences that would clear the screen, retitle the window or write to the clipboard
(OSC 52) when printed raw. Every view, in the command line and in the TUI, passes user
text through ``printable`` before it is shown.
"""

from __future__ import annotations

# C0 controls are shown as their Unicode control pictures (ESC as ␛, BEL as ␇), so the
# text stays readable and one cell wide; DEL as ␡; C1 controls (which some terminals obey
# just like ESC sequences) as the replacement character.
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_PICTURES[0x7F] = "\u2421"
_PICTURES.update({code: "\ufffd" for code in range(0x80, 0xA0)})
# A carriage return comes with Windows line ends (alone it would write over the line): a
# space. Every character stays one character, so styled text keeps its spans.
_KEEP_LINES = {**{c: p for c, p in _PICTURES.items() if c not in (0x09, 0x0A)}, 0x0D: " "}
_ONE_LINE = {**_KEEP_LINES, 0x09: " ", 0x0A: " "}


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control character made visible and harmless, character for
    character. Tabs and line feeds are kept, or made spaces with ``one_line``."""
    return text.translate(_ONE_LINE if one_line else _KEEP_LINES)
