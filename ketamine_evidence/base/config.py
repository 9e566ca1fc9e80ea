"""Configuration: packaged defaults, overlaid by the user's TOML file, environment and flags.

Every value is validated here so a wrong value fails at start-up with a one-line
``ConfigError`` that names the key, never half-way through a run.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ketamine_evidence.base import paths
from ketamine_evidence.base.errors import ConfigError

DEFAULTS = paths.PACKAGE_DIR / "defaults.toml"
# Keys an ``[interventions.<name>]`` table may hold (analysis/extract/interventions.py reads them).
INTERVENTION_KEYS = ("synonyms", "drug_class", "is_drug")


@dataclass(frozen=True)
class PubmedConfig:
    query: str
    eutils_url: str
    tool: str
    email: str
    api_key: str
    batch_size: int
    overlap_days: int
    max_window_hits: int
    timeout_s: float
    max_record_mb: float = 8.0

    @property
    def max_rate(self) -> float:
        """NCBI's per-IP limit: 10 requests/s with an API key, 3 without."""
        return 10.0 if self.api_key else 3.0


@dataclass(frozen=True)
class BaselineConfig:
    """Where NLM's baseline/update tree is mirrored from, and how politely."""

    url: str = "https://ftp.ncbi.nlm.nih.gov/pubmed/"
    pause_s: float = 1.0
    timeout_s: float = 60.0


@dataclass(frozen=True)
class Config:
    pubmed: PubmedConfig
    store_path: Path
    intervention: str
    interventions: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: Path | None = None  # the user file that was read, if any
    baseline: BaselineConfig = field(default_factory=BaselineConfig)

    def with_overrides(self, **pubmed: Any) -> "Config":
        """A copy with some ``pubmed`` values replaced (from command-line flags), re-validated."""
        merged = {k: v for k, v in pubmed.items() if v is not None}
        if not merged:
            return self
        new = replace(self.pubmed, **merged)
        _validate_pubmed(new)
        return replace(self, pubmed=new)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(sorted(choices))})"


def check_known(user: dict[str, Any], defaults: dict[str, Any], where: Path) -> None:
    """Refuse a section or key the defaults do not have: a typo (``qeury``, ``[pubmd]``) would
    otherwise be ignored silently and the run would use the default instead."""
    for section, body in user.items():
        if section not in defaults:
            raise ConfigError(f"{where}: unknown config section [{section}]"
                              + _did_you_mean(section, list(defaults)))
        if not isinstance(body, dict):
            raise ConfigError(f"{where}: config section [{section}] must be a table")
        if section == "interventions":
            for name, entry in body.items():
                for key in entry if isinstance(entry, dict) else ():
                    if key not in INTERVENTION_KEYS:
                        raise ConfigError(f"{where}: unknown config key interventions.{name}.{key}"
                                          + _did_you_mean(key, list(INTERVENTION_KEYS)))
            continue
        for key in body:
            if key not in defaults[section]:
                raise ConfigError(f"{where}: unknown config key {section}.{key}"
                                  + _did_you_mean(key, list(defaults[section])))


