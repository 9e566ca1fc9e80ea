"""Rewrites about comparisons and abstract structure that must not change the gold answer (metamorphic invariance).

Why each keeps the answer (the guideline annotates what is compared and what it found, not how it is typeset):

- ``comparison_wording``: 'compared with' <-> 'compared to', 'versus' <-> 'vs.': the same comparison, the same arms.
- ``compared_versus``: 'A compared with B' -> 'A versus B' where 'compared with' follows a noun phrase (not a verb,
  an adverb, a conjunction or the start of a clause, where 'versus' would be ungrammatical): the same comparison.
- ``p_typography``: 'P < 0.05' -> 'p<.05', 'p<.05' -> 'P value < 0.05', 'P value < 0.05' -> 'P < 0.05': the
  same test result in another house style.
- ``ci_wording``: '95% CI' <-> '95% confidence interval': the same interval.
- ``p_brackets``: '(P = 0.03)' <-> ', P = 0.03,': the same result attached to the same clause.
- ``significance``: 'significantly' <-> 'statistically significantly', 'significant difference' (reduction, effect...)
  or 'was significant' <-> 'statistically significant ...': in a trial report both name the test result ('clinically
  significant' and 'no significant adverse events', a clinical judgement, are left as they are).
- ``labels_removed`` (structure): the labelled parts of a structured abstract joined as one unlabelled paragraph,
  every sentence kept in order: the same report without its headings.
- ``label_synonyms`` (structure): 'Results' <-> 'Findings', 'Conclusions' <-> 'Interpretation' (the NLM
  category PubMed gives both headings is the same): the same part under another heading.
- ``change_nominal``: 'X (significantly) reduced Y' -> 'X produced a (significant) reduction in Y' after a subject
  (not a passive, an adjective or a verb followed by a preposition): the same change of the same outcome Y, told by
  a noun instead of a verb (checks that the outcome a change is about is found the same way, ``outcome_scope``).
- ``outcome_synonyms``: 'pain scores' <-> 'pain intensity scores'; 'VAS' <-> 'visual analogue scale (VAS)' at its
  first mention: the same outcome with the same polarity (a higher score is more pain either way).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from ketamine_evidence.analysis.parse.xml_text import section_category
from ketamine_evidence.analysis.records import Article, Section


def _case_like(word: str, new: str) -> str:
    """``new`` in the case of ``word`` (upper, capitalised or lower)."""
    if word.isupper() and len(word) > 1:
        return new.upper()
    return new[0].upper() + new[1:] if word[:1].isupper() else new


# ------------------------------------------------------------------------------------------------ comparisons
_COMPARED = re.compile(r"\b([Cc]ompared)\s+(with|to)\b")
_VERSUS = re.compile(r"(?<![\w.])(versus|Versus|vs\.?|Vs\.?|VS\.?)(?=\s)")


def comparison_wording(text: str) -> str:
    """'compared with' <-> 'compared to'; 'versus' -> 'vs.' and 'vs'/'vs.' -> 'versus'."""
    text = _COMPARED.sub(lambda m: f"{m.group(1)} {'to' if m.group(2) == 'with' else 'with'}", text)

    def versus(m: re.Match[str]) -> str:
        word = m.group(1)
        return _case_like(word, "vs.") if word.lower() == "versus" else _case_like(word.rstrip("."), "versus")
    return _VERSUS.sub(versus, text)


# 'compared with' after one of these is a verb phrase or a clause start: 'versus' would not be grammatical there.
_NOT_BEFORE_VERSUS = frozenset("""when as was were is are be been being and or but if than not then also while whereas
    although though which that who it they we this these those i.e e.g all both each were""".split())
_COMPARED_AFTER = re.compile(r"(\S+)(\s+)(?:when\s+)?compared\s+(?:with|to)\b")


def compared_versus(text: str) -> str:
    """'X compared with Y' -> 'X versus Y' where the word before is a noun phrase's end ('pain', 'group K', '(30%)')."""
    def swap(m: re.Match[str]) -> str:
        before = m.group(1)
        word = before.rstrip(")%]").lower()
        if (before.endswith((",", ";", ":", ".", "(")) or word in _NOT_BEFORE_VERSUS or word.endswith("ly")
                or "when" in m.group(0)[len(before):]):
            return m.group(0)
        return f"{before}{m.group(2)}versus"
    return _COMPARED_AFTER.sub(swap, text)


# ------------------------------------------------------------------------------------------------ p values, intervals
# A P value: 'P < 0.05', 'p<.05', 'P value = 0.003', 'P-value ≤ 0.01' (not 'group P = ...': an arm label).
_P_VALUE = re.compile(r"(?<![\w\-])(?<![Gg]roup )([Pp])(\s*[\- ]?[Vv]alues?)?(\s*)([<>=\u2264\u2265])(\s*)(0?)(\.\d+)")


