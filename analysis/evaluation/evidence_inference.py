"""Pain-effect direction measured on Evidence Inference (Lehman et al. 2019; DeYoung et al. 2020).

Each labelled prompt asks: with respect to OUTCOME, how did INTERVENTION compare with COMPARATOR
(significantly increased / significantly decreased / no significant difference)? We answer from the
article text with the pain-effect extractor's own sentence-level classifier
(``ketamine_evidence.analysis.extract.direction``: ``raw_direction``, ``orientation``, ``outcomes.named_outcome_polarity``), not a
copy: pick the sentence that best matches the outcome and carries significance or direction wording
(abstract first), orient it to the prompt's intervention vs comparator, and map evaluative wording
('superior', 'more effective') through the outcome's polarity (for pain, better = decreased; for
relief or time to rescue analgesia, better = increased). No sentence with such wording gives
'no significant difference'.

By default only prompts whose outcome mentions pain or analgesia are scored (the 119 labelled prompts
over the 79 articles shipped in ``articles/``); ``--outcomes all`` scores every clear-majority prompt
whose article is in ``articles/`` (any directory in the same layout). The corpus is read by
``ei_corpus``. The learned sentence model (``direction_model``) and sentence ranker (``ei_ranker``,
over ``candidates``) are measured only by article-grouped cross-validation (``direction_training``),
since they were trained on these prompts; this evaluation scores the rules, as the pipeline ships.

Run: ``python -m ketamine_evidence.analysis.evaluation.evidence_inference [ROOT] [--outcomes pain|all] [--json] [--show N]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ketamine_evidence.analysis.extract.direction import (
    BASELINE_ONLY, COMPARE, NON_FINDING, PLACEBO_LIKE, WITHIN, Arms, _is_between, orientation, numeric_direction, other_subject,
    raw_direction,
)
from ketamine_evidence.analysis.extract.clause_split import clauses
from ketamine_evidence.analysis.extract.paired_clauses import _paired_arms
from ketamine_evidence.analysis.extract.significance import _significance, taken_back
from ketamine_evidence.analysis.evaluation.ei_arms import (  # noqa: F401 - prompt_arms, _combination re-exported
    _ALONE, _COMBINED, _combination, prompt_arms,
)
from ketamine_evidence.analysis.extract.arm_values import change_contrast, respective_direction
from ketamine_evidence.analysis.extract.comparisons import MORE_REDUCTION
from ketamine_evidence.analysis.extract.outcomes import named_outcome_polarity
from ketamine_evidence.analysis.evaluation.ei_corpus import (  # noqa: F401 - re-exported
    DEFAULT_ROOT, LABELS, PAIN_OUTCOME, ArticleSentence, Prompt, _stems, article_path, article_sentences, blind_pmcids,
    load_prompts, score, summary_lines,
)
from ketamine_evidence.analysis.extract.text_patterns import time_mentions
from ketamine_evidence.base.errors import InputError


# Sentences about other studies (discussion), not this trial's result.
_LITERATURE = re.compile(r"\bet al\b|\bconsistent with\b|\bin line with\b|\bthe (study|studies|trial) (of|by)\b|\[\d+(?:[,\u2013-]\d+)*\]|\(\d+(?:[,\u2013-]\d+)*\)\.?$|^Table\s?\d|\b(previous|prior|other|earlier) (studies|study|trials?|reports?)\b|"
                         r"\b(specialists|authors) (claim|reported|suggest)", re.I)


def _bigrams(text: str) -> set[tuple[str, str]]:
    """Adjacent word pairs (lower case), for matching the outcome's phrase."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return set(zip(words, words[1:]))


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?", text))


@dataclass(frozen=True, slots=True)
class Answer:
    label: str
    sentence: str | None
    direction: str | None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A clause that may answer a prompt: the selection's hand-set score and the signals it sums."""

    score: float
    clause: str
    sentence: str
    qualified: bool  # a later clause takes the finding back
    signals: dict[str, float]


def answer(prompt: Prompt, sentences: list[ArticleSentence], article_text: str = "") -> Answer:
    """The label our classifier gives a prompt, with the sentence it read (the best-scored candidate)."""
    found = candidates(prompt, sentences, article_text)
    if not found and len(sentences) == 1:
        # The one sentence given (an annotator's evidence span) may name the outcome by a word the prompt does not
        # use ('The score was significantly lower ...' for 'Itchy eyes'): read it without the outcome's words, where a
        # clause states significance or names an arm (a bare 'X improved' about no arm is left unread).
        found = [c for c in candidates(prompt, sentences, article_text, require_outcome=False)
                 if c.signals["significance"] or not c.signals["no_arm"]]
    if not found:
        return Answer("no significant difference", None, None)
    return read(prompt, max(found, key=lambda c: c.score), prompt_arms(prompt, article_text))


