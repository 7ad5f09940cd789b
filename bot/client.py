"""The Bot subclass: dependencies in, extensions loaded in setup_hook, never syncs by itself."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.answers import Answers
from bot.config import DailySettings, Settings
from bot.content.cite import DEFAULT_STYLE
from bot.content.errors import UserError
from bot.content.library import Library
from bot.daily.delivery import SHUTDOWN_GRACE, Clock, InvalidRequestGuard, Scheduler, SystemClock
from bot.daily.discord_poster import DiscordPoster, invalid_request_trace
from bot.daily.service import DailyService
from bot.i18n import SOURCE_LOCALE, Audience, say
from bot.i18n.catalogue import Catalogues, shipped_catalogues
from bot.i18n.translator import CatalogueTranslator, interaction_locale, translate_choices
from bot.identify import IdentifyGate, SessionLimits
from bot.instances import InstanceRegistry, identity
from bot.interactions import CLICK_EVENT, DYNAMIC_ITEMS, send
from bot.kept_settings import KeptLanguages, KeptSettings
from bot.memory import keep_large_buffers_mapped, resume_collection
from bot.proxy_ratelimits import retry_proxy_429s
from bot.render import error_reply
from bot.storage import ShardFilter, Storage

if TYPE_CHECKING:
    from bot.metrics import Metrics

log = logging.getLogger(__name__)

# Once per process, before the bot makes its first answer: resident memory stays flat (bot/memory.py).
keep_large_buffers_mapped()

EXTENSIONS: tuple[str, ...] = (
    "bot.cogs.reading",
    "bot.cogs.citing",
    "bot.cogs.info",
    "bot.cogs.daily",
    "bot.cogs.settings",
    "bot.cogs.compare",
)


def intents() -> discord.Intents:
    """The least the bot needs: guild events (joins, removals, channels). No privileged intents."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    return wanted


class ResolutionTree(app_commands.CommandTree["ResolutionBot"]):
    """Turns every failure into an ephemeral answer, in one place; measures every answer."""

    def _from_interaction(self, interaction: discord.Interaction[Any]) -> None:
        # What the client typed may be echoed back (an error naming it, a search, autocomplete choices).
        without_lone_surrogates(interaction.data)

        # discord.py's own dispatcher (2.7), with the time and outcome of each answer recorded.
        async def wrapper() -> None:
            started = time.perf_counter()
            try:
                await self._call(interaction)
            except app_commands.AppCommandError as e:
                await self._dispatch_error(interaction, e)
            finally:
                metrics = self.client.metrics
                if metrics is not None:
                    name = interaction.command.qualified_name if interaction.command else "unknown"
                    outcome = interaction.extras.get("outcome", "ok")
                    metrics.answered(name, interaction_kind(interaction), outcome, time.perf_counter() - started)

        self.client.loop.create_task(wrapper(), name="CommandTree-invoker")

    async def on_error(self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError) -> None:
        original = getattr(error, "original", error)
        interaction.extras["outcome"] = _outcome(error, original)
        if interaction.type is discord.InteractionType.autocomplete:
            # Autocomplete answers with choices or not at all: no message can be sent.
            if not isinstance(error, app_commands.CommandNotFound):
                log.error("Autocomplete for %r failed", error, exc_info=original)
            if not interaction.response.is_done():
                with contextlib.suppress(discord.HTTPException, aiohttp.ClientError, TimeoutError):
                    await interaction.response.autocomplete([])
            return
        command = interaction.command.qualified_name if interaction.command else "?"
        if _answer_undeliverable(original):
            # Discord refused or lost the answer itself: an error reply would go the same way.
            log.warning("Could not answer /%s (interaction %s): %s", command, interaction.id, _describe(original))
            return
        locale = await _person_locale(interaction)  # errors are private: in the language of who asked
        if isinstance(error, app_commands.CommandNotFound):
            # Deleted or renamed since the last sync: Discord may offer it for a while yet.
            log.info("A command that no longer exists was used: /%s", " ".join([*error.parents, error.name]))
            reply = error_reply(say(locale, "err-command-gone"))
        elif isinstance(original, UserError):
            reply = error_reply(original.text(locale))
        elif isinstance(error, app_commands.TransformerError):
            # A value outside an option's choices (an old client, a hand-made request) names no type worth saying.
            choice = getattr(error.transformer, "__discord_app_commands_is_choice__", False)
            kind = "choice" if choice else error.type.name
            reply = error_reply(say(locale, "err-invalid-option", value=str(error.value)[:50], type=kind))
        elif isinstance(error, app_commands.NoPrivateMessage):
            reply = error_reply(say(locale, "err-servers-only"))
        elif isinstance(error, app_commands.MissingPermissions):
            missing = error.missing_permissions
            named = _permissions(locale, missing)
            reply = error_reply(say(locale, "err-missing-permissions", permissions=named, count=len(missing)))
        elif isinstance(error, app_commands.CheckFailure):
            # A check of ours names its message by catalogue id (bot.cogs.settings); discord.py's own say
            # nothing a reader needs ("The check functions for command … failed").
            key = str(error)
            known = key if shipped_catalogues().has(SOURCE_LOCALE, key) else "err-not-here"
            reply = error_reply(say(locale, known))
        elif isinstance(original, discord.HTTPException):
            log.warning("/%s: a request to Discord failed: %s", command, _describe(original))
            reply = error_reply(say(locale, "err-discord-problem"))
        else:
            log.error("Command %r failed", command, exc_info=original)
            reply = error_reply(say(locale, "err-unexpected"))
        try:
            await send(interaction, reply)
        except (discord.HTTPException, aiohttp.ClientError, TimeoutError) as exc:
            log.warning("Could not send the error reply for interaction %s (%s)", interaction.id, type(exc).__name__)


