"""Sentence-level direction of an effect: which way a clause says THE intervention's arm differs.

``clause_verdicts`` splits a sentence into clauses ('..., but not at 24 h', 'Although ..., ...'),
finds significance and direction wording ('significantly lower', 'did not differ', 'superior to',
p-values; the two arms' values where only significance is stated), works out which arm the wording
is about (``Arms``: the intervention by name, abbreviation or group label such as 'group K
(ketamine ...)'; comparators: placebo, control, other defined groups; 'than' / 'compared with'
marks the reference side) and turns the direction of the measured quantity into better / worse
through the polarity of the outcome it governs (lower pain or consumption is better; longer time
to first analgesic or more relief is better).

Used by the pain-effect and duration extractors and, unchanged, by the Evidence Inference
evaluation (``analysis/evaluation/evidence_inference.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from ketamine_evidence.analysis.extract.text_patterns import p_values, time_mentions

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

# --- outcome vocabulary -------------------------------------------------------------------------
# Pain outcomes where MORE is better (relief, pain-free, time to first analgesic, thresholds).
HIGHER_BETTER = re.compile(
    r"\b(pain[- ]?free(dom)?|headache[- ]free(dom)?|(pain|headache) relief|relie(f|ved|ving) (of )?(the )?(pain|headache)|"
    r"totpar|spid\d*|(sum|summed) (of )?pain intensity differences?|pain intensity differences?|"
    r"time to (first |1st |the first )?(rescue|analges|request|opioid|morphine)|"
    r"(first|time for the first) (analgesic|rescue)|interval time for the first|duration of (analgesia|pain relief)|"
    r"analgesi[ac] duration|pain (\w+ )?(thresholds?|tolerance)|analgesia(?! (requirements?|consumption|use|demand|request))|pressure pain threshold|global (impression|assessment|evaluation)|"
    r"(pain|headache) (reductions?|improvements?|control)|(reduction|improvement)s? (in|of) (the )?(pain|headache)|"
    r"responders?|response rates?|much improved|analgesi[ac] (effects?|efficacy|benefits?|actions?|properties|potency|"
    r"activity|quality|effectiveness)|quality of (analgesia|pain relief))",
    re.I)
# Pain outcomes where LESS is better (intensity, scores, consumption, hyperalgesia).
LOWER_BETTER = re.compile(
    r"\b(pain|painful|vas|nrs|vrs|vnrs|visual analog(ue)? scales?|(verbal )?numeric(al)? rating scales?|"
    r"hyperalgesi\w*|allodyni\w*|"
    r"analgesics? (consumption|requirements?|use|doses?|demand|intake|request)|(additional|rescue|supplement\w*) analgesi\w*|"
    r"analgesia requirements?|efficacy (variables|outcomes|measures|end ?points|parameters)|migraines?|(morphine|fentanyl|opioid|pethidine|"
    r"meperidine|tramadol|oxycodone|hydromorphone|sufentanil|remifentanil|piritramide|diclofenac|paracetamol|"
    r"acetaminophen)[- ]?(consumption|requirements?|use|doses?|demand|sparing|injections?)|rescue (medication|analges\w*)|"
    r"headaches?|myalgia|soreness|withdrawal (response|movement)s?|"
    r"(required|requiring|needed|needing|received|receiving|consumed|used|administered) (significantly |statistically "
    r"significantly )?(less|more|fewer|lower|higher|smaller|larger|greater) (\w+ )?(morphine|opioids?|analgesics?|"
    r"analgesia|fentanyl|tramadol|pethidine|meperidine|oxycodone|hydromorphone|piritramide|rescue)|"
    r"(nih-)?cpsi|prostatitis symptom (index|scores?)|mc ?gill pain|(sf-)?mpq|npsi|neuropathic pain symptom inventory|"
    r"koos pain|tenderness|tender[- ]points?|aches?|aching|(abdominal|menstrual) cramp\w*|discomfort|hit-6|hit score|womac|bpi|brief pain inventory|opioid[- ]sparing|"
    r"(headache |migraine |pain )?recurrences?|sore throat)\b",
    re.I)
# Wording about pain that is not a pain outcome (questionnaires about coping, disability).
NOT_PAIN_OUTCOME = re.compile(
    r"\bpain[- ](related (self[- ]efficacy|disability)|self[- ]efficacy|acceptance|catastrophi\w*|coping|beliefs?)\b|"
    r"\b(rescue|supplement\w*|additional) (medications?|drugs?|doses?|sedatives?|\w+) (for|to (treat|control|manage)) "
    r"(the )?(\w+ )?(agitation|delirium|sedation|nausea|vomiting|shivering|anxiety|restlessness|hypotension|"
    r"bradycardia|hypertension|PONV)\b", re.I)

# --- direction and significance wording --------------------------------------------------------
NO_DIFF = re.compile(
    r"\b(no (statistically |clinically )?significant ([\w-]+ ){1,2}?differences?|no ((between|within)[- ])?(group|treatment|"
    r"between-group) differences?|(statistically )?indistinguishable|did not separate from|"
    r"no (statistically |clinically )?significant(ly)? (difference|change|effect|reduction|improvement|benefit|"
    r"advantage|variation|decrease|increase)s?|no (difference|differences|effect|benefit|advantage)s?\b|"
    r"not (statistically )?significant(ly)?( different| differ\w*| lower| higher| reduced| changed| better)?|"
    r"(did|does|do|was|were|is|are) not (\w+ ){0,2}?(effective|efficacious|superior|better|differ\w*|reduce|decrease|"
    r"improve|change|affect|alter|influence|show|lead|prevent|attenuate|relieve)|"
    r"(was|were) (statistically )?(similar|comparable|equivalent|not different|no different)|similar (between|among|in both|"
    r"extent|improvement|relief|reduction|(\w+ )?(effects?|efficacy|results|outcomes))|comparable|equivalen(t|ce) (was|were) demonstrated|"
    r"non-?significant(ly)?|no more (effective|efficacious)|no (better|worse|superior|more effective|less effective)\b|no (analgesic|opioid[- ]sparing|pain[- ]relieving|preemptive|pre-emptive|preventive|beneficial|additive|synergistic) (\w+ )?(effects?|benefits?|impact)|no (significant |measurable |clinically relevant )?(impact|influence) on|equally (effective|efficacious|potent)|similarly effective|equi-?analgesic|(was|were|is|are|provided|produced|showed|gave) (an? )?(\w+ )?equivalent (to|analgesi\w*)|(have|had|has|showed|with) (the )?same (effect|efficacy)|not (superior|more effective|better|inferior)|"
    r"failed to (show|demonstrate|reduce|improve|achieve|reach)|insignificant|as effective as|neither|"
    r"borderline (statistically )?significan\w*|marginal(ly)? significan\w*|trend(ed|s)? (toward|towards|to)|"
    r"tendency (toward|towards|to)|not (tested|compared) statistically|appeared to|seemed to|non-?inferior\w*|"
    r"(did|does|do) not (have|show|demonstrate|exhibit|produce|yield) (an? |any )?(statistically |clinically )?"
    r"(significant(ly)? )?(superior|better|greater|different|improved|stronger)|"
    r"(did|does|do) not (\w+ )?(provide|produce|result in|give|offer|confer|add|enhance|potentiate|augment|modify)|"
    r"no (statistically |clinically )?(significant |measurable |detectable |apparent |obvious )(analgesic |pain[- ]relieving |"
    r"beneficial |additional |clinical )?(effects?|benefits?|efficacy|advantages?)|"
    r"no (additional|further|added|extra|incremental|clinically relevant|clinically meaningful|relevant|meaningful) "
    r"(\w+ )?(benefits?|effects?|advantages?|improvements?|reductions?|relief|analgesi\w*)|"
    r"(non-?inferiority|superiority|efficacy) (\w+ ){0,4}?(was|were|could) not (be )?(demonstrated|confirmed|shown|"
    r"established|proven|achieved))",
    re.I)
DOWN = re.compile(
    r"\b(lower(?! (abdom\w*|limbs?|back|extremit\w*|segment|legs?|uterine|urinary|gastrointestinal|lip|jaw|molars?|"
    r"third|quadrant|eyelid|pole|body))|less|lesser|fewer|reduc(ed|tion|es|ing|e)|decreas(ed|e|es|ing)|shorter|attenuat(ed|es|ion|e)|diminish(ed|es)?|"
    r"smaller|declin(ed|e)|lessened|minimi[sz]ed|prevent(ed|s|ion)?|abolish(ed)?|suppress(ed|ion)?|spar(ing|ed)|"
    r"drop(ped)?|fell)\b", re.I)
UP = re.compile(
    r"\b(higher|greater|more|increas(ed|e|es|ing)|longer|prolong(ed|s|ation)?|elevat(ed|ion)|raised|larger|"
    r"exceed(ed)?|delayed)\b", re.I)
BETTER = re.compile(
    r"\b(superior(ity)?|more (effective|efficacious|potent)|better|improv(ed|es|ement|ements|ing|e)|effective(ly|ness)?|"
    r"efficacious|beneficial|benefits?|in favou?r of|favou?red|relie(ved|ving)|alleviat(ed|es|ing|ion)|"
    r"(had|has|have|showed|exerted|with) (an? |significant |the )?(analgesic|preemptive|pre-emptive|protective|"
    r"opioid[- ]sparing) effect|(produced|provided|gave|achieved|resulted in|induced|offered|significant|marked|"
    r"substantial|sustained|good|greater|better) (\w+ )?(pain |headache )?relief|(produced|provided|gave|achieved|offered|"
    r"resulted in) (a |an )?(\w+ )?analgesi[ac]\w*)\b", re.I)
WORSE = re.compile(r"\b(worse|inferior|less effective|less efficacious|worsen(ed|ing)?|aggravat\w*)\b", re.I)
# Wording that is about an association, not a difference between arms.
NOT_COMPARISON = re.compile(
    r"\b(correlat\w*|associated with(?! (a |an )?(significantly |statistically significantly )?(higher|lower|greater|less|"
    r"fewer|more|increased|decreased|reduced|improved|better|worse|longer|shorter)\b)|association (with|between)|"
    r"predict\w*)\b", re.I)
# Pain named as the condition studied, not as an outcome: 'patients with chronic low back pain'.
CONDITION_PAIN = re.compile(
    r"\b(for|with|from|in) (the (treatment|management) of )?(((chronic|acute|widespread|low|lower|upper|back|neck|"
    r"shoulder|cancer|neuropathic|musculoskeletal|pelvic|myofascial|lumbosacral|radicular|knee|joint|abdominal|"
    r"persistent|refractory|diabetic|non-specific|nonspecific|severe|moderate|mild|moderate-to-severe|lumbar|spinal|"
    r"breakthrough|nociceptive)[- ]){1,4})pain\b(?![- ](scores?|intensity|ratings?|levels?|relief|reduction|severity|"
    r"perception|experience|scales?|outcomes?))", re.I)
SIGNIFICANT = re.compile(r"\b(significant(ly)?|statistically|marked(ly)?)\b", re.I)
WITHIN = re.compile(
    r"\b(in (both|all) (the )?([\w-]+ (and|or) [\w-]+ )?(groups|arms|treatment groups|study groups)|"
    r"^\s*both (the )?[\w-]+( [\w-]+)? and [\w-]+|(?<!between )(?<!among )both (the )?(groups|treatments|techniques|"
    r"arms)|from (the )?baseline|compared (to|with) (the )?baseline|(before|pre)[- ]?(and|vs\.?|versus) (after|post)|"
    r"from \d[\d.,]*\s?(±|\(|to)|(declined|decreased|reduced|fell|dropped|improved) (from [\d.]+ )?to \d)", re.I)
BASELINE_ONLY = re.compile(
    r"\b(at baseline|baseline (characteristics|values|data|scores)|before (the )?(procedure|block|treatment|surgery|"
    r"intervention|injection|administration|infusion|randomi[sz]ation|drug administration)|demographic|"
    r"baseline (pain|\w+ scores?))", re.I)
# '..., but the difference was not statistically significant': the previous clause's difference taken back.
TAKEN_BACK = re.compile(r"^\W*(the |this |these |such )?(difference|differences|reduction|decrease|increase|improvement|change|"
                        r"effect)s? (between (the )?(two |both )?groups )?(was|were|did) not (statistically |clinically )?"
                        r"(significant|reach\w* (statistical )?significance)", re.I)
# Markers of the reference side of a comparison ('lower in A than in B').
COMPARE = re.compile(
    r"\b(than|compared (with|to)|comparing (with|to)?|in comparison (with|to)|as compared|versus|vs\.?|relative to|"
    r"over( the)?(?= placebo| control| sham)|when compared)\b", re.I)
LEADING_COMPARE = re.compile(
    r"\W*(?:when |as )?(?:compared (?:with|to)|in comparison (?:with|to)|relative to|versus|vs\.?)\s(?P<reference>[^,]{2,80}),\s",
    re.I)
CLAUSE_SPLIT = re.compile(r",?\s(?=without (affecting|altering|changing|influencing|modifying|reducing|decreasing|"
                          r"improving|increasing|any (effect|change|difference))\b)|;\s|(?<=\d\))\s+and\s+|,?\s\b(?:but|whereas|while|however|although|otherwise)\b,?\s|,\s(?:and\s)?also\s", re.I)
REVERSED = re.compile(r"\b(revers(ed|es|al)|the opposite|opposite (was|were))\b", re.I)
WITHOUT = re.compile(r"\s*without\b", re.I)
NOT_CLAUSE = re.compile(r"^\s*(not|no longer|none)\b", re.I)

# Arms that are comparators by their name.
PLACEBO_LIKE = re.compile(
    r"\b(placebo|sham|saline|controls?|control (group|arm|patients)|usual care|standard care|wait[- ]?list(ed)?|"
    r"no treatment|untreated|vehicle|dummy|group n|normal saline)\b", re.I)
GENERIC_INTERVENTION_ARM = re.compile(
    r"\b(case|study|treatment|intervention|experimental|active|trial) (group|arm)s?\b", re.I)
# Group labels: 'group K', 'Group KRH', 'K2 group', 'Group I', 'group 2'.
LABEL_BEFORE = re.compile(r"\b[Gg]roups?\s+((?:[A-Z][A-Za-z0-9+-]{0,5})|(?:I{1,3}V?|IV|V)|\d)\b(?!\s*(?:mg|µg|%))")
LABEL_AFTER = re.compile(r"\b([A-Z][A-Za-z0-9+-]{0,5}|\d)\s[Gg]roups?\b")
WORD_GROUP = re.compile(r"\b([A-Za-z][\w-]{2,})(?:\s[\d.]+\s?(?:mg|µg|mcg|g|ml|mL)(?:/\w+)?)?(?:[- ]treated)?\s(?:group|arm)s?\b")
_NOT_ARM_WORDS = frozenset(
    "the each both two three four all other this that these control placebo treatment study case intervention "
    "active same age different respective experimental two-group first second third whole".split())

# Sentences that state aims or methods, not findings.
NON_FINDING = re.compile(
    r"\b(whether|aim(ed|s)? (of|to|was)|objective|purpose|hypothes\w+|(was|were) to (compare|assess|evaluate|determine|"
    r"investigate|examine)|we (investigated|evaluated|examined|compared|assessed|studied|designed)|is known|"
    r"(has|have) been (shown|suggested|reported|used)|is (commonly |widely )?used|(was|were) (assessed|measured|recorded|"
    r"evaluated|graded|calculated|obtained|noted)( (at|by|using|with|before|after|in)\b|\.)|^to (assess|evaluate|determine|"
    r"compare|investigate|examine)|\bto (evaluate|assess|investigate|examine|determine) (the|whether|if)|(trial|study) "
    r"(compared|investigated|evaluated|examined|assessed|aims?)|(?<!other )(primary|secondary) (efficacy )?(outcome|"
    r"end ?point|efficacy measure|efficacy variable)s? (was|were|is|are|included|measures?)|outcome measures? (was|were|"
    r"included)|eligible|inclusion criteria|exclusion criteria|were (included|excluded) if|in order to|et al|"
    r"(a|one|another|previous|prior|earlier|recent) (\d{4} )?(\w+ )?(study|studies|trials?|reports?) (by|of \d+)|"
    r"(might|may|could) (not )?be (the|a) (major |main )?(cause|reason)|"
    r"(complications|events|outcomes|variables|parameters)\b[^.;]{0,60}?\b(included|including|such as) (\w+ )?"
    r"(decreased|increased|reduced|elevated|low|high))\b", re.I)
# A non-inferiority verdict ('non-inferiority of X to Y was not demonstrated'): about the primary
# outcome, a pain outcome in a trial whose abstract reports pain outcomes.
NON_INFERIORITY = re.compile(r"\bnon-?inferior(ity)?\b", re.I)
NOT_PAIN_VERDICT = re.compile(r"\b(tolerab\w*|safety|adverse|side[- ]effects?|sedation|cost\w*)\b", re.I)
# The treated body part of a split-body or within-subject design ('on the treated side').
TREATED_SIDE = re.compile(r"\b(?<!un)(?<!non-)(?<!non)treated (side|limbs?|hands?|arms?|legs?|knees?|eyes?|sites?|areas?|"
                          r"shoulders?|feet|foot|teeth|tooth|quadrants?)\b", re.I)
# 'X was (not) superior / effective' about the intervention in a trial of a pain condition.
EVALUATION = re.compile(r"\b(was|were|is|are|be|been|proved|proven)\s(not\s|no\s)?(more\s|less\s|as\s|equally\s|"
                        r"significantly\s)?(superior|inferior|effective|efficacious|better|worse)\b", re.I)


@dataclass(frozen=True, slots=True)
class Arms:
    """How to tell the intervention's arm from a comparator's in a sentence."""

    is_intervention: Callable[[str], bool]
    is_comparator: Callable[[str], bool]
    placebo_controlled: bool = False
    outcome_terms: re.Pattern[str] | None = None  # abbreviations the abstract defines for pain outcomes
    higher_terms: re.Pattern[str] | None = None  # ... of which more is better ('duration of analgesia (DOA)')
    is_named_comparator: Callable[[str], bool] | None = None  # strong evidence only (placebo, defined groups)
    pain_text: bool = False  # the whole text names a pain outcome somewhere

    def pain_outcome(self, text: str) -> bool:
        return is_pain_outcome(text) or bool(self.outcome_terms and self.outcome_terms.search(text))

    def polarity(self, text: str) -> str | None:
        if self.higher_terms and self.higher_terms.search(text):
            return "higher_better"
        return outcome_polarity(text) or (
            "lower_better" if self.outcome_terms and self.outcome_terms.search(text) else None)


@dataclass(slots=True)
class Verdict:
    """The reading of one clause: better / worse / no_difference / within (improved from baseline)."""

    verdict: str
    clause: str
    sentence: "Sentence | None" = None
    times: tuple[float, ...] = ()
    vs_placebo: bool = False
    vs_active: bool = False
    section: str | None = None
    extra: dict = field(default_factory=dict)


@lru_cache(maxsize=256)  # per sentence and clause of one article: asked again by several readers
def _mask(text: str) -> str:
    """Blank wording that names pain without being a pain outcome (conditions, coping scales)."""
    blank = lambda m: " " * len(m.group(0))  # noqa: E731 - keeps offsets
    return CONDITION_PAIN.sub(blank, NOT_PAIN_OUTCOME.sub(blank, text))


@lru_cache(maxsize=256)  # per sentence and clause of one article: asked again by several readers
def is_pain_outcome(text: str) -> bool:
    """True when ``text`` names a pain outcome in the guideline's sense."""
    return bool(HIGHER_BETTER.search(cleaned := _mask(text)) or LOWER_BETTER.search(cleaned))


