"""What an event word in a sentence stands for, apart from an event that happened: the outcome a treatment
improves ('headache relief'), a symptom of the treated condition ('symptoms such as itching ... were
absent'), a part of the intervention's own name ('under IV sedation'); and which negations of the general
words ('no side effects') say that nothing happened (read as ``serious_adverse_events`` negated) and which
do not: a stop for adverse events ('no patient withdrew because of adverse events'), an organ-specific
kind ('without respiratory complications'), a comparison ('not associated with a higher incidence of side
effects', guideline addition k); an event compared as a measure ('no significant differences in X'); and
another drug a clause puts its events down to ('attributable to fluconazole')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract.event_negation import find_event_mentions
from ketamine_evidence.analysis.extract.event_terms import LEXICON, lexicon_hits

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.extract.event_negation import EventMention

# An event named as the outcome a treatment improves ('benefits in ... anxiety', 'headache relief'), also as the
# purpose of a lowering verb in its bare form ('to reduce the pain and anxiety associated with the procedure', 'to
# minimise nausea': what the treatment is for, rule am; blind2 PMC3649350). Not the participle of a result ('can
# prolong analgesia while minimizing nausea, pruritus, and somnolence' reports the events, rule q; batch 5 PMC3101755).
_OUTCOME_BEFORE = re.compile(
    r"\b(?:efficacy|effectiveness|effects?) of [\w-]+(?: [\w-]+)? on\s+(?:[\w-]+\s+){0,3}$|"
    r"\b(?:benefits?|improvements?|improv(?:ed|es|ing)|effects? on|effective (?:in|for|on)|impact on|manag(?:ing|ement of)|reduc(?:ed|es|ing|"
    r"tions?)|\bto (?:reduce|minimi[sz]e|lessen|limit)|decreas(?:ed|es|ing|e)|alleviat\w+|reliev\w+|relief of|prevent\w*|prophyla\w+|treat(?:ing|ment of)|"
    r"attenuat\w+|lower(?:ed|ing)?|suppress\w*|control of|scores? (?:of|for)|scales? (?:of|for)|severity of|"
    r"intensity of)\b(?:\s+(?:in|on|of|the|and|or))*"
    r"(?:[\s,]+(?:and\s+|or\s+)?(?!incidence|frequency|occurrence|rates?\b|risk|number|episodes|without\b|no\b|not\b|but\b|with\b)[\w()/-]+){0,5}"
    r"[\s,]*(?:and\s+|or\s+)?$|"
    r"\b(?:quality of life|QoL|domains?|subscales?|items?)\s*(?:\(|of\s|:\s)(?:[\w-]+,?\s+(?:and\s+)?){0,3}$|"
    r"\b(?:better|adequate|good|satisfactory|excellent|optimal|superior|desired|effective)\s+(?:[\w-]+\s+){0,2}$",
    re.I)
# A slash pair shares the head noun after it ('nausea/emesis score': the score of both).
_OUTCOME_AFTER = re.compile(
    r"^(?:\s*/\s*[\w-]+)?[\s-]*(?:(?:showed|had|demonstrated|exhibited|displayed)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?=improvement))?(?:relief|free|freedom|intensity|severity|scores?|scales?|index|impact|disability|days?|"
    r"attacks?|frequency|response|recurrence|questionnaire|inventory|subscale|symptoms? scores?|improved|improvement|"
    r"decreased|reduced|reduction)\b", re.I)


# Symptoms of a treated area or condition ('redness, edema, and pain ... were lesser'): listed with pain or
# another sign of the condition in a sentence that reports them reduced, they are outcomes, not adverse events.
_CONDITION_SIGN = r"(?:pain|pains|tenderness|swelling|redness|stiffness|inflammation|soreness|burning|discomfort)"
_LIST_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|and/or)\s+)"
_SIGN_BEFORE = re.compile(rf"\b{_CONDITION_SIGN}\b{_LIST_JOIN}(?:[\w-]+{_LIST_JOIN}){{0,4}}(?:[\w-]+\s+)?$", re.I)
_SIGN_AFTER = re.compile(rf"^{_LIST_JOIN}(?:[\w-]+{_LIST_JOIN}){{0,4}}(?:[\w-]+\s+)?{_CONDITION_SIGN}\b", re.I)
_REDUCED = re.compile(r"\b(?:less|lesser|lower|reduced|reduction|decreased?|improved|improvement|milder|fewer|better|"
                      r"resolved|disappeared|subsided|alleviat(?:e|es|ed|ing)|reliev(?:e|es|ed|ing)|healed|healing)\b", re.I)


_STATISTIC = re.compile(r"\(\s*(?:[Pp]\s*[=<>≤]|\d)[^()]{0,40}\)")


def _blank_statistics(text: str) -> str:
    """Statistics in brackets blanked out (same length), so that 'reduction in numbness (P = 0.001), pain
    (0.002), tingling' still reads as one list of reduced outcomes."""
    return _STATISTIC.sub(lambda p: " " * len(p.group(0)), text)


