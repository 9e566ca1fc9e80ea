"""Extractor: adverse events that occurred with the intervention, and those the abstract says did not occur.

Words are normalised to the guideline's preferred terms by :mod:`.event_terms` (only sentences with a
hit are read); negation and no-difference comparisons are read by :mod:`.event_negation`.

An event counts as occurred when :func:`.event_sentences.detect_adverse_event_sentence` accepts its sentence (read as
part of an abstract about the intervention: an affirmed event word and a cue of causation or
occurrence) and the event belongs to the intervention's arm. Skipped: events stated only for another
arm; the aim of the study (words of the title or of an aim sentence: sedation in a sedation trial, the
headache of a migraine trial) unless the words tie the event to the intervention ("ketamine-induced
cystitis"); outcomes a treatment improves ("headache relief"); background before the aim; planned
measurements (methods); comparisons with no occurrence ("without an increase in sedation").
A general "no side effects" gives ``serious_adverse_events`` in ``negated_adverse_events``; a term
never ends up in both lists (occurred wins).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ketamine_evidence.analysis.extract.event_arms import (arm_by_treatment, comparison_reference, coordinated_labels,
                                                            intervention_labels, AMOUNT_BEFORE, INFERRED, Inferred,
                                                            defined_arms, list_arm, more_in_other_arm,
                                                            zero_for_intervention)
from ketamine_evidence.analysis.extract.event_negation import (SIMILARITY, EventMention, clause_bounds, contrast_bounds,
                                                                part_around,
                                                                find_event_mentions)
from ketamine_evidence.analysis.extract.event_conditions import condition_terms
from ketamine_evidence.analysis.extract.event_sentences import detect_adverse_event_sentence
from ketamine_evidence.analysis.extract import event_measures
from ketamine_evidence.analysis.extract.inactive_arms import NAMED
from ketamine_evidence.analysis.extract.event_sections import aim_stated as _aim_stated, background as _background, \
    is_methods as _is_methods, label_kinds as _label_kinds, ENROLLED as _ENROLLED, population as _population
from ketamine_evidence.analysis.extract.event_roles import (NONE_RELATED, NONE_SERIOUS, baseline_measure,
                                                             compared_measure, condition_symptom, general_negation,
                                                             in_intervention_name, is_outcome, named_or_blamed,
                                                             patient_characteristic, restated_comparison, sedation_technique,
                                                             serious_cleared, treated_symptom, unchanged_measure, unlisted_events)
from ketamine_evidence.analysis.extract.event_terms import (GENERIC, LEXICON, OTHER, SERIOUS, lexicon_hits,
                                                             preferred_terms)
from ketamine_evidence.analysis.records import Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

__all__ = ["NAME", "VERSION", "extract", "find_event_mentions", "detect_adverse_event_sentence", "more_in_other_arm",
           "preferred_terms"]

NAME = "adverse_events"
VERSION = "1.2"


_INCIDENCE = re.compile(r"\b(?:incidences?|frequency|frequencies|occurrence|rates?|number of (?:patients|subjects|"
                        r"episodes|events)|episodes|proportion)\b", re.I)
_ARM_WORD = re.compile(rf"\b(?:{NAMED}|control|comparator)\b|\b\w[\w-]* groups?\b", re.I)  # ``inactive_arms.NAMED``
_ARM_LABEL = re.compile(r"\b[Gg]roups?[\s-](?:[A-Z0-9][\w-]*)\b")
# Words before 'group' that name no arm ('both groups', 'between groups', 'the study group').
_NOT_ARM = frozenset("""the each both all either this that these those study treatment treated active intervention
    experimental two three four five six same other case between among in of across per age different several
    any one no control's their our a an and or versus vs""".split())
_COUNT = re.compile(r"\b(\d+)\s*(?:/|of|out of)\s*(\d+)\b|\bin (\d+)\b|\b(\d+) (?:patients?|subjects?|participants?|"
                    r"children|cases|volunteers|women|men)\b|(?<![\w.])(\d+(?:\.\d+)?)\s?%", re.I)