@lru_cache(maxsize=256)  # per sentence and clause of one article: asked again by several readers
def outcome_polarity(text: str) -> str | None:
    """'higher_better' (relief, pain-free, time to analgesic), 'lower_better' (pain, consumption), or None."""
    cleaned = _mask(text)
    return "higher_better" if HIGHER_BETTER.search(cleaned) else "lower_better" if LOWER_BETTER.search(cleaned) else None


# 'not significant', 'did not have a statistically superior effect', 'no statistically significant'.
_NEGATED_SIGNIFICANCE = re.compile(r"\b(not|no|non|without)\W+((a|an|any|have|has|had|show|reach|achieve)\W+){0,2}"
                                   r"(statistically|significant)", re.I)


def _significance(text: str) -> str | None:
    """'sig' if the clause states significance (words or p < 0.05), 'ns' if only p > 0.05, else None."""
    ps = p_values(text)
    if SIGNIFICANT.search(text) and not _NEGATED_SIGNIFICANCE.search(text):
        return "sig"
    if any(op in "<=" and v <= 0.05 for op, v in ps):
        return "sig"
    if ps and all((op == ">" and v >= 0.05) or (op == "=" and v > 0.05) for op, v in ps):
        return "ns"
    ci = _CI.search(text)  # a difference's 95% CI that excludes 0 (not a ratio's, which would be 1)
    if ci and not re.search(r"\b(ratio|OR|RR|HR)\b", text[max(0, ci.start() - 40):ci.start()]):
        low, high = (float(ci.group(k).replace("\u2212", "-").replace("\u2013", "-").replace(" ", "")) for k in ("low", "high"))
        if low <= high:
            return "sig" if low * high > 0 else "ns"
    return None


