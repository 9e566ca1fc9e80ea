"""Rewrites of an abstract that must not change its gold answer (metamorphic invariance tests).

Each function maps a text to a text a reader would annotate identically; why the gold answer stays the same:

- ``rename``: the treatment's names replaced everywhere by an unseen product name. Every field describes what the
  text reports about the named treatment, whatever it is called (``relevant`` is the ketamine question by
  definition, so the runner does not compare it for this rewrite).
- ``reletter_arms``: arm labels are arbitrary names the abstract defines ('group K received ketamine'); relabelled
  consistently ('group A/B' -> 'group 1/2', 'group 1/2' -> 'group A/B', 'Group K' -> 'Group T') they name the
  same arms. A rewrite that leaves an old letter standing alone elsewhere is not applied (it could break a tie).
- ``number_words``: 'two'..'twenty' before a word -> digits and digits 2-20 before a count noun -> words: the same
  number ('one' is left: 'one of', 'no one').
- ``typography``: a hyphen between numbers -> an en dash (a range either way), straight quotes -> curly ones.
  Space variants are not tested: the parser's ``clean`` folds every Unicode space into one ASCII space.
- ``spelling``: British <-> American spelling of common words (randomised/randomized, anaesthesia/anesthesia).
- ``route_forms``: 'intravenous(ly)' -> 'IV', 'intramuscular(ly)' -> 'IM', 'subcutaneous(ly)' -> 'SC', dotted
  short forms ('i.v.', 'i.m.', 's.c.') -> capitals, 'orally' -> 'by mouth', 'intranasal(ly)' -> 'nasal(ly)': the
  same route in the words clinicians write (a defining bracket 'intravenous (IV)' becomes 'IV'). Not applied where the short form already names something else
  ('stage IV', 'single cartridge: SC').
- ``condition_synonyms``: a condition or setting word swapped for a clinical synonym of the same guideline class
  ('osteoarthritis' <-> 'osteoarthrosis', 'low back pain' -> 'lumbar pain', 'neck pain' -> 'cervical pain',
  'postoperative' <-> 'post-operative', 'postherpetic' <-> 'post-herpetic', 'headache' -> 'cephalalgia',
  'tendinitis' <-> 'tendonitis', 'dysmenorrhoea' -> 'menstrual pain', 'cancer pain' -> 'cancer-related pain'):
  the class the guideline maps it to is the same, so ``conditions`` must not change.
- ``title_case``: the title in Title Case when written in sentence case, and in sentence case when in Title Case (short
  forms in capitals kept): journals' house styles, the same words.
- ``malignancy_words``: 'cancer' -> 'carcinoma' (not in 'cancer pain'): the same people with a malignancy, whose pain is
  still cancer pain.
- ``population_order``: 'patients with chronic low back pain' -> 'chronic low back pain patients': the same people
  named in the other order clinicians write; only where the phrase ends (punctuation or a verb after it: not 'with ... pain syndrome', 'with X and Y').
"""

from __future__ import annotations

import re
from ketamine_evidence.analysis.extract.text_patterns import longest_first
from typing import Callable

UNSEEN_NAME = "Zorvatex"

# ------------------------------------------------------------------------------------------------ arm labels
_LABEL = r"(?:[A-Z]|\d{1,2}|I{1,3}|IV)"
_ITEM = rf"(?:[Gg]roups?\s+)?{_LABEL}(?![\w\-/.]\w)"
# A list goes on after a comma only when it ends in 'and'/'or' ('groups A, B and C'; 'Group A, 1 μg/kg' is no list).
_LABEL_AFTER = re.compile(rf"\b([Gg]roups?|[Aa]rms?|GROUPS?)\s+({_LABEL})(?![\w\-/.]\w)"
                          rf"((?:\s*,\s*{_ITEM})*\s*,?\s*(?:and|or|&|vs\.?|versus|to|/)\s*{_ITEM}|)")
