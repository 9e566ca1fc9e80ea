"""Routes read from the act of giving: where the intervention is injected or instilled ('cells were injected into the
L5-S1 intervertebral disc', 'lidocaine injected into the periprostatic nerve plexus'), from
``lexicons/injection_sites.toml``, and drinking, swallowing or feeding, which is oral (rule j: food or diet wording).

The guideline records a route that is named or implied beyond doubt; an injection whose target the abstract names
implies the route of that target (a muscle: intramuscular, a vein: intravenous, a joint, disc, bone, nerve or cavity:
``other``). Kept apart from ``routes`` so that module stays small; ``routes`` asks it only when no sentence names a
route for the intervention, and before an implied vein ('bolus'), which a named target overrules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract import route_scope
from ketamine_evidence.analysis.extract.fast_re import fast
from ketamine_evidence.analysis.extract.regimen_text import Mention, drug_list, mentions, next_drug, preceding
from ketamine_evidence.analysis.extract.route_gaps import regimen_next
from ketamine_evidence.analysis.extract.study_text import alternation, load_lexicon

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

_LEX = load_lexicon("injection_sites.toml")
_SITE = "|".join(f"(?P<{term}>{alternation(entry['patterns'])})" for term, entry in _LEX.items())
# the injection, then 'into' its target within the clause; the target's name may carry up to three words before its
# head ('into the posterior annulus fibrosus', 'into the L5-S1 intervertebral disc')
# ('injected in the deltoid', 'infiltrated around the incision', 'administering the drug into a large lumen vein': b5
# PMC4631431, full text); administering or delivering only 'into' ('administered in the morning' names no target).
INJECTED_INTO = fast(re.compile(
    r"\b(?:(?:inject\w*|instill?\w*|infiltrat\w*|re-?inject\w*)\b(?P<gap>[^.;:]{0,80}?)\b(?:into|in|at|around|within)|"
    r"(?:administ\w*|deliver\w*)\b(?P<gap2>[^.;:]{0,80}?)\binto)\s+(?:the\s+|each\s+|both\s+|"
    r"their\s+|a\s+|an\s+)?(?:(?!(?:patients|subjects|participants|people|individuals|women|men|children|adults|those)\b)"
    r"[\w\u2013-]+\s+){0,3}?(?:" + _SITE + r")", re.I))


def site_routes(text: str, found: list[Mention]) -> list[tuple[str, re.Match[str]]]:
    """The route of each target the intervention is injected into in ``text``: the nearest drug named before the
    injection in its clause, or the one named between it and 'into' ('injection of BMAC into the femoral head'), must
    be the intervention; with no drug named there the sentence's subject is taken for it ('Cells were injected into
    ...' in a sentence about the intervention)."""
    out = []
    for m in INJECTED_INTO.finditer(text):
        term = next(t for t in _LEX if m.group(t))
        gap = "gap" if m.group("gap") is not None else "gap2"
        inside = [d for d in found if m.start(gap) <= d.start and d.end <= m.end(gap)]
        before = preceding(text, m.start(), found)
        owner = inside[0] if inside else before
        if owner is None or owner.is_intervention:
            out.append((term, m))
    return out


def injected_routes(ctx: "Context", sentences: list["Sentence"]) -> dict[str, "Sentence"]:
    """Route -> the first of the intervention's sentences that injects it into a target of that route."""
    chosen: dict[str, "Sentence"] = {}
    for s in sentences:
        if INJECTED_INTO.search(s.text):
            for term, _ in site_routes(s.text, mentions(s.text, ctx.intervention.pattern)):
                chosen.setdefault(term, s)
    return chosen


# Drinking, swallowing, ingesting or being fed what the trial gives is taking it by mouth (rule j): 'All dogs were fed
# test products or placebo', 'outpatients consumed their preparation'. The object is the intervention or a generic
# word for what the arms are given; 'consumed less morphine' (a measured amount) is no act of giving.
INGESTED = re.compile(r"\b(?:drank|drink(?:s|ing)?|swallow(?:ed|ing)?|ingest(?:ed|ing)?|consum(?:ed|ing)|(?:were|was) fed|"
                      r"feeding)\s+(?:(?P<generic>(?:the|their|a|an|its|each)\s+(?:[\w-]+\s+){0,2}?(?:preparations?|"
                      r"products?|solutions?|liquids?|beverages?|drinks?|formula|suspensions?|study (?:drugs?|"
                      r"medications?))|test (?:products?|substances?|solutions?))\b|(?P<words>(?:[\w-]+\s+){0,3}))", re.I)
_INGEST_KEYS = ("drank", "drink", "swallow", "ingest", "consum", " fed", "feeding")


