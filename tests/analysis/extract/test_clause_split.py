"""A sentence's clauses (``clause_split``): where one finding ends and the next begins."""

from __future__ import annotations

from ketamine_evidence.analysis.extract.clause_split import CLAUSE_SPLIT, clauses, may_split


def test_the_clause_split_pre_check_holds_back_no_sentence_the_split_would_cut(sentences: list[str]) -> None:
    """``clause_split.may_split`` is False only where ``CLAUSE_SPLIT`` finds nothing (snapshot ketamine sentences, also in
    capitals); it rules out many sentences, and a character ``re.I`` folds to an ASCII letter sends a text to the split."""
    texts = sentences + [t.upper() for t in sentences]
    held = [t for t in texts if not may_split(t)]
    assert not [t for t in held if len(CLAUSE_SPLIT.split(t)) > 1]
    assert len(held) > len(texts) // 4
    assert sum(len(CLAUSE_SPLIT.split(t)) > 1 for t in texts) > 20
    odd = "pain was lower in group K, wherea\u017f it was not at 24 h"  # a long s: 'whereas' to ``re.I``
    assert not may_split("pain was lower in group K") and may_split(odd) and len(CLAUSE_SPLIT.split(odd)) == 2


def test_an_arm_count_does_not_end_a_clause() -> None:
    # batch 4 25589945 with the arm's count repeated (invariance arm_counts)
    text = ("Incidence of nausea ... and incidence of shivering were significantly lower in group R (n = 36) and group RD, "
            "than in group C (P < 0.05).")
    assert clauses(text) == [text]
    assert len(clauses("VRS pain was lower (P = 0.01) and shivering was rarer (P = 0.02).")) == 2
