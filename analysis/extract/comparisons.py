"""Comparisons inside one clause: direction wording, and which arm the wording is about.

- ``direction_at`` / ``raw_direction``: 'none' (no significant difference, negated verbs such as
  'did not reduce'), 'better'/'worse' (evaluative), 'up'/'down' (the quantity), with the position of
  the deciding word (significance itself: ``significance``; the clauses: ``clause_split``).
- ``orientation``: +1 when the wording is about the intervention's arm, -1 when about a comparator's
  ('than' / 'compared with' marks the reference side); numbers attached to their own arm are read in
  ``arm_values`` (``numeric_direction``, ``respective_direction``, ``sentence_direction``).
- ``WITHIN`` / ``_is_between``: a change from baseline is not a difference between arms;
  ``BASELINE_ONLY``: a baseline comparison is not a result.
- ``local_polarity`` / ``pain_direction``: the governed outcome's polarity turns up/down into
  better/worse (None when the polarity is unknown).
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract.arms import PLACEBO_LIKE, Arms
from ketamine_evidence.analysis.extract.negated_evaluation import equivalent_outcome, negated_benefit, negative_evaluation
from ketamine_evidence.analysis.extract.outcomes import _ANY_PAIN, HIGHER_BETTER, LOWER_BETTER, _mask
from ketamine_evidence.analysis.extract.significance import SIGNIFICANT, _significance
from ketamine_evidence.analysis.extract.text_patterns import may_hold

# --- direction wording --------------------------------------------------------
NO_DIFF = re.compile(
    r"\b(no (statistically |clinically )?significant ([\w-]+ ){1,2}?differences?|no statistical (\w+ )?differences?|no (noteworthy|notable|meaningful|relevant|important|appreciable|major|"
    r"apparent|detectable|discernible|substantial) ((statistical|clinical|between[- ]group|group) )?differences?|no (statistical )?evidence (of|for) "
    r"(an? |any )?(effect|difference|benefit)|not (statistically |significantly )?different\b|tend(ed|s)? to\b|"
    r"(a|an|the) (statistical |non-?significant )?trend (was|for|toward|towards|to|in)\b|no ((between|within)[- ])?(group|treatment|"
    r"between-group) differences?|(statistically )?indistinguishable|did not separate from|"
    r"no (statistically |clinically )?significant(ly)? (difference|change|effect|reduction|improvement|benefit|"
    r"advantage|variation|decrease|increase)s?|no (difference|differences|effect|benefit|advantage)s?\b|"
    r"not (statistically )?significant(ly)?( different| differ\w*| lower| higher| reduced| changed| better)?|"
    r"(did|does|do|was|were|is|are) not (\w+ ){0,2}?(effective|efficacious|superior|better|differ\w*|reduce|decrease|"
    r"improve|change|affect|alter|influence|show|lead|prevent|attenuate|relieve|increase|raise|elevate|prolong|lengthen|"
    r"shorten|lower|worsen|exacerbate|aggravate|intensify)|"
    r"(was|were) (statistically )?(similar|comparable|equivalent|not different|no different)|(scored|rated|perceived|reported) similarly|similar (between|among|in both|"
    r"extent|improvement|relief|reduction|(\w+ )?(effects?|efficacy|results|outcomes))|comparable|equivalen(t|ce) (was|were) demonstrated|"
    r"non-?significant(ly)?|no more (effective|efficacious)|no (better|worse|superior|more effective|less effective)\b|no (analgesic|opioid[- ]sparing|pain[- ]relieving|preemptive|pre-emptive|preventive|beneficial|additive|synergistic) (\w+ )?(effects?|benefits?|impact)|no (significant |measurable |clinically relevant )?(impact|influence) on|equally (effective|efficacious|potent)|similarly effective|equi-?analgesic|(was|were|is|are|provided|produced|showed|gave) (an? )?(\w+ )?equivalent (to|analgesi\w*)|(have|had|has|showed|with) (the )?same (effect|efficacy)|(have|had|has|showed) equivalent (\w+ )?(effects?|efficacy)|not (superior|more effective|better|inferior)|"
    r"failed to (show|demonstrate|reduce|improve|achieve|reach)|insignificant|as effective as|neither|"
    r"borderline (statistically )?significan\w*|marginal(ly)? significan\w*|trend(ed|s)? (toward|towards|to)|"
    r"tendency (toward|towards|to)|not (tested|compared) statistically|appeared to|seemed to|non-?inferior\w*|"
    r"(did|does|do) not (have|show|demonstrate|exhibit|produce|yield) (an? |any )?(statistically |clinically )?"
    r"(significant(ly)? )?(superior|better|greater|different|improved|stronger|more|less|fewer|higher|lower)|"
    r"(did|does|do) not (\w+ )?(provide|produce|result in|give|offer|confer|add|enhance|potentiate|augment|modify)|"
    r"not (\w+ ){0,2}any (statistically |clinically )?significant (difference|change|effect)s?|"
    r"no (statistically |clinically )?(significant |measurable |detectable |apparent |obvious )(analgesic |pain[- ]relieving |"
    r"beneficial |additional |clinical )?(effects?|benefits?|efficacy|advantages?)|"
    r"no (additional|further|added|extra|incremental|clinically relevant|clinically meaningful|relevant|meaningful) "
    r"(\w+ )?(benefits?|effects?|advantages?|improvements?|reductions?|relief|analgesi\w*)|"
    r"(non-?inferiority|superiority|efficacy) (\w+ ){0,4}?(was|were|could) not (be )?(demonstrated|confirmed|shown|"
    r"established|proven|achieved)|"
    # 'was not statistically or clinically significant', 'none statistically differed', 'had no impact' (EI-read, round 14)
    r"not (statistically|clinically) (or|nor) (statistically|clinically) significant|none (\w+ly )?(differed|was significant|"
    r"were significant)|(had|has|have|showed|with) no (significant |measurable |clinically relevant )?(impact|influence)\b)",
    re.I)
DOWN = re.compile(
    r"\b(lower(?! (abdom\w*|limbs?|back|extremit\w*|segment|legs?|uterine|urinary|gastrointestinal|lip|jaw|molars?|"
    r"third|quadrant|eyelid|pole|body))|less|lesser|fewer|reduc(ed|tions?|es|ing|e)|decreas(ed|e|es|ing)|shorter|attenuat(ed|es|ion|e)|diminish(ed|es)?|"
    r"smaller|declin(ed|es?|ing)|lessened|minimi[sz]ed|prevent(ed|s|ion)?|abolish(ed)?|suppress(ed|ion)?|spar(ing|ed)|"
    r"drop(ped)?|fell|disappear(ed|s)?|(?<!with the )(lowest|smallest|fewest|shortest)|(?<!at )least|(?<=significantly )low(?= (?:in|for|among|than)\b))\b", re.I)
UP = re.compile(
    r"\b(higher|greater|more|increas(ed|e|es|ing)|longer|prolong(ed|s|ation)?|elevat(ed|ions?)|raised|larger|"
    r"exceed(ed)?|delayed|rose|(?<!with the )(highest|greatest|longest|largest)|(?<=significantly )high(?= (?:in|for|among|than)\b))\b", re.I)
BETTER = re.compile(
    r"\b(superior(ity)?|outperform(ed|s)?|more (effective|efficacious|potent)|better|easier|improv(ed|es|ement|ements|ing|e)|(?<!cost-)(?<!cost )effective(ly|ness)?|"
    r"efficacious|beneficial|benefits?|(significant|clear|marked) advantages?|in favou?r of|favou?red|relie(ved|ving)|alleviat(ed|es|ing|ion)|"
    r"(had|has|have|showed|exerted|with) (an? |significant |the )?(analgesic|preemptive|pre-emptive|protective|"
    r"opioid[- ]sparing) effect|(produced|provided|gave|achieved|resulted in|induced|offered|significant|marked|"
    r"substantial|sustained|good|greater|better) (\w+ )?(pain |headache )?relief|(produced|provided|gave|achieved|offered|"
    r"resulted in) (a |an )?(\w+ )?analgesi[ac]\w*)\b", re.I)
WORSE = re.compile(r"\b(worse|inferior(?! (segment|wall|vena|alveolar|border|pole|turbinate|oblique|rectus|nasal|portion|"
                   r"part|region|aspect|quadrant|margin|lobe|mesenteric|epigastric|gluteal|frontal|parietal|temporal|"
                   r"colliculus|olive|meatus|orbital|thyroid))|less effective|less efficacious|worsen(ed|ing)?|impair(ed|s)|aggravat(ed|es|ion|ing(?! factors?)))\b",
                   re.I)
# Wording that is about an association, not a difference between arms ('the pain associated with X' names the
# outcome).
NOT_COMPARISON = re.compile(
    r"\b(correlat\w*|linear(ly)?( (increase|decrease|rise|relation\w*))? (with|to)|(in|out of) proportion (with|to)|as a function of|(?<!pain )(?<!discomfort )associated with(?! (a |an )?(significantly |statistically significantly )?(higher|lower|greater|less|"
    r"fewer|more|increased|decreased|reduced|improved|better|worse|longer|shorter)\b)|association (with|between)|"
    r"predict\w*)\b", re.I)
WITHIN = re.compile(
    r"\b(in (both|all) (the )?([\w-]+ (and|or) (the )?[\w-]+ )?(groups|arms|treatment groups|study groups)|"
    r"^\s*both (the )?[\w-]+( [\w-]+)? and [\w-]+|(?<!between )(?<!among )both (the )?(groups|treatments|techniques|interventions|methods|procedures|regimens|"
    r"arms)|from (the )?baseline|compared (to|with) (the )?(baseline|pre-?treatment|pre-?intervention|pre-?operative|pre-?test) ?(values?|scores?|levels?)?\b|(before|pre)[- ]?(and|vs\.?|versus) (after|post)|"
    r"from \d[\d.,]*\s?(±|\(|to)|(declined|decreased|reduced|fell|dropped|improved) (from [\d.]+ )?to \d)", re.I)
BASELINE_ONLY = re.compile(
    r"\b(at baseline|baseline (characteristics|values|data|scores)|(^\W*|\b(in|of) (terms of )?(the )?)(age|sex|gender|weight|height|bmi),? (and )?(age|sex|gender|weight|height|bmi)\b|(?<!hour )(?<!hours )(?<!\dh )(?<!\d h )(?<!min )(?<!minutes )(?<!day )(?<!days )before (the )?(procedure|block|treatment|surgery|"
    r"intervention|injection|administration|infusion|randomi[sz]ation|drug administration)|demographic|"
    r"baseline (pain|\w+ scores?)|(?<!compared with )(?<!compared to )(?<!from )(?<!for )(?<!compared with the )(?<!compared to the )(?<!from the )\b(pre-?treatment|pre-?intervention|pre-?randomi[sz]ation|initial|pre-?operative|"
    r"pre-?procedur\w*|pre-?injection|pre-?block|admission|entry|enrol{1,2}ment) (pain |VAS |NRS |\w+ pain )?(scores?|values?|"
    r"intensity|levels?|ratings?)\b|\b(scores?|pain|intensity|values?|levels?|ratings?|VAS|NRS) at (study )?(enrol{1,2}ment|entry|admission|inclusion|randomi[sz]ation|screening)\b|"
    r"\bbefore (randomi[sz]ation|allocation|enrol{1,2}ment)\b)", re.I)
# Markers of the reference side of a comparison ('lower in A than in B').
COMPARE = re.compile(
    r"\b(than|compared (with|to)|comparing (with|to)?|in comparison (with|to)|as compared|versus|vs\.?|relative to|"
    r"over( the)?(?= placebo| control| sham)|when compared|(?<=\w\s)with respect to)\b", re.I)
LEADING_COMPARE = re.compile(
    r"\W*(?:when |as )?(?:compared (?:with|to)|in comparison (?:with|to)|relative to|versus|vs\.?)\s(?P<reference>[^,]{2,80}),\s",
    re.I)
# A comparison between subgroups of the participants (sexes, age groups, responders) is not one between arms.
SUBGROUPS = re.compile(r"\b(age (groups|classes|classifications|categories)|classified age|subgroups?|"
                       r"(between|among) (the )?([\w-]+ )?(sexes|genders|men and women|males? and females?|women and men|"
                       r"females? and males?|responders and non-?responders|younger and older|older and younger)|"
                       r"(when )?analy[sz]ed by (gender|sex|age)|(good|poor|better|worse|favou?rable|unfavou?rable) "
                       r"outcome groups?|(irrespective|regardless) of (the )?(treatment|randomi[sz]ation|allocation)|"
                       # age bands and response categories: 'in patients 50 years of age or younger and ... more than 50'
                       r"\d+ years (of age )?or (younger|older)|(older|younger|more|less) than \d+ years|"
                       r"patients with (a |an )?(complete|partial) (response|remission))\b", re.I)
# Patients compared with healthy people: a case-control contrast, never one between the trial's arms.
HEALTHY_CONTROLS = re.compile(r"\b(than|compared (with|to)|versus|vs\.?|and|between [^,;]{1,60}? and) (the |\w+ )?(healthy|"
                              r"age-matched|pain-free) (\w+ )?(controls?|volunteers|subjects|individuals|participants|women|men)\b",
                              re.I)
# A threshold inside a definition ('changes greater than or equal to the MCID', '>= 50% relief') states no direction.
THRESHOLD = re.compile(r"\b(greater|more|less|lower|higher|smaller|larger|fewer)\s(than\s)?or\sequal\sto\b|"
                       r"\b(equal\sto\s)?or\s(greater|more|less|higher|lower)\s(than)\b|\bat\sleast\b|[≥≤]", re.I)
# A rating scale's answer ('79% much better or better', '41% much better'): the category counted, not a comparison.
# A lone 'much better' / 'slightly worse' with nothing of a scale about it is a comparison ('demonstrated slightly
# better functional outcome than debridement').
_DEGREE = r"(?:(?:very much|much|a little|slightly|somewhat) )"
RATING = re.compile(rf"(?<=%) {_DEGREE}(?:better|worse)(?: (?:or|and) {_DEGREE}?(?:better|worse))?\b|"
                    rf"\b{_DEGREE}?(?:better|worse) (?:or|and) {_DEGREE}?(?:better|worse)\b", re.I)
REVERSED = re.compile(r"\b(revers(ed|es|al)|the opposite|opposite (was|were))\b", re.I)
WITHOUT = re.compile(r"\s*without\b", re.I)
NOT_CLAUSE = re.compile(r"^\s*(not|no longer|none)\b", re.I)


# The reference of a change over time: 'compared with baseline / the preoperative values / pretest'.
_BEFORE = r"(baseline|pre-?treatment|pre-?intervention|pre-?operative|pre-?procedur\w*|pre-?test|before|initial (values?|scores?|levels?))"
_BASELINE_REF = re.compile(r"\s*(the\s)?" + _BEFORE, re.I)


def _split_comparison(clause: str) -> tuple[str, str]:
    """(subject side, reference side) of 'A ... than / compared with B' and 'Compared with B, A ...'."""
    lead = LEADING_COMPARE.match(clause)
    if lead and not _BASELINE_REF.match(lead.group("reference")):
        return clause[lead.end():], lead.group("reference")
    for m in COMPARE.finditer(clause):
        if not _BASELINE_REF.match(clause[m.end():]):  # 'at 12 weeks vs baseline' compares no arms
            return clause[:m.start()], clause[m.end():]
    return clause, ""


def orientation(clause: str, arms: Arms) -> int:
    """+1 when the direction wording is about the intervention's arm, -1 when it is about a comparator's."""
    favoured = _FAVOURED.search(clause)
    if favoured:  # 'a significant difference between groups in favour of the late intervention group'
        fi, fc = arms.is_intervention(favoured.group("arm")), arms.is_comparator(favoured.group("arm"))
        if fi != fc:
            return 1 if fi else -1
    subject, reference = _split_comparison(clause)
    if not reference:  # 'a significant improvement ... between the combined and placebo group'
        subject = re.sub(r"\bbetween\b.*$", " ", subject, flags=re.I)
    si, sc = arms.is_intervention(subject), arms.is_comparator(subject)
    ri, rc = arms.is_intervention(reference), arms.is_comparator(reference)
    if (sc and not si and not ri and PLACEBO_LIKE.search(reference) and arms.is_named_comparator is not None
            and not arms.is_named_comparator(subject)):
        return 1  # 'the CXDT-HFG group ... compared with the placebo group': what is set against placebo is active
    if si and not sc:
        return 1
    if sc and not si:
        return -1
    if si and sc:
        if ri and not rc:
            return -1
        if not reference:  # 'more patients treated with AF had ... (AF 56.9%, CF 43.1%)': the first arm after the word
            position = direction_at(subject)[1]
            if _first_named_is_intervention(subject[:position], arms) is None:  # no arm before the word
                return -1 if _first_named_is_intervention(subject[position:], arms) is False else 1
        return 1
    if ri and not rc:
        return -1
    return 1


# The arm a result favours is named right after the word: 'in favour of HC', 'favoured the BTH1677 arm'.
_FAVOURED = re.compile(r"\b(?:in favou?r of|favou?r(?:ed|ing|s)?)\s(?P<arm>[^,;()]{1,60})", re.I)


def _first_named_is_intervention(text: str, arms: Arms) -> bool | None:
    """Whether the intervention is named before any comparator in ``text`` (prefix by prefix); None if neither."""
    for m in re.finditer(r"\b\w+\b", text):
        prefix = text[:m.end()]
        if arms.is_intervention(prefix):
            return not arms.is_comparator(prefix)
        if arms.is_comparator(prefix):
            return False
    return None


def raw_direction(clause: str) -> str | None:
    """Direction wording of a clause, before deciding whose arm it is about.

    'none' (no significant difference), 'better'/'worse' (evaluative: superior, more effective,
    greater improvement), 'up'/'down' (the quantity is higher / lower), or None.
    """
    return direction_at(clause)[0]


@per_article  # per clause of one article: asked by several readers
def direction_at(clause: str) -> tuple[str | None, int]:
    """``raw_direction`` and the position of the word that decided it (for the outcome it governs)."""
    sig = _significance(clause)
    none = NO_DIFF.search(clause)
    if none or (sig == "ns" and not SIGNIFICANT.search(clause)):
        return "none", none.start() if none else 0
    clause = _PARENS.sub(lambda m: " " * len(m.group(0)), clause)  # '(whichever was higher)': asides
    if may_hold(clause, _THRESHOLD_KEYS):  # its '[≥≤]' leaves it without a shared key gate (``fast_re``)
        clause = THRESHOLD.sub(lambda m: " " * len(m.group(0)), clause)  # 'greater than or equal to the MCID
    clause = RATING.sub(lambda m: " " * len(m.group(0)), clause)  # 'rated as 79% much better or better': a category
    more = MORE_REDUCTION.search(clause)
    if more:
        return "better", more.start()
    predicate = PREDICATE.search(clause)  # 'the pain increase was significantly lower': the verb's word decides
    if predicate:
        return ("up" if UP.fullmatch(predicate.group("word")) else "down"), predicate.start("word")
    better, worse = BETTER.search(clause), WORSE.search(clause)
    equivalent = equivalent_outcome(clause, _ANY_PAIN)  # 'provided similar analgesia': alike in the arms
    if equivalent:
        return "none", equivalent.start()
    negative = negative_evaluation(clause)  # 'was ineffective in reducing pain': no benefit, whatever follows
    if negative and not (better and better.start() < negative.start()) and not (worse and worse.start() < negative.start()):
        return "none", negative.start()
    if better and negated_benefit(clause, better.start()) and not (worse and worse.start() < better.start()):
        return "none", better.start()  # 'showed no superiority over placebo': the benefit's absence
    if better or worse:
        if better and worse:
            return ("worse", worse.start()) if worse.start() < better.start() else ("better", better.start())
        return ("better", better.start()) if better else ("worse", worse.start())
    up, down = UP.search(clause), DOWN.search(clause)
    if up and down:
        return ("up", up.start()) if up.start() < down.start() else ("down", down.start())
    if up:
        return "up", up.start()
    if down:
        return "down", down.start()
    return None, 0


def local_polarity(clause: str, position: int, arms: "Arms") -> str | None:
    """Polarity of the outcome the direction word governs: the words right after it ('reduction in
    migraine days'), else right before it ('pain scores were lower'), else the whole clause."""
    masked = _mask(arms.unnamed(clause))
    word = re.match(r"\w+", clause[position:])
    word_start = position
    position += len(word.group(0)) if word else 0  # 'reduction in pain': the outcome after the direction word
    stop = _NEXT_PREDICATE.search(masked, position)  # '... were longer and the need for rescue analgesics was lower':
    limit = stop.start() if stop else len(masked)  # the next predicate's subject is not this word's outcome
    after = [(m.start(), 0, "higher_better") for m in [HIGHER_BETTER.search(masked, position, limit)] if m] + \
            [(m.start(), 1, "lower_better") for m in [LOWER_BETTER.search(masked, position, limit)] if m]
    if arms.outcome_terms is not None:
        for m in arms.outcome_terms.finditer(masked):
            higher = bool(arms.higher_terms and arms.higher_terms.fullmatch(m.group(0)))
            if position <= m.start() < limit:
                after.append((m.start(), 0, "higher_better" if higher else "lower_better"))
    if after and min(after)[0] - position < 70:
        return min(after)[2]
    # An outcome ending at or before the direction word: where the word heads its outcome ('Significant pain
    # reduction was observed'), the outcome is pain, whose 'pain reduction' is no amount of reduction to have more of.
    highs = [m for m in HIGHER_BETTER.finditer(masked, 0, position) if m.end() <= word_start]
    lows = [m for m in LOWER_BETTER.finditer(masked, 0, position)  # 'time to 1st analgesic dose' is one outcome
            if not any(h.start() < m.end() and m.start() < h.end() for h in highs)]
    before = [(m.end(), "higher_better") for m in highs] + [(m.end(), "lower_better") for m in lows]
    if before:
        return max(before)[1]
    return arms.polarity(clause)


_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# 'and' opening a clause with a verb of its own ('and the total need for rescue analgesics was lower').
_NEXT_PREDICATE = re.compile(r"\b(?:and|but|while|whereas)\s(?=[^,;()]{1,80}?\b(?:was|were|is|are)\s)", re.I)
# 'more reduction in pain', 'greater decrease', 'the decrease from baseline in pain was greater', 'the decrease was greater':
# more of a reduction is better.
MORE_REDUCTION = re.compile(
    r"\b(more|greater|larger|bigger|prolonged|sustained|long-lasting|lasting)\s(\w+\s)?(reduction|decrease|decline|relief)s?\b|"
    r"\bhigher\s(reduction|decrease|decline)s?\s(of|in)\b|"
    r"\bmore\s(\w+ly\s)?(reduced|decreased|lowered|relieved)\b|\b(reduction|decrease|decline|"
    r"relief|improvement|change)s?\s(observed\s)?(from\s(the\s)?baseline\s(to\s[^,;]{1,50}?\s)?)?(in|of)\s(?:[^,;]|,\s(?:and\s)?(?=\w+(?:,|\sand\b|\s(?:was|were)\b))){0,80}?\b(was|were)\s(\w+ly\s){0,2}(greater|larger|higher|more|bigger)\b|"
    r"\b(reduction|decrease|decline)s?\s(was|were)\s(\w+ly\s){0,2}(greater|larger|more|bigger)\b", re.I)

PREDICATE = re.compile(
    r"\b(?:was|were|is|are|been|remained)\s(?:(?:reported|observed|found|shown)\sto\sbe\s)?(?:(?:\w+ly|also|still|even)\s){0,2}"
    r"(?P<word>higher|lower|greater|less|lesser|fewer|longer|shorter|"
    r"larger|smaller|increased|decreased|reduced|prolonged|elevated)\b", re.I)

_FLIP = {"up": "down", "down": "up", "better": "worse", "worse": "better", "none": "none"}


def pain_direction(direction: str | None, polarity: str | None) -> str | None:
    """Map a quantity direction to better/worse for a pain outcome of the given polarity."""
    if direction is None or polarity is None:
        return None
    if direction in ("better", "worse"):
        return direction
    if direction == "none":
        return "no_difference"
    good = "down" if polarity == "lower_better" else "up"
    return "better" if direction == good else "worse"


# Every ``THRESHOLD`` match holds one of these: 'or equal to', 'or higher than', 'at least', '≥'.
_THRESHOLD_KEYS = ("equal", "than", "least", "\u2265", "\u2264")


def _is_between(clause: str) -> bool:
    """A comparison between arms (not with baseline)."""
    m = COMPARE.search(clause)
    return bool(m) and not re.match(r"\s*((with|to) )?(the )?" + _BEFORE, clause[m.end():], re.I)
