"""Extractor: the pain conditions studied (guideline ``conditions``), from ``lexicons/conditions.toml``.

A condition counts where the title names it, or a sentence about this study does (not the
background, not an adverse-event report or a list of signs at a treated skin area such as 'pain,
erythema and oedema'). Without a pain outcome only the pain condition that defines the population counts (additions
rule aa, revised in round 14: ``population_pain.defines_population``); pain in the rationale alone gives nothing.
Acute settings (surgery, procedures, emergency, injection at induction) give ``postoperative_acute``
where the same sentence, or the title, studies pain (with a named chronic condition only a surgical
setting counts, and pain sites named only as outcomes after surgery are dropped); a setting word that names
no setting of this trial (history, an exclusion, a course of chemotherapy) is not read, and in people with cancer
only a setting that a pain sentence names counts (``condition_scope``); experimental pain in volunteers gives
``other``; 'chronic pain' without a named condition gives ``mixed_chronic``; pain studied in no listed condition
gives ``other``, or ``cancer_pain`` in people with cancer. A pain word counts where the sentence measures or
compares it; rescue-drug use in a trial titled for agitation or sedation is not pain.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract import condition_reader, condition_scope, required_text
from ketamine_evidence.analysis.extract.population_pain import LEXICON, LISTED, condition_in, defines_population
from ketamine_evidence.analysis.extract.section_roles import section_role
from ketamine_evidence.analysis.extract.pain_roles import (CONSUMED, HYPHEN as _HYPHEN,
                                                           PAIN_WORD as _PAIN_WORD, pain_abbreviations, pain_beyond_population as
                                                           _pain_beyond_population, spell_out, without_roles)
from ketamine_evidence.analysis.extract.study_text import (PAIN, PAIN_FORMS, STUDY_CUE, Gated, alternation,
                                                           lower, study_sentences)
from ketamine_evidence.analysis.records import CONDITIONS, Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

NAME = "conditions"
VERSION = "1.0"

# Named conditions in lexicon order: an earlier (more specific) one claims its words first.
# ``Gated(...).scan``/``scan_iter`` run them lower-cased without ``re.I`` (faster; same matches).
NAMED: list[tuple[str, Gated]] = [(term, Gated(re.compile(alternation(patterns), re.I))) for term, patterns in LISTED.items()]
ACUTE = Gated(re.compile(alternation(LEXICON["postoperative_acute"]["patterns"]), re.I))
EXPERIMENTAL = re.compile(alternation(LEXICON["experimental"]["patterns"]), re.I)
GENERIC_CHRONIC = re.compile(alternation(LEXICON["generic_chronic"]["patterns"]), re.I)
_ADVERSE_CUE = re.compile(r"\b(?:adverse|AEs?|TEAEs?|most (?:frequent|common)|side[- ]effects?|complications?|"
                          r"nausea|vomiting|dizziness|drowsiness|somnolence|hallucinations?|dissociat\w*|diplopia|"
                          r"tolerat\w+|diarrho?ea|fever|chills|malaise)\b", re.I)
# Words of a tolerability report that a measured or compared pain outcome overrides: 'pain, erythema and
# oedema after each session' is a report; 'evaluated for pain and erythema ... using numerical rating scale'
# and 'lower incidence of oral pain ... than the control group' measure pain.
_OUTCOME_LIST = re.compile(r"\b(?:outcomes?|end ?points?|outcome measures?|parameters)(?: analy[sz]ed)? (?:include[sd]?|are|were|"
                           r"was|is|will be)\b|"
                           # the data a protocol or a study collects ('Other data to be collected include the frequency of pain')
                           r"\b(?:data|measures|measurements|variables|information) (?:to be |that will be |will be |were |was )?"
                           r"(?:collected|recorded|assessed|measured|obtained) (?:include[sd]?|are|were|will be)\b(?!\s+(?:\w+ly\s+)?\w+ed\b)|\b(?:primary|secondary|main) (?:outcomes?|end ?points?|outcome measures?)"
                           r"(?: (?:of|for) (?:the |this )?(?:study|trial))?:", re.I)
# 'As secondary outcomes frequency complications of perineal suturing, postpartum perineal pain, ...'
_AS_OUTCOMES = re.compile(r"\bas (?:primary|secondary|main) (?:outcomes?|end ?points?)\b", re.I)
# Earlier work and established knowledge, in whatever part of the abstract it stands (rule w: pain in the
# background or rationale gives no condition).
_PRIOR_WORK = re.compile(r"\b(?:(?:previous|earlier|prior|several|many|other) (?:studies|trials|research|reports)|"
                         r"(?:have|has) (?:been )?(?:found|shown|demonstrated|suggested|reported)|"
                         r"(?:are|is) (?:found|known|shown) to|(?:is|are) (?:well[- ])?known)\b", re.I)
_OWN_WORK = re.compile(r"\b(?:we|our|this (?:study|trial)|the present|the current|enrolled|randomi[sz]ed|randomly|"
                       r"assigned|allocated)\b", re.I)
_SKIN_SIGNS = re.compile(r"\b(?:erythema|o?edema|swelling|itching|pruritus|crusting|bruising|redness|downtime)\b", re.I)
_EVENT_CUE = re.compile(r"\b(?:incidence of|events?|occurred|toxicit\w*|episodes? of)\b", re.I)
# ... and a comparison's finding ('No significant findings were found regarding postoperative swelling and pain', 'pain
# manifestation was significantly delayed'; not 'remains a significant clinical problem')
_INSTRUMENT = re.compile(r"\b(?:scores?|scales?|VAS|NRS|VRS|rating|intensity|severity|significantly|(?:no|not|non-?) ?significant)\b", re.I)
_COMPARED = re.compile(r"\b(?:lower|higher|greater|less|more|reduc\w*|than|compared)\b", re.I)
# Sentences of an abstract whose parts carry no label: a heading sentence ('Results.') or a bracketed
# lead-in ('[Results]') names the part; sentences that compare groups ('a higher incidence of ... among those
# with internal stent'), give p-values or report a finding ('Postoperatively, significant decrease in pain ... was
# observed'; not 'remains a significant challenge') report results.
_HEADING = re.compile(r"^\[?(objectives?|aims?|purpose|background|introduction|methods?|materials and methods|"
                      r"subjects|participants|design|results?|findings|conclusions?)\]?[.:]?", re.I)
_RESULT_CUE = re.compile(r"\bgroups?\b|\bp\s?[<=>]|\b(?:scores?|measures?|measured|differences?|tests?|performed|outcomes?|"
                         r"significantly|(?:no|not|non-?) ?significant|significant (?:\w+ )?(?:decreases?|increases?|"
                         r"reductions?|differences?|improvements?|changes?|effects?)|(?:was|were) (?:observed|found|noted)|"
                         r"evaluat\w+|assess\w+|(?:higher|lower|greater|fewer) (?:incidences?|rates?|frequency|proportions?))\b", re.I)
_SPECIFIC_NEUROPATHIC = {"crps", "postherpetic_neuralgia", "phantom_limb", "spinal_cord_injury", "cancer_pain"}
_STUDY_ROLES = ("objective", "methods", "results", "conclusions")  # parts about this study (``section_role``)
_CHRONIC_TERMS = {"crps", "fibromyalgia", "neuropathic", "phantom_limb", "postherpetic_neuralgia",
                  "spinal_cord_injury", "migraine_headache", "cancer_pain", "low_back", "mixed_chronic",
                  "other"}


def _counts(sentence: "Sentence", heading: str | None = None, started: bool = False) -> bool:
    """The title always counts; other sentences when they describe this study, not its adverse events.
    ``heading`` is the part an unlabelled sentence falls under ('Results.' before it), if any; ``started``:
    an earlier sentence of an unlabelled abstract has introduced the study (background comes first)."""
    if sentence.section == "TITLE":
        return True
    text = sentence.text
    if _PRIOR_WORK.search(text) and not _OWN_WORK.search(text):
        return False  # what earlier work found ('Previous studies have found ... for pain relief') is background
    role = section_role(sentence.section)
    if role == "background" and not _OWN_WORK.search(text):
        return False  # rule w: the rationale ('Individuals living with cancer must learn to face ... pain')
    if _OUTCOME_LIST.search(text) or _AS_OUTCOMES.search(text):
        return True  # rule w: a pain symptom named as a measured or planned outcome, whatever else the list holds
    if (_ADVERSE_CUE.search(text) or (_SKIN_SIGNS.search(text) and not _INSTRUMENT.search(text)) or (
            _EVENT_CUE.search(text) and not (_INSTRUMENT.search(text) or _COMPARED.search(text)))) \
            and not listed_pain_outcome(text):
        return False
    if role in _STUDY_ROLES or STUDY_CUE.search(text):
        return True
    if sentence.section in (None, "UNASSIGNED"):
        return section_role(heading) in _STUDY_ROLES or (started and bool(_RESULT_CUE.search(text)))
    return False


def _headings(sentences: list["Sentence"]) -> dict[int, str]:
    """For each unlabelled sentence, the heading sentence it follows ('Objectives.', '[Results] ...')."""
    out: dict[int, str] = {}
    current = None
    for s in sentences:
        if s.section not in (None, "UNASSIGNED"):
            current = None
            continue
        m = _HEADING.match(s.text)
        if m:
            current = m.group(1)
        if current is not None:
            out[s.index] = current
    return out


# A rating instrument's name ('Neuropathic Pain Scale', 'Neuropathic Pain Symptom Inventory') names what it
# rates, not the patients' condition.
_INSTRUMENT_NAME = re.compile(r"\b(?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|in)\s+)?){1,8}(?:Scale|Inventory|"
                              r"Questionnaire|Index|Profile)\b")


def named_conditions(text: str) -> list[tuple[str, re.Match[str]]]:
    """Named conditions in ``text``; words inside a span claimed by an earlier lexicon entry are not reused,
    and a condition word that only names a rating instrument does not count."""
    if "Scale" in text or "Inventory" in text or "Questionnaire" in text or "Index" in text or "Profile" in text:
        text = _INSTRUMENT_NAME.sub(lambda m: " " * len(m[0]), text)
    taken: list[tuple[int, int]] = []
    found = []
    lowered = lower(text)
    present = required_text.present_keys(lowered) if len(lowered) == len(text) else None
    for term, pattern in NAMED:
        low = pattern.low
        if present is None or low is None:
            matches = pattern.scan_iter(text)
        elif pattern.gate is not None and pattern.gate.isdisjoint(present):
            continue  # none of the words every match needs (what ``scan_iter`` checks, one lookup for all terms)
        else:
            matches = low.finditer(lowered)
        for m in matches:
            if any(s <= m.start() and m.end() <= e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((term, m))
    return found


# Radicular pain named as nerve-root pain of the lumbar spine: 'lumbosacral radicular pain', 'sciatica'.
_RADICULAR = re.compile(r"radicul|sciatic", re.I)


def radicular_back_pain(back: "Sentence | None", nerve: "Sentence", nerve_words: set[str]) -> bool:
    """True when the title names low back pain and no neuropathic condition, and the abstract's only neuropathic
    words are radicular pain: that radicular pain is part of the low back pain the trial studies, a listed condition
    (the guideline's `neuropathic` is 'not otherwise listed'). The issue author's chronic dev PMC4644318, 'Patients
    With Radicular Low Back Pain' with 'low back pain and unilateral lumbosacral radicular pain', reads `low_back`
    only; a trial titled by sciatica or radicular pain keeps `neuropathic` (additions rule h)."""
    return (back is not None and back.section == "TITLE" and nerve.section != "TITLE" and bool(nerve_words)
            and all(_RADICULAR.search(word) for word in nerve_words))


def extract(ctx: "Context") -> list[Finding]:
    """The rules' conditions, read again by the learned model where ``KE_COND_READER`` asks (``condition_reader``)."""
    return condition_reader.read(ctx, _rules(ctx), NAME, VERSION)


def _rules(ctx: "Context") -> list[Finding]:
    """The conditions the rules read in the title and the study's own sentences (module docstring), before the reader."""
    present = PAIN.present(ctx.text)  # the pain key words of the whole article, checked once
    if not present and not any(s.section == "TITLE" and condition_in(s.text) for s in ctx.sentences):
        return []  # no pain word, and no title naming a listed condition ('... boy with temporomandibular disorder')
    abbreviations = pain_abbreviations(ctx.text)
    texts = {s.index: spell_out(s.text, abbreviations) for s in ctx.sentences}  # 'mild LBP' read as 'mild pain'
    pain = {s.index for s in ctx.sentences if (PAIN.holds(t := texts[s.index], present) and PAIN.scan(t) or CONSUMED.search(t)
                                                or "-pain" in t and _HYPHEN_PAIN.search(t))
            and _pain_beyond_population(t)}
    headings = _headings(ctx.sentences)
    sentences, started = [], False
    for s in study_sentences(ctx):
        if _counts(s, headings.get(s.index), started):
            sentences.append(s)
        started = started or (s.section != "TITLE" and bool(STUDY_CUE.search(s.text)))
    pain_sentences = [s for s in sentences if s.index in pain
                      and (s.section == "TITLE" or OUTCOME_CUE.search(s.text) or _measured_pain(texts[s.index]))]
    population_only = not pain_sentences or not any(
        _measured_pain(texts[s.index]) or (s.section == "TITLE" and _TREATED_PAIN.search(s.text)) for s in pain_sentences) \
        and not _no_outcomes_expected(ctx) and any(s.section != "TITLE" for s in ctx.sentences)
    if population_only:
        # rule aa (revised in round 14): without pain as a measured outcome, the pain condition that defines the
        # population counts where the title, objective or methods name it (not pain in the rationale); no setting or
        # operation of the trial then makes it acute pain
        sentences = pain_sentences = [s for s in sentences if defines_population(s, texts[s.index], headings.get(s.index))]
        if not pain_sentences:
            return []
        pain.update(s.index for s in pain_sentences)
    title = next((s for s in ctx.sentences if s.section == "TITLE"), None)
    title_pain = title is not None and title.index in pain
    if (title is not None and not title_pain and OTHER_FOCUS.search(title.text)
            and not any(STRONG_PAIN.search(s.text) for s in pain_sentences)):
        return []  # 'emergence agitation' trials whose only pain word is rescue-drug consumption

    chosen: dict[str, "Sentence"] = {}
    nerve_words: set[str] = set()  # the words that named neuropathic pain
    for s in sentences:
        for term, m in named_conditions(s.text):
            chosen.setdefault(term, s)
            if term == "neuropathic":
                nerve_words.add(m[0])
    specific = {t for t in chosen if t in _CHRONIC_TERMS}
    # the words naming this trial's setting
    setting = {s.index: "" if population_only else condition_scope.setting_text(s.text) for s in sentences}
    acute = next((s for s in sentences if ACUTE.scan(setting[s.index])
                  and (s.index in pain or (title_pain and s is title))), None)
    # pain studied, in a procedural setting named elsewhere; a pain site named only as an outcome ('shoulder
    # pain after 4 hours' after laparoscopy) is no chronic condition that rules the setting out
    population = {t for t in specific if chosen[t].section == "TITLE" or POPULATION.search(chosen[t].text)}
    with_cancer = not specific and condition_scope.with_cancer(sentences, POPULATION)
    if acute is None and not population and not with_cancer:
        acute = next((s for s in sentences if ACUTE.scan(setting[s.index])), None)
    elif acute is None and with_cancer:  # people with cancer: a setting a pain sentence names, or their own operation
        acute = condition_scope.own_operation(sentences, setting, POPULATION, SURGICAL)
    if acute is not None and specific and not SURGICAL.search(setting[acute.index]):
        acute = None  # 'migraine in the emergency department' is migraine; surgery adds acute pain
    if acute is not None and with_cancer and condition_scope.disease_events_only([setting[s.index] for s in sentences], ACUTE):
        acute = None  # a pathological fracture or a course of chemotherapy in people with cancer is no acute setting
    if acute is not None and not (specific and _chronic_only(sentences)):
        chosen.setdefault("postoperative_acute", acute)
    if "neuropathic" in chosen and _SPECIFIC_NEUROPATHIC.intersection(chosen):
        del chosen["neuropathic"]  # 'neuropathic (not otherwise listed)': 'neuropathic pain after spinal cord injury'
    if "neuropathic" in chosen and radicular_back_pain(chosen.get("low_back"), chosen["neuropathic"], nerve_words):
        del chosen["neuropathic"]
    if "postoperative_acute" in chosen:  # 'shoulder pain' after laparoscopy is an outcome, not the condition
        for term in [t for t, sent in chosen.items() if t != "postoperative_acute" and sent.section != "TITLE"
                     and not POPULATION.search(sent.text)]:
            del chosen[term]
    if specific and "postoperative_acute" not in chosen and not population_only and operation_studied(ctx.intervention.name):
        # rules s, af: the trial's own operation treats the named condition and pain is measured after it
        chosen["postoperative_acute"] = next((s for s in sentences if SURGICAL.search(s.text)), chosen[min(specific)])
    experimental = next((s for s in pain_sentences if EXPERIMENTAL.search(s.text)), None)
    if experimental is not None and (not chosen or (
            "postoperative_acute" not in chosen and _EXPERIMENTAL_PAIN.search(EXPERIMENTAL.search(experimental.text)[0]))):
        chosen.setdefault("other", experimental)  # experimental pain tested in patients: their condition and other
    if not specific:
        generic = next((s for s in pain_sentences if GENERIC_CHRONIC.search(s.text)), None)
        if generic is not None:  # rule af: chronic pain as an outcome of the trial's operation is post-surgical
            chosen["other" if "postoperative_acute" in chosen and SURGICAL.search(chosen["postoperative_acute"].text)
                   else "mixed_chronic"] = generic
    if not chosen:  # pain is studied but in no listed condition ('oral mucositis pain')
        strong = next((s for s in pain_sentences if STRONG_PAIN.search(s.text)), None)
        if strong is not None:
            # (``with_cancer`` above is the abstract's own reading here: with no condition chosen, none was specific)
            chosen["cancer_pain" if condition_scope.cancer_pain(pain_sentences, with_cancer) else "other"] = strong
    order = {c: i for i, c in enumerate(CONDITIONS)}
    return [Finding(NAME, term, ctx.evidence(s, NAME, VERSION), ctx.intervention.name)
            for term, s in sorted(chosen.items(), key=lambda kv: order[kv[0]])]


# A title about another target (agitation, sedation, depression...) and no pain word but drug
# consumption: the consumption is the rescue for that target, not a pain outcome.
OTHER_FOCUS = re.compile(r"\b(?:agitation|delirium|sedation|sedative|shivering|depress\w*|nausea|vomiting|PONV|"
                         r"intubat\w*|cough\w*|emergence|hemodynamic\w*|haemodynamic\w*|anxiety|sleep|"
                         r"cognit\w*|seizures?|bronchospasm|asthma)\b", re.I)
_HYPHEN_PAIN = re.compile(_HYPHEN, re.I)
STRONG_PAIN = re.compile(_HYPHEN + r"|(?<![\w-])(?:pain\w*|hyperalges\w*|allodyni\w*|(?:anti)?nocicepti\w*|myalgia|"
                         + PAIN_FORMS + r"|"
                         r"headaches?|migraines?|neuralgia|sore throat|odynophagia|colic|dysmenorrh\w*|arthralgia|"
                         r"analgesi\w*)(?![\w])", re.I)
POPULATION = re.compile(r"\b(?:patients|participants|subjects|adults|children|women|men|people|individuals|"
                        r"volunteers|outpatients)\s+(?:\([^()]*\)\s*|[\w\-]+\s+){0,4}?(?:with|suffering|diagnosed|having|who had)\b|"
                        r"\bwith (?:chronic|acute|severe|moderate|persistent|refractory)\b", re.I)
# A pain word in a sentence that measures or compares it (not 'ketamine, used for analgesia, ...').
OUTCOME_CUE = re.compile(r"\b(?:scores?|scales?|VAS|NRS|VNRS|intensity|severity|relief|reduc\w*|lower|higher|greater|"
                         r"less|more|consumption|requirements?|request|assessed|measured|recorded|rated|evaluated|"
                         r"improv\w*|decreas\w*|increas\w*|attenuat\w*|prevent\w*|efficacy|differ\w*|"
                         r"compar\w*|incidence|threshold|tolerance|time to|duration|free|outcomes?|treat\w*|"
                         r"management|manag\w*|control\w*|suffer\w*|patients with|effective\w*|analgesic effects?|"
                         r"influenc\w*|alter\w*|affect\w*|chang\w*|tests?|assessments?|measures?|end ?points?|"
                         r"questionnaires?|perceived|perception|diary)\b", re.I)
SURGICAL = re.compile(r"\b(?:post-?operative\w*|post-?surgical|peri-?operative\w*|intra-?operative\w*|surg\w+|"
                      r"operations?|\w+ectomy|\w+otomy|\w+plasty|arthroplast\w*|(?:arthro|laparo|endo|thoraco)scopic|"
                      r"(?:arthro|laparo|thoraco)scop(?:y|ies)|ablations?|debridement|"
                      # orthopaedic operations named by what they implant or rebuild (batch 6 PMC4714728, round 8)
                      r"(?:tendon |bone |autogenous |autologous )grafts?|reconstructions?|(?:internal |screw |plate )fixation)\b",
                      re.I)
_CHRONIC_WORD = re.compile(r"\bchronic\b", re.I)
# The treatment a name gives before its setting, comparator or base ('arthroscopic debridement (vs ...) of massive rotator
# cuff tears'; not 'telerehabilitation programme ... after subacromial decompression', 'X injection added to core
# decompression', 'protocol of not performing episiotomy', 'non-surgical periodontal treatment').
_NAME_CONTEXT = re.compile(r"\((?:vs\.?|versus)\b[^()]*\)|\s(?:for|after|before|during|following|prior to|added to|"
                           r"in addition to|with|plus|alongside)\s.*$", re.I)
_NOT_DONE = re.compile(r"\b(?:no|not|without|non|avoid\w*|omit\w*)\b", re.I)


# An operation or an implanted device named by the general vocabulary of surgery (the operations and implants of
# ``lexicons/treatment_kinds.toml``): a fusion, repair, release, replacement, fixation or decompression, an implanted
# spacer or prosthesis, a dental restoration ('Superion InterSpinous Spacer', pool PMC4599047).
# Not a drug's release or a replacement therapy ('tapentadol prolonged release', 'nicotine replacement therapy').
OPERATION_WORDS = re.compile(r"\b(?:fusion|arthrodesis|repairs?|(?<!-)(?<!prolonged )(?<!sustained )"
                             r"(?<!extended )(?<!controlled )(?<!modified )(?<!immediate )(?<!delayed )(?<!slow )release|reconstruction|"
                             r"replacement(?!\s+therap)|fixation|"
                             r"osteosynthesis|decompression|spacers?|implant(?:s|ation)?|prosthes[ie]s|arthroscop\w*|"
                             r"\w+pexy|\w+rrhaphy|\w*lithotripsy|excision|resection|restorations?|fillings?)\b", re.I)


def operation_studied(name: str) -> bool:
    """The intervention is itself an operation or an implanted device (its own name, not its setting, names one)."""
    head = _NAME_CONTEXT.sub(" ", name)
    return bool(SURGICAL.search(head) or OPERATION_WORDS.search(head)) and not _NOT_DONE.search(head)
_EXPERIMENTAL_PAIN = re.compile(r"experimental pain|pressor|laser|capsaicin|hyperalgesia model|heat pain|electrical", re.I)
# Pain as a measured or planned outcome (guideline additions rule aa): a pain word with a measure, a change or a
# comparison within a few words of it ('pain intensity', 'reduction in pain', 'effect of X on pain').
_MEASURE = (r"(?:scores?|scales?|VAS|NRS|VRS|VNRS|intensity|severity|relief|reliev\w*|alleviat\w*|reduc\w*|decreas\w*|"
            r"improv\w*|lower(?! (?:back|limbs?|extremit\w*|abdom\w*|legs?|quadrant))|higher|greater|less\w*|more|free|thresholds?|"
            r"tolerance|consumption|requirements?|rescue|questionnaires?|ratings?|rated|assess\w*|measur\w*|evaluat\w*|"
            r"record\w*|outcomes?|end ?points?|chang\w*|differ\w*|effects? (?:of|on)|efficacy|attenuat\w*|prevent\w*|"
            r"incidence|frequency|rates?|compare|comparing|occurrence|duration|onset|time to|control|manag\w*|perceived|perception|report\w*|"
            r"diary|experienced?|felt|worse|better|significantly|(?:no|not|non-?) ?significant|persist\w*|resolution|resolved|disappear\w*|treat(?:ment|ing|ed)? (?:of|for)|"
            r"monitor\w*|compared|examined|observed|parameters?|variables?|documented|registered|noted)")
_MEASURED_PAIN = re.compile(rf"\b{_MEASURE}\b(?:[^.;]|\.\d){{0,160}}?(?:{_PAIN_WORD}|\b(?:VAS|NRS)\b)"
                            rf"|{_PAIN_WORD}(?:[^.;]|\.\d){{0,100}}?\b{_MEASURE}\b", re.I)


# The items of an adverse-event list ('complications like hematuria and wound infection', 'adverse effects
# (cardiac arrhythmias ...)', 'side effects such as ...'): a pain word there is an event, not an outcome.
_CATEGORY = r"\b(?:adverse (?:events?|effects?|reactions?)|AEs?|TEAEs?|side[- ]effects?|complications?|toxicit\w*)"
_EVENT_CATEGORY = re.compile(_CATEGORY, re.I)
_BENEFIT = re.compile(r"\b(?:reduc\w*|advantage|improv\w*|reliev\w*|relief|alleviat\w*|decreas\w*|disappear\w*|resol(?:ved|ution))\b", re.I)
_RECORDED = re.compile(r"\b(?:assessed|recorded|measured|evaluated|monitored|rated|documented|registered)\b", re.I)
_EVENT_ITEMS = re.compile(_CATEGORY + r"\s*(?:\([^()]*\)|(?:,?\s*(?:such as|like|including|included|e\.g\.|of|:|"
                          r"(?:were|was)(?!\s+(?:\w+ly\s+)?\w+ed\b)))[^;.]*)", re.I)
# A pain word with a measure of its own ('pain score', 'required more analgesics', 'incidences of ..., pain,
# ... were assessed', 'differences were observed in postoperative pain'): firmer words than ``_MEASURE``, which
# also holds 'reported' and 'experienced' that any adverse-event report uses.
_FIRM = (r"(?:scores?|scales?|VAS|NRS|VRS|intensity|severity|relief|reduc\w*|decreas\w*|lower|higher|greater|less|more|"
         r"assessed|measured|evaluated|recorded|monitored|rated|compared|differences?|improv\w*|disappear\w*|"
         r"resol\w+|advantage)")
_FIRM_PAIN = re.compile(rf"\b{_FIRM}\b(?:[^.;]|\.\d){{0,120}}?{_PAIN_WORD}|{_PAIN_WORD}(?:[^.;]|\.\d){{0,120}}?\b{_FIRM}\b",
                        re.I)


def listed_pain_outcome(text: str) -> bool:
    """Pain measured or compared in its own right in a sentence that also reports events, tolerability or
    signs (rule w): either an item before the adverse-event category ('pain score, PCA consumption, and adverse
    events were recorded'; 'required more analgesics and had more complications'), or an item of a list of what
    was assessed or recorded ('incidences of nausea, vomiting, ..., pain, and adverse effects (...) were
    assessed'). A pain word inside an adverse-event list ('side effects such as headache') is an event."""
    category = _EVENT_CATEGORY.search(text)
    if category is not None and _firm_pain(text[:category.start()]):
        return True
    if category is None and _BENEFIT.search(text) and _firm_pain(text):
        return True  # symptoms the treatment relieves ('a significant advantage is observed for nausea, ... epigastric pain')
    return bool(_RECORDED.search(text)) and _firm_pain(_EVENT_ITEMS.sub(" ", text))


def _firm_pain(text: str) -> bool:
    """A pain word with a measure or comparison in its clause (``_FIRM``), or analgesic use: pain measured, not named."""
    return bool(CONSUMED.search(text) or _FIRM_PAIN.search(text))


# A title naming pain as what a treatment is for or acts on ('Ketamine for fibromyalgia pain', 'Cannabis in
# Painful Diabetic Neuropathy', 'ketamine on post operative pain'): pain is the study's outcome. 'for painless ICD therapy' names a
# quality of the treatment, not a pain outcome.
_TREATED_PAIN = re.compile(rf"\b(?:for|in|on|against)\s+(?:[\w\-/]+,?\s+){{0,8}}?(?!painless){_PAIN_WORD}", re.I)
_NO_OUTCOME_DESIGNS = {"narrative_review", "systematic_review", "guideline", "case_report", "case_series"}


def _no_outcomes_expected(ctx: "Context") -> bool:
    """Reviews, guidelines and case reports name the conditions they cover without measuring an outcome."""
    return any(f.value in _NO_OUTCOME_DESIGNS for f in ctx.earlier("design"))


def _measured_pain(text: str) -> bool:
    """Pain measured in ``text``: analgesic use, or a pain word near a measure outside the phrases that give pain
    another role (population, technique, purpose, a painful thing: ``pain_roles``)."""
    return bool(CONSUMED.search(text)) or bool(_MEASURED_PAIN.search(without_roles(text)))


def _chronic_only(sentences: list["Sentence"]) -> bool:
    """A named chronic condition studied as chronic: acute-setting words then describe something else."""
    return any(_CHRONIC_WORD.search(s.text) for s in sentences)
