-- Issue 13: one claim, one holder. `claim_version` is bumped by every take-over (and by a
-- restart taking its own claims back); renew, finish and retry_later change a delivery only
-- while the version they hold is still the stored one. Two new end states, shown in /daily
-- status in words: `unconfirmed` (a send whose outcome is unknown, and the channel's history
-- could not be read to tell: never sent again, so never twice) and `missed` (its catch-up
-- window ended before it could be sent). SQLite cannot change a CHECK constraint in place:
-- the table is rebuilt.
CREATE TABLE deliveries_new (
    channel_id    INTEGER NOT NULL,
    day           TEXT    NOT NULL,            -- ISO local date
    guild_id      INTEGER NOT NULL,
    position      INTEGER NOT NULL,
    ref           TEXT    NOT NULL,
    state         TEXT    NOT NULL
                  CHECK (state IN ('sending', 'retry', 'sent', 'failed', 'skipped', 'unconfirmed', 'missed')),
    due           INTEGER NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 1,
    claimant      TEXT,
    claimed_at    INTEGER,
    retry_at      INTEGER,
    message_id    INTEGER,
    error         TEXT,
    uncertain     INTEGER NOT NULL DEFAULT 0,
    claim_version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (channel_id, day)
);
INSERT INTO deliveries_new (channel_id, day, guild_id, position, ref, state, due, attempts, claimant, claimed_at,
                            retry_at, message_id, error, uncertain)
SELECT channel_id, day, guild_id, position, ref, state, due, attempts, claimant, claimed_at,
       retry_at, message_id, error, uncertain FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_new RENAME TO deliveries;
CREATE INDEX deliveries_open ON deliveries (state, retry_at) WHERE state IN ('sending', 'retry');
CREATE INDEX deliveries_day ON deliveries (day);
