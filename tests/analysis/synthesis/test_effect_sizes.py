"""Effect sizes from findings rows, and pooling by condition.

The findings rows below follow the tables contract (``detail`` as a JSON string); their numbers
are small made-up summary statistics to test the rules, not data from any article.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from ketamine_evidence.analysis.synthesis.arms import arm_role
from ketamine_evidence.analysis.synthesis.effect_sizes import (
    EFFECT_COLUMNS,
    POOLED_COLUMNS,
    combine_groups,
    effect_table,
    hedges_correction,
    hedges_g,
    log_risk_ratio,
    mean_difference,
    pool_by_condition,
    risk_difference,
)
from ketamine_evidence.analysis.synthesis.meta_analysis import meta_analyse


def finding(study_id: str, field: str, start: int, text: str, intervention: str = "ketamine",
            **detail) -> dict:
    return {"study_id": study_id, "pmid": study_id, "intervention": intervention, "field": field,
            "value": str(detail.get("mean", detail.get("events"))), "value_num": None,
            "unit": None, "arm": detail.get("arm"), "timepoint": detail.get("timepoint"),
            "detail": json.dumps(detail), "evidence_text": text, "evidence_start": start,
            "evidence_end": start + len(text), "evidence_source": "abstract",
            "extractor": "test", "extractor_version": "0"}


def study(study_id: str, design: str = "rct", condition: str = "postoperative_acute",
          included: bool = True, intervention: str = "ketamine", year: int = 2010) -> dict:
    return {"study_id": study_id, "pmid": study_id, "title": f"Trial {study_id}",
            "authors": f"Smith{study_id} J; Doe A", "year": year, "design": design,
            "conditions": condition, "primary_condition": condition, "included": included,
            "intervention": intervention}


S1 = "Pain at 24 h was 2.1 (1.0) with ketamine (n=30) and 3.4 (1.5) with placebo (n=30)."
S2 = "VAS 3.0 +/- 2.0 in the ketamine group versus 4.0 +/- 2.0 in the saline group."


@pytest.fixture
def tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    findings = [
        # Study A: two arms at 24 h (the first time point) and at 48 h.
        finding("A", "pain_score", 100, S1, arm="ketamine", timepoint="24 h", mean=2.1, sd=1.0, n=30),
        finding("A", "pain_score", 100, S1, arm="placebo", timepoint="24 h", mean=3.4, sd=1.5, n=30),
        finding("A", "pain_score", 300, "At 48 h ...", arm="ketamine", timepoint="48 h", mean=2.0, sd=1.0, n=30),
        finding("A", "pain_score", 300, "At 48 h ...", arm="placebo", timepoint="48 h", mean=2.2, sd=1.0, n=30),
        # Study B: saline control.
        finding("B", "pain_score", 50, S2, arm="ketamine group", timepoint="2 h", mean=3.0, sd=2.0, n=20),
        finding("B", "pain_score", 50, S2, arm="saline group", timepoint="2 h", mean=4.0, sd=2.0, n=22),
        # Study C: one arm only -> no effect.
        finding("C", "pain_score", 10, "Pain fell to 2.0 (1.0).", arm="ketamine", mean=2.0, sd=1.0, n=12),
        # Study D: excluded from the evidence base.
        finding("D", "pain_score", 10, S1, arm="ketamine", mean=1.0, sd=1.0, n=10),
        finding("D", "pain_score", 10, S1, arm="placebo", mean=5.0, sd=1.0, n=10),
        # Study E: observational, has an effect but is not pooled.
        finding("E", "pain_score", 10, S1, arm="ketamine", mean=2.0, sd=1.0, n=40),
        finding("E", "pain_score", 10, S1, arm="control", mean=3.0, sd=1.0, n=40),
        # Study F: active comparator only (morphine) -> no effect.
        finding("F", "pain_score", 10, S1, arm="ketamine", mean=2.0, sd=1.0, n=40),
        finding("F", "pain_score", 10, S1, arm="morphine", mean=3.0, sd=1.0, n=40),
        # Responders in two chronic-pain RCTs.
        finding("G", "responders", 20, "12/20 vs 5/20 responded.", arm="ketamine", events=12, n=20, threshold="50%"),
        finding("G", "responders", 20, "12/20 vs 5/20 responded.", arm="placebo", events=5, n=20, threshold="50%"),
        finding("H", "responders", 20, "9 of 15 vs 0 of 15.", arm="ketamine", events=9, n=15, threshold="30%"),
        finding("H", "responders", 20, "9 of 15 vs 0 of 15.", arm="placebo", events=0, n=15, threshold="30%"),
    ]
    studies = [study("A"), study("B"), study("C"), study("D", included=False),
               study("E", design="prospective_observational"), study("F"),
               study("G", condition="crps"), study("H", condition="crps")]
    return pd.DataFrame(findings), pd.DataFrame(studies)


def test_mean_difference():
    md, var = mean_difference(2.1, 1.0, 30, 3.4, 1.5, 30)
    assert md == pytest.approx(-1.3)
    assert var == pytest.approx(1.0 / 30 + 2.25 / 30)
    with pytest.raises(ValueError):
        mean_difference(1, 1, 0, 1, 1, 10)


def test_log_risk_ratio_and_zero_cells():
    yi, vi = log_risk_ratio(12, 20, 5, 20)
    assert yi == pytest.approx(math.log(12 / 5))
    assert vi == pytest.approx(1 / 12 - 1 / 20 + 1 / 5 - 1 / 20)
    yi, vi = log_risk_ratio(9, 15, 0, 15)  # 0.5 added to every cell
    assert yi == pytest.approx(math.log((9.5 / 16) / (0.5 / 16)))
    assert vi == pytest.approx(1 / 9.5 - 1 / 16 + 1 / 0.5 - 1 / 16)
    for args in ((0, 10, 0, 10), (10, 10, 12, 12), (11, 10, 1, 10)):
        with pytest.raises(ValueError):
            log_risk_ratio(*args)


def test_hedges_g_reproduces_the_borenstein_worked_example():
    """Borenstein, Hedges, Higgins & Rothstein, Introduction to Meta-Analysis (Wiley 2009), chapter 4,
    worked example: means 103 and 100, SDs 5.5 and 4.5, 50 per group -> d = 0.5970, J = 0.9923, g = 0.5924.
    The book uses J ~ 1 - 3/(4 df - 1); the exact J (gamma functions, metafor) agrees to 4 decimals."""
    assert hedges_correction(98) == pytest.approx(1 - 3 / (4 * 98 - 1), abs=5e-5)
    assert hedges_correction(98) == pytest.approx(0.9923, abs=5e-5)
    g, vg = hedges_g(103, 5.5, 50, 100, 4.5, 50)
    assert g == pytest.approx(0.5924, abs=5e-5)
    # metafor's default variance (vtype="LS"): 1/n1 + 1/n2 + g²/(2 (n1 + n2)); the book's Vd is 0.0418
    assert vg == pytest.approx(1 / 50 + 1 / 50 + g ** 2 / 200)
    assert vg == pytest.approx(0.0418, abs=5e-5)


def test_hedges_g_reproduces_metafor_escalc_smd_on_normand1999():
    """metafor ``escalc(measure="SMD", ...)`` on dat.normand1999 (Normand 1999, Stat Med 18:321, Table VIII),
    first study (Edinburgh: 55 (SD 47), n 155 vs 75 (SD 64), n 156): yi = -0.3552, vi = 0.0131 (metafor prints
    4 decimals). Reproduced here from metafor's formulas: pooled SD, exact J, vtype="LS"."""
    g, vg = hedges_g(55, 47, 155, 75, 64, 156)
    assert g == pytest.approx(-0.3552, abs=5e-5)
    assert vg == pytest.approx(0.0131, abs=5e-5)
    # small samples: the exact J is Gamma(4) / (sqrt(4) Gamma(3.5)) = 0.9027 for df = 8, where the
    # approximation 1 - 3/31 gives 0.9032
    assert hedges_correction(8) == pytest.approx(6 / (2 * math.gamma(3.5)))
    assert hedges_correction(8) == pytest.approx(0.9027, abs=5e-5)
    with pytest.raises(ValueError):
        hedges_g(1, 0, 5, 1, 0, 5)       # no spread: no standardised difference