def p_typography(text: str) -> str:
    """'P < 0.05' -> 'p<.05'; 'p<.05' (no spaces) -> 'P value < 0.05'; 'P value < 0.05' -> 'P < 0.05'."""
    def restyle(m: re.Match[str]) -> str:
        p, words, sign, decimals = m.group(1), m.group(2), m.group(4), m.group(7)
        if words:
            return f"{p} {sign} 0{decimals}"
        if m.group(3) or m.group(5):
            return f"p{sign}{decimals}"
        return f"P value {sign} 0{decimals}"
    return _P_VALUE.sub(restyle, text)


_CI_SHORT = re.compile(r"(\d{2}(?:\.\d)?\s?%\s?)CI(s?)\b")
# with its definition: '95% confidence interval (95% CI)', '(95% confidence interval, CI)'
_CI_LONG = re.compile(r"(\d{2}(?:\.\d)?\s?%\s?)confidence interval(s?)(?:\s*\((?:\d{2}(?:\.\d)?\s?%\s?)?CIs?\)|"
                      r",\s*CIs?(?=\)))?", re.I)


def ci_wording(text: str) -> str:
    """'95% CI' -> '95% confidence interval' where the text never spells it out; else the spelled-out form
    (with its '(CI)' definition) -> '95% CI'."""
    if _CI_LONG.search(text):
        return _CI_LONG.sub(lambda m: f"{m.group(1)}CI{m.group(2)}", text)
    return _CI_SHORT.sub(lambda m: f"{m.group(1)}confidence interval{m.group(2)}", text)


# A bracket holding only a P value, and the comma-delimited form.
_P_BRACKET = re.compile(r"\s\(([Pp]\s*[<>=\u2264\u2265]\s*0?\.\d+)\)(?=([.,;]?))")
_P_COMMAS = re.compile(r",\s([Pp]\s*[<>=\u2264\u2265]\s*0?\.\d+)(,|(?=[.;]))")


def p_brackets(text: str) -> str:
    """'(P = 0.03)' -> ', P = 0.03,' (no second comma before a stop or a comma); where the text brackets none,
    ', P = 0.03,' -> ' (P = 0.03)'."""
    if _P_BRACKET.search(text):
        return _P_BRACKET.sub(lambda m: f", {m.group(1)}" + ("" if m.group(2) else ","), text)
    return _P_COMMAS.sub(lambda m: f" ({m.group(1)})", text)


# 'significant' as a test result: the adverb, before a difference or change, or as the predicate ('was significant').
# 'no significant adverse events' is a clinical judgement (serious), not a test: left alone.
_SIGNIFICANT = re.compile(r"(?<![\w\-])(?:([Ss]tatistically)\s+)?([Ss]ignificantly\b|[Ss]ignificant(?=\s+(?:"
                          r"differences?|reductions?|improvements?|increases?|decreases?|changes?|effects?|associations?|"
                          r"correlations?|interactions?|benefits?|advantages?)\b|\s*[.,;(]))")
_NOT_STATISTICAL = re.compile(r"(?:clinically|clinical|not|non|nor)\s*$", re.I)


def significance(text: str) -> str:
    """'statistically significant(ly)' -> 'significant(ly)'; 'significant(ly)' -> 'statistically significant(ly)'
    (not after 'clinically': a different claim; nor after 'not', which reads either way but is left alone)."""
    def swap(m: re.Match[str]) -> str:
        if m.group(1):
            return _case_like(m.group(1), m.group(2).lower())
        if _NOT_STATISTICAL.search(text[max(0, m.start() - 12):m.start()]):
            return m.group(0)
        return _case_like(m.group(2), "statistically " + m.group(2).lower())
    return _SIGNIFICANT.sub(swap, text)


# ------------------------------------------------------------------------------------------------ outcomes
_PAIN_SCORES = re.compile(r"\b([Pp]ain)\s+(intensity\s+)?(scores?)\b")
_VAS_DEFINED = re.compile(r"visual[\s\-]+analog(?:ue)?[\s\-]+scales?(\s*\(VAS\))?", re.I)
_VAS = re.compile(r"(?<![\w\-(])VAS(?![\w\-])")


def outcome_synonyms(text: str) -> str:
    """'pain scores' <-> 'pain intensity scores'; the first bare 'VAS' -> 'visual analogue scale (VAS)' where the
    text never spells it out, else 'visual analogue scale (VAS)' -> 'VAS'."""
    text = _PAIN_SCORES.sub(lambda m: f"{m.group(1)} {m.group(3)}" if m.group(2)
                            else f"{m.group(1)} intensity {m.group(3)}", text)
    if _VAS_DEFINED.search(text):
        return _VAS_DEFINED.sub(lambda m: "VAS" if m.group(1) else m.group(0), text)
    def define(m: re.Match[str]) -> str:
        start = not text[:m.start()].strip() or text[:m.start()].rstrip().endswith((".", ":", "\n"))
        return ("Visual" if start else "visual") + " analogue scale (VAS)"
    return _VAS.sub(define, text, count=1)


