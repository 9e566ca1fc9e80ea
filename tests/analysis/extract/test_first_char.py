"""``first_char``: a lower-case pattern opening with ``\\b`` rewritten to open with its letters finds the same matches."""

from __future__ import annotations

import re
import sys

import ketamine_evidence.analysis.extract  # noqa: F401  (wraps the module-level patterns)
from ketamine_evidence.analysis.extract.fast_re import LowerPattern
from ketamine_evidence.analysis.extract.first_char import charset_first
from ketamine_evidence.analysis.extract.study_text import lower_case_source


def _regs(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [m.regs for m in pattern.finditer(text)]


def test_module_patterns_rewritten_match_as_written(sentences: list[str]) -> None:
    """Every rewritable lower-case copy of the extractors' module patterns: the same spans and group spans on real sentences."""
    rewritten = 0
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("ketamine_evidence.analysis.extract."):
            continue
        for key, value in vars(module).items():
            if not (isinstance(value, LowerPattern) and isinstance(value.re, re.Pattern)
                    and "(?P<" not in value.re.pattern):  # the copies made pending (compiled by now or not)
                continue
            source, flags = lower_case_source(value.re), value.re.flags & ~re.I
            if source is None:
                continue
            new = charset_first(source, flags)
            if new is None:
                continue
            rewritten += 1
            a, b = re.compile(source, flags), re.compile(new, flags)
            for text in sentences:
                low = text.lower()
                assert _regs(a, low) == _regs(b, low), f"{name}.{key}"
    assert rewritten > 100


def test_rewrite_forms() -> None:
    text = "Adverse events and side effects (AEs) were mild; pain scores fell (painful: none)."
    low = text.lower()
    src = r"\b(adverse (events?|effects?)|side[- ]effects?|aes)\b"
    new = charset_first(src, re.U)
    assert new == r"(a(?<!\wa)dverse (events?|effects?)|s(?<!\ws)ide[- ]effects?|a(?<!\wa)es)\b"
    assert _regs(re.compile(new), low) == _regs(re.compile(src), low)
    # a non-capturing group spread over its alternatives, in order; a boundary inside a word still refuses a match
    src = r"\b(?:pain|painful) (?:scores?|fell)|\bnone"
    new = charset_first(src, re.U)
    assert new == r"p(?<!\wp)ain (?:scores?|fell)|p(?<!\wp)ainful (?:scores?|fell)|n(?<!\wn)one"
    assert _regs(re.compile(new), low) == _regs(re.compile(src), low)
    assert [m.group() for m in re.finditer(charset_first(r"\b(?:ain|ffects)", re.U), low)] == []


def test_forms_left_as_written() -> None:
    for src in (r"\bs?x", r"\b(a|b)?c", r"\b(\d+) mg", r"(?:x|\by)", r"\b(?:is|are) (x)|\bq", r"\bpain|[a-z]+"):
        assert charset_first(src, re.U) is None, src


def test_patterns_built_from_sets_are_the_same_under_any_hash_seed() -> None:
    # Alternations built from sets list equal-length words in set order, which follows the string hash seed; sorted
    # by (length, text) the compiled patterns are the same in every process (and so are the matches of overlapping
    # regex alternatives of equal length).
    import json
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    script = (
        "import json, re\n"
        "seen = set()\n"
        "orig = re.compile\n"
        "def rec(p, flags=0):\n"
        "    if isinstance(p, str): seen.add((p, int(flags)))\n"
        "    return orig(p, flags)\n"
        "re.compile = rec\n"
        "from ketamine_evidence.analysis.parse import parse_file\n"
        "from ketamine_evidence.analysis.extract import extract_findings\n"
        "for a in parse_file('" + str(REPO.parent / "shared" / "corpus" / "pmc_ketamine" / "PMC3460347.nxml") + "'):\n"
        "    extract_findings(a)\n"
        "print(json.dumps(sorted(seen)))\n")
    runs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", script], env=env, cwd=REPO, capture_output=True, text=True,
                             check=True)
        runs.append(json.loads(out.stdout))
    assert len(runs[0]) > 1000 and runs[0] == runs[1]
