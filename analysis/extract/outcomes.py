"""Outcome vocabulary and polarity: is a text about a pain outcome, and is more of it better or worse?

Lower is better for pain intensity, scores, analgesic consumption, hyperalgesia and recurrences of pain;
higher is better for relief, pain-free rates, responders, time to first analgesic and thresholds. Generic outcome
words ('efficacy endpoints', 'global impression', a bare 'recurrence') are pain outcomes only of an abstract whose own
outcome is pain (``outcome_abbreviations``).
An outcome this vocabulary does not know has no polarity (``None``): callers must then not turn
'improved' or 'increased' into better or worse by guessing. Pain named as the condition studied
('patients with chronic low back pain') and coping or disability questionnaires are not outcomes; nor
is pain counted among adverse events ('adverse events ... were headache and diarrhea').
``pain_item`` keeps, in a list of outcomes with a direction word each, the one before the pain outcome;
``primary_outcomes`` / ``on_outcome`` tell which pain outcome the abstract names primary.
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract import required_text
from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract.population_pain import blank_population
from ketamine_evidence.analysis.extract.study_text import PAIN_FORMS, lower, lower_case_source
from ketamine_evidence.analysis.extract.text_patterns import longest_first


# --- outcome vocabulary -------------------------------------------------------------------------
# A word for pain as the general pain vocabulary has it (``study_text.PAIN_FORMS``): 'headache', 'cephalalgia',
# 'cervicalgia', 'backache' name pain as 'pain' does ('cephalalgia relief', 'cephalalgia-free').
PAIN_WORD = r"(?:pain|headaches?|" + PAIN_FORMS + ")"
# Pain outcomes where MORE is better (relief, pain-free, time to first analgesic, thresholds).
# Generic outcome words ('efficacy endpoints', 'global impression', 'much improved'): pain outcomes of a trial whose
# own outcomes are pain, not of a trial of insulin resistance or ADHD (pool dev PMC3714385, PMC5730627). They are left
# out of the vocabulary below; ``outcome_abbreviations`` adds them to the pain outcome words of an abstract that names
# a pain outcome by its own words.
_GENERIC_HIGHER = r"global (impression|assessment|evaluation)|much improved"
_GENERIC_LOWER = r"efficacy (variables|outcomes|measures|end ?points|parameters)"
HIGHER_BETTER = re.compile(
    r"\b(pain (manifestation|onset|appearance)|(onset|appearance|manifestation) of (the )?pain|time to (the )?(onset of )?pain|" + PAIN_WORD + r"[- ]?free(dom)?|" + PAIN_WORD + r" relief|relie(f|ved|ving) (of )?(the )?" + PAIN_WORD + r"|"
    r"totpar|spid\d*|(sum|summed) (of )?pain intensity differences?|pain intensity differences?|"
    r"time (to|for|until) (first |1st |the first )?(rescue|analges|request|opioid|morphine)|"
    r"(first|time for the first) (analgesic|rescue)|interval time for the first|duration of (analgesia|pain relief)|"
    r"analgesi[ac] duration|pain (\w+ )?(thresholds?|tolerance)|(hyperalgesi\w*|nocicepti\w*|withdrawal) (\w+ )?"
    r"thresholds?|(?<!epidural )(?<!neuraxial )(?<!rescue )(?<!supplemental )(?<!supplementary )(?<!additional )analgesia(?! (requirements?|consumption|use|demand|request))|pressure pain threshold|"
    r"" + PAIN_WORD + r" (reductions?|improvements?|control)|(reduction|improvement)s? (in|of) (the )?" + PAIN_WORD + r"|"
    r"(" + PAIN_WORD + r"|analgesic|migraine) (responders?|response rates?)|analgesi[ac] (effects?|efficacy|benefits?|actions?|properties|potency|"
    r"activity|quality|effectiveness)|quality of (analgesia|pain relief))",
    re.I)
# Analgesics named by class or drug, whose consumption is a pain outcome (guideline): 'additional doses of ketoprofen
# and pethidine' (batch 6 PMC5791393) as well as 'morphine consumption'. (Not the intervention's own dose: a drug given
# as the treatment is named by the intervention pattern, which callers blank first.)
_ANALGESIC_DRUG = (r"morphine|opioids?|analgesics?|painkillers?|pain ?killers?|fentanyl|tramadol|pethidine|meperidine|"
                   r"oxycodone|hydromorphone|sufentanil|remifentanil|piritramide|diclofenac|paracetamol|acetaminophen|"
                   r"ketoprofen|ketorolac|ibuprofen|metamizole|dipyrone|nalbuphine|codeine|rescue")
# A recurrence is a pain outcome where what recurs is pain ('headache recurrence', 'recurrence of pain'); a bare
# 'recurrence' is mostly a tumour's, a hernia's or an effusion's (the only pain word of 34 sentences in 11 MEDLINE
# sample citations and of 6 pool dev sentences, none about pain). Where the abstract treats a headache disorder, a bare
# recurrence is the headache's: ``outcome_abbreviations`` adds it to the abstract's own pain outcome words.
_RECURRENCE = r"(headache |migraine |pain )recurrences?|recurrences? of (the )?(headaches?|migraines?|pain)"
_GENERIC = re.compile(r"\b((?:" + _GENERIC_HIGHER + "|" + _GENERIC_LOWER + r"))\b", re.I)
_RECURRING_PAIN = re.compile(r"\b(migraines?|headaches?)\b", re.I)
# Pain outcomes where LESS is better (intensity, scores, consumption, hyperalgesia).
LOWER_BETTER = re.compile(
    r"\b(pain|painful|vas|nrs|vrs|vnrs|visual analog(ue)? (scales?|scores?)|(verbal )?numeric(al)? rating scales?|"
    r"hyperalgesi\w*|allodyni\w*|"
    r"analgesics? ((drugs?|medications?) )?(consumption|requirements?|use|usage|doses?|demand|intake|request)|(additional|rescue|supplement\w*) analgesi\w*|"
    r"analgesia requirements?|(use|rates?|need|uptake|requests?) (of|for) (an? )?(epidural|neuraxial)( analgesia)?|"
    r"epidural (rates?|use|requests?)|(requirements?|consumption|doses?) (of|for) (\w+ )?(" + _ANALGESIC_DRUG + r")|"
    r"migraines?|(" + _ANALGESIC_DRUG + r")[- ]?"
    r"(consumption|requirements?|use|doses?|demand|sparing|injections?)|rescue (medication|analges\w*)|"
    r"headaches?|myalgia|" + PAIN_FORMS + r"|soreness|withdrawal (response|movement)s?|"
    r"(required|requiring|needed|needing|received|receiving|consumed|used|administered) (significantly |statistically "
    r"significantly )?(less|more|fewer|lower|higher|smaller|larger|greater) (\w+ )?(morphine|opioids?|analgesics?|"
    r"analgesia|fentanyl|tramadol|pethidine|meperidine|oxycodone|hydromorphone|piritramide|rescue)|"
    r"(nih-)?cpsi|prostatitis symptom (index|scores?)|mc ?gill pain|(sf-)?mpq|npsi|neuropathic pain symptom inventory|"
    r"koos pain|tenderness|tender[- ]points?|aches?|aching|(abdominal|menstrual) cramp\w*|hit-6|hit score|womac|bpi|brief pain inventory|opioid[- ]sparing|"
    r"" + _RECURRENCE + r"|sore throat)\b",
    re.I)
# Wording about pain that is not a pain outcome (questionnaires about coping, disability).
NOT_PAIN_OUTCOME = re.compile(
    r"\bpain[- ](related (self[- ]efficacy|disability)|self[- ]efficacy|acceptance|catastrophi\w*|coping|beliefs?)\b|"
    r"\b(rescue|supplement\w*|additional) (medications?|drugs?|doses?|sedatives?|\w+) (for|to (treat|control|manage)) "
    r"(the )?(\w+ )?(agitation|delirium|sedation|nausea|vomiting|shivering|anxiety|restlessness|hypotension|"
    r"bradycardia|hypertension|PONV)\b|"
    # Analgesia named by its technique, or a drug given 'as analgesia', is a treatment, not an outcome.
    # (The word boundary and a first letter come before the seven look-behinds: all are zero-width at one position,
    # so the match is the same, but the look-behinds no longer run at every position: 26 -> 5 microseconds a scan.)
    r"\b(?=[esrcptimob])(?<!\buse of )(?<!\brate of )(?<!\brates of )(?<!\bneed for )(?<!\buptake of )(?<!\brequest for )"
    r"(?<!\brequests for )(epidural|spinal|intrathecal|regional|caudal|patient[- ]controlled|intravenous|thoracic|multimodal|"
    r"opioid[- ]based|balanced)( [\w-]+)? analgesia\b|\bas (\w+ )?analgesia\b|"
    # Pain naming the treatment or the syndrome, not a measured outcome: 'pain treatment improved sleep'.
    r"\bpain (treatments?|therapy|therapies|medications?|clinics?|services?|syndromes?|patients)\b|"
    # A rating scale of something else: 'NRS-satisfaction', 'VAS anxiety' (more satisfaction is no less pain).
    r"\b(vas|nrs|vrs)[- ](satisfaction|anxiety|nausea|sedation|comfort|fatigue|sleep)\b", re.I)

# Pain named as the condition studied, not as an outcome: 'patients with chronic low back pain'.
CONDITION_PAIN = re.compile(
    r"\b(for|with|from|(?<!decrease )(?<!decreases )(?<!reduction )(?<!reductions )(?<!improvement )(?<!improvements )"
    r"(?<!increase )(?<!change )(?<!changes )(?<!difference )(?<!differences )in) (the (treatment|management) of )?(((chronic|acute|widespread|low|lower|upper|back|neck|cervical|"
    r"sciatic|hip|menstrual|cancer-related|"
    r"shoulder|cancer|neuropathic|musculoskeletal|pelvic|myofascial|lumbosacral|radicular|knee|joint|abdominal|"
    r"persistent|refractory|diabetic|non-specific|nonspecific|severe|moderate|mild|moderate-to-severe|lumbar|spinal|"
    r"breakthrough|nociceptive)[- ]){1,4})pain\b(?![- ](scores?|intensity|ratings?|levels?|relief|reduction|severity|"
    r"perception|experience|scales?|outcomes?))|"
    # 'painful' before the body part or disorder it describes: 'Function of Chronically Painful Muscles'.
    r"\b(chronically )?painful ((trapezius|diabetic|peripheral|lumbar|cervical) )?(muscles?|joints?|knees?|shoulders?|hips?|"
    r"feet|foot|hands?|heels?|conditions?|disorders?|neuropath\w*|syndromes?|bladder)\b", re.I)


# Any pain outcome word, either polarity: what ends a population frame ('for employees who report mild LBP').
_ANY_PAIN = re.compile(LOWER_BETTER.pattern + "|" + HIGHER_BETTER.pattern, re.I)


def blank_proof_gate(patterns: tuple[re.Pattern[str], ...]) -> frozenset[int] | None:
    """Numbers of the shared automaton's keys (``required_text``) one of which an ASCII text must hold for any of
    ``patterns`` to match it after parts of it were blanked to spaces (``_mask``); None when not every pattern has
    such keys. Every match holds one of a pattern's required keys; the blanks are spaces, so the key's longest
    run without a space is unblanked text, found at the same place in the text before blanking."""
    runs: set[str] = set()
    for pattern in patterns:
        source = lower_case_source(pattern)
        keys = required_text.required_keys(source, pattern.flags & ~re.I) if source is not None else None
        if keys is None:
            return None
        for key in keys:
            run = max(key.split(" "), key=len)
            if len(run) < 3:  # too short to rule out text: no gate
                return None
            runs.add(run)
    return required_text.register(frozenset(runs)) if required_text.accepting() else None


# A text with none of these holds no pain outcome word, masked or not: nothing to mask (more than half of the texts
# asked ``is_pain_outcome`` on the ketamine workload).
_PAIN_GATE = blank_proof_gate((HIGHER_BETTER, LOWER_BETTER))


def no_pain_word(text: str) -> bool:
    """True when neither ``HIGHER_BETTER`` nor ``LOWER_BETTER`` can match ``text`` or its ``_mask``ed copy (ASCII
    text only: its lower-cased copy is lower-cased letter by letter; False means: not known)."""
    return _PAIN_GATE is not None and text.isascii() and _PAIN_GATE.isdisjoint(required_text.present_keys(lower(text)))


# Acetylcholinesterase ('AChE', 'AChEI'): case-sensitive (no ``re.I``, so run as written), as the case-insensitive
# pain vocabulary reads it as 'ache'.
_ENZYME = re.compile(r"\bAChEI?s?\b")


@per_article  # per sentence and clause of one article: asked again by several readers
def _mask(text: str) -> str:
    """Blank wording that names pain without being a pain outcome (conditions, coping scales, 'AChE')."""
    blank = lambda m: " " * len(m.group(0))  # noqa: E731 - keeps offsets
    if "AChE" in text:
        text = _ENZYME.sub(blank, text)
    return blank_population(CONDITION_PAIN.sub(blank, NOT_PAIN_OUTCOME.sub(blank, text)), _ANY_PAIN)


# Pain reported as an adverse event: 'Adverse events ... were headache (5.6 vs. 5.1 %) and diarrhea', 'abdominal
# pain, diarrhoea, and nasal congestion after all three vaccinations': a harm counted, not a pain outcome studied.
_ADVERSE_CONTEXT = re.compile(r"\b(adverse (events?|effects?|reactions?|experiences?)|side[- ]effects?|AEs|reactogenicity|"
                              r"tolerability)\b", re.I)
_ADVERSE_SYMPTOM = re.compile(r"\b(nausea|vomiting|diarrh\w+|dizziness|drowsiness|somnolence|fatigue|rash|fever|pyrexia|"
                              r"constipation|pruritus|itching|congestion|insomnia|dyspepsia|malaise|dystonia)\b", re.I)
_SYMPTOM_PAIN = re.compile(r"\b(headaches?|(abdominal|back|chest|joint|muscle) pain|arthralgia|" + PAIN_FORMS + r")\b", re.I)
_PAIN_MEASURE = re.compile(r"\b(scores?|scales?|vas|nrs|intensity|severity|relie\w+|free|consumption|requirements?|"
                           r"responders?|thresholds?|rescue)\b", re.I)


@per_article  # asked of a text, then of its masked copy, which is the text itself where nothing is masked
def _adverse_context(text: str) -> bool:
    """``text`` names adverse events or side effects (``_ADVERSE_CONTEXT``)."""
    return _ADVERSE_CONTEXT.search(text) is not None


# Where a sentence turns to another statement: 'adverse events were similar ..., but ... less painful'.
_TURN = re.compile(r",?\s(?:but|whereas|although|though|while)\s|;", re.I)


@per_article  # per sentence and clause of one article: asked again by several readers
def is_pain_outcome(text: str) -> bool:
    """True when ``text`` names a pain outcome in the guideline's sense (not pain counted as an adverse event).
    Adverse-event wording rules out only its own clause: in 'The overall incidence of adverse events was similar
    in both groups, but ... injections of Bravelle were ... significantly less painful' the pain is an outcome."""
    if no_pain_word(text):
        return False  # nor in any of its clauses (parts of it)
    if _adverse_context(text):
        parts = _TURN.split(text)
        if len(parts) > 1:
            return any(_clause_pain_outcome(part) for part in parts)
    return _clause_pain_outcome(text)


