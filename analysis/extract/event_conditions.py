"""Event terms that name the treated condition, as the conditions extractor read it (guideline: the condition a
trial treats is no adverse event of the treatment).

The conditions extractor ties each condition it finds to a sentence about this study ('patients with chronic
arthralgia', 'post-operative sore throat'). An event word inside the words it read as that condition (the
'arthralgia' of 'arthralgia', the 'headache' of 'tension-type headache'), or a pain event in that sentence (the
'sore throat' a trial of post-operative sore throat studies), is the condition or its outcome, not a harm: its terms
join the study's topic in ``adverse_events``, unless the sentence ties the event to the treatment ('X-induced ...').
The lexicon's ``condition_topics`` (headache in a migraine trial, named or not) are read here too: one reading of
the treated condition, shared with the conditions field, instead of another condition list.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterable

from ketamine_evidence.analysis.extract.conditions import named_conditions
from ketamine_evidence.analysis.extract.event_terms import GENERIC, LEXICON, OTHER, lexicon_hits

if TYPE_CHECKING:
    from ketamine_evidence.analysis.records import Finding

# A pain event: the pain a pain trial measures is its outcome ('sore throat', 'abdominal pain', 'myalgia').
_PAIN_EVENT = re.compile(r"pain|ache\b|aches\b|algia|sore", re.I)


def condition_terms(conditions: Iterable["Finding"], caused: Callable[[str, int, int], bool],
                    stem: Callable[[str], str]) -> set[str]:
    """Topic terms ('headache', 'other:arthr') of events that name the conditions read in ``conditions``.

    ``caused(text, start, end)`` tells an event the sentence blames on the treatment; ``stem`` gives the words'
    key for an 'other' event (as ``adverse_events`` keys its topic)."""
    terms: set[str] = set()
    for finding in conditions:
        terms.update(LEXICON.condition_topics.get(str(finding.value), ()))  # 'headache' in any migraine trial
        text = finding.evidence.text if finding.evidence else ""
        hits = lexicon_hits(text) if text else []
        if not hits or any(LEXICON.classify(m.group(0))[0] == GENERIC for m in hits):
            continue  # no event word, or a sentence about adverse events ('side effects were abdominal pain')
        spans = [(m.start(), m.end()) for term, m in named_conditions(text) if term == finding.value]
        for m in hits:
            kind, found = LEXICON.classify(m.group(0))
            inside = any(s <= m.start() and m.end() <= e for s, e in spans)
            if kind != "term" or not (inside or _PAIN_EVENT.search(m.group(0))) or caused(text, m.start(), m.end()):
                continue
            terms.update(f"{OTHER}:{stem(m.group(0))}" if t == OTHER else t for t in found)
    return terms