def treated_symptom(text: str, m: "EventMention") -> bool:
    """Whether an event is listed with signs of the treated condition in a sentence reporting them reduced."""
    return bool(_REDUCED.search(text) and (_SIGN_BEFORE.search(text[max(0, m.start - 80):m.start])
                                           or _SIGN_AFTER.search(text[m.end:m.end + 80])))


# What a treatment spares its patients is its benefit (rule am): 'Avoiding narcotic analgesics with its associated
# post-operative nausea and vomiting is an additional benefit.'
# Named among the measures compared ('labor outcomes such as: hyper-stimulation of uterine, postpartum bleeding'):
# a variable, not an event reported to have happened.
_MEASURES = re.compile(r"(?<!adverse )(?<!safety )(?<!harmful )(?<!unwanted )(?<!undesirable )(?<!secondary )"
                       r"(?<!postoperative )\b(?:variables?|outcomes?|parameters?|measures?|end ?points?)\s+(?:such as|including|like)\s*:?"
                       r"[^.;]{0,90}$", re.I)
_AVOIDED = re.compile(r"\bavoid(?:s|ed|ing|ance of)?\b[^.;]{0,60}$", re.I)


# A change word that is part of an event's own wording ('decreased appetite, decreased weight, insomnia') names that
# event, not a change of the events listed after it.
_CHANGE_IN_EVENT = re.compile(r"\b(?:decreas\w*|reduc\w*|increas\w*|lower\w*|loss)\b", re.I)


def _blank_changed_events(window: str) -> str:
    """``window`` with the event wordings that hold a change word ('decreased appetite') blanked (same length)."""
    if not _CHANGE_IN_EVENT.search(window):
        return window
    for m in reversed(lexicon_hits(window)):
        if _CHANGE_IN_EVENT.search(m.group(0)):
            window = window[:m.start()] + " " * (m.end() - m.start()) + window[m.end():]
    return window


def is_outcome(text: str, start: int, end: int) -> bool:
    """Whether the event at ``text[start:end]`` is named as an outcome a treatment changes or measures."""
    text = _blank_statistics(text)
    before = _blank_changed_events(text[max(0, start - 100):start])
    return bool(_OUTCOME_BEFORE.search(before) or _OUTCOME_AFTER.search(text[end:end + 45])
                or _AVOIDED.search(text[max(0, start - 70):start]) or _MEASURES.search(text[max(0, start - 100):start]))


# Symptoms read against baseline are the condition's measures, not harms: 'Compared to baseline, a significant
# decrease in ... episodes of abdominal pain', 'the most commonly reported symptoms at baseline and follow-up'.
_BASELINE = re.compile(r"\b(?:at|from|since|over|compared (?:to|with)|relative to|versus|vs\.?)\s+(?:the\s+)?baseline\b", re.I)
_DOWN = re.compile(r"\bat (?:the\s+)?baseline\b|\b(?:decreas\w*|reduc\w*|improv\w*|lower\w*|fell|declin\w*|resolv\w*)\b",
                   re.I)


def baseline_measure(text: str) -> bool:
    """The sentence reads symptoms at baseline, or their fall from baseline: what the study measures of the
    treated condition (guideline: the effect a study aims at is not an adverse event)."""
    return _BASELINE.search(text) is not None and _DOWN.search(text) is not None


# Sedation as the way a procedure is done ('under combined IV sedation and local anesthesia', 'the presence
# of sedation' as a subgroup), not as a drug effect.
_TECHNIQUE_BEFORE = re.compile(r"(?:\b(?:under|presence of|absence of|with or without)\s+(?:[\w-]+\s+){0,2}|"
                               r"\b(?:IV|intravenous|conscious|procedural|monitored)\s+)$", re.I)
_TECHNIQUE_AFTER = re.compile(r"^\s+(?:and|or|with|plus)\s+(?:[\w-]+\s+){0,2}(?:an(?:a)?esthesia|blocks?)\b", re.I)


