"""PubMed harvest against the E-utilities stand-in: requests per 1,000 records, wall time, memory.

Starts ``tests/harvest/eutils_server.py`` on 127.0.0.1 with ``--latency`` seconds before each
answer (default 50 ms) over the bundled real records (``data/snapshot/pubmed``) replicated under
new PMIDs to ``--records`` (default 10,500, more than PubMed's 9,999-hit paging limit, so the
search is split into date windows exactly as against NCBI). Then runs the real command,
``ketamine-evidence harvest --source pubmed``, in a subprocess, and prints:

- requests in all and per 1,000 records (esearch + efetch) beside the floor (the searches it needed
  plus ceil(records / 500) efetch, NCBI's largest advised batch), 429 answers, most requests in any 1 s;
- wall time of the crawl (first to last request at the server) against the floor set by the rate
  limit ((requests - 1) / rate: 3/s, or 10/s with ``--api-key``), and of the whole command;
- the harvest process's peak RSS (``ru_maxrss`` of the child), and after a second, incremental
  run with nothing new, its request count.

    .venv/bin/python benchmarks/harvest.py                      # 10,500 records at 3 requests/s
    .venv/bin/python benchmarks/harvest.py --records 2000 --api-key
    .venv/bin/python benchmarks/harvest.py --records 2000 --faults    # 10% 5xx, 5% cut bodies, 2% drops
    .venv/bin/python benchmarks/harvest.py --records 3000 --paging-limit 600   # a server capped below 9,999
"""

from __future__ import annotations

import _repo_path  # noqa: F401  (before any project import: see benchmarks/_repo_path.py)

import argparse
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

from tests.harvest.eutils_server import Collection, EutilsServer, Faults  # noqa: E402

SNAPSHOT = REPO / "data" / "snapshot"


def harvest(url: str, store: Path, home: Path, api_key: str | None, batch_size: int) -> tuple[float, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "KETAMINE_EVIDENCE_"))}
    env["KETAMINE_EVIDENCE_HOME"] = str(home)
    if api_key:
        env["NCBI_API_KEY"] = api_key
    (home / "ketamine-evidence.toml").write_text(f"[pubmed]\nbatch_size = {batch_size}\n")
    cmd = [sys.executable, "-m", "ketamine_evidence", "--log-level", "WARNING", "harvest", "--source", "pubmed",
           "--eutils-url", url, "--store", str(store), "--query", "ketamine AND pain"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 8):  # 8: partial (a day beyond a low paging cap), reported below
        sys.exit(f"harvest failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return wall, proc.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_500)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--paging-limit", type=int, default=9999, help="ids the stand-in lists per search")
    parser.add_argument("--api-key", action="store_true", help="send an API key: 10 requests/s instead of 3")
    parser.add_argument("--faults", action="store_true", help="inject 10%% 5xx, 5%% truncated bodies, 2%% drops")
    args = parser.parse_args()

    collection = Collection.from_corpus(SNAPSHOT / "pubmed", SNAPSHOT / "pmc")
    base = len(collection)
    if args.records > base:
        collection.replicate(args.records - base, spread=(date(2010, 1, 1), date(2025, 12, 31)))
    rate = 10 if args.api_key else 3
    print(f"collection: {len(collection)} records ({base} real, {len(collection) - base} copies under new PMIDs); "
          f"latency {args.latency * 1000:.0f} ms; limit {rate} requests/s; batch {args.batch_size}")

    faults = Faults(latency=args.latency)
    if args.faults:
        faults.error_rate, faults.truncate_rate, faults.drop_rate = 0.10, 0.05, 0.02
    with tempfile.TemporaryDirectory() as tmp, EutilsServer(collection, faults=faults, seed=1,
                                                            paging_limit=args.paging_limit) as server:
        home = Path(tmp)
        store = home / "bench.sqlite"
        key = "benchmark-key" if args.api_key else None
        wall, summary = harvest(server.url, store, home, key, args.batch_size)
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        log = server.log()
        requests = len(log)
        span = log[-1].time - log[0].time
        floor = (requests - 1) / rate
        by_endpoint = {e: len(server.log(e)) for e in ("esearch", "efetch")}
        print(summary)
        fewest = by_endpoint["esearch"] + math.ceil(len(collection) / 500)
        print(f"requests: {requests} ({by_endpoint['esearch']} esearch, {by_endpoint['efetch']} efetch) = "
              f"{1000 * requests / len(collection):.2f} per 1,000 records; floor {fewest} "
              f"({by_endpoint['esearch']} searches + ceil({len(collection)}/500) efetch) = "
              f"{1000 * fewest / len(collection):.2f} per 1,000")
        injected = sum(1 for r in log if r.fault and r.fault != "rate")
        if args.faults:
            print(f"faults injected: {injected} of {requests} answers (all retried with backoff)")
        print(f"429 answers: {sum(1 for r in log if r.status == 429)}; most requests in any 1 s: "
              f"{server.max_per_window(1.0)} (limit {rate})")
        print(f"crawl time (first to last request): {span:.1f} s; floor (requests - 1) / {rate}/s: {floor:.1f} s; "
              f"ratio {span / floor:.2f}")
        print(f"whole command (start-up, crawl, store): {wall:.1f} s = {len(collection) / wall:.0f} records/s")
        print(f"harvest process peak RSS: {peak_kib / 1024:.0f} MiB")
        print(f"store file: {store.stat().st_size / 2**20:.1f} MiB")

        before = len(server.log())
        wall2, summary2 = harvest(server.url, store, home, key, args.batch_size)
        print(f"re-run with nothing new: {len(server.log()) - before} requests, {wall2:.1f} s: {summary2}")


if __name__ == "__main__":
    main()
