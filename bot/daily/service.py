"""What the /daily commands do, given already-checked arguments: storage in, `Reply` out."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import discord
from discord.utils import TimestampStyle

from bot.config import DailySettings
from bot.content.errors import UserError
from bot.content.library import Library
from bot.content.model import Ref
from bot.daily.schedule import Order, next_occurrence, pick
from bot.render import Reply, daily_post
from bot.storage import Schedule, Storage

NOTICE_DAYS = 30


def ts(when: dt.datetime, style: TimestampStyle = "F") -> str:
    """A Discord timestamp: every reader sees it in their own time zone."""
    return discord.utils.format_dt(when, style)


def channel_label(channel_id: int, name: str | None) -> str:
    """A stopped schedule's channel, by the name it had (the mention of a deleted channel shows nothing)."""
    return f"#{name}" if name else f"the channel {channel_id}"


@dataclass
class DailyService:
    storage: Storage
    library: Library
    settings: DailySettings
    wake: Callable[[], None] = lambda: None

    def upcoming(self, schedule: Schedule) -> tuple[Ref, int, int]:
        return pick(
            self.library.document_or_default(schedule.document), Order(schedule.order), schedule.seed, schedule.position
        )

    async def set(
        self,
        guild_id: int,
        channel_id: int,
        at: dt.time,
        zone: ZoneInfo,
        order: Order,
        now: dt.datetime,
        channel_name: str | None = None,
        *,
        can_read_history: bool | None = None,
    ) -> Reply:
        if can_read_history is False:
            # Without it a post whose answer was lost can never be checked, so it is never sent again.
            raise UserError(
                f"I need the Read Message History permission in <#{channel_id}> for daily posts: it is how I "
                "check whether a post reached Discord before trying it again, so none is ever posted twice. "
                "Grant it in the channel's settings → Permissions, then run this again."
            )
        existing = await self.storage.get_schedule(channel_id)
        if existing is None:
            count = len(await self.storage.guild_schedules(guild_id))
            if count >= self.settings.max_per_server:
                raise UserError(
                    f"This server already has {count} daily schedules, the most allowed. "
                    "Stop one with `/daily stop` first, or change an existing channel's with `/daily set`."
                )
        keep = existing is not None and existing.order == order.value
        position = existing.position if keep and existing else 0
        seed = existing.seed if keep and existing else random.SystemRandom().randrange(2**31)
        # Never a second post for a local date this channel already had one for.
        last = await self.storage.last_day(channel_id)
        day, due = next_occurrence(now, at, zone, not_on_or_before=last)
        schedule = Schedule(
            channel_id=channel_id,
            guild_id=guild_id,
            document=self.library.default_symbol,
            post_time=at,
            timezone=str(zone.key),
            order=order.value,
            position=position,
            seed=seed,
            next_due=due,
            next_day=day,
            channel_name=channel_name,
        )
        await self.storage.save_schedule(schedule, now=now)
        self.wake()
        ref, index, total = self.upcoming(schedule)
        verb = "Resumed" if existing and existing.paused_reason else ("Updated" if existing else "Set up")
        return Reply(
            content=(
                f"{verb} daily posts in <#{channel_id}>: every day at {at:%H:%M} {zone.key}, {order.description}.\n"
                f"Next post {ts(due)} ({ts(due, 'R')}): {ref.label} ({index} of {total})."
            ),
            ephemeral=True,
        )

    async def target(
        self, guild_id: int, channel_id: int | None, here: int | None, option: str = "channel"
    ) -> Schedule:
        """The schedule a command means: the given channel, the only one, or the current channel's."""
        schedules = await self.storage.guild_schedules(guild_id)
        if channel_id is not None:
            for schedule in schedules:
                if schedule.channel_id == channel_id:
                    return schedule
            raise UserError(f"<#{channel_id}> has no daily posts. Set them up with `/daily set`.")
        if not schedules:
            raise UserError("This server has no daily posts yet. Set them up with `/daily set channel:`.")
        if len(schedules) == 1:
            return schedules[0]
        for schedule in schedules:
            if schedule.channel_id == here:
                return schedule
        channels = ", ".join(f"<#{s.channel_id}>" for s in schedules)
        raise UserError(f"This server has daily posts in {channels}: say which with the `{option}` option.")

    async def stop(self, guild_id: int, channel_id: int | None, here: int | None) -> Reply:
        schedule = await self.target(guild_id, channel_id, here, option="schedule")
        await self.storage.delete_schedule(schedule.channel_id)
        self.wake()
        where = f"<#{schedule.channel_id}>" + (f" (#{schedule.channel_name})" if schedule.channel_name else "")
        return Reply(content=f"Stopped daily posts in {where}.", ephemeral=True)

    async def schedule_choices(self, guild_id: int, typed: str) -> list[tuple[str, str]]:
        """The server's schedules by channel name, deleted channels included, for `/daily stop`."""
        wanted = typed.strip().lstrip("#").casefold()
        out = []
        for s in await self.storage.guild_schedules(guild_id):
            name = f"#{s.channel_name}" if s.channel_name else f"channel {s.channel_id}"
            label = f"{name} · {s.post_time:%H:%M} {s.timezone}"[:100]
            if wanted in label.casefold() or wanted in str(s.channel_id):
                out.append((label, str(s.channel_id)))
        return out[:25]

    async def status(
        self,
        guild_id: int,
        now: dt.datetime,
        *,
        history_readable: Callable[[int], bool | None] = lambda channel_id: None,
    ) -> Reply:
        schedules = await self.storage.guild_schedules(guild_id)
        notices = await self.storage.notices(guild_id, now - dt.timedelta(days=NOTICE_DAYS))
        lines: list[str] = []
        if schedules:
            lines.append(f"**Daily posts** ({len(schedules)} of {self.settings.max_per_server})")
        else:
            lines.append("No daily posts in this server. Set them up with `/daily set channel:`.")
        for s in schedules:
            try:
                ref, index, total = self.upcoming(s)
                what = f"{ref.label} ({index} of {total})"
            except ValueError:
                what = "(settings no longer valid)"
            line = f"• <#{s.channel_id}> at {s.post_time:%H:%M} {s.timezone}, {s.order} order — next {ts(s.next_due)}: {what}"
            if s.paused_reason:
                line += (
                    f"\n  ⏸ **Paused**: {s.paused_reason}. Fix it, then run `/daily set` for this channel to resume."
                )
            elif s.last_failure and s.last_failure_at:
                line += f"\n  ⚠ Last problem {ts(s.last_failure_at, 'R')}: {s.last_failure}."
            if history_readable(s.channel_id) is False:
                line += (
                    "\n  ⚠ I don't have the **Read Message History** permission there: if a post's answer is lost, "
                    "I can't check whether it arrived, so I won't post it again. Grant it to keep posts reliable."
                )
            lines.append(line)
        for n in notices:
            lines.append(f"• {channel_label(n.channel_id, n.channel_name)}: {n.message} ({ts(n.created_at, 'R')}).")
        return Reply(content=_fit_lines(lines), ephemeral=True)

    async def preview(self, guild_id: int, channel_id: int | None, here: int | None) -> Reply:
        schedule = await self.target(guild_id, channel_id, here)
        ref, index, total = self.upcoming(schedule)
        post = daily_post(self.library.document_or_default(schedule.document), ref, index, total, schedule.next_day)
        note = f"Preview of the next post in <#{schedule.channel_id}>, {ts(schedule.next_due)}:\n"
        return Reply(content=note + (post.content or ""), embeds=post.embeds, ephemeral=True)

    async def skip(self, guild_id: int, channel_id: int | None, here: int | None) -> Reply:
        schedule = await self.target(guild_id, channel_id, here)
        skipped, _, _ = self.upcoming(schedule)
        moved = await self.storage.advance(schedule.channel_id)
        if moved is None:
            raise UserError("That schedule was just stopped.")
        ref, index, total = self.upcoming(moved)
        return Reply(
            content=(
                f"Skipped {skipped.label} in <#{moved.channel_id}>. "
                f"Next post {ts(moved.next_due)}: {ref.label} ({index} of {total})."
            ),
            ephemeral=True,
        )


def _fit_lines(lines: list[str], limit: int = 2_000) -> str:
    """Whole lines up to Discord's limit: a `<#id>` or `<t:…>` tag is never cut in half."""
    kept: list[str] = []
    size = 0
    for i, line in enumerate(lines):
        room = limit if i == len(lines) - 1 else limit - 30  # leave room to say what was left out
        if size + len(line) > room:
            kept.append(f"… and {len(lines) - i} more.")
            break
        kept.append(line)
        size += len(line) + 1
    return "\n".join(kept)
