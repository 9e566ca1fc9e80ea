"""Cue patterns of the design extractor for the project's guideline additions (rules d, l, m, o, ae) and the
designs PubMed publication types support, kept apart from ``design.py`` so that module stays small. Each is
a plain regex; ``design.classify`` decides order."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from ketamine_evidence.analysis.extract.design_whose import without_others
from ketamine_evidence.analysis.extract.study_text import Gated
from ketamine_evidence.analysis.extract.text_patterns import MONTH_NAME, MONTH_UNITS, NUMBER_WORDS, WEEK_UNITS

if TYPE_CHECKING:
    from ketamine_evidence.analysis.parse.sentences import Sentence

# Random words that are no allocation of this study's participants: a trial that is only the data source
# of an analysis ('the external validity of this tool within the context of the ... randomised controlled
# trial'), randomised stimuli of a laboratory test ('60 randomized pain stimuli').
# An earlier study named as the source counts too ('a secondary observational analysis of data from a former prospective
# randomised placebo controlled multicentre study').
DATA_SOURCE = re.compile(r"\b(?:within the context of|using data from|data (?:from|of)|nested (?:with)?in|embedded (?:with)?in|as (?:a )?part of) "
                          r"(?:the |a |an )?(?:[^.;]{0,120}?\b(?:trial|RCT)\b|(?:former|previous|earlier|prior|original|"
                          r"parent|larger)\b[^.;]{0,100}?\bstudy\b)", re.I)
# Samples or records split at random into a training and a test set (a diagnostic or prediction model's data,
# 'randomly divided into a training set (n = 30) and a blind test set') are no allocation to treatments either.
_DATA_SPLIT = (r"\brandom(?:ly|i[sz]ed)? (?:\w+ )?(?:divided|split|assigned|allocated|partitioned|separated) "
               r"(?:in)?to (?:a |the )?(?:training|derivation|development|discovery|learning)\b")
# People drawn at random from a population or an arm are a random sample, not a random allocation to treatments: 'randomly
# selected from five ... high schools', 'randomly selected from the intervention arm', 'a randomly chosen subset'
# (not 'randomly selected to receive either ...', which allocates).
_SAMPLED = (r"\brandomly (?:selected|chosen|sampled|drawn) from\b|\brandomly (?:selected|chosen|drawn) (?:sub-?set|sub-?sample|sample)\b|"
            r"\brandom (?:sub-?)?samples? of\b")
NOT_ALLOCATION = re.compile(rf"{DATA_SOURCE.pattern}|\brandomi[sz]ed (?:\w+ )?stimul\w*|{_DATA_SPLIT}|{_SAMPLED}", re.I)
# Rule d also covers an individual-patient meta-analysis of the trials at hand ('Individual patient information was
# available from three randomised ... trials ... Data were combined through meta-analysis'), without a search.
INDIVIDUAL_DATA = re.compile(r"\bindividual[- ]patient (?:data |information )?(?:meta-?analys[ie]s|information|data)\b", re.I)
INTEGRATED = re.compile(r"\b(?:pooled|integrated) (?:\w+ ){0,2}analys[ie]s\b", re.I)
STUDY_COUNT = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple) "
                          r"(?:[\w-]+ ){0,3}(?:trials|studies)\b", re.I)
# Guideline additions, rule l: assignment wording makes a comparative study a trial; without it, a comparative
# series that says 'prospective' is prospective_observational ('This prospective study was conducted on ...
# cases ... In group A ... while group B underwent open pyelolithotomy').
ASSIGNMENT = re.compile(r"\b(?:trials?|assign\w*|allocat\w*|divided|experimental group|control group|placebo|sham|"
                         r"blind\w*|cross-?over|open[- ]label|dose[- ](?:finding|escalation|ranging)|single[- ]arm|"
                         r"saline|randomi[sz]\w*|RCTs?|pilot|phase|intervention)\b", re.I)
PROSPECTIVE = re.compile(r"\bprospective(?:ly)?\b", re.I)
# Rule l, the comparative series itself: a series of more than ten patients stated in the text ('A series of 42
# patients ... in this comparative study'; a case series has 2-10), a study called comparative, or cases treated or
# analysed over a past calendar period ('procedures ... were analyzed between January 2008 and April 2012').
_PERIOD = rf"(?:between|from) (?:{MONTH_NAME} )?(?:19|20)\d\d,? (?:and|to|through|until|till) (?:{MONTH_NAME} )?(?:19|20)\d\d\b"
COMPARATIVE_SERIES = re.compile(rf"\b(?:comparative (?:study|series|analysis|review)|series of (?:[1-9]\d{{2,}}|[2-9]\d|1[1-9]|"
                                rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|[a-z]+ hundred)[\w-]*) "
                                rf"(?:consecutive )?(?:patients|cases|procedures)|(?:were|was) (?:analy[sz]ed|included|"
                                rf"identified|reviewed|treated|operated|performed|compared)\b[^.;]{{0,60}}?{_PERIOD}|"
                                rf"{_PERIOD}[^.;]{{0,100}}?\b(?:were|was) (?:analy[sz]ed|included|identified|reviewed|"
                                rf"treated|operated|performed|compared)\b)", re.I)
# Groups compared with each other (not one group before and after treatment).
COMPARED = re.compile(r"\b(?:versus|vs\.?|comparative|groups?|the first \w+ (?:patients|cases))\b", re.I)


def large_series(s: "Sentence") -> bool:
    """A series of more than ten patients named outside the title ('A series of 42 patients ... in this comparative
    study'): no case series by the guideline's count (2-10, or titled so), read by rule l instead."""
    return s.section != "TITLE" and COMPARATIVE_SERIES.search(s.text) is not None and "series of" in s.text.lower()


def comparative_series(sentences: list["Sentence"], whole: str,
                       about: "Callable[[Sentence], bool]") -> "Sentence | None":
    """Rule l: the sentence that states a comparative series (a series of more than ten, a 'comparative study', cases
    treated or analysed over a past calendar period) in a study that compares groups and whose own sentences hold
    no trial or assignment wording and no 'prospective' (those are trials, or prospective_observational)."""
    # The three whole-text tests are pure, so their order is free: the cheap ones first ('prospective' is gated by its
    # key word; 'group' or 'versus' stops ``COMPARED`` early), then the series pattern, which fails on nearly every
    # abstract only after trying each position (4 of the 604 MEDLINE sample abstracts match it).
    if PROSPECTIVE.search(whole) or not COMPARED.search(whole) or not COMPARATIVE_SERIES.search(whole):
        return None
    own = [s for s in sentences if about(s)]
    if any(ASSIGNMENT.search(without_others(s.text)) for s in own):  # others' trials are no assignment here
        return None
    return next((s for s in own if COMPARATIVE_SERIES.search(s.text)), None)


# Rule o: a randomised laboratory or experimental manipulation (a stress or pain paradigm, a provocation test)
# tests no treatment ('an established paradigm for the induction of acute psychosocial stress', 'A Randomized
# Double-Blind Provocation Study', 'Controlled laboratory study.', 'The experiment took place ...').
# Experimental psychology's wording is the same mechanism: 'nine experimental conditions: combinations of backpack
# loads', 'In this experiment ... randomly assigned to an implementation intention or a control condition'.
EXPERIMENT = re.compile(r"\b(?:paradigm|provocation (?:study|tests?)|(?:the|this|our|each) experiment|(?:controlled )?laboratory "
                        r"study|experimental manipulation|(?<!quasi-)(?<!quasi )experimental conditions?)\b",
                        re.I)
# Rule o keeps `rct` for a randomised trial of a treatment: an experiment whose groups are given a drug (a dose or
# a placebo: 'ketamine 0.5 mg/kg or saline placebo' in a heat-pain paradigm) tests that drug, not an exposure.
DRUG_GIVEN = re.compile(r"\bplacebo\b|\b\d+(?:[.,]\d+)?\s?(?:mg|µg|μg|mcg|ng|mL|ml|IU)\b", re.I)
# A qualitative study of people's views (interviews, focus groups) tests no treatment and follows no cohort: nested in a
# trial ('As part of a randomized controlled trial ... we conducted qualitative interviews with women randomized to the
# intervention arm'), it is 'other' (rule m), not an analysis of the trial's data set.
QUALITATIVE = re.compile(r"\b(?:qualitative (?:interviews?|study|research|inquiry)|(?:semi-?structured|in-depth) interviews?|"
                         r"focus groups?|thematic (?:\w+ )?analysis)\b", re.I)
# Rule ae: a post hoc or secondary analysis of one trial that studies relations between measures, predictors or
# prognosis ('A post hoc intention-to-treat analysis to evaluate the incidence of TKR') is prospective_observational.
POST_HOC = re.compile(r"\b(?:post[- ]hoc|secondary|ancillary) (?:[\w-]+ ){0,3}analys[ie]s\b[^.;]{0,120}?\b(?:associat\w+|"
                      r"correlat\w+|predict\w*|prognos\w+|relationships?|risk factors?|incidence of)", re.I)
# Groups formed by the result of treatment, not by allocation (rules ae, l): 'divided into two treatment outcome groups a
# year later: a good outcome group and a poor outcome group', 'responders and non-responders', 'classified according to
# their response'. Their 'allocated to the good outcome group' or 'divided into' is no assignment to a treatment.
OUTCOME_GROUPS = re.compile(r"\b(?:(?:good|poor|bad|favou?rable|unfavou?rable|successful|unsuccessful|treatment) outcome groups?|"
                            r"responders? (?:and|or|vs\.?|versus) non-?responders?|"
                            r"(?:divided|classified|categori[sz]ed|grouped|stratified) (?:\w+ ){0,4}?(?:according to|by|based on) "
                            r"(?:their |the )?(?:\w+ )?(?:outcomes?|response to (?:the )?treatment))\b", re.I)
# This study's own allocation told in the past passive ('patients ... who achieved relief ... during two previous
# studies were enrolled and randomly assigned into two identical ... studies'): an earlier or future study named in
# the same sentence does not make the randomisation theirs. Every wording of random allocation counts ('were enrolled
# and assigned at random', 'were allocated randomly').
RANDOMISED_HERE = re.compile(r"\b(?:were|was) (?:\w+ and )?(?:randomi[sz]ed|randomly (?:assigned|allocated|divided)|"
                             r"(?:assigned|allocated|divided) (?:at random|randomly))\b", re.I)
# Randomisation named only as the design a later study needs ('A randomised placebo controlled trial is required to
# confirm these data', 'requires verification using a randomised controlled study design').
FUTURE_TRIAL = re.compile(r"\b(?:is|are) (?:required|needed|warranted)\b|\brequires? (?:verification|confirmation)\b|"
                          r"\bverification using\b", re.I)

# Key words pre-checked once per abstract (most abstracts hold none of them).
EXPERIMENT = Gated(EXPERIMENT, ("paradigm", "provocation", "experiment", "laboratory", "condition"))
POST_HOC = Gated(POST_HOC, ("post hoc", "post-hoc", "secondary", "ancillary"))
# A study labelled a cohort or case-control study that gives the treatment itself is a non-randomised trial (rule l;
# 'Intervention: 60-minute session ...' and 'at the end of the 8-week intervention' in 'A Prospective Cohort Study';
# 'patients ... were supplemented with vitamin D 4000 IE/day, and were compared to 39 untreated, matched "control"-patients').
_COUNT = "|".join(NUMBER_WORDS)  # a length in words or digits, in any spelling of its unit ('the eight-wk intervention')
GIVEN_BY_STUDY = re.compile(rf"(?:^|[.:]\s+)Intervention:|\b(?:the|an?|this) (?:\d+|{_COUNT})[- ](?:{WEEK_UNITS}|days?|{MONTH_UNITS})"
                            r" (?:[\w-]+ )?(?:intervention|"
                            r"programmes?|programs?|treatment period)\b|\bwere supplemented with\b", re.I)
# Rules l and m: groups formed by what people have ('divided into 3 groups consisting of 1) 23 adults with acute axial
# severe LBP ..., 2) 19 adults who had been involved in a minor traffic accident', 'equally divided into three groups:
# the active myofascial trigger point group, the latent ... group, and the control group') are no assignment when
# the study gives no treatment: then its only trial words are these group words, one of them forming groups.
GROUP_WORDS = re.compile(r"^(?:(?:assigned|allocated|divided) (?:in)?to|control group|(?:two|three|four|2|3|4) "
                         r"(?:equal |parallel )?groups)$", re.I)
TREATMENT_GIVEN = re.compile(r"\b(?:receiv\w+|given(?! that)|administ\w+|treated|underw[ae]nt|undergo\w*|interventions?|placebo|sham|"
                             r"drugs?|medications?|(?:pre)?treatments?|doses?|dosage|injections?|injected|supplement\w*|training|programm?e?s?|exercises?|sessions?|"
                             r"randomi[sz]\w*|randomly|\d+\s?(?:mg|µg|μg|mcg|ml|mL))\b", re.I)

# Publication types (PubMed metadata) and the design each supports where the text is silent.
_PUBTYPE_RULES = (
    ("guideline", re.compile(r"guideline|consensus development", re.I)),
    ("systematic_review", re.compile(r"systematic review|meta-analysis", re.I)),
    ("rct", re.compile(r"randomized controlled trial", re.I)),
    ("case_report", re.compile(r"case reports?|case-report", re.I)),
    ("narrative_review", re.compile(r"^review$|review-article", re.I)),
    ("prospective_observational", re.compile(r"^observational study$", re.I)),
    ("non_randomised_trial", re.compile(r"^clinical trial(?:, phase [iv]+)?$|^controlled clinical trial$", re.I)),
)


@lru_cache(maxsize=256)
def publication_type_labels(publication_type: str) -> tuple[str, ...]:
    """The design labels one PubMed publication type supports, where the text is silent (types repeat across
    records: kept)."""
    return tuple(label for label, rx in _PUBTYPE_RULES if rx.search(publication_type))
