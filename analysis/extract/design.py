"""Extractor: study design (guideline ``design``), read from the title and abstract.

Checked in order, the first that applies wins: publication type Review (narrative, or systematic where
the text says so); animal study (animals are the subjects, no patients or volunteers); guideline;
systematic review / meta-analysis; an analysis built on another trial whose question is a relation
between measures (``design_secondary``, rule ae) -> ``prospective_observational``; random allocation of this
study's participants stated (or publication type Randomized Controlled Trial) -> ``rct``; review titled so; case
series (so titled, or 2-10 patients); case report; review wording ('this review', 'we summarize') without trial wording;
retrospective (chart review, registry, records); prospective observational (cohort, survey); a comparative
series (more than ten in a 'series of', a 'comparative study', cases over a past calendar period) whose groups are
compared without trial, assignment or 'prospective' wording -> ``retrospective_observational`` (rule l); trial
wording without random allocation (groups, double-blind, placebo-controlled, open-label, dose-finding,
crossover, control group) -> ``non_randomised_trial``; weaker observational wording (a cohort, people
followed or observed over time, users compared with non-users) -> ``prospective_observational``; else
``other``. Publication types decide where
the text is silent. Randomisation in a sentence about earlier or future studies ("a larger randomized
study is needed") does not count.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.design_cues import (ASSIGNMENT as _ASSIGNMENT, DATA_SOURCE as _DATA_SOURCE, DRUG_GIVEN,
                                                           EXPERIMENT, FUTURE_TRIAL, GIVEN_BY_STUDY, INDIVIDUAL_DATA, INTEGRATED as _INTEGRATED,
                                                           NOT_ALLOCATION as _NOT_ALLOCATION, OUTCOME_GROUPS, POST_HOC, QUALITATIVE,
                                                           PROSPECTIVE as _PROSPECTIVE, comparative_series, large_series, RANDOMISED_HERE, STUDY_COUNT as _STUDY_COUNT,
                                                           GROUP_WORDS, TREATMENT_GIVEN, publication_type_labels)
from ketamine_evidence.analysis.extract.design_secondary import arms_question, secondary_analysis
from ketamine_evidence.analysis.extract.design_whose import own_randomisation, without_others
from ketamine_evidence.analysis.extract.design_patterns import (
    ANIMAL, CASE_REPORT, CASE_SERIES, ENROLMENT as _ENROLMENT, GUIDELINE, HUMAN, NO_TREATMENT_STUDY, NOT_RANDOM, OBSERVED,
    PART_OF_BIGGER as _PART_OF_BIGGER, PLANNED as _PLANNED, POOLED, PROSPECTIVE_OBS, RANDOM, RETROSPECTIVE, REVIEW,
    SEARCHED as _SEARCHED, SMALL_N as _SMALL_N, SYSTEMATIC, THIS_STUDY, TRIAL)
from ketamine_evidence.analysis.extract.fast_re import LowerPattern
from ketamine_evidence.analysis.extract.study_text import FUTURE_CUE, Gated, has_number, is_background_sentence, lower
from ketamine_evidence.analysis.extract.study_text import plain_hyphen_sentences
from ketamine_evidence.analysis.extract.text_patterns import parse_number
from ketamine_evidence.analysis.records import Evidence, Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

NAME = "design"
VERSION = "1.0"


def _metadata(article_types: list[str]) -> Evidence:
    return Evidence("; ".join(article_types), None, None, NAME, VERSION, "metadata")


def _first(sentences: list["Sentence"], pattern: "re.Pattern[str] | Gated",
           keep=lambda s: True, whole: str | None = None,
           lows: list[str] | None = None) -> "Sentence | None":
    """The first sentence the pattern matches and ``keep`` accepts; ``whole`` (all their text) is
    pre-checked once for the pattern's key words (per-sentence checks would cost more than they save);
    ``lows``: the sentences' lower-cased texts, when the caller has them."""
    if isinstance(pattern, Gated) and whole is not None:
        if not pattern.exact:
            if not pattern.possible(whole):
                return None
            scan = pattern.scan
            return next((s for s in sentences if scan(s.text) and keep(s)), None)
        present = pattern.present(whole)  # a sentence can match only if it holds one of these
        if not present:
            return None
        if lows is None:
            lows = [lower(s.text) for s in sentences]
        for s, lowered in zip(sentences, lows):
            for key in present:
                if key in lowered:
                    break
            else:
                continue
            if pattern.scan(s.text) and keep(s):
                return s
        return None
    if whole is not None and isinstance(pattern, LowerPattern) and pattern.excluded(whole):
        return None  # no sentence holds what every match needs (the sentences are parts of ``whole``)
    return next((s for s in sentences if pattern.search(s.text) and keep(s)), None)


