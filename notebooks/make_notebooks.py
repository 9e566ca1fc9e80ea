"""Write the numbered notebooks from the cell sources below, without outputs.

Run ``.venv/bin/python notebooks/make_notebooks.py`` after editing a cell here; the notebooks are
thin on purpose (the logic lives in ``analysis/``), parameterised papermill-style (first code
cell tagged ``parameters``), and stored without outputs or execution counts.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

LOAD = """\
%matplotlib inline
from ketamine_evidence.analysis.tables.notebooks import tables_for_notebook, select_studies, for_studies

tables = tables_for_notebook(tables_dir, intervention=intervention)  # builds from the bundled snapshot if no tables yet
studies = select_studies(tables.studies, condition=condition, intervention=intervention)
print(f"{len(studies)} included studies of {intervention}" + (f" for {condition}" if condition else ""))"""

NOTEBOOKS: dict[str, list[tuple[str, str] | tuple[str, str, list[str]]]] = {
    "01-corpus-overview.ipynb": [
        ("md", "# 01 Corpus overview\n\nWhat the evidence base holds: records harvested, duplicates, why records "
               "were excluded, and the included studies by design, condition, route and year.\n\n"
               "Parameters: `tables_dir` (default `data/processed/`; without tables the bundled snapshot is used), "
               "`intervention`, `condition` (one of the guideline's conditions, or `None` for all)."),
        ("code", 'tables_dir = None\nintervention = "ketamine"\ncondition = None', ["parameters"]),
        ("code", LOAD),
        ("md", "## Records and exclusions"),
        ("code", "from ketamine_evidence.analysis.tables.notebooks import corpus_summary, exclusion_reasons\n\n"
                 "corpus_summary(tables.studies)"),
        ("code", "exclusion_reasons(tables.studies)"),
        ("md", "## Included studies"),
        ("code", "from ketamine_evidence.analysis.tables.notebooks import count_values, studies_per_year\n\n"
                 'count_values(studies, "design")'),
        ("code", 'count_values(studies, "conditions")'),
        ("code", 'count_values(studies, "routes")'),
        ("code", "per_year = studies_per_year(studies)\n"
                 "if not per_year.empty:\n"
                 '    per_year.plot.bar(x="year", y="studies", legend=False, title="Included studies per year")\n'
                 "per_year"),
        ("code", 'studies[["study_id", "pmid", "year", "title", "design", "conditions", "routes", "n_participants"]]'),
    ],
    "02-relief-duration.ipynb": [
        ("md", "# 02 Relief duration\n\nHow long pain relief lasted after treatment, as the abstracts state it "
               "(`relief_duration_days`, with the sentence it was read from), by condition.\n\n"
               "Parameters: `tables_dir`, `intervention`, `condition`."),
        ("code", 'tables_dir = None\nintervention = "ketamine"\ncondition = None', ["parameters"]),
        ("code", LOAD),
        ("code", "from ketamine_evidence.analysis.tables.notebooks import relief_table, relief_summary, plot_relief\n\n"
                 "relief = relief_table(studies, tables.findings)\n"
                 "relief_summary(relief)"),
        ("md", "Each study's stated duration, longest first, with its evidence sentence:"),
        ("code", "relief"),
        ("code", "plot_relief(relief)"),
    ],
    "03-adverse-events.ipynb": [
        ("md", "# 03 Adverse events\n\nSide effects reported with the intervention, those the abstracts say did "
               "not occur, and pooled counts where studies give them. Every row of the evidence table links to "
               "its sentence.\n\nParameters: `tables_dir`, `intervention`, `condition`, `event` (the event "
               "whose evidence is listed; `None`: the most reported)."),
        ("code", 'tables_dir = None\nintervention = "ketamine"\ncondition = None\nevent = None', ["parameters"]),
        ("code", LOAD),
        ("code", "from ketamine_evidence.analysis.tables.notebooks import adverse_event_summary, adverse_event_evidence\n\n"
                 "events = adverse_event_summary(studies, tables.adverse_events)\n"
                 "events"),
        ("code", "if not events.empty:\n"
                 "    top = events.head(15).iloc[::-1]\n"
                 '    top.plot.barh(x="event", y="studies_reporting", legend=False, title="Studies reporting each event")'),
        ("code", 'chosen = event or (events["event"].iloc[0] if not events.empty else None)\n'
                 "adverse_event_evidence(studies, tables.adverse_events, chosen) if chosen else events"),
    ],
    "04-meta-analysis.ipynb": [
        ("md", "# 04 Meta-analysis\n\nPer-study effects from the extracted pain scores (mean difference, 0-10 "
               "scale, intervention minus control) and responder counts (log risk ratio), pooled by condition "
               "where at least two RCTs give effect data (random effects; REML with the Hartung-Knapp "
               "adjustment by default).\n\nParameters: `tables_dir`, `intervention`, `condition`, `method` "
               "(`REML`, `DL`, `PM` or `FE`), `hartung_knapp`."),
        ("code", 'tables_dir = None\nintervention = "ketamine"\ncondition = None\nmethod = "REML"\n'
                 "hartung_knapp = True", ["parameters"]),
        ("code", LOAD),
        ("code", "import pandas as pd\nfrom ketamine_evidence.analysis.synthesis.effect_sizes import effect_table, pool_by_condition\n\n"
                 "effects = effect_table(for_studies(tables.findings, studies), studies)\n"
                 "effects"),
        ("code", "pooled = pool_by_condition(effects, method=method, hartung_knapp=hartung_knapp)\n"
                 'print(f"pooled analyses: {len(pooled)}" if len(pooled) else '
                 '"no condition has effect data from two or more RCTs yet")\n'
                 'pooled.drop(columns=["result"])'),
        ("code", "from ketamine_evidence.analysis.tables.notebooks import plot_forest\n\n"
                 "for row in pooled.to_dict(\"records\"):\n"
                 "    display(plot_forest(effects, row))"),
        ("md", "Sensitivity: the same pooling with only the arm sizes the abstracts state (no equal split of "
               "`n_participants`), and with the DerSimonian-Laird estimator."),
        ("code", "stated = effect_table(for_studies(tables.findings, studies), studies, impute_n=False)\n"
                 "columns = [\"condition\", \"measure\", \"k\", \"estimate\", \"ci_low\", \"ci_high\", \"i2\"]\n"
                 "pd.concat({\"as above\": pooled[columns],\n"
                 "           \"stated sizes only\": pool_by_condition(stated, method=method, "
                 "hartung_knapp=hartung_knapp)[columns],\n"
                 "           \"DerSimonian-Laird\": pool_by_condition(effects, method=\"DL\", "
                 "hartung_knapp=False)[columns]})"),
    ],
}


def build(name: str) -> nbformat.NotebookNode:
    cells = []
    for i, (kind, source, *tags) in enumerate(NOTEBOOKS[name]):
        cell = new_markdown_cell(source) if kind == "md" else new_code_cell(source)
        cell.id = f"cell-{i:02d}"  # stable ids: regenerating gives no diff
        if tags:
            cell.metadata["tags"] = tags[0]
        cells.append(cell)
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def main() -> None:
    for name in NOTEBOOKS:
        nb = build(name)
        nbformat.validate(nb)
        nbformat.write(nb, HERE / name)
        print(HERE / name)


if __name__ == "__main__":
    main()
