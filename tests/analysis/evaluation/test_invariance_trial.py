"""Rewrites that keep n_participants and design: each on real sentences of the dev abstracts."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation.invariance_trial import (blinding, count_bracket, enrolment_wording,
                                                                    hyphenation, n_notation, random_wording,
                                                                    rct_abbreviation, sentence_numbers, spell_number,
                                                                    thousands, words_value)


def test_n_notation_cycles_spacing_and_case():
    # batch 5 27181790, pool dev 26495402
    assert n_notation("Results: Efficacy data, n = 327.") == "Results: Efficacy data, N=327."
    assert n_notation("Efficacy data, N=327; N = 40; n=12; p=0.01") == "Efficacy data, n = 327; n = 40; N = 12; p=0.01"


def test_sentence_numbers_words_and_digits():
    # pool dev 20075020, 26495402
    text = ("Fifty-one individuals with self-reported electrosensitivity and 132 age- and sex-matched controls "
            "participated in an open provocation test.")
    assert sentence_numbers(text).startswith("51 individuals with")
    assert sentence_numbers("Methods.\n120 patients with minor head trauma were distributed; vs. 40 patients") == \
        "Methods.\nOne hundred and twenty patients with minor head trauma were distributed; vs. 40 patients"
    assert spell_number(42) == "forty-two" and words_value("One hundred and twenty") == 120
    assert words_value("Forty twenty") is None


def test_random_wording_cycles():
    # batch 4 16274480, 17391505
    assert random_wording("A total of 100 patients were randomly allocated to two treatment groups") == \
        "A total of 100 patients were allocated at random to two treatment groups"
    assert random_wording("were enrolled and assigned at random into two identical studies") == \
        "were enrolled and randomized into two identical studies"
    assert random_wording("Patients randomised to receive placebo; a randomised trial") == \
        "Patients randomly assigned to receive placebo; a randomised trial"


def test_blinding_and_hyphenation():
    # pool dev 24223341, chronic dev 23537462, pool dev 21541781
    assert blinding("a double-blind, randomized clinical trial") == "a double blind, randomized clinical trial"
    assert blinding("a 12-week double blinded randomized controlled trial") == \
        "a 12-week double-blind randomized controlled trial"
    assert hyphenation("This double-blind, placebo-controlled study, open label, crossover; dose-response") == \
        "This double-blind, placebo controlled study, open-label, cross-over; dose-response"


def test_count_bracket_and_enrolment_wording():
    # pool dev 26806596, 26495402; batch 4 24259823
    assert count_bracket("Switzerland.\nA total of 439 women with a fetus in the occiput posterior position.") == \
        "Switzerland.\nWomen (n = 439) with a fetus in the occiput posterior position."
    assert count_bracket("120 patients with minor head trauma were distributed") == \
        "Patients (n = 120) with minor head trauma were distributed"
    assert enrolment_wording("22 whose thoraxes opened no more than 5 cm were recruited; 70 took part") == \
        "22 whose thoraxes opened no more than 5 cm were included; 70 participated"
    assert random_wording("Eighty patients were randomised.") == "Eighty patients underwent randomisation."


def test_rct_abbreviation():
    # chronic dev 24843472; batch 5 25124938
    assert rct_abbreviation("Results of a randomized controlled trial in Japan. This randomized controlled trial") == \
        "Results of an RCT in Japan. This RCT"
    assert rct_abbreviation("An open label randomized clinical trial will be conducted") == \
        "An open label RCT will be conducted"
    assert rct_abbreviation("a randomized controlled trial (RCT) of") == "a randomized controlled trial (RCT) of"


def test_thousands_and_non_randomised():
    # pool dev 29249436; batch 5 29560297
    assert thousands("The minimal-risk tool was applied to 1764 patients") == \
        "The minimal-risk tool was applied to 1,764 patients"
    assert thousands("The safety population included 2,815 patients") == "The safety population included 2815 patients"
    assert hyphenation("A Non-randomized Control Trial; nonrandomized; non randomised") == \
        "A Nonrandomized Control Trial; non randomized; non-randomised"


def test_count_voice_tells_a_passive_enrolment_in_the_active_voice():
    from ketamine_evidence.analysis.evaluation.invariance_trial import count_voice
    # pool dev PMC4448478, batch 4 sentences
    assert count_voice("Methods.\nForty-four patients were randomized in to two groups (preemptive: Group P).") == \
        "Methods.\nWe randomized forty-four patients in to two groups (preemptive: Group P)."
    assert count_voice("x. A total of 240 patients were randomly assigned to receive either Kangfuxin Solution") == \
        "x. We randomly assigned a total of 240 patients to receive either Kangfuxin Solution"
    # a relative clause or the analysed set is left alone
    assert count_voice("x. 40 patients who were included were randomized.") == "x. 40 patients who were included were randomized."
    assert count_voice("x. 30 patients were included in the analysis.") == "x. 30 patients were included in the analysis."


def test_count_digits_writes_a_count_in_words_and_bracketed_digits():
    from ketamine_evidence.analysis.evaluation.invariance_trial import count_digits
    assert count_digits("Methods.\nForty-four patients were randomized") == \
        "Methods.\nForty\u2013four (44) patients were randomized"
    assert count_digits("x. 120 patients with minor head trauma were") == \
        "x. One hundred and twenty (120) patients with minor head trauma were"
    assert count_digits("x. 1 patient was excluded.") == "x. 1 patient was excluded."


def test_period_wording_swaps_from_to_and_between_and():
    from ketamine_evidence.analysis.evaluation.invariance_trial import period_wording
    # batch 7 PMC4928400 and PMC4310883
    assert period_wording("were included from April 2006 to February 2015 in this comparative study.") == \
        "were included between April 2006 and February 2015 in this comparative study."
    assert period_wording("were analyzed between January 2008 and April 2012.") == \
        "were analyzed from January 2008 to April 2012."
    assert period_wording("between 10 and 20 mg") == "between 10 and 20 mg"
