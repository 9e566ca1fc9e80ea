"""Which treatment the extractors read for: names, synonyms and drug class from a data file.

``resolve_intervention("intravenous lidocaine")`` finds the lexicon entry a name belongs to; a name
the lexicon does not know is matched literally, as a treatment of its own.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

from ketamine_evidence.errors import ConfigError

# Words that make an unknown name a non-drug treatment (no routes, no doses).
_NON_DRUG_WORDS = re.compile(
    r"\b(acupuncture|tens|exercise|tai chi|yoga|massage|physiotherap\w*|physical therap\w*|therapy session\w*|"
    r"cognitive|behavio\w*|mindfulness|education|training|manipulation|stimulation|surgery|surgical|"
    r"psychotherap\w*|hypnosis|relaxation|program\w*|rehabilitation|ultrasound|laser|orthos\w*|insoles?|"
    r"splint\w*|brace|taping|heat|cold|spinal cord stimulat\w*|radiofrequency|meditation|qigong|pilates)\b",
    re.I,
)
# Route words stripped from a name before looking it up ("intravenous lidocaine" -> "lidocaine").
_ROUTE_WORDS = re.compile(r"\b(intravenous|iv|oral|topical|intranasal|subcutaneous|intramuscular|"
                          r"low[- ]dose|high[- ]dose|infusions?|patch(es)?|cream|gel)\b", re.I)


@dataclass(frozen=True)
class Intervention:
    """A treatment and all the names it goes by in abstracts."""

    name: str
    synonyms: tuple[str, ...]
    drug_class: str | None
    is_drug: bool

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Whole-word, case-insensitive regex for any of its names (longest first)."""
        names = sorted({self.name.lower(), *(s.lower() for s in self.synonyms)}, key=len, reverse=True)
        alternatives = "|".join(re.escape(n) for n in names if n)
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w])", re.I)

    def mentioned_in(self, text: str) -> bool:
        return self.pattern.search(text) is not None


def _load_packaged() -> dict[str, dict[str, Any]]:
    data = resources.files("analysis.lexicons").joinpath("interventions.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def _entry(name: str, raw: dict[str, Any]) -> Intervention:
    synonyms = raw.get("synonyms", [])
    if not isinstance(synonyms, list) or not all(isinstance(s, str) for s in synonyms):
        raise ConfigError(f"intervention {name!r}: synonyms must be a list of strings")
    is_drug = raw.get("is_drug", True)
    if not isinstance(is_drug, bool):
        raise ConfigError(f"intervention {name!r}: is_drug must be true or false")
    return Intervention(name=name.lower(), synonyms=tuple(synonyms),
                        drug_class=raw.get("drug_class"), is_drug=is_drug)


def lexicon(extra: dict[str, dict[str, Any]] | None = None) -> dict[str, Intervention]:
    """The packaged interventions, overlaid by the user's ``[interventions.*]`` config entries."""
    merged = _load_packaged()
    for name, raw in (extra or {}).items():
        base = merged.get(name.lower(), {})
        merged[name.lower()] = {**base, **raw,
                                "synonyms": [*base.get("synonyms", []), *raw.get("synonyms", [])]}
    return {name: _entry(name, raw) for name, raw in merged.items()}


def resolve_intervention(name: str, extra: dict[str, dict[str, Any]] | None = None) -> Intervention:
    """The lexicon entry ``name`` refers to (by name or synonym, ignoring route words), else a literal one."""
    wanted = " ".join(name.strip().split())
    if not wanted:
        raise ConfigError("intervention name is empty")
    entries = lexicon(extra)
    lowered = wanted.lower()
    if lowered in entries:
        return entries[lowered]
    core = " ".join(_ROUTE_WORDS.sub(" ", lowered).split())
    for entry in entries.values():
        if core == entry.name or core in (s.lower() for s in entry.synonyms):
            return entry
    for entry in entries.values():  # a known drug inside a longer name: "OROS lidocaine patch"
        if entry.is_drug and entry.pattern.search(lowered):
            return Intervention(name=entry.name, synonyms=(*entry.synonyms, wanted),
                                drug_class=entry.drug_class, is_drug=True)
    is_drug = _NON_DRUG_WORDS.search(lowered) is None
    synonyms = tuple(dict.fromkeys([wanted, *([core] if core and core != lowered else [])]))
    return Intervention(name=lowered, synonyms=synonyms, drug_class=None, is_drug=is_drug)


KETAMINE = "ketamine"