def test_hedges_g_does_not_depend_on_the_scale():
    """The reason to pool SMDs: the same trial on 0-10 and on 0-100 gives the same g."""
    assert hedges_g(2.1, 1.0, 30, 3.4, 1.5, 30) == pytest.approx(hedges_g(21, 10, 30, 34, 15, 30))


def test_risk_difference():
    rd, var = risk_difference(12, 20, 5, 20)
    assert rd == pytest.approx(0.35)
    assert var == pytest.approx(0.6 * 0.4 / 20 + 0.25 * 0.75 / 20)


def test_pain_scales_that_differ_are_pooled_as_smd():
    same = [finding("S", "pain_score", 0, S1, arm="ketamine", mean=2.1, sd=1.0, n=30, scale="0-10"),
            finding("S", "pain_score", 0, S1, arm="placebo", mean=3.4, sd=1.5, n=30, scale="0-10"),
            finding("T", "pain_score", 0, S2, arm="ketamine", mean=3.0, sd=2.0, n=20, scale="0-10"),
            finding("T", "pain_score", 0, S2, arm="saline", mean=4.0, sd=2.0, n=22, scale="0-10")]
    studies = pd.DataFrame([study("S"), study("T")])
    effects = effect_table(pd.DataFrame(same), studies)
    assert list(effects["smd"]) == pytest.approx([hedges_g(2.1, 1.0, 30, 3.4, 1.5, 30)[0],
                                                  hedges_g(3.0, 2.0, 20, 4.0, 2.0, 22)[0]])
    pooled = pool_by_condition(effects)
    assert list(pooled["measure"]) == ["MD"] and pooled.iloc[0]["scales"] == "0-10"
    differ = [dict(f) for f in same]
    differ[2]["detail"] = differ[2]["detail"].replace('"0-10"', '"0-100"')
    differ[3]["detail"] = differ[3]["detail"].replace('"0-10"', '"0-100"')
    effects = effect_table(pd.DataFrame(differ), studies)
    pooled = pool_by_condition(effects)
    assert list(pooled["measure"]) == ["SMD"] and pooled.iloc[0]["scales"] == "0-10; 0-100"
    direct = meta_analyse(effects["smd"], effects["smd_vi"], method="REML", hartung_knapp=True)
    assert pooled.iloc[0]["estimate"] == pytest.approx(direct.estimate)
    assert pooled.iloc[0]["ci_high"] == pytest.approx(direct.ci_high)