def _clause_pain_outcome(text: str) -> bool:
    cleaned = _mask(text)
    if not (_adverse_context(cleaned) or (_SYMPTOM_PAIN.search(cleaned) and _ADVERSE_SYMPTOM.search(cleaned))):
        return _pain_polarity(cleaned) is not None
    # Among adverse events, pain is an outcome only where it is measured as one ('pain scores', 'relief of pain').
    return any(_PAIN_MEASURE.search(cleaned, max(0, m.start() - 25), m.end() + 25)
               for rx in (HIGHER_BETTER, LOWER_BETTER) for m in rx.finditer(cleaned))


@per_article  # per sentence and clause of one article: asked again by several readers
def outcome_polarity(text: str) -> str | None:
    """'higher_better' (relief, pain-free, time to analgesic), 'lower_better' (pain, consumption), or None."""
    if no_pain_word(text):
        return None
    return _pain_polarity(_mask(text))


@per_article  # one reading of a masked text's pain words, for ``is_pain_outcome`` and ``outcome_polarity`` alike
def _pain_polarity(cleaned: str) -> str | None:
    """'higher_better' where ``HIGHER_BETTER`` matches the masked text ``cleaned``, else 'lower_better' where
    ``LOWER_BETTER`` does, else None."""
    if HIGHER_BETTER.search(cleaned):
        return "higher_better"
    if LOWER_BETTER.search(cleaned):
        return "lower_better"
    return None


