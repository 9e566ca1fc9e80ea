"""Whose mention, dose and route: three general mechanisms the retired check set (pool blind2) lacked, each on its real abstract
text (record named at each case; before the change each gave the value in the comment).

1. An intervention name that goes on to say who receives it ('... in dogs undergoing mastectomy') is read for the
   treatment before that setting; an abbreviation the abstract defines for the noun phrase that holds the
   intervention's mention ('picosulfate plus magnesium citrate (P/MC)') names the intervention.
2. In 'X dose or Y dose' the dose after the named alternative is not the intervention's.
3. A catheter or infusion named by the body site it lies at ('presternal') is that site's route, not a vein."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import dosing, make_context, routes
from ketamine_evidence.analysis.extract.intervention_names import literal_names
from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.extract.route_scope import site_matches
from ketamine_evidence.analysis.records import Article, Section


def _article(*sentences: str) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title="A trial",
                   abstract=[Section("METHODS", "METHODS", " ".join(sentences))])


# pool blind2 PMC4565804
_GABAPENTIN = "perioperative oral gabapentin in dogs undergoing mastectomy"
_DOGS = ("Twenty dogs undergoing mastectomy were randomized to receive perioperative oral placebo or gabapentin "
         "(10 mg/kg).")


def test_the_setting_after_the_treatment_makes_no_non_drug_name():
    names, is_drug = literal_names(_GABAPENTIN)  # was: not a drug ('mastectomy'), so no route and no dose
    assert is_drug and "gabapentin" in names
    ctx = make_context(_article(_DOGS), _GABAPENTIN)
    assert [f.value for f in routes.extract(ctx)] == ["oral"]  # was []
    doses = {f.field: f.value for f in dosing.extract(make_context(_article(_DOGS), _GABAPENTIN))}
    assert doses.get("dose_mg_per_kg") == 10.0  # was none


# pool blind2 PMC4822094
_PMC_NAME = ("low-volume oral sodium picosulfate/magnesium citrate (vs enema or combination) for sigmoidoscopy "
             "preparation")
_PMC_METHODS = ("A randomized single blinded trial comparing (1) a single dose (i.e., one sachet) of oral sodium "
                "picosulfate plus magnesium citrate (P/MC) administered the night before, (2) a single dose oral P/MC "
                "the night before plus sodium phosphate enema 1 h before leaving home, and (3) sodium phosphate enema "
                "alone 1 h before leaving home for flexible sigmoidoscopy was conducted on outpatients referred for "
                "sigmoidoscopy for symptom assessment.")


def test_an_abbreviation_of_the_phrase_holding_the_mention_names_the_intervention():
    wider = resolve_intervention(_PMC_NAME).with_abbreviations(_PMC_METHODS)
    assert "P/MC" in wider.synonyms  # was absent: the bracket follows 'citrate', not the mention 'magnesium'
    ctx = make_context(_article(_PMC_METHODS), _PMC_NAME)
    assert "oral" in [f.value for f in routes.extract(ctx)]


def test_a_bracket_whose_capitals_are_not_the_phrase_initials_is_no_abbreviation():
    # the same record's trial number follows a phrase with the mention: 'NCT' spells no initials of it
    text = "A single dose of oral magnesium citrate administered the night before (NCT 01554111)."
    assert "NCT" not in resolve_intervention(_PMC_NAME).with_abbreviations(text).synonyms
    text = "oral picosulfate with magnesium citrate given alone (PMG)."
    assert "PMG" not in resolve_intervention(_PMC_NAME).with_abbreviations(text).synonyms


# pool blind2 PMC4173564
_EITHER = ("A total of 60 patients (ASA I and II) of either sex, between 18 years and 50 years were given either "
           "nalbuphine 0.2 mg/kg (group N, n = 30) or pentazocine 0.5 mg/kg (group P, n = 30) 5 min before induction "
           "of general anesthesia.")


@pytest.mark.parametrize("intervention, dose", [
    ("nalbuphine 0.2 mg/kg (vs pentazocine) before induction for attenuating intubation response", 0.2),  # was 0.5
])
def test_the_dose_after_the_named_alternative_is_not_the_interventions(intervention, dose):
    found = {f.field: f.value for f in dosing.extract(make_context(_article(_EITHER), intervention))}
    assert found.get("dose_mg_per_kg") == dose


def test_a_second_dose_of_the_same_drug_stays_its_own():
    # b7 wording already in test_dosing: 'or' followed by a dose, not by a word
    sentence = "Bupivacaine plus 0.5 mg/kg ketamine (BK1) or 1.5 mg/kg ketamine (BK2) was infiltrated."
    found = {f.field: f.value for f in dosing.extract(make_context(_article(sentence), "ketamine"))}
    assert found.get("dose_mg_per_kg") == 1.5


# pool blind2 PMC4900317
_PRESTERNAL_NAME = "continuous presternal bupivacaine infusion through a single catheter after cardiac surgery"
_PRESTERNAL = ("This study was designed to evaluate the analgesic efficacy of continuous presternal bupivacaine infusion "
               "through a single catheter after parasternal block following cardiac surgery.",
               "A presternal catheter was inserted with continuous infusion of 5 mL/h bupivacaine 0.25% (Group B) or "
               "normal saline (Group C) during the first 48 postoperative hrs.")


def test_a_site_named_catheter_infusion_is_that_sites_route():
    ctx = make_context(_article(*_PRESTERNAL), _PRESTERNAL_NAME)
    assert [f.value for f in routes.extract(ctx)] == ["other"]  # was ['intravenous'] (the infusion default)
    ctx = make_context(_article(_PRESTERNAL[1]), "bupivacaine")
    assert [f.value for f in routes.extract(ctx)] == ["other"]  # was ['intravenous']


@pytest.mark.parametrize("text", [
    "peripheral intravenous catheter", "preoperative infusion", "presurgical infusion", "subarachnoid infusion",
    "intravascular catheter",
])
def test_a_vein_or_a_time_is_no_catheter_site(text):
    assert not [m for term, m in site_matches(text) if m.group(0).lower() in text.split()[0].lower()]
