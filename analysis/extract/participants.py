"""Extractor: number of participants (guideline ``n_participants``).

Reads counts of people ("Eighty patients", "A total of 120 adults", "n = 60", "442 were randomised")
and ranks them by what the sentence says was done with them: randomised > enrolled/included >
analysed > any other. Within a rank the first stated count wins. Arms add up when no total is given
("randomized to buprenorphine (n = 254) or placebo (n = 257)" -> 511; "22 patients ... compared with
20 patients" -> 42); "two groups of 30" and "3 arms and 38 subjects per arm" multiply. Numbers that
are ages, doses, years, percentages, or parts of a group ("5 of the 30 patients") are not counts.
Null for reviews and animal studies. A protocol's planned sample size is its n ('320 participants will be randomised',
'3 arms and 38 subjects per arm'; guideline additions, rule a, revised in round 13); a finished study's planned
numbers ('a future trial will include 254 patients') and sample-size calculations are not.
Parts of the sample are read as parts (``participants_parts``): one arm named by its allocation or place ranks as no
act, a count with its percentage ranks last; arms listed by 'n =', told in parallel clauses or after 'divided into k
groups' add up, and a count stated for each of k units multiplies.
``KE_N_READER=ranker`` (opt-in) lets the learned ranker (``count_ranker``) choose among the counts instead; the rules'
count is one of its candidates.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract.participants_masks import mask_asa, mask_non_counts, plain_number_dashes
from ketamine_evidence.analysis.extract.participants_parts import (SHARE, TWO_WAY, divided_sum, each_unit, elided_arm,
                                                                   mean_counts, one_arm, parallel_arms)
from ketamine_evidence.analysis.extract.participants_pooled import pooled_count
from ketamine_evidence.analysis.extract.protocols import is_planned, is_protocol
from ketamine_evidence.analysis.extract.abstract_parts import about_this_study
from ketamine_evidence.analysis.extract.section_roles import section_role
from ketamine_evidence.analysis.extract.design_cues import OUTCOME_GROUPS
from ketamine_evidence.analysis.extract.study_text import Gated, has_number, is_background_sentence, plain_hyphens
from ketamine_evidence.analysis.extract.text_patterns import NUM, count_value
from ketamine_evidence.analysis.records import Finding
from ketamine_evidence.analysis.extract.participants_patterns import (
    ANALYSED, COORDINATED, COUNT, ENROLLED, GROUPS_OF, N_EQUALS, PART_OF, PER_ARM, RANDOMISED, SUBJECT, _AGE, n_value,
    _AND_GROUPS, _ARM_SEPARATORS, _AT_RANDOMISATION, _BIG_NUM, _DROPOUT, _NOT_ENTERED, _NOUN_N, _NUM_START,
    _TIME_POINT, _UNITS, _UNIT_NOUNS, _VERB,
)

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

NAME = "participants"
VERSION = "1.0"

@per_article  # asked of a sentence by the count reading and again by the sample-size checks (``best_count``)
def _rank(sentence: str) -> int:
    if OUTCOME_GROUPS.search(sentence):
        return 1  # 'allocated to the good outcome group': the size of a group formed by the result, not an allocation
    for m in RANDOMISED.finditer(sentence):
        if not (m.group(0).lower().endswith("ation") and _AT_RANDOMISATION.search(sentence, max(0, m.start() - 16),
                                                                                 m.start())):
            return 3
    if ENROLLED.search(sentence):
        return 2
    if ANALYSED.search(sentence):
        return 1
    return 0


class _Present:
    """The key words of COUNT, SUBJECT and the group patterns found in a whole article (once), so each
    sentence is pre-checked against those few only; None: check each sentence in full."""

    __slots__ = ("count", "subject", "groups")

    def __init__(self, whole: str) -> None:
        self.count = COUNT.present(whole)
        self.subject = SUBJECT.present(whole)
        self.groups = GROUPS_OF.present(whole)  # PER_ARM has the same keys


@per_article
def present_in(whole: str) -> _Present:
    """The article's ``_Present``, one object for ``best_count`` and ``count_ranker`` (so ``sentence_counts`` is kept)."""
    return _Present(whole)


def _finditer(pattern: Gated, text: str, present: tuple[str, ...] | None):
    if present is None:
        return pattern.finditer(text)
    return pattern.scan_iter(text) if pattern.holds(text, present) else iter(())


def _search(pattern: Gated, text: str, present: tuple[str, ...] | None):
    if present is None:
        return pattern.search(text)
    return pattern.scan(text) if pattern.holds(text, present) else None


