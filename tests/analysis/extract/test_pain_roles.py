"""Pain words in another role than a measured outcome are blanked out before ``conditions`` looks for a measure."""

import pytest

from ketamine_evidence.analysis.extract import pain_roles


@pytest.mark.parametrize("sentence, kept, removed", [
    # b4 dev PMC2836470: the purpose of device programming, said 'in order to'
    ("The efficacy of ATP on fast ventricular arrhythmias confirmed once more the striking importance of careful device "
     "programming in order to reduce painful shocks.", "efficacy of ATP", "painful shocks"),
    # pool dev PMC3953472: who the women are
    ("Women with trapezius myalgia have lower strength capacity during repetitive MVC of the trapezius muscle than "
     "healthy controls.", "lower strength capacity", "myalgia"),
    # pool dev PMC5926629: the study's own aim keeps its pain
    ("The objective of this study is to make a comparison between the effectiveness of the diclo- fenac suppository "
     "alone and periprostatic local anaesthesia infiltration alone to reduce the pain during a transrectal "
     "ultrasound-guided prostate biopsy procedure.", "to reduce the pain", None),
])
def test_without_roles(sentence, kept, removed):
    text = pain_roles.without_roles(sentence)
    assert kept in text
    assert removed is None or removed not in text
