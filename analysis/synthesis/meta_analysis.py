"""Inverse-variance meta-analysis: fixed effect and random effects (DL, REML, Paule-Mandel).

Given per-study effects ``yi`` and their sampling variances ``vi`` (for example mean
differences or log risk ratios from ``ketamine_evidence.analysis.synthesis.effect_sizes``), :func:`meta_analyse` pools
them and reports what a pain researcher needs to judge the pooled number: the estimate with
its confidence interval and test, the between-study variance tau², I², H², Cochran's Q and its
p-value, and the prediction interval for the effect in a new study.

The formulas follow metafor's ``rma.uni`` (Viechtbauer 2005, 2010) so that results can be
checked against it: REML by Fisher scoring, I² from tau² and the "typical" within-study
variance, the Hartung-Knapp(-Sidik-Jonkman) option with a t distribution on k-1 degrees of
freedom, and the prediction interval ``mu ± crit * sqrt(tau² + se²)``. DerSimonian-Laird and
Paule-Mandel are cross-checked against ``statsmodels.stats.meta_analysis.combine_effects``
in the tests.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any, Sequence

import numpy as np
from scipy import stats
from scipy.optimize import brentq

METHODS = ("FE", "DL", "REML", "PM")
_METHOD_NAMES = {
    "FE": "fixed effect (inverse variance)",
    "DL": "random effects, DerSimonian-Laird",
    "REML": "random effects, restricted maximum likelihood",
    "PM": "random effects, Paule-Mandel",
}


@dataclass(frozen=True)
class MetaResult:
    """A pooled estimate and its heterogeneity statistics.

    ``i2`` and ``h2`` follow metafor: for random-effects models they come from tau² and the
    typical within-study variance; for the fixed-effect model from Q. ``i2`` is a percentage.
    ``df`` is None when intervals use the normal distribution (no Hartung-Knapp).
    ``weights`` are the percentage weights of each study in input order. ``tau2_ci`` and
    ``i2_ci`` (random-effects models only) are Q-profile confidence intervals.
    """

    method: str
    k: int
    estimate: float
    se: float
    ci_low: float
    ci_high: float
    statistic: float
    p_value: float
    tau2: float
    i2: float
    h2: float
    q: float
    q_df: int
    q_p: float
    pi_low: float
    pi_high: float
    hartung_knapp: bool = False
    df: int | None = None
    level: float = 0.95
    converged: bool = True
    iterations: int = 0
    measure: str | None = None
    weights: tuple[float, ...] = field(default=(), repr=False)
    tau2_ci: tuple[float, float] | None = None
    i2_ci: tuple[float, float] | None = None

    @property
    def tau(self) -> float:
        return math.sqrt(self.tau2)

    @property
    def description(self) -> str:
        """A one-line human description of the model, e.g. for a report caption."""
        text = _METHOD_NAMES[self.method]
        if self.hartung_knapp:
            text += ", Hartung-Knapp adjustment"
        return text

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["weights"] = list(self.weights)
        out["tau"] = self.tau
        out["description"] = self.description
        return out


def _as_arrays(yi: Sequence[float], vi: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    y = np.asarray(yi, dtype=float).ravel()
    v = np.asarray(vi, dtype=float).ravel()
    if y.shape != v.shape:
        raise ValueError(f"yi and vi differ in length ({y.size} vs {v.size})")
    if y.size < 2:
        raise ValueError(f"a meta-analysis needs at least 2 studies, got {y.size}")
    if not (np.all(np.isfinite(y)) and np.all(np.isfinite(v))):
        raise ValueError("yi and vi must be finite numbers")
    if np.any(v <= 0):
        raise ValueError("every sampling variance vi must be > 0")
    return y, v


def cochran_q(yi: Sequence[float], vi: Sequence[float]) -> tuple[float, int, float]:
    """Cochran's Q (inverse-variance weighted), its degrees of freedom and chi-square p-value."""
    y, v = _as_arrays(yi, vi)
    w = 1.0 / v
    mu = np.sum(w * y) / np.sum(w)
    q = float(np.sum(w * (y - mu) ** 2))
    df = y.size - 1
    return q, df, float(stats.chi2.sf(q, df))


def tau2_dersimonian_laird(yi: Sequence[float], vi: Sequence[float]) -> float:
    """Method-of-moments estimate of tau² (DerSimonian & Laird 1986), truncated at 0."""
    y, v = _as_arrays(yi, vi)
    w = 1.0 / v
    q, df, _ = cochran_q(y, v)
    c = np.sum(w) - np.sum(w ** 2) / np.sum(w)
    return max(0.0, (q - df) / c)


