"""Config: every key validated with file:line:field; the token comes only from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import MissingSecret, MissingToken, load_settings, read_database_password, read_token
from bot.content.yamlfile import FileProblems
from tests.conftest import ROOT


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "content").mkdir(exist_ok=True)
    (tmp_path / "content" / "doc.yaml").write_text("x: 1\n")
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_config_is_valid_and_complete() -> None:
    settings = load_settings(ROOT / "config.example.yaml")
    assert settings.documents == ((ROOT / "content" / "a-res-62-152.yaml").resolve(),)
    assert settings.default_document == "A/RES/62/152"
    assert settings.token_env == "DISCORD_TOKEN"


def test_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, "documents: [content/doc.yaml]\n"))
    assert settings.documents == ((tmp_path / "content" / "doc.yaml").resolve(),)
    assert settings.log_level == "INFO"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("documents: [content/nope.yaml]\n", "config.yaml:1: documents[0]: no such file"),
        ("documents: [content/doc.yaml]\nlog_level: LOUD\n", "config.yaml:2: log_level: 'LOUD' is not one of"),
        ("documents: [content/doc.yaml]\ntokn_env: X\n", "config.yaml:2: tokn_env: unknown key"),
        ("log_level: INFO\n", "config.yaml:1: documents: missing"),
        ("documents: content/doc.yaml\n", "config.yaml:1: documents: expected a list"),
        ("documents: [content/doc.yaml]\ntoken_env: 'not a var'\n", "config.yaml:2: token_env: must be the name"),
        ("documents: [\n", "config.yaml:2: invalid YAML"),
        (
            "documents: [content/doc.yaml]\ndatabase: postgresql://bot:hunter2@db/bot\n",
            "config.yaml:2: database: the password must not be in this file",
        ),
        (
            "documents: [content/doc.yaml]\ndatabase: postgresql:///bot\n",
            "config.yaml:2: database: a PostgreSQL URL needs a host",
        ),
        (
            "documents: [content/doc.yaml]\ndatabase_pool_size: 0\n",
            "config.yaml:2: database_pool_size: 0 is out of range",
        ),
        (
            "documents: [content/doc.yaml]\ndatabase_password_env: 'my password'\n",
            "config.yaml:2: database_password_env: must be the name",
        ),
    ],
)
def test_bad_config_names_file_line_and_field(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(FileProblems) as caught:
        load_settings(write(tmp_path, text))
    assert any(str(p).endswith(problem.split(": ", 1)[1]) or problem in str(p) for p in caught.value.problems), (
        caught.value
    )
    assert problem in str(caught.value)


def test_a_postgresql_url_selects_postgresql_and_the_password_comes_from_the_environment(tmp_path: Path) -> None:
    settings = load_settings(
        write(
            tmp_path,
            "documents: [content/doc.yaml]\ndatabase: postgresql://bot@db.example:5433/bot\n"
            "database_password_env: RB_DB_PW\n",
        )
    )
    assert settings.postgres_url == "postgresql://bot@db.example:5433/bot"
    assert settings.database_pool_size == 4
    assert read_database_password(settings, {"RB_DB_PW": "s3cret"}) == "s3cret"
    with pytest.raises(MissingSecret, match="RB_DB_PW") as caught:
        read_database_password(settings, {})
    assert "s3cret" not in str(caught.value)
    sqlite = load_settings(write(tmp_path, "documents: [content/doc.yaml]\n"))
    assert sqlite.postgres_url is None and read_database_password(sqlite, {}) is None


def test_token_comes_from_the_named_variable(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, "documents: [content/doc.yaml]\ntoken_env: MY_BOT_TOKEN\n"))
    assert read_token(settings, {"MY_BOT_TOKEN": " abc "}) == "abc"
    with pytest.raises(MissingToken) as caught:
        read_token(settings, {"DISCORD_TOKEN": "wrong-variable"})
    assert "MY_BOT_TOKEN" in str(caught.value) and "wrong-variable" not in str(caught.value)


def test_daily_settings_and_database_path(tmp_path: Path) -> None:
    settings = load_settings(
        write(
            tmp_path,
            "documents: [content/doc.yaml]\ndatabase: state/bot.db\ndaily:\n  catch_up_hours: 2.5\n  max_per_server: 3\n",
        )
    )
    assert settings.database == (tmp_path / "state" / "bot.db").resolve()
    assert settings.daily.catch_up_hours == 2.5 and settings.daily.max_per_server == 3
    assert settings.daily.posts_per_second == 45.0


@pytest.mark.parametrize(
    ("daily", "problem"),
    [
        ("  catch_up_hours: 48\n", "config.yaml:3: daily.catch_up_hours: 48 is out of range (expected 0 to 24)"),
        ("  max_per_server: 0\n", "config.yaml:3: daily.max_per_server: 0 is out of range (expected from 1 to 25)"),
        ("  posts_per_second: 60\n", "config.yaml:3: daily.posts_per_second: 60 is out of range (expected 0.1 to 50)"),
        ("  catchup: 1\n", "config.yaml:3: daily.catchup: unknown key"),
    ],
)
def test_bad_daily_settings(tmp_path: Path, daily: str, problem: str) -> None:
    with pytest.raises(FileProblems) as caught:
        load_settings(write(tmp_path, f"documents: [content/doc.yaml]\ndaily:\n{daily}"))
    assert problem in str(caught.value)


def test_the_token_comes_from_the_systemd_credential_when_there_is_one(tmp_path: Path) -> None:
    """LoadCredential=discord-token:/etc/... puts the token in $CREDENTIALS_DIRECTORY/discord-token:
    read from there, it never sits in the process's environment."""
    settings = load_settings(write(tmp_path, "documents: [content/doc.yaml]\n"))
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (credentials / "discord-token").write_text("from-the-credential\n", encoding="utf-8")
    environ = {"CREDENTIALS_DIRECTORY": str(credentials), "DISCORD_TOKEN": "from-the-environment"}
    assert read_token(settings, environ) == "from-the-credential"
    # No such credential: the environment variable, as before.
    assert read_token(settings, {**environ, "CREDENTIALS_DIRECTORY": str(tmp_path / "none")}) == "from-the-environment"
    (credentials / "discord-token").write_text("\n", encoding="utf-8")
    with pytest.raises(MissingToken, match="discord-token holds no Discord bot token: it is empty"):
        read_token(settings, environ)


