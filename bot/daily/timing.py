"""The daily posts' timings, and the one inequality they must keep with Discord's nonce window.

A send whose outcome is unknown (the process died, the answer was lost) is sent again only after
the channel's history was read in full and the post is not there (`bot.daily.history`). One
case is left that the history cannot see: the first request still in flight, or created just
after the read. Discord's nonce catches that repeat, but only within its window, so every
resend must come within NONCE_WINDOW of the first request it might repeat:

- a take-over of a claim whose process went quiet: the holder's last request started after its
  last renew; a rival takes it no sooner than the lease (plus the grace, for another shard's
  post) after that renew, then reads the history and sends, each bounded by the send timeout:

      lease + grace + 2 × send_timeout  <  NONCE_WINDOW          (60 + 90 + 2 × 15 = 180 s < 300 s)

- a retry of a request that failed with an unknown outcome (the request itself took up to one
  send timeout, the retry waits RETRY_BASE, then reads and sends):

      3 × send_timeout + RETRY_BASE  <  NONCE_WINDOW             (3 × 15 + 30 = 75 s < 300 s)

with send_timeout = lease / 4. `timing_problem` checks both; the configuration refuses values
that break them. Later retries (backing off to 30 min) are past the window by design: by then
the history check has run, and without it nothing is sent again.

The send timeout bounds Discord's time: a send's request, and a history check's requests taken
together. Waiting for the process's own pace (`bot.daily.delivery.Pacer`) before each request is
not counted, or a take-over's checks, queued behind each other, would all time out and meet again
in the same queue at their retry. That wait is at most the send slots over the rate per request,
8 / 45 s at the defaults; the largest check (four permission reads, a thread's, and 50 pages) and the send's
two turns then wait some 10 s in all, well inside the 120 s the defaults leave under the window.
"""

from __future__ import annotations

import datetime as dt

NONCE_WINDOW = dt.timedelta(minutes=5)  # how long Discord drops a repeated nonce ("a few minutes")
CLAIM_LEASE_SECONDS = 60.0  # a claim not renewed for this long may be taken over
TAKEOVER_GRACE_SECONDS = 90.0  # another shard's post this late is taken by any process
RETRY_BASE = dt.timedelta(seconds=30)  # the first retry's wait; doubled each time
RETRY_CAP = dt.timedelta(minutes=30)


def send_timeout(lease: dt.timedelta) -> dt.timedelta:
    """A send's request, and a history check's requests together, are bounded well inside the
    lease (not counting the waits for the process's pace)."""
    return lease / 4


def latest_takeover_resend(lease: dt.timedelta, grace: dt.timedelta) -> dt.timedelta:
    """The longest a take-over's resend can come after the request it might repeat started."""
    return lease + grace + 2 * send_timeout(lease)


def latest_retry_resend(lease: dt.timedelta) -> dt.timedelta:
    """The longest a first retry's resend can come after the failed request started."""
    return 3 * send_timeout(lease) + RETRY_BASE


def timing_problem(lease: dt.timedelta, grace: dt.timedelta) -> str | None:
    """Why these timings could resend after the nonce window without the history check, or None."""
    window = int(NONCE_WINDOW.total_seconds())
    takeover = latest_takeover_resend(lease, grace)
    if takeover >= NONCE_WINDOW:
        return (
            f"claim_lease_seconds × 1.5 + takeover_grace_seconds must stay under {window} s (Discord's nonce "
            f"window), or a post taken over from a stopped process could appear twice; it is "
            f"{takeover.total_seconds():g} s"
        )
    retry = latest_retry_resend(lease)
    if retry >= NONCE_WINDOW:
        return (
            f"claim_lease_seconds × 0.75 + {RETRY_BASE.total_seconds():g} must stay under {window} s (Discord's "
            f"nonce window); it is {retry.total_seconds():g} s"
        )
    return None
