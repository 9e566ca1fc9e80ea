"""Arms of one abstract (analysis/extract/arms.py), on sentences from the ketamine development articles."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.arms import LABEL_BEFORE, arms_for, former_latter, word_pattern

KETAMINE = re.compile(r"\b(?:ketamine|esketamine)\b", re.I)

# PMC2876942 (pmc_ketamine): groups defined by letters in parentheses.
DEFINED = ("The patients were randomly assigned to receive either midazolam (Group M) or ketamine-midazolam "
           "(Group KM) as oral premedication, via computer-generated random numbers. The time of hospital "
           "discharge allowance in group M was longer than in group KM (P < 0.05).")
# PMC5018291 (pmc_ketamine): 'group K' defined after the drug, 'group C' after saline, 'group B' after bupivacaine.
AFTER = ("10 mL of saline solution was infiltrated into the nephrostomy tract (group C). 0.25% bupivacaine was "
         "infiltrated into the nephrostomy tract (group B). 0.5 mg/kg ketamine was administered intravenously (group K).")


def test_group_letters_defined_in_parentheses() -> None:
    arms = arms_for(DEFINED, KETAMINE)
    assert arms.side("in group KM") == "intervention"
    assert arms.side("in group M") == "comparator"
    assert arms.side("group M was longer than in group KM") == "both"
    assert arms.side("the time of hospital discharge") is None


def test_group_letter_of_the_intervention_and_saline_control() -> None:
    arms = arms_for(AFTER, KETAMINE)
    assert arms.is_intervention("pain scores in group K")
    assert arms.is_comparator("pain scores in group C")
    assert arms.placebo_controlled  # saline


def test_former_and_latter_are_the_arms_of_the_previous_sentence() -> None:
    previous = "Oral ketamine-midazolam was compared with oral midazolam in 92 children"
    assert former_latter("The former shortened discharge time more than the latter.", previous) == (
        "Oral ketamine-midazolam shortened discharge time more than oral midazolam.")
    assert former_latter("No former arm is named here.", previous) == "No former arm is named here."


def test_the_intervention_name_is_not_an_outcome() -> None:
    # PMID 28442930 (pool dev): the arm is 'thoracic epidural analgesia'; pain is the outcome.
    text = ("Thoracic epidural analgesia reduces myocardial injury in ischemic patients undergoing major abdominal "
            "cancer surgery. Also, there was a significant reduction in dynamic VAS pain score in group PCEA in "
            "comparison to PCIA at all measured time points.")
    arms = arms_for(text, re.compile(r"\bthoracic epidural analgesia\b|\bPCEA\b", re.I))
    assert not arms.pain_outcome("Thoracic epidural analgesia reduces myocardial injury")
    assert arms.polarity("a significant reduction in dynamic VAS pain score in group PCEA") == "lower_better"


def test_distinctive_words_stand_for_a_name_the_abstract_never_uses() -> None:
    # PMID 28904545 (pool dev): 'massage and breastfeeding before venipuncture' is never written out.
    text = ("The lowest mean pain score recorded in the massage group (0.92) whereas it was 4.84 in the "
            "breastfeeding group and 6.16 in the control group.")
    pattern = word_pattern("massage and breastfeeding before venipuncture", text)
    assert pattern is not None and pattern.search("the massage group") and pattern.search("breastfeeding")
    assert not pattern.search("the control group")
    # PMID 15791966 (pool dev): the bracketed comparator is not part of the intervention's name.
    pattern = word_pattern("microlaparoscopic partial salpingectomy with bipolar coagulation (vs loop ligation)",
                           "either bipolar coagulation or loop ligation")
    assert pattern is not None and pattern.search("bipolar coagulation") and not pattern.search("loop ligation")
    assert word_pattern("ketamine", "Morphine was compared with placebo.") is None


def test_group_words_of_the_name_stand_for_the_intervention() -> None:
    # Pool batch 5 (dev): PMC2691927 'the laparoscopic group', PMC5135478 'the PAR/VAL group'.
    from ketamine_evidence.analysis.extract.arms import _group_words
    text = ("The VAS score on postoperative days 1, 3, and 7 was significant lower (P < 0.05) in the laparoscopic "
            "group. Conversion to open group was needed once.")
    assert _group_words(text, "laparoscopic repair of perforated peptic ulcer (vs open repair)") == ["laparoscopic"]
    text = "Pain scores were reduced in the PAR/VAL group (n=98), relative to placebo (n=97), on Day 2"
    assert _group_words(text, "parecoxib/valdecoxib (vs placebo) after gynecologic surgery") == ["PAR/VAL"]


def test_an_abbreviation_for_the_condition_names_no_outcome() -> None:
    # PMC4339981 (pool batch 5, dev): 'patients with chronic non-specific neck pain (CNSNP)' is the condition.
    text = ("The aim of this study was to analyse the effect of an 8-week multimodal physiotherapy programme (MPP) "
            "as a treatment for patients with chronic non-specific neck pain (CNSNP), on disability. "
            "Improvements were observed for disability in patients who suffer CNSNP.")
    arms = arms_for(text, re.compile(r"multimodal physiotherapy programme|MPP"))
    assert not arms.pain_outcome("Improvements were observed for disability in patients who suffer CNSNP.")
    defined = arms_for("Postoperative myalgia (POM) was recorded. POM was lower with rocuronium.",
                       re.compile("rocuronium"))
    assert defined.pain_outcome("POM was lower with rocuronium.")


def test_initials_of_the_name_name_the_arm() -> None:
    # PMC2699080 (pool batch 4, dev): 'the LP group' is laparoscopic pyeloplasty, 'the OP group' the comparator.
    from ketamine_evidence.analysis.extract.arms import _group_words
    text = ("We compared laparoscopic (LP) and open pyeloplasty (OP) in a randomized prospective trial. Compared to OP "
            "group, the post operative diclofenac requirement was significantly less in LP group (mean 107.14 mg).")
    assert _group_words(text, "laparoscopic pyeloplasty (vs open pyeloplasty)") == ["LP"]


def test_group_label_defined_before_it() -> None:
    """Batch 6 PMC5370326: 'saline was added to Group S, 25 μg fentanyl to Group F': each label's treatment comes
    before it, so the text after 'Group S' (', 25 μg fentanyl') does not define S."""
    text = ("All the patients were given peribulbuar block with 5ml lignocaine 2% +3 ml bupivacaine 0.5% +1 ml "
            "hyaluronidase (250 IU). In addition to this 1 ml normal saline was added to Group S, 25 μg fentanyl to "
            "Group F and 25 μg clonidine to Group C. The mean duration of analgesia was significantly longer in group F "
            "(217.71 + 12.67) and C (258.82 + 14.50 min) as compared to group S (131.39 + 9.63 min).")
    arms = arms_for(text, re.compile(r"\bfentanyl\b", re.I))
    assert arms.side("in group F") == "intervention"
    assert arms.side("as compared to group S") == "comparator"


def test_pain_control_is_an_outcome_not_a_control_arm() -> None:
    """Pool dev PMC5396972: 'with better pain control in comparison with perioperative IV analgesia' names no control
    group; batch 6 PMC5984478: 'pain control ... better than those of the control group' names one."""
    arms = arms_for("Patients received PCEA or PCIA.", re.compile(r"\bPCEA\b"))
    assert not arms.is_comparator("reduced significantly postoperative major adverse cardiac events with better pain "
                                  "control in comparison with perioperative IV analgesia")
    assert arms.is_comparator("pain control in the observation group were better than those of the control group")


def test_names_widened_by_a_group_word_run_in_lower_case_with_the_same_matches() -> None:
    # Pool batch 5 (dev) PMC5135478 'the PAR/VAL group', batch 4 PMC2699080 'the LP group': the intervention's
    # names plus the arm's word, pre-checked by the names' keys and the word, match as the re.I pattern does.
    from ketamine_evidence.analysis.extract.arms import _with_names
    from ketamine_evidence.analysis.extract.fast_re import LowerPattern
    from ketamine_evidence.analysis.extract.interventions import resolve_intervention

    for name, word, text in (
            ("parecoxib/valdecoxib (vs placebo) after gynecologic surgery", "PAR/VAL",
             "Pain scores were reduced in the PAR/VAL group (n=98), relative to placebo (n=97), on Day 2"),
            ("laparoscopic pyeloplasty (vs open pyeloplasty)", "LP",
             "Compared to OP group, the post operative diclofenac requirement was significantly less in LP group "
             "(mean 107.14 mg). Laparoscopic pyeloplasty took longer.")):
        names = resolve_intervention(name).pattern
        wider = _with_names(names.pattern, names.flags, (word,), names.keys)
        plain = re.compile(r"%s|\b(?:%s)\b" % (names.pattern, re.escape(word)), names.flags)
        assert isinstance(wider, LowerPattern) and word.lower() in wider.keys
        assert [m.span() for m in wider.finditer(text)] == [m.span() for m in plain.finditer(text)] != []
        assert wider.sub("_", text.upper()) == plain.sub("_", text.upper())


def test_pain_text_is_read_from_the_whole_text_when_asked() -> None:
    # PMC5018291 (pmc_ketamine) names no pain outcome in these definitions; its results sentence does.
    assert not arms_for(AFTER, KETAMINE).pain_text
    results = AFTER + (" Mean VAS scores in the first 30 min and total analgesic consumption in the first 24 h of "
                       "post-operative period were significantly lower in groups BK1 and BK2 in comparison with the "
                       "other groups (P < 0.05).")
    assert arms_for(results, KETAMINE).pain_text


def test_group_labels_before_read_as_with_the_boundary_first(sentences: list[str]) -> None:
    """``LABEL_BEFORE`` checks the word boundary after the first letter of 'group': the same labels as written first."""
    first = re.compile(r"\b[Gg]roups?\s+((?:[A-Z][A-Za-z0-9+-]{0,5})|(?:I{1,3}V?|IV|V)|\d)\b(?!\s*(?:mg|µg|%))")
    texts = sentences + [DEFINED, AFTER]
    found = [[(m.span(), m.group(1)) for m in LABEL_BEFORE.finditer(t)] for t in texts]
    assert found == [[(m.span(), m.group(1)) for m in first.finditer(t)] for t in texts]
    assert sum(map(len, found)) > 10


def test_the_initials_arm_is_found_as_by_a_pattern_of_the_initials() -> None:
    """``_group_words`` reads 'the LP group' from one pattern for every run of capitals (in the stretches that name a
    group) instead of compiling one per name: the same answer as ``\\bLP\\s(?:group|arm)s?\\b``, on the snapshot's
    PMC abstracts for every run of capitals they hold (and its first two letters)."""
    from ketamine_evidence.analysis.extract.arm_definitions import group_matches
    from ketamine_evidence.analysis.extract.arms import _CAPITALS_ARM
    from ketamine_evidence.analysis.parse import parse_file
    from tests.analysis.extract.conftest import SNAPSHOT

    agreed = 0
    lp = ("We compared laparoscopic (LP) and open pyeloplasty (OP) in a randomized prospective trial. Compared to OP "
          "group, the post operative diclofenac requirement was significantly less in LP group (mean 107.14 mg).")
    for path in [*sorted(SNAPSHOT.glob("*.nxml")), None]:
        for text in (a.text for a in parse_file(path)) if path else [lp]:  # and PMC2699080 (pool batch 4, dev)
            runs = {r for run in re.findall(r"[A-Z]{2,}", text) for r in (run, run[:2])}
            for initials in runs:
                found = any(m.group(1) == initials for m in group_matches(_CAPITALS_ARM, text))
                assert found == bool(re.search(rf"\b{initials}\s(?:group|arm)s?\b", text))
                agreed += found
    assert agreed >= 3  # LP, OP and one snapshot abstract's group


# Ketamine dev PMC3897026: the case group is the ketamine arm, named once with the drug and once with 'in the'.
_CASE_SENTENCES = [
    "After ventilation with mask and oxygen, patients were intubated. In the case group, ketamine 0.5 mg/kg was given "
    "intravenously during anesthesia induction. Patients allocated to the control group were given an identical volume",
    "Ketamine 0.5 mg/kg was administered intravenously to patients in the case group during anesthetic induction.",
    "Patients allocated to the control group were given an identical volume",
]


def test_case_group_found_from_its_group_word() -> None:
    """The 'case group' patterns written from their literal 'group' (for speed) find what the word-first forms find."""
    from ketamine_evidence.analysis.extract import arms

    word_first = re.compile(r"\b(case|study|treatment|intervention|experimental|active) group\b[^.]{0,80}", re.I)
    to_word_first = re.compile(r"\b(in|to) (the )?(case|study|intervention|experimental) group", re.I)
    for text in _CASE_SENTENCES + [s.upper() for s in _CASE_SENTENCES]:
        old, new = word_first.search(text), arms._CASE_GROUP.search(text)
        assert (old and old.group(0)) == (new and text[new.start(new.lastindex):new.end()])
        assert bool(to_word_first.search(text)) == bool(arms._TO_CASE_GROUP.search(text))
    ketamine = re.compile(r"\bketamine\b", re.I)
    assert arms._CASE_GROUP.search(_CASE_SENTENCES[0]).group(0) == "group, ketamine 0"
    assert [arms._case_is_intervention(s, ketamine) for s in _CASE_SENTENCES] == [True, True, False]
    assert [bool(arms._TO_CASE_GROUP.search(s)) for s in _CASE_SENTENCES] == [True, True, False]


# chronic dev 22887778, with its number in digits as many abstracts write it: a count of groups is no group label.
COUNTED = ("379 patients were randomly assigned to 3 groups (combination, n = 163; methyl nicotinate, n = 164; "
           "placebo, n = 52). The AUC of the VAS on active standardised movement was markedly smaller in the "
           "combination treatment group than in the methyl nicotinate and in the placebo group (ANOVA: p < 0.0001).")


def test_a_count_before_groups_is_no_label() -> None:
    from ketamine_evidence.analysis.extract.arms import LABEL_AFTER

    assert LABEL_AFTER.search("randomly assigned to 3 groups (combination") is None
    assert LABEL_AFTER.search("in the 2 group") is not None  # a digit before a singular 'group' still names one
    arms = arms_for(COUNTED, re.compile(r"\bcomfrey root extract|combination\b", re.I))
    assert arms.is_intervention("in the combination treatment group")


def test_a_bracketed_list_of_label_comma_treatment_defines_each_arm() -> None:
    # ketamine dev 25302093: '(Group N, normal saline; Groups L, lidocaine 40 mg; ...)' defines N as the saline arm
    # and L, R as active comparators, whatever their letters (the arms survive renumbering as 'group 1..4')
    text = ("Patients were allocated into 4 groups according to the pretreatment drugs (Group N, normal saline; "
            "Groups L, lidocaine 40 mg; Group K, ketamine 0.5 mg/kg; Group R, remifentanil 1 µg/kg). "
            "Incidence of withdrawal response was significantly lower in group L (20%), group K (30%), and group R "
            "(0%), than group N (87%).")
    arms = arms_for(text, KETAMINE)
    assert arms.side("group L (20%)") == "comparator" and arms.side("group K (30%)") == "intervention"
    assert arms.placebo_labels is not None and arms.placebo_labels.search("than group N (87%)")
    # a count after the comma defines nothing: chronic dev 25606563 '(group L, 40 patients'
    counted = arms_for("(group L, 40 patients) or (group ML, 48 patients).", re.compile(r"\bmesotherapy\b", re.I))
    assert counted.placebo_labels is None


def test_a_label_bracketed_after_an_arm_phrase_takes_its_side() -> None:
    # pool dev 24373265 under the arm_letters rewrite: 'the experimental group (group U)' is the treated arm, whatever
    # its letter, and 'the control group (group T)' the control
    text = ("This clinical trial was conducted to study 195 women (132 in the control group (group T) and 63 in the "
            "experimental group (group U)) who had attended healthcare centers in the city of Amol after their 16th "
            "gestational week. The Visual Analogue Scale suggested that in the transitional stages (8-10 cm cervical "
            "dilation), the level of pain felt by group U was meaningfully lower than that felt by group T (p=0.03).")
    arms = arms_for(text, re.compile(r"\bprenatal education\b", re.I))
    assert arms.side("felt by group U") == "intervention"
    assert arms.side("felt by group T") == "comparator"


def test_a_label_is_not_defined_by_the_arm_it_is_compared_with() -> None:
    # Batch 7 PMC3262135: 'the NaCl group' is compared with the bupivacaine group, not defined by it
    text = ("A total of 282 patients were randomised to 10 cc NaCl 0.9%, 10 cc Bupivacaine 0.5% or 10 cc Ropivacaine "
            "0.75%. One-h NRS-scores at rest were higher in the NaCl group compared with the Bupivacaine group "
            "(P < 0.01).")
    arms = arms_for(text, re.compile(r"bupivacaine", re.I))
    assert arms.is_comparator("the NaCl group") and not arms.is_intervention("the NaCl group")



def test_a_label_written_as_x_group_is_no_product_name() -> None:
    """Batch 7 PMC5735476 under the group_form rewrite: 'the D15 group' is the label 'Group D15' (never defined as a
    comparator), not another product's 'X group'; either form leaves it unassigned."""
    import re as _re
    from ketamine_evidence.analysis.extract.arms import arms_for as _arms_for
    text = ("Group BD15 (n = 30): intrathecal bupivacaine 12.5 mg + dexmedetomidine 15 μg. The time taken for two-segment "
            "sensory regression Group D5-96.66 ± 33.67, Group D10-116.80 ± 36.27, and the D15 group 120.96 ± 30.24.")
    arms = _arms_for(text, _re.compile(r"\bdexmedetomidine\b", _re.I))
    assert not arms.is_comparator("in the D15 group") and not arms.is_comparator("Group D15")
    named = _arms_for(text + " The Ringer group had more pain.", _re.compile(r"\bdexmedetomidine\b", _re.I))
    assert named.is_comparator("the Ringer group")  # a word without a digit stays another product's group


def test_either_or_neither_before_group_names_no_arm() -> None:
    """Batch 4 22844334 with its no-difference sentence as the negated_benefit rewrite words it: 'either group' was
    taken as a comparator's label, so the verdict counted as against an active treatment and was set aside."""
    text = ("Sixty-two patients who had undergone a TKR were randomly assigned to the acupressure group and the sham "
            "control group. There was no superiority of either group in pain relief at all points.")
    arms = arms_for(text, re.compile("acupressure", re.I))
    assert not arms.is_comparator("either group")
    assert arms.is_comparator("the sham control group")