_SURROGATES = frozenset(map(chr, range(0xD800, 0xE000)))


def without_lone_surrogates(value: Any) -> Any:
    """`value` (an interaction's data) with every lone surrogate replaced by U+FFFD, as a decoder shows it;
    dicts and lists are mended in place.

    JSON may carry one escaped ("\\ud800"), though no UTF-8 text holds it; orjson, which discord.py
    answers with, refuses to encode it, so an answer that echoes what was typed would be lost. Only
    text that is not ASCII is looked at, character by character only when it cannot be UTF-8."""
    if isinstance(value, str):
        if value.isascii():
            return value
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "".join("\ufffd" if c in _SURROGATES else c for c in value)
        return value
    if isinstance(value, dict):  # in place: nothing is copied on every interaction for a rare case
        for key, item in value.items():
            cleaned = without_lone_surrogates(item)
            if cleaned is not item:
                value[key] = cleaned
    elif isinstance(value, list):
        for index, item in enumerate(value):
            cleaned = without_lone_surrogates(item)
            if cleaned is not item:
                value[index] = cleaned
    return value


def interaction_kind(interaction: discord.Interaction[Any]) -> str:
    """command, autocomplete or context_menu: the `kind` label of bot.metrics."""
    if interaction.type is discord.InteractionType.autocomplete:
        return "autocomplete"
    data: Any = interaction.data or {}
    return "command" if data.get("type", 1) == 1 else "context_menu"


def _outcome(error: app_commands.AppCommandError, original: BaseException) -> str:
    """The `outcome` label of a failed interaction (see bot.metrics)."""
    if _answer_undeliverable(original):
        return "undeliverable"
    if isinstance(error, app_commands.CommandNotFound):
        return "not_found"
    if isinstance(original, UserError) or isinstance(error, (app_commands.TransformerError, app_commands.CheckFailure)):
        return "refused"
    if isinstance(original, discord.HTTPException):
        return "discord_error"
    return "failed"


