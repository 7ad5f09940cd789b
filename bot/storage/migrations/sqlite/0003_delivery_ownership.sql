-- Issue 7: a send whose outcome is unknown is marked uncertain (history check before a resend);
-- schedules remember their channel's name (to say which channel was deleted) and their last
-- failure in words; notices tell a server what happened to schedules that are gone.
ALTER TABLE deliveries ADD COLUMN uncertain INTEGER NOT NULL DEFAULT 0;
ALTER TABLE schedules ADD COLUMN channel_name TEXT;
ALTER TABLE schedules ADD COLUMN last_failure TEXT;
ALTER TABLE schedules ADD COLUMN last_failure_at INTEGER;
CREATE TABLE daily_notices (
    guild_id     INTEGER NOT NULL,
    channel_id   INTEGER NOT NULL,
    channel_name TEXT,
    message      TEXT    NOT NULL,            -- for people: no error codes
    created_at   INTEGER NOT NULL
);
CREATE INDEX daily_notices_guild ON daily_notices (guild_id, created_at);
CREATE INDEX deliveries_day ON deliveries (day);