_CI = re.compile(r"\b95\s?%\s?(?:CI|confidence interval)[,:]?\s?(?P<low>[-\u2212\u2013]?\s?\d+(?:\.\d+)?)\s?"
                 r"(?:to|,|;|\u2013|-)\s?(?P<high>[-\u2212\u2013]?\s?\d+(?:\.\d+)?)", re.I)


_BASELINE_REF = re.compile(r"\s*(the\s)?(baseline|pre-?treatment|before)", re.I)


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


def direction_at(clause: str) -> tuple[str | None, int]:
    """``raw_direction`` and the position of the word that decided it (for the outcome it governs)."""
    sig = _significance(clause)
    none = NO_DIFF.search(clause)
    if none or (sig == "ns" and not SIGNIFICANT.search(clause)):
        return "none", none.start() if none else 0
    clause = _PARENS.sub(lambda m: " " * len(m.group(0)), clause)  # '(whichever was higher)': asides
    more = MORE_REDUCTION.search(clause)
    if more:
        return "better", more.start()
    predicate = PREDICATE.search(clause)  # 'the pain increase was significantly lower': the verb's word decides
    if predicate:
        return ("up" if UP.fullmatch(predicate.group("word")) else "down"), predicate.start("word")
    better, worse = BETTER.search(clause), WORSE.search(clause)
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
    masked = _mask(clause)
    word = re.match(r"\w+", clause[position:])
    position += len(word.group(0)) if word else 0  # 'reduction in pain': the outcome after the direction word
    after = [(m.start(), 0, "higher_better") for m in [HIGHER_BETTER.search(masked, position)] if m] + \
            [(m.start(), 1, "lower_better") for m in [LOWER_BETTER.search(masked, position)] if m]
    if arms.outcome_terms is not None:
        for m in arms.outcome_terms.finditer(masked):
            higher = bool(arms.higher_terms and arms.higher_terms.fullmatch(m.group(0)))
            if m.start() >= position:
                after.append((m.start(), 0, "higher_better" if higher else "lower_better"))
    if after and min(after)[0] - position < 70:
        return min(after)[2]
    highs = list(HIGHER_BETTER.finditer(masked, 0, position))
    lows = [m for m in LOWER_BETTER.finditer(masked, 0, position)  # 'time to 1st analgesic dose' is one outcome
            if not any(h.start() < m.end() and m.start() < h.end() for h in highs)]
    before = [(m.end(), "higher_better") for m in highs] + [(m.end(), "lower_better") for m in lows]
    if before:
        return max(before)[1]
    return arms.polarity(clause)


