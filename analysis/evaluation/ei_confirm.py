"""A confirmation part of the Evidence Inference articles, fixed before any experiment of a round (ei9).

Variants of the direction model and the sentence ranker are chosen by article-grouped cross-validation
on the other 80% of the articles (``direction_training --part dev``); the chosen variant is then trained on
that 80% and scored once on this part (``direction_training --part confirm``). The part is 20% of the
PMCIDs of the training examples, drawn with a fixed seed separately among the articles whose text we hold
(the found-sentence prompts) and the articles known by their evidence spans only, so that both figures
have a confirmation share. Written to ``data/eval/ei_confirm_split.json`` (committed).

Run (only to redraw; the committed file is the split): ``python -m ketamine_evidence.analysis.evaluation.ei_confirm``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Iterable

CONFIRM_FILE = Path(__file__).resolve().parents[2] / "data" / "eval" / "ei_confirm_split.json"
SHARE = 0.2
SEED = 9


def draw_confirm(span_pmcids: Iterable[str], held_pmcids: Iterable[str], share: float = SHARE,
                 seed: int = SEED) -> list[str]:
    """``share`` of the held articles and ``share`` of the span-only articles, drawn by one seeded generator."""
    rng = random.Random(seed)
    held = sorted(set(held_pmcids))
    spans_only = sorted(set(span_pmcids) - set(held))
    chosen = rng.sample(held, round(share * len(held))) + rng.sample(spans_only, round(share * len(spans_only)))
    return sorted(chosen)


def confirm_pmcids(path: Path = CONFIRM_FILE) -> frozenset[str]:
    """The committed confirmation PMCIDs."""
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["confirm"])


def main() -> int:
    from ketamine_evidence.analysis.evaluation.direction_training import ARTICLE_DIRS
    from ketamine_evidence.analysis.evaluation.ei_corpus import DEFAULT_ROOT, blind_pmcids, load_prompts

    spans = load_prompts(DEFAULT_ROOT, "all", require_article=False, exclude=blind_pmcids())
    held = load_prompts(DEFAULT_ROOT, "all", require_article=True, exclude=blind_pmcids(),
                        article_dirs=[d for d in ARTICLE_DIRS if d.is_dir()])
    span_ids = {p.pmcid for p in spans if p.evidence}
    held_ids = {p.pmcid for p in held}
    confirm = draw_confirm(span_ids, held_ids)
    CONFIRM_FILE.write_text(json.dumps({"seed": SEED, "share": SHARE, "held_articles": len(held_ids),
                                        "span_articles": len(span_ids | held_ids),
                                        "confirm_held": len(set(confirm) & held_ids), "confirm": confirm},
                                       indent=1) + "\n", encoding="utf-8")
    print(f"wrote {CONFIRM_FILE.name}: {len(confirm)} of {len(span_ids | held_ids)} articles "
          f"({len(set(confirm) & held_ids)} of {len(held_ids)} held)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
