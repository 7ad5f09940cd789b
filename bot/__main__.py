"""Command line: run | sync | check | status | console | show | import | export.

python -m bot run [--config FILE]       connect to Discord and serve
python -m bot sync [--guild ID]         publish the slash commands (global or one server)
python -m bot check [--config FILE]     validate config and content, exit non-zero on problems
python -m bot status [--config FILE]    the bot's processes and daily posts, from the database
python -m bot console                   try the commands in a terminal, no token needed
python -m bot show 4                    print one reply
python -m bot import SOURCE… [--out DIR] UN XML or PDF text layers -> content YAML
python -m bot export [--document SYMBOL] --format json

Exit codes: 0 done; 1 a failure worth retrying (Discord unreachable, `status` finding a problem,
a source `import` skipped); 2 bad configuration, content or token, or a live process already
running with this identity (restarting would only fail again: the systemd unit does not restart on 2).
"""

from __future__ import annotations

from bot.memory import pause_collection, resume_collection

if __name__ == "__main__":  # `python -m bot`, not a test importing this module
    pause_collection()  # before discord.py and the bot are imported; resumed once logged in (bot/memory.py)

import argparse
import asyncio
import dataclasses
import logging
import os
import signal
import sqlite3
import sys
from collections.abc import Awaitable, Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import aiohttp
import discord
import yarl

from bot.config import (
    DEFAULT_CONFIG,
    MetricsPortInUse,
    MissingSecret,
    MissingToken,
    Settings,
    Shards,
    load_settings,
    parse_port_range,
    parse_shard_ids,
    read_database_password,
    read_token,
)
from bot.content.library import Library, load_library
from bot.content.yamlfile import FileProblems
from bot.i18n.catalogue import LOCALES, SOURCE_LOCALE, CatalogueProblems, load_catalogues, shipped_catalogues
from bot.instances import DuplicateInstance
from bot.logsafety import install as install_redaction

if TYPE_CHECKING:
    from bot.client import ResolutionBot
    from bot.storage import Storage

log = logging.getLogger("bot")

EXIT_OK, EXIT_FAILED, EXIT_BAD_SETUP = 0, 1, 2
EXAMPLE_CONFIG = Path("config.example.yaml")
METRICS_PORT_ENV = "RESOLUTION_BOT_METRICS_PORT"
DATABASE_WAIT_FIRST = 1.0  # seconds before the first retry of a database that is not reachable yet
DATABASE_WAIT_CAP = 30.0  # the longest wait between tries


