"""Rewrites of an abstract that must not change its gold ``adverse_events`` or ``negated_adverse_events``
(metamorphic invariance), kept apart from ``invariance_text`` so that module stays small. Why each keeps the gold:

- ``harm_words``: 'side effect(s)' -> 'adverse effect(s)' -> 'adverse event(s)' -> 'side effect(s)' (also after
  'serious', 'treatment-related', ...). The guideline names all three alike: 'no side effects' and 'no adverse
  events' both give negated ``serious_adverse_events``, and a count of any of them that names no event gives no
  term. Not applied to a name ('Adverse Event Reporting System', capitals) nor to 'adverse drug reaction'.
- ``event_order``: the items of a list of event words reversed ('nausea, vomiting and dizziness' -> 'dizziness,
  vomiting and nausea'): both lists are sets, and a list without numbers or brackets between its items says the
  same of each item whatever its place ('nausea and vomiting' -> 'vomiting and nausea'). Only where every item is one
  whole lexicon wording.
- ``negation_forms``: 'no X was/were observed (reported, noted, seen, found, recorded, detected)' <-> 'X was/were
  not observed'; 'no patient(s) had (experienced, developed, reported) X' -> 'none of the patients had X': the
  same statement that X did not occur (guideline: 'no hallucinations' gives negated ``hallucinations``).
- ``incidence_rate``: 'the incidence(s) of X' <-> 'the rate(s) of X' where X is an event wording: the same measure
  of how often X occurred (addition k: 'not increased' gives no term in either wording).
- ``event_number``: singular <-> plural of count-noun event words ('hallucination' <-> 'hallucinations',
  'headache(s)', 'nightmare(s)', 'vivid dream(s)', 'seizure(s)', 'palpitation(s)', 'rash(es)'): one preferred
  term stands for either number (the guideline's terms are the plural 'hallucinations' and singular 'headache').
- ``event_spelling``: British <-> American spelling of event words that ``spelling`` does not list ('dyspnoea',
  'paraesthesia', 'hypoaesthesia', 'ischaemia', 'apnoea', 'haematuria', 'leucopenia', ...): the same MedDRA
  term in the other house style.
- ``cue_words``: 'were observed' -> 'were noted' -> 'were reported' -> 'were observed'; 'patients experienced'
  <-> 'patients developed'; 'side effects such as' <-> 'side effects including'; 'the most common' <-> 'the most
  frequent': synonyms of the words that report or list events, the same events reported.
- ``absence_forms``: 'There were no X.' <-> 'No X occurred.' (X an event wording): the same absence.
- ``event_synonyms``: 'vomiting' <-> 'emesis', 'drowsiness' <-> 'somnolence', 'pruritus' <-> 'itching': synonyms the
  guideline maps to one preferred term.
- ``attribution_words`` (round 8): 'attributable to' -> 'attributed to' -> 'related to' after 'was/were'; 'higher'
  <-> 'greater' before 'incidence/rate/frequency/number of' and after 'was/were (significantly)' before 'in/among':
  the same attribution to the treatment (addition t) and the same comparison of how often an event occurred (q).
- ``event_abbreviation``: an abbreviation defined for an event wording ('adverse events (AEs)', 'postoperative nausea
  and vomiting (PONV)') spelt out wherever it is used later: the abbreviation means its definition.

'nausea and vomiting' <-> 'nausea or vomiting' is not a rewrite: the guideline does not say that 'nausea or
vomiting occurred in 3' names both events as occurred.
"""

from __future__ import annotations

import re
from typing import Callable

from ketamine_evidence.analysis.extract.event_terms import LEXICON
from ketamine_evidence.analysis.extract.text_patterns import longest_first

# ------------------------------------------------------------------------------------------------ harm words
_HARM_NEXT = {"side effect": "adverse effect", "adverse effect": "adverse event", "adverse event": "side effect"}
_HARM = re.compile(r"\b(side|adverse)([ -])(effect|event)(s?)\b(?![ -](?:reporting|report\b|database|system))",
                   re.I)


