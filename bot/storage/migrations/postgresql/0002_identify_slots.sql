-- Gateway IDENTIFYs coordinated across processes and hosts: Discord allows one IDENTIFY per
-- 5 seconds in each bucket (shard_id % max_concurrency), across every process of the bot.
-- Each process reserves the next free time of its bucket here (by the database's clock).
CREATE TABLE identify_slots (
    bucket INTEGER     PRIMARY KEY,
    slot   TIMESTAMPTZ NOT NULL                -- the latest reserved time
);