# ('similar for mannitol and HS': the arms coordinated after the likeness, batch 7 PMC1326200)
_BOTH_ARMS = re.compile(r"\b(?:between|among|amongst|both|all|either|each|across|versus|vs)\b|\bcompared\b|"
                        r"\b(?:similar|comparable|equivalent) to\b|"
                        r"\b(?:similar|comparable|equivalent|alike)\s+(?:for|in|with)\s+(?:the\s+)?[^,;()]{1,40}?\s(?:and|&)\s",
                        re.I)


def _similar_comparison(text: str, start: int, ctx: "Context", labels: set[str]) -> bool:
    """Whether the clause of the event at ``start`` states that the arms were alike, and the event's own
    clause does not put it in another arm alone ('a rise in heart rate in the hyoscine group')."""
    lo, hi = part_around(contrast_bounds(text), start)
    if SIMILARITY.search(text, lo, hi) is None:
        return False
    lo, hi = part_around(clause_bounds(text), start)
    clause = text[lo:hi]
    mine, other = _arm_status(clause, ctx, labels)
    return mine or not other or _BOTH_ARMS.search(clause) is not None


@dataclass
class _Event:
    term: str
    sentence: "Sentence"
    words: list[str]
    detail: dict[str, Any]


def _stem(words: str) -> str:
    return " ".join(w[:5] for w in words.lower().split())


def _in_topic(term: str, words: str, topic: set[str]) -> bool:
    return (f"{OTHER}:{_stem(words)}" if term == OTHER else term) in topic


def _topic_terms(ctx: "Context") -> set[str]:
    """Preferred terms the study aims at: named in the title or in a sentence stating the aim."""
    topic: set[str] = set()
    for s in (s for s in ctx.sentences if lexicon_hits(s.text)):  # no event word, no topic (hits kept per article)
        primary = _PRIMARY.search(s.text) if "rimary" in s.text else None
        aim = s.section == "TITLE" or (s.section and _label_kinds(s.section)[3]) or _aim_stated(s.text) or primary
        enrolment = not (s.section and _label_kinds(s.section)[2]) and _ENROLLED.search(s.text) is not None
        if aim or enrolment:
            hits = lexicon_hits(s.text)
            generic_ends = [m.end() for m in hits if LEXICON.classify(m.group(0))[0] == GENERIC]
            for m in hits:
                kind, terms = LEXICON.classify(m.group(0))
                if kind == "term" and _caused_by(s.text, m.start(), m.end(), ctx.intervention.pattern):
                    continue  # 'Ketamine-induced cystitis': the event of a case report is no aim
                if any(0 <= m.start() - e <= 60 and not _STOP.search(s.text, e, m.start()) for e in generic_ends):
                    continue  # 'its side effects (nausea, vomiting)': named as side effects, not as the aim
                aimed = s.section == "TITLE" or _aim_target(s.text, m.start()) or primary is not None and \
                    primary.start() < m.start() < primary.end()  # 'patients with X were randomised': their condition
                if kind == "term" and (aim and aimed or enrolment and _population(s.text, m.start())):
                    # 'other' stands for many events: only the words named are the topic ('other:agitation')
                    topic.update(f"{OTHER}:{_stem(m.group(0))}" if t == OTHER else t for t in terms)
    topic |= condition_terms(ctx.earlier("conditions"), lambda t, s, e: _caused_by(t, s, e, ctx.intervention.pattern), _stem)
    if not topic.isdisjoint(_DRUG_EFFECTS) and any(_HEALTHY.search(s.text) for s in ctx.sentences):
        # An experimental study in healthy volunteers (a 'ketamine model of psychosis') measures the drug's
        # psychological effects but treats nothing: what the drug induces there is an adverse event.
        topic -= _DRUG_EFFECTS
    return topic - {SERIOUS}


_STOP = re.compile(r"[.;]")
# The primary outcome is what the study aims at (guideline; rule al): 'The primary outcome was the incidence of
# PONV'. Only its defining clause, up to a secondary outcome or the clause's end.
_PRIMARY = re.compile(r"\bprimary (?:efficacy )?(?:outcomes?|end ?points?|measures?|variables?)(?: measures?)?\s*"
                      r"(?:was|were|is|included|:)\s[^.;]*?(?=\bsecondary\b|[.;]|$)", re.I)
