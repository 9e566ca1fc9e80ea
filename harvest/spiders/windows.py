"""Per-window state of the PubMed spider and the adaptive efetch batch size.

``WindowState`` is one searched window's history-server handle and id list. ``BatchSizer``
decides how many records the next efetch asks for: NCBI advises up to 500 per history fetch;
a cut or slow body halves the size (a smaller body is less likely to be cut again), and a run
of clean, quick bodies doubles it back towards the maximum.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ketamine_evidence.harvest.eutils import Window

#: PMIDs are digits (PubMed has no other form); anything else in an id list is refused.
PMID_RE = re.compile(r"[1-9][0-9]{0,9}")
#: PMCIDs are ``PMC`` + digits.
PMCID_RE = re.compile(r"PMC[1-9][0-9]{0,9}")


def valid_pmid(text: str) -> bool:
    return bool(PMID_RE.fullmatch(text))


def normal_pmcid(text: str) -> str | None:
    """``PMC123`` for ``PMC123``/``pmc123``/``123``; None for anything else."""
    value = text.strip().upper()
    value = value if value.startswith("PMC") else f"PMC{value}"
    return value if PMCID_RE.fullmatch(value) else None


def one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass
class WindowState:
    """A searched window's history-server handle and id list; ``generation`` counts re-searches."""

    window: Window
    ids: list[str]
    webenv: str | None
    query_key: str | None
    generation: int = 0
    cursor: int = 0            # next retstart to fetch: one batch per window in flight at a time
    refreshing: bool = False
    parked: list[tuple[int, int, int]] = field(default_factory=list)  # (retstart, retmax, refreshes)


@dataclass
class BatchSizer:
    """The efetch batch size: halves on a cut or slow body, doubles back after ``grow_after`` clean ones."""

    maximum: int = 500
    minimum: int = 10
    grow_after: int = 3
    slow_s: float = 20.0       # a body that took longer than this counts as slow
    size: int = 0
    clean: int = 0
    shrinks: int = 0

    def __post_init__(self) -> None:
        self.minimum = max(1, min(self.minimum, self.maximum))
        self.size = self.size or self.maximum

    def shrink(self) -> None:
        if self.size > self.minimum:
            self.size = max(self.minimum, self.size // 2)
            self.shrinks += 1
        self.clean = 0

    def fetched(self, seconds: float) -> None:
        """A complete body came back after ``seconds``: grow back if the last few were all quick."""
        if seconds > self.slow_s:
            self.shrink()
            return
        self.clean += 1
        if self.clean >= self.grow_after and self.size < self.maximum:
            self.size = min(self.maximum, self.size * 2)
            self.clean = 0