def test_the_credential_names_can_be_configured(tmp_path: Path) -> None:
    settings = load_settings(
        write(
            tmp_path,
            "documents: [content/doc.yaml]\ntoken_credential: bot-token\n"
            "database: postgresql://bot@db.example/bot\ndatabase_password_credential: db-pw\n",
        )
    )
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (credentials / "bot-token").write_text("t0ken", encoding="utf-8")
    (credentials / "db-pw").write_text("pa55\n", encoding="utf-8")
    environ = {"CREDENTIALS_DIRECTORY": str(credentials)}
    assert (read_token(settings, environ), read_database_password(settings, environ)) == ("t0ken", "pa55")
    with pytest.raises(FileProblems, match="config.yaml:2: token_credential: must be a credential's name"):
        load_settings(write(tmp_path, "documents: [content/doc.yaml]\ntoken_credential: ../../etc/shadow\n"))


@pytest.mark.parametrize(
    ("written", "ports"), [("9108", (9108, None)), ("9108-9115", (9108, 9115)), ("'9200 - 9201'", (9200, 9201))]
)
def test_the_metrics_port_may_be_a_range(tmp_path: Path, written: str, ports: tuple[int, int | None]) -> None:
    settings = load_settings(write(tmp_path, f"documents: [content/doc.yaml]\nmetrics_port: {written}\n"))
    assert (settings.metrics_port, settings.metrics_port_last) == ports


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("9115-9108", "config.yaml:2: metrics_port: the range 9115-9108 runs backwards"),
        ("70000", "config.yaml:2: metrics_port: 70000 is not a port number (1-65535)"),
        ("metrics", "config.yaml:2: metrics_port: “metrics” is not a port or a range of ports"),
    ],
)
def test_a_bad_metrics_port_is_named_with_its_line(tmp_path: Path, written: str, problem: str) -> None:
    with pytest.raises(FileProblems) as caught:
        load_settings(write(tmp_path, f"documents: [content/doc.yaml]\nmetrics_port: {written}\n"))
    assert problem in str(caught.value)


def test_the_instance_name_is_a_plain_name(tmp_path: Path) -> None:
    assert (
        load_settings(write(tmp_path, "documents: [content/doc.yaml]\ninstance_name: bot-a\n")).instance_name == "bot-a"
    )
    with pytest.raises(FileProblems, match="config.yaml:2: instance_name: must be a short plain name"):
        load_settings(write(tmp_path, "documents: [content/doc.yaml]\ninstance_name: 'a b'\n"))


def test_without_a_database_sqlite_goes_to_the_services_state_directory(tmp_path: Path) -> None:
    """Under the systemd unit everything but StateDirectory= is read-only: the default follows it."""
    config = write(tmp_path, "documents: [content/doc.yaml]\n")
    state = tmp_path / "var-lib-resolution-bot"
    settings = load_settings(config, {"STATE_DIRECTORY": f"{state}:/elsewhere"})
    assert settings.database == state / "resolution-bot.sqlite3"
    assert load_settings(config, {}).database == (tmp_path / "data" / "resolution-bot.sqlite3").resolve()
    named = load_settings(
        write(tmp_path, "documents: [content/doc.yaml]\ndatabase: mine.db\n"), {"STATE_DIRECTORY": "/x"}
    )
    assert named.database == (tmp_path / "mine.db").resolve()  # a path the config names wins
