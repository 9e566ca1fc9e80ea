"""Scrapy items of the harvest: one raw record as it will be stored."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class RawRecord:
    """One PubMed citation or PMC article, as the exact XML of its element.

    ``kind`` is ``pubmed`` (a ``PubmedArticle``/``PubmedBookArticle``/``MedlineCitation``) or
    ``pmc`` (a JATS ``article``). ``key`` is the PMID for PubMed records and the PMCID for PMC ones.
    """

    key: str
    kind: str
    xml: bytes
    pmid: str | None
    pmcid: str | None
    date_revised: str | None  # YYYY-MM-DD, PubMed's DateRevised (None for PMC)
    retracted: bool
    source: str  # pubmed | pmc | snapshot


@dataclass(slots=True)
class BatchEnd:
    """Marks the end of one efetch answer's records: the store pipeline saves them in one transaction."""

    source: str  # pubmed | pmc
    records: int
