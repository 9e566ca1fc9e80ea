"""Extractor: pain_effect — is THE intervention reported better, no different or worse on pain?

Reads the verdicts of ``ketamine_evidence.analysis.extract.direction`` in the title, results and conclusions
sentences (background, aims and methods are not findings) and applies the guideline's reading
rules: improved where the intervention is better on a pain outcome, no_difference where it is
explicitly not, mixed where a benefit and an explicit absence (or harm) are both stated, worse
where the comparator is better; judged against placebo / sham / no treatment where the trial has
one (verdicts against another active arm alone are then set aside), else against baseline.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.abstract_parts import unlabelled_conclusions
from ketamine_evidence.analysis.extract.anaphoric_results import anaphoric_none
from ketamine_evidence.analysis.extract.arms import word_pattern
from ketamine_evidence.analysis.extract.direction import (
    COMPARE, NON_FINDING, Verdict, article_arms, clause_verdicts, pain_direction, raw_direction,
    sentence_direction,
)
from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome, on_outcome, pain_aliases, primary_outcomes
from ketamine_evidence.analysis.extract.pain_reader import reread
from ketamine_evidence.analysis.extract.pain_sections import label_kinds, sections
from ketamine_evidence.analysis.extract.protocols import is_protocol
from ketamine_evidence.analysis.extract.significance import _significance
from ketamine_evidence.analysis.extract.text_patterns import time_mentions
from ketamine_evidence.analysis.extract.time_frame import refers_back, sentence_frame
from ketamine_evidence.analysis.extract.time_phrases import is_time_phrase, noun_phrase
from ketamine_evidence.analysis.records import Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.extract.arms import Arms
    from ketamine_evidence.analysis.parse.sentences import Sentence

NAME = "pain_effect"
VERSION = "1.2"


# --- the article verdict --------------------------------------------------------------------------


def pain_measured(ctx: "Context", arms: "Arms") -> bool:
    """Does a methods or results sentence name a pain outcome (or the abstract's parts cannot be told apart)?
    Where pain appears only in the background and the conclusions ('... should be effective for lower back pain
    patients'), it is no outcome the study measured (additions rule w)."""
    where = sections(ctx)
    inferred = unlabelled_conclusions(ctx)  # told by their wording only: the parts are not told apart by them
    labels = {where[id(s)] for s in ctx.sentences if where[id(s)] and where[id(s)] != "TITLE" and s.index not in inferred}
    if not any(label_kinds(label).concluding for label in labels) or len(labels) < 2:
        return True  # the abstract's parts not told apart: every sentence may report a result
    return any(arms.pain_outcome(s.text) for s in ctx.sentences
               if label_kinds(where[id(s)]).measuring or not where[id(s)])


def finding_sentences(ctx: "Context") -> list["Sentence"]:
    """Title, results and conclusions sentences (unlabelled abstracts: all that are not aims/methods)."""
    out = []
    where = sections(ctx)
    for s in ctx.sentences:
        section = where[id(s)]
        if section != "TITLE" and label_kinds(section).skipped:
            continue
        if section != "TITLE" and NON_FINDING.search(s.text) and not _significance(s.text):
            continue
        if section == "TITLE" and raw_direction(s.text) not in ("better", "worse", "none") and not TITLE_VERB.search(s.text):
            continue  # 'The comparison of ... on postoperative pain in lower abdominal surgery'
        if section == "TITLE" and TITLE_TOPIC.match(s.text) and not TITLE_VERB.search(s.text):
            continue  # 'The effectiveness and cost-evaluation of manual therapy ...': what was studied, not a finding
        if section == "TITLE" and "?" in s.text:
            continue  # 'Which is better for pain reduction ...: A, B, or combination?': a question, not a finding
        if section == "TITLE" and TITLE_AIM.search(s.text) and not TITLE_VERB.search(s.text):
            continue  # 'Reflexology versus Swedish Massage to Reduce Stress and Pain and Improve Mood': an aim
        out.append(s)
    return out


TITLE_TOPIC = re.compile(r"\W*(the\s)?(comparative\s|relative\s|clinical\s)?(effect(iveness)?|efficacy|comparison|evaluation|"
                         r"assessment|safety)s?\s((and|or)\s[\w-]+\s)?(of|on|between)\b", re.I)
TITLE_AIM = re.compile(r"\b(to (reduce|improve|prevent|relieve|treat|manage|attenuate|decrease|control|lower|enhance)|"
                       r"for (reducing|preventing|relieving|improving|treating|the (reduction|prevention|relief|"
                       r"treatment|management) of))\b|\?\s*$", re.I)
TITLE_VERB = re.compile(r"\b(reduces|reduced|decreases|decreased|attenuates|attenuated|prevents|prevented|increases|"
                        r"increased|improves|improved|lowers|lowered|prolongs|prolonged|relieves|relieved)\b", re.I)


# A result over every outcome measured, pain among them: 'no ... differences between the 2 groups in any measurements',
# 'no difference in the clinical outcome between the two study groups', 'No significant differences between both
# treatment groups were found.'
GLOBAL_NONE = re.compile(r"\bno (statistically )?(significant )?differences? (\w+ ){0,5}?(in (?P<what>(any|all) (of the )?"
                         r"(measurements|measures|outcomes|parameters|variables|end ?points)|(the )?clinical "
                         r"outcomes?)\b|between (both|the two|the 2|the) (treatment |study )?groups (was|were) (found|"
                         r"observed|detected|noted)(?=\.?$))", re.I)


# A difference said to have gone: about the outcome of the sentence before.
NO_LONGER = re.compile(r"\b(the |this |these )?differences? (was|were|became|is) no longer (statistically )?significant\b", re.I)


# A sentence that defines an outcome ('Relapse was defined as moderate-to-severe upper GI symptoms ...') reports none.
DEFINITION = re.compile(r"\b(was|were|is|are) defined as\b", re.I)


# A study that tests no treatment ('none (laser-evoked pain fMRI in early Parkinson's disease)'): no pain effect
# of a treatment to report (additions rules m, o).
NO_TREATMENT = re.compile(r"\s*(none|no (treatment|intervention))\b", re.I)


def article_verdicts(ctx: "Context") -> list[Verdict]:
    """Every pain verdict in the article's finding sentences, with its sentence (cached per context)."""
    cached = getattr(ctx, "_pain_verdicts", None)
    if cached is not None:
        return cached
    verdicts: list[Verdict] = []
    arms = article_arms(ctx)
    tested = not NO_TREATMENT.match(ctx.intervention.given_name or ctx.intervention.name)
    # A protocol reports no result (additions rule a): its planned outcomes ('Secondary outcomes include ... pain')
    # are no finding, labelled or not (invariance labels_removed: pool dev 29788982, batch 5 29146647).
    tested = tested and not is_protocol(ctx)
    if tested and (ctx.intervention.mentioned_in(ctx.article.text) or arms.names is not ctx.intervention.pattern):
        primary = primary_outcomes([s.text for s in ctx.sentences])
        measured: bool | None = None  # asked only where a title or conclusions sentence needs it
        where = sections(ctx)
        concluding = unlabelled_conclusions(ctx)
        aliases = pain_aliases([s.text for s in ctx.sentences if label_kinds(where[id(s)]).measuring or not where[id(s)]])
        previous: list[Verdict] = []  # the verdicts of the last sentence that had any
        untested = tests_no_treatment(ctx)
        for s in finding_sentences(ctx):
            if s.section == "TITLE" or label_kinds(where[id(s)]).concluding:
                if measured is None:
                    measured = pain_measured(ctx, arms)
                if not measured:
                    continue  # pain only in the background and the conclusions: no outcome of this study
            results = label_kinds(s.section or "").results
            before = ctx.sentences[s.index - 1] if refers_back(s.text) and 0 < s.index <= len(ctx.sentences) else None
            carried = sentence_frame(before.text) if before is not None and before.section == s.section else ()
            found = clause_verdicts(s.text, arms, results=results, carried=carried)  # 'At this time point, ...'
            if not found and GLOBAL_NONE.search(s.text) and arms.pain_text and pain_measured(ctx, arms):
                # 'There were no statistically significant differences between the 2 groups in any measurements': every
                # outcome the abstract measured, pain among them (only the absence of a difference is taken)
                reading = GLOBAL_NONE.sub(lambda m: m.group(0)[:m.start("what") - m.start()] + "pain" + m.group(0)[
                    m.end("what") - m.start():] if m.group("what") else m.group(0) + " in pain", s.text, count=1)
                found = [v for v in clause_verdicts(reading, arms, results=results) if v.verdict == "no_difference"]
                for v in found:
                    v.clause = s.text
            if not found and aliases is not None and aliases.search(s.text) and not DEFINITION.search(s.text):
                # 'IIP procedures produce less postoperative discomfort', where pain is one of the five parameters of
                # postoperative discomfort the methods list: read with pain in the defined term's place
                found = clause_verdicts(aliases.sub("pain", s.text), arms, results=results)
                for v in found:
                    v.clause = s.text
            if not found and previous and NO_LONGER.search(s.text) and not arms.pain_outcome(s.text) and \
                    s.index - previous[-1].sentence.index <= 2 and previous[-1].section == s.section:
                # 'At 12 (P = 0.062) and 24 (P = 0.14) hours post operation, the difference was no longer significant':
                # the previous sentence's difference, absent at the time points this one names
                found = [_absent_since(previous[-1], s.text)]
            anaphor = anaphoric_none(s.text) if not found and previous else None
            if anaphor and not arms.pain_outcome(s.text) and s.index - previous[-1].sentence.index == 1 and \
                    previous[-1].sentence.section == s.section and \
                    any(v.verdict in ("better", "worse") for v in previous) and \
                    (anaphor == "scoped" or not _significance(previous[-1].sentence.text)):
                # 'However, this was not significantly different between the two groups at 3-4 cm cervical dilation':
                # the previous sentence's comparison, absent at the time points or in the participants this one names;
                # without a scope of its own, the significance of a difference the sentence before stated without one
                if anaphor == "same":
                    _take_back(verdicts, [v for v in previous if v.verdict != "no_difference"])
                found = [_absent_since(previous[-1], s.text)]
            if not found and previous and then_none(s.text) and not arms.pain_outcome(s.text) and \
                    s.index - previous[-1].sentence.index == 1 and previous[-1].section == s.section and \
                    not _significance(previous[-1].sentence.text):
                # 'Patients reported less pain ... when prophylactic antibiotics were given. However, there were no
                # statistical significant differences between the three groups': the trend the sentence before stated
                # without significance is taken back (batch blind2 PMC4239745)
                taken = [v for v in previous if v.verdict in ("better", "worse")]
                _take_back(verdicts, taken)
                found = [Verdict("no_difference", s.text, vs_placebo=taken[-1].vs_placebo, vs_active=taken[-1].vs_active)
                         ] if taken else []
            if not found and SIMILAR.search(s.text) and arms.pain_outcome(s.text) and s.index > 0:
                found = _like_the_sentence_before(ctx.sentences[s.index - 1].text, s.text, arms)
            elif found and untested and not (arms.is_intervention(s.text) or arms.is_comparator(s.text)):
                found = [v for v in found if v.verdict not in ("better", "worse")]  # credited to no arm
            previous = found or previous
            for v in found:
                v.sentence = s
                v.section = s.section or ("CONCLUSIONS" if s.index in concluding else None)
                v.extra["placebo_controlled"] = arms.placebo_controlled
                named = v.clause if is_pain_outcome(v.clause) else s.text  # 'but not at 24 h': the sentence's outcome
                v.extra["primary"] = any(on_outcome(named, words) for words in primary) and not re.search(
                    r"\bsecondary\b", named, re.I)
                if v.verdict == "better" and SUBGROUP_ONLY.search(v.clause):
                    v.extra["subgroup_only"] = True  # 'only females who received information had ... lower ... pain'
                verdicts.append(v)
    try:
        ctx._pain_verdicts = verdicts  # type: ignore[attr-defined]
    except AttributeError:
        pass
    return verdicts


# A sentence that opens by denying a significant difference between the groups, with no outcome of its own (not 'no
# significant difference in ΔT max'): about the direction the sentence before stated ('However, there were no statistical significant differences between the
# three groups').
def _absent_since(before: Verdict, text: str) -> Verdict:
    """The comparison ``before`` stated, absent at the time points or in the participants ``text`` names ('the
    difference was no longer significant at 12 and 24 hours', 'However, this was not significantly different ... at
    3-4 cm cervical dilation'): a no-difference verdict against the same comparator."""
    return Verdict("no_difference", text, times=tuple(t for m in time_mentions(text) for t in m.days),
                   vs_placebo=before.vs_placebo, vs_active=before.vs_active)


def _take_back(verdicts: list[Verdict], taken: list[Verdict]) -> None:
    """Remove ``taken`` (by identity) from ``verdicts``: differences a later sentence says were not significant."""
    verdicts[:] = [v for v in verdicts if not any(v is t for t in taken)]


THEN_NONE = re.compile(r"^\W*(however|but|nevertheless|nonetheless|yet)\b,?\s+(?:(?:there|these|the|this|such) )?"
                       r"(?:(?:was|were|is|are) )?(?:no (?:statistically |statistical )?significant (?:\w+ )?"
                       r"differences?\b(?! (?:\w+ )?(?:from|over|compared with) (?:the )?(?:baseline|time))"
                       r"(?! (?:in|on|for|of|regarding)\b)|(?:differences?|"
                       r"results?) (?:was|were|did) not (?:reach )?(?:statistically )?significan)", re.I)


# Where a denial of a difference may name its own outcome after the groups: 'between the two groups in terms of early
# and late postoperative complications', 'regarding the incidence of nausea'. The groups it names are no outcome, nor
# is a time ('in the first 24 hours', 'on postoperative day 1', 'at 6 months of follow-up': ``time_phrases``).
_OWN_OUTCOME = re.compile(r"\b(?:in(?: terms of)?|on|for|of|regarding|concerning|as regards|with (?:respect|regard) to)\s"
                          r"(?!(?:the |all |any |each )?(?:\w+ )?(?:groups?|arms?)\b|them\b)", re.I)


def _names_outcome(rest: str) -> bool:
    """``rest`` names an outcome noun phrase after one of ``_OWN_OUTCOME``'s prepositions: a phrase that is neither a
    bare number nor a time."""
    return any(noun_phrase(rest[m.end():]) and not is_time_phrase(rest[m.end():]) for m in _OWN_OUTCOME.finditer(rest))


def then_none(text: str) -> bool:
    """``text`` opens by denying a significant difference between the groups and names no outcome of its own, so it
    is about the direction the sentence before stated ('However, there were no statistical significant differences
    between the three groups', '... between the groups in the first 24 hours'), not about another outcome ('However,
    there was no significant difference between the two groups in terms of early and late postoperative
    complications', '... in 24-h morphine consumption')."""
    m = THEN_NONE.search(text)
    return m is not None and not _names_outcome(re.sub(r"\([^()]*\)", " ", text[m.end():]))


# A result stated as the previous sentence's, on a pain outcome: 'A similar but weaker pattern evinced for perceived
# pain', after 'participants in the implementation intention condition reported substantially greater increases in RPE'.
SIMILAR = re.compile(r"\b(a |the )?similar(,? (but|though|albeit|if) (\w+ )?(weaker|smaller|stronger|less pronounced|"
                     r"non-?significant))? (pattern|trend|effect|result|finding|picture|difference)s? (was |were )?"
                     r"(\w+ )?(for|in|on|with|regarding)\b", re.I)


# A benefit restricted to a subgroup of the participants (additions rule ab): 'only females who received information
# had a statistically significant lower perception of pain', 'were only significant in the anteromedial subgroup'.
SUBGROUP_ONLY = re.compile(r"\bonly\b(?: [\w-]+){0,3}? (?:(?:in|among|for|within) )?(?:the )?(?:[\w-]+ )?(?:subgroups?|"
                           r"subsets?|sub-?populations?|females|males|women|men|girls|boys|(?:patients|participants|"
                           r"subjects|those|children|adults) (?:with|who|aged|older|younger|over|under)\b)", re.I)


# Designs that test no treatment (additions rules m, o, ae): laboratory, diagnostic and correlation studies and
# analyses of a cohort.
NO_TREATMENT_DESIGNS = frozenset({"other", "prospective_observational", "retrospective_observational"})


def tests_no_treatment(ctx: "Context") -> bool:
    """The design reader calls the study one that tests no treatment: there a better or worse verdict must be
    credited to an arm its sentence names ('Stressed individuals scored significantly lower on the appraisal of pain
    pictures', 'Our findings benefit not only the diagnosis of CLBP' name none), as groups formed by what the persons
    are or did are not the exposure's arms."""
    return any(f.value in NO_TREATMENT_DESIGNS for f in ctx.earlier("design"))


def _like_the_sentence_before(before: str, text: str, arms: "Arms") -> list[Verdict]:
    """The verdict of ``text`` that says its pain outcome went the way the sentence before compared the arms (batch 6
    PMC5614960): that sentence's direction (its own outcome need not be pain) with the pain outcome's polarity."""
    if not (arms.is_intervention(before) and (arms.is_comparator(before) or COMPARE.search(before))):
        return []
    kind = pain_direction(sentence_direction(before, arms), arms.polarity(text))
    return [Verdict(kind, text)] if kind in ("better", "worse", "no_difference") else []


def named_in_part(ctx: "Context") -> bool:
    """The pipeline runs this extractor also where the abstract never uses the intervention's full name
    but does use its distinctive words (``arms.word_pattern``: 'the massage group' for 'massage and
    breastfeeding before venipuncture'); the arms are then tied by those words."""
    name = ctx.intervention.given_name or ctx.intervention.name
    if " " not in name.strip():
        return False  # a one-word name not mentioned has no other words to be found by (and 'ketamine' stays fast)
    return word_pattern(name, ctx.article.text) is not None


def decide(verdicts: list[Verdict]) -> tuple[str, Verdict | None]:
    """The guideline's pain_effect from clause verdicts, and the verdict that best shows it.

    Standing, highest first: a difference between the arms outranks a change from baseline (used only
    where no arm difference is reported); the abstract's results and conclusions outrank its title; where
    the abstract names a primary pain outcome, a unanimous result on it decides unless the conclusions say
    otherwise. ``mixed`` needs a benefit and an explicit absence of one (or harm) on pain outcomes of the
    same standing; a benefit and a harm read in different sentences are weighed (conclusions, then the
    count), since one of the two is more often a misread arm than a real reversal.
    """
    if not verdicts:
        return "not_reported", None
    placebo = any(v.extra.get("placebo_controlled") for v in verdicts)
    usable = verdicts
    if placebo:  # judged against placebo/sham: drop verdicts against another active treatment only
        usable = [v for v in verdicts if not (v.vs_active and not v.vs_placebo)] or verdicts
    between = [v for v in usable if v.verdict in ("better", "worse", "no_difference") and not v.extra.get("within_change")]
    body = [v for v in between if (v.section or "").upper() != "TITLE"]
    between = body or between  # the title states what the body reports: where they differ the body counts
    # Non-inferiority shown or not, with each arm improved from baseline, is judged against the comparator (rule e):
    # a change from baseline never outranks the between-arm result ('non-inferior but not superior' -> no_difference).
    subgroup = [v for v in between if v.extra.get("subgroup_only")]
    if subgroup and not any(v.verdict == "better" and not v.extra.get("subgroup_only") and not _conclusion(v)
                            for v in between):
        return "mixed", subgroup[0]  # a benefit only in a subgroup, none stated overall: rule ab
    if between:
        return _between_arms(between)
    if any(v.verdict == "within" for v in usable):
        within = [v for v in usable if v.verdict == "within"]
        alike = all(BOTH_ARMS.search(v.clause) or v.extra.get("every_arm") for v in within)  # 'significantly
        # improved in both groups', 'reduced in the pregabalin group and in the gabapentin group' (``arm_changes``)
        return ("no_difference" if placebo or alike else "improved"), _first(usable, "within")
    changes = [v for v in usable if v.extra.get("within_change")]  # only worsening from baseline is reported
    if changes:
        return "worse", _first(changes, "worse")
    return "not_reported", None


# A change from baseline stated for every arm alike: no arm did better than another.
BOTH_ARMS = re.compile(r"\b(in |for )?(both|all|each of the) (the )?(\w+ )?(groups|arms|treatment groups)\b", re.I)
_VALUE = {"better": "improved", "worse": "worse", "no_difference": "no_difference"}


def _conclusion(v: Verdict) -> bool:
    return label_kinds(v.section or "").concluding


def _first(verdicts: list[Verdict], kind: str) -> Verdict:
    """The verdict of ``kind`` that best shows the article's value: conclusions first, then results."""
    ranked = sorted((v for v in verdicts if v.verdict == kind), key=lambda v: (
        not _conclusion(v), not label_kinds(v.section or "").results))
    return ranked[0]


def _between_arms(between: list[Verdict]) -> tuple[str, Verdict]:
    """The article value from differences between the arms (see ``decide``)."""
    concluded = {v.verdict for v in between if _conclusion(v)}
    primary = {v.verdict for v in between if v.extra.get("primary")}
    if len(primary) == 1 and concluded <= primary:
        kind = next(iter(primary))  # the primary pain outcome's result, the conclusions agreeing
        return _VALUE[kind], _first([v for v in between if v.extra.get("primary")], kind)
    kinds = {v.verdict for v in between}
    if kinds == {"better", "worse"}:
        counts = {k: sum(1 for v in between if v.verdict == k) for k in kinds}
        if _contrast_in_one_sentence(between):
            return "mixed", _first(between, "worse")  # '... lower in group R at 2 h, but it reversed at 12 h'
        if counts["better"] != counts["worse"]:
            kind = max(counts, key=counts.__getitem__)
            return _VALUE[kind], _first(between, kind)
        return "mixed", _first(between, "worse")
    if "better" in kinds:
        return ("mixed", _first(between, "no_difference")) if "no_difference" in kinds else ("improved", _first(
            between, "better"))
    kind = "worse" if "worse" in kinds else "no_difference"
    return _VALUE[kind], _first(between, kind)


def _contrast_in_one_sentence(verdicts: list[Verdict]) -> bool:
    """One sentence states both a benefit and a harm: a reversal the authors wrote, not a misread arm."""
    by_sentence: dict[int, set[str]] = {}
    for v in verdicts:
        by_sentence.setdefault(id(v.sentence), set()).add(v.verdict)
    return any({"better", "worse"} <= kinds for kinds in by_sentence.values())


def extract(ctx: "Context") -> list[Finding]:
    value, verdict = decide(reread(article_verdicts(ctx), article_arms(ctx)))  # KE_PE_READER: rules unless set
    if verdict is None or verdict.sentence is None:
        return []
    return [Finding(NAME, value, ctx.evidence(verdict.sentence, NAME, VERSION), ctx.intervention.name,
                    {"clause": verdict.clause.strip(), "verdict": verdict.verdict})]
