"""Inter-annotator agreement of the pool annotations (raw agreement per field, scored as the guideline judges).

Run: python data/eval/pool/agreement.py   (reads annotations/batch*_{A,B}.jsonl beside this file)
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = ["relevant", "design", "conditions", "routes", "n_participants", "relief_duration_days", "follow_up_days",
          "dose_mg_per_kg", "infusion_mg_per_kg_h", "pain_effect", "responder_rate_pct", "adverse_events",
          "negated_adverse_events"]


def same(field: str, a, b) -> bool:
    if isinstance(a, list) or isinstance(b, list):
        return sorted(a or []) == sorted(b or [])
    if a is None or b is None or isinstance(a, (bool, str)):
        return a == b
    slack = {"relief_duration_days": 1, "follow_up_days": 1, "responder_rate_pct": 1}.get(field, 0)
    return abs(a - b) <= max(slack, 0.1 * abs(b)) if field != "responder_rate_pct" else abs(a - b) <= 1


def main() -> None:
    agree = dict.fromkeys(FIELDS, 0)
    total = 0
    for a_file in sorted((HERE / "annotations").glob("batch*_A.jsonl")):
        a = {r["pmcid"]: r for r in map(json.loads, a_file.open())}
        b = {r["pmcid"]: r for r in map(json.loads, a_file.with_name(a_file.name.replace("_A", "_B")).open())}
        for key in a:
            total += 1
            for f in FIELDS:
                agree[f] += same(f, a[key][f], b[key][f])
    print(f"records: {total}")
    for f in FIELDS:
        print(f"{f:24s} {agree[f] / total:.3f}")


if __name__ == "__main__":
    main()