_INDUCED_HYPOTENSION = re.compile(r"\b(?:controlled|deliberate|induced)\s+$", re.I)


def sedation_technique(text: str, m: "EventMention") -> bool:
    """Whether 'sedation' (or 'controlled hypotension') names the technique of a procedure rather than an
    effect that occurred."""
    if m.words.lower() == "hypotension":
        return _INDUCED_HYPOTENSION.search(text[max(0, m.start - 20):m.start]) is not None
    return m.words.lower() == "sedation" and bool(_TECHNIQUE_BEFORE.search(text[max(0, m.start - 50):m.start])
                                                  or _TECHNIQUE_AFTER.search(text[m.end:m.end + 50]))


# A list of the treated condition's symptoms ('symptoms of E. vermicularis infestation such as itching',
# 'reduction of symptoms, that is; itching ...'), unless the symptoms are adverse ('side-effect symptoms such as',
# 'opioid-related symptoms, including').
_SYMPTOM_LIST = re.compile(r"\bsymptoms?\b(?: of (?:[^.;]|\.(?=\s*[a-z])){0,50}?)?[,;:]?\s*(?:such as|that is|in terms of|"
                           r"i\.e\.|including|like|e\.g\.|namely)[;:,]?\s(?:[^.]|\.(?=\s*[a-z])){0,160}$", re.I)
_ADVERSE_SYMPTOM = re.compile(r"\b(?:advers\w*|side|toxic\w*|withdrawal|extrapyramidal|unwanted|undesir\w+|"
                              r"(?:drug|opioid|treatment|medication)[- ](?:related|induced|associated))\W+(?:\w+\W+){0,2}"
                              r"symptoms?\b", re.I)


def condition_symptom(text: str, start: int) -> bool:
    """Whether the event at ``start`` is listed as a symptom of the condition (not of the treatment)."""
    m = _SYMPTOM_LIST.search(text[max(0, start - 200):start])
    return m is not None and not _ADVERSE_SYMPTOM.search(text[max(0, start - 230):start])


# Who the patients are, not what happened to them: a past or underlying disease ('patients without a previous
# history of heart failure', 'no history of ocular surgery') or the indication ('tadalafil in cases of erectile
# dysfunction'). Batch 4 20087760, batch 5 24648875; PHEE's 'no history of' sentences.
_CHARACTERISTIC = re.compile(r"(?:\bhistory of|\bin (?:cases?|the presence) of|\b(?:pre-?existing|underlying|known|"
                             r"concomitant|comorbid)|\bdiagnosed with)\s+(?:[\w-]+\s+){0,3}$", re.I)


def patient_characteristic(text: str, start: int) -> bool:
    """Whether the event at ``start`` names the patients' history, comorbidity or indication."""
    return _CHARACTERISTIC.search(text[max(0, start - 60):start]) is not None


def in_intervention_name(m: "EventMention", pattern: re.Pattern[str], text: str) -> bool:
    """Whether the event words are part of a mention of the intervention ('combined IV sedation'); an event whose
    words only name the intervention's device ('rupture of the homemade retrieval bag') is still an event."""
    return any(start <= m.start < end for start, end in _name_spans(text, pattern))


@per_article  # one scan per sentence, however many of its events ask
def _name_spans(text: str, pattern: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
    return tuple(x.span() for x in pattern.finditer(text))


# Stopping treatment because of adverse events says nothing about whether any occurred.
_STOPPED = re.compile(r"\b(?:discontinu\w*|withdr[ae]w\w*|dropped out|drop\w* out|stopp\w*|quit|left)\b[^.;]{0,50}"
                      r"\b(?:because of|due to|owing to|for|from)\s+(?:[\w-]+\s+){0,2}$", re.I)
# General qualifiers of the general words ('no serious adverse events'): anything else ending like an adjective
# names an organ or a kind ('respiratory complications', 'local side effects'), which is not 'no side effects'.
_GENERAL = frozenset("""clinical clinically additional unusual potential special total overall general critical
    medical significant systemic serious severe major other any adverse notable important relevant untoward
    unexpected obvious apparent evident drug treatment related""".split())
_KIND = re.compile(r"([a-z]+(?:al|ic|ory|ary|ive|ous))[\s-]+$", re.I)
# ('without any appreciable side effects', 'no relevant complications': guideline addition y)
_SERIOUS_WORD = re.compile(r"\b(?:serious|severe|major|life[- ]threatening|grave|significant|appreciable|relevant|harmful|"
                           r"dangerous)\b", re.I)


# A comparison ('not associated with a significantly higher incidence of any reported side effect than placebo',
# 'without a side effect disadvantage'): rule k, no negation. The comparison's noun too: 'was not associated with a
# significant increase in major adverse cardiovascular events' (blind2 PMC5850179) denies a difference, not the events.
_COMPARED_BEFORE = re.compile(r"\b(?:higher|greater|more|increased|excess|increases?|rises?)\s+(?:[\w-]+\s+){0,4}$",
                              re.I)
_COMPARED_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,1}(?:disadvantages?|penalty|burden|than|compared)\b", re.I)
# Events ruled out for a time or a kind only ('no AEs were reported at day 2', 'no delayed adverse events').
_PART_BEFORE = re.compile(r"\b(?:delayed|late|early|acute|immediate|long[- ]term|short[- ]term|postoperative|"
                          r"intraoperative)\s+$", re.I)
