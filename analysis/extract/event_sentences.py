"""Whether a sentence states that an adverse event occurred with a drug: the rules (causal and
occurrence cues, causal constructions tying a drug to an event) and the learned linear classifier
trained on ADE-Corpus-V2 (weights in ``lexicons/ade_sentence_model.json``, scored in plain Python)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from ketamine_evidence.analysis.extract.ade_span_tagger import SpanTagger, pair_features as _pair_features, span_features, \
    token_features
from ketamine_evidence.analysis.extract.event_negation import EventMention, find_event_mentions, negated_spans as _negated_spans
from ketamine_evidence.analysis.extract.event_terms import LEXICON

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
# Occurrence: the event is reported as having happened (counts, incidence, 'was observed in', 'there were').
_OCCURRENCE = re.compile(
    r"\bdevelop(?:ed|s|ing)?\b|\bexperienc(?:ed|es|ing)\b|\boccur(?:red|ring|s)?\b|\bobserved\b|\breported\b|"
    r"\bnoted\b|\bseen\b|\bfound\b|\bfelt\b|\bcomplain(?:ed|s)? of\b|\bsuffer(?:ed|s|ing)\b|\bpresented with\b|\bhad\b|"
    r"\bshowed\b|\bexhibited\b|\bappeared\b|\bincidences?\b|\bfrequenc(?:y|ies)\b|\boccurrence\b|\brates?\b|"
    r"\bepisodes?\b|\bcases?\b|\bincreas\w*|\bhigher\b|\bmore\b|\bgreater\b|\belevat\w+|\brise\b|\brose\b|"
    r"\bincluded?\b|\bincluding\b|\bmost common\b|\bcommonest\b|\bfrequent\b|\d\s?%|\b\d+ (?:of|out of) \d+|"
    r"\b\d+ (?:patients?|subjects?|participants?|children|cases|volunteers|women|men)\b|\bin \d+\b|"
    r"\bconfirm\w*\b|\bdemonstrat\w+\b|\bproduced?\b|\bcaused?\b|\bwith minimal\b|\bmild\b|\bmoderate\b|"
    r"\bsevere\b|\btransient\b|\bsignificantly\b|\bpeaked\b|\bresolved\b|\bsubsided\b|\blasted\b|\bpersisted\b|"
    # an existential count ('There were four versus one wound infections in the drain versus no-drain groups')
    r"\bthere (?:was|were|had been)\b",
    re.I)


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
        return learned.accepts(sentence_features(text, _signals(text, mentions, negated_spans, has_event),
                                                 learned.gazetteer, learned.tagger))
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


@dataclass(frozen=True)
class Gazetteer:
    """Adverse-effect and drug phrases annotated in ADE-Corpus-V2 (lower-cased word tuples). They name
    effects and drugs that the project's lexicons lack ('increased calcium-release', 'dihydrotachysterol');
    :func:`gazetteer_features` masks them as ``AE`` / ``DRG`` so the model reads how they are tied."""

    effects: frozenset[tuple[str, ...]]
    drugs: frozenset[tuple[str, ...]]
    longest: int = 6

    def mask(self, tokens: list[str]) -> list[str]:
        """The tokens with every longest matching drug phrase as ``DRG`` and effect phrase as ``AE``."""
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                words = tuple(tokens[i:i + n])
                if words in self.drugs or words in self.effects:
                    out.append("DRG" if words in self.drugs else "AE")
                    i += n
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out


def phrase_tokens(text: str) -> tuple[str, ...]:
    """The lower-cased words of a phrase as :func:`sentence_features` splits a sentence."""
    return tuple(t.lower() for t in _TOKEN_CASED.findall(text))


def gazetteer_features(tokens: list[str], gazetteer: Gazetteer) -> set[str]:
    """N-grams that touch a masked ``DRG``/``AE`` phrase, the words between a drug and an effect and
    their order, and whether both occur (prefix ``g``)."""
    masked = gazetteer.mask(tokens)
    out = {f"gn:{t}" for t in masked if t in ("DRG", "AE")}
    edged = ["<s>", *masked, "</s>"]
    out.update(f"gb:{a} {b}" for a, b in zip(edged, edged[1:]) if {a, b} & {"DRG", "AE"})
    out.update(f"gt:{a} {b} {c}" for a, b, c in zip(edged, edged[1:], edged[2:]) if {a, b, c} & {"DRG", "AE"})
    cause = [i for i, t in enumerate(masked) if t == "DRG"]
    effect = [i for i, t in enumerate(masked) if t == "AE"]
    out |= _pair_features(masked, cause, effect, ("DA", "AD"), "go:", "g", ("DRG", "AE"))
    out.add(f"gboth={bool(cause) and bool(effect)}")
    return out


def sentence_features(text: str, signals: RuleSignals | None = None, gazetteer: Gazetteer | None = None,
                      tagger: SpanTagger | None = None) -> list[str]:
    """The learned classifier's features of a sentence: lower-cased unigrams, bigrams and trigrams over the
    words with drug names as ``DRUG`` and event words as ``EVENT``, the rules' signals (``rule:...``) and,
    with a ``gazetteer``, the same read over its annotated phrases (:func:`gazetteer_features`) and, with a
    ``tagger``, over the effect and drug spans it predicts (:func:`ade_span_tagger.span_features`)."""
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
    # Trigrams over the masked words, with the sentence's edges ('<s> DRUG EVENT', 'EVENT due to').
    edged = ["<s>", *norm, "</s>"]
    out.update((f"b:<s> {edged[1]}", f"b:{edged[-2]} </s>"))
    out.update(f"t:{a} {b} {c}" for a, b, c in zip(edged, edged[1:], edged[2:]))
    # Relation features: the words between a drug (or abbreviation) and an event, and their order.
    cause = [i for i, t in enumerate(norm) if t in ("DRUG", "ABBR")]
    effect = [i for i, t in enumerate(norm) if t == "EVENT"]
    out |= _pair_features(norm, cause, effect, ("DE", "ED"), "o:", "w", ("DRUG", "EVENT", "ABBR"))
    out.add(f"rule:verdict={signals.verdict}")
    out.add(f"rule:link={signals.link}")
    out.add(f"rule:event={bool(events) or signals.has_event}")
    out.add(f"rule:drug={bool(drugs)}")
    if gazetteer is not None:
        out |= gazetteer_features(tokens, gazetteer)
    if tagger is not None:
        out |= span_features(tokens, tagger.probabilities(token_features(raw, drugs, events)))
    return sorted(out)


@dataclass(frozen=True)
class SentenceModel:
    """A linear model over :func:`sentence_features`: weights, intercept and a threshold on the logit."""

    weights: dict[str, float]
    intercept: float
    threshold: float = 0.0
    gazetteer: Gazetteer | None = None
    tagger: SpanTagger | None = None

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
    gazetteer, tagger = data.get("gazetteer"), data.get("tagger")
    return SentenceModel(data["weights"], float(data["intercept"]), float(data.get("threshold", 0.0)),
                         None if gazetteer is None else Gazetteer(
                             frozenset(tuple(p.split()) for p in gazetteer["effects"]),
                             frozenset(tuple(p.split()) for p in gazetteer["drugs"])),
                         None if tagger is None else SpanTagger.from_json(tagger))


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
