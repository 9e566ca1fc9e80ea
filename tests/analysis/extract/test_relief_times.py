"""Times listed after a result's cut clause (analysis/extract/relief_times.py), on dev records."""

from __future__ import annotations

from pathlib import Path

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.extract.relief_times import listed_days
from ketamine_evidence.analysis.parse.files import parse_file

_POOL = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "pain_trials_pool"


def test_times_listed_after_a_cut_clause_continue_it() -> None:
    # batch 5 PMC5135478: 'Pain scores were reduced ... on Day 2 (−21%, P<0.001)' + ' and Day 3 (−23%, P=0.004).'
    assert listed_days(" and Day 3 (−23%, P=0.004). Pain interference with function scores", (None, {})) == [3.0]
    # batch 7 PMC4183082: times that open a sentence of their own, after the full stop, are no continuation
    assert listed_days(". At 12 (P = 0.062) and 24 (P = 0.14) hours post operation, the difference", (None, {})) == []


def test_the_listed_day_is_the_relief() -> None:
    # batch 5 PMC5135478 (gold relief 3): the benefit on day 3 is the last one, not day 2
    article = next(parse_file(_POOL / "PMC5135478.nxml"))
    found = {f.field: f for f in extract_findings(article, "parecoxib/valdecoxib (vs placebo) after gynecologic surgery")}
    assert found["relief_duration_days"].value == 3.0


def test_the_list_stops_where_other_words_come_between_its_times() -> None:
    # batch 5 PMC5135478's list with the second item changed (the metamorphic way): a time that other words follow
    # opens a statement of its own ('and Day 3 the difference ...'), and a time after a new clause (', and similar
    # at Day 5') is that clause's, not the benefit's
    real = " and Day 3 (−23%, P=0.004). Pain interference with function scores"
    assert listed_days(real.replace("(−23%, P=0.004).", "the difference disappeared."), (None, {})) == []
    assert listed_days(real.replace(").", ") after surgery, and similar at Day 5."), (None, {})) == [3.0]
    # chronic dev PMC4763824: '... at 10, 45, and 90 min, and 1 day after injection (P<0.05)' is one list
    assert listed_days(", and 1 day after injection (P<0.05).", (None, {})) == [1.0]


def test_an_item_ends_after_the_event_its_time_counts_from() -> None:
    # the event after a listed time is any noun phrase, not a few nouns: batch 5 PMC4188585 '... at 1, 2 and 3 months
    # after patch application (significance level P<0.01).', batch 6 PMC4012183 '10 weeks after the first
    # acupuncture', batch 5 PMC5300822 '72 hours after exercise', chronic PMC4112748 '72 hours after drug
    # administration'
    assert listed_days(" and 3 months after patch application (significance level P<0.01).", (None, {})) == [90.0]
    assert listed_days(", 10 weeks after the first acupuncture.", (None, {})) == [70.0]
    assert listed_days(", and 72 hours after exercise.", (None, {})) == [3.0]
    assert listed_days(", and 72 hours after drug administration.", (None, {})) == [3.0]
    # ... and at the comparison the finding makes, or a conjunction that opens another clause
    assert listed_days(" and 24 hours after the surgery than those in the control group (P = 0.001).", (None, {})) == [1.0]
    assert listed_days(" and 48 hours after the operation, whereas pain was similar at 72 hours.", (None, {})) == [2.0]


def test_a_listed_time_that_a_statement_follows_is_no_item() -> None:
    # the same items, each followed by words of its own: a verb or a noun phrase that is no time opens a statement
    assert listed_days(" and 3 months after patch application revealed no significant difference.", (None, {})) == []
    assert listed_days(", and 72 hours after exercise the difference disappeared.", (None, {})) == []
    assert listed_days(", and 72 hours after exercise, pain scores were similar.", (None, {})) == []
    # batch 4 PMC3430047: '... at 8 and 24 hours after the first subpleural instillation of bupivacaine 0.5% revealed
    # no significant difference'
    assert listed_days(" and 24 hours after the first subpleural instillation of bupivacaine 0.5% revealed no "
                       "significant difference.", (None, {})) == []
    # its own statistics deny a difference then
    assert listed_days(", and 72 hours after exercise (not significant).", (None, {})) == []


