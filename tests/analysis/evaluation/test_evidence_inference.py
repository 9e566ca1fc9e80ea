"""Evidence Inference evaluation: prompt loading, the answer for one prompt, and the metrics."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.evaluation import ei_corpus
from ketamine_evidence.analysis.evaluation import evidence_inference as ei
from tests.conftest import EVAL

ROOT = EVAL / "external" / "evidence_inference"
pytestmark = pytest.mark.skipif(not (ROOT / "prompts_merged.csv").is_file(), reason="shared corpus not present")


def test_pain_prompts_have_majority_labels() -> None:
    prompts = ei.load_prompts(ROOT)
    assert len(prompts) == 119
    assert {p.label for p in prompts} <= set(ei.LABELS)
    assert all(ei.PAIN_OUTCOME.search(p.outcome) for p in prompts)


def test_answer_reads_a_sentence_of_the_article() -> None:
    prompts = ei.load_prompts(ROOT)[:5]
    for p in prompts:
        sentences = ei.article_sentences(ROOT / "articles" / f"PMC{p.pmcid}.txt")
        assert sentences and any(s.abstract for s in sentences)
        answer = ei.answer(p, sentences)
        assert answer.label in ei.LABELS
        assert answer.sentence is None or any(answer.sentence == s.text for s in sentences)


def test_direction_maps_through_outcome_polarity() -> None:
    prompt = ei.Prompt("x", "0", "time to first analgesic request", "ketamine", "placebo", "significantly increased")
    sentences = [ei.ArticleSentence(t, True, frozenset(ei._stems(t))) for t in (
        "Time to first analgesic request was significantly longer with ketamine than with placebo (P < 0.01).",)]
    assert ei.answer(prompt, sentences).label == "significantly increased"
    prompt = ei.Prompt("y", "0", "pain scores", "ketamine", "placebo", "significantly decreased")
    sentences = [ei.ArticleSentence(t, True, frozenset(ei._stems(t))) for t in (
        "Ketamine was superior to placebo for pain scores (P < 0.01).",)]
    assert ei.answer(prompt, sentences).label == "significantly decreased"


def test_metrics_on_a_few_prompts() -> None:
    result = ei.evaluate_evidence_inference(ROOT, limit=6)
    assert result["n"] == 6
    correct = sum(r["gold"] == r["predicted"] for r in result["rows"])
    assert result["accuracy"] == pytest.approx(correct / 6)
    assert 0.0 <= result["macro_f1"] <= 1.0
    rows = [{"gold": "significantly increased", "predicted": "significantly increased"},
            {"gold": "no significant difference", "predicted": "significantly increased"}]
    s = ei.score(rows)
    assert s["accuracy"] == 0.5
    assert s["per_label"]["significantly increased"]["precision"] == 0.5
    assert s["macro_f1"] == pytest.approx((2 / 3 + 0.0) / 2)


def test_main_rejects_a_wrong_directory(tmp_path, capsys) -> None:
    assert ei.main([str(tmp_path)]) == 7
    assert "not an Evidence Inference directory" in capsys.readouterr().err


def test_respective_direction_words_follow_the_outcome_list() -> None:
    clause = ("Doses of morphine usage for controlling postoperative pain and the first analgesic demand were "
              "significantly lower and longer in study group.")
    assert ei._respective(clause, ei._stems("The first analgesic demand (minutes)")) == "up"
    assert ei._respective(clause, ei._stems("doses of morphine usage")) == "down"


def _sentences(*texts: str) -> list:
    return [ei.ArticleSentence(t, True, frozenset(ei._stems(t)), "ABSTRACT.RESULTS") for t in texts]


def test_combination_prompt_reads_the_combination_not_the_drug_alone() -> None:
    # Adapted from PMC1084341: 'fentanyl with ketamine' vs 'fentanyl'.
    prompt = ei.Prompt("c", "0", "electrical pain threshold", "fentanyl with ketamine", "fentanyl",
                       "significantly increased")
    text = ("While ketamine did not result in a change in electrical pain threshold when administered alone "
            "(P = 0.32), when it was added to fentanyl the combination resulted in greater increase in pain threshold "
            "than that of fentanyl administered alone (P < 0.01).")
    assert ei.answer(prompt, _sentences(text)).label == "significantly increased"
    assert ei._combination(prompt)
    assert not ei._combination(ei.Prompt("d", "0", "pain", "ketamine", "fentanyl", "x"))


def test_three_arm_clause_between_two_intervention_arms_is_not_the_answer() -> None:
    prompt = ei.Prompt("t", "0", "Pain intensity in the PACU", "TAP block or ilioinguinal block (ILI)", "control",
                       "significantly decreased")
    text = ("Pain intensity in the PACU was not significantly different between the TAP and ILI groups; however, "
            "they were significantly decreased when compared with the control group.")
    assert ei.answer(prompt, _sentences(text), text).label == "significantly decreased"


def test_two_letter_abbreviations_name_the_arms() -> None:
    # Adapted from PMC3622234: 'more patients treated with AF' makes CF the arm with fewer.
    text = "Patients received conventional fractionation (CF) or accelerated fractionation (AF)."
    prompt = ei.Prompt("a", "0", "used opioid analgesics", "conventional fractionation", "accelerated fractionation",
                       "significantly decreased")
    arms = ei.prompt_arms(prompt, text)
    assert arms.is_comparator("treated with AF") and not arms.is_intervention("treated with AF")
    assert arms.is_intervention("CF 43.1%")
    result = "Significantly more patients treated with AF used opioid analgesics (AF 58.6%, CF 41.4%, p < 0.001)."
    assert ei.answer(prompt, _sentences(result), text).label == "significantly decreased"


def test_table_text_and_references_are_left_out() -> None:
    assert ei._stems("analgesic tablets [Table 2]") == ei._stems("analgesic tablets")
    assert "table" not in ei._stems("duration of analgesia (Table 2)")
    assert ei_corpus._TABLE_START.split("Times were significantly shorter a Table 3Treatment differences 45 52")[0] == \
        "Times were significantly shorter a"
    assert ei._table_like("Mean 65 (19) 66 (20) 65 (19) 2.7 (0.6) 2.7 (0.7) 29 (15)")
    assert not ei._table_like("Pain scores were significantly lower with ketamine than placebo (P < 0.01).")


def test_time_point_of_the_prompt_and_subgroups() -> None:
    prompt = ei.Prompt("w", "0", "WOMAC pain at 12 months", "PRP", "hyaluronic acid", "no significant difference")
    sentences = _sentences(
        "WOMAC pain was significantly lower in the PRP group than the hyaluronic acid group at 3 and 6 months.",
        "At 12 months there was no significant difference in WOMAC pain between PRP and hyaluronic acid.")
    assert ei.answer(prompt, sentences).label == "no significant difference"
    within = ei.Prompt("b", "0", "pain scores", "capsule closure", "capsule left open", "no significant difference")
    text = "Pain scores decreased from 6.4 to 2.4 in the capsule closure group and 6.3 to 2.2 in the open group."
    assert ei.answer(within, _sentences(text)).label == "no significant difference"


def test_group_labels_given_in_the_prompt_name_the_arms() -> None:
    """Prompt 12307 (PMC3636841, a non-blind pool article): the arms are 'group B' and 'group A' in the text."""
    prompt = ei.Prompt("12307", "3636841", "The mean preparation time", "Papacárie® method (group B)",
                       "conventional method (group A)", "significantly increased")
    text = "The mean preparation time for group A was 4.7 Mins (minutes) and group B was 17.96 min s (P < 0.001)."
    arms = ei.prompt_arms(prompt, text)
    assert arms.is_intervention("group B was 17.96 min s") and not arms.is_comparator("group B was 17.96 min s")
    assert arms.is_comparator("for group A was 4.7 Mins") and not arms.is_intervention("Group Ba")
    sentence = ei.ArticleSentence(text, True, frozenset(ei._stems(text)), "ABSTRACT.RESULTS")
    assert ei.answer(prompt, [sentence], text).label == "significantly increased"


@pytest.mark.parametrize("prompt_id", [
    "11425",  # 'the decrease was significantly greater with nateglinide compared with gliclazide'
    "12446",  # 'The decrease from baseline to end of double-blind treatment in "off" time was significantly greater in ...'
    "13020",  # 'Both groups had significantly elevated hs-CRP levels ... compared with baseline values, with significantly
              # higher levels found in the control group'
])
def test_changes_compared_between_arms_on_the_annotators_span(prompt_id: str) -> None:
    prompt = next(p for p in ei.load_prompts(ROOT, "all", require_article=False) if p.prompt_id == prompt_id)
    text = prompt.evidence[0]
    assert ei.answer(prompt, [ei_corpus.span_sentence(text)], text).label == prompt.label


@pytest.mark.parametrize("prompt_id", [
    "11933",  # 'did not have significantly more local or systemic reactogenicity than'
    "11872",  # 'a trend was detected for less torque fatigue ... (p < 0.10)'
    "12699",  # 'not statistically different between study arms'
    "11196",  # 'tended to increase slightly ..., although not to a level that was statistically significant'
    "13621",  # 'no important differences between groups emerged'
    "11988",  # 'At 1 year, there was a 3.4% weight reduction in both groups.'
    "12148",  # 'Median hospital length of stay was decreased by 2 days, but the difference did not reach statistical significance'
])
def test_absence_of_a_difference_in_other_words_on_the_annotators_span(prompt_id: str) -> None:
    prompt = next(p for p in ei.load_prompts(ROOT, "all", require_article=False) if p.prompt_id == prompt_id)
    text = prompt.evidence[0]
    assert ei.answer(prompt, [ei_corpus.span_sentence(text)], text).label == "no significant difference"


@pytest.mark.parametrize("prompt_id", [
    "12488",  # '47/50 (94%) intubations as easy in D-Blade group versus 29/50 (58%) in the Macintosh group (P < 0.001)'
    "12701",  # '17.24 and 8.40 (nimotuzumab arm) vs. 9.84 and 8.36 months (placebo arm)'
])
def test_values_paired_with_their_arms_in_brackets(prompt_id: str) -> None:
    prompt = next(p for p in ei.load_prompts(ROOT, "all", require_article=False) if p.prompt_id == prompt_id)
    text = prompt.evidence[0]
    assert ei.answer(prompt, [ei_corpus.span_sentence(text)], text).label == prompt.label


@pytest.mark.parametrize("prompt_id", [
    "13576",  # 'HbA1c was significantly lower in the IS strategy arm than in the IP strategy arm, ... (7.1 ± 1.4 vs. 7.6 ±
              # 1.4% in IS vs. IP at year 4, P < 0.01)'
    "13601",  # 'A significantly higher percentage of time ... during closed-loop versus control phases (39.1 ± 4.5 vs. ...)'
    "12470",  # 'a significant increase in IGF-1 in the rhGH treatment group compared with the control group (587.35 ...'
])
def test_an_up_or_down_word_outranks_the_arms_values(prompt_id: str) -> None:
    prompt = next(p for p in ei.load_prompts(ROOT, "all", require_article=False) if p.prompt_id == prompt_id)
    text = prompt.evidence[0]
    assert ei.answer(prompt, [ei_corpus.span_sentence(text)], text).label == prompt.label


@pytest.mark.parametrize("prompt_id", [
    "12453",  # 'the intervention group was already better than the control group' on 'adherence to the algorithm': more
    "13788",  # 'in favour of men in the intervention ... for resting heart rate': a risk factor, less
    "13861",  # 'significant improvement in ... negative emotions': a harm, less
])
def test_better_on_an_outcome_outside_the_pain_vocabulary(prompt_id: str) -> None:
    prompt = next(p for p in ei.load_prompts(ROOT, "all", require_article=False) if p.prompt_id == prompt_id)
    text = prompt.evidence[0]
    assert ei.answer(prompt, [ei_corpus.span_sentence(text)], text).label == prompt.label


@pytest.mark.parametrize("prompt_id", [
    "12581",  # 'in 1 (0.6%) TT versus 15 (8.6%) DO versus 39 (22.4%) BST patients (p < 0.001 ...)': one value against two
    "12057",  # 'MDMA significantly impaired the recognition of fearful faces compared with placebo'
    "11725",  # 'Dot mapping outperformed colour mapping in the ‘dataset co-registration’ domain'
    "12670",  # '... a significantly higher effective blood flow (P < 0.001), whereas ultrafiltration (UF) volume (P = 0.08),'
    "12673",  # '... significantly higher in the CVVH than in the SLED patient cohort, although the mean daily heparin dose did not differ'
])
def test_values_against_several_comparators_and_direction_words(prompt_id: str) -> None:
    prompt = next(p for p in ei.load_prompts(ROOT, "all", require_article=False) if p.prompt_id == prompt_id)
    text = prompt.evidence[0]
    assert ei.answer(prompt, [ei_corpus.span_sentence(text)], text).label == prompt.label


# Round 14: EI-read spans (``ei_split``) read as the one given sentence, as ``ei_split.rules_label`` reads them.
_ROUND14 = [
    ("Itchy eyes", "pranlukast", "placebo", "significantly decreased",  # the span names the outcome 'the score'
     "The score was significantly lower on the following afternoon in the pranlukast compared to the placebo group "
     "(0.154 vs. 0.436, p = 0.039)."),
    ("The respiratory rate", "high-flow nasal cannula", "air entrainment mask", "significantly decreased",  # initials
     "The respiratory rate was significantly lower for the HFNC group than for the air entrainment mask group "
     "(22±3.6 breaths/min vs. 26±4.3 breaths/min, p=0.003)."),
    ("tidal expiratory flows at 10% (TEF10)", "nebulized albuterol (0.15 mg/kg in 3 ml saline)", "saline (3 ml)",
     "significantly decreased",  # 'Both X and Y' are two outcomes, not both arms
     "Both TEF10 and the ratio of the tidal expiratory flow at 25% of the remaining tidal volume to PTEF (25/PT) "
     "decreased significantly (P < 0.05) after administration of albuterol."),
    ("mean estrogen-receptor (ER) expression", "fulvestrant 500 mg on Day 1 plus anastrozole 1 mg/day for 14 to 21 days "
     "(F + A); fulvestrant plus anastrozole placebo (F)", "fulvestrant placebo plus anastrozole (A)",
     "significantly decreased",  # a greater reduction is a decrease
     "F and F + A led to greater reductions in ER versus A (both P = 0.0001)"),
    ("The mean Hb concentration", "one ferrous sulfate tablet containing 50 mg of elemental iron daily", "placebo",
     "significantly increased",  # the values in the clause before the significance
     "The mean Hb concentration was 12.05 ± 0.9 in the experimental and 11.94 ± 0.6 in the placebo group; this "
     "different was significant (P = 0.03)"),
    ("grade 3–4 thrombocytopenia and anemia", "docetaxel (T) and epirubicin (E) +  lobaplatin (L)",
     "docetaxel (T) and epirubicin (E)", "significantly increased",  # 'non-lobaplatin' is the comparator
     "Compared with the patients assigned to the non-lobaplatin-containing regimens, those assigned to the TEL regimen "
     "were more likely to develop grade 3–4 thrombocytopenia (34.4% vs. 1.7%, P < 0.001) and anemia (52.5% vs. 10%, "
     "P < 0.001)."),
    ("the acquisition of positive attitudes towards early reading aloud, early exposure to music and parental "
     "socialization", "Early video administered  to first-time parents in modifying parental knowledge",
     "Late video administered to first-time parents in modifying parental knowledge", "significantly decreased",
     "Conversely, a significant difference between groups in favor of the late intervention group was found for the "
     "acquisition of positive attitudes towards early reading aloud (p < 0.01), early exposure to music (p < 0.001) and "
     "parental socialization (p = 0.03, Fisher exact test)."),
    ("proportion of positive stomach samples", "single drug (nystatin)", "control", "significantly decreased",
     "During hospitalisation in the ICU the proportion of positive stomach samples significantly decreased in the "
     "treatment group (from 59 to 49%) as opposed to the control group (from 58 to 74%; P <0.00009) at T6, and this "
     "difference persisted over time."),
]


@pytest.mark.parametrize("outcome,intervention,comparator,label,span", _ROUND14)
def test_round14_readings_of_given_spans(outcome: str, intervention: str, comparator: str, label: str, span: str) -> None:
    prompt = ei.Prompt("r14", "0", outcome, intervention, comparator, label)
    assert ei.answer(prompt, [ei_corpus.span_sentence(span)], span).label == label


def test_an_article_sentence_without_the_outcomes_words_is_not_read() -> None:
    """The fallback without the outcome's words is for one given span only, not for an article's sentences."""
    span = ("The score was significantly lower on the following afternoon in the pranlukast compared to the placebo "
            "group (0.154 vs. 0.436, p = 0.039).")
    prompt = ei.Prompt("r14", "0", "Itchy eyes", "pranlukast", "placebo", "significantly decreased")
    other = ei_corpus.span_sentence("Patients were randomised to pranlukast or placebo.")
    assert ei.answer(prompt, [ei_corpus.span_sentence(span), other], span).label == "no significant difference"
