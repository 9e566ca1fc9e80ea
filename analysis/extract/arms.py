"""Arms of one abstract: which group is THE intervention and which a comparator, tied once per text.

Public API (pain_effect, responders, pain_scores, durations, the Evidence Inference evaluation):
- ``arms_for(text, pattern) -> Arms``: ``pattern`` names the intervention; the abstract's own definitions add
  group letters and numbers ('group K (ketamine 0.5 mg/kg)', 'K2 group', 'Group I', 'group 2'), abbreviations
  ('sterile water injection (ISWI)', '(dIV-PCA group, n = 57)'), product names ('X group' for another X is a
  comparator), 'the study / case group' when given the drug, the treated side of a split-body design.
- ``article_arms(ctx)``: the same for an extraction ``Context``, with the name's initials ('the LP group') and
  an add-on design's base treatment alone as its control (``Arms.base``, additions rule g).
- ``Arms.is_intervention(s)`` / ``is_comparator(s)`` / ``side(s)`` ('intervention', 'comparator', 'both', None);
  ``is_named_comparator(s)``: placebo-like words or groups the abstract defines; ``placebo_controlled``.
- ``Arms.pain_outcome(s)``, ``Arms.polarity(s)``: outcome words with the abstract's outcome abbreviations.
- ``former_latter(text, previous)``: 'the former' / 'the latter' replaced by the arm named first / last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from ketamine_evidence.analysis.extract.absent_arms import with_absent_arms
from ketamine_evidence.analysis.extract.arm_definitions import (DEFINITION_BEFORE, alias_is_intervention, bracketed_alias,
                                                                former_latter, group_matches, label_defined_before,
                                                                label_window, negated_pair, present_arms_text,
                                                                word_group_given)
from ketamine_evidence.analysis.extract.arm_definitions import initial_of as _initial, label_regex as _label_regex
from ketamine_evidence.analysis.extract.arm_abbreviations import (BRACKETED_COMPARATOR, initials_abbreviations,
                                                                  intervention_abbreviations, other_arm_abbreviations)
from ketamine_evidence.analysis.extract.arm_components import NAME_FILLER as _NAME_FILLER, alone_arms as _alone_arms, arm_names
from ketamine_evidence.analysis.extract.arm_statements import other_of_two, stated_ties
from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract.deferred_pattern import Deferred
from ketamine_evidence.analysis.extract.fast_re import fast
from ketamine_evidence.analysis.extract.inactive_arms import INACTIVE, INERT, NONE_ARM, WAIT_LIST, care_control
from ketamine_evidence.analysis.extract.population_pain import blank_population
from ketamine_evidence.analysis.extract.stated_comparators import with_stated_comparators
from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome, outcome_abbreviations, outcome_polarity

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context

# Arms that are comparators by their name: an inactive comparator (``inactive_arms``), a control arm, a dummy, the
# 'group N' of normal saline.
PLACEBO_LIKE = re.compile(
    rf"\b({INACTIVE}|(?<!pain )(?<!symptom )(?<!headache )(?<!disease )(?<!glycaemic )(?<!glycemic )controls?|"
    r"control (group|arm|patients)|dummy|group n)\b", re.I)
GENERIC_INTERVENTION_ARM = re.compile(
    r"\b(case|study|treatment|intervention|experimental|active|trial) (group|arm)s?\b", re.I)
# Group labels: 'group K', 'Group KRH', 'K2 group', 'Group I', 'group 2'. (The word boundary before 'group' is checked
# after its first letter, so that ``re`` skips to a 'G' or 'g' instead of trying every position.)
LABEL_BEFORE = re.compile(r"[Gg](?<=\b[Gg])roups?\s+((?:[A-Z][A-Za-z0-9+-]{0,5})|(?:I{1,3}V?|IV|V)|\d)\b(?!\s*(?:mg|µg|%))")
# A digit names a group only before a singular 'group' ('2 group'); before 'groups' it counts them ('assigned to 3
# groups (combination, n = 163; ...)' names no arm '3' defined as 'combination').
_COMPARED = re.compile(r"\b(?:compared (?:with|to)|versus|vs\.?|than|in comparison (?:with|to))\s")
LABEL_AFTER = re.compile(r"\b([A-Z][A-Za-z0-9+-]{0,5}|\d(?=\s[Gg]roup\b))\s[Gg]roups?\b")
WORD_GROUP = re.compile(r"\b([A-Za-z][\w-]{2,})(?:\s[\d.]+\s?(?:mg|µg|mcg|g|ml|mL)(?:/\w+)?)?(?:[- ]treated)?\s(?:group|arm)s?\b")
_NOT_ARM_WORDS = frozenset(
    "the each both two three four all other this that these control placebo treatment study case intervention "
    "active same age different respective experimental two-group first second third whole either neither".split())
# The treated body part of a split-body or within-subject design ('on the treated side').
TREATED_SIDE = re.compile(r"\b(?<!un)(?<!non-)(?<!non)treated (side|limbs?|hands?|arms?|legs?|knees?|eyes?|sites?|areas?|"
                          r"shoulders?|feet|foot|teeth|tooth|quadrants?)\b", re.I)


@dataclass(frozen=True, slots=True)
class Arms:
    """How to tell the intervention's arm from a comparator's in a sentence."""

    is_intervention: Callable[[str], bool]
    is_comparator: Callable[[str], bool]
    placebo_controlled: bool = False
    outcome_terms: re.Pattern[str] | None = None  # abbreviations the abstract defines for pain outcomes
    higher_terms: re.Pattern[str] | None = None  # ... of which more is better ('duration of analgesia (DOA)')
    is_named_comparator: Callable[[str], bool] | None = None  # strong evidence only (placebo, defined groups)
    whole_text: str | None = None  # the abstract, read for ``pain_text`` only where a reader asks (rarely)

    names: re.Pattern[str] | None = None  # the intervention's own names ('thoracic epidural analgesia')
    base: re.Pattern[str] | None = None  # an add-on design's control, the base treatment alone ('IV-PCA only')
    placebo_labels: re.Pattern[str] | None = None  # labels of arms defined as placebo ('group 2 (saline)')

    @property
    def pain_text(self) -> bool:
        """The whole text names a pain outcome somewhere. Read on demand: two rare readings ask (a non-inferiority
        verdict, a 'no difference in any measurement'), and reading a whole abstract cost some 0.5 ms an article."""
        return self.whole_text is not None and is_pain_outcome(self.whole_text)

    def unnamed(self, text: str) -> str:
        """``text`` with the intervention's names blanked (same length): an arm called 'epidural analgesia'
        or 'pain education' names no outcome, so its words must not decide outcome or polarity."""
        if self.names is None:
            return text
        return _unnamed(self.names, text)

    def pain_outcome(self, text: str) -> bool:
        text = self.unnamed(text)
        return is_pain_outcome(text) or bool(self.outcome_terms and self.outcome_terms.search(
            blank_population(text, self.outcome_terms)))  # 'for employees who report mild LBP': who, not what

    def side(self, text: str) -> str | None:
        """'intervention', 'comparator', 'both' (the span names both arms) or None (neither)."""
        i, c = self.is_intervention(text), self.is_comparator(text)
        return "both" if i and c else "intervention" if i else "comparator" if c else None

    def polarity(self, text: str) -> str | None:
        text = self.unnamed(text)
        if self.higher_terms and self.higher_terms.search(text):
            return "higher_better"
        return outcome_polarity(text) or (
            "lower_better" if self.outcome_terms and self.outcome_terms.search(text) else None)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


@per_article  # per sentence and clause of one article: 40% of the calls repeat a text
def _unnamed(names: re.Pattern[str], text: str) -> str:
    return names.sub(_blank, text)


def article_arms(ctx: "Context") -> Arms:
    """Intervention and comparator vocabulary of one article (names, group labels, abbreviations).

    Where the abstract never uses the intervention's full name, its distinctive words stand for it
    (``word_pattern``): 'massage and breastfeeding before venipuncture' is 'the massage group' and 'the
    breastfeeding group'; 'ginger and artichoke extract supplementation' is 'the supplement'."""
    cached = getattr(ctx, "_arms", None)  # asked by several extractors of the same article
    if cached is not None:
        return cached
    text = ctx.text
    name = ctx.intervention.given_name or ctx.intervention.name
    base = _alone_arms(name, text)  # 'ramosetron' in 'ramosetron plus dexamethasone (vs ramosetron alone)' names no arm
    pattern = (base and arm_names(ctx.intervention, name, base) or ctx.intervention).pattern
    if not ctx.intervention.mentioned_in(text):
        pattern = word_pattern(name, text) or pattern
    extra = initials_abbreviations(text, name) + [w for w in _group_words(text, name) if not pattern.search(w)
                                                  and w.lower() not in {b.lower() for b in base}]  # 'the ramosetron group'
    if extra:  # the abbreviation or group word becomes one of the intervention's names
        pattern = _with_names(pattern.pattern, pattern.flags, tuple(extra), getattr(pattern, "keys", ()))
    arms = arms_for(text, pattern)
    alone = [w for w in base if not pattern.search(w)]
    if alone:  # the base treatment alone plays the part of no treatment (additions rule g)
        arms = replace(arms, placebo_controlled=True, base=re.compile(
            r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(re.escape(w) for w in alone), re.I))
    arms = with_absent_arms(arms, name, text)  # 'the non-tourniquet group'; 'those with internal stent' when the
    # intervention is 'pyeloplasty without internal drainage'
    arms = with_stated_comparators(arms, name, ctx.article.title or "", text)  # 'paracetamol (vs diclofenac)'
    try:
        ctx._arms = arms  # type: ignore[attr-defined]
    except AttributeError:
        pass
    return arms


