"""The one part of bot.i18n that knows discord.py: command texts through app_commands.Translator,
and the check of what a sync would send.

Catalogue keys come from where a string stands, not from the decorators: a command's description is
`cmd-<qualified name>`, an option's is that message's `.<option>` attribute, a choice's name is
`choice-<option>-<value>`, a context menu's name `menu-<name>`. The cogs keep plain English strings, so
nobody has to touch them to translate them. Slash-command and option names are never translated."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.app_commands import TranslationContextLocation as Where

from bot.i18n.catalogue import LOCALES, SOURCE_LOCALE, Catalogues, Key, catalogue_locale, key_label
from bot.i18n.language import Audience, choose_locale

if TYPE_CHECKING:
    from bot.kept_settings import KeptLanguages

log = logging.getLogger(__name__)

# Discord's limits on what a sync sends (developer documentation, "Application Commands").
DESCRIPTION_LIMIT = 100
CHOICE_NAME_LIMIT = 100
MENU_NAME_LIMIT = 32

ENDONYM = "endonym"
"""locale_str extra: a name that stays as written in every language (a language's own name)."""
OPTION = "option"
"""locale_str extra on a choice name: the option it belongs to (discord.py's context names only the choice)."""


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def command_key(string: app_commands.locale_str, context: app_commands.TranslationContextTypes) -> Key | None:
    """The catalogue key of a command text, or None for what is never translated (slash-command names)."""
    if string.extras.get(ENDONYM):
        return None
    where = context.location
    data: Any = context.data  # its type follows `where` (discord.py's TranslationContext overloads)
    if where in (Where.command_description, Where.group_description):
        return (f"cmd-{slug(data.qualified_name)}", None)
    if where is Where.parameter_description:
        # The name Discord shows (`from`), not the Python one (`from_`) where an option is renamed.
        return (f"cmd-{slug(data.command.qualified_name)}", data.display_name)
    if where is Where.choice_name:
        # Two options may share a value with different names (order:preamble, part:preamble).
        option = string.extras.get(OPTION)
        prefix = f"choice-{slug(option)}-" if option else "choice-"
        return (f"{prefix}{slug(str(data.value))}", None)
    if where is Where.command_name and isinstance(data, app_commands.ContextMenu):
        return (f"menu-{slug(data.name)}", None)
    return None


class CatalogueTranslator(app_commands.Translator):
    """Serves command texts from the catalogues; Discord shows the English default elsewhere."""

    def __init__(self, catalogues: Catalogues) -> None:
        self.catalogues = catalogues

    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: app_commands.TranslationContextTypes
    ) -> str | None:
        served = catalogue_locale(locale.value)
        if served is None or served == SOURCE_LOCALE:
            return None
        key = command_key(string, context)
        if key is None:
            return None
        return self.catalogues.lookup(served, *key)


def translate_choices(tree: app_commands.CommandTree[Any]) -> None:
    """Let discord.py translate every choice name, and say which option each belongs to. discord.py asks
    the translator only for names given as locale_str, and tells it the choice but not its option;
    the cogs write plain strings, and need not change for this."""
    for command in tree.walk_commands():
        if isinstance(command, app_commands.Command):
            for parameter in command.parameters:
                for choice in parameter.choices:  # the command's own Choice objects
                    if choice._locale_name is None:
                        choice._locale_name = app_commands.locale_str(choice.name)
                    choice._locale_name.extras.setdefault(OPTION, parameter.display_name)


def _texts(tree: app_commands.CommandTree[Any]) -> Iterator[tuple[str, app_commands.locale_str, Any]]:
    """(what, string, context) for every translatable text of the tree's commands."""
    for command in tree.walk_commands():
        if isinstance(command, app_commands.ContextMenu):
            continue
        context: app_commands.TranslationContextTypes = (
            app_commands.TranslationContext(Where.group_description, command)
            if isinstance(command, app_commands.Group)
            else app_commands.TranslationContext(Where.command_description, command)
        )
        yield (
            f"/{command.qualified_name}",
            command._locale_description or app_commands.locale_str(command.description),
            context,
        )
        if isinstance(command, app_commands.Command):
            for parameter in command.parameters:
                yield (
                    f"/{command.qualified_name} {parameter.display_name}",
                    parameter.locale_description or app_commands.locale_str(parameter.description),
                    app_commands.TranslationContext(Where.parameter_description, parameter),
                )
                for choice in parameter.choices:
                    yield (
                        f"/{command.qualified_name} {parameter.display_name}: choice {choice.value!r}",
                        choice._locale_name or app_commands.locale_str(choice.name, **{OPTION: parameter.display_name}),
                        app_commands.TranslationContext(Where.choice_name, choice),
                    )
    for kind in (discord.AppCommandType.message, discord.AppCommandType.user):
        for menu in tree.get_commands(type=kind):
            yield (
                f"menu “{menu.name}”",
                menu._locale_name or app_commands.locale_str(menu.name),
                app_commands.TranslationContext(Where.command_name, menu),
            )


