"""Where the time of the wrapped patterns' calls goes: per-text facts, the wrapper itself, and ``re``'s own scan.

Records every call extraction makes to a ``fast_re.LowerPattern`` (search, match, fullmatch, finditer, findall, sub)
on the first N articles of a file, then replays them article by article in CPU seconds (best of ``--repeats``):

- ``full replay``: each article's calls with the per-article caches emptied first (as extraction makes them);
- ``facts kept``: the same calls a second time with the caches kept (no lower-casing, key pass or digit check):
  ``full - kept`` is the per-text facts' share;
- ``bare re``: only the scans the wrapper lets through, made directly on the compiled copy (or the ``re.I``
  original where the wrapper falls back): ``kept - bare`` is the wrapper's own per-call work (pre-checks, the
  ``LowerMatch`` objects, call dispatch).

``--split`` also times the same articles' extraction and splits the bare scans into those that find something and
those that find nothing (a search or match that returns None, a finditer that yields nothing, a sub that changes
nothing), with the patterns whose empty scans cost most: the empty scans' share of extraction is the most a
prefilter that tells which patterns can match a text (before they run) could save on the wrapped patterns. It then
does the same for the scans of the module-level patterns ``fast_re`` leaves unwrapped (case-sensitive ones, and
those it cannot lower-case safely), recorded through a proxy put in place of each in the package's modules (the
lexicon's per-letter patterns and patterns built inside functions are not recorded).

    .venv/bin/python benchmarks/pattern_calls.py --input /tmp/ketamine_1000.xml --articles 200
    .venv/bin/python benchmarks/pattern_calls.py --input /tmp/ketamine_1000.xml --articles 300 --split
"""

from __future__ import annotations

import argparse
import collections
import itertools
import os
import time
from pathlib import Path
from typing import Any, Callable


