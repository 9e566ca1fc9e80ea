"""route_scope: how far a route word reaches (lists of drugs, arm lists, 'administered in', adjuncts, regimen nouns) and
what a treatment's form or name shows of its route. Sentences are from dev abstracts or the MEDLINE sample (record named
at each case); before route_scope each of them gave no route for the intervention named."""

from __future__ import annotations

import re

import pytest

from ketamine_evidence.analysis.extract import make_context, route_scope, routes
from ketamine_evidence.analysis.records import Article, Section


def _routes(sentence: str, intervention: str) -> list[str]:
    article = Article(pmid="1", pmcid=None, doi=None, title="A trial", abstract=[Section("METHODS", "METHODS", sentence)])
    return sorted(f.value for f in routes.extract(make_context(article, intervention)))


@pytest.mark.parametrize("sentence, intervention, expected", [
    # b4 PMC4293505 (dev error fixed): the adverb after 'treated' reaches every arm the clause lists
    ("The patients were treated intravenously with 1 and 2 ml of 0.9% NaCl (group C); or 2 ml of 0.15 mg/ml ramosetron "
     "plus 1 ml of 0.9% NaCl (group R); or 2 ml of 0.15 mg/ml ramosetron plus 1 ml of 5 mg/ml dexamethasone (group RD) "
     "immediately after anesthesia.", "ramosetron plus dexamethasone (vs ramosetron alone and saline control)",
     ["intravenous"]),
    # ketamine dev PMC4940009: an adverb after a list of drugs
    ("Thereafter, anesthesia was induced in all patients, by injecting 1.5 mg/kg of fentanyl and 2 mg/kg of propofol "
     "intravenously.", "fentanyl", ["intravenous"]),
    # b7 PMC5735476: a route adjective reaches across '+'
    ("Group BD5 (n = 30): intrathecal bupivacaine 12.5 mg (2.5 ml) + dexmedetomidine 5 μg (0.5 ml).", "dexmedetomidine",
     ["neuraxial"]),
    # b7 PMC4760045: a route phrase after 'administered in'
    ("In group RD (n = 45) 30 ml 0.5% ropivacaine + 100 μg of dexmedetomidine and group RC (n = 45) 30 ml 0.5% "
     "ropivacaine + 75 μg clonidine were administered in axillary plexus block.", "clonidine", ["other"]),
    # b6 PMC5866829: a route adjective on a regimen noun belongs to the clause's drug
    ("Elobixibat was well tolerated at once-daily oral doses up to 15 mg for 2 weeks.", "elobixibat", ["oral"]),
    # pool PMC5291156: a spray of the intervention is put on a body surface
    ("In Japan, lidocaine viscous solution is the anesthetic of choice, but lidocaine spray is applied when the former "
     "is considered insufficient.", "lidocaine spray alone (vs spray plus viscous solution)", ["topical"]),
])
def test_reach_of_a_route_word(sentence, intervention, expected):
    assert _routes(sentence, intervention) == expected


@pytest.mark.parametrize("sentence, intervention", [
    # pool PMC3668104: 'for sedation during spinal anesthesia' is the setting, not the sedative's route
    ("Optimal dose of dexmedetomidine for sedation during spinal anesthesia", "dexmedetomidine"),
    # review10: 'given during spinal anaesthesia' dates the dose
    ("Ketamine 0.15 mg/kg or saline was given during spinal anaesthesia.", "ketamine"),
])
def test_setting_is_no_route(sentence, intervention):
    assert "neuraxial" not in _routes(sentence, intervention)


def test_singular_verb_keeps_the_adverb_to_the_last_drug():
    text = "Duloxetine 40 or 60 mg/day or placebo was given orally once daily for 12 weeks."  # chronic dev PMC4015540
    found = routes.mentions(text, re.compile("duloxetine|placebo", re.I))
    m = re.search("orally", text)
    assert [d.text for d in route_scope.adverb_list(text, m, found[-1], found)] == ["placebo"]
    assert _routes(text, "duloxetine") == ["oral"]  # 'X or placebo was given orally': the placebo's active drug
    text = ("One hundred and forty patients were enrolled in four groups to receive midazolam 0.75 mg/kg in group M, "
            "ondansetron 4 mg in group O, midazolam 0.75 mg/kg and ondansetron 4 mg in group MO, and saline 0.90% in "
            "group S intravenously just before anesthesia.")  # b4 PMC4776542: no verb, the adverb reaches the list
    assert _routes(text, "midazolam") == ["intravenous"]


def test_abbreviated_blocks():
    # b6 PMC4804512 and b7 PMC5654031
    assert [t for t, _ in route_scope.block_matches("comparing an ultrasound-guided LFCN-block with either 8 ml")] == ["other"]
    assert [t for t, _ in route_scope.block_matches("for the TAP block, II/IH block, and caudal block")] == ["other", "other"]
    assert route_scope.block_matches("a first-degree AV block was seen") == []


@pytest.mark.parametrize("sentence, intervention, expected", [
    # MEDLINE sample 26702216 (the 2016 sample, unlabelled): a hyphenated pair shares its route word
    ("Comparison between intrathecal isobaric ropivacaine-fentanyl and bupivacaine-fentanyl in elective infraumbilical "
     "orthopedic surgery: A randomized controlled study.", "fentanyl", ["neuraxial"]),
    # MEDLINE sample 26702207: an adjunct, and an addition stated with its dose, take the block's route
    ("Effect of buprenorphine as an adjunct with plain local anesthetic solution in supraclavicular brachial plexus block "
     "on quality and duration of postoperative analgesia.", "buprenorphine", ["other"]),
    ("Addition of 3 μg/kg buprenorphine to 0.5% bupivacaine for supraclavicular brachial plexus block prolonged duration "
     "of postoperative analgesia and sensory blockade without an increase in side effects.", "buprenorphine", ["other"]),
])
def test_combinations_and_adjuncts(sentence, intervention, expected):
    assert _routes(sentence, intervention) == expected


def test_injection_site_adjectives_and_food_names():
    assert [t for t, _ in route_scope.site_matches("lidocaine gel intrarectally, periprostatic nerve block alone")] == \
        ["other", "other"]  # pool PMC5789491
    assert route_scope.site_matches("All patients received intravenous lidocaine") == []
    assert route_scope.food_route("tart cherry juice") == {"oral"}
    assert route_scope.food_route("tea tree oil") == set()
    assert route_scope.food_route("honey dressing") == set()


def test_a_tablet_reaches_its_drug_across_a_stated_amount():
    assert route_scope.FORM_TO_DRUG.fullmatch(" containing 500 mg of ")
    assert route_scope.DRUG_TO_FORM.fullmatch(" (500 mg ")
    assert not route_scope.DRUG_TO_FORM.fullmatch(" and ")
