"""Extractor: the pain conditions studied (guideline ``conditions``), from ``lexicons/conditions.toml``.

A condition counts where the title names it, or a sentence about this study does (not the
background, not an adverse-event report or a list of signs at a treated skin area such as 'pain,
erythema and oedema'). Nothing is returned unless a pain outcome is studied.
Acute settings (surgery, procedures, emergency, injection at induction) give ``postoperative_acute``
where the same sentence, or the title, studies pain (with a named chronic condition only a surgical
setting counts, and pain sites named only as outcomes after surgery are dropped); experimental pain in
volunteers gives ``other``; 'chronic pain' without a named condition gives ``mixed_chronic``; pain
studied in no listed condition gives ``other``. A pain word counts where the sentence measures or
compares it; rescue-drug use in a trial titled for agitation or sedation is not pain.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.study_text import PAIN, STUDY_CUE, Gated, alternation, load_lexicon, study_sentences
from ketamine_evidence.analysis.records import CONDITIONS, Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

NAME = "conditions"
VERSION = "1.0"

_LEX = load_lexicon("conditions.toml")
# Named conditions in lexicon order: an earlier (more specific) one claims its words first.
# ``Gated(...).scan``/``scan_iter`` run them lower-cased without ``re.I`` (faster; same matches).
NAMED: list[tuple[str, Gated]] = [
    (term, Gated(re.compile(alternation(entry["patterns"]), re.I)))
    for term, entry in _LEX.items() if term in CONDITIONS and term != "postoperative_acute"
]
ACUTE = Gated(re.compile(alternation(_LEX["postoperative_acute"]["patterns"]), re.I))
EXPERIMENTAL = re.compile(alternation(_LEX["experimental"]["patterns"]), re.I)
GENERIC_CHRONIC = re.compile(alternation(_LEX["generic_chronic"]["patterns"]), re.I)
_ADVERSE_CUE = re.compile(r"\b(?:adverse|AEs?|TEAEs?|most (?:frequent|common)|side[- ]effects?|complications?|"
                          r"incidence of|events?|nausea|vomiting|dizziness|drowsiness|somnolence|hallucinations?|"
                          r"dissociat\w*|diplopia|"
                          r"tolerat\w+|occurred|"
                          # signs at a treated skin area: 'pain, erythema and oedema after each session'
                          r"erythema|o?edema|swelling|itching|pruritus|crusting|bruising|redness|downtime)\b", re.I)
_SPECIFIC_NEUROPATHIC = {"crps", "postherpetic_neuralgia", "phantom_limb", "spinal_cord_injury", "cancer_pain"}
_STUDY_SECTIONS = {"METHODS", "RESULTS", "CONCLUSIONS", "OBJECTIVE"}
_CHRONIC_TERMS = {"crps", "fibromyalgia", "neuropathic", "phantom_limb", "postherpetic_neuralgia",
                  "spinal_cord_injury", "migraine_headache", "cancer_pain", "low_back", "mixed_chronic",
                  "other"}


def _counts(sentence: "Sentence") -> bool:
    """The title always counts; other sentences when they describe this study, not its adverse events."""
    if sentence.section == "TITLE":
        return True
    if _ADVERSE_CUE.search(sentence.text):
        return False
    return sentence.section in _STUDY_SECTIONS or bool(STUDY_CUE.search(sentence.text))


def named_conditions(text: str) -> list[tuple[str, re.Match[str]]]:
    """Named conditions in ``text``; words inside a span claimed by an earlier lexicon entry are not reused."""
    taken: list[tuple[int, int]] = []
    found = []
    for term, pattern in NAMED:
        for m in pattern.scan_iter(text):
            if any(s <= m.start() and m.end() <= e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((term, m))
    return found


def extract(ctx: "Context") -> list[Finding]:
    present = PAIN.present(ctx.text)  # the pain key words of the whole article, checked once
    if not present:
        return []
    pain = {s.index for s in ctx.sentences if PAIN.holds(s.text, present) and PAIN.scan(s.text)}
    if not pain:
        return []
    sentences = [s for s in study_sentences(ctx) if _counts(s)]
    pain_sentences = [s for s in sentences if s.index in pain
                      and (s.section == "TITLE" or OUTCOME_CUE.search(s.text))]
    if not pain_sentences:
        return []
    title = next((s for s in ctx.sentences if s.section == "TITLE"), None)
    title_pain = title is not None and title.index in pain
    if (title is not None and not title_pain and OTHER_FOCUS.search(title.text)
            and not any(STRONG_PAIN.search(s.text) for s in pain_sentences)):
        return []  # 'emergence agitation' trials whose only pain word is rescue-drug consumption

    chosen: dict[str, "Sentence"] = {}
    for s in sentences:
        for term, _ in named_conditions(s.text):
            chosen.setdefault(term, s)
    specific = {t for t in chosen if t in _CHRONIC_TERMS}
    acute = next((s for s in sentences if ACUTE.scan(s.text)
                  and (s.index in pain or (title_pain and s is title))), None)
    if acute is None and not specific:  # pain studied, in a procedural setting named elsewhere
        acute = next((s for s in sentences if ACUTE.scan(s.text)), None)
    if acute is not None and specific and not SURGICAL.search(acute.text):
        acute = None  # 'migraine in the emergency department' is migraine; surgery adds acute pain
    if acute is not None and not (specific and _chronic_only(sentences)):
        chosen.setdefault("postoperative_acute", acute)
    if "neuropathic" in chosen and _SPECIFIC_NEUROPATHIC.intersection(chosen):
        del chosen["neuropathic"]  # 'neuropathic (not otherwise listed)': 'neuropathic pain after spinal cord injury'
    if "postoperative_acute" in chosen:  # 'shoulder pain' after laparoscopy is an outcome, not the condition
        for term in [t for t, sent in chosen.items() if t != "postoperative_acute" and sent.section != "TITLE"
                     and not POPULATION.search(sent.text)]:
            del chosen[term]
    if not chosen:
        experimental = next((s for s in pain_sentences if EXPERIMENTAL.search(s.text)), None)
        if experimental is not None:
            chosen["other"] = experimental
    if not specific:
        generic = next((s for s in pain_sentences if GENERIC_CHRONIC.search(s.text)), None)
        if generic is not None:
            chosen["mixed_chronic"] = generic
    if not chosen:  # pain is studied but in no listed condition ('oral mucositis pain')
        strong = next((s for s in pain_sentences if STRONG_PAIN.search(s.text)), None)
        if strong is not None:
            chosen["other"] = strong
    order = {c: i for i, c in enumerate(CONDITIONS)}
    return [Finding(NAME, term, ctx.evidence(s, NAME, VERSION), ctx.intervention.name)
            for term, s in sorted(chosen.items(), key=lambda kv: order[kv[0]])]


# A title about another target (agitation, sedation, depression...) and no pain word but drug
# consumption: the consumption is the rescue for that target, not a pain outcome.
OTHER_FOCUS = re.compile(r"\b(?:agitation|delirium|sedation|sedative|shivering|depress\w*|nausea|vomiting|PONV|"
                         r"intubat\w*|cough\w*|emergence|hemodynamic\w*|haemodynamic\w*|anxiety|sleep|"
                         r"cognit\w*|seizures?|bronchospasm|asthma)\b", re.I)
STRONG_PAIN = re.compile(r"(?<![\w-])(?:pain\w*|hyperalges\w*|allodyni\w*|(?:anti)?nocicepti\w*|myalgia|"
                         r"headaches?|migraines?|neuralgia|sore throat|odynophagia|colic|dysmenorrh\w*|arthralgia|"
                         r"analgesi\w*)(?![\w])", re.I)
POPULATION = re.compile(r"\b(?:patients|participants|subjects|adults|children|women|men|people|individuals|"
                        r"volunteers|outpatients)\s+(?:\w+\s+)?(?:with|suffering|diagnosed|having|who had)\b|"
                        r"\bwith (?:chronic|acute|severe|moderate|persistent|refractory)\b", re.I)
# A pain word in a sentence that measures or compares it (not 'ketamine, used for analgesia, ...').
OUTCOME_CUE = re.compile(r"\b(?:scores?|scales?|VAS|NRS|VNRS|intensity|severity|relief|reduc\w*|lower|higher|"
                         r"less|more|consumption|requirements?|request|assessed|measured|recorded|rated|evaluated|"
                         r"improv\w*|decreas\w*|increas\w*|attenuat\w*|prevent\w*|efficacy|differ\w*|"
                         r"compar\w*|incidence|threshold|tolerance|time to|duration|free|outcomes?|treat\w*|"
                         r"management|manag\w*|control\w*|suffer\w*|patients with|effective\w*|analgesic effects?|"
                         r"influenc\w*|alter\w*|affect\w*|chang\w*|tests?|assessments?|measures?|end ?points?)\b", re.I)
SURGICAL = re.compile(r"\b(?:post-?operative\w*|post-?surgical|peri-?operative\w*|intra-?operative\w*|surg\w+|"
                      r"operations?|\w+ectomy|\w+otomy|\w+plasty|arthroplast\w*)\b", re.I)
_CHRONIC_WORD = re.compile(r"\bchronic\b", re.I)


def _chronic_only(sentences: list["Sentence"]) -> bool:
    """A named chronic condition studied as chronic: acute-setting words then describe something else."""
    return any(_CHRONIC_WORD.search(s.text) for s in sentences)
