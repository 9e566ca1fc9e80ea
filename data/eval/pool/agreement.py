"""Inter-annotator agreement of the pool annotations (raw agreement per field, scored as the guideline judges).

Run: .venv/bin/python data/eval/pool/agreement.py   (reads annotations/batch*_{A,B}.jsonl beside this file)
"""

import json
from pathlib import Path

from ketamine_evidence.analysis.evaluation.gold import field_correct

HERE = Path(__file__).resolve().parent
FIELDS = ["relevant", "design", "conditions", "routes", "n_participants", "relief_duration_days", "follow_up_days",
          "dose_mg_per_kg", "infusion_mg_per_kg_h", "pain_effect", "responder_rate_pct", "adverse_events",
          "negated_adverse_events"]


def main() -> None:
    agree = dict.fromkeys(FIELDS, 0)
    total = 0
    for a_file in sorted((HERE / "annotations").glob("batch*_A.jsonl")):
        a = {r["pmcid"]: r for r in map(json.loads, a_file.open())}
        b = {r["pmcid"]: r for r in map(json.loads, a_file.with_name(a_file.name.replace("_A", "_B")).open())}
        for key in a:
            total += 1
            for f in FIELDS:
                agree[f] += field_correct(f, a[key][f], b[key][f])  # judged as the guideline judges a field
    print(f"records: {total}")
    for f in FIELDS:
        print(f"{f:24s} {agree[f] / total:.3f}")


if __name__ == "__main__":
    main()
