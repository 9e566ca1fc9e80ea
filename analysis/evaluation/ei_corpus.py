"""The Evidence Inference 2.0 corpus (Lehman et al. 2019; DeYoung et al. 2020): prompts, labels, evidence, articles.

Each labelled prompt asks: with respect to OUTCOME, how did INTERVENTION compare with COMPARATOR
(significantly increased / significantly decreased / no significant difference)? ``load_prompts``
reads ``prompts_merged.csv`` and ``v2_annotations.csv`` from a directory in the corpus layout
(``articles/PMC<id>.txt`` beside them) and keeps the annotators' majority label:

- ``outcomes="pain"``: prompts whose outcome names pain or analgesia (the first-choice label, as
  scored since this evaluation began: 119 prompts over the 79 shipped pain articles);
- ``outcomes="all"``: every prompt with a clear majority (the top label has more votes than any
  other; ties and 'invalid prompt' majorities are left out).

``require_article`` keeps only prompts whose article text is in ``articles/`` (needed when our own
sentence selection must find the evidence); without it, prompts carry only the annotators' evidence
spans (``Prompt.evidence``, the texts cited for the majority label). ``exclude`` drops articles (the
pool's blind PMCIDs, ``blind_pmcids()``), so they are neither trained on nor read. ``held_pmcids()`` lists every
article whose text we hold (the corpus's ``articles/``, the shared pain pool, chronic-pain and ketamine folders): the
articles we score extraction on, dev or blind, whose labels no shipped weights may be fitted on.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from ketamine_evidence.analysis.parse.files import parse_pmc_bytes
from ketamine_evidence.analysis.parse.sentences import split_text
from ketamine_evidence.base.errors import InputError

DEFAULT_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "external" / "evidence_inference"
SPLIT_FILE = Path(__file__).resolve().parents[2] / "data" / "eval" / "pool" / "split.json"
_SHARED = DEFAULT_ROOT.parents[1]
ARTICLE_DIRS = (_SHARED / "pain_trials_pool", _SHARED / "chronic_pain_articles", _SHARED.parent / "corpus" / "pmc_ketamine")
LABELS = ("significantly increased", "significantly decreased", "no significant difference")
PAIN_OUTCOME = re.compile(r"pain|analges", re.I)
_LABEL_SPELLING = {"significantly increase": "significantly increased", "significantly decrease": "significantly decreased"}

_STOP = frozenset(
    """the and with for from that this than was were are has have had been into over under after before during
    within between among their its per patients patient group groups treatment treated receiving received who
    which both total mean number rate level levels score scores dose doses daily plus use used using versus
    those each other only also all any more less most least ml kg day days week weeks hour hours min minutes""".split())
_WORD = re.compile(r"[a-z][a-z0-9-]{2,}")
_REFERENCE = re.compile(r"[\[(](?:see\s)?(?:Tables?|Fig\w*)\.?\s?\d+[^\])]{0,20}[\])]")
# A table's caption glued to the text before it ('Table 2Result for the secondary ...'): the table follows.
_TABLE_START = re.compile(r"(?<=\S)\s?Table\s?\d+[A-Z]|(?<=[.a-z)\]])Table\s?\d+\b")


def _stems(text: str) -> set[str]:
    """Content-word stems (first 5 letters) of a text ('[Table 2]' and '(Figure 3)' references left out)."""
    return {w[:5] for w in _WORD.findall(_REFERENCE.sub(" ", text).lower()) if w not in _STOP}


@dataclass(frozen=True, slots=True)
class Prompt:
    prompt_id: str
    pmcid: str
    outcome: str
    intervention: str
    comparator: str
    label: str
    evidence: tuple[str, ...] = ()  # the annotators' evidence texts for the majority label


def read_exclusions(path: Path) -> set[str]:
    """Numeric PMCIDs listed one a line ('PMC123' or '123'; blank lines and '#' comments skipped)."""
    if not path.exists():
        raise InputError(f"{path}: no exclusion list (the reader must not train on articles we evaluate)")
    ids = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {i.upper().removeprefix("PMC") for i in ids if i}


def _article_ids(folder: Path, suffixes: tuple[str, ...] = (".txt", ".nxml")) -> set[str]:
    """Numeric PMCIDs of the article texts in ``folder`` (PMC<id> with one of ``suffixes``; none if it is missing)."""
    return {p.stem[3:] for p in folder.glob("PMC*.*") if p.suffix in suffixes}


def held_pmcids(root: Path = DEFAULT_ROOT, dirs: Sequence[Path] = ARTICLE_DIRS) -> set[str]:
    """Numeric PMCIDs of every article text we hold (``root/articles`` and ``dirs``; PMC<id>.txt or .nxml).

    These are the articles extraction is scored on (dev and blind alike), so shipped weights are never fitted on
    their labels. A missing folder is an error: an empty list would silently let them in."""
    held: set[str] = set()
    for folder in (root / "articles", *dirs):
        if not folder.is_dir():
            raise InputError(f"{folder}: no such folder (the articles we hold must be known before fitting anything shipped)")
        held |= _article_ids(folder)
    return held


def blind_pmcids(split_file: Path = SPLIT_FILE) -> set[str]:
    """Numeric PMCIDs of the pool's blind split (never trained on, never read)."""
    if not split_file.exists():
        return set()
    return {p.removeprefix("PMC") for p in json.loads(split_file.read_text(encoding="utf-8")).get("blind", [])}


