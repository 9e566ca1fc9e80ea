"""Check that ``extract`` writes byte-identical tables after a change made only for speed.

``--save`` writes the reference: ``ketamine-evidence extract`` (and ``--jsonl``) on each input below into
``REF/<name>/``; without it the same runs go to a temporary folder and every CSV and JSONL is compared
byte for byte with the reference (Parquet files carry writer metadata, so the CSVs stand for them).
Exit 1 on any difference, naming the file.

    .venv/bin/python benchmarks/check_identical.py --save     # before the change
    .venv/bin/python benchmarks/check_identical.py            # after it
"""

from __future__ import annotations

import argparse
import filecmp
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INPUTS = {
    "snapshot_pmc": REPO / "data" / "snapshot" / "pmc",
    "snapshot_pubmed": REPO / "data" / "snapshot" / "pubmed",
    "chronic_pain_articles": REPO.parent / "shared" / "eval" / "chronic_pain_articles",
    "pain_trials_pool": REPO.parent / "shared" / "eval" / "pain_trials_pool",
}
DEFAULT_REF = Path(tempfile.gettempdir()) / "ke-identical-ref"


def run_all(out: Path) -> None:
    exe = Path(sys.executable).with_name("ketamine-evidence")
    for name, src in INPUTS.items():
        dest = out / name
        dest.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(exe), "extract", "--input", str(src), "--out", str(dest),
                        "--jsonl", str(dest / "records.jsonl"), "--no-progress"],
                       check=True, stdout=subprocess.DEVNULL)


def compare(ref: Path, new: Path) -> list[str]:
    diffs = []
    for name in INPUTS:
        for f in sorted((ref / name).glob("*")):
            if f.suffix in (".csv", ".jsonl"):
                g = new / name / f.name
                if not g.exists() or not filecmp.cmp(f, g, shallow=False):
                    diffs.append(f"{name}/{f.name}")
    return diffs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", type=Path, default=DEFAULT_REF, help=f"reference folder (default {DEFAULT_REF})")
    ap.add_argument("--save", action="store_true", help="write the reference instead of comparing")
    args = ap.parse_args()
    if args.save:
        run_all(args.ref)
        print(f"reference written to {args.ref}")
        return 0
    with tempfile.TemporaryDirectory(prefix="ke-identical-") as tmp:
        run_all(Path(tmp))
        diffs = compare(args.ref, Path(tmp))
    if diffs:
        print("DIFFERENT: " + ", ".join(diffs))
        return 1
    print("identical: " + ", ".join(INPUTS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
