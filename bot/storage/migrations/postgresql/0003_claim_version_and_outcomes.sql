-- Issue 13, as SQLite's 0005: a claim version bumped by every take-over and checked by every
-- renew, finish and retry; and the end states `unconfirmed` and `missed`.
ALTER TABLE deliveries ADD COLUMN claim_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_state_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_state_check
    CHECK (state IN ('sending', 'retry', 'sent', 'failed', 'skipped', 'unconfirmed', 'missed'));