# Before 'group' only letters are labels: '4 groups' counts them.
_LABEL_BEFORE = re.compile(r"\b([A-Z])((?:\s*(?:,|and|or|&|/)\s*[A-Z])*)\s+(groups?|arms?)\b")
_LIST_LABEL = re.compile(rf"(?<![\w\-]){_LABEL}(?![\w\-])")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
# Spare letters carry no meaning of their own: not roman numerals (I, V, X) nor the usual comparator initials
# (C control, P placebo, S saline, N normal saline).
_SPARE_LETTERS = "TUWYQZJHG"


def _same_kind(head: str, items: list[str]) -> list[str]:
    """List items of the head's kind: 'Group A, 1 μg/kg' lists no label '1' after the letter A."""
    return [x for x in items if x.isdigit() == head.isdigit()]


def _labels(text: str) -> list[str]:
    found: list[str] = []
    for m in _LABEL_AFTER.finditer(text):
        found.append(m.group(2))
        found.extend(_same_kind(m.group(2), _LIST_LABEL.findall(m.group(3))))
    for m in _LABEL_BEFORE.finditer(text):
        found.append(m.group(1))
        found.extend(_same_kind(m.group(1), _LIST_LABEL.findall(m.group(2))))
    return list(dict.fromkeys(found))


def label_map(text: str) -> dict[str, str]:
    """Old label -> new label for the arm labels of ``text`` (empty when it names no labelled arm).

    Letters A, B, C... from A become 1, 2, 3...; other letters become unused spare letters; numbers (or roman
    numerals) become letters A, B, C..."""
    labels = _labels(text)
    if not labels:
        return {}
    letters = [x for x in labels if x.isalpha() and x not in _ROMAN]
    numbers = [x for x in labels if x not in letters]
    mapping: dict[str, str] = {}
    if letters and sorted(letters) == [chr(ord("A") + i) for i in range(len(letters))]:
        mapping.update({x: str(ord(x) - ord("A") + 1) for x in letters})
    else:
        spare = [c for c in _SPARE_LETTERS if c not in labels and not re.search(rf"\b{c}\b", text)]
        if len(spare) < len(letters):
            return {}
        mapping.update(zip(sorted(letters), spare))
    for x in numbers:
        value = _ROMAN.get(x) or int(x)
        if not 1 <= value <= 26 or (x in _ROMAN and any(y.isdigit() for y in numbers)):
            return {}
        mapping[x] = chr(ord("A") + value - 1)
    if len(set(mapping.values())) != len(mapping):
        return {}
    return mapping


def reletter_arms(text: str) -> str:
    """Arm labels relabelled consistently; ``text`` unchanged when an old letter label would stay elsewhere."""
    return relabel(text, label_map(text))


def relabel(text: str, mapping: dict[str, str]) -> str:
    """Every arm label of ``text`` in ``mapping`` replaced by its new label; ``text`` unchanged when the mapping
    is empty or an old letter label would stay standing alone elsewhere."""
    if not mapping:
        return text

    def relabel_list(head: str, s: str) -> str:
        return _LIST_LABEL.sub(lambda m: mapping.get(m.group(0), m.group(0)) if _same_kind(head, [m.group(0)])
                               else m.group(0), s)

    def after(m: re.Match[str]) -> str:
        return f"{m.group(1)}{m.group(0)[len(m.group(1)):m.start(2) - m.start()]}" \
               f"{mapping.get(m.group(2), m.group(2))}{relabel_list(m.group(2), m.group(3))}"

    def before(m: re.Match[str]) -> str:
        head = mapping.get(m.group(1), m.group(1))
        return f"{head}{relabel_list(m.group(1), m.group(2))}{m.group(0)[m.end(2) - m.start():]}"

    out = _LABEL_BEFORE.sub(before, _LABEL_AFTER.sub(after, text))
    # A letter label still standing alone ('K vs S, P < 0.05'; 'A' and 'I' are words) means the relabelling
    # is not consistent: leave the text as it was.
    left = [x for x in mapping if x.isalpha() and x not in ("A", "I") and x not in _ROMAN
            and re.search(rf"(?<![\w\-.]){x}(?![\w\-])", out)]
    return text if left else out