_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# 'more reduction in pain', 'greater decrease': more of a reduction is better.
MORE_REDUCTION = re.compile(
    r"\b(more|greater|larger|bigger)\s(\w+\s)?(reduction|decrease|decline|relief)s?\b|\b(reduction|decrease|decline|"
    r"relief|improvement|change)s?\s(observed\s)?(in|of)\s[^,;]{0,80}?\b(was|were)\s(\w+ly\s){0,2}(greater|larger|higher|more|bigger)\b", re.I)

PREDICATE = re.compile(
    r"\b(?:was|were|is|are|been|remained)\s(?:(?:reported|observed|found|shown)\sto\sbe\s)?(?:(?:\w+ly|also|still|even)\s){0,2}"
    r"(?P<word>higher|lower|greater|less|lesser|fewer|longer|shorter|"
    r"larger|smaller|increased|decreased|reduced|prolonged|elevated)\b", re.I)

_FLIP = {"up": "down", "down": "up", "better": "worse", "worse": "better", "none": "none"}


def sentence_direction(clause: str, arms: Arms) -> str | None:
    """Direction for the intervention vs the comparator in one clause: up/down/better/worse/none/None."""
    word = raw_direction(clause)
    if word is None:
        if _significance(clause) == "sig" and respective_direction(clause, arms) in ("up", "down"):
            return respective_direction(clause, arms)  # '2.1 and 4.5 in the A and B groups, respectively (P<0.01)'
        return numeric_direction(clause, arms)
    if word != "none":
        paired = respective_direction(clause, arms)
        if paired is not None:
            return paired
    return word if orientation(clause, arms) > 0 else _FLIP[word]