def _typed(section: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = section.get(key)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise ConfigError(f"config value {where}.{key} must be a {kind.__name__}, got {value!r}")
    return value


def _validate_pubmed(p: PubmedConfig) -> None:
    if not p.query.strip():
        raise ConfigError("config value pubmed.query is empty")
    url = urlparse(p.eutils_url)
    try:
        url.port  # noqa: B018 - raises ValueError for a port out of 0..65535 or not a number
    except ValueError:
        raise ConfigError(f"config value pubmed.eutils_url has an invalid port: {p.eutils_url!r}") from None
    if url.scheme not in ("http", "https") or not url.netloc:
        raise ConfigError(f"config value pubmed.eutils_url is not an http(s) URL: {p.eutils_url!r}")
    if not 1 <= p.batch_size <= 500:
        raise ConfigError(f"config value pubmed.batch_size must be 1..500 (NCBI's limit per efetch), "
                          f"got {p.batch_size}")
    if not 0 <= p.overlap_days <= 365:
        raise ConfigError(f"config value pubmed.overlap_days must be 0..365, got {p.overlap_days}")
    if not 1 <= p.max_window_hits <= 9999:
        raise ConfigError(f"config value pubmed.max_window_hits must be 1..9999, got {p.max_window_hits}")
    if not 1 <= p.timeout_s <= 300:  # NaN and inf fail too: a silent server must not hang a run for ever
        raise ConfigError(f"config value pubmed.timeout_s must be 1..300 seconds, got {p.timeout_s}")
    if not 0.01 <= p.max_record_mb <= 1024:
        raise ConfigError(f"config value pubmed.max_record_mb must be 0.01..1024, got {p.max_record_mb}")
    if p.email and "@" not in p.email:
        raise ConfigError(f"config value pubmed.email is not an e-mail address: {p.email!r}")


def load_config(path: Path | None = None) -> Config:
    """Read defaults, then ``path`` (or the user's config file if it exists), then the environment."""
    raw = _read_toml(DEFAULTS)
    raw.setdefault("interventions", {})  # a section of user tables only (commented examples in the defaults)
    source: Path | None = None
    candidate = path if path is not None else paths.user_config()
    if path is not None or candidate.is_file():
        user = _read_toml(candidate)
        check_known(user, raw, candidate)
        raw = _merge(raw, user)
        source = candidate
    for section in ("pubmed", "store", "extract"):
        if not isinstance(raw.get(section, {}), dict):
            raise ConfigError(f"config section [{section}] must be a table")
    pm = raw["pubmed"]
    pubmed = PubmedConfig(
        query=_typed(pm, "query", str, "pubmed"),
        eutils_url=_typed(pm, "eutils_url", str, "pubmed"),
        tool=_typed(pm, "tool", str, "pubmed"),
        email=os.environ.get("NCBI_EMAIL") or _typed(pm, "email", str, "pubmed"),
        api_key=os.environ.get("NCBI_API_KEY") or _typed(pm, "api_key", str, "pubmed"),
        batch_size=_typed(pm, "batch_size", int, "pubmed"),
        overlap_days=_typed(pm, "overlap_days", int, "pubmed"),
        max_window_hits=_typed(pm, "max_window_hits", int, "pubmed"),
        timeout_s=_typed(pm, "timeout_s", float, "pubmed"),
        max_record_mb=_typed(pm, "max_record_mb", float, "pubmed"),
    )
    _validate_pubmed(pubmed)
    store_raw = _typed(raw["store"], "path", str, "store")
    store_path = Path(store_raw).expanduser() if store_raw else paths.default_store()
    intervention = _typed(raw["extract"], "intervention", str, "extract").strip()
    if not intervention:
        raise ConfigError("config value extract.intervention is empty")
    extra = raw.get("interventions", {})
    if not isinstance(extra, dict) or not all(isinstance(v, dict) for v in extra.values()):
        raise ConfigError("config section [interventions] must hold one table per intervention")
    for name, entry in extra.items():
        syn = entry.get("synonyms", [])
        if not isinstance(syn, list) or not all(isinstance(s, str) and s.strip() for s in syn):
            raise ConfigError(f"config value interventions.{name}.synonyms must be a list of names")
    return Config(pubmed=pubmed, store_path=store_path, intervention=intervention,
                  interventions=extra, source=source, baseline=_baseline(raw.get("baseline", {})))


def _baseline(section: Any) -> BaselineConfig:
    if not isinstance(section, dict):
        raise ConfigError("config section [baseline] must be a table")
    b = BaselineConfig(url=_typed(section, "url", str, "baseline"),
                       pause_s=_typed(section, "pause_s", float, "baseline"),
                       timeout_s=_typed(section, "timeout_s", float, "baseline"))
    url = urlparse(b.url)
    if url.scheme not in ("http", "https") or not url.netloc:
        raise ConfigError(f"config value baseline.url is not an http(s) URL: {b.url!r}")
    if not 0 <= b.pause_s <= 3600:
        raise ConfigError(f"config value baseline.pause_s must be 0..3600, got {b.pause_s}")
    if not 0 < b.timeout_s <= 3600:
        raise ConfigError(f"config value baseline.timeout_s must be in (0, 3600], got {b.timeout_s}")
    return b