# A count in words with its digits in brackets ('Sixty (60) patients'): the digits state it, whatever the words spell.
_BRACKET_DIGITS = re.compile(r"\s*\((\d{1,3}(?:,\d{3})+|\d+)\)")
# A second arm whose people noun is left out, after an arm separator ('The first 50 patients did not receive
# alvimopan perioperatively, while the subsequent 36 received a single dose'): its count is an arm's count.
ELIDED_ARM = re.compile(r"(?:,\s*|\s)(?:while|whereas|and|compared with|versus)\s+(?:the\s+)?(?:other|remaining|"
                        r"subsequent|next|last|latter|following|later|second)?\s*(?P<n>\d{1,5})\s+(?=(?:received|"
                        r"underwent|were (?:given|treated|assigned|allocated|managed|operated)|did not (?:receive|undergo))\b)",
                        re.I)


@per_article
def sentence_counts(text: str, present: _Present | None = None) -> list[tuple[int, int, int]]:
    """``(value, start, end)`` of every participant count stated in one sentence (kept for the article: the rules
    and ``count_ranker`` read the same sentences; callers only read the list)."""
    text = mask_non_counts(mask_asa(text))
    found: list[tuple[int, int, int]] = []
    for m in _finditer(COUNT, text, present and present.count):
        if _NOT_ENTERED.match(text, m.end()):
            continue
        before = text[max(0, m.start() - 25):m.start()]
        if PART_OF.search(before) or _AGE.search(before) or _TIME_POINT.search(before):
            continue
        digits = _BRACKET_DIGITS.match(m.group("mods"))  # 'One thousand three hundred and twenty eight (1328)
        value = int(digits.group(1).replace(",", "")) if digits else count_value(m.group("n"))  # patients': the digits
        if value is not None and value > 0:
            found.append((value, m.start(), m.end()))
    if "=" in text or ":" in text:
        for m in _NOUN_N.finditer(text):  # 'Patients (n = 783) aged ≥ 40 years', 'Patients (N = 100; women = 86'
            if not any(s <= m.start("n") < e for _, s, e in found):
                found.append((n_value(m), m.start(), m.end()))
    for m in _finditer(SUBJECT, text, present and present.subject):
        value = count_value(m.group("n"))
        if value and not any(s <= m.start() < e for _, s, e in found):
            found.append((value, m.start(), m.end()))
    if len(found) == 1 and ("while" in text or "whereas" in text or " and " in text or "versus" in text
                            or "compared with" in text):
        for m in ELIDED_ARM.finditer(text, found[0][2]):
            found.append((int(m.group("n")), m.start("n"), m.end("n")))
            break
    found.sort(key=lambda t: t[1])
    return found


_RANDOMISED_SUBJECT = re.compile(rf"{_NUM_START}(?<![\w.,/\u2013\u2264\u2265<>=\u00b1-])(?<![\u2264\u2265<>=\u00b1] )(?P<n>{_BIG_NUM})(?:\s+(?!{_UNITS}|{_UNIT_NOUNS})\w+)?"
                                 r"\s+(?:were|was)\s+"
                                 r"(?:\w+\s+)?"
                                 r"(?:randomi[sz]ed|randomly)", re.I)


def _randomised_subject(text: str) -> int | None:
    """'Of 120 patients screened, 80 were randomized' -> 80."""
    if "random" not in text.lower():
        return None
    m = _RANDOMISED_SUBJECT.search(text)
    return count_value(m.group("n")) if m else None


@per_article
def _arm_sum(text: str, counts: tuple[tuple[int, int, int], ...]) -> int | None:
    """The sum of arm sizes when a sentence gives arms and no total (kept for the article, as ``sentence_counts``)."""
    arms = [n_value(m) for m in N_EQUALS.finditer(text)] if "=" in text or ":" in text else []
    if len(arms) >= 3 and arms[0] == sum(arms[1:]) and not counts:
        return arms[0]  # '(n = 105) were randomized into 3 groups: Group1 ... (n = 35), ...': the total comes first
    if len(arms) >= 2 and not counts:
        return sum(arms)
    if len(counts) >= 2:
        first, rest = counts[0][0], [c[0] for c in counts[1:]]
        is_total = len(rest) >= 2 and first == sum(rest)
        arms = [counts[0]]  # the counts joined to the first one, each to the one before ('A vs B; 48 went on' stops)
        for before, after in zip(counts, counts[1:]):
            between = text[before[2]:after[1]]
            joined = _AND_GROUPS.match(between) is not None and not _VERB.search(between)
            if not (_ARM_SEPARATORS.search(between) or joined):
                break
            arms.append(after)
        if len(arms) >= 2 and not is_total and not _DROPOUT.search(text):
            if all(c[0] < 10 * min(x[0] for x in arms) for c in arms):
                return sum(c[0] for c in arms)
    pair = COORDINATED.search(text) if " and " in text else None
    if pair is not None and len(counts) <= 1 and not _DROPOUT.search(text):
        a, b = count_value(pair.group("a")), count_value(pair.group("b"))
        if a and b and max(a, b) < 10 * min(a, b):
            return a + b
    return None


