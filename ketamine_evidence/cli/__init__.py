"""The ``ketamine-evidence`` command: argument parsing in ``main``, one module per subcommand in ``commands``."""

from ketamine_evidence.cli.main import main

__all__ = ["main"]
