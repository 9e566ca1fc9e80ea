"""Event roles and general negations, on real pool-dev abstracts (../shared/eval/pain_trials_pool)."""

from __future__ import annotations

import json

import pytest

from ketamine_evidence.analysis.extract import adverse_events, make_context
from ketamine_evidence.analysis.extract.event_negation import find_event_mentions
from ketamine_evidence.analysis.extract.event_roles import (condition_symptom, general_negation, is_outcome,
                                                             patient_characteristic, sedation_technique,
                                                             unlisted_events)
from ketamine_evidence.analysis.parse.files import parse_file
from tests.conftest import EVAL, REPO

POOL = EVAL / "pain_trials_pool"
GOLD = {(r := json.loads(line))["pmcid"]: r for name in ("gold_dev.jsonl", "gold_dev_batch4.jsonl", "gold_dev_batch5.jsonl")
        for line in (REPO / "data" / "eval" / "pool" / name).read_text().splitlines() if line.strip()}


def _events(pmcid: str) -> dict[str, set[str]]:
    article = next(iter(parse_file(POOL / f"{pmcid}.nxml")))
    found = adverse_events.extract(make_context(article, GOLD[pmcid]["intervention"]))
    return {field: {str(f.value) for f in found if f.field == field}
            for field in ("adverse_events", "negated_adverse_events")}


@pytest.mark.parametrize("pmcid, occurred, negated", [
    # 'the most common drug-related adverse events included dizziness, pain at injection site, and a decrease
    # in white blood cell count ... none were serious'
    ("PMC5426756", {"dizziness", "other"}, {"serious_adverse_events"}),
    # 'The most common adverse effects were headache, fatigue, myalgia, and cough.'
    ("PMC5840188", {"headache", "fatigue", "other"}, set()),
    # 'No major adverse effects of study medication were registered': a result, not a planned measurement
    ("PMC4266769", set(), {"serious_adverse_events"}),
    # 'CMF caused more objective alopecia ... nausea and vomiting': 'objective' is no aim here; alopecia is `other`
    ("PMC1968186", {"nausea", "vomiting", "other"}, set()),
    # 'There were no significant differences in postpartum haemorrhage, sphincter injuries ...': outcomes compared
    ("PMC3187863", set(), set()),
    # 'small but statistically significant increases in both eye strain and blurred vision were observed'
    ("PMC3782468", {"visual_disturbance", "other"}, set()),
    # a protocol: 'We assess the effect on ... anxiety/depression' is a plan
    ("PMC4411773", set(), set()),
    # 'a significant reduction in numbness (P = 0.001), pain (0.002), tingling (P = 0.001)': reduced outcomes
    ("PMC5434674", set(), set()),
    # 'TRUSPB under combined IV sedation and local anesthesia': sedation is the technique
    ("PMC5789491", set(), set()),
    # 'Subgroup analysis of the presence of sedation revealed no differences': a subgroup, not an event
    ("PMC5291156", set(), set()),
    # 'The adverse events were not related to the interventions' (guideline addition t)
    ("PMC4734805", set(), {"serious_adverse_events"}),
    # 'Only seven out of 161 patients reported an adverse event but none were classified as being related to the
    # study medication' (guideline addition t's own example)
    ("PMC4677000", set(), {"serious_adverse_events"}),
    # 'significantly higher blood loss (p = 0.002) in the MIS group' (guideline addition ag's own example)
    ("PMC4711101", {"other"}, set()),
    # a protocol: 'Secondary outcomes are post-procedural pain, ..., bruising, complications' is a plan
    ("PMC4995808", set(), set()),
])
def test_pool_dev_abstracts(pmcid, occurred, negated):
    assert _events(pmcid) == {"adverse_events": occurred, "negated_adverse_events": negated}