def harm_words(text: str) -> str:
    """'side effects' -> 'adverse effects' -> 'adverse events' -> 'side effects', case and number kept."""
    def swap(m: re.Match[str]) -> str:
        first, sep, second, plural = m.groups()
        if first[0].isupper() and second[0].isupper():
            return m.group(0)  # a name ('Adverse Event') or a heading in Title Case
        new = _HARM_NEXT[f"{first.lower()} {second.lower()}"].split()
        if first.isupper():
            new = [w.upper() for w in new]
        elif first[0].isupper():
            new[0] = new[0].capitalize()
        return f"{new[0]}{sep}{new[1]}{plural}"
    return _HARM.sub(swap, text)


# ------------------------------------------------------------------------------------------------ list order
_ITEM = r"[a-z][a-z-]*(?: [a-z][a-z-]*){0,2}"
_LIST = re.compile(rf"\b({_ITEM}(?:, {_ITEM})*),? (and|or) ({_ITEM})\b")


def _is_event(words: str) -> bool:
    m = LEXICON.regex.fullmatch(words)
    return m is not None and LEXICON.classify(words)[0] == "term"


def _split_items(head: str, last: str) -> tuple[list[str], str, str] | None:
    """(items, text before the first, text after the last) of 'a, b and c': the first item is the shortest end of
    its words, the last the longest start of its words, that is a whole event wording (the list may sit inside
    longer phrases: 'including nausea and vomiting were'); None when some item is no event wording."""
    items = head.split(", ")
    words = items[0].split(" ")
    first = next((" ".join(words[k:]) for k in range(len(words)) if _is_event(" ".join(words[k:]))), None)
    tail_words = last.split(" ")
    end = next((k for k in range(len(tail_words), 0, -1) if _is_event(" ".join(tail_words[:k]))), None)
    if first is None or end is None or not all(_is_event(i) for i in items[1:]):
        return None
    lead = items[0][:len(items[0]) - len(first)]
    trail = " ".join(tail_words[end:])
    return [first, *items[1:], " ".join(tail_words[:end])], lead, (" " + trail if trail else "")


def event_order(text: str) -> str:
    """A list of two or more event words in reverse order, its conjunction kept before the last item."""
    def swap(m: re.Match[str]) -> str:
        got = _split_items(m.group(1), m.group(3))
        if got is None or len(set(got[0])) < len(got[0]):
            return m.group(0)
        items, lead, trail = got
        comma = "," if m.group(0)[len(m.group(1)):].startswith(",") else ""
        rev = items[::-1]
        return f"{lead}{', '.join(rev[:-1])}{comma} {m.group(2)} {rev[-1]}{trail}"
    return _LIST.sub(swap, text)


# ------------------------------------------------------------------------------------------------ negations
_SEEN = r"observed|reported|noted|seen|found|recorded|detected"
_HARMS = r"(?:serious |major |severe |significant )?(?:side effects?|adverse (?:effects?|events?)|complications?)"
_NO_X = re.compile(rf"\b([Nn]o) ([a-z][a-z -]{{2,40}}?) (was|were) ({_SEEN})\b")
_X_NOT = re.compile(rf"(^|(?<=[.;:] )|(?<=\band )|(?<=\bbut ))([A-Za-z][a-z -]{{2,40}}?) (was|were) not ({_SEEN})\b",
                    re.M)
_NO_PATIENT = re.compile(r"\b([Nn]o) (?:patients?|participants?|subjects?) (had|experienced|developed|reported)\b")


def _event_phrase(words: str) -> bool:
    return _is_event(words.lower()) or re.fullmatch(_HARMS, words.lower()) is not None


Swap = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _both_ways(text: str, forward: Swap, back: Swap) -> str:
    """``text`` with every match of ``forward``'s pattern and of ``back``'s rewritten by its function, both read
    on the original text (so a phrase rewritten one way is not rewritten back); a ``back`` match overlapping a
    ``forward`` one is left alone."""
    spans = [(m.start(), m.end(), forward[1](m)) for m in forward[0].finditer(text)]
    spans += [(m.start(), m.end(), back[1](m)) for m in back[0].finditer(text)
              if not any(s < m.end() and m.start() < e for s, e, _ in spans)]
    out, end = [], 0
    for s, e, new in sorted(spans):
        out.append(text[end:s] + new)
        end = e
    return "".join(out) + text[end:]