# --- polarity of any outcome (issue 13: pain, consumption, time to first analgesic, function, quality of life) ----
# Outcomes outside the pain vocabulary of which less is better: harms, symptoms, risk factors, costs. Learned from the
# Evidence Inference prompts (round 10, EI-read): 'better' on one of them is less of it.
HARM_OUTCOME = re.compile(
    r"\b(adverse|side[- ]effects?|complication|toxicit|nausea|vomit|ponv|sedat|mortality|death|infection|risk|"
    r"incidence|symptom|distress|anxiety|depress|anger|tension|confusion|negative|hunger|weight|bmi|fat|glucose|"
    r"hba1c|cholesterol|ldl|triglycerid|blood pressure|heart rate|discomfort|cost|failure|recurren|relapse|"
    r"bleeding|blood loss|length of (hospital )?stay|\W?off\W? time)", re.I)
# An outcome named as a benefit ('overall improvement', 'patient satisfaction') or as a change of pain ('percentage of
# change of pain scores': more change is more relief): more is better.
_BENEFIT_OUTCOME = re.compile(r"\W*(the\s)?(subjective\s|global\s|overall\s)?(improvement|relief|satisfaction|success)",
                              re.I)
_PAIN_CHANGE = re.compile(r"\b(percent(age)?\s(of\s)?)?(change|reduction|decrease|improvement)s?\s(of|in)\s(the\s)?"
                          r"(\w+\s)?pain", re.I)