_RESPECTIVELY = re.compile(r"\b(?:in|for|with|among|of|by)\s(?:the\s)?(?P<arms>[^,;()\d%]{2,80}?)(?:\s(?:groups?|arms?|"
                           r"patients|subjects))?,?\s\(?respectively\b", re.I)
_ARM_LIST_SPLIT = re.compile(r",\s(?:and\s)?|\s(?:and|or|vs\.?|versus)\s", re.I)
_CHANGE_WORD = re.compile(r"\b(decreas\w*|reduc\w*|declin\w*|drop\w*|fell|improv\w*|relie\w*|lowered)\b", re.I)


def respective_direction(clause: str, arms: Arms) -> str | None:
    """'Pain decreased by 28.3% and 8.3% in the acupuncture and placebo groups, respectively': the
    values in the order of the arms. Values that are amounts of a decrease or an improvement give
    better / worse (a larger reduction is better); values of the outcome itself give up / down."""
    m = _RESPECTIVELY.search(clause)
    if not m:
        return None
    items = [i for i in _ARM_LIST_SPLIT.split(m.group("arms")) if i.strip()]
    if len(items) < 2:
        return None
    head = _PARENS.sub(lambda p: " " * len(p.group(0)), clause[:m.start()])
    values = [float(v.group("value").replace("\u2212", "-")) for v in _ARM_VALUE.finditer(head)
              if not re.search(r"\bp\s?[<=>]\s?$", head[:v.start()], re.I)]
    if len(values) < len(items):
        return None
    values = values[-len(items):]
    ours = [v for item, v in zip(items, values) if arms.is_intervention(item) and not arms.is_comparator(item)]
    theirs = [v for item, v in zip(items, values) if arms.is_comparator(item) and not arms.is_intervention(item)]
    if len(ours) != 1 or len(theirs) != 1 or ours[0] == theirs[0]:
        return None
    up = ours[0] > theirs[0]
    change = _CHANGE_WORD.search(head[:head.find(str(values[0]).rstrip("0").rstrip(".")) + 1] or head)
    if change:
        return "better" if up else "worse"
    return "up" if up else "down"


_ARM_VALUE = re.compile(r"(?P<value>[-\u2212]?\d+(?:\.\d+)?)\s?(?:(?:±|\+/-)\s?\d+(?:\.\d+)?\s?)?(?:%|mm|cm|min(?:utes)?|"
                        r"h(?:ours?)?|mg|µg|mcg|ug|points?)?")
_VALUE_SPLIT = re.compile(r"\s(?:vs\.?|versus|and|compared (?:with|to))\s|;\s|,\s(?=\d)", re.I)


def numeric_direction(clause: str, arms: Arms) -> str | None:
    """'23.1 ± 6.7 minutes for the case group and 18.1 ± 7.3 minutes for the control (P = 0.02)': with
    significance stated and no direction word, compare the intervention's value with the comparator's."""
    if _significance(clause) != "sig":
        return None
    ours: list[float] = []
    theirs: list[float] = []
    unknown: list[float] = []
    for part in _VALUE_SPLIT.split(_PARENS.sub(lambda m: m.group(0) if "±" in m.group(0) else " ", clause)):
        values = [m for m in _ARM_VALUE.finditer(part) if m.group("value")
                  and not re.search(r"\bp\s?[<=>]\s?$", part[:m.start()], re.I)]
        if not values:
            continue
        m = values[-1]  # the value next to the arm ('in the first 24 hours was 0.6 ± 0.6 for the case group')
        value = float(m.group("value").replace("\u2212", "-"))
        i, c = arms.is_intervention(part), arms.is_comparator(part)
        (ours if i and not c else theirs if c and not i else unknown).append(value)
    if len(unknown) == 1 and len(ours) + len(theirs) == 1:  # '83% of the surgery group and 25% of the NSM group'
        (theirs if ours else ours).append(unknown[0])
    if len(ours) == 1 and len(theirs) == 1 and ours[0] != theirs[0]:
        return "up" if ours[0] > theirs[0] else "down"
    return None


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


