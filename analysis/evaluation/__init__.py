"""Evaluations against external corpora, each runnable as a module: ADE-Corpus-V2 (adverse-event
sentence detection), PHEE (negation of adverse events), Evidence Inference (direction of effects)."""
