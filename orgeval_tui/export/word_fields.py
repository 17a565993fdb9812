"""The fields a Word template may name, read from the report content's dataclasses: a
template is checked against them, and the office gets them as a list beside the
templates (``field_list``)."""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass

from ..i18n import t
from . import report_content
from .report_content import Chart, Figure


@dataclass(frozen=True)
class Fields:
    """A dataclass's fields: name → what the field holds."""

    type_name: str
    fields: dict[str, object]


@dataclass(frozen=True)
class ListOf:
    item: object


class Text:
    """A value written as text (a string, a number, a figure, a yes/no)."""


class ChartField(Text):
    """A chart: written as its marker, which becomes the chart (``word_charts``)."""


TEXT = Text()
CHART = ChartField()


def schema_of(kind) -> object:
    if kind is Chart:
        return CHART
    if kind is Figure:
        return TEXT
    origin = typing.get_origin(kind)
    if origin is list:
        (item,) = typing.get_args(kind)
        return ListOf(schema_of(item))
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind, vars(report_content))
        return Fields(
            kind.__name__,
            {f.name: schema_of(hints[f.name]) for f in dataclasses.fields(kind)},
        )
    return TEXT


def context_schema(content_type) -> dict[str, object]:
    """The top-level names of a template rendered from ``content_type``."""
    fields = schema_of(content_type)
    assert isinstance(fields, Fields)
    return fields.fields


def charts_of(content) -> list[Chart]:
    """Every chart the content holds, at any depth."""
    if isinstance(content, Chart):
        return [content]
    if isinstance(content, list):
        return [chart for item in content for chart in charts_of(item)]
    if dataclasses.is_dataclass(content) and not isinstance(content, Figure):
        return [c for f in dataclasses.fields(content) for c in charts_of(getattr(content, f.name))]
    return []


def context_of(content) -> dict[str, object]:
    """The values a template is rendered with: the content's own fields, by name."""
    return {f.name: getattr(content, f.name) for f in dataclasses.fields(content)}


def _lines(name: str, schema, depth: int) -> list[str]:
    pad = "  " * depth
    if isinstance(schema, ListOf):
        lines = [f"{pad}{{% for item in {name} %}} … {{% endfor %}}"]
        if isinstance(schema.item, Fields):
            for field_name, inner in schema.item.fields.items():
                lines += _lines(f"item.{field_name}", inner, depth + 1)
        else:
            lines.append(f"{pad}  {{{{ item }}}}")
        return lines
    if isinstance(schema, Fields):
        lines = []
        for field_name, inner in schema.fields.items():
            lines += _lines(f"{name}.{field_name}", inner, depth)
        return lines
    if isinstance(schema, ChartField):
        return [f"{pad}{{{{ {name} }}}}  {t('report.fields.chart')}"]
    return [f"{pad}{{{{ {name} }}}}"]


def field_list(content_type) -> list[str]:
    """Every field of a template, one per line, nested as the template reaches it."""
    lines: list[str] = []
    for name, schema in context_schema(content_type).items():
        lines += _lines(name, schema, 0)
    return lines
