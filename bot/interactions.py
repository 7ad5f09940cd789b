"""Sending a `Reply` through an interaction, with its buttons.

Everything a button needs lives in its `custom_id` (who invoked the command,
and a *source* that `Answers.replay` turns back into a reply), and `clicked`
answers from that alone, so buttons work on messages of any age and after any
restart. Views are never kept by discord.py: each is stopped before it is sent.

- Previous / Next / More: the person who ran the command moves through the
  text by editing the reply; anyone else gets their own private copy. More
  has an action of its own (`more`), so its custom_id never equals Next's when
  what is left over is also the next unit (Discord refuses a message whose
  custom_ids repeat).
- Footnotes / Cite: a private answer for whoever clicks; so do the buttons that open another text
  of the library that a footnote points to ("Open 53/144, annex").
- Post to channel (on private answers): the same answer, publicly, for whoever
  clicks: only where they may post themselves (Discord sends their permissions in
  the channel with the click; a locked thread also needs Manage Threads), and once per
  `POST_INTERVAL` each. The bot answers
  through the interaction, which Discord accepts whatever the clicker may do, so
  the check is the bot's to make.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import math
import re
import weakref
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

import aiohttp
import discord
from discord import app_commands

from bot.answers import Answers
from bot.content.errors import UserError
from bot.content.langs import text_language
from bot.i18n import SOURCE_LOCALE, Audience, say
from bot.i18n.translator import interaction_locale
from bot.render import Navigation, Reply, error_reply

if TYPE_CHECKING:
    from bot.client import ResolutionBot  # noqa: F401 (named in a string below)

log = logging.getLogger(__name__)


async def reader_language(interaction: Interaction, chosen: str | None = None) -> str | None:
    """The UN language the reader gets a resolution's text in: the `language` option they chose, else
    the language i18n's resolver gives them (their own choice, their Discord locale, the server's
    setting), mapped to a UN language ("es-419" → "es"); None when it is none of the six."""
    if chosen is not None:
        return chosen
    return text_language(await interface_locale(interaction))


async def interface_locale(interaction: Interaction, audience: Audience = Audience.PERSON) -> str:
    """The catalogue locale the bot's own words are in: the person's for an answer to them, the server's
    for what is posted on its behalf (bot.i18n.language says in which order each is chosen)."""
    return await interaction_locale(interaction, interaction.client.languages, audience)


async def reader_locales(interaction: Interaction, chosen: str | None = None) -> tuple[str, str | None]:
    """(interface locale, UN language of the text) for an answer to the person: one read of their settings."""
    locale = await interface_locale(interaction)
    return locale, chosen if chosen is not None else text_language(locale)


Interaction = discord.Interaction["ResolutionBot"]
NONE = discord.AllowedMentions.none()


def _kwargs(reply: Reply) -> dict[str, Any]:
    return {"content": reply.content, "embeds": list(reply.embeds), "allowed_mentions": NONE}


# Discord gives 3 s for the first answer and 15 min for follow-ups. A request that hangs past
# these is pointless, and it would hold discord.py's shared bucket for interaction callbacks
# (without rate-limit headers, one request at a time) until aiohttp's 300 s timeout.
ANSWER_TIMEOUT = 5.0
FOLLOW_UP_TIMEOUT = 30.0
POST_INTERVAL = dt.timedelta(seconds=30)  # each person's wait between two posts through Post to channel


async def send(interaction: Interaction, reply: Reply, *, owner: int | None = None) -> None:
    """Answer the interaction (or follow up if it was answered or deferred), with the reply's buttons."""
    kwargs = _kwargs(reply)
    view = build_view(reply, interaction.user.id if owner is None else owner)
    if view is not None:
        kwargs["view"] = view
    # asyncio.timeout, not wait_for: the same bound without a task of its own for every answer.
    if interaction.response.is_done():
        async with asyncio.timeout(FOLLOW_UP_TIMEOUT):
            await interaction.followup.send(ephemeral=reply.ephemeral, **kwargs)
    else:
        async with asyncio.timeout(ANSWER_TIMEOUT):
            await interaction.response.send_message(ephemeral=reply.ephemeral, **kwargs)


async def edit(interaction: Interaction, reply: Reply, *, owner: int) -> None:
    """Replace the message a button is on (the invoker moving through the text)."""
    view = build_view(reply, owner) or discord.ui.View()
    async with asyncio.timeout(ANSWER_TIMEOUT):
        await interaction.response.edit_message(**_kwargs(reply), view=view)


def choices(make: Callable[[], list[tuple[str, str]]]) -> list[app_commands.Choice[str]]:
    """Autocomplete choices that can never fail: Discord shows "Loading options failed" for an error."""
    try:
        pairs = make()
    except Exception:
        log.exception("Autocomplete failed; answering with no choices")
        pairs = []
    return list(_choices(tuple(pairs)))


