"""`--help` in the user's language.

Typer reads help texts where the commands are declared, before any option is parsed;
they are written in English in cli/ and translated here, on the command tree Typer
builds, by ``i18n/cli_help`` (keyed by the English text). The language must be known
before Click parses (``--help`` is handled while parsing), so ``--lang`` is read from the
command line first; else ORGEVAL_LANG, else the locale (``i18n.language_from_env``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import typer
import typer.main

from ..i18n import LANGUAGES, catalogues, current_language

# Typer's panels (its default titles), named in the user's language through the
# documented `rich_help_panel` of each parameter and command.
_PANELS = {"argument": "Arguments", "option": "Options", "command": "Commands"}


def language_in_arguments(arguments: Sequence[str]) -> str | None:
    """The value of ``--lang`` on the command line, if it is one orgeval speaks."""
    for index, argument in enumerate(arguments):
        if argument == "--":
            break
        if argument.startswith("--lang="):
            value = argument.partition("=")[2]
        elif argument == "--lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
        else:
            continue
        return value if value in LANGUAGES else None
    return None


def translated_command(app: typer.Typer):
    """The Click command Typer builds for ``app``, its help texts in the current
    language."""
    command = typer.main.get_command(app)
    messages = catalogues()[current_language()]

    def word(text: str | None) -> str | None:
        return messages.get(text, text) if text else text

    for node in _commands(command):
        node.help = word(node.help)
        node.short_help = word(node.short_help)
        if node is not command:
            node.rich_help_panel = node.rich_help_panel or word(_PANELS["command"])
        help_option = node.get_help_option(typer.Context(node))
        for param in [*node.params, *([help_option] if help_option else [])]:
            param.help = word(getattr(param, "help", None))
            panel = _PANELS["argument" if param.param_type_name == "argument" else "option"]
            param.rich_help_panel = getattr(param, "rich_help_panel", None) or word(panel)
    return command


def help_texts(app: typer.Typer) -> Iterator[str]:
    """Every help text of the command tree, as written in cli/."""
    command = typer.main.get_command(app)
    for node in _commands(command):
        help_option = node.get_help_option(typer.Context(node))
        for text in (
            node.help,
            node.short_help,
            *(getattr(p, "help", None) for p in node.params),
            help_option.help if help_option else None,
        ):
            if text:
                yield text
    yield from _PANELS.values()


def _commands(command) -> Iterator:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _commands(sub)