def test_unlisted_items_of_an_event_list_are_other():
    text = ("The most common drug-related adverse events included dizziness, pain at injection site, and a decrease in "
            "white blood cell count.")
    mentions = find_event_mentions(text)
    generic = next(m for m in mentions if m.kind == "generic")
    terms = [(m.start, m.end) for m in mentions if m.kind == "term"]
    assert unlisted_events(text, generic.end, terms) == ["pain at injection site"]
    # items the lexicon names ('myalgia', 'cough' as `other`) are no unlisted items
    text = "The most common adverse effects were headache, fatigue, myalgia, and cough."
    mentions = find_event_mentions(text)
    assert [m.terms for m in mentions if m.kind == "term"] == [("headache",), ("fatigue",), ("other",), ("other",)]
    assert unlisted_events(text, mentions[0].end, [(m.start, m.end) for m in mentions if m.kind == "term"]) == []
    text = "Adverse events were mild and transient, and nausea was the most common."
    mentions = find_event_mentions(text)
    assert unlisted_events(text, mentions[0].end, [(m.start, m.end) for m in mentions if m.kind == "term"]) == []


@pytest.mark.parametrize("sentence, scope", [
    ("No patients discontinued double-blind treatment because of adverse events.", None),
    ("Dexmedetomidine sedation during retinal surgery improved satisfaction from both patient and surgeon without "
     "respiratory complication.", None),
    ("No major adverse effects of study medication were registered.", "serious"),
    ("Drug administration did not lead to harmful adverse events.", "serious"),
    ("No AEs were reported at day 2.", "part"),  # one time point: dropped beside events that occurred
])
def test_which_general_negations_say_nothing_happened(sentence, scope):
    mention = next(m for m in find_event_mentions(sentence) if m.kind == "generic")
    assert mention.negated
    assert general_negation(sentence, mention) == scope


def test_symptoms_of_the_treated_condition_are_not_events():
    text = ("Fifty patients between age of 5 and 12 years (Group A and B) and 50 patients between 13 and 65 years "
            "(Group C and D) with symptoms of E. vermicularis infestations such as itching in the anal region, "
            "impaired appetite, abdominal pain, eructation, diarrhea or constipation and presence of ova in stools "
            "were selected.")
    assert condition_symptom(text, text.index("itching"))
    assert condition_symptom(text, text.index("diarrhea"))
    side = "Side-effect symptoms such as nausea were reported."
    assert not condition_symptom(side, side.index("nausea"))


@pytest.mark.parametrize("sentence, technique", [
    ("TRUSPB under combined IV sedation and local anesthesia had no significant increase in the incidence of "
     "complications.", True),
    ("Subgroup analysis of the presence of sedation revealed no differences between the two groups.", True),
    ("Ramsay sedation scale with a target level of 3-4 was used to assess adequacy of sedation.", False),
])
def test_sedation_as_the_technique_of_a_procedure(sentence, technique):
    mention = next(m for m in find_event_mentions(sentence) if m.words.lower() == "sedation")
    assert sedation_technique(sentence, mention) is technique


def test_statistics_in_brackets_do_not_break_a_list_of_reduced_outcomes():
    text = ("Following 3 months combined training and supplementation with Vitamin D, had observed a significant "
            "reduction in numbness (P = 0.001), pain (0.002), tingling (P = 0.001), and weakness (P = 0.002).")
    start = text.index("tingling")
    assert is_outcome(text, start, start + len("tingling"))
    # 'less X than the comparator' is an event that occurred (guideline addition q), statistics or not
    other = ("Compared with subjects in the NuLYTELY arm, subjects in the G/PEG without bisacodyl arm had less nausea "
             "( P <0.04), vomiting ( P <0.02), abdominal pain ( P <0.02), bloating ( P <0.005).")
    start = other.index("vomiting")
    assert not is_outcome(other, start, start + len("vomiting"))