def test_combine_groups_equals_raw_data():
    rng = np.random.default_rng(7)
    a, b = rng.normal(3, 1, 17), rng.normal(5, 2, 23)
    mean, sd, n = combine_groups([(a.mean(), a.std(ddof=1), a.size), (b.mean(), b.std(ddof=1), b.size)])
    both = np.concatenate([a, b])
    assert (mean, sd, n) == pytest.approx((both.mean(), both.std(ddof=1), both.size))


@pytest.mark.parametrize("arm, intervention, role", [
    ("ketamine 0.5 mg/kg", "ketamine", "intervention"),
    ("S-ketamine", "ketamine", "intervention"),
    ("placebo", "ketamine", "control"),
    ("normal saline group", "ketamine", "control"),
    ("usual care", "ketamine", "control"),
    ("morphine", "ketamine", None),
    ("saline instead of ketamine", "ketamine", None),
    ("lidocaine", "intravenous lidocaine", "intervention"),
    ("ketamine", "lidocaine", None),
    (None, "ketamine", None),
])
def test_arm_role(arm, intervention, role):
    assert arm_role(arm, intervention) == role


def test_effect_table(tables):
    effects = effect_table(*tables)
    assert list(effects.columns) == EFFECT_COLUMNS
    by_id = effects.set_index("study_id")
    assert sorted(by_id.index) == ["A", "B", "E", "G", "H"]
    a = by_id.loc["A"]
    assert a["measure"] == "MD" and a["timepoint"] == "24 h"  # first time point in the text
    assert a["yi"] == pytest.approx(-1.3)
    assert a["vi"] == pytest.approx(1 / 30 + 2.25 / 30)
    assert a["n"] == 60 and a["evidence_text"] == S1
    assert a["ci_low"] == pytest.approx(-1.3 - 1.959964 * math.sqrt(a["vi"]), abs=1e-6)
    assert a["label"] == "SmithA 2010"
    assert by_id.loc["B", "yi"] == pytest.approx(-1.0)
    assert by_id.loc["G", "measure"] == "logRR"
    assert by_id.loc["G", "yi"] == pytest.approx(math.log(12 / 5))
    assert by_id.loc["H", "yi"] == pytest.approx(math.log(19))  # zero cell corrected
    assert by_id.loc["G", "condition"] == "crps"
    with_excluded = effect_table(*tables, include_excluded=True)
    assert "D" in set(with_excluded["study_id"])


