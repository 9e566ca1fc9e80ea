"""Extractor: adverse events that occurred with the intervention, and those the abstract says did not occur.

Words are normalised to the guideline's preferred terms through ``lexicons/adverse_events.toml`` (one
compiled alternation; only sentences with a hit are read). Negation is NegEx/ConText-style: trigger
phrases from ``lexicons/negation_triggers.toml`` negate the events in their scope (after a ``pre``
trigger, before a ``post`` trigger) up to a terminating word or the clause's end; pseudo-triggers
("no significant difference in ...") do not negate. spaCy-based negspacy/medspaCy do the same on top
of a parser that would cost far more than the whole pipeline's budget per record, so the triggers are
kept as data here.

An event counts as occurred when :func:`detect_adverse_event_sentence` accepts its sentence (read as
part of an abstract about the intervention: an affirmed event word and a cue of causation or
occurrence) and the event belongs to the intervention's arm. Skipped: events stated only for another
arm; the aim of the study (words of the title or of an aim sentence: sedation in a sedation trial, the
headache of a migraine trial) unless the words tie the event to the intervention ("ketamine-induced
cystitis"); outcomes a treatment improves ("headache relief"); background before the aim; planned
measurements (methods); comparisons with no occurrence ("without an increase in sedation").
A general "no side effects" gives ``serious_adverse_events`` in ``negated_adverse_events``; a term
never ends up in both lists (occurred wins).
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Iterable

from ketamine_evidence.analysis.records import Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

NAME = "adverse_events"
VERSION = "1.2"

GENERIC = "generic"
SERIOUS = "serious_adverse_events"
OTHER = "other"


# ---------------------------------------------------------------------------------------------- lexicons
def _load(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("ketamine_evidence.analysis.lexicons").joinpath(name).read_text(encoding="utf-8"))


def _phrase(phrase: str) -> str:
    """A lexicon phrase as a regex: whole words, ``*`` = any word ending, spaces or hyphens between words;
    an all-capitals abbreviation (PONV, SAE) only in capitals."""
    parts = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in re.split(r"[\s]+", phrase)]
    body = r"[\s-]+".join(parts).replace(r"\-", r"[\s-]?")
    if re.fullmatch(r"[A-Z/]{2,}s?", phrase):
        body = f"(?-i:{body})"
    return body


@dataclass(frozen=True)
class _Lexicon:
    regex: re.Pattern[str]  # every wording, one alternation (no capturing groups: they cost tenfold)
    entries: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]  # (wording, kind, preferred terms)
    prefixes: frozenset[str]  # the first four letters of every word a wording can start with
    problem: re.Pattern[str]
    drug: re.Pattern[str]  # INN stems
    condition_topics: dict[str, tuple[str, ...]]
    generic_treatments: frozenset[str]  # 'drug', 'chemotherapy', 'steroid': no drug's name

    def classify(self, words: str) -> tuple[str, tuple[str, ...]]:
        """(kind, preferred terms) of a matched wording."""
        return _classify(words)

    def may_match(self, text: str) -> bool:
        """A cheap test that rules out most sentences before the alternation runs."""
        return any(w[:4] in self.prefixes for w in _WORD.findall(text.lower()))


_WORD = re.compile(r"[a-z]+")
_FILLERS = frozenset("were both with well than from values also significantly markedly slightly transiently".split())


def _compile_lexicon() -> _Lexicon:
    data = _load("adverse_events.toml")
    raw: list[tuple[str, str, tuple[str, ...], str]] = []  # (regex, kind, terms, source text)
    for term, spec in data["terms"].items():
        raw += [(_phrase(p), "term", (term,), p) for p in spec.get("phrases", [])]
        raw += [(p, "term", (term,), p) for p in spec.get("patterns", [])]
    for spec in data["combined"]:
        raw += [(_phrase(p), "term", tuple(spec["terms"]), p) for p in spec.get("phrases", [])]
        raw += [(p, "term", tuple(spec["terms"]), p) for p in spec.get("patterns", [])]
    raw += [(_phrase(p), GENERIC, (), p) for p in data["generic"]["phrases"]]
    # Longest first, so that 'serious adverse events' wins over 'adverse events' at one position.
    raw.sort(key=lambda e: len(e[0]), reverse=True)
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(rx for rx, *_ in raw) + r")(?![\w])", re.I)
    entries = tuple((re.compile(rx, re.I), kind, terms) for rx, kind, terms, _ in raw)
    prefixes: set[str] = set()
    for rx, _, _, source in raw:
        words = _WORD.findall(source.lower()) if rx != source else \
            [w for w in _WORD.findall(re.sub(r"\\[a-z]", " ", source.lower())) if len(w) >= 4 and w not in _FILLERS]
        prefixes.update(w[:4] for w in (words if rx == source else words[:1]))
    problems = data["problems"]
    problem = re.compile(
        r"\b(?:\w+(?:" + "|".join(sorted(map(re.escape, set(problems["suffixes"])), key=len, reverse=True)) + r")|"
        + "|".join(sorted(map(re.escape, set(problems["words"])), key=len, reverse=True)) + r")\b", re.I)
    drugs = data["drugs"]
    drug = re.compile(
        r"\b\w{3,}(?:" + "|".join(sorted(map(re.escape, set(drugs["suffixes"])), key=len, reverse=True)) + r")\b", re.I)
    topics = {k: tuple(v) for k, v in data.get("condition_topics", {}).items()}
    return _Lexicon(regex, entries, frozenset(prefixes), problem, drug, topics,
                    frozenset(w.lower() for w in drugs["generic"]))


@lru_cache(maxsize=4096)
def _classify(words: str) -> tuple[str, tuple[str, ...]]:
    for rx, kind, terms in LEXICON.entries:
        if rx.fullmatch(words):
            return kind, terms
    return GENERIC, ()


def _alt(phrases: Iterable[str]) -> str:
    return "|".join(_phrase(p) for p in sorted(set(phrases), key=len, reverse=True))


@dataclass(frozen=True)
class _Negation:
    pre: re.Pattern[str]
    post: re.Pattern[str]
    pseudo: re.Pattern[str]
    terminate: re.Pattern[str]
    max_words: int
    subject: re.Pattern[str]
    verbs: re.Pattern[str]


def _compile_negation() -> _Negation:
    data = _load("negation_triggers.toml")
    word = lambda alt: re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)  # noqa: E731
    return _Negation(pre=word(_alt(data["pre"])), post=word(_alt(data["post"])), pseudo=word(_alt(data["pseudo"])),
                     terminate=word(_alt(data["terminate"])), max_words=int(data.get("max_words", 12)),
                     subject=re.compile(rf"(?:{_alt(data['subject'])})$", re.I), verbs=word(_alt(data["verbs"])))


LEXICON = _compile_lexicon()
NEGATION = _compile_negation()

# ---------------------------------------------------------------------------------------------- cues
# Causation: the event is tied to a drug or a treatment.
_CAUSAL = re.compile(
    r"[\w)]-?\s?(?:induced|associated|related|mediated|attributable)\b|\binduced by\b|\bcaus(?:e|es|ed|ing)\b|"
    r"\bdue to\b|\bsecondary to\b|\battribut\w+ to\b|\bassociated with\b|\brelated to\b|\bresult(?:ed|ing|s)? from\b|"
    r"\bconsequence of\b|\bprovoked\b|\btriggered\b|\bprecipitated\b|\bled to\b|\blead(?:s|ing)? to\b|"
    r"\binduc(?:e|es|ed|ing)\b|\bproduc(?:e|es|ed|ing)\b|\belicit(?:s|ed|ing)?\b|\bevok(?:e|es|ed|ing)\b|"
    r"\bimpair(?:s|ed|ing)?\b|\bdisrupt(?:s|ed|ing)?\b|\btoxicity\b|\bside[- ]?effects?\b|\badverse\b|"
    r"\bcomplications?\b|\bhypersensitivity\b|\ballergic\b|\bintolerance\b|\boverdose\b|\bintoxication\b|"
    r"\bpoisoning\b|\bwithdrawal of\b|\bdiscontinu\w+|\brechallenge\b|\bre-?challenge\b|"
    r"\b(?:after|following|during|upon|since|while on|while taking|while receiving|on)\b[^.;]{0,60}?"
    r"\b(?:administration|treatment|therapy|use|ingestion|injection|infusion|intake|exposure|dos(?:e|es|ing)|"
    r"initiation|starting|commencement|medication|regimen|course|cycles?|premedication|anaesthesia|anesthesia)\b|"
    r"\b(?:after|following) (?:starting|initiating|receiving|taking|commencing|beginning|being given|ingesting)\b|"
    r"\bwhile (?:on|taking|receiving|using|being treated)\b|\btreated with\b[^.;]{0,80}\bdevelop",
    re.I)
# Occurrence: the event is reported as having happened (counts, incidence, 'was observed in').
_OCCURRENCE = re.compile(
    r"\bdevelop(?:ed|s|ing)?\b|\bexperienc(?:ed|es|ing)\b|\boccur(?:red|ring|s)?\b|\bobserved\b|\breported\b|"
    r"\bnoted\b|\bseen\b|\bfound\b|\bfelt\b|\bcomplain(?:ed|s)? of\b|\bsuffer(?:ed|s|ing)\b|\bpresented with\b|\bhad\b|"
    r"\bshowed\b|\bexhibited\b|\bappeared\b|\bincidences?\b|\bfrequenc(?:y|ies)\b|\boccurrence\b|\brates?\b|"
    r"\bepisodes?\b|\bcases?\b|\bincreas\w*|\bhigher\b|\bmore\b|\bgreater\b|\belevat\w+|\brise\b|\brose\b|"
    r"\bincluded?\b|\bincluding\b|\bmost common\b|\bcommonest\b|\bfrequent\b|\d\s?%|\b\d+ (?:of|out of) \d+|"
    r"\b\d+ (?:patients?|subjects?|participants?|children|cases|volunteers|women|men)\b|\bin \d+\b|"
    r"\bconfirm\w*\b|\bdemonstrat\w+\b|\bproduced?\b|\bcaused?\b|\bwith minimal\b|\bmild\b|\bmoderate\b|"
    r"\bsevere\b|\btransient\b|\bsignificantly\b|\bpeaked\b|\bresolved\b|\bsubsided\b|\blasted\b|\bpersisted\b",
    re.I)
# Planned measurements: a methods sentence says what was recorded, not what happened.
_METHODS_VERBS = re.compile(
    r"\b(?:was|were|are|is|be|been)\s+(?:also\s+)?(?:assessed|recorded|measured|monitored|evaluated|documented|"
    r"examined|investigated|compared|collected|registered|analy[sz]ed|scored|graded|rated|observed for|"
    r"questioned|asked|noted down|checked|determined)\b|\bwe (?:assessed|recorded|measured|monitored|evaluated|"
    r"compared|examined|investigated|collected)\b|\b(?:outcomes?|endpoints?|end points?|measures?) (?:were|was|"
    r"included|includ\w+)\b",
    re.I)
_INCIDENCE = re.compile(r"\b(?:incidences?|frequency|frequencies|occurrence|rates?|number of (?:patients|subjects|"
                        r"episodes|events)|episodes|proportion)\b", re.I)
_AIM = re.compile(
    r"\b(?:aims?|aimed|objectives?|purpose|goal|hypothes[ie]s|hypothesi[sz]ed)\b|\bto (?:evaluate|investigate|"
    r"assess|compare|determine|examine|test|study|explore)\b|\bwe (?:evaluated|investigated|examined|compared|"
    r"assessed|studied|tested|explored|sought)\b|\bthis (?:study|trial) (?:examined|investigated|evaluated|"
    r"compared|assessed|was designed|aims?)\b",
    re.I)
_METHODS_LABEL = re.compile(r"method|design|setting|intervention|procedure|patients and|participants|materials",
                            re.I)
_CLAUSE_SPLIT = re.compile(r";|,?\s\b(?:whereas|while|but|however|although|otherwise)\b|,\s(?:and\s|also\s|with\s)|"
                           r"\.\s", re.I)
_ARM_WORD = re.compile(r"\b(?:placebo|control|saline|sham|comparator|usual care|vehicle)\b|\b\w[\w-]* groups?\b", re.I)
_ARM_LABEL = re.compile(r"\b[Gg]roups?[\s-](?:[A-Z0-9][\w-]*)\b")
# Words before 'group' that name no arm ('both groups', 'between groups', 'the study group').
_NOT_ARM = frozenset("""the each both all either this that these those study treatment treated active intervention
    experimental two three four five six same other case between among in of across per age different several
    any one no control's their our a an and or versus vs""".split())
