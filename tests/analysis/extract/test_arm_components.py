"""Which arm is the intervention in combination and add-on designs (arms12, round 12): the add-on's base named alone
is the comparator (analysis/extract/arm_components.py, read by ``arms.article_arms``), a dose stated 'for group X'
defines the label (``arm_definitions.label_defined_before``), a subject 'it' / 'they' is the previous clause's arm
(``arm_definitions.pronoun_arm``), and an abbreviation of the name's words with a generic head names the
intervention (``arm_abbreviations.initials_abbreviations``). Texts are dev abstracts: batch 4 PMC4293505, blind2
PMC3570228 and PMC3868679 (both dev this round)."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract import extract_findings, make_context
from ketamine_evidence.analysis.extract.arm_abbreviations import initials_abbreviations
from ketamine_evidence.analysis.extract.arm_components import added_components, alone_arms, arm_names
from ketamine_evidence.analysis.extract.arm_definitions import pronoun_arm
from ketamine_evidence.analysis.extract.arms import article_arms, arms_for
from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.records import Article, Section

# batch 4 PMC4293505 (gold pain_effect improved)
RAMOSETRON = "ramosetron plus dexamethasone (vs ramosetron alone and saline control)"
RAMOSETRON_TITLE = ("Comparison of Ramosetron Plus Dexamethasone with Ramosetron Alone on Postoperative Nausea, Vomiting, "
                    "Shivering and Pain after Thyroid Surgery")
RAMOSETRON_METHODS = (
    "One hundred and eight patients scheduled for thyroid surgery were randomly allocated to three different groups: "
    "the control group (group C, n = 36), the ramosetron group (group R, n = 36), or the ramosetron plus dexamethasone "
    "group (group RD, n = 36). The patients were treated intravenously with 1 and 2 ml of 0.9% NaCl (group C); or 2 ml "
    "of 0.15 mg/ml ramosetron plus 1 ml of 0.9% NaCl (group R); or 2 ml of 0.15 mg/ml ramosetron plus 1 ml of 5 mg/ml "
    "dexamethasone (group RD) immediately after anesthesia.")
RAMOSETRON_CONCLUSION = (
    "Combination of ramosetron and dexamethasone significantly reduced not only the incidence of nausea and need for "
    "rescue antiemetics, but also the VRS 1 hour pain value, ketorolac consumption, and the incidence of shivering "
    "compared to ramosetron alone in patients undergoing thyroid surgery.")

# blind2 PMC3570228 (gold pain_effect improved): the combination's groups I-III against remifentanil alone (group IV)
REMI = "sufentanil combined with remifentanil in target-controlled infusion with propofol (vs remifentanil alone)"
REMI_GROUPS = (
    "These target concentrations were: 4 ng/ml remifentanil + 0.2 ng/ml sufentanil for group I; 3 ng/ml remifentanil "
    "+ 0.3 ng/ml sufentanil for group II; 2 ng/ml remifentanil + 0.5 ng/ml sufentanil for anesthesia induction and "
    "post-intubation 3 ng/ml remifentanil + 0.2 ng/ml sufentanil for anesthesia maintenance for group III; and 5 ng/ml "
    "remifentanil for anesthesia induction and post-intubation 4 ng/ml remifentanil for anesthesia maintenance for "
    "group IV.")
REMI_RESULT = ("Although group IV had shorter postoperative eye-opening and extubation times compared with the other "
               "groups (P<0.05), it also had higher restlessness and pain scores (P<0.01).")

# blind2 PMC3868679 (gold pain_effect worse)
SILS = "single incision laparoscopic cholecystectomy (vs three-port)"
SILS_TEXT = (
    "Single incision laparoscopic surgery (SILS) was developed with the aim of reducing the invasiveness of "
    "conventional laparoscopy. In this prospective study, 100 patients who underwent laparoscopic cholecystectomy for "
    "gallbladder disease were randomly allocated to SILS cholecystectomy (group 1) or TPCL cholecystectomy (group 2). "
    "Higher pain scores were observed in group 1 versus group 2 in postoperative day 1 (P < 0.05).")


def article(title: str, *texts: str) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title, abstract=[Section("", "", t) for t in texts])


def pain_effect(art: Article, name: str) -> str | None:
    found = [f for f in extract_findings(art, resolve_intervention(name)) if f.field == "pain_effect"]
    return found[0].value if found else None


def test_the_base_alone_is_no_name_of_the_intervention() -> None:
    """'ramosetron plus dexamethasone (vs ramosetron alone ...)': the arm reader names the add-on drug, not the base."""
    iv = resolve_intervention(RAMOSETRON)
    assert "ramosetron" in iv.synonyms  # the name's first drug, kept for dose and route readers
    names = arm_names(iv, RAMOSETRON, ["ramosetron"])
    assert names is not None and "ramosetron" not in names.synonyms and "dexamethasone" in names.synonyms


def test_no_change_without_an_added_drug_or_when_the_name_is_the_base() -> None:
    iv = resolve_intervention(RAMOSETRON)
    assert arm_names(iv, "ramosetron alone", ["ramosetron"]) is None  # nothing added to the base
    assert arm_names(resolve_intervention("ketamine"), "ketamine plus propofol (vs ketamine alone)", ["ketamine"]) is None


def test_the_base_group_is_the_comparator_and_the_combination_the_intervention() -> None:
    ctx = make_context(article(RAMOSETRON_TITLE, RAMOSETRON_METHODS, RAMOSETRON_CONCLUSION), RAMOSETRON)
    arms = article_arms(ctx)
    assert arms.side("compared to ramosetron alone") == "comparator"
    assert arms.side("the ramosetron group (group R)") == "comparator"
    assert arms.side("in group RD") == "intervention"
    assert arms.base is not None and arms.base.search("ramosetron alone")  # the add-on's control (additions rule g)


def test_a_dose_for_group_x_defines_the_label() -> None:
    """'... sufentanil for group I; ... remifentanil ... for group IV': groups I-III get the combination, IV the base."""
    arms = arms_for(REMI_GROUPS, resolve_intervention(REMI).pattern)
    assert [arms.side(f"in group {g}") for g in ("I", "II", "III", "IV")] == [
        "intervention", "intervention", "intervention", "comparator"]


def test_it_is_the_previous_clause_subject_arm() -> None:
    arms = arms_for(REMI_GROUPS, resolve_intervention(REMI).pattern)
    previous, clause = REMI_RESULT.split(", it", 1)
    assert pronoun_arm("it" + clause, previous, arms.side).startswith("group IV also had higher")


def test_it_is_left_alone_when_not_the_subject_or_not_one_arm() -> None:
    arms = arms_for(REMI_GROUPS, resolve_intervention(REMI).pattern)
    said = "it was noted that pain scores were higher"  # an expletive 'it'
    assert pronoun_arm(said, "group IV had shorter extubation times", arms.side) == said
    had = "it also had higher pain scores"
    assert pronoun_arm(had, "Pain was lower in group IV and group I", arms.side) == had  # no arm as the subject
    assert pronoun_arm(had, "extubation times of group IV were shorter", arms.side) == had  # the arm is no subject


def test_the_combination_trial_reads_improved() -> None:
    """Group IV (the base alone) had higher pain scores: the combination improved pain (blind2 gold)."""
    assert pain_effect(article("Effects of different doses of sufentanil and remifentanil combined with propofol",
                               REMI_GROUPS, REMI_RESULT), REMI) == "improved"


def test_an_abbreviation_with_a_generic_head_names_the_intervention() -> None:
    """'Single incision laparoscopic surgery (SILS)' for 'single incision laparoscopic cholecystectomy': 'surgery' is
    the kind of treatment, the other words are the name's; 'three port laparoscopic surgery' would not be."""
    assert initials_abbreviations(SILS_TEXT, SILS) == ["SILS"]
    assert initials_abbreviations("Conventional laparoscopic surgery (CLS) was used.", SILS) == []
    assert initials_abbreviations("Laparoscopic surgery (LS) was used.", SILS) == []  # two words: too little of the name