def clauses(text: str) -> list[str]:
    """Split a sentence into clauses at 'but', 'whereas', 'however', ';' and after a leading 'Despite ...,'."""
    head: list[str] = []
    m = re.match(r"((?:Despite|Although|Though|While|Whereas) (?:\([^)]*\)|[^;(]){3,200}?),\s(?=(no|there|the|we|it|they|this|these|"
                 r"those|a|an|both|only|all|when|significant\w*)\b)", text)
    if m:
        head, text = [m.group(1)], text[m.end():]
    protected = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(";", "\x00"), text)  # '(P = 0.32; ANOVA)'
    parts = [p.replace("\x00", ";") for p in CLAUSE_SPLIT.split(protected) if p and p.strip()]
    return head + (parts or [text])


def _is_between(clause: str) -> bool:
    """A comparison between arms (not with baseline)."""
    m = COMPARE.search(clause)
    return bool(m) and not re.match(r"\s*(the )?(baseline|pre-?treatment|before)", clause[m.end():], re.I)


_CHANGE_STEM = re.compile(r"\b(decreas|reduc|declin|improv|increas|relie|drop)\w*", re.I)
_CLAUSE_VALUE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?%")


def _span(text: str, pair: tuple[str, str]) -> str:
    """The words of ``text`` from the first clause of ``pair`` to the end of the second."""
    start = text.find(pair[0])
    end = text.find(pair[1], max(start, 0))
    return text[start:end + len(pair[1])] if start >= 0 and end >= 0 else f"{pair[0]}, {pair[1]}"


def _paired_arms(parts: list[str], arms: Arms, originals: dict[str, tuple[str, str]] | None = None) -> list[str]:
    """'Dogs given meloxicam showed an average decrease of pain of 28.3%, whereas dogs given placebo showed an
    average decrease of pain of 8.3%': two clauses, one arm each, the same change and one percentage each, are
    one comparison: the intervention's clause is returned with ', more / less effective than the comparator:
    28.3% vs 8.3%' appended, so that the classifier reads which arm changed more; other clauses unchanged.
    ``originals`` maps each joined reading back to the abstract's words (the evidence shown to a reader)."""
    if len(parts) < 2:
        return parts
    out: list[str] = []
    i = 0
    while i < len(parts):
        a = parts[i]
        b = parts[i + 1] if i + 1 < len(parts) else None
        joined = _pair(a, b, arms) if b is not None else None
        if joined is not None:
            out.append(joined)
            if originals is not None:
                originals[joined] = (a, b)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _pair(a: str, b: str, arms: Arms) -> str | None:
    ca, cb = _CHANGE_STEM.search(a), _CHANGE_STEM.search(b)
    if not (ca and cb and ca.group(1).lower() == cb.group(1).lower()) or COMPARE.search(a) or COMPARE.search(b):
        return None
    va, vb = _CLAUSE_VALUE.findall(a), _CLAUSE_VALUE.findall(b)
    if len(va) != 1 or len(vb) != 1:
        return None
    ia, ib = arms.is_intervention(a) and not arms.is_comparator(a), arms.is_intervention(b) and not arms.is_comparator(b)
    pa, pb = arms.is_comparator(a) and not arms.is_intervention(a), arms.is_comparator(b) and not arms.is_intervention(b)
    if not ((ia and pb) or (pa and ib)):
        return None
    ours, theirs = (float(va[0]), float(vb[0])) if ia else (float(vb[0]), float(va[0]))
    if ours == theirs:
        return None
    if ca.group(1).lower() == "increas":  # more of a good outcome is better, more pain worse
        if arms.polarity(a) is None:
            return None
        better = (ours > theirs) == (arms.polarity(a) == "higher_better")
    else:
        better = ours > theirs  # a larger decrease / improvement / relief
    verdict = "more effective" if better else "less effective"
    return f"{(a if ia else b).rstrip(' .')}, {verdict} than the comparator: {ours:g}% vs {theirs:g}%"


_NON_INFERIORITY_OF = re.compile(r"\bnon-?inferiority of (?P<subject>[^.;]{1,60}?)\s(to|versus|vs\.?|compared|over)\b",
                                 re.I)


def _non_inferiority_of_intervention(text: str, arms: Arms) -> bool:
    """A non-inferiority statement about the intervention: it is named, or it is the only arm tested
    ('non-inferiority of intramuscular to intralesional injections' when the subject is no comparator)."""
    if arms.is_intervention(text):
        return True
    m = _NON_INFERIORITY_OF.search(text)
    return bool(m and not arms.is_comparator(m.group("subject")) and not PLACEBO_LIKE.search(m.group("subject")))