@lru_cache(maxsize=128)
def _choices(pairs: tuple[tuple[str, str], ...]) -> tuple[app_commands.Choice[str], ...]:
    """Built once for each list of choices and kept (discord.py only reads them)."""
    valid = [(n, v) for n, v in pairs if 1 <= len(n) <= 100 and 1 <= len(v) <= 100]
    return tuple(app_commands.Choice(name=n, value=v) for n, v in valid[:25])


# -- the buttons ------------------------------------------------------------------


CUSTOM_ID = re.compile(r"rb:(?P<action>go|more|show|post):(?P<owner>\d+):(?P<source>.+)")


class SourceButton(discord.ui.Button[discord.ui.View]):
    """A button whose custom_id is `rb:<action>:<owner>:<source>` (see `clicked`):

    - `go` (Previous, Next) and `more` (More): the owner's reply moves; anyone else gets a private copy;
    - `show` (Footnotes, Cite): a private answer for whoever clicks;
    - `post` (Post to channel, on private answers): the same answer, publicly, through the
      interaction, so it works where the bot cannot send (installed to a user's account).
    """

    def __init__(self, action: str, source: str, owner: int, label: str = "", *, emoji: str | None = None) -> None:
        super().__init__(
            label=label or None,
            emoji=emoji,
            style=discord.ButtonStyle.secondary,
            custom_id=f"rb:{action}:{owner}:{source}",
        )


CLICK_EVENT = "on_resolution_click"
"""The event a component interaction is dispatched as too (ResolutionBot.dispatch), for `clicked`:
a listener on every interaction would cost a task and a loop turn on each command and keystroke."""


async def clicked(interaction: Interaction) -> None:
    """Answer a click on one of the bot's buttons, from its custom_id alone (any other
    interaction is left alone).

    Called for every component interaction (the Reading cog listens to CLICK_EVENT). A discord.py `DynamicItem` would do
    the same, but discord.py first rebuilds the whole clicked message as a View for it, which
    cost more than all the rest of a click.
    """
    if interaction.type is not discord.InteractionType.component:
        return
    custom_id = str(cast("dict[str, Any]", interaction.data or {}).get("custom_id", ""))
    if not custom_id.startswith("rb:") or custom_id.startswith("rb:end:"):
        return
    match = CUSTOM_ID.fullmatch(custom_id)
    action = match["action"] if match else "unknown"
    try:
        if match is None:
            raise UserError("err-old-button")
        source, owner = match["source"], int(match["owner"])
        if action == "post":
            await _post(interaction, source)
            return
        locale, language = await reader_locales(interaction)
        style = await _style(interaction, source)
        reply = interaction.client.answers.replay(source, style=style, language=language, locale=locale)
        if action in ("go", "more") and interaction.user.id == owner:
            await edit(interaction, reply, owner=owner)
        else:
            await send(interaction, dataclasses.replace(reply, ephemeral=True), owner=interaction.user.id)
    except UserError as exc:
        from bot.i18n import Audience
        from bot.i18n.translator import interaction_locale

        locale = await interaction_locale(interaction, interaction.client.languages, Audience.PERSON)
        await send(interaction, error_reply(exc.text(locale)))
    except discord.HTTPException as exc:
        log.warning("Button %s: Discord refused the answer (HTTP %s)", action, exc.status)
    except (aiohttp.ClientError, TimeoutError) as exc:
        log.warning("Button %s: the answer did not reach Discord (%s)", action, type(exc).__name__)


async def _post(interaction: Interaction, source: str) -> None:
    """The answer again, publicly, if the person who clicked may post here and has not just done so."""
    bot = interaction.client
    # The refusal is for the person who clicked; the post is for everyone in the channel.
    person, language = await reader_locales(interaction)
    refused = refused_post(interaction, person)
    cooldown = post_cooldown(bot)
    wait = cooldown.wait(interaction.user.id, bot.clock.now())
    if refused is None and wait is not None:
        refused = cooldown_message(wait, person)
    if refused is not None:
        await send(interaction, error_reply(refused))
        return
    server = await interface_locale(interaction, Audience.SERVER)
    reply = bot.answers.replay(source, style=await _style(interaction, source), language=language, locale=server)
    cooldown.posted(interaction.user.id, bot.clock.now())  # before sending: a double click posts once
    await send(interaction, dataclasses.replace(reply, ephemeral=False), owner=interaction.user.id)


async def _style(interaction: Interaction, source: str) -> str | None:
    """The server's citation style, read only for a citation that names none (a stored read)."""
    return await interaction.client.citation_style(interaction) if Answers.needs_style(source) else None


# None: `clicked` answers the bot's buttons (see there why not discord.py's DynamicItem).
DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = ()


# -- Post to channel: who may, and how often ---------------------------------------

_THREADS = (discord.ChannelType.public_thread, discord.ChannelType.private_thread, discord.ChannelType.news_thread)


