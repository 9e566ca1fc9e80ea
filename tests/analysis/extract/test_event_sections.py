"""Background and aim sentences of real ketamine dev abstracts (events named there did not occur)."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import make_context
from ketamine_evidence.analysis.extract.event_sections import (AIM, ENROLLED, aim_stated, background, label_kinds,
                                                                population, sentence_labels)
from ketamine_evidence.analysis.parse import parse_file
from tests.conftest import REPO

PMC = REPO.parent / "shared" / "corpus" / "pmc_ketamine"


def _context(pmcid: str):
    return make_context(next(iter(parse_file(PMC / f"{pmcid}.nxml"))))


def test_structured_abstract_background_section_is_background_and_results_are_not() -> None:
    ctx = _context("PMC3172326")
    labels = sentence_labels(ctx)
    found = background(ctx)
    assert {s.index for s in ctx.sentences if labels[s.index] == "BACKGROUND"} <= found
    assert not any(labels[i] in ("RESULTS", "CONCLUSIONS") for i in found)


def test_unlabelled_abstract_background_runs_to_the_aim_sentence() -> None:
    ctx = _context("PMC4030328")
    first_aim = next(s.index for s in ctx.sentences[:6] if s.section != "TITLE" and AIM.search(s.text))
    assert max(background(ctx)) == first_aim


@pytest.mark.parametrize("label, kinds", [
    ("BACKGROUND", (True, False, False, False)),
    ("Objectives", (True, False, False, True)),
    ("Results", (False, True, True, False)),
    ("METHODS", (False, True, False, False)),
])
def test_label_kinds(label: str, kinds: tuple[bool, bool, bool, bool]) -> None:
    assert label_kinds(label) == kinds


def test_aim_stated_is_the_aim_pattern_on_each_sentence() -> None:
    ctx = _context("PMC4030328")
    stated = [s.index for s in ctx.sentences if aim_stated(s.text)]
    assert stated == [s.index for s in ctx.sentences if AIM.search(s.text)]
    assert stated  # the unlabelled abstract states its aim


def test_an_event_naming_the_patients_enrolled_is_their_condition():
    # batch 4 PMC4004388 and batch 5 PMC3050701: who was enrolled, not what the treatment did
    text = ("This is a prospective randomised controlled study, including patients with symptomatic recurrent "
            "malignant pleural effusion of different primaries.")
    assert ENROLLED.search(text) and population(text, text.index("pleural effusion"))
    text = ("In this multicentre, randomised, double-blind, single-dose study, 225 adult patients with acute sore "
            "throat were randomly assigned to receive either one AMC/DCBA Warm lozenge (n = 77)")
    assert population(text, text.index("sore throat"))
    # the events that occurred in an arm are no population (batch 4 PMC4004388's results)
    text = ("The toxicity of both arms was mild and manageable; the mistletoe preparation arm included fever, chills, "
            "headache, malaise, and, in two cases, allergic reaction, which was controlled by discontinuation of the "
            "drug and steroid injection.")
    assert not any(population(text, text.index(w)) for w in ("fever", "headache", "allergic reaction"))


def test_people_enrolled_with_a_condition_have_it_as_their_condition() -> None:
    # batch 6 24819710 (its Methods part; gold adverse_events []): 'people' are enrolled as 'patients' are
    text = ("Three hundred fifty-two people with dementia and significant agitation from 60 nursing home units were "
            "included in this study.")
    assert ENROLLED.search(text) and population(text, text.index("agitation"))
