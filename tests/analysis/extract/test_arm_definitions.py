"""Arm definitions relative to the arm's name (analysis/extract/arm_definitions.py), on batch 6 sentences."""

from __future__ import annotations

import random
import re

from ketamine_evidence.analysis.extract.arm_abbreviations import _NAMED_ARM
from ketamine_evidence.analysis.extract.arm_definitions import (_FUTURE_TRIAL, group_matches, label_defined_before,
                                                                label_window,
                                                                word_group_given)
from ketamine_evidence.analysis.extract.arms import _ARM_WORD, LABEL_AFTER, WORD_GROUP, arms_for
from ketamine_evidence.analysis.extract.design_cues import FUTURE_TRIAL
from ketamine_evidence.analysis.parse import parse_file
from tests.analysis.extract.conftest import SNAPSHOT

# Batch 6 PMC5984478: the experimental arm is called 'the observation group'.
OVARIAN = ("Seventy-five patients with advanced ovarian cancer were grouped into observation (n = 36) and control "
           "(n = 37) groups according to different treatment methods. The control group was received chemotherapy "
           "alone (paclitaxel + cisplatin chemotherapy), and on the basis of systemic chemotherapy, the observation "
           "group was administered therapy in conjunction with abdominal pelvic radiofrequency hyperthermia.")
HYPERTHERMIA = re.compile(r"\bradiofrequency hyperthermia\b", re.I)


def test_an_x_group_given_the_intervention_is_its_arm() -> None:
    end = OVARIAN.index("observation group was") + len("observation group")
    assert word_group_given(OVARIAN, end, HYPERTHERMIA)
    assert not word_group_given(OVARIAN, OVARIAN.index("control group was") + len("control group"), HYPERTHERMIA)
    arms = arms_for(OVARIAN + " Pain control in the observation group was better than in the control group.",
                    HYPERTHERMIA)
    assert arms.side("in the observation group") == "intervention"
    assert arms.side("the control group") == "comparator"


def test_a_label_closing_its_clause_is_defined_before_it() -> None:
    text = "In addition to this 1 ml normal saline was added to Group S, 25 μg fentanyl to Group F and 25 μg clonidine."
    fentanyl = re.compile(r"\bfentanyl\b", re.I)
    s = text.index("Group S")
    f = text.index("Group F")
    assert label_defined_before(text, s, s + 7, 0, fentanyl) is False
    assert label_defined_before(text, f, f + 7, s + 7, fentanyl) is True
    assert label_defined_before("Group S received saline.", 0, 7, 0, fentanyl) is None


def test_a_trial_called_for_has_no_placebo_arm_here() -> None:
    """Batch 4 PMC3502183 (uncontrolled pilot): the placebo-controlled trial is what the authors ask for next."""
    text = ("Compared to baseline, a significant decrease in 4) episodes of abdominal pain from 60% to 20% (p = 0.01) "
            "was found. Ecologic®Relief is effective in the treatment of constipation during pregnancy. A randomised "
            "placebo controlled trial is required to confirm these data.")
    probiotic = re.compile(r"\bEcologic®Relief\b")
    assert not arms_for(text, probiotic).placebo_controlled
    assert arms_for(text.replace("A randomised placebo controlled trial is required to confirm these data.",
                                 "Placebo was given to the control group."), probiotic).placebo_controlled


def test_a_trial_called_for_is_found_as_by_the_case_insensitive_pattern(sentences: list[str]) -> None:
    """``present_arms_text`` reads ``FUTURE_TRIAL`` in lower case (``fast_re``): the same sentences are left out."""
    called_for = "A randomised placebo controlled trial is required to confirm these data."  # the module's example
    texts = sentences + [called_for, called_for.upper()]
    assert [bool(_FUTURE_TRIAL.search(t)) for t in texts] == [bool(FUTURE_TRIAL.search(t)) for t in texts]
    assert _FUTURE_TRIAL.search(called_for.upper()) and not _FUTURE_TRIAL.search(sentences[0])


def test_group_patterns_read_in_their_stretches_find_what_they_find_in_the_whole_text() -> None:
    """``group_matches``: the same matches of each 'X group' pattern of ``arms`` as ``finditer`` over the whole text,
    on the snapshot's PMC abstracts and on random strings of the characters at a stretch's edges."""
    texts = [a.text for path in sorted(SNAPSHOT.glob("*.nxml")) for a in parse_file(path)]
    rng = random.Random(5)
    alphabet = ["group", "Group", "arm", "s", " ", "\u00a0", "K", "2", "-", "+", "/", ".", ",", "(", ")", "µg", "mg",
                "treated", "x", "é"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60))) for _ in range(3000)]
    total = 0
    for pattern in (WORD_GROUP, LABEL_AFTER, _ARM_WORD, _NAMED_ARM):
        for text in texts:
            whole = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in group_matches(pattern, text)] == whole
            total += len(whole)
    assert total > 500


# Batch 7 PMC (pmid 23225930): each arm's doses given 'in group X'; neostigmine is the intervention.
NEOSTIGMINE = ("The test drug was normal saline (0.5 ml) in group I; fentanyl 20 mcg (0.4 ml) and normal saline (0.1 ml) in "
               "group II; and fentanyl 20 mcg (0.4 ml) and neostigmine 1 mcg (0.1 ml) in group III.")


