-- /settings server-language and /settings language: the interface language a server chose for its
-- public answers and daily posts, and the one a person chose for their own answers.
ALTER TABLE guild_settings ADD COLUMN language TEXT;  -- a catalogue locale (bot.i18n.LOCALES); NULL: English

CREATE TABLE user_settings (
    user_id    INTEGER PRIMARY KEY,
    language   TEXT    NOT NULL,   -- a catalogue locale; no row: follow the person's Discord language
    updated_at INTEGER NOT NULL
);
