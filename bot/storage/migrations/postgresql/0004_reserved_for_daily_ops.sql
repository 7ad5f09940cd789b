-- A placeholder on the library-commands branch only: number 4 belongs to the daily-ops branch
-- (instances). Migration numbers must run 1..n without gaps, so this empty step stands in for it
-- until the branches are merged; delete this file when daily-ops' 0004 is merged.
SELECT 1;
