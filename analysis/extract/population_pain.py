"""Pain named as who the participants are or when a time is counted from, not as an outcome the trial measured.

'Mere booklet information is beneficial for employees who report mild LBP' (batch 4 PMC4828818): the pain word
describes the people the benefit is for; the outcome the conclusion credits is not pain. ``CONDITION_PAIN``
(``outcomes``) already blanks 'in patients with chronic low back pain'; this reading covers the general frame, a
preposition and a person noun followed by what the persons have, report or suffer ('for employees who report mild
LBP', 'among women suffering from dysmenorrhoea'), including the abstract's own abbreviations, which the fixed
condition list cannot know. A frame whose words before the pain word carry a comparison ('patients with less pain')
reports an outcome and is left alone, as is a count of persons ('the number of patients with pain': no 'for / in /
among' before the persons).

The same frames say which pain condition defines a trial's population (additions rule aa, revised in round 14): the
condition is recorded where the title names it, or where an objective or methods sentence names it as who the
participants are or as a criterion of inclusion, even when no pain outcome is measured (``defines_population``).

A pain condition induced as the exposure and named as a time anchor ('up to the 48-hour interval post induction of
DOMS', 'the values prior to DOMS induction', batch 7 PMC4339160) dates a measurement of something else; it is no
outcome either (additions rule aa: the outcome is what was measured).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.pain_roles import POPULATION_PAIN, PURPOSE_PAIN, TECHNIQUE_PAIN
from ketamine_evidence.analysis.extract.section_roles import section_role
from ketamine_evidence.analysis.extract.study_text import PAIN_FORMS, alternation, load_lexicon
from ketamine_evidence.analysis.records import CONDITIONS

if TYPE_CHECKING:
    from ketamine_evidence.analysis.parse.sentences import Sentence

PERSONS = (r"patients|employees|workers|women|men|mothers|parturients|adults|children|adolescents|infants|subjects|"
           r"participants|individuals|people|persons|volunteers|athletes|students|veterans|residents|sufferers|those")
# 'for employees who report', 'in patients suffering from', 'among adults with': the frame up to what the persons have.
FRAME = re.compile(r"\b(?:for|in|among|to)\s(?:the\s|all\s|these\s|those\s|such\s)?(?:[\w-]+\s)?(?:" + PERSONS + r")\s"
                   r"(?:who\s(?:\w+\s)?(?:report(?:ed|s)?|ha(?:ve|d|s)|suffer(?:ed|s)?(?:\sfrom)?|experience[sd]?|"
                   r"present(?:ed|s)?\swith|complain(?:ed|s)?\sof)|with|suffering\sfrom|presenting\swith|complaining\sof|"
                   r"having)\s", re.I)
# Where the persons' description ends: a clause break or a word that starts a comparison or another statement.
_END = re.compile(r"[,;.:()]|\s(?:and|but|whereas|while|than|compared|versus|vs|was|were|is|are|had|showed|reported)\b", re.I)
# A comparison among the describing words: the phrase reports an amount, an outcome ('patients with less pain').
_MORE_OR_LESS = r"less|more|lower|higher|fewer|greater|reduced|decreased|increased|no|without|significant\w*"
_COMPARATIVE = re.compile(rf"\b({_MORE_OR_LESS}|persistent\w*|residual|postoperative|post-operative)\b|\d", re.I)


# A time counted from the induction of a condition: 'post induction of DOMS', 'prior to DOMS induction'.
INDUCED = re.compile(r"\b(?:post|after|before|prior\sto|following|since)\s(?:the\s)?(?:induction\s(?:of\s)?(?:the\s)?"
                     r"(?P<after>[\w-]+(?:\s[\w-]+){0,2}?)\b|(?P<before>[\w-]+(?:\s[\w-]+){0,2}?)\sinduction\b)", re.I)


def blank_population(text: str, pain: re.Pattern[str]) -> str:
    """``text`` with each person frame that ends in a pain word blanked to that word's end (same length, so offsets
    hold); other text unchanged. ``pain`` finds the pain words (the caller's vocabulary and abbreviations)."""
    out = text
    for frame in FRAME.finditer(text):
        end = _END.search(text, frame.end())
        stop = end.start() if end else len(text)
        last = None
        for m in pain.finditer(text, frame.end(), stop):
            last = m
        if last is None or _COMPARATIVE.search(text, frame.end(), last.start()):
            continue
        out = out[:frame.start()] + " " * (last.end() - frame.start()) + out[last.end():]
    for anchor in INDUCED.finditer(text):
        named = anchor.group("after") if anchor.group("after") is not None else anchor.group("before")
        if pain.fullmatch(named) or any(m.end() == len(named) for m in pain.finditer(named)):
            out = out[:anchor.start()] + " " * (anchor.end() - anchor.start()) + out[anchor.end():]
    return out


# A pain condition: a pain noun or a pain syndrome's name. Not 'painless', nor analgesia, nociception or analgesic use,
# which name care or a measure rather than what people have.
CONDITION_WORD = re.compile(r"(?<![\w-])(?:pain(?!less)\w*|" + PAIN_FORMS + r"|myalgia|headaches?|migraine\w*|neuralgia|"
                            r"colic|dysmenorrh\w*|sore throat|fibromyalg\w*|fibrositis|CRPS|sciatica)(?![\w-])", re.I)
# Words before the pain word that make the frame an amount or a subgroup ('patients with less pain', 'with no pain',
# 'patients with the lowest pain scores'): the comparatives of ``_COMPARATIVE`` and the superlatives.
_AMOUNT = re.compile(rf"\b(?:{_MORE_OR_LESS}|least|most|lowest|highest|worst|best)\b|\d", re.I)
# The conditions the guideline lists, named as a disease or disorder ('end-stage knee OA', 'shoulder impingement
# syndrome'): the population's pain condition whether or not the word 'pain' is said, as pain is what these joint and
# soft-tissue disorders and pain syndromes are. Not the acute settings (an operation is care given, not who the persons
# are), nor a state of birth, a blood disease, an autoimmune arthritis or a visceral disease that the `other` vocabulary
# holds for their pain, which trials also study for fertility, disease activity or organ function ('labouring women',
# 'sickle cell', 'patients with rheumatoid arthritis' scored on DAS28, blind2 PMC4836241's 'Endometriosis Patients'
# treated for menopausal symptoms: gold []). The guideline maps osteoarthritis, not these, to `other`.
LEXICON = load_lexicon("conditions.toml")  # the condition lexicon, read once here and by ``conditions``
# The listed conditions' patterns by term, in lexicon order, without the acute settings (``conditions.NAMED`` too).
LISTED: dict[str, list[str]] = {term: entry["patterns"] for term, entry in LEXICON.items()
                                if term in CONDITIONS and term != "postoperative_acute"}
NAMED_CONDITION = re.compile(alternation([pattern for patterns in LISTED.values() for pattern in patterns]), re.I)
_NO_DISEASE = re.compile(r"labou?r|childbirth|intrapartum|sickle|rheumat|endometrio|irritable|\bibs\b|pancreatitis", re.I)
_AUTOIMMUNE = re.compile(r"\b(?:psoriatic|idiopathic|reactive|septic|inflammatory|autoimmune)\s+$", re.I)
# Persons followed by what they have ('140 patients with end-stage knee OA', 'people with rheumatoid arthritis'), and
# persons named by their condition ('psoriatic arthritis (PsA) patients').
_PERSONS_WITH = re.compile(r"\b(?:" + PERSONS + r")\s(?:\([^()]*\)\s)?(?:who\s(?:\w+\s)?(?:ha(?:ve|d|s)|suffer(?:ed|s)?(?:\sfrom)?)|"
                           r"with|suffering\sfrom|diagnosed\swith|having)\s", re.I)
_PERSONS_AFTER = re.compile(r"\s(?:\([^()]*\)\s)?(?:" + PERSONS + r")\b", re.I)


def _no_disease(text: str, found: re.Match[str]) -> bool:
    """``found`` names no pain condition of persons: birth, a blood disease, an autoimmune arthritis, a visceral disease."""
    return bool(_NO_DISEASE.search(found[0]) or _AUTOIMMUNE.search(text, max(0, found.start() - 30), found.start()))


def condition_in(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The first pain condition in ``text[start:end]``: a pain word or a listed condition's name."""
    end = len(text) if end is None else end
    found = [m for m in (CONDITION_WORD.search(text, start, end), *NAMED_CONDITION.finditer(text, start, end))
             if m is not None and not _no_disease(text, m)]
    return min(found, key=lambda m: m.start(), default=None)


# A criterion of inclusion (not of exclusion: an excluded condition is who the trial leaves out).
_INCLUDED = re.compile(r"\b(?:eligib(?:le|ility)|inclusion|(?:included|enrolled|recruited) if)\b", re.I)
_EXCLUDED = re.compile(r"\b(?:exclu\w+|ineligible|not eligible)\b", re.I)
# A symptom the persons present with or complain of is a clinical feature ('our patient who presented with abdominal
# pain' in a report of a hernia), a population only where it is a criterion of inclusion ('who visit a practitioner
# for acute low back pain will be eligible').
_PRESENTING = re.compile(r"\b(?:present\w*|complain\w*)\b", re.I)
_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas)\s", re.I)
# A finding of an abstract without parts ('Adolescents with chronic headaches showed more frequent mental health problems
# ... compared to those without', 'p < 0.05'): a result. Not 'of less than three months duration'.
_FINDING = re.compile(r"\bp\s?[<=>]|\b(?:compared (?:with|to)|versus|vs|significant\w*|(?:had|have|has|showed?|"
                      r"reported|was|were) (?:\w+ )?(?:higher|lower|more|less|greater|fewer|better|worse))\b", re.I)
_OWN_PARTS = ("objective", "methods")  # the parts that state who the participants are (``section_role``)


def framed_condition(text: str) -> bool:
    """A pain condition named as who the persons of ``text`` are: 'in employees who report mild pain', 'Patients
    with chronic neck pain were randomised', 'psoriatic arthritis (PsA) patients', 'chronic pain patients', or a
    clause of inclusion ('Eligible participants ... with persisting knee pain'). A frame that reports an amount
    ('patients with less pain') is no population, nor a symptom presented with outside a criterion of inclusion."""
    included = bool(_INCLUDED.search(text))
    for frame in (*FRAME.finditer(text), *_PERSONS_WITH.finditer(text)):
        end = _END.search(text, frame.end())
        found = condition_in(text, frame.end(), end.start() if end else len(text))
        if found is not None and not _AMOUNT.search(text, frame.end(), found.start()) and (
                included or not _PRESENTING.search(frame[0])):
            return True
    if any(_PERSONS_AFTER.match(text, m.end()) for m in NAMED_CONDITION.finditer(text) if not _no_disease(text, m)):
        return True
    if any(CONDITION_WORD.search(m[0]) and not _AMOUNT.search(m[0]) and (included or not _PRESENTING.search(m[0]))
           for m in POPULATION_PAIN.finditer(text)):
        return True
    return any(_INCLUDED.search(clause) and not _EXCLUDED.search(clause) and condition_in(clause)
               for clause in _CLAUSE.split(text))


def defines_population(sentence: "Sentence", text: str, heading: str | None = None) -> bool:
    """True when ``sentence`` (``text``: its words with the abstract's pain abbreviations spelled out; ``heading``: the
    part an unlabelled sentence falls under, if any) names the pain condition that defines the trial's population: the
    title naming a pain condition or a listed one (``condition_in``), or an objective or methods sentence naming it as
    who the participants are (``framed_condition``). Pain named as the care given ('pain management indicators') or as what a treatment is for
    ('lidocaine mixed to prevent injection pain') names no population, nor does pain in the background, in results
    that compare presenting symptoms, or in a conclusion's advice (rule w)."""
    text = PURPOSE_PAIN.sub(" ", TECHNIQUE_PAIN.sub(" ", text))
    if sentence.section == "TITLE":
        return condition_in(text) is not None
    unlabelled = sentence.section in (None, "UNASSIGNED")
    role = section_role(heading) if unlabelled and heading is not None else section_role(sentence.section)
    if role not in _OWN_PARTS and not (unlabelled and heading is None and not _FINDING.search(text)):
        return False
    return framed_condition(text)
