"""Other drugs named in a sentence: the word-by-word scan gives the spans of the whole pattern's ``finditer``."""

from __future__ import annotations

from dataclasses import replace

from ketamine_evidence.analysis.extract.other_drugs import (
    _other_drugs_lower,
    _other_drugs_scan,
    for_word_list,
    other_drug_spans,
)


def test_the_drug_lexicon_is_scanned_word_by_word() -> None:
    assert _other_drugs_scan() is not None  # every name's first word and every ending is plain text


def test_word_by_word_spans_are_those_of_finditer(sentences: list[str]) -> None:
    """On the snapshot's sentences, whole and from every 17th character (a slice may start inside a word)."""
    low, scan = _other_drugs_lower(), _other_drugs_scan()
    assert low is not None and scan is not None
    texts = [s.lower() for s in sentences]
    texts += [t[i:] for t in texts for i in range(1, len(t), 17)]
    by_runs = replace(scan, automaton=None)  # without pyahocorasick: every run of word characters read
    found = 0
    for text in texts:
        expected = [m.span() for m in low.finditer(text)]
        assert scan.spans(text) == expected, text
        assert by_runs.spans(text) == expected, text
        found += len(expected)
    assert found > 200


def test_a_name_that_is_not_plain_text_keeps_finditer() -> None:
    low = _other_drugs_lower()
    assert low is not None
    assert for_word_list(low, ["co-codamol"], ["caine"]) is None
    assert for_word_list(low, ["opioids?"], ["caine"]) is not None
    assert for_word_list(low, ["lidocaine"], ["ca-ine"]) is None


def test_the_intervention_mention_is_not_another_drug() -> None:
    text = ("Opioid sparing effect of low dose ketamine in patients with intravenous patient-controlled analgesia "
            "using fentanyl after lumbar spinal fusion surgery")  # PMC3695250's title
    start = text.index("ketamine")
    spans = other_drug_spans(text, [(start, start + len("ketamine"))])
    assert [text[a:b] for a, b in spans] == ["Opioid", "fentanyl"]