def test_the_sils_group_is_the_intervention() -> None:
    assert pain_effect(article("The comparison of single incision laparoscopic cholecystectomy and three port "
                               "laparoscopic cholecystectomy", SILS_TEXT), SILS) == "worse"


def test_an_auxiliary_have_is_no_verb_of_having() -> None:
    """MEDLINE 26363387: '..., it has become less popular due to the high rates of androgenic adverse events'."""
    arms = arms_for(REMI_GROUPS, resolve_intervention(REMI).pattern)
    said = "it has become less popular"
    assert pronoun_arm(said, "group IV had shorter extubation times", arms.side) == said
    assert pronoun_arm("it had higher pain scores", "group IV had shorter extubation times", arms.side).startswith("group IV")


# --- arms13, round 13: every added component is the intervention's; a comparator that is a part of the name is the base

# batch 6 PMC4631853 (gold: propofol the base in all arms, the opioid add-on arms read together, rule aj)
ERCP = "propofol combined with remifentanil or fentanyl for ERCP sedation (vs propofol alone)"
ERCP_METHODS = (
    "The patients were administered only propofol (1.5 mg/kg) in Group Ι, remifentanil (0.05 μg/kg) + propofol "
    "(1.5 mg/kg) combination in Group II, and fentanyl (1 μg/kg) + propofol (1.5 mg/kg) combination in Group III.")