def classify(ctx: "Context") -> tuple[str, "Sentence | None", str | None]:
    """(design, deciding sentence, deciding publication type)."""
    sentences, whole = plain_hyphen_sentences(ctx)
    types = ctx.article.publication_types
    by_type = {label for t in types for label in publication_type_labels(t)}
    title = next((s for s in sentences if s.section == "TITLE"), None)
    lows = [lower(s.text) for s in sentences]  # for every rule's key-word check below

    future: list[bool] = []  # no future/earlier-study wording anywhere: skip the per-sentence check (asked once)
    about: dict[int, bool] = {}  # kept per sentence: every rule below asks

    def about_this_study(s: "Sentence") -> bool:
        known = about.get(s.index)
        if known is None:
            if not future:
                future.append(FUTURE_CUE.possible(whole))
            known = (not (future[0] and FUTURE_CUE.search(s.text))
                     and (not is_background_sentence(ctx, s) or THIS_STUDY.search(s.text) is not None))
            about[s.index] = known
        return known

    small_series: list["Sentence | None"] = []

    def small() -> "Sentence | None":
        if not small_series:
            small_series.append(_small_series(sentences, whole))
        return small_series[0]

    pooled = pooled_of(ctx, sentences, whole, lows)
    if pooled is not None:
        return "other", pooled, None
    if "narrative_review" in by_type and "rct" not in by_type:  # PubMed's 'Review': a review of whatever
        sr = _first(sentences, SYSTEMATIC, lambda s: not is_background_sentence(ctx, s), whole=whole,
                    lows=lows)
        if sr is not None:
            return "systematic_review", sr, None
        if "systematic_review" not in by_type and "guideline" not in by_type:
            return "narrative_review", None, "narrative_review"

    # Animal study: animals are the subjects and no human subjects are described.
    animal = _first(sentences, ANIMAL, about_this_study, whole=whole, lows=lows)
    if animal is not None and _mostly_animal([s.text for s in sentences if about_this_study(s)], whole):
        return "animal", animal, None

    if "guideline" in by_type:
        return "guideline", None, "guideline"
    if title is not None and GUIDELINE.search(title.text) and not RANDOM.search(title.text):
        return "guideline", title, None
    own_words: list[str] = []  # the text with others' trials and random sampling blanked (design_whose), asked once

    def own_text() -> str:
        if not own_words:
            own_words.append(" ".join(without_others(s.text) for s in sentences))
        return own_words[0]

    lab = _first(sentences, NO_TREATMENT_STUDY, about_this_study, whole=whole, lows=lows)
    if lab is not None and (lab.section == "TITLE" or not RANDOM.search(own_text())):
        return "other", lab, None
    sr = _first(sentences, SYSTEMATIC, lambda s: not is_background_sentence(ctx, s) and not _PLANNED.search(s.text),
                whole=whole, lows=lows)
    if sr is not None:
        return "systematic_review", sr, None
    if "systematic_review" in by_type:
        return "systematic_review", None, "systematic_review"

    random = _first(sentences, RANDOM, lambda s: (about_this_study(s) or RANDOMISED_HERE.search(s.text) is not None
                                                  and not is_background_sentence(ctx, s)) and not NOT_RANDOM.search(s.text)
                    and not _NOT_ALLOCATION.search(s.text) and not FUTURE_TRIAL.search(s.text)
                    and own_randomisation(s.text), whole=whole, lows=lows)  # whose randomisation: design_whose
    treatment = ctx.intervention.name if ctx.intervention else ""
    post_hoc = _first(sentences, POST_HOC, lambda s: not arms_question(s.text, treatment), whole=whole, lows=lows)
    if post_hoc is not None:  # rule ae: relations between measures in one trial's data set
        return "prospective_observational", post_hoc, None
    if random is not None or "rct" in by_type:
        secondary = secondary_analysis(sentences, whole, treatment)
        if secondary is not None:  # rule ae: an analysis built on another trial that does not test its treatment
            return "prospective_observational", secondary, None
    experiment = _first(sentences, EXPERIMENT, about_this_study, whole=whole, lows=lows)
    if experiment is not None and (random is not None or "rct" in by_type or TRIAL.search(own_text())) \
            and not DRUG_GIVEN.search(whole):
        return "other", experiment, None  # rule o: a randomised experiment tests no treatment
    nested = _first(sentences, RANDOM, lambda s: _DATA_SOURCE.search(s.text) is not None and QUALITATIVE.search(s.text)
                    is not None and not _PLANNED.search(s.text), whole=whole, lows=lows) if random is not None else None
    if nested is not None:  # rule m: a qualitative study nested in a trial; the randomisation is the host trial's
        return "other", nested, None
    if random is not None:
        return "rct", random, None
    if "rct" in by_type:
        return "rct", None, "rct"
    source = _first(sentences, RANDOM, lambda s: _DATA_SOURCE.search(s.text) is not None, whole=whole, lows=lows)
    if source is not None:  # rule m: an analysis of a trial's data set, no treatment under study
        if QUALITATIVE.search(source.text):
            return "other", source, None  # rule m: a qualitative study nested in the trial
        return "prospective_observational", source, None

    review_title = title is not None and REVIEW.search(title.text) is not None
    if review_title or ("narrative_review" in by_type
                        and _first(sentences, TRIAL, whole=whole, lows=lows) is None):
        return "narrative_review", title if review_title else None, None if review_title else "narrative_review"

    series = _first(sentences, CASE_SERIES, lambda s: about_this_study(s) and not large_series(s), whole=whole,
                    lows=lows)
    if series is not None:
        if RETROSPECTIVE.search(series.text) and small() is None:
            return "retrospective_observational", series, None  # 'Retrospective case series' of many
        return "case_series", series, None
    report = _first(sentences, CASE_REPORT, about_this_study, whole=whole, lows=lows)
    if report is not None or "case_report" in by_type:
        if small() is not None:
            return "case_series", small(), None
        return ("case_report", report, None) if report is not None else ("case_report", None, "case_report")

    review = _first(sentences, REVIEW, lambda s: not is_background_sentence(ctx, s), whole=whole, lows=lows)
    if review is not None and _first(sentences, TRIAL, about_this_study, whole=whole, lows=lows) is None \
            and small() is None and not _ENROLMENT.search(whole):
        return "narrative_review", review, None
    retro = _first(sentences, RETROSPECTIVE, about_this_study, whole=whole, lows=lows)
    if retro is not None:
        return "retrospective_observational", retro, None
    prosp = _first(sentences, PROSPECTIVE_OBS, about_this_study, whole=whole, lows=lows)
    if prosp is not None:
        given = _first(sentences, GIVEN_BY_STUDY, about_this_study, whole=whole, lows=lows)
        if given is not None:  # a 'cohort' that gives the treatment itself
            return "non_randomised_trial", given, None
        return "prospective_observational", prosp, None
    if "prospective_observational" in by_type:
        return "prospective_observational", None, "prospective_observational"
    comparative = comparative_series(sentences, whole, about_this_study)
    if comparative is not None:  # rule l: a comparative series without assignment or prospective wording
        return "retrospective_observational", comparative, None
    by_outcome = _first(sentences, OUTCOME_GROUPS, about_this_study, whole=whole, lows=lows)
    if by_outcome is not None:  # rules ae, l: groups formed by the result, no allocation (random was found above)
        prospective = _first(sentences, _PROSPECTIVE, about_this_study, whole=whole, lows=lows)
        if prospective is not None:
            return "prospective_observational", prospective, None
        return "retrospective_observational", by_outcome, None
    trial = _first(sentences, TRIAL, lambda s: about_this_study(s) and not _NOT_ALLOCATION.search(s.text)
                   and TRIAL.search(without_others(s.text)) is not None, whole=whole, lows=lows)
    if trial is not None and _groups_by_trait([s for s in sentences if about_this_study(s)]):
        trial = None  # rules l, m: groups formed by what people have, and no treatment given
    if trial is not None and not _ASSIGNMENT.search(own_text()):  # rule l: a comparative series said to be prospective
        prospective = _first(sentences, _PROSPECTIVE, about_this_study, whole=whole, lows=lows)
        if prospective is not None:
            return "prospective_observational", prospective, None
    if trial is None:
        if small() is not None:
            return "case_series", small(), None
        if "non_randomised_trial" in by_type:
            return "non_randomised_trial", None, "non_randomised_trial"
    elif title is not None and _small_series([title]) is not None:
        return "case_series", title, None
    if trial is not None:
        return "non_randomised_trial", trial, None
    observed = _first(sentences, OBSERVED, about_this_study, whole=whole, lows=lows)
    if observed is not None:  # no treatment given by the study: people followed under their own exposure
        return "prospective_observational", observed, None
    return "other", None, None


