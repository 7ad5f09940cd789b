"""Config: every key validated with file:line:field; the token comes only from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import MissingToken, load_settings, read_token
from bot.yamlfile import FileProblems
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
    ],
)
def test_bad_config_names_file_line_and_field(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(FileProblems) as caught:
        load_settings(write(tmp_path, text))
    assert any(str(p).endswith(problem.split(": ", 1)[1]) or problem in str(p) for p in caught.value.problems), (
        caught.value
    )
    assert problem in str(caught.value)


def test_token_comes_from_the_named_variable(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, "documents: [content/doc.yaml]\ntoken_env: MY_BOT_TOKEN\n"))
    assert read_token(settings, {"MY_BOT_TOKEN": " abc "}) == "abc"
    with pytest.raises(MissingToken) as caught:
        read_token(settings, {"DISCORD_TOKEN": "wrong-variable"})
    assert "MY_BOT_TOKEN" in str(caught.value) and "wrong-variable" not in str(caught.value)
