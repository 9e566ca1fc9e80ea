"""Fixtures shared by the extract tests."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.parse.sentences import split_article
from tests.conftest import REPO

SNAPSHOT = REPO / "data" / "snapshot" / "pmc"


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    """Every sentence of the first 12 snapshot PMC ketamine articles: real text to compare two pattern runs on."""
    out = []
    for path in sorted(SNAPSHOT.glob("*.nxml"))[:12]:
        for article in parse_file(path):
            out += [s.text for s in split_article(article, article.text)]
    return out