def candidates(prompt: Prompt, sentences: list[ArticleSentence], article_text: str = "",
               require_outcome: bool = True) -> list[Candidate]:
    """Every clause with outcome words and direction wording (or per-arm numbers), scored for how well it
    answers the prompt (first maximum kept on ties, in text order)."""
    outcome = _stems(prompt.outcome)
    outcome_numbers = _numbers(prompt.outcome)  # 'VAS pain at 12, 24 and 48 hours': the time points matter
    outcome_bigrams = _bigrams(prompt.outcome)  # the outcome's own phrase, not just its words
    arms = prompt_arms(prompt, article_text)
    outcome_times = {round(d, 4) for t in time_mentions(prompt.outcome) for d in t.days}
    combination = _combination(prompt)
    out: list[Candidate] = []
    placebo_prompt = bool(PLACEBO_LIKE.search(prompt.comparator))
    for index, s in enumerate(sentences):
        overlap = len(outcome & s.stems) / max(1, len(outcome))
        if (overlap == 0 and require_outcome) or len(s.text) > 600:  # table dumps and run-on fragments
            continue
        penalty = 0.5 * bool(NON_FINDING.search(s.text) and not _significance(s.text))
        # Findings are reported in results (and conclusions); introductions, methods and discussions
        # mostly restate aims, procedures or other studies.
        penalty += 0.3 * bool(_NOT_RESULTS.search(s.section)) - 0.15 * bool(_RESULTS.search(s.section))
        parts = _paired_arms(clauses(s.text), arms)
        si, sc = arms.is_intervention(s.text), arms.is_comparator(s.text)
        before = (0.0, 0.0)  # outcome words of the clause before, for one that refers back ('they were ...')
        for k, clause in enumerate(parts):
            if BASELINE_ONLY.search(clause):
                continue  # 'comparable between groups before the intervention' / demographics
            refers_back = bool(_REFERS_BACK.match(clause))
            own = (len(outcome & _stems(clause)) / max(1, len(outcome)),
                   len(outcome_bigrams & _bigrams(clause)) / len(outcome_bigrams) if outcome_bigrams else 0.0)
            if refers_back and own == (0.0, 0.0):
                own = before
            before = own
            direction = raw_direction(clause) or numeric_direction(clause, arms) or _respective_values(clause, arms)
            if direction is None and k and _SIGNIFICANCE_OF_BEFORE.match(clause) and _significance(clause) == "sig" \
                    and raw_direction(parts[k - 1]) is None:
                # '12 (37.7%) in the control group, while only 3 (10.3%) in the yoga group, resulting in a significant
                # difference': the arms' values in the clause before, the significance in this one
                joined = f"{parts[k - 1]}, {clause}"
                direction = numeric_direction(joined, arms)
                clause = joined if direction else clause
            if direction is None:
                continue
            c_overlap = own[0]
            ci, cc = arms.is_intervention(clause), arms.is_comparator(clause)
            s_i, s_c = si, sc
            if _BETWEEN_GROUPS.search(clause):  # 'not different between both groups' names both arms
                ci = cc = s_i = s_c = True
            within = bool(WITHIN.search(clause)) and not _is_between(clause)
            # A clause set against placebo answers a prompt about an active comparator only by mistake.
            other_comparison = bool(PLACEBO_LIKE.search(clause)) and not placebo_prompt
            numbers = len(outcome_numbers & _numbers(clause)) / len(outcome_numbers) if outcome_numbers else 0.0
            phrase = own[1]
            # The prompt asks about one time point ('at 12 months'): a clause about other time points does not answer it.
            clause_times = {round(d, 4) for t in time_mentions(clause) for d in t.days}
            other_time = bool(outcome_times and clause_times and not outcome_times & clause_times)
            # Three-arm trials: a clause comparing two arms of the intervention's side, not the comparator.
            same_side = bool(_pair_of_arms(clause, arms, comparator=False))
            # 'X with Y' vs 'Y': a clause about X given alone is not about the combination.
            alone = bool(combination and _ALONE.search(clause) and not _COMBINED.search(clause))
            subgroups = bool(_SUBGROUPS.search(clause))  # 'between the classified age groups': not the arms
            signals = {"overlap": overlap, "clause_overlap": c_overlap, "phrase": phrase, "numbers": numbers,
                       "abstract": s.abstract, "significance": bool(_significance(clause)), "other_time": other_time,
                       "same_side": same_side, "alone": alone, "combined": bool(combination and _COMBINED.search(clause)),
                       "table": _table_like(clause), "subgroups": subgroups, "s_i": s_i, "s_c": s_c,
                       "no_arm": not (s_i or s_c), "ci": ci, "both": ci and cc, "penalty": penalty, "within": within,
                       "other_comparison": other_comparison, "literature": bool(_LITERATURE.search(s.text)),
                       "results": bool(_RESULTS.search(s.section)), "not_results": bool(_NOT_RESULTS.search(s.section)),
                       "non_finding": bool(NON_FINDING.search(s.text)), "index": index / max(1, len(sentences))}
            score = (2 * overlap + c_overlap + phrase + 0.4 * numbers + 0.15 * s.abstract + 0.3 * signals["significance"]
                     - 0.6 * other_time - 0.6 * same_side - 0.6 * alone + 0.3 * signals["combined"]
                     - 0.4 * signals["table"] - 0.5 * subgroups + 0.25 * s_i + 0.1 * s_c - 0.3 * signals["no_arm"]
                     + 0.2 * ci + 0.3 * (ci and cc) - penalty - 0.3 * within - 0.5 * other_comparison
                     - 0.6 * signals["literature"])
            # '..., but the difference did not reach statistical significance' takes a difference back, as in pain_effect
            withdrawn = k + 1 < len(parts) and taken_back(clause, parts[k + 1])
            out.append(Candidate(score, clause, s.text, withdrawn or _qualified(parts[k + 1:], outcome, arms, prompt),
                                 {k_: float(v) for k_, v in signals.items()}))
    return out