# ------------------------------------------------------------------------------------------------ numbers
_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen twenty").split()
_WORD_NUMBER = re.compile(r"(?<![\w\-])(" + "|".join(_WORDS[2:]) + r")(?=\s[a-z])", re.I)
# A part of a compound number ('Forty-four', 'One hundred twenty eight', 'two thousand') is left as it is.
_NUMBER_WORD = (r"(?:" + "|".join(_WORDS) + r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
                r"|million|and)")
_COMPOUND_BEFORE = re.compile(rf"(?i)\b{_NUMBER_WORD}[\s\-]+$")
_COMPOUND_AFTER = re.compile(rf"(?i)^[\s\-]+(?:{_NUMBER_WORD[3:-1]})\b")
_COUNT_NOUNS = ("patients|participants|subjects|volunteers|women|men|children|adults|people|individuals|trials|"
                "studies|groups|arms|days|weeks|months|years|hours|sessions|doses|injections|visits|times|"
                "centres|centers|sites|hospitals|cycles|treatments")
_NUMBER_BEFORE = re.compile(r"\d\s*[,;]\s*$")
_SIGN_BEFORE = re.compile(r"[\u00b1=<>\u2264\u2265:/\-\u2013+]\s*$")
_DIGIT_NUMBER = re.compile(rf"(?<![\w.,/\-=±:])([2-9]|1\d|20)(?=\s(?:{_COUNT_NOUNS})\b)")


def number_words(text: str) -> str:
    """Number words 2-20 before a word -> digits; where there are none, digits 2-20 before a count noun -> words."""
    def digits(m: re.Match[str]) -> str:
        before, after = text[max(0, m.start() - 20):m.start()], text[m.end():m.end() + 20]
        # 'On day 1, five patients' -> 'day 1, 5 patients' reads as a list: the style does not allow it
        if _COMPOUND_BEFORE.search(before) or _COMPOUND_AFTER.search(after) or _NUMBER_BEFORE.search(before):
            return m.group(0)
        return str(_WORDS.index(m.group(1).lower()))

    if _WORD_NUMBER.search(text):
        return _WORD_NUMBER.sub(digits, text)

    def spell(m: re.Match[str]) -> str:
        if _SIGN_BEFORE.search(text[max(0, m.start() - 5):m.start()]):
            return m.group(0)  # '24 ± 2 months', '(n = 5 patients)': a measurement, not a count
        word = _WORDS[int(m.group(1))]
        start = m.start() == 0 or text[:m.start()].rstrip().endswith((".", "\n"))
        return word.capitalize() if start else word

    return _DIGIT_NUMBER.sub(spell, text)


# ------------------------------------------------------------------------------------------------ typography
_RANGE_HYPHEN = re.compile(r"(?<=\d)-(?=\d)")
_DOUBLE_QUOTE = re.compile(r'"([^"\n]{1,200})"')
_SINGLE_QUOTE = re.compile(r"(?<![\w])'([^'\n]{1,200})'(?![\w])")


def typography(text: str) -> str:
    """Number-range hyphens -> en dashes; straight quotes -> curly quotes; apostrophes -> U+2019."""
    text = _RANGE_HYPHEN.sub("\u2013", text)
    text = _DOUBLE_QUOTE.sub("\u201c\\1\u201d", text)
    text = _SINGLE_QUOTE.sub("\u2018\\1\u2019", text)
    return re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)


# ------------------------------------------------------------------------------------------------ spelling
_BRITISH_AMERICAN = {
    "randomised": "randomized", "randomisation": "randomization", "randomise": "randomize",
    "anaesthesia": "anesthesia", "anaesthetic": "anesthetic", "anaesthetics": "anesthetics",
    "anaesthetised": "anesthetized", "anaesthesiologist": "anesthesiologist", "anaesthetist": "anesthetist",
    "analysed": "analyzed", "analyse": "analyze", "oedema": "edema", "haemorrhage": "hemorrhage",
    "haematoma": "hematoma", "haemodynamic": "hemodynamic", "haemodynamics": "hemodynamics",
    "paediatric": "pediatric", "behaviour": "behavior", "behavioural": "behavioral", "tumour": "tumor",
    "tumours": "tumors", "favour": "favor", "favourable": "favorable", "oesophageal": "esophageal",
    "centre": "center", "centres": "centers", "fibre": "fiber", "fibres": "fibers", "litre": "liter",
    "ageing": "aging", "orthopaedic": "orthopedic", "gynaecological": "gynecological", "colour": "color",
    "utilised": "utilized", "utilise": "utilize", "minimise": "minimize", "minimised": "minimized",
    "characterised": "characterized", "hypothesised": "hypothesized", "organisation": "organization",
    "haemoglobin": "hemoglobin", "anaemia": "anemia", "diarrhoea": "diarrhea", "labour": "labor",
    "programme": "program", "stabilised": "stabilized", "recognised": "recognized", "optimise": "optimize",
}
_AMERICAN_BRITISH = {v: k for k, v in _BRITISH_AMERICAN.items()}
_SPELLING_WORDS = re.compile(r"\b(" + "|".join(sorted({**_BRITISH_AMERICAN, **_AMERICAN_BRITISH}, key=len,
                                                       reverse=True)) + r")\b", re.I)