def refused_post(interaction: Interaction, locale: str = SOURCE_LOCALE) -> str | None:
    """Why the clicking person may not have the bot post here for them, or None when they may.

    `interaction.permissions` are the clicking member's own in this channel. In DMs and group
    DMs there are none to check: the conversation is theirs.
    """
    if interaction.guild_id is None:
        return None
    permissions = interaction.permissions
    missing = [] if permissions.send_messages else ["send"]
    channel_type = getattr(interaction.channel, "type", None)
    if channel_type in _THREADS and not permissions.send_messages_in_threads:
        missing.append("threads")
    if not missing and channel_type in _THREADS and getattr(interaction.channel, "locked", False):
        if permissions.manage_threads:
            return None
        # Discord lets only those who may manage threads send in a locked one.
        return say(locale, "read-post-locked")
    if not missing:
        return None
    # Each permission by the name Discord shows in that language.
    names = [f"**{say(locale, 'read-permission', permission=name)}**" for name in missing]
    needed = names[0] if len(names) == 1 else say(locale, "read-permissions", first=names[0], second=names[1])
    where = "thread" if channel_type in _THREADS else "channel"
    return say(locale, "read-post-refused", where=where, needed=needed, count=len(names))


class PostCooldown:
    """Each person's last post through Post to channel; one post per `interval` each."""

    def __init__(self, interval: dt.timedelta = POST_INTERVAL) -> None:
        self.interval = interval
        self._last: dict[int, dt.datetime] = {}

    def wait(self, user_id: int, now: dt.datetime) -> dt.timedelta | None:
        """How long `user_id` must still wait, or None if they may post now."""
        last = self._last.get(user_id)
        if last is None or now - last >= self.interval:
            return None
        return self.interval - (now - last)

    def posted(self, user_id: int, now: dt.datetime) -> None:
        self._last[user_id] = now
        if len(self._last) > 1_000:  # only those who posted within the interval matter
            self._last = {u: t for u, t in self._last.items() if now - t < self.interval}


# One per running bot, made on its first post (the bot is built elsewhere and knows nothing of it).
_COOLDOWNS: weakref.WeakKeyDictionary[discord.Client, PostCooldown] = weakref.WeakKeyDictionary()


def post_cooldown(bot: discord.Client) -> PostCooldown:
    return _COOLDOWNS.setdefault(bot, PostCooldown())


def cooldown_message(wait: dt.timedelta, locale: str = SOURCE_LOCALE) -> str:
    seconds = max(1, math.ceil(wait.total_seconds()))
    return say(locale, "read-post-wait", seconds=seconds)


def _disabled(label: str, emoji: str, key: str) -> discord.ui.Button[discord.ui.View]:
    return discord.ui.Button(
        label=label, emoji=emoji, style=discord.ButtonStyle.secondary, disabled=True, custom_id=f"rb:end:{key}"
    )


def build_view(reply: Reply, owner: int) -> discord.ui.View | None:
    """The buttons a reply's `Navigation` asks for; None when it has none."""
    return None if reply.nav is None else _view(reply.nav, reply.ephemeral, owner)


@lru_cache(maxsize=128)
def _view(nav: Navigation, ephemeral: bool, owner: int) -> discord.ui.View:
    """Built once for each answer and person, and kept: a stopped view is only read when sent
    (discord.py keeps no stopped view, and the dynamic items answer the clicks)."""
    view = discord.ui.View(timeout=None)
    locale = nav.locale  # the reply's own language: its buttons say the same
    if nav.paged:
        back, on = say(locale, "read-button-previous"), say(locale, "read-button-next")
        previous = SourceButton("go", nav.previous, owner, back, emoji="◀") if nav.previous else None
        following = SourceButton("go", nav.next, owner, on, emoji="▶") if nav.next else None
        view.add_item(previous or _disabled(back, "◀", "prev"))
        view.add_item(following or _disabled(on, "▶", "next"))
    if nav.footnotes:
        view.add_item(SourceButton("show", nav.footnotes, owner, say(locale, "read-button-footnotes")))
    if nav.cite:
        view.add_item(SourceButton("show", nav.cite, owner, say(locale, "read-button-cite")))
    if nav.link:
        label = say(locale, "read-button-official")
        view.add_item(discord.ui.Button(label=label, url=nav.link, style=discord.ButtonStyle.link))
    for label, source in nav.library:  # a footnote's "Resolution 53/144, annex": open that text here
        view.add_item(SourceButton("show", source, owner, label[:80], emoji="📖"))
    if nav.more:
        view.add_item(SourceButton("more", nav.more, owner, say(locale, "read-button-more"), emoji="⏬"))
    if ephemeral and nav.source:
        view.add_item(SourceButton("post", nav.source, owner, say(locale, "read-button-post")))
    for item in view.children:  # custom_ids over Discord's limit would make the whole message fail
        if len(getattr(item, "custom_id", None) or "") > 100:
            view.remove_item(item)
    view.stop()  # nothing to keep in memory: the dynamic items answer every click
    return view