_GROUP_LABEL = re.compile(r"\b[Gg]roups?[\s-](?:\(?)([A-Z][A-Za-z0-9-]{0,5}|[0-9IVX]{1,4})\b|\b([A-Z][A-Za-z0-9-]{0,5})\s+groups?\b")
_COUNT = re.compile(r"\b(\d+)\s*(?:/|of|out of)\s*(\d+)\b|\bin (\d+)\b|\b(\d+) (?:patients?|subjects?|participants?|"
                    r"children|cases|volunteers|women|men)\b|(?<![\w.])(\d+(?:\.\d+)?)\s?%", re.I)


# ---------------------------------------------------------------------------------------------- mentions
@dataclass(frozen=True)
class EventMention:
    """One adverse-event wording in a sentence: its preferred terms (empty for a general mention)."""

    terms: tuple[str, ...]
    kind: str  # 'term' or 'generic'
    words: str
    start: int
    end: int
    negated: bool = False
    compared: bool = False  # in a comparison that did not differ ('no difference in X', 'X was similar')


def _lexicon_hits(text: str) -> list[re.Match[str]]:
    """``LEXICON.regex.finditer(text)``, tried only at the words whose first letters can start a wording
    (a big alternation tried at every character costs ten times more)."""
    hits: list[re.Match[str]] = []
    end = 0
    prefixes, regex = LEXICON.prefixes, LEXICON.regex
    for w in _WORD.finditer(text.lower()):
        if w.start() < end or w.group(0)[:4] not in prefixes:
            continue
        m = regex.match(text, w.start())
        if m is not None:
            hits.append(m)
            end = m.end()
    return hits


