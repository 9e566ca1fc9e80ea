"""ketamine-evidence: orchestration layer (CLI, configuration, paths, errors).

The work itself lives in two packages: ``harvest`` (PubMed sources -> store) and
``analysis`` (store -> parse -> extract -> tables -> reports).
"""

__version__ = "0.1.0"
