"""Which pain a trial studies (guideline ``conditions``): setting words that are not this trial's setting, and a
population of people with cancer.

An acute-setting word ('surgery', 'procedure', 'undergoing', 'fracture') makes the studied pain acute
(``postoperative_acute``) only where it names what the participants go through in this trial. It names something
else where it is:

- negated or the alternative to the treatment ('non-surgical periodontal therapy', 'to avoid surgery', 'on the
  waiting list for knee replacement');
- the participants' history ('previous spinal surgery', 'a history of fracture', 'failed back surgery');
- an eligibility criterion ('Patients with prior surgery or trauma were excluded');
- a course of treatment that is no operation or procedure ('undergoing chemotherapy', 'undergoing haemodialysis').

``setting_text`` blanks those phrases (same length, so offsets stay valid) before the acute lexicon reads a sentence.

Pain studied in people with cancer, with no site or cause of its own, is cancer pain (dev: 'cancer cachexia',
'stage IV breast cancer', 'palliative cancer patients'); the malignancy may be named by any of its words ('carcinoma',
'lymphoma', 'myeloma', 'neoplasm') and the people as 'cancer patients' or 'oncology outpatients' as well as 'patients
with cancer'.

``KE_COND_SCOPE`` picks the reading while the check set judges it: unset or ``rules`` (the rules as they were),
``setting`` (setting words read in scope), ``cancer`` (and the cancer population), ``chronic`` (and chronic
post-surgical pain named by its syndrome or by how long it has lasted: ``lexicons/conditions.toml``).
"""

from __future__ import annotations

import os
import re

_OPERATION = (r"(?:surg\w+|operations?|operative\w*|\w+ectom(?:y|ies)|\w+otom(?:y|ies)|\w+plast(?:y|ies)|\w+desis|"
              r"arthroplast\w*|arthroscop\w*|procedures?|(?:joint |knee |hip )?replacements?|resections?|amputations?)")
_EVENT = rf"(?:{_OPERATION}|fractures?|injur(?:y|ies)|trauma\w*|dislocations?)"
# A setting negated or offered as the alternative: 'non-surgical', 'nonoperative', 'without surgery', 'to avoid
# surgery', 'on the waiting list for total knee replacement', 'instead of an operation'.
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
_CLAUSE = re.compile(r"[^;]+")

# Malignancy named by any of its words; not 'tumour necrosis factor' (a cytokine) nor 'benign tumour'.
CANCER = re.compile(r"\b(?:cancers?|malignan\w+|cachexia|metasta\w+|oncolog\w+|palliative|carcinoma\w*|neoplas\w+|"
                    r"(?<!benign )tumou?rs?(?! necrosis)|lymphoma\w*|leuka?emi\w*|myeloma\w*|sarcoma\w*|melanoma\w*|"
                    r"mesothelioma\w*|glioma\w*|\w+blastoma\w*|hospice)\b", re.I)
# People named by their cancer before the noun ('cancer patients', 'oncology outpatients', 'breast cancer survivors')
# or by its treatment ('patients receiving chemotherapy').
CANCER_PEOPLE = re.compile(r"\b(?:cancers?|oncolog\w+|tumou?r|carcinoma|palliative(?: care)?|hospice|metasta\w+)\s+"
                           r"(?:[\w-]+\s+)?(?:patients|survivors|outpatients|inpatients|sufferers|populations?|women|men|"
                           r"adults|children)\b|"
                           r"\b(?:patients|participants|women|men|adults|children|people)\s+(?:\w+\s+){0,2}?(?:receiving|"
                           r"undergoing|treated with|on)\s+(?:[\w-]+\s+){0,2}?(?:chemo\w*|radio\w*|anti-?cancer)", re.I)


def scope() -> str:
    """The reading ``KE_COND_SCOPE`` asks for (``rules`` when unset)."""
    return os.environ.get("KE_COND_SCOPE", "rules")


def reads_setting() -> bool:
    return scope() in ("setting", "cancer", "chronic", "all")


def reads_cancer() -> bool:
    return scope() in ("cancer", "chronic", "all")


