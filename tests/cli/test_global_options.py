"""Global options before or after the command, any-case log levels, --home."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ketamine_evidence.base import paths
from ketamine_evidence.base.errors import EXIT_USAGE
from ketamine_evidence.cli import main
from ketamine_evidence.cli.main import parse_args


@pytest.mark.parametrize("argv", [
    ["--log-level", "debug", "--config", "c.toml", "--home", "h", "--store", "s.sqlite", "--debug", "status"],
    ["status", "--log-level", "DEBUG", "--config", "c.toml", "--home", "h", "--store", "s.sqlite", "--debug"],
    ["--log-level", "Debug", "--home", "h", "status", "--config", "c.toml", "--store", "s.sqlite", "--debug"],
])
def test_global_options_before_or_after_the_command(argv: list[str]) -> None:
    args = parse_args(argv)
    assert (args.log_level, args.config, args.home, args.store, args.debug) == (
        "DEBUG", Path("c.toml"), Path("h"), Path("s.sqlite"), True)


def test_defaults_when_not_given() -> None:
    args = parse_args(["status"])
    assert (args.log_level, args.config, args.home, args.store, args.debug) == ("INFO", None, None, None, False)


@pytest.mark.parametrize("command", ["harvest", "status", "export", "extract", "evaluate", "report", "run"])
def test_every_command_takes_the_global_options_after_it(command: str) -> None:
    args = parse_args([command, "--log-level", "warning", "--home", "h"])
    assert args.log_level == "WARNING" and args.home == Path("h")


def test_unknown_log_level_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        parse_args(["status", "--log-level", "loud"])
    assert exc.value.code == EXIT_USAGE and "invalid log level 'loud'" in capsys.readouterr().err


def test_home_option_moves_the_data_and_does_not_linger(home: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    assert main(["status", "--home", str(elsewhere)]) == 5
    assert str(elsewhere / "data" / "ketamine-evidence.sqlite") in capsys.readouterr().err
    assert main(["status"]) == 5  # the next call in the same process is back on the default home
    assert str(home / "data" / "ketamine-evidence.sqlite") in capsys.readouterr().err
    assert paths.home() == home


def test_default_home_is_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KETAMINE_EVIDENCE_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    paths.set_home(None)
    assert paths.default_store() == tmp_path / "data" / "ketamine-evidence.sqlite"
    assert paths.reports_dir() == tmp_path / "reports"


def test_log_level_applies(home: Path) -> None:
    main(["status", "--log-level", "error"])
    assert logging.getLogger("scrapy").level == logging.ERROR
