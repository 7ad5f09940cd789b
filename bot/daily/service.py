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
from bot.content.model import Document, Ref
from bot.daily.delivery import for_server
from bot.daily.schedule import Order, next_occurrence, pick, sequence
from bot.daily.words import day_words, shown
from bot.i18n import say
from bot.render import Reply, daily_post
from bot.storage import OPEN_STATES, Schedule, Storage

NOTICE_DAYS = 30


def ts(when: dt.datetime, style: TimestampStyle = "F") -> str:
    """A Discord timestamp: every reader sees it in their own time zone."""
    return discord.utils.format_dt(when, style)


def channel_label(channel_id: int, name: str | None, locale: str | None = None) -> str:
    """A stopped schedule's channel, by the name it had (the mention of a deleted channel shows nothing)."""
    return (
        say(locale, "daily-channel-named", name=name)
        if name
        else say(locale, "daily-channel-number", id=str(channel_id))
    )


def mention(channel_id: int) -> str:
    return f"<#{channel_id}>"


def order_words(order: Order, locale: str | None) -> str:
    """An order as the `order` option's choices say it: "document order (PP1…, then OP1…, then again)"."""
    return say(locale, "daily-order", order=order.value)


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
        document: str | None = None,
        *,
        can_read_history: bool | None = None,
        locale: str | None = None,
    ) -> Reply:
        """Set up (or change, or resume) a channel's daily posts; the reply in `locale`."""
        if can_read_history is False:
            # Without it a post whose answer was lost can never be checked, so it is never sent again.
            raise UserError("daily-need-history", channel=mention(channel_id))
        doc = self._document(document, order)
        existing = await self.storage.get_schedule(channel_id)
        if existing is None:
            count = len(await self.storage.guild_schedules(guild_id))
            if count >= self.settings.max_per_server:
                raise UserError("daily-too-many", count=count)
        keep = existing is not None and existing.order == order.value and existing.document == doc.symbol
        position = existing.position if keep and existing else 0
        seed = existing.seed if keep and existing else random.SystemRandom().randrange(2**31)
        # Never a second post for a local date this channel already had one for.
        last = await self.storage.last_day(channel_id)
        day, due = next_occurrence(now, at, zone, not_on_or_before=last)
        schedule = Schedule(
            channel_id=channel_id,
            guild_id=guild_id,
            document=doc.symbol,
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
        verb = "resumed" if existing and existing.paused_reason else ("updated" if existing else "set")
        done = say(
            locale,
            "daily-set-done",
            verb=verb,
            channel=mention(channel_id),
            time=f"{at:%H:%M}",
            zone=str(zone.key),
            order=order_words(order, locale),
            symbol=doc.symbol,
        )
        upcoming = say(
            locale,
            "daily-set-next",
            when=ts(due),
            relative=ts(due, "R"),
            label=ref.label,
            index=index,
            total=total,
        )
        return Reply(content=f"{done}\n{upcoming}", ephemeral=True)

    def _document(self, document: str | None, order: Order) -> Document:
        """The document a schedule posts from: the one named, else (for articles) the one with an annexed
        declaration, else the default; `UserError` when the order has nothing to post in it."""
        if document is not None and document.strip():
            doc = self.library.entry(document).document
        elif order is Order.ARTICLES:
            doc = next((d for d in self.library.documents if sequence(d, order)), self.library.default)
        else:
            doc = self.library.default
        if not sequence(doc, order):
            raise UserError(
                "daily-nothing-in-order",
                symbol=doc.symbol,
                order=order.value,
                operative=len(doc.operative),
                preambular=len(doc.preamble),
            )
        return doc

    async def target(
        self, guild_id: int, channel_id: int | None, here: int | None, option: str = "channel"
    ) -> Schedule:
        """The schedule a command means: the given channel, the only one, or the current channel's."""
        schedules = await self.storage.guild_schedules(guild_id)
        if channel_id is not None:
            for schedule in schedules:
                if schedule.channel_id == channel_id:
                    return schedule
            raise UserError("daily-no-schedule-there", channel=mention(channel_id))
        if not schedules:
            raise UserError("daily-none-yet")
        if len(schedules) == 1:
            return schedules[0]
        for schedule in schedules:
            if schedule.channel_id == here:
                return schedule
        # Mentions only: Discord shows each channel's name, and a comma reads well in every language.
        channels = ", ".join(mention(s.channel_id) for s in schedules)
        raise UserError("daily-say-which", channels=channels, option=option)

    async def stop(
        self, guild_id: int, channel_id: int | None, here: int | None, *, locale: str | None = None
    ) -> Reply:
        schedule = await self.target(guild_id, channel_id, here, option="schedule")
        await self.storage.delete_schedule(schedule.channel_id)
        self.wake()
        where = mention(schedule.channel_id)
        if schedule.channel_name:
            content = say(locale, "daily-stopped-named", channel=where, name=schedule.channel_name)
        else:
            content = say(locale, "daily-stopped", channel=where)
        return Reply(content=content, ephemeral=True)

    async def schedule_choices(self, guild_id: int, typed: str, locale: str | None = None) -> list[tuple[str, str]]:
        """The server's schedules by channel name, deleted channels included, for `/daily stop`."""
        wanted = typed.strip().lstrip("#").casefold()
        out = []
        for s in await self.storage.guild_schedules(guild_id):
            if s.channel_name:
                name = f"#{s.channel_name}"
            else:
                name = say(locale, "daily-choice-channel-number", id=str(s.channel_id))  # an id, not a number to group
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
        locale: str | None = None,
    ) -> Reply:
        """Every schedule of the server, what went wrong lately, and the notices, in `locale`."""
        schedules = await self.storage.guild_schedules(guild_id)
        notices = await self.storage.notices(guild_id, now - dt.timedelta(days=NOTICE_DAYS))
        lines: list[str] = []
        if schedules:
            lines.append(say(locale, "daily-status-title", count=len(schedules), most=self.settings.max_per_server))
        else:
            lines.append(say(locale, "daily-status-none"))
        for s in schedules:
            try:
                ref, index, total = self.upcoming(s)
                what = say(locale, "daily-status-next", label=ref.label, index=index, total=total)
            except ValueError:
                what = say(locale, "daily-status-invalid")
            line = say(
                locale,
                "daily-status-line",
                channel=mention(s.channel_id),
                time=f"{s.post_time:%H:%M}",
                zone=s.timezone,
                order=say(locale, "daily-order-short", order=s.order),
                when=ts(s.next_due),
                what=what,
            )
            if s.paused_reason:
                line += "\n  " + say(locale, "daily-status-paused", reason=shown(s.paused_reason, locale))
            elif s.last_failure and s.last_failure_at:
                problem = shown(s.last_failure, locale)
                line += "\n  " + say(locale, "daily-status-problem", when=ts(s.last_failure_at, "R"), problem=problem)
            if (overdue := await self._overdue(s, now)) is not None:
                line += "\n  " + say(locale, "daily-status-overdue", day=day_words(locale, overdue))
            if history_readable(s.channel_id) is False:
                line += "\n  " + say(locale, "daily-status-no-history")
            lines.append(line)
        for n in notices:
            lines.append(
                say(
                    locale,
                    "daily-status-notice",
                    channel=channel_label(n.channel_id, n.channel_name, locale),
                    message=shown(n.message, locale),
                    when=ts(n.created_at, "R"),
                )
            )
        return Reply(content=_fit_lines(lines, locale=locale), ephemeral=True)

    async def _overdue(self, schedule: Schedule, now: dt.datetime) -> dt.date | None:
        """The day of the channel's last claimed post if it is still open (being sent, or waiting for a
        retry) although its catch-up window has closed: every process that could finish it stalled.
        The scheduler records it as missed when one is back; until then, status must say so itself."""
        day = schedule.next_day - dt.timedelta(days=1)
        delivery = await self.storage.get_delivery(schedule.channel_id, day)
        if delivery is None or delivery.state not in OPEN_STATES or now <= delivery.due + self.settings.catch_up:
            return None
        return day

    async def preview(
        self, guild_id: int, channel_id: int | None, here: int | None, *, locale: str | None = None
    ) -> Reply:
        """The next post as it will go out (in the server's language), under a note in `locale`."""
        schedule = await self.target(guild_id, channel_id, here)
        ref, index, total = self.upcoming(schedule)
        doc = self.library.document_or_default(schedule.document)
        shown_doc, server_locale = await for_server(self.storage, doc, guild_id)
        post = daily_post(shown_doc, ref, index, total, schedule.next_day, server_locale)
        note = say(locale, "daily-preview", channel=mention(schedule.channel_id), when=ts(schedule.next_due))
        return Reply(content=f"{note}\n{post.content or ''}", embeds=post.embeds, ephemeral=True)

    async def skip(
        self, guild_id: int, channel_id: int | None, here: int | None, *, locale: str | None = None
    ) -> Reply:
        schedule = await self.target(guild_id, channel_id, here)
        skipped, _, _ = self.upcoming(schedule)
        moved = await self.storage.advance(schedule.channel_id)
        if moved is None:
            raise UserError("daily-just-stopped")
        ref, index, total = self.upcoming(moved)
        content = say(
            locale,
            "daily-skipped",
            skipped=skipped.label,
            channel=mention(moved.channel_id),
            when=ts(moved.next_due),
            label=ref.label,
            index=index,
            total=total,
        )
        return Reply(content=content, ephemeral=True)


def _fit_lines(lines: list[str], limit: int = 2_000, *, locale: str | None = None) -> str:
    """Whole lines up to Discord's limit: a `<#id>` or `<t:…>` tag is never cut in half."""
    # Room to say what was left out, in any language and for any count (a plural may be longer).
    reserve = max(len(say(locale, "daily-status-more", count=n)) for n in (1, 2, 5, 21, len(lines))) + 1
    kept: list[str] = []
    size = 0
    for i, line in enumerate(lines):
        room = limit if i == len(lines) - 1 else limit - reserve
        if size + len(line) > room:
            kept.append(say(locale, "daily-status-more", count=len(lines) - i))
            break
        kept.append(line)
        size += len(line) + 1
    return "\n".join(kept)
