"""The wordings a count of people is read from (``participants``): counts with their nouns ('120 patients'),
'n = 40', 'were randomised' subjects, 'k groups of n', coordinated counts ('51 male and 31 female patients'), and
the words that rank a count (randomised > enrolled > analysed) or rule one out (ages, time points, drop-outs,
people not entered). Kept apart from the reading itself so that the learned ranker (``count_ranker``) and the
rules share one set of patterns.
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.study_text import Gated
from ketamine_evidence.analysis.extract.text_patterns import NUM, NUMBER_WORDS

_PEOPLE = (r"(?:patients|participants|subjects|volunteers|individuals|persons|people|adults|children|"
           r"infants|neonates|adolescents|girls|boys|pupils|couples|dyads|families|women|men|males|females|"
           r"mothers|parturients|outpatients|inpatients|"
           r"cases|controls|smokers|veterans|athletes|students|workers|employees|residents|nurses|"
           r"respondents|users|sufferers|migraineurs|migrainous|recipients|candidates|completers|partners|spouses|"
           r"fathers|parents|caregivers|carers|professionals|clinicians|physicians|dentists|midwives|surgeons|"
           r"patient|participant|subject|volunteer|child|adult)")
_UNITS = r"(?:years?|yrs?|months?|weeks?|days?|hours?|h|min|mg|kg|g|ml|mm|cm|%|percent)\b"
# Additions rule x: treated units are not people ('two premolars ... were randomly assigned', 'n=8 lower human premolars').
_UNIT_NOUNS = (r"(?:teeth|tooth|(?:pre)?molars?|incisors|canines|extractions|sockets|quadrants|implants|sites|feet|foot|"
               r"eyes|knees|hips|joints|limbs|wounds|lesions|specimens|samples|blocks)\b")
# Count + up to five modifier words + a people noun: '80 adult male patients', '15 healthy, male,
# right-handed volunteers', 'One hundred and fifty-five migraine patients'; a modifier is never another
# number ('July 15, 2016, we identified 648 eligible patients' counts 648).
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|"
                r"sixty|seventy|eighty|ninety|hundred)")
# 'Hundred and twenty' and 'A hundred and twenty' (read from 'hundred') are 120, not 20; 'One-hundred eleven' is 111,
# and so is a count hyphenated throughout ('One-hundred-forty-four' 144, as ``count_value`` reads it).
_BIG_NUM = rf"(?:(?:{NUM})[\s-]+hundred(?:\s+and)?[\s-]+{NUM}|{NUM}\s+hundred|hundred(?:\s+and)?[\s-]+{NUM}|{NUM})"
# The leading look-ahead (a digit or a number word's first letter) lets ``re`` skip other positions fast; the second
# (a digit or a number word's first four letters) turns away 'the', 'for', 'surgery' before the number alternatives.
_NUM_START = r"(?=[0-9otfsenhzOTFSENHZ])(?=[0-9]|" + "|".join(sorted(
    p for p in {w[:4] for w in NUMBER_WORDS} if not any(p != q and p.startswith(q) for q in NUMBER_WORDS))) + ")"
COUNT = re.compile(
    rf"{_NUM_START}(?<![\w.,/\u00b7-])(?P<n>{_BIG_NUM})(?![\w.%/\u00b7])"
    rf"(?!\s*(?:%|per ?cent|years?|yrs?|months?|weeks?|"
    rf"days?|hours?|h\b|min|mg|µg|mcg|ml|kg|g\b|mm|cm|sessions?|times|visits|groups|arms|points?|items?|"
    rf"trials|studies|articles|RCTs|of the\b|out of))"
    rf"(?P<mods>(?:[\s,]+(?:[a-z]+-\s+(?:and|or)\s+[a-z]+-[a-z]+|"  # 'age- and sex-matched' is one modifier
    rf"(?!(?:were|was|and|or|of(?!\s+their\b)|in|to|who|with|had|from|at|for)\b)(?!\d+\b(?![\-\u2013]))[\w\-\u2013\u2019'/()]+)){{0,5}}?)"
    rf"\s+(?P<noun>{_PEOPLE})\b",
    re.I,
)
# 'n = 60', 'N=100', '(n = 254)'.
# The number of an 'n =', with thousands separators ('N=23,066').
_N_DIGITS = r"(?P<n>\d{1,3}(?:,\d{3})+(?!\d)|\d{1,6})(?!\d|\.\d)"
N_EQUALS = re.compile(rf"(?<![\w])[nN]\s?[=:]\s?{_N_DIGITS}")


def n_value(m: re.Match[str]) -> int:
    """The count of an ``N_EQUALS`` match, its thousands separators read ('N=23,066' is 23066, not 23)."""
    return int(m.group("n").replace(",", ""))
# '442 were randomised', '44 migrainous (from 4-15 years of age) were equally allocated', '22 whose thoraxes opened no
# more than 5 cm ... were recruited'.
SUBJECT = re.compile(rf"{_NUM_START}(?<![\w.,/\u2013\u2264\u2265<>=\u00b1-])(?<![\u2264\u2265<>=\u00b1] )(?P<n>{_BIG_NUM})(?:\s+(?!{_UNITS}|{_UNIT_NOUNS})\w+)?"
                     rf"(?:\s*\([^()]*\))?(?:,?\s+(?:who|whose)\s[^.;:]{{0,160}}?)?\s+(?:(?:were|was)\s+"
                     r"(?:\w+\s+)?(?:randomi[sz]ed|randomly|allocated|assigned|enrolled|included|recruited)|"
                     r"entered (?:the )?(?:randomi[sz]ation|study|trial))", re.I)
# A people noun with its count in brackets: 'Patients (n = 783)'.
_NOUN_N = re.compile(rf"\b{_PEOPLE}\s?\(\s?[nN]\s?[=:]\s?{_N_DIGITS}", re.I)
# 'two groups of 30', '3 arms and 38 subjects per arm', 'three groups (25 each)'.
GROUPS_OF = re.compile(rf"(?P<k>{NUM})\s+(?:equal\s+)?(?:groups|arms)\s+(?:of|with|each of|comprising)\s+"
                       rf"(?P<n>{NUM})(?:\s+(?:patients|participants|subjects|each))?", re.I)
PER_ARM = re.compile(rf"(?P<k>{NUM})\s+(?:groups|arms)\s+(?:and|with|of)\s+(?P<n>{NUM})\s+\w+\s+(?:per|in each|each)"
                     r"\s+(?:group|arm)", re.I)
_PEOPLE_WORDS = frozenset(re.findall(r"[a-z]+", _PEOPLE.lower()))
COUNT = Gated(COUNT, (), _PEOPLE_WORDS)
SUBJECT = Gated(SUBJECT, ("randomi", "randomly", "allocated", "assigned", "enrolled", "included", "recruited", "entered"))
GROUPS_OF = Gated(GROUPS_OF, ("groups", "arms"))
PER_ARM = Gated(PER_ARM, ("groups", "arms"))
# A part of a group: '5 of the 30 patients', '9 (30%) out of the 30 patients', 'of whom 50 cases'.
PART_OF = re.compile(rf"(?:(?<![\w.,])(?:\d+|{_NUMBER_WORD})\s*(?:\([^()]*\)\s*)?(?:of|out of)\s+"
                     rf"(?:the|these|all|our)?\s*|"
                     r"\b(?:of|out of)\s+(?:whom|which)\s*)$", re.I)

RANDOMISED = re.compile(r"\brandomi[sz]\w*|\brandomly\b|\ballocated\b|\bassigned\b|\bRCT\b", re.I)
ENROLLED = re.compile(r"\b(?:enrolled|enrol\w*|recruited|included|participated|studied|selected|consecutive|"
                      r"comprised|entered|took part|were treated|received|underwent|undergoing|scheduled|"
                      r"a total of|total(?:ly)?|consisted|involving|involved|in \d+|sample|"
                      r"(?:conducted|carried out|performed) on)\b", re.I)
ANALYSED = re.compile(r"\b(?:analy[sz]ed|completed|evaluated|assessed|followed)\b", re.I)
_AGE = re.compile(r"\b(?:aged?|years? old|year-old|age group|mean age)\s*$", re.I)
# A number after a time word is a time point, not a count ('at week 256 versus patients not achieving MDA').
_TIME_POINT = re.compile(r"(?<!\d )\b(?:week|day|month|year|visit|hour|cycle)\s+$", re.I)
_ARM_SEPARATORS = re.compile(r"\b(?:compared with|compared to|versus|vs\.?|while|whereas|along with|together with|as well as|"
                             r"and (?:another|a further|an additional|a second))\b", re.I)
# Two groups joined by 'and' in one noun phrase, with no verb between them ('Fifty-one individuals with self-reported
# electrosensitivity and 132 controls participated'); a verb makes the second another step
# ('80 were randomised and 75 completed').
_AND_GROUPS = re.compile(r"^[^;:]{0,90}?\band\s*$", re.I)
_VERB = re.compile(r"\b(?:were|was|are|is|had|have|has|completed|received|underwent|finished|remained|continued|"
                   r"participated|entered|included|enrolled|randomi[sz]ed)\b", re.I)
# Counts before one people noun: '51 male and 31 female patients', '712 and 267 subjects from studies one and two'.
COORDINATED = re.compile(rf"(?<![\w.,/-])(?P<a>\d[\d,]*)\s+(?:[a-z\-]+\s+)?and\s+(?P<b>\d[\d,]*)\s+"
                         rf"(?:[a-z\-]+\s+){{0,2}}?{_PEOPLE}\b", re.I)
_DROPOUT = re.compile(r"\b(?:excluded|dropped|withdr[ae]w\w*|lost|discontinued|declined|refused)\b", re.I)
# Counts of people who were only screened or eligible, not entered: '884 persons were eligible'.
_NOT_ENTERED = re.compile(r"\s+(?:(?:were|was)\s+(?:\w+\s+)?)?(?:eligible|screened|assessed for eligibility|approached|"
                          r"invited|contacted|identified|excluded)\b", re.I)


# 'Randomisation' as a time anchor ('between the randomisation and 15 minutes after', '12 months after randomization',
# 'One hour after the randomisation, 35 of 203 (17%) fetuses')
# dates an outcome; it does not say the counts of the sentence were randomised.
_AT_RANDOMISATION = re.compile(r"\b(?:after|before|since|following|until|post|at|between)(?: the)?\s+$", re.I)