def negation_forms(text: str) -> str:
    """'No X was observed' -> 'X was not observed' and 'X was not observed' -> 'No X was observed' (X an event
    wording); 'no patient had X' -> 'none of the patients had X'."""
    def no_to_not(m: re.Match[str]) -> str:
        no, words, verb, seen = m.groups()
        if not _event_phrase(words):
            return m.group(0)
        return f"{words[0].upper() + words[1:] if no == 'No' else words} {verb} not {seen}"

    def not_to_no(m: re.Match[str]) -> str:
        lead, words, verb, seen = m.groups()
        if not _event_phrase(words):
            return m.group(0)
        no = "No" if words[0].isupper() else "no"
        return f"{lead}{no} {words[0].lower() + words[1:] if not words.isupper() else words} {verb} {seen}"

    text = _both_ways(text, (_NO_X, no_to_not), (_X_NOT, not_to_no))
    return _NO_PATIENT.sub(lambda m: f"{'None' if m.group(1) == 'No' else 'none'} of the patients {m.group(2)}", text)


# ------------------------------------------------------------------------------------------------ incidence/rate
_INCIDENCE = re.compile(r"\b([Tt]he) (incidence|rate)(s?) of ")


def incidence_rate(text: str) -> str:
    """'the incidence of X' <-> 'the rate of X' where X starts with an event wording ('the rate of group' stays)."""
    def swap(m: re.Match[str]) -> str:
        after = LEXICON.regex.match(text, m.end())
        if after is None and not re.match(_HARMS, text[m.end():], re.I):
            return m.group(0)
        other = "rate" if m.group(2) == "incidence" else "incidence"
        return f"{m.group(1)} {other}{m.group(3)} of "
    return _INCIDENCE.sub(swap, text)


# ------------------------------------------------------------------------------------------------ number
_COUNT_NOUNS = {"hallucination": "hallucinations", "headache": "headaches", "nightmare": "nightmares",
                "vivid dream": "vivid dreams", "seizure": "seizures", "palpitation": "palpitations", "rash": "rashes"}
_PLURAL_SINGULAR = {v: k for k, v in _COUNT_NOUNS.items()}
# Not after an article or 'one' (the singular is then grammar: 'a headache'); only where the word ends its noun phrase
# ('headache diagnosis', 'Headache is a disorder' name the condition in a number of their own).
_NUMBER = re.compile(r"(?<!\ba )(?<!\ban )(?<!\bone )\b(" + "|".join(longest_first({**_COUNT_NOUNS, **_PLURAL_SINGULAR})) + r")\b"
                     r"(?=[,.;:)]| (?:was|were|occurred|in|and|or|during|after|at|with|were|\())", re.I)


def event_number(text: str) -> str:
    """Count-noun event words in the other number, case of the first letter kept."""
    def swap(m: re.Match[str]) -> str:
        word = m.group(1)
        low = word.lower()
        other = _COUNT_NOUNS.get(low) or _PLURAL_SINGULAR[low]
        return other.capitalize() if word[0].isupper() else other
    return _NUMBER.sub(swap, text)


# ------------------------------------------------------------------------------------------------ spelling
_EVENT_SPELLINGS = {
    "dyspnoea": "dyspnea", "paraesthesia": "paresthesia", "paraesthesiae": "paresthesiae",
    "paraesthesias": "paresthesias", "hypoaesthesia": "hypoesthesia", "hyperaesthesia": "hyperesthesia",
    "dysaesthesia": "dysesthesia", "ischaemia": "ischemia", "ischaemic": "ischemic", "apnoea": "apnea",
    "haematuria": "hematuria", "leucopenia": "leukopenia", "haemorrhagic": "hemorrhagic",
    "oesophagitis": "esophagitis", "hypoaesthesias": "hypoesthesias", "dysphoea": "dysphea",
    "anaphylaxis": "anaphylaxis", "bradypnoea": "bradypnea", "tachypnoea": "tachypnea",
    "haemorrhages": "hemorrhages", "haematomas": "hematomas", "oedematous": "edematous",
}
_EVENT_SPELLINGS = {k: v for k, v in _EVENT_SPELLINGS.items() if k != v and k != "dysphoea"}
_SPELLING_BACK = {v: k for k, v in _EVENT_SPELLINGS.items()}
_SPELLING = re.compile(r"\b(" + "|".join(longest_first({**_EVENT_SPELLINGS, **_SPELLING_BACK}))
                       + r")\b", re.I)


