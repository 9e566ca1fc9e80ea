"""``event_terms``: the lexicon tried per first letter finds exactly what the whole alternation finds."""

from __future__ import annotations

from pathlib import Path

import ketamine_evidence.analysis.extract  # noqa: F401
from ketamine_evidence.analysis.extract import event_terms
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.parse.sentences import split_article

SNAPSHOT = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pmc"


def test_lexicon_by_first_letter_matches_as_the_whole_alternation() -> None:
    assert len(event_terms._BY_LETTER) == 26
    checked = found = 0
    for path in sorted(SNAPSHOT.glob("*.nxml")):
        for article in parse_file(path):
            for s in split_article(article, article.text):
                for w in event_terms._STARTS.finditer(s.text.lower()):
                    whole = event_terms.LEXICON.regex.match(s.text, w.start())
                    part = event_terms._BY_LETTER[s.text[w.start()].lower()].match(s.text, w.start())
                    assert (whole and whole.span()) == (part and part.span()), s.text
                    checked += 1
                    found += whole is not None
    assert checked > 500 and found > 50
    # data/snapshot/pmc/PMC5809707.nxml: its events, in order
    text = "The incidence of hypotension, bradycardia, desaturation, and coughing was noted."
    assert [m.group(0) for m in event_terms.lexicon_hits(text)] == ["hypotension", "bradycardia", "desaturation"]
