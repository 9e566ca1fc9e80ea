"""`ketamine-evidence decisions import|export`: all-or-nothing import naming the bad row, history out, and
`extract` carrying the reviewed values with the machine's beside them."""

from __future__ import annotations

import csv

import pytest

from ketamine_evidence.analysis import load_tables
from ketamine_evidence.cli import main
from ketamine_evidence.harvest import decisions
from ketamine_evidence.harvest.store import Store
from tests.review.conftest import TRIAL, built, workspace  # noqa: F401  (fixtures)

HEADER = "key,field,value,reason,reviewer\n"


def write(path, text: str):
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def history(ws):
    with Store(ws.store, create=False) as store:
        return decisions.history(store)


@pytest.mark.parametrize("row,message", [
    ("999999,design,rct,,Ann", "row 3: unknown key '999999'"),
    (f"{TRIAL},colour,red,,Ann", "row 3: unknown field 'colour'"),
    (f"{TRIAL},conditions,crps;gout,,Ann", "row 3: conditions: unknown value 'gout'"),
    (f"{TRIAL},n_participants,eighty,,Ann", "row 3: n_participants must be a number"),
    (f"{TRIAL},design,rct,,", "row 3: a reviewer's name is required"),
])
def test_a_bad_row_refuses_the_whole_file(workspace, tmp_path, capsys, row, message):
    path = write(tmp_path / "d.csv", f"PMC3172326,n_participants,81,full text,Ann\n{row}\n")
    assert main(["decisions", "import", str(path), "--store", str(workspace.store)]) == 7
    err = capsys.readouterr().err.strip()
    assert message in err and str(path) in err and "\n" not in err
    assert history(workspace) == []


def test_import_export_and_extract(workspace, tmp_path, capsys):
    path = write(tmp_path / "d.csv", f"PMC3172326,n_participants,81,full text,Ann\n"
                                     f"{TRIAL},conditions,postoperative_acute;other,appendicitis,Ann\n"
                                     f"{TRIAL},included,false,,Bob\n")
    assert main(["decisions", "import", str(path), "--store", str(workspace.store)]) == 0
    assert main(["decisions", "import", str(path), "--store", str(workspace.store)]) == 0   # repeats add nothing
    assert "0 decisions imported" in capsys.readouterr().out
    made = history(workspace)
    assert [(d.key, d.field, d.value) for d in made] == [
        (TRIAL, "n_participants", "81"), (TRIAL, "conditions", "postoperative_acute;other"), (TRIAL, "included", "false")]
    assert made[2].reason == "excluded by a reviewer"

    out = tmp_path / "out.csv"
    assert main(["decisions", "export", str(out), "--store", str(workspace.store)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["value"] for r in rows] == ["81", "postoperative_acute;other", "false"]
    assert rows[0]["record"] == "PMC3172326" and rows[0]["record_version"] == "1"

    workspace.extract()
    t = load_tables(workspace.tables)
    study = t.studies.set_index("study_id").loc[TRIAL]
    assert study["n_participants"] == 81 and study["conditions"] == "postoperative_acute;other"
    assert not study["included"] and study["exclusion_reason"] == "excluded by a reviewer"
    assert study["reviewed"] == "conditions;included;n_participants" and not study["changed_since_review"]
    reviews = t.reviews.set_index("field")
    assert reviews.at["n_participants", "machine_value"] == "80" and reviews.at["n_participants", "reviewer"] == "Ann"
    assert reviews.at["included", "machine_value"] == "true" and pd_isna(reviews.at["included", "machine_reason"])


def pd_isna(value) -> bool:
    import pandas as pd
    return bool(pd.isna(value))


def test_import_waits_for_a_running_harvest(workspace, tmp_path, capsys):
    path = write(tmp_path / "d.csv", f"{TRIAL},design,rct,,Ann\n")
    with Store(workspace.store) as harvest, harvest.lock():
        assert main(["decisions", "import", str(path), "--store", str(workspace.store)]) == 6
    assert "locked by another harvest" in capsys.readouterr().err
    assert history(workspace) == []
