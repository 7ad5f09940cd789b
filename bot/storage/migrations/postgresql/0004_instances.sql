-- Issue 13 (item 6): every process has a stable identity (its name and shards) and a row here.
-- It refreshes heartbeat_at while it runs (by the database's clock), with its daily scheduler's
-- health, and clears it when it stops cleanly. A second process with the same identity starts only
-- once the heartbeat is stale: two live processes never share one (they would share their claims
-- too). `python -m bot status` reads this table.
CREATE TABLE instances (
    identity           TEXT        PRIMARY KEY,  -- e.g. "host-a shards 0-3 of 8"
    session            TEXT        NOT NULL,     -- this run of the process (a restart gets a new one)
    hostname           TEXT        NOT NULL,
    pid                INTEGER     NOT NULL,
    shards             TEXT        NOT NULL,     -- "0-3 of 8", or "all"
    started_at         TIMESTAMPTZ NOT NULL,
    heartbeat_at       TIMESTAMPTZ,              -- NULL: stopped cleanly
    scheduler_state    TEXT        NOT NULL,     -- starting, running, failing, restarting, stopped
    scheduler_pass_at  TIMESTAMPTZ,              -- the scheduler's last completed pass
    scheduler_error    TEXT,                     -- its last error, one line
    scheduler_restarts INTEGER     NOT NULL DEFAULT 0,
    metrics            TEXT                      -- host:port of /metrics, if served
);