def test_events_put_down_to_another_drug_are_not_the_interventions():
    # butoconazole cream vs oral fluconazole: 'Headache, diarrhea, nausea ... were the most common drug-related
    # adverse events attributable to fluconazole.'
    assert not _events("PMC1784583")["adverse_events"] & {"headache", "nausea"}
    # ondansetron vs metoclopramide: 'incidence of drowsiness and anxiety in the metoclopramide was considerably
    # higher' is a comparison: less of them with ondansetron means they occurred (guideline addition q)
    assert {"sedation", "anxiety"} <= _events("PMC4608345")["adverse_events"]


def test_general_negations_of_the_whole_beside_events_that_occurred():
    # 'There were no delayed adverse events. There were no significant adverse events.' beside a headache: the
    # second says no side effects of note occurred (guideline addition y) and wins over the first, a part
    assert _events("PMC3480782")["negated_adverse_events"] == {"serious_adverse_events"}
    # 'similar in the 2 groups, and no severe adverse events involving either drug were observed': '2 groups'
    # counts the arms and names none of them
    assert _events("PMC3895597") == {"adverse_events": set(), "negated_adverse_events": {"serious_adverse_events"}}
    # 'without any appreciable side effects' (guideline addition y); 'the duration of controlled hypotension was
    # almost similar in both groups' is the anaesthetic technique, no event
    assert _events("PMC5735486")["negated_adverse_events"] == {"serious_adverse_events"}
    text = "However, the duration of controlled hypotension was almost similar in both groups."
    assert sedation_technique(text, next(m for m in find_event_mentions(text) if m.words == "hypotension"))


def test_a_patients_history_or_indication_is_no_event():
    # batch 4 PMC2836470 (20087760) and batch 5 PMC3956949 (24648875): who the patients are, not what happened
    text = ("Fifteen pulses proved significantly better in patients without a previous history of heart failure "
            "(p = 0.014) and in patients with LVEF ≥ 40% (p = 0.016).")
    assert patient_characteristic(text, text.index("heart failure"))
    text = ("Also, the prescription of tadalafil in cases of erectile dysfunction with the development of lower "
            "ureteric stones may provide additional advantages.")
    assert patient_characteristic(text, text.index("erectile"))
    text = "The most common adverse effects were headache, fatigue, myalgia, and cough."  # pool dev PMC5840188
    assert not any(patient_characteristic(text, text.index(w)) for w in ("headache", "fatigue", "cough"))
    assert _events("PMC2836470") == {"adverse_events": set(), "negated_adverse_events": set()}
    assert _events("PMC3956949") == {"adverse_events": set(), "negated_adverse_events": {"serious_adverse_events"}}


# Round 7, batch 7 (data/eval/pool/gold_blind.jsonl, now dev)
def test_a_symptom_that_showed_improvement_is_an_outcome() -> None:
    # PMC1513247: 'A feeling of incomplete evacuation and abdominal pain showed the most improvement.'
    text = "A feeling of incomplete evacuation and abdominal pain showed the most improvement."
    start = text.index("abdominal pain")
    assert is_outcome(text, start, start + len("abdominal pain"))
    # PMC5530360: 'reductions in fatigue (FACIT-F ≥3.56; p≤0.05)'
    text = "more baricitinib-treated patients versus placebo-treated patients reported reductions in fatigue (FACIT-F"
    start = text.index("fatigue")
    assert is_outcome(text, start, start + len("fatigue"))


def test_a_class_that_an_event_exemplifies_is_no_event_of_its_own() -> None:
    from ketamine_evidence.analysis.extract.event_terms import LEXICON, lexicon_hits
    text = ("The incidence of adverse effects with prednisone was not dose related, and nervous system disorders, "
            "mainly headache, were the most frequently reported adverse effects.")
    generic_end = text.index("adverse effects") + len("adverse effects")
    spans = [(m.start(), m.end()) for m in lexicon_hits(text) if LEXICON.classify(m.group(0))[0] == "term"]
    assert unlisted_events(text, generic_end, spans) == []