_PART_AFTER = re.compile(r"[^.;,]{0,30}?\b(?:at|on|by|after|until|during)\s+(?:the\s+)?(?:day|week|month|hour|visit|"
                         r"\d|first|second|third|follow)", re.I)


def general_negation(text: str, m: "EventMention") -> str | None:
    """For a negated general mention: 'serious' when it says no serious events occurred ('no serious adverse
    events', 'none were serious'), 'all' when it says no events at all ('no side effects', 'without associated
    adverse effects'), 'part' when it rules them out only for a time or phase ('no AEs were reported at day 2',
    'no delayed adverse events'), None when it says none of these (a stop for adverse events, an organ-specific
    kind, a comparison)."""
    before = text[max(0, m.start - 90):m.start]
    if _STOPPED.search(before) or _COMPARED_BEFORE.search(before) or _COMPARED_AFTER.match(text, m.end):
        return None
    kind = _KIND.search(before)
    if kind is not None and kind.group(1).lower() not in _GENERAL:
        return None
    if _SERIOUS_WORD.search(text[max(0, m.start - 25):m.end + 5]):
        return "serious"
    return "part" if _PART_BEFORE.search(before) or _PART_AFTER.match(text, m.end) else "all"


# 'All adverse events were mild; none were serious': the serious ones are negated.
NONE_SERIOUS = re.compile(r"\b(?:none|no one|nothing) (?:of (?:them|these|those|which|the events) )?(?:was|were|is|are)\s+"
                          r"(?:considered |judged |classified as |rated as )?(?:serious|severe|life[- ]threatening)\b",
                          re.I)


# 'Only seven ... reported an adverse event but none were classified as being related to the study medication',
# 'The adverse events were not related to the interventions': no side effects of the treatment (guideline
# addition t), read as serious adverse events negated; the unnamed count gives no term.
_TREATMENT = r"(?:the\s+)?(?:study\s+|trial\s+)?(?:medications?|treatments?|interventions?|drugs?|therap(?:y|ies)|products?|procedures?)\b"
NONE_RELATED = re.compile(rf"[^.;]{{0,60}}?(?:\b(?:none|no one|nothing|not)\b[^.;]{{0,40}}?\s|\bun)"
                          rf"(?:related|attribut\w+|due)\s+to\s+{_TREATMENT}", re.I)


# Seriousness criteria (ICH E2A: death, life-threatening, hospitalisation) stated not to be due to the intervention ('no
# deaths were attributable to remifentanil use', batch 6 PMC420060): the treatment is cleared of serious events, as
# 'none related to the study medication' (addition t) clears it of adverse events.
_SERIOUS_CRITERIA = re.compile(r"\b(?:no|none of the)\s+(?:[\w-]+\s+){0,2}?(?:deaths?|fatalit(?:y|ies)|hospitali[sz]ations?)\s+"
                               r"(?:(?:was|were)\s+(?:(?:considered|judged|deemed)\s+)?)?(?:related|attribut\w+|due)\s+to\s+"
                               r"(?:the\s+)?(?P<what>[^.;,]{1,40})", re.I)


def serious_cleared(text: str, pattern: re.Pattern[str]) -> str | None:
    """The words by which ``text`` clears the intervention (``pattern``, or 'the study treatment') of a seriousness
    criterion ('no deaths were attributable to remifentanil use'), else None."""
    for m in _SERIOUS_CRITERIA.finditer(text):
        if pattern.match(m.group("what")) or re.match(_TREATMENT, m.group("what"), re.I):
            return m.group(0)
    return None


_STATISTICAL = re.compile(r"\b(?:statistically\s+)?significant(?:ly)?\s+(?:[\w-]+\s+)?$", re.I)


