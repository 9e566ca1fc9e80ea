"""The Evidence Inference confirmation part: a seeded 20% of the held and of the span-only articles, committed."""

from __future__ import annotations

import json

from ketamine_evidence.analysis.evaluation import ei_confirm
from ketamine_evidence.analysis.evaluation.ei_corpus import blind_pmcids


def test_draw_takes_the_share_of_each_kind_of_article_and_repeats_with_the_seed() -> None:
    held = [str(i) for i in range(10)]
    spans = [str(i) for i in range(10, 60)]
    chosen = ei_confirm.draw_confirm(spans + held, held, share=0.2, seed=3)
    assert len(set(chosen) & set(held)) == 2 and len(set(chosen) - set(held)) == 10
    assert chosen == ei_confirm.draw_confirm(spans + held, held, share=0.2, seed=3)
    assert chosen != ei_confirm.draw_confirm(spans + held, held, share=0.2, seed=4)


def test_the_committed_part_is_a_fifth_of_the_articles_and_holds_no_blind_one() -> None:
    data = json.loads(ei_confirm.CONFIRM_FILE.read_text(encoding="utf-8"))
    confirm = ei_confirm.confirm_pmcids()
    assert len(confirm) == len(data["confirm"]) == round(0.2 * data["held_articles"]) + round(
        0.2 * (data["span_articles"] - data["held_articles"]))
    assert data["confirm_held"] == round(0.2 * data["held_articles"])
    assert not confirm & blind_pmcids()