_HEALTHY = re.compile(r"\bhealthy,?\s+(?:[\w-]+,?\s+){0,3}?(?:volunteers?|subjects?|participants?|adults?|individuals?|"
                      r"men|males?|women|females?|controls?|humans?)\b", re.I)
_DRUG_EFFECTS = frozenset({"psychotomimetic_effects", "dissociation", "hallucinations", "cognitive_impairment",
                           "visual_disturbance", "euphoria", "dysphoria", "confusion", "vivid_dreams"})


# Quantities that leave it open whether anything happened ('negligible serious adverse effects').
_HEDGE_BEFORE = re.compile(r"\b(?:negligible|minimal|insignificant|no significant|no major)\s+(?:[\w-]+\s+){0,2}$", re.I)
_NUMBER_WORD = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|single)\b", re.I)


# The patterns of the functions below are compiled once here: written inline, they were looked up in (and, on a
# harvest of distinct abstracts, whose per-article patterns fill ``re``'s cache, compiled again from) ``re``'s cache.
_INDUCED_BEFORE = re.compile(r"([\w-]+)[- ](?:induced|associated|related)\s+(?:[\w-]+\s+){0,3}$")
_INDUCED_AFTER = re.compile(r"\s*(?:\w+\s+){0,2}(?:induced|caused|produced|provoked) by\s+(?:the\s+)?([\w-]+)")


def _caused_by(text: str, start: int, end: int, pattern: re.Pattern[str]) -> bool:
    """The event is stated as caused by the intervention ('ketamine-induced X', 'X induced by ketamine')."""
    before = _INDUCED_BEFORE.search(text[max(0, start - 80):start])
    after = _INDUCED_AFTER.match(text[end:end + 60])
    if any(m is not None and pattern.search(m.group(1)) for m in (before, after)):
        return True
    return _raised_by(text, start, pattern)


# The intervention as the subject of a verb that brings the event about ('ketamine increased scores on the
# Dissociative States Scale', 'ketamine elicited depersonalisation'), not of a desired effect ('adequate sedation').
_RAISED = re.compile(
    r"^(?:\s+\([^)]{0,30}\))?,?\s+(?:(?:also|significantly|markedly|transiently|reliably|consistently|robustly)\s+)?"
    r"(?:increased|induced|elicited|evoked|raised|worsened|impaired|caused|provoked|triggered|produced|disrupted)\b"
    r"(?![^.;:]*\b(?:adequate|good|better|satisfactory|effective|excellent|desired|optimal|sufficient|reduc\w*|"
    r"decreas\w*|lower\w*|less|fewer|improv\w*)\b)[^.;:]{0,55}$", re.I)


def _raised_by(text: str, start: int, pattern: re.Pattern[str]) -> bool:
    before = text[max(0, start - 90):start]
    last = None
    for last in pattern.finditer(before):
        pass
    return last is not None and _RAISED.match(before[last.end():]) is not None


def _aim_target(text: str, start: int) -> bool:
    """Whether the event at ``start`` is what an aim sentence sets out to change or measure."""
    return _AIM_TARGET.search(text[max(0, start - 160):start]) is not None


_AIM_TARGET = re.compile(r"\b(?:effect|effects|efficacy|influence|impact)\s+(?:of\s[^;]{0,100}?\s)?on\b|\bprevent\w*|"
                         r"\b(?:effectiveness|efficacy)\s+of\s[^;]{0,100}?\sin\b|"
                         r"\bprophyla\w+|\breduc\w+|\battenuat\w+|\btreat\w*|\bmanag\w+|\bcontrol\w*|\bdecreas\w+|"
                         r"\bsuppress\w*|\bfor\b|\bquality of\b|\bdepth of\b|\blevel of\b", re.I)


_WORD_SPLIT = re.compile(r"[\s-]+")


