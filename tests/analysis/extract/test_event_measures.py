"""Events an abstract measures as outcomes (round 10, ae10), on real dev abstract sentences and records."""

from __future__ import annotations

import json

import pytest

from ketamine_evidence.analysis.extract import adverse_events, make_context
from ketamine_evidence.analysis.extract.event_measures import (instrument_measured, measured_only, measured_terms,
                                                               reported_as_occurrence)
from ketamine_evidence.analysis.extract.event_negation import find_event_mentions
from ketamine_evidence.analysis.parse.files import parse_file
from tests.conftest import EVAL, REPO

POOL = EVAL / "pain_trials_pool"
GOLD = {(r := json.loads(line))["pmcid"]: r for name in ("gold_dev_batch5.jsonl", "gold_dev_batch6.jsonl")
        for line in (REPO / "data" / "eval" / "pool" / name).read_text().splitlines() if line.strip()}

# batch 5 PMC4616107 (methods, conclusion)
FATIGUE_INDEX = ("Maximum voluntary isometric contraction (MVIC), endurance, median frequency (MDF), and muscle fatigue "
                 "index were measured in all subjects.")
FATIGUE_RESULT = ("Given that muscles with active myofascial trigger points had an increased MDF and suffered muscle "
                  "fatigue more easily, increased recruitment of motor unit action potential of type II fibers was "
                  "evident.")
# batch 6 PMC4493951 (methods, conclusion): sedation scored, and reported as the drug's effect
SEDATION_SCORE = "The sedation score was recorded in the postanesthesia care unit (PACU)."
SEDATIVE_EFFECT = ("For high-risk PONV patients undergoing gynecological laparoscopic surgery, when used with "
                   "dexamethasone, 1-mg haloperidol was equally effective as 2 mg in terms of preventing PONV with the "
                   "less sedative effect.")
# batch 6 PMC4141382 (results)
SEDATION_VAS = ("VAS for sedation on reversal of anesthesia showed the following association: Group CSuNeo = Group "
                "CSuNeoAdr < Group CSu = Group CSuAdr = Group IVSu (P < 0.005).")


def _mention(text: str, term: str):
    return next(m for m in find_event_mentions(text) if term in m.terms)


@pytest.mark.parametrize("text, term, expected", [
    (FATIGUE_INDEX, "fatigue", True),  # the instrument after the words ('muscle fatigue index')
    (SEDATION_SCORE, "sedation", True),
    (SEDATION_VAS, "sedation", True),  # the instrument before them ('VAS for sedation')
    (FATIGUE_RESULT, "fatigue", False),
    (SEDATIVE_EFFECT, "sedation", False),
])
def test_instrument_measured(text: str, term: str, expected: bool) -> None:
    assert instrument_measured(text, _mention(text, term)) is expected


def test_a_list_of_events_scored_is_no_measured_construct() -> None:
    # batch 5 PMC5367005: 'Harms included fatigue in two boys' counts events, it measures nothing
    assert measured_terms(["Harms included fatigue in two boys, pain in one."]) == frozenset()


def test_an_other_event_is_measured_by_its_own_words() -> None:
    # 'other' stands for many events: a measured cough does not make every 'other' event a measure
    measured = measured_terms(["Cough score was significantly reduced in comparison with controls (P <0.0001)."])
    assert measured == frozenset({"other:cough"})


@pytest.mark.parametrize("text, term, expected", [
    (FATIGUE_RESULT, "fatigue", False),
    (SEDATIVE_EFFECT, "sedation", True),  # the drug's effect
    # pool dev PMC4608345: an incidence
    ("The incidence of fatigue (p=0.44), headache (p=0.58) and dystonia (p=0.06) had no significant difference in "
     "the two groups but the incidence of drowsiness and anxiety in the metoclopramide group was significantly "
     "higher (P < 0.001).", "fatigue", True),
    # batch 5 PMC5367005: a list of harms, counted
    ("Harms included fatigue in two boys, pain in one.", "fatigue", True),
])
def test_reported_as_occurrence(text: str, term: str, expected: bool) -> None:
    mentions = find_event_mentions(text)
    assert reported_as_occurrence(text, _mention(text, term), mentions) is expected


def test_measured_only_needs_the_construct_measured_and_no_occurrence() -> None:
    m = _mention(FATIGUE_RESULT, "fatigue")
    mentions = find_event_mentions(FATIGUE_RESULT)
    assert measured_only(measured_terms([FATIGUE_INDEX, FATIGUE_RESULT]), FATIGUE_RESULT, m, mentions)
    assert not measured_only(measured_terms([FATIGUE_RESULT]), FATIGUE_RESULT, m, mentions)
    s = _mention(SEDATIVE_EFFECT, "sedation")
    assert not measured_only(measured_terms([SEDATION_SCORE]), SEDATIVE_EFFECT, s, find_event_mentions(SEDATIVE_EFFECT))