# A change verb with its object, after a subject ('mesalazine significantly reduced intensity of pain'): not passive
# ('was reduced'), not an adjective ('with reduced pain', 'had reduced pain'), not followed by a preposition.
_CHANGE_VERB = re.compile(r"(?<=[A-Za-z\d)] )(?:(?P<adverb>significantly|markedly) )?(?P<verb>reduced|decreased|increased|"
                          r"prolonged|shortened|lowered)(?= (?!(?:by|in|at|from|to|than|with|among|for|after|during|over|"
                          r"between|compared|versus|vs|only|more|less|when|while|and|or|but|as|significantly|the risk)\b)"
                          r"[A-Za-z])")
_NOUN = {"reduced": "reduction", "decreased": "decrease", "increased": "increase", "prolonged": "prolongation",
         "shortened": "shortening", "lowered": "reduction"}
NOT_SUBJECT_END = frozenset("""was were is are be been being has have had with of in for to by on at a an the and or but
    not showed shows experienced demonstrated exhibited reported also that which who significantly markedly""".split())


def after_subject(text: str, start: int, not_subject_end: frozenset[str] = NOT_SUBJECT_END) -> bool:
    """Whether the word before ``start`` can end a sentence's subject ('Ketamine reduced', not 'was reduced' or
    'with reduced'): a verb there is what the subject did, so a rewrite may turn it into a noun."""
    before = re.search(r"(\S+)\s$", text[max(0, start - 40):start])
    return before is not None and before.group(1).lower().strip(")") not in not_subject_end


def change_nominal(text: str) -> str:
    """'X (significantly) reduced Y' -> 'X produced a (significant) reduction in Y': the same change of the same
    outcome Y, told by a noun instead of a verb (a reader of what a change is about must find Y either way)."""
    def nominal(m: re.Match[str]) -> str:
        if not after_subject(text, m.start()):
            return m.group(0)
        adverb = "significant " if m.group("adverb") else ""
        return f"produced a {adverb}{_NOUN[m.group('verb')]} in"
    return _CHANGE_VERB.sub(nominal, text)


# ------------------------------------------------------------------------------------------------ structure
def labels_removed(article: Article) -> Article | None:
    """The abstract as one unlabelled part (its parts' sentences kept in order, a stop added where a part has
    none); None when the abstract has fewer than two labelled parts."""
    if sum(1 for s in article.abstract if s.label) < 2:
        return None
    texts = [s.text.strip() for s in article.abstract if s.text.strip()]
    joined = " ".join(t if t.endswith((".", "?", "!", ")")) else t + "." for t in texts)
    return replace(article, abstract=[Section(None, None, joined)])


_SYNONYM = {"results": "findings", "findings": "results", "conclusions": "interpretation",
            "conclusion": "interpretation", "interpretation": "conclusions"}
_HEADING_SYNONYM = re.compile(r"^(Results|RESULTS|Findings|FINDINGS|Conclusions?|CONCLUSIONS?|Interpretation|"
                              r"INTERPRETATION)(?=\s*:)|(?<=[.!?] )(Results|RESULTS|Findings|FINDINGS|Conclusions?|"
                              r"CONCLUSIONS?|Interpretation|INTERPRETATION)(?=\s*:)")


def label_synonyms(article: Article) -> Article | None:
    """Headings 'Results'/'Conclusions' <-> 'Findings'/'Interpretation', on the parts and inline ('Results: ...');
    None when the abstract has no such heading."""
    def other(label: str) -> str:
        return _case_like(label, _SYNONYM[label.lower()])

    sections: list[Section] = []
    for s in article.abstract:
        text = _HEADING_SYNONYM.sub(lambda m: other(m.group(0)), s.text)
        label = other(s.label) if s.label and s.label.lower() in _SYNONYM else s.label
        category = section_category(label) if label != s.label else s.category
        sections.append(Section(label, category, text))
    if sections == list(article.abstract):
        return None
    return replace(article, abstract=sections)


COMPARE_REWRITES: dict[str, Callable[[str], str]] = {
    "comparison_wording": comparison_wording, "compared_versus": compared_versus, "p_typography": p_typography,
    "ci_wording": ci_wording, "p_brackets": p_brackets, "significance": significance,
    "outcome_synonyms": outcome_synonyms, "change_nominal": change_nominal,
}
STRUCTURE_REWRITES: dict[str, Callable[[Article], Article | None]] = {
    "labels_removed": labels_removed, "label_synonyms": label_synonyms,
}