def _arm_status(clause: str, ctx: "Context", labels: set[str]) -> tuple[bool, bool]:
    """``_read_arm_status``, kept per article and clause: each event of a clause asks it of the same clause (a third
    of the calls on the ketamine workload repeat one)."""
    memo: dict[tuple[str, frozenset[str]], tuple[bool, bool]] | None = getattr(ctx, "_arm_statuses", None)
    if memo is None:
        memo = {}
        try:
            ctx._arm_statuses = memo  # type: ignore[attr-defined]
        except AttributeError:
            return _read_arm_status(clause, ctx, labels)
    key = (clause, frozenset(labels))
    got = memo.get(key)
    if got is None:
        got = memo[key] = _read_arm_status(clause, ctx, labels)
    return got


def _read_arm_status(clause: str, ctx: "Context", labels: set[str]) -> tuple[bool, bool]:
    """(names the intervention or its arm, names another arm) within a clause: a group word or label not
    the intervention's, an abbreviation defined for an arm, or, outside a comparison, another drug that the
    events are put down to. A clause whose only other arm is a comparison's reference ('higher in vaccinees than
    placebo recipients') states the events for the compared arm, the intervention's."""
    mine, other = named_or_blamed(ctx, clause)
    for found, is_mine in zip(defined_arms(ctx), (True, False)):
        if found is not None and found.search(clause):
            mine, other = (True, other) if is_mine else (mine, True)
            clause = found.sub(lambda m: " " * len(m.group(0)), clause)  # 'AT+EX group' is no group 'EX'
    reference = False
    for m in [*_ARM_WORD.finditer(clause), *_ARM_LABEL.finditer(clause)]:
        words = _WORD_SPLIT.split(m.group(0).lower(), maxsplit=1)
        label = words[1] if words[0].startswith("group") and len(words) > 1 else words[0]
        if label in _NOT_ARM or label.isdigit() and m.group(0).lower().endswith("groups"):
            continue  # 'in the 2 groups' counts the arms
        if label in labels or ctx.intervention.pattern.search(m.group(0)):
            mine = True
        elif comparison_reference(clause, m.start(), ctx.intervention.pattern):
            reference = True
        else:
            other = True
    # 'in caudal and local group': the first arm shares the head noun of the second
    mine = mine or any(w.lower() in labels or ctx.intervention.pattern.search(w) for w in coordinated_labels(clause))
    if not (mine or other):
        mine, other = arm_by_treatment(ctx, clause)
    return mine or reference and not other, other


def _belongs_to_intervention(sentence: str, start: int, ctx: "Context", labels: set[str], end: int) -> bool:
    """The event's clause (else its sentence) names the intervention's arm, or names no other arm (``INFERRED``
    where it names another arm with more of the event). An event inside brackets belongs to the arm named just
    before them ('adverse events in the dovitinib (diarrhea, ..., and headache) and placebo (diarrhea, fatigue ...)
    arms')."""
    listed = list_arm(sentence, end, lambda text: _arm_status(text, ctx, labels))
    if listed is not None:
        return listed  # 'dry mouth, and nasopharyngitis (LDX and OROS-MPH)': the bracket names the list's arm
    bounds = clause_bounds(sentence)
    opened = sentence.rfind("(", 0, start)
    if opened > 0 and sentence.find(")", opened, start) == -1:
        head = sentence[max([b for b in bounds if b <= opened] + [opened - 60]):opened]
        mine, other = _arm_status(head, ctx, labels)
        if mine or other:
            return mine
    lo, hi = part_around(bounds, start)
    mine, other = _arm_status(sentence[lo:hi], ctx, labels)
    if mine:
        return True
    if other:
        return INFERRED if more_in_other_arm(sentence[lo:hi], sentence[max(lo, start - 60):start]) else False
    # then the contrasted part ('..., while three felt headache, one dizziness, and one nasal congestion
    # following FLP'), then the sentence
    lo, hi = part_around(contrast_bounds(sentence), start)
    part = sentence[lo:hi]
    mine, other = _arm_status(part, ctx, labels)
    if mine or other:
        return mine
    mine, other = _arm_status(sentence, ctx, labels)
    return mine or not other


