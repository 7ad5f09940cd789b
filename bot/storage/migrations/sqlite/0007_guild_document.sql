-- /settings document: the document a server's commands answer from when none is named.
ALTER TABLE guild_settings ADD COLUMN document TEXT;  -- a loaded symbol; NULL: the bot's default
