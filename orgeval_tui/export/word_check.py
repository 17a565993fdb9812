"""Checking a Word template before anything is written: its Jinja tags must parse, and
every field it names must be a field of the report (``word_fields``). A refusal names
the field or the error, and where it is: the paragraph's text, and its table, row and
column when it sits in a table.

The template's text is read the way docxtpl renders it (``patch_xml`` joins the tags
Word split across runs, and each paragraph starts a line), so a line number Jinja gives
is a paragraph of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import jinja2
from docx.oxml.ns import qn
from jinja2 import nodes

from .word_fields import TEXT, Fields, ListOf, Text

_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_TAG = re.compile(r"<[^>]+>")
_TAGS = re.compile(r"\{[{%].*?[}%]\}")
# Names Jinja itself provides inside a template.
_JINJA_NAMES = {"loop", "range", "dict", "lipsum", "cycler", "joiner", "namespace", "true",
                "false", "none", "True", "False", "None"}  # fmt: skip
_ANY = object()  # a value the check cannot follow (a filter's result, a loop's helper)


@dataclass(frozen=True)
class TemplateProblem:
    kind: str  # "syntax" | "field"
    detail: str  # the error, or the field as written (unit.nmae)
    where: tuple  # ("paragraph", N) | ("cell", T, R, C) | ("header",) | ("footer",)
    text: str  # the paragraph's text, shortened
    known: tuple[str, ...] = ()  # for an unknown field: the fields known at that place


def _place(paragraph, numbers: dict, tables: list) -> tuple:
    """("paragraph", N) for the Nth paragraph of the body, ("cell", T, R, C) for one in
    a table's cell."""
    cell = next(paragraph.iterancestors(qn("w:tc")), None)
    if cell is None:
        return ("paragraph", numbers.get(paragraph, 0))
    row = cell.getparent()
    table = row.getparent()
    return (
        "cell",
        tables.index(table) + 1 if table in tables else 0,
        _index(table, row, "w:tr"),
        _index(row, cell, "w:tc"),
    )


def _index(parent, child, tag: str) -> int:
    return list(parent.iterchildren(qn(tag))).index(child) + 1


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Source:
    """One part of the template (the body, a header, a footer) as Jinja reads it, and
    its paragraphs as the office sees them in Word.

    docxtpl's ``{%tr %}`` and ``{%p %}`` tags take their row or paragraph away before
    Jinja reads the text, so a Jinja line is matched back to a paragraph by what it
    says: the field's name, or the paragraph's opening words."""

    def __init__(self, label: str, xml: str, root):
        self.label = label  # "body" | "header" | "footer"
        self.text = _PARAGRAPH_START.sub(r"\n<w:p\1", xml)
        self.lines = self.text.split("\n")
        self.paragraphs = list(root.iter(qn("w:p")))
        self.texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in self.paragraphs]
        self.numbers = {p: i + 1 for i, p in enumerate(root.iterchildren(qn("w:p")))}
        self.tables = list(root.iter(qn("w:tbl")))
        self.seen: dict[str, int] = {}

    def _describe(self, index: int) -> tuple[tuple, str]:
        text = _shorten(self.texts[index].strip())
        if self.label != "body":
            return ((self.label,), text)
        return (_place(self.paragraphs[index], self.numbers, self.tables), text)

    def where_field(self, written: str, lineno: int | None) -> tuple[tuple, str]:
        """The paragraph whose tags name ``written`` (its nth such paragraph for the
        nth problem naming it)."""
        pattern = re.compile(r"(?<![\w.])" + re.escape(written) + r"(?![\w])")
        holding = [
            i
            for i, text in enumerate(self.texts)
            if any(pattern.search(tag) for tag in _TAGS.findall(text))
        ]
        nth = self.seen.get(written, 0)
        self.seen[written] = nth + 1
        if holding:
            return self._describe(holding[min(nth, len(holding) - 1)])
        return self.where_line(lineno)

    def where_line(self, lineno: int | None) -> tuple[tuple, str]:
        """The paragraph Jinja's line ``lineno`` begins with."""
        if lineno is None or not 1 <= lineno <= len(self.lines):
            return ((self.label,), "")
        line = _TAG.sub("", self.lines[lineno - 1]).strip()
        for i, text in enumerate(self.texts):
            text = text.strip()
            if text and (line.startswith(text[:20]) or text.startswith(line[:20])):
                return self._describe(i)
        return ((self.label,), _shorten(line))


