"""Meta-analysis reproduces published reference results on the BCG vaccine trials.

Data: ``dat.bcg`` (Colditz et al. 1994, JAMA 271:698-702), 13 trials of the BCG vaccine
against tuberculosis; counts (tpos, tneg, cpos, cneg) as tabulated in metafor's ``dat.bcg``
and on https://metafor-project.org/doku.php/analyses:vanhouwelingen2002 (Table I of van
Houwelingen et al. 2002). Effect: log risk ratio, as metafor ``escalc(measure="RR")``.

Reference values:
- FE and DL: metafor's own tests, ``tests/testthat/test_misc_metan_vs_rma.uni_with_dat.bcg.r``
  (github.com/wviechtb/metafor), which check ``rma()`` against Stata ``metan``:
  FE -0.4303 [-0.5097, -0.3509], z -10.6247, Q 152.2330; DL -0.7141 [-1.0644, -0.3638],
  z -3.9952, tau² 0.3088, I² 92.1173.
- DL tau² / I² / H² and their Q-profile intervals in ``tests/testthat/test_misc_confint.r``
  (tau² 0.3088 [0.1197, 1.1115], I² 92.1173 [81.9177, 97.6781], H² 12.6861 [5.5303, 43.0680]).
- Iterated DL (which converges to Paule-Mandel): tau² 0.3181 in
  ``tests/testthat/test_misc_rma_uni.r`` ("rma() works with method='DLIT'").
- REML: Viechtbauer (2010), "Conducting meta-analyses in R with the metafor package",
  J Stat Softw 36(3), section on the random-effects model for dat.bcg / RR: estimate -0.7145,
  SE 0.1798, tau² 0.3132, I² 92.22%, 95% CI [-1.0669, -0.3622]; the same I² (0.9222139) is
  asserted by easystats/performance's ``model_performance.rma`` test.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.meta_analysis import combine_effects

from ketamine_evidence.analysis.synthesis.effect_sizes import log_risk_ratio
from ketamine_evidence.analysis.synthesis.meta_analysis import (
    cochran_q,
    fixed_effect,
    meta_analyse,
    random_effects,
    tau2_confint,
    tau2_dersimonian_laird,
    tau2_reml,
    typical_within_variance,
)

# dat.bcg: vaccinated TB+, vaccinated TB-, control TB+, control TB- (trials 1-13).
TPOS = [4, 6, 3, 62, 33, 180, 8, 505, 29, 17, 186, 5, 27]
TNEG = [119, 300, 228, 13536, 5036, 1361, 2537, 87886, 7470, 1699, 50448, 2493, 16886]
CPOS = [11, 29, 11, 248, 47, 372, 10, 499, 45, 65, 141, 3, 29]
CNEG = [128, 274, 209, 12619, 5761, 1079, 619, 87892, 7232, 1600, 27197, 2338, 17825]
TOL = 1e-3


@pytest.fixture(scope="module")
def bcg() -> tuple[np.ndarray, np.ndarray]:
    pairs = [log_risk_ratio(a, a + b, c, c + d) for a, b, c, d in zip(TPOS, TNEG, CPOS, CNEG)]
    return np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])


def test_escalc_rr_first_trial(bcg):
    # Aronson 1948: log(4/123 / 11/139) and 1/4 - 1/123 + 1/11 - 1/139.
    yi, vi = bcg
    assert yi[0] == pytest.approx(math.log((4 / 123) / (11 / 139)))
    assert vi[0] == pytest.approx(1 / 4 - 1 / 123 + 1 / 11 - 1 / 139)


def test_fixed_effect_matches_metafor(bcg):
    r = fixed_effect(*bcg)
    assert r.estimate == pytest.approx(-0.4303, abs=TOL)
    assert r.ci_low == pytest.approx(-0.5097, abs=TOL)
    assert r.ci_high == pytest.approx(-0.3509, abs=TOL)
    assert r.statistic == pytest.approx(-10.6247, abs=TOL)
    assert r.q == pytest.approx(152.2330, abs=TOL)
    assert r.tau2 == 0.0
    assert math.exp(r.estimate) == pytest.approx(0.6503, abs=TOL)


def test_dersimonian_laird_matches_metafor(bcg):
    r = random_effects(*bcg, method="DL")
    assert r.estimate == pytest.approx(-0.7141, abs=TOL)
    assert r.ci_low == pytest.approx(-1.0644, abs=TOL)
    assert r.ci_high == pytest.approx(-0.3638, abs=TOL)
    assert r.statistic == pytest.approx(-3.9952, abs=TOL)
    assert r.tau2 == pytest.approx(0.3088, abs=TOL)
    assert r.i2 == pytest.approx(92.1173, abs=TOL)
    assert r.h2 == pytest.approx(12.6861, abs=TOL)
    assert math.exp(r.estimate) == pytest.approx(0.4896, abs=TOL)
    assert math.exp(r.ci_low) == pytest.approx(0.3449, abs=TOL)
    assert math.exp(r.ci_high) == pytest.approx(0.6950, abs=TOL)


def test_q_profile_intervals_match_metafor_confint(bcg):
    """metafor ``confint(rma(yi, vi, method="DL"))``: tau² [0.1197, 1.1115], I² [81.9177, 97.6781],
    H² [5.5303, 43.0680] (tests/testthat/test_misc_confint.r). I² and H² move ~124 and ~38 per unit of
    tau² at the lower bound, so metafor's ``uniroot`` tolerance (~1e-4 in tau²) shows in their third
    decimal: those two are compared to 1e-2."""
    r = random_effects(*bcg, method="DL")
    assert r.tau2_ci == pytest.approx((0.1197, 1.1115), abs=TOL)
    assert r.i2_ci == pytest.approx((81.9177, 97.6781), abs=1e-2)
    s2 = typical_within_variance(bcg[1])
    assert [(t + s2) / s2 for t in r.tau2_ci] == pytest.approx([5.5303, 43.0680], abs=1e-2)
    # The interval does not depend on the tau² estimator, and the point estimates lie inside it.
    reml = random_effects(*bcg, method="REML")
    assert reml.tau2_ci == r.tau2_ci and r.tau2_ci[0] < reml.tau2 < r.tau2_ci[1]
    assert fixed_effect(*bcg).tau2_ci is None
    # Homogeneous data: the interval starts at 0.
    assert tau2_confint([0.5, 0.5, 0.5], [0.1, 0.2, 0.3])[0] == 0.0


def test_reml_matches_metafor(bcg):
    r = random_effects(*bcg, method="REML")
    assert r.converged
    assert r.estimate == pytest.approx(-0.7145, abs=TOL)
    assert r.se == pytest.approx(0.1798, abs=TOL)
    assert r.tau2 == pytest.approx(0.3132, abs=TOL)
    assert r.i2 == pytest.approx(92.22, abs=0.01)
    assert r.ci_low == pytest.approx(-1.0669, abs=TOL)
    assert r.ci_high == pytest.approx(-0.3622, abs=TOL)
    assert r.q == pytest.approx(152.2330, abs=TOL) and r.q_df == 12


def test_reml_is_the_restricted_likelihood_maximum(bcg):
    """The Fisher-scoring answer is where the REML log-likelihood peaks (checked by a grid)."""
    yi, vi = bcg

    def restricted_ll(t2: float) -> float:
        w = 1 / (vi + t2)
        mu = np.sum(w * yi) / np.sum(w)
        return -0.5 * (np.sum(np.log(vi + t2)) + math.log(np.sum(w)) + np.sum(w * (yi - mu) ** 2))

    tau2, converged, _ = tau2_reml(yi, vi)
    assert converged
    grid = np.linspace(0.01, 1.5, 3000)
    best = grid[np.argmax([restricted_ll(t) for t in grid])]
    assert tau2 == pytest.approx(best, abs=1e-3)


def test_paule_mandel_matches_metafor_dlit_and_statsmodels(bcg):
    r = random_effects(*bcg, method="PM")
    assert r.tau2 == pytest.approx(0.3181, abs=TOL)
    sm = combine_effects(*bcg, method_re="iterated")
    assert r.tau2 == pytest.approx(sm.tau2, rel=1e-6)
    assert r.estimate == pytest.approx(sm.mean_effect_re, rel=1e-6)
    assert r.se == pytest.approx(sm.sd_eff_w_re, rel=1e-6)


def test_dl_and_fe_agree_with_statsmodels(bcg):
    sm = combine_effects(*bcg, method_re="dl")
    dl = random_effects(*bcg, method="DL")
    fe = fixed_effect(*bcg)
    assert dl.tau2 == pytest.approx(sm.tau2, rel=1e-9)
    assert dl.estimate == pytest.approx(sm.mean_effect_re, rel=1e-9)
    assert dl.se == pytest.approx(sm.sd_eff_w_re, rel=1e-9)
    assert fe.estimate == pytest.approx(sm.mean_effect_fe, rel=1e-9)
    assert fe.se == pytest.approx(sm.sd_eff_w_fe, rel=1e-9)
    assert fe.q == pytest.approx(sm.q, rel=1e-9)


@pytest.mark.filterwarnings("ignore:`use_t=True` requires")
def test_hartung_knapp_matches_statsmodels_wls_scale(bcg):
    """statsmodels' "random effect wls" row is the Hartung-Knapp (HKSJ) standard error."""
    for method, sm_method in (("DL", "dl"), ("PM", "iterated")):
        frame = combine_effects(*bcg, method_re=sm_method, use_t=True).summary_frame()
        hk = random_effects(*bcg, method=method, hartung_knapp=True)
        row = frame.loc["random effect wls"]
        assert hk.se == pytest.approx(row["sd_eff"], rel=1e-6)
        assert hk.df == 12
        assert hk.ci_low == pytest.approx(row["ci_low"], rel=1e-6)
        assert hk.ci_high == pytest.approx(row["ci_upp"], rel=1e-6)