def _groups_by_trait(sentences: list["Sentence"]) -> bool:
    """The study's only trial words form groups ('divided into three groups', 'the control group') and no sentence
    gives a treatment: the groups are formed by what people have (rules l, m), not by assignment."""
    texts = [without_others(s.text) for s in sentences]  # others' trials and random sampling are not this study's
    if any(TREATMENT_GIVEN.search(t) for t in texts):
        return False
    words = [m.group(0).lower() for t in texts for m in TRIAL.finditer(t)]
    return all(GROUP_WORDS.match(w) for w in words) and any(w.endswith("to") for w in words)


def pooled_of(ctx: "Context", sentences: list["Sentence"], whole: str,
              lows: list[str] | None = None) -> "Sentence | None":
    """``pooled_analysis`` of the article's ``whole`` text (and its ``sentences``), kept on ``ctx``: ``design`` asks it
    and ``participants`` asks it again of every study called 'other' (some 45% of a MEDLINE mix). The kept answer is
    read only for the same text object (``design`` reads a copy with plain hyphens when the text has others)."""
    kept = ctx._pooled
    if kept is not None and kept[0] is whole:
        return kept[1]
    found = pooled_analysis(sentences, whole, lows if lows is not None else [lower(s.text) for s in sentences])
    ctx._pooled = (whole, found)
    return found


