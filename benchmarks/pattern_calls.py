"""Where the time of the wrapped patterns' calls goes: per-text facts, the wrapper itself, and ``re``'s own scan.

Records every call extraction makes to a ``fast_re.LowerPattern`` (search, match, fullmatch, finditer, findall, sub)
on the first N articles of a file, then replays them article by article in CPU seconds (best of ``--repeats``):

- ``full replay``: each article's calls with the per-article caches emptied first (as extraction makes them);
- ``facts kept``: the same calls a second time with the caches kept (no lower-casing, key pass or digit check):
  ``full - kept`` is the per-text facts' share;
- ``bare re``: only the scans the wrapper lets through, made directly on the compiled copy (or the ``re.I``
  original where the wrapper falls back): ``kept - bare`` is the wrapper's own per-call work (pre-checks, the
  ``LowerMatch`` objects, call dispatch).

    .venv/bin/python benchmarks/pattern_calls.py --input /tmp/ketamine_1000.xml --articles 200
"""

from __future__ import annotations

import argparse
import collections
import itertools
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

    out = []
    for start, end in spans:
        new_article()
        for p, name, args in log[start:end]:
            text, rest = (args[1], ()) if name == "sub" else (args[0], args[1:])
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, required=True, help="a PubMed/MEDLINE XML file")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=5)
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


if __name__ == "__main__":
    main()