def find_event_mentions(text: str) -> list[EventMention]:
    """Every lexicon hit in ``text`` with its negation status."""
    mentions = []
    for m in _lexicon_hits(text):
        kind, terms = LEXICON.classify(m.group(0))
        mentions.append(EventMention(terms, kind, m.group(0), m.start(), m.end()))
    if not mentions:
        return mentions
    negated = _negated_spans(text)
    compared = _compared_spans(text)
    return [EventMention(x.terms, x.kind, x.words, x.start, x.end,
                         any(a <= x.start and x.end <= b for a, b in negated),
                         any(a <= x.start and x.end <= b for a, b in compared)) for x in mentions]


_SIMILAR = re.compile(r"\b(?:similar|comparable|equivalent|equal|not differ\w*|did not differ)\b(?!\s+(?:in part\s+)?to\b)",
                      re.I)
_CONTRAST = re.compile(r",?\s\b(?:whereas|while|but|however|although|otherwise)\b|\.\s", re.I)


# A comparison that found the arms alike ('similar', 'comparable', 'did not differ', 'no significant difference'):
# the events compared occurred (the guideline's 'incidence of X was similar between groups'), unlike a change
# that did not happen ('without an increase in sedation', 'no effect on nausea').
_SIMILARITY = re.compile(
    r"\b(?:similar|comparable|equivalent|not (?:significantly |statistically )?different|"
    r"did not (?:significantly |statistically )?differ|not differ\w*|"
    r"no (?:statistically |clinically )?(?:significant |relevant )?differences?)\b(?!\s+(?:in part\s+)?to\b)|"
    r"\b(?:similar|comparable|equivalent) to (?:that |those )?(?:of |in |with |seen with |observed with )?(?:the )?"
    r"(?:placebo|control|saline|sham|usual care|comparator|[\w-]+ (?:group|arm))", re.I)


_BOTH_ARMS = re.compile(r"\b(?:between|among|amongst|both|all|either|each|across|versus|vs)\b|\bcompared\b|"
                        r"\b(?:similar|comparable|equivalent) to\b", re.I)


def _similar_comparison(text: str, start: int, ctx: "Context", labels: set[str]) -> bool:
    """Whether the clause of the event at ``start`` states that the arms were alike, and the event's own
    clause does not put it in another arm alone ('a rise in heart rate in the hyoscine group')."""
    bounds = [0] + [m.end() for m in _CONTRAST.finditer(text)] + [len(text)]
    lo = max(b for b in bounds if b <= start)
    hi = min((b for b in bounds if b > start), default=len(text))
    if _SIMILARITY.search(text, lo, hi) is None:
        return False
    bounds = [0] + [m.end() for m in _CLAUSE_SPLIT.finditer(text)] + [len(text)]
    clause = text[max(b for b in bounds if b <= start):min((b for b in bounds if b > start), default=len(text))]
    mine, other = _arm_status(clause, ctx, labels)
    return mine or not other or _BOTH_ARMS.search(clause) is not None


def _compared_spans(text: str) -> list[tuple[int, int]]:
    """Parts of a sentence (up to a contrast) holding a comparison that found no difference ('similar')."""
    bounds = [0] + [m.end() for m in _CONTRAST.finditer(text)] + [len(text)]
    spans = []
    for m in [*NEGATION.pseudo.finditer(text), *_SIMILAR.finditer(text), *_SIMILARITY.finditer(text)]:
        lo = max(b for b in bounds if b <= m.start())
        hi = min((b for b in bounds if b > m.start()), default=len(text))
        spans.append((lo, hi))
    return spans


def is_negated(text: str, start: int, end: int) -> bool:
    """Whether the words at ``text[start:end]`` fall in a negation trigger's scope (NegEx/ConText)."""
    return any(a <= start and start < b for a, b in _negated_spans(text))


def _negated_spans(text: str) -> list[tuple[int, int]]:
    """Character spans a negation trigger covers (NegEx: forward from ``pre``, backward from ``post``)."""
    pseudo = [(m.start(), m.end()) for m in NEGATION.pseudo.finditer(text)]
    in_pseudo = lambda s, e: any(a <= s and e <= b for a, b in pseudo)  # noqa: E731
    stops = [m.start() for m in NEGATION.terminate.finditer(text)] + [m.start() for m in re.finditer(r"[;:]", text)]
    spans = []
    verbs = [m.start() for m in NEGATION.verbs.finditer(text)]
    for m in NEGATION.pre.finditer(text):
        if in_pseudo(m.start(), m.end()):
            continue
        ends = stops if NEGATION.subject.search(m.group(0)) else stops + [v for v in verbs if v > m.end()]
        end = min([s for s in ends if s >= m.end()] + [len(text)])
        words = list(re.finditer(r"\S+", text[m.end():end]))
        if len(words) > NEGATION.max_words:
            end = m.end() + words[NEGATION.max_words - 1].end()
        spans.append((m.end(), end))
    for m in NEGATION.post.finditer(text):
        if in_pseudo(m.start(), m.end()):
            continue
        start = max([s for s in stops if s < m.start()] + [0])
        words = list(re.finditer(r"\S+", text[start:m.start()]))
        if len(words) > NEGATION.max_words:
            start = start + words[-NEGATION.max_words].start()
        spans.append((start, m.start()))
    return spans


