"""Which pain a trial studies (guideline ``conditions``): setting words that are not this trial's setting, and people
with cancer.

An acute-setting word ('surgery', 'procedure', 'undergoing', 'fracture') makes the studied pain acute
(``postoperative_acute``) only where it names what the participants go through in this trial. It names something
else where it is:

- negated or the alternative to the treatment ('non-surgical periodontal therapy', 'to avoid surgery', 'on the
  waiting list for knee replacement');
- the participants' history ('previous spinal surgery', 'a history of fracture', 'failed back surgery');
- an eligibility criterion ('Main exclusion criteria are ... other painful injuries');
- a course of treatment that is no operation or procedure ('undergoing chemotherapy', 'undergoing haemodialysis');
- a drug named by its class ('a local anaesthetic').

``setting_text`` blanks those phrases (same length, so offsets stay valid) before the acute lexicon reads a sentence.

Pain studied in people with cancer, with no site or cause of its own, is cancer pain (dev: 'cancer cachexia',
'stage IV breast cancer', 'palliative cancer patients'). The malignancy may be named by any of its words
('carcinoma', 'lymphoma', 'myeloma', 'neoplasm'), the people as 'cancer patients' or 'women receiving chemotherapy'
as well as 'patients with cancer'; and a setting word elsewhere in such an abstract (a pathological fracture, the
operation that removed the tumour) is not the setting of their pain unless a pain sentence names it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ketamine_evidence.analysis.extract.article_cache import per_article

if TYPE_CHECKING:
    from ketamine_evidence.analysis.parse.sentences import Sentence

_OPERATION = (r"(?:surg\w+|operations?|operative\w*|\w+ectom(?:y|ies)|\w+otom(?:y|ies)|\w+plast(?:y|ies)|\w+desis|"
              r"arthroplast\w*|arthroscop\w*|procedures?|(?:joint |knee |hip )?replacements?|resections?|amputations?)")
_EVENT = rf"(?:{_OPERATION}|fractures?|injur(?:y|ies)|trauma\w*|dislocations?)"
# A setting negated or offered as the alternative: 'non-surgical', 'nonoperative', 'without surgery', 'to avoid
# surgery', 'on the waiting list for total knee replacement', 'instead of an operation' (not 'with or without X', an arm).
_NOT_DONE = (rf"\bnon-?(?:surgical\w*|operative\w*|invasive(?: procedures?)?)\b|"
             rf"\b(?:(?<!with or )without|avoid\w*|instead of|alternatives? to|rather than|waiting list for|"
             rf"(?:on|from) (?:a |the )?waiting lists? for|deferr\w+|postpon\w+|refus\w+)\s+"
             rf"(?:[\w-]+\s+){{0,3}}?{_OPERATION}\b")
# The participants' history: 'previous spine surgery', 'prior abdominal operations', 'history of hip fracture',
# 'failed back surgery', 'surgery more than 6 months before'. Not 'prior to surgery' (a premedication's timing), nor
# 'past' ('bodily pain at 3 months past surgery' is after the trial's operation).
_HISTORY = (rf"\b(?:previous(?:ly)?|prior(?!\s+to\b)|history of|earlier|former|failed)\s+(?:[\w-]+\s+){{0,3}}?{_EVENT}\b|"
            rf"\b{_EVENT}\s+(?:[\w-]+\s+){{0,2}}?(?:more|at least|over|within)\s+(?:the (?:last|past) )?(?:\d+|one|two|three|six|"
            rf"twelve)\s+(?:months?|years?)\s+(?:ago|before|earlier|prior)\b")
# A course of treatment the participants undergo that is no operation or procedure: only 'undergoing' is blanked.
_COURSE = (r"\bundergo\w*(?=\s+(?:[\w-]+\s+){0,3}?(?:\w*therap(?:y|ies)|chemo\w*|radiation|\w*dialysis|rehabilitation|"
           r"training|programm?e?s?|courses?|treatments?|screening|evaluation)\b)")
# A drug named by its class, not a setting: 'a local anaesthetic', 'topical anesthetics' (the same drugs relieve the pain
# of a sore throat, a mouth ulcer or a shingles rash; the setting is the operation or procedure they are given for).
_DRUG_CLASS = r"\b(?:local|topical)\s+an(?:a)?esthetics?\b"
NOT_SETTING = re.compile(f"{_NOT_DONE}|{_HISTORY}|{_COURSE}|{_DRUG_CLASS}", re.I)
# A clause that states who was not eligible ('Main exclusion criteria are habitual opioid use, ..., other painful
# injuries'; 'Complicated or emergent cases were excluded'): its setting words are criteria, not this trial's setting.
ELIGIBILITY = re.compile(r"\b(?:exclusion criteria|excluded|exclusions? (?:was|were)|ineligible|not eligible|"
                         r"contraindicat\w+)\b", re.I)
# A clause ends at a semicolon, or at a conjunction whose verb is the exclusion ('We included 30 women undergoing ...
# and excluded patients with ...': the inclusion before it names the trial's setting).
_CLAUSE = re.compile(r"(?:[^;](?!,?\s+(?:and|but|while|whereas)\s+(?:excluded|excluding)\b))+[^;]?|"
                     r",?\s+(?:and|but|while|whereas)\s+(?:excluded|excluding)\b[^;]*", re.I)


@per_article  # read once per sentence: ``setting_text`` and ``cancer_text`` both start from it
def _without_eligibility(text: str) -> str:
    """``text`` with every clause of eligibility criteria (up to a semicolon) blanked whole (same length)."""
    if not ELIGIBILITY.search(text):
        return text
    return _CLAUSE.sub(lambda m: " " * len(m[0]) if ELIGIBILITY.search(m[0]) else m[0], text)


def setting_text(text: str) -> str:
    """``text`` with the setting words that name no setting of this trial blanked (same length); a clause of
    eligibility criteria (up to a semicolon) is blanked whole."""
    return NOT_SETTING.sub(lambda m: " " * len(m[0]), _without_eligibility(text))


# Malignancy named by any of its words; not 'tumour necrosis factor' (a cytokine) nor 'benign tumour'.
CANCER = re.compile(r"\b(?:cancers?|malignan\w+|cachexia|metasta\w+|oncolog\w+|palliative|carcinoma\w*|neoplas\w+|"
                    r"(?<!benign )tumou?rs?(?![\s-]+necrosis)|lymphoma\w*|leuka?emi\w*|myeloma\w*|sarcoma\w*|melanoma\w*|"
                    r"mesothelioma\w*|glioma\w*|\w+blastoma\w*|hospice)\b", re.I)
# People named by their cancer before the noun ('cancer patients', 'oncology outpatients', 'breast cancer survivors')
# or by its treatment ('women receiving chemotherapy').
CANCER_PEOPLE = re.compile(r"\b(?:cancers?|oncolog\w+|tumou?r|carcinoma|palliative(?: care)?|hospice|metasta\w+)\s+"
                           r"(?:[\w-]+\s+)?(?:patients|survivors|outpatients|inpatients|sufferers|populations?|women|men|"
                           r"adults|children)\b|"
                           r"\b(?:patients|participants|women|men|adults|children|people)\s+(?:\w+\s+){0,2}?(?:receiving|"
                           r"undergoing|treated with|on)\s+(?:[\w-]+\s+){0,2}?(?:chemo\w*|radio\w*|anti-?cancer)", re.I)
# Pain with no site of its own: 'pain' after a conjunction, a preposition or a severity ('assessed ... for appetite,
# energy, mood and pain'; 'a significant difference in energy and pain'), or rated as cancer pain is ('worst pain',
# 'breakthrough pain', 'bone pain' of metastases). 'oral pain' of mucositis in carcinoma patients is the mucositis's.
_BARE_PAIN = re.compile(r"(?:^|\b(?:and|or|of|for|in|on|the|their|chronic|cancer|severe|moderate|mild|overall)\s+|,\s*)"
                        r"pain\b(?!\s+(?:at|on|during|after)\b)|"
                        r"\b(?:worst|average|least|current|breakthrough|bone|daily|total)\s+pain\b", re.I)
# Setting words that, in people with cancer, name an event of the disease or of its care rather than an operation or
# a procedure whose pain is studied: a pathological fracture, a nerve or radiation injury, an emergency admission, a
# course of treatment undergone, an anaesthetic drug.
DISEASE_EVENT = re.compile(r"\b(?:fractur\w*|injur(?:y|ies)|trauma\w*|dislocations?|emergenc\w*|icu|undergo\w*|"
                           r"an(?:a)?esthe\w+|myalgia|burns?)\b", re.I)


_MALIGNANCY = (r"(?:cancers?|malignan\w+|neoplas\w+|tumou?rs?|carcinoma\w*|lymphoma\w*|leuka?emi\w*|myeloma\w*|"
               r"sarcoma\w*|melanoma\w*|metasta\w+)")
# A malignancy the participants do not have: 'non-cancer pain', 'without cancer', 'cancer-free', 'no history of malignancy',
# 'other than cancer'.
NOT_CANCER = re.compile(rf"\b(?:non-?|without\s+|no\s+|free\s+of\s+|other\s+than\s+|except\s+|excluding\s+)"
                        rf"(?:(?:[\w-]+\s+){{0,3}}?){_MALIGNANCY}\b|\b{_MALIGNANCY}[- ]free\b", re.I)


def cancer_text(text: str) -> str:
    """``text`` with the malignancy words that name no cancer of the participants blanked (same length): a clause of
    eligibility criteria ('Patients with a history of cancer were excluded') and a negated malignancy ('non-cancer
    pain', 'without cancer')."""
    return NOT_CANCER.sub(lambda m: " " * len(m[0]), _without_eligibility(text))


def cancer_people(text: str) -> bool:
    """``text`` names people by their cancer or its treatment ('cancer patients', 'women receiving chemotherapy')."""
    return bool(CANCER_PEOPLE.search(text))


def with_cancer(sentences: list["Sentence"], population: "re.Pattern[str]") -> bool:
    """The participants are people with cancer: the title, or a sentence that names who they are (``population``:
    'patients with ...'; or ``cancer_people``), names a malignancy outside an exclusion and not negated."""
    return any(CANCER.search(text) and (s.section == "TITLE" or population.search(text) or cancer_people(text))
               for s, text in ((s, cancer_text(s.text)) for s in sentences))


def cancer_pain(pain_sentences: list["Sentence"], people_with_cancer: bool) -> bool:
    """Pain with no site of its own in one of ``pain_sentences``, studied in people with cancer (``people_with_cancer``:
    ``with_cancer``'s reading of the abstract, which the caller has made already)."""
    return people_with_cancer and any(_BARE_PAIN.search(s.text) for s in pain_sentences)


# A count of this trial's people ('One hundred and twenty patients ... were scheduled for elective ... cancer surgeries',
# 'A total of 40 cancer patients scheduled for open abdominal surgery').
_PEOPLE_COUNT = re.compile(r"\b(?:\d[\d,]*|(?:one|two|three|four|five|six|seven|eight|nine)(?:[\s-]+\w+){0,4}?)\s+"
                           r"(?:[\w()-]+\s+){0,6}?(?:patients|participants|subjects|women|men|adults|children|individuals)\b",
                           re.I)


def own_operation(sentences: list["Sentence"], setting: dict[int, str], population: "re.Pattern[str]",
                  surgical: "re.Pattern[str]") -> "Sentence | None":
    """In people with cancer, the operation this trial's participants go through: an operation word (``surgical``) left
    in the setting text of the title or of a sentence naming who they are (``population``, ``cancer_people``, a count
    of people: 'patients undergoing major abdominal cancer surgery'). Their pain measured with no setting of its own
    ('Pain was assessed over 72 h') is then the operation's, not cancer pain; an operation named only in background or
    results sentences is not read."""
    return next((s for s in sentences if surgical.search(setting[s.index]) and (
        s.section == "TITLE" or population.search(s.text) or cancer_people(s.text) or _PEOPLE_COUNT.search(s.text))), None)


def disease_events_only(settings: list[str], acute: Any) -> bool:
    """Every acute-setting word of ``settings`` (sentences' setting texts; ``acute``: the lexicon's gated pattern) is
    a disease or care event."""
    words = [m[0] for text in settings for m in acute.scan_iter(text)]
    return bool(words) and all(DISEASE_EVENT.fullmatch(w) for w in words)