def _answer_undeliverable(error: BaseException) -> bool:
    """Whether the failure was in delivering the answer (the interaction callback or follow-up)."""
    if isinstance(error, (aiohttp.ClientError, TimeoutError)):
        return True
    if isinstance(error, discord.HTTPException):
        path = getattr(getattr(error.response, "url", None), "path", "")
        return "/interactions/" in path or "/webhooks/" in path
    return False


def _warm(library: Library) -> None:
    """What is done on first use, done now: the search index, the slow regular expressions, and the
    modules only /compare and /trace need."""
    import bot.compare_render  # noqa: F401 (first: a lazy pattern it declares is then compiled too)

    library.warm()


def _warmed(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:  # a search will build it, or say why
        log.error("Could not build the search index ahead of use", exc_info=task.exception())


def _describe(error: BaseException) -> str:
    """A fault in one line for the log: status and Discord's code, or the network error's kind."""
    if isinstance(error, discord.HTTPException):
        return f"HTTP {error.status}" + (f", code {error.code}" if error.code else "")
    return type(error).__name__


async def _person_locale(interaction: discord.Interaction[Any]) -> str | None:
    """The catalogue locale of a private answer to `interaction`; None (English) if it cannot be told."""
    languages = getattr(interaction.client, "languages", None)
    if languages is None:
        return interaction.locale.value
    try:
        return await interaction_locale(interaction, languages, Audience.PERSON)
    except Exception:  # an error reply must go out whatever else fails
        log.exception("Could not choose the language of the error reply to interaction %s", interaction.id)
        return None


def _permissions(locale: str | None, names: list[str]) -> str:
    """Permissions by the names Discord shows in `locale` ("Manage Server", "Gérer le serveur")."""
    separator = say(locale, "err-list-separator")
    return separator.join(say(locale, "err-permission", permission=name) for name in names)


# The bot never joins voice: its missing voice libraries are not worth a warning at every start.
discord.VoiceClient.warn_nacl = False
discord.VoiceClient.warn_dave = False


class ResolutionBot(commands.AutoShardedBot):
    """The bot: holds the library, storage and settings it was given; nothing global.

    Sharded the way Discord recommends: with no `shards` in the settings, one process runs
    every shard (GET /gateway/bot says how many); with them, this process runs its shards
    of the count given and posts the daily paragraphs of their servers (and, after a grace
    period, any other shard's post no live process claimed)."""

    def __init__(
        self,
        library: Library,
        storage: Storage,
        settings: Settings | None = None,
        *,
        clock: Clock | None = None,
        run_scheduler: bool = True,
        metrics: Metrics | None = None,
        instance: InstanceRegistry | None = None,
        catalogues: Catalogues | None = None,
        **options: Any,
    ) -> None:
        clock = clock or SystemClock()
        guard = InvalidRequestGuard()
        options.setdefault("http_trace", invalid_request_trace(guard, clock.now))
        shards = settings.shards if settings else None
        if shards is not None:
            options.setdefault("shard_count", shards.count)
            options.setdefault("shard_ids", list(shards.ids))
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=ResolutionTree,
            allowed_installs=app_commands.AppInstallationType(guild=True, user=True),
            allowed_contexts=app_commands.AppCommandContext(guild=True, dm_channel=True, private_channel=True),
            **options,
        )
        if settings is not None and settings.discord_api_base:
            # Only a proxy of our own answers 429 without `Via` for a pause; from Discord itself that
            # 429 is Cloudflare banning the IP, and every retry lengthens the ban.
            retry_proxy_429s(self.http)
        self.library = library
        self.settings = settings
        self.storage = storage
        self.clock: Clock = clock
        # Read once per server and kept a minute (bot.kept_settings); /settings forgets its server's.
        self.kept_styles: KeptSettings[str | None] = KeptSettings(lambda guild: self.storage.citation_style(guild))
        self.kept_documents: KeptSettings[str | None] = KeptSettings(lambda guild: self.storage.guild_document(guild))
        # The person's and the server's interface language, the same way (bot.i18n reads them here).
        self.languages = KeptLanguages(storage, lambda: self.clock.now())
        self.kept_user_languages = self.languages.users
        self.kept_server_languages = self.languages.servers
        self.answers = Answers(library)
        self.catalogues = catalogues or shipped_catalogues()
        self.metrics: Metrics | None = metrics
        self._metrics_server: Any = None
        daily = settings.daily if settings else DailySettings()
        shard = self._shard_filter(daily.takeover_grace)
        # Every process paces its posts at its share of the bot's rate (the global limit is per bot).
        share = len(shard.ids) / shard.count if shard else 1.0
        self.scheduler = Scheduler(
            storage,
            library,
            DiscordPoster(self),
            clock=self.clock,
            catch_up=daily.catch_up,
            rate=daily.posts_per_second * share,
            lease=daily.claim_lease,
            shard=shard,
            # Stable across restarts: a restarted process finds the claims its predecessor died holding.
            claimant=instance.identity if instance else identity(settings) if settings else None,
            guard=guard,
            on_event=metrics.daily if metrics else None,
        )
        self.instance = instance
        self._heartbeat_task: asyncio.Task[None] | None = None
        if metrics is not None:
            metrics.watch(lambda: guard.count(self.clock.now()), lambda: self.latencies)
            metrics.watch_scheduler(lambda: self.scheduler.health)
        self.identify_gate = IdentifyGate(
            storage, self.clock, self._session_limits, shards_here=len(shard.ids) if shard else 1
        )
        self.daily = DailyService(storage, library, daily, wake=self.scheduler.wake)
        self._run_scheduler = run_scheduler
        self._scheduler_task: asyncio.Task[None] | None = None
        self._warming: asyncio.Task[None] | None = None

    def _shard_filter(self, grace: dt.timedelta) -> ShardFilter | None:
        """With some of the shards only, this process posts for their guilds (and, `grace` late,
        for anyone's). Running every shard, or letting Discord say how many: all guilds."""
        count = self.shard_count
        ids = tuple(self.shard_ids or ())
        if not count or not ids or set(ids) >= set(range(count)):
            return None
        return ShardFilter(count, ids, grace)

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """One IDENTIFY per 5 s per bucket across every process of the bot (see bot.identify)."""
        await self.identify_gate.wait(shard_id)

    async def _session_limits(self) -> SessionLimits:
        limits = await self.fetch_session_start_limits()
        return SessionLimits(
            limits.total, limits.remaining, dt.timedelta(milliseconds=limits.reset_after), limits.max_concurrency
        )

    async def citation_style(self, interaction: discord.Interaction[Any]) -> str:
        """The server's default citation style where the server installed the bot; `un` elsewhere."""
        if interaction.guild_id is None or not interaction.is_guild_integration():
            return DEFAULT_STYLE
        try:
            return await self.kept_styles.get(interaction.guild_id, self.clock.now()) or DEFAULT_STYLE
        except Exception:  # a settings read must never stop a citation
            log.exception("Could not read the citation style of server %s", interaction.guild_id)
            return DEFAULT_STYLE

    async def guild_document(self, interaction: discord.Interaction[Any]) -> str | None:
        """The server's default document (`/settings document`) where the server installed the bot."""
        if interaction.guild_id is None or not interaction.is_guild_integration():
            return None
        try:
            return await self.kept_documents.get(interaction.guild_id, self.clock.now())
        except Exception:  # a settings read must never stop a command
            log.exception("Could not read the document of server %s", interaction.guild_id)
            return None

    def dispatch(self, event_name: str, /, *args: Any, **kwargs: Any) -> None:
        super().dispatch(event_name, *args, **kwargs)
        # Clicks also as their own event (bot.interactions.CLICK_EVENT): commands and autocomplete
        # reach the tree directly, and need no listener task of their own.
        if event_name == "interaction" and args[0].type is discord.InteractionType.component:
            super().dispatch(CLICK_EVENT.removeprefix("on_"), *args, **kwargs)

    async def setup_hook(self) -> None:
        # Logged in: start-up's long-lived objects are made, and cyclic collection resumes (bot/memory.py).
        resume_collection()
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        # Command texts in every interface language (bot.i18n), ready before anyone syncs.
        translate_choices(self.tree)
        await self.tree.set_translator(CatalogueTranslator(self.catalogues))
        log.info("Loaded %d extensions; serving %s", len(EXTENSIONS), ", ".join(self.library.symbols))
        if self._run_scheduler:
            self._scheduler_task = asyncio.create_task(self.scheduler.run_forever(), name="daily-scheduler")
            self._scheduler_task.add_done_callback(self._scheduler_ended)
        port = self.settings.metrics_port if self.settings else None
        if self.metrics is not None and port is not None and self.settings is not None:
            self._metrics_server, served = await self.metrics.serve_first_free(
                self.settings.metrics_address, port, self.settings.metrics_port_last
            )
            if self.instance is not None:
                self.instance.with_metrics(f"{self.settings.metrics_address}:{served}")
        if self.instance is not None:
            self._heartbeat_task = asyncio.create_task(
                self.instance.run(lambda: self.scheduler.health, self._identity_lost), name="instance-heartbeat"
            )

    def _identity_lost(self) -> None:
        """Another process now runs as this one (this one stalled past the heartbeat's limit): its
        claims are that process's now, so this one stops."""
        asyncio.get_running_loop().create_task(self.close(), name="close-on-lost-identity")

    def _scheduler_ended(self, task: asyncio.Task[None]) -> None:
        """The scheduler supervises itself and ends only at shutdown: anything else is said loudly."""
        if task.cancelled() or self.scheduler.stopping:
            return
        error = task.exception()
        self.scheduler.health.state = "stopped"
        log.critical(
            "The daily scheduler has stopped: no daily post goes out until the bot is restarted",
            exc_info=error,
        )

    async def close(self) -> None:
        """Stop claiming daily posts, let those in flight finish (up to a grace period), then disconnect."""
        await self.scheduler.shutdown(SHUTDOWN_GRACE)
        if self._scheduler_task is not None:
            self._scheduler_task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):  # an error was logged when it ended
                await self._scheduler_task
        if self._heartbeat_task is not None:
            self._heartbeat_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._heartbeat_task
            self._heartbeat_task = None
        if self.instance is not None:
            await self.instance.release()
        if self._metrics_server is not None:
            await self._metrics_server.cleanup()
            self._metrics_server = None
        await super().close()

    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        await self._channel_gone(channel.id)

    async def on_raw_thread_delete(self, payload: discord.RawThreadDeleteEvent) -> None:
        await self._channel_gone(payload.thread_id)

    async def _channel_gone(self, channel_id: int) -> None:
        from bot.daily.words import Phrase, stored  # /daily status says it in the reader's language

        message = stored(Phrase("daily-deleted"))
        if await self.storage.remove_schedule(channel_id, message, now=self.clock.now()):
            log.info("Channel %s was deleted: its daily schedule was removed", channel_id)
            self.scheduler.wake()

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        removed = await self.storage.delete_guild(guild.id)
        if removed:
            log.info("Removed from server %s: deleted its %d daily schedule(s)", guild.id, removed)

    async def on_ready(self) -> None:  # may fire again on reconnect
        log.info(
            "Connected as %s (id %s) to %d servers", self.user, self.user.id if self.user else "?", len(self.guilds)
        )
        self.warm()

    def warm(self) -> None:
        """Build the search index and compile the slow regular expressions (both done on first use) in a
        thread, once, now that the bot is ready: not before, where it would compete with start-up."""
        if self._warming is None:
            self._warming = asyncio.create_task(asyncio.to_thread(_warm, self.library), name="warm-library")
            self._warming.add_done_callback(_warmed)