# ---------------------------------------------------------------------------------------------- detector
def detect_adverse_event_sentence(text: str, drug: re.Pattern[str] | None = None, *,
                                  about_drug: bool = False, model: "SentenceModel | None | bool" = None) -> bool:
    """Whether a sentence states that an adverse event occurred with a drug.

    With ``about_drug`` (a sentence of an abstract about the drug, as the extractor reads them), an
    affirmed event word and a cue of causation ('induced', 'side effect') or occurrence ('was observed
    in 3 patients', 'incidence', a percentage) suffice. Otherwise the sentence must also tie the event to
    a drug through a causal construction: 'DRUG-induced', 'caused by DRUG', 'due to DRUG', 'associated
    with DRUG', 'DRUG toxicity', 'DRUG caused ...', or an event that developed 'after / during / while on
    DRUG'. The drug is ``drug`` when given, else any drug the dictionary or an INN stem recognises
    (case reports about any drug, as in ADE-Corpus). A sentence that only says what a drug treats
    ('treated with DRUG for X') is not an adverse event.

    With no ``drug`` and no ``about_drug`` (a case-report sentence about any drug), a learned linear
    classifier decides from the sentence's words and the rules' signals: the shipped one (``model=None``),
    a given :class:`SentenceModel`, or the rules alone (``model=False``).
    """
    mentions = find_event_mentions(text)
    affirmed = [m for m in mentions if not m.negated and m.kind == "term"]
    negated_spans = _negated_spans(text) if mentions or drug is None else []
    has_event = bool(affirmed) or any(not any(a <= m.start() and m.end() <= b for a, b in negated_spans)
                                      for m in LEXICON.problem.finditer(text))
    if about_drug:
        return has_event and (_CAUSAL.search(text) is not None or _OCCURRENCE.search(text) is not None)
    if drug is None and model is not False:
        learned = load_model() if model is None else model
        return learned.accepts(sentence_features(text, _signals(text, mentions, negated_spans, has_event)))
    return _rule_verdict(text, drug, negated_spans, has_event)[0]


def _rule_verdict(text: str, drug: re.Pattern[str] | None, negated_spans: list[tuple[int, int]],
                  has_event: bool) -> tuple[bool, str | None, set[str]]:
    """(verdict, causal-link strength, drug words) of the causal rules."""
    drugs = _drug_words(text, drug)
    if not drugs and not (drug is None and (_INDUCED.search(text) or _ABBREVIATION.search(text))):
        return False, None, drugs
    link = _linked(text, drugs, negated_spans, any_cause=drug is None)
    if link == "strong":
        return True, link, drugs
    return link == "weak" and has_event and not _THERAPEUTIC.search(text), link, drugs


# ---------------------------------------------------------------------------------------------- learned
@dataclass(frozen=True)
class RuleSignals:
    """What the rules read in a sentence, as features for the learned classifier."""

    verdict: bool
    link: str | None
    has_event: bool
    drug_words: frozenset[str]
    event_words: frozenset[str]


def _signals(text: str, mentions: list[EventMention], negated_spans: list[tuple[int, int]],
             has_event: bool) -> RuleSignals:
    verdict, link, drugs = _rule_verdict(text, None, negated_spans, has_event)
    events = {w for m in mentions for w in _TOKEN.findall(m.words.lower())}
    events.update(w for m in LEXICON.problem.finditer(text) for w in _TOKEN.findall(m.group(0).lower()))
    return RuleSignals(verdict, link, has_event, frozenset(w for d in drugs for w in _TOKEN.findall(d)),
                       frozenset(events))


def rule_signals(text: str) -> RuleSignals:
    """The rules' reading of a case-report sentence about any drug (verdict, link, drug and event words)."""
    mentions = find_event_mentions(text)
    negated_spans = _negated_spans(text)
    has_event = any(not m.negated and m.kind == "term" for m in mentions) or any(
        not any(a <= m.start() and m.end() <= b for a, b in negated_spans) for m in LEXICON.problem.finditer(text))
    return _signals(text, mentions, negated_spans, has_event)


_TOKEN = re.compile(r"[a-z][a-z0-9]*|\d+")
# Abbreviations of adverse reactions and drug-induced diseases (an event, not a drug, in a case report).
_EVENT_ABBREVIATIONS = frozenset("""SJS TEN NMS DIC HUS TTP SIADH SLE ARF AKI CHF ILD VOD BOOP DRESS GVHD ARDS
    AGEP PML PRES RPLS TLS QT QTc DVT PE MI""".split())
_TOKEN_CASED = re.compile(r"[A-Za-z][A-Za-z0-9]*|\d+")
_PAIR_WINDOW = 12


def sentence_features(text: str, signals: RuleSignals | None = None) -> list[str]:
    """The learned classifier's features of a sentence: lower-cased unigrams, bigrams over the words with
    drug names as ``DRUG`` and event words as ``EVENT``, and the rules' signals (``rule:...``)."""
    signals = rule_signals(text) if signals is None else signals
    drugs, events = signals.drug_words, signals.event_words
    raw = _TOKEN_CASED.findall(text)
    tokens = [t.lower() for t in raw]
    norm = ["DRUG" if t in drugs else "EVENT" if t in events or r in _EVENT_ABBREVIATIONS else
            "ABBR" if _ABBREVIATION.fullmatch(r) and r not in _NOT_DRUG_ABBREVIATION else t
            for t, r in zip(tokens, raw)]
    out = {f"u:{t}" for t in tokens}
    out.update(f"n:{t}" for t in norm if t in ("DRUG", "EVENT", "ABBR"))
    out.update(f"b:{a} {b}" for a, b in zip(norm, norm[1:]))
    # Relation features: the words between a drug (or abbreviation) and an event, and their order.
    cause = [i for i, t in enumerate(norm) if t in ("DRUG", "ABBR")]
    effect = [i for i, t in enumerate(norm) if t == "EVENT"]
    for i in cause:
        for j in effect:
            if 0 < abs(i - j) <= _PAIR_WINDOW:
                lo, hi = sorted((i, j))
                order = "DE" if i < j else "ED"
                out.add(f"o:{order}")
                out.update(f"w{order}:{t}" for t in norm[lo + 1:hi] if t not in ("DRUG", "EVENT", "ABBR"))
    out.add(f"rule:verdict={signals.verdict}")
    out.add(f"rule:link={signals.link}")
    out.add(f"rule:event={bool(events) or signals.has_event}")
    out.add(f"rule:drug={bool(drugs)}")
    return sorted(out)


@dataclass(frozen=True)
class SentenceModel:
    """A linear model over :func:`sentence_features`: weights, intercept and a threshold on the logit."""

    weights: dict[str, float]
    intercept: float
    threshold: float = 0.0

    def score(self, feats: Iterable[str]) -> float:
        return self.intercept + sum(self.weights.get(f, 0.0) for f in feats)

    def accepts(self, feats: Iterable[str]) -> bool:
        """Whether a sentence with these features is an adverse-event sentence."""
        return self.score(feats) > self.threshold