def named_outcome_polarity(outcome: str, unknown: str | None = "higher_better") -> str | None:
    """Polarity of an outcome named on its own (a prompt's or a table's outcome, not a sentence): benefits and changes
    of pain more is better, then the pain vocabulary (``outcome_polarity``), then harms less is better; any other
    outcome ``unknown`` (Evidence Inference, EI-read: 47 of 63 'improved' outcomes of no known polarity increased)."""
    if _BENEFIT_OUTCOME.match(outcome) or _PAIN_CHANGE.search(outcome) or _FREE_OF.search(outcome):
        return "higher_better"
    return outcome_polarity(outcome) or ("lower_better" if HARM_OUTCOME.search(outcome) else unknown)


# A harm one is free of is a benefit: 'recurrence-free survival', 'free of nausea' (EI-read, docs/direction.md round 14).
_FREE_OF = re.compile(r"\b[\w-]+[- ]free\b|\bfree (?:of|from)(?: \w+){1,3}", re.I)


# --- abbreviations the abstract defines for pain outcomes ---------------------------------------
# ' (' first and the letter before it read behind: the scan looks for the literal (39 -> ~3 microseconds an abstract).
_ABBR_PAREN = re.compile(r" \((?<=[A-Za-z-] \()([A-Z][A-Za-z0-9-]{1,7})\)")
_WORDS_BEFORE = re.compile(r"(?<![A-Za-z-])[A-Za-z-]+(?: [A-Za-z-]+){0,3}$")