def test_several_intervention_arms_are_combined():
    rows = [finding("M", "pain_score", 0, S1, arm="ketamine 0.15 mg/kg", mean=2.0, sd=1.0, n=20),
            finding("M", "pain_score", 0, S1, arm="ketamine 0.5 mg/kg", mean=1.0, sd=1.0, n=20),
            finding("M", "pain_score", 0, S1, arm="placebo", mean=3.0, sd=1.0, n=20)]
    effects = effect_table(pd.DataFrame(rows), pd.DataFrame([study("M")]))
    mean, sd, n = combine_groups([(2.0, 1.0, 20), (1.0, 1.0, 20)])
    assert effects.iloc[0]["yi"] == pytest.approx(mean - 3.0)
    assert effects.iloc[0]["vi"] == pytest.approx(sd ** 2 / n + 1 / 20)
    assert effects.iloc[0]["n"] == 60


def test_an_arm_stated_twice_counts_once():
    rows = [finding("R", "pain_score", 0, S1, arm="ketamine", mean=2.0, sd=1.0, n=20),
            finding("R", "pain_score", 0, S1, arm="placebo", mean=3.0, sd=1.0, n=20),
            finding("R", "pain_score", 90, "Again: ketamine 2.0 (1.0).", arm="Ketamine", mean=2.0, sd=1.0, n=20)]
    effects = effect_table(pd.DataFrame(rows), pd.DataFrame([study("R")]))
    assert effects.iloc[0]["n"] == 40 and effects.iloc[0]["yi"] == pytest.approx(-1.0)
    assert effects.iloc[0]["evidence_text"] == S1