MODEL_FILE = "ade_sentence_model.json"


@lru_cache(maxsize=1)
def load_model() -> SentenceModel:
    """The shipped classifier (trained on ADE-Corpus-V2 by ``python -m ketamine_evidence.analysis.evaluation.ade_classifier
    --train``; its figure is measured by cross-validation only)."""
    data = json.loads(resources.files("ketamine_evidence.analysis.lexicons").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    return SentenceModel(data["weights"], float(data["intercept"]), float(data.get("threshold", 0.0)))


# Causal constructions; the named group ``w`` is the window that must hold the drug.
_LINKS_STRONG = [re.compile(p, re.I) for p in (
    r"(?P<w>[\w-]{3,})(?:[- ]|\)-)(?:induced|associated|related|mediated|attributable|provoked|triggered|dependent)\b",
    r"\b(?:induced|caused|provoked|precipitated|triggered|produced|aggravated|exacerbated|mediated) by\s(?P<w>[^.;]{1,60})",
    r"\b(?:due|secondary|attribut\w+|ascribed|related|linked) to\s(?P<w>[^.;]{1,60})",
    r"\bassociat\w+ (?:with|between)\s(?P<w>[^.;]{1,70})",
    r"(?P<w>[\w-]{3,})(?:\s\([^)]{1,25}\))?\s(?:toxicity|intoxication|overdose|poisoning|hypersensitivity|allergy|embryopathy|"
    r"neurotoxicity|cardiotoxicity|hepatotoxicity|nephrotoxicity|ototoxicity|side effects?|adverse)\b",
    r"\b(?:toxicity|intoxication|overdose|poisoning|hypersensitivity|allergy|side[- ]effects?|adverse (?:drug )?"
    r"(?:reactions?|effects?|events?)|complications?|reactions?) (?:of|to|from|with|after|following|during|"
    r"caused by|induced by|associated with)\s(?P<w>[^.;]{1,60})",
    r"(?P<w>[\w-]+(?: [\w-]+)?)\s(?:may |can |could |might |has |have |had |is |was |were )?(?:also )?(?:been )?"
    r"(?:caus\w+|induc\w+|provok\w+|precipitat\w+|led to|lead to|leads to|resulted in|implicated|"
    r"responsible for|the (?:cause|culprit|offender))\b",
    r"\b(?:develop\w*|experienc\w+|present\w* with|complain\w* of|suffer\w*|occur\w*|appear\w*|noted|"
    r"observed|became|onset of|emerg\w+)\b[^.;]{0,100}\b(?:after|following|during|while (?:on|taking|receiving|"
    r"using)|on|upon|since|with (?:the )?(?:use|administration|initiation|start|introduction|ingestion) of)\s"
    r"(?P<w>[^.;]{1,70})",
    r"\b(?:after|following|during|while (?:on|taking|receiving|using)|upon|since)\s(?P<w>[^.;]{1,70}?)"
    r"(?:,\s?| )(?:\w+ ){0,6}(?:develop\w*|experienc\w+|present\w* with|complain\w* of|suffer\w*|had|became|"
    r"showed|exhibited)\b",
    r"\bcomplicat(?:ing|es|ed)\s(?P<w>[^.;]{1,50})",
    r"\b(?:consequence|result) of\s(?P<w>[^.;]{1,50})",
    r"\b(?:rechallenge|re-?challenge|re-?administration|readministration|re-?exposure)\b (?:of |from |with )?"
    r"(?P<w>[^.;]{1,60})",
    r"(?P<w>[^.;]{1,80})\s(?:later |subsequently |then |also |soon |rapidly )?(?:developed|experienced|presented "
    r"with|suffered|complained of)\b",
)]
# 'X-induced' names the cause whatever X is, unless X is no drug; so does an abbreviation in a causal window.
_ABBREVIATION_LINKS = (1, 2)  # 'caused by MTX', 'due to D-Pen': an abbreviation there is the drug
_INDUCED = re.compile(r"(?P<w>[\w-]{2,})(?:[- ]|\)-)induced\b", re.I)
_NOT_DRUG_CAUSE = frozenset("""exercise stress virus viral radiation radiotherapy irradiation surgery surgical trauma
    injury pregnancy cold heat light noise sun uv ultraviolet infection bacterial immune allergen antigen
    ventilator pacing diet food smoke smoking tumor tumour cancer disease self laser sound pressure stretch
    tachycardia ischemia ischaemia hypoxia mechanically""".split())
_ABBREVIATION = re.compile(r"\b(?:\d-)?[A-Z][A-Za-z]?[A-Z0-9-]{1,5}\b")
_NOT_DRUG_ABBREVIATION = frozenset("""HIV CT MRI ICU ECG EKG EEG DNA RNA CSF CNS AIDS HLA IgE IgG IgM BMI COPD ARDS
    AML ALL CML CLL SLE RA MS ALS PD AD DM HUS TTP DIC SIADH GVHD NMS SJS TEN DRESS QT QTc ED ER USA UK FDA
    WHO CASE OBJECTIVE METHODS RESULTS CONCLUSION CONCLUSIONS BACKGROUND PURPOSE DISCUSSION II III IV""".split())
# Weaker ties: the drug and the event share a sentence with a temporal or treatment link.
_LINKS_WEAK = [re.compile(p, re.I) for p in (
    r"\b(?:after|following|during|upon|while|on|under|receiving|taking|treated with|given|exposure to|use of|"
    r"administration of|ingestion of|therapy with|treatment with|exposed to)\s(?P<w>[^.;]{1,60})",
    r"(?P<w>[\w-]{3,})[- ]treated\b",
)]
_THERAPEUTIC = re.compile(
    r"\b(?:for|in) (?:the )?(?:treatment|management|prevention|prophylaxis|control|therapy) of\b|"
    r"\b(?:successful(?:ly)?|effective(?:ly)?|efficacy|improv\w+|respon\w+ (?:to|well)|remission|resolv\w+|"
    r"relie\w+|benefit\w*|well tolerated|treated (?:successfully )?(?:with|by))\b", re.I)


def _drug_words(text: str, drug: re.Pattern[str] | None) -> set[str]:
    """Lower-cased words of ``text`` that name the drug (or any drug when ``drug`` is None)."""
    if drug is not None:
        return {w.lower() for m in drug.finditer(text) for w in re.findall(r"[\w-]+", m.group(0))}
    words = {m.group(0).lower() for m in LEXICON.drug.finditer(text)}
    finder = _drug_finder()
    if finder is not None:
        tokens = [t for t in re.split(r"[\s/()\[\],;:.]+|-(?=[A-Za-z])", text) if t]
        for _, start, end in finder(tokens):
            words.update(t.lower() for t in tokens[start:end])
    return {w for w in words if w not in LEXICON.generic_treatments}


def _linked(text: str, drugs: set[str], negated: list[tuple[int, int]], any_cause: bool = True) -> str | None:
    """'strong' where a causal construction ties a drug word to the sentence's event, 'weak' for a
    temporal or treatment tie, else None. Constructions inside a negation's scope do not count."""
    def holds_drug(m: re.Match[str]) -> bool:
        if any(a <= m.start() < b for a, b in negated):
            return False
        return any(w.lower() in drugs for w in re.findall(r"[\w-]+", m.group("w"))) or \
            any(part in drugs for w in re.findall(r"[\w-]+", m.group("w")) for part in w.lower().split("-"))
    for m in _INDUCED.finditer(text) if any_cause else ():
        cause = m.group("w").lower()
        if cause not in _NOT_DRUG_CAUSE and cause not in LEXICON.generic_treatments and \
                not any(a <= m.start() < b for a, b in negated):
            return "strong"
    for i, pattern in enumerate(_LINKS_STRONG):
        for m in pattern.finditer(text):
            if holds_drug(m) or (any_cause and i in _ABBREVIATION_LINKS and not any(a <= m.start() < b for a, b in negated) and any(
                    a.group(0) not in _NOT_DRUG_ABBREVIATION for a in _ABBREVIATION.finditer(m.group("w")))):
                return "strong"
    for m in re.finditer(r"(?P<w>[\w-]{3,})((?:\s[\w-]+){0,2}?)\s(?P<p>[\w-]+)", text):
        # A drug named right before a medical problem: 'Clofazimine enteropathy', 'Co-trimoxazole red cell aplasia'.
        if holds_drug(m) and LEXICON.problem.fullmatch(m.group("p")) and \
                not re.search(r"\b(?:for|of|in|with|to|treat\w*)\s*$", text[max(0, m.start() - 12):m.start()], re.I):
            return "strong"
    for pattern in _LINKS_WEAK:
        if any(holds_drug(m) for m in pattern.finditer(text)):
            return "weak"
    return None


@lru_cache(maxsize=1)
def _drug_finder() -> Any:
    """``drug_named_entity_recognition.find_drugs`` (a drug dictionary from MeSH, DrugBank, NHS and
    Wikipedia), or None where the package is not installed."""
    try:
        from drug_named_entity_recognition import find_drugs
    except ImportError:  # pragma: no cover - the INN stems still work
        return None
    return find_drugs


# ---------------------------------------------------------------------------------------------- extractor
@dataclass
class _Event:
    term: str
    sentence: "Sentence"
    words: list[str]
    detail: dict[str, Any]


def _stem(words: str) -> str:
    return " ".join(w[:5] for w in words.lower().split())


def _in_topic(term: str, words: str, topic: set[str]) -> bool:
    return (f"{OTHER}:{_stem(words)}" if term == OTHER else term) in topic


def _topic_terms(ctx: "Context") -> set[str]:
    """Preferred terms the study aims at: named in the title or in a sentence stating the aim."""
    topic: set[str] = set()
    for s in ctx.sentences:
        if s.section == "TITLE" or _AIM.search(s.text) or (s.section and re.search(r"objective|aim|purpose",
                                                                                     s.section, re.I)):
            hits = _lexicon_hits(s.text)
            generic_ends = [m.end() for m in hits if LEXICON.classify(m.group(0))[0] == GENERIC]
            for m in hits:
                kind, terms = LEXICON.classify(m.group(0))
                if kind == "term" and _caused_by(s.text, m.start(), m.end(), ctx.intervention.pattern):
                    continue  # 'Ketamine-induced cystitis': the event of a case report is no aim
                if any(0 <= m.start() - e <= 60 and not re.search(r"[.;]", s.text[e:m.start()]) for e in generic_ends):
                    continue  # 'its side effects (nausea, vomiting)': named as side effects, not as the aim
                if kind == "term" and (s.section == "TITLE" or _aim_target(s.text, m.start())):
                    # 'other' stands for many events: only the words named are the topic ('other:agitation')
                    topic.update(f"{OTHER}:{_stem(m.group(0))}" if t == OTHER else t for t in terms)
    for finding in ctx.earlier("conditions"):
        topic.update(LEXICON.condition_topics.get(str(finding.value), ()))
    if any(_HEALTHY.search(s.text) for s in ctx.sentences):
        # An experimental study in healthy volunteers (a 'ketamine model of psychosis') measures the drug's
        # psychological effects but treats nothing: what the drug induces there is an adverse event.
        topic -= _DRUG_EFFECTS
    return topic - {SERIOUS}


_HEALTHY = re.compile(r"\bhealthy,?\s+(?:[\w-]+,?\s+){0,3}?(?:volunteers?|subjects?|participants?|adults?|individuals?|"
                      r"men|males?|women|females?|controls?|humans?)\b", re.I)
_DRUG_EFFECTS = frozenset({"psychotomimetic_effects", "dissociation", "hallucinations", "cognitive_impairment",
                           "visual_disturbance", "euphoria", "dysphoria", "confusion", "vivid_dreams"})


def _background(ctx: "Context") -> set[int]:
    """Indices of sentences that give background or the aim, not this study's results: a background or
    objective section, or in an abstract without sections, what comes before (and is) the aim sentence."""
    out: set[int] = set()
    first_aim = next((s.index for s in ctx.sentences[:6] if s.section != "TITLE" and _AIM.search(s.text)), None)
    labels = _sentence_labels(ctx)
    for s in ctx.sentences:
        label = labels[s.index]
        if re.search(r"background|introduction|context|rationale|objective|aim|purpose", label, re.I):
            out.add(s.index)
        elif not re.search(r"result|conclu|finding|discussion|interpretation|method", label, re.I) and \
                first_aim is not None and s.index <= first_aim:
            out.add(s.index)
        elif _AIM.search(s.text) and not re.search(r"result|conclu", label, re.I):
            out.add(s.index)
    return out


_INLINE_LABEL = re.compile(r"^([A-Z][A-Za-z /&-]{2,40}):\s")


def _sentence_labels(ctx: "Context") -> dict[int, str]:
    """Each sentence's abstract part: its section, or a label written inline ('Results: ...') within it."""
    out: dict[int, str] = {}
    section, current = None, ""
    for s in ctx.sentences:
        if s.section != section:
            section, current = s.section, s.section or ""
        m = _INLINE_LABEL.match(s.text)
        if m:
            current = m.group(1)
        out[s.index] = current
    return out


# An event named as the outcome a treatment improves ('benefits in ... anxiety', 'headache relief').
_OUTCOME_BEFORE = re.compile(
    r"\b(?:benefits?|improvements?|improv(?:ed|es|ing)|effects? on|effective (?:in|for|on)|impact on|reduc(?:ed|es|ing|"
    r"tion)|decreas(?:ed|es|ing|e)|alleviat\w+|reliev\w+|relief of|prevent\w*|prophyla\w+|treat(?:ing|ment of)|"
    r"attenuat\w+|lower(?:ed|ing)?|suppress\w*|control of|scores? (?:of|for)|scales? (?:of|for)|severity of|"
    r"intensity of)\b(?:\s+(?:in|on|of|the|and|or))*"
    r"(?:[\s,]+(?:and\s+|or\s+)?(?!incidence|frequency|occurrence|rates?\b|risk|number|episodes|without\b|no\b|not\b|but\b|with\b)[\w()/-]+){0,5}"
    r"[\s,]*(?:and\s+|or\s+)?$|"
    r"\b(?:quality of life|QoL|domains?|subscales?|items?)\s*(?:\(|of\s|:\s)(?:[\w-]+,?\s+(?:and\s+)?){0,3}$|"
    r"\b(?:better|adequate|good|satisfactory|excellent|optimal|superior|desired|effective)\s+(?:[\w-]+\s+){0,2}$",
    re.I)
# Quantities that leave it open whether anything happened ('negligible serious adverse effects').
_HEDGE_BEFORE = re.compile(r"\b(?:negligible|minimal|insignificant|no significant|no major)\s+(?:[\w-]+\s+){0,2}$", re.I)
_NUMBER_WORD = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|single)\b", re.I)
_OUTCOME_AFTER = re.compile(
    r"^[\s-]*(?:relief|free|freedom|intensity|severity|scores?|scales?|index|impact|disability|days?|attacks?|"
    r"frequency|response|recurrence|questionnaire|inventory|subscale|symptoms? scores?|improved|improvement|"
    r"decreased|reduced|reduction)\b", re.I)


