"""Pain words and the roles a pain word takes in a sentence other than a measured outcome (guideline additions rule aa).

A pain word names a measured outcome only outside the phrases that say who the participants are ('women with trapezius
myalgia'), name a technique or the care given ('patient-controlled analgesia', 'pain management indicators'), state what
a treatment is for ('in order to reduce painful shocks') or describe a thing ('chronically painful muscles').
``conditions`` strips these phrases before it looks for a measure near a pain word.
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.study_text import PAIN, PAIN_FORMS
from ketamine_evidence.analysis.extract.text_patterns import longest_first

# A hyphenated compound is a pain word too ('leg-pain and back-pain', 'pressure-pain threshold'); 'non-pain' is not.
HYPHEN = r"(?<=[A-Za-z]{3}-)(?<![Nn]on-)pain\w*"
# Analgesic use is a pain outcome (guideline: 'analgesic or opioid consumption and time to first analgesic'),
# whichever opioid or analgesic is used up and however it is delivered ('piritramide consumption', 'PCA demands',
# 'consumption of patient-controlled analgesia').
ANALGESIC = (r"(?:opioid|morphine|\w*fentan\w+|pethidine|meperidine|tramadol|tapentadol|narcotic|rescue|\w*codone|"
             r"hydromorphone|piritramide|nalbuphine|buprenorphine|methadone|ketorolac|diclofenac|paracetamol|"
             r"acetaminophen|metamizol\w*|dipyrone|painkiller|PCA|PCEA|patient[- ]controlled (?:\w+ )?analgesia)")
USE = r"(?:consumption|consumed|requirements?|requests?|use|usage|needs?|doses?|demands?|boluses|presses|attempts)"
# after 'of'/'for' a named analgesic, not 'rescue' ('the need for rescue antiemetics' is no analgesic use)
CONSUMED_TEXT = (rf"{ANALGESIC}s? {USE}|{USE} (?:of|for) (?:the |supplemental |rescue |total )?(?!rescue\b){ANALGESIC}|"
                 rf"(?:requir\w*|needed|demand\w*|request\w*) (?:\w+ ){{0,2}}?(?:analgesi\w*|{ANALGESIC}s?)")
PAIN_WORD = (rf"(?:{HYPHEN}(?![\w-])|(?<![\w-])(?:pain\w*|analges\w*|headaches?|migraines?|hyperalges\w*|allodyni\w*|myalgia|"
             rf"{PAIN_FORMS}|sore throat|"
             rf"colic|dysmenorrh\w*|neuralgia|withdrawal (?:responses?|movements?)|{CONSUMED_TEXT})(?![\w-]))")
CONSUMED = re.compile(rf"(?<![\w-])(?:{CONSUMED_TEXT})(?![\w-])", re.I)


# What a treatment or a practice is for, not what was measured: 'lidocaine mixed to prevent injection pain', 'careful device
# programming in order to reduce painful shocks', 'an effective intervention method to improve neck pain'.
PURPOSE_PAIN = re.compile(rf"\bto (?:prevent|reduce|improve|relieve|alleviate|decrease|attenuate|minimi[sz]e|lessen|"
                          rf"avoid|ease|treat|manage|control)\s+(?:[\w-]+\s+){{0,3}}?{PAIN_WORD}", re.I)
# ... unless it is the study's own aim or what its efficacy is judged on, not said 'in order to' ('The objective
# of this study is to make a comparison between ... to reduce the pain during a ... biopsy', 'to assess the efficacy
# of ... to control pain after TKA').
STUDY_AIM = re.compile(r"\b(?:efficacy|effectiveness|objectives?|aims?|aimed|purpose|goal|designed|sought|intended)\b", re.I)
# 'painful' before the noun it describes names a thing, not a measure of pain ('Improves Function of Chronically
# Painful Muscles', 'strength capacity ... of the painful trapezius muscle', 'reduce painful shocks'); as a predicate
# ('less painful than', 'was painful in 20%') it rates pain.
PAINFUL_THING = re.compile(r"(?<!less )(?<!more )(?<!very )(?<!as )\b(?:chronically )?painful(?= (?!(?:than|and|or|in|at|for|"
                           r"during|after|with|when|to|as|but|by|on|if|of)\b)[a-z])", re.I)
# Pain named only as who the participants are ('treatment of OIC in adults with chronic noncancer pain', 'chronic pain patients',
# 'patients with stable chest pain deriving minimal value from CT angiography') is not a pain outcome.
POPULATION_PAIN = re.compile(r"\b(?:patients|adults|subjects|participants|people|individuals|women|men|children|"
                             r"those)\s+(?:\w+\s+){0,2}?(?:with|suffering(?: from)?|who (?:suffer|suffered|have|had)(?: from)?|presenting with)\s+(?:[\w\-]+\s+){0,3}?"
                             r"(?:pain|[a-z]+(?:algias?|dynias?)|headaches?|migraines?)\b|"
                             # the same people named with pain as a modifier: 'in chronic noncancer pain adults'
                             r"\bpain (?:patients|adults|subjects|participants|sufferers|individuals|populations?|women|men|"
                             r"children)\b|"
                             # or by the care they seek for it: 'Patients aged 18 years or older who visit a participating
                             # practitioner for acute non-specific low back pain', 'those presenting to the emergency department with'
                             r"\b(?:who|that)\s+(?:visit|consult|attend|present|seek|sought|(?:are|were) referred)\w*\s+"
                             r"(?:[\w\-]+\s+){0,5}?(?:for|with)\s+(?:[\w\-]+\s+){0,4}?pain\b", re.I)


# Pain words that name a technique or a setting of care, not a measured outcome: 'receiving intravenous
# patient-controlled analgesia' in a PONV trial, 'remifentanil as intraoperative analgesia' in a trial of
# insulin resistance, 'a component of multimodal pain management'.
TECHNIQUE_PAIN = re.compile(r"\b(?:(?:intravenous |iv |opioid-based )?patient[- ]controlled (?:intravenous |epidural |iv )?"
                            r"analgesia|(?:intra-?operative|multimodal|balanced|general) (?:analgesia|pain management)|"
                            r"IV-PCA|"
                            # pain naming the treatment or care given, or the exposure whose effect on something else is
                            # studied (rule aa): 'effects of pain treatment on sleep', 'pain management indicators',
                            # 'medications for pain and cachexia', 'consequences of chronic neck pain on muscle function'
                            r"pain[- ](?:treatment|management)[- ](?:indicators?|guidelines?|protocols?|programm?e?s?|"
                            r"services?|teams?|strateg\w+)|(?:medications?|drugs?) for pain|"
                            # a guideline or pathway of care for a pain ('a clinical practice guideline for acute low back pain')
                            r"(?:guidelines?|pathways?|recommendations?) for (?:the )?(?:(?:management|treatment|care) of )?"
                            r"(?:[\w-]+ ){0,4}?pain(?: (?:evidence-based )?management)?|"
                            r"(?:consequences?|effects?|impact) of (?:[\w-]+ ){0,3}?pain(?:[- ](?:treatment|management))? "
                            r"on)\b", re.I)


def pain_beyond_population(text: str) -> bool:
    """A pain word of ``text`` outside the phrases that only say who the participants are or name a technique."""
    if not (POPULATION_PAIN.search(text) or TECHNIQUE_PAIN.search(text)) or CONSUMED.search(text):
        return True
    return bool(PAIN.pattern.search(TECHNIQUE_PAIN.sub(" ", POPULATION_PAIN.sub(" ", text))))


# Pain named as a criterion, not measured as an outcome (rule w): a clause of eligibility ('Eligible participants are 35
# years or older with persisting knee and/or hip pain for 3 months'), the definition of another state or group ('MDA was
# defined by the presence of >=5 of 7 PsA outcome measures (..., patient pain score <=15, ...)') or a target that care is
# titrated to ('to achieve a target Sedation-Agitation Scale score of 2-4, with no or mild pain'). A definition of a
# response, relief or a pain outcome ('Response was defined as a 50% reduction in pain') defines what is measured.
_ELIGIBLE = re.compile(r"\b(?:eligib\w*|ineligible|inclusion|exclusion|excluded|included if|enrolled if)\b", re.I)
_CRITERION_FROM = re.compile(r"\b(?:(?:was|were|is|are) defined (?:as|by)|to (?:achieve|reach|maintain) (?:a )?target)\b", re.I)
_DEFINES_OUTCOME = re.compile(r"\b(?:respon\w+|relief|success\w*|improvement|outcomes?|end ?points?|remission|recurrence)\b|"
                              + PAIN.pattern.pattern, re.I)
# A definition whose definiens is a pain defines a pain outcome by its kind ('POM was defined as a pain with no surgical
# interferences, and its intensity was graded': postoperative myalgia, measured), whatever its abbreviation.
_PAIN_DEFINIENS = re.compile(r"\s+(?:an?\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:" + PAIN.pattern.pattern + ")", re.I)


# A clause ends at a semicolon or at a conjunction after a comma ('... was defined as 1013 hPa, and with this value as the
# criterion, we investigated ... when they developed a migraine': the migraine is measured).
# Two sentences the splitter left joined ('... abdominal bloating, satisfied stool frequency etc.\nFinally, 49 ... were
# excluded') are two clauses too.
_CLAUSES = re.compile(r"(;|,\s+(?:and|but|while|whereas)\s|\.\s*\n\s*)", re.I)
# An eligibility cue in a leading time phrase ('After fulfilling the eligibility criteria, a clinical evaluation and
# assessments of pain ... will be carried out') governs that phrase only.
_LEAD = re.compile(r"^\s*(?:after|once|upon|following|before|when)\b[^,;]*,", re.I)


def without_criteria(text: str) -> str:
    """``text`` with the clauses that name pain as a criterion blanked: an eligibility clause whole, a definition of
    something other than an outcome, or a target, from its cue on."""
    if not (_ELIGIBLE.search(text) or _CRITERION_FROM.search(text)):
        return text
    out = []
    for clause in _CLAUSES.split(text):
        lead = _LEAD.match(clause)
        if lead is not None and _ELIGIBLE.search(lead[0]):
            clause = " " + clause[lead.end():]
        elif _ELIGIBLE.search(clause):
            clause = " "
        else:
            m = _CRITERION_FROM.search(clause)
            if m is not None and not _DEFINES_OUTCOME.search(clause, 0, m.start()) and not (
                    m.group(0).endswith(" as") and _PAIN_DEFINIENS.match(clause, m.end())):
                clause = clause[:m.start()] + " "
        out.append(clause)
    return "".join(out)


def without_roles(text: str) -> str:
    """``text`` with the population, technique, 'painful thing', purpose and criterion phrases blanked out."""
    text = TECHNIQUE_PAIN.sub(" ", POPULATION_PAIN.sub(" ", without_criteria(text)))
    if "ainful" in text:
        text = PAINFUL_THING.sub(" ", text)
    if " to " in text:
        text = PURPOSE_PAIN.sub(lambda m: m[0] if STUDY_AIM.search(text, 0, m.start())
                                and not text.endswith("in order ", 0, m.start()) else " ", text)
    return text


# An abbreviation the abstract defines for a pain ('low back pain (LBP)', 'chronic neck pain (CNP)') is a pain word
# wherever it stands later ('employees with non-specific, mild LBP (Visual Analogue Scale between 10-34 mm)').
_PAIN_ABBREVIATION = re.compile(r"\bpain\s+\(([A-Z][A-Za-z]{1,5})\)")


def pain_abbreviations(text: str) -> re.Pattern[str] | None:
    """The abbreviations ``text`` defines for a pain, as one pattern; None where it defines none."""
    if "pain (" not in text:
        return None
    names = longest_first(set(_PAIN_ABBREVIATION.findall(text)))
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None


def spell_out(text: str, abbreviations: re.Pattern[str] | None) -> str:
    """``text`` with each defined pain abbreviation read as 'pain' (its definition, '... pain (LBP)', left as is)."""
    if abbreviations is None:
        return text
    return abbreviations.sub(lambda m: m[0] if text.endswith("(", 0, m.start()) else "pain", text)