_NEXT_EVENT = re.compile(r"[;,]\s(?=[a-z]+ (?:was|were|in)\b)|\band\b(?= [a-z]+ (?:was|were|in)\b)")


def _counts(sentence: str, start: int, end: int) -> dict[str, Any]:
    """Count, percentage and denominator stated right after (or just before) an event's words."""
    window = sentence[end:end + 60]
    window = _NEXT_EVENT.split(window)[0]
    detail: dict[str, Any] = {}
    for m in _COUNT.finditer(window):
        if m.group(1) and "count" not in detail:
            detail["count"], detail["n"] = int(m.group(1)), int(m.group(2))
        elif (m.group(3) or m.group(4)) and "count" not in detail:
            detail["count"] = int(m.group(3) or m.group(4))
        elif m.group(5) and "percent" not in detail:
            detail["percent"] = float(m.group(5))
    return detail


def extract(ctx: "Context") -> list[Finding]:
    pattern = ctx.intervention.pattern
    if not any(pattern.search(s.text) for s in ctx.sentences):
        return []  # events are read for the intervention: none where it is never named
    topic: set[str] | None = None
    labels: set[str] | None = None
    background: set[int] = set()
    occurred: dict[str, _Event] = {}
    negated: dict[str, _Event] = {}
    for sentence in ctx.sentences:
        if not LEXICON.may_match(sentence.text):
            continue
        mentions = find_event_mentions(sentence.text)
        if sentence.section == "TITLE":  # only an event the title ties to the intervention
            mentions = [m for m in mentions if _caused_by(sentence.text, m.start, m.end, pattern) and not m.negated]
        if not mentions or _is_methods(sentence, mentions):
            continue
        if topic is None:
            topic, labels, background = _topic_terms(ctx), intervention_labels(ctx), _background(ctx)
            measured = frozenset() if any(_HEALTHY.search(s.text) for s in ctx.sentences) else \
                event_measures.measured_terms(s.text for s in ctx.sentences)  # in volunteers: the drug's effects
        assert labels is not None
        if sentence.index in background:
            continue  # background or aim: what is known or studied, not what happened in this study
        detected = None
        for m in mentions:
            caused = _caused_by(sentence.text, m.start, m.end, pattern)
            # 'nausea and pruritus were comparable between groups': the events occurred in every arm
            similar = m.compared and not m.negated and _similar_comparison(sentence.text, m.start, ctx, labels)
            listed = any(x.kind == GENERIC and not x.negated and x.end <= m.start for x in mentions)
            belongs = None
            if in_intervention_name(m, pattern, sentence.text) or sedation_technique(sentence.text, m) or not caused and (
                    is_outcome(sentence.text, m.start, m.end) or condition_symptom(sentence.text, m.start)
                    or patient_characteristic(sentence.text, m.start)  # 'without a previous history of heart failure'
                    or event_measures.measured_only(measured, sentence.text, m, mentions)  # 'VAS for sedation'
                    or event_measures.coefficient_measured(sentence.text, m)  # 'more fatigue (beta = 0.58)'
                    or (not ctx.intervention.is_drug  # a symptom a non-drug treatment reduced: its benefit (rule am)
                        and event_measures.reduced_symptom(sentence.text, m, mentions))
                    or (m.kind == "term" and baseline_measure(sentence.text))
                    or (not listed and treated_symptom(sentence.text, m))  # 'adverse events included X, pain'
                    or not (similar or (belongs := _belongs_to_intervention(sentence.text, m.start, ctx, labels, m.end)))):
                continue
            if m.negated:
                scope = general_negation(sentence.text, m) if m.kind != "term" else "term"
                if scope is None or scope == "serious" and restated_comparison(ctx, sentence.text, m):
                    continue  # 'without significant complications' after 'complications were not significantly different'
                terms = m.terms if m.kind == "term" else (SERIOUS,)
                for term in (t for t in terms if not _in_topic(t, m.words, topic)):
                    if term not in negated or negated[term].detail.get("scope") == "part" != scope:
                        # 'no delayed adverse events' (a part) then 'no significant adverse events' (the whole)
                        negated[term] = _Event(term, sentence, [m.words], {"words": m.words, "scope": scope})
                continue
            if m.kind == GENERIC and (NONE_SERIOUS.search(sentence.text, m.end) or NONE_RELATED.match(sentence.text, m.end)):
                negated.setdefault(SERIOUS, _Event(SERIOUS, sentence, [m.words], {"words": m.words, "scope": "serious"}))
            # 'no significant difference regarding ... complications(,) including leakage': a compared measure (rule k)
            if m.kind == GENERIC and OTHER not in occurred and not _in_topic(OTHER, "", topic) and not (
                    compared_measure(sentence.text, m.start, m.end) or unchanged_measure(sentence.text, m.start)):
                items = unlisted_events(sentence.text, m.end, [(x.start, x.end) for x in mentions if x.kind == "term"])
                if items and (detected := detected if detected is not None else detect_adverse_event_sentence(
                        sentence.text, pattern, about_drug=True)):
                    occurred[OTHER] = _Event(OTHER, sentence, items, {"words": "; ".join(items)})
            if m.kind != "term":
                continue
            if _HEDGE_BEFORE.search(sentence.text[max(0, m.start - 40):m.start]):
                continue
            if m.terms == (SERIOUS,) and (not _NUMBER_WORD.search(sentence.text) or "complication" in m.words.lower()):
                # a serious adverse event that occurred is counted ('two serious adverse events'); an unnamed
                # complications count ('major complications occurred in 24%') gives no term (additions rule ag)
                continue
            if m.compared and compared_measure(sentence.text, m.start, m.end) or unchanged_measure(sentence.text, m.start):
                continue  # 'no significant differences in postpartum haemorrhage': an outcome compared, not reported
            if m.compared and not (similar or _INCIDENCE.search(sentence.text)
                                   or any(x.kind == GENERIC for x in mentions)):
                continue  # 'without an increase in sedation': a comparison, not an event that happened
            if zero_for_intervention(sentence.text, m.end, lambda arm: _arm_status(arm, ctx, labels)[0]):
                continue  # 'low in both alvimopan and control groups (0% and 4.4%, respectively)': none with it
            if detected is None and not similar:
                detected = detect_adverse_event_sentence(sentence.text, pattern, about_drug=True)
            if not (similar or detected or AMOUNT_BEFORE.search(sentence.text, max(0, m.start - 30), m.start)):
                continue
            for term in m.terms:
                if _in_topic(term, m.words, topic):
                    continue
                event = occurred.get(term)
                if event is None:
                    detail = {"words": m.words, **_counts(sentence.text, m.start, m.end)}
                    if pattern.search(sentence.text):
                        detail["arm"] = ctx.intervention.name
                    if isinstance(belongs, Inferred) and not similar:
                        detail["inferred"] = True
                    occurred[term] = _Event(term, sentence, [m.words], detail)
                elif m.words.lower() not in (w.lower() for w in event.words):
                    event.words.append(m.words)
                    event.detail["words"] = "; ".join(event.words)
    if SERIOUS not in negated and SERIOUS not in occurred:
        for sentence in ctx.sentences:
            if " to " in sentence.text and (words := serious_cleared(sentence.text, pattern)) is not None:
                negated[SERIOUS] = _Event(SERIOUS, sentence, [words], {"words": words, "scope": "serious"})
                break
    findings = []
    for field, events in (("adverse_events", occurred), ("negated_adverse_events", negated)):
        for term, event in events.items():
            if field == "negated_adverse_events" and term in occurred and not occurred[term].detail.get("inferred"):
                continue  # a term is never in both lists: stated to occur wins
            if field == "adverse_events" and event.detail.get("inferred") and term in negated:
                continue  # 'This group had no vomiting' beside 'higher in MDZ:FEN group compared to other two groups'
            if field == "negated_adverse_events" and event.detail.get("scope") == "part" and occurred:
                continue  # 'no AEs were reported at day 2' beside events that occurred: a part, not the whole
            findings.append(Finding(field, term, ctx.evidence(event.sentence, NAME, VERSION),
                                    intervention=ctx.intervention.name, detail=event.detail))
    return findings
