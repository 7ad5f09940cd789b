-- Issue 9: gateway IDENTIFYs coordinated across processes. Discord allows one IDENTIFY per
-- 5 seconds in each bucket (shard_id % max_concurrency), across every process of the bot:
-- each process reserves the next free time of its bucket here before identifying.
CREATE TABLE identify_slots (
    bucket INTEGER PRIMARY KEY,
    slot   INTEGER NOT NULL                   -- unix seconds (fractions allowed): the latest reserved time
);
