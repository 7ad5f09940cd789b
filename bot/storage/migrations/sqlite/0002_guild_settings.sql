-- Per-server preferences set with /settings: so far, the default citation style.
CREATE TABLE guild_settings (
    guild_id       INTEGER PRIMARY KEY,
    citation_style TEXT,                     -- a key of bot.content.cite.STYLES; NULL: the bot's default
    updated_at     INTEGER NOT NULL
);