@lru_cache(maxsize=64)  # one pattern per article and name, however many extractors ask; given the names' keys (a
def _with_names(pattern: str, flags: int, extra: tuple[str, ...], keys: tuple[str, ...]) -> re.Pattern[str]:
    source = r"%s|\b(?:%s)\b" % (pattern, "|".join(map(re.escape, extra)))  # ``LowerPattern``), run in lower case
    return fast(Deferred(source, flags), (*keys, *(w.lower() for w in extra))) if keys else re.compile(source, flags)


def _group_words(text: str, name: str) -> list[str]:
    """Words that name an arm ('X group', 'X arm') and stand for the intervention: a distinctive word of its name
    ('the laparoscopic group' for 'laparoscopic repair of perforated peptic ulcer (vs open repair)') or a short
    form made of the starts of its name's words ('the PAR/VAL group' for 'parecoxib/valdecoxib') or their initials
    ('the LP group' for 'laparoscopic pyeloplasty')."""
    if " group" not in text and " arm" not in text:
        return []
    name_words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]{3,}", BRACKETED_COMPARATOR.sub(" ", name))
                  if w.lower() not in _NAME_FILLER]
    starts = {w[:3] for w in name_words}
    initials = "".join(w[0] for w in name_words).upper()
    found: list[str] = []
    if len(initials) >= 2 and any(m.group(1) == initials for m in group_matches(_CAPITALS_ARM, text)):
        found.append(initials)  # 'the LP group' for 'laparoscopic pyeloplasty (vs open pyeloplasty)'
    for token in dict.fromkeys(m.group(1) for m in group_matches(_ARM_WORD, text)):
        if token.lower()[:3] not in starts or token.lower() in _NAME_FILLER:
            continue
        parts = [p for p in re.split(r"[/-]", token.lower()) if p]
        if parts and all(len(p) >= 3 and any(w.startswith(p) for w in name_words) for p in parts):
            found.append(token)
    return found


