"""Methods sentences of unlabelled abstracts name events they plan to record, not events that happened (real batch 4
sentences whose METHODS heading the ``labels_removed`` invariance rewrite took away; gold adverse_events [])."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract.adverse_events import _is_methods
from ketamine_evidence.analysis.extract.event_negation import find_event_mentions
from ketamine_evidence.analysis.parse.sentences import split_text


@pytest.mark.parametrize("text", [
    # 25190950
    "Time to first rescue analgesic (when VAS ≥4 cm or on demand), duration of postoperative analgesia, incidence of "
    "postoperative nausea-vomiting were also noted.",
    # 26985431
    "Assessment of nausea, vomiting, rescue antiemetic, and side effects of study drugs such as headache and dizziness "
    "was carried out postoperatively for 24 h.",
    # 26399574
    "Relative incidence rates of device failure per 100 devices and per 1000 device days with 95% CIs will summarise "
    "the impact of each dressing, and test differences between groups.",
    # 28576901
    "Main exclusion criteria are habitual opioid use, impaired pain sensation, other painful injuries or cognitive "
    "impairment.",
])
def test_unlabelled_methods_sentence(text: str) -> None:
    sentence = split_text(text)[0]
    assert _is_methods(sentence, find_event_mentions(text))


def test_an_unlabelled_result_is_no_methods_sentence() -> None:
    # chronic dev 17563841 (an abstract without headings): events noted in patients happened
    text = ("Side effects were noted in 9 patients in rizatriptan, 8 in ibuprofen and 3 in placebo, all of which were "
            "nonsignificant.")
    assert not _is_methods(split_text(text)[0], find_event_mentions(text))


def test_a_definition_of_an_outcome_is_a_methods_sentence() -> None:
    # batch 6 27785324 (its Methods part; gold adverse_events []): the definition names the pain that makes the
    # outcome, no event that occurred
    text = ("Post-ERCP pancreatitis was defined as serum amylase > 3 times upper limit of normal with associated severe "
            "abdominal pain.")
    assert _is_methods(split_text(text)[0], find_event_mentions(text))