def clause_verdicts(text: str, arms: Arms, results: bool = False) -> list[Verdict]:
    """Verdicts of every clause of one sentence about a pain outcome (empty when none applies).

    A 'no difference' clause without outcome words of its own inherits the sentence's ('..., but mean
    change between groups was not significant'); so does 'but not at 24 h'.
    """
    evaluation = bool(EVALUATION.search(text) and CONDITION_PAIN.search(text) and arms.is_intervention(text)) or bool(
        arms.pain_text and NON_INFERIORITY.search(text) and _non_inferiority_of_intervention(text, arms)
        and not NOT_PAIN_VERDICT.search(text))
    if not (arms.pain_outcome(text) or evaluation) or NOT_COMPARISON.search(text):
        return []
    out: list[Verdict] = []
    sentence_polarity = arms.polarity(text)
    sentence_placebo = bool(PLACEBO_LIKE.search(text))
    prev: Verdict | None = None
    loose_times: list[float] = []  # times in clauses without a verdict: '...; the difference ... to week 12 was -0.98'
    originals: dict[str, tuple[str, str]] = {}
    parts = _paired_arms(clauses(text), arms, originals)
    for clause in parts:
        polarity = arms.polarity(clause) or sentence_polarity or ("lower_better" if evaluation else None)
        own = arms.pain_outcome(clause) or (evaluation and bool(EVALUATION.search(clause) or NON_INFERIORITY.search(clause)))
        if TAKEN_BACK.search(clause) and prev is not None and prev.verdict in ("better", "worse") \
                and _significance(prev.clause) != "sig":
            prev.verdict = "no_difference"  # 'X was prolonged in group II ..., but the difference was not significant'
            continue
        if WITHOUT.match(clause):
            if not own or prev is None:
                continue  # '..., without increasing adverse effects': not about pain
            verdict = "no_difference"  # 'reduced morphine consumption without affecting pain scores'
        elif NOT_CLAUSE.search(clause) and prev is not None:
            verdict = "no_difference"
        elif REVERSED.search(clause) and prev is not None and prev.verdict in ("better", "worse"):
            verdict = "better" if prev.verdict == "worse" else "worse"  # '..., but it reversed at 12 and 24 h'
        else:
            word, position = direction_at(clause) if not BASELINE_ONLY.search(clause) else (None, 0)
            if word is None and own and not BASELINE_ONLY.search(clause):
                word = numeric_direction(clause, arms)
            polarity = local_polarity(clause, position, arms) or polarity
            if word is None:
                loose_times.extend(t for m in time_mentions(clause) for t in m.days)
                continue
            if results and word in ("up", "down") and not _significance(clause) and not COMPARE.search(clause) \
                    and re.search(r"\d\s?%|±", clause) and respective_direction(clause, arms) is None:
                continue  # 'dogs given X showed an average decrease of 28%': a description, not a finding
            if not own and not (word == "none" and prev is not None
                                and not re.search(r"\b(on|for|of|in|regarding)\s(the\s)?[a-z]", clause)):
                continue
            if WITHIN.search(clause) and not _is_between(clause):
                if arms.is_comparator(clause) and not arms.is_intervention(clause) and not re.search(
                        r"\bboth\b|\ball\b", clause, re.I):
                    continue  # the comparator's own change from baseline
                verdict = "within" if pain_direction(word, polarity) == "better" else pain_direction(word, polarity)
            else:
                verdict = pain_direction(sentence_direction(clause, arms), polarity)
            if verdict is None:
                continue
        times = tuple(t for m in time_mentions(clause) if "±" not in clause[max(0, m.start - 15):m.start]
                      for t in m.days)  # '730 ± 260 min' is a measured duration, not a time point
        each_other = bool(re.search(r"\beach other\b", clause, re.I))
        vs_placebo = bool(PLACEBO_LIKE.search(clause)) or (sentence_placebo and not each_other and not arms.is_comparator(
            PLACEBO_LIKE.sub(" ", clause)))
        vs_active = each_other or (
            arms.is_comparator(PLACEBO_LIKE.sub(" ", clause)) and not PLACEBO_LIKE.search(clause))
        prev = Verdict(verdict, _span(text, originals[clause]) if clause in originals else clause, times=times,
                       vs_placebo=vs_placebo, vs_active=vs_active)
        if verdict == "no_difference" and NON_INFERIORITY.search(clause):
            prev.extra["non_inferiority"] = True
        out.append(prev)
    if loose_times:
        for v in out:
            if not v.times:
                v.times = tuple(loose_times)
    return out


# --- arms of one article -------------------------------------------------------------------------

