"""Evaluations against external corpora (ADE-Corpus-V2, Evidence Inference), each runnable as a module."""
