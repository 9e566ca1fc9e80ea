"""Config loading: defaults, user overrides, and one-line errors for bad values."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketamine_evidence.cli import main
from ketamine_evidence.base.config import load_config
from ketamine_evidence.base.errors import EXIT_USAGE, ConfigError


def test_defaults_carry_the_evidence_query(home: Path) -> None:
    config = load_config()
    assert '"Ketamine"[MeSH]' in config.pubmed.query
    assert '"Complex Regional Pain Syndromes"[MeSH]' in config.pubmed.query
    assert config.intervention == "ketamine"
    assert config.store_path == home / "data" / "ketamine-evidence.sqlite"
    assert config.pubmed.max_rate == 3.0


def test_user_file_overrides_and_env_key(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (home / "ketamine-evidence.toml").write_text('[pubmed]\nquery = "ketamine AND migraine"\n[extract]\nintervention = "lidocaine"\n')
    monkeypatch.setenv("NCBI_API_KEY", "abc123")
    config = load_config()
    assert config.pubmed.query == "ketamine AND migraine"
    assert config.intervention == "lidocaine"
    assert config.pubmed.max_rate == 10.0


@pytest.mark.parametrize("body, words", [
    ("[pubmed]\nbatch_size = 0\n", "pubmed.batch_size"),
    ("[pubmed]\nbatch_size = 'many'\n", "pubmed.batch_size"),
    ("[pubmed]\neutils_url = 'ftp://x'\n", "pubmed.eutils_url"),
    ("[pubmed]\nemail = 'nobody'\n", "pubmed.email"),
    ("[pubmed\n", "not valid TOML"),
])
def test_bad_values_give_one_line_errors(home: Path, body: str, words: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = home / "bad.toml"
    path.write_text(body)
    with pytest.raises(ConfigError, match=words.replace(".", r"\.")):
        load_config(path)
    assert main(["--config", str(path), "status"]) == EXIT_USAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("ketamine-evidence: error:")


@pytest.mark.parametrize("body, message", [
    ('[pubmed]\nqeury = "x"\n', "unknown config key pubmed.qeury (did you mean 'query'?)"),
    ('[pubmd]\nquery = "x"\n', "unknown config section [pubmd] (did you mean 'pubmed'?)"),
    ('[store]\npaht = "x.sqlite"\n', "unknown config key store.paht (did you mean 'path'?)"),
    ('[extract]\nintervension = "x"\n', "unknown config key extract.intervension (did you mean 'intervention'?)"),
    ('[interventions.pregabalin]\nsynonym = ["lyrica"]\n',
     "unknown config key interventions.pregabalin.synonym (did you mean 'synonyms'?)"),
    ('[zzz]\na = 1\n', "unknown config section [zzz] (known: baseline, extract, interventions, pubmed, store)"),
])
def test_typos_are_refused_with_a_suggestion(home: Path, body: str, message: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = home / "typo.toml"
    path.write_text(body)
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    assert str(exc.value) == f"{path}: {message}"
    assert main(["status", "--config", str(path)]) == EXIT_USAGE  # the option after the command, too
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"ketamine-evidence: error: {path}: {message}"]


def test_the_user_file_in_the_home_is_checked_too(home: Path) -> None:
    (home / "ketamine-evidence.toml").write_text('[pubmed]\nbatchsize = 10\n')
    with pytest.raises(ConfigError, match="did you mean 'batch_size'"):
        load_config()


def test_intervention_tables_are_accepted(home: Path) -> None:
    path = home / "ok.toml"
    path.write_text('[interventions.pregabalin]\nsynonyms = ["lyrica"]\ndrug_class = "gabapentinoid"\nis_drug = true\n')
    assert load_config(path).interventions == {"pregabalin": {"synonyms": ["lyrica"], "drug_class": "gabapentinoid",
                                                              "is_drug": True}}
