"""Protocols and planned sentences (guideline additions, rule a), on real pool abstracts."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from ketamine_evidence.analysis.extract import extract_findings, make_context
from ketamine_evidence.analysis.extract.protocols import is_planned, is_protocol
from ketamine_evidence.analysis.parse.files import parse_file

POOL = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "pain_trials_pool"
CHRONIC = POOL.parent / "chronic_pain_articles"


def _chronic_intervention(pmcid: str) -> str:
    """The intervention the chronic dev gold reads the record for."""
    for line in (POOL.parent / "gold_chronic_pain_dev.jsonl").read_text().splitlines():
        record = json.loads(line)
        if record.get("pmcid") == pmcid:
            return record["intervention"]
    raise LookupError(pmcid)


@pytest.mark.parametrize("sentence", [
    "In total, 40 subjects will be randomized into two arms (intervention and control groups), and will be "
    "followed up for 3 months.",
    "Sixty-two participants will be included with a 2-year follow-up period.",
    "Assuming the hypothesis that PGB will display a superior effect, the sample size required is n = 38 with "
    "80% power and a 5% type I error rate.",
    "180 participants will be recruited in thirteen primary health care centres in the Netherlands.",
    # batch 4 dev PMC2794255: a trial still running, in the present progressive
    "BAG-RECALL is a multi-center, randomized, controlled clinical trial, in which 6,000 patients are being assigned "
    "to bispectral index-guided anesthesia (target range, 40 to 60) or end-tidal anesthetic gas-guided anesthesia.",
    # batch 4 dev PMC5623423
    "We present an ongoing randomised study aiming to compare primary PNB anaesthesia with spinal anaesthesia for "
    "ankle fracture surgery regarding postoperative pain profiles and quality of recovery.",
])
def test_planned_sentences(sentence: str) -> None:
    assert is_planned(sentence)


@pytest.mark.parametrize("sentence", [
    "Patients undergoing ambulatory knee arthroscopy or inguinal hernia repair surgery (n = 105) were randomized "
    "into 3 groups.",
    "Pain levels were evaluated by means of Visual Analog Scale every 12 hours during the hospitalization from the "
    "day of surgery until day 5.",
])
def test_done_sentences_are_not_planned(sentence: str) -> None:
    assert not is_planned(sentence)


def _context(pmcid: str, intervention: str):
    return make_context(next(parse_file(POOL / f"{pmcid}.nxml")), intervention)


def _fields(ctx, intervention: str) -> dict[str, object]:
    return {f.field: f.value for f in extract_findings(ctx.article, intervention)}


def test_protocol_abstract_has_its_planned_n_and_follow_up_and_no_result() -> None:
    # pool dev PMC3751435: 'In total, 40 subjects will be randomized ... and will be followed up for 3 months.' Rule a
    # (revised in round 13): the planned sample size and the longest planned follow-up are the protocol's own numbers;
    # no relief and no effect are read (the gold gives n 40, follow-up 90, relief null, not_reported).
    ctx = _context("PMC3751435", "non-surgical periodontal treatment")
    assert is_protocol(ctx)
    fields = _fields(ctx, "non-surgical periodontal treatment")
    assert fields["n_participants"] == 40 and fields["follow_up_days"] == 90
    assert "relief_duration_days" not in fields and fields.get("pain_effect", "not_reported") == "not_reported"


def test_protocol_planned_randomised_count_and_window() -> None:
    # batch 7 (dev) PMC4823448, the example of rule a: '320 participants will be randomised ... within 21 days
    # following mastectomy' gives n 320.
    intervention = "quilting suture dead space closure"
    ctx = _context("PMC4823448", intervention)
    assert is_protocol(ctx)
    assert _fields(ctx, intervention)["n_participants"] == 320


def test_chronic_dev_protocol_arms_times_per_arm_and_last_planned_visit() -> None:
    # the issue author's chronic dev PMC3626857: '3 arms and 38 subjects per arm' gives 114, 'assessed at baseline, 1,
    # 4, 8, and 12 weeks' gives 84 (rule a's own example).
    article = next(parse_file(CHRONIC / "PMC3626857.nxml"))
    intervention = _chronic_intervention("PMC3626857")
    ctx = make_context(article, intervention)
    assert is_protocol(ctx)
    fields = _fields(ctx, intervention)
    assert fields["n_participants"] == 114 and fields["follow_up_days"] == 84
    assert "relief_duration_days" not in fields


def test_a_finished_studys_plan_for_a_future_study_is_not_its_n() -> None:
    # rule a, last sentence: in a finished study a planned sentence is still no record of it. The same planned sentence
    # that gives a protocol its n (PMC3751435's 'In total, 40 subjects will be randomized ...') read inside a finished
    # trial (pool dev PMC4266769, which reports p-values), first in its Methods, gives neither its n nor its follow-up.
    ctx = _context("PMC4266769", "oxycodone")
    assert not is_protocol(ctx)
    before = _fields(ctx, "oxycodone")["n_participants"]
    planned = ("In total, 40 subjects will be randomized into two arms (intervention and control groups), and will be "
               "followed up for 3 months.")
    abstract = list(ctx.article.abstract)
    first = next(i for i, part in enumerate(abstract) if (part.category or "").upper() == "METHODS")
    abstract[first] = replace(abstract[first], text=planned + " " + abstract[first].text)  # read before the trial's own
    fields = {f.field: f.value for f in extract_findings(replace(ctx.article, abstract=abstract), "oxycodone")}
    assert fields["n_participants"] == before != 40
    assert fields.get("follow_up_days") != 90


def test_trial_with_results_is_not_a_protocol() -> None:
    # PMC4266769 (pool dev): a finished randomised trial that reports p-values.
    ctx = _context("PMC4266769", "oxycodone")
    assert not is_protocol(ctx)


@pytest.mark.parametrize(("pmcid", "intervention"), [
    # 'study protocol for a randomised controlled trial' in the title; its sentences say 'are included' (present)
    ("PMC5237574", "spinal anaesthesia"),
    # 'methods of a randomized controlled trial' in the title; 'Experienced oncologists will be randomized'
    ("PMC3517324", "E-MOSAIC longitudinal monitoring sheet"),
    # its only CI is in the analysis plan: 'with 95% CIs will summarise the impact of each dressing'
    ("PMC4593168", "tissue adhesive"),
    # batch 7 PMC5142154: its only p-value is the plan's threshold, 'We plan to recruit 2424 ... to have 90% power to
    # detect ..., two-sided p < 0.05'
    ("PMC5142154", "early CT coronary angiography (CTCA)"),
])
def test_protocols_named_in_the_title_without_results(pmcid: str, intervention: str) -> None:
    ctx = _context(pmcid, intervention)
    assert is_protocol(ctx)
    assert "relief_duration_days" not in _fields(ctx, intervention)  # a protocol has no result to read (rule a)


def test_methods_paper_told_in_the_past_is_a_protocol() -> None:
    # Batch 5 dev PMC2649134: 'This article provides the rationale and methodology' ... 'Participants were
    # randomized' ... 'Our results will provide an evaluation': no statistic, no finding.
    assert is_protocol(_context("PMC2649134", "progressive resistance training (vs sham exercise)"))


def test_a_titled_protocol_citing_an_earlier_trial_in_its_background_is_a_protocol() -> None:
    # Batch 6 dev PMC4567817, '... Study protocol for a double-blind randomised, sham-controlled trial': the background's
    # 'A randomised single blind study showed that the short-term effect of supervised exercises (SE) was significantly
    # better than rESWT' is an earlier trial's result, and 'at 24 weeks follow-up' is planned.
    ctx = make_context(next(parse_file(POOL / "PMC4567817.nxml")),
                       "radial extracorporeal shock wave therapy added to supervised exercises")
    assert is_protocol(ctx)
    assert "relief_duration_days" not in _fields(ctx, "radial extracorporeal shock wave therapy added to supervised exercises")


def test_another_studys_finding_in_an_unlabelled_protocol_is_no_result() -> None:
    """rv12: batch 6 PMC4567817 (dev), 'Study protocol for a double-blind randomised, sham-controlled trial', cites in its
    Background 'A randomised single blind study showed that ... was significantly better than rESWT'. With the labels,
    the Background part was left out of the result check; with them removed (invariance's labels_removed), the
    sentence counted as this paper's result and the protocol read as a finished trial (pain_effect improved, relief 56,
    follow-up 168). An indefinite or earlier study as the subject of a reporting verb is another study's finding."""
    from ketamine_evidence.analysis.evaluation.invariance_compare import labels_removed
    article = next(parse_file(POOL / "PMC4567817.nxml"))
    bare = labels_removed(article)
    assert bare is not None and all(not s.label for s in bare.abstract)
    for a in (article, bare):
        assert is_protocol(make_context(a, "radial extracorporeal shock wave therapy (rESWT)"))
