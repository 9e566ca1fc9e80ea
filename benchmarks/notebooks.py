"""Wall time of the four notebooks, and of the meta-analysis on a large synthetic set.

Extracts the bundled snapshot (``data/snapshot/pmc``) into a temporary folder, then executes
``notebooks/01..04`` with papermill on the ``python3`` kernel (as the tests do), printing the time
of each (kernel start included) and the total. Target: all four in < 60 s.
Also times ``ketamine_evidence.analysis.synthesis.meta_analysis.meta_analyse`` (REML + Hartung-Knapp) on ``--k`` studies.

    .venv/bin/python benchmarks/notebooks.py
    .venv/bin/python benchmarks/notebooks.py --k 2000
"""

from __future__ import annotations

import _repo_path  # noqa: F401  (before any project import: see benchmarks/_repo_path.py)

import argparse
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NAMES = ["01-corpus-overview", "02-relief-duration", "03-adverse-events", "04-meta-analysis"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=500, help="studies in the synthetic meta-analysis (default 500)")
    args = parser.parse_args()

    import numpy as np
    import papermill as pm

    from ketamine_evidence.analysis import load_tables
    from ketamine_evidence.analysis.synthesis.meta_analysis import meta_analyse
    from ketamine_evidence.cli import main as cli

    with tempfile.TemporaryDirectory() as tmp:
        tables = Path(tmp) / "tables"
        t0 = time.perf_counter()
        cli(["extract", "--input", str(REPO / "data" / "snapshot" / "pmc"), "--out", str(tables), "--no-progress"])
        studies = load_tables(tables).studies
        print(f"extract snapshot: {time.perf_counter() - t0:.1f} s ({len(studies)} records, "
              f"{int(studies['included'].sum())} included)")
        total = 0.0
        for name in NAMES:
            t0 = time.perf_counter()
            pm.execute_notebook(str(REPO / "notebooks" / f"{name}.ipynb"), str(Path(tmp) / f"{name}.ipynb"),
                                parameters={"tables_dir": str(tables)}, kernel_name="python3",
                                cwd=str(REPO / "notebooks"), progress_bar=False)
            took = time.perf_counter() - t0
            total += took
            print(f"{name}: {took:.1f} s")
        print(f"all four notebooks: {total:.1f} s (target < 60 s)")

    rng = np.random.default_rng(1)
    vi = rng.uniform(0.01, 0.5, args.k)
    yi = rng.normal(-0.5, np.sqrt(vi + 0.2))
    t0 = time.perf_counter()
    result = meta_analyse(yi, vi, method="REML", hartung_knapp=True)
    print(f"meta_analyse REML+HK, k={args.k}: {1000 * (time.perf_counter() - t0):.0f} ms "
          f"({result.iterations} Fisher-scoring iterations, tau2={result.tau2:.3f})")


if __name__ == "__main__":
    main()