def _caused_by(text: str, start: int, end: int, pattern: re.Pattern[str]) -> bool:
    """The event is stated as caused by the intervention ('ketamine-induced X', 'X induced by ketamine')."""
    before = re.search(r"([\w-]+)[- ](?:induced|associated|related)\s+(?:[\w-]+\s+){0,3}$", text[max(0, start - 80):start])
    after = re.match(r"\s*(?:\w+\s+){0,2}(?:induced|caused|produced|provoked) by\s+(?:the\s+)?([\w-]+)", text[end:end + 60])
    if any(m is not None and pattern.search(m.group(1)) for m in (before, after)):
        return True
    return _raised_by(text, start, pattern)


# The intervention as the subject of a verb that brings the event about ('ketamine increased scores on the
# Dissociative States Scale', 'ketamine elicited depersonalisation'), not of a desired effect ('adequate sedation').
_RAISED = re.compile(
    r"^(?:\s+\([^)]{0,30}\))?,?\s+(?:(?:also|significantly|markedly|transiently|reliably|consistently|robustly)\s+)?"
    r"(?:increased|induced|elicited|evoked|raised|worsened|impaired|caused|provoked|triggered|produced|disrupted)\b"
    r"(?![^.;:]*\b(?:adequate|good|better|satisfactory|effective|excellent|desired|optimal|sufficient|reduc\w*|"
    r"decreas\w*|lower\w*|less|fewer|improv\w*)\b)[^.;:]{0,55}$", re.I)