_ARM_WORD = re.compile(r"\b([A-Za-z][\w/-]{2,30})\s(?:group|arm)s?\b")
# 'the LP group': a run of capitals is the initials' arm where the whole run is the initials (no pattern compiled per name)
_CAPITALS_ARM = re.compile(r"\b([A-Z]+)\s(?:group|arm)s?\b")


def word_pattern(name: str, text: str) -> re.Pattern[str] | None:
    """A pattern for the distinctive words of ``name`` (4+ letters, not filler; matched by their first
    six letters, so 'supplementation' finds 'supplement') that ``text`` uses; None when it uses none.
    A bracketed comparator ('(vs loop ligation)') is left out of the name."""
    name = BRACKETED_COMPARATOR.sub(" ", name)
    stems = []
    for word in re.findall(r"[A-Za-z][A-Za-z-]{3,}", name):
        if word.lower() in _NAME_FILLER:
            continue
        stem = re.escape(word.lower()[:6])
        if re.search(rf"\b{stem}", text, re.I):
            stems.append(stem)
    if not stems:
        return None
    return re.compile(r"\b(?:%s)[\w-]*" % "|".join(dict.fromkeys(stems)), re.I)


@per_article  # pain_effect, responders and pain_scores ask for the same article's arms
def arms_for(text: str, pattern: re.Pattern[str]) -> Arms:
    """Arms of a text where ``pattern`` names the intervention.

    Group labels ('group K (ketamine 0.5 mg/kg)', 'K2 group: ketamine infusion') belong to the
    intervention when their definition names it; other labels and the drug that defines them
    ('Group R, remifentanil 1 µg/kg'), and 'X group' for other X, are comparators.
    """
    labels_int: set[str] = set()
    labels_cmp: set[str] = set()
    labels_placebo: set[str] = set()  # comparator labels the abstract defines as placebo, saline, sham, no treatment
    names_cmp: set[str] = set()
    undefined: set[str] = set()
    aliases: dict[str, str] = {}  # label -> the arm phrase it renames
    definitions: dict[str, str] = {}  # comparator label -> its definition (and 'label name' -> the name taken from it)
    hits = sorted([(m.start(), m.end(), m.group(1)) for m in LABEL_BEFORE.finditer(text)]
                  + [(m.start(), m.end(), m.group(1)) for m in group_matches(LABEL_AFTER, text)])
    for i, (start, end, label) in enumerate(hits):
        if label.lower() in _NOT_ARM_WORDS:
            continue
        if text[start - 1:start] == "(" and text[end:end + 1] == ")":  # 'ketamine-midazolam (Group KM)'
            definition = DEFINITION_BEFORE.split(text[max(0, start - 91):start - 1])[-1]
            phrase = None if pattern.search(definition) or PLACEBO_LIKE.search(definition) else bracketed_alias(definition)
            if phrase:  # 'the intervention group (group T)': decided below, once the arms' names are known
                aliases[label] = phrase
                continue
            (labels_int if pattern.search(definition) or pattern.search(label) else labels_cmp).add(label)
            if PLACEBO_LIKE.search(definition) and not pattern.search(definition):
                labels_placebo.add(label)  # 'normal saline (group II)'
            continue
        given = label_defined_before(text, start, end, hits[i - 1][1] if i else 0, pattern)
        if given is not None:  # '... saline was added to Group S, 25 μg fentanyl to Group F and ...'
            (labels_int if given else labels_cmp).add(label)
            continue
        nxt = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        window = re.split(r"(?<=[.;])\s", text[end:min(nxt, end + 120)], maxsplit=1)[0]
        read = label_window(window)  # a bracket of results uses the label; a count's is skipped
        if read is None:
            undefined.add(label)
            continue
        window = read
        # 'Group C received 0.5% ropivacaine (30cc), 0.5% ropivacaine with 50 μg dexmedetomidine (30cc) in Group D':
        # the label's definition ends at its first comma (one leading 'Group K, ketamine' comma excepted)
        window = re.split(r"(?<=[\w)]),\s", window, maxsplit=1)[0]
        # ... and at a comparison: 'higher in the NaCl group compared with the Bupivacaine group' names the other arm
        window = _COMPARED.split(window, maxsplit=1)[0]
        if pattern.search(window) or pattern.search(label):
            labels_int.add(label)
        elif not _DEFINITION.match(window):  # 'group K at 2 h': used, not defined here
            undefined.add(label)
        elif (listed := _LISTED_DEFINITION.match(window) and (text[max(0, start - 2):start].strip() in ("(", ";") or text[max(0, start - 6):start] == "; and ")) or (
                window.strip(" :,(") and not re.match(r"\s*(was|were|had|showed|than|and|,|\.)", window)):
            labels_cmp.add(label)
            definitions.setdefault(label, window)
            if PLACEBO_LIKE.search(window):
                labels_placebo.add(label)  # 'group 2 (saline)', 'Group C received normal saline', '(Group N, normal
                # saline; ...' (an item of a bracketed list of definitions)
            if listed:
                continue  # its first word ('normal') is no name of the arm
            first = re.match(r"[\s:,(=]*(?:received\s|given\s)?([a-z][a-z-]{3,})\b", window)
            if first and first.group(1) not in _NOT_ARM_WORDS and first.group(1) not in ("patients", "received", "group"):
                names_cmp.add(first.group(1))
                definitions.setdefault(label + " name", first.group(1))
    labels_cmp -= labels_int
    positive = None if labels_int else negated_pair({k: definitions[k] for k in labels_cmp if k in definitions})
    if positive:  # 'Group A (using the model) versus Group B (not using the model)': A is the arm given the treatment
        labels_int.add(positive)
        labels_cmp.discard(positive)
        names_cmp.discard(definitions.get(positive + " name", ""))
    for label, (given, placebo_like) in stated_ties(text, pattern, PLACEBO_LIKE, {h[2] for h in hits if h[2].lower()
                                                    not in _NOT_ARM_WORDS}, labels_int | labels_cmp | set(aliases)).items():
        (labels_cmp if given else labels_int).discard(label)  # '(Group A, n = 32)', 'in group I, 20 ml of saline', ...
        (labels_int if given else labels_cmp).add(label)
        undefined.discard(label)
        if placebo_like:
            labels_placebo.add(label)
    initial = _initial(pattern)
    for label in undefined - labels_int - labels_cmp:
        if initial and len(label) <= 2 and label[0] == initial:
            labels_int.add(label)  # 'group K' in a ketamine trial that never spells its groups out
        elif label in ("C", "S", "N", "NS", "Pl"):
            labels_cmp.add(label)
    labels_cmp |= other_of_two({h[2] for h in hits}, labels_int, labels_cmp)  # 'group M' beside 'group D'
    defined_names = set(names_cmp)
    read_as_labels = {label for _, _, label in hits if re.search(r"\d", label)}  # 'the D15 group': a label, no name
    for m in group_matches(WORD_GROUP, text):
        word = m.group(1)
        if word.lower() in _NOT_ARM_WORDS or pattern.search(word) or word in labels_int or word in read_as_labels:
            continue
        (labels_int if word_group_given(text, m.end(), pattern) else names_cmp).add(word)  # 'the observation group
        # was administered ... radiofrequency hyperthermia
    abbreviations = intervention_abbreviations(text, pattern)
    for m in _PAREN_GROUP.finditer(text):  # 'dexmedetomidine in combination with IV-PCA (dIV-PCA group, n = 57)'
        definition = DEFINITION_BEFORE.split(text[max(0, m.start() - 91):m.start()])[-1]
        if pattern.search(definition) and not pattern.search(m.group(1)) and m.group(1) not in abbreviations:
            abbreviations.append(m.group(1))
    labels_int.update(abbreviations)
    names_cmp.update(other_arm_abbreviations(text, pattern, labels_int))  # '(single cartridge: SC)' ... 'the SC group'
    names_cmp = {n for n in names_cmp - labels_int if n.lower() not in _NOT_ARM_WORDS and not pattern.search(n)}
    generic_int = GENERIC_INTERVENTION_ARM if _case_is_intervention(text, pattern) else None
    if aliases:  # a label takes the side of the arm phrase it renames ('the experimental group (group T)')
        named = _label_regex(labels_int, abbreviations)
        for label, phrase in aliases.items():
            (labels_int if alias_is_intervention(phrase, named) else labels_cmp).add(label)
        labels_cmp -= labels_int
    int_re = _label_regex(labels_int, abbreviations)
    cmp_re = _label_regex(labels_cmp | names_cmp, names_cmp)
    strong_labels = (labels_cmp | (defined_names - labels_int), defined_names - labels_int)
    strong: list[re.Pattern[str] | None] = []  # compiled when first asked: one reading asks, in a few articles

    read: tuple[dict[str, bool], dict[str, bool]] = ({}, {})  # each side's answers for the article's texts: readers
    # of every field ask them of the same clauses (917 of ``is_comparator``'s 3,474 pattern calls on 300 workload
    # records repeated one)

    def is_intervention(s: str) -> bool:
        got = read[0].get(s)
        if got is None:
            got = read[0][s] = bool(pattern.search(s) or (int_re and int_re.search(s)) or (
                generic_int and generic_int.search(s)) or TREATED_SIDE.search(s))
        return got

    def is_comparator(s: str) -> bool:
        got = read[1].get(s)
        if got is None:
            stripped = pattern.sub(" ", s)
            if int_re:
                stripped = int_re.sub(" ", stripped)
            got = read[1][s] = bool(PLACEBO_LIKE.search(stripped) or (cmp_re and cmp_re.search(stripped)))
        return got

    def is_named_comparator(s: str) -> bool:
        """A comparator by a placebo-like word or a group the abstract defines (not only 'X group')."""
        if not strong:
            strong.append(_label_regex(*strong_labels))
        stripped, strong_re = pattern.sub(" ", s), strong[0]
        return bool(PLACEBO_LIKE.search(stripped) or (strong_re and strong_re.search(stripped)))

    present = _NO_PLACEBO.sub(" ", present_arms_text(text))
    placebo = bool(_PLACEBO_ARM.search(present)) or care_control(present)
    labels_placebo -= labels_int
    return Arms(is_intervention, is_comparator, placebo, *outcome_abbreviations(text),
                is_named_comparator=is_named_comparator, whole_text=text, names=pattern,
                placebo_labels=_label_regex(labels_placebo, []))