def _groups_k(text: str, present: _Present | None = None) -> int:
    for pattern in (PER_ARM, GROUPS_OF):
        m = _search(pattern, text, present and present.groups)
        if m:
            return count_value(m.group("k")) or 1
    return 1


@per_article
def _groups_product(text: str, present: _Present | None = None) -> int | None:
    for pattern in (PER_ARM, GROUPS_OF):
        m = _search(pattern, text, present and present.groups)
        if m:
            k, n = count_value(m.group("k")), count_value(m.group("n"))
            if k and n and 2 <= k <= 10:
                return k * n
    return None


PER_ARM_COUNT = re.compile(r"\s*(?:(?:were\s+)?(?:randomi[sz]ed\s+)?(?:in|per)\s+(?:each|every)\b|each\b|"
                           r"per (?:group|arm)\b)",
                           re.I)
N_GROUPS = re.compile(rf"\b(?:into|to|in|of)\s+(?P<k>{NUM})\s+(?:\w+\s+)?(?:groups|arms)\b", re.I)
_N_EACH = re.compile(r"\s*(?:for|in)?\s*(?:each|every|per)\b", re.I)
GROUP_LABEL = re.compile(r"\b[Gg]roups?\s+(?:[A-Z0-9]{1,3}|I{1,3}|IV)\b")


def _per_arm(ctx: "Context", s: "Sentence", own: str, counts: list[tuple[int, int, int]]) -> int | None:
    """'thirty patients randomized in each studied groups' with 'into four groups' -> 120; '(n = 25 for
    each): group 1, ...; group 2, ...; and group 3' -> 75. ``own``: the sentence's text as ``best_count`` reads it."""
    if not counts and "=" in own:
        each = [m for m in N_EQUALS.finditer(own) if _N_EACH.match(own, m.end())]
        if len(each) == 1 and len(list(N_EQUALS.finditer(own))) == 1:
            counts = [(n_value(each[0]), each[0].start(), each[0].end())]
    if len(counts) != 1 or not PER_ARM_COUNT.match(own, counts[0][2]) and not _N_EACH.match(own, counts[0][2]):
        return None
    for text in [own] + [x.text for x in ctx.sentences if x is not s]:
        m = N_GROUPS.search(text)
        k = count_value(m.group("k")) if m else None
        if k and 2 <= k <= 10:
            return counts[0][0] * k
    labels = {m.group(0).split()[-1].lower() for m in GROUP_LABEL.finditer(own)}
    if 2 <= len(labels) <= 10:
        return counts[0][0] * len(labels)
    if any(TWO_WAY.search(x.text) for x in ctx.sentences):
        return counts[0][0] * 2  # 'will be allocated to either an intervention or a control group': two arms
    return None


_SCREENED = re.compile(r"\b(?:eligible|screened|assessed for eligibility|approached|invited|identified|potentially)\b",
                       re.I)
_POWER = re.compile(r"\b(?:\d+\s?%\s?power|power of \d+|power to detect|sample size (?:was |were )?(?:calculated|estimated|"
                    r"determined|computed))", re.I)
_POWER = Gated(_POWER, ("power", "sample size"))
# The population the studied people come from, opening the sentence: 'Among 1,029 patients who received appendectomy
# ..., 38 patients ... were compared with 98 ...' (kept only where other counts follow, as a screened count).
_SOURCE = re.compile(r"^\s*(?:Among|Of|From)\s(?:the\s|all\s|a total of\s)?$")
# ... unless that population is the study's own ('Of the 100 patients enrolled, 90 completed the study', 'Of the 150
# participants in the study, data from 137 were included').
_STUDY_ENTRY = re.compile(r"\b(?:enrol+ed|randomi[sz]ed|included|recruited|allocated|assigned|participat\w*|studied|"
                          r"treated|analy[sz]ed|evaluated|participants|in (?:the|this|our) (?:study|trial))\b", re.I)


