"""The invariance runner: rewriting an article as one text, renaming a drug, and the check set kept aggregate."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.evaluation import invariance
from ketamine_evidence.analysis.evaluation.invariance_text import spelling
from ketamine_evidence.analysis.records import Article, Section

# pool dev 28191496
ARTICLE = Article(pmid="28191496", pmcid=None, doi=None,
                  title="Lidocaine spray alone versus spray plus viscous solution",
                  abstract=[Section("BACKGROUND", "BACKGROUND",
                                    "Pharyngeal anesthesia using topical lidocaine is generally used as pretreatment."),
                            Section("METHODS", "METHODS", "Patients were randomised to two groups.")])


def test_rewrite_article_keeps_the_parts():
    out = invariance.rewrite_article(ARTICLE, spelling)
    assert out is not None and out.title == ARTICLE.title
    assert [s.label for s in out.abstract] == ["BACKGROUND", "METHODS"]
    assert out.abstract[1].text == "Patients were randomized to two groups."
    assert invariance.rewrite_article(ARTICLE, lambda t: t) is None  # nothing rewritten: not counted


def test_renamed_swaps_the_drug_word_in_text_and_name():
    got = invariance.renamed(ARTICLE, "lidocaine spray alone (vs spray plus viscous solution)")
    assert got is not None
    article, name = got
    assert name == "Zorvatex spray alone (vs spray plus viscous solution)"
    assert article.title.startswith("Zorvatex spray alone")
    assert "topical Zorvatex" in article.abstract[0].text


def test_a_procedure_is_not_renamed():
    # pool dev 28904545: no drug word, its name's words carry content
    assert invariance.renamed(ARTICLE, "massage and breastfeeding before venipuncture") is None


def test_check_set_changes_are_refused(capsys, monkeypatch):
    assert "batch6" not in invariance.CHECK_SETS  # dev since the eighth round
    monkeypatch.setattr(invariance, "CHECK_SETS", frozenset({"batch6"}))
    with pytest.raises(SystemExit):
        invariance.main(["--sets", "batch6", "--show-changes"])
    assert "not allowed" in capsys.readouterr().err