def test_missing_arm_sizes_are_assumed_and_flagged():
    rows = [finding("P", "pain_score", 0, S1, arm="ketamine", mean=5.0, sd=1.0, n=None),
            finding("P", "pain_score", 0, S1, arm="control", mean=5.6, sd=2.0, n=None)]
    studies = pd.DataFrame([study("P") | {"n_participants": 88}])
    effect = effect_table(pd.DataFrame(rows), studies).iloc[0]
    assert effect["n_intervention"] == 44 and effect["n_control"] == 44
    assert effect["vi"] == pytest.approx(1 / 44 + 4 / 44)
    assert effect["n_source"] == "assumed: n_participants split equally over 2 arms"
    assert effect_table(pd.DataFrame(rows), studies, impute_n=False).empty
    # A third (active comparator) arm is reported: three arms share the participants.
    rows3 = rows + [finding("P", "pain_score", 0, S1, arm="morphine", mean=5.0, sd=1.0, n=None)]
    assert effect_table(pd.DataFrame(rows3), studies).iloc[0]["n_intervention"] == pytest.approx(88 / 3)
    # Crossover: every participant is in each arm.
    crossover = pd.DataFrame([study("P") | {"n_participants": 12, "title": "A randomised crossover trial"}])
    effect = effect_table(pd.DataFrame(rows), crossover).iloc[0]
    assert effect["n_intervention"] == 12 and effect["n_source"].startswith("assumed: crossover")
    # No n_participants either: no effect.
    assert effect_table(pd.DataFrame(rows), pd.DataFrame([study("P")])).empty


def test_standard_error_becomes_sd():
    rows = [finding("Q", "pain_score", 0, S1, arm="ketamine", mean=2.0, se=0.5, n=16),
            finding("Q", "pain_score", 0, S1, arm="placebo", mean=3.0, sd=2.0, n=16)]
    effect = effect_table(pd.DataFrame(rows), pd.DataFrame([study("Q")])).iloc[0]
    assert effect["vi"] == pytest.approx((0.5 * 4) ** 2 / 16 + 4 / 16)
    assert effect["n_source"] == "stated"


def test_pool_by_condition(tables):
    effects = effect_table(*tables)
    pooled = pool_by_condition(effects)
    assert list(pooled.columns) == POOLED_COLUMNS
    assert sorted(zip(pooled["condition"], pooled["measure"])) == [("crps", "logRR"), ("postoperative_acute", "MD")]
    md = pooled.set_index("measure").loc["MD"]
    assert md["study_ids"] == "A;B"  # E is observational, D excluded
    assert md["intervention"] == "ketamine"
    direct = meta_analyse(effects.set_index("study_id").loc[["A", "B"], "yi"],
                          effects.set_index("study_id").loc[["A", "B"], "vi"],
                          method="REML", hartung_knapp=True)
    assert md["estimate"] == pytest.approx(direct.estimate)
    assert md["ci_low"] == pytest.approx(direct.ci_low)
    assert md["df"] == 1 and md["hartung_knapp"]
    assert md["result"].k == 2


def test_pool_needs_two_rcts(tables):
    effects = effect_table(*tables)
    one = effects[effects["study_id"].isin(["A", "E", "G"])]
    assert pool_by_condition(one).empty
    assert pool_by_condition(effects.iloc[0:0]).empty
    any_design = pool_by_condition(one, designs=())  # designs=() pools any design
    assert list(any_design["study_ids"]) == ["A;E"]


def test_empty_inputs():
    assert effect_table(pd.DataFrame(), pd.DataFrame()).empty


@pytest.fixture(scope="module")
def snapshot_tables():
    from ketamine_evidence.analysis.tables.notebooks import build_tables_from_files

    return build_tables_from_files()


def test_effects_from_the_extractors_on_the_snapshot(snapshot_tables):
    """The pain_score/responders findings the extractors write are read: each MD equals the
    difference of the arm means in its evidence rows, with the same evidence sentence."""
    effects = effect_table(snapshot_tables.findings, snapshot_tables.studies)
    assert not effects.empty
    findings = snapshot_tables.findings
    for row in effects[effects["measure"] == "MD"].itertuples():
        scores = findings[(findings["study_id"] == row.study_id) & (findings["field"] == "pain_score")]
        details = [json.loads(d) for d in scores["detail"]]
        means = {arm_role(d["arm"], row.intervention): d["mean"] for d in details
                 if d.get("timepoint") == (None if pd.isna(row.timepoint) else row.timepoint)}
        assert row.yi == pytest.approx(means["intervention"] - means["control"])
        assert row.evidence_text in set(scores["evidence_text"])
        assert row.vi > 0 and row.n > 0