def spelling(text: str) -> str:
    """Every listed word in the other spelling (British -> American and American -> British), case kept."""
    def swap(m: re.Match[str]) -> str:
        word = m.group(1)
        other = _BRITISH_AMERICAN.get(word.lower()) or _AMERICAN_BRITISH[word.lower()]
        if word.isupper():
            return other.upper()
        return other.capitalize() if word[0].isupper() else other
    return _SPELLING_WORDS.sub(swap, text)

# ------------------------------------------------------------------------------------------------ routes
_ROUTE_SHORT = {"intravenous": "IV", "intramuscular": "IM", "subcutaneous": "SC"}
_ROUTE_FULL = re.compile(r"\b(intravenous|intramuscular|subcutaneous)(?:ly)?(?:\s*\((?:IV|IM|SC|i\.v\.|i\.m\.|s\.c\.)\))?"
                         r"(?![\w-])", re.I)
_ROUTE_DOTTED = re.compile(r"(?<![\w.])(i\.v|i\.m|s\.c)\.?(?![\w])", re.I)
# A short form already used for something else: a roman numeral after a class word, or a bracketed definition.
_SHORT_TAKEN = re.compile(r"\b(?i:stages?|grades?|class(?:es)?|types?|phases?|levels?|DSM|NYHA)[\s-]+(?:IV|IM|SC)\b|"
                          r"\b[IV]{1,3}\s*[-\u2013/]\s*IV\b|[:(]\s*(?:IV|IM|SC)\)")


def route_forms(text: str) -> str:
    """Full route adjectives and adverbs -> the clinicians' capital short forms; dotted forms -> capitals."""
    if _SHORT_TAKEN.search(_ROUTE_FULL.sub(" ", text)):  # a route's own definition 'intravenous (IV)' is no clash
        return text
    text = _ROUTE_FULL.sub(lambda m: _ROUTE_SHORT[m.group(1).lower()], text)
    text = re.sub(r"\b(?<!-)([Oo])rally\b", lambda m: "By mouth" if m.group(1) == "O" else "by mouth", text)
    text = re.sub(r"\b([Ii])ntra-?nasal(ly)?\b", lambda m: ("N" if m.group(1) == "I" else "n") + "asal" + (m.group(2) or ""), text)
    return _ROUTE_DOTTED.sub(lambda m: m.group(1).replace(".", "").upper(), text)


# ------------------------------------------------------------------------------------------------ conditions
# (word, synonym, both ways): clinical synonyms within one guideline class (GUIDELINES.md `conditions` mapping).
_CONDITION_PAIRS = (
    ("osteoarthritis", "osteoarthrosis", True), ("low back pain", "lumbar pain", False),
    ("neck pain", "cervical pain", False), ("postoperative", "post-operative", True),
    ("postherpetic", "post-herpetic", True), ("headache", "cephalalgia", False), ("headaches", "cephalalgias", False),
    ("tendinitis", "tendonitis", True), ("dysmenorrhoea", "menstrual pain", False),
    ("dysmenorrhea", "menstrual pain", False), ("cancer pain", "cancer-related pain", False),
    ("fibromyalgia syndrome", "fibromyalgia", False), ("sciatica", "sciatic pain", False),
)
_CONDITION_MAP = {a: b for a, b, _ in _CONDITION_PAIRS} | {b: a for a, b, both in _CONDITION_PAIRS if both}
# not after 'upper or/and': 'upper or low back pain' shares 'back pain' between two sites.
_CONDITION_WORDS = re.compile(r"(?<![\w-])(?<!upper or )(?<!upper and )(" + "|".join(re.escape(w) for w in longest_first(_CONDITION_MAP))
                              + r")(?![\w-])", re.I)


