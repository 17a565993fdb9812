"""A score being typed on the scoring screen: the characters so far, as points or as a
count of instances (deduction leaves), and what they come to.

The rules stay where they live: a count's points come from ``deduction_points`` and
whether points may stand (range, step, justification) from ``score_problem``; the
service checks them again when the score is saved."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from ..analytics.scoring import deduction_points, score_problem
from ..i18n import t
from .score_table import points_text

DIGITS = frozenset("0123456789")
POINT_CHARACTERS = DIGITS | {"."}
ANY_NOTE = "-"  # stands for a justification when only the range and step are asked about


@dataclass(frozen=True)
class Typed:
    """What was typed for one leaf: ``text`` as points, or as a count when ``count``."""

    code: str
    text: str = ""
    count: bool = False

    def accepts(self, character: str) -> bool:
        return character in (DIGITS if self.count else POINT_CHARACTERS)

    def value(self, leaf) -> tuple[float | None, int | None, str | None]:
        """(points, count, why not): the points it comes to, the count typed (in count
        mode) and, when it is no number at all, the reason in words."""
        values = {"code": leaf.code, "name": leaf.name, "value": self.text}
        if self.count:
            if leaf.kind != "deduction":
                return None, None, t("scoring.count_not_deduction", **values)
            if not self.text.isdigit():
                return None, None, t("scoring.bad_count", **values)
            count = int(self.text)
            return deduction_points(leaf, count), count, None
        try:
            points = float(self.text)
        except ValueError:
            return None, None, t("scoring.bad_number", **values)
        return points, None, None

    def preview_points(self, leaf) -> float | None:
        """The points to show in the totals while typing: None while the text is not yet
        a score the leaf can take (the totals then stay as saved)."""
        if not self.text:
            return None
        points, _count, problem = self.value(leaf)
        if problem is not None or score_problem(leaf.maximum, points, ANY_NOTE) is not None:
            return None
        return points

    def cell(self, leaf) -> Text:
        """The typed text in the leaf's row: reversed while it is a score the leaf can
        take, red when it is not."""
        shown = f"×{self.text}" if self.count else self.text
        ok = self.preview_points(leaf) is not None
        return Text(f"{shown}▏", style="reverse" if ok else "bold red reverse")

    def prompt(self, leaf) -> str:
        if self.count:
            points, _count, problem = self.value(leaf)
            shown = "—" if problem is not None else points_text(points)
            return t("scoring.entry.count", value=self.text, points=shown)
        if leaf.kind == "deduction":
            return t("scoring.entry.points", value=self.text)
        return t("scoring.entry.points_plain", value=self.text)


def idle_prompt(leaf) -> str:
    key = "scoring.entry.idle_count" if leaf.kind == "deduction" else "scoring.entry.idle"
    return t(key, max=points_text(leaf.maximum))


def needs_justification(leaf, points: float, note: str) -> bool:
    problem = score_problem(leaf.maximum, points, note)
    return problem is not None and problem.key == "score_needs_justification"
