"""The EI-read / EI-check article split: disjoint, fixed, and outside the local pain articles and every pool split."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.evaluation import ei_split
from tests.conftest import EVAL

ROOT = EVAL / "external" / "evidence_inference"
pytestmark = pytest.mark.skipif(not (ROOT / "prompts_merged.csv").is_file(), reason="shared corpus not present")


def test_split_is_by_article_and_leaves_out_the_excluded_articles() -> None:
    read, check = ei_split.split_prompts(ROOT)
    excluded = ei_split.excluded_pmcids(ROOT)
    assert len(excluded) >= 79 + 60  # the local pain articles and at least the pool's first blind split
    read_articles, check_articles = {p.pmcid for p in read}, {p.pmcid for p in check}
    assert not read_articles & check_articles
    assert not (read_articles | check_articles) & excluded
    assert all(ei_split.is_read(a) for a in read_articles) and not any(ei_split.is_read(a) for a in check_articles)
    assert 0.4 < len(read_articles) / (len(read_articles) + len(check_articles)) < 0.6
    assert all(p.evidence for p in read + check)
