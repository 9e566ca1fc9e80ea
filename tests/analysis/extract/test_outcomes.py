"""Outcomes: pain named by the abstract's own wider or alternative term (sentences from the pool dev abstracts)."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.extract.outcomes import pain_aliases
from ketamine_evidence.analysis.records import Article, Section


def article(title: str, *parts: tuple[str | None, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in parts])


def effect(a: Article, intervention: str) -> str:
    found = [f.value for f in extract_findings(a, intervention) if f.field == "pain_effect"]
    return found[0] if found else "not_reported"


def test_wider_and_alternative_terms() -> None:
    # PMC4324478, PMC1866019, PMC4357072 (pool dev, batch 4).
    discomfort = pain_aliases(["We also monitored and compared five parameters of postoperative discomfort: pain, "
                               "painkiller assumption, length of hospitalization, foreign body sensation, and diet "
                               "assumption following IP and IIP procedures."])
    assert discomfort is not None and discomfort.search("IIP procedures produce less postoperative discomfort.")
    symptoms = pain_aliases(["Six hundred and ten patients ... who achieved relief of NSAID-associated symptoms of pain, "
                             "discomfort, or burning in the upper abdomen during two previous studies were enrolled"])
    assert symptoms is not None and symptoms.search("maintaining relief of upper GI symptoms")
    burning = pain_aliases(["Pain or burning sensation, mean clinical score and presence of erythematous areas were "
                            "assessed."])
    assert burning is not None and burning.search("in the reduction in burning sensation (P = 0.18)")
    # a list of outcomes that holds no pain defines no alias
    assert pain_aliases(["Total operative delivery rate, augmentation, pain relief, postpartum haemorrhage, sphincter "
                         "injuries and intrapartum transfer."]) is None


def test_result_on_the_wider_term_is_a_result_on_pain() -> None:
    # PMC4324478 (pool dev, gold improved): pain is one of the five parameters of postoperative discomfort.
    # The whole abstract (one unlabelled paragraph with headings written in it): its arm labels IP / IIP are read from
    # the sentences that define the groups.
    a = article("OSAS Surgery and Postoperative Discomfort: Phase I Surgery versus Phase II Surgery", (None, (
        "Introduction. This study aims to investigate the reasons that discourage the patients affected by OSAS to "
        "undergo orthognathic surgery and compares the postoperative discomfort of phase I (soft tissue surgery) and "
        "phase II (orthognathic surgery) procedures for treatment of OSAS. Material and Methods. A pool of 46 patients "
        "affected by OSAS was divided into two groups: “surgery patients” who accepted surgical treatments of their "
        "condition and “no surgery patients” who refused surgical procedures. The “surgery patients” group was further subdivided into two arms: patients who accepted phase I procedures (IP) and those who "
        "accepted phase II (IIP). To better understand the motivations behind the refusal of II phase procedures, we asked "
        "the patients belonging to both the IP group and “no surgery” group to indicate the main reason that influenced "
        "their decision to avoid II phase procedures. We also monitored and compared five parameters of postoperative discomfort: pain, "
        "painkiller assumption, length of hospitalization, foreign body sensation, and diet assumption following IP "
        "and IIP procedures. Results. The main reason to avoid IIP procedures was the concern of a more severe "
        "postoperative discomfort. Comparison of the postoperative discomfort following IP versus IIP procedures "
        "showed that the former scored worse in 4 out of 5 parameters analyzed. Conclusion. IIP procedures produce "
        "less postoperative discomfort.")))
    assert effect(a, "phase II (orthognathic) surgery for OSAS") == "improved"


def test_background_definition_is_no_alias() -> None:
    # PMC5593173 (pool dev, gold not_reported): 'negative symptoms such as pain' is background, no outcome measured.
    a = article("Placebo can enhance creativity",
                ("BACKGROUND", "The placebo effect is usually studied in clinical settings for decreasing negative "
                               "symptoms such as pain, depression and anxiety."),
                ("METHODS", "Subjects were randomly assigned to a control group who smelled and rated an odorant "
                            "(n = 45), and a placebo group who were treated identically but were also told that the "
                            "odorant increases creativity and reduces inhibitions (n = 45)."),
                ("CONCLUSIONS", "This strengthens the view that placebo can be used not only to reduce negative "
                                "clinical symptoms, but also to enhance positive aspects of cognition."))
    assert effect(a, "placebo odorant with creativity suggestion") == "not_reported"


# Ketamine dev PMC3695250 and PMC4610927: analgesia named by its technique, and abbreviations in brackets.
_TECHNIQUE_SENTENCES = [
    "we investigated the opioid sparing effect of low dose ketamine in patients with intravenous patient-controlled "
    "analgesia (PCA) using fentanyl after lumbar spinal fusion",
    "they were taught how to handle the numerical rating scale (NRS) score, the patient-controlled analgesia (PCA) "
    "device, and the Touch-Test sensor",
]


def test_reordered_patterns_match_as_before() -> None:
    """``NOT_PAIN_OUTCOME`` (word boundary before its look-behinds) and ``_ABBR_PAREN`` (literal ' (' first), rewritten
    for speed, give the matches of their earlier forms."""
    import re

    from ketamine_evidence.analysis.extract import outcomes

    behind_first = re.compile(
        r"(?<!\buse of )(?<!\brate of )(?<!\brates of )(?<!\bneed for )(?<!\buptake of )(?<!\brequest for )"
        r"(?<!\brequests for )\b(epidural|spinal|intrathecal|regional|caudal|patient[- ]controlled|intravenous|thoracic|"
        r"multimodal|opioid[- ]based|balanced)( [\w-]+)? analgesia\b", re.I)
    paren_after = re.compile(r"(?<=[A-Za-z-]) \(([A-Z][A-Za-z0-9-]{1,7})\)")
    texts = _TECHNIQUE_SENTENCES + ["the need for epidural analgesia", "Use of Epidural Analgesia"]
    for text in texts + [t.upper() for t in texts]:
        assert ([m.span() for m in behind_first.finditer(text)]
                == [m.span() for m in outcomes.NOT_PAIN_OUTCOME.finditer(text) if "analgesia" in m.group(0).lower()])
        assert ([(m.span(), m.group(1)) for m in paren_after.finditer(text)]
                == [(m.span(), m.group(1)) for m in outcomes._ABBR_PAREN.finditer(text)])
    assert outcomes.NOT_PAIN_OUTCOME.search(_TECHNIQUE_SENTENCES[0]).group(0) == "intravenous patient-controlled analgesia"
    assert not outcomes.NOT_PAIN_OUTCOME.search("the need for epidural analgesia")
    assert [m.group(1) for m in outcomes._ABBR_PAREN.finditer(_TECHNIQUE_SENTENCES[1])] == ["NRS", "PCA"]


def test_rescue_analgesia_needed_is_lower_better_and_its_time_higher_better() -> None:
    from ketamine_evidence.analysis.extract.outcomes import outcome_polarity
    # Evidence Inference article (meloxicam IV): needing rescue analgesia is the worse outcome
    assert outcome_polarity("the percentage of subjects who required rescue analgesia during the second 24 hours") \
        == "lower_better"
    # pool dev PMC4155290: 'time for' the first rescue is a time to analgesic
    assert outcome_polarity("Time for rescue analgesia was prolonged in Group BF") == "higher_better"


def test_named_outcome_polarity_of_any_outcome() -> None:
    from ketamine_evidence.analysis.extract.outcomes import named_outcome_polarity
    # Evidence Inference prompt outcomes (EI-read split): harms less is better, benefits more is better
    assert named_outcome_polarity("mortality") == "lower_better"
    assert named_outcome_polarity("systolic blood pressure and diastolic blood pressure") == "lower_better"
    assert named_outcome_polarity("satisfaction scores") == "higher_better"
    assert named_outcome_polarity("the success rate in the treatment of ectopic pregnancy") == "higher_better"
    # the pain vocabulary first; an outcome of no known polarity takes ``unknown``
    assert named_outcome_polarity("Time for rescue analgesia was prolonged in Group BF") == "higher_better"
    assert named_outcome_polarity("reaction time") == "higher_better"
    assert named_outcome_polarity("reaction time", unknown=None) is None


def test_pain_words_of_the_general_pain_vocabulary() -> None:
    from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome, outcome_polarity
    # chronic dev PMC3476139, batch 5 PMC4339981, pool dev PMC4608345 under the invariance rewrite `condition_synonyms`
    # ('headache' -> 'cephalalgia', 'neck pain' -> 'cervical pain'): the same reading as the original words
    relief = "Two-hour cephalalgia relief, was noted in 73% in rizatriptan, 53.8% in ibuprofen and 8% in placebo groups."
    assert outcome_polarity(relief) == outcome_polarity(relief.replace("cephalalgia", "headache")) == "higher_better"
    condition = "as a treatment for patients with chronic non-specific cervical pain (CNSNP), on disability"
    assert not is_pain_outcome(condition) and not is_pain_outcome(condition.replace("cervical", "neck"))
    events = "The incidence of fatigue (p=0.44), cephalalgia (p=0.58) and dystonia (p=0.06) had no significant difference"
    assert not is_pain_outcome(events) and not is_pain_outcome(events.replace("cephalalgia", "headache"))


def test_acetylcholinesterase_is_no_ache() -> None:
    from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome
    # batch 7 PMC3635594
    assert not is_pain_outcome("It is estimated that MSF provided a degree of AChE inhibition that should effectively "
                               "enhance memory.")
    assert is_pain_outcome("Patients reported less muscle ache in the treatment group.")


def test_enzyme_rating_of_other_constructs_and_changes_in_named_pain() -> None:
    from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome, outcome_polarity
    # Batch 7 pmid 23116458 (gold not_reported): AChE is acetylcholinesterase.
    assert not is_pain_outcome("It is estimated that MSF provided a degree of AChE inhibition that should effectively "
                               "enhance memory.")
    assert is_pain_outcome("Muscle aches were reported by two patients.")
    # Batch 7 pmid 21630047: a satisfaction rating on a numerical scale is no pain outcome.
    assert not is_pain_outcome("NRS-satisfaction at 4 h was higher for the Bupivacaine group compared with the NaCl "
                               "group (P = 0.01).")
    # Batch 7 pmid 25161987: 'a decrease in abdominal pain' measures the pain, it does not name the condition.
    change = "After treatment, there was a decrease in abdominal pain and distension severity"
    assert is_pain_outcome(change) and outcome_polarity(change) == "lower_better"
    assert not is_pain_outcome("We enrolled 90 patients with abdominal pain and distension.")


def test_a_harm_one_is_free_of_is_a_benefit() -> None:
    """EI-read 12279: 'recurrence-free survival' is more-is-better though 'recurrence' is a harm."""
    from ketamine_evidence.analysis.extract.outcomes import named_outcome_polarity
    assert named_outcome_polarity("The 2- and 5-year recurrence-free survival rate") == "higher_better"
    assert named_outcome_polarity("number of patients free of nausea") == "higher_better"
    assert named_outcome_polarity("recurrence rate") == "lower_better"


def test_consumption_of_an_analgesic_named_by_drug() -> None:
    """Batch 6 PMC5791393: 'additional doses of ketoprofen and pethidine' is analgesic consumption; with the pain score
    higher in the catheterised (comparator) arm, the abstract's explicit absence on consumption gives mixed."""
    from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome, outcome_polarity
    doses = "the number of additional doses of ketoprofen and pethidine administered during the 1st day"
    assert is_pain_outcome(doses) and outcome_polarity(doses) == "lower_better"
    assert is_pain_outcome("ketorolac consumption") and not is_pain_outcome("the duration of hospitalization")
    a = article("The impact of urinary bladder catheterisation after ureterorenoscopic stone removal",
                ("Material and methods", "The patients were divided into the experimental (Group I) and control (Group II) "
                                         "groups. Group I did not have a catheter, Group II was catheterised."),
                ("Results", "Intensity of pain measured by the Visual Analog Scale was higher in Group II. Catheterisation "
                            "does not influence: the number of additional doses of ketoprofen and pethidine administered "
                            "during the 1st day after the operation, the duration of hospitalization."))
    assert effect(a, "no bladder catheterisation after ureterorenoscopic stone removal (vs Foley catheter)") == "mixed"
