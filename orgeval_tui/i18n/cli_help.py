"""The `orgeval` command's help texts (commands, options, arguments), as `--help` shows
them. Keys are the English texts written in cli/ (typer takes them from there); the
English catalogue maps each to itself, so cli/ stays readable and `--help` in zh is
whole. tests/cli/test_help_language.py proves every text has its translation."""

_WORDS: dict[str, str] = {}

EN = {english: english for english in _WORDS}

ZH = dict(_WORDS)
