"""Adverse events, round 7: which arm an event belongs to, and the other causes of batch 7's errors, on real
sentences of batch 7 (data/eval/pool/gold_blind.jsonl, the retired first blind split, now dev)."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import adverse_events, make_context
from ketamine_evidence.analysis.extract.event_arms import coordinated_labels, list_arm, zero_for_intervention
from ketamine_evidence.analysis.extract.event_roles import is_outcome
from ketamine_evidence.analysis.records import Article, Section


def _article(*sections: tuple[str | None, str], title: str) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in sections])


def _events(article: Article, intervention: str) -> set[tuple[str, str]]:
    return {(f.field, str(f.value)) for f in adverse_events.extract(make_context(article, intervention))}


# PMC5730627 (lisdexamfetamine dimesylate)
_TEAES = ("TEAEs occurring in ≥ 5% of participants that were also reported at two or more times the rate of placebo "
          "were decreased appetite, decreased weight, insomnia, initial insomnia, dry mouth, and nasopharyngitis (LDX "
          "and OROS-MPH), irritability and dizziness (LDX only), and increased heart rate (OROS-MPH only) in the "
          "forced-dose study.")


def _status(text: str) -> tuple[bool, bool]:
    return "LDX" in text, "OROS-MPH" in text and "LDX" not in text


@pytest.mark.parametrize("words, expected", [("insomnia", True), ("dry mouth", True), ("dizziness", True),
                                             ("increased heart rate", False)])
def test_a_bracket_after_a_list_of_events_names_the_lists_arm(words: str, expected: bool) -> None:
    end = _TEAES.index(words) + len(words)
    assert list_arm(_TEAES, end, _status) is expected


def test_a_bracket_of_figures_names_no_arm() -> None:
    # PMC1326200: 'headache (17.2%M, 19%HS)'
    text = "the most common being headache (17.2%M, 19%HS), nausea (4.3%M, 3%HS)"
    assert list_arm(text, text.index("headache") + 8, lambda t: (True, True)) is None


def test_the_listed_events_of_several_arms_are_read_for_the_intervention() -> None:
    article = _article(
        ("OBJECTIVE", "Our objective was to describe two acute randomized, double-blind, placebo-controlled, head-to-head "
                      "studies of lisdexamfetamine dimesylate (LDX) and osmotic-release oral system methylphenidate "
                      "(OROS-MPH) in adolescents with ADHD."),
        ("RESULTS", _TEAES),
        title="Randomized, Double-Blind, Placebo-Controlled Acute Comparator Trials of Lisdexamfetamine")
    found = {v for f, v in _events(article, "lisdexamfetamine dimesylate") if f == "adverse_events"}
    assert {"insomnia", "dry_mouth", "dizziness", "other"} <= found
    assert "tachycardia" not in found  # 'increased heart rate (OROS-MPH only)'


def test_a_change_word_of_an_events_own_name_is_no_outcome() -> None:
    # 'decreased appetite, decreased weight, insomnia': 'decreased' names the event before, not a reduced insomnia
    start = _TEAES.index("insomnia")
    assert not is_outcome(_TEAES, start, start + len("insomnia"))


def test_arms_coordinated_before_one_group_word() -> None:
    # PMC4884260, caudal block with bupivacaine (vs local wound infiltration)
    assert coordinated_labels("in caudal and local group including") == ["caudal"]
    article = _article(
        ("METHODS", "Enrolled children were randomly assigned to either Group Caudal or Group Local infiltration."),
        ("RESULTS", "There were significant differences in the incidence of adverse effects in caudal and local group "
                    "including: vomiting, delirium and urinary retention."),
        title="Evaluation of Anesthesia Profile in Pediatric Patients after Inguinal Hernia Repair with Caudal Block "
              "or Local Wound Infiltration")
    assert _events(article, "caudal block with bupivacaine (vs local wound infiltration)") == {
        ("adverse_events", "vomiting"), ("adverse_events", "confusion"), ("adverse_events", "urological")}


def test_events_similar_for_the_intervention_and_its_comparator_occurred() -> None:
    # PMC1326200: 'similar for mannitol and HS, the most common being headache (17.2%M, 19%HS)'
    article = _article(
        ("BACKGROUND", "The safety and the efficacy of mannitol (M) as a BPT to measure airway hyperresponsiveness were "
                       "compared to hypertonic (4.5%) saline (HS) in people both with and without signs and symptoms "
                       "of asthma."),
        ("RESULTS", "The diarised events were similar for mannitol and HS, the most common being headache (17.2%M, "
                    "19%HS), pharyngolaryngeal pain (5.1%M, 3%HS), nausea (4.3%M, 3%HS), and cough (2.2%M, 2.4%HS)."),
        title="The safety and efficacy of inhaled dry powder mannitol as a bronchial provocation test")
    found = {v for f, v in _events(article, "inhaled dry powder mannitol") if f == "adverse_events"}
    assert found == {"headache", "nausea", "other"}


def test_a_zero_in_the_intervention_arm_is_no_event_with_it() -> None:
    # PMC4310883: 'Readmission for ileus was low in both alvimopan and control groups (0% and 4.4%, respectively).'
    text = "Readmission for ileus was low in both alvimopan and control groups (0% and 4.4%, respectively)."
    end = text.index("ileus") + 5
    assert zero_for_intervention(text, end, lambda arm: "alvimopan" in arm)
    assert not zero_for_intervention(text, end, lambda arm: "control" in arm)