def test_items_with_their_own_statistics_and_the_comparison_after_the_list() -> None:
    # pool dev PMC5066795: '... at week 14 (23.5% versus 1.0%; P < 0.0001), week 24 (28.1% versus 7.7%; P < 0.0001), and
    # week 52 (42.4% versus 30.2%; P = 0.037).': a semicolon inside an item's brackets does not end the list
    assert listed_days(" (23.5% versus 1.0%; P < 0.0001), week 24 (28.1% versus 7.7%; P < 0.0001), and week 52 (42.4% "
                       "versus 30.2%; P = 0.037).", (None, {})) == [168.0, 364.0]
    # pool dev PMC4845428: '... scores at 2 weeks, 3 months, 6 months, and 12 months after operation between the
    # experimental and control groups.'
    assert listed_days(", 3 months, 6 months, and 12 months after operation between the experimental and control "
                       "groups.", (None, {})) == [90.0, 180.0, 360.0]


def test_a_mean_and_its_sd_is_no_listed_time() -> None:
    # blind2 PMC3539107: '(55.3 ± 28.8 minutes vs. 41.4 ± 17.8 minutes, 6.8 ± 3.4 days vs. 4.9 ± 1.5 days, P < 0.05)';
    # batch 4 PMC5735483: 'Time to S1 regression was 130 ± 46 min (Group C), 144 ± 51.3 min (Group B) and ...'
    assert listed_days(", 6.8 ± 3.4 days vs. 4.9 ± 1.5 days, P < 0.05).", (None, {})) == []
    assert listed_days(" (Group C), 144 ± 51.3 min (Group B) and 164 ± 55.99 min (Group D), P = 0.117.", (None, {})) == []


def test_the_second_of_two_groups_values_is_no_time_point() -> None:
    # batch 7 PMC5041956: '(1.4 vs. 2.5, P = 0.001; 8.8 vs. 11.1 minutes, P = 0.003; ...)' compares ablation times
    from ketamine_evidence.analysis.extract.relief_times import paired_value
    text = "were less in Group A than Group B (1.4 vs. 2.5, P = 0.001; 8.8 vs. 11.1 minutes, P = 0.003)"
    assert paired_value(text, text.index("11.1 minutes"))
    assert paired_value("a median 320 versus 220 min", len("a median 320 versus "))
    # a time point compared with another keeps its preposition; a time with no value before it is no pair
    assert not paired_value("pain at 6 vs. 12 months", len("pain at 6 vs. "))
    assert not paired_value("lower at 24 h than at 48 h", len("lower at "))
    article = next(parse_file(_POOL / "PMC5041956.nxml"))
    found = {f.field: f for f in extract_findings(article, "preoperative mathematic model for CT-guided microwave ablation")}
    assert found["pain_effect"].value == "improved"
    assert "relief_duration_days" not in found  # the shoulder-pain benefit names no time (gold null)


def test_a_time_lent_by_the_sentence_is_not_the_second_of_two_values() -> None:
    # batch 7 PMC5041956 with its p-values in brackets (the invariance rewrite p_brackets): the clause is cut before
    # '8.8 vs. 11.1 minutes (P = 0.003)', so the sentence lends its times; the ablation time is no time point
    from ketamine_evidence.analysis.extract.relief_times import without_paired
    text = ("incidence of right shoulder pain were less in Group A than Group B (1.4 vs. 2.5 (P = 0.001); 8.8 vs. 11.1 "
            "minutes (P = 0.003); and 4.7% vs. 20%, P = 0.039).")
    assert without_paired(text, (11.1 / 1440,)) == ()
    # a time also stated as a time point stays: 'at 24 h ... 3.1 vs. 24 h'
    assert without_paired("lower at 24 h (3.1 vs. 24 h)", (1.0,)) == (1.0,)