def record(path: Path, articles: int) -> tuple[list[tuple[Any, str, tuple[Any, ...]]], list[tuple[int, int]]]:
    """The wrapped-pattern calls of the first ``articles`` articles: (pattern, method, arguments), and each
    article's (start, end) in that list."""
    from ketamine_evidence.analysis.extract import extract_article, fast_re
    from ketamine_evidence.analysis.extract.interventions import resolve_intervention
    from ketamine_evidence.analysis.parse import parse_file

    classes = (fast_re.LowerPattern, fast_re.RememberingPattern)
    names = ("search", "match", "fullmatch", "finditer", "findall", "sub")
    saved = {(c, n): c.__dict__[n] for c in classes for n in names if n in c.__dict__}
    log: list[tuple[Any, str, tuple[Any, ...]]] = []
    depth = [0]  # a remembered search calls the plain one: only the outer call is recorded

    def recording(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def call(self: Any, *args: Any) -> Any:
            if not depth[0]:
                log.append((self, name, args))
            depth[0] += 1
            try:
                return fn(self, *args)
            finally:
                depth[0] -= 1
        return call

    target = resolve_intervention("ketamine")
    spans = []
    try:
        for (cls, name), fn in saved.items():
            setattr(cls, name, recording(name, fn))
        for article in itertools.islice(parse_file(path), articles):
            start = len(log)
            extract_article(article, target)
            spans.append((start, len(log)))
    finally:
        for (cls, name), fn in saved.items():
            setattr(cls, name, fn)
    return log, spans


def replay(calls: list[tuple[Callable[..., Any], tuple[Any, ...], bool]], spans: list[tuple[int, int]],
           twice: bool) -> float:
    """CPU seconds of the calls, article by article (caches emptied before each); ``twice``: only the second
    pass over each article's calls is timed."""
    from ketamine_evidence.analysis.extract.article_cache import new_article

    spent = 0.0
    for start, end in spans:
        new_article()
        for passes in range(2 if twice else 1):
            t = time.process_time()
            for fn, args, iterate in calls[start:end]:
                out = fn(*args)
                if iterate:
                    list(out)
            if passes == (1 if twice else 0):
                spent += time.process_time() - t
    return spent


def bare_scans(log: list[tuple[Any, str, tuple[Any, ...]]], spans: list[tuple[int, int]]) -> list[Any]:
    """The scans the wrapper lets through, as direct calls on the compiled pattern it would run."""
    from ketamine_evidence.analysis.extract.article_cache import new_article
    from ketamine_evidence.analysis.extract.deferred_pattern import Pending
    from ketamine_evidence.analysis.extract.fast_re import RememberingPattern

    out = []
    for start, end in spans:
        new_article()
        remembered: set[tuple[int, str, str]] = set()
        for p, name, args in log[start:end]:
            text, rest = (args[1], ()) if name == "sub" else (args[0], args[1:])
            if name in ("search", "finditer") and not rest and isinstance(p, RememberingPattern):
                if (id(p), name, text) in remembered:
                    continue  # answered by the pattern's memo for the article
                remembered.add((id(p), name, text))
            low = p._lower(text)
            if low == "" and text:
                continue  # ruled out by a pre-check
            compiled = p.low._compiled() if isinstance(p.low, Pending) else p.low
            pattern, target = (p.re, text) if low is None else (compiled, low)
            if name == "sub":
                out.append((pattern.sub, (args[0] if isinstance(args[0], str) else "", target), False))
            else:
                out.append((getattr(pattern, name), (target, *rest), name == "finditer"))
    return out


def finds_something(fn: Callable[..., Any], args: tuple[Any, ...], iterate: bool) -> bool:
    """Whether a bare scan (as ``bare_scans`` lists it) finds anything: a match, an item, a changed text."""
    out = fn(*args)
    if iterate:
        return next(iter(out), None) is not None
    if isinstance(out, str):
        return out != args[1]  # sub: the text changed
    return bool(out) if isinstance(out, list) else out is not None


def extraction_seconds(path: Path, articles: int, repeats: int) -> float:
    """Best CPU seconds of ``extract_article`` over the first ``articles`` articles (parsed beforehand)."""
    from ketamine_evidence.analysis.extract import extract_article
    from ketamine_evidence.analysis.extract.interventions import resolve_intervention
    from ketamine_evidence.analysis.parse import parse_file

    target = resolve_intervention("ketamine")
    parsed = list(itertools.islice(parse_file(path), articles))
    best = float("inf")
    for _ in range(repeats):
        t = time.process_time()
        for article in parsed:
            extract_article(article, target)
        best = min(best, time.process_time() - t)
    return best


def split(bare: list[Any], extraction: float, repeats: int, top: int = 12) -> None:
    """Print the bare scans' CPU split by whether they find anything, as shares of ``extraction``, and the
    patterns whose empty scans cost most."""
    hits, empty = [], []
    for call in bare:
        (hits if finds_something(*call) else empty).append(call)
    t_hits = min(replay(hits, [(0, len(hits))], False) for _ in range(repeats))
    t_empty = min(replay(empty, [(0, len(empty))], False) for _ in range(repeats))
    kinds = collections.Counter(fn.__name__ for fn, _, _ in empty)
    print(f"extraction      {extraction:6.3f} CPU s (best of {repeats}, same articles; load {os.getloadavg()[0]:.1f})")
    print(f"scans finding something {len(hits):6d}  {t_hits:6.3f} CPU s = {t_hits / extraction:5.1%} of extraction")
    print(f"scans finding nothing   {len(empty):6d}  {t_empty:6.3f} CPU s = {t_empty / extraction:5.1%} of extraction  "
          + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    by_pattern: dict[str, list[Any]] = collections.defaultdict(list)
    for call in empty:
        by_pattern[call[0].__self__.pattern].append(call)
    cost = {source: min(replay(calls, [(0, len(calls))], False) for _ in range(repeats))
            for source, calls in by_pattern.items()}
    print(f"patterns with empty scans: {len(cost)}; the {top} dearest:")
    for source, spent in sorted(cost.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {spent * 1e3:7.1f} ms {len(by_pattern[source]):6d} scans  {source[:90]!r}")


class _Recorded:
    """A stand-in for an unwrapped ``re.Pattern`` that logs each scan (bound method, arguments) and makes it."""

    __slots__ = ("_p", "_log")

    def __init__(self, pattern: Any, log: list[Any]) -> None:
        self._p, self._log = pattern, log

    def __getattr__(self, name: str) -> Any:
        return getattr(self._p, name)

    def _scan(name: str) -> Callable[..., Any]:  # noqa: N805 - builds the methods below
        def scan(self: Any, *args: Any, **kwargs: Any) -> Any:
            method = getattr(self._p, name)
            if kwargs:  # as positional arguments, defaults filled in: (repl, string, count) or (string, pos, endpos)
                names = ("repl", "string", "count") if name == "sub" else ("string", "pos", "endpos")
                given = dict(zip(names, args), **kwargs)
                args = tuple(given.get(k, d) for k, d in zip(names, ("", "", 0) if name == "sub" else ("", 0, 2**31)))
            self._log.append((method, args, name == "finditer"))
            return method(*args)
        return scan

    search, match, fullmatch = _scan("search"), _scan("match"), _scan("fullmatch")
    finditer, findall, sub = _scan("finditer"), _scan("findall"), _scan("sub")


def unwrapped_scans(path: Path, articles: int) -> list[Any]:
    """The scans the package's module-level unwrapped patterns make on the first ``articles`` articles, as
    (bound method, arguments, iterate); the patterns are put back afterwards."""
    import re
    import sys

    from ketamine_evidence.analysis.extract import extract_article
    from ketamine_evidence.analysis.extract.interventions import resolve_intervention
    from ketamine_evidence.analysis.parse import parse_file

    log: list[Any] = []
    target = resolve_intervention("ketamine")
    parsed = list(itertools.islice(parse_file(path), articles))
    saved = [(module, name, value) for key, module in list(sys.modules.items())
             if key.startswith("ketamine_evidence.analysis") and module is not None
             for name, value in list(vars(module).items()) if isinstance(value, re.Pattern)]
    try:
        for module, name, value in saved:
            setattr(module, name, _Recorded(value, log))
        for article in parsed:
            extract_article(article, target)
    finally:
        for module, name, value in saved:
            setattr(module, name, value)
    return log


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, required=True, help="a PubMed/MEDLINE XML file")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--split", action="store_true", help="also: scans that find nothing, as a share of extraction")
    args = ap.parse_args()
    log, spans = record(args.input, args.articles)
    calls = [(getattr(p, name), a, name == "finditer") for p, name, a in log]
    kinds = collections.Counter(name for _, name, _ in log)
    print(f"{len(log)} wrapped calls, {len(log) / len(spans):.0f} per article: "
          + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    bare = bare_scans(log, spans)
    full = min(replay(calls, spans, False) for _ in range(args.repeats))
    kept = min(replay(calls, spans, True) for _ in range(args.repeats))
    scans = min(replay(bare, [(0, len(bare))], False) for _ in range(args.repeats))
    n = len(spans)
    print(f"full replay     {full:6.3f} CPU s  {full / n * 1e6:7.0f} us/article")
    print(f"facts kept      {kept:6.3f} CPU s  (per-text facts {full - kept:6.3f} s)")
    print(f"bare re         {scans:6.3f} CPU s  ({len(bare)} scans let through; wrapper's own work "
          f"{kept - scans:6.3f} s = {(kept - scans) / len(log) * 1e9:.0f} ns a call)")
    if args.split:
        extraction = extraction_seconds(args.input, args.articles, args.repeats)
        print("-- the wrapped patterns' scans")
        split(bare, extraction, args.repeats)
        print("-- the unwrapped module-level patterns' scans")
        split(unwrapped_scans(args.input, args.articles), extraction, args.repeats, top=6)


if __name__ == "__main__":
    main()
