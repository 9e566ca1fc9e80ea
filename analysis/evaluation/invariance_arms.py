"""Rewrites of how an abstract names its arms that must not change the gold answer (metamorphic invariance).

They test the arm tie directly (which group is the intervention, issue 13's first mechanism). Why each keeps the
answer (the guideline annotates what was given to whom and what it did, not how the arms are called):

- ``arm_abbreviation``: an arm phrase used at least twice ('the ketamine group', 'the placebo group') is given a
  defined short form at its first mention ('the ketamine group (KG)') and the short form afterwards ('the KG'):
  the definition stands in the text, so every later mention names the same arm. Not applied where the short form
  is already in the text or two arms would share it.
- ``arm_letters``: the same arm phrases given a defined letter label with no meaning of its own ('the ketamine
  group (group T)', then 'group T'; a spare letter that is no arm's initial): the label is defined where the arm
  is first named, as trials write 'ropivacaine (group R)'. Not applied where the text already labels its arms.
- ``arm_numbers``: letter labels ('group K', 'group C', 'groups A and B') renamed 'group 1/2/3' in the order of
  their first mention, everywhere (so also where they are defined): which number is which is arbitrary, and the
  text still says what each group received. Applied only when every letter is defined in the text (a sentence
  that gives, assigns or divides, or a bracket '(group K)' after the arm's name): a letter that is the only cue
  to its arm ('Group D' never said to be dexmedetomidine) could carry meaning a number drops.
- ``definition_order``: a methods sentence defining two arms in one ('Group K received ketamine and group C
  received saline'; the verb may be elided in the second clause) with the two definitions swapped ('Group C
  received saline and group K received ketamine'): the same assignments in the other order. Not applied to
  sentences with 'respectively', a third arm, or text after the second definition.
- ``definitions_respectively``: the same two definitions as one list in order ('Group K and group C received
  ketamine and saline, respectively'), also from two consecutive definition sentences: trials state allocation so
  as often as clause by clause.

'the former' / 'the latter' is not rewritten: which arm it points to depends on the order of the sentence before,
and no rewrite of it can be shown to keep the answer without parsing that sentence.
"""

from __future__ import annotations

import re
from typing import Callable

from ketamine_evidence.analysis.evaluation.invariance_text import _ROMAN, _SPARE_LETTERS, _labels, relabel

# ------------------------------------------------------------------------------------------------ short forms
# 'the ketamine group', 'The placebo arm' (one word before 'group': 'the low-dose ketamine group' is left).
_ARM_PHRASE = re.compile(r"\b([Tt]he) ([A-Za-z][a-z\-]{2,}) (group|arm)\b(?![\-(])")
_NOT_ARM_WORDS = frozenset("""age study focus working risk blood muscle ethnic dose weight this that each both either
    neither same other whole entire all every one two three four first second third respective latter former
    total overall pooled sample same smaller larger last next""".split())


def _arm_words(text: str) -> list[str]:
    """The X of every 'the X group' the text uses twice or more."""
    counts: dict[str, int] = {}
    for m in _ARM_PHRASE.finditer(text):
        word = m.group(2).lower()
        if word not in _NOT_ARM_WORDS:
            counts[word] = counts.get(word, 0) + 1
    return [w for w, n in counts.items() if n >= 2]


def _shorten(text: str, shorts: dict[str, str], first: str, later: str) -> str:
    """Each 'the X group' of ``shorts``: ``first`` at its first mention, ``later`` afterwards (formats of the
    phrase's 'the', the whole phrase and the short form); unchanged when a short form is in the text already
    or two arms would share one."""
    if not shorts or len(set(shorts.values())) != len(shorts) or any(
            re.search(rf"\b{re.escape(s)}\b", text) for s in shorts.values()):
        return text
    seen: set[str] = set()

    def shorten(m: re.Match[str]) -> str:
        word = m.group(2).lower()
        if word not in shorts:
            return m.group(0)
        fmt = later if word in seen else first
        seen.add(word)
        short = shorts[word] if m.group(1) == "the" or fmt == first else shorts[word][:1].upper() + shorts[word][1:]
        return fmt.format(the=m.group(1), phrase=m.group(0), short=short)
    return _ARM_PHRASE.sub(shorten, text)


