"""Regimen text helpers: results kept for the texts of one article only."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import article_cache
from ketamine_evidence.analysis.extract.article_cache import per_article


def test_per_article_keeps_results_until_the_next_article() -> None:
    calls: list[str] = []

    @per_article
    def words(text: str) -> list[str]:
        calls.append(text)
        return text.split()

    # data/snapshot/pmc/PMC5103151.nxml
    text = "Group 1 received intravenous ketamine anesthesia (n=822), Group 2 received inhalation anesthesia."
    first = words(text)
    assert words(text) is first and calls == [text]  # the same article: computed once
    article_cache.new_article()
    again = words(text)
    assert again == first and again is not first and calls == [text, text]  # the next article: computed again
