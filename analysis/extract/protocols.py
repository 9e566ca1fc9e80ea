"""Planned, not observed: study protocols and future-tense sentences (guideline additions, rule a).

A protocol describes a trial that has not run yet: no result is read from it (no relief, no effect), but its
plans are the study's own numbers, so ``n_participants`` is its planned sample size and ``follow_up_days`` its
longest planned assessment time (rule a, revised in round 13). In a finished study a planned sentence is still
no record of it ('a future randomized study ... will include 254 patients'). ``is_protocol`` is the one reading of
which plans are the study's own, shared by the participant, follow-up and relief extractors. Two signals, both
general:

- a *planned* sentence: the study's people or times under a future or modal verb ('will be randomised',
  'will include', 'are to be recruited', 'the sample size required is n = 38');
- a *protocol* article: it calls itself a protocol or design paper and plans at least once, or states at
  least two plans and shows no past-tense finding; either way it reports no result (no p-value, no
  confidence interval, nobody 'was randomised').
"""

from __future__ import annotations

import re
from itertools import islice
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.section_roles import section_role
from ketamine_evidence.analysis.extract.study_text import Gated

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context

# The study's own conduct stated as a plan: 'will be randomised', 'will receive', 'will be followed up',
# 'are to be recruited', 'is expected to enrol'.
PLANNED = re.compile(
    r"\b(?:will|shall|would be|are to|is to|is expected to|are expected to|plan(?:s|ned)? to|aims? to (?:recruit|enrol|"
    r"include|randomi[sz]e))\s+(?:\w+\s+){0,2}?(?:be\s+)?(?:randomi[sz]\w*|recruit\w*|enrol\w*|includ\w*|"
    r"allocat\w*|assign\w*|receiv\w*|follow\w*|assess\w*|measur\w*|evaluat\w*|treat\w*|undergo|participat\w*|"
    r"record\w*|complet\w*|collect\w*|perform\w*|compar\w*|taken|take|start|consist\w*)\b"
    r"|\bsample size (?:required|needed|of)\b|\b(?:required|needed|planned|target) sample size\b"
    # a trial still running: 'patients are being assigned', 'an ongoing randomised study', '... trial is planned'
    r"|\b(?:are|is) being (?:randomi[sz]ed|recruited|enrolled|included|allocated|assigned|assessed|followed)\b"
    r"|\ban ongoing (?:\w+\s){0,3}?(?:study|trial)\b|\b(?:study|trial) is planned\b"
    r"|\b(?:will|shall) (?:be )?(?:investigat|examin|determin|test|publish|contribut)\w*",
    re.I)
# A protocol's own name for itself: 'study protocol', 'protocol for a randomised trial', 'design and rationale'.
PROTOCOL_TITLE = re.compile(
    r"\b(?:study|trial) protocol\b|\bprotocol (?:for|of) (?:an?|the)\b|\bprotocol\s*:|^protocol\b|"
    r"\bthis (?:article|paper|manuscript) (?:describes|reports|presents|provides) the (?:protocol|design|rationale)\b|"
    r"\bdesign (?:and|&) (?:rationale|methods)\b|\brationale (?:and|&) design\b|"
    r"\b(?:methods|design) of an? (?:\w+[ ,-]+){0,6}?(?:trial|study)\b",
    re.I)
# An observed result: a p-value, a confidence interval, a past-tense finding or randomisation.
RESULT = re.compile(
    r"\b(?:p\s?[<=>≤]\s?0?[.·]\d|95\s?%\s?CI|confidence interval|(?:was|were) (?:significantly|statistically|"
    r"not significantly|similar|comparable|found|observed)|(?:were|was) randomi[sz]ed\b|completed the (?:study|trial))",
    re.I)
# A weaker sign of results, which background sentences of protocols also show ('pain results in decreased function').
FINDING = re.compile(r"\b(?:we (?:found|showed|observed)|(?:showed|demonstrated|revealed)\b(?! to)|"
                     r"(?:was|were) (?:higher|lower|reduced|increased|decreased|improved))", re.I)