def read(prompt: Prompt, best: Candidate, arms: Arms) -> Answer:
    """The rules' label for the prompt from one candidate clause."""
    clause, sentence, qualified = best.clause, best.sentence, best.qualified
    # The arms' values answer where the clause has no up/down word; an up/down word, oriented to the arms, outranks
    # them as in ``arm_values.sentence_direction`` (EI-read: where they disagree the word was right in 19 of 21).
    raw = raw_direction(clause)
    direction = numeric_direction(clause, arms) if raw is None or raw in ("better", "worse") else None
    if direction is None and raw is None:
        direction = _respective_values(clause, arms)
    numeric = direction is not None
    if not numeric:
        direction = raw_direction(clause)
    both_changed = bool(WITHIN.search(clause)) and not _is_between(clause) and (
        arms.is_intervention(clause) and arms.is_comparator(clause) or _both_arms(clause, arms)
        or len(_FROM_TO.findall(clause)) >= 2  # 'decreased from 6.4 to 2.4 in A and 6.3 to 2.2 in B'
        or bool(_IN_EVERY_ARM.search(clause)))  # 'a 3.4% weight reduction in both groups': each arm's own change

    contrast = change_contrast(clause, arms) if both_changed and direction != "none" else None
    if contrast is not None:  # 'from a to b in A versus from c to d in B (P < 0.001)': the arms' changes compared
        direction, numeric, both_changed = contrast, True, False
    if direction == "none" or qualified or both_changed:
        return Answer("no significant difference", sentence, direction)
    if not numeric and orientation(clause, arms) < 0:
        direction = {"up": "down", "down": "up", "better": "worse", "worse": "better"}[direction]
    paired = _respective(clause, _stems(prompt.outcome))
    if paired and not numeric:
        direction = paired if orientation(clause, arms) > 0 else {"up": "down", "down": "up"}[paired]
    reduction = MORE_REDUCTION.search(clause)
    if direction in ("better", "worse") and reduction and re.search(r"reduc|decreas|declin|lower", reduction.group(0), re.I) \
            and named_outcome_polarity(prompt.outcome, unknown=None) is None:
        # 'a greater reduction in ER': the quantity fell more (an outcome of known polarity reads 'better' through it:
        # 'a greater reduction in pain' for 'time to rescue analgesia' is not the time falling)
        return Answer("significantly decreased" if direction == "better" else "significantly increased", sentence,
                      "down" if direction == "better" else "up")
    if direction in ("better", "worse"):
        # Polarity unknown: 'improved', 'better' read as more of it (EI-read: 47 of 63 such prompts 'increased').
        good = "down" if named_outcome_polarity(prompt.outcome) == "lower_better" else "up"  # harms: less is better
        bad = "up" if good == "down" else "down"
        direction = good if direction == "better" else bad
    return Answer("significantly increased" if direction == "up" else "significantly decreased", sentence, direction)


