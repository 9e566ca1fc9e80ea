"""Generic outcome words that name a pain outcome only where the abstract's own outcome is pain (KE_PE_OWN,
KE_PE_RECUR in analysis/extract/outcomes.py). The switches are read when the module is imported, so each reading runs
in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

# MEDLINE sample 26700703 (bladder cancer), pool dev PMC5730627 (ADHD), chronic dev PMC4112748 (migraine).
BLADDER = "The bladder recurrence and salvage cystectomy rates of the complete and the near-complete responders were similar."
CGI = ("Secondary endpoints included improvement on the dichotomized Clinical Global Impressions–Improvement scale (CGI-I; "
       "key secondary endpoint) and changes from baseline on the ADHD-RS-IV scale.")
MIGRAINE = ("Efficacy and pharmacokinetic activity of frovatriptan compared to rizatriptan in patients with "
            "moderate-to-severe migraine. The proportion of patients who were pain-free at 4 hours without rescue medication was higher in the "
            "frovatriptan-treated group. The cumulative hazard of recurrence over 72 h was reduced by frovatriptan "
            "compared to rizatriptan-treated patients (log-rank test, P=0.04).")
PROBE = f"""
import json
from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome, outcome_abbreviations
terms = outcome_abbreviations({MIGRAINE!r})[0]
print(json.dumps([is_pain_outcome({BLADDER!r}), is_pain_outcome({CGI!r}),
                  bool(terms and terms.search("The cumulative hazard of recurrence over 72 h"))]))
"""


def read(switch: str) -> list[bool]:
    env = {**os.environ, "KE_PE_OWN": switch, "KE_PE_RECUR": switch}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("switch, expected", [("new", [False, False, True]), ("", [True, True, False])])
def test_generic_outcome_words_are_pain_only_in_a_pain_abstract(switch: str, expected: list[bool]) -> None:
    """A tumour's recurrence and an ADHD trial's global impression are no pain outcomes; a migraine trial's bare
    recurrence is the headache's (the abstract's own outcome words). Before, the first two were read as pain."""
    assert read(switch) == expected
