"""The command line as a person meets it: exit codes and messages, never a traceback."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import postgres
from tests.conftest import FIXTURE_DOC, ROOT


def run(
    *args: str, env: dict[str, str] | None = None, stdin: str = "", cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env={**environ, "PYTHONPATH": str(ROOT)},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_passes_on_the_shipped_config() -> None:
    result = run("check", "--config", "config.example.yaml")
    assert result.returncode == 0, result.stderr
    assert "ok: A/RES/62/152 (15 preambular, 17 operative paragraphs, 6 footnotes)" in result.stdout


def test_check_reports_bad_content_with_file_line_field(tmp_path: Path) -> None:
    bad = FIXTURE_DOC.read_text(encoding="utf-8").replace(
        "text: Member States to ensure access to safe drinking water;", 'text: " "'
    )
    (tmp_path / "doc.yaml").write_text(bad, encoding="utf-8")
    (tmp_path / "config.yaml").write_text("documents: [doc.yaml]\n", encoding="utf-8")
    result = run("check", "--config", str(tmp_path / "config.yaml"), cwd=tmp_path)
    assert result.returncode == 2
    line = bad[: bad.index('text: " "')].count("\n") + 1
    assert f"doc.yaml:{line}: operative[0].text: empty" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_with_bad_config_exits_2_with_the_message(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("documents: []\nlog_level: LOUD\n", encoding="utf-8")
    result = run("run", "--config", str(tmp_path / "config.yaml"), env={"DISCORD_TOKEN": "x"})
    assert result.returncode == 2
    assert "config.yaml:1: documents: empty list" in result.stderr
    assert "config.yaml:2: log_level: 'LOUD' is not one of DEBUG, INFO, WARNING, ERROR" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_with_an_unknown_default_document_exits_2(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text(
        f"documents: [{FIXTURE_DOC}]\ndefault_document: A/RES/1/1\n", encoding="utf-8"
    )
    result = run("run", "--config", str(tmp_path / "config.yaml"))
    assert result.returncode == 2
    assert "config.yaml:2: default_document: 'A/RES/1/1' is not loaded (loaded: A/RES/99/1)" in result.stderr


def test_run_without_a_token_explains_and_exits_2() -> None:
    result = run("run", "--config", "config.example.yaml")
    assert result.returncode == 2
    assert "No Discord bot token: set the environment variable DISCORD_TOKEN" in result.stderr
    assert "make console" in result.stderr
    assert "Traceback" not in result.stderr


def test_show_prints_one_reply() -> None:
    result = run("show", "--config", "config.example.yaml", "4")
    assert result.returncode == 0
    assert "A/RES/62/152 · operative paragraph 4" in result.stdout
    assert "4. *Calls upon* all States to take all necessary measures" in result.stdout


def test_console_answers_through_the_same_handlers() -> None:
    result = run(
        "console", "--config", "config.example.yaml", stdin="/paragraph 99\n/search impunity\n/summary\n/nope\nquit\n"
    )
    assert result.returncode == 0
    out = result.stdout
    assert "(only you can see this)\nThere is no operative paragraph 99" in out
    assert "search: impunity" in out and "**impunity**" in out
    assert "what States are asked to do" in out
    assert "There is no command /nope" in out


def test_the_console_cites_with_a_style_and_a_quote() -> None:
    result = run(
        "console", "--config", "config.example.yaml", stdin="/cite 4-6 style:bluebook quote:true\n/cite\nquit\n"
    )
    assert result.returncode == 0
    out = result.stdout
    assert "> **OP 4** 4. *Calls upon* all States" in out
    assert "G.A. Res. 62/152, ¶¶ 4–6, U.N. Doc. A/RES/62/152 (Dec. 18, 2007)" in out
    assert "This command needs what to cite" in out


def test_the_token_is_never_echoed(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("documents: []\n", encoding="utf-8")
    secret = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.never-print-this-token-value-xyz"
    result = run("run", "--config", str(tmp_path / "config.yaml"), env={"DISCORD_TOKEN": secret})
    assert secret not in result.stdout + result.stderr


def test_a_database_that_cannot_be_opened_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    (tmp_path / "config.yaml").write_text(
        f"documents: [{FIXTURE_DOC}]\ndatabase: not-a-folder/bot.sqlite3\n", encoding="utf-8"
    )
    result = run("run", "--config", str(tmp_path / "config.yaml"), env={"DISCORD_TOKEN": "x.y.z"})
    assert result.returncode == 2
    assert "database: cannot open" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_waits_for_a_postgresql_server_that_is_not_reachable_yet(tmp_path: Path) -> None:
    """PostgreSQL down at boot is a wait with a clear log line, not exit 2 (which systemd never restarts);
    the password is never shown."""
    (tmp_path / "config.yaml").write_text(
        f"documents: [{FIXTURE_DOC}]\ndatabase: postgresql://bot@127.0.0.1:1/bot\ndatabase_password_env: RB_DB_PW\n",
        encoding="utf-8",
    )
    secret = "db-password-never-shown-31337"
    environ = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    environ.update({"DISCORD_TOKEN": "x.y.z", "RB_DB_PW": secret, "PYTHONPATH": str(ROOT)})
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--config", str(tmp_path / "config.yaml")],
        cwd=ROOT,
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        lines = []
        for line in process.stderr:  # the first two tries: at once, then 1 s later
            lines.append(line)
            if sum("The database is not reachable yet" in seen for seen in lines) == 2:
                break
        assert process.poll() is None, "".join(lines)  # still waiting, not exited
    finally:
        process.terminate()
        process.wait(timeout=10)
    logged = "".join(lines)
    assert "The database is not reachable yet (postgresql://bot@127.0.0.1:1/bot: " in logged
    assert "trying again in 1 s" in logged and "trying again in 2 s" in logged
    assert secret not in logged and "Traceback" not in logged


def test_a_postgresql_database_that_does_not_exist_is_bad_configuration_exit_2(tmp_path: Path) -> None:
    """Waiting cannot fix what the server refuses outright: that stays exit 2, with the reason."""
    if not asyncio.run(postgres.reachable()):
        pytest.skip(postgres.SKIP_REASON)
    url = postgres.DSN.rsplit("/", 1)[0] + "/no_such_database_rb"
    (tmp_path / "config.yaml").write_text(f"documents: [{FIXTURE_DOC}]\ndatabase: {url}\n", encoding="utf-8")
    result = run("run", "--config", str(tmp_path / "config.yaml"), env={"DISCORD_TOKEN": "x.y.z"})
    assert result.returncode == 2, result.stderr
    assert f'database: cannot use {url}: database "no_such_database_rb" does not exist' in result.stderr
    assert "Traceback" not in result.stderr


def test_a_named_but_empty_password_variable_exits_2_and_says_which(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text(
        f"documents: [{FIXTURE_DOC}]\ndatabase: postgresql://bot@127.0.0.1:1/bot\ndatabase_password_env: RB_DB_PW\n",
        encoding="utf-8",
    )
    result = run("run", "--config", str(tmp_path / "config.yaml"), env={"DISCORD_TOKEN": "x.y.z"})
    assert result.returncode == 2
    assert "database_password_env names RB_DB_PW, but that environment variable is empty or not set" in result.stderr


def test_bad_shard_options_exit_2_and_say_what_is_wrong() -> None:
    token = {"DISCORD_TOKEN": "x.y.z"}
    alone = run("run", "--config", "config.example.yaml", "--shards", "0-3", env=token)
    assert alone.returncode == 2 and "--shards needs --shard-count" in alone.stderr
    missing = run("run", "--config", "config.example.yaml", "--shard-count", "8", "--shards", "6-9", env=token)
    assert missing.returncode == 2
    assert "--shards: shard 9 does not exist: with 8 shards they are numbered 0 to 7" in missing.stderr
    assert "Traceback" not in alone.stderr + missing.stderr


async def test_a_postgresql_url_without_asyncpg_installed_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from bot.__main__ import SetupError, open_storage
    from bot.config import load_settings

    (tmp_path / "config.yaml").write_text(
        f"documents: [{FIXTURE_DOC}]\ndatabase: postgresql://bot@127.0.0.1:1/bot\n", encoding="utf-8"
    )
    monkeypatch.setitem(sys.modules, "asyncpg", None)  # as after `pip install .` without the extra
    monkeypatch.delitem(sys.modules, "bot.storage.postgresql", raising=False)
    with pytest.raises(
        SetupError, match=r"database: PostgreSQL needs asyncpg: pip install 'resolution-bot\[postgresql\]'"
    ):
        await open_storage(load_settings(tmp_path / "config.yaml"))