def template_problems(tpl, schema: dict[str, object]) -> list[TemplateProblem]:
    """``tpl``: a docxtpl DocxTemplate (unrendered); ``schema``: the report's fields."""
    env = jinja2.Environment()
    sources = [_Source("body", tpl.patch_xml(tpl.get_xml()), tpl.docx.element.body)]
    for label, uri in (("header", tpl.HEADER_URI), ("footer", tpl.FOOTER_URI)):
        for _, part in tpl.get_headers_footers(uri):
            sources.append(_Source(label, tpl.patch_xml(tpl.get_part_xml(part)), part.element))
    problems: list[TemplateProblem] = []
    for source in sources:
        try:
            tree = env.parse(source.text)
        except jinja2.TemplateSyntaxError as exc:
            place, text = source.where_line(exc.lineno)
            problems.append(TemplateProblem("syntax", exc.message or str(exc), place, text))
            continue
        walker = _Walker(source, problems)
        walker.visit_all(tree.body, dict(schema))
    return problems


class _Walker:
    def __init__(self, source: _Source, problems: list[TemplateProblem]):
        self.source = source
        self.problems = problems

    def unknown(self, node, written: str, known) -> object:
        place, text = self.source.where_field(written, node.lineno)
        self.problems.append(TemplateProblem("field", written, place, text, tuple(known)))
        return _ANY

    def visit_all(self, items, scope: dict) -> None:
        for item in items:
            self.visit(item, scope)

    def visit(self, node, scope: dict) -> None:
        if isinstance(node, nodes.For):
            found = self.resolve(node.iter, scope)
            item = found.item if isinstance(found, ListOf) else _ANY
            inner = dict(scope, loop=_ANY)
            for name in _targets(node.target):
                inner[name] = item
            if node.test is not None:
                self.visit(node.test, inner)
            self.visit_all(node.body, inner)
            self.visit_all(node.else_, scope)
            return
        if isinstance(node, nodes.Assign):
            self.resolve(node.node, scope)
            for name in _targets(node.target):
                scope[name] = _ANY
            return
        if isinstance(node, nodes.Macro | nodes.CallBlock | nodes.With):
            inner = dict(scope)
            for name in node.find_all(nodes.Name):
                if name.ctx in ("store", "param"):
                    inner[name.name] = _ANY
            for child in node.iter_child_nodes():
                self.visit(child, inner)
            return
        if isinstance(node, nodes.Expr):
            self.resolve(node, scope)
            return
        for child in node.iter_child_nodes():
            self.visit(child, scope)

    def resolve(self, node, scope: dict) -> object:
        """What an expression names, refusing names the report has not."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in _JINJA_NAMES or node.ctx != "load":
                return _ANY
            return self.unknown(node, node.name, (k for k in scope if scope[k] is not _ANY))
        if isinstance(node, nodes.Getattr):
            return self.member(node, self.resolve(node.node, scope), node.attr)
        if isinstance(node, nodes.Getitem):
            base = self.resolve(node.node, scope)
            self.resolve(node.arg, scope)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self.member(node, base, node.arg.value)
            return base.item if isinstance(base, ListOf) else _ANY
        if isinstance(node, nodes.Add):
            # Two lists joined (result.parts + result.areas) hold the items of both.
            left, right = self.resolve(node.left, scope), self.resolve(node.right, scope)
            return left if isinstance(left, ListOf) and left == right else _ANY
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Expr):
                self.resolve(child, scope)
            else:
                self.visit(child, scope)
        return _ANY

    def member(self, node, base, name: str) -> object:
        if isinstance(base, Fields):
            if name in base.fields:
                return base.fields[name]
            return self.unknown(node, _written(node), base.fields)
        if isinstance(base, Text) and not hasattr(str, name):
            return self.unknown(node, _written(node), ())
        if isinstance(base, ListOf) and not hasattr(list, name):
            return self.unknown(node, _written(node), ())
        return _ANY if base is not TEXT else TEXT


def _written(node) -> str:
    """The dotted name as the template writes it: unit.nmae, p.title."""
    parts = []
    while isinstance(node, nodes.Getattr | nodes.Getitem):
        if isinstance(node, nodes.Getattr):
            parts.append(node.attr)
        elif isinstance(node.arg, nodes.Const):
            parts.append(str(node.arg.value))
        else:
            parts.append("[]")
        node = node.node
    if isinstance(node, nodes.Name):
        parts.append(node.name)
    return ".".join(reversed(parts))


def _targets(target) -> list[str]:
    """The names a ``for`` or ``set`` binds: one name, or a tuple of them."""
    if isinstance(target, nodes.Name):
        return [target.name]
    return [name.name for name in target.find_all(nodes.Name)]