# An inactive comparator's arm in the abstract (``inactive_arms``; after ``_NO_PLACEBO`` is blanked; module-level, so
# run in lower case by ``fast_re.fast_patterns`` like the module's other patterns): an inert substitute or a wait list
# by its name, nothing given in an arm's context ('untreated group', 'or no treatment', not 'untreated pain'); usual or
# standard care unless a standard programme is the comparator (``inactive_arms.care_control``).
_PLACEBO_ARM = re.compile(rf"\b({INERT}|{WAIT_LIST}|{NONE_ARM})\b", re.I)
# 'placebo arms were not included', 'without a placebo group', 'not placebo-controlled': no placebo control.
_NO_PLACEBO = re.compile(r"\b(no|without( an?)?|lack of( an?)?|absence of( an?)?|non-?|not)[- ](placebo|sham)([- ](arms?|groups?|"
                         r"controls?|controlled))?\b|\b(placebo|sham)( arms?| groups?| controls?)? (was|were) not (included|used)\b",
                         re.I)

# A label in parentheses right after its definition: 'either midazolam (Group M) or ketamine-midazolam (Group KM)',
# '(group C)' after 'saline was infiltrated'. The definition runs back to the previous comma, semicolon,
# sentence end, parenthesis, 'or', 'either' or 'versus' ('and' / 'with' may join a combination's drugs).
_PAREN_GROUP = re.compile(r"\(([A-Za-z][\w/+-]{0,20}[A-Z][\w/+-]{0,20}) (?:group|arm)\b")  # '(dIV-PCA group, n = 57)'
# 'Label, treatment' as an item of a bracketed or semicolon list ('(Group N, normal saline; Groups L, lidocaine 40 mg;
# ...)'): a definition, unlike a count ('(group C, n = 36') or a result ('(group L, -1.1 vs. group ML, -4.3)').
_LISTED_DEFINITION = re.compile(r",\s(?!n\s?=|and\b|or\b|respectively\b|whereas\b|while\b|which\b|who\b|p\b)[A-Za-z][a-z-]{2,}")
_DEFINITION = re.compile(r"\s*([(:,=\u2013-]|received|was given|were given|patients|subjects|\[)", re.I)