def _raised_by(text: str, start: int, pattern: re.Pattern[str]) -> bool:
    before = text[max(0, start - 90):start]
    last = None
    for last in pattern.finditer(before):
        pass
    return last is not None and _RAISED.match(before[last.end():]) is not None


# Symptoms of a treated area or condition ('redness, edema, and pain ... were lesser'): listed with pain or
# another sign of the condition in a sentence that reports them reduced, they are outcomes, not adverse events.
_CONDITION_SIGN = r"(?:pain|pains|tenderness|swelling|redness|stiffness|inflammation|soreness|burning|discomfort)"
_LIST_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|and/or)\s+)"
_SIGN_BEFORE = re.compile(rf"\b{_CONDITION_SIGN}\b{_LIST_JOIN}(?:[\w-]+{_LIST_JOIN}){{0,4}}(?:[\w-]+\s+)?$", re.I)
_SIGN_AFTER = re.compile(rf"^{_LIST_JOIN}(?:[\w-]+{_LIST_JOIN}){{0,4}}(?:[\w-]+\s+)?{_CONDITION_SIGN}\b", re.I)
_REDUCED = re.compile(r"\b(?:less|lesser|lower|reduced|reduction|decreased?|improved|improvement|milder|fewer|better|"
                      r"resolved|disappeared|subsided|alleviated|relieved|healed|healing)\b", re.I)


def _treated_symptom(text: str, m: "EventMention") -> bool:
    """Whether an event is listed with signs of the treated condition in a sentence reporting them reduced."""
    return bool(_REDUCED.search(text) and (_SIGN_BEFORE.search(text[max(0, m.start - 80):m.start])
                                           or _SIGN_AFTER.search(text[m.end:m.end + 80])))


def _is_outcome(text: str, start: int, end: int) -> bool:
    return bool(_OUTCOME_BEFORE.search(text[max(0, start - 100):start]) or _OUTCOME_AFTER.search(text[end:end + 30]))


def _aim_target(text: str, start: int) -> bool:
    """Whether the event at ``start`` is what an aim sentence sets out to change or measure."""
    before = text[max(0, start - 120):start]
    return re.search(r"\b(?:effect|effects|efficacy|influence|impact)\s+(?:of\s[^.;]{0,60}\s)?on\b|\bprevent\w*|"
                     r"\bprophyla\w+|\breduc\w+|\battenuat\w+|\btreat\w*|\bmanag\w+|\bcontrol\w*|\bdecreas\w+|"
                     r"\bsuppress\w*|\bfor\b|\bquality of\b|\bdepth of\b|\blevel of\b", before, re.I) is not None


def _intervention_labels(ctx: "Context") -> set[str]:
    """Arm labels that stand for the intervention ('group K', 'KRH group'), read from where they are defined:
    the intervention is named right after the label, or just before a label in brackets."""
    labels: set[str] = set()
    pattern = ctx.intervention.pattern
    for s in ctx.sentences:
        for m in _GROUP_LABEL.finditer(s.text):
            label = m.group(1) or m.group(2)
            after = s.text[m.end():m.end() + 70]
            nxt = _GROUP_LABEL.search(after)
            window = after[:nxt.start()] if nxt else after
            before = s.text[max(0, m.start() - 30):m.start()] if s.text[max(0, m.start() - 1):m.start()] == "(" else ""
            if pattern.search(window) or pattern.search(before):
                labels.add(label.lower())
    return labels