def load_prompts(root: Path, outcomes: str = "pain", require_article: bool = True,
                 exclude: set[str] | frozenset[str] = frozenset(), article_dirs: Sequence[Path] = ()) -> list[Prompt]:
    """Labelled prompts with their majority label (see the module docstring for ``outcomes``); with
    ``require_article``, those whose text is in ``root/articles`` (.txt) or in ``article_dirs`` (.txt or .nxml)."""
    articles = _article_ids(root / "articles", (".txt",)).union(*(_article_ids(Path(d)) for d in article_dirs))
    with open(root / "prompts_merged.csv", encoding="utf-8-sig", newline="") as fh:
        prompts = {r["PromptID"]: r for r in csv.DictReader(fh)}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    evidence: dict[tuple[str, str], list[str]] = defaultdict(list)
    with open(root / "v2_annotations.csv", encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            if (require_article and r["PMCID"] not in articles) or r["PMCID"] in exclude:
                continue
            label = r["Label"].strip().lower()
            label = _LABEL_SPELLING.get(label, label)
            votes[r["PromptID"]][label] += 1
            if label in LABELS and r["Annotations"].strip():
                evidence[(r["PromptID"], label)].append(" ".join(r["Annotations"].split()))
    out = []
    for pid, counter in votes.items():
        p = prompts.get(pid)
        if p is None:
            continue
        if outcomes == "pain":
            if not PAIN_OUTCOME.search(p["Outcome"]):
                continue
            valid = Counter({k: v for k, v in counter.items() if k in LABELS})
            if not valid:
                continue
            label = valid.most_common(1)[0][0]
        else:
            ranked = counter.most_common()
            if ranked[0][0] not in LABELS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
                continue
            label = ranked[0][0]
        out.append(Prompt(pid, p["PMCID"], p["Outcome"].strip(), p["Intervention"].strip(),
                          p["Comparator"].strip(), label, tuple(dict.fromkeys(evidence[(pid, label)]))))
    return sorted(out, key=lambda p: (p.pmcid, int(p.prompt_id)))


@dataclass(frozen=True, slots=True)
class ArticleSentence:
    text: str
    abstract: bool
    stems: frozenset[str]
    section: str = ""  # 'ABSTRACT.RESULTS', 'BODY.DISCUSSION'...


def article_sentences(path: Path) -> list[ArticleSentence]:
    """Sentences of an Evidence Inference .txt article (title and 'ABSTRACT.*' sections flagged abstract);
    a JATS ``.nxml`` is first laid out the same way (``jats_as_text``)."""
    out: list[ArticleSentence] = []
    section = ""
    text = jats_as_text(path.read_bytes()) if path.suffix == ".nxml" else path.read_text(encoding="utf-8")
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if not block:
            continue
        head = re.match(r"^([A-Z][A-Z0-9 .&/_-]{2,80}):\s*(.*)$", block, re.S)
        if head and head.group(1).isupper():
            section, block = head.group(1), head.group(2).strip()
        abstract = section.startswith(("TITLE", "ABSTRACT"))
        for s in split_text(" ".join(block.split())):
            text = _TABLE_START.split(s.text, maxsplit=1)[0].strip()  # '... shorter mean a Table 3Treatment ...'
            if len(text) > 20:
                out.append(ArticleSentence(text, abstract, frozenset(_stems(text)), section))
    return out


def jats_as_text(data: bytes) -> str:
    """A PMC JATS article in the corpus's .txt layout ('TITLE:', 'ABSTRACT.RESULTS:', 'BODY.<SECTION>:'
    blocks), so articles the corpus ships only as XML elsewhere (the pain pool) can be read. Tables are
    left out (the corpus's own .txt renders them as text)."""
    article = parse_pmc_bytes(data)
    blocks = [f"TITLE:\n{article.title or ''}"]
    for kind, sections in (("ABSTRACT", article.abstract or []), ("BODY", article.fulltext or [])):
        for s in sections:
            label = re.sub(r"[^A-Za-z0-9 &/_-]+", " ", (s.label or "").split(" > ")[-1]).strip().upper()
            blocks.append(f"{kind}.{label or 'TEXT'}:\n{s.text}")
    return "\n\n".join(blocks) + "\n"


def article_path(pmcid: str, dirs: Sequence[Path]) -> Path | None:
    """The article's text: ``PMC<id>.txt`` in the first directory that has it, else ``PMC<id>.nxml``."""
    for suffix in (".txt", ".nxml"):
        for d in dirs:
            if (d / f"PMC{pmcid}{suffix}").exists():
                return d / f"PMC{pmcid}{suffix}"
    return None


def span_sentence(text: str) -> ArticleSentence:
    """An annotator's evidence span as the one sentence to read."""
    return ArticleSentence(text, True, frozenset(_stems(text)), "ABSTRACT.RESULTS")


def score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy and macro-F1 over the three labels."""
    per: dict[str, dict[str, float]] = {}
    for label in LABELS:
        tp = sum(r["gold"] == label and r["predicted"] == label for r in rows)
        fp = sum(r["gold"] != label and r["predicted"] == label for r in rows)
        fn = sum(r["gold"] == label and r["predicted"] != label for r in rows)
        p = tp / (tp + fp) if tp + fp else 0.0
        r_ = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r_ / (p + r_) if p + r_ else 0.0
        per[label] = {"precision": p, "recall": r_, "f1": f, "support": tp + fn}
    accuracy = sum(r["gold"] == r["predicted"] for r in rows) / len(rows) if rows else 0.0
    present = [label for label in LABELS if per[label]["support"]]
    macro = sum(per[label]["f1"] for label in present) / len(present) if present else 0.0
    return {"accuracy": accuracy, "macro_f1": macro, "per_label": per}


def summary_lines(result: dict[str, Any]) -> list[str]:
    lines = [f"Evidence Inference ({result.get('outcomes', 'pain')} outcomes): n={result['n']} accuracy {result['accuracy']:.3f} "
             f"macro-F1 {result['macro_f1']:.3f}"]
    for label, s in result["per_label"].items():
        lines.append(f"  {label:27s} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} (n={s['support']})")
    return lines
