"""Answers kept per question: the notes of an activity, cut at the lines that name a
question of its outline (``【岗位职责是否清晰】``, as the editor inserts them)."""

from __future__ import annotations

_MARKS = "#＃【】[]：:0123456789.、 \t　"


def heading(question: str) -> str:
    """The line the editor writes to start the answer to ``question``."""
    return f"【{question}】"


def question_of(line: str, questions: tuple[str, ...]) -> str | None:
    """The question a line of the notes names, if it is a heading (marks and numbering
    around the question's words are allowed, nothing else)."""
    words = line.strip().strip(_MARKS)
    return words if words and words in questions else None


def answers(notes: str, questions: tuple[str, ...]) -> dict[str, str]:
    """Each question's answer: the lines under its heading up to the next heading. A
    question without a heading, or with nothing under it, has no answer."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in notes.splitlines():
        question = question_of(line, questions)
        if question is not None:
            current = found.setdefault(question, [])
        elif current is not None:
            current.append(line)
    texts = {q: "\n".join(lines).strip() for q, lines in found.items()}
    return {q: texts[q] for q in questions if texts.get(q)}