def _occurred(pmcid: str) -> set[str]:
    article = next(iter(parse_file(POOL / f"{pmcid}.nxml")))
    found = adverse_events.extract(make_context(article, GOLD[pmcid]["intervention"]))
    return {str(f.value) for f in found if f.field == "adverse_events"}


@pytest.mark.parametrize("pmcid, expected", [
    ("PMC4616107", set()),  # batch 5: 'muscle fatigue index were measured'; gold [] (the rules gave fatigue before)
    ("PMC4141382", set()),  # batch 6: 'VAS for sedation'; gold [] (sedation before)
    ("PMC4493951", {"sedation"}),  # batch 6: sedation scored, and 'less sedative effect' (the drug's effect); gold sedation
])
def test_measured_constructs_in_dev_records(pmcid: str, expected: set[str]) -> None:
    assert _occurred(pmcid) == expected


def test_bracketed_abbreviation_between_instrument_and_event() -> None:
    # invariance rewrite outcome_synonyms of batch 6 PMC4141382: 'VAS' spelled out with its abbreviation
    text = SEDATION_VAS.replace("VAS", "Visual analogue scale (VAS)", 1)
    assert instrument_measured(text, _mention(text, "sedation"))


@pytest.mark.parametrize("text, words, expected", [
    # batch 6 PMC3488177 (tourniquet) and PMC5560591 (electroacupuncture): reported reduced with the treatment
    ("Patients in the tourniquet group had less overt bleeding (317 mL vs. 615 mL), but the total bleeding estimated "
     "by hemoglobin dilution at day 4 was only slightly less (1,184 mL vs. 1,236 mL).", "bleeding", True),
    ("It can be concluded that subjects receiving EA intraoperatively experienced less pain and PONV.", "PONV", True),
    # batch 5 PMC5367005: counted harms
    ("Harms included fatigue in two boys, pain in one.", "fatigue", False),
])
def test_reduced_symptom(text: str, words: str, expected: bool) -> None:
    from ketamine_evidence.analysis.extract.event_measures import reduced_symptom

    m = next(x for x in find_event_mentions(text) if x.words == words)
    assert reduced_symptom(text, m, find_event_mentions(text)) is expected


def test_non_drug_trial_keeps_its_events_without_the_abstract_labels() -> None:
    """Pool dev PMC4599047 (an interspinous spacer, no drug): removing the abstract's labels (the invariance rewrite
    ``labels_removed``) once made its reduced symptoms read as events; a symptom a non-drug treatment reduced is its
    benefit (rule am), so the events are the same with and without the labels."""
    from ketamine_evidence.analysis.evaluation.invariance_compare import STRUCTURE_REWRITES
    from ketamine_evidence.analysis.extract import extract_article
    from ketamine_evidence.analysis.parse import parse_file
    from tests.conftest import EVAL

    article = next(iter(parse_file(EVAL / "pain_trials_pool" / "PMC4599047.nxml")))
    plain = STRUCTURE_REWRITES["labels_removed"](article)
    assert plain is not None
    name = "Superion InterSpinous Spacer"
    before, after = extract_article(article, name)[0], extract_article(plain, name)[0]
    for field in ("adverse_events", "negated_adverse_events"):
        assert after.to_gold(with_evidence=False)[field] == before.to_gold(with_evidence=False)[field]


@pytest.mark.parametrize("text, term", [
    # review10: a scored construct reported by how often it occurred is an occurrence
    ("Sedation was more frequent in the ketamine group (P=0.03).", "sedation"),
    ("Nausea was more common with ketamine than with saline.", "nausea"),
    ("Dizziness and sedation were observed more often with ketamine.", "sedation"),
])
def test_frequency_wording_is_an_occurrence(text: str, term: str) -> None:
    mentions = find_event_mentions(text)
    assert reported_as_occurrence(text, _mention(text, term), mentions)
    assert not measured_only(frozenset({term}), text, _mention(text, term), mentions)


def test_a_dash_joins_an_instrument_name_as_a_hyphen_does() -> None:
    # batch 6 14975051 (its Methods part; gold adverse_events []): the target on a sedation scale is no sedation event
    text = ("Remifentanil was infused for up to 72 hours (initial rate 6–9 μg/kg per hour), with propofol administered "
            "if required, to achieve a target Sedation–Agitation Scale score of 2–4, with no or mild pain.")
    sedation = next(m for m in find_event_mentions(text) if "sedation" in m.terms)
    assert instrument_measured(text, sedation)