class SetupError(Exception):
    """Start-up cannot go on; the message is for a person, shown without a traceback."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="resolution-bot")
    sub = parser.add_subparsers(dest="command", required=True)
    config_help = f"config file (default {DEFAULT_CONFIG}, else {EXAMPLE_CONFIG})"
    for name, text in (
        ("run", "connect to Discord and serve"),
        ("sync", "publish the slash commands to Discord"),
        ("check", "validate the config and content files"),
        ("status", "which processes are alive, their schedulers' health, the daily posts' state"),
        ("console", "type commands, read replies; no token or network"),
        ("show", "print one reply, e.g. `show 4` or `show /search impunity`"),
    ):
        p = sub.add_parser(name, help=text, description=text)
        p.add_argument("--config", type=Path, default=None, help=config_help)
        if name == "run":
            p.add_argument(
                "--shard-count", type=int, default=None, help="shards of the whole bot (overrides the config)"
            )
            p.add_argument(
                "--shards", default=None, help="the shards this process runs, e.g. 0-3 (needs a shard count)"
            )
            p.add_argument(
                "--metrics-port",
                default=None,
                help=f"serve metrics on this port or the first free one of a range, e.g. 9108-9115 "
                f"(overrides the config and {METRICS_PORT_ENV})",
            )
        if name == "status":
            p.add_argument(
                "--forget",
                metavar="IDENTITY",
                default=None,
                help="remove a stopped or silent process from the list (e.g. shards gone after a reshard)",
            )
        if name == "sync":
            p.add_argument("--guild", type=int, default=None, help="sync to this server only (instant; for testing)")
        if name == "show":
            p.add_argument("words", nargs="+", help="a reference, or a command line starting with /")
    imp = sub.add_parser(
        "import",
        help="UN XML (AKN4UN) or PDF text layers -> content YAML",
        description="Write one content file per document from the UN's XML (.xml, a folder, a zip) or a "
        "pdftotext text layer (.txt). Doubts are listed and marked in the files.",
    )
    imp.add_argument("sources", nargs="+", type=Path, metavar="SOURCE")
    imp.add_argument("--out", type=Path, default=Path("content"), help="where to write (default content/)")
    cmp = sub.add_parser(
        "compare",
        help="what changed between two loaded resolutions",
        description="What changed "
        "between two loaded resolutions, paragraphs paired by text: the /compare reply, or the alignment as JSON.",
    )
    cmp.add_argument("old", help="the earlier resolution, e.g. 76/174")
    cmp.add_argument("new", help="the later resolution, e.g. 78/216")
    cmp.add_argument("--config", type=Path, default=None, help=config_help)
    cmp.add_argument("--part", choices=("preamble", "operative"), default=None)
    cmp.add_argument("--format", choices=("text", "json"), default="text")
    cmp.add_argument("--locale", choices=LOCALES, default=SOURCE_LOCALE, help="the interface language of the text")
    exp = sub.add_parser("export", help="a loaded document as JSON", description="Print loaded documents as JSON.")
    exp.add_argument("--config", type=Path, default=None, help=config_help)
    exp.add_argument("--document", default=None, help="the symbol or number (default: every document)")
    exp.add_argument("--format", choices=("json",), default="json")
    return parser


def _config_path(given: Path | None) -> Path:
    if given is not None:
        return given
    if DEFAULT_CONFIG.exists() or not EXAMPLE_CONFIG.exists():
        return DEFAULT_CONFIG
    print(f"note: no {DEFAULT_CONFIG}; using {EXAMPLE_CONFIG}", file=sys.stderr)
    return EXAMPLE_CONFIG


def load(given: Path | None) -> tuple[Settings, Library]:
    """Settings and every document, or SetupError listing every problem."""
    try:
        settings = load_settings(_config_path(given))
        library = load_library(
            settings.documents,
            settings.default_document,
            config_name=settings.source,
            config_line=settings.default_document_line,
        )
        # English, which every message falls back to: unreadable, it stops start-up, file:line each. The
        # other languages are read on first use (a broken one is logged and its readers get English);
        # the tests and `sync` read them all first.
        shipped_catalogues()
    except (FileProblems, CatalogueProblems) as exc:
        raise SetupError(str(exc)) from None
    return settings, library


def with_shards(settings: Settings, count: int | None, ids: str | None) -> Settings:
    """The settings with --shard-count/--shards applied (they override the config's `shards`)."""
    if count is None and ids is None:
        return settings
    total = count if count is not None else (settings.shards.count if settings.shards else None)
    if total is None:
        raise SetupError("--shards needs --shard-count (or `shards: count:` in the config)")
    if total < 1:
        raise SetupError("--shard-count must be 1 or more")
    try:
        chosen = parse_shard_ids(ids, total) if ids is not None else tuple(range(total))
    except ValueError as exc:
        raise SetupError(f"--shards: {exc}") from None
    return dataclasses.replace(settings, shards=Shards(total, chosen))


def with_metrics_port(settings: Settings, given: str | None, environ: Mapping[str, str] = os.environ) -> Settings:
    """The settings with --metrics-port, else RESOLUTION_BOT_METRICS_PORT, applied over the config's."""
    text, where = (given, "--metrics-port") if given is not None else (environ.get(METRICS_PORT_ENV), METRICS_PORT_ENV)
    if not text:
        return settings
    try:
        first, last = parse_port_range(text)
    except ValueError as exc:
        raise SetupError(f"{where}: {exc}") from None
    return dataclasses.replace(settings, metrics_port=first, metrics_port_last=last)


def _setup_logging(level: str, token: str | None) -> None:
    discord.utils.setup_logging(level=getattr(logging, level), root=True)
    install_redaction((token,) if token else ())


async def open_storage(
    settings: Settings, *, wait: bool = True, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
) -> Storage:
    """The configured storage, migrated: PostgreSQL for a postgresql:// URL, else the SQLite file.

    A PostgreSQL server that is not reachable yet (refused, timed out, starting up, too many
    connections) is waited for, with a log line at each try and backoff up to 30 s, when `wait`;
    what retrying cannot fix (a wrong password, no such database, no asyncpg) is a SetupError."""
    if settings.postgres_url is None:
        from bot.storage.sqlite import SQLiteStorage

        try:
            return await SQLiteStorage.open(settings.database)
        except (OSError, sqlite3.Error) as exc:
            raise SetupError(f"{settings.source}: database: cannot open {settings.database}: {exc}") from None
    try:
        from bot.storage.postgresql import PostgresStorage
    except ImportError:
        raise SetupError(
            f"{settings.source}: database: PostgreSQL needs asyncpg: pip install 'resolution-bot[postgresql]'"
        ) from None
    import asyncpg

    try:
        password = read_database_password(settings)
    except MissingSecret as exc:
        raise SetupError(str(exc)) from None
    not_yet = (
        OSError,
        TimeoutError,
        asyncpg.PostgresConnectionError,
        asyncpg.CannotConnectNowError,
        asyncpg.AdminShutdownError,
        asyncpg.CrashShutdownError,
        asyncpg.TooManyConnectionsError,
    )

    def reason(exc: BaseException) -> str:
        # The URL holds no password (the config refuses one), so it is safe to show.
        text = " ".join(str(exc).split()) or type(exc).__name__
        return text.replace(password, "…") if password else text

    tries = 0
    while True:
        try:
            return await PostgresStorage.open(
                settings.postgres_url, password=password, max_connections=settings.database_pool_size
            )
        except not_yet as exc:
            if not wait:
                raise SetupError(
                    f"{settings.source}: database: cannot reach {settings.postgres_url}: {reason(exc)}"
                ) from None
            tries += 1
            delay = min(DATABASE_WAIT_CAP, DATABASE_WAIT_FIRST * 2.0 ** (tries - 1))
            log.warning(
                "The database is not reachable yet (%s: %s); trying again in %.0f s",
                settings.postgres_url,
                reason(exc),
                delay,
            )
            resume_collection()  # waiting seconds, perhaps minutes: start-up's pace no longer matters
            await sleep(delay)
        except (asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            raise SetupError(
                f"{settings.source}: database: cannot use {settings.postgres_url}: {reason(exc)}"
            ) from None


def _point_at_api(settings: Settings) -> None:
    """Send every REST request through `discord_api_base` (a shared REST proxy) when one is set, and
    connect fixed shards to `discord_gateway_url` (a gateway proxy) instead of Discord's gateway."""
    if settings.discord_api_base:
        discord.http.Route.BASE = settings.discord_api_base
        log.info("Discord REST requests go through %s", settings.discord_api_base)
    if settings.discord_gateway_url:
        from discord.gateway import DiscordWebSocket

        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)
        log.info("Shards connect to %s", settings.discord_gateway_url)


async def _serve(settings: Settings, library: Library, token: str) -> None:
    from bot.client import ResolutionBot

    _point_at_api(settings)
    if settings.shards:
        log.info("Running %s", settings.shards.label)
    metrics = None
    if settings.metrics_port is not None:
        try:
            from bot.metrics import Metrics
        except ImportError:
            raise SetupError(
                f"{settings.source}: metrics_port: metrics need prometheus-client: "
                "pip install 'resolution-bot[metrics]'"
            ) from None
        metrics = Metrics()
    storage = await open_storage(settings)
    try:
        from bot.daily.delivery import SystemClock
        from bot.instances import InstanceRegistry

        instance = InstanceRegistry.for_settings(storage, SystemClock(), settings)
        log.info("This process is “%s”", instance.identity)
        await instance.register()  # DuplicateInstance: exit 2
        await _serve_with(ResolutionBot(library, storage, settings, metrics=metrics, instance=instance), token)
    finally:
        await storage.close()


async def _serve_with(bot: ResolutionBot, token: str) -> None:
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()

    def stop(sig: signal.Signals) -> None:
        log.info("%s received: shutting down", sig.name)
        stopping.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop, sig)
    async with bot:
        runner = asyncio.create_task(bot.start(token), name="bot")
        waiter = asyncio.create_task(stopping.wait(), name="signals")
        done, _ = await asyncio.wait({runner, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if runner in done:
            waiter.cancel()
            runner.result()  # re-raises LoginFailure and friends
        else:
            await bot.close()
            await runner


async def _sync(settings: Settings, library: Library, token: str, guild: int | None) -> int:
    from bot.client import ResolutionBot
    from bot.i18n.translator import check_sync
    from bot.storage.sqlite import SQLiteStorage

    _point_at_api(settings)
    storage = await SQLiteStorage.open(":memory:")  # syncing touches no schedules
    try:
        try:
            catalogues = load_catalogues()  # every language, now: nothing is published while one is broken
        except CatalogueProblems as exc:
            print(f"Not synced: the catalogues cannot be read:\n{exc}", file=sys.stderr)
            return EXIT_BAD_SETUP
        async with ResolutionBot(library, storage, settings, run_scheduler=False, catalogues=catalogues) as bot:
            await bot.login(token)  # runs setup_hook; no gateway connection needed
            problems = await check_sync(bot.tree, bot.catalogues)
            if problems:
                # Discord would reject some of it, or show people missing or stale translations: publish nothing.
                print(f"Not synced: {len(problems)} problem(s) in the command translations:", file=sys.stderr)
                for problem in problems:
                    print(f"  {problem}", file=sys.stderr)
                return EXIT_BAD_SETUP
            if guild is not None:
                target = discord.Object(id=guild)
                bot.tree.copy_global_to(guild=target)
                synced = await bot.tree.sync(guild=target)
                print(f"Synced {len(synced)} commands to server {guild}: {', '.join('/' + c.name for c in synced)}")
            else:
                synced = await bot.tree.sync()
                print(f"Synced {len(synced)} global commands (Discord may take a few minutes to show them everywhere).")
    finally:
        await storage.close()  # its worker thread would otherwise keep the process alive
    return EXIT_OK


async def _status(settings: Settings, forget: str | None = None) -> int:
    """Print what the database knows of the bot's processes and daily posts; 1 when something is wrong.
    With `forget`, first remove that process's row if it is stopped or silent."""
    from bot.daily.delivery import SystemClock
    from bot.instances import STALE_AFTER
    from bot.status import render_status

    try:
        storage = await open_storage(settings, wait=False)
    except SetupError as exc:
        print(f"Cannot read the status: {exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
        now = SystemClock().now()
        if forget is not None:
            if not await storage.forget_instance(forget, now=now, stale_after=STALE_AFTER):
                print(f"No stopped or silent process is called “{forget}” (a live one can't be forgotten).")
                return EXIT_FAILED
            print(f"Forgot “{forget}”.")
        instances = await storage.instances()
        overview = await storage.daily_overview(now, settings.daily.claim_lease)
    finally:
        await storage.close()
    # Ages by the storage's clock: on PostgreSQL heartbeats are the database's time, not this host's.
    text, healthy = render_status(instances, overview, overview.at, STALE_AFTER)
    print(text)
    return EXIT_OK if healthy else EXIT_FAILED


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command != "run":
        resume_collection()  # only `run` resumes it later, once logged in
    if args.command == "import":
        from bot.importers.run import run as run_import

        return run_import(args.sources, args.out)
    try:
        settings, library = load(args.config)
        if args.command == "export":
            from bot.content.errors import UserError
            from bot.importers.export import export_json

            try:
                sys.stdout.write(export_json(library, args.document))
            except UserError as exc:
                print(exc, file=sys.stderr)
                return EXIT_FAILED
            return EXIT_OK
        if args.command == "compare":
            from bot.compare_render import command_line
            from bot.content.errors import UserError

            try:
                sys.stdout.write(command_line(library, args.old, args.new, args.part, args.format, args.locale))
            except UserError as exc:
                print(exc.text(args.locale), file=sys.stderr)
                return EXIT_FAILED
            return EXIT_OK
        if args.command == "check":
            for symbol in library.symbols:
                doc = library.entry(symbol).document
                annexes = "".join(
                    f", {a.label.lower()} with {len(a.articles) or len(a.paragraphs)} "
                    f"{'articles' if a.articles else 'paragraphs'}"
                    for a in doc.annexes
                )
                print(
                    f"ok: {symbol} ({len(doc.preamble)} preambular, {len(doc.operative)} operative paragraphs, "
                    f"{len(doc.footnotes)} footnotes{annexes})"
                )
            print(f"ok: {settings.source} (default document {library.default_symbol})")
            return EXIT_OK
        if args.command in ("console", "show"):
            from bot.answers import Answers
            from bot.console import repl, show

            answers = Answers(library)
            if args.command == "show":
                sys.stdout.write(show(answers, args.words))
            else:
                repl(answers)
            return EXIT_OK
        if args.command == "status":
            logging.basicConfig(level=logging.WARNING, format="%(message)s")
            return asyncio.run(_status(settings, args.forget))
        if args.command == "run":
            settings = with_shards(settings, args.shard_count, args.shards)
            settings = with_metrics_port(settings, args.metrics_port)
        token = read_token(settings)
        _setup_logging(settings.log_level, token)
        if args.command == "sync":
            return asyncio.run(_sync(settings, library, token, args.guild))
        asyncio.run(_serve(settings, library, token))
        return EXIT_OK
    except SetupError as exc:
        print(f"Cannot start: problems in the configuration or content:\n{exc}", file=sys.stderr)
        return EXIT_BAD_SETUP
    except MissingToken as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_SETUP
    except (MetricsPortInUse, DuplicateInstance) as exc:
        print(f"Cannot start: {exc}", file=sys.stderr)
        return EXIT_BAD_SETUP
    except discord.LoginFailure:
        print(
            "Discord rejected the token (401 Unauthorized). Reset it in the Developer Portal "
            "(your application → Bot → Reset Token) and set it again.",
            file=sys.stderr,
        )
        return EXIT_BAD_SETUP
    except (aiohttp.ClientError, OSError) as exc:
        print(f"Cannot reach Discord: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
