"""Candidates and the learned reader of follow_up_days (analysis/extract/time_ranker.py), on dev-record text."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketamine_evidence.analysis.extract import extract_findings, make_context, time_ranker
from ketamine_evidence.analysis.extract.candidate_ranker import load_ranker, scored
from ketamine_evidence.analysis.parse.files import parse_file
from ketamine_evidence.analysis.records import Article, Finding, Section

_POOL = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "pain_trials_pool"
# batch 4 dev PMC4357072 (tests/analysis/extract/test_follow_up.py): a two-month course, then 2 months off treatment
_OLP = ("A prospective, parallel-group, randomized, active control clinical study was conducted among 30 symptomatic OLP "
        "subjects (20 females and 10 males, with 15 patients in each treatment group) treated with topical pimecrolimus "
        "1% cream and triamcinolone acetonide 0.1% oral paste four times daily for two consecutive months and "
        "treatment-free follow-up was performed for 2 months.")


def _ctx(text: str):
    article = Article(pmid="1", pmcid=None, doi=None, title="A trial of pimecrolimus",
                      abstract=[Section("METHODS", "METHODS", text)])
    ctx = make_context(article, "pimecrolimus")
    ctx.findings.append(Finding("design", "rct", None))
    return ctx


def test_candidates_carry_the_rules_filter_and_the_course() -> None:
    found = time_ranker.candidates(_ctx(_OLP))
    assert 120.0 in {c.value for c in found}  # follow-up counted from the start of treatment (rule c: 60 + 60)
    assert all(c.features.get("kept") == 1.0 for c in found if c.features.get("kind=point"))
    assert scored(load_ranker(time_ranker.WEIGHTS), found)[0][1].value == 120.0


def test_rules_feature_only_when_asked() -> None:
    ctx = _ctx(_OLP)
    assert all("rules_pick" not in c.features for c in time_ranker.candidates(ctx, 120.0))
    agree = [c.features["rules_pick"] for c in time_ranker.candidates(ctx, 118.0, with_rules=True)]
    differ = [c.features["rules_pick"] for c in time_ranker.candidates(ctx, 60.0, with_rules=True)]
    assert agree and set(agree) == {1.0} and set(differ) == {0.0}  # within the scorer's 10% / 1 day


def test_no_candidate_without_a_time() -> None:
    assert time_ranker.candidates(_ctx("Thirty patients were randomized to pimecrolimus or placebo.")) == []


@pytest.mark.parametrize("mode", ["rules", "ranker", "hybrid"])
def test_the_hook_in_follow_up(monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    # batch 5 dev PMC5873424 (rule c): 14 days of actigraphy = 1 baseline week + 1 week of treatment -> 7
    monkeypatch.setenv(time_ranker.ENV, mode)
    article = next(parse_file(_POOL / "PMC5873424.nxml"))
    found = {f.field: f for f in extract_findings(
        article, "stepwise pain treatment (oral paracetamol or transdermal buprenorphine) vs placebo")}
    assert found["follow_up_days"].value == 7.0
