"""The scoreboard scores every gold set and says each one's split."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation.scoreboard import FIELDS, scoreboard, to_markdown
from tests.conftest import REPO


def test_every_set_is_scored_with_its_split() -> None:
    board = scoreboard(REPO, REPO.parent / "shared")
    assert [n.rsplit(" [", 1)[1] for n in board] == ["dev]"] * 6 + ["blind]"] * 5
    for scores in board.values():
        assert set(scores) == set(FIELDS)
        assert all(0.0 <= v <= 1.0 for v in scores.values())
    assert board["ketamine dev (14) [dev]"]["relevant"] == 1.0
    table = to_markdown(board)
    assert table.count("\n") == len(FIELDS) + 1 and "pool blind2 (60) [blind]" in table