def check_command_texts(tree: app_commands.CommandTree[Any], catalogues: Catalogues) -> list[str]:
    """Every command text has its catalogue entry, and the English entry is the text the code sends
    (else every translation may be of an old text)."""
    problems: list[str] = []
    for what, string, context in _texts(tree):
        key = command_key(string, context)
        if key is None:
            continue
        english = catalogues.lookup(SOURCE_LOCALE, *key)
        if english is None:
            problems.append(f"{what}: no message {key_label(key)} in the {SOURCE_LOCALE} catalogue")
        elif english != string.message:
            entry = catalogues.entries(SOURCE_LOCALE)[key]
            problems.append(
                f"{entry.where}: {key_label(key)}: the code now says “{string.message}”; update the English "
                "catalogue and every translation of it"
            )
    return problems


async def sync_payload(
    tree: app_commands.CommandTree[Any], translator: app_commands.Translator
) -> list[dict[str, Any]]:
    """Exactly what `tree.sync()` would send for the global commands, translations included."""
    commands = tree.get_commands()
    return [await command.get_translated_payload(tree, translator) for command in commands]


def check_payload(payload: list[dict[str, Any]]) -> list[str]:
    """Every localised text in a sync payload fits Discord's limits, and every interface language has one."""
    problems: list[str] = []
    wanted = {locale for locale in LOCALES if locale != SOURCE_LOCALE}

    def fits(what: str, texts: dict[str, str], limit: int, *, required: bool = True) -> None:
        if required:
            for locale in sorted(wanted - set(texts)):
                problems.append(f"{what}: no {locale} text")
        for locale, text in sorted(texts.items()):
            if not 1 <= len(text) <= limit:
                problems.append(f"{what} [{locale}]: {len(text)} characters (Discord allows 1–{limit}): “{text}”")

    def options(path: str, items: list[dict[str, Any]]) -> None:
        for option in items:
            here = f"{path} {option['name']}"
            if option.get("name_localizations"):
                problems.append(f"{here}: option names stay English, but it has localised names")
            fits(here, option.get("description_localizations") or {}, DESCRIPTION_LIMIT)
            for choice in option.get("choices") or []:
                endonym = not choice.get("name_localizations")  # language names are written once
                fits(
                    f"{here}: choice {choice['value']!r}",
                    choice.get("name_localizations") or {},
                    CHOICE_NAME_LIMIT,
                    required=not endonym,
                )
            options(here, option.get("options") or [])

    for command in payload:
        if command.get("type", 1) == 1:
            name = f"/{command['name']}"
            if command.get("name_localizations"):
                problems.append(f"{name}: command names stay English, but it has localised names")
            fits(name, command.get("description_localizations") or {}, DESCRIPTION_LIMIT)
            options(name, command.get("options") or [])
        else:
            fits(f"menu “{command['name']}”", command.get("name_localizations") or {}, MENU_NAME_LIMIT)
    return problems


async def check_sync(tree: app_commands.CommandTree[Any], catalogues: Catalogues) -> list[str]:
    """Everything that must hold before the commands are published, as one list of problems."""
    from bot.i18n.checks import check_catalogues, check_glossary, load_glossary

    problems = check_catalogues(catalogues)
    problems += check_glossary(catalogues, load_glossary())
    problems += check_command_texts(tree, catalogues)
    problems += check_payload(await sync_payload(tree, CatalogueTranslator(catalogues)))
    return problems


async def interaction_locale(interaction: discord.Interaction[Any], storage: KeptLanguages, audience: Audience) -> str:
    """The catalogue locale of an answer to `interaction` (bot.i18n.language says in which order).
    The bot passes its kept languages (`bot.languages`), read once per person and server."""
    chosen = server = None
    try:
        person = interaction.user.id if audience is Audience.PERSON else None
        chosen, server = await storage.languages(person, interaction.guild_id)
    except Exception:  # a settings read must never stop an answer: the person's Discord language still holds
        log.exception("Could not read the language settings for interaction %s", interaction.id)
    if audience is Audience.SERVER and interaction.guild_id is None:
        audience = Audience.PERSON  # a DM has no server: the person is the whole audience
    return choose_locale(audience, chosen=chosen, discord_locale=interaction.locale.value, server=server)