def arm_abbreviation(text: str) -> str:
    """'the X group' (used twice or more) -> 'the X group (XG)' at its first mention and 'the XG' afterwards."""
    return _shorten(text, {w: w[0].upper() + "G" for w in _arm_words(text)}, "{phrase} ({short})", "{the} {short}")


def arm_letters(text: str) -> str:
    """'the X group' (used twice or more) -> 'the X group (group T)' at its first mention and 'group T' afterwards,
    with spare letters that are no initial of any arm."""
    words = _arm_words(text)
    spare = [c for c in _SPARE_LETTERS if not re.search(rf"\b{c}\b", text)
             and all(not w.upper().startswith(c) for w in words)]
    if len(spare) < len(words) or _labels(text):
        return text
    return _shorten(text, {w: f"group {c}" for w, c in zip(words, spare)}, "{phrase} ({short})", "{short}")


# ------------------------------------------------------------------------------------------------ numbered arms
_DEFINING = re.compile(r"receiv|\bgiven\b|administ|assign|allocat|randomi[sz]|divided|infus|inject|treated with"
                       r"|\bgot\b", re.I)
_SENTENCE = re.compile(r"(?:[^.\n]|\.(?=\d))+(?:\.|$)", re.M)  # a decimal point does not end a sentence


def _defined(text: str, label: str) -> bool:
    """Whether the letter ``label`` is defined: bracketed after a name, or in a sentence that gives or assigns."""
    if re.search(rf"\((?:[Gg]roups?\s+)?{label}\b[^)]{{0,40}}\)", text):
        return True
    mention = re.compile(rf"\b(?:[Gg]roups?\s+(?:[A-Z]\s*(?:,|and|or|&|/)\s*)*{label}\b|{label}\s+groups?\b)")
    return any(mention.search(s) and _DEFINING.search(s) for s in _SENTENCE.findall(text))


# A label of two or more characters ('group RD', 'Group D-IV') is not relabelled: a partial relabelling would
# leave 'group 2D' beside 'group 2'.
_LONG_LABEL = re.compile(r"\b[Gg]roups?\s+[A-Z][A-Za-z0-9]*[A-Z0-9-]\w*|\b[A-Z][A-Za-z0-9-]*[A-Z0-9-] groups?\b")


def arm_numbers(text: str) -> str:
    """Letter arm labels -> 'group 1/2/3' in order of first mention, when every letter is defined in the text."""
    labels = _labels(text)
    letters = [x for x in labels if x.isalpha() and x not in _ROMAN]
    if (not letters or len(letters) != len(labels) or not all(_defined(text, x) for x in letters)
            or _LONG_LABEL.search(text)):
        return text
    return relabel(text, {x: str(i + 1) for i, x in enumerate(letters)})


# ------------------------------------------------------------------------------------------------ definition order
_ARM = (r"(?:[Gg]roup [A-Z0-9]{1,2}|[Tt]he (?!first|second|third|other|remaining|latter|former)[A-Za-z][a-z\-]+ "
        r"(?:group|arm))(?: \([A-Za-z]{1,6}\))?(?: \(n ?= ?\d+\))?")
_VERB = r"(?:received|was given|were given|was administered|were administered|got|was treated with|were treated with)"
_WORDS = r"(?:[^.;]|\.(?=\d))"  # a decimal point does not end a sentence
_START = r"(?:^|(?<=[.:] )|(?<=\n))"
_TWO_DEFINITIONS = re.compile(
    rf"{_START}(?P<a>{_ARM}) (?P<verb>{_VERB}) (?P<oa>{_WORDS}+?)(?P<sep>,? and |; |, while |, whereas )"
    rf"(?P<b>{_ARM})(?: (?P<verb2>{_VERB}))? (?P<ob>{_WORDS}+?)(?P<end>\.(?!\d)|$)", re.M)
# Two consecutive sentences, each one arm's definition: 'Group K received ketamine. Group C received saline.'
_ONE_DEFINITION = rf"{_ARM} {_VERB} {_WORDS}+\.(?!\d)"
_TWO_SENTENCES = re.compile(rf"{_START}(?P<s1>{_ONE_DEFINITION}) (?P<s2>{_ONE_DEFINITION})(?! {_ARM} )")
_NOT_OBJECT = re.compile(rf"{_ARM}|^(?:did|does|was|were|had|has|not)\b|,\s|\band\b")


