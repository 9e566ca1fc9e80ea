"""Extractor: pain scores per arm ('5 ± 1 in the case group vs. 5.6 ± 2 in the control group') and
changes from baseline ('VAS decreased from 6.92 ± 1.00 to 1.84 ± 1.03 at 4 weeks').

Findings ``pain_score`` (detail: arm, arm_text, timepoint, mean, sd, n, scale) and
``pain_score_change`` (detail: arm, arm_text, baseline, follow_up, change, timepoint, sd/se), with
means on a 0-10 scale (0-100 mm and 0-100 scales divided by 10) so that arms and studies compare.
``arm`` is the intervention's name, 'control' (placebo, saline, sham...) or the comparator's words,
so that effect sizes can pair the intervention with its control. Only values written right after a
pain-score term (VAS, NRS, pain score, pain intensity) are read, never doses or times.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ketamine_evidence.analysis.extract.direction import PLACEBO_LIKE, Arms, arms_for
from ketamine_evidence.analysis.extract.inactive_arms import NAMED
from ketamine_evidence.analysis.extract.text_patterns import parse_number, time_mentions
from ketamine_evidence.analysis.records import Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

NAME = "pain_scores"
VERSION = "1.0"

SCORE_TERM = re.compile(
    r"\b(vas|nrs|vrs|visual analog(ue)? scale|numeric(al)? (pain )?rating scale|pain (scores?|intensity|severity|"
    r"ratings?)|headache intensity|(mean|median) pain|average pain|worst pain|pain now)\b", re.I)
_NUM = r"[-\u2212]?\d+(?:[.\u00b7]\d+)?"
MEAN_SD = re.compile(
    rf"(?P<mean>{_NUM})\s?(?:±|\+/-|\+-)\s?(?P<sd>\d+(?:[.\u00b7]\d+)?)|(?P<mean2>{_NUM})\s?\(\s?(?:SD\s?[:=]?\s?)?"
    rf"(?P<sd2>\d+(?:[.\u00b7]\d+)?)\s?\)")
FROM_TO = re.compile(
    rf"from\s(?:(?:the\s)?baseline(?:\svalue)?(?:\sof)?\s)?(?P<a>{_NUM}(?:\s?±\s?\d+(?:\.\d+)?)?)\s?(?:to|–|-)\s?"
    rf"(?P<b>{_NUM}(?:\s?±\s?\d+(?:\.\d+)?)?)", re.I)
_UNIT_AFTER = re.compile(r"^\s?(mg|µg|mcg|ug|g|ml|min|minutes?|h|hours?|days?|%|mmhg|kg|years?|ng|pg)\b", re.I)
_N = re.compile(r"[\[(]\s?n\s?=\s?(\d+)\s?[\])]", re.I)
_ARM_AFTER = re.compile(r"^[^;]{0,25}?\b(?:in|for|with|of)\s(?:the\s)?(?P<arm>[\w+-]+(?:\s[\w+-]+)?\sgroups?|groups?\s[\w+-]+|"
                        rf"{NAMED}|controls?)\b", re.I)
_ARM_WORDS = re.compile(r"\b(?:[Gg]roups?\s(?:[A-Z][\w+-]*|\d+)|(?!(?:in|for|with|of|the|to|and|both|two|three|all|each|"
                        r"other)\s)[A-Za-z][\w+-]*\s(?:\d+\s?mg\s)?groups?|" rf"{NAMED}|controls?)\b", re.I)
_LEADING = re.compile(r"^(?:in|for|with|of|to|the|and|vs|versus|than)\s+", re.I)
_SE = re.compile(r"\b(SE|SEM|standard error)\b")


def _mean_sd(text: str) -> tuple[float | None, float | None]:
    m = MEAN_SD.search(text)
    if m:
        mean = parse_number(m.group("mean") or m.group("mean2"))
        sd = parse_number(m.group("sd") or m.group("sd2"))
        return mean, sd
    return parse_number(text.split("±")[0]), None


_HUNDRED_POINT = re.compile(r"\b(mm|0\s?[-–]\s?100|100[- ]?mm|100[- ]point)\b", re.I)


def _scale(sentence: str, values: list[float]) -> str:
    if _HUNDRED_POINT.search(sentence) or any(abs(v) > 10 for v in values):
        return "0-100"
    return "0-10"


def _arm(text_after: str, text_before: str, arms: Arms, intervention: str) -> tuple[str | None, str | None]:
    """(arm for effect sizes, the words naming it) from the words after, else before, a value."""
    words = None
    m = _ARM_AFTER.search(text_after)
    if m and m.start("arm") < 16:  # '5 ± 1 in the case group'
        words = m.group("arm")
    elif not text_before.rstrip().endswith("("):  # '... duloxetine 40 mg (-2.41 ± 0.21)': the arm is named before
        words = m.group("arm") if m else None
    if words is None:
        found = [m.group(0) for m in _ARM_WORDS.finditer(text_before)]
        named = [m.group(0) for m in arms_named(text_before, arms)]
        words = (found or named or [None])[-1] if not text_before.rstrip().endswith("(") else (
            named or found or [None])[-1]
    if words is None:
        return None, None
    while _LEADING.match(words):
        words = _LEADING.sub("", words, count=1)
    if arms.is_intervention(words) and not arms.is_comparator(words):
        return intervention, words
    if PLACEBO_LIKE.search(words):
        return "control", words
    if arms.is_comparator(words):
        return words, words
    return None, words


_ARM_SIZE = re.compile(r"[(\[,;]\s?n\s?=\s?(\d+)\s?[)\],;]", re.I)
_EACH = re.compile(r"\b(?:of|with)\s(\d+)\s(?:patients|participants|subjects|women|men|children)?\s?each\b|"
                   r"\b(\d+)\s(?:patients|participants|subjects)\s(?:in\s)?each\b|\b(\d+)\sper\s(?:group|arm)\b", re.I)


def arm_sizes(text: str, arms: Arms, intervention: str) -> dict[str, int]:
    """Participants per arm, keyed like the findings' ``arm``: '(ISWI (n=34) or saline (n=34)'; 'two groups
    of 30 each'. An arm named twice with different sizes is left out (which one is meant is unclear)."""
    sizes: dict[str, set[int]] = {}
    for m in _ARM_SIZE.finditer(text):
        before = text[max(0, m.start() - 60):m.start()]
        before = re.split(r"\bor\b|\band\b|\.\s|,\s(?=[A-Za-z])", before)[-1]
        arm, _ = _arm("", before, arms, intervention)
        if arm is not None:
            sizes.setdefault(arm, set()).add(int(m.group(1)))
    each = _EACH.search(text)
    if each:
        n = int(next(g for g in each.groups() if g))
        for arm in (intervention, "control"):
            sizes.setdefault(arm, {n})
    return {arm: next(iter(ns)) for arm, ns in sizes.items() if len(ns) == 1}


_RESPECTIVELY = re.compile(r"\b(?:in|for|with)\s(?:the\s)?(?P<arms>[^;()]{2,100}?)(?:\sgroups?)?,?\s+respectively", re.I)


def _respectively(text: str, count: int) -> list[str] | None:
    """The arms named in order before 'respectively', when there are as many as values."""
    m = _RESPECTIVELY.search(text)
    if not m or count < 2:
        return None
    names = [n.strip() for n in re.split(r",\s?(?:and\s)?|\s(?:and|or|vs\.?|versus)\s", m.group("arms")) if n.strip()]
    return names if len(names) == count else None


def arms_named(text: str, arms: Arms) -> list[re.Match[str]]:
    """Words naming an arm in ``text`` (a drug name with its dose: 'duloxetine 40 mg')."""
    return [m for m in re.finditer(r"[A-Za-z][\w-]+(?:\s\d+(?:\.\d+)?\s?mg)?", text)
            if arms.is_intervention(m.group(0)) or arms.is_comparator(m.group(0))]


def _timepoint(sentence: str) -> str | None:
    times = time_mentions(sentence)
    return times[-1].text if times else None


def scores_in(sentence: "Sentence", arms: Arms, intervention: str) -> list[tuple[str, dict[str, Any]]]:
    """(field, detail) for every per-arm pain score or change in one sentence."""
    text = sentence.text
    out: list[tuple[str, dict[str, Any]]] = []
    timepoint = _timepoint(text)
    for term in SCORE_TERM.finditer(text):
        window_end = min(len(text), term.end() + 220)
        nxt = SCORE_TERM.search(text, term.end())
        other = re.search(r"\b(consumption|requirements?|dose|time|duration|satisfaction|pressure|rate)\b",
                          text[term.end():window_end], re.I)
        if nxt:
            window_end = min(window_end, nxt.start())
        if other:
            window_end = min(window_end, term.end() + other.start())
        window = text[term.end():window_end]
        changes = list(FROM_TO.finditer(window))
        for ch in changes:
            a_mean, a_sd = _mean_sd(ch.group("a"))
            b_mean, b_sd = _mean_sd(ch.group("b"))
            if a_mean is None or b_mean is None:
                continue
            start = term.end() + ch.start()
            arm, words = _arm(text[term.end() + ch.end():], text[max(0, start - 60):start], arms, intervention)
            if arm is None:
                arm, words = _arm("", text[:term.start()], arms, intervention)
            divisor = 10.0 if _scale(text, [a_mean, b_mean]) == "0-100" else 1.0
            out.append(("pain_score_change", {
                "arm": arm, "arm_text": words, "baseline": a_mean / divisor, "follow_up": b_mean / divisor,
                "change": round((b_mean - a_mean) / divisor, 4), "timepoint": timepoint,
                "baseline_sd": a_sd / divisor if a_sd is not None else None,
                "follow_up_sd": b_sd / divisor if b_sd is not None else None}))
        if changes:
            continue
        values = [m for m in MEAN_SD.finditer(window) if not (
            _UNIT_AFTER.search(window[m.end():]) or _UNIT_AFTER.search(window[m.start():].split(")")[0][-6:] or ""))]
        respective = _respectively(text[term.end():], len(values))
        for k, m in enumerate(values):
            mean = parse_number(m.group("mean") or m.group("mean2"))
            sd = parse_number(m.group("sd") or m.group("sd2"))
            if mean is None or sd is None:
                continue
            start, end = term.end() + m.start(), term.end() + m.end()
            if respective:  # '2.1 ± 0.8 and 4.3 ± 1.2 in the ketamine and control groups, respectively'
                arm, words = _arm("", respective[k], arms, intervention)
            else:
                arm, words = _arm(text[end:end + 80], text[max(0, start - 60):start], arms, intervention)
            nm = _N.search(text[end:end + 20])
            divisor = 10.0 if _scale(text, [mean]) == "0-100" else 1.0
            spread = "se" if _SE.search(text) else "sd"
            if mean < 0 or re.search(r"\bchange", text[max(0, term.start() - 40):end], re.I):
                out.append(("pain_score_change", {"arm": arm, "arm_text": words, "change": mean / divisor,
                                                  spread: sd / divisor, "timepoint": timepoint,
                                                  "n": int(nm.group(1)) if nm else None}))
            else:
                out.append(("pain_score", {"arm": arm, "arm_text": words, "timepoint": timepoint,
                                           "mean": round(mean / divisor, 4), spread: round(sd / divisor, 4),
                                           "n": int(nm.group(1)) if nm else None,
                                           "scale": _scale(text, [mean])}))
    return out


def extract(ctx: "Context") -> list[Finding]:
    if not ctx.intervention.mentioned_in(ctx.text):
        return []
    candidates = [s for s in ctx.sentences if SCORE_TERM.search(s.text) and ("±" in s.text or MEAN_SD.search(s.text)
                                                                           or FROM_TO.search(s.text))]
    if not candidates:
        return []
    arms = arms_for(ctx.text, ctx.intervention.pattern)
    sizes = arm_sizes(ctx.text, arms, ctx.intervention.name)
    findings = []
    for s in candidates:
        for field, detail in scores_in(s, arms, ctx.intervention.name):
            if detail.get("n") is None and detail.get("arm") in sizes:
                detail["n"] = sizes[detail["arm"]]  # the arm's size from '(n = 34)' where the abstract gives it
            value = detail.get("mean", detail.get("change"))
            findings.append(Finding(field, value, ctx.evidence(s, NAME, VERSION), ctx.intervention.name, detail))
    return findings