def test_a_dose_given_in_a_group_defines_it() -> None:
    neostigmine = re.compile(r"\bneostigmine\b", re.I)
    one, two, three = (NEOSTIGMINE.index(f"group {n}{end}") for n, end in (("I", ";"), ("II", ";"), ("III", ".")))
    assert label_defined_before(NEOSTIGMINE, one, one + 7, 0, neostigmine) is False
    assert label_defined_before(NEOSTIGMINE, two, two + 8, one + 7, neostigmine) is False
    assert label_defined_before(NEOSTIGMINE, three, three + 9, two + 8, neostigmine) is True
    # a result 'in group K.' has no dose: not a definition
    assert label_defined_before("Pain scores were lower in group K.", 25, 32, 0, neostigmine) is None


def test_label_window_skips_counts_and_sees_results() -> None:
    # Batch 7 pmid 28298754 and 28298753.
    assert label_window(" (n = 39), 30 ml 0.5% levobupivacaine + 10 mg nalbuphine hydrochloride").startswith(
        "(30 ml 0.5% levobupivacaine")
    assert label_window(" (49.03 ± 12.8 min) compared to group M") is None
    assert label_window(" (P < 0.005) patients") is None
    assert label_window(" (23% of patients) during the procedure") is None
    assert label_window(" (0.25% bupivacaine)") == " (0.25% bupivacaine)"  # a concentration defines the arm


def test_labels_of_results_brackets_and_counts_take_the_right_side() -> None:
    # Batch 7 pmid 28298754: 'In Group LN (n = 39), 30 ml 0.5% levobupivacaine + 10 mg ... nalbuphine'.
    text = ("In Group LN (n = 39), 30 ml 0.5% levobupivacaine + 10 mg (diluted in 2 ml 0.9% saline) nalbuphine "
            "hydrochloride, and in Group LC (n = 39), 30 ml 0.5% levobupivacaine + 2 ml normal saline (0.9%) were "
            "administered in supraclavicular block. Postoperative VAS value at 24 h was significantly lower in Group LN "
            "(P < 0.05).")
    arms = arms_for(text, re.compile(r"\bnalbuphine\b", re.I))
    assert arms.side("in Group LN") == "intervention"
    assert arms.side("in Group LC") == "comparator"
    # Batch 7 pmid 21630047: 'the NaCl group compared with the Bupivacaine group' uses the label; NaCl is placebo.
    text = ("A total of 282 patients were randomised to 10 cc NaCl 0.9%, 10 cc Bupivacaine 0.5% or 10 cc Ropivacaine "
            "0.75%. One-h NRS-scores at rest were higher in the NaCl group compared with the Bupivacaine group (P < 0.01).")
    arms = arms_for(text, re.compile(r"\b(bupivacaine|ropivacaine)\b", re.I))
    assert arms.side("in the NaCl group") == "comparator"


def test_compared_to_a_label_defines_nothing() -> None:
    # batch 5 29197345 (as the invariance rewrite comparison_wording writes it): 'to group D' after 'compared' is a use
    text = ("Patients were divided randomly into four groups of 30 patients: group P received placebo, group E received "
            "etoricoxib 120 mg, group D received duloxetine 60 mg. Etoricoxib showed a significant decrease in pain at "
            "all times at rest when compared to group P, it showed significant pain decrease only at 0, 2 and 4 h when "
            "compared to group D.")
    start = text.rindex("group D")
    assert label_defined_before(text, start, start + len("group D"), 0, re.compile("etoricoxib", re.I)) is None
    given = "saline was added to group S."
    assert label_defined_before(given, given.index("group S"), len(given) - 1, 0, re.compile("saline")) is True


def test_a_count_in_a_result_clause_is_a_use_of_the_label() -> None:
    # batch 5 28663633 with the arm's count repeated (invariance arm_counts): no definition follows the count
    assert label_window(" (n = 32) for up to 24 h following the caudal block") is None
    # batch 4 25190950: 'Group B (n = 45) receiving TAP block with 0.25% bupivacaine': a definition follows it
    assert label_window(" (n = 45) receiving TAP block with 0.25% bupivacaine").startswith("(receiving TAP block")


def test_the_arm_defined_without_a_negation_is_the_intervention() -> None:
    """Batch 7 PMC5041956: 'Group A (using the model; n = 43) versus Group B (not using the model; n = 60)', where no
    definition names the intervention as written ('preoperative mathematic model for CT-guided microwave ablation')."""
    from ketamine_evidence.analysis.extract.arm_definitions import negated_pair
    text = ("A total of 103 patients with hepatic dome tumors were enrolled and randomly divided into 2 groups based on "
            "whether this model was used or not: Group A (using the model; n = 43) versus Group B (not using the model; "
            "n = 60). The incidence of right shoulder pain was less in Group A than Group B.")
    arms = arms_for(text, re.compile(r"\bpreoperative mathematic model\b", re.I))
    assert arms.is_intervention("in Group A") and not arms.is_comparator("in Group A") and arms.is_comparator("Group B")
    assert negated_pair({"A": "(using the model; n = 43)", "B": "(without the model)"}) is None  # not the same words
    assert negated_pair({"A": "(no catheter)", "B": "(catheter)"}) == "B"


def test_label_window_reads_a_capital_n_count_and_a_plus_sd_as_results() -> None:
    # batch 6 28405129 writes a mean and its SD with '+': 'group F (217.71 + 12.67) and C (258.82 + 14.50 min)'
    assert label_window(" (217.71 + 12.67) and C (258.82 + 14.50 min)") is None
    assert label_window(" (258.82 + 14.50 min) as compared to group S (131.39 + 9.63 min)") is None
    # batch 7 28298754's count written 'N=39' (invariance n_notation), as batch 6 22772328 writes its counts
    assert label_window(" (N=39), 30 ml 0.5% levobupivacaine + 10 mg nalbuphine hydrochloride").startswith(
        "(30 ml 0.5% levobupivacaine")
