"""Patterns built from word sets are the same in every process."""

from __future__ import annotations


def test_patterns_built_from_sets_are_the_same_under_any_hash_seed() -> None:
    # Alternations built from sets list equal-length words in set order, which follows the string hash seed; sorted
    # by (length, text) the compiled patterns are the same in every process (and so are the matches of overlapping
    # regex alternatives of equal length).
    import json
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    script = (
        "import json, re\n"
        "seen = set()\n"
        "orig = re.compile\n"
        "def rec(p, flags=0):\n"
        "    if isinstance(p, str): seen.add((p, int(flags)))\n"
        "    return orig(p, flags)\n"
        "re.compile = rec\n"
        "from ketamine_evidence.analysis.parse import parse_file\n"
        "from ketamine_evidence.analysis.extract import extract_findings\n"
        "for a in parse_file('" + str(REPO.parent / "shared" / "corpus" / "pmc_ketamine" / "PMC3460347.nxml") + "'):\n"
        "    extract_findings(a)\n"
        "print(json.dumps(sorted(seen)))\n")
    runs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", script], env=env, cwd=REPO, capture_output=True, text=True,
                             check=True)
        runs.append(json.loads(out.stdout))
    assert len(runs[0]) > 1000 and runs[0] == runs[1]
