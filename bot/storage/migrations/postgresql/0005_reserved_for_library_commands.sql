-- A placeholder on the i18n branch only: number 5 belongs to the library-commands branch
-- (guild document). Migration numbers must run 1..n without gaps, so this empty step stands in
-- for it until the branches are merged; delete this file when library-commands' 0005 is merged.
SELECT 1;
