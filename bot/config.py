"""Settings: loaded once from YAML (+ the token from the environment), then frozen.

Nothing happens at import time; `load_settings` is called by the CLI.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import yaml

from bot.content.yamlfile import Node, compose
from bot.daily.timing import CLAIM_LEASE_SECONDS, TAKEOVER_GRACE_SECONDS, timing_problem

T = TypeVar("T")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
DEFAULT_CONFIG = Path("config.yaml")


@dataclass(frozen=True)
class DailySettings:
    catch_up_hours: float = 6.0  # a post missed by downtime goes out if the bot is back within this
    max_per_server: int = 5
    posts_per_second: float = 45.0  # for the whole bot: Discord's global limit is 50 requests/s
    # Both bounded by Discord's nonce window: lease × 1.5 + grace < 300 s (see bot/daily/timing.py).
    takeover_grace_seconds: float = TAKEOVER_GRACE_SECONDS  # another shard's post this late is taken by any process
    claim_lease_seconds: float = CLAIM_LEASE_SECONDS  # a claim not renewed for this long is taken over

    @property
    def claim_lease(self) -> dt.timedelta:
        return dt.timedelta(seconds=self.claim_lease_seconds)

    @property
    def takeover_grace(self) -> dt.timedelta:
        return dt.timedelta(seconds=self.takeover_grace_seconds)

    @property
    def catch_up(self) -> dt.timedelta:
        return dt.timedelta(hours=self.catch_up_hours)


@dataclass(frozen=True)
class Shards:
    """The gateway shards this process runs, out of `count` for the whole bot."""

    count: int
    ids: tuple[int, ...]

    @property
    def label(self) -> str:
        return f"shards {format_shard_ids(self.ids)} of {self.count}"


def parse_shard_ids(text: str, count: int) -> tuple[int, ...]:
    """ "0-3" or "0,2,5-7" -> the shard ids, each below `count`; ValueError says what is wrong."""
    ids: list[int] = []
    for part in text.replace(" ", "").split(","):
        first, dash, last = part.partition("-")
        if not first.isdigit() or (dash and not last.isdigit()):
            raise ValueError(f"“{part}” is not a shard number or range; write e.g. 0-3 or 0,2,5-7")
        low, high = int(first), int(last) if dash else int(first)
        if low > high:
            raise ValueError(f"the range {part} runs backwards")
        if high >= count:
            raise ValueError(f"shard {high} does not exist: with {count} shards they are numbered 0 to {count - 1}")
        ids.extend(range(low, high + 1))
    if len(set(ids)) != len(ids):
        raise ValueError("a shard is listed twice")
    return tuple(sorted(ids))


def format_shard_ids(ids: tuple[int, ...]) -> str:
    """(0, 1, 2, 5) -> "0-2,5"."""
    parts: list[str] = []
    start = previous = ids[0]
    for shard in (*ids[1:], None):
        if shard is not None and shard == previous + 1:
            previous = shard
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if shard is not None:
            start = previous = shard
    return ",".join(parts)


@dataclass(frozen=True)
class Settings:
    """Everything the bot is configured with. Paths are absolute."""

    source: str  # the config file, for messages
    documents: tuple[Path, ...]
    default_document: str | None  # a symbol; None means the first document
    default_document_line: int
    token_env: str = "DISCORD_TOKEN"
    # systemd's LoadCredential= name: with $CREDENTIALS_DIRECTORY/<this> present, the token is read
    # from it (never from the environment, where every child process and /proc/PID/environ see it).
    token_credential: str = "discord-token"
    log_level: str = "INFO"
    database: Path = Path("data/resolution-bot.sqlite3")  # SQLite, unless postgres_url is set
    postgres_url: str | None = None  # postgresql://user@host/db: never holds a password
    database_password_env: str | None = None  # the environment variable holding the password
    database_password_credential: str = "database-password"  # or this LoadCredential= name, when present
    database_pool_size: int = 4  # PostgreSQL connections per process
    shards: Shards | None = None  # None: one process runs every shard Discord recommends
    discord_api_base: str | None = None  # e.g. a shared REST proxy (nirn-proxy) for a large fleet
    discord_gateway_url: str | None = None  # a gateway proxy (or a local test Discord) for fixed shards
    metrics_port: int | None = None  # Prometheus metrics at /metrics on this port; None: off
    metrics_port_last: int | None = None  # with it, a range: the first free port from metrics_port to this
    metrics_address: str = "127.0.0.1"
    instance_name: str | None = None  # this process's name (with its shards, its identity); None: the host's
    daily: DailySettings = field(default_factory=DailySettings)


class MetricsPortInUse(Exception):
    """No metrics port of the configured ones is free; the message says which and what to do."""


class MissingSecret(Exception):
    """A secret the settings name is not in the environment; the message never echoes a value."""


class MissingToken(MissingSecret):
    """No token in the environment; the message says how to get one (never echoes a value)."""


STATE_DIRECTORY_ENV = "STATE_DIRECTORY"  # set by systemd for a unit with StateDirectory=


def default_database(base: Path, environ: Mapping[str, str]) -> Path:
    """Where SQLite goes when the config names no database: the service's state directory under
    systemd (the only place its sandbox lets it write), else data/ beside the config."""
    state = environ.get(STATE_DIRECTORY_ENV, "").split(":")[0]
    if state:
        return Path(state) / "resolution-bot.sqlite3"
    return (base / "data" / "resolution-bot.sqlite3").resolve()


def load_settings(path: Path, environ: Mapping[str, str] = os.environ) -> Settings:
    """Read and validate a config file; raises `FileProblems` with file:line:field."""
    reader, root = compose(path)
    entries = reader.mapping(
        root,
        ("documents",),
        (
            "default_document",
            "token_env",
            "token_credential",
            "log_level",
            "database",
            "database_password_env",
            "database_password_credential",
            "database_pool_size",
            "shards",
            "discord_api_base",
            "discord_gateway_url",
            "metrics_port",
            "metrics_address",
            "instance_name",
            "daily",
        ),
    )
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
    credentials: dict[str, str] = {}
    for key, fallback in (("token_credential", "discord-token"), ("database_password_credential", "database-password")):
        credential = reader.optional(entries, key, reader.text) or fallback
        if not _plain_name(credential):
            reader.fail(entries[key], "must be a credential's name (letters, digits, . _ -), like discord-token")
        credentials[key] = credential
    password_env = reader.optional(entries, "database_password_env", reader.text)
    if password_env is not None and not password_env.replace("_", "").isalnum():
        reader.fail(
            entries["database_password_env"],
            "must be the name of an environment variable, like RESOLUTION_BOT_DB_PASSWORD",
        )
    log_level = reader.optional(entries, "log_level", lambda n: reader.choice(n, LOG_LEVELS)) or "INFO"
    database_name = reader.optional(entries, "database", reader.text)
    database = default_database(base, environ)
    postgres_url = None
    if database_name is None:
        pass
    elif database_name.startswith(("postgresql://", "postgres://")):
        postgres_url = database_name
        try:
            parts = urlsplit(database_name)
            has_password, has_host = parts.password is not None, bool(parts.hostname)
        except ValueError as exc:
            reader.fail(entries["database"], f"not a valid PostgreSQL URL ({exc})")
        else:
            if has_password:
                postgres_url = None
                reader.fail(
                    entries["database"],
                    "the password must not be in this file: put it in an environment variable and name that "
                    "variable in database_password_env",
                )
            elif not has_host:
                reader.fail(entries["database"], "a PostgreSQL URL needs a host, e.g. postgresql://bot@db.example/bot")
    else:
        database = Path(database_name) if database_name == ":memory:" else (base / database_name).resolve()
    daily = DailySettings()
    if "daily" in entries:
        d = reader.mapping(
            entries["daily"],
            (),
            ("catch_up_hours", "max_per_server", "posts_per_second", "takeover_grace_seconds", "claim_lease_seconds"),
        )
        if d is not None:
            daily = DailySettings(
                catch_up_hours=_or(reader.optional(d, "catch_up_hours", lambda n: reader.number(n, maximum=24)), 6.0),
                max_per_server=_or(
                    reader.optional(d, "max_per_server", lambda n: reader.integer(n, minimum=1, maximum=25)), 5
                ),
                posts_per_second=_or(
                    reader.optional(d, "posts_per_second", lambda n: reader.number(n, minimum=0.1, maximum=50)), 45.0
                ),
                takeover_grace_seconds=_or(
                    reader.optional(d, "takeover_grace_seconds", lambda n: reader.number(n, minimum=10, maximum=3600)),
                    TAKEOVER_GRACE_SECONDS,
                ),
                claim_lease_seconds=_or(
                    reader.optional(d, "claim_lease_seconds", lambda n: reader.number(n, minimum=4, maximum=3600)),
                    CLAIM_LEASE_SECONDS,
                ),
            )
            problem = timing_problem(daily.claim_lease, daily.takeover_grace)
            if problem is not None:
                reader.fail(d.get("claim_lease_seconds", d.get("takeover_grace_seconds", entries["daily"])), problem)
    shards = None
    if "shards" in entries:
        sh = reader.mapping(entries["shards"], ("count",), ("ids",))
        if sh is not None and "count" in sh:
            count = reader.integer(sh["count"], minimum=1, maximum=100_000)
            written = _shard_ids_text(sh["ids"]) if "ids" in sh else None
            if "ids" in sh and written is None:
                reader.fail(sh["ids"], "expected shard numbers, e.g. 0-3 or [0, 1, 2, 3]")
            if count is not None:
                try:  # without ids: every shard (a process started with --shards picks its own)
                    ids = parse_shard_ids(written, count) if written is not None else tuple(range(count))
                    shards = Shards(count, ids)
                except ValueError as exc:
                    reader.fail(sh["ids"], str(exc))
    pool_size = reader.optional(entries, "database_pool_size", lambda n: reader.integer(n, minimum=1, maximum=100))
    metrics_port, metrics_port_last = None, None
    if "metrics_port" in entries:
        try:
            metrics_port, metrics_port_last = parse_port_range(str(entries["metrics_port"].raw.value))
        except ValueError as exc:
            reader.fail(entries["metrics_port"], str(exc))
    metrics_address = reader.optional(entries, "metrics_address", reader.text) or "127.0.0.1"
    api_base = reader.optional(entries, "discord_api_base", reader.text)
    if api_base is not None:
        parts = urlsplit(api_base)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            reader.fail(entries["discord_api_base"], "must be an http(s) URL, e.g. http://nirn-proxy:8080/api/v10")
    gateway_url = reader.optional(entries, "discord_gateway_url", reader.text)
    if gateway_url is not None:
        parts = urlsplit(gateway_url)
        if parts.scheme not in ("ws", "wss") or not parts.hostname:
            reader.fail(entries["discord_gateway_url"], "must be a ws(s) URL, e.g. wss://gateway-proxy.internal/")
    name = reader.optional(entries, "instance_name", reader.text)
    if name is not None and not _plain_name(name):
        reader.fail(entries["instance_name"], "must be a short plain name (letters, digits, . _ -), like bot-a")
    reader.done()
    return Settings(
        source=str(path),
        documents=tuple(documents),
        default_document=default,
        default_document_line=entries["default_document"].line if "default_document" in entries else root.line,
        token_env=token_env,
        token_credential=credentials["token_credential"],
        log_level=log_level,
        database=database,
        postgres_url=postgres_url,
        database_password_env=password_env,
        database_password_credential=credentials["database_password_credential"],
        database_pool_size=pool_size or 4,
        shards=shards,
        discord_api_base=api_base.rstrip("/") if api_base else None,
        discord_gateway_url=gateway_url,
        metrics_port=metrics_port,
        metrics_port_last=metrics_port_last,
        metrics_address=metrics_address,
        instance_name=name,
        daily=daily,
    )


def _shard_ids_text(node: Node) -> str | None:
    """`ids: 0-3`, `ids: 5` or `ids: [0, 1]` as the text parse_shard_ids reads."""
    raw = node.raw
    if isinstance(raw, yaml.ScalarNode) and str(raw.value).strip():
        return str(raw.value)
    if isinstance(raw, yaml.SequenceNode) and raw.value and all(isinstance(v, yaml.ScalarNode) for v in raw.value):
        return ",".join(str(v.value) for v in raw.value)
    return None


def parse_port_range(text: str) -> tuple[int, int | None]:
    """ "9108" -> (9108, None); "9108-9115" -> (9108, 9115); ValueError says what is wrong."""
    first, dash, last = text.strip().partition("-")
    if not first.strip().isdigit() or (dash and not last.strip().isdigit()):
        raise ValueError(f"“{text}” is not a port or a range of ports; write e.g. 9108 or 9108-9115")
    low, high = int(first), int(last) if dash else None
    for port in (low, high):
        if port is not None and not 1 <= port <= 65535:
            raise ValueError(f"{port} is not a port number (1-65535)")
    if high is not None and high < low:
        raise ValueError(f"the range {text} runs backwards")
    return low, high


def _plain_name(name: str) -> bool:
    return 0 < len(name) <= 64 and all(c.isascii() and (c.isalnum() or c in "._-") for c in name)


def _or(value: T | None, default: T) -> T:
    return default if value is None else value


CREDENTIALS_ENV = "CREDENTIALS_DIRECTORY"  # set by systemd for a unit with LoadCredential=


def read_credential(name: str, what: str, environ: Mapping[str, str]) -> str | None:
    """The secret systemd passed as credential `name` ($CREDENTIALS_DIRECTORY/name), None if there is none."""
    folder = environ.get(CREDENTIALS_ENV, "")
    if not folder:
        return None
    path = Path(folder) / name
    try:
        value = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise MissingSecret(f"Cannot read the {what} from the credential {path}: {type(exc).__name__}") from None
    if not value:
        raise MissingSecret(f"The credential {path} holds no {what}: it is empty.")
    return value


def read_database_password(settings: Settings, environ: Mapping[str, str] = os.environ) -> str | None:
    """The PostgreSQL password: from the systemd credential when there is one, else from the environment
    variable the settings name (None if neither)."""
    if settings.postgres_url is not None:
        credential = read_credential(settings.database_password_credential, "database password", environ)
        if credential is not None:
            return credential
    if settings.database_password_env is None:
        return None
    password = environ.get(settings.database_password_env, "")
    if not password:
        raise MissingSecret(
            f"{settings.source}: database_password_env names {settings.database_password_env}, "
            "but that environment variable is empty or not set."
        )
    return password


def read_token(settings: Settings, environ: Mapping[str, str] = os.environ) -> str:
    """The bot token: from the systemd credential (LoadCredential=) when there is one, else from the
    environment variable the settings name."""
    try:
        credential = read_credential(settings.token_credential, "Discord bot token", environ)
    except MissingSecret as exc:
        raise MissingToken(str(exc)) from None
    if credential is not None:
        return credential
    token = environ.get(settings.token_env, "").strip()
    if not token:
        raise MissingToken(
            f"No Discord bot token: set the environment variable {settings.token_env}.\n"
            "Get one at https://discord.com/developers/applications → your application → Bot → Reset Token,\n"
            f"then run:  {settings.token_env}=... make run\n"
            "To try the bot without a token or network, run:  make console"
        )
    return token