def setting_text(text: str) -> str:
    """``text`` with the setting words that name no setting of this trial blanked (same length); a clause of
    eligibility criteria (up to a semicolon) is blanked whole."""
    if ELIGIBILITY.search(text):
        text = _CLAUSE.sub(lambda m: " " * len(m[0]) if ELIGIBILITY.search(m[0]) else m[0], text)
    return NOT_SETTING.sub(lambda m: " " * len(m[0]), text)


def cancer_people(text: str) -> bool:
    """``text`` names people by their cancer or its treatment ('cancer patients', 'patients receiving chemotherapy')."""
    return bool(CANCER_PEOPLE.search(text))


def reads_studied() -> bool:
    return scope() in ("studied", "all")


def reads_chronic() -> bool:
    return scope() in ("chronic", "all")


# Chronic post-surgical pain (guideline additions rule af) named by its syndrome ('post-mastectomy pain syndrome',
# 'post-thoracotomy pain syndrome') or by how long it has lasted since the operation ('pain persisting three months
# after surgery'); back pain that persists after spinal surgery ('failed back surgery syndrome') is back pain of spinal
# origin (rule h: ``low_back``).
POST_SURGICAL = re.compile(r"\bpost-?(?:\w+ectomy|\w+otomy|\w+plasty|\w+rrhaphy|surgical|operative|amputation)\s+"
                           r"(?:pain\s+)?syndromes?\b|"
                           r"\b(?:pain|discomfort)\s+(?:that\s+)?(?:persist\w*|last\w*|remain\w*|continu\w*)\s+(?:[\w-]+\s+){0,3}?"
                           r"(?:\d+|two|three|six|twelve|several)\s+(?:months?|years?)\s+(?:after|following|post)\b|"
                           r"\bchronic (?:post-?surgical|post-?operative) (?:pain|neuropathic pain)\b|\bCPSP\b", re.I)
FAILED_BACK = re.compile(r"\bfailed (?:back|spine|spinal)(?: surgery)? syndrome\b|\bFBSS\b|\bpost-?laminectomy (?:pain )?syndrome\b",
                         re.I)
# Chronicity stated by duration or course ('pain for at least 3 months', 'lasting more than six months', 'persistent',
# 'long-standing', 'refractory'): a named condition studied as chronic, whatever word says so.
CHRONIC = re.compile(r"\b(?:chronic\w*|persistent|long-?standing|longstanding|refractory|intractable)\b|"
                     r"\b(?:pain|symptoms?|complaints?|\w+algias?|\w+dynias?|history|duration)\s+(?:[\w-]+\s+){0,3}?"
                     r"(?:for|lasting|of|at least|more than|over|>|≥)\s*(?:at least\s+|more than\s+)?(?:\d+|three|six|twelve)\s*"
                     r"(?:months?|years?)(?:'|’)?(?:\s+(?:or (?:more|longer)|duration))?\b|"
                     r"\b(?:pain|symptoms?|complaints?|duration)\s+(?:[\w-]+\s+){0,3}?(?:for|lasting|of|at least|more than|over|>|≥)"
                     r"\s*(?:at least\s+|more than\s+)?(?:12|twelve) weeks\b", re.I)


# Setting words that, in people with cancer, name an event of the disease or of its care rather than an operation or a
# procedure whose pain is studied: a pathological fracture, a nerve or radiation injury, an emergency admission, a
# course of treatment undergone, an anaesthetic drug.
DISEASE_EVENT = re.compile(r"\b(?:fractur\w*|injur(?:y|ies)|trauma\w*|dislocations?|emergenc\w*|icu|undergo\w*|"
                           r"an(?:a)?esthe\w+|myalgia|burns?)\b", re.I)


def disease_events_only(settings: list[str], acute: "re.Pattern[str] | object") -> bool:
    """Every acute-setting word of ``settings`` (sentences' setting texts) is a disease or care event."""
    words = [m[0] for text in settings for m in acute.scan_iter(text)]  # type: ignore[attr-defined]
    return bool(words) and all(DISEASE_EVENT.fullmatch(w) for w in words)
