"""The `orgeval` command line (typer): one module per command group, see ``root``."""

from .root import app, main

__all__ = ["app", "main"]
