"""Imports: validate a whole file first, then write it in one transaction or not at all."""

from .common import ImportRefused, ImportSummary

__all__ = ["ImportRefused", "ImportSummary"]