def _case_is_intervention(text: str, pattern: re.Pattern[str]) -> bool:
    """'case group' / 'study group' means the intervention's arm when the abstract gives it the drug."""
    m = _CASE_GROUP.search(text)  # the first 'case group ...', found from its literal 'group' (see below)
    return bool(m and pattern.search(text[m.start(m.lastindex):m.end()])) or bool(_TO_CASE_GROUP.search(text))


# Module-level, so that they run in lower case (``fast_re.fast_patterns``) like the module's other patterns.
# '(case|study|...) group\b[^.]{0,80}' written from its 'group' with the word read behind it: a pattern that starts
# with a literal is scanned for it, not tried at every position (96 -> ~10 microseconds an abstract); the match
# starts at the word's group (the only one matched), and the first 'group' with a word before it starts the first
# match of the word-first form (a word ends before the next 'group' begins).
_CASE_GROUP = re.compile(r"group\b(?:" + "|".join(rf"(?<=\b({w}) group)" for w in (
    "case", "study", "treatment", "intervention", "experimental", "active")) + r")[^.]{0,80}", re.I)
# '\b(in|to) (the )?(case|study|intervention|experimental) group' (only whether it occurs is read), the same way.
_TO_CASE_GROUP = re.compile(r"group(?:" + "|".join(rf"(?<=\b{p} {the}{w} group)" for p in ("in", "to") for the in ("", "the ")
                                                 for w in ("case", "study", "intervention", "experimental")) + ")", re.I)
