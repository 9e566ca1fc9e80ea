"""Event extraction kept under the ``invariance_events`` rewrites (real dev sentences as the rewrite leaves them)."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import adverse_events, make_context
from ketamine_evidence.analysis.extract.event_negation import find_event_mentions
from ketamine_evidence.analysis.extract.event_roles import is_outcome
from ketamine_evidence.analysis.extract.event_sections import is_methods
from ketamine_evidence.analysis.parse.sentences import split_text
from ketamine_evidence.analysis.records import Article, Section


def test_events_noted_among_the_groups_are_a_result():
    # pool dev 24086658 ('were observed' -> 'were noted' by cue_words): a rise noted among both groups happened
    text = ("Nevertheless, small but statistically significant increases in both eye strain and blurred vision were "
            "noted among both the LT and control groups.")
    assert not is_methods(split_text(text)[0], find_event_mentions(text))
    # a planned recording stays methods (batch 4 25190950)
    planned = ("Time to first rescue analgesic (when VAS ≥4 cm or on demand), duration of postoperative analgesia, "
               "incidence of postoperative nausea-vomiting were also noted.")
    assert is_methods(split_text(planned)[0], find_event_mentions(planned))


def test_a_list_after_complications_compared_without_difference_gives_no_event():
    # pool dev 26034744 ('complications, such as' -> 'complications including' by cue_words; rule k)
    article = Article(pmid="1", pmcid=None, doi=None, title="Pyeloplasty with or without internal drainage",
                      abstract=[Section("RESULTS", "RESULTS", (
                          "Comparing the two techniques of pyeloplasty with or without internal drainage, there was no "
                          "significant difference between groups regarding extravasation and anastomosis complications "
                          "including leakage, stenosis, urinoma formation or evidence of obstruction on postoperative "
                          "IVP or DTPA scan."))])
    found = {(f.field, f.value) for f in adverse_events.extract(make_context(article, "pyeloplasty"))}
    assert found == set()


def test_a_slash_pair_before_score_is_an_outcome():
    # batch 4 28353600 ('vomiting' -> 'emesis' by event_synonyms): 'nausea/emesis score' is a compared measure
    text = ("There was no significant difference between the 2 groups in regards to patient demographics, "
            "comorbidities, duration of surgery, complications, and nausea/emesis score.")
    start = text.index("nausea")
    assert is_outcome(text, start, start + len("nausea"))
    assert not is_outcome("Nausea/emesis occurred in 3 patients.", 0, len("Nausea"))
