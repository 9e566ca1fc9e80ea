"""Rewrites that add a sentence about *someone else's* randomisation, which must not change the gold ``design``
(metamorphic invariance). They are applied only where the gold design is not ``rct`` (``GOLD_GATES``): there a
random word the rules misread as this study's allocation turns the design into ``rct``.

Why each keeps the gold answer (the guideline classes the design of the study reported, not of the studies it cites or
of how it picked records, sites or a subsample):

- ``other_trials_background``: one background sentence about other studies' randomised trials ('Previous randomised
  trials of this approach have reported conflicting results.') opens the abstract's first part. Other trials' design
  is no design of this study.
- ``future_trial_call``: one closing sentence that calls for, or prepares, a randomised trial of the future ('These
  findings will inform the design of a randomised controlled trial.') ends the abstract. A trial still to be done is no
  design of this study (round 11, ``design_whose`` rule 3).
- ``random_sampling``: one sentence about random *sampling* of records, data or sites ('A random sample of the records
  was checked by a second reviewer.') closes the methods part (or follows the abstract's first sentence where there is
  no methods part). Picking what to look at by chance allocates no treatment.

The sentences are fixed templates written for this measure (no record's text); one template per record, chosen from
its title's checksum so a run is reproducible and every template is used.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import replace
from typing import Any, Callable

from ketamine_evidence.analysis.records import Article, Section

OTHER_TRIALS_SENTENCES: tuple[str, ...] = (
    "Previous randomised trials of this approach have reported conflicting results.",
    "Randomized controlled trials have shown benefit in selected populations, but their results may not apply to "
    "routine practice.",
    "Most of the evidence on this question comes from RCTs with short follow-up.",
    "Few randomized clinical trials have addressed this question.",
)
RANDOM_SAMPLING_SENTENCES: tuple[str, ...] = (
    "A random sample of the records was checked by a second reviewer.",
    "A randomly chosen subset of the data was entered twice to check for errors.",
    "Study sites were randomly selected from a national register of hospitals.",
)

FUTURE_TRIAL_SENTENCES: tuple[str, ...] = (
    "These findings will inform the design of a randomised controlled trial.",
    "This hypothesis deserves testing in a randomized trial.",
    "Confirmation in an adequately powered randomized controlled trial is necessary.",
    "Our results support a randomized controlled trial of this approach.",
)


def _template(article: Article, templates: tuple[str, ...]) -> str:
    """One of ``templates``, fixed per record by its title's checksum."""
    return templates[zlib.crc32((article.title or "").encode("utf-8")) % len(templates)]


def _with_part(article: Article, index: int, text: str) -> Article:
    sections = list(article.abstract)
    sections[index] = Section(sections[index].label, sections[index].category, text)
    return replace(article, abstract=sections)


def other_trials_background(article: Article) -> Article | None:
    """A sentence about other studies' randomised trials before the abstract's first part; None without an abstract."""
    if not article.abstract or not article.abstract[0].text.strip():
        return None
    first = article.abstract[0].text.lstrip()
    return _with_part(article, 0, f"{_template(article, OTHER_TRIALS_SENTENCES)} {first}")


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]%][.!?]) (?=[A-Z])")


def random_sampling(article: Article) -> Article | None:
    """A sentence about random sampling at the end of the methods part, or after the first sentence of an abstract
    without one; None without an abstract."""
    if not article.abstract or not any(s.text.strip() for s in article.abstract):
        return None
    sentence = _template(article, RANDOM_SAMPLING_SENTENCES)
    for i, section in enumerate(article.abstract):
        if section.category == "METHODS" and section.text.strip():
            text = section.text.rstrip()
            return _with_part(article, i, f"{text}{'' if text.endswith(('.', '!', '?')) else '.'} {sentence}")
    i = next(i for i, s in enumerate(article.abstract) if s.text.strip())
    text = article.abstract[i].text.strip()
    end = _SENTENCE_END.search(text)
    if end is None:
        return _with_part(article, i, f"{text}{'' if text.endswith(('.', '!', '?')) else '.'} {sentence}")
    return _with_part(article, i, f"{text[:end.start()]} {sentence} {text[end.end():]}")


def future_trial_call(article: Article) -> Article | None:
    """A sentence calling for a future randomised trial at the end of the abstract's last part; None without one."""
    if not article.abstract or not article.abstract[-1].text.strip():
        return None
    text = article.abstract[-1].text.rstrip()
    ending = "" if text.endswith((".", "!", "?")) else "."
    return _with_part(article, len(article.abstract) - 1, f"{text}{ending} {_template(article, FUTURE_TRIAL_SENTENCES)}")


def _not_rct(record: dict[str, Any]) -> bool:
    return bool(record.get("design")) and record.get("design") != "rct"


DESIGN_REWRITES: dict[str, Callable[[Article], Article | None]] = {
    "other_trials_background": other_trials_background, "random_sampling": random_sampling,
    "future_trial_call": future_trial_call,
}
# rewrite -> which gold records it applies to (records outside the gate count as not applied)
GOLD_GATES: dict[str, Callable[[dict[str, Any]], bool]] = {
    "other_trials_background": _not_rct, "random_sampling": _not_rct, "future_trial_call": _not_rct,
}
