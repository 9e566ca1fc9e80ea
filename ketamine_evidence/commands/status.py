"""`ketamine-evidence status` (being written)."""

from __future__ import annotations

import argparse

from ketamine_evidence.config import Config
from ketamine_evidence.errors import KetamineEvidenceError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace, config: Config) -> int:
    raise KetamineEvidenceError("the status command is not built yet")