ERCP_TITLE = ("Comparison of Propofol, Propofol-Remifentanil, and Propofol-Fentanyl Administrations with Each Other Used "
              "for the Sedation of Patients to Undergo ERCP")


def test_every_added_drug_names_the_intervention() -> None:
    """'A combined with B or C (vs A alone)': the C arm is the intervention's too, not only the first-named B's."""
    assert added_components(ERCP, {"propofol"}) == ["remifentanil", "fentanyl"]
    arms = article_arms(make_context(article(ERCP_TITLE, ERCP_METHODS), ERCP))
    assert arms.side("in Group II") == "intervention"
    assert arms.side("in Group III") == "intervention"  # read as a comparator when only remifentanil was named
    assert arms.side("fentanyl (1 μg/kg) + propofol (1.5 mg/kg) combination") == "intervention"


def test_components_end_at_the_setting_and_the_base_keeps_its_modifiers() -> None:
    # blind2 PMC3570228: the propofol after 'in target-controlled infusion with' is every arm's
    assert added_components(REMI, {"remifentanil"}) == ["sufentanil"]
    # batch 5 PMC5599918: 'fentanyl-based IV-PCA' is the base, 'fentanyl-based' no added component
    assert added_components("dexmedetomidine added to fentanyl-based IV-PCA (vs thoracic epidural PCA or IV-PCA alone)",
                            {"iv-pca"}) == ["dexmedetomidine"]


def test_a_non_drug_add_on_is_named_by_its_treatment_words() -> None:
    # batch 4 PMC2758835: no drug added, the manual therapy is what differs
    assert added_components("manual therapy added to usual care (vs usual care alone)", {"care"}) == ["manual therapy"]
    # MEDLINE 26432320 (title 'Maxillary protraction with alternating rapid palatal expansion and constriction vs
    # expansion alone'): the constriction is what the arms do not share
    name = "maxillary protraction with alternating rapid palatal expansion and constriction (vs expansion alone)"
    assert alone_arms(name, "") == ["expansion"]
    iv = resolve_intervention(name)
    changed = arm_names(iv, name, ["expansion"])
    assert changed is not None and "constriction" in changed.synonyms


def test_a_comparator_that_is_one_component_is_the_base() -> None:
    """'A plus B (vs placebo plus B)' (batch 4 PMC3003523): B is every arm's; what differs, A, is the intervention."""
    name = "certolizumab pegol plus methotrexate (vs placebo plus methotrexate)"
    assert alone_arms(name, "") == ["methotrexate"]
    assert added_components(name, {"methotrexate"}) == ["certolizumab pegol"]
    # 'diclofenac potassium alone': both of its words are the base (batch 4 PMC1291385), not 'potassium' only
    assert alone_arms("dexamethasone co-administered with diclofenac potassium (vs diclofenac potassium alone)",
                      "") == ["diclofenac", "potassium"]


def test_a_comparator_with_its_own_words_is_no_base() -> None:
    # batch 5 PMC5490116: 'IV dexamethasone' differs from 'caudal dexamethasone' by its route
    assert alone_arms("caudal dexamethasone with ropivacaine (vs IV dexamethasone or ropivacaine alone)",
                      "") == ["ropivacaine"]
    # batch 4 PMC3543348: a sham of the treatment ('placebo laser') is no base
    assert alone_arms("low-level laser therapy on tender points (vs placebo laser), with exercise in both arms", "") == []
    assert alone_arms("Melatonin premedication (vs placebo)", "") == []  # MEDLINE: no combination
