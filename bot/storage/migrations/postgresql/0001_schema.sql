-- The schema of SQLite's migrations 1-3, in PostgreSQL's types: times are timestamptz,
-- local dates are date, Discord ids bigint. Later changes get migrations of their own,
-- in step with the SQLite ones.
CREATE TABLE schedules (
    channel_id      BIGINT      PRIMARY KEY,
    guild_id        BIGINT      NOT NULL,
    document        TEXT        NOT NULL,
    post_time       TEXT        NOT NULL,      -- HH:MM, local
    timezone        TEXT        NOT NULL,      -- IANA name
    post_order      TEXT        NOT NULL,
    position        INTEGER     NOT NULL DEFAULT 0,
    seed            BIGINT      NOT NULL,
    next_due        TIMESTAMPTZ NOT NULL,
    next_day        DATE        NOT NULL,      -- the local date of next_due
    paused_reason   TEXT,
    paused_at       TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    channel_name    TEXT,
    last_failure    TEXT,
    last_failure_at TIMESTAMPTZ
);
-- The scheduler asks only "what is due next": an index on next_due over active schedules.
CREATE INDEX schedules_due ON schedules (next_due) WHERE paused_reason IS NULL;
CREATE INDEX schedules_guild ON schedules (guild_id);

-- One row per (channel, local date), ever: the primary key is what makes a post exactly-once.
CREATE TABLE deliveries (
    channel_id  BIGINT      NOT NULL,
    day         DATE        NOT NULL,
    guild_id    BIGINT      NOT NULL,
    position    INTEGER     NOT NULL,
    ref         TEXT        NOT NULL,
    state       TEXT        NOT NULL CHECK (state IN ('sending', 'retry', 'sent', 'failed', 'skipped')),
    due         TIMESTAMPTZ NOT NULL,
    attempts    INTEGER     NOT NULL DEFAULT 1,
    claimant    TEXT,
    claimed_at  TIMESTAMPTZ,                   -- by the database's clock
    retry_at    TIMESTAMPTZ,
    message_id  BIGINT,
    error       TEXT,
    uncertain   BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (channel_id, day)
);
CREATE INDEX deliveries_open ON deliveries (state, retry_at) WHERE state IN ('sending', 'retry');
CREATE INDEX deliveries_day ON deliveries (day);

CREATE TABLE guild_settings (
    guild_id       BIGINT      PRIMARY KEY,
    citation_style TEXT,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE daily_notices (
    guild_id     BIGINT      NOT NULL,
    channel_id   BIGINT      NOT NULL,
    channel_name TEXT,
    message      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX daily_notices_guild ON daily_notices (guild_id, created_at);
