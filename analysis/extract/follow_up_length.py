"""The follow-up as the subject of a stated length: 'The follow-up period was one year', 'Mean follow-up was 24
months', 'followed up for a median interval of 12 months', 'a follow-up period of 50 ± 62 months'.

A time read as a measured duration ('was 12 months', 'a mean of 14 months', '50 ± 62 months') is no time point
(``timepoints.is_measured``): 'the duration of analgesia was 320 min' says how long something lasted, not when
patients were seen. Where what lasted is the follow-up itself, that length is the study's follow-up (guideline:
'the longest follow-up after treatment stated'), mean, median, minimum or range alike. The follow-up is the
subject only where no preposition makes it a moment ('pain at follow-up was ...', 'time to follow-up').
"""

from __future__ import annotations

import re

STATED = "stated_follow_up"  # ``TimeMention.kind`` of a time this module reads as the follow-up's stated length

# The follow-up named as what lasted, then what joins it to its length, ending right before the time.
_STATED = re.compile(
    r"(?P<head>(?:\b(?:[Tt]he|[Aa]n?|[Mm]ean|[Mm]edian|[Aa]verage|[Mm]inimum|[Mm]aximum|[Oo]verall|[Tt]otal|[Cc]linical)\s)*)"
    r"\b(?:(?:post-?(?:operative|treatment|intervention)|clinical|study)\s)?follow[- ]?up"
    r"(?:\s(?:period|time|duration|interval|length))?"
    r"\s(?P<link>was|were|is|lasted|lasting|averaged|ranged(?:\sfrom)?|of|extended\sto|reached)"
    r"(?:\s(?:a|an|the))?(?:\s(?:mean|median|average|minimum|maximum)(?:\s(?:duration|period|interval|time))?(?:\s(?:of|was))?)?"
    r"(?:\s(?:at\sleast|up\sto|over|more\sthan|approximately|about|nearly))?\s?$"
    r"|\bfollowed(?:\sup)?\s(?:for|over)\s(?:a\s|an\s)?(?:(?:mean|median|average|minimum|maximum)\s"
    r"(?:(?:duration|period|interval|time)\s)?(?:of\s)?|at\sleast\s|up\sto\s)?$", re.I)
# A preposition right before the follow-up makes it a moment or an event: 'pain at follow-up was', 'loss to follow-up'.
_MOMENT_BEFORE = re.compile(r"\b(?:at|during|before|until|till|to|in|on|by|from|since|between|throughout)\s$", re.I)
_WINDOW = 90


def stated_length(text: str, start: int) -> bool:
    """The time that begins at ``text[start]`` is the length the text states for its follow-up."""
    if "ollow" not in text:
        return False  # every match names the follow-up
    lead = text[max(0, start - _WINDOW):start]
    m = _STATED.search(lead)
    if m is None:
        return False
    # 'of' or 'lasting' joins a length to its follow-up wherever it stands ('during a follow-up period of 50 months');
    # a verb does so only where the follow-up is the sentence's subject, not a moment ('pain at follow-up was 3.2')
    return m.group("link") in ("of", "lasting") or not _MOMENT_BEFORE.search(lead[:m.start()])