def ingested_routes(ctx: "Context") -> dict[str, "Sentence"]:
    """'oral' -> the first sentence where the participants drink, swallow, ingest or are fed the intervention, or the
    generic product of the arms when no other drug is named as what they take."""
    for s in ctx.sentences:
        low = s.text.lower()
        if not any(k in low for k in _INGEST_KEYS):
            continue
        found = mentions(s.text, ctx.intervention.pattern)
        for m in INGESTED.finditer(s.text):
            if m.group("generic") or any(d.is_intervention and m.start("words") <= d.start <= m.end("words")
                                         and not _AMOUNT.match(m.group("words")) for d in found):
                return {"oral": s}
    return {}


_AMOUNT = re.compile(r"(?:less|more|fewer|significantly|\d|no\b|any\b|alcohol|coffee|caffeine|tobacco)", re.I)


# A dosage form of the intervention is wording of its route (rule j): moved here from ``routes`` so that module stays small.
PHRASE_BREAK = re.compile(r"[;,]|\b(?:and|or|with|than|versus|vs|compared|plus|while|whereas|but)\b", re.I)
ORAL_FORM = re.compile(r"\b(?:diet(?:ary)? supplement\w*|food supplement\w*|(?:diet|food) supplemented|decoctions?|food products?|"
                       r"supplementation|supplements?|supplemented|tablets?|capsules?|lozenges?|granules?|pills?|sachets?|"
                       r"chewing[- ]gum|gum[- ]chewing|chewing|(?:sustained|extended|controlled|immediate|modified|prolonged|"
                       r"slow)[- ]release|syrup|oral solution)\b", re.I)  # rule ad: supplements; rule u: chewing gum; rule j: food
# A dose between the drug and its form ('duloxetine 60 mg capsules'); a placebo's form is the matching active
# drug's ('either paracetamol (3 g/day) or placebo tablets', 'identical-looking placebo capsule').
_DOSE_ONLY = re.compile(r"\s*[\d.,]+\s*(?:mg|µg|μg|mcg|g)\s*$", re.I)
_PLACEBO_FORM = re.compile(r"\bplacebo\s+(?:[\w\-]+\s+)?$", re.I)
_DIGIT = re.compile(r"\d")


def implied_oral(ctx: "Context", sentences: list["Sentence"]) -> "Sentence | None":
    """A tablet, capsule or modified-release formulation of the intervention is taken by mouth."""
    for s in sentences:
        if not ORAL_FORM.search(s.text):
            continue
        found = mentions(s.text, ctx.intervention.pattern)
        for m in ORAL_FORM.finditer(s.text):
            if any(d.is_intervention and d.start <= m.start() and m.end() <= d.end for d in found):
                return s  # the form is part of its name: 'decoction of Pavetta indica', 'diet supplemented with X'
            after = next_drug(s.text, m.end(), found) or regimen_next(s.text, m.end(), found)
            before = preceding(s.text, m.start(), found)
            if after is not None and after.is_intervention and not _DIGIT.search(s.text, m.end(), after.start):
                return s
            if before is not None and before.is_intervention and m.start() - before.end <= 25 \
                    and not PHRASE_BREAK.search(s.text, before.end, m.start()) \
                    and (not _DIGIT.search(s.text, before.end, m.start()) or _DOSE_ONLY.fullmatch(s.text, before.end, m.start())):
                return s
            if (  # across a stated amount: 'capsules containing 500 mg of X', 'X (500 mg tablets)'
                    (after is not None and after.is_intervention and route_scope.FORM_TO_DRUG.fullmatch(s.text, m.end(), after.start))
                    or (before is not None and before.is_intervention
                        and route_scope.DRUG_TO_FORM.fullmatch(s.text, before.end, m.start()))):
                return s
            if _PLACEBO_FORM.search(s.text, max(0, m.start() - 30), m.start()):
                return s
    return None


# A drug given in a carrier gas is breathed in ('sevoflurane (n = 20) or isoflurane (n = 20) in 30% oxygen/air',
# 'nitrous oxide in oxygen'): the gas is the vehicle, as an infusion fluid is a vein's (rule ao), and an inhaled
# route is ``other`` (rule an).
_GAS = r"(?:oxygen|O2|air|nitrous oxide|N2O)"
IN_GAS = re.compile(rf"\s*(?:\([^()]*\)\s*)?(?:in|with)\s+(?:\d+\s?%\s*)?{_GAS}\b", re.I)


def inhaled_routes(ctx: "Context", sentences: list["Sentence"]) -> dict[str, "Sentence"]:
    """'other' -> the first of the intervention's sentences that gives it, or a list of drugs holding it, in a carrier gas."""
    for s in sentences:
        low = s.text.lower()
        if not any(k in low for k in ("oxygen", "o2", " air", "nitrous", "n2o")):
            continue
        found = mentions(s.text, ctx.intervention.pattern)
        for i, d in enumerate(found):
            if IN_GAS.match(s.text, d.end) and any(
                    x.is_intervention for first in found[:i + 1] for x in drug_list(s.text, first, found)
                    if d in drug_list(s.text, first, found)):
                return {"other": s}
    return {}
