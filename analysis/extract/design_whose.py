"""Whose randomisation (and whose trial) a sentence states, for ``design``.

A random or trial word makes this study a trial only when it describes this study's own allocation. Three readings
describe something else and are blanked before the design rules look for random or trial wording:

1. *Random selection* picks a sample, not people for a treatment: 'randomly selected village households', 'chosen
   at random', 'a random sample of', '98 randomly collected patients' (any voice or word order), unless the selection is
   for an arm ('randomly selected to receive either ...', 'randomly selected to participate in STRE or FLEX exercises',
   'randomly recruited to two groups of 30 each'). A random order of what is measured (stimuli, tests, visits) is no
   allocation either; a random order of what is given (a crossover's treatments) is.
2. *Other studies' designs*: trials named as earlier, other or future ('a previous randomised trial', 'few published
   RCTs', 'further trials') or randomised trials in the plural ('Randomized controlled trials have shown', 'evidence
   comes from RCTs'). A plural that the same sentence gives this study's own people to ('In double-blind, randomized
   clinical trials, 80 ... patients were studied') stays this study's. A sentence only about other studies' trials
   is blanked whole for trial, assignment and treatment wording ('... trials comparing treatment interventions').
3. *A trial this study calls for, prepares or compares itself with*: 'These findings will inform the design of a
   randomised controlled trial', 'This hypothesis deserves testing in a randomized trial', 'A randomized trial is now
   under way', 'Unlike a randomized trial, ...'. The wording that says so governs the trial's noun phrase: a call, a
   basis or a comparison before it, a predicate of need or plan after it.

Why: background sentences about other trials and random sampling of records or sites turned non-randomised studies
into ``rct`` (docs/extraction.md, "design10b, round 10"; measured by the ``other_trials_background`` and
``random_sampling`` invariance rewrites), and a conclusion's call for a randomised trial did the same (docs/extraction.md,
"design11, round 11"; measured by the ``future_trial_call`` rewrite).
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract.design_patterns import THIS_STUDY

# (1) random selection of a sample; an arm after it ('to receive', 'into', 'for the treatment') is an allocation
_SELECTION = re.compile(r"\b(?:random(?:ly)?,? (?:\w+ )?(?:selected|chosen|sampled|drawn|picked|collected|recruited|identified|"
                        r"invited|approached|contacted)|(?:selected|chosen|sampled|collected|recruited|"
                        r"drawn|picked) (?:at random|randomly)(?! (?:and|or)\b)|random (?:sub-?)?samples?|randomly sampl\w+)\b"
                        r"(?!,? (?:to (?:receive|participate|undergo|get|be|take|use|start|continue|either|one|the|a|an)\b|"
                        r"into\b|to (?:[\w-]+ ){0,3}?(?:groups?|arms?)\b|for (?:the |a |an )?(?:treatment|intervention|group|arm|study drug)|"
                        r"and (?:then )?(?:allocated|assigned|divided|distributed|randomi[sz]ed)\b))", re.I)

# (1b) a random order of what is measured (stimuli, tests, visits, questionnaires), not of treatments: 'QST procedures
# assessing responses to mechanical and thermal stimuli during two separate visits, in a randomized order', 'presented in
# a pseudo-randomized order with several control stimuli'. A sentence that gives a treatment ('ketamine and placebo in
# random order', 'two exercise programs ... in random order': a crossover) keeps its order as an allocation.
_ORDER = re.compile(r"\b(?:in|into) (?:a |an |the )?(?:pseudo-?)?random(?:i[sz]ed|ly)?(?:,? (?:and )?counterbalanced)? "
                    r"(?:order|sequence)\b|\b(?:pseudo-?)?randomly (?:ordered|sequenced|presented|interspersed|intermixed)\b|"
                    r"\border (?:of (?:the )?[\w-]+ (?:[\w-]+ )?)?(?:was|were) (?:pseudo-?)?randomi[sz]ed\b", re.I)
_MEASURED = re.compile(r"\b(?:stimul(?:i|us)|tests?|testing|tasks?|questionnaires?|visits?|measurements?|assessments?|images?|"
                       r"pictures?|photographs?|words|sounds|tones|blocks|probes|scales|items|procedures)\b", re.I)
_GIVEN = re.compile(r"\b(?:placebo|sham|saline|drugs?|medications?|treatments?|therap\w+|interventions?|doses?|dosing|infusions?|"
                    r"injections?|injected|administ\w+|receiv\w+|given|regimens?|programm?e?s?|supplement\w*|exercises?|"
                    r"\d+(?:\.\d+)?\s?(?:mg|µg|μg|mcg|ml|mL))\b", re.I)


def _blank_measured_order(text: str) -> str:
    """``text`` with a random order blanked when what it orders is measured, not given (rule o: no allocation)."""
    if "order" not in text and "sequence" not in text or not _ORDER.search(text):
        return text
    if _GIVEN.search(text) or not _MEASURED.search(text):
        return text
    return _ORDER.sub(" ", text)


_OTHER = (r"(?:previous|prior|earlier|other|published|existing|recent|past|former|few|several|many|some|no|large|larger|"
          r"future|further|additional)")
# (2a) trials named as another study's (any number); 'randomised' needs its trial noun ('were further randomized to',
# 'the other randomized group' allocate in this study), and 'this / our ... large randomised trial' is this study's
_NAMED_OTHER = re.compile(rf"(?<!\bthis )(?<!\bour )\b{_OTHER}\s+(?:[\w-]+,?\s+){{0,3}}?(?:randomi[sz]ed\b"
                          r",?\s+(?:[\w-]+,?\s+){0,3}?(?:trials?|stud(?:y|ies)|RCTs?)|RCTs?)\b", re.I)
_NAMED_OTHER_TRIAL = re.compile(rf"\b{_OTHER}\s+(?:[\w-]+,?\s+){{0,3}}?trials?\b", re.I)
# (2b) randomised trials in the plural
_PLURAL = re.compile(r"\brandomi[sz]ed,?\s+(?:[\w-]+,?\s+){0,4}?(?:trials|studies)\b|\bRCTs\b", re.I)
_PLURAL_TRIAL = re.compile(r"\btrials\b", re.I)
# ... unless the sentence gives this study's people to them: a count of people who were studied, enrolled, treated
_OWN_PEOPLE = re.compile(r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,6}?(?:patients|participants|subjects|volunteers|women|men|children|"
                         r"adults|individuals)\s+(?:[\w(),=-]+\s+){0,8}?(?:were|was)\s+(?:studied|enrolled|included|"
                         r"recruited|treated|randomi[sz]ed|assigned|allocated)\b", re.I)

# (3) a randomised trial this study calls for, prepares or compares itself with ('These findings will inform the design of
# a randomised controlled trial', 'This hypothesis deserves testing in a randomized trial', 'A randomized trial is now
# under way', 'Unlike a randomized trial, this design ...'): the trial is named by a noun phrase that a call, a basis, a
# comparison governs before it, or that a predicate of need or plan follows; 'A randomized trial was conducted' and
# 'In a randomized trial, 60 patients were ...' state this study's own design and keep it.
_TRIAL_PHRASE = (r"(?:(?:a|an|the|one|future|further|larger?|definitive|confirmatory|subsequent|pivotal|adequately[- ]powered|"
                 r"well[- ]designed|full[- ]scale|large[- ]scale|multi-?cent\w+|prospective|phase)\b(?:[\s,]+[\w-]+){0,5}?[\s,]+"
                 r"randomi[sz]ed\b(?:[\s,]+[\w-]+){0,4}?[\s,]+(?:trials?|stud(?:y|ies)|RCTs?|design)|"
                 r"(?:a|an|the|future|larger?)\s+(?:[\w-]+\s+){0,3}?RCTs?)\b")
_CALL = (r"\b(?:support(?:s|ing)?(?: the (?:conduct|need|design|initiation) of)?|justif(?:y|ies|ying)|warrant(?:s|ing)?|"
         r"inform(?:s|ing)?|guid(?:e|es|ing)|merits?|deserves?|bas(?:is|es) (?:for|of)|design(?:ing)? of|planning of|"
         r"groundwork for|way for|preparation (?:for|of)|prior to|before|unlike|in contrast (?:to|with)|consistent with|"
         r"in line with|similar to|in agreement with|need for|calls? for|rationale for|feasibility of|"
         r"(?:testing|evaluation|confirmation|validation|investigation|examination|assessment|exploration|replication|"
         r"verification|study) in)\b(?:[\s,]+[\w-]+){0,3}?[\s,]+")
_NEED = (r"(?:[\s,]+[\w()-]+){0,6}?[\s,]+(?:is|are|would be|will be|may be|might be|could be|seems?|appears?)\s+"
         r"(?:(?:now|also|therefore|thus|still|currently|clearly|urgently|highly)\s+)?(?:necessary|needed|required|warranted|"
         r"justified|indicated|recommended|essential|mandatory|feasible|planned|ongoing|under ?way|in progress|being "
         r"(?:planned|conducted|designed|prepared)|worthwhile|desirable|appropriate|advisable)\b")
_CALLED_FOR = re.compile(rf"{_CALL}{_TRIAL_PHRASE}|{_TRIAL_PHRASE}{_NEED}", re.I)

# ... unless the call word is what this paper describes of its own trial ('This paper describes the design of a
# randomized, waitlist-controlled clinical trial'; 'We present the rationale for a randomised trial'): a protocol.
_DESCRIBED = re.compile(r"\b(?:describ|present|report|outlin|detail|explain|summari[sz])\w*\s+(?:the\s+|our\s+|its\s+)?$",
                        re.I)


def _blank_called_for(text: str) -> str:
    """``text`` with the trials it calls for, prepares or compares itself with blanked; not a trial whose design or
    rationale the paper describes."""
    return _CALLED_FOR.sub(lambda m: m[0] if _DESCRIBED.search(text, max(0, m.start() - 40), m.start()) else " ", text)


_RANDOM_WORD = re.compile(r"\b(?:randomi[sz]\w*|randomly|random (?:allocation|assignment|allotment|order|sequence)|"
                          r"(?:allocated|assigned) at random|RCTs?)\b", re.I)


@per_article  # read once per sentence by ``_about_others``, ``without_others``, ``own_randomisation``, ``about_this_study``
def blank_others(text: str) -> str:
    """``text`` with random sampling, a random order of measurements, other studies' randomised designs and trials it
    calls for blanked."""
    text = _NAMED_OTHER.sub(" ", _SELECTION.sub(" ", _blank_measured_order(_blank_called_for(text))))
    return text if _OWN_PEOPLE.search(text) else _PLURAL.sub(" ", text)


def _about_others(text: str) -> bool:
    """A sentence that speaks of other studies' trials and not of this study: no 'we / this study', no own people,
    no random word of its own left ('Randomised controlled trials comparing treatment interventions have failed
    ...'). Its other words (treatments, interventions) are the other trials' too."""
    if THIS_STUDY.search(text) or _OWN_PEOPLE.search(text):
        return False
    if not (_NAMED_OTHER_TRIAL.search(text) or _NAMED_OTHER.search(text) or _PLURAL.search(text)
            or _PLURAL_TRIAL.search(text)):
        return False
    return _RANDOM_WORD.search(blank_others(text)) is None


def own_randomisation(text: str) -> bool:
    """True when a random word of the sentence states allocation in this study: one is left once random sampling and
    other studies' randomised designs are blanked ('were randomized' always counts)."""
    low = text.lower()
    if "random" not in low and "rct" not in low:
        return False
    return _RANDOM_WORD.search(blank_others(text)) is not None


def _may_name_trials(text: str) -> bool:
    """False only where no pattern of this module can match: an ASCII text holding none of 'random', 'rct', 'trial'
    (every pattern needs one; ``re.I`` equates ASCII letters with other characters only through Unicode's special
    cases, which an ASCII text cannot hold). Most sentences are such, and this is asked of every sentence."""
    if not text.isascii():
        return True
    low = text.lower()
    return "random" in low or "rct" in low or "trial" in low


@per_article  # design's trial, assignment and word readings each ask it of the same sentence
def without_others(text: str) -> str:
    """``text`` with random sampling and other studies' trials (randomised or not) blanked: what trial wording and
    the assignment check may read (a sentence only about other studies is blanked whole)."""
    return _read_without_others(text) if _may_name_trials(text) else text


def _read_without_others(text: str) -> str:
    """``without_others`` read in full, whatever the text holds."""
    if _about_others(text):
        return " "
    text = _NAMED_OTHER_TRIAL.sub(" ", blank_others(text))
    return text if _OWN_PEOPLE.search(text) else _PLURAL_TRIAL.sub(" ", text)