_PAIRED = re.compile(r"\b(?:was|were)\s(?:\w+ly\s){0,2}(?P<a>higher|lower|longer|shorter|greater|less|fewer|more)\s+and\s+"
                     r"(?P<b>higher|lower|longer|shorter|greater|less|fewer|more)\b", re.I)


def _respective_values(clause: str, arms: Arms) -> str | None:
    """'53.9, 54.2 and 35.3 mL/min for belatacept MI, belatacept LI and cyclosporine, respectively (p < 0.001)': with
    significance stated, the values in the order of the arms (``arm_values.respective_direction``, as the extractor's
    ``sentence_direction`` reads them); a larger reduction reads as a decrease of the outcome."""
    if _significance(clause) != "sig":
        return None
    return {"better": "down", "worse": "up"}.get(d, d) if (d := respective_direction(clause, arms)) else None


def _respective(clause: str, outcome: set[str]) -> str | None:
    """'Doses of morphine and the first analgesic demand were significantly lower and longer': the
    direction word in the same place as the prompt's outcome in the list of outcomes."""
    m = _PAIRED.search(clause)
    if not m:
        return None
    items = re.split(r"\s+and\s+", clause[:m.start()], maxsplit=1)
    if len(items) != 2:
        return None
    first, second = (len(outcome & _stems(item)) for item in items)
    word = m.group("a") if first > second else m.group("b") if second > first else None
    if word is None:
        return None
    return "up" if word.lower() in ("higher", "longer", "greater", "more") else "down"


_BOTH = re.compile(r"\s*both\s(?P<pair>[^,;]{1,80}?\sand\s[^,;]{1,120}?)\s(?:were|was|had|showed|significantly|decreas|increas|"
                   r"reduc|improv|declin|rose|fell)|\s*both\b", re.I)
_ARM_WORD = re.compile(r"\b(groups?|arms?|treatments?|regimens?|techniques?|methods?|procedures?|interventions?|drugs?|doses?)\b", re.I)


def _both_arms(clause: str, arms: Arms) -> bool:
    """A clause opening with 'both' about the arms ('Both groups improved', 'Both A and B reduced pain'), not one naming
    two outcomes of one arm ('Both TEF10 and 25/PT significantly decreased after albuterol': EI-read, round 14)."""
    m = _BOTH.match(clause)
    if m is None:
        return False
    pair = m.group("pair")
    if pair is None:
        return True
    return bool(_ARM_WORD.search(pair) or arms.is_comparator(pair) or PLACEBO_LIKE.search(pair)
                or (arms.is_intervention(pair) and not arms.is_intervention(clause[m.end("pair"):])))


# A clause that only states the significance of what the clause before reported: 'this difference was significant',
# 'resulting in a highly significant difference', 'which was significant'.
_SIGNIFICANCE_OF_BEFORE = re.compile(r"\W*(?:and\s|but\s)?(?:this|that|the|these|which|resulting in|with)\b[^,;]{0,40}?"
                                     r"\b(?:differen\w*|significan\w*)", re.I)
_IN_EVERY_ARM = re.compile(r"\bin (?:both|all) (?:the )?(?:[\w-]+ (?:and|or) [\w-]+ )?(?:\w+ )?(?:groups|arms)\b", re.I)
_FROM_TO = re.compile(r"\b(?:from\s)?\d+(?:\.\d+)?\s?(?:±\s?\d+(?:\.\d+)?\s?)?to\s\d+(?:\.\d+)?")
_REFERS_BACK = re.compile(r"\W*(?:however,?\s|but\s|and\s)?(they|it|these|this|both|the latter|the former)\b", re.I)
_SUBGROUPS = re.compile(r"\b(age (groups|classes|classifications|categories)|classified age|subgroups?|"
                        r"(between|among) (the )?(sexes|genders|men and women|males and females))\b", re.I)
_PAIR = re.compile(r"\bbetween (?:the )?(?P<a>[\w+-]+(?: [\w+-]+)?) and (?:the )?(?P<b>[\w+-]+(?: [\w+-]+)?) groups?\b", re.I)


def _pair_of_arms(clause: str, arms: Arms, comparator: bool) -> bool:
    """'between the TAP and ILI+IHG groups' where both are on one side (the intervention's unless ``comparator``)."""
    m = _PAIR.search(clause)
    if not m:
        return False
    side = arms.is_comparator if comparator else arms.is_intervention
    other = arms.is_intervention if comparator else arms.is_comparator
    return all(side(m.group(k)) and not other(m.group(k)) for k in ("a", "b"))


