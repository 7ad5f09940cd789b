-- A placeholder on the daily-ops branch only: number 3 belongs to the daily-fixes branch (claim
-- tokens, issue 13). Migration numbers must run 1..n without gaps, so this empty step stands in
-- for it until the branches are merged; delete this file when daily-fixes' 0003 is merged.
SELECT 1;
