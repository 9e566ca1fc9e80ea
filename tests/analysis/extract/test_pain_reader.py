"""The learned second reading of pain_effect's between-arm verdicts (KE_PE_READER)."""

from __future__ import annotations

import re

import pytest

from ketamine_evidence.analysis.extract import extract_findings, pain_reader
from ketamine_evidence.analysis.extract.arms import arms_for
from ketamine_evidence.analysis.extract.direction import Verdict
from ketamine_evidence.analysis.records import Article, Section

# Batch 7 (dev) PMC3556012: cassia fistula emulsion (CFE) against mineral oil (MO) in functional constipation.
METHODS = ("A randomized clinical trial was carried on 81 children (age range: 4–13 years) with FC, according to Rome III "
           "criteria in Amirkola Children’s Hospital, Babol, Iran. They received CFE or MO randomly for three weeks.")
BACKGROUND = ("This study was conducted to compare the laxative effect of cassia fistula emulsion (CFE) with mineral oil (MO) "
              "on FC.")
RESULT = ("The severity of pain during defecation and consistency of stool improved significantly better in CFE group "
          "than MO group (p < 0.05), but there were not any significant differences between the two groups in fecal "
          "incontinence and retentive posturing.")
CLAUSE = ("The severity of pain during defecation and consistency of stool improved significantly better in CFE group "
          "than MO group (p < 0.05)")


def cassia() -> Article:
    return Article(pmid="23351337", pmcid="PMC3556012", doi=None,
                   title="The effect of cassia fistula emulsion on pediatric functional constipation in comparison with "
                         "mineral oil: a randomized, clinical trial",
                   abstract=[Section("Background", "BACKGROUND", BACKGROUND), Section("Materials and methods", "METHODS", METHODS),
                             Section("Results", "RESULTS", RESULT)])


def effect(a: Article, reader: str, monkeypatch: pytest.MonkeyPatch) -> str | None:
    monkeypatch.setenv(pain_reader.ENV, reader)
    found = [f.value for f in extract_findings(a, "cassia fistula emulsion") if f.field == "pain_effect"]
    return found[0] if found else None


def test_reader_is_rules_unless_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pain_reader.ENV, raising=False)
    assert pain_reader.reader() == "rules"
    monkeypatch.setenv(pain_reader.ENV, " Difference ")
    assert pain_reader.reader() == "difference"
    monkeypatch.setenv(pain_reader.ENV, "modle")
    with pytest.raises(ValueError):
        pain_reader.reader()  # a misspelt reader is an error, not the rules in silence


def test_model_reads_the_picked_clause_and_the_rules_keep_their_direction(monkeypatch: pytest.MonkeyPatch) -> None:
    """'pain ... improved significantly better in CFE group than MO group': the rules read better (gold improved);
    the model, which never saw a pain prompt, reads 'improved' as more of the quantity, so on a lower-is-better
    outcome worse. Where the model may only say whether the arms differ, the rules' direction stands."""
    a = cassia()
    assert effect(a, "rules", monkeypatch) == "improved"
    assert effect(a, "model", monkeypatch) == "worse"
    assert effect(a, "agree", monkeypatch) is None  # the two disagree: no direction given
    assert effect(a, "difference", monkeypatch) == "improved"
    assert effect(a, "difference_confident", monkeypatch) == "improved"


def test_reread_leaves_the_cached_verdicts_alone() -> None:
    arms = arms_for(" ".join([BACKGROUND, METHODS, RESULT]), re.compile(r"\b(cassia fistula emulsion|CFE)\b", re.I))
    original = Verdict("better", CLAUSE)
    model = pain_reader.load_model()
    assert model is not None
    kind, p = pain_reader.model_reading(original, arms, model)
    assert kind == "worse" and 0.5 < p <= 1.0
    changed = pain_reader.reread([original], arms, "model")
    assert changed[0].verdict == "worse" and changed[0].extra["rules_verdict"] == "better"
    assert original.verdict == "better" and "rules_verdict" not in original.extra
    assert pain_reader.reread([original], arms, "rules") == [original]
    assert pain_reader.reread([original], arms, "difference") == [original]  # both read a difference: rules' direction
    within = Verdict("within", CLAUSE)
    assert pain_reader.reread([within], arms, "model") == [within]  # a change from baseline is not re-read