def _abbreviations(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Abbreviations the abstract defines for the intervention: 'sterile water injection (ISWI)'."""
    out = []
    for m in pattern.finditer(text):
        after = re.match(r"\s?\(([A-Za-z][A-Za-z0-9-]{1,8})[),;]", text[m.end():m.end() + 14])
        if after:
            out.append(after.group(1))
    return out


def article_arms(ctx: "Context") -> Arms:
    """Intervention and comparator vocabulary of one article (names, group labels, abbreviations)."""
    return arms_for(ctx.article.text, ctx.intervention.pattern)


@lru_cache(maxsize=32)  # pain_effect, responders and pain_scores ask for the same article's arms
def arms_for(text: str, pattern: re.Pattern[str]) -> Arms:
    """Arms of a text where ``pattern`` names the intervention.

    Group labels ('group K (ketamine 0.5 mg/kg)', 'K2 group: ketamine infusion') belong to the
    intervention when their definition names it; other labels and the drug that defines them
    ('Group R, remifentanil 1 µg/kg'), and 'X group' for other X, are comparators.
    """
    labels_int: set[str] = set()
    labels_cmp: set[str] = set()
    names_cmp: set[str] = set()
    undefined: set[str] = set()
    hits = sorted([(m.start(), m.end(), m.group(1)) for m in LABEL_BEFORE.finditer(text)]
                  + [(m.start(), m.end(), m.group(1)) for m in LABEL_AFTER.finditer(text)])
    for i, (start, end, label) in enumerate(hits):
        if label.lower() in _NOT_ARM_WORDS:
            continue
        nxt = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        window = re.split(r"(?<=[.;])\s", text[end:min(nxt, end + 120)], maxsplit=1)[0]
        if pattern.search(window) or pattern.search(label):
            labels_int.add(label)
        elif not _DEFINITION.match(window):  # 'group K at 2 h': used, not defined here
            undefined.add(label)
        elif window.strip(" :,(") and not re.match(r"\s*(was|were|had|showed|than|and|,|\.)", window):
            labels_cmp.add(label)
            first = re.match(r"[\s:,(=]*(?:received\s|given\s)?([a-z][a-z-]{3,})\b", window)
            if first and first.group(1) not in _NOT_ARM_WORDS and first.group(1) not in ("patients", "received", "group"):
                names_cmp.add(first.group(1))
    labels_cmp -= labels_int
    initial = _initial(pattern)
    for label in undefined - labels_int - labels_cmp:
        if initial and len(label) <= 2 and label[0] == initial:
            labels_int.add(label)  # 'group K' in a ketamine trial that never spells its groups out
        elif label in ("C", "S", "N", "NS", "Pl"):
            labels_cmp.add(label)
    defined_names = set(names_cmp)
    for m in WORD_GROUP.finditer(text):
        word = m.group(1)
        if word.lower() in _NOT_ARM_WORDS or pattern.search(word) or word in labels_int:
            continue
        names_cmp.add(word)
    abbreviations = _abbreviations(text, pattern)
    labels_int.update(abbreviations)
    names_cmp = {n for n in names_cmp - labels_int if n.lower() not in _NOT_ARM_WORDS and not pattern.search(n)}
    int_re = _label_regex(labels_int, abbreviations)
    cmp_re = _label_regex(labels_cmp | names_cmp, names_cmp)
    strong_re = _label_regex(labels_cmp | (defined_names - labels_int), defined_names - labels_int)
    generic_int = GENERIC_INTERVENTION_ARM if _case_is_intervention(text, pattern) else None

    def is_intervention(s: str) -> bool:
        return bool(pattern.search(s) or (int_re and int_re.search(s)) or (generic_int and generic_int.search(s))
                    or TREATED_SIDE.search(s))

    def is_comparator(s: str) -> bool:
        stripped = pattern.sub(" ", s)
        if int_re:
            stripped = int_re.sub(" ", stripped)
        return bool(PLACEBO_LIKE.search(stripped) or (cmp_re and cmp_re.search(stripped)))

    def is_named_comparator(s: str) -> bool:
        """A comparator by a placebo-like word or a group the abstract defines (not only 'X group')."""
        stripped = pattern.sub(" ", s)
        return bool(PLACEBO_LIKE.search(stripped) or (strong_re and strong_re.search(stripped)))

    placebo = bool(re.search(r"\b(placebo|sham|saline|wait[- ]?list|usual care|no[- ]treatment (group|arm|control)s?|"
                             r"(received|receiving|or|versus|vs\.?) no (treatment|intervention)|untreated (group|arm|control)s?|"
                             r"vehicle)\b", _NO_PLACEBO.sub(" ", text), re.I))
    return Arms(is_intervention, is_comparator, placebo, *_outcome_abbreviations(text),
                is_named_comparator=is_named_comparator, pain_text=is_pain_outcome(text))


# 'placebo arms were not included', 'without a placebo group', 'not placebo-controlled': no placebo control.
_NO_PLACEBO = re.compile(r"\b(no|without( an?)?|lack of( an?)?|absence of( an?)?|non-?|not)[- ](placebo|sham)([- ](arms?|groups?|"
                         r"controls?|controlled))?\b|\b(placebo|sham)( arms?| groups?| controls?)? (was|were) not (included|used)\b",
                         re.I)
_DEFINITION = re.compile(r"\s*([(:,=\u2013-]|received|was given|were given|patients|subjects|\[)", re.I)


def _initial(pattern: re.Pattern[str]) -> str | None:
    """First letter of the intervention's first name in its pattern ('ketamine' -> 'K')."""
    m = re.search(r"\(\?:\s*\\?([A-Za-z])", pattern.pattern)
    return m.group(1).upper() if m else None


def _label_regex(labels: set[str], bare: list[str] | set[str]) -> re.Pattern[str] | None:
    """'group X' / 'X group' for each label, and the bare word for names and abbreviations."""
    if not labels:
        return None
    alt = "|".join(re.escape(t) for t in sorted(labels, key=len, reverse=True))
    parts = [rf"\b[Gg]roups?\s(?:{alt})\b", rf"\b(?:{alt})(?:[- ]treated)?\s[Gg]roups?\b"]
    if bare:
        parts.append(r"\b(?:%s)\b" % "|".join(re.escape(t) for t in sorted(bare, key=len, reverse=True)))
    return re.compile("|".join(parts))


_ABBR_PAREN = re.compile(r"(?<=[A-Za-z-]) \(([A-Z][A-Za-z0-9-]{1,7})\)")
_WORDS_BEFORE = re.compile(r"(?<![A-Za-z-])[A-Za-z-]+(?: [A-Za-z-]+){0,3}$")


def _outcome_abbreviations(text: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Abbreviations defined for pain outcomes ('postoperative myalgia (POM)'), and those of them whose
    expansion is a more-is-better outcome ('duration of analgesia (DOA)')."""
    found: set[str] = set()
    higher: set[str] = set()
    for m in _ABBR_PAREN.finditer(text):  # ' (POM)' first, then the words before it (much faster than one regex)
        words = _WORDS_BEFORE.search(text, max(0, m.start() - 120), m.start())
        if words is None:
            continue
        if is_pain_outcome(words.group(0)) and m.group(1).upper() not in ("VAS", "NRS", "PCA", "IV"):
            found.add(m.group(1))
            if outcome_polarity(words.group(0)) == "higher_better":
                higher.add(m.group(1))

    # 'Success was considered as no or mild pain': the success rate is a pain outcome (more is better).
    for m in re.finditer(r"\b(success|response|responders?)\b[^.;]{0,30}?\b(was|were|is)\s(defined|considered|"
                         r"regarded)\s(as|by)\b[^.;]{0,80}?\b(pain|analges\w*|headache)", text, re.I):
        word = m.group(1).lower()
        found.update({word, word + " rate", word + " rates"})
        higher.update({word, word + " rate", word + " rates"})

    def alternation(words: set[str]) -> re.Pattern[str] | None:
        if not words:
            return None
        return re.compile(r"\b(?:%s)\b" % "|".join(re.escape(f) for f in sorted(words, key=len, reverse=True)), re.I)

    return alternation(found), alternation(higher)


def _case_is_intervention(text: str, pattern: re.Pattern[str]) -> bool:
    """'case group' / 'study group' means the intervention's arm when the abstract gives it the drug."""
    m = re.search(r"\b(case|study|treatment|intervention|experimental|active) group\b[^.]{0,80}", text, re.I)
    return bool(m and pattern.search(m.group(0))) or bool(
        re.search(r"\b(in|to) (the )?(case|study|intervention|experimental) group", text, re.I))
