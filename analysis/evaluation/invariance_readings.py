"""Rewrites of how a pain finding is worded that must not change the gold answer (metamorphic invariance).

They restate dev abstracts' own pain results in forms that probe sentences showed the direction reader misread
(docs/direction.md, "pe10, round 10"), so that the misreading is measured on real abstracts. Each applies only
where the source sentence's structure fixes the meaning; why each keeps the answer:

- ``head_noun_change``: 'a (significant) reduction in (postoperative) pain (scores)' -> 'a (significant)
  (postoperative) pain (score) reduction', and 'X (significantly) reduced (the) pain (intensity)' after a subject ->
  'X produced a (significant) pain (intensity) reduction': the same change of the same outcome, the change word now
  heading the noun phrase whose modifier is pain.
- ``negated_benefit``: a whole sentence stating no difference in a pain outcome between the groups ('There was no
  significant difference in postoperative pain between the study groups (P = 0.22).') -> 'There was no significant
  superiority of either group in postoperative pain relief (P = 0.22).': neither arm better is what 'no
  difference' says.
- ``similar_analgesia``: the same sentences -> 'The study groups provided similar postoperative pain relief
  (P = 0.22).' (pain, pain scores or ratings told as analgesia; postoperative pain as postoperative pain relief, so
  the setting stays named): the arms alike in pain, the same finding.
"""

from __future__ import annotations

import re
from typing import Callable

from ketamine_evidence.analysis.evaluation.invariance_compare import NOT_SUBJECT_END, after_subject

# ------------------------------------------------------------------------------------------------ head noun
_PAIN_NP = r"(?P<pre>(?:postoperative |post-operative |abdominal |back |neck |knee |shoulder |)pain)(?P<post> scores?| intensity| severity|)"
# The pain noun phrase ends there: a stop, a bracket, or a preposition or verb opening what follows ('pain levels',
# 'pain intensity and duration' and 'pain associated with' go on, and are left alone).
_NP_END = (r"(?=[.,;:)]|\s\(|$|\s(?:at|during|over|in|after|from|by|was|were|when|while|on|throughout|within|until|"
           r"compared|versus|vs|for|than)\b)")
_CHANGE_IN = re.compile(rf"\b(?P<noun>reduction|decrease)(?P<pl>s?) in (?:the )?{_PAIN_NP}{_NP_END}", re.I)
# 'X (significantly) reduced pain': after a subject (the last word before is no auxiliary or preposition), not a
# passive ('was reduced'), an adjective ('with reduced pain') or a comparison of amounts ('reduced pain more than').
_REDUCED = re.compile(rf"(?<=[A-Za-z\d)] )(?P<adverb>significantly )?(?:reduced|decreased) (?:the )?{_PAIN_NP}{_NP_END}"
                      r"(?! (?:than|in|by|compared|versus|vs)\b)", re.I)
_NOT_SUBJECT_END = NOT_SUBJECT_END | {"less", "more", "further"}  # nor after an amount word ("further reduced")


def _post(m: re.Match[str]) -> str:
    """' scores' as a modifier is ' score' ('pain score reduction')."""
    return re.sub(r"scores$", "score", m.group("post"))


def head_noun_change(text: str) -> str:
    """'reduction in pain scores' -> 'pain score reduction'; 'X reduced pain' -> 'X produced a pain reduction'."""
    def head(m: re.Match[str]) -> str:
        new = f"{m.group('pre').lower()}{_post(m)} {m.group('noun').lower()}{m.group('pl')}"
        return new[0].upper() + new[1:] if m.group("noun")[0].isupper() else new
    text = _CHANGE_IN.sub(head, text)

    def nominal(m: re.Match[str]) -> str:
        if not after_subject(text, m.start(), _NOT_SUBJECT_END):
            return m.group(0)
        adverb = "significant " if m.group("adverb") else ""
        return f"produced a {adverb}{m.group('pre')}{_post(m)} reduction"
    return _REDUCED.sub(nominal, text)


# ------------------------------------------------------------------------------------------------ no difference
# A whole sentence: no difference in a pain outcome between the groups (unnamed: their order is no claim), an
# optional bracket of statistics, nothing else. The outcome holds no list ('pain, trismus and swelling').
_NO_DIFF_SENTENCE = re.compile(
    r"(?:^|(?<=[.:] )|(?<=\n))(?:There (?:was|were) no (?P<adv1>(?:statistically )?significant )?differences? in|No "
    r"(?P<adv2>(?:statistically )?significant )?differences? (?:was|were) (?:found|observed|noted|seen) in) "
    r"(?P<outcome>(?:postoperative |post-operative |perceived |)pain(?: scores?| ratings?| relief| intensity|))"
    r" between (?P<groups>(?:the )?(?:study |two |treatment )?groups|treatments)(?P<tail>(?: at all (?:time )?points)?"
    r"(?: \([^()]*\))?)\.(?=\s|$)")


def _outcome_relief(outcome: str) -> str:
    """'pain scores', 'pain ratings', 'pain intensity' -> 'pain relief' (the same outcome told as its benefit)."""
    return re.sub(r"pain(?: scores?| ratings?| intensity| relief|)$", "pain relief", outcome)


def negated_benefit(text: str) -> str:
    """'There was no significant difference in pain between the groups.' -> 'There was no significant superiority of
    either group in pain relief.'"""
    def restate(m: re.Match[str]) -> str:
        adverb = m.group("adv1") or m.group("adv2") or ""
        one = "treatment" if m.group("groups") == "treatments" else "group"
        return f"There was no {adverb}superiority of either {one} in {_outcome_relief(m.group('outcome'))}{m.group('tail')}."
    return _NO_DIFF_SENTENCE.sub(restate, text)


def similar_analgesia(text: str) -> str:
    """'There was no significant difference in pain between the groups.' -> 'The groups provided similar
    analgesia.'"""
    def restate(m: re.Match[str]) -> str:
        groups = m.group("groups")
        subject = groups[0].upper() + groups[1:] if groups.startswith("the ") else "The " + groups
        if m.group("outcome").startswith("post"):  # the setting kept: 'similar postoperative pain relief'
            return f"{subject} provided similar postoperative pain relief{m.group('tail')}."
        return f"{subject} provided similar analgesia{m.group('tail')}."
    return _NO_DIFF_SENTENCE.sub(restate, text)


READING_REWRITES: dict[str, Callable[[str], str]] = {
    "head_noun_change": head_noun_change, "negated_benefit": negated_benefit, "similar_analgesia": similar_analgesia,
}
