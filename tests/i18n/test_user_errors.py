"""Errors in the reader's language: every `UserError` names a message of the catalogues, and the tree
answers every failure privately, in the language of whoever asked."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import discord
import pytest
from discord import app_commands
from fluent.syntax import ast as ftl

import bot
from bot.content.errors import UserError
from bot.i18n import LOCALES, SOURCE_LOCALE, say
from bot.i18n.catalogue import Catalogues, shipped_catalogues
from tests.conftest import DiscordEnv
from tests.fakediscord import CHANNEL_ID, USER_ID, component_payload, interaction_payload, message_payload, option

BOT = Path(bot.__file__).resolve().parent

TRANSLATED = [locale for locale in LOCALES if locale != SOURCE_LOCALE]


# -- every raise names a message, with the arguments it needs ------------------------------------------


def needed(catalogues: Catalogues, key: str) -> set[str]:
    """The $arguments an English message needs, with those of the messages it includes ({ err-outline })."""
    entry = catalogues.entries(SOURCE_LOCALE)[(key, None)]
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, ftl.VariableReference):
            found.add(node.id.name)
        if isinstance(node, ftl.MessageReference) and node.attribute is None:
            found.update(needed(catalogues, node.id.name))
        if isinstance(node, ftl.BaseNode):
            for value in vars(node).values():
                for child in value if isinstance(value, list) else [value]:
                    walk(child)

    walk(entry.pattern)
    return found


def _called(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def offenders(source: str, where: str, catalogues: Catalogues) -> list[str]:
    """`where:line: why` for each `UserError(…)` in `source` that does not name an English message with
    exactly its arguments (at least none it lacks, when some come as `**outline(doc)`)."""
    problems: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and _called(node.func) == "UserError"):
            continue
        at = f"{where}:{node.lineno}"
        first = node.args[0] if node.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            problems.append(f"{at}: the message is not a catalogue id written out (a literal string)")
            continue
        key = first.value
        if not catalogues.has(SOURCE_LOCALE, key):
            problems.append(f"{at}: “{key[:60]}” is not a message of the {SOURCE_LOCALE} catalogue")
            continue
        given = {k.arg for k in node.keywords if k.arg is not None}
        spread = any(k.arg is None for k in node.keywords)
        wanted = needed(catalogues, key)
        if given - wanted:
            problems.append(f"{at}: {key} does not use {', '.join(sorted(given - wanted))}")
        if not spread and wanted - given:
            problems.append(f"{at}: {key} needs {', '.join(sorted(wanted - given))}")
    return problems


def bot_sources() -> Iterator[tuple[str, str]]:
    for path in sorted(BOT.rglob("*.py")):
        yield f"bot/{path.relative_to(BOT).as_posix()}", path.read_text(encoding="utf-8")


def test_every_user_error_names_a_catalogue_message_with_its_arguments() -> None:
    catalogues = shipped_catalogues()
    problems = [p for where, source in bot_sources() for p in offenders(source, where, catalogues)]
    assert problems == [], "\n".join(problems)
    raises = sum(
        1
        for _, source in bot_sources()
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and _called(node.func) == "UserError"
    )
    assert raises > 30  # the walk sees the raises (a rename of UserError would make this vacuous)


def test_the_check_names_each_kind_of_offender_by_file_and_line() -> None:
    source = (
        "raise UserError(f'There is no paragraph {n}.')\n"
        "raise UserError('err-no-article', symbol=s)\n"
        "raise UserError('err-old-button', symbol=s)\n"
        "raise UserError('err-no-such-part', kind=k, number=n, **outline(doc))\n"
    )
    assert offenders(source, "bot/x.py", shipped_catalogues()) == [
        "bot/x.py:1: the message is not a catalogue id written out (a literal string)",
        "bot/x.py:2: err-no-article needs article",
        "bot/x.py:3: err-old-button does not use symbol",
    ]


# A list's separator may be the same as English's; a permission not named in the catalogue shows as Discord calls it.
SAME_EVERYWHERE = {"err-list-separator", "err-permission"}


def test_every_error_message_formats_in_every_language() -> None:
    catalogues = shipped_catalogues()
    keys = [k for (k, attribute) in catalogues.entries(SOURCE_LOCALE) if attribute is None]
    keys = [k for k in keys if k.startswith(("err-", "set-"))]
    assert len(keys) > 50
    for key in keys:
        args = dict.fromkeys(needed(catalogues, key), 3)
        english = catalogues.format(SOURCE_LOCALE, key, **args)
        for locale in TRANSLATED:
            text = catalogues.lookup(locale, key, **args)
            assert text, (locale, key)
            if key not in SAME_EVERYWHERE:
                assert text != english, (locale, key)


def test_an_error_is_said_in_the_language_asked_and_in_english_for_the_logs() -> None:
    error = UserError("err-range-backwards", start="7", end="4")
    assert error.text("fr") == "La plage 7-4 est à l’envers\u00a0: vouliez-vous dire 4-7\u00a0?"
    assert error.text("zh-TW") == "范围 7-4 是倒序的：你是指 4-7 吗？"
    assert error.text("de") == str(error) == "The range 7-4 runs backwards: did you mean 4-7?"
    assert (
        UserError("err-no-footnote", number="1200", footnotes=0)
        .text("fr")
        .startswith(
            "Il n’y a pas de note de bas de page 1200\u00a0:"  # a number someone typed is echoed as typed
        )
    )


# -- through the real tree, as Discord sends it --------------------------------------------------------


async def answer(env: DiscordEnv, payload: dict[str, Any], locale: str) -> str:
    """The content of the private answer to `payload` sent from a client in `locale`."""
    payload["locale"] = locale
    sent = await env.dispatch(payload)
    assert sent.json["type"] == 4, sent.json
    data: dict[str, Any] = sent.json["data"]
    assert data["flags"] & discord.MessageFlags.ephemeral.flag, data
    assert not data.get("embeds") and not data.get("components")
    assert len(data["content"]) <= 2000
    content: str = data["content"]
    return content


BAD_REFERENCE = {
    "fr": "Le paragraphe du dispositif 999 n’existe pas\u00a0: cette résolution comporte les paragraphes du dispositif "
    "1 à 17 et les alinéas du préambule PP1 à PP15.",
    "es-ES": "No existe el párrafo de la parte dispositiva 999: esta resolución tiene los párrafos de la parte "
    "dispositiva 1 a 17 y los párrafos del preámbulo PP1 a PP15.",
    "ru": "Пункта постановляющей части 999 нет: в этой резолюции есть пункты постановляющей части 1–17 и пункты "
    "преамбулы PP1–PP15.",
    "zh-CN": "没有执行部分第999段：本决议包含执行部分第1至17段以及序言部分 PP1–PP15。",
}


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_a_bad_reference_is_answered_in_the_readers_language(env: DiscordEnv, locale: str) -> None:
    content = await answer(env, interaction_payload("paragraph", [option("ref", "999")]), locale)
    assert content == BAD_REFERENCE[locale]
    english = await answer(env, interaction_payload("paragraph", [option("ref", "999")]), "en-GB")
    assert english.startswith("There is no operative paragraph 999: this resolution has operative paragraphs 1–17")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("fr", "La plage 4-2 est à l’envers\u00a0: vouliez-vous dire 2-4\u00a0?"),
        ("zh-CN", "范围 4-2 是倒序的：你是指 2-4 吗？"),
    ],
)
async def test_a_range_written_backwards_is_answered_in_the_readers_language(
    env: DiscordEnv, locale: str, expected: str
) -> None:
    assert await answer(env, interaction_payload("cite", [option("ref", "4-2")]), locale) == expected


BAD_CHOICE = {
    "fr": "«\u00a0klingon\u00a0» n’est pas valide pour cette option\u00a0: choisissez l’une des valeurs proposées.",
    "es-ES": "«klingon» no es válido para esta opción: elija uno de los valores propuestos.",
    "ru": "«klingon» не подходит для этого параметра: выберите один из предложенных вариантов.",
    "zh-CN": "“klingon”不是此选项的有效值：请从给出的选项中选择一项。",
}


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_a_bad_option_value_is_answered_in_the_readers_language(env: DiscordEnv, locale: str) -> None:
    # A value outside the option's choices, as an out-of-date client or a hand-made request sends one.
    payload = interaction_payload(
        "settings", [{"name": "language", "type": 1, "options": [option("language", "klingon")]}]
    )
    assert await answer(env, payload, locale) == BAD_CHOICE[locale]
    assert await env.storage.user_language(USER_ID) is None


MANAGE_SERVER = {
    "fr": "Il faut l’autorisation Gérer le serveur pour changer les réglages de ce serveur.",
    "zh-CN": "需要“管理服务器”权限才能更改本服务器的设置。",
}


@pytest.mark.parametrize("locale", TRANSLATED)
async def test_a_missing_permission_is_answered_in_the_readers_language(env: DiscordEnv, locale: str) -> None:
    payload = interaction_payload(
        "settings",
        [{"name": "citation-style", "type": 1, "options": [option("style", "bluebook")]}],
        member_permissions="0",
    )
    content = await answer(env, payload, locale)
    assert content == say(locale, "settings-manage-server")
    assert "Manage Server" not in content and "permission" not in content
    if locale in MANAGE_SERVER:
        assert content == MANAGE_SERVER[locale]


GUARDED = {
    "fr": "Il vous faut les autorisations Gérer le serveur, Intégrer des liens pour faire cela.",
    "es-ES": "Necesita los permisos Gestionar servidor, Insertar enlaces para hacer eso.",
    "ru": "Для этого нужны права «Управлять сервером», «Встраивать ссылки».",
    "zh-CN": "执行此操作需要以下2项权限：“管理服务器”、“嵌入链接”。",
    "en-US": "You need the Manage Server, Embed Links permissions to do that.",
}


@pytest.mark.parametrize("locale", [*TRANSLATED, SOURCE_LOCALE])
async def test_discord_py_s_permission_check_names_the_permissions_as_discord_shows_them(
    env: DiscordEnv, locale: str
) -> None:
    @app_commands.command(name="guarded", description="Needs two permissions")
    @app_commands.checks.has_permissions(manage_guild=True, embed_links=True)
    async def guarded(interaction: discord.Interaction[Any]) -> None:
        raise AssertionError("the check lets nobody without the permissions through")

    env.bot.tree.add_command(guarded)
    content = await answer(env, interaction_payload("guarded", member_permissions="0"), locale)
    assert content == GUARDED[locale]


OLD_BUTTON = {
    "fr": "Ce bouton vient d’une version du bot qui n’existe plus\u00a0; relancez la commande.",
    "es-ES": "Ese botón es de una versión del bot que ya no existe; vuelva a ejecutar el comando.",
    "ru": "Эта кнопка осталась от версии бота, которой больше нет; выполните команду ещё раз.",
    "zh-CN": "该按钮来自已不存在的旧版机器人；请重新运行命令。",
}


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("custom_id", [f"rb:gone:{USER_ID}:p:4", f"rb:show:{USER_ID}:zz:4"])
async def test_a_button_of_an_old_version_is_answered_in_the_language_of_whoever_clicks(
    env: DiscordEnv, locale: str, custom_id: str
) -> None:
    shown = message_payload(CHANNEL_ID, {"content": "4. …"})
    assert await answer(env, component_payload(shown, custom_id), locale) == OLD_BUTTON[locale]


async def test_a_language_chosen_with_settings_wins_over_the_discord_client_s(env: DiscordEnv) -> None:
    payload = interaction_payload("paragraph", [option("ref", "999")])
    await env.storage.set_user_language(USER_ID, "zh-CN", now=env.clock.now())
    assert await answer(env, payload, "fr") == BAD_REFERENCE["zh-CN"]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("fr", "Aucun document «\u00a099/999\u00a0» dans la bibliothèque."),
        ("zh-CN", "文库中没有文件“99/999”。"),
    ],
)
async def test_settings_document_answers_in_the_readers_language(env: DiscordEnv, locale: str, expected: str) -> None:
    def document(*options: dict[str, Any]) -> dict[str, Any]:
        return interaction_payload("settings", [{"name": "document", "type": 1, "options": list(options)}])

    assert (await answer(env, document(option("document", "99/999")), locale)).startswith(expected)
    current = await answer(env, document(), locale)
    assert "A/RES/62/152" in current and "Commands in this server" not in current
    chosen = await answer(env, document(option("reset", True)), locale)
    assert chosen == say(locale, "set-document-reset", symbol="A/RES/62/152")
    assert "unless told otherwise" not in chosen


@pytest.mark.parametrize(
    ("locale", "named"),
    [
        (
            "fr",
            "(résolution 62/152 de l’Assemblée générale)\u00a0; «\u00a0resolution 60/161\u00a0» désigne un autre texte.",
        ),
        ("es-ES", "(resolución 62/152 de la Asamblea General); «resolution 60/161» designa otro texto."),
        ("ru", "(резолюция Генеральной Ассамблеи 62/152); «resolution 60/161» указывает на другой текст."),
        ("zh-CN", "（大会第62/152号决议）；“resolution 60/161”指的是另一份文本。"),
    ],
)
async def test_another_resolution_is_named_the_uns_way_in_the_readers_language(
    env: DiscordEnv, locale: str, named: str
) -> None:
    content = await answer(
        env, interaction_payload("paragraph", [option("ref", "para 2 of resolution 60/161")]), locale
    )
    assert named in content
    assert "General Assembly" not in content


WHATEVER_ELSE = {
    "fr": (
        "Cette commande n’est plus disponible\u00a0; elle peut mettre une minute à disparaître de Discord.",
        "Cette commande ne fonctionne que sur les serveurs.",
        "Désolé, une erreur s’est produite de mon côté. Elle a été consignée\u00a0; veuillez réessayer.",
    ),
    "zh-CN": (
        "此命令已不再可用；它可能要过一分钟才会从 Discord 中消失。",
        "此命令只能在服务器中使用。",
        "抱歉，我这边出了点问题。问题已记录；请重试。",
    ),
}


@pytest.mark.parametrize("locale", sorted(WHATEVER_ELSE))
async def test_whatever_else_goes_wrong_is_answered_in_the_readers_language(
    env: DiscordEnv, monkeypatch: pytest.MonkeyPatch, locale: str
) -> None:
    gone, servers_only, unexpected = WHATEVER_ELSE[locale]
    assert await answer(env, interaction_payload("verse", [option("ref", "4")]), locale) == gone
    assert await answer(env, interaction_payload("settings", [{"name": "document", "type": 1}], dm=True), locale) == (
        servers_only
    )

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(env.bot.answers, "paragraph", broken)
    assert await answer(env, interaction_payload("paragraph", [option("ref", "4")]), locale) == unexpected