def event_spelling(text: str) -> str:
    """Event words in the other spelling (British -> American and back), case of the first letter kept."""
    def swap(m: re.Match[str]) -> str:
        word = m.group(1)
        other = _EVENT_SPELLINGS.get(word.lower()) or _SPELLING_BACK[word.lower()]
        return other.upper() if word.isupper() else other.capitalize() if word[0].isupper() else other
    return _SPELLING.sub(swap, text)


# ------------------------------------------------------------------------------------------------ wording cues
_OCCURRENCE_NEXT = {"observed": "noted", "noted": "reported", "reported": "observed", "experienced": "developed",
                    "developed": "experienced"}
# 'was/were observed/noted/reported' (not 'reported that': a statement) and 'patients experienced/developed X'.
_OCCURRENCE = re.compile(r"\b(?:(?<=was )|(?<=were ))(observed|noted|reported)\b(?! (?:that|to|as|by|on|with)\b)"
                         r"|(?<=patients )(experienced|developed)\b")
_LISTING = re.compile(r"\b((?i:side) effects|adverse (?:effects|events)|complications|symptoms)(,?) (such as|including)"
                      r"(?= [a-z])")
_FREQUENT = re.compile(r"\b([Tt]he most) (common|frequent|frequently reported|commonly reported)\b")
_FREQUENT_NEXT = {"common": "frequent", "frequent": "common", "frequently reported": "commonly reported",
                  "commonly reported": "frequently reported"}


def cue_words(text: str) -> str:
    """Words that say an event occurred or lists them, in a synonym: 'were observed' -> 'were noted' -> 'were
    reported' -> 'were observed'; 'patients experienced' <-> 'patients developed'; 'side effects such as' <->
    'side effects including'; 'the most common' <-> 'the most frequent'. The same report of the same events
    (a negation keeps its 'no': 'no X were noted')."""
    text = _OCCURRENCE.sub(lambda m: _OCCURRENCE_NEXT[m.group(0)], text)
    text = _LISTING.sub(lambda m: f"{m.group(1)}{m.group(2)} {'including' if m.group(3) == 'such as' else 'such as'}",
                        text)
    return _FREQUENT.sub(lambda m: f"{m.group(1)} {_FREQUENT_NEXT[m.group(2)]}", text)


_THERE_NO = re.compile(r"\b([Tt]here) (was|were) no ([a-z][a-z -]{2,40}?)(?=[.;])")
_NO_OCCURRED = re.compile(r"(^|(?<=[.;:] ))No ([a-z][a-z -]{2,40}?) (occurred|developed)(?=[.;])", re.M)


def absence_forms(text: str) -> str:
    """'There were no X.' <-> 'No X occurred.' (X an event wording, the sentence ending there): the same
    statement that X did not occur."""
    def there_to_no(m: re.Match[str]) -> str:
        if not _event_phrase(m.group(3)):
            return m.group(0)
        return f"{'N' if m.group(1) == 'There' else 'n'}o {m.group(3)} occurred"

    def no_to_there(m: re.Match[str]) -> str:
        if not _event_phrase(m.group(2)):
            return m.group(0)
        plural = m.group(2).endswith("s") and not m.group(2).endswith(("sis", "ss", "us"))
        return f"{m.group(1)}There {'were' if plural else 'was'} no {m.group(2)}"
    return _both_ways(text, (_THERE_NO, there_to_no), (_NO_OCCURRED, no_to_there))


# ------------------------------------------------------------------------------------------------ synonyms
_SYNONYMS = {"vomiting": "emesis", "emesis": "vomiting", "drowsiness": "somnolence", "somnolence": "drowsiness",
             "pruritus": "itching", "itching": "pruritus"}
_SYNONYM = re.compile(r"\b(" + "|".join(_SYNONYMS) + r")\b(?!-)", re.I)


