"""Reviewers' decisions in the store: append-only, latest wins, history kept, conflicts, re-harvest safety, lock."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ketamine_evidence.base.errors import StoreError, StoreLocked
from ketamine_evidence.harvest import decisions as D
from ketamine_evidence.harvest.store import Store
from tests.harvest.test_store import real_records, revise


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "s.sqlite") as s:
        run = s.begin_run("pubmed", "q")
        s.save_batch(real_records(), run)
        s.finish_run(run, "ok")
        yield s


def decide(store: Store, field: str, value: str | None, reviewer: str, key: str = "11748933") -> int:
    return D.record_decisions(store, [D.NewDecision(key, field, value, "why", reviewer, "Ketamine")])[0]


def test_no_table_until_the_first_decision_and_reading_writes_nothing(store):
    assert D.history(store) == [] and D.reviews(store, "ketamine") == {}
    assert not D.has_table(store)
    decide(store, "n_participants", "12", "Ann")
    assert D.has_table(store)


def test_latest_wins_history_stays_and_rows_cannot_change(store, tmp_path):
    decide(store, "n_participants", "12", "Ann")
    decide(store, "n_participants", "14", "Ann")
    review = D.reviews(store, "ketamine")[("11748933", "n_participants")]
    assert review.latest.value == "14" and [d.value for d in review.history] == ["12", "14"]
    assert review.latest.record == "11748933" and review.latest.record_version == 1 and not review.conflict
    raw = sqlite3.connect(tmp_path / "s.sqlite")
    for sql in ("UPDATE decisions SET value='99'", "DELETE FROM decisions"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute(sql)
    assert [d.value for d in D.history(store)] == ["12", "14"]


def test_two_reviewers_conflict_and_a_third_settles(store):
    decide(store, "included", "true", "Ann")
    decide(store, "included", "false", "Bob")
    review = D.reviews(store, "ketamine")[("11748933", "included")]
    assert [d.reviewer for d in review.conflict] == ["Ann", "Bob"]
    decide(store, "included", "false", "Cy")
    review = D.reviews(store, "ketamine")[("11748933", "included")]
    assert review.conflict == () and review.latest.value == "false" and len(review.history) == 3


def test_one_of_two_changing_their_mind_settles_too(store):
    decide(store, "design", "rct", "Ann")
    decide(store, "design", "other", "Bob")
    decide(store, "design", "other", " ann ")   # the same reviewer, however typed
    assert D.reviews(store, "ketamine")[("11748933", "design")].conflict == ()


def test_a_new_version_after_a_decision_flags_it_and_keeps_it(store):
    decide(store, "n_participants", "12", "Ann")
    first = real_records()[0]
    run = store.begin_run("pubmed", "q")
    store.save_batch([revise(first)], run)
    store.finish_run(run, "ok")
    review = D.reviews(store, "ketamine")[("11748933", "n_participants")]
    assert review.latest.value == "12" and review.changed_since
    assert (review.latest.record_version, review.latest.current_version) == (1, 2)


def test_unknown_key_writes_nothing(store):
    decide(store, "design", "rct", "Ann")
    with pytest.raises(StoreError, match="no record '999'"):
        D.record_decisions(store, [D.NewDecision("11748933", "design", "other", None, "Bob", "ketamine"),
                                   D.NewDecision("999", "design", "rct", None, "Bob", "ketamine")])
    assert [d.value for d in D.history(store)] == ["rct"]


def test_decisions_wait_for_a_running_harvest(store, tmp_path):
    with Store(tmp_path / "s.sqlite") as harvest:
        with harvest.lock():
            with pytest.raises(StoreLocked):
                decide(store, "design", "rct", "Ann")
    assert D.history(store) == []
    decide(store, "design", "rct", "Ann")  # the lock is free again


def test_intervention_keeps_decisions_apart(store):
    decide(store, "pain_effect", "improved", "Ann")
    assert D.reviews(store, "lidocaine") == {}
    assert list(D.reviews(store, "ketamine")) == [("11748933", "pain_effect")]