def restated_comparison(ctx: "Context", text: str, m: "EventMention") -> bool:
    """Whether a negated 'without significant complications' restates the abstract's comparison of the same general
    words ('The complications were not significantly different between the two groups', pool dev PMC5556332): then
    'significant' is the statistics of that comparison (rule k), not a general 'no side effects' (rule y)."""
    if not _STATISTICAL.search(text[max(0, m.start - 40):m.start]):
        return False
    stem = m.words.lower()[:6]
    for s in ctx.sentences:
        if s.text == text or stem not in s.text.lower():
            continue
        for x in find_event_mentions(s.text):
            if x.kind != "term" and x.words.lower()[:6] == stem and not x.negated and (
                    x.compared or compared_measure(s.text, x.start, x.end)):
                return True
    return False


# A list that follows the general words ('the most common adverse events were headache, fatigue, myalgia and
# cough'): each item the lexicon does not name is an event of its own ('other').
_LIST_AFTER = re.compile(r"(?:[\s-]+[\w-]+){0,5}?\s*(?:\(|:|\b(?:were|was|included|including|include|such as|"
                         r"consisted of|comprised|e\.g\.,?|namely)\b)\s*(?P<list>[^.;]{3,220})", re.I)
_EXAMPLES = re.compile(r"\b(?:such as|like|including|e\.g\.,?)\s*$", re.I)
_PARENS = re.compile(r"\([^()]*\)|\[[^\]]*\]")
_ITEM = re.compile(r"[A-Za-z][\w' -]*")
_ITEM_COUNT = re.compile(r"\s+(?:in|for)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b"
                         r"(?:\s+(?:patients?|subjects?|participants?|children|boys|girls|women|men|cases))?$", re.I)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|and/or|as well as)\s+", re.I)
_NOT_EVENT = re.compile(
    r"\b(?:mild|moderate|severe|transient|similar|comparable|rare|uncommon|common|few|frequent|reported|observed|"
    r"were|was|had|have|occurred|patients?|subjects?|participants?|groups?|arms?|placebo|controls?|both|all|"
    r"none|no|not|generally|mostly|self-limiting|resolved|related|unrelated|treatment|study|drug|dose|doses|"
    r"incidence|rates?|than|between|with|without|in|of|the|most|less|more|higher|lower|each|during)\b|\d", re.I)


_CLASS_EXAMPLE = re.compile(r"\s*,?\s*\(?(?:mainly|mostly|especially|particularly|predominantly|primarily|chiefly|notably|"
                            r"such as|including|e\.g\.)\s", re.I)


def unlisted_events(text: str, generic_end: int, term_spans: list[tuple[int, int]]) -> list[str]:
    """Items of a list of adverse events after the general words that no lexicon term covers."""
    m = _LIST_AFTER.match(text, generic_end)
    if m is None:
        return []
    start = m.start("list")
    if not any(start <= a < m.end("list") for a, _ in term_spans) and not _EXAMPLES.search(text, generic_end, start):
        return []  # a list of events names at least one the lexicon knows, or gives them as examples ('such as')
    body = _PARENS.sub(lambda p: " " * len(p.group(0)), m.group("list"))
    out, pos = [], 0
    for piece in _ITEM_SPLIT.split(body):
        at = body.find(piece, pos)
        pos = at + len(piece)
        item = _ITEM_COUNT.sub("", piece.strip(" ,"))  # 'pain in one': the event, then its count
        a = start + at
        if not item or len(item.split()) > 4 or any(a <= s < a + len(piece) for s, _ in term_spans):
            continue
        if _NOT_EVENT.search(item) or not _ITEM.fullmatch(item) or _CLASS_EXAMPLE.match(body, pos):
            continue  # 'nervous system disorders, mainly headache': a class the event after it exemplifies
        out.append(item)
    return out


# 'No significant difference(s) in / regarding / with regard to X': X is a measure the arms are compared on,
# not an event reported to have occurred (unlike 'the incidence of X was similar', 'X had no significant difference').
_DIFFERENCE_IN = re.compile(r"\b(?:no|not any)\s+(?:statistically\s+|clinically\s+)?(?:significant\s+|relevant\s+)?"
                            r"differences?\b(?:\s+(?:between|among)\s+(?:the\s+)?(?:\w+\s+)?groups?)?(?:\s+(?:were|was)\s+"
                            r"(?:observed|found|seen|noted))?\s+(?:in|regarding|with regard to|concerning|for|as to)\b"
                            r"[^.;:]*$", re.I)


