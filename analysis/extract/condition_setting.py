"""The text that ``conditions`` reads acute-setting words from (guideline ``postoperative_acute``: acute pain in a
surgical, procedural, trauma or emergency setting). Two kinds of words name no such setting:

- ``treatment``: the treatment under study itself. In 'ultrasound-guided suprascapular nerve block in chronic
  shoulder pain' or 'topical anaesthetic gel for painful oral sites' the block and the anaesthetic are what is
  tested, not a procedure the pain follows. Only the treatment's own name is blanked, not the setting its name goes on
  to ('local hyaluronic acid after third molar extraction' keeps the extraction); a trial whose treatment is itself an
  operation keeps its name (rules s, af).
- ``therapy``: 'undergoing' a medical therapy rather than an operation or procedure ('patients undergoing
  chemotherapy', 'undergoing haemodialysis', 'undergoing rehabilitation'): the pain of cancer or of a chronic
  condition in such patients is not acute pain after a procedure.

Selected by ``KE_COND_SETTING`` (``treatment``, ``therapy``, ``both``; default ``old``: the rules as before) while the
check set judges it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ketamine_evidence.analysis.extract.reader_options import choice


_READINGS = ("treatment", "therapy")


def modes() -> frozenset[str]:
    """Which of the readings above are used (``KE_COND_SETTING``: one of them, ``all``, or ``old`` for none)."""
    chosen = choice("KE_COND_SETTING", ("old", "all", *_READINGS), "old")
    return frozenset(_READINGS) if chosen == "all" else frozenset() if chosen == "old" else frozenset({chosen})


# Where a treatment's name goes on to its setting, base or comparator: the treatment is what comes before.
_NAME_CONTEXT = re.compile(r"\((?:vs\.?|versus)\b[^()]*\)|\s(?:for|after|before|during|following|prior to|in|under|"
                           r"added to|in addition to|alongside|versus|vs\.?)\s.*$", re.I)
# Setting words that may name an analgesic or anaesthetic technique, and so the treatment under study itself.
_TECHNIQUE = re.compile(r"\b(?:nerve blocks?|an(?:a)?esthe\w*|procedur\w*|injections?|infiltrations?|catheter\w*)\b", re.I)


@lru_cache(maxsize=256)
def _technique_words(name: str) -> re.Pattern[str] | None:
    """The technique words of the treatment's own name ('nerve block' in 'ultrasound-guided suprascapular nerve block
    (bupivacaine ...)'), as one pattern; None when its name has none."""
    words = {m.group(0).lower() for m in _TECHNIQUE.finditer(_NAME_CONTEXT.sub(" ", name))}
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words)) + r")\b", re.I)


# 'undergoing' followed, within its phrase, by a medical therapy rather than an operation or a procedure.
_THERAPY_UNDERGONE = re.compile(r"\bundergo(?:ing|es|ne)?\b(?=(?:\s+[\w\-/]+){0,3}?\s+(?:chemo\w*|radio\w*|radiation|"
                                r"(?:haemo|hemo|peritoneal\s)?dialysis|treatments?|therap(?:y|ies)|rehabilitation|"
                                r"physiotherapy|(?:mechanical\s)?ventilation|transfusions?|hormon\w+)\b)", re.I)


def setting_text(text: str, treatment: str, operation: bool) -> str:
    """``text`` with the words that name no acute setting blanked (same length, so offsets still hold):
    ``treatment`` is the intervention's name, ``operation`` whether that treatment is itself an operation."""
    chosen = modes()
    if "treatment" in chosen and not operation:
        own = _technique_words(treatment)
        if own is not None:
            text = own.sub(lambda m: " " * len(m.group(0)), text)
    if "therapy" in chosen:
        text = _THERAPY_UNDERGONE.sub(lambda m: " " * len(m.group(0)), text)
    return text


def enabled() -> bool:
    """Whether any reading above is asked."""
    return bool(modes())


def operation_enabled() -> bool:
    """Whether the broader reading of an operation under study is used (``KE_COND_OPERATION=new``; default ``old``)."""
    return choice("KE_COND_OPERATION", ("old", "new"), "old") == "new"


# An operation or an implanted device named by the general vocabulary of surgery (the operations and implants of
# ``lexicons/treatment_kinds.toml``): a fusion, repair, release, replacement, fixation, decompression, an implanted
# spacer or prosthesis. Rule s: when the trial's own operation treats a painful condition and pain is measured after
# it, the record holds the condition and ``postoperative_acute``.
OPERATION_WORDS = re.compile(r"\b(?:fusion|arthrodesis|repairs?|(?<!-)release|reconstruction|replacement|fixation|"
                             r"osteosynthesis|decompression|spacers?|implant(?:s|ation)?|prosthes[ie]s|arthroscop\w*|"
                             r"\w+ectomy|\w+otomy|\w+plasty|\w+pexy|\w+rrhaphy|\w*lithotripsy|excision|resection|"
                             r"restorations?|fillings?)\b", re.I)
