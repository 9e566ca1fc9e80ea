"""ketamine-evidence: a living, auditable body of evidence on ketamine for pain.

Subpackages, in the order data flows:

- ``ketamine_evidence.base``: errors (with exit codes), configuration and paths, imported by every stage;
- ``ketamine_evidence.harvest`` (repo folder ``harvest/``): PubMed sources -> versioned store;
- ``ketamine_evidence.analysis`` (repo folder ``analysis/``): store -> parse -> extract -> tables ->
  synthesis -> report, plus evaluation;
- ``ketamine_evidence.cli``: the ``ketamine-evidence`` command, which wires the stages; nothing imports it.
"""

__version__ = "0.1.0"
