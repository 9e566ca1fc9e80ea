"""Shared fixtures: paths to the shared material and an isolated data home per test."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
PUBMED_XML = CORPUS / "pubmed_xml"
PMC_KETAMINE = CORPUS / "pmc_ketamine"
EVAL = SHARED / "eval"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data home: stores, tables and reports go under tmp_path, never into the repo."""
    monkeypatch.setenv("KETAMINE_EVIDENCE_HOME", str(tmp_path))
    monkeypatch.delenv("KETAMINE_EVIDENCE_CONFIG", raising=False)
    monkeypatch.delenv("NCBI_API_KEY", raising=False)
    monkeypatch.delenv("NCBI_EMAIL", raising=False)
    return tmp_path