def condition_synonyms(text: str) -> str:
    """Every listed condition or setting word -> its synonym of the same class, first letter's case kept."""
    def swap(m: re.Match[str]) -> str:
        word = m.group(1)
        other = _CONDITION_MAP[word.lower()]
        if word.isupper():
            return other.upper()
        return other[0].upper() + other[1:] if word[0].isupper() else other
    return _CONDITION_WORDS.sub(swap, text)


# ------------------------------------------------------------------------------------------------ malignancy
# 'cancer' -> 'carcinoma' (the malignancy named by the word most trials of solid tumours use); not inside a condition
# name the lexicon spells with 'cancer' ('cancer pain', 'cancer-related pain') nor in an institution's name.
_CANCER_WORD = re.compile(r"\b([Cc])ancer(s?)\b(?![- ](?:related |induced )?pain)(?! (?:Institute|Society|Cent(?:er|re)|Research|Council))")


def malignancy_words(text: str) -> str:
    """Every 'cancer' -> 'carcinoma' outside 'cancer pain': people with cancer named by another word for their malignancy,
    so the pain studied in them is still cancer pain."""
    return _CANCER_WORD.sub(lambda m: ("C" if m.group(1) == "C" else "c") + "arcinoma" + m.group(2), text)


# ------------------------------------------------------------------------------------------------ populations
_POPULATION = re.compile(r"\b(patients|participants|subjects|adults|women|men|individuals|outpatients) with ((?:[\w-]+ ){0,3}?"
                         r"(?:pain|osteoarthritis|fibromyalgia|migraines?|headaches?|neuropathy|sciatica|arthritis|"
                         r"radiculopathy|dysmenorrh(?:o)?ea|endometriosis))(?=[.,;:]|\s(?:were|was|are|is|had|have|received|underwent|"
                         r"participated|completed|took|entered|for|to|the)\b)")


def population_order(text: str) -> str:
    """'<people> with <condition>' -> '<condition> <people>' (the condition as a modifier of the people noun)."""
    return _POPULATION.sub(lambda m: f"{m.group(2)} {m.group(1)}", text)


# ------------------------------------------------------------------------------------------------ title case
_SMALL = frozenset("a an the and or of in on at to for with by vs versus from after before during among".split())


def title_case(text: str) -> str:
    """The first line (the title) in the other of Title Case and sentence case; the abstract is left as it is."""
    title, sep, rest = text.partition("\n")
    words = title.split(" ")
    lower_words = [w for w in words[1:] if w[:1].isalpha() and w[:1].islower()]
    if len(lower_words) * 3 > len(words):  # sentence case -> Title Case
        new = [w if i and w.lower() in _SMALL else (w[:1].upper() + w[1:] if w[:1].islower() else w)
               for i, w in enumerate(words)]
    else:  # Title Case -> sentence case (capital short forms and words with inner capitals stay)
        new = [w if i == 0 or not w[:1].isupper() or any(c.isupper() for c in w[1:]) else w[:1].lower() + w[1:]
               for i, w in enumerate(words)]
    return " ".join(new) + sep + rest


# ------------------------------------------------------------------------------------------------ renaming
def rename(text: str, names: re.Pattern[str], new_name: str = UNSEEN_NAME) -> str:
    """Every match of ``names`` (the treatment's names) replaced by ``new_name``."""
    return names.sub(new_name, text)


TEXT_REWRITES: dict[str, Callable[[str], str]] = {
    "reletter_arms": reletter_arms, "number_words": number_words, "typography": typography,
    "spelling": spelling, "route_forms": route_forms, "condition_synonyms": condition_synonyms,
    "population_order": population_order, "title_case": title_case, "malignancy_words": malignancy_words,
}