# Every PLANNED match holds one of these (lower-cased): the shared one-pass key check (``study_text.Gated``)
# comes before the regex.
_PLANNED_KEYS = ("will ", "shall ", "would be", "are to ", "is to ", "expected to", "plan to", "plans to", "planned to",
                 "aim to", "aims to", "sample size", "are being ", "is being ", "ongoing", "is planned")
_PLANNED = Gated(PLANNED, _PLANNED_KEYS)


def is_planned(text: str) -> bool:
    """True when ``text`` speaks of the study's conduct as a plan, not as something done."""
    return _PLANNED.possible(text) and _PLANNED.scan(text) is not None


def is_protocol(ctx: "Context") -> bool:
    """True for an abstract that describes a trial not yet run (see the module docstring)."""
    text = ctx.text
    cached = _CACHE.get(id(ctx))
    if cached is not None and cached[0] is text:
        return cached[1]
    planned = sum(1 for _ in islice(PLANNED.finditer(text), 2)) if is_planned(text) else 0
    # A title that calls the paper a protocol or a methods paper is enough without results ('Spinal versus general
    # anaesthesia ... (SPINASIA trial): study protocol for a randomised controlled trial', whose sentences say
    # 'are included' in the present); otherwise two plans and no finding.
    titled = _self_named(ctx.article.title or "") or planned >= 1 and _self_named(text)
    # A paper that names itself a protocol may tell its methods in the past ('Participants were randomized'); only
    # a statistic or a stated finding then shows results.
    # A protocol's background cites earlier trials' results ('A randomised single blind study showed that ... was
    # significantly better'): where the title names the paper a protocol, only the other sections can report results.
    own = " ".join(s.text for s in ctx.sentences if section_role(s.section) != "background" and not
                   _OTHER_FINDING.match(s.text)) if titled else text
    result = (titled or (planned >= 2 and not FINDING.search(text))) and not _reports_result(own, strong=titled)
    _CACHE.clear()
    _CACHE[id(ctx)] = (text, result)
    return result


_CACHE: dict[int, tuple[str, bool]] = {}
# Another study's finding, with or without a Background label: an indefinite or earlier study as the subject of a
# reporting verb ('A randomised single blind study showed that the short-term effect of supervised exercises (SE) was
# significantly better than rESWT'); this study is 'this', 'the present' or 'our' one.
_OTHER_FINDING = re.compile(r"^\W*(?:an?|one|two|three|several|many|some|previous|prior|earlier|other|recent)\s(?:[\w-]+\s){0,5}?"
                            r"(?:study|studies|trials?|reviews?|meta-analys[ie]s)\s(?:has\s|have\s)?(?:shown|showed|found|"
                            r"demonstrated|reported|revealed|suggested)\b", re.I)
_CONDUCT = re.compile(r"(?:were|was) randomi[sz]ed|completed the (?:study|trial)", re.I)
_FUTURE = re.compile(r"\b(?:will|shall)\b", re.I)


def _self_named(text: str) -> bool:
    """The text calls itself a protocol, design or methods paper (``PROTOCOL_TITLE``; its key words checked first)."""
    low = text.lower()
    return any(k in low for k in ("protocol", "design", "methods", "rationale")) and bool(PROTOCOL_TITLE.search(text))


def _reports_result(text: str, strong: bool = False) -> bool:
    """A p-value, CI or past-tense finding outside the future-tense sentences (a protocol's analysis plan says
    'rates ... with 95% CIs will summarise the impact'); with ``strong``, not a bare 'were randomized'."""
    if not RESULT.search(text):
        return False
    if not strong and not _FUTURE.search(text):
        return True
    # A planned sentence states a significance threshold or an analysis to come ('We plan to recruit 2424 ... to have
    # 90% power to detect ..., two-sided p < 0.05'), not a result.
    return any(m and not _FUTURE.search(s) and (not strong or not _CONDUCT.fullmatch(m.group(0)) and not is_planned(s))
               for s in re.split(r"(?<=[.!?])\s+|\n", text) for m in RESULT.finditer(s))
