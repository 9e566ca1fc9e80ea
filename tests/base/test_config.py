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