def test_hartung_knapp_uses_t_distribution(bcg):
    r = random_effects(*bcg, method="REML", hartung_knapp=True)
    crit = stats.t.ppf(0.975, 12)
    assert r.ci_high - r.estimate == pytest.approx(crit * r.se)
    assert r.p_value == pytest.approx(2 * stats.t.sf(abs(r.estimate / r.se), 12))
    assert r.pi_high - r.estimate == pytest.approx(crit * math.sqrt(r.tau2 + r.se ** 2))


def test_prediction_interval_is_wider_than_ci(bcg):
    r = random_effects(*bcg, method="REML")
    z = stats.norm.ppf(0.975)
    assert r.pi_low == pytest.approx(r.estimate - z * math.sqrt(r.tau2 + r.se ** 2))
    assert r.pi_low < r.ci_low and r.pi_high > r.ci_high
    # The prediction interval crosses 0 (RR 1): a new trial may show no benefit.
    assert r.pi_low < 0 < r.pi_high


def test_homogeneous_studies_give_zero_tau2():
    yi, vi = [0.5, 0.5, 0.5], [0.1, 0.2, 0.3]
    for method in ("DL", "REML", "PM"):
        r = meta_analyse(yi, vi, method=method)
        assert r.tau2 == 0.0 and r.i2 == 0.0
        assert r.estimate == pytest.approx(0.5)
    assert cochran_q(yi, vi)[0] == pytest.approx(0.0)
    assert tau2_dersimonian_laird(yi, vi) == 0.0


