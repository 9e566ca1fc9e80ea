"""A/B of parse + extract between source trees on one file, passes alternated, in CPU seconds.

On a shared machine the wall clock mostly measures the wait for a core, so two trees are compared by the CPU
time of the same loop (``parse_file`` + ``extract_article``, the ``extract`` pass of ``benchmarks/extract.py``),
run in turn in fresh processes pinned to one core. Each tree is a checkout with the repository's layout (for
main without touching it: ``git archive main | tar -x -C /tmp/main_src``); it is imported from a folder of
links in the installed package's layout, with the editable install's finder removed, so each process runs
its own tree's code.

    git archive main | tar -x -C /tmp/main_src
    .venv/bin/python benchmarks/extract_ab.py --input /tmp/ketamine_1000.xml --repeats 3 /tmp/main_src .
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import os, sys, time
os.sched_setaffinity(0, {{{core}}})
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path.insert(0, {flat!r})
from ketamine_evidence.analysis.extract import extract_article
from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.parse import parse_file
target = resolve_intervention("ketamine")
c, w, n = time.process_time(), time.perf_counter(), 0
for article in parse_file({path!r}):
    extract_article(article, target)
    n += 1
print(n, time.process_time() - c, time.perf_counter() - w)
"""


def flat_tree(src: Path, into: Path) -> Path:
    """Links that give the checkout ``src`` the installed layout (``ketamine_evidence.analysis`` = ``analysis/``)."""
    pkg = into / "ketamine_evidence"
    pkg.mkdir(parents=True)
    for item in (src / "ketamine_evidence").iterdir():
        (pkg / item.name).symlink_to(item.resolve())
    for name, folder in (("analysis", "analysis"), ("harvest", "harvest"), ("snapshot", "data/snapshot")):
        (pkg / name).symlink_to((src / folder).resolve())
    return into


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trees", nargs="+", type=Path, help="checkouts to compare, in the order they run")
    ap.add_argument("--input", type=Path, required=True, help="a PubMed/MEDLINE XML file")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--core", type=int, default=sorted(os.sched_getaffinity(0))[0])
    args = ap.parse_args()
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        flats = [flat_tree(t, Path(tmp) / str(i)) for i, t in enumerate(args.trees)]
        for _ in range(args.repeats):
            for tree, flat in zip(args.trees, flats):
                code = CHILD.format(core=args.core, flat=str(flat), path=str(args.input.resolve()))
                out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
                n, cpu, wall = out.split()
                n_, cpu_, wall_ = int(n), float(cpu), float(wall)
                best[str(tree)] = min(best.get(str(tree), cpu_), cpu_)
                print(f"{str(tree):30s} {n_} records  CPU {cpu_:6.2f} s = {n_ / cpu_:6.0f} /CPU s   "
                      f"wall {wall_:6.2f} s = {n_ / wall_:6.0f}/s   load {os.getloadavg()[0]:.1f}", flush=True)
    for tree, cpu_ in best.items():
        print(f"best {tree}: {cpu_:.2f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