def _source(text: str, count: tuple[int, int, int]) -> bool:
    """``count`` opens the sentence as the population its studied people were drawn from (``_SOURCE``)."""
    if not _SOURCE.match(text[:count[1]]):
        return False
    comma = text.find(",", count[2])
    return comma > 0 and not _STUDY_ENTRY.search(text, count[2], comma)
_N_UNITS = re.compile(rf"\b[nN]\s?[=:]\s?\d{{1,6}}(?=\s+(?:[\w-]+\s+){{0,2}}{_UNIT_NOUNS})")


def _units_masked(text: str) -> str:
    """'n=8 lower human premolars' blanked (rule x: a count of treated units is no count of people)."""
    if "=" not in text and ":" not in text:
        return text
    return _N_UNITS.sub(lambda m: " " * len(m.group(0)), text)


# A structured abstract's heading that names the people ('Population:', 'Participants:', 'Subjects:'): the count its
# part states is the sample enrolled, worded or not ('A total of 439 women with ...', 'Women (n = 439) with ...').
_PEOPLE_HEADING = re.compile(r"^(?:(?:study|the) )?(?:participants?|patients?|subjects?|population|sample|cases)"
                             r"(?: and (?:settings?|interventions?))?$|^settings? and (?:participants|patients|subjects|population)$",
                             re.I)


def _people_parts(ctx: "Context") -> list[tuple[int, int]]:
    """``(start, end)`` in the text of the abstract parts headed by a people heading (most abstracts have none)."""
    spans, pos = [], len(ctx.article.title) + 1
    for sec in ctx.article.abstract:
        if sec.label and _PEOPLE_HEADING.match(sec.label.strip(" :.")):
            spans.append((pos, pos + len(sec.text)))
        pos += len(sec.text) + 1
    return spans


# 'Group A:' or 'the A group:' (the same label either way; invariance group_form: batch 5 29386813)
_ARM_LEAD = re.compile(r"\b(?:[Gg]roup\s+(?:[A-Z0-9]{1,2}|I{1,3}|IV)|(?:[A-Z][A-Z0-9]?|I{1,3}|IV)\s+[Gg]roup)\s*[:\u2013]")
_ONGOING = re.compile(r"\b(?:is|are) being (?:assigned|randomi[sz]ed|enrolled|recruited|allocated|included)\b", re.I)


def about_other_work(ctx: "Context", s: "Sentence") -> bool:
    """A background sentence that is not about this study ('In a previous trial of 500 patients ...'): its counts
    are never this study's sample (the rules and the learned ranker both skip it)."""
    return is_background_sentence(ctx, s) and not about_this_study(s.text)


# Where the Methods and the Results state different randomised counts, the Results' count is n (additions rule av):
# the Methods tell the design ('Sixty patients were randomized'), the Results what happened ('A total of 61 patients
# were randomized'). Only structured abstracts name the two parts (``section_role``).


def _recount(methods: int, results: int) -> bool:
    """The Results' randomised count restates the Methods' sample with another number, not one arm of it (an arm is
    about half the sample: '41 children were assigned randomly to receive CFE' after '81 children')."""
    return results != methods and abs(results - methods) <= 0.25 * methods


