"""Per-arm pain scores and changes from baseline on a 0-10 scale."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.records import Article, Section


def article(title: str, *parts: tuple[str, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in parts])


def scores(a: Article, intervention: str = "ketamine") -> list:
    return [f for f in extract_findings(a, intervention) if f.field in ("pain_score", "pain_score_change")]


def test_mean_sd_per_arm_not_other_outcomes() -> None:
    # PMC3897026: recovery time values in the same sentence are not pain scores.
    s = ("There were no differences in the recovery time (17.3 ± 3.4 in the case group vs. 16.3 ± 3 in the control "
         "group), postoperative pain scores (5 ± 1 in the case group vs. 5.6 ± 2 in the control group).")
    a = article("Ketamine in ophthalmic surgery",
                ("METHODS", "Ketamine 0.5 mg/kg was given to patients in the case group."), ("RESULTS", s))
    fs = scores(a)
    assert [(f.detail["arm"], f.detail["mean"], f.detail["sd"]) for f in fs] == [
        ("ketamine", 5.0, 1.0), ("control", 5.6, 2.0)]
    assert a.text[fs[0].evidence.start:fs[0].evidence.end] == s


def test_change_from_baseline_and_0_100_scale() -> None:
    a = article("Nerve block",
                ("RESULTS", "In Group II, the VAS decreased from 69.2 ± 10.0 to 18.4 ± 10.3 mm at 4 weeks."))
    (f,) = scores(a, "nerve block")
    assert f.field == "pain_score_change"
    assert f.detail["baseline"] == pytest.approx(6.92) and f.detail["follow_up"] == pytest.approx(1.84)
    assert f.detail["change"] == pytest.approx(-5.08)
    assert f.detail["timepoint"] == "4 weeks"


def test_no_scores_without_intervention_or_values() -> None:
    assert scores(article("t", ("RESULTS", "Pain scores were lower with ketamine."))) == []
    assert scores(article("t", ("RESULTS", "Fentanyl use was 474 ± 30 µg with lidocaine.")), "lidocaine") == []


def test_arm_sizes_fill_n() -> None:
    a = article("Ketamine trial",
                ("METHODS", "Patients received ketamine (n = 40) or saline (n = 38)."),
                ("RESULTS", "Pain scores were 3.1 ± 1.2 in the ketamine group and 4.6 ± 1.5 in the saline group."))
    assert [(f.detail["arm"], f.detail["n"]) for f in scores(a)] == [("ketamine", 40), ("control", 38)]


def test_respectively_assigns_values_in_order() -> None:
    a = article("Ketamine trial", ("RESULTS", "VAS scores were 2.1 ± 0.8 and 4.3 ± 1.2 in the ketamine and placebo "
                                              "groups, respectively."))
    assert [(f.detail["arm"], f.detail["mean"]) for f in scores(a)] == [("ketamine", 2.1), ("control", 4.3)]
