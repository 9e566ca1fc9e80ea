"""The prompt's arms for the Evidence Inference reading: which words of a sentence name the prompt's intervention and
which its comparator (``prompt_arms``), from the prompt's own words, the abbreviations and group labels the article
gives them, capitals spelling an arm's initials, and the extractor's ``arms_for`` reading of the article.

Split from ``evidence_inference`` (which picks and reads the clause) so that module stays small (round 14).
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.evaluation.ei_corpus import Prompt, _stems
from ketamine_evidence.analysis.extract.arm_abbreviations import initials_in_text
from ketamine_evidence.analysis.extract.direction import GENERIC_INTERVENTION_ARM, PLACEBO_LIKE, Arms, arms_for
from ketamine_evidence.analysis.extract.text_patterns import longest_first

_ABBREVIATION = re.compile(r"([A-Za-z][\w-]*(?:\s[\w-]+){0,3})\s\(([A-Z][A-Za-z0-9+-]{1,8})\)")


def prompt_arms(prompt: Prompt, article_text: str = "") -> Arms:
    """Intervention/comparator matchers from the prompt's words (shared words identify neither), plus the
    article's group labels for them ('Group B (bupivacaine ...)'), read by the extractor's ``arms_for``."""
    inter, comp = _stems(prompt.intervention), _stems(prompt.comparator)
    inter, comp = inter - comp, comp - inter
    # Abbreviations the article defines for either arm: 'accelerated fractionation (AF)'.
    inter_abbr: set[str] = set()
    comp_abbr: set[str] = set()
    for m in _ABBREVIATION.finditer(article_text):
        words = _stems(m.group(1))
        abbr = m.group(2).lower()[:5]
        if words & inter and not words & comp:
            inter = inter | {abbr}
            inter_abbr.add(m.group(2))
        elif words & comp and not words & inter:
            comp = comp | {abbr}
            comp_abbr.add(m.group(2))
    for text, found in ((prompt.intervention, inter_abbr), (prompt.comparator, comp_abbr)):
        found.update(re.findall(r"\(([A-Z][A-Za-z0-9+-]{1,8})\)", text))  # 'frovatriptan (F)'
    # Capitals spelling the initials of an arm's words, undefined in the text: 'the HFNC group' for 'high-flow nasal cannula'.
    inter_initials, comp_initials = (set(initials_in_text(article_text, t)) for t in (prompt.intervention, prompt.comparator))
    inter |= {a.lower()[:5] for a in inter_initials - comp_initials}
    comp |= {a.lower()[:5] for a in comp_initials - inter_initials}
    inter_abbr, comp_abbr = inter_abbr - comp_abbr, comp_abbr - inter_abbr
    # Two-letter abbreviations ('AF', 'CF') are shorter than a stem: matched as whole words, case-sensitive.
    inter_short = _words_regex({a for a in inter_abbr if len(a) < 3}, _group_labels(prompt.intervention, prompt.comparator))
    comp_short = _words_regex({a for a in comp_abbr if len(a) < 3}, _group_labels(prompt.comparator, prompt.intervention))
    placebo = bool(PLACEBO_LIKE.search(prompt.comparator))
    generic = not GENERIC_INTERVENTION_ARM.search(prompt.comparator)
    article = None
    if inter and article_text:
        # not 'non-lobaplatin-containing regimens' (the arm without the intervention's drug)
        pattern = re.compile(r"(?<!non-)(?<!non\u2013)\b(?:%s)[\w-]*" % "|".join(re.escape(w) for w in sorted(inter)), re.I)
        article = arms_for(article_text, pattern)

    combination = _combination(prompt)
    base = _stems(prompt.comparator)  # 'fentanyl with ketamine' vs 'fentanyl': the comparator's drug given alone

    def is_intervention(s: str) -> bool:
        if combination and _COMBINED.search(s):
            return True
        if inter & _stems(s):
            return True
        if _qualified_generic(s, comp):  # 'the late intervention group' (the comparator: 'late video')
            return False
        return bool(article and article.is_intervention(s)) or bool(generic and GENERIC_INTERVENTION_ARM.search(s)) or bool(
            inter_short and inter_short.search(s))

    def is_comparator(s: str) -> bool:
        if comp & _stems(s) or (placebo and PLACEBO_LIKE.search(s)) or (comp_short and comp_short.search(s)):
            return True
        if combination and base & _stems(s) and (_ALONE.search(s) or not is_intervention(s)):
            return True
        return bool(article and not placebo and article.is_comparator(PLACEBO_LIKE.sub(" ", s)))

    return Arms(is_intervention, is_comparator, placebo)


def _qualified_generic(text: str, comp: set[str]) -> bool:
    """'the late intervention group' where 'late' is the comparator's own word: every generic arm phrase of the text
    is qualified by the comparator, so it names the comparator, not the intervention (EI-read, round 14)."""
    found = [m for m in GENERIC_INTERVENTION_ARM.finditer(text)]
    return bool(found) and all(comp & _stems(" ".join(text[:m.start()].split()[-2:])) for m in found)


def _words_regex(words: set[str], groups: set[str] = frozenset()) -> re.Pattern[str] | None:  # type: ignore[assignment]
    """Whole words (case-sensitive), and the prompt's group labels as 'group B' / 'B group'."""
    alternatives = [re.escape(w) for w in longest_first(words)]
    alternatives += [r"(?i:groups?)\s?%s|%s\s(?i:group)" % (re.escape(g), re.escape(g)) for g in sorted(groups)]
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(alternatives)) if alternatives else None


_GROUP_LABEL = re.compile(r"\b(?i:group)\s?([A-Z]{1,2}|[IVX]{1,4}|\d{1,2})\b|\b([A-Z]{1,2}|[IVX]{1,4}|\d{1,2})\s(?i:group)\b")


def _group_labels(arm: str, other: str) -> set[str]:
    """The labels a prompt gives its arm ('Papacarie method (group B)', 'Group I included patients ...'),
    not shared with the other arm's text: the article names the arms by them."""
    labels = {a or b for a, b in _GROUP_LABEL.findall(arm)}
    return labels - {a or b for a, b in _GROUP_LABEL.findall(other)}


_ALONE = re.compile(r"\b(alone|by itself|on its own|monotherapy)\b", re.I)
_COMBINED = re.compile(r"\b(combin\w*|added to|addition of|in addition|plus|together with|co-?administ\w*|adjunct\w*)\b", re.I)
_JOINED = re.compile(r"\s(with|plus|and|\+|combined with|added to)\s", re.I)


def _combination(prompt: Prompt) -> bool:
    """'fentanyl with ketamine' vs 'fentanyl': the intervention adds a drug to the comparator."""
    inter, comp = _stems(prompt.intervention), _stems(prompt.comparator)
    return bool(comp) and comp <= inter and bool(inter - comp) and bool(_JOINED.search(prompt.intervention))