def pooled_analysis(sentences: list["Sentence"], whole: str, lows: list[str]) -> "Sentence | None":
    """Rule d: a pooled or integrated analysis of several trials ('integrated safety analysis ... in ten
    sponsored clinical studies'), not built on a systematic search."""
    low = lower(whole)
    pooled = None
    if "pooled" in low or "integrated" in low or "combined" in low:
        pooled = _first(sentences, POOLED, whole=whole, lows=lows)
        if pooled is None and _INTEGRATED.search(whole) and _STUDY_COUNT.search(whole):
            pooled = next(s for s in sentences if _INTEGRATED.search(s.text))
    if pooled is None:  # an individual-patient meta-analysis of named trials, too
        # The sentence first: its key ('individual') is checked once in the whole text, and it is absent from nearly
        # every abstract, while the count of studies runs over the whole text (the three tests are pure: any order).
        individual = _first(sentences, INDIVIDUAL_DATA, whole=whole, lows=lows)
        if individual is None or not _STUDY_COUNT.search(whole) or _SEARCHED.search(whole):
            return None
        return individual
    return None if _SEARCHED.search(whole) else pooled


def _mostly_animal(texts: list[str], whole: str) -> bool:
    """No human subjects named in ``texts``, or more than twice as many animal words as human ones (the human
    words are counted only until they rule the animal reading out); ``whole`` holds every text."""
    animal_keys, human_keys = ANIMAL.present(whole), HUMAN.present(whole)
    animal_hits = sum(len(ANIMAL.scan_findall(t)) for t in texts if ANIMAL.holds(t, animal_keys))
    human_hits = 0
    for t in texts:
        if HUMAN.holds(t, human_keys):
            human_hits += len(HUMAN.scan_findall(t))
            if human_hits and animal_hits <= 2 * human_hits:
                return False
    return human_hits == 0 or animal_hits > 2 * human_hits


def _small_series(sentences: list["Sentence"], whole: str | None = None) -> "Sentence | None":
    """A sentence reporting 2-10 patients (a case series by the guideline's count); ``whole``: a text that
    holds every sentence (the article's, whose key words are already known)."""
    keys = _SMALL_N.present(whole if whole is not None else " ".join(s.text for s in sentences))
    if not keys:
        return None
    for s in sentences:
        if not _SMALL_N.holds(s.text, keys) or not has_number(s.text):
            continue
        for m in _SMALL_N.scan_iter(s.text):
            if _PART_OF_BIGGER.search(s.text, 0, m.start()):
                continue  # 'One hundred and two patients'
            n = parse_number(m.group("n"))
            if n is not None and 2 <= n <= 10:
                return s
    return None


def extract(ctx: "Context") -> list[Finding]:
    design, sentence, by_type = classify(ctx)
    if sentence is not None:  # the article's own sentence (``classify`` may read a copy with plain hyphens)
        evidence = ctx.evidence(next(s for s in ctx.sentences if s.index == sentence.index), NAME, VERSION)
    elif by_type is not None:
        evidence = _metadata(ctx.article.publication_types)
    else:
        evidence = None
    return [Finding(NAME, design, evidence, ctx.intervention.name)]