def tau2_reml(yi: Sequence[float], vi: Sequence[float], *, tol: float = 1e-10,
              max_iter: int = 200) -> tuple[float, bool, int]:
    """REML estimate of tau² by Fisher scoring with step halving (as metafor's ``rma.uni``).

    Starts from the DerSimonian-Laird value. Returns ``(tau2, converged, iterations)``.
    """
    y, v = _as_arrays(yi, vi)
    tau2 = tau2_dersimonian_laird(y, v)
    for it in range(1, max_iter + 1):
        # Fisher scoring step (y'PPy - tr P) / tr PP, with P = W - W11'W / sum(w) written out
        # for the intercept-only model so that it costs O(k), not O(k^2).
        w = 1.0 / (v + tau2)
        sw, sw2, sw3 = np.sum(w), np.sum(w ** 2), np.sum(w ** 3)
        mu = np.sum(w * y) / sw
        ypp_y = float(np.sum(w ** 2 * (y - mu) ** 2))
        trace_p = sw - sw2 / sw
        trace_pp = sw2 - 2.0 * sw3 / sw + sw2 ** 2 / sw ** 2
        adj = (ypp_y - trace_p) / trace_pp
        while tau2 + adj < 0:
            adj /= 2.0
            if abs(adj) < tol:
                adj = -tau2
                break
        tau2 = max(0.0, tau2 + adj)
        if abs(adj) < tol:
            return tau2, True, it
    return tau2, False, max_iter


def _generalised_q(y: np.ndarray, v: np.ndarray, tau2: float) -> float:
    w = 1.0 / (v + tau2)
    mu = np.sum(w * y) / np.sum(w)
    return float(np.sum(w * (y - mu) ** 2))


def _q_root(y: np.ndarray, v: np.ndarray, target: float, tol: float = 1e-10) -> float:
    """The tau² >= 0 at which the generalised Q (decreasing in tau²) equals ``target``; 0 if none."""
    if _generalised_q(y, v, 0.0) <= target:
        return 0.0
    hi = max(1.0, float(np.var(y, ddof=1)))
    while _generalised_q(y, v, hi) > target:
        hi *= 2.0
    return float(brentq(lambda t2: _generalised_q(y, v, t2) - target, 0.0, hi, xtol=tol))


def typical_within_variance(vi: Sequence[float]) -> float:
    """Higgins & Thompson's 'typical' within-study variance s² used for I² and H²."""
    w = 1.0 / np.asarray(vi, dtype=float)
    return float((w.size - 1) * np.sum(w) / (np.sum(w) ** 2 - np.sum(w ** 2)))


def tau2_confint(yi: Sequence[float], vi: Sequence[float], level: float = 0.95) -> tuple[float, float]:
    """Confidence interval for tau² by the Q-profile method (Viechtbauer 2007), as metafor's ``confint``.

    The bounds are where the generalised Q statistic meets the chi-square(k-1) quantiles.
    """
    y, v = _as_arrays(yi, vi)
    df = y.size - 1
    alpha = 1.0 - level
    return (_q_root(y, v, float(stats.chi2.ppf(1 - alpha / 2, df))),
            _q_root(y, v, float(stats.chi2.ppf(alpha / 2, df))))


def tau2_paule_mandel(yi: Sequence[float], vi: Sequence[float], *, tol: float = 1e-10,
                      max_iter: int = 500) -> tuple[float, bool, int]:
    """Paule-Mandel estimate: the tau² at which the generalised Q equals k-1 (root by Brent)."""
    y, v = _as_arrays(yi, vi)
    df = y.size - 1
    if _generalised_q(y, v, 0.0) <= df:
        return 0.0, True, 0
    hi = max(1.0, float(np.var(y, ddof=1)))
    while _generalised_q(y, v, hi) > df:
        hi *= 2.0
    root, res = brentq(lambda t2: _generalised_q(y, v, t2) - df, 0.0, hi, xtol=tol, maxiter=max_iter,
                       full_output=True, disp=False)
    return float(root), bool(res.converged), int(res.iterations)