def _arm_status(clause: str, ctx: "Context", labels: set[str]) -> tuple[bool, bool]:
    """(names the intervention or its arm, names another arm) within a clause."""
    mine = ctx.intervention.pattern.search(clause) is not None
    other = False
    for m in [*_ARM_WORD.finditer(clause), *_ARM_LABEL.finditer(clause)]:
        words = re.split(r"[\s-]+", m.group(0).lower(), maxsplit=1)
        label = words[1] if words[0].startswith("group") and len(words) > 1 else words[0]
        if label in _NOT_ARM:
            continue
        if label in labels or ctx.intervention.pattern.search(m.group(0)):
            mine = True
        else:
            other = True
    return mine, other


def _belongs_to_intervention(sentence: str, start: int, ctx: "Context", labels: set[str]) -> bool:
    """The event's clause (else its sentence) names the intervention's arm, or names no other arm."""
    bounds = [0] + [m.end() for m in _CLAUSE_SPLIT.finditer(sentence)] + [len(sentence)]
    lo = max(b for b in bounds if b <= start)
    hi = min(b for b in bounds if b > start) if any(b > start for b in bounds) else len(sentence)
    mine, other = _arm_status(sentence[lo:hi], ctx, labels)
    if mine:
        return True
    if other:
        return False
    mine, other = _arm_status(sentence, ctx, labels)
    return mine or not other


def _counts(sentence: str, start: int, end: int) -> dict[str, Any]:
    """Count, percentage and denominator stated right after (or just before) an event's words."""
    window = sentence[end:end + 60]
    window = re.split(r"[;,]\s(?=[a-z]+ (?:was|were|in)\b)|\band\b(?= [a-z]+ (?:was|were|in)\b)", window)[0]
    detail: dict[str, Any] = {}
    for m in _COUNT.finditer(window):
        if m.group(1) and "count" not in detail:
            detail["count"], detail["n"] = int(m.group(1)), int(m.group(2))
        elif (m.group(3) or m.group(4)) and "count" not in detail:
            detail["count"] = int(m.group(3) or m.group(4))
        elif m.group(5) and "percent" not in detail:
            detail["percent"] = float(m.group(5))
    return detail


def _is_methods(sentence: "Sentence") -> bool:
    if sentence.section and _METHODS_LABEL.search(sentence.section) and not re.search(r"result", sentence.section,
                                                                                         re.I):
        return True
    return _METHODS_VERBS.search(sentence.text) is not None and not _SIMILARITY.search(sentence.text) and not re.search(
        r"\b(?:in|of) \d+\b|\d\s?%|\b(?:occurred|developed|experienced|observed in|reported in|noted in|"
        r"seen in|found in|increased|higher|more)\b", sentence.text, re.I)


def extract(ctx: "Context") -> list[Finding]:
    pattern = ctx.intervention.pattern
    if not any(pattern.search(s.text) for s in ctx.sentences):
        return []  # events are read for the intervention: none where it is never named
    topic: set[str] | None = None
    labels: set[str] | None = None
    background: set[int] = set()
    occurred: dict[str, _Event] = {}
    negated: dict[str, _Event] = {}
    for sentence in ctx.sentences:
        if not LEXICON.may_match(sentence.text):
            continue
        mentions = find_event_mentions(sentence.text)
        if sentence.section == "TITLE":  # only an event the title ties to the intervention
            mentions = [m for m in mentions if _caused_by(sentence.text, m.start, m.end, pattern) and not m.negated]
        if not mentions or _is_methods(sentence):
            continue
        if topic is None:
            topic, labels, background = _topic_terms(ctx), _intervention_labels(ctx), _background(ctx)
        assert labels is not None
        if sentence.index in background:
            continue  # background or aim: what is known or studied, not what happened in this study
        detected = None
        for m in mentions:
            caused = _caused_by(sentence.text, m.start, m.end, pattern)
            # 'nausea and pruritus were comparable between groups': the events occurred in every arm
            similar = m.compared and not m.negated and _similar_comparison(sentence.text, m.start, ctx, labels)
            if not caused and (_is_outcome(sentence.text, m.start, m.end) or _treated_symptom(sentence.text, m)
                               or not (similar or _belongs_to_intervention(sentence.text, m.start, ctx, labels))):
                continue
            if m.negated:
                terms = m.terms if m.kind == "term" else (SERIOUS,)
                for term in (t for t in terms if not _in_topic(t, m.words, topic)):
                    negated.setdefault(term, _Event(term, sentence, [m.words], {"words": m.words}))
                continue
            if m.kind != "term":
                continue
            if _HEDGE_BEFORE.search(sentence.text[max(0, m.start - 40):m.start]):
                continue
            if m.terms == (SERIOUS,) and not _NUMBER_WORD.search(sentence.text):
                continue  # a serious adverse event that occurred is counted ('two serious adverse events')
            if m.compared and not (similar or _INCIDENCE.search(sentence.text)
                                   or any(x.kind == GENERIC for x in mentions)):
                continue  # 'without an increase in sedation': a comparison, not an event that happened
            if detected is None and not similar:
                detected = detect_adverse_event_sentence(sentence.text, pattern, about_drug=True)
            if not (similar or detected):
                continue
            for term in m.terms:
                if _in_topic(term, m.words, topic):
                    continue
                event = occurred.get(term)
                if event is None:
                    detail = {"words": m.words, **_counts(sentence.text, m.start, m.end)}
                    if pattern.search(sentence.text):
                        detail["arm"] = ctx.intervention.name
                    occurred[term] = _Event(term, sentence, [m.words], detail)
                elif m.words.lower() not in (w.lower() for w in event.words):
                    event.words.append(m.words)
                    event.detail["words"] = "; ".join(event.words)
    findings = []
    for field, events in (("adverse_events", occurred), ("negated_adverse_events", negated)):
        for term, event in events.items():
            if field == "negated_adverse_events" and term in occurred:
                continue  # a term is never in both lists: stated to occur wins
            findings.append(Finding(field, term, ctx.evidence(event.sentence, NAME, VERSION),
                                    intervention=ctx.intervention.name, detail=event.detail))
    return findings


@lru_cache(maxsize=1)
def preferred_terms() -> tuple[str, ...]:
    """The preferred terms the lexicon can produce (the guideline's list)."""
    return tuple(sorted({t for _, _, terms in LEXICON.entries for t in terms}))