def test_weights_sum_to_100_and_dict_is_serialisable(bcg):
    r = random_effects(*bcg)
    assert sum(r.weights) == pytest.approx(100.0)
    d = r.to_dict()
    assert d["method"] == "REML" and d["tau"] == pytest.approx(math.sqrt(r.tau2))
    assert "restricted maximum likelihood" in d["description"]


@pytest.mark.parametrize("yi, vi, message", [
    ([0.1], [0.1], "at least 2"),
    ([0.1, 0.2], [0.1], "differ in length"),
    ([0.1, 0.2], [0.1, 0.0], "> 0"),
    ([0.1, float("nan")], [0.1, 0.1], "finite"),
])
def test_bad_input_is_rejected(yi, vi, message):
    with pytest.raises(ValueError, match=message):
        meta_analyse(yi, vi)


def test_unknown_method_is_rejected(bcg):
    with pytest.raises(ValueError, match="unknown method"):
        meta_analyse(*bcg, method="SJ")
    with pytest.raises(ValueError, match="tau"):
        random_effects(*bcg, method="FE")


def test_egger_test_is_the_ols_intercept_of_the_standardised_effects():
    """Egger et al. (BMJ 1997): OLS of yi/se on 1/se; the intercept and its t-test p-value, checked against
    statsmodels' OLS on the same regression."""
    import statsmodels.api as sm

    from ketamine_evidence.analysis.synthesis.meta_analysis import egger_test

    rng = np.random.default_rng(11)
    vi = rng.uniform(0.01, 0.3, 12)
    yi = rng.normal(0.3, np.sqrt(vi)) + 0.9 * np.sqrt(vi)        # small studies show larger effects
    se = np.sqrt(vi)
    ols = sm.OLS(yi / se, sm.add_constant(1 / se)).fit()
    intercept, p = egger_test(yi, vi)
    assert intercept == pytest.approx(ols.params[0])
    assert p == pytest.approx(ols.pvalues[0])
    with pytest.raises(ValueError):
        egger_test(yi[:2], vi[:2])