def _lead(phrase: str, upper: bool) -> str:
    return (phrase[0].upper() if upper else phrase[0].lower()) + phrase[1:] if phrase[1:2].islower() else phrase


def definition_order(text: str) -> str:
    """'Group K received ketamine and group C saline.' -> 'Group C received saline and group K received ketamine.';
    'Group K received ketamine. Group C received saline.' -> the two sentences swapped."""
    def swap(m: re.Match[str]) -> str:
        a, b = m.group("a"), m.group("b")
        if (a.split()[:2] == b.split()[:2] or "respectively" in m.group(0) or re.search(_ARM, m.group("oa"))
                or _NOT_OBJECT.search(m.group("ob")) or re.search(_VERB, m.group("ob"))):
            return m.group(0)
        upper = a[:1].isupper()
        verb2 = m.group("verb2") or m.group("verb")
        return (f"{_lead(b, upper)} {verb2} {m.group('ob')}{m.group('sep')}"
                f"{_lead(a, False)} {m.group('verb')} {m.group('oa')}{m.group('end')}")

    def swap_sentences(m: re.Match[str]) -> str:
        previous = re.split(r"(?<=\.)\s(?!\d)", text[max(0, m.start() - 600):m.start()].rstrip())[-1]
        following = re.split(r"(?<=\.)\s(?!\d)", text[m.end():m.end() + 600].lstrip())[0]
        if re.search(rf"{_ARM} {_VERB}", f"{previous} {following}", re.I) or any(len(re.findall(_ARM, m.group(k))) != 1 for k in ("s1", "s2")):
            return m.group(0)  # a third definition before them, or another arm inside one: the list is not two
        return f"{m.group('s2')} {m.group('s1')}"
    swapped = _TWO_DEFINITIONS.sub(swap, text)
    return _TWO_SENTENCES.sub(swap_sentences, swapped) if swapped == text else swapped


_LIST_BREAK = re.compile(r",\s|\band\b|\bor\b|\brespectively\b")


def definitions_respectively(text: str) -> str:
    """'Group K received ketamine and group C saline.' -> 'Group K and group C received ketamine and saline,
    respectively.': the same two assignments stated as a list in order (applied where neither treatment holds a
    comma, 'and' or 'or' that would blur the list)."""
    def merge(m: re.Match[str]) -> str:
        a, b, oa, ob = m.group("a"), m.group("b"), m.group("oa"), m.group("ob")
        if (a.split()[:2] == b.split()[:2] or re.search(_ARM, oa) or _NOT_OBJECT.search(ob) or re.search(_VERB, ob)
                or _LIST_BREAK.search(oa) or _LIST_BREAK.search(ob) or "(" in a + b):
            return m.group(0)
        return f"{a} and {_lead(b, False)} {m.group('verb')} {oa} and {ob}, respectively{m.group('end')}"
    merged = _TWO_DEFINITIONS.sub(merge, text)
    if merged != text:
        return merged

    def merge_sentences(m: re.Match[str]) -> str:
        one, two = _ONE.fullmatch(m.group("s1")), _ONE.fullmatch(m.group("s2"))
        if not (one and two) or one.group("verb") != two.group("verb"):
            return m.group(0)
        previous = re.split(r"(?<=\.)\s(?!\d)", text[max(0, m.start() - 600):m.start()].rstrip())[-1]
        if re.search(rf"{_ARM} {_VERB}", previous, re.I):
            return m.group(0)  # a third definition before them: the list is not two
        joined = _TWO_DEFINITIONS.match(f"{one.group('a')} {one.group('verb')} {one.group('o')} and "
                                        f"{_lead(two.group('a'), False)} {two.group('verb')} {two.group('o')}.")
        return merge(joined) if joined else m.group(0)
    return _TWO_SENTENCES.sub(merge_sentences, text)


_ONE = re.compile(rf"(?P<a>{_ARM}) (?P<verb>{_VERB}) (?P<o>{_WORDS}+)\.")


ARM_REWRITES: dict[str, Callable[[str], str]] = {
    "arm_abbreviation": arm_abbreviation, "arm_letters": arm_letters, "arm_numbers": arm_numbers, "definition_order": definition_order,
    "definitions_respectively": definitions_respectively,
}
