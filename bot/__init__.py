"""resolution-bot: a Discord bot that puts a UN resolution at people's fingertips."""

__version__ = "0.1.0"
