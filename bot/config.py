"""Settings: loaded once from YAML (+ the token from the environment), then frozen.

Nothing happens at import time; `load_settings` is called by the CLI.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.yamlfile import compose

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
DEFAULT_CONFIG = Path("config.yaml")


@dataclass(frozen=True)
class Settings:
    """Everything the bot is configured with. Paths are absolute."""

    source: str  # the config file, for messages
    documents: tuple[Path, ...]
    default_document: str | None  # a symbol; None means the first document
    default_document_line: int
    token_env: str = "DISCORD_TOKEN"
    log_level: str = "INFO"


class MissingToken(Exception):
    """No token in the environment; the message says how to get one (never echoes a value)."""


def load_settings(path: Path) -> Settings:
    """Read and validate a config file; raises `FileProblems` with file:line:field."""
    reader, root = compose(path)
    entries = reader.mapping(root, ("documents",), ("default_document", "token_env", "log_level"))
    if entries is None:
        reader.done()
        raise AssertionError("unreachable")
    base = path.resolve().parent
    documents: list[Path] = []
    if "documents" in entries:
        for item in reader.sequence(entries["documents"]):
            name = reader.text(item)
            if name is None:
                continue
            doc_path = (base / name).resolve()
            if not doc_path.is_file():
                reader.fail(item, f"no such file: {doc_path}")
            elif doc_path in documents:
                reader.fail(item, "listed twice")
            else:
                documents.append(doc_path)
    default = reader.optional(entries, "default_document", reader.text)
    token_env = reader.optional(entries, "token_env", reader.text) or "DISCORD_TOKEN"
    if not token_env.replace("_", "").isalnum():
        reader.fail(entries["token_env"], "must be the name of an environment variable, like DISCORD_TOKEN")
    log_level = reader.optional(entries, "log_level", lambda n: reader.choice(n, LOG_LEVELS)) or "INFO"
    reader.done()
    return Settings(
        source=str(path),
        documents=tuple(documents),
        default_document=default,
        default_document_line=entries["default_document"].line if "default_document" in entries else root.line,
        token_env=token_env,
        log_level=log_level,
    )


def read_token(settings: Settings, environ: Mapping[str, str] = os.environ) -> str:
    """The bot token from the environment variable the settings name."""
    token = environ.get(settings.token_env, "").strip()
    if not token:
        raise MissingToken(
            f"No Discord bot token: set the environment variable {settings.token_env}.\n"
            "Get one at https://discord.com/developers/applications → your application → Bot → Reset Token,\n"
            f"then run:  {settings.token_env}=... make run\n"
            "To try the bot without a token or network, run:  make console"
        )
    return token
