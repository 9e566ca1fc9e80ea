"""Adverse events: normalised terms, negation, the intervention's arm, the study's aim, counts and evidence."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import adverse_events, make_context
from ketamine_evidence.analysis.extract.adverse_events import detect_adverse_event_sentence, find_event_mentions
from ketamine_evidence.analysis.records import ADVERSE_EVENTS, Article, Section

CONTEXT = "Patients were randomly assigned to ketamine 0.5 mg/kg or saline."


def _article(*results: str, title: str = "A randomized trial of ketamine for postoperative pain",
             methods: str = CONTEXT) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section("METHODS", "METHODS", methods), Section("RESULTS", "RESULTS", " ".join(results))])


def _events(article: Article, intervention: str = "ketamine") -> dict[tuple[str, str], object]:
    found = adverse_events.extract(make_context(article, intervention))
    return {(f.field, f.value): f for f in found}


def _assert_evidence(article: Article, finding, sentence: str) -> None:
    start = article.text.index(sentence)
    assert (finding.evidence.start, finding.evidence.end) == (start, start + len(sentence))
    assert finding.evidence.text == sentence and finding.evidence.extractor == "adverse_events"


@pytest.mark.parametrize("sentence, expected", [
    # PMC5557991: a comparison of heart rate and blood pressure with the intervention
    ("The patients had higher heart rate and blood pressure with ketamine; however, no significant difference "
     "was found regarding respiratory rate and oxygen saturation (P>0.05).", {"hypertension", "tachycardia"}),
    # PMC5888649
    ("Participants developed S-ketamine-induced psychotic symptoms, particularly positive FTD.",
     {"psychotomimetic_effects"}),
    # PMC3460347
    ("Nicotine alleviated ketamine-induced sensory memory impairment and improved attention.",
     {"cognitive_impairment"}),
    ("Postoperative nausea and vomiting (PONV) occurred in 12 patients receiving ketamine.", {"nausea", "vomiting"}),
    ("Drowsiness and diplopia were reported by 4 of 20 patients after ketamine.", {"sedation", "visual_disturbance"}),
    ("The incidence of nausea was similar between the ketamine and saline groups.", {"nausea"}),
    ("Adverse effects (nausea, dizziness) were comparable between the ketamine and saline groups.",
     {"nausea", "dizziness"}),
    ("Ketamine-treated patients reported more dizziness (20% vs 7%).", {"dizziness"}),
    ("Adverse events were mainly mild: dizziness (30%), feeling of unreality (20%).", {"dizziness", "dissociation"}),
])
def test_events_that_occurred_are_normalised(sentence, expected):
    article = _article(sentence)
    found = _events(article)
    assert {v for (field, v) in found if field == "adverse_events"} == expected
    assert not [k for k in found if k[0] == "negated_adverse_events"]
    for key, finding in found.items():
        _assert_evidence(article, finding, sentence)
        assert finding.value in ADVERSE_EVENTS and finding.intervention == "ketamine"


@pytest.mark.parametrize("sentence, expected", [
    ("There were no drug side effects for the case group.", {"serious_adverse_events"}),  # PMC3172326
    ("Drug administration did not lead to harmful adverse events.", {"serious_adverse_events"}),  # PMC4030328
    ("No hallucinations, nightmares or dysphoria were reported with ketamine.",
     {"hallucinations", "vivid_dreams", "dysphoria"}),
    ("None of the patients experienced serious adverse events.", {"serious_adverse_events"}),
    ("Hallucinations were not observed in any patient.", {"hallucinations"}),
    ("Ketamine reduced pain scores without significant side effects.", {"serious_adverse_events"}),
])
def test_negated_events(sentence, expected):
    article = _article(sentence)
    found = _events(article)
    assert {v for (field, v) in found if field == "negated_adverse_events"} == expected
    assert not [k for k in found if k[0] == "adverse_events"]
    for finding in found.values():
        _assert_evidence(article, finding, sentence)


def test_a_term_is_never_in_both_lists():
    # PMC5737852: the rise in blood pressure is hypertension, although it did not reach hypertensive levels.
    rise = ("Systolic and diastolic blood pressure as well as heart rate increased significantly upon ketamine "
            "administration, but without reaching hypertensive levels.")
    article = _article(rise, "Subanesthetic ketamine did not cause hypertension.")
    found = _events(article)
    assert ("adverse_events", "hypertension") in found and ("adverse_events", "tachycardia") in found
    assert ("negated_adverse_events", "hypertension") not in found
    _assert_evidence(article, found[("adverse_events", "hypertension")], rise)


@pytest.mark.parametrize("title, sentences", [
    # The aim of a sedation trial is no adverse event (PMC5557991).
    ("Effect of Intranasal Sedation Using Ketamine and Midazolam on Behavior of Children",
     ["Movement decreased with ketamine while their sleepiness increased (P=0.003)."]),
    # Another arm's event (PMC5374834).
    ("Ketamine versus hyoscine for bladder discomfort",
     ["Pain was lower with ketamine at 30 min, also there was a significant rise in heart rate in hyoscine group."]),
    # A comparison without an occurrence (PMC1084341).
    ("Ketamine and fentanyl in volunteers",
     ["This potentiation occurred without an increase in sedation with ketamine."]),
    # The condition treated is not an adverse event (a migraine trial; 'headache relief').
    ("Ketamine in migraine", ["Two-hour headache relief was noted in 73% in the ketamine group."]),
    # Planned measurements in the methods.
    ("Ketamine for pain", ["Nausea, vomiting and hallucinations were recorded with ketamine."]),
    # Outcome domains and a desired effect are no adverse events.
    ("Ketamine for cancer pain", ["With ketamine, QoL (fatigue and insomnia) improved from 40% to 25%."]),
    ("Ketamine premedication", ["Oral ketamine produces better preoperative sedation in children."]),
    ("Ketamine for depression and pain", ["Ketamine reduced pain, anxiety and depression at 2 weeks."]),
    # 'X-induced analgesia': the intervention induces the analgesia, not the condition named after it.
    ("Brain regions involved in ketamine-induced analgesia in irritable bowel syndrome with diarrhea",
     ["Pain thresholds were higher after ketamine."]),
    # 'negligible' leaves open whether any serious event happened.
    ("Ketamine analgesia", ["Ketamine provided analgesia along with negligible serious adverse effects."]),
])
def test_rules_that_must_not_fire(title, sentences):
    assert _events(_article(*sentences, title=title)) == {}


def test_background_before_the_aim_is_not_this_studys_event():
    # PMC4030328: an unstructured abstract that opens with what ketamine is known to do.
    background = ("The non-competitive N-methyl-D-aspartate receptor antagonist ketamine leads to transient "
                  "psychosis-like symptoms in healthy volunteers.")
    aim = "This study examined whether the effects of ketamine can be reversed by risperidone."
    article = Article(pmid="1", pmcid=None, doi=None, title="Ketamine and eye movements",
                      abstract=[Section(None, None, f"{background} {aim}")])
    assert _events(article) == {}


def test_counts_and_other_events_keep_their_words():
    # PMC5103151
    sentence = ("When side effects were investigated nausea was observed in 30 patients (3.6%), skin rashes were "
                "observed in 26 patients (3.2%) in the ketamine group.")
    article = _article(sentence)
    found = _events(article)
    nausea, other = found[("adverse_events", "nausea")], found[("adverse_events", "other")]
    assert nausea.detail["count"] == 30 and nausea.detail["percent"] == 3.6 and nausea.detail["words"] == "nausea"
    assert other.detail["words"] == "skin rashes" and other.detail["count"] == 26
    _assert_evidence(article, other, sentence)


def test_nothing_where_the_intervention_is_never_named():
    article = _article("Nausea occurred in 12 patients (20%).", title="Lidocaine for pain",
                       methods="Patients received lidocaine or saline.")
    assert _events(article, "ketamine") == {}
    assert ("adverse_events", "nausea") in _events(article, "lidocaine")


def test_mentions_and_negation_scope():
    mentions = find_event_mentions("No nausea was seen, but hallucinations occurred in two patients.")
    assert [(m.terms, m.negated) for m in mentions] == [(("nausea",), True), (("hallucinations",), False)]
    assert [m.negated for m in find_event_mentions("There was no significant difference in vomiting.")] == [False]


@pytest.mark.parametrize("sentence, expected", [
    ("Hydroxyurea-induced acute interstitial pneumonitis in a patient with essential thrombocythemia.", True),
    ("METHODS: We report two cases of pseudoporphyria caused by naproxen and oxaprozin.", True),
    ("A 54-year-old man, treated with amiodarone, developed thyrotoxicosis.", True),
    ("The patient had no rash after receiving amoxicillin.", False),
    ("Rapid resolution of glaucoma with methylprednisolone and mannitol.", False),
    ("Forty-three of 101 outpatients with parkinsonism reported sensory symptoms.", False),
])
def test_sentence_detector_for_any_drug(sentence, expected):
    assert detect_adverse_event_sentence(sentence) is expected


def test_a_title_that_ties_the_event_to_the_intervention():
    # A case report's subject is its adverse event, not an aim to exclude.
    title = "Ketamine-induced ulcerative cystitis: a case report"
    article = Article(pmid="1", pmcid=None, doi=None, title=title,
                      abstract=[Section(None, None, "A 25-year-old man who used ketamine presented with dysuria.")])
    found = _events(article)
    assert list(found) == [("adverse_events", "urological")]
    finding = found[("adverse_events", "urological")]
    assert (finding.evidence.start, finding.evidence.end, finding.evidence.source) == (0, len(title), "title")
    # A title naming an event without tying it to the intervention stays the study's topic.
    assert _events(_article("Sedation scores were higher with ketamine (P = 0.01).",
                            title="Ketamine for sedation in children")) == {}


def test_lexicon_yields_exactly_the_guideline_terms():
    assert set(adverse_events.preferred_terms()) == set(ADVERSE_EVENTS)


def test_an_other_event_in_the_aim_leaves_other_other_events():
    article = _article("Agitation was less frequent with ketamine (10% vs 40%).",
                       "Hypotension occurred in 3 patients receiving ketamine.",
                       title="Ketamine for the prevention of emergence agitation in children")
    found = _events(article)
    assert list(found) == [("adverse_events", "other")]
    assert found[("adverse_events", "other")].detail["words"] == "Hypotension"


@pytest.mark.parametrize("sentence, expected", [
    # Named events compared as alike occurred (the guideline: 'incidence of X was similar between groups'); but
    # 'no significant difference(s) in / regarding X' compares X as a measure and reports no occurrence (pool dev
    # 21749629, 27871236, batch4 20087760; tests/analysis/extract/test_event_roles.py), as does a bare 'X did not
    # differ' (test_a_bare_no_difference_is_no_occurrence).
    ("Nausea and vomiting were comparable in both groups (P > 0.05).", {"nausea", "vomiting"}),
    ("Side effects such as nausea, vomiting and pruritus were compared between groups and were found to be similar.",
     {"nausea", "vomiting", "other"}),
    ("The rate of dizziness was similar to that of the placebo group.", {"dizziness"}),
    ("Nausea and pruritus with ketamine were similar to those in the control group.", {"nausea", "other"}),
])
def test_events_compared_as_alike_occurred(sentence, expected):
    article = _article(sentence)
    found = _events(article)
    assert {v for (field, v) in found if field == "adverse_events"} == expected
    assert not [k for k in found if k[0] == "negated_adverse_events"]
    for finding in found.values():
        _assert_evidence(article, finding, sentence)


@pytest.mark.parametrize("title, sentence", [
    # A change that did not happen is no occurrence; a similarity about something else leaves another arm's event.
    ("Ketamine for pain", "Ketamine reduced morphine consumption without an increase in sedation."),
    ("Ketamine versus hyoscine for bladder discomfort",
     "Pain differed only at 30 min, otherwise there was no significant difference at other time points between "
     "the two groups, also there was a significant rise in heart rate in hyoscine group."),
    # 'similar to' a resemblance, not another arm; another arm alone compared with the past.
    ("Ketamine for pain", "The rate of dizziness in the placebo group was similar to that reported before."),
    # The effect a trial aims at stays its topic, compared or not.
    ("Ketamine for the prevention of postoperative nausea and vomiting",
     "The incidence of nausea and vomiting was comparable between groups."),
    # pool dev 26378939: an unnamed complications count gives no term (additions rule ag)
    ("Patient empowerment through information booklet and diary keeping in elderly surgical patients",
     "While overall complications and major complications occurred in 74% and 24% of the cases, respectively, "
     "frequency and severity of complications did not differ significantly between the groups."),
])
def test_comparisons_that_give_no_event(title, sentence):
    assert _events(_article(sentence, title=title)) == {}


HEALTHY_TITLE = "Effects of ketamine on perception and memory in healthy volunteers"
HEALTHY_METHODS = "Twenty healthy volunteers received intravenous ketamine and placebo in a double-blind crossover design."


@pytest.mark.parametrize("sentence, expected", [
    ("Ketamine elicited dissociative symptoms, depersonalization and derealization.", {"dissociation"}),
    ("Ketamine impaired episodic memory and attention.", {"cognitive_impairment"}),
    ("Under ketamine, subjects showed impaired attention and slowed reaction times.", {"cognitive_impairment"}),
    ("Subjects reported altered states of consciousness after ketamine.", {"psychotomimetic_effects"}),
    ("Ketamine-induced changes in perception correlated with reduced connectivity.", {"dissociation"}),
    ("After ketamine, participants felt dissociated and drowsy.", {"dissociation", "sedation"}),
])
def test_drug_induced_psychological_effects_in_volunteers(sentence, expected):
    article = _article(sentence, title=HEALTHY_TITLE, methods=HEALTHY_METHODS)
    found = _events(article)
    assert {v for (field, v) in found if field == "adverse_events"} == expected
    for finding in found.values():
        _assert_evidence(article, finding, sentence)


def test_a_volunteer_studys_topic_effect_is_still_an_adverse_event():
    # A 'ketamine model' study aims at the psychological effects it induces; the gold reads them as events
    # (PMC5888649, PMC3460347), unlike sedation in a sedation trial of patients.
    sentence = "Ketamine produced dissociative states in 12 of 15 volunteers."
    article = _article(sentence, title="Dissociative states with ketamine in healthy volunteers: an fMRI model",
                       methods=HEALTHY_METHODS)
    found = _events(article)
    assert list(found) == [("adverse_events", "dissociation")]
    _assert_evidence(article, found[("adverse_events", "dissociation")], sentence)
    # Without healthy volunteers the title's event stays the topic.
    assert _events(_article(sentence, title="Dissociative states with ketamine in depression")) == {}


def test_signs_of_the_treated_condition_are_outcomes():
    title, methods = "Low-level laser therapy for perineal wound healing", "Women were randomized to laser therapy or sham."
    reduced = "On day 7, redness, edema, and pain at the wound site were lesser in the laser therapy group."
    assert _events(_article(reduced, title=title, methods=methods), "laser therapy") == {}
    # An event that occurred with the intervention, not listed with signs of the condition, still counts.
    occurred = "Edema at the irradiated site occurred in 3 women after laser therapy."
    article = _article(occurred, title=title, methods=methods)
    found = _events(article, "laser therapy")
    assert list(found) == [("adverse_events", "other")]
    _assert_evidence(article, found[("adverse_events", "other")], occurred)


def test_the_intervention_raising_a_measured_effect_is_an_event():
    sentence = ("Ketamine increased scores on the Clinician-Administered Dissociative States Scale (CADSS) at 40 "
                "minutes.")
    article = _article(sentence, title=HEALTHY_TITLE, methods=HEALTHY_METHODS)
    found = _events(article)
    assert list(found) == [("adverse_events", "dissociation")]
    assert found[("adverse_events", "dissociation")].detail["words"] == "Dissociative States"
    _assert_evidence(article, found[("adverse_events", "dissociation")], sentence)
    # A desired effect the intervention produces, and a scale it lowers, are not events.
    assert _events(_article("Ketamine produced adequate sedation in 90% of children.")) == {}
    assert _events(_article("Ketamine reduced scores on the Clinician-Administered Dissociative States Scale.")) == {}


def test_events_an_aim_names_as_side_effects_are_not_its_topic():
    aim = ("We aimed to evaluate the effect of ketamine on postoperative pain and opioid-related side effects such "
           "as nausea, vomiting and pruritus. Patients were randomly assigned to ketamine or saline.")
    sentence = "The incidence of nausea, vomiting and pruritus was comparable between the two groups."
    article = _article(sentence, methods=aim)
    found = _events(article)
    assert set(found) == {("adverse_events", "nausea"), ("adverse_events", "vomiting"), ("adverse_events", "other")}
    _assert_evidence(article, found[("adverse_events", "nausea")], sentence)
    # An aim that targets the event itself keeps it the topic.
    ponv = "We aimed to evaluate the effect of ketamine on postoperative nausea and vomiting."
    assert _events(_article("The incidence of nausea and vomiting was comparable between the two groups.",
                            methods=f"{ponv} Patients were randomly assigned to ketamine or saline.")) == {}


def test_arms_named_by_the_abbreviations_the_abstract_defines():
    # batch 5 23112411: 'fluticasone propionate (FLP)' is the comparator the intervention's name states
    article = Article(pmid="1", pmcid=None, doi=None, title="Intranasal ciclesonide and fluticasone propionate", abstract=[
        Section("METHODS", "METHODS", "This study aimed to compare the immediate response to the new intranasal "
                "steroid, ciclesonide (CIC), with fluticasone propionate (FLP) in allergic rhinitis."),
        Section("RESULTS", "RESULTS", "Two patients reported mild headache following CIC first, while three felt "
                "mild headache, one dizziness, and one nasal congestion following FLP first administration.")])
    found = {v for f, v in _events(article, "intranasal ciclesonide (vs fluticasone propionate)") if f == "adverse_events"}
    assert found == {"headache"}
    # batch 5 28665989: 'active tDCS+exercise (AT+EX)' is the intervention's arm, not a group called 'EX'
    article = Article(pmid="2", pmcid=None, doi=None, title="Addition of transcranial direct current stimulation to "
                      "quadriceps strengthening exercise in knee osteoarthritis: A pilot randomised controlled trial", abstract=[
        Section("METHODS", "METHODS", "A randomised, assessor- and participant-blind, sham-controlled trial was "
                "conducted to assess the safety and feasibility of adding transcranial direct current stimulation (tDCS) "
                "to quadriceps strengthening exercise in knee osteoarthritis (OA), and provide data to inform a fully "
                "powered trial. Participants were randomised to receive active tDCS+exercise (AT+EX) or sham "
                "tDCS+exercise (ST+EX) twice weekly for 8 weeks whilst completing home exercises twice per week."),
        Section("RESULTS", "RESULTS", "One episode of headache in the AT+EX group was reported.")])
    found = {v for f, v in _events(article, "transcranial direct current stimulation added to quadriceps "
                                   "strengthening exercise (vs sham tDCS)") if f == "adverse_events"}
    assert found == {"headache"}


@pytest.mark.parametrize("intervention, sentence", [
    # batch 4 23035837: a fall from baseline is the treated condition's measure
    ("multispecies probiotic mixture", "Compared to baseline, a significant decrease in 1) sensation of anorectal "
     "obstruction from 90.0% to 45.0% (p < 0.01), 2) sensation of incomplete evacuation from 90.0% to 40.0% (p < "
     "0.01), 3) straining during defecation from 100% to 65% (p = 0.01), 4) episodes of abdominal pain from 60% to "
     "20% (p = 0.01) and 5) the presence of reflux episodes from 60% to 20% in week four (p = 0.01) was found."),
    # batch 5 24429320: symptoms at baseline are no harm of the treatment
    ("wood-burning clay cookstove", "Headache, back pain and cough were the most commonly reported symptoms at "
     "baseline and follow-up."),
])
def test_symptoms_read_against_baseline_are_no_events(intervention, sentence):
    article = Article(pmid="1", pmcid=None, doi=None, title=f"A randomised trial of a {intervention}", abstract=[
        Section("METHODS", "METHODS", f"Participants received the {intervention} for four weeks."),
        Section("RESULTS", "RESULTS", sentence)])
    assert not {v for f, v in _events(article, intervention) if f == "adverse_events"}


def test_drug_related_symptoms_listed_are_events():
    # batch 5 27932894: 'opioid-related symptoms, including ...' lists harms, not the condition's symptoms
    article = _article("Patients in the PAR/VAL group also had a reduced risk of experiencing specific opioid-related "
                       "symptoms, including “inability to concentrate” (relative risk =0.53) and “nausea” (relative "
                       "risk =0.60) on Day 2.", title="Effects of parecoxib on postoperative pain and opioid-related "
                       "symptoms following gynecologic surgery", methods="This is a large subset analysis of patients "
                       "from a multicenter, randomized, double-blind, placebo-controlled study of parecoxib/valdecoxib "
                       "(PAR/VAL) for postoperative pain.")
    found = {v for f, v in _events(article, "parecoxib/valdecoxib (vs placebo)") if f == "adverse_events"}
    assert found == {"cognitive_impairment", "nausea"}


@pytest.mark.parametrize("intervention, title, methods, sentence, expected", [
    # batch 4 29085218, batch 5 26850424: a bare 'showed no significant difference' reports no occurrence (rule k)
    ("local wound infiltration with ropivacaine (vs saline)", "Effect of local wound infiltration with ropivacaine on "
     "postoperative pain relief and stress response reduction after open hepatectomy", "A total of 56 patients "
     "undergoing open hepatectomy were randomly divided into two groups: a ropivacaine group (wound infiltration with "
     "ropivacaine solution) and a control group (infiltration with isotonic saline solution).", "Cumulative sufentanil "
     "consumption was significantly lower at 6, 12, 24, and 36 h (P < 0.05 for all) in the ropivacaine group than in "
     "the control group, although the incidence of nausea and vomiting showed no significant difference between the "
     "two groups.", set()),
    ("corticosteroid added to periarticular injection in TKA", "The impact of including corticosteroid in a "
     "periarticular injection for pain control after total knee arthroplasty", "A total of 77 patients, 67 women and "
     "ten men, with a mean age of 74 years (47 to 88) who were about to undergo unilateral TKA were randomly assigned "
     "to have a periarticular injection with or without corticosteroid.", "The rate of complications, including "
     "surgical site infection, was not significantly different between the two groups up to one year "
     "post-operatively.", set()),
    # pool dev 26495402: each event with its own P value was observed in both arms; drowsiness and anxiety, higher in
    # the comparator's arm, occurred with ondansetron too (rule q; gold has sedation and anxiety, round 8)
    ("ondansetron (vs metoclopramide)", "Comparing the Antiemetic Effects of Ondansetron and Metoclopramide in Patients "
     "with Minor Head Trauma", "The patients with minor head trauma associated with nausea and vomiting were randomly "
     "divided into 2 groups: treatment with metoclopramide (10mg/2ml, slow injection) and treatment with ondansetron "
     "(4mg/2ml, slow injection).", "The incidence of fatigue (p=0.44), headache (p=0.58) and dystonia (p=0.06) had no "
     "significant difference in the two groups but the incidence of drowsiness and anxiety in the metoclopramide group "
     "was significantly higher (P < 0.001).", {"fatigue", "headache", "other", "sedation", "anxiety"}),
])
def test_a_bare_no_difference_is_no_occurrence(intervention, title, methods, sentence, expected):
    article = _article(sentence, title=title, methods=methods)
    assert {v for f, v in _events(article, intervention) if f == "adverse_events"} == expected
