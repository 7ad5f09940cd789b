-- Daily posts: one schedule per channel, one delivery per channel and local date.
CREATE TABLE schedules (
    channel_id    INTEGER PRIMARY KEY,
    guild_id      INTEGER NOT NULL,
    document      TEXT    NOT NULL,
    post_time     TEXT    NOT NULL,          -- HH:MM, local
    timezone      TEXT    NOT NULL,          -- IANA name
    post_order    TEXT    NOT NULL,
    position      INTEGER NOT NULL DEFAULT 0,
    seed          INTEGER NOT NULL,
    next_due      INTEGER NOT NULL,          -- unix seconds, UTC
    next_day      TEXT    NOT NULL,          -- ISO local date of next_due
    paused_reason TEXT,
    paused_at     INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
-- The scheduler asks only "what is due next": an index on next_due over active schedules.
CREATE INDEX schedules_due ON schedules (next_due) WHERE paused_reason IS NULL;
CREATE INDEX schedules_guild ON schedules (guild_id);

CREATE TABLE deliveries (
    channel_id  INTEGER NOT NULL,
    day         TEXT    NOT NULL,            -- ISO local date
    guild_id    INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    ref         TEXT    NOT NULL,
    state       TEXT    NOT NULL CHECK (state IN ('sending', 'retry', 'sent', 'failed', 'skipped')),
    due         INTEGER NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 1,
    claimant    TEXT,
    claimed_at  INTEGER,
    retry_at    INTEGER,
    message_id  INTEGER,
    error       TEXT,
    PRIMARY KEY (channel_id, day)
);
CREATE INDEX deliveries_open ON deliveries (state, retry_at) WHERE state IN ('sending', 'retry');