def meta_analyse(yi: Sequence[float], vi: Sequence[float], *, method: str = "REML",
                 hartung_knapp: bool = False, level: float = 0.95,
                 measure: str | None = None) -> MetaResult:
    """Pool ``yi`` (with sampling variances ``vi``) by inverse variance.

    ``method``: ``FE`` (fixed/common effect), ``DL`` (DerSimonian-Laird), ``REML`` or ``PM``
    (Paule-Mandel). ``hartung_knapp`` rescales the standard error (Hartung & Knapp 2001;
    Sidik & Jonkman 2002) and uses t(k-1) for the interval, the test and the prediction
    interval. ``measure`` is only carried into the result (e.g. ``"MD"``, ``"logRR"``).
    """
    method = method.upper()
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}: choose one of {', '.join(METHODS)}")
    if not 0 < level < 1:
        raise ValueError("level must be between 0 and 1 (e.g. 0.95)")
    y, v = _as_arrays(yi, vi)
    k = y.size
    converged, iterations = True, 0
    tau2_ci: tuple[float, float] | None = None
    i2_ci: tuple[float, float] | None = None
    if method == "FE":
        tau2 = 0.0
    elif method == "DL":
        tau2 = tau2_dersimonian_laird(y, v)
    elif method == "REML":
        tau2, converged, iterations = tau2_reml(y, v)
    else:
        tau2, converged, iterations = tau2_paule_mandel(y, v)

    q, q_df, q_p = cochran_q(y, v)
    if method == "FE":
        i2 = 100.0 * max(0.0, (q - q_df) / q) if q > 0 else 0.0
        h2 = q / q_df if q_df > 0 else 1.0
    else:
        s2 = typical_within_variance(v)
        i2 = float(100.0 * tau2 / (tau2 + s2))
        h2 = float((tau2 + s2) / s2)
        tau2_ci = tau2_confint(y, v, level)
        i2_ci = (100.0 * tau2_ci[0] / (tau2_ci[0] + s2), 100.0 * tau2_ci[1] / (tau2_ci[1] + s2))

    w = 1.0 / (v + tau2)
    estimate = float(np.sum(w * y) / np.sum(w))
    se = math.sqrt(1.0 / np.sum(w))
    df: int | None = None
    if hartung_knapp:
        df = k - 1
        se = math.sqrt(float(np.sum(w * (y - estimate) ** 2)) / (df * np.sum(w)))
        crit = float(stats.t.ppf(0.5 + level / 2, df))
    else:
        crit = float(stats.norm.ppf(0.5 + level / 2))
    statistic = estimate / se if se > 0 else math.copysign(math.inf, estimate)
    p_value = float(2 * (stats.t.sf(abs(statistic), df) if df else stats.norm.sf(abs(statistic))))
    pi_half = crit * math.sqrt(tau2 + se ** 2)
    return MetaResult(
        method=method, k=k, estimate=estimate, se=se,
        ci_low=estimate - crit * se, ci_high=estimate + crit * se,
        statistic=float(statistic), p_value=p_value, tau2=float(tau2), i2=float(i2), h2=float(h2),
        q=q, q_df=q_df, q_p=q_p, pi_low=estimate - pi_half, pi_high=estimate + pi_half,
        hartung_knapp=hartung_knapp, df=df, level=level, converged=converged,
        iterations=iterations, measure=measure,
        weights=tuple(float(x) for x in 100.0 * w / np.sum(w)), tau2_ci=tau2_ci, i2_ci=i2_ci,
    )


def fixed_effect(yi: Sequence[float], vi: Sequence[float], **kwargs: Any) -> MetaResult:
    """Inverse-variance fixed (common) effect model."""
    return meta_analyse(yi, vi, method="FE", **kwargs)


def random_effects(yi: Sequence[float], vi: Sequence[float], method: str = "REML",
                   **kwargs: Any) -> MetaResult:
    """Random-effects model (``method`` DL, REML or PM)."""
    if method.upper() == "FE":
        raise ValueError("random_effects needs a tau² estimator: DL, REML or PM")
    return meta_analyse(yi, vi, method=method, **kwargs)


def egger_test(yi: Sequence[float], vi: Sequence[float]) -> tuple[float, float]:
    """Egger's regression test for funnel-plot asymmetry: ``(intercept, two-sided p)``.

    Ordinary least squares of ``yi / se`` on ``1 / se`` (Egger et al., BMJ 1997); the intercept is
    tested with t(k - 2). Meaningful with 10 or more studies (Cochrane Handbook 13.3.5.4).
    """
    y, v = _as_arrays(yi, vi)
    if y.size < 3:
        raise ValueError("Egger's test needs at least 3 studies")
    se = np.sqrt(v)
    x = np.column_stack([np.ones_like(se), 1.0 / se])
    z = y / se
    coef, *_ = np.linalg.lstsq(x, z, rcond=None)
    df = y.size - 2
    resid = z - x @ coef
    sigma2 = float(resid @ resid) / df
    cov = sigma2 * np.linalg.inv(x.T @ x)
    t = coef[0] / math.sqrt(cov[0, 0]) if cov[0, 0] > 0 else math.inf
    return float(coef[0]), float(2 * stats.t.sf(abs(t), df))
