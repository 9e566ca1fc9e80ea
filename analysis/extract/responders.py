"""Extractor: responder_rate_pct — the share of intervention-treated patients reported as responders.

Any stated threshold counts ('>= 50% pain reduction', 'responders', 'much improved', 'pain-free at
2 h', 'effective pain relief (NRS < 3)', 'positive outcome'). The rate comes from '73% in
rizatriptan', 'tCBT (35.4%', '77.3% of patients in PIL group', '(38.9 versus 5.6%' after the
intervention's group, or is computed from 'x of n' / 'x/n'. Thresholds ('>= 30%'), confidence
intervals and rates pooled over both arms are not rates. Each arm's rate is also an auxiliary
``responders`` finding (arm, events, n, threshold).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.section_roles import section_role
from ketamine_evidence.analysis.extract.direction import PLACEBO_LIKE, Arms, arms_for
from ketamine_evidence.analysis.extract.outcomes import PAIN_WORD
from ketamine_evidence.analysis.extract.study_text import PAIN_FORMS
from ketamine_evidence.analysis.extract.text_patterns import NUM, parse_number
from ketamine_evidence.analysis.records import Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

NAME = "responders"
VERSION = "1.0"

RESPONDER_CUE = re.compile(
    r"\b(responders?|response rates?|responded|(" + PAIN_WORD + r"|migraine) (relief|freedom)|" + PAIN_WORD + r"[- ]free|"
    r"(≥|>=|>|at least|more than)\s?\d+\s?%\s?(pain )?(reduction|decrease|improvement|relief)|(very )?much improved|"
    r"effective (pain )?relief|positive outcome|treatment success|success(ful)? (rates?|treatments?|outcomes?)|"
    r"satisfactory (pain )?relief|(good|excellent) (pain )?relief|complete (pain )?relief|"
    r"(\d+\s?%|50 percent|30 percent) (or (greater|more) )?(reduction|decrease|improvement) in " + PAIN_WORD + r"|"
    # the better categories of a global rating of the condition (additions rules b, ar): 'rated as 79% much better or
    # better'
    r"\d+(\.\d+)?\s?%\s(very )?much better)", re.I)
# A response defined by a criterion that is not pain (tumour, RECIST, UICC, WHO response criteria): where the abstract
# names one, a bare 'responders' / 'response rate' counts that response, not pain relief (additions rule b).
NON_PAIN_RESPONSE = re.compile(r"\b(Response Evaluation Criteria|RECIST|(UICC|WHO|tumou?r|ACR|ASAS|EULAR|objective|"
                               r"virolog\w*|serolog\w*|depressi\w*|HAM-D|MADRS) (criteria )?(of )?(response|remission)|"
                               r"criteria of response)", re.I)
_BARE_RESPONSE = re.compile(r"(?i:responders?|response rates?|responded)")
# A threshold phrase, e.g. ">= 50% reduction"; the percentage is not a rate.
_THRESHOLD_BEFORE = re.compile(r"(≥|>=|>|<|≤|at least|more than|less than|over|of|by)\s?$", re.I)
_THRESHOLD_AFTER = re.compile(
    r"^\s?(([-\u2013]|to|and|or)\s?\d+(\.\d+)?\s?%\s?)?(or (greater|more)\s)?(pain\s)?(reduction|decrease|improvement|relief|"
    r"CI|confidence|of (the )?(estimated|maximum|load|baseline))", re.I)
_CI = re.compile(r"[\(\[]\s?(95|90|99)\s?%\s?(CI|confidence)[^)\]]*[\)\]]|(95|90|99)\s?%\s?(CI|confidence interval)s?\s?[:=,]?\s?"
                 r"[-\u2212\d.]+\s?(%|[-\u2013\u2012to]+)\s?[-\u2212\d.]+\s?%?", re.I)
_SUCCESS = re.compile(r"(treatment )?success", re.I)
_PAIN_WORDS = re.compile(r"\b(pain\w*|analges\w*|headache|migraine|" + PAIN_FORMS + r")\b", re.I)
_POOLED = re.compile(r"\b(both (treatments|groups|arms|drugs)|all patients|overall|in total|of all)\b", re.I)
_PCT = re.compile(rf"(?<![\w.])(?P<num>{NUM})(?P<versus>\s?(?:versus|vs\.?)\s?{NUM})?\s?(?:%|per\s?cent\b|percent\b)", re.I)
_X_OF_N = re.compile(r"\b(?P<x>\d+)\s?(?:of|/|out of)\s?(?:the\s)?(?P<n>\d+)\b")
_BOUNDARY = re.compile(r"[;]|\d\s?%")
# A count with its rate in brackets: '21 (' before '78%)'.
_COUNT_BRACKET = re.compile(r"(?<![\w.])\d+\s?(?:patients\s)?\($")


@dataclass(frozen=True, slots=True)
class Rate:
    pct: float
    arm: str  # 'intervention' | 'comparator' | 'unknown'
    start: int
    events: int | None = None
    n: int | None = None
    placebo: bool = False  # the comparator is placebo, sham, saline, usual care...


def _mask_ci(text: str) -> str:
    return _CI.sub(lambda m: " " * len(m.group(0)), text)


def _arm_of(segment: str, arms: Arms) -> str:
    i, c = arms.is_intervention(segment), arms.is_comparator(segment)
    if i and not c:
        return "intervention"
    if c and not i:
        return "comparator"
    return "unknown"


def rates(text: str, arms: Arms) -> list[Rate]:
    """Responder percentages of one sentence, each attributed to an arm by the words around it."""
    masked = _mask_ci(text)
    out: list[Rate] = []
    matches = list(_PCT.finditer(masked))
    named_after = False  # the rate before took its arm from the words after its bracket
    for k, m in enumerate(matches):
        if _THRESHOLD_BEFORE.search(masked[max(0, m.start() - 12):m.start()]) or _THRESHOLD_AFTER.search(masked[m.end():]):
            continue
        first = parse_number(m.group("num"))
        if first is None or not 0 <= first <= 100:
            continue
        prev_end = matches[k - 1].end() if k else 0
        nxt = matches[k + 1].start() if k + 1 < len(matches) else len(masked)
        after = masked[m.end():min(nxt, m.end() + 60)]
        after = re.split(r"[;]|\bvs\b|\bversus\b|\band\b(?=\s\d)", after)[0]
        after = re.sub(r"\s(?:and|or)\s*$", " ", after)  # '... with TM and' before '75% using autograft': the 'and'
        # opens the next rate's words ('79% much better or better after fusion with TM and 75% using autograft')
        before = masked[prev_end:m.start()]
        before = re.split(r"[;,]\s(?=[^,;]*$)", before)[-1] if k else before
        close = re.match(r"\s?[);]", masked[m.end():])
        if close and _COUNT_BRACKET.search(before):  # '21 (78%) among those who received a single fraction and 20
            # (65%) among ...': the rate of the count before the bracket. Its arm is named before the count ('ketamine
            # 12 (40%)'), unless those words told the arm of the rate before, else after the bracket.
            earlier = before[:_COUNT_BRACKET.search(before).start()]
            earlier = (re.split(r"[;,]\s(?=[^,;]*$)", earlier)[-1] if k else earlier)[-80:]
            arm, words = ("unknown", earlier) if named_after else (_arm_of(earlier, arms), earlier)
            named_after = False
            if arm == "unknown":
                following = re.split(r"[;(]|\bvs\b|\bversus\b|\band\b(?=\s\d)",
                                     masked[m.end() + close.end():nxt][:80])[0]
                arm, words = _arm_of(following, arms), following
                named_after = arm != "unknown"
        elif close:  # 'tCBT (35.4%;' - the arm is named before the bracket
            arm, words = _arm_of(before[-80:], arms), before[-80:]
            named_after = False
        else:
            named_after = False
            arm, words = _arm_of(after, arms), after
            if arm == "unknown" or re.match(r"\s?\(", masked[m.end():]):
                if _arm_of(before[-80:], arms) != "unknown":
                    arm, words = _arm_of(before[-80:], arms), before[-80:]
        placebo = arm == "comparator" and bool(PLACEBO_LIKE.search(words))
        events = n = None
        xn = _X_OF_N.search(masked[max(prev_end, m.start() - 40):m.start()])
        if xn:
            events, n = int(xn.group("x")), int(xn.group("n"))
        out.append(Rate(first, arm, m.start(), events, n, placebo))
        if m.group("versus"):
            second = parse_number(re.sub(r"^\s?(versus|vs\.?)\s?", "", m.group("versus"), flags=re.I))
            if second is not None:
                other = {"intervention": "comparator", "comparator": "intervention"}.get(arm, "unknown")
                out.append(Rate(second, other, m.start()))
    if re.search(r"\brespectively\b", masked, re.I):
        out = _respectively(masked, out, arms) or out
    if not matches:  # '9 of 30 patients' without a percentage
        for xn in _X_OF_N.finditer(masked):
            x, n = int(xn.group("x")), int(xn.group("n"))
            if 0 < n and x <= n:
                words = masked[xn.end():xn.end() + 50]
                arm = _arm_of(words, arms)
                out.append(Rate(round(100 * x / n, 1), arm, xn.start(), x, n,
                                arm == "comparator" and bool(PLACEBO_LIKE.search(words))))
    return out


def _respectively(text: str, found: list[Rate], arms: Arms) -> list[Rate] | None:
    """'55% and 42.9% for A-ketamine and A-saline group, respectively': pair rates and arms in order."""
    m = re.search(r"\b(?:for|in|with|of)\s(?:the\s)?(?P<arms>[^;%]{2,120}?),?\s+respectively", text, re.I)
    if not m or len(found) < 2:
        return None
    names = [n for n in re.split(r",\s?(?:and\s)?|\s(?:and|or|vs\.?|versus)\s", m.group("arms")) if n.strip()]
    before = [r for r in found if r.start < m.start()]
    if len(names) > len(before) or not names:
        return None
    kept, before = before[:len(before) - len(names)], before[len(before) - len(names):]  # '13.9% of X versus 5.5%
    paired = list(kept)                                                  # and 5.3% of Y and Z, respectively'
    for r, name in zip(before, names):
        arm = _arm_of(name, arms)
        paired.append(Rate(r.pct, arm, r.start, r.events, r.n, arm == "comparator" and bool(PLACEBO_LIKE.search(name))))
    return paired + [r for r in found if r.start >= m.start()]


def _threshold(text: str) -> str | None:
    m = RESPONDER_CUE.search(text)
    return m.group(0) if m else None


_NOT_RESULTS = ("background", "objective", "methods")  # section roles whose sentences report no result


def responder_sentences(ctx: "Context") -> list["Sentence"]:
    """Results/conclusions sentences (or unlabelled ones) that report responders with a number."""
    out = []
    for s in ctx.sentences:
        if s.section == "TITLE" or section_role(s.section) in _NOT_RESULTS:
            continue
        if RESPONDER_CUE.search(s.text) and (_PCT.search(s.text) or _X_OF_N.search(s.text)):
            out.append(s)
    return out


def extract(ctx: "Context") -> list[Finding]:
    if not ctx.intervention.mentioned_in(ctx.text):
        return []
    sentences = responder_sentences(ctx)
    if not sentences:
        return []
    arms = arms_for(ctx.text, ctx.intervention.pattern)
    findings: list[Finding] = []
    chosen: Finding | None = None
    name = ctx.intervention.name
    pain_study = bool(_PAIN_WORDS.search(ctx.text))
    other_response = bool(NON_PAIN_RESPONSE.search(ctx.text))
    for s in sentences:
        threshold = _threshold(s.text)
        if threshold and _SUCCESS.match(threshold) and not pain_study:
            continue  # 'success' of sedation or intubation is not pain relief
        if threshold and other_response and _BARE_RESPONSE.fullmatch(threshold):
            continue  # '68.4% were classified as responders' where response is RECIST's: no pain responders
        for r in rates(s.text, arms):
            if r.arm == "unknown":
                continue
            if _POOLED.search(s.text[max(0, r.start - 60):r.start + 60]) and r.arm == "intervention" and not \
                    arms.is_intervention(s.text[max(0, r.start - 60):r.start + 60]):
                continue
            evidence = ctx.evidence(s, NAME, VERSION)
            arm = name if r.arm == "intervention" else ("control" if r.placebo else "comparator")
            detail = {"arm": arm, "role": r.arm, "events": r.events, "n": r.n, "threshold": threshold,
                      "percent": r.pct}
            findings.append(Finding("responders", r.pct, evidence, name, detail))
            if chosen is None and r.arm == "intervention":
                chosen = Finding("responder_rate_pct", r.pct, evidence, name, detail)
    if chosen is not None:
        findings.insert(0, chosen)
    return findings
