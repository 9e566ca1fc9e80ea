"""Which times of a result's clause belong to its pain result (analysis/extract/relief_times.py)."""

from __future__ import annotations

from pathlib import Path

from ketamine_evidence.analysis.extract import make_context
from ketamine_evidence.analysis.extract.arms import article_arms
from ketamine_evidence.analysis.extract.relief_times import listed_days, pain_times_text
from ketamine_evidence.analysis.parse.files import parse_file

_POOL = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "pain_trials_pool"


def _arms(pmcid: str, intervention: str):  # type: ignore[no-untyped-def]
    return article_arms(make_context(next(parse_file(_POOL / f"{pmcid}.nxml")), intervention))


def test_a_list_of_outcomes_sharing_one_predicate_is_one_statement() -> None:
    # batch 4 PMC4293505: 'Incidence of nausea ..., VRS 1 hour pain value, ..., and incidence of shivering were
    # significantly lower': one predicate for every item, so the pain item keeps the clause's time
    arms = _arms("PMC4293505", "ramosetron plus dexamethasone (vs ramosetron alone and saline control)")
    clause = ("Incidence of nausea and the need for rescue antiemetics, verbal rating scale (VRS) 1 hour pain value, "
              "ketorolac consumption, and incidence of shivering were significantly lower in group R and group RD, than "
              "in group C (P < 0.05).")
    assert pain_times_text(clause, arms) == clause


def test_times_listed_after_a_cut_clause_continue_it() -> None:
    # batch 5 PMC5135478: 'Pain scores were reduced ... on Day 2 (−21%, P<0.001)' + ' and Day 3 (−23%, P=0.004).'
    assert listed_days(" and Day 3 (−23%, P=0.004).", (None, {})) == [3.0]
    # batch 5 PMC5135478's next sentence: the list after the cut clause continues it the same way
    assert listed_days(" and Day 3 (−28%, P=0.013). Consumption of supplemental opioid", (None, {})) == [3.0]
    # dev PMC4183082: times that open a sentence of their own, after the full stop, are no continuation
    assert listed_days(". At 12 (P = 0.062) and 24 (P = 0.14) hours post operation, the difference", (None, {})) == []