def best_count(ctx: "Context") -> tuple[int, "Sentence"] | None:
    """The participant count the guideline asks for, and the sentence it came from."""
    best: tuple[int, int, int, "Sentence"] | None = None  # (rank, -index, value, sentence)
    present = present_in(ctx.text)
    lone: tuple[int, "Sentence"] | None = None  # the first sentence whose only number of people is one 'n = N'
    planned = is_planned(ctx.text)  # one look at the whole text; sentences are asked only where it plans
    protocol = is_protocol(ctx)  # a protocol's plans and sample-size calculation are its own numbers
    people_parts: list[tuple[int, int]] | None = None  # read when a count ranks below 2 (most articles: never)
    for s in ctx.sentences:
        if best is not None and best[0] == 3 and section_role(s.section) != "results":
            continue  # a randomised count from the Methods: only the Results' own randomised count can replace it
        if not has_number(s.text) or about_other_work(ctx, s):  # number check first
            continue
        if not (COUNT.holds(s.text, present.count) or SUBJECT.holds(s.text, present.subject)
                or GROUPS_OF.holds(s.text, present.groups) or "=" in s.text or ":" in s.text):
            continue  # no count, no 'n =' and no groups: nothing below can find a number of people
        if not protocol and (planned and is_planned(s.text) or _ONGOING.search(s.text)):
            continue  # a planned number ('will include 254 patients', '6,000 patients are being assigned') was never enrolled
        text = _units_masked(plain_number_dashes(plain_hyphens(s.text)))
        if not protocol and _POWER.search(text):
            continue  # a finished study's sample-size calculation plans a number ('102 patients would provide 80% power')
        counts = sentence_counts(text, present)
        screened = [c for c in counts if _SCREENED.search(text, max(0, c[1] - 25), c[2]) or _source(text, c)]
        if screened and len(screened) < len(counts):  # 'identified 648 eligible patients and recruited 348'
            counts = [c for c in counts if c not in screened]
        means = mean_counts(text, counts)  # 'An average of twenty-five patients per general practice ..., a total of 2,300'
        if means and len(means) < len(counts):
            counts = [c for c in counts if c not in means]
        if len(counts) >= 2 and all("=" in text[c[1]:c[2]] for c in counts):
            counts = []  # every count is an 'n =' of a named group ('women (n = 35), and ... women (n = 30)'): a list of arms
        value = None
        randomised = _randomised_subject(text)
        if randomised is not None and len(counts) > 1:
            counts = [c for c in counts if c[0] == randomised] + [c for c in counts if c[0] != randomised]
        summed = _arm_sum(text, tuple(counts))  # pure readings: each is read only where the one before finds nothing
        if len(counts) == 1:
            second = elided_arm(text, counts[0])  # 'Thirty patients were randomized to ketamine and 28 to placebo'
            counts = counts + [second] if second is not None else counts
        if len(counts) >= 2 and not _DROPOUT.search(text):
            summed = divided_sum(text, counts) or summed  # 'divided into three groups: 30 ...; 30 ...; and 30 ...'
            if summed is None:
                summed = parallel_arms(text, counts)  # 'Thirty patients received ketamine and 28 received placebo'
        per_arm = _per_arm(ctx, s, text, counts) if summed is None else None
        if per_arm is None and summed is None and len(counts) == 1 and _rank(text) >= 2:
            per_arm = each_unit(ctx, text, counts[0])  # 'In each study 14 evaluable patients were included' (two studies)
        product = _groups_product(text, present) if summed is None and per_arm is None else None
        if summed is not None:
            value = summed
        elif per_arm is not None:
            value = per_arm
        elif product is not None and (not counts or counts[0][0] == product // _groups_k(text, present)):
            value = product
        elif counts:
            value = counts[0][0]
        else:  # a single 'n = 60' in a sentence that enrols or randomises
            arms = [n_value(m) for m in N_EQUALS.finditer(text)] if "=" in text or ":" in text else []
            value = arms[0] if len(arms) == 1 and _rank(text) >= 2 else None
            if value is None and len(arms) == 1 and lone is None:
                lone = (arms[0], s)
        if value is None:
            continue
        rank = _rank(s.text) if s.section != "TITLE" else 0
        if rank == 3 and counts and value == counts[0][0] and _ARM_LEAD.search(text, 0, counts[0][1]):
            rank = 1  # '... randomly allocated to either of two groups - Group A: ... in 10 patients': one arm's size
        if rank < 2 and people_parts is None:
            people_parts = _people_parts(ctx) if ctx.article.abstract else []
        if rank < 2 and any(a <= s.start < b for a, b in people_parts):
            rank = 2  # the count of a 'Participants:' part is the sample enrolled
        if rank == 3 and counts and value == counts[0][0] and one_arm(text, counts[0][2]):
            rank = 0  # 'Twelve patients assigned to the control group required rescue analgesia': one arm's count
        if counts and value == counts[0][0] and SHARE.match(text, counts[0][2]):
            rank = -1  # '307 patients (66.9 %)': a share of the sample, below any count of the sample itself
        if best is None or rank > best[0] or rank == 3 and _recount(best[2], value):  # a Results recount (rule av)
            best = (rank, -s.index, value, s)
            if rank == 3 and section_role(s.section) != "methods":
                break  # nothing ranks above a randomised count stated first, but the Results' own (rule av)
    if best is None:  # no count anywhere: a sentence's only 'n =' ('Results: Efficacy data, n = 327.') is the one
        return lone
    return best[2], best[3]


def extract(ctx: "Context") -> list[Finding]:
    design = ctx.earlier("design")
    if design and design[0].value in ("systematic_review", "narrative_review", "guideline", "animal"):
        return []
    found = pooled_count(ctx) if design and design[0].value == "other" else None  # rule d
    found = found or best_count(ctx)
    from ketamine_evidence.analysis.extract.count_ranker import read  # the learned reader, when selected (KE_N_READER)
    found = read(ctx, found)
    if found is None:
        return []
    value, sentence = found
    return [Finding("n_participants", value, ctx.evidence(sentence, NAME, VERSION), ctx.intervention.name)]