def _table_like(text: str) -> bool:
    """A table row rather than a sentence: mostly numbers."""
    tokens = text.split()
    return len(tokens) > 8 and sum(bool(re.match(r"[\d.(±–-]", t)) for t in tokens) > 0.4 * len(tokens)


_RESULTS = re.compile(r"RESULT|FINDING|CONCLU|OUTCOME", re.I)
_NOT_RESULTS = re.compile(r"INTRODUCTION|BACKGROUND|METHOD|DESIGN|PATIENTS|PARTICIPANTS|DISCUSSION|LIMITATION", re.I)
_BETWEEN_GROUPS = re.compile(r"\b(between|among) (the )?(two |both |three |all )?(groups|arms)\b", re.I)


def _qualified(later: list[str], outcome: set[str], arms: Arms, prompt: Prompt) -> bool:
    """A later clause takes the finding back: '..., but there was no significant difference between the
    groups' (no outcome words of its own, no arm or both arms named), or '..., but not with <the
    intervention>' (its dose, where the prompt gives one)."""
    numbers = _numbers(prompt.intervention) - _numbers(prompt.comparator)
    for clause in later:
        own_outcome = bool(outcome & _stems(clause))
        ci, cc = arms.is_intervention(clause), arms.is_comparator(clause)
        if raw_direction(clause) == "none" and not own_outcome and ci == cc and not other_subject(clause, arms):
            return True
        other_reference = (lambda m: bool(m) and not arms.is_comparator(clause[m.end():]))(COMPARE.search(clause))
        if re.match(r"\s*not\b", clause, re.I) and ci and (not numbers or numbers & _numbers(clause)) and not other_reference:
            return True  # '..., but not with meloxicam 60 mg' (not '..., but not more effective than EA alone')
    return False


def evaluate_evidence_inference(root: Path = DEFAULT_ROOT, limit: int | None = None,
                                outcomes: str = "pain") -> dict[str, Any]:
    """Accuracy, macro-F1 and per-label P/R/F1 of the direction classifier on the prompts whose article
    text is in ``root/articles`` (``PMC<id>.txt``, else ``PMC<id>.nxml``; ``outcomes``: 'pain' or 'all', see ``ei_corpus.load_prompts``)."""
    root = Path(root)
    missing = [name for name in ("prompts_merged.csv", "v2_annotations.csv", "articles") if not (root / name).exists()]
    if missing:
        raise InputError(f"{root} is not an Evidence Inference directory (no {', '.join(missing)})")
    if outcomes not in ("pain", "all"):
        raise InputError(f"--outcomes must be 'pain' or 'all', not {outcomes!r}")
    prompts = load_prompts(root, outcomes, article_dirs=[root / "articles"])  # .txt, else JATS .nxml
    if limit is not None:
        prompts = prompts[:limit]
    cache: dict[str, tuple[list[ArticleSentence], str]] = {}
    rows = []
    for p in prompts:
        if p.pmcid not in cache:
            sentences = article_sentences(article_path(p.pmcid, [root / "articles"]))  # type: ignore[arg-type]
            cache[p.pmcid] = (sentences, " ".join(s.text for s in sentences if s.abstract))
        a = answer(p, *cache[p.pmcid])
        rows.append({"prompt_id": p.prompt_id, "pmcid": p.pmcid, "outcome": p.outcome,
                     "intervention": p.intervention, "comparator": p.comparator,
                     "gold": p.label, "predicted": a.label, "sentence": a.sentence})
    return {"n": len(rows), "outcomes": outcomes, **score(rows), "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ketamine_evidence.analysis.evaluation.evidence_inference",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT, help="the evidence_inference directory")
    parser.add_argument("--outcomes", choices=("pain", "all"), default="pain", help="which prompts to score")
    parser.add_argument("--json", action="store_true", help="print the scores (and rows) as JSON")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N wrong answers with their sentence")
    args = parser.parse_args(argv)
    try:
        result = evaluate_evidence_inference(args.root, outcomes=args.outcomes)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return InputError.exit_code
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    blind = blind_pmcids()  # the pool's blind articles are never read
    wrong = [r for r in result["rows"] if r["gold"] != r["predicted"] and r["pmcid"] not in blind][:args.show]
    for r in wrong:
        print(f"[{r['prompt_id']}] {r['outcome']!r} | {r['intervention']!r} vs {r['comparator']!r}\n"
              f"   gold {r['gold']} / predicted {r['predicted']}\n   {r['sentence']}")
    print("\n".join(summary_lines(result)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