def outcome_abbreviations(text: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Abbreviations defined for pain outcomes ('postoperative myalgia (POM)'), and those of them whose
    expansion is a more-is-better outcome ('duration of analgesia (DOA)')."""
    found: set[str] = set()
    higher: set[str] = set()
    for m in _ABBR_PAREN.finditer(text):  # ' (POM)' first, then the words before it (much faster than one regex)
        words = _WORDS_BEFORE.search(text, max(0, m.start() - 120), m.start())
        if words is None:
            continue
        wider = text[max(0, words.start() - 30):m.start()]  # 'patients with chronic non-specific neck pain (CNSNP)'
        if m.group(1).upper() not in ("VAS", "NRS", "PCA", "IV") and is_pain_outcome(words.group(0)) and is_pain_outcome(
                wider):  # an abbreviation for the condition studied names no outcome (the scales: the cheap check first)
            found.add(m.group(1))
            if outcome_polarity(words.group(0)) == "higher_better":
                higher.add(m.group(1))

    # 'Success was considered as no or mild pain': the success rate is a pain outcome (more is better).
    for m in _SUCCESS_DEFINED.finditer(text):
        word = m.group(1).lower()
        found.update({word, word + " rate", word + " rates"})
        higher.update({word, word + " rate", word + " rates"})

    if (generic := _GENERIC.findall(text)) and is_pain_outcome(text):
        words = {m[0].lower() for m in generic}  # the abstract's own outcomes are pain: so are its generic ones
        found.update(words)
        higher.update(w for w in words if re.fullmatch(_GENERIC_HIGHER, w, re.I))
    if _RECURRING_PAIN.search(text):
        found.update({"recurrence", "recurrences"})  # a headache disorder's recurrence is the headache's (chronic dev
        # PMC4112748: 'The cumulative hazard of recurrence over 72 h was reduced by frovatriptan')

    def alternation(words: set[str]) -> re.Pattern[str] | None:
        if not words:
            return None
        return re.compile(r"\b(?:%s)\b" % "|".join(re.escape(f) for f in longest_first(words)), re.I)

    return alternation(found), alternation(higher)


# 'Success was considered as no or mild pain' (module-level: run in lower case by ``fast_re.fast_patterns``).
_SUCCESS_DEFINED = re.compile(r"\b(success|response|responders?)\b[^.;]{0,30}?\b(was|were|is)\s(defined|considered|"
                              r"regarded)\s(as|by)\b[^.;]{0,80}?\b(pain|analges\w*|headache)", re.I)


# --- which direction word governs the pain outcome ----------------------------------------------
_ITEM_WORD = re.compile(r"\b(less|lower|fewer|reduced|decreased|shorter|more|higher|greater|increased|longer|better|"
                        r"worse)\s", re.I)


def pain_item(clause: str) -> str:
    """The clause without the list items before its pain outcome: in 'X had a higher success rate, longer duration
    of anesthesia, less intra-operative pain, ... than Y' the first direction word governs the success rate; the
    pain outcome's own word ('less') must decide. Returns ``clause`` unchanged where the first direction word
    already governs a pain outcome, or no later word stands right before one."""
    words = list(_ITEM_WORD.finditer(clause))
    if len(words) < 2:
        return clause
    first = words[0]
    governed = re.split(r"[,;]|\band\b", clause[first.end():], maxsplit=1)[0]
    if HIGHER_BETTER.search(_mask(governed)) or LOWER_BETTER.search(_mask(governed)):
        return clause
    for w in words[1:]:
        item = re.split(r"[,;]|\band\b", clause[w.end():], maxsplit=1)[0]
        if len(item.split()) <= 4 and (HIGHER_BETTER.search(_mask(item)) or LOWER_BETTER.search(_mask(item))):
            return clause[:first.start()] + clause[w.start():]
    return clause


# --- which outcome is primary -------------------------------------------------------------------
# 'The primary outcome (measure) was X', 'Primary efficacy variable: X', 'X was the primary endpoint'.
_PRIMARY = re.compile(r"\b(co-?)?primary (efficacy |comparison |outcome |end ?point )?(outcomes?|end ?points?|measures?|"
                      r"variables?|parameters?|criteri(on|a))( measures?)?\b", re.I)
_PRIMARY_AFTER = re.compile(r"^\W*(of (this|the) (study|trial) )?(was|were|is|are|included?|:)\s+(the |a |an )?", re.I)
_PRIMARY_BEFORE = re.compile(r"(was|were|is|are) (the|our) $", re.I)
# Where the outcome's name ends: its time point, instrument or the next outcome class.
_PHRASE_END = re.compile(r"[,;.()]|\s(at|on|over|during|after|before|using|measured|assessed|as|by|from|within|while|"
                         r"and secondary|with|in the first)\s", re.I)
_STOP = frozenset("the of in and or a an mean average daily weekly monthly change changes from baseline to score scores "
                  "level levels total overall proportion patients patient number rate rates item items past hours days "
                  "weeks".split())


def _words(text: str) -> frozenset[str]:
    """Content words of an outcome name, cut to five letters ('requirement' and 'requirements' agree)."""
    return frozenset(w[:5] for w in re.findall(r"[a-z][a-z0-9-]{2,}", text.lower()) if w not in _STOP)


def primary_outcomes(sentences: list[str]) -> list[frozenset[str]]:
    """The content words of each pain outcome the abstract names primary ('NRS and the TUG test were the primary
    outcomes': NRS); empty where it names none, or a primary outcome that is not about pain (the pain results are
    then all of one standing)."""
    for text in sentences:
        m = _PRIMARY.search(text) if "rimary" in text or "RIMARY" in text else None
        if not m:
            continue
        after = _PRIMARY_AFTER.match(text[m.end():])
        if after:
            rest = text[m.end() + after.end():]
            end = _PHRASE_END.search(rest)
            phrase = rest[:end.start()] if end else rest
        elif _PRIMARY_BEFORE.search(text[:m.start()]):
            phrase = text[:m.start()].split(",")[0]
        else:
            continue
        parts = re.split(r"\s(?:and|or)\s", phrase)
        named = [_words(re.sub(r"\(.*?\)", " ", part)) for part in parts if is_pain_outcome(part)]
        short = [_words(abbr) for part in parts if is_pain_outcome(part) for abbr in re.findall(r"\((\w+)\)", part)]
        return [words for words in named + short if words]
    return []


def on_outcome(clause: str, outcome: frozenset[str]) -> bool:
    """The clause names every content word of ``outcome`` ('monthly migraine intensity' is not 'migraine frequency')."""
    return outcome <= _words(clause)


# --- pain named by the abstract's own wider or alternative term ------------------------------------
# Where the study's methods or results define a wider outcome by a list that holds pain ('five parameters of
# postoperative discomfort: pain, painkiller assumption, ...', 'NSAID-associated symptoms of pain, discomfort, or
# burning in the upper abdomen') or name pain with an alternative ('Pain or burning sensation ... were assessed'),
# a result on that term ('IIP procedures produce less postoperative discomfort', 'maintaining relief of upper GI
# symptoms', 'no ... difference ... in the reduction in burning sensation') is a result on pain.
_WIDER_TERM = re.compile(r"\b(?P<term>symptoms?|discomfort|complaints?)(?: of (?!pain)[\w .-]{1,40}?)?(?:\s(?:of|such as|"
                         r"including|like)|:)\s[^.;]{0,120}?\bpain\b", re.I)
_ALTERNATIVE = re.compile(r"\bpain (?:or|and/or) (?P<term>burning(?: sensation)?|discomfort|soreness|tenderness|"
                          r"aching)\b", re.I)


def pain_aliases(sentences: list[str]) -> re.Pattern[str] | None:
    """The wider or alternative terms the abstract defines pain by, in the sentences given (the caller passes
    those of the methods and results: a background's 'negative symptoms such as pain' defines no outcome of the
    study); ``None`` where there is none."""
    terms: set[str] = set()
    for text in sentences:
        for pattern in (_WIDER_TERM, _ALTERNATIVE):
            terms.update(re.sub(r"(symptom|complaint)s$", r"\1", m.group("term").lower()) for m in pattern.finditer(text))
    if not terms:
        return None
    return re.compile(r"\b(%s)s?\b" % "|".join(longest_first(map(re.escape, terms))), re.I)