def event_synonyms(text: str) -> str:
    """'vomiting' <-> 'emesis', 'drowsiness' <-> 'somnolence', 'pruritus' <-> 'itching': the guideline maps each pair
    to one preferred term (``vomiting``, ``sedation`` by its own synonym list; ``other`` for itching)."""
    def swap(m: re.Match[str]) -> str:
        other = _SYNONYMS[m.group(1).lower()]
        return other.capitalize() if m.group(1)[0].isupper() else other
    return _SYNONYM.sub(swap, text)


# An event abbreviation defined in brackets after its wording ('postoperative nausea and vomiting (PONV)').
_DEFINED = re.compile(r" \(([A-Z]{2,6}s?)\)")


def _spells(abbr: str, words: str) -> bool:
    """Whether the words' initials spell the abbreviation, a word giving one or two letters ('postoperative nausea
    and vomiting' PONV, 'adverse events' AEs; 'peptic ulcer' is not PPU: a word before it is left out)."""
    letters = abbr.lower().rstrip("s") if len(abbr) > 2 and abbr[-1] == "s" else abbr.lower()
    content = [w for w in re.split(r"[\s-]+", words.lower()) if w and w not in ("and", "of", "or")]

    def fits(i: int, k: int) -> bool:
        if k == len(content):
            return i == len(letters)
        return any(letters[i:i + n] and content[k].startswith(letters[i:i + n]) and fits(i + n, k + 1)
                   for n in (1, 2) if i + n <= len(letters))
    return len(content) >= 2 and fits(0, 0)


def event_abbreviation(text: str) -> str:
    """Every later use of an abbreviation the text defines for an event wording ('adverse events (AEs)', 'post-dural
    puncture headache (PDPH)') spelt out: the abbreviation means its definition, so each sentence names the same
    events."""
    for m in _DEFINED.finditer(text):
        abbr, head = m.group(1), text[max(0, m.start() - 60):m.start()]
        starts = [0] + [i + 1 for i, c in enumerate(head) if c == " "]
        long = next((head[i:] for i in starts if LEXICON.regex.fullmatch(head[i:]) and _spells(abbr, head[i:])), None)
        if long is None:
            continue
        after = re.sub(rf"(?<![\w(-]){re.escape(abbr)}(?![\w)-])", long.lower() if not long.isupper() else long,
                       text[m.end():])
        text = text[:m.end()] + after
    return text


# ------------------------------------------------------------------------------------ attribution and comparatives
_ATTRIBUTION_NEXT = {"attributable": "attributed", "attributed": "related", "related": "attributable"}
_ATTRIBUTION = re.compile(r"\b(?<=was )(?:considered |judged )?(attributable|attributed|related) to\b|"
                          r"\b(?<=were )(?:considered |judged )?(attributable|attributed|related) to\b")
_MORE_NEXT = {"higher": "greater", "greater": "higher"}
_COMPARATIVE = re.compile(r"\b(higher|greater)(?= (?:incidences?|rates?|frequency|number) of\b)|"
                          r"\b(?:was|were) (?:significantly )?(higher|greater)(?= (?:in|among|with|for)\b)")


def attribution_words(text: str) -> str:
    """'(was/were) attributable to' -> 'attributed to' -> 'related to' -> 'attributable to'; 'a higher incidence of' <->
    'a greater incidence of', 'was (significantly) higher in' <-> 'greater in'. The same statement that an event was or
    was not due to the treatment (addition t: 'none related to', 'no deaths were attributable to'), and the same
    comparison of how often an event occurred in one arm (addition q: more in one arm means it occurred in the other)."""
    def attribution(m: re.Match[str]) -> str:
        word = m.group(1) or m.group(2)
        return m.group(0).replace(word, _ATTRIBUTION_NEXT[word])

    def comparative(m: re.Match[str]) -> str:
        word = m.group(1) or m.group(2)
        return m.group(0).replace(word, _MORE_NEXT[word])
    return _COMPARATIVE.sub(comparative, _ATTRIBUTION.sub(attribution, text))


EVENT_REWRITES: dict[str, Callable[[str], str]] = {
    "harm_words": harm_words, "event_order": event_order, "negation_forms": negation_forms,
    "incidence_rate": incidence_rate, "event_number": event_number, "event_spelling": event_spelling,
    "cue_words": cue_words, "absence_forms": absence_forms, "event_synonyms": event_synonyms,
    "event_abbreviation": event_abbreviation, "attribution_words": attribution_words,
}
