"""Sending a `Reply` through an interaction, with its buttons.

Buttons are discord.py `DynamicItem`s: everything they need lives in their
`custom_id` (who invoked the command, and a *source* that `Answers.replay`
turns back into a reply), so they work on messages of any age and after any
restart. Views are never kept in memory: each is stopped before it is sent.

- Previous / Next / More: the person who ran the command moves through the
  text by editing the reply; anyone else gets their own private copy. More
  has an action of its own (`more`), so its custom_id never equals Next's when
  what is left over is also the next unit (Discord refuses a message whose
  custom_ids repeat).
- Footnotes / Cite: a private answer for whoever clicks.
- Post to channel (on private answers): the same answer, publicly.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
from discord import app_commands

from bot.content.errors import UserError
from bot.render import Navigation, Reply, error_reply

if TYPE_CHECKING:
    from bot.client import ResolutionBot  # noqa: F401 (named in a string below)

log = logging.getLogger(__name__)

Interaction = discord.Interaction["ResolutionBot"]
NONE = discord.AllowedMentions.none()


def _kwargs(reply: Reply) -> dict[str, Any]:
    return {"content": reply.content, "embeds": list(reply.embeds), "allowed_mentions": NONE}


# Discord gives 3 s for the first answer and 15 min for follow-ups. A request that hangs past
# these is pointless, and it would hold discord.py's shared bucket for interaction callbacks
# (without rate-limit headers, one request at a time) until aiohttp's 300 s timeout.
ANSWER_TIMEOUT = 5.0
FOLLOW_UP_TIMEOUT = 30.0


async def send(interaction: Interaction, reply: Reply, *, owner: int | None = None) -> None:
    """Answer the interaction (or follow up if it was answered or deferred), with the reply's buttons."""
    kwargs = _kwargs(reply)
    view = build_view(reply, interaction.user.id if owner is None else owner)
    if view is not None:
        kwargs["view"] = view
    if interaction.response.is_done():
        await asyncio.wait_for(interaction.followup.send(ephemeral=reply.ephemeral, **kwargs), FOLLOW_UP_TIMEOUT)
    else:
        await asyncio.wait_for(interaction.response.send_message(ephemeral=reply.ephemeral, **kwargs), ANSWER_TIMEOUT)


async def edit(interaction: Interaction, reply: Reply, *, owner: int) -> None:
    """Replace the message a button is on (the invoker moving through the text)."""
    view = build_view(reply, owner) or discord.ui.View()
    await asyncio.wait_for(interaction.response.edit_message(**_kwargs(reply), view=view), ANSWER_TIMEOUT)


def choices(make: Callable[[], list[tuple[str, str]]]) -> list[app_commands.Choice[str]]:
    """Autocomplete choices that can never fail: Discord shows "Loading options failed" for an error."""
    try:
        pairs = make()
    except Exception:
        log.exception("Autocomplete failed; answering with no choices")
        pairs = []
    valid = [(n, v) for n, v in pairs if 1 <= len(n) <= 100 and 1 <= len(v) <= 100]
    return [app_commands.Choice(name=n, value=v) for n, v in valid[:25]]


# -- the buttons ------------------------------------------------------------------


class SourceButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=r"rb:(?P<action>go|more|show|post):(?P<owner>\d+):(?P<source>.+)",
):
    """A button whose custom_id is `rb:<action>:<owner>:<source>`:

    - `go` (Previous, Next) and `more` (More): the owner's reply moves; anyone else gets a private copy;
    - `show` (Footnotes, Cite): a private answer for whoever clicks;
    - `post` (Post to channel, on private answers): the same answer, publicly, through the
      interaction, so it works where the bot cannot send (installed to a user's account).
    """

    def __init__(self, action: str, source: str, owner: int, label: str = "", *, emoji: str | None = None) -> None:
        super().__init__(
            discord.ui.Button(
                label=label or None,
                emoji=emoji,
                style=discord.ButtonStyle.secondary,
                custom_id=f"rb:{action}:{owner}:{source}",
            )
        )
        self.action = action
        self.source = source
        self.owner = owner

    @classmethod
    async def from_custom_id(  # type: ignore[override]
        cls, interaction: Interaction, item: discord.ui.Button[discord.ui.View], match: re.Match[str]
    ) -> SourceButton:
        return cls(match["action"], match["source"], int(match["owner"]), item.label or "")

    async def callback(self, interaction: Interaction) -> None:  # type: ignore[override]
        bot = interaction.client
        try:
            reply = bot.answers.replay(self.source, style=await bot.citation_style(interaction))
            if self.action in ("go", "more") and interaction.user.id == self.owner:
                await edit(interaction, reply, owner=self.owner)
            else:
                public = self.action == "post"
                await send(interaction, dataclasses.replace(reply, ephemeral=not public), owner=interaction.user.id)
        except UserError as exc:
            await send(interaction, error_reply(exc.message))
        except discord.HTTPException as exc:
            log.warning("Button %s: Discord refused the answer (HTTP %s)", self.action, exc.status)
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.warning("Button %s: the answer did not reach Discord (%s)", self.action, type(exc).__name__)


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (SourceButton,)


def _disabled(label: str, emoji: str, key: str) -> discord.ui.Button[discord.ui.View]:
    return discord.ui.Button(
        label=label, emoji=emoji, style=discord.ButtonStyle.secondary, disabled=True, custom_id=f"rb:end:{key}"
    )


def build_view(reply: Reply, owner: int) -> discord.ui.View | None:
    """The buttons a reply's `Navigation` asks for; None when it has none."""
    nav: Navigation | None = reply.nav
    if nav is None:
        return None
    view = discord.ui.View(timeout=None)
    if nav.paged:
        previous = SourceButton("go", nav.previous, owner, "Previous", emoji="◀") if nav.previous else None
        following = SourceButton("go", nav.next, owner, "Next", emoji="▶") if nav.next else None
        view.add_item(previous or _disabled("Previous", "◀", "prev"))
        view.add_item(following or _disabled("Next", "▶", "next"))
    if nav.footnotes:
        view.add_item(SourceButton("show", nav.footnotes, owner, "Footnotes"))
    if nav.cite:
        view.add_item(SourceButton("show", nav.cite, owner, "Cite"))
    if nav.link:
        view.add_item(discord.ui.Button(label="Official text", url=nav.link, style=discord.ButtonStyle.link))
    if nav.more:
        view.add_item(SourceButton("more", nav.more, owner, "More", emoji="⏬"))
    if reply.ephemeral and nav.source:
        view.add_item(SourceButton("post", nav.source, owner, "Post to channel"))
    for item in view.children:  # custom_ids over Discord's limit would make the whole message fail
        if len(getattr(item, "custom_id", None) or "") > 100:
            view.remove_item(item)
    view.stop()  # nothing to keep in memory: the dynamic items answer every click
    return view
