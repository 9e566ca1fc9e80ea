"""Extractor: pain_effect (being written; returns no findings yet)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.records import Finding

if TYPE_CHECKING:
    from analysis.extract import Context

NAME = "pain_effect"
VERSION = "0.1"


def extract(ctx: "Context") -> list[Finding]:
    return []