# 'the incidence of nausea and vomiting showed no significant difference', 'the rate of complications, including
# surgical site infection, was not significantly different': a bare comparison, no statistic of the event's own.
_NO_DIFFERENCE_AFTER = re.compile(r"[^.;:\d]{0,80}?\b(?:showed|had|has|was|were|is|are|did)\s+(?:not\s+)?(?:no\s+)?"
                                  r"(?:statistically\s+)?(?:significant(?:ly)?\s+)?(?:differen(?:t|ces?)|differ)\b", re.I)


# 'Catheterisation does not influence: ..., the occurrence of fever, ... urinary retention', 'without affecting the
# occurrence of wound complications': what a treatment left unchanged is a measure compared (rule k), not a report.
_NO_INFLUENCE = re.compile(r"\b(?:(?:does|do|did) not (?:significantly )?(?:influence|affect|alter|change)|without "
                           r"(?:affecting|influencing|altering|changing)|had no (?:significant )?(?:effect|influence|"
                           r"impact) on)\b:?[^.;]*$", re.I)


def unchanged_measure(text: str, start: int) -> bool:
    """Whether the event at ``start`` is among what a treatment 'does not influence' or was given 'without affecting'."""
    return _NO_INFLUENCE.search(text[max(0, start - 250):start]) is not None


def compared_measure(text: str, start: int, end: int | None = None) -> bool:
    """Whether the event at ``start`` follows 'no significant difference(s) in / regarding' in its sentence, or
    is the subject of a bare 'showed no significant difference' with no count, percentage or P value of its own
    between them (rule k: a comparison with no difference says nothing of occurrence; 'fatigue (p=0.44) ...
    had no significant difference' reports the event observed)."""
    if _DIFFERENCE_IN.search(text[max(0, start - 120):start]) is not None:
        return True
    return end is not None and _NO_DIFFERENCE_AFTER.match(text, end) is not None


# Another drug named as where or why the events happened ('adverse events attributable to fluconazole'). A
# comparison ('drowsiness ... in the metoclopramide was higher') is left alone: less of an event in the
# intervention's arm still means it occurred there (guideline addition q).
_BY_DRUG = re.compile(r"\b(?:in|with|among|to|by|after|following)\s+(?:the\s+)?([A-Za-z][\w-]{3,})\b(?!\s+(?:and|or|plus)\b)")
_COMPARATIVE = re.compile(r"\b(?:higher|more|greater|less|lower|fewer|increased|decreased|reduced|compared|than|"
                          r"versus|vs|similar|comparable|differ\w*|difference)\b", re.I)


def own_name_words(ctx: "Context") -> frozenset[str]:
    """The lower-cased words (5+ letters) of the intervention's name outside its '(vs ...)' part: a drug an
    event is put down to that is one of them is the intervention ('attributed to butoconazole' for
    'butoconazole nitrate 2% site release vaginal cream (vs oral fluconazole)', batch 5 PMC1784583)."""
    name = VERSUS_NAME.sub(" ", ctx.intervention.given_name or ctx.intervention.name)
    return frozenset(w for w in re.findall(r"[a-z][a-z-]{4,}", name.lower()))


def named_or_blamed(ctx: "Context", clause: str) -> tuple[bool, bool]:
    """(the intervention's arm, another arm) by the drugs a clause names: the intervention, or, outside a
    comparison, a drug the events are put down to ('attributable to fluconazole'); one that is a word of the
    intervention's own name ('attributed to butoconazole') is the intervention."""
    pattern = ctx.intervention.pattern
    blamed = blamed_drugs(clause)
    mine = pattern.search(clause) is not None or bool(blamed) and not own_name_words(ctx).isdisjoint(
        w.lower() for w in blamed)
    return mine, not mine and any(not pattern.search(w) for w in blamed)


def blamed_drugs(clause: str) -> list[str]:
    """Drugs a clause that compares nothing puts its events down to ('attributable to fluconazole'), by the
    lexicon's names and INN stems (cheap: the large drug dictionary is not loaded here)."""
    if _COMPARATIVE.search(clause):
        return []
    return [w for m in _BY_DRUG.finditer(clause) if LEXICON.drug.fullmatch(w := m.group(1)) is not None
            and w.lower() not in LEXICON.generic_treatments]


# 'X (vs Y)': the comparator the intervention's own name states.
VERSUS_NAME = re.compile(r"\((?:vs\.?|versus|compared with)\s+([^)]+)\)", re.I)
