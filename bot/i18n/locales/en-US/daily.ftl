# The daily posts: every /daily reply and error, what /daily status says went wrong, and the post's header.
# `<#…>` mentions and Discord timestamps are passed in ready-made: Discord shows them in each reader's language.

## The post itself (in the server's language)

# The date in a post's header: written out here, not by CLDR, so that the header stays the same
# string for as long as a post may be looked for in the channel's history.
daily-date = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
daily-header = **Paragraph of the day** · { $date }
daily-post = { $header } · { $index } of { $total }

## Lists and names

daily-list-separator = {", "}
daily-perm-view-channel = View Channel
daily-perm-embed-links = Embed Links
daily-perm-send-messages = Send Messages
daily-perm-send-messages-in-threads = Send Messages in Threads
# An order in a sentence: the same words as the `order` option's choices.
daily-order = { $order ->
        [document] { choice-order-document }
        [operative] { choice-order-operative }
        [preamble] { choice-order-preamble }
        [random] { choice-order-random }
       *[articles] { choice-order-articles }
    }
# An order in /daily status's list ("document order").
daily-order-short = { $order ->
        [document] document order
        [operative] operative order
        [preamble] preamble order
        [random] random order
       *[articles] articles order
    }
daily-channel-named = #{ $name }
daily-channel-number = the channel { $id }
daily-choice-channel-number = channel { $id }

## /daily set, stop, skip, preview

daily-set-done = { $verb ->
        [resumed] Resumed
        [updated] Updated
       *[set] Set up
    } daily posts in { $channel }: every day at { $time } { $zone }, { $order }, from { $symbol }.
daily-set-next = Next post { $when } ({ $relative }): { $label } ({ $index } of { $total }).
daily-stopped = Stopped daily posts in { $channel }.
daily-stopped-named = Stopped daily posts in { $channel } (#{ $name }).
daily-skipped = Skipped { $skipped } in { $channel }. Next post { $when }: { $label } ({ $index } of { $total }).
daily-preview = Preview of the next post in { $channel }, { $when }:

## /daily status

daily-status-title = **Daily posts** ({ $count } of { $most })
daily-status-none = No daily posts in this server. Set them up with `/daily set channel:`.
daily-status-line = • { $channel } at { $time } { $zone }, { $order } — next { $when }: { $what }
daily-status-next = { $label } ({ $index } of { $total })
daily-status-invalid = (settings no longer valid)
daily-status-paused = ⏸ **Paused**: { $reason }. Fix it, then run `/daily set` for this channel to resume.
daily-status-problem = ⚠ Last problem { $when }: { $problem }.
daily-status-overdue = ⚠ The post for { $day } did not go out before its catch-up window closed: the bot stalled while sending it. It will be recorded as missed, never posted late.
daily-status-no-history = ⚠ I don't have the **Read Message History** permission there: if a post's answer is lost, I can't check whether it arrived, so I won't post it again. Grant it to keep posts reliable.
daily-status-notice = • { $channel }: { $message } ({ $when }).
daily-status-more = … and { $count } more.

## What went wrong with a post (kept, then shown in /daily status)

daily-why-no-history = I don't have the Read Message History permission in the channel to look for it
daily-why-unknown-permission = I could not check whether I may read the channel's history, and I did not find it there
daily-why-refused = Discord refused to show me the channel's history
daily-why-too-busy = more than { $count } messages were posted in the channel since, too many to look through
daily-why-unread = I could not read the channel's history in time
daily-why-late = the bot could not send it in time
daily-why-gone = the channel was deleted
daily-why-not-found = Discord could not find the channel
daily-why-lost-access = I lost access to this channel or the permission to post there
daily-why-server-problem = Discord had a server problem (will retry)
daily-why-slow-down = Discord asked me to slow down
daily-why-refused-post = Discord refused the post
daily-why-unreachable = I could not reach Discord (will retry)
daily-why-no-answer = Discord did not answer in time (will retry)
daily-why-temporary = a temporary problem reaching Discord
daily-why-attempts = { $problem }, after { $count } attempt(s)
daily-retrying = { $problem }; retrying
daily-unconfirmed = the post for { $day } may have reached Discord, but { $reason }, so I could not confirm whether Discord accepted it; I did not post again so it is never posted twice
daily-missed = the post for { $day } was missed: { $why }, and its catch-up window ({ $hours } h after its time) has ended, so it was not posted late
daily-down-one = the post for { $day } was missed: the bot was down (or could not reach its database) at the time, and was back only after the catch-up window ({ $hours } h after the post's time), so it was not posted late
daily-down-range = the posts from { $first } to { $last } were missed: the bot was down (or could not reach its database) at the time, and was back only after the catch-up window ({ $hours } h after the post's time), so it was not posted late
daily-deleted = the channel was deleted, so its daily posts stopped
daily-zone-gone = its time zone “{ $zone }” no longer exists in the time-zone database; run `/daily set` with a current zone such as Europe/Zurich
daily-settings-invalid = its stored settings are no longer valid; run `/daily set` for this channel again
daily-keeps-failing = something kept going wrong on the bot's side when preparing the post

## Errors

daily-need-manage = You need the Manage Server permission, or Manage Channels, to change daily posts.
daily-need-manage-in = You need the Manage Server permission, or Manage Channels on { $channel }, to change daily posts.
daily-status-need-manage = You need the Manage Server or Manage Channels permission to see the daily posts.
daily-not-postable = { $channel } is a { $kind ->
        [stage_voice] stage voice
       *[other] { $kind }
    } channel. Daily posts go to a text channel, an announcement channel or a thread.
daily-cannot-see = I can't see { $channel }. Give me the View Channel permission there (or add me to the thread) and try again.
daily-not-a-channel = { $channel } is not a channel I can post in.
daily-cannot-check = I can't check my permissions in this server right now; try again in a minute.
daily-missing-permissions = I can't post in { $channel }: I'm missing { $missing } there. Grant them in the channel's settings → Permissions, then run this again.
daily-locked-thread = { $channel } is a locked thread, so I can't post in it. Unlock it or pick another channel.
daily-private-thread = { $channel } is a private thread I'm not in. Add me to it (mention me there) first.
daily-pick-from-list = Pick the channel from the list that appears as you type (deleted channels are there too).
daily-need-history = I need the Read Message History permission in { $channel } for daily posts: it is how I check whether a post reached Discord before trying it again, so none is ever posted twice. Grant it in the channel's settings → Permissions, then run this again.
daily-too-many = This server already has { $count } daily schedules, the most allowed. Stop one with `/daily stop` first, or change an existing channel's with `/daily set`.
daily-nothing-in-order = { $symbol } has nothing to post in that order ({ daily-order }); it has operative paragraphs 1–{ $operative }{ $preambular ->
        [0] {""}
       *[other] {" "}and preambular paragraphs PP1–PP{ $preambular }
    }.
daily-no-schedule-there = { $channel } has no daily posts. Set them up with `/daily set`.
daily-none-yet = This server has no daily posts yet. Set them up with `/daily set channel:`.
daily-say-which = This server has daily posts in { $channels }: say which with the `{ $option }` option.
daily-just-stopped = That schedule was just stopped.
daily-bad-time = “{ $text }” is not a time: use 24-hour HH:MM, e.g. 09:00 or 18:30.
daily-bad-zone = “{ $zone }” is not a time zone I know. Use an IANA name such as Europe/Geneva, America/New_York or UTC (start typing for suggestions).
