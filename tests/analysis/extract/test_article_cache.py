"""Per-article caches: one mechanism, emptied before each article, results unchanged."""

from __future__ import annotations

from pathlib import Path

from ketamine_evidence.analysis.extract import article_cache, extract_findings, outcomes
from ketamine_evidence.analysis.parse import parse_file

SNAPSHOT = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pmc"


def test_every_per_article_cache_is_empty_after_new_article() -> None:
    article = next(iter(parse_file(SNAPSHOT / "PMC3172326.nxml")))
    first = extract_findings(article)
    filled = [c for c in article_cache._CACHES if c.cache_info().currsize]
    assert len(filled) >= 10  # the extractors' per-text caches (lower-casing, mentions, outcomes ...) were used
    number = article_cache.article_number()
    article_cache.new_article()
    assert article_cache.article_number() == number + 1
    assert all(c.cache_info().currsize == 0 for c in article_cache._CACHES)
    assert extract_findings(article) == first  # computed again, the same findings


def test_a_cached_reading_is_shared_within_an_article_only() -> None:
    # data/snapshot/pmc/PMC3172326.nxml
    text = "For all of the evaluated times, the VAS score was significantly lower in the ketamine group compared to the control."
    article_cache.new_article()
    assert outcomes.is_pain_outcome(text)
    hits = outcomes.is_pain_outcome.cache_info().hits
    outcomes.is_pain_outcome(text)
    assert outcomes.is_pain_outcome.cache_info().hits == hits + 1
    article_cache.new_article()
    assert outcomes.is_pain_outcome.cache_info().currsize == 0
