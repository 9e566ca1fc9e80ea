"""The scoreboard scores every gold set and says each one's split."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation.scoreboard import FIELDS, POOLED, bootstrap_intervals, scoreboard, to_markdown
from tests.conftest import REPO


def test_every_set_is_scored_with_its_split() -> None:
    intervals: dict[str, dict[str, tuple[float, float]]] = {}
    board = scoreboard(REPO, REPO.parent / "shared", intervals)
    assert [n.rsplit(" [", 1)[1] for n in board] == ["dev]"] * 8 + ["blind]"] * 4
    # blind2, the check set of rounds 9-11, was retired in the eleventh and is dev; with one pool split left blind
    # there is no pooled column, and blind3 and blind4 carry their own intervals; the retired first blind split is dev
    blind3, blind4 = "pool blind3 (50) [blind]", "blind4 (61) [blind]"
    assert not any(n.startswith(POOLED) for n in board) and set(intervals) == {blind3, blind4}
    for column in (blind3, blind4):
        for f in FIELDS:
            low, high = intervals[column][f]
            assert low <= board[column][f] <= high
    for scores in board.values():
        assert set(scores) == set(FIELDS)
        assert all(0.0 <= v <= 1.0 for v in scores.values())
    assert board["ketamine dev (14) [dev]"]["relevant"] == 1.0
    assert "pool dev batch 7 (60, retired blind) [dev]" in board
    table = to_markdown(board, intervals)
    assert table.count("\n") == len(FIELDS) + 1 and "pool blind2 (60, retired check) [dev]" in table
    assert f"{board[blind3]['pain_effect']:.3f} ({intervals[blind3]['pain_effect'][0]:.2f}-" in table
    assert f"{board[blind4]['design']:.3f} ({intervals[blind4]['design'][0]:.2f}-" in table


def test_bootstrap_interval_narrows_with_more_records() -> None:
    # half right: the interval holds 0.5, and 400 records give a narrower one than 40
    right = ({"pain_effect": "improved"}, {"pain_effect": "improved"})
    wrong = ({"pain_effect": "improved"}, {"pain_effect": "worse"})
    small = bootstrap_intervals([right, wrong] * 20, rounds=200)["pain_effect"]
    large = bootstrap_intervals([right, wrong] * 200, rounds=200)["pain_effect"]
    assert small[0] < 0.5 < small[1] and large[0] < 0.5 < large[1]
    assert large[1] - large[0] < small[1] - small[0]
