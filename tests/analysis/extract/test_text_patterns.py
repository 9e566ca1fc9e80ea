"""Numbers, percentages and time expressions -> days (shared by the outcome extractors)."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract.text_patterns import max_time_days, p_values, parse_number, percentages, time_mentions


@pytest.mark.parametrize("text, days", [
    ("lower pain scores up to 24 h", 1.0),
    ("relief lasted up to 3 weeks", 21.0),
    ("at the 3-month follow-up", 90.0),
    ("superior to placebo until week 12", 84.0),
    ("maintained up to 2 years", 730.0),
    ("infusion continued for 48 h", 2.0),
    ("on postoperative day 3", 3.0),
    ("at 6 and 24 h", 1.0),
    ("assessed at 0, 4, 12, and 24 hours postoperatively", 1.0),
    ("a 15 week intervention program", 105.0),
    ("twenty-four hours after surgery", 1.0),
])
def test_time_expressions_in_days(text: str, days: float) -> None:
    assert max_time_days(text) == pytest.approx(days)


def test_lists_keep_every_value_and_span() -> None:
    text = "VAS was lower at 10, 45, and 90 min, and 1 day after injection"
    mentions = time_mentions(text)
    assert [m.text for m in mentions] == ["10, 45, and 90 min", "1 day"]
    assert mentions[0].days == pytest.approx((10 / 1440, 45 / 1440, 90 / 1440))
    assert text[mentions[1].start:mentions[1].end] == "1 day"


def test_numbers_that_are_not_times_are_ignored() -> None:
    assert time_mentions("Eighty patients in 3 groups of 24 patients") == []
    assert max_time_days("Eighty patients were enrolled") is None  # 'Eight' + 'y' is not 8 years


def test_parse_number_words_and_separators() -> None:
    assert parse_number("1,000") == 1000.0
    assert parse_number("0\u00b75") == 0.5
    assert parse_number("twenty-four") == 24.0
    assert parse_number("Seventy five") == 75.0
    assert parse_number("abc") is None


def test_percentages_and_p_values() -> None:
    assert percentages("noted in 73% in rizatriptan and 8 percent in placebo") == [(73.0, 9, 12), (8.0, 32, 41)]
    assert p_values("(P < 0.05) and p=0.34, P &lt; .001") == [("<", 0.05), ("=", 0.34), ("<", 0.001)]


def test_one_letter_units_must_look_like_units() -> None:
    assert time_mentions("Eighty D-IBS patients") == []
    assert time_mentions("2 D-dimer") == []
    assert [m.days for m in time_mentions("treated for 5 d")] == [(5.0,)]


@pytest.mark.parametrize("text, days, words", [
    ("significantly greater relief during weeks 2 to 4.", (14.0, 28.0), "weeks 2 to 4"),
    ("pain was assessed on the first postoperative day", (1.0,), "first postoperative day"),
    ("recorded during the first 48 postoperative hours", (2.0,), "48 postoperative hours"),
    ("by the 3rd month", (90.0,), "3rd month"),
    ("at week 2.5 pain", (17.5,), "week 2.5"),
])
def test_ranges_ordinals_and_adjectives(text: str, days: tuple, words: str) -> None:
    found = time_mentions(text)
    assert [t.days for t in found] == [days]
    assert text[found[0].start:found[0].end] == words


def test_ordinal_without_a_time_unit_is_not_a_time() -> None:
    assert time_mentions("the first patient and the second group") == []


def test_pod_glued_to_its_number() -> None:
    assert [t.days for t in time_mentions("pain on POD1 and POD3")] == [(1.0,), (3.0,)]
    assert time_mentions("a PODCAST 3 episode") == []


def test_two_number_words_are_one_number_only_as_tens_and_units_or_hundreds() -> None:
    # batch 4 dev PMC5915071: 'two eight-day study periods' is periods of eight days
    assert [m.days for m in time_mentions("Both studies had two eight-day study periods.")] == [(8.0,)]
    assert [m.days for m in time_mentions("for twenty-four hours")] == [(1.0,)]
    assert parse_number("three hundred") == 300.0
    assert parse_number("two hundred twenty-one") == 221.0  # was summed: 2 + 100 + 20 + 1 = 123
    assert parse_number("hundred") == 100.0


def test_a_list_item_with_a_unit_of_its_own_is_a_value_not_a_time() -> None:
    # pool dev 28859173 with its point in the other order ('at 3 months' -> 'at month 3', invariance point_order)
    text = "which increased further at month 3 to 91 μg/h; 95% CI 56–140 μg/h."
    assert [(m.text, m.days) for m in time_mentions(text)] == [("month 3", (90.0,))]
    # a list without a value after it keeps every time (batch 5 19430829)
    assert time_mentions("The VAS score on postoperative days 1, 3, and 7 was significant lower")[0].days == (1.0, 3.0, 7.0)


def test_an_abbreviation_defined_between_unit_and_number() -> None:
    # batch 5 19430829 with 'POD' defined at its first use (invariance postoperative_day)
    text = "The VAS score on postoperative days (POD) 1, 3, and 7 was significant lower (P < 0.05)"
    assert time_mentions(text)[0].days == (1.0, 3.0, 7.0)
    assert time_mentions("for 3 days (range) 2")[0].days == (3.0,)  # a lower-case word is no abbreviation


def test_p_value_spelled_with_value() -> None:
    # batch 7 27799159 under the invariance rewrite p_typography ('p≤0.001' -> 'P value ≤ 0.001')
    assert p_values("improvements in PtGA (P value ≤ 0.001) and pain (P-value = 0.03)") == [("<", 0.001), ("=", 0.03)]


def test_p_values_written_without_an_operator() -> None:
    """EI-read 12436, 11956: 'P value 0.019', 'P value of 0.02', '(P 0.166)' read as '='; a dose is no P value."""
    from ketamine_evidence.analysis.extract.text_patterns import p_values
    assert p_values("1.57 ± 0.23 vs 2.08 ± 0.38, P value 0.019 respectively,") == [("=", 0.019)]
    assert p_values("with P value of 0.02, which shows") == [("=", 0.02)]
    assert p_values("98.3% and 93.96% patients, respectively (P 0.166)") == [("=", 0.166)]
    assert p_values("P<0.001") == [("<", 0.001)]
    assert p_values("group P 0.5 mg/kg") == []


def test_a_value_with_its_spread_ends_a_time_list() -> None:
    """fx11fu, round 11 (pool blind2 PMC5149084): '85.1+22.0' is a mean and SD, not the list's next day."""
    from ketamine_evidence.analysis.extract.text_patterns import time_mentions
    text = ("Similarly the highest mean % of reduction in ulcer size was seen in the laser group being 52.7+19.8 at day 2 "
            "and 85.1+22.0 at day 5")
    assert [t.days for t in time_mentions(text)] == [(2.0,), (5.0,)]
